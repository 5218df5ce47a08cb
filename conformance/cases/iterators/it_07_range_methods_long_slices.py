# id: it_07_range_methods_long_slices
# source: python/cpython:Objects/rangeobject.c (range_count, range_index, range_reverse, range_reduce, compute_slice); Objects/sliceobject.c (_PySlice_GetLongIndices, evaluate_slice_index, slice_indices); Objects/abstract.c (_PySequence_IterSearch); Python/ceval.c (_PyEval_SliceIndex)
# property: range.count/index answer ints and bools arithmetically ("7 is not in range") and other values by
#   comparing each item in order ("sequence.index(x): x not in sequence"); slices of ranges beyond 2**63 and
#   slice.indices() of any length compute on ints (negative and omitted bounds, negative steps, __index__
#   bounds); a slice bound beyond Py_ssize_t is clipped for lists and short ranges; __reversed__, __reduce__
import sys


class Three:
    def __eq__(self, other):
        return other == 3

    __hash__ = None


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


r = range(0, 20, 3)
print(r.count(6), r.count(7), r.count(True), r.count(6.0), r.count("6"), r.count(Three()))
print(r.index(9), r.index(0), range(5).index(True), r.index(6.0), range(10).index(Three()))
print(range(10 ** 20).count(5), range(10 ** 20).index(10 ** 19), range(-10 ** 20, 0, 7).index(-10 ** 20 + 14))
print(range(10 ** 20).index(5.0), range(10 ** 20, 0, -1).count(10 ** 20))
for rr, v in ((r, 7), (r, 21), (range(5), False), (range(1, 5), True), (r, 2 ** 70), (r, "a"), (r, None)):
    try:
        rr.index(v)
    except ValueError as e:
        print("ValueError:", e)
for bad in ((), (1, 2)):
    try:
        r.count(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    r.index(x=1)
except TypeError as e:
    print("TypeError:", e)

big = range(10 ** 20)
print(big[-3:], big[::-2], big[:-1], big[5:2 ** 70:3], big[-2 ** 80:5], big[::-(10 ** 19)])
print(range(-10 ** 20, 0)[5:], range(10 ** 19, 10 ** 20, 7)[::-1], range(10 ** 19, 10 ** 20, 7)[-5::-3])
print(big[Idx(2):Idx(-2):Idx(10 ** 18)], len(big[::10 ** 10]), big[10 ** 20:], big[:0:-1][0])
print(range(0, 10, 2)[1:2 ** 80], range(0, 10, 2)[-2 ** 80:2], range(2 ** 62, 2 ** 63 - 1, 2 ** 61)[::-1])
print(range(0, 2 ** 63 - 1, 2 ** 62)[::], range(0, 10, 2 ** 62)[::-(2 ** 62)])
print([1, 2, 3, 4][1:2 ** 80], [1, 2, 3, 4][-2 ** 80:-1], (1, 2, 3)[::2 ** 70], "abcdef"[-2 ** 90::2])
s = slice(None, None, -1)
print(s.indices(2 ** 70), slice(-2 ** 80, 2 ** 80, 3).indices(10), slice(5, -5).indices(2 ** 64))
print(slice(Idx(1), Idx(-1), Idx(2)).indices(Idx(10)), slice(True, None).indices(True), slice(None).indices(0))
for sl, n in ((slice(None, None, 0), 5), (slice("a"), 5), (slice(None), -1), (slice(None), 1.5), (slice(None, None, 0), -1)):
    try:
        print(sl.indices(n))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for key in (slice(None, None, 0), slice("a", None)):
    try:
        big[key]
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(list(r.__reversed__()), r.__reduce__(), big.__reduce__(), big.__getitem__(slice(-3, None)))
print(sys.getsizeof(big[::-1]), big[::-1] == range(10 ** 20 - 1, -1, -1), hash(big[1:1]) == hash(range(0)))
