# id: col_04_namedtuple
# source: python/cpython:Lib/collections/__init__.py (namedtuple: the field-name checks, __new__ as generated, _make, _replace, __repr__, _asdict, __getnewargs__, _field_defaults, __match_args__); Objects/tupleobject.c (tuple_subtype_new, tuple_dealloc's freelist only for exact tuples); Modules/gcmodule.c (move_unreachable: only exact tuples are untracked)
# property: namedtuple classes derive from tuple with __slots__ = (): an instance is a tracked tuple of the
#   class (24 + 8 per field + GC head), still tracked after a collection; construction by position, keyword
#   and defaults with a Python function's binding errors; _make, _replace, _asdict, __getnewargs__, repr,
#   comparison and hashing as tuples, subclassing with methods, the field-name errors; the container count
#   a loop of constructions leaves
import sys, gc
from collections import namedtuple
Point = namedtuple("Point", "x y")
print(Point, Point.__mro__, Point._fields, Point.__doc__, Point._field_defaults)
p = Point(1, 2)
print(p, repr(p), p.x, p.y, p[0], p[1], len(p), sys.getsizeof(p), gc.is_tracked(p), type(p), isinstance(p, tuple))
print(p == (1, 2), hash(p) == hash((1, 2)), p + (3,), p[:1], list(p), tuple(p), p._asdict(), p._replace(x=5))
x, y = p
print(x, y, Point(y=4, x=3), Point._make([7, 8]), p.__getnewargs__(), p.index(2), p.count(1))
gc.collect()
print(gc.is_tracked(Point(1, 2)), gc.is_tracked(p))
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: Point._make([1]),
            lambda: p._replace(z=1), lambda: namedtuple("P", "a _b"), lambda: namedtuple("P", "a a"), lambda: namedtuple("P", "a def"),
            lambda: namedtuple("P", "a 1b"), lambda: Point(), lambda: namedtuple("P", "a b c")(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print(P3(5), P3(5, 6), P3._field_defaults, P3.__match_args__)
class Sub(Point):
    __slots__ = ()
    def norm(self):
        return self.x * self.x + self.y * self.y
s = Sub(3, 4)
print(s, s.norm(), type(s).__name__, sys.getsizeof(s))
d = {p: "a"}
print(d[Point(1, 2)], sorted([Point(2, 1), Point(1, 5)]), "%s-%s" % p, max(Point(1, 9), Point(2, 0)))
Emp = namedtuple("Emp", "name, age , dept")
es = [Emp("ann", 30, "x"), Emp("bob", 25, "y")]
print(sorted(es, key=lambda e: e.age), [e.name for e in es], Emp._fields)
print(sys.getrefcount(Point) > 1, Point.x.__doc__)
gc.collect()
c0 = gc.get_count()[0]
keep = [Point(i, -i) for i in range(50)]
c1 = gc.get_count()[0]
del keep
print(c1 - c0, gc.get_count()[0] - c0)
