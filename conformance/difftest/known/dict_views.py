# difftest known class dict_views: profile py311
from __future__ import print_function
import gc, sys, weakref
d = {}
print("start", [0], {0: 0}, (0,))
gc.collect()
for y in d.keys():
    pass
print(gc.get_count())
