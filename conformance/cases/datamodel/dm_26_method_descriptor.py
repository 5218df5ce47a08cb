# id: dm_26_method_descriptor
# source: python/cpython:Objects/descrobject.c (PyDescr_NewMethod, method_get, descr_check,
# method_vectorcall_O's method_check_args, descr_repr, descr_get_qualname); Objects/typeobject.c
# (type_add_methods: one descriptor per method in tp_dict); Lib/test/test_descr.py (test_methods)
# property: a built-in type's method read from the type is its method_descriptor (72 bytes, tracked),
# the same object every time (it lives in the type's dict), also reached from a subclass; calling it
# checks the first argument's type; __get__ binds it to an instance as a built-in method; reading it
# does not count as an allocation of the program (gc counts stay put). A built-in instance's __str__ is a
# method-wrapper over tp_str (Objects/typeobject.c slotdefs, wrap_unaryfunc).
from __future__ import print_function

import gc
import sys

print(list.append, type(list.append).__name__, sys.getsizeof(list.append), gc.is_tracked(list.append))
print(list.append is list.append, str.join is str.join, list.append.__name__, getattr(list.append, "__qualname__", "-"),
      list.append.__objclass__)
for bad in ((1, 2), ()):
    try:
        list.append(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    list.append([], 1, 2)
except TypeError as e:
    print("TypeError:", e)
b = list.append.__get__([1])
print(type(b).__name__, b.__self__)
print(list.append.__get__(None, list) is list.append)
try:
    list.append.__get__(3)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append.__get__(None, None)
except TypeError as e:
    print("TypeError:", e)
x = []
list.append(x, 5)
print(x, str.upper("ab"), str.join(",", "ab"), dict.get({1: 2}, 1), tuple.index((1, 2), 2), int.bit_length(255))


class L(list):
    pass


l = L()
list.append(l, 3)
print(l, L.append is list.append, L.append)
print(sorted(map(str.lower, ["B", "a", "C"])))
w = object().__str__
print(type(w).__name__, w.__name__, [1].__str__(), (1).__str__(), "a".__str__(), (2.5).__str__())

gc.collect()
a = gc.get_count()[0]
b = gc.get_count()[0]
gc.collect()
c = gc.get_count()[0]
for name in ("pop", "insert", "remove", "extend", "count"):
    getattr(list, name)
d = gc.get_count()[0]
print(b - a, d - c)
