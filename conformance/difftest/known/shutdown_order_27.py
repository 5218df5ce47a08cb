# difftest known class shutdown_order: profile py27
from __future__ import print_function
import gc, sys, weakref
def cb(r):
    print('callback', r() is None)
class C0(object):
    def __init__(self, t, a):
        self.t = t
    def __del__(self):
        print('del C0', self.t)
    def m(self, x):
        return [x]
cb(weakref.ref(cb))
C0(0, None).m(0)
print('start', [0], {0: 0}, (0,))
gc.collect()
v1 = 'a b  c '
v2 = C0(1, {})
v3 = v2.m([] * 4)
v4 = v2.m
if v3:
    n = v3.index(v3[0])
v5 = weakref.ref(v2)
v6 = v1.lower()
v8 = v3 + [] * 5
v9 = v8[::1]
for y in v8:
    acc = []
v2 = C0(3, str(int('4696')))
