# id: syn_01_ellipsis
# source: python/cpython:Objects/sliceobject.c (PyEllipsis_Type, ellipsis_repr, _Py_EllipsisObject); Python/bltinmodule.c (_PyBuiltin_Init)
# property: `...` is the one static Ellipsis (type ellipsis, repr Ellipsis, sys.getsizeof 16, never GC-tracked, identity across uses, usable as subscript, tuple item and dict key)
import sys, gc
e = ...
print(e, repr(...), type(...).__name__, e is Ellipsis, ... is Ellipsis)
print(sys.getsizeof(...), gc.is_tracked(...), str(Ellipsis))
class S:
    def __getitem__(self, k): return k
s = S()
print(s[...], s[..., 1], s[1, ...])
print([..., ...], (...,), {...: 1}[Ellipsis])
print(... == Ellipsis, ... != None, bool(...), hash(...) == hash(Ellipsis))
def f(): ...
print(f())
print(type(Ellipsis)); print(type(...) is type(Ellipsis))
import sys
r0 = sys.getrefcount(...)
keep = [... for _ in range(5)]
print(sys.getrefcount(...) - r0)
