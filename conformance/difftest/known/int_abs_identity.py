# difftest known class int_abs_identity: profile py311
from __future__ import print_function
v7 = int("1840")
print(abs(v7) is v7)
