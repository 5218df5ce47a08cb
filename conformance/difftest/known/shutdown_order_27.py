# difftest known class shutdown_order: profile py27
from __future__ import print_function
import gc, sys, weakref
def cb(r):
    print('callback', r() is None)
class C0(object):
    def __init__(self, t):
        self.t = t
    def m(self, x):
        return []
def f0(a, b, c=None):
    t = (a,)
    return list(t)
cb(lambda: None)
C0(0).m(0)
f0([], None, None)
print('start', [0], {0: 0}, (0,))
gc.collect()
v1 = [[] for _ in range(5)]
v3 = C0(1)
v4 = 3.0
v5 = f0(v3, v4, 258)
v8 = weakref.ref(v3, cb)
