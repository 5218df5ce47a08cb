# id: fmt_05_recursive_repr
# source: python/cpython:Objects/tupleobject.c (tuplerepr: Py_ReprEnter from 3.x, none in 2.7); Objects/dictobject.c (dict_repr), Objects/listobject.c (list_repr): Py_ReprEnter/Py_ReprLeave; Objects/object.c (PyObject_Repr)
# property: repr of containers that hold themselves through tuples: dicts and lists print {...} / [...] when met again;
#   3.x tuples print (...), 2.7's tuplerepr has no guard so the tuple is written again down to the dict or list
#   around it; empty and nested tuples unchanged
from __future__ import print_function
v1 = {}
v1.update({'k4': (v1,)})
print(dict(v1), v1)
l = []
t = (l, 1)
l.append(t)
print(l, t)
d = {}
t2 = (d, [d])
d['a'] = t2
print(t2, d)
print((), (1,), ((),), (((1,),),))
