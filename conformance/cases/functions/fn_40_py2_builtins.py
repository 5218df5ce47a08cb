# id: fn_40_py2_builtins
# source: python/cpython@2.7:Python/bltinmodule.c (builtin_reduce, builtin_apply, builtin_intern, builtin_cmp),
#   Objects/object.c (PyObject_Compare, do_cmp, try_rich_to_3way_compare, default_3way_compare),
#   Python/getargs.c (PyArg_UnpackTuple); python/cpython:Lib/functools.py (reduce), Objects/object.c
#   (do_richcompare's TypeError)
# property: 2.7's reduce (an initial value, the empty-sequence and non-iterable errors), apply (a sequence made
#   a tuple, a dict of keywords, its type errors), intern (an exact str only) and cmp (==, then <, then >),
#   with PyArg_UnpackTuple's 2.7 messages; 2.7 orders objects of unrelated types (None first, numbers before
#   the rest, then by type name) where 3.x raises TypeError; 3.x has none of the four built-ins, reduce is
#   functools'
from __future__ import print_function
import sys

PY2 = sys.version_info[0] < 3
if not PY2:
    from functools import reduce
    print([n in dir(__builtins__) for n in ("reduce", "apply", "intern", "cmp")])


def add(a, b):
    return a + b


def show(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)


print(reduce(add, [1, 2, 3]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(add, [], 7))
print(reduce(lambda a, b: a + [b], "abc", []))
for f in (lambda: reduce(add, []), lambda: reduce(None, [1, 2])):
    show(f)
if PY2:
    for f in (lambda: reduce(add, 5), lambda: reduce(add), lambda: reduce(1, 2, 3, 4), lambda: reduce(add, [1], x=1)):
        show(f)

    def g(a, b=2, *r, **k):
        return (a, b, r, sorted(k.items()))

    print(apply(g, (1,)), apply(g, [1, 3, 4]), apply(g, (1,), {"z": 5}), apply(len, ("xyz",)), apply(dict))
    for f in (lambda: apply(g, 5), lambda: apply(g, (1,), [1]), lambda: apply(), lambda: apply(g, {1: 2})):
        show(f)
    s = intern("hello world x")
    print(s is intern("hello world x"), s)
    for f in (lambda: intern(5), lambda: intern("a", "b")):
        show(f)
    print(cmp(1, 2), cmp(2, 1), cmp(1, 1), cmp("b", "a"), cmp([1, 2], [1, 3]), cmp((1,), (1,)), cmp(None, 0),
          cmp(1, "a"), cmp(1.5, 1))
    show(lambda: cmp(1))


class A(object):
    pass


a, b = A(), A()
for f in (lambda: (1 < "a", None < 1, [1] < (1,), {} < [], "a" > 5, 2.5 < []),
          lambda: sorted([3, "b", None, 1.5, [2], (1,), "a", {}, 2]), lambda: (max([1, "x", None]), min([None, 0])),
          lambda: ((a < b) != (b < a), a <= a, 1 < a, a < "z")):
    show(f)
print(None == None, None != 0, a == a, a != b)
