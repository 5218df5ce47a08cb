# id: path_02_dict_pairs
# source: python/cpython:Objects/dictobject.c (dict_update_arg, PyDict_MergeFromSeq2, dict_merge); Lib/test/test_dict.py:DictTest.test_constructor, test_update
# property: dict(iterable of pairs) and d.update(iterable of pairs) insert each pair in order with
#   PyDict_SetItem (a later key overrides, the table grows as single insertions grow it); a pair may be a
#   tuple, a list or a two-character str; keyword arguments come after the pairs; the pairs' keys and
#   values gain exactly the references the dict holds
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys

d = dict([(0, 0)])
print(d, sys.getsizeof(d))
d = dict([('a', 1), ['b', 2], ('a', 3)])
print(d, sys.getsizeof(d))
d.update([(1, 2), (3, 4)])
print(d, sys.getsizeof(d))
d.update(((5, 6),))
print(d, sys.getsizeof(d))
d = dict(['ab', 'cd'])
print(d)
d = dict([(i * 7, i) for i in range(9)])
print(d, sys.getsizeof(d))
d = dict([(i * 7, i) for i in range(9)], z=1)
print(len(d), d['z'])
k = [1000]
v = [2000]
p = (5, k)
d = dict([(3, v), p])
print(sys.getrefcount(k), sys.getrefcount(v), d[5] is k)
d.update([(5, v)])
print(sys.getrefcount(k), sys.getrefcount(v))
