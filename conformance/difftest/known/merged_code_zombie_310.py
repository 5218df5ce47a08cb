# difftest known class merged_code_zombie: profile py310
from __future__ import print_function
import gc, sys, weakref
print('start', [0], {0: 0}, (0,))
gc.collect()
gc.collect()
v1 = {'k0': {'k0': 99999, 'k1': {'k0': 151}, 'k2': [None] * 19, 'k3': [[] for _ in range(1)], 'k4': dict([(0, 0), (7, 1), (14, 2), (21, 3)]), 'k5': [[] for _ in range(1)], 'k6': (9302, 677, 4316, 4045), 'k7': ''}, 'k1': [x for x in range(1) if x % 3], 'k2': 'a b  c ', 'k3': [x * 2 for x in range(5)]}
print(gc.get_count())
