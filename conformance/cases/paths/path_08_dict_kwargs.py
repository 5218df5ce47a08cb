# id: path_08_dict_kwargs
# source: python/cpython:Objects/dictobject.c (dict_init, dict_update_common, PyDict_Merge: one dictresize to (used + other.used) * 2 when 3 * (fill + other.used) >= 2 * size, 2.7; dict_vectorcall inserting keyword by keyword, 3.x); Python/ceval.c of 2.7 (update_keyword_args)
# property: sys.getsizeof and key order of dict(**kw), dict(a0=..., ...) and dict(mapping, **kw) for 0 to 11 keywords:
#   2.7 builds the call's keyword dict and merges it into the new dict with one resize up front (six keywords: 664
#   bytes, a 16-slot table), 3.x inserts keyword by keyword
from __future__ import print_function
import sys
for n in range(0, 12):
    kw = dict(('a%d' % i, i) for i in range(n))
    d = dict(**kw)
    print(n, sys.getsizeof(d), list(d.keys()) == list(kw.keys()))
v1 = dict(a0=0, a1=0, a2=0, a3=0, a4=0, a5=0)
print(sys.getsizeof(v1), list(v1))
v2 = dict({'x': 1}, a0=0, a1=0, a2=0, a3=0, a4=0, a5=0, a6=[])
print(sys.getsizeof(v2), list(v2))
