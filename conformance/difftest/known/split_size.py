# difftest known class split_size: profile py311
from __future__ import print_function
import gc, sys, weakref
print(sys.getsizeof('a,b,c'.split(',')), sys.getsizeof('a b'.split()))
