# id: path_04_constructor_counts
# source: python/cpython:Objects/listobject.c (list_vectorcall, list_inplace_repeat); Objects/abstract.c (PySequence_List, PySequence_Tuple); Modules/gcmodule.c (gc_collect_main: clear_freelists after a full collection); Lib/test/test_gc.py:GCTests.test_get_count
# property: right after a full collection (the freelists are empty) a statement leaves in gc.get_count()[0]
#   exactly the GC objects CPython allocates for it: list() allocates a fresh list even when the freelist
#   has one (sorted's argument list went there); tuple(range(n)) and list(str) build no temporary list;
#   l *= n on an empty list allocates nothing
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc

print('start', [0], {0: 0}, (0,))
gc.collect()
x = sorted([])
y = list()
print(gc.get_count())
gc.collect()
x = tuple(range(3))
print(gc.get_count())
gc.collect()
x = list('abc')
print(gc.get_count())
l = []
gc.collect()
l *= 3
print(gc.get_count())
