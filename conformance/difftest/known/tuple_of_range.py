# difftest known class tuple_of_range: profile py311
from __future__ import print_function
import gc, sys, weakref
print("start", [0], {0: 0}, (0,))
gc.collect()
x = tuple(range(3))
print(gc.get_count())
