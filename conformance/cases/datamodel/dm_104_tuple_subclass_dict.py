# id: dm_104_tuple_subclass_dict
# source: python/cpython:Objects/typeobject.c (type_new_slots_impl: nonempty __slots__ on a variable-size base;
# type_new_descriptors: tp_dictoffset = -sizeof(PyObject *), no weakref slot; PyType_GenericAlloc: nitems + 1;
# subtype_dealloc, subtype_traverse); Objects/tupleobject.c (tuple_subtype_new); Objects/object.c
# (_PyObject_ComputedDictPointer, PyObject_GenericGetDict, object___sizeof__); Lib/codecs.py (CodecInfo)
# property: a class deriving from tuple without __slots__ has a __dict__ word after the items (getsizeof = tuple's
# + 8 + the GC head), created lazily on the first attribute, no weak references; instances are tracked (even
# empty ones) and never untracked by a collection; the dict is freed with the instance and seen by the collector;
# tuple.__new__(cls, iterable) as CodecInfo.__new__ uses it; a __repr__ override; nonempty __slots__ (even
# '__dict__' or '__weakref__') is a TypeError; subclasses of namedtuple classes get a __dict__ too
import collections
import gc
import sys


class C(tuple):
    pass


class CodecInfo(tuple):
    _is_text_encoding = True

    def __new__(cls, encode, decode, name=None):
        self = tuple.__new__(cls, (encode, decode, None, None))
        self.name = name
        self.encode = encode
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s>" % (self.__class__.__module__, self.__class__.__qualname__, self.name)


w = C((0,))  # the first instantiation warms the interpreter's call path
for items in ((), (1,), (1, 2, 3), tuple(range(10))):
    print(len(items), sys.getsizeof(C(items)) - sys.getsizeof(items))
c = C((1, 2, 3))
print(gc.is_tracked(c), gc.is_tracked(C(())), gc.is_tracked(C((1,))), type(c).__name__, isinstance(c, tuple))
try:
    import weakref
    weakref.ref(c)
except TypeError as e:
    print("TypeError", e)
print(c.__dict__, hasattr(c, "x"))
c.x = 1
c.y = "why"
print(sorted(c.__dict__.items()), c.x, c.y, sys.getsizeof(c) - sys.getsizeof((1, 2, 3)))
del c.x
print(sorted(c.__dict__), hasattr(c, "x"))
try:
    del c.x
except AttributeError as e:
    print("AttributeError", e)
print(repr(c), str(c), c == (1, 2, 3), hash(c) == hash((1, 2, 3)), len(c), c[1], c[-1], list(c), 2 in c)
print(type(c[:2]).__name__, type(c + c).__name__, type(c * 2).__name__, tuple(c) == c, c.count(2), c.index(3))
print(C([4, 5]), C("ab"), C(), C(x for x in range(3)), type(tuple.__new__(C, [1])).__name__)
ci = CodecInfo("enc", "dec", "utf-8")
print(ci, ci.name, ci[0], ci.encode, len(ci), tuple(ci), ci._is_text_encoding, sorted(ci.__dict__))
a, b, c2, d = ci
print(a, b, c2, d, sys.getrefcount(ci), sys.getsizeof(ci) - sys.getsizeof((1, 2, 3, 4)))
gc.collect()
z = C((1,))
print(gc.is_tracked(z))
gc.collect()
print(gc.is_tracked(z), gc.is_tracked((1,)))
z.me = z
del z
print(gc.collect())
q = C(([],))
q[0].append(q)
del q
print(gc.collect())
before = gc.get_count()[0]
w = C((1, 2))
print(gc.get_count()[0] - before)
w.attr = 5
print(gc.get_count()[0] - before)
del w
print(gc.get_count()[0] - before)
for sl in (("a",), ("__dict__",), "__weakref__", ()):
    try:
        class E(tuple):
            __slots__ = sl
        print(repr(sl), "ok", hasattr(E(), "__dict__"))
    except TypeError as e:
        print(repr(sl), "TypeError", e)
P = collections.namedtuple("P", "x y")


class Q(P):
    def norm(self):
        return self.x + self.y


q = Q(1, 2)
q.extra = 5
print(q, q.norm(), q.extra, q.__dict__, sys.getsizeof(q) - sys.getsizeof(P(1, 2)), gc.is_tracked(q), hasattr(P(1, 2), "__dict__"))
