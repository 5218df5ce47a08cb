# difftest known class list_insert: profile py311
from __future__ import print_function
import gc, sys, weakref
l = [1]
l.insert(0, 2)
print(l)
