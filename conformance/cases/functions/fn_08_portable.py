# id: fn_08_portable
# source: CPython 2.7 and 3.x Objects/cellobject.c (a cell: 24 bytes + the GC head, 56 in 2.7),
# Objects/funcobject.c (staticmethod, classmethod), Objects/descrobject.c (property: 2.7's struct has no
# prop_name, 56 bytes + GC head), Objects/typeobject.c (super(C, self)), Python/ceval.c (*args tuple,
# **kwargs dict made by the callee)
# property: the function features every profile shares - closures over cells (read-only, no nonlocal),
# lambda, decorators, *args/**kwargs, staticmethod/classmethod/property, two-argument super - with each
# version's sizes, tracking and reference counts
from __future__ import print_function
import gc
import sys


def make_counter():
    box = [0]
    def inc(step=1):
        box[0] += step
        return box[0]
    return inc


c = make_counter()
print(c(), c(5), type(c.__closure__[0]).__name__, sys.getsizeof(c.__closure__[0]), gc.is_tracked(c.__closure__[0]))
print(sys.getrefcount(c.__closure__[0]), c.__closure__[0].cell_contents)


def deco(fn):
    def wrapper(*args, **kwargs):
        return ("wrapped", fn(*args, **kwargs))
    return wrapper


@deco
def combine(a, b=2, *rest, **named):
    return a + b + len(rest) + len(named)


print(combine(1), combine(1, 2, 3, 4, x=1), combine(*[1, 2], **{"y": 3}))
print((lambda x, y=3: x * y)(4), sorted([3, 1, 2], key=lambda v: -v))


class Shape(object):
    sides = 0

    def __init__(self, name):
        self.name = name

    @staticmethod
    def unit():
        return 1

    @classmethod
    def named(cls, name):
        return cls(name)

    def area(self):
        return self.unit()

    def _get_label(self):
        return "%s/%d" % (self.name, self.sides)

    def _set_label(self, value):
        self.name = value.split("/")[0]

    label = property(_get_label, _set_label)


class Square(Shape):
    sides = 4

    def area(self):
        return super(Square, self).area() * 4


s = Square.named("sq")
print(s.label, s.area(), Shape.unit(), type(s).__name__)
s.label = "box/9"
print(s.name, s.label)
sm = Shape.__dict__["unit"]
cm = Shape.__dict__["named"]
pr = Shape.__dict__["label"]
print(sys.getsizeof(sm), sys.getsizeof(cm), sys.getsizeof(pr), gc.is_tracked(sm), gc.is_tracked(pr))
sup = super(Square, s)
print(sys.getsizeof(sup), gc.is_tracked(sup), sup.area())


def grab(*args, **kwargs):
    return args, kwargs


a, k = grab(1, 2, z=3)
print(a, sorted(k.items()), gc.is_tracked(a), gc.is_tracked(k), grab() == ((), {}))
