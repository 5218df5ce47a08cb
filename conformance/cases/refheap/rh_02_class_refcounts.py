# id: rh_02_class_refcounts
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:type_new_descriptors, type_ready_fill_dict
# (add_members, add_getset), type_new_set_doc; Objects/descrobject.c:descr_new, descr_traverse
# property: a class statement puts the __dict__ and __weakref__ getset descriptors (only when its base
# lacks them), one member descriptor per __slots__ name and __doc__ = None into the class namespace, in
# CPython's order; each descriptor is a 64-byte GC object holding the class, so sys.getrefcount of classes
# and gc.collect() counts after deleting classes match CPython
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys
import gc
import weakref
gc.disable()
gc.collect()

class C:
    x = 1

print(list(C.__dict__))
print(sys.getrefcount(C))
g = C.__dict__['__dict__']
print(type(g).__name__, sys.getsizeof(g), gc.is_tracked(g))
print(sys.getrefcount(C))
del g
print(C.__weakref__ is C.__dict__['__weakref__'], C.__doc__)

class D(C):
    pass

print(list(D.__dict__), sys.getrefcount(D))

class E:
    __slots__ = ('b', 'a')

print(list(E.__dict__), sys.getrefcount(E))
print(type(E.a).__name__, sys.getsizeof(E.a), E.a is E.__dict__['a'])

class F(D, E):
    pass

print(list(F.__dict__), sys.getrefcount(F))

class W:
    __slots__ = ('__weakref__', 'x')

print(list(W.__dict__), sys.getrefcount(W))

c = C()
print(c.__weakref__, c.__doc__, c.__module__)
r = weakref.ref(c)
print(c.__weakref__ is r)
c.y = 2
print(c.__dict__)
del c, r

print(sys.getrefcount(C), sys.getrefcount(E))
del F
print(gc.collect())
print(sys.getrefcount(C), sys.getrefcount(E))

class G:
    pass

del G
print(gc.collect())

class K:
    def f(self):
        pass

del K
print(gc.collect())

class S:
    __slots__ = ('p', 'q', 'r')

del S
print(gc.collect())
# static built-in types are not GC objects (type_is_gc), so a tuple of them is untracked by a collection
gc.disable()
class B(object, ):
    pass
gc.collect()
print(gc.is_tracked((object, 1)), gc.is_tracked(B.__bases__))
del B
print(gc.collect())
