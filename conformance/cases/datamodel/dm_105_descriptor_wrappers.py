# id: dm_105_descriptor_wrappers
# source: python/cpython:Objects/typeobject.c (slotdefs: __get__ wrap_descr_get, __set__ wrap_descr_set, __delete__ wrap_descr_delete); Objects/funcobject.c (func_descr_get); Objects/descrobject.c (property_descr_set); Lib/enum.py (_is_descriptor); Lib/inspect.py (ismethoddescriptor, isdatadescriptor)
# property: functions, bound methods, staticmethod/classmethod and property answer the descriptor protocol's
#           special methods as method-wrappers (hasattr(f, '__get__'), property's __set__/__delete__),
#           which call the type's slots with CPython's errors; a 48-byte GC object holding its receiver;
#           enum's _is_descriptor tells a method from a member
import gc
import sys


def f(x):
    return ("f", x)


class C:
    def m(self):
        return "m"

    p = property(lambda self: self._v, lambda self, v: setattr(self, "_v", v), lambda self: print("deleted"))


c = C()
print(hasattr(f, "__get__"), hasattr(f, "__set__"), hasattr(len, "__get__"), hasattr(c.m, "__get__"))
print(hasattr(staticmethod(f), "__get__"), hasattr(classmethod(f), "__set__"), hasattr(C.p, "__set__"), hasattr(C.p, "__delete__"))
bound = f.__get__(5)
print(type(bound).__name__, bound(), f.__get__(None, C) is f, f.__get__(c, C).__self__ is c)
w = f.__get__
print(type(w).__name__, sys.getsizeof(w), gc.is_tracked(w), w.__self__ is f if hasattr(w, "__self__") else "no __self__")
C.p.__set__(c, 42)
print(c.p, C.p.__get__(c), C.p.__get__(None, C) is C.p)
C.p.__delete__(c)
try:
    f.__get__(None, None)
except TypeError as e:
    print("TypeError", e)
try:
    C.p.__set__(c)
except TypeError as e:
    print("TypeError", e)
try:
    property().__set__(c, 1)
except AttributeError as e:
    print("AttributeError", e)
print(staticmethod(f).__get__(c)(1), classmethod(f).__get__(c)(), C.m.__get__(c)())


def is_descriptor(obj):  # Lib/enum.py _is_descriptor
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


print([is_descriptor(v) for v in (f, 1, "s", C.p, staticmethod(f), c.m, len)])
