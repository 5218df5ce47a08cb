# id: it_04_method_wrapper
# source: python/cpython:Objects/descrobject.c (PyWrapper_New, wrapper_call, wrapper_richcompare, wrapper_hash, wrapper_members, wrapper_getsets); Objects/typeobject.c (slotdefs: wrap_next, wrap_unaryfunc, wrap_lenfunc); Lib/heapq.py (merge: next = iter(it).__next__, next.__self__)
# property: an iterator's __next__ / __iter__ and a sized object's __len__ are method-wrappers bound to the
#   object: their type, size (32 + GC head), GC tracking, the reference they hold on self, equality and hash
#   by (slot, self), StopIteration at the end, argument checking; heapq.merge (Lib) runs on them
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import heapq
import sys

NEXT = "__next__" if hasattr(iter([]), "__next__") else "next"  # 2.7 names tp_iternext's wrapper `next`
it = iter([10, 20])
before = sys.getrefcount(it)
n = getattr(it, NEXT)
print(type(n).__name__, sys.getsizeof(n), gc.is_tracked(n), n.__name__ == NEXT, n.__self__ is it)
print(sys.getrefcount(it) - before)
print(n(), n())
try:
    n()
except StopIteration as e:
    print("StopIteration", e.args)
try:
    n(1)
except TypeError as e:
    print("TypeError", e)
m = getattr(it, NEXT)
print(m is n, m == n, m != n, hash(m) == hash(n), n == getattr(iter([]), NEXT))
del n, m
print(sys.getrefcount(it) - before)
print(it.__iter__() is it, type(it.__iter__).__name__, [1, 2, 3].__len__(), range(7).__len__(), {1: 2}.__len__())
for obj in (iter((1,)), iter("ab"), iter(range(2)), enumerate([]), zip([], []), map(len, []), iter({1: 2}), iter(set())):
    w = getattr(obj, NEXT)
    print(type(w).__name__, sys.getsizeof(w), gc.is_tracked(w))


def gen():
    yield 1
    yield 2


g = gen()
print(type(getattr(g, NEXT)).__name__, getattr(g, NEXT)(), list(g))
print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])))
print(list(heapq.merge([], [1], [])), list(heapq.merge(iter([2, 1]), [3])))
