# id: path_06_display_sizes
# source: python/cpython:Python/ceval.c (BUILD_MAP, BUILD_CONST_KEY_MAP: _PyDict_FromItems); Objects/dictobject.c (_PyDict_FromItems, dict_new_presized, new_keys_object); Lib/test/test_sys.py:SizeofTest.test_objecttypes
# property: a dict display of more than five items whose keys are all str is presized with a str-only key
#   table (16-byte entries in 3.11+), whether its values are constants or not
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys

x = int('5')
d = {'k0': 1, 'k1': 1, 'k2': 1, 'k3': 1, 'k4': 1, 'k5': 1}
print(sys.getsizeof(d))
d = {'k0': x, 'k1': x, 'k2': x, 'k3': x, 'k4': x, 'k5': x}
print(sys.getsizeof(d))
d = {'k0': x, 'k1': x, 'k2': x, 'k3': x, 'k4': x, 'k5': x, 7: x}
print(sys.getsizeof(d))
d = {'k0': x, 'k1': x, 'k2': x, 'k3': x, 'k4': x}
d['k5'] = x
print(sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))
e = {}
e.update(d)
print(sys.getsizeof(e))
