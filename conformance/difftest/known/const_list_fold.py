# difftest known class const_list_fold: profile py311
from __future__ import print_function
import gc, sys
print("start", [0], {0: 0}, (0,))
gc.collect()
for y in [693, 606, 503]:
    acc = [y]
print(gc.get_count())
gc.collect()
n = 973 in [182, 692]
print(gc.get_count())
