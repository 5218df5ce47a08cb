# id: rh_06_method_sites
# source: refheap's own case; CPython 3.11 Python/specialize.c (LOAD_METHOD_WITH_VALUES and its keys
# version check), Objects/typeobject.c:type_setattro (PyType_Modified)
# property: a method-call site remembered for several classes still calls what a fresh lookup finds
# after an instance attribute shadows the method, after the class's method is replaced, and across a
# class hierarchy; the receiver's reference count inside the method is CPython's (no bound method)
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys


class Shape(object):
    def __init__(self, n):
        self.n = n

    def area(self):
        return self.n

    def refs(self):
        return sys.getrefcount(self)


class Square(Shape):
    def area(self):
        return self.n * self.n


class Cube(Square):
    def area(self):
        return self.n * self.n * self.n


def total(shapes):
    t = 0
    for s in shapes:
        t = t + s.area()
    return t


def answer():
    return -1


shapes = [Shape(2), Square(3), Cube(4), Square(5), Shape(6)]
print(total(shapes), total(shapes))
shapes[1].area = answer
print(total(shapes))
print(shapes[3].area(), shapes[1].area())


def square_area_doubled(self):
    return 2 * self.n * self.n


Square.area = square_area_doubled
print(total(shapes))
del shapes[1].area
print(total(shapes))
s = Shape(1)
print(s.refs() - sys.getrefcount(s))
