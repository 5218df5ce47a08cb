# difftest known class star_list_call: profile py311
from __future__ import print_function
import gc, sys, weakref
def f(a, b=None):
    return [a]
l = [1]
print("start", [0], {0: 0}, (0,))
gc.collect()
x = f(*[l])
print(gc.get_count())
