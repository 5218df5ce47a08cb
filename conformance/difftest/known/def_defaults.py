# difftest known class def_defaults: profile py311
from __future__ import print_function
import gc, sys, weakref
print("start", [0], {0: 0}, (0,))
gc.collect()
def f0(a, b=None):
    return a
print(gc.get_count())
