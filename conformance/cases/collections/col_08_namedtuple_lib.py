# id: col_08_namedtuple_lib
# source: python/cpython:Lib/collections/__init__.py (namedtuple: eval of the generated __new__, sys._getframe(1) for __module__, _field_defaults, _make, __match_args__); Modules/_collectionsmodule.c (tuplegetter_new_impl, tuplegetter_descr_get, tuplegetter_descr_set, tuplegetter_repr, tuplegetter_members)
# property: namedtuple is Lib's: __new__ is a lambda made by eval named Point.__new__, the class's
#   __module__ is the caller's __name__ (or module=), fields are _collections._tuplegetter descriptors
#   (48 bytes, tracked) with their repr and writable __doc__, refusing assignment and other types;
#   _field_defaults, _make, _replace, rename=True
import sys, gc
from collections import namedtuple
import _collections
Point = namedtuple('Point', 'x y', defaults=[0])
print(Point.__module__, Point.__new__.__qualname__, Point.__new__.__name__, Point.__new__.__doc__, Point.__new__.__defaults__)
print(Point._field_defaults, Point._fields, Point._make([1, 2]), Point(5), Point.__match_args__)
print(repr(Point.x), repr(Point.y), type(Point.x).__name__, type(Point.x) is _collections._tuplegetter)
print(sys.getsizeof(Point.x), gc.is_tracked(Point.x), Point.x.__doc__)
p = Point(3, 4)
print(Point.x.__get__(p), Point.y.__get__(p, Point), Point.x.__get__(None, Point) is Point.x)
for bad in (lambda: setattr(p, 'x', 1), lambda: delattr(p, 'x'), lambda: Point.x.__get__(5), lambda: Point.y.__get__(())):
    try:
        bad()
    except (AttributeError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
Point.x.__doc__ = 'the abscissa'
print(repr(Point.x), Point.x.__doc__)
g = _collections._tuplegetter(1, None)
print(repr(g), g.__get__((7, 8, 9)))
try:
    _collections._tuplegetter(1)
except TypeError as e:
    print('TypeError', e)
R = namedtuple('R', ['a', 'def', 'a', '_c'], rename=True)
print(R._fields, R(1, 2, 3, 4))
M = namedtuple('M', 'u v', module='some.where')
print(M.__module__, repr(M(1, 2)), M(1, 2)._replace(v=5)._asdict())
