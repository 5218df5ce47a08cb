# id: dm_124_slot_wrappers
# source: python/cpython:Objects/typeobject.c (add_operators: a wrapper_descriptor per slot a built-in type has
#   of its own, None for PyObject_HashNotImplemented; slotdefs: wrap_binaryfunc_l/_r, wrap_unaryfunc,
#   wrap_ternaryfunc, wrap_indexargfunc, wrap_hashfunc), Objects/descrobject.c (wrapperdescr_get, descr_check,
#   wrapperdescr_call, wrapperdescr_repr, PyWrapper_New, wrapper_repr); Lib/test/test_descr.py
# property: special methods of built-in types read from the type are slot wrappers found along tp_base (bool's
#   __add__ is int's), called with the owner's slot even on a subclass that overrides it, bound by __get__
#   to method-wrappers, with CPython's reprs, errors, sizes and NotImplemented; `__hash__ = object.__hash__`
#   in a class that defines __eq__ keeps instances hashable
from __future__ import print_function
import sys


class Eq(object):
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__


class NoHash(object):
    def __eq__(self, other):
        return True


class I(int):
    def __add__(self, other):
        return 'I.__add__'


e = Eq()
print(hash(e) == object.__hash__(e), hash(e) == id(e) >> 4 or hash(e) != 0)
print(NoHash.__hash__, Eq.__hash__)
print(int.__add__, bool.__add__, bool.__and__, float.__mul__, str.__add__, list.__mul__)
print(type(int.__add__).__name__, type((3).__add__).__name__, int.__add__ is int.__add__)
print(int.__add__(3, 4), (3).__add__(4), int.__add__(3, 4.0), float.__radd__(1.5, 2))
print(int.__sub__(10, 3), int.__rsub__(10, 3), int.__neg__(5), int.__abs__(-5), int.__invert__(0))
print(int.__pow__(2, 10), int.__pow__(3, 4, None), int.__rpow__(2, 3), float.__pow__(4.0, 0.5))
print(int.__divmod__(7, 2), int.__rdivmod__(7, 2), int.__floordiv__(7, 2), int.__truediv__(7, 2))
print(int.__and__(6, 3), int.__or__(6, 3), int.__xor__(6, 3), int.__lshift__(1, 4), int.__rshift__(16, 2))
print(int.__index__(7), int.__float__(7), float.__int__(7.9), float.__neg__(2.5))
print(list.__hash__, dict.__hash__, set.__hash__, [].__hash__)
print(tuple.__hash__((1, 2)) == hash((1, 2)), str.__hash__('ab') == hash('ab'), int.__hash__(-1))
print(str.__add__('a', 'b'), str.__mul__('ab', 3), str.__rmul__('ab', 2), list.__add__([1], [2]), tuple.__mul__((1,), 2))
print(I(3) + 1, int.__add__(I(3), 1), I.__add__(I(3), 1), I.__sub__(I(3), 1), I.__sub__)
print(int.__add__.__get__(3)(4), int.__add__.__get__(None, int) is int.__add__)
print(int.__add__.__name__, int.__add__.__objclass__, (3).__add__.__self__, (3).__add__.__name__)
m = (5).__mul__
print(m(6), m == (5).__mul__, m != (6).__mul__)
for call in (lambda: int.__add__(), lambda: int.__add__(1), lambda: int.__add__('a', 1),
             lambda: int.__add__.__get__('x'), lambda: int.__add__(1, 2, 3), lambda: int.__pow__(1),
             lambda: (3).__neg__(1), lambda: list.__mul__([1], 'a')):
    try:
        call()
    except TypeError as ex:
        print('TypeError:', ex)
print(sys.getsizeof(int.__add__) - sys.getsizeof(object()), sys.getsizeof((3).__add__) - sys.getsizeof(object()))
try:  # type_setattro on a static type, setting and deleting
    int.__add__ = None
except TypeError as ex:
    print('TypeError:', ex)
try:
    del int.__add__
except TypeError as ex:
    print('TypeError:', ex)
