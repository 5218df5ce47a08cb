# difftest known class slice_del_size: profile py27
from __future__ import print_function
import sys, weakref
v1 = [x * 2 for x in range(9)]
v1.append(24)
del v1[1:8]
print(sys.getsizeof(v1))
