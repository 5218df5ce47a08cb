# id: path_10_py27_hidden_allocations
# source: python/cpython@2.7:Objects/abstract.c (PyObject_IsInstance, PyObject_IsSubclass: _PyObject_LookupSpecial,
#   PyObject_CallFunctionObjArgs), Python/errors.c (PyErr_GivenExceptionMatches), Objects/iterobject.c (iter_iternext),
#   Objects/listobject.c (list_repr, list_print), Objects/tupleobject.c (tuplerepr), Objects/dictobject.c (dict_repr,
#   dict_update_common), Python/bltinmodule.c (builtin_sorted, builtin_getattr, builtin_hasattr), Python/import.c
#   (_PyImport_FixupExtension), Python/symtable.c and Python/compile.c (the compile's lists and dicts)
# property: what CPython allocates where the program does not see it, counted by gc.get_count() after a collection:
#   except clauses, isinstance, issubclass, getattr with a default and hasattr (2.7 binds type's own
#   __subclasscheck__/__instancecheck__ and packs a 1-tuple; 3.x has a fast path), a str's iteration (2.7's seqiter ends
#   on IndexError), repr of containers (2.7's pieces) and print of them (tp_print), dict(d) and sorted (a bound method
#   made and dropped), the list and dict free lists after a program of several blocks (2.7 keeps what its compiler
#   freed), and the references a C module's dict copy holds in 2.7
from __future__ import print_function
import gc, sys


class E(Exception):
    pass


def f1(a=None):
    return a


def f2(a, b=None):
    return [a, b]


class C(object):
    def m(self):
        return (x for x in range(2))


def delta(label, before):
    print(label, gc.get_count()[0] - before)


gc.collect()
c = gc.get_count()[0]
try:
    {}['k']
except KeyError:
    pass
delta('except KeyError', c)
gc.collect()
c = gc.get_count()[0]
try:
    raise E('x')
except (ValueError, KeyError, E):
    pass
delta('except tuple', c)
gc.collect()
c = gc.get_count()[0]
r = isinstance(True, int), isinstance(E(), Exception), issubclass(E, Exception)
delta('isinstance', c)
gc.collect()
c = gc.get_count()[0]
r = getattr(1, 'nope', None), hasattr(1, 'nope')
delta('getattr', c)
gc.collect()
c = gc.get_count()[0]
for ch in 'abc':
    pass
delta('str loop', c)
gc.collect()
c = gc.get_count()[0]
s = repr((1, 2)) + repr([1]) + repr({1: 2})
delta('repr', c)
gc.collect()
c = gc.get_count()[0]
print([1, (2, 3)], {4: (5,)})
delta('print', c)
d = {'a': 1}
gc.collect()
c = gc.get_count()[0]
d2 = dict(d)
delta('dict(d)', c)
gc.collect()
c = gc.get_count()[0]
l = sorted([3, 1, 2])
delta('sorted', c)
gc.collect()
k = 0
c = gc.get_count()[0]
while k < 8:
    x = [k]
    k += 1
delta('lists', c)
gc.collect()
k = 0
c = gc.get_count()[0]
while k < 8:
    x = {k: k}
    k += 1
delta('dicts', c)
print('refs', sys.getrefcount(gc.collect), sys.getrefcount(gc.get_count))
