# id: dm_10_unhashable
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:type_ready_set_hash (__eq__ without
# __hash__: __hash__ = None), Objects/object.c:PyObject_HashNotImplemented ("unhashable type: 'C'")
# property: hashing an instance of a class that defines only __eq__ raises TypeError (exit 1)
from __future__ import print_function


class C(object):
    def __eq__(self, other):
        return True


print(C() == 1, C.__hash__)
d = {C(): 1}
print("not reached")
