# difftest known class call_argtuple: profile py27
from __future__ import print_function
import gc, sys, weakref
print('start', [0], {0: 0}, (0,))
kw = {'a': 1}
gc.collect()
d1 = dict(**kw)
print(gc.get_count())
gc.collect()
d2 = dict(kw)
print(gc.get_count())
