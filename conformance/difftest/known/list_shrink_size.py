# difftest known class list_shrink_size: profile py311
from __future__ import print_function
import sys
v1 = [[] for _ in range(1)]
v1.pop()
v1 += [4, 3, 2, 1]
print(sys.getsizeof(v1))
v2 = [0]
v2.pop()
v2 += [4, 3, 2, 1]
print(sys.getsizeof(v2))
v3 = []
v3 += [4, 3, 2, 1]
print(sys.getsizeof(v3))
