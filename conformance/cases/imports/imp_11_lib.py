# id: imp_11_lib
# source: python/cpython:Lib/bisect.py, Lib/heapq.py (their `try: from _bisect import * / from _heapq import * except ImportError: pass` fallbacks); Lib/importlib/_bootstrap_external.py (PathFinder: sys.path after the program's directory holds the standard library)
# property: pure-Python modules of CPython's own Lib directory import and run: the import of the C accelerator
# inside try fails at run time (or finds refheap's native one) and the module's own Python code is used; their
# results are CPython's
import bisect
import heapq

a = [1, 3, 3, 7, 10]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 11), bisect.bisect_left(a, 0, 1, 3))
bisect.insort(a, 5)
bisect.insort_left(a, 3)
print(a)
print(bisect.bisect_left([(1, "a"), (2, "b")], 2, key=lambda t: t[0]))
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), h)
print(heapq.nsmallest(3, [7, 2, 9, 4, 1]), heapq.nlargest(2, [7, 2, 9, 4, 1]))
x = [9, 4, 7, 1]
heapq.heapify(x)
print(x, heapq.heappushpop(x, 0), heapq.heapreplace(x, 6), x)
