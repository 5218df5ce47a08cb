# id: fn_22_locals
# source: CPython Python/bltinmodule.c (builtin_locals, builtin_vars: PyEval_GetLocals), Objects/frameobject.c
# (PyFrame_FastToLocalsWithError: a function's bound locals, a cell's contents, unbound names left out;
# 3.13 PEP 667: a snapshot dict), Python/bltinmodule.c (METH_NOARGS: "takes no arguments")
# property: locals() and vars() in a function give its bound locals (parameters, *args/**kw, cells by their
# contents, a deleted name absent), in a class body its namespace, at module level the globals dict; the
# METH_NOARGS error
from __future__ import print_function
import sys
def f(a, b=2, *args, **kw):
    c = a + b
    def inner():
        return c
    d = locals()
    print(sorted(d.items(), key=lambda kv: kv[0]) if 'inner' not in d else sorted(k for k in d))
    print(sorted(vars()))
    return inner
f(1)
class C:
    x = 1
    print(sorted(k for k in locals() if not k.startswith('__')))
print(locals() is globals(), vars() is globals())
def g():
    x = 1
    del x
    y = [locals()]
    return y
print(g())
try:
    locals(1)
except TypeError as e:
    print(e)
