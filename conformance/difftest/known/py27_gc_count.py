# difftest known class py27_gc_count: profile py27
from __future__ import print_function
import gc, sys, weakref
print('start', [0], {0: 0}, (0,))
gc.collect()
v3 = float('1e3')
print(gc.get_count())
v1 = list(range(5))
gc.collect()
v1 += []
print(gc.get_count())
gc.collect()
v6 = [x * 2 for x in range(4)]
print(gc.get_count())
