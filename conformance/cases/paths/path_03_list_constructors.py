# id: path_03_list_constructors
# source: python/cpython:Objects/listobject.c (list_vectorcall, list___init___impl, list_extend, list_preallocate_exact, list_resize, list_inplace_repeat); Objects/abstract.c (PySequence_List, PySequence_Tuple); Python/bltinmodule.c (builtin_sorted); Lib/test/test_sys.py:SizeofTest.test_objecttypes
# property: list(x) is a freshly allocated list (never one from the freelist) extended by x; an empty list
#   extended by a list, tuple, str, dict or range gets exactly its length rounded up to even
#   (list_preallocate_exact; 3.13 resizes for a dict, 2.7 always resizes), a non-empty one list_resize to
#   the sum; sorted(x) starts from PyList_New(0); tuple(x) fills one tuple of the exact length with no
#   temporary list; l *= n grows the list in place by one list_resize
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys

t = (1, 2, 3)
v = [x for x in range(11)]
print(sys.getsizeof(list(t)), sys.getsizeof(list(v)), sys.getsizeof(list('abcde')))
print(sys.getsizeof(list({1: 2, 3: 4, 5: 6})))
l = []
l += [1, 2, 3, 4, 5]
print(sys.getsizeof(l))
l = []
l.extend((1, 2, 3, 4, 5))
print(sys.getsizeof(l))
l = []
l.extend('abcde')
print(sys.getsizeof(l))
l = [1]
l.extend('abcde')
print(sys.getsizeof(l))
l = [1]
l.extend(v)
print(sys.getsizeof(l))
l = [x for x in range(3)]
l.extend(l)
print(l, sys.getsizeof(l))
print(sys.getsizeof(sorted([1495])), sys.getsizeof(sorted(t)), sys.getsizeof(sorted('cba')), sys.getsizeof(sorted(v)))
print(sys.getsizeof(list(range(5))), sys.getsizeof(sorted(range(5))))
print(tuple('abc'), tuple({1: 2, 3: 4}), tuple(range(4)), tuple([5, 6]), tuple(t) is t)
l = [[1, 2]]
l *= 3
print(sys.getsizeof(l), sys.getrefcount(l[0]))
l = [x for x in range(5)]
l *= 1
print(sys.getsizeof(l))
l *= 0
print(l, sys.getsizeof(l))
