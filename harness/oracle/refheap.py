"""Pure-Python stand-in for refheap's native `refheap` module, so workloads run unchanged under CPython.

mark(label) records a named point; the oracle runner (harness/oracle/run_oracle.py) reads MARKS and
places each mark on the statement that called it."""
MARKS = []
_hook = None


def mark(label):
    MARKS.append(str(label))
    if _hook is not None:
        _hook(str(label))
