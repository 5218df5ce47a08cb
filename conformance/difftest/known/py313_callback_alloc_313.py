# difftest known class py313_callback_alloc: profile py313
from __future__ import print_function
import gc, sys, weakref
def cb(r):
    print('callback', r() is None)
class C1:
    def __init__(self, t, a):
        self.t = t
print('start', [0], {0: 0}, (0,))
gc.collect()
v1 = C1(1, 101)
v3 = weakref.ref(v1, cb)
gc.collect()
del v1
print(gc.get_count())
