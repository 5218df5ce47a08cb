# id: dm_03_hash
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:slot_tp_hash (an int result; -1 becomes
# -2; ints beyond a C long are reduced as hash(int)), type_ready_set_hash / inherit_slots (a class that
# defines __eq__ and not __hash__ gets __hash__ = None in its dict: PyObject_HashNotImplemented)
# property: __hash__ of workload classes is what dicts and hash() use; __eq__ alone makes a class
# unhashable with __hash__ None in its namespace, a subclass inherits that; an explicit __hash__ beside
# __eq__ is kept
from __future__ import print_function


class K(object):
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return self.k % 3

    def __eq__(self, other):
        return isinstance(other, K) and self.k == other.k

    def __repr__(self):
        return "K%d" % self.k


class OnlyEq(object):
    def __eq__(self, other):
        return True


class Sub(OnlyEq):
    pass


class Big(object):
    def __hash__(self):
        return 2 ** 70 + 5


class MinusOne(object):
    def __hash__(self):
        return -1


class Plain(object):
    pass


d = {K(1): "one", K(4): "four", K(2): "two"}
print(d[K(4)], K(1) in d, K(7) in d, hash(K(5)), len(d))
print([k for k in d])
print(OnlyEq.__hash__, Sub.__hash__, "__hash__" in OnlyEq.__dict__, "__hash__" in Sub.__dict__)
print(K.__hash__ is not None, "__hash__" in Plain.__dict__)
print(hash(Big()) == hash(2 ** 70 + 5), hash(MinusOne()))
p = Plain()
print(hash(p) == hash(p), {p: 1}[p])
