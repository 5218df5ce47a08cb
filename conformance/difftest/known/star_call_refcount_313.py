# difftest known class star_call_refcount: profile py313
from __future__ import print_function
import gc, sys, weakref
def p0(a=None):
    print(sys.getrefcount(a))
p0(*(dict(),))
