# id: rh_05_attribute_sites
# source: refheap's own case; CPython 3.11 Python/specialize.c (LOAD_ATTR_INSTANCE_VALUE,
# STORE_ATTR_INSTANCE_VALUE and their deoptimisation), Objects/dictobject.c:_PyObject_GetInstanceAttribute
# property: one attribute-access site meeting instances of different classes, instances whose attribute
# was deleted (the class attribute shows through), instances whose values became a dict (__dict__
# asked for), and a slot site, always reads and writes what the generic lookup would, with CPython's
# reference counts
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys


class A(object):
    x = "class-A"

    def __init__(self, v):
        self.x = v


class B(object):
    x = "class-B"

    def __init__(self, v):
        self.y = 0
        self.x = v


def read_x(o):
    return o.x


def bump(o, n):
    for i in range(n):
        o.x = o.x + 1
    return o.x


a1, a2, b1 = A(1), A(2), B(3)
for o in [a1, b1, a2, b1, a1]:
    print(read_x(o), end=" ")
print()
print(bump(a1, 5), bump(b1, 3), bump(a2, 2))
del a2.x
print(read_x(a2), read_x(a1))
a2.x = 40
print(read_x(a2))
d = a1.__dict__
print(sorted(d.items()))
print(bump(a1, 2), read_x(a1), d["x"])
payload = [1, 2, 3]
a3 = A(payload)
before = sys.getrefcount(payload)
for i in range(4):
    read_x(a3)
print(sys.getrefcount(payload) - before)
a3.x = None
print(sys.getrefcount(payload) - before)
A.x = "changed"
del a3.x
print(read_x(a3), read_x(b1))
