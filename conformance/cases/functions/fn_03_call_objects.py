# id: fn_03_call_objects
# source: CPython 3.11 Python/ceval.c (initialize_locals: PyDict_New for **kwargs, _PyTuple_FromArraySteal
# for *args, the empty tuple when no extra positional argument), Python/compile.c (compiler_call_helper:
# BUILD_MAP / DICT_MERGE for f(**m), the argument tuple of f(*seq)), Objects/call.c (_PyVectorcall_Call:
# _PyStack_UnpackDict's names tuple for a call with a keyword dict), Objects/funcobject.c (func_new:
# __defaults__ / __kwdefaults__ made when the def runs)
# property: the objects a call with *args/**kwargs creates are CPython's — each counted once by the
# collector's generation-0 count (gc.get_count), tracked as CPython tracks them, alive only for the call
# unless the callee keeps them; arguments have CPython's reference counts inside the callee
import gc
import sys


def star(*args):
    return args


def kws(**kw):
    return kw


def both(a, *args, k=1, **kw):
    return sys.getrefcount(a)


def count_of(fn):
    gc.collect()
    before = gc.get_count()[0]
    r = fn()
    after = gc.get_count()[0]
    return after - before, r


big = [1, 2, 3]
print(count_of(lambda: star()))
print(count_of(lambda: star(1, 2)))
print(count_of(lambda: kws()))
print(count_of(lambda: kws(a=1)))
print(count_of(lambda: kws(**{"a": 1})))
print(count_of(lambda: star(*big)))
print(count_of(lambda: star(*(1, 2))))
print(star() is star(), type(star(1)).__name__, gc.is_tracked(star(1)), gc.is_tracked(star(big)))
print(gc.is_tracked(kws(a=1)), gc.is_tracked(kws(a=big)))
obj = object()
print(sys.getrefcount(obj), both(obj), both(obj, 1, 2, z=3), both(*(obj,)), both(obj, **{"k": 2}))
kept = star(obj, obj)
print(sys.getrefcount(obj), len(kept))
del kept


def defaults(a=[], *, b={}, c=(1, 2)):
    return a, b, c


print(defaults.__defaults__, defaults.__kwdefaults__, gc.is_tracked(defaults.__kwdefaults__))
print(sys.getrefcount(defaults.__defaults__[0]), sys.getrefcount(defaults.__kwdefaults__["b"]))
