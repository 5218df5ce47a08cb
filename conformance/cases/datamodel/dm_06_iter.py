# id: dm_06_iter
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:slot_tp_iter, slot_tp_iternext (the
# StopIteration raised by __next__ ends the iteration: Python/ceval.c FOR_ITER), Objects/abstract.c:
# PyObject_GetIter ("iter() returned non-iterator of type 'list'")
# property: a class with __iter__/__next__ drives `for`, comprehensions, list(), tuple(), unpacking,
# sum(), `in`; the loop holds the iterator the class returned and nothing else (gc.get_count), and the
# iterator's __next__ sees CPython's references to self
from __future__ import print_function
import gc
import sys


class Count(object):
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i

    next = __next__


class Box(object):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return Count(self.n)


print(list(Count(3)), tuple(Box(2)), [x * x for x in Box(4)], sum(Box(4)), 2 in Box(3), 7 in Box(3))
a, b = Box(2)
print(a, b)
for x in Box(2):
    for y in Count(2):
        print(x, y)
else:
    print("done")
c = Count(5)
for x in c:
    if x == 2:
        break
print(x, c.i, list(c), list(c))


class Refs(object):
    def __init__(self):
        self.i = 0

    def __iter__(self):
        print("iter", sys.getrefcount(self))
        return self

    def __next__(self):
        print("next", sys.getrefcount(self))
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i

    next = __next__


print("x")
gc.disable()
gc.collect()
before = gc.get_count()[0]
r = Refs()
for x in r:
    print(x, gc.get_count()[0] - before)
print(gc.get_count()[0] - before, sys.getrefcount(r))
