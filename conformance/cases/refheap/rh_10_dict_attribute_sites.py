# id: rh_10_dict_attribute_sites
# source: refheap's own case; CPython 3.11 Python/specialize.c (specialize_dict_access: LOAD_ATTR_WITH_HINT,
# STORE_ATTR_WITH_HINT), Objects/dictobject.c (init_inline_values: each new instance lowers the shared
# keys' usable count, so attributes first set after many instances exist go to a real __dict__),
# Python/ceval.c (STORE_ATTR_WITH_HINT tracks the dict), Objects/typeobject.c (type_setattro)
# property: attribute sites that read and write instances whose attributes live in a materialized
# __dict__ still find what a fresh lookup finds after the attribute is deleted and set again, after
# another attribute is deleted before it (entries move), after a data descriptor of that name appears
# on the class, and for a built-in type's subclass whose instances have no attributes yet (method calls
# remembered per class: an instance attribute then shadows the inherited method); the dict gets
# GC-tracked when a container is stored through a site
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc


class Node(object):
    def __init__(self, i):
        self.i = i


nodes = [Node(i) for i in range(64)]   # many instances: later attributes live in each __dict__
for n in nodes:
    n.late = n.i * 2
    n.other = -n.i


def read_late(objs):
    return sum(o.late for o in objs)


def write_late(objs, v):
    for o in objs:
        o.late = v


print(read_late(nodes), read_late(nodes))
write_late(nodes, 3)
print(read_late(nodes))
del nodes[5].late
try:
    read_late(nodes)
except AttributeError as e:
    print("AttributeError", e)
nodes[5].late = 100
print(read_late(nodes))
for n in nodes[:10]:
    del n.i                              # an entry before 'late' goes: the hint must be checked
print(read_late(nodes))
write_late(nodes, 1)
print(read_late(nodes), nodes[0].__dict__ == {'late': 1, 'other': 0})

d = nodes[40].__dict__
write_late(nodes[40:41], 7)
print(gc.is_tracked(d) if hasattr(gc, "is_tracked") else "n/a")
write_late(nodes[40:41], [1])            # a container stored through the site: the dict is tracked
print(gc.is_tracked(d) if hasattr(gc, "is_tracked") else "n/a")
write_late(nodes, 2)


def getter(self):
    return "property"


Node.late = property(getter)             # a data descriptor on the class now wins over the __dict__
print([o.late for o in nodes[:2]])
try:
    write_late(nodes[:1], 5)
except AttributeError as e:
    print("AttributeError", type(e).__name__)
del Node.late
print(read_late(nodes))


class Bag(list):
    pass


def fill(b):
    b.append(1)
    b.append(2)
    return len(b)


bags = [Bag() for _ in range(3)]
print([fill(b) for b in bags])
bags[1].append = lambda x: print("own append", x)
print([fill(b) for b in bags])
