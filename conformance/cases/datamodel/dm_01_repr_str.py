# id: dm_01_repr_str
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:slot_tp_repr, slot_tp_str (a class's
# __repr__/__str__ become tp_repr/tp_str, fixup_slot_dispatchers), object_str (str() falls back to
# tp_repr), Objects/object.c:PyObject_Repr/PyObject_Str ("__str__ returned non-string"), list/dict/tuple
# repr calling PyObject_Repr on each item
# property: __repr__ and __str__ defined in a workload class serve repr(), str(), print(), %r/%s and the
# repr of containers; a class with only __repr__ uses it for str(); inside __repr__ called by repr(),
# self has exactly CPython's references (vectorcall_method: the function gets self as a new local, no
# bound method)
from __future__ import print_function
import sys


class V(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


class S(V):
    def __str__(self):
        return "<%s;%s>" % (self.x, self.y)


class Counted(object):
    def __repr__(self):
        print("in __repr__:", sys.getrefcount(self))
        return "Counted"


a = V(1, "two")
b = S(3.5, None)
print(a, b)
print(repr(a), repr(b), str(a), str(b))
print([a, b], (a,), {"k": b})
print("%s|%r|%s|%r" % (a, a, b, b))
c = Counted()
r = repr(c)
print(r, [c])
print(S.__str__ is not V.__repr__, V.__repr__(b))
