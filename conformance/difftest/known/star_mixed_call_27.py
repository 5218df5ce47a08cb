# difftest known class star_mixed_call: profile py27
from __future__ import print_function
import gc, sys
def f1(a, b=None):
    return 0
print("start", [0], {0: 0}, (0,))
v1 = [1]
f1(v1 + [], *(176,))
gc.collect()
x = f1(v1, *(176,))
print(gc.get_count())
