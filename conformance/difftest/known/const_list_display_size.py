# difftest known class const_list_display_size: profile py311
from __future__ import print_function
import sys
x = [1000, 2000, 3000]
print(sys.getsizeof(x))
y = [1000, 2000, 3000, 4000, 5000]
print(sys.getsizeof(y))
z = [1000, 2000]
print(sys.getsizeof(z))
