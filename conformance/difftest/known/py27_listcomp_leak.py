# difftest known class py27_listcomp_leak: profile py27
from __future__ import print_function
import gc, sys, weakref
v2 = [1]
v2.append(v2)
v2.extend([(y, y) for y in v2])
del v2
print(gc.collect())
