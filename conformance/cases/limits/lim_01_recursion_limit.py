# sys.getrecursionlimit / sys.setrecursionlimit and where RecursionError strikes: one recursion depth
# shared by Python frames (3.11's _Py_EnterRecursivePy, the module's frame counts one) and the C-level
# guards of comparison and repr (Py_EnterRecursiveCall " in comparison" in PyObject_RichCompare, " while
# getting the repr of an object" in PyObject_Repr); the repr() built-in is a METH_O call and counts one
# (Python/ceval.c PRECALL_NO_KW_BUILTIN_O). setrecursionlimit's errors are sys_setrecursionlimit_impl's
# (Python/sysmodule.c): ValueError below 1, RecursionError at or below the current depth (the call of
# setrecursionlimit itself counting one), OverflowError beyond a C int, TypeError for a non-integer.
# Sources: python/cpython:Python/ceval.c (_Py_CheckRecursiveCall), Python/sysmodule.c,
# Lib/test/test_sys.py:SysModuleTest.test_recursionlimit, test_setrecursionlimit_recursion_depth.
import sys


def nest(n):
    x = []
    for i in range(n):
        x = [x]
    return x


def maxok(f, lo, hi):
    # the largest n in [lo, hi) for which f(n) does not raise RecursionError
    while hi - lo > 1:
        m = (lo + hi) // 2
        try:
            f(m)
            lo = m
        except RecursionError:
            hi = m
    return lo


def rep(n):
    repr(nest(n))


def cmp(n):
    a = nest(n)
    b = nest(n)
    a == b


def strf(n):
    str(nest(n))


def dep(d, f, n):
    if d == 0:
        return f(n)
    return dep(d - 1, f, n)


def rep100(n):
    dep(100, rep, n)


def cmp100(n):
    dep(100, cmp, n)


print("limit", sys.getrecursionlimit())
print("repr", maxok(rep, 1, 3000))
print("cmp", maxok(cmp, 1, 3000))
print("str", maxok(strf, 1, 3000))
print("repr at depth 100", maxok(rep100, 1, 3000))
print("cmp at depth 100", maxok(cmp100, 1, 3000))
c = [0]


def g(k):
    c[0] = k
    g(k + 1)


def calldepth():
    try:
        g(1)
    except RecursionError as e:
        print("calls", c[0], e)


def deep_repr_error():
    try:
        repr(nest(5000))
    except RecursionError as e:
        print(e)
    try:
        nest(5000) == nest(5000)
    except RecursionError as e:
        print(e)


calldepth()
deep_repr_error()
sys.setrecursionlimit(100)
print("limit", sys.getrecursionlimit())
print("repr", maxok(rep, 1, 3000))
print("cmp", maxok(cmp, 1, 3000))
calldepth()
sys.setrecursionlimit(1500)
print("limit", sys.getrecursionlimit())
print("repr", maxok(rep, 1, 5000))
calldepth()
for v in (0, -1, 1, 2, 2**31, 1.5, "x", True, 2**70, -2**40):
    try:
        sys.setrecursionlimit(v)
        print("set", v, "ok", sys.getrecursionlimit())
    except Exception as e:
        print("set", v, type(e).__name__, e)
print("limit", sys.getrecursionlimit())


def atdepth(d, lim):
    if d:
        return atdepth(d - 1, lim)
    try:
        sys.setrecursionlimit(lim)
        print("lower to", lim, "ok")
    except RecursionError as e:
        print("lower to", lim, e)


for lim in (60, 54, 53, 52):
    sys.setrecursionlimit(1000)
    atdepth(50, lim)
sys.setrecursionlimit(1000)
print("limit", sys.getrecursionlimit())
