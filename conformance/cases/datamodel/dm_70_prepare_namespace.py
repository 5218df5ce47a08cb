# id: dm_70_prepare_namespace
# source: python/cpython:Python/bltinmodule.c (builtin___build_class__); Python/ceval.c (LOAD_NAME, STORE_NAME, DELETE_NAME, LOAD_CLASSDEREF); Objects/typeobject.c (type_new)
# property: PEP 3115: the class body runs in whatever mapping __prepare__ returns; an exact dict takes the
# dict path, anything else its __setitem__/__getitem__/__delitem__ (the prologue's __module__/__qualname__
# stores included, a KeyError from __getitem__ falls back to the globals and builtins, any error from
# __delitem__ becomes NameError); type.__new__ copies a dict subclass into a plain dict (a non-mapping
# __prepare__ result: dm_18)
import gc


class NS(dict):
    def __setitem__(self, k, v):
        print("set", k)
        dict.__setitem__(self, k, v)

    def __getitem__(self, k):
        print("get", k)
        return dict.__getitem__(self, k)

    def __delitem__(self, k):
        print("del", k)
        dict.__delitem__(self, k)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, kw)
        return NS()

    def __new__(mcls, name, bases, ns, **kw):
        print("new", type(ns).__name__, sorted(ns))
        return super().__new__(mcls, name, bases, ns)


x = 10


class A(metaclass=Meta):
    a = 1
    b = a + x
    del a

    def f(self):
        return 5


print(sorted(k for k in A.__dict__ if not k.startswith("__")), A.b, A().f())
print(type(A.__dict__).__name__, gc.is_tracked(A))
try:
    class A2(metaclass=Meta):
        del nothere
except NameError as e:
    print("NameError", e)


class Mapping:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        print("mget", k)
        return self.d[k]

    def __setitem__(self, k, v):
        print("mset", k)
        self.d[k] = v


class M3(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Mapping()

    def __new__(mcls, name, bases, ns):
        print("M3 new", type(ns).__name__, sorted(ns.d))
        return super().__new__(mcls, name, bases, ns.d)


class D(metaclass=M3):
    y = 3
    z = y
    print(len)


print(D.z)


class M4(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Mapping()


try:
    class E(metaclass=M4):
        pass
except TypeError as e:
    print("TypeError", e)
