# id: dm_40_dictview_objects
# source: python/cpython:Objects/dictobject.c (_PyDictView_New, dictview_dealloc, dictview_traverse,
# dictview_len, dictview_repr, dictiter_new, dict_keys / dict_values / dict_items); python/cpython@2.7:
# Objects/dictobject.c (dict_viewkeys, dict_keys)
# property: d.keys()/values()/items() (2.7: viewkeys/viewvalues/viewitems) are view objects of 40 bytes
# (2.7: 56) with the GC head, tracked from creation, a new one per call, each holding one reference to
# its dict (sys.getrefcount) and showing later changes; their iterators are 72 bytes (2.7: 88); making
# a view is one GC allocation (gc.get_count); a cycle through a view is collected; 2.7's keys() is a list
from __future__ import print_function
import gc
import sys

d = {'a': 1, 'b': 2}
if hasattr(d, 'viewkeys'):
    K, V, I = d.viewkeys, d.viewvalues, d.viewitems
else:
    K, V, I = d.keys, d.values, d.items
k, v, i = K(), V(), I()
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(sys.getsizeof(k), sys.getsizeof(v), sys.getsizeof(i))
print(gc.is_tracked(k), gc.is_tracked(v), gc.is_tracked(i))
print(sys.getrefcount(d))
k2 = K()
print(k2 is k, sys.getrefcount(d), sys.getrefcount(k))
del k2
print(sys.getrefcount(d))
print(len(k), len(v), len(i), k, v, i)
d['c'] = 3
print(len(k), sorted(k), sorted(v), sorted(i))
del d['a']
print(len(i), sorted(i))
it = iter(k)
print(type(it).__name__, sys.getsizeof(it), sys.getsizeof(iter(v)), sys.getsizeof(iter(i)), sys.getsizeof(iter(d)))
print(type(iter(d)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
print(sys.getrefcount(d))
del it
gc.collect()
c0 = gc.get_count()
k3 = K()
c1 = gc.get_count()
print(c1[0] - c0[0])
del k3
# a cycle through a view: the dict holds its own keys view
e = {}
e['view'] = e.viewkeys() if hasattr(e, 'viewkeys') else e.keys()
del e
print(gc.collect())
# keys()/values()/items() themselves: views in 3.x, new lists in 2.7
print(type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)
print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
# (list(view)'s size is left out: 3.13.0 gives 72 or 120 bytes for it here depending on the hash seed)
print(len(list(d.keys())), len(list(d.items())), sys.getsizeof(tuple(d.values())))
