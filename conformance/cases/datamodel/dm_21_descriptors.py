# id: dm_21_descriptors
# source: python/cpython:Objects/typeobject.c (slot_tp_descr_get, slot_tp_descr_set, update_one_slot,
# type_getattro); Objects/object.c (_PyObject_GenericGetAttrWithDict, _PyObject_GenericSetAttrWithDict,
# PyDescr_IsData)
# property: a class defining __get__/__set__/__delete__ makes its instances descriptors: __get__ receives
# (descriptor, instance, owner) on instance access and (descriptor, None, class) on class access; a data
# descriptor (__set__ or __delete__ defined) wins over the instance __dict__ for get, set and delete, a
# __get__-only one loses to it; a __set__-only descriptor is returned itself unless the instance dict has
# the name; descriptors are inherited (owner is the class looked through) and a class used as a method
# decorator binds through its __get__; assigning __set__ to a descriptor class later makes it a data
# descriptor; under py27 a classic class (`class X:`) reads its instance dict first and never calls __set__
from __future__ import print_function


def who(x):
    return None if x is None else type(x).__name__


class NonData(object):
    def __get__(self, inst, owner):
        print("  NonData.__get__", who(self), who(inst), owner.__name__)
        return "nd-value"


class Data(object):
    def __init__(self, tag):
        self.tag = tag
        self.store = {}

    def __get__(self, inst, owner):
        print("  Data.__get__", self.tag, who(inst), owner.__name__)
        if inst is None:
            return self
        return self.store.get(id(inst), "unset")

    def __set__(self, inst, value):
        print("  Data.__set__", self.tag, who(inst), value)
        self.store[id(inst)] = value

    def __delete__(self, inst):
        print("  Data.__delete__", self.tag, who(inst))
        del self.store[id(inst)]


class SetOnly(object):
    def __set__(self, inst, value):
        print("  SetOnly.__set__", who(inst), value)
        inst.__dict__["so"] = value * 2


class C(object):
    nd = NonData()
    d = Data("d")
    so = SetOnly()


print("non-data")
c = C()
print(c.nd)
c.__dict__["nd"] = "shadow"
print(c.nd)
c.nd = "assigned"
print(c.nd, sorted(c.__dict__))
del c.nd
print(c.nd)
print(C.nd)

print("data")
print(c.d)
c.d = 5
print(c.d)
c.__dict__["d"] = "in-dict"
print(c.d, c.__dict__["d"])
del c.d
print(c.d, c.__dict__["d"])
print(C.d is C.__dict__["d"])

print("set-only")
print(c.so is C.__dict__["so"], C.so is C.__dict__["so"])
c.so = 21
print(c.so, c.__dict__["so"])


class Sub(C):
    pass


print("inherited")
s = Sub()
print(s.nd, s.d)
s.d = "sub"
print(s.d, c.d)
print(Sub.nd)


class Override(C):
    d = "plain"


o = Override()
print(o.d)
o.d = "mine"
print(o.d, sorted(o.__dict__))


class method_like(object):
    """A method decorator: __get__ binds the instance in a closure."""

    def __init__(self, func):
        self.func = func
        self.binds = 0

    def __get__(self, inst, owner):
        if inst is None:
            return self
        self.binds += 1
        func = self.func

        def bound(*args):
            return func(inst, *args)

        return bound


class K(object):
    def __init__(self, base):
        self.base = base

    @method_like
    def add(self, n):
        return self.base + n


print("decorator")
k = K(100)
print(k.add(1), k.add(2), K.add.binds, type(K.add).__name__)
m = k.add
print(m(5), K.add.binds, m is k.add)
print(K.add.func(k, 7))

print("late __set__")
objs = [C(), C()]
objs[1].__dict__["nd"] = "own"
for o in objs:
    print(o.nd)
NonData.__set__ = lambda self, inst, v: print("  late NonData.__set__", who(inst), v)
for o in objs:
    print(o.nd)
objs[0].nd = 1
del NonData.__set__
objs[0].nd = 2
print(objs[0].nd, objs[1].nd)


class Plain:  # py27: a classic class (dict first, no __set__ call); a new-style class in 3.x
    d = Data("plain")
    nd = NonData()


print("plain class statement")
p = Plain()
p.d = 1
print(p.d, p.nd, sorted(vars(p)))
