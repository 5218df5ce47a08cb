# id: rc_13_slot_call_refs
# source: python/cpython:Objects/tupleobject.c (tuplerichcompare: items compared in place),
#   Objects/listobject.c (list_richcompare: each pair held while compared, bpo-38588),
#   Objects/typeobject.c (slot_tp_richcompare, slot_sq_length: vectorcall_method lends self and the
#   arguments; the frame takes the only new references); python/cpython@3.10:Objects/call.c
#   (_PyFunction_Vectorcall -> _PyEval_Vector); python/cpython@2.7:Objects/typeobject.c (half_richcompare,
#   call_method: a bound method and an argument tuple, then instancemethod_call's tuple)
# property: sys.getrefcount of self and of the other operand inside a Python __eq__/__lt__/__len__/__repr__/
#   __hash__ reached from C: a comparison of tuples or lists, ==, <, len(), repr(), hash(), each profile's
#   call path (3.10 and 3.11+ lend the operands, 2.7 binds and packs them)
from __future__ import print_function
import sys


class A:
    def __eq__(self, o):
        print("eq", sys.getrefcount(self), sys.getrefcount(o))
        return True

    def __lt__(self, o):
        print("lt", sys.getrefcount(self), sys.getrefcount(o))
        return False

    def __len__(self):
        print("len", sys.getrefcount(self))
        return 1

    def __repr__(self):
        print("repr", sys.getrefcount(self))
        return "A"

    def __hash__(self):
        print("hash", sys.getrefcount(self))
        return 1


a, b = A(), A()
print((a, 1) == (b, 1))
print([a, 1] == [b, 1])
print((a,) < (b, 2))
print([a] < [b])
print(a == b, a < b)
print(len(a), repr(a), hash(a))
print(repr([a]), repr((a,)))


def inside(x, y):
    return (x,) == (y,), [x] == [y], x == y


print(inside(a, b))
