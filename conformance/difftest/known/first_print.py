# difftest known class first_print: profile py311
from __future__ import print_function
import gc, sys, weakref
gc.collect()
print(gc.get_count())
print(gc.get_count())
