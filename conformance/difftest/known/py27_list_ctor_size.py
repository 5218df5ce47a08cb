# difftest known class py27_list_ctor_size: profile py27
from __future__ import print_function
import gc, sys, weakref
v1 = list(range(10))
print(sys.getsizeof(v1))
