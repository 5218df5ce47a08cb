# id: wr_18_weakref_sizes
# source: python/cpython:Include/cpython/weakrefobject.h (struct _PyWeakReference: wr_object, wr_callback, hash, wr_prev, wr_next, and from 3.11 vectorcall); Objects/weakrefobject.c (new_weakref, PyWeakref_NewRef, PyWeakref_NewProxy, get_basic_refs); Python/sysmodule.c (_PySys_GetSizeOf)
# property: sys.getsizeof of weak references: a ref and a proxy, each with and without a callback, are one
#   PyWeakReference (56 bytes in 2.7 and 3.10, 64 from 3.11, plus the GC head: 88, 72, 80); the callback-less
#   ref and proxy are shared (get_basic_refs), the ones with a callback are new; getweakrefcount counts them all
#   (weakref.ref subclasses, which add their slots after the struct: wr_13, wr_16)
from __future__ import print_function
import sys, weakref
class C(object):
    pass
def cb(r):
    pass
o = C()
r1, r2, r3 = weakref.ref(o), weakref.ref(o, cb), weakref.ref(o)
p1, p2, p3 = weakref.proxy(o), weakref.proxy(o, cb), weakref.proxy(o)
print(sys.getsizeof(r1), sys.getsizeof(r2), sys.getsizeof(p1), sys.getsizeof(p2))
print(r1 is r3, r1 is r2, p1 is p3, p1 is p2, weakref.getweakrefcount(o))
print(r2() is o, p2.__class__ is C, sys.getrefcount(r1))
del o
print(r1(), r2(), weakref.getweakrefcount(r1))
