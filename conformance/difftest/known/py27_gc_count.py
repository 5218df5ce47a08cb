# difftest known class py27_gc_count: profile py27
from __future__ import print_function
import gc, sys, weakref
print('start', [0], {0: 0}, (0,))
gc.collect()
try:
    {}['k4']
except KeyError:
    n = sys.exc_info()[0] is KeyError
print(gc.get_count())
gc.collect()
v3 = [None] * 6
print(gc.get_count())
