# id: dm_19_instancecheck
# source: python/cpython:Objects/abstract.c (object_recursive_isinstance, object_issubclass,
# recursive_issubclass); Objects/typeobject.c (type___instancecheck__, type___subclasscheck__, type_mro)
# property: isinstance()/issubclass() call a metaclass's __instancecheck__/__subclasscheck__ (after the
# exact-type shortcut of isinstance only; for each class of a tuple), whose result's truth is the answer;
# issubclass's arg 1 check happens only without a hook; type's own __instancecheck__/__subclasscheck__/mro
# reached unbound and from a class; gc counts of a hooked isinstance (its bound method and result) and of
# plain checks
import gc
import sys

class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return inst == 42
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub)
        return sub is int
class Num(metaclass=Meta):
    pass
print(isinstance(42, Num), isinstance(41, Num), isinstance(Num(), Num))
print(isinstance(42, (str, Num)), issubclass(int, Num), issubclass(str, Num), issubclass(Num, Num))
print(issubclass(3, Num))
try:
    issubclass(3, int)
except TypeError as e:
    print(e)
print(type.__instancecheck__(Num, 42), type.__subclasscheck__(Num, Num), Num.__instancecheck__(42))
print(Num.__subclasscheck__(bool), Num.mro())
gc.collect(); c0 = gc.get_count()[0]
r = isinstance(42, Num)
print(gc.get_count()[0] - c0)
class Plain: pass
gc.collect(); c0 = gc.get_count()[0]
r = isinstance(42, Plain), issubclass(int, Plain)
print(gc.get_count()[0] - c0)
