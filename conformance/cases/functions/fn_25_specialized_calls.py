# id: fn_25_specialized_calls
# source: python/cpython@3.11:Python/ceval.c (RESUME and JUMP_BACKWARD call _PyCode_Warmup; PRECALL_ADAPTIVE,
#   PRECALL_NO_KW_STR_1), Include/internal/pycore_code.h of 3.11 (QUICKENING_WARMUP_DELAY 8), Python/specialize.c
#   (_PyCode_Quicken, _Py_Specialize_Precall / _Py_Specialize_Call, specialize_class_call,
#   get_init_for_simple_managed_python_class), Python/bytecodes.c of 3.12/3.13 (CALL_NO_KW_STR_1,
#   CALL_ALLOC_AND_ENTER_INIT), Objects/call.c (_PyObject_MakeTpCall)
# property: what the specializer changes in what a call allocates, seen by gc.get_count() after a collection:
#   str(x) packs type_call's argument tuple until its site is specialized (3.11: once the code object has
#   seen 8 RESUMEs or JUMP_BACKWARDs, a `while test:` loop's bottom test not counting; 3.12: from the site's
#   second run; 3.10 never; 3.13's str has vectorcall); in 3.13 a call of a plain class whose __init__ takes
#   exactly the arguments allocates no tuple from the site's second run, for the class the site specialized for
from __future__ import print_function
import gc


def one(x):
    gc.collect()
    s = str(x)
    return gc.get_count()[0]


def for_loop():
    out = []
    for i in range(12):
        gc.collect()
        s = str(i + 1000)
        out.append(gc.get_count()[0])
    return out


def while_test():
    out = []
    i = 0
    while i < 12:
        gc.collect()
        s = str(i + 1000)
        out.append(gc.get_count()[0])
        i += 1
    return out


def while_true():
    out = []
    i = 0
    while True:
        gc.collect()
        s = str(i + 1000)
        out.append(gc.get_count()[0])
        i += 1
        if i == 12:
            break
    return out


def comprehension():
    return [(gc.collect(), str(i + 1000), gc.get_count()[0])[2] for i in range(12)]


def gen():
    for i in range(12):
        gc.collect()
        s = str(i + 1000)
        yield gc.get_count()[0]


class A(object):
    def __init__(self, x):
        self.x = x


class B(A):
    pass


class S(object):
    __slots__ = ('x',)

    def __init__(self, x):
        self.x = x


class D(object):
    def __init__(self, x, y=2):
        self.x = x


def make(cls):
    out = []
    for i in range(5):
        gc.collect()
        o = cls([i])
        out.append(gc.get_count()[0])
    return out


print('calls', [one(i + 1000) for i in range(12)])
print('for', for_loop())
print('while test', while_test())
print('while True', while_true())
print('comprehension', comprehension())
print('generator', list(gen()))
for cls in (A, B, S, D):
    print(cls.__name__, make(cls))
