# id: ann_01_function_annotations
# source: python/cpython:Python/compile.c (compiler_visit_annotations, compiler_visit_argannotations, compiler_function); Objects/funcobject.c (func_get_annotations, func_get_annotation_dict, func_set_annotations); Python/ceval.c (MAKE_FUNCTION)
# property: parameter and return annotations are evaluated once, where the def runs, after the defaults, in CPython's order (positional parameters after `/` first, then positional-only, *args, keyword-only, **kwargs, return); __annotations__ is one dict made on first access (its identity, size, refcount and tracking), an empty one when nothing is annotated; it can be replaced by a dict or cleared with None, anything else is a TypeError
import sys
import gc

log = []
def note(tag, value):
    log.append(tag)
    return value

def f(a: note("a", int), /, b: note("b", str), *args: note("args", "x"), c: note("c", float) = note("default", 1),
      **kw: note("kw", list)) -> note("return", bool):
    return a
print(log)
d = f.__annotations__
print(d)
print(list(d))
print(d is f.__annotations__, sys.getrefcount(d), sys.getsizeof(d), gc.is_tracked(d))
f.__annotations__["added"] = 1
print(f.__annotations__)

def plain(x, y=2):
    return x
e = plain.__annotations__
print(e, e is plain.__annotations__, sys.getsizeof(e), sys.getrefcount(e))
plain.__annotations__ = None
print(plain.__annotations__, plain.__annotations__ is e)
plain.__annotations__ = {"z": 3}
print(plain.__annotations__)
try:
    plain.__annotations__ = 5
except TypeError as exc:
    print("TypeError:", exc)
del plain.__annotations__
print(plain.__annotations__)

class Holder:
    pass

def tracked(h: Holder, other: "text") -> [1, 2]:
    pass
t = tracked.__annotations__
print(sorted(t), gc.is_tracked(t), sys.getrefcount(t))

def only_return() -> None:
    pass
print(only_return.__annotations__)

def kwonly(*, k: int, j=3) -> "r":
    pass
print(kwonly.__annotations__, kwonly.__kwdefaults__)

class C:
    def method(self, x: int) -> "C":
        return x

    @staticmethod
    def smeth(y: float):
        return y
print(C.method.__annotations__, C().method.__annotations__, C.smeth.__annotations__)

async def coro(n: int) -> int:
    return n
print(coro.__annotations__)

def make(tag):
    def inner(v: tag) -> tag:
        return v
    return inner
i1 = make(int)
i2 = make(str)
print(i1.__annotations__, i2.__annotations__)
lam = lambda x, y=1: x
print(lam.__annotations__)
