# id: exc_02_traceback_keeps_frames
# source: CPython 3.11 Python/frame.c (take_ownership), Objects/frameobject.c (_PyFrame_New_NoTrack,
# frame_tp_traverse), Python/traceback.c (PyTraceBack_Here), Python/compile.c:compiler_try_except
# (`except E as e` ends with e = None; del e); Lib/test/test_exceptions.py:ExceptionTests.testExceptionCleanupState
# property: a caught exception keeps its traceback, the traceback the frames it passed through and each
# frame its locals: a function that stores its caught exception in a local makes a cycle only the
# collector frees (the local's __del__ runs at gc.collect(), not at return); `except ... as e` unbinds e
# at the end of the clause, so no cycle forms without that store; exception, traceback and frame
# objects are GC-tracked and counted as CPython counts them
from __future__ import print_function
import gc
import sys


class Noisy(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail(n):
    local = Noisy("inner%d" % n)
    raise ValueError(n)


def keep_error():
    payload = Noisy("kept")
    try:
        fail(1)
    except ValueError as e:
        saved = e           # exception -> traceback -> this frame -> saved: a cycle
    return "returned"


def drop_error():
    payload = Noisy("dropped")
    try:
        fail(2)
    except ValueError as e:
        pass                # e is unbound here: no cycle
    return "returned"


gc.collect()
print(drop_error())
print("after drop_error")
print(keep_error())
print("after keep_error")
print("collected", gc.collect() > 0)
print("after collect")


def unbound_after_clause():
    try:
        raise KeyError("x")
    except KeyError as e:
        pass
    try:
        return e
    except NameError as err:  # UnboundLocalError is a NameError
        return type(err).__name__


print(unbound_after_clause())

try:
    fail(3)
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    print(type(tb.tb_frame).__name__, gc.is_tracked(tb), gc.is_tracked(e))
    del tb
print("module level handled")

e1 = ValueError("a")
print(sys.getsizeof(e1), gc.is_tracked(e1))
print(sys.getsizeof(ValueError()), sys.getsizeof(StopIteration(1)), sys.getsizeof(SystemExit(2)))


class Sub(KeyError):
    pass


s = Sub("k")
print(sys.getsizeof(s), repr(s), str(s), isinstance(s, LookupError))
s.extra = [1]
print(s.extra, s.__dict__)
print(StopIteration(7).value, SystemExit(3).code, SystemExit().code)

gc.collect()
before = gc.get_count()[0]
try:
    {}["missing"]
except KeyError:
    pass
print("gc objects made by a caught KeyError:", gc.get_count()[0] - before)
