# difftest known class class_def_count: profile py311
from __future__ import print_function
import gc, sys, weakref
print("start", [0], {0: 0}, (0,))
gc.collect()
class C0:
    pass
print(gc.get_count())
