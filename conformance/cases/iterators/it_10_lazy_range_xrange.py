# id: it_10_lazy_range_xrange
# source: python/cpython:Objects/rangeobject.c (range_new, range_repr, range_subscript, range_richcompare; 2.7: range_new, range_repr, range_item, PyRange_Type "xrange", rangeiter_new); Python/bltinmodule.c (2.7 builtin_range: a list); Objects/listobject.c (2.7 listextend's length hint)
# property: the lazy range type of each profile: 3.x's range, 2.7's xrange beside a range() function that builds a list. 2.7's xrange reprs its stop as start + len * step, indexes (negative too) but does not slice ("sequence index must be integer"), compares and hashes by identity, has no start/stop/step, refuses floats and keywords with 2.7's messages, iterates with a rangeiterator; list(xrange(n)) over-allocates as listextend of any iterable where 3.x's list(range(n)) is exact
from __future__ import print_function
import sys

try:
    lazy = xrange
except NameError:
    lazy = range

r = lazy(5)
print(type(r).__name__, r, lazy(1, 5), lazy(0, 10, 3), lazy(10, 0, -2), lazy(3, 3), lazy(-5))
print(len(r), r[0], r[-1], r[4], list(r), list(reversed(r)), 3 in r, 7 in r, 1.0 in r)
print(type(iter(r)).__name__, type(reversed(r)).__name__, sum(lazy(100)), bool(lazy(0)), bool(r))
print(r == lazy(5), r == r, r != lazy(5), hash(r) == hash(r))
print(type(range(3)).__name__, range(1, 10, 4) == [1, 5, 9], list(range(5, 0, -1)))
print(r.__reduce__()[1], lazy(1, 10, 4).__reduce__()[1])
for bad in ("r[1:3]", "r.start", "lazy(1.5)", "lazy(0, 5, 0)", "lazy()", "lazy(1, 2, 3, 4)", "r[10]", "lazy(x=1)"):
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
for n in (0, 1, 5, 10, 100):
    print(n, sys.getsizeof(list(lazy(n))), sys.getsizeof(tuple(lazy(n))), sys.getsizeof(sorted(lazy(n))),
          sys.getsizeof([x for x in lazy(n)]))
