# id: dm_99_dict_fromkeys
# source: python/cpython:Objects/dictobject.c (dict_fromkeys, _PyDict_FromKeys: the class called for the new
#   dict, PyDict_SetItem for an exact dict, PyObject_SetItem for a subclass; 2.7 dict_fromkeys, METH_VARARGS |
#   METH_CLASS), Objects/descrobject.c (classmethoddescr_get: bound to type(obj) when read from an instance),
#   Modules/gcmodule.c (2.7 collect: clear_freelists empties the tuple free list, not the dict one)
# property: dict.fromkeys is a classmethod: read from a dict, from a subclass or from a subclass's instance it
#   is bound to that class, and a subclass is called (its __init__ runs) and filled through its __setitem__; the
#   new dict is the class's own allocation, not the dict free list's, so gc.get_count() after fromkeys equals
#   CPython's (2.7: one more, the argument tuple its METH_VARARGS call packs)
from __future__ import print_function
import gc


class D(dict):
    def __init__(self, *a):
        print("init", a)
        dict.__init__(self, *a)

    def __setitem__(self, k, v):
        print("set", k, v)
        dict.__setitem__(self, k, v)


class F(dict):
    pass


print(D.fromkeys("ab", 1), type(D.fromkeys([])).__name__)
print(D().fromkeys([3]), type(F().fromkeys([1])).__name__)
print({}.fromkeys([1]), dict.fromkeys(set([5])), dict.fromkeys({7: 8}), dict.fromkeys("xy", []))
f = {}.fromkeys
print(f.__self__ is dict, f.__name__, F.fromkeys.__self__ is F, F().fromkeys.__self__ is F)
print(sorted(dict.fromkeys(range(10)).items())[:2], len(dict.fromkeys(range(10))))

gc.disable()


def delta(fn):
    gc.collect()
    a = gc.get_count()[0]
    fn()
    return gc.get_count()[0] - a


d0 = {}
fk = dict.fromkeys
for label, fn in [("class", lambda: dict.fromkeys([1, 2])), ("bound", lambda: fk([1, 2])), ("instance", lambda: d0.fromkeys([1])),
                  ("str", lambda: dict.fromkeys("ab")), ("empty str", lambda: dict.fromkeys("")),
                  ("dict", lambda: dict.fromkeys({1: 2})), ("iter", lambda: dict.fromkeys(iter([1]))),
                  ("list of str ''", lambda: list("")), ("tuple of ''", lambda: tuple("")), ("sorted ''", lambda: sorted(""))]:
    print(label, delta(fn))
