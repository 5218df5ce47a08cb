# difftest known class list_imul: profile py311
from __future__ import print_function
import gc, sys, weakref
v2 = []
print("start", [0], {0: 0}, (0,))
gc.collect()
v2 *= 3
print(gc.get_count())
v4 = [[1, 2]]
v4 *= 3
print(sys.getsizeof(v4))
