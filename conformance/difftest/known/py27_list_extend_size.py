# difftest known class py27_list_extend_size: profile py27
from __future__ import print_function
import sys
v3 = []
v3 += [1, 2, 3, 4, 5]
print(sys.getsizeof(v3))
v4 = []
v4.extend([1, 2, 3, 4, 5])
print(sys.getsizeof(v4))
v5 = [1]
v5.append(2)
print(sys.getsizeof(v5))
