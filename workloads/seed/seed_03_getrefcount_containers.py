# workload: seed_03_getrefcount_containers
# seed: getrefcount(a) is one more than expected (the argument is a temporary reference); b = a adds one;
# b = [a, a] adds two (a container holds references to its items); an object referencing another.
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
from_sys = None
import sys
a = [1, 2, 3]
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(b))
b = [a, a]
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
class from_obj(object):
    def __init__(self, to_obj):
        self.to_obj = to_obj
b = [1, 2, 3]
a = from_obj(b)
print(id(a.to_obj) == id(b))
print(sys.getrefcount(b))
