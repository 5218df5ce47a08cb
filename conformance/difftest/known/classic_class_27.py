# difftest known class classic_class: profile py27
from __future__ import print_function
import weakref
class C1:
    pass
def cb(r):
    pass
v1 = C1()
print(weakref.ref(v1, cb))
