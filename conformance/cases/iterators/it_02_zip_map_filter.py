# id: it_02_zip_map_filter
# source: python/cpython:Python/bltinmodule.c (zip_new/zip_next, map_new/map_next, filter_new/filter_next); Objects/enumobject.c (reversed_new_impl, reversed_next); Objects/listobject.c (list___reversed__, listreviter_next); Lib/test/test_sys.py:SizeofTest (sizes of the iterator objects)
# property: zip reuses its result tuple like enumerate; map calls its function on one item of each iterable; filter with None keeps the true items; reversed of a list is a list_reverseiterator, of another sequence a reversed object; all are GC objects of CPython's sizes, usable in for loops and by list(), tuple(), sorted(), min(), max(), sum()
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import sys
def double(x):
    return 2 * x
def add(a, b):
    return a + b
def odd(x):
    return x % 2
z = zip([1, 2, 3], [4, 5, 6])
u = next(z)
del u
gc.collect()
u = next(z)
print(u, gc.is_tracked(u))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3))))
print(list(map(double, [1, 2, 3])), list(map(add, [1, 2], [10, 20, 30])), list(map(str, range(3))))
print(list(filter(None, [0, 1, 2, "", "x", None])), list(filter(odd, range(8))), tuple(filter(bool, (0, 3))))
print(list(reversed([1, 2, 3])), tuple(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))))
print(sorted(map(double, [3, 1, 2])), max(map(double, [3, 1, 2])), sum(map(double, [1, 2])), min(zip([2, 1], [0, 9])))
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__)
print(type(reversed([])).__name__, type(reversed((1,))).__name__, type(iter({1})).__name__)
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(abs, [])), sys.getsizeof(filter(None, [])))
print(sys.getsizeof(reversed([])), sys.getsizeof(reversed((1,))), sys.getsizeof(iter(set())))
print(gc.is_tracked(enumerate([])), gc.is_tracked(zip()), gc.is_tracked(map(abs, [])), gc.is_tracked(reversed([])))
for i, (a, b) in enumerate(zip("xy", [7, 8])):
    print(i, a, b)
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
r = reversed([5, 6])
print(next(r), next(r), next(r, None))
m = map(double, [1])
print(next(m), next(m, "done"))
