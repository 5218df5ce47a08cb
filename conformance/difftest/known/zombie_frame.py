# difftest known class zombie_frame: profile py310
from __future__ import print_function
import gc, sys, weakref
print("start", [0], {0: 0}, (0,))
gc.collect()
v3 = [x for x in range(3)]
print(gc.get_count())
