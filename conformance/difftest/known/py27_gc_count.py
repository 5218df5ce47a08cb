# difftest known class py27_gc_count: profile py27
from __future__ import print_function
import gc, sys, weakref
print('start', [0], {0: 0}, (0,))
gc.collect()
def cb(r):
    print('callback', r() is None)
gc.collect()
v1 = [[] for _ in range(2)]
print(gc.get_count())
