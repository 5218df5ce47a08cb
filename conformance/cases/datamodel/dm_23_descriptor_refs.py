# id: dm_23_descriptor_refs
# source: python/cpython:Objects/typeobject.c (slot_tp_descr_get, slot_tp_descr_set, vectorcall_method,
# type_getattro); Objects/object.c (_PyObject_GenericGetAttrWithDict, _PyObject_GenericSetAttrWithDict,
# _PyObject_GetMethod); Objects/call.c (PyObject_CallFunctionObjArgs)
# property: the references a descriptor's __get__/__set__/__delete__ sees: the descriptor is held by the
# lookup for the call (one more than the class namespace and the frame), the instance and value are
# borrowed on the caller's stack (no argument tuple, no bound method: the gc count does not move); a
# __get__ returning its descriptor gives the same object every time; __get__ reached through a
# staticmethod is called with the three arguments unbound
from __future__ import print_function
import gc
import sys


class Desc(object):
    def __get__(self, inst, owner):
        print("  __get__ refs: self", sys.getrefcount(self), "inst", sys.getrefcount(inst),
              "owner is Holder", owner is Holder)
        return self

    def __set__(self, inst, value):
        print("  __set__ refs: self", sys.getrefcount(self), "inst", sys.getrefcount(inst),
              "value", sys.getrefcount(value))

    def __delete__(self, inst):
        print("  __delete__ refs: self", sys.getrefcount(self), "inst", sys.getrefcount(inst))


class Holder(object):
    d = Desc()


h = Holder()
print("descriptor refs outside", sys.getrefcount(Holder.__dict__["d"]))
got = h.d
print("same object", got is Holder.__dict__["d"], h.d is h.d)
del got
v = object()
h.d = v
del h.d
print("value refs after", sys.getrefcount(v))
print("descriptor refs after", sys.getrefcount(Holder.__dict__["d"]))


class Quiet(object):
    def __get__(self, inst, owner):
        return 1

    def __set__(self, inst, value):
        pass

    def __delete__(self, inst):
        pass


class Q(object):
    q = Quiet()


def reads(o, n):
    for i in range(n):
        o.q
        o.q = i
        del o.q


qo = Q()
reads(qo, 2)
gc.collect()
before = gc.get_count()[0]
reads(qo, 50)
print("gc count moved by", gc.get_count()[0] - before)


def three(*args):
    return tuple(type(a).__name__ for a in args)


class StaticGet(object):
    __get__ = staticmethod(three)


class S(object):
    s = StaticGet()


print(S.s, S().s)
