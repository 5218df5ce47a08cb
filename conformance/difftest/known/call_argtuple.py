# difftest known class call_argtuple: profile py311
from __future__ import print_function
import gc, sys, weakref
class C0:
    def __init__(self, t):
        self.t = t
print('start', [0], {0: 0}, (0,))
gc.collect()
v1 = C0(1)
for i in range(2):
    acc = []
v4 = weakref.ref(v1)
for i in range(5):
    acc = []
v6 = 168
gc.collect()
v7 = dict(a0=v4, a1=str(v6 + 77669), a2=81)
print(gc.get_count())
