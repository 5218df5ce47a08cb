# id: dm_02_richcompare
# source: refheap's own case; CPython 3.11 Objects/object.c:do_richcompare (the reflected operation first
# when the right operand's type is a proper subtype, then the left's, then the reflected; == and != fall
# back to identity), Objects/typeobject.c:slot_tp_richcompare, object_richcompare (object.__ne__ inverts
# __eq__ unless NotImplemented), Objects/descrobject.c:wrapperdescr_call (object.__ne__ is a wrapper
# descriptor: an argument tuple and its slice live while __eq__ runs), Objects/listobject.c:list_contains
# property: rich comparisons of workload classes dispatch and fall back exactly as CPython's, and the
# references a __eq__ sees (reached directly, through object.__ne__, through `in`) are CPython's
from __future__ import print_function
import sys


class A(object):
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("A.__eq__", self.v, other.v if isinstance(other, A) else other)
        if not isinstance(other, A):
            return NotImplemented
        return self.v == other.v

    def __lt__(self, other):
        print("A.__lt__", self.v)
        return NotImplemented

    __hash__ = None


class B(A):
    def __gt__(self, other):
        print("B.__gt__", self.v, other.v)
        return self.v > other.v

    def __eq__(self, other):
        print("B.__eq__", self.v)
        return NotImplemented


class Ord(object):
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "Ord(%d)" % self.v


class Refs(object):
    def __eq__(self, other):
        print("refs", sys.getrefcount(self), sys.getrefcount(other))
        return False


print(A(1) < B(2))
print(A(1) == A(1), A(1) != A(2))
print(A(1) == B(1))
print(B(1) == A(1))
print(A(5) == 5, 5 == A(5), A(5) != 5)
x = B(7)
print(x == x, x != x)
print(1 < Ord(2).v < 3, Ord(1) < Ord(2), Ord(3) > Ord(2))
print(sorted([Ord(3), Ord(1), Ord(2)]), min(Ord(4), Ord(0)), max([Ord(4), Ord(9), Ord(2)]))
p = Refs()
q = Refs()
print(p == q)
print(p != q)
print(p in [q], p in (q,))
print([q].count(p), [q] == [p])
