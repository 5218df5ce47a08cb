# id: fn_23_star_call_refs
# source: python/cpython:Python/ceval.c (CALL_FUNCTION_EX, do_call_core), Objects/call.c (_PyStack_UnpackDict);
#   python/cpython@2.7:Python/ceval.c (ext_do_call, update_keyword_args, update_star_args), Objects/funcobject.c of 2.7
#   (function_call: the keyword pairs as kwtuple), Python/ceval.c of 2.7 (PyEval_GetFuncName, PyEval_GetFuncDesc)
# property: the references an argument has inside the callee of f(x, *seq, k=v, **map): 3.x passes the argument
#   tuple's items (3.10 and 3.11 hold the keywords' values a second time in _PyStack_UnpackDict's array, 3.12+ frees
#   the tuple and dict before the callee runs); 2.7's ext_do_call makes a new argument tuple of the stack's arguments
#   and the star tuple's items, keeps the star tuple (a list made a tuple) until the call returns, builds the keyword
#   dict from the pairs (a copy of **map), and function_call holds each keyword value once more; argument order and
#   errors of these calls (2.7 names a function `f()`, 3.x `__main__.f()`)
from __future__ import print_function
import sys


def p0(a, b=None):
    print(sys.getrefcount(a), sys.getrefcount(b))


def p1(*args):
    print(sys.getrefcount(args), [sys.getrefcount(x) for x in args])


def p2(a, b=2, *args, **kw):
    return (a, b, args, sorted(kw.items()))


t = ('abc' * 50,)
p0({0: 1}, *t)
p0(*({0: 1}, 'x' * 30))
l = [{1: 2}, [5]]
p0(*l)
p0({0: 1}, *[[7]])
p0({0: 1}, b=[8], *())
p0({0: 1}, **{'b': [9]})
p1(*t)
p1({0: 1}, *t)
p1(*l)
print(p2(1, *[2, 3]), p2(*(1,)), p2(1, c=3, *[2]), p2(1, **{'b': 5, 'z': 6}), p2(a=1, **{'q': 1}))
print(p2(1, c=4, *(), **{'d': 5}))


class C(object):
    def __init__(self, *a, **k):
        self.a = a
        self.k = k

    def m(self, x, *r):
        return x, r


c = C(1, *[2, 3], **{'z': 1})
print(c.a, c.k, c.m(*[1, 2, 3]), c.m(0, *'ab'))
print(max(*[3, 1, 2]), min(1, *[0, 5]), dict(a=1, **{'b': 2}) == {'a': 1, 'b': 2})
print('{0}-{x}'.format(*[7], **{'x': 8}))


class M(object):
    def keys(self):
        return ['p', 'q']

    def __getitem__(self, k):
        return k * 2


print(p2(0, **M()))
for bad in (lambda: p2(1, b=3, **{'b': 4}), lambda: p2(1, *5), lambda: p2(1, **[1])):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', str(e).replace('__main__.', ''))
