# id: it_01_result_reuse
# source: python/cpython:Objects/enumobject.c (enum_next reuses en_result when its refcount is 1 and re-tracks it, bpo-42536); Python/bltinmodule.c (zip_next: the same for zip's result tuple)
# property: enumerate and zip hand out one result tuple over and over while nobody else holds it, so a loop that unpacks the pairs allocates no tuple per item; a pair kept alive forces a fresh tuple (ids alternate); the reused tuple is re-tracked after the collector untracked it (2.7 leaves it untracked)
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
e = enumerate([10, 20, 30, 40])
t = next(e)
print(t, gc.is_tracked(t))
del t
gc.collect()
t = next(e)
print(t, gc.is_tracked(t))
l = list(range(6))
gc.collect()
ids = []
for t in enumerate(l):
    ids.append(id(t))
print([ids[i] == ids[0] for i in range(len(ids))])
gc.collect()
c0 = gc.get_count()
pairs = list(enumerate(l))
print(gc.get_count()[0] - c0[0], len(pairs))
gc.collect()
c0 = gc.get_count()
for i, x in enumerate(l):
    print(i, x, gc.get_count()[0] - c0[0])
print(list(enumerate("abc", 5)))
