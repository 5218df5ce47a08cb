# id: fn_18_star_call_order
# source: CPython 3.11 Python/compile.c (compiler_call_helper / ex_call: the positional arguments through
# starunpack_helper with BUILD_LIST, LIST_APPEND, LIST_EXTEND and LIST_TO_TUPLE; the list is built from the
# arguments before the first starred one, BUILD_LIST i; all-constant arguments of a call with **mapping:
# one tuple constant, folded by the compiler (more than two) or by fold_tuple_on_constants),
# Objects/listobject.c (the list free list), Python/ceval.c (CALL_FUNCTION_EX)
# property: a call with starred arguments allocates what CPython's allocates, in CPython's order: a
# temporary argument made before the argument list is freed into the list free list only after the list
# exists, so `f(a + [], *t)` allocates one list more than `f(a, *t)` (gc.get_count); all-constant
# positional arguments of an `f(..., **m)` call are one constant tuple (co_consts order as CPython's)
import gc
import sys


def f(a, b=None, *rest, **kw):
    return len(rest)


v = [1]
t = (176,)
kw = {"k": 1}
cases = [
    ("f(v + [], *(176,))", lambda: f(v + [], *(176,))),
    ("f(v, *(176,))", lambda: f(v, *(176,))),
    ("f(v + [], *t)", lambda: f(v + [], *t)),
    ("f(*t)", lambda: f(*t)),
    ("f(1, *t)", lambda: f(1, *t)),
    ("f(v + [], 5)", lambda: f(v + [], 5)),
    ("f(*[1, 2])", lambda: f(*[1, 2])),
    ("f(1, *[2])", lambda: f(1, *[2])),
    ("f(v + [], v + [], *v, 3, *t)", lambda: f(v + [], v + [], *v, 3, *t)),
    ("f(1, **kw)", lambda: f(1, **kw)),
    ("f(1, 2, 3, **kw)", lambda: f(1, 2, 3, **kw)),
    ("f(v, 2, **kw)", lambda: f(v, 2, **kw)),
]
print("start", [0], {0: 0}, (0,))
for text, fn in cases:
    fn()  # first calls before measuring (3.10 keeps a zombie frame per code object)
for text, fn in cases:
    gc.collect()
    before = gc.get_count()[0]
    r = fn()
    print(text, gc.get_count()[0] - before, r)


def g(*a, **k):
    return len(a)


def calls():
    return g(1, **kw), g(1, 2, 3, **kw), g(v, 1, **kw), g(1, 2, k2=3, **kw), g(**kw), g(0, *[1, 2], 3, *(4,))


print(calls())
print([c for c in calls.__code__.co_consts if not hasattr(c, "co_name")])
