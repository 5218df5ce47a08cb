# id: dm_22_descriptor_errors
# source: python/cpython:Objects/typeobject.c (slot_tp_descr_get, slot_tp_descr_set, vectorcall_method,
# lookup_method, slot_tp_getattr_hook, type_getattro, type_setattro, type_new_set_names);
# Objects/object.c (_PyObject_GenericGetAttrWithDict, _PyObject_GenericSetAttrWithDict)
# property: a data descriptor without __delete__ (or without __set__) fails `del` (assignment) with
# AttributeError whose message is the bare method name; errors raised by __get__/__set__/__delete__
# propagate unchanged, and an AttributeError from __get__ falls back to __getattr__; a __get__ of the
# wrong arity fails with the function's TypeError; descriptors on a metaclass: a data descriptor decides
# C.attr and C.attr = v / del C.attr before the class's own namespace, a non-data one loses to it;
# __set_name__ and __get__ compose (the descriptor learns its name at class creation)
from __future__ import print_function


def report(what, f):
    try:
        r = f()
    except Exception as e:
        print(what, "->", type(e).__name__, e)
    else:
        print(what, "=", r)


class GetSet(object):
    def __get__(self, inst, owner):
        return "gs"

    def __set__(self, inst, value):
        print("  GetSet.__set__", value)


class GetDel(object):
    def __get__(self, inst, owner):
        return "gd"

    def __delete__(self, inst):
        print("  GetDel.__delete__", type(inst).__name__)


class SetOnly(object):
    def __set__(self, inst, value):
        inst.__dict__["so"] = value


class Raising(object):
    def __get__(self, inst, owner):
        raise ValueError("get of %s" % owner.__name__)

    def __set__(self, inst, value):
        raise KeyError(value)

    def __delete__(self, inst):
        raise LookupError("no delete")


class Missing(object):
    def __get__(self, inst, owner):
        raise AttributeError("missing from __get__")


class BadArity(object):
    def __get__(self, inst):
        return "never"


class C(object):
    gs = GetSet()
    gd = GetDel()
    so = SetOnly()
    r = Raising()
    bad = BadArity()


c = C()


def delete(name):
    def f():
        delattr(c, name)
        return "deleted"
    return f


def assign(name, v):
    def f():
        setattr(c, name, v)
        return "assigned"
    return f


report("del c.gs", delete("gs"))
report("c.gd = 1", assign("gd", 1))
report("del c.gd", delete("gd"))
report("c.gd", lambda: c.gd)
report("c.so = 4", assign("so", 4))
report("c.so", lambda: c.so)
report("del c.so", delete("so"))
report("c.r", lambda: c.r)
report("C.r", lambda: C.r)
report("c.r = 1", assign("r", 1))
report("del c.r", delete("r"))
report("c.bad", lambda: c.bad)
report("C.bad", lambda: C.bad)


class WithGetattr(object):
    m = Missing()

    def __getattr__(self, name):
        return "__getattr__(%s)" % name


report("WithGetattr().m", lambda: WithGetattr().m)
report("C.m-like without __getattr__", lambda: type("Plain", (object,), {"m": Missing()})().m)


class Field(object):
    def __set_name__(self, owner, name):
        print("  __set_name__", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, inst, owner):
        if inst is None:
            return self
        return getattr(inst, self.name, "default")

    def __set__(self, inst, value):
        setattr(inst, self.name, value)


class Rec(object):
    a = Field()
    b = Field()


r = Rec()
r.a = 1
print(r.a, r.b, sorted(vars(r).items()), Rec.a.name, Rec.b.name)


class MetaData(object):
    def __get__(self, inst, owner):
        print("  MetaData.__get__", inst.__name__, owner.__name__)
        return "meta-data"

    def __set__(self, inst, value):
        print("  MetaData.__set__", inst.__name__, value)

    def __delete__(self, inst):
        print("  MetaData.__delete__", inst.__name__)


class MetaNonData(object):
    def __get__(self, inst, owner):
        print("  MetaNonData.__get__", inst.__name__, owner.__name__)
        return "meta-nondata"


class Meta(type):
    md = MetaData()
    mn = MetaNonData()


M = Meta("M", (object,), {"md": "own-md", "mn": "own-mn"})
N = Meta("N", (object,), {})
print(M.md, M.mn, N.mn)
M.md = 3
del M.md
print(M.__dict__["md"], M().md, M().mn)
M.mn = "replaced"
print(M.mn, N.mn)
report("N().mn", lambda: N().mn)
