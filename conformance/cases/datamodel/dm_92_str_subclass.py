# id: dm_92_str_subclass
# source: python/cpython:Objects/unicodeobject.c (unicode_subtype_new, unicode___sizeof__, unicode_dealloc);
# Objects/typeobject.c (type_new_descriptors: __dict__ and __weakref__ for a class over str, whose itemsize is 0;
# subtype_dealloc); Python/sysmodule.c (_PySys_GetSizeOf: the GC head and the managed-dict pre-header)
# property: an instance of a class deriving from str is a non-compact string: sys.getsizeof is
# sizeof(PyUnicodeObject) + (len + 1) * kind plus the GC head (and 3.11's two managed-dict words unless
# __slots__), whatever the kind (ASCII, latin-1, UCS-2, UCS-4); it is tracked, has a __dict__ and weak
# references, holds one reference to its class, counts toward gc generation 0 and dies in a cycle with its dict
import gc
import sys
import weakref


class S(str):
    pass


class T(str):
    __slots__ = ()


class U(str):
    __slots__ = ("a",)


for v in ("", "a", "abc", "\xe9", "\xe9t\xe9", "\u20ac", "\u20ac" * 5, "\U0001f600", "\U0001f600" * 3, "x" * 100):
    print(len(v), sys.getsizeof(S(v)), sys.getsizeof(T(v)), sys.getsizeof(S(v)) - sys.getsizeof(T(v)), sys.getsizeof(U(v)) - sys.getsizeof(T(v)))
print(sys.getsizeof(S("")), sys.getsizeof(T("abc")), sys.getsizeof(S("\u20ac\u20ac")))
s = S("hello")
print(gc.is_tracked(s), gc.is_tracked(T("x")), gc.is_tracked("hello"), sys.getrefcount(s))
print(type(s) is S, type(s) is str, isinstance(s, str), [c.__name__ for c in S.__mro__])
print(hasattr(s, "__dict__"), hasattr(T("x"), "__dict__"), s.__dict__)
s.tag = 1
s.other = "two"
print(sorted(s.__dict__.items()), s.tag)
w = weakref.ref(s)
print(w() is s, w() == "hello")
try:
    weakref.ref(T("x"))
except TypeError as e:
    print("TypeError", e)
u = U("slot")
u.a = 5
print(u.a, u, hasattr(u, "__dict__"))
before = sys.getrefcount(S)
many = [S("q") for i in range(10)]
print(sys.getrefcount(S) - before)
del many
print(sys.getrefcount(S) - before)
del s
print(w())
gc.collect()
x = S("cycle")
x.me = x
del x
print(gc.collect())
gc.collect()
before = gc.get_count()[0]
y = S("yy")
print(gc.get_count()[0] - before)
del y
print(gc.get_count()[0] - before)
