# difftest known class py27_str_method_identity: profile py27
from __future__ import print_function
import gc, sys, weakref
print('start', [0], {0: 0}, (0,))
gc.collect()
v1 = str(len('abc'))
v4 = v1.lower()
print(v4 is v1)
