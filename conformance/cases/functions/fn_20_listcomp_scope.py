# id: fn_20_listcomp_scope
# source: CPython 2.7 Python/compile.c (compiler_listcomp / compiler_listcomp_generator: a list
# comprehension is a loop of the enclosing code, BUILD_LIST then GET_ITER, FOR_ITER, STORE_NAME/STORE_FAST,
# LIST_APPEND; no function, no frame) and Python/symtable.c (2.7: its targets are the enclosing scope's
# names); CPython 3.x Python/compile.c (compiler_comprehension: a <listcomp> function with its own scope;
# 3.12+: inlined, PEP 709, the variable still private)
# property: 2.7's list comprehension leaves its loop variables bound in the enclosing scope (module,
# function, class body) to the last item, which keeps that item alive; 3.x's do not; set/dict
# comprehensions and generator expressions have their own scope in 2.7 too; the GC allocations of a list
# comprehension (2.7: the list; 3.x up to 3.11: also the function object)
from __future__ import print_function
import gc, sys

r = [x * 2 for x in range(3)]
print(r, 'x' in globals())
s = {y for y in range(3)}
g = list(z for z in range(3))
print('y' in globals(), 'z' in globals())


def f(n):
    pairs = [(a, b) for a in range(n) if a % 2 for b in 'pq']
    try:
        return pairs, a, b
    except NameError as e:
        return pairs, 'NameError'


print(f(4))


class C:
    sq = [q * q for q in range(4)]


print(C.sq, hasattr(C, 'q'))


class Item(object):
    def __del__(self):
        print('del Item')


items = [Item(), Item()]
doubled = [it for it in items]
del items, doubled
print('after del', 'it' in globals())
gc.collect()
base = gc.get_count()[0]
r2 = [w for w in (1, 2, 3)]
print('listcomp allocations', gc.get_count()[0] - base)
print('end')
