# difftest known class call_argtuple: profile py311
from __future__ import print_function
import gc, sys, weakref
print("start", [0], {0: 0}, (0,))
gc.collect()
x = str(5)
print(gc.get_count())
