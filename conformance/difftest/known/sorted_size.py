# difftest known class sorted_size: profile py311
from __future__ import print_function
import gc, sys, weakref
print(sys.getsizeof(sorted([1495])))
