# difftest known class print_alloc: profile py311
from __future__ import print_function
import gc, sys, weakref
print("start", [0], {0: 0}, (0,))
gc.collect()
print(3)
print(gc.get_count())
