# id: col_05_chainmap
# source: python/cpython:Lib/collections/__init__.py (ChainMap: __getitem__, __missing__, new_child, parents, maps, __setitem__/__delitem__ on maps[0], __len__, __iter__, __repr__, __or__); Lib/test/test_collections.py (TestChainMap)
# property: `collections` is Lib's package: ChainMap looks keys up through its maps in order, writes and
#   deletes only in the first, new_child() puts a new dict in front (sharing the others), parents drops it,
#   a subclass's __missing__ answers absent keys, len/iter/repr/bool follow the union of the maps; the maps
#   list and dicts it holds are counted references (refcounts), the ChainMap itself a tracked instance
import sys, gc
from collections import ChainMap
import collections
print(type(collections).__name__, collections.__name__, ChainMap.__module__, ChainMap.__mro__[1].__name__)
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], cm.get('z', 'none'), 'a' in cm, 'z' in cm, len(cm), sorted(cm), bool(cm))
print(cm)
print(cm.maps[0] is over, cm.maps[1] is base, sys.getrefcount(base) - 1, gc.is_tracked(cm))
child = cm.new_child()
child['a'] = 100
print(child['a'], cm['a'], base['a'], child.maps[1] is over, child.parents.maps == cm.maps, len(child.maps))
child2 = cm.new_child({'d': 4})
print(child2, child2['d'])
cm['new'] = 5
print(over, base)
del cm['b']
print(over, cm['b'])
try:
    del cm['a']
except KeyError as e:
    print('KeyError', e)
try:
    cm['missing']
except KeyError as e:
    print('KeyError', e)
class Defaulting(ChainMap):
    def __missing__(self, key):
        return 'default-' + key
dm = Defaulting({'x': 1})
print(dm['x'], dm['y'], dm.get('y'), 'y' in dm)
print(ChainMap(), ChainMap({}).maps, list(ChainMap({'p': 1}, {'q': 2, 'p': 3}).items()))
print(cm | {'z': 26}, type(cm | {'z': 26}).__name__)
print(dict(ChainMap({1: 'a'}, {2: 'b', 1: 'c'})), cm.copy() == cm, cm.pop('new'), over)
del cm, child, child2
print(sys.getrefcount(base) - 1)
