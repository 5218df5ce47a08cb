# difftest known class py310_dict_referents: profile py310
from __future__ import print_function
import gc
v1 = dict(a0=[], a1=1000)
print(len(gc.get_referents(v1)))
