# id: it_06_range_slice
# source: python/cpython:Objects/rangeobject.c (range_subscript, compute_slice: the slice's indices adjusted to the length, items start and stop of the range, step times the range's step; compute_range_length); Objects/sliceobject.c (_PySlice_GetLongIndices)
# property: slicing a range gives a range (repr, length, items, size), with positive and negative steps,
#   out-of-range bounds and empty results; equality with a plain range; a zero step is a ValueError
from __future__ import print_function
import sys
r = range(10)
for s in (r[:3], r[3:], r[::2], r[::-1], r[-3:], r[8:2:-2], r[5:5], r[100:], r[-100:2], range(3, 30, 4)[1:-1], range(3, 30, 4)[::-3], range(10, 0, -3)[1:], range(0)[::-1]):
    print(s, len(s), list(s), sys.getsizeof(s))
print(r[:3] == range(3), type(r[1:]).__name__)
try:
    r[::0]
except ValueError as e:
    print(e)
