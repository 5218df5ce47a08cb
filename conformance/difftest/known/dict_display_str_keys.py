# difftest known class dict_display_str_keys: profile py311
from __future__ import print_function
import gc, sys, weakref
x = int('5')
d = {'k0': x, 'k1': x, 'k2': x, 'k3': x, 'k4': x, 'k5': x}
print(sys.getsizeof(d))
