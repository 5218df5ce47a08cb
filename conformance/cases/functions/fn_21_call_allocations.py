# id: fn_21_call_allocations
# source: CPython 2.7 Python/ceval.c (call_function: a bound method from LOAD_ATTR is replaced by its function
# and self before the call; a METH_VARARGS built-in gets a tuple from load_args; do_call packs a keyword
# dict, then the tuple, for anything else, built-in types included), Objects/classobject.c (PyMethod_New:
# a free list of 256 bound methods), Objects/methodobject.c (PyCFunction_NewEx: a free list of 256),
# Modules/gcmodule.c (clear_freelists: both emptied by a full collection, the list and dict free lists kept);
# CPython 3.11 Python/ceval.c (LOAD_METHOD/CALL: no bound method; CALL unpacks a stored bound method),
# Objects/call.c (_PyObject_MakeTpCall for types without vectorcall)
# property: the GC allocations gc.get_count() sees for one call of each kind straight after a full
# collection: a method of a class, a built-in method (2.7: a bound built-in method object, then taken from
# its free list), METH_VARARGS built-ins and methods (2.7: their argument tuple), built-in type calls (2.7:
# every one packs a tuple), a stored bound method called, and the references
# the callee sees to self
from __future__ import print_function
import gc
import sys


class C(object):
    def m(self):
        return sys.getrefcount(self)


c = C()
v1 = [1]
print('start', [0], {0: 0}, (0,))


def count(label, f):
    gc.collect()
    f()
    print(label, gc.get_count()[0])


def append():
    v1.append(1)


def method():
    c.m()


def float_call():
    float('1e3')


def isinstance_call():
    isinstance(v1, list)


def list_call():
    list(v1)


def tuple_call():
    tuple(v1)


def index():
    v1.index(1)


def max_call():
    max(1, 2)


def dict_get():
    {}.get(1)


def stored():
    m = c.m
    m()
    m()


def length():
    len(v1)


for label, f in [('append', append), ('method', method), ('float()', float_call),
                 ('isinstance()', isinstance_call), ('list()', list_call), ('tuple()', tuple_call),
                 ('list.index', index), ('max()', max_call), ('dict.get', dict_get),
                 ('stored method', stored), ('len()', length)]:
    count(label, f)
print('self refs', c.m(), C.m(c))
m = c.m
print('stored self refs', m())
