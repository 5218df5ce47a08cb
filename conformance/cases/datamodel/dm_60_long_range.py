# id: dm_60_long_range
# source: python/cpython:Objects/rangeobject.c (range_new, compute_range_length, range_length, compute_range_item,
# range_contains_long, range_equals, range_hash, range_repr, compute_slice, range_iter, range_reverse,
# longrangeiter_next)
# property: ranges whose start, stop, step or length do not fit a C long keep them as ints: repr, bool, ==,
# hash, `in`, indexing (negative too, IndexError past the end), slicing (int64 bounds), start/stop/step; len() of one too long is
# OverflowError "Python int too large to convert to C ssize_t" (so is list() of it); iterating or reversing
# one makes a longrange_iterator (48 bytes, 40 from 3.12, not GC-tracked) and iter() picks range_iterator or
# longrange_iterator exactly as CPython does at the C long boundaries
import gc
import sys

big = 1 << 1000
r = range(big)
print(sys.getsizeof(r), gc.is_tracked(r), bool(r), bool(range(big, 0)))
print(repr(range(-(1 << 70), 1 << 70, 1 << 65)), r.start, r.step, r.stop == big)
for f in (len, list):
    try:
        f(r)
    except OverflowError as e:
        print(f.__name__, "OverflowError", e)
it = iter(r)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), next(it), next(it), next(it))
rv = reversed(range(1 << 100))
print(type(rv).__name__, sys.getsizeof(rv), gc.is_tracked(rv), next(rv), next(rv))
print(r[5], r[-1] == big - 1, r[big - 1] == big - 1, r[-big] == 0)
for k in (big, -big - 1):
    try:
        r[k]
    except IndexError as e:
        print("IndexError", e)
print((1 << 999) in r, -1 in r, big in r, 3 in range(big, 0, -3), big - 1 in range(big, 0, -1))
print(r == range(0, big, 1), r == range(big + 1), range(big, big) == range(0), r != range(0, big, 2))
print(hash(r) == hash(range(0, big)), hash(range(big, big + 1, big)) == hash(range(big, big + 1)))
print(range(big, big * 2)[1:3], range(big, big + 10)[2:8:2], range(big, big + 10)[::-3])
near = range((1 << 64) - 2, (1 << 64) + 1)
print(len(near), list(near), list(reversed(near)), near[1], (1 << 64) in near)
for args in ((0, (1 << 62)), (-(1 << 63), 0), (-(1 << 63), 1), (0, (1 << 63) - 1), (0, (1 << 63)),
             (-5, 1 << 64, 1 << 62), ((1 << 63) - 1, -(1 << 63), -1), (-(1 << 63), 10, 1 << 63)):
    x = range(*args)
    print(args, type(iter(x)).__name__, type(reversed(x)).__name__, x == range(*args))
for bad in ((big, 0, 0), (1.5, big)):
    try:
        range(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
total = 0
for i in range(big, big + 5):
    total += i - big
print(total, sum(range(big, big + 3)) == 3 * big + 3, [i - big for i in range(big + 4, big, -2)])
