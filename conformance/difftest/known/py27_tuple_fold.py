# difftest known class py27_tuple_fold: profile py27
from __future__ import print_function
import gc
gc.collect()
v1 = {"k1": (1000, ())}
v1["self"] = v1
del v1
print(gc.collect())
v2 = (1000, ())
print(gc.is_tracked(v2))
