# id: dm_43_abstract_flag
# source: python/cpython:Objects/typeobject.c (type_set_abstractmethods, type_abstractmethods, object_new's
# Py_TPFLAGS_IS_ABSTRACT test)
# property: instantiation is refused only while the class carries Py_TPFLAGS_IS_ABSTRACT, which only
# assigning __abstractmethods__ to the class sets (from the value's truth) and deleting it or a false value
# clears: an __abstractmethods__ written in the class body is a plain entry and does not block, subclasses
# do not inherit the flag, and the message lists the class's own entry sorted
from __future__ import print_function


class A(object):
    __abstractmethods__ = frozenset({'f'})


print("body entry only: %s %s" % (type(A()).__name__, sorted(A.__abstractmethods__)))
A.__abstractmethods__ = frozenset({'h', 'g'})
try:
    A()
except TypeError as e:
    print(e)


class B(A):
    pass


print("subclass: " + type(B()).__name__)
A.__abstractmethods__ = ()
print("false value: " + type(A()).__name__)
A.__abstractmethods__ = ['x']
try:
    A()
except TypeError as e:
    print(e)
del A.__abstractmethods__
print("deleted: " + type(A()).__name__)
try:
    A.__abstractmethods__
except AttributeError as e:
    print("AttributeError %s" % e)
