# id: dm_11_compare_unsupported
# source: refheap's own case; CPython 3.11 Objects/object.c:do_richcompare ("'<' not supported between
# instances of 'A' and 'B'" when both sides answer NotImplemented)
# property: an ordering neither class defines raises TypeError after both methods were tried (exit 1)
from __future__ import print_function


class A(object):
    def __lt__(self, other):
        print("A.__lt__")
        return NotImplemented


class B(object):
    def __gt__(self, other):
        print("B.__gt__")
        return NotImplemented


print(A() == B())
print(A() < B())
print("not reached")
