# difftest known class int_range: profile py311
from __future__ import print_function
v5 = 1099511627776
v8 = v5 << 8
print(v8 << 17)
