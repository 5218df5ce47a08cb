# id: fn_11_code_object
# source: python/cpython:Objects/codeobject.c (code_memberlist, code_getsetlist, code_repr,
# code_sizeof); Include/cpython/code.h (CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS,
# CO_NESTED, CO_GENERATOR); Python/compile.c (compute_code_flags); Objects/funcobject.c (func_get_code)
# property: a function's __code__ is one code object per compiled unit (shared by every function made
# from it), not GC-tracked, weak-referenceable, with the unit's name, qualname, filename, first line,
# argument counts, flags, local/cell/free variable names as 3.11 reports them; __file__ of the main
# script is absolute (3.9+), as co_filename is.
import gc
import sys
import weakref


def f():
    pass


def g(a, b=1, *c, d, **e):
    x = a + b
    return [y for y in c], x


def outer(p):
    q = 1

    def inner(r, /, s):
        return p + q + r + s
    return inner


def gen():
    yield 1


async def coro():
    pass


for fn in (f, g, outer, outer(1), gen, coro, lambda z: z):
    c = fn.__code__
    print(c.co_name, c.co_qualname, c.co_flags, c.co_nlocals, c.co_argcount, c.co_posonlyargcount,
          c.co_kwonlyargcount, c.co_varnames, c.co_cellvars, c.co_freevars,
          c.co_firstlineno - f.__code__.co_firstlineno, gc.is_tracked(c), type(c).__name__)
print(f.__code__ is f.__code__, outer(1).__code__ is outer(2).__code__, f.__code__ is g.__code__)
print(repr(f.__code__).split(" at ")[0], repr(f.__code__).split(", ")[1:] == ['file "%s"' % __file__, "line %d>" % f.__code__.co_firstlineno])
print(f.__code__.co_filename == __file__, __file__.startswith("/"))
r = weakref.ref(f.__code__)
print(r() is f.__code__)
