# id: dm_123_slot_call_allocs
# source: python/cpython@2.7:Objects/typeobject.c (half_richcompare, call_method: lookup_method's bound
#   method and the argument tuple), Objects/classobject.c (instancemethod_call: a new tuple of self and the
#   arguments; instance_richcompare, instance_length for classic classes), Modules/gcmodule.c
#   (clear_freelists: a full collection empties the method and tuple free lists);
#   python/cpython:Objects/typeobject.c (slot_tp_richcompare, slot_sq_length, vectorcall_method: nothing
#   allocated but the frame)
# property: gc.get_count() after a collection and a special method reached from C (==, len(), a
#   comprehension of comparisons, a classic class's ==/len, hash() and a[i], list() over __getitem__): what
#   each version's call path allocates (2.7: the bound method, the argument tuple, instancemethod_call's
#   tuple and the first call's frame; 3.10: the frame; 3.11+: nothing)
from __future__ import print_function
import gc


class A(object):
    def __eq__(self, o):
        return True

    def __len__(self):
        return 3

    def __hash__(self):
        return 1

    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i


class C:
    def __eq__(self, o):
        return True

    def __len__(self):
        return 3


a, b, c = A(), A(), C()
gc.collect()
x = (a == b)
print(gc.get_count())
gc.collect()
x = len(a)
print(gc.get_count())
gc.collect()
x = [a == b for i in range(50)]
print(gc.get_count())
gc.collect()
x = (c == c), len(c)
print(gc.get_count())
gc.collect()
x = hash(a), a[1]
print(gc.get_count())
gc.collect()
x = list(a)
print(gc.get_count())
