# id: trk_06_dict_referents
# source: python/cpython:Objects/dictobject.c (dict_traverse: 3.10 visits the keys only of a lookdict table, one that ever stored a key other than an exact str, kept by dictresize; 3.11+ skips the keys of a DICT_KEYS_UNICODE table; insertdict, insert_to_emptydict); Modules/gcmodule.c (gc_get_referents)
# property: gc.get_referents of dicts: keys are reported only where dict_traverse visits them (not for a table of
#   str keys; 3.10: not before a non-str key was stored, and still after it was deleted), values always; a lookup
#   with a non-str key changes nothing; copies; a cycle through a non-str key is collected
from __future__ import print_function
import gc
def refs(d):
    return sorted(repr(x) for x in gc.get_referents(d))
v1 = dict(a0=[], a1=1000)
print(refs(v1))
d = {'a': [], 'b': 2}
d.get(5)
print(5 in d, refs(d))
d[5] = 1
print(refs(d))
del d[5]
print(refs(d))
for i in range(10):
    d['k%d' % i] = i
print(len(gc.get_referents(d)))
g = {1: 'a', 'b': []}
h = dict(g)
del h[1]
print(refs(g), refs(h), refs(g.copy()))
m = {}
m.update({'q': [], 'r': 1})
print(refs(m), refs({('a',): 1}))
class K(object):
    pass
kk = K()
dd = {'z': 0}
dd[kk] = 1
kk.d = dd
del kk, dd
print(gc.collect())
