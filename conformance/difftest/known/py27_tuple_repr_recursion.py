# difftest known class py27_tuple_repr_recursion: profile py27
from __future__ import print_function
v1 = {}
v1.update({"k4": (v1,)})
v2 = dict(v1)
print(v2)
