# id: sub_03_dict_cycles
# source: python/cpython:Objects/typeobject.c (subtype_traverse visits the instance dict, the type and then dict_traverse; subtype_clear); Modules/gcmodule.c (collect)
# property: instances of a dict subclass are always tracked (never untracked like an exact dict of atoms),
# sizes include the subclass's words, and cycles through the items or the instance __dict__ are collected
from __future__ import print_function
import sys, gc
class D(dict):
    pass
d = D()
print(gc.is_tracked(d), sys.getsizeof(d) - sys.getsizeof({}))
d['a'] = 1
gc.collect()
e = {'a': 1}
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(e), d == e, type(d).__name__)
gc.collect()
a = D(); b = D()
a['b'] = b; b['a'] = a
a.me = a
del a, b
print(gc.collect())
x = D(k=[1])
x.attr = x
del x
print(gc.collect())
