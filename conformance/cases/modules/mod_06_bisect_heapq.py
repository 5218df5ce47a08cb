# id: mod_06_bisect_heapq
# source: python/cpython:Modules/_bisectmodule.c (internal_bisect_right, internal_bisect_left, _bisect_insort_right_impl, _bisect_insort_left_impl); Lib/bisect.py (bisect, insort aliases); Modules/_heapqmodule.c (siftdown, siftup, heappush, heappop_internal, heapreplace_internal, heappushpop, heapify_internal, cache_friendly_heapify); Lib/test/test_bisect.py; Lib/test/test_heapq.py
# property: bisect/insort left and right with lo, hi and key, on lists and other sequences, their errors; the heap functions give CPython's list order (its siftdown/siftup comparisons, the cache-friendly heapify beyond 2500 items) and errors, and call __lt__ in CPython's order
import bisect, _bisect, heapq, _heapq
from bisect import bisect as bis, insort
a = [1, 2, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)], [bisect.bisect_right(a, x) for x in range(10)], [bis(a, x) for x in (0, 2, 9)])
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, hi=2), bisect.bisect_right(a, 8, lo=3, hi=None), _bisect.bisect_right(a, 2))
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
l = []
for x in [5, 1, 4, 1, 3]:
    insort(l, x)
bisect.insort_left(l, 4)
bisect.insort_right(l, 0, 0, 0)
bisect.insort(recs, ('d', 4), key=lambda r: r[1])
print(l, recs)
def tryit(f, *args, **kw):
    try:
        print('ok', f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
tryit(bisect.bisect_left, a, 1, -1)
tryit(bisect.bisect_right, 5, 1)
tryit(bisect.bisect, a)
tryit(bisect.bisect_left, [1, 'x'], 2)
class C:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        C.n += 1
        print('lt', self.v, o.v)
        return self.v < o.v
print(bisect.bisect_left([C(1), C(3), C(5)], C(4)), bisect.bisect_right([C(1), C(3), C(5)], C(3)))
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for i in range(4)], h)
print(heapq.heapreplace(h, 10), h, heapq.heappushpop(h, -1), heapq.heappushpop(h, 4), h)
import random
r = random.Random(5)
big = [r.random() for i in range(3000)]
small = big[:50]
heapq.heapify(small)
heapq.heapify(big)
print(small[:8], big[:6], big[2990:])
ch = [C(v) for v in (4, 2, 6, 1)]
heapq.heapify(ch)
print([c.v for c in ch], C.n)
tryit(heapq.heappop, [])
tryit(heapq.heapreplace, [], 1)
tryit(heapq.heappush, (), 1)
tryit(heapq.heapify, {})
tryit(heapq.heappush, [1])
tryit(_heapq.heappush, [1, 'x'], 2)
print(heapq.heappushpop([], 3))
