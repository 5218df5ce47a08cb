# id: dm_05_container
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:slot_mp_subscript, slot_mp_ass_subscript
# (__setitem__ / __delitem__), slot_sq_item, slot_sq_contains; Objects/abstract.c:PySequence_Contains and
# _PySequence_IterSearch (`in` without __contains__ iterates); Objects/iterobject.c:PySeqIter_New /
# iter_iternext (iteration over __getitem__ until IndexError, a 32-byte GC-tracked iterator)
# property: subscripts, item assignment and deletion, `in` and iteration of a class with __getitem__
# behave as CPython's, with the same objects made (gc.get_count) and references (sys.getrefcount)
from __future__ import print_function
import gc
import sys


class M(object):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        print("set", k, sys.getrefcount(v))
        self.d[k] = v

    def __delitem__(self, k):
        print("del", k)
        del self.d[k]

    def __contains__(self, k):
        return k in self.d


class Seq(object):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("Seq index out of range")
        return i * 10


m = M()
val = [1]
m["a"] = val
m[2] = "two"
print(m["a"], m[2], "a" in m, "z" in m, "z" not in m)
del m["a"]
print(m.d, sys.getrefcount(val))
s = Seq(3)
print(s[1], list(s), 20 in s, 25 in s, [x + 1 for x in s])
a, b, c = s
print(a, b, c, sum(s), max(s), tuple(Seq(2)))
# the loop holds one new GC object, the sequence iterator (the count after the loop also sees the
# IndexError object CPython makes, which refheap's error model does not: docs/conformance.md)
print("x")
gc.disable()
s2 = Seq(2)
gc.collect()
before = gc.get_count()[0]
for x in s2:
    print(x, gc.get_count()[0] - before)
