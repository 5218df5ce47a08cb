# id: dm_121_managed_weakref_sizes
# source: python/cpython:Objects/typeobject.c (type_new_descriptors: Py_TPFLAGS_MANAGED_WEAKREF and MANAGED_WEAKREF_OFFSET from 3.12, a __weakref__ word in the instance before; type_new_slots); Include/internal/pycore_object.h (_PyType_PreHeaderSize, _PyObject_GET_WEAKREFS_LISTPTR); Python/sysmodule.c (_PySys_GetSizeOf)
# property: sys.getsizeof of instances of plain classes, of classes with __slots__ (with and without
#   __weakref__ and __dict__), of their subclasses and of list/dict/int subclasses: from 3.12 the weakref list is a
#   pre-header word beside the managed dict (a plain instance is 48 bytes, a slotted one naming __weakref__ 56),
#   before it a word of the instance; weak references to each kind still work through that word (__weakref__,
#   getweakrefcount, the callback at death, collection of a cycle holding a weakly referenced instance)
from __future__ import print_function
import sys, gc, weakref
class A(object):
    pass
class B(object):
    def __init__(self):
        self.t = 1
        self.u = [2]
class S(object):
    __slots__ = ('a',)
class SW(object):
    __slots__ = ('a', '__weakref__')
class SD(object):
    __slots__ = ('a', '__dict__')
class S0(object):
    __slots__ = ()
class SubA(A):
    pass
class SubS(S):
    pass
class SubS0(S0):
    pass
class SubSW(SW):
    __slots__ = ('b',)
class L(list):
    pass
class D(dict):
    pass
class I(int):
    pass
objs = [A(), B(), S(), SW(), SD(), SubA(), SubS(), SubS0(), SubSW(), L(), D(), I(7)]
for o in objs:
    print(type(o).__name__, sys.getsizeof(o), gc.is_tracked(o))
log = []
def cb(r):
    log.append('cb')
refs = []
for o in objs:
    if hasattr(type(o), '__weakref__'):
        refs.append((type(o).__name__, weakref.ref(o, cb)))
    else:
        print(type(o).__name__, 'no __weakref__')
for name, r in refs:
    o = r()
    print(name, weakref.getweakrefcount(o), o.__weakref__ is r)
del o
w = SubA()
w.me = w
w.other = SW()
w.other.a = w
rw, rsw = weakref.ref(w, cb), weakref.ref(w.other, cb)
del objs, w
print(log, [r() is None for name, r in refs])
print(gc.collect(), log, rw() is None, rsw() is None)
