# difftest known class weakref_size: profile py27
from __future__ import print_function
import gc, sys, weakref
class C(object):
    pass
def cb(r):
    pass
o = C()
print(sys.getsizeof(weakref.ref(o, cb)))
