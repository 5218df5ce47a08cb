# difftest known class call_argtuple: profile py311
from __future__ import print_function
import gc
print("start", [0], {0: 0}, (0,))
s = "abc"
gc.collect()
n = s.find("b")
print(gc.get_count())
