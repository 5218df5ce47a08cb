# id: sub_01_list_sizes
# source: python/cpython:Objects/typeobject.c (type_new_descriptors, solid_base, subtype_dealloc); Objects/listobject.c (list_resize, list___sizeof__)
# property: an instance of a list subclass is the list's struct plus the class's weakref slot and managed
# dict; sys.getsizeof counts them and the over-allocation of appends; tracked; type() and isinstance;
# the MRO continues through list to object; attributes live in the instance __dict__
from __future__ import print_function
import sys, gc
class L(list):
    pass
base = sys.getsizeof([])
l = L()
print(type(l) is L, isinstance(l, list), isinstance(l, L), gc.is_tracked(l))
print(sys.getsizeof(l) - base, [c.__name__ for c in L.__mro__])
grow = []
m = L()
for i in range(20):
    before = sys.getsizeof(m)
    m.append(i)
    if sys.getsizeof(m) != before:
        grow.append(len(m))
print(grow)
plain = []
for i in range(20):
    plain.append(i)
print(sys.getsizeof(m) - sys.getsizeof(plain))
m.tag = 'x'
print(m.tag, m.__dict__, sys.getsizeof(m) - sys.getsizeof(plain))
print(len(m), m[3], m[-1], m[2:5], type(m[2:5]) is list, 3 in m, m.index(4), m.count(5))
m.remove(0); m.pop(); m.insert(0, 'a'); m.extend([1]); m.sort(key=str); m.reverse()
print(m, len(m))
