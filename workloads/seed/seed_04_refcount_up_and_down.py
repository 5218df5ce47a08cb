# workload: seed_04_refcount_up_and_down
# seed list: increases - created x=4, alias y=x, passed foo(x), container a=[1, x, '33'];
# decreases - local leaves scope, del x, rebinding x=789, myList.remove(x), del myList.
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys
x = [4]
print("created", sys.getrefcount(x))
y = x
print("alias", sys.getrefcount(x))
def foo(arg):
    print("in foo", sys.getrefcount(arg))
foo(x)
print("after foo", sys.getrefcount(x))
a = [1, x, "33"]
print("in container", sys.getrefcount(x))
del y
print("del alias", sys.getrefcount(x))
z = x
z = 789
print("rebound alias", sys.getrefcount(x))
myList = [x, x]
print("two more", sys.getrefcount(x))
myList.remove(x)
print("removed one", sys.getrefcount(x))
del myList
print("container gone", sys.getrefcount(x))
del a
print("last container gone", sys.getrefcount(x))
