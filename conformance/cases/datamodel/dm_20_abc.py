# id: dm_20_abc
# source: python/cpython:Lib/abc.py (ABCMeta over _abc, ABC, abstractmethod); Modules/_abc.c (_abc_init,
# compute_abstract_methods, _abc_register, _abc_instancecheck, _abc_subclasscheck, _add_to_weak_set,
# _destroy, _get_dump); Objects/typeobject.c (object_new's abstract check, type_abstractmethods,
# type.__subclasses__)
# property: CPython's own Lib/abc.py runs on refheap's native _abc: abstract methods collected into
# __abstractmethods__ (own and inherited), instantiating an abstract class refused with 3.11's message,
# __subclasshook__, register() with virtual subclasses and their subclasses, the positive and negative
# caches of weak references (a collected class leaves them through the weak reference callback), the
# errors of register; _abc_data's size and tracking, the sizes of ABCs and refcounts
import abc
import gc
import sys
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def name(self):
        pass

    def describe(self):
        return self.name() + ' ' + str(self.area())


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def name(self):
        return 'square'


print(sorted(Shape.__abstractmethods__), Square.__abstractmethods__, type(Shape).__name__)
try:
    Shape()
except TypeError as e:
    print('TypeError:', e)
print(Square(3).describe(), isinstance(Square(2), Shape), issubclass(Square, Shape))


class Plainish:
    pass


class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any('__len__' in B.__dict__ for B in C.__mro__[:-1])
        return NotImplemented


class Box:
    def __len__(self):
        return 1


class SubBox(Box):
    pass


print(isinstance(Box(), Sized), isinstance(Plainish(), Sized), issubclass(SubBox, Sized), issubclass(Plainish, Sized))
print(isinstance(Box(), Sized), sorted(k for k in Sized.__dict__ if not k.startswith('__')))


class Plain:
    pass


Shape.register(Plain)
print(issubclass(Plain, Shape), isinstance(Plain(), Shape), abc.get_cache_token() > 0)


class Sub(Plain):
    pass


print(issubclass(Sub, Shape), isinstance(Sub(), Shape))
print(type(Shape._abc_impl).__name__, sys.getsizeof(Shape._abc_impl), gc.is_tracked(Shape._abc_impl))
reg, cache, neg, ver = abc._get_dump(Shape)
print(len(reg), len(cache), len(neg), type(ver).__name__)
print(Shape.__subclasses__(), Sized.__subclasses__())
del Sub
gc.collect()
reg, cache, neg, ver = abc._get_dump(Shape)
print(len(reg), len(cache), len(neg))
try:
    Shape.register(3)
except TypeError as e:
    print('TypeError:', e)
try:
    Square.register(Shape)
except RuntimeError as e:
    print('RuntimeError:', e)
print(sys.getrefcount(Shape), sys.getsizeof(Shape), sys.getsizeof(ABCMeta), sys.getsizeof(Sized))
