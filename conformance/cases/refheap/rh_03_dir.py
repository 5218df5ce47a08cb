# id: rh_03_dir
# source: refheap's own case; CPython 3.11 Objects/typeobject.c:type___dir___impl / object___dir___impl
# property: dir() of classes and instances lists the names of the class namespaces along the MRO (with __module__, __dict__, __weakref__ only where the class dict holds them) plus object's; a __slots__ instance has no __dict__ to add
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
class A:
    x = 1
    def f(self):
        pass
class S:
    __slots__ = ("a", "b")
class T(A):
    pass
print(dir(A))
print(dir(S))
print(dir(T))
print(dir(A()))
s = S()
print(dir(s))
