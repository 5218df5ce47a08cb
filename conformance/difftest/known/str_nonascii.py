# difftest known class str_nonascii: profile py311
from __future__ import print_function
import gc, sys, weakref
v1 = 'caf\xe9'
print(sys.getsizeof(v1), sys.getsizeof('\u20ac uro'))
