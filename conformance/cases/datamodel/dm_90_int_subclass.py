# id: dm_90_int_subclass
# source: python/cpython:Objects/longobject.c (long_new_impl, long_subtype_new, long_long, int___sizeof__);
# Objects/typeobject.c (type_new_slots_impl, type_new_descriptors: a variable-size base gets no weakref slot,
# its __dict__ word at a negative tp_dictoffset until 3.12's managed dict; PyType_GenericAlloc)
# property: an instance of a class deriving from int is an int of the class: int.__sizeof__ plus the GC head
# (3.12+: and the managed-dict words), tracked, with an instance __dict__ but no weak references; arithmetic,
# int(), +x, abs and __index__ give plain ints; repr/str/format/hash/== are int's unless overridden;
# int.__new__(cls, x, base); __slots__ = () drops the dict; nonempty __slots__ and bool bases are TypeErrors
import gc
import sys


class I(int):
    pass


class S(int):
    __slots__ = ()


class J(I):
    def __repr__(self):
        return "J(%d)" % self


class K(int):
    def __add__(self, other):
        return "K.__add__"


for v in (0, 1, 5, -7, 2 ** 30, 2 ** 60, -(2 ** 90)):
    print(v, sys.getsizeof(I(v)) - sys.getsizeof(v), sys.getsizeof(S(v)) - sys.getsizeof(v))
x = I(5)
print(gc.is_tracked(x), gc.is_tracked(S(5)), type(x) is int, type(x) is I, x.__class__.__name__)
print(isinstance(x, int), issubclass(I, int), [c.__name__ for c in I.__mro__])
print(hasattr(x, "__weakref__"), hasattr(S(1), "__dict__"))
x.a = 1
x.b = "two"
print(sorted(x.__dict__.items()), x.a, x.b, I(4).__dict__)
try:
    import weakref
    weakref.ref(x)
except TypeError as e:
    print("TypeError", e)
for r in (x + 1, 1 + x, x * x, -x, +x, abs(I(-3)), x // 2, x % 3, x ** 2, x << 1, x & 4, ~x, int(x), round(x), divmod(x, 2)[0]):
    print(r, type(r).__name__)
print(repr(x), str(x), hash(x) == hash(5), x == 5, 5 == x, x < 6, {5: "five"}[x], [10, 20, 30, 40, 50, 60][x])
print(bool(I(0)), bool(I(2)), f"{I(255):x}", format(I(7), "04d"), "%d|%x" % (I(8), I(31)), I(12).bit_length())
print(I(), I("12"), I("ff", 16), I(3.9), I(True), type(I(True)).__name__, I(2 ** 70) == 2 ** 70)
y = int.__new__(I, "7")
print(y, type(y).__name__, int.__new__(I, "z", 36), int.__new__(int, 9), type(int.__new__(int, 9)).__name__)
print(int.__new__ is object.__new__, int.__new__ is int.__new__)
for bad in (lambda: int.__new__(str, 1), lambda: int.__new__(1), lambda: I("x1"), lambda: I("5", 1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(J(4), [J(4), I(4)], J(4) + 1, type(J(4) + 1).__name__, str(J(4)))
print(K(1) + 2, 2 + K(1), K(1) - 1, type(K(1) - 1).__name__)
try:
    class T(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError", e)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
gc.collect()
z = I(9)
z.me = z
del z
print(gc.collect())
before = gc.get_count()[0]
w = I(11)
print(gc.get_count()[0] - before)
del w
print(gc.get_count()[0] - before)
