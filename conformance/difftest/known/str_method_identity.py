# difftest known class str_method_identity: profile py311
from __future__ import print_function
import gc, sys, weakref
v1 = '%d-%s' % (148, 'q')
print(v1.strip() is v1, v1.replace('zz', 'r') is v1)
