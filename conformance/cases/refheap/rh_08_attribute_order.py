# id: rh_08_attribute_order
# source: refheap's own case; CPython 3.11 Python/ceval.c (STORE_ATTR_INSTANCE_VALUE:
# _PyDictValues_AddToInsertionOrder), Objects/dictobject.c:make_dict_from_instance_attributes
# property: attributes stored through specialised sites into instances that do not have them yet keep
# the order in which each instance got them: its __dict__ lists them in that order, whatever order the
# class's shared keys hold them in
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)


class C(object):
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 3
            self.a = 4


def late(o):
    o.c = 5
    o.b = 6


objs = [C(i % 3 == 0) for i in range(7)]
for o in objs[3:]:
    late(o)
for o in objs:
    print(list(o.__dict__), [getattr(o, k) for k in sorted(o.__dict__)])
