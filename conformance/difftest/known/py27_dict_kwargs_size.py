# difftest known class py27_dict_kwargs_size: profile py27
from __future__ import print_function
import gc, sys, weakref
v1 = dict(a0=0, a1=0, a2=0, a3=0, a4=0, a5=0)
print(sys.getsizeof(v1))
