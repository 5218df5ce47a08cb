# id: it_11_sum
# source: python/cpython:Python/bltinmodule.c (builtin_sum_impl: the int and float fast paths, the generic
#   PyNumber_Add loop, the refused text starts; 3.12+ Neumaier's compensated float sum), Python/getargs.c
#   (_PyArg_UnpackKeywords, PyArg_UnpackTuple), Lib/test/test_builtin.py (BuiltinTest.test_sum)
# property: sum() iterates its argument (a generator's error comes through, nothing is gathered first); an
#   exact int start keeps a C total while items are exact ints or bools, the first other item is added to
#   the total by PyNumber_Add (an int subclass's __radd__ runs); a float total takes floats and any int
#   (a subclass's __radd__ does not run there); 3.12+ sums floats with compensation; a str/bytes/bytearray
#   start is refused (2.7: str and unicode); a list start is not extended in place; start= by keyword (3.x)
#   and the argument errors of each version
from __future__ import print_function
import sys

PY3 = sys.version_info[0] >= 3


def show(f):
    try:
        r = f()
    except (TypeError, ValueError) as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


show(lambda: sum([0.1] * 10))
show(lambda: sum([1e100, 1.0, -1e100, 1.0]))
show(lambda: sum([1e16, 1, 1]))
show(lambda: sum([1e16, 1.0, 1.0]))
show(lambda: sum([1, 2.5, 3]))
show(lambda: sum([float("inf"), 1.0]))
show(lambda: sum([float("inf"), float("-inf")]))
show(lambda: sum([1e308, 1e308]))
show(lambda: sum([-0.0]))
show(lambda: sum([-0.0], -0.0))
show(lambda: sum([], -0.0))
show(lambda: sum([0.1, 0.2, 0.3], 0.0))
show(lambda: sum((x / 10.0 for x in range(20)), 0.5))
show(lambda: sum([True, True, 3]))
show(lambda: sum([], True))
show(lambda: sum([True], True))
if PY3:
    show(lambda: sum([2 ** 62, 2 ** 62, 1]))
    show(lambda: sum([1.5, 2 ** 70]))
    show(lambda: sum([1], 2 ** 70))
    show(lambda: sum([1], start=5))
    show(lambda: sum([1], x=5))
    show(lambda: sum([1], 2, start=3))
    show(lambda: sum(iterable=[1]))
    show(lambda: sum(b"ab"))
for s in ("", u"", b"", bytearray()):
    show(lambda: sum([], s))
show(lambda: sum())
show(lambda: sum(1, 2, 3))
show(lambda: sum(5))
show(lambda: sum([1, "a"]))
show(lambda: sum(["a", "b"]))


class A(object):
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return A(self.v + (o.v if isinstance(o, A) else o))

    __radd__ = __add__


class I(int):
    def __radd__(self, o):
        return "radd"

    def __add__(self, o):
        return "add"


print(sum([A(1), A(2)]).v, sum([1, A(2), 3]).v, sum([1.0, A(2)]).v, sum([A(1)], A(10)).v)
show(lambda: sum([1.0, I(2)]))
show(lambda: sum([1, I(2)]))
show(lambda: sum([I(2)]))
show(lambda: sum([I(2)], 0.5))
empty = []
print(sum([[x] for x in range(4)], empty), empty)
print(sum([(1,), (2, 3)], ()), sum(iter([1, 2, 3])), sum(range(5), 10), sum({1: 0, 2: 0}))


def gen():
    yield 1
    yield 2
    raise ValueError("inside")


show(lambda: sum(gen()))
show(lambda: sum(x for x in [1.0, 2, 3.5]))
