# id: dm_07_call_getattr
# source: refheap's own case; CPython 3.11 Objects/call.c:_PyObject_MakeTpCall (an instance with __call__
# has no vectorcall: its positional arguments are packed into a tuple alive for the call),
# Objects/typeobject.c:slot_tp_call, slot_tp_getattr_hook / call_attribute (__getattr__ is called bound:
# a method object lives for the call), slot_tp_setattro (__setattr__ / __delattr__, else object's
# wrapper descriptor), Objects/object.c:PyObject_GenericGetAttr/SetAttr (object.__getattribute__,
# object.__setattr__, object.__delattr__)
# property: calls of instances, __getattr__ after a failed lookup, __setattr__/__delattr__ and the generic
# protocol they reach through object's methods, with CPython's references and objects
from __future__ import print_function
import gc
import sys


class F(object):
    def __call__(self, a, b=2):
        print("call", sys.getrefcount(self), sys.getrefcount(a), gc.get_count()[0] - before)
        return [a, b]


class G(object):
    cls_attr = "c"

    def __init__(self):
        self.x = 1

    def __getattr__(self, name):
        # (no gc count here: CPython 3.11 makes the AttributeError of the failed lookup an object,
        # set_attribute_error_context; refheap's error model makes none, docs/conformance.md)
        print("getattr", name, sys.getrefcount(self))
        if name == "missing":
            raise AttributeError(name)
        return name * 2


class S(object):
    def __setattr__(self, name, value):
        print("setattr", name, sys.getrefcount(value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)


class Wrap(object):
    def __init__(self, inner):
        object.__setattr__(self, "inner", inner)

    def __getattribute__(self, name):
        if name == "secret":
            return 42
        return object.__getattribute__(self, name)


print("x")
gc.disable()
f = F()
arg = [0]
gc.collect()
before = gc.get_count()[0]
print(f(arg), f(arg, b=5), callable(f), callable(G()))
g = G()
print(g.x, g.cls_attr, g.abc, g.zz)
s = S()
v = [1]
s.v = v
print(s.v is v, s.__dict__)
del s.v
print(s.__dict__, sys.getrefcount(v))
w = Wrap([7])
print(w.secret, w.inner)
print(g.missing)
