# difftest known class list_ctor_size: profile py311
from __future__ import print_function
import gc, sys, weakref
v1 = list(range(11))
print(sys.getsizeof(list(v1)), sys.getsizeof(list((1, 2, 3))))
