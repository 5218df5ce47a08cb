# id: dm_12_error_propagates
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:slot_nb_add (the error raised inside
# __add__ is the operator's error), Python/ceval.c (it propagates out of the statement)
# property: an exception raised inside a special method propagates out of the operation that called it
# (exit 1); output before it is kept
from __future__ import print_function


class V(object):
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        if other.v < 0:
            raise ValueError("negative operand")
        return V(self.v + other.v)

    def __repr__(self):
        return "V(%d)" % self.v


print(V(1) + V(2))
print(V(1) + V(-1))
print("not reached")
