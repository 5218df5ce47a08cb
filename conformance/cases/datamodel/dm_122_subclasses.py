# id: dm_122_subclasses
# source: python/cpython:Objects/typeobject.c (add_subclass, remove_subclass, type_dealloc,
# _PyType_GetSubclasses, type_new_set_names, type_new_copy_slots, mro_implementation); Objects/call.c
# (_PyObject_MakeTpCall, _PyStack_UnpackDict); Python/bltinmodule.c (builtin___build_class__)
# property: what a class statement allocates: the base's tp_subclasses dict at its first subclass (2.7: a
# list), one weak reference per class shared by all its bases and by weakref.ref(cls), type_call's argument
# tuple (and with keywords the names tuple and keyword dict), the names_to_set copy, a merge list for
# several bases, the __slots__ list, 3.13's __static_attributes__ constant; __subclasses__() in creation
# order, a collected subclass leaving it (3.11+ drops an emptied dict), built-in bases included; refcounts
# and weak reference counts of classes
from __future__ import print_function
import gc
import sys
import weakref

print('start', [0], {0: 0}, (0,))


class P(object):
    pass


def count(label, c0):
    print(label, gc.get_count()[0] - c0)


def names(cls):
    return [c.__name__ for c in cls.__subclasses__()]


gc.collect()
c0 = gc.get_count()[0]


class A(P):  # P's first subclass: its dict is made
    pass


count('first subclass', c0)
gc.collect()
c0 = gc.get_count()[0]


class B(P):
    pass


count('second subclass', c0)
gc.collect()
c0 = gc.get_count()[0]


class M(A, B):  # several bases: mro_implementation's merge list; one weakref for both bases
    pass


count('two bases', c0)
gc.collect()
c0 = gc.get_count()[0]




class S1(object):
    __slots__ = 'a'


count('slots str', c0)
gc.collect()
c0 = gc.get_count()[0]


class S2(object):
    __slots__ = ['b', 'a']


count('slots list', c0)
gc.collect()
c0 = gc.get_count()[0]


class S3(object):
    __slots__ = ('b', 'a', '__dict__')


count('slots tuple', c0)
gc.collect()
c0 = gc.get_count()[0]


class L(list):
    pass


count('list subclass', c0)
gc.collect()
c0 = gc.get_count()[0]


class E1(KeyError):  # no built-in subclass of KeyError: the first makes its dict
    pass


count('KeyError subclass', c0)
gc.collect()
c0 = gc.get_count()[0]


class E2(KeyError):
    pass


count('second KeyError subclass', c0)
gc.collect()
c0 = gc.get_count()[0]


class E3(ValueError):  # ValueError has UnicodeError already
    pass


count('ValueError subclass', c0)
gc.collect()
c0 = gc.get_count()[0]


class W(object):  # 3.13: __static_attributes__ ('x', 'y') is a constant of the body's code
    def __init__(self):
        self.y = 2
        self.x = 1


count('self attributes', c0)

print(names(P), names(A))
print(L in list.__subclasses__(), E1 in KeyError.__subclasses__(), E3 in ValueError.__subclasses__())
print(weakref.getweakrefcount(A), weakref.ref(A) is weakref.ref(A), weakref.getweakrefs(M)[0]() is M)
print(sys.getrefcount(A), sys.getrefcount(B), sys.getrefcount(M), sys.getrefcount(P))

# a collected subclass leaves its bases' dicts; a base whose dict it emptied gets a new one at the next
del M
print(gc.collect())
print(names(P), names(A), weakref.getweakrefcount(A))
r = weakref.ref(B)
del B
print(gc.collect(), r() is None)
print(names(P))
gc.collect()
c0 = gc.get_count()[0]


class C(A):  # A's only subclass (M) is gone
    pass


count('after an emptied dict', c0)
gc.collect()
c0 = gc.get_count()[0]


class D(P):
    pass


count('after a removed entry', c0)
print(names(P), names(A))
del E1, E2
gc.collect()
print(KeyError.__subclasses__() == [], names(P))
