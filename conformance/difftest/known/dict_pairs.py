# difftest known class dict_pairs: profile py311
from __future__ import print_function
import gc, sys, weakref
d = dict([(0, 0)])
print(d)
