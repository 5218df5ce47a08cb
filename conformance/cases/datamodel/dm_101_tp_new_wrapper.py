# id: dm_101_tp_new_wrapper
# source: python/cpython:Objects/typeobject.c (tp_new_wrapper, add_tp_new_wrapper, object_new, super_getattro); Objects/listobject.c, Objects/dictobject.c (dict_new), Objects/tupleobject.c (tuple_subtype_new)
# property: X.__new__ of a built-in type is a built-in method bound to X (object's to object; a class
# without __new__ finds its static base's); X.__new__(S, ...) refuses a missing S, a non-type S, an S not
# deriving from X and an S whose nearest static base past the classes defining __new__ is not made by X's
# tp_new ("not safe", naming that base); it runs X's tp_new alone (list and dict come back empty, tuple and
# int take their argument), and super().__new__(cls) in a __new__ of a list/dict/tuple/object subclass
# reaches the built-in tp_new, whose instance __init__ then fills
import gc
import sys

for t in (object, dict, list, tuple, int, str, type(list[int])):
    m = t.__new__
    print(t.__name__, type(m).__name__, m.__name__, m.__self__ is t)


class D(dict):
    pass


class E(dict):
    def __new__(cls, *args, **kw):
        print("E.__new__", cls.__name__, args, kw)
        return super().__new__(cls)

    def __init__(self, *args, **kw):
        print("E.__init__", args, kw)
        super().__init__(*args, **kw)


class F(E):
    pass


class L(list):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        print("L.__new__", type(self).__name__, self)
        return self


class T(tuple):
    __slots__ = ()

    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))


class P:
    def __new__(cls, *args):
        return super().__new__(cls)

    def __init__(self, x):
        self.x = x


print(D.__new__.__self__ is dict, E.__new__.__name__, P.__new__.__name__)
e = E([(1, 2)], k=3)
print(type(e).__name__, e, sys.getsizeof(e) == sys.getsizeof(D()), gc.is_tracked(e))
f = F(a=1)
print(type(f).__name__, f)
l = L([1, 2, 3])
print(type(l).__name__, l)
t = T(1, 2)
print(type(t).__name__, t, t[0], len(t))
p = P(5)
print(type(p).__name__, p.x)

print(list.__new__(list, [1, 2]), dict.__new__(dict, a=1), tuple.__new__(tuple, [1, 2]), int.__new__(int, "7"),
      str.__new__(str, 5), object.__new__(object).__class__.__name__)
d = dict.__new__(F)
print(type(d).__name__, d)
print(type(list.__new__(L)).__name__, list.__new__(L, [9]))

cases = [
    (list.__new__, ()),
    (list.__new__, (5,)),
    (dict.__new__, (list,)),
    (dict.__new__, (type(list[int]),)),
    (type(list[int]).__new__, (D, list, int)),
    (object.__new__, (D,)),
    (object.__new__, (F,)),
    (object.__new__, (dict,)),
    (object.__new__, (ValueError,)),
    (object.__new__, (3,)),
    (object.__new__, ()),
    (tuple.__new__, (L,)),
    (int.__new__, (str, 5)),
]
for fn, args in cases:
    try:
        fn(*args)
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
