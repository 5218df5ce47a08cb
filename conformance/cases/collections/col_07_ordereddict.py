# id: col_07_ordereddict
# source: python/cpython:Objects/odictobject.c (the C OrderedDict Lib/collections/__init__.py imports from _collections: PyODict_SetItem, PyODict_DelItem, OrderedDict_move_to_end_impl, OrderedDict_popitem_impl, odict_richcompare, odict_reversed, odict_repr, odict_copy, OrderedDict_fromkeys, OrderedDict_setdefault_impl, OrderedDict_pop_impl); Lib/test/test_ordered_dict.py
# property: OrderedDict keeps insertion order through its own doubly linked list of key nodes,
#   move_to_end either way, popitem(last=False) FIFO, equality is order-sensitive between OrderedDicts and
#   not against a dict, reversed(), KeyError texts; the nodes are freed when keys go (gc counts after
#   deleting), the dict order stays independent; a weakref.proxy to one forwards attributes
import sys, gc
from collections import OrderedDict
import weakref
od = OrderedDict()
for k in 'xyzw':
    od[k] = ord(k)
print(od, list(od), list(reversed(od)), len(od))
od.move_to_end('x')
od.move_to_end('w', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
a = OrderedDict([(1, 'a'), (2, 'b')])
b = OrderedDict([(2, 'b'), (1, 'a')])
print(a == b, dict(a) == dict(b), a == dict(b), a != b, a != dict(b))
try:
    od.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
c = a.copy()
c[3] = 'c'
print(c, type(c).__name__, a)
print(OrderedDict.fromkeys('abc', 0), c.setdefault(0, 'z'), list(c), c.pop(1), c.pop(9, 'd'), c)
del c[2]
print(c, list(c.keys()), list(c.values()))
r = weakref.proxy(a)
print(type(r).__name__, r.__class__.__name__, r.copy() == a)
gc.collect()
big = OrderedDict((i, i) for i in range(100))
for i in range(100):
    del big[i]
print(len(big), list(big), gc.collect())
s = OrderedDict(a=1)
s['self'] = s
print(s)
print(isinstance(od, dict), gc.is_tracked(OrderedDict()), OrderedDict.__module__)
