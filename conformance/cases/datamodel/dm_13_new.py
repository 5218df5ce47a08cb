# id: dm_13_new
# source: python/cpython:Objects/typeobject.c (type_new_staticmethod, type_call, slot_tp_new, object_new,
# object_init, excess_args, tp_new_wrapper)
# property: __new__ in a class body is made a staticmethod; calling the class runs __new__ with the class
# in front, then __init__ only when the result is an instance of the class; object.__new__'s and
# object.__init__'s excess-argument rules and tp_new_wrapper's errors; refcounts, sizes and tracking of
# what __new__ builds, and the gc count of the calls
from __future__ import print_function
import gc
import sys

log = []


class A(object):
    def __new__(cls, x, y=0):
        log.append(('new', cls.__name__, x, y))
        self = object.__new__(cls)
        self.made = x
        return self

    def __init__(self, x, y=0):
        log.append(('init', x, y))
        self.y = y


print(type(A.__dict__['__new__']).__name__, A.__new__ is A.__dict__['__new__'].__func__)
a = A(1, y=2)
print(log, a.made, a.y, sys.getrefcount(a), gc.is_tracked(a), sys.getsizeof(a) == sys.getsizeof(A.__new__(A, 5)))
del log[:]


class B(A):
    pass


b = B(3)
print(log, type(b).__name__, b.made, b.y)
del log[:]


class Other(object):
    pass


other = Other()


class Swap(object):
    def __new__(cls, flag):
        log.append('Swap.__new__')
        return other if flag else 42

    def __init__(self, flag):
        log.append('Swap.__init__ never runs')


print(Swap(1) is other, Swap(0), log, sys.getrefcount(other))
del log[:]


class Sub(object):
    def __init__(self, v):
        log.append(('Sub.__init__', type(self).__name__, v))


class Base(object):
    def __new__(cls, v):
        return object.__new__(Sub2)


class Sub2(Base, Sub):
    pass


r = Base(7)  # an instance of Base's subclass: type_call runs Sub2's __init__
print(type(r).__name__, log)
del log[:]


class OnlyNew(object):
    def __new__(cls, *args, **kw):
        return object.__new__(cls)


class OnlyInit(object):
    def __init__(self, *args, **kw):
        pass


class Neither(object):
    pass


class BadNew(object):
    def __new__(cls, v):
        return object.__new__(cls, v)


class BadInit(object):
    def __init__(self, v):
        object.__init__(self, v)


def attempt(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, 'ok', type(r).__name__)
    except TypeError as e:
        print(label, 'TypeError:', e)


attempt('OnlyNew(1)', OnlyNew, 1, k=2)
attempt('OnlyInit(1)', OnlyInit, 1, k=2)
attempt('Neither(1)', Neither, 1)
attempt('Neither(k=1)', Neither, k=1)
attempt('BadNew(1)', BadNew, 1)
attempt('BadInit(1)', BadInit, 1)
attempt('object.__new__()', object.__new__)
attempt('object.__new__(1)', object.__new__, 1)
attempt('object.__new__(int)', object.__new__, int)
attempt('object.__new__(Neither, 1)', object.__new__, Neither, 1)
attempt('object.__new__(OnlyInit, 1)', object.__new__, OnlyInit, 1)
attempt('object.__new__(OnlyNew)', object.__new__, OnlyNew)
attempt('Neither.__new__(Neither)', Neither.__new__, Neither)
print(Neither.__new__ is object.__new__, OnlyNew.__new__ is OnlyNew.__dict__['__new__'].__func__)

gc.collect()
warm = A(0)  # after a full collection the free lists are empty: measure the steady state
before = gc.get_count()[0]
keep = A(1), A(2), A(3), A(4), A(5)
print(gc.get_count()[0] - before, len(log))
