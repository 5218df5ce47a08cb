# difftest known class py27_const_tuple_refcount: profile py27
from __future__ import print_function
import gc, sys, weakref
v2 = (1000, 2000)
print(sys.getrefcount(v2))
