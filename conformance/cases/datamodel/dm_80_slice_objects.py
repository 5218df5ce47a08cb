# id: dm_80_slice_objects
# source: python/cpython:Objects/sliceobject.c (slice_new, PySlice_New, _PyBuildSlice_Consume2, slice_dealloc,
# slice_repr, slice_richcompare, slice_hash, slice_indices, _PySlice_GetLongIndices, slice_reduce, slice_members)
# property: slice(stop) / slice(start, stop[, step]) with start/stop/step (None where absent, read-only), repr,
# comparison as (start, stop, step) tuples, unhashable before 3.12 (hashable from 3.12), indices() clipping,
# __reduce__, the constructor's errors; 56 bytes with the GC head and tracked; a dead slice is kept in a
# one-slot cache (3.x) so the next slice allocates nothing (gc.get_count deltas)
from __future__ import print_function
import gc
import sys

s = slice(1, 5, 2)
print(s, repr(slice(3)), s.start, s.stop, s.step)
print(slice(None), slice(1, 2), slice('a', [1], 2.5))
print(type(s).__name__, type(s) is slice)
print(sys.getsizeof(s), gc.is_tracked(s), gc.is_tracked(slice(1, 2)))
try:
    h = hash(slice(1, 2, 3))
    print('hashable', h == hash(slice(1, 2, 3)), h == hash((1, 2, 3)))
except TypeError as e:
    print('TypeError', e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 2), slice(1, 2) < slice(1, 3))
print(slice(1, 2) == (1, 2, None), s == s, s <= s, s < s, slice(2, 1) > slice(1, 9))
try:
    slice(1, 2) < 3
except TypeError as e:
    print('TypeError', e)
print(s.indices(10), slice(None, None, -1).indices(5), slice(-3, None).indices(2), slice(-100, 100).indices(7))
print(slice(5, 1, -2).indices(4), slice(None, -1).indices(0))
for bad in [slice(1, 10, 0), slice('a', 10)]:
    try:
        bad.indices(5)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for n in ['x', -1]:
    try:
        slice(1, 10, 2).indices(n)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(slice(1, 2).__reduce__())
for args in [(), (1, 2, 3, 4)]:
    try:
        slice(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    slice(1, stop=2)
except TypeError as e:
    print('TypeError', e)
try:
    s.start = 3
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)

# the refcounts a slice holds on its bounds
o = object()
before = sys.getrefcount(o)
t = slice(o, o, o)
print(sys.getrefcount(o) - before)
del t
print(sys.getrefcount(o) - before)

# the one-slot cache: a dead slice is kept and the next one reuses it
keep = [None] * 4
def counts():
    c0 = gc.get_count()[0]
    keep[0] = slice(1, 2)
    c1 = gc.get_count()[0]
    keep[1] = slice(1, 2)
    c2 = gc.get_count()[0]
    keep[0] = None
    c3 = gc.get_count()[0]
    keep[2] = slice(1, 2)
    c4 = gc.get_count()[0]
    keep[1] = keep[2] = None
    return c1 - c0, c2 - c0, c3 - c0, c4 - c0
counts()
print(counts())
print(counts())
