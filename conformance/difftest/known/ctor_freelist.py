# difftest known class ctor_freelist: profile py311
from __future__ import print_function
import gc, sys
print("start", [0], {0: 0}, (0,))
gc.collect()
x = sorted([])
y = list()
print(gc.get_count())
