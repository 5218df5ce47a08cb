# difftest known class instance_size: profile py313
from __future__ import print_function
import gc, sys, weakref
class C0:
    def __init__(self, t):
        self.t = t
print(sys.getsizeof(C0(2)))
