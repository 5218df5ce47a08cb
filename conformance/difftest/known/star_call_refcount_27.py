# difftest known class star_call_refcount: profile py27
from __future__ import print_function
import gc, sys, weakref
def p0(a, b=None):
    print(sys.getrefcount(a))
p0({0: 1}, *('abc',))
