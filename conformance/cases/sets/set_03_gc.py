# id: set_03_gc
# source: python/cpython:Objects/setobject.c (make_new_set through PyType_GenericAlloc: tracked at once; set_traverse; set_clear_internal; setiter_iternext); Python/ceval.c (BUILD_SET, SET_ADD, SET_UPDATE); Python/compile.c (starunpack_helper: a display of three or more constants is BUILD_SET 0 + a frozenset constant + SET_UPDATE)
# property: every set and frozenset is tracked from creation, whatever it holds; a set display, set() and a set comprehension allocate exactly CPython's GC objects (gc.get_count); a cycle through a set is collected; a set iterator holds its set until exhausted and refuses a set that changed size
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import sys
class Node:
    pass
gc.disable()
print(gc.is_tracked(set()), gc.is_tracked({1, 2}), gc.is_tracked(frozenset([1])), gc.is_tracked(frozenset()))
gc.collect()
c0 = gc.get_count()[0]
x = {1, 2}
y = {3, 4, 5}
z = set()
w = set([1, 2, 3])
print(gc.get_count()[0] - c0)
v = {i for i in range(3)}
gc.collect()
print(gc.is_tracked(x), gc.is_tracked(y), gc.is_tracked(w))
n = Node()
n.s = {n}
s2 = {frozenset([n])}
del n
del s2
print(gc.collect())
s = {10, 20, 30}
it = iter(s)
print(next(it), sys.getrefcount(s) - 1)
print(list(it), sys.getrefcount(s) - 1)
it = iter(s)
next(it)
s.add(40)
try_it = it
print(sorted(s))
del s, it, try_it
