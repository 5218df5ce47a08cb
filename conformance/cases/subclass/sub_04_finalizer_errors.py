# id: sub_04_finalizer_errors
# source: python/cpython:Objects/typeobject.c (subtype_dealloc: __del__ first, then the dict, then list_dealloc releases the items; best_base "multiple bases have instance lay-out conflict"; type_new_get_bases "is not an acceptable base type")
# property: a list subclass with __del__ runs it once, sees its items, and its items die after it (in
# reverse order, as list_dealloc releases them); the layout errors are TypeErrors with CPython's text
from __future__ import print_function
import gc
class Item(object):
    def __init__(self, n): self.n = n
    def __del__(self): print('item', self.n)
class L(list):
    def __del__(self):
        print('L del', len(self))
l = L()
l.append(Item(1)); l.append(Item(2))
del l
print('after del')
c = L()
c.append(c)
c.append(Item(3))
del c
print(gc.collect() > 0)
try:
    class X(list, dict): pass
except TypeError as e:
    print('TypeError:', e)
try:
    class B(bool): pass
except TypeError as e:
    print('TypeError:', e)
