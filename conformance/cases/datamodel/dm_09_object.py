# id: dm_09_object
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:object_new (a plain object: 16 bytes, not
# GC-tracked), object_repr ("<object object at 0x...>"), object_richcompare, _Py_HashPointer
# property: object() is a callable built-in making a bare object with CPython's size, tracking, repr,
# hash, equality and references
from __future__ import print_function
import gc
import sys

o = object()
p = object()
print(type(o) is object, type(o).__name__, sys.getsizeof(o), gc.is_tracked(o), sys.getrefcount(o))
print(o == o, o == p, o != p, hash(o) == hash(o), isinstance(o, object), isinstance(1, object))
print(repr(o)[:17], str(o)[:17])
l = [o, o, p]
print(sys.getrefcount(o), l.count(o), o in l, l.index(p))
del l
print(sys.getrefcount(o))
print("x")
gc.disable()
gc.collect()
before = gc.get_count()[0]
x = object()
print(gc.get_count()[0] - before)
