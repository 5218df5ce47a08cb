# id: dm_14_new_super
# source: python/cpython:Objects/typeobject.c (type_new_staticmethod, slot_tp_new, tp_new_wrapper,
# super_getattro); Lib/fractions.py (Fraction.__new__'s super(Fraction, cls).__new__(cls))
# property: super().__new__(cls) in a hierarchy of __new__ methods reaches each base's __new__ and
# object.__new__ last; a class made by __new__ alone (the immutable-value pattern) keeps what __new__ set;
# references, sizes and gc counts of the instances; C.__new__ read through the class is the function
import gc
import sys

order = []


class Root:
    def __new__(cls, *args, **kw):
        order.append(('Root', cls.__name__, args, sorted(kw)))
        return super().__new__(cls)


class Mid(Root):
    def __new__(cls, n, **kw):
        order.append(('Mid', n))
        self = super().__new__(cls, n, **kw)
        self.n = n
        return self


class Leaf(Mid):
    def __init__(self, n, **kw):
        order.append(('Leaf.__init__', n, sorted(kw)))


x = Leaf(4, tag='t')
print(order, x.n, type(x).__name__, sys.getrefcount(x), gc.is_tracked(x))
order.clear()


class Point:
    """Fraction-like: the value is fixed in __new__, there is no __init__."""
    __slots__ = ('_x', '_y')

    def __new__(cls, x=0, y=0):
        self = super(Point, cls).__new__(cls)
        self._x = x
        self._y = y
        return self

    def __repr__(self):
        return 'Point(%r, %r)' % (self._x, self._y)


p = Point(1, 2)
print(p, sys.getsizeof(p), gc.is_tracked(p), sys.getrefcount(Point) > 2, Point.__new__.__name__)
try:
    super(Point, Point).__new__(Point, 1)
except TypeError as e:
    print('TypeError:', e)
print(Point.__new__(Point), type(Point.__dict__['__new__']).__name__)

gc.collect()
warm = Point()  # free lists emptied by the full collection refill first
c0 = gc.get_count()[0]
pts = Point(1, 1), Point(2, 2), Point(3, 3), Point(4, 4)
print(gc.get_count()[0] - c0)
gc.collect()
warm = Leaf(0)
c0 = gc.get_count()[0]
leaves = Leaf(1), Leaf(2), Leaf(3)
print(gc.get_count()[0] - c0, len(order))
