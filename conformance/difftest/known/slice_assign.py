# difftest known class slice_assign: profile py311
from __future__ import print_function
import gc, sys, weakref
l = [1]
l[0:1] = [2]
print(l)
