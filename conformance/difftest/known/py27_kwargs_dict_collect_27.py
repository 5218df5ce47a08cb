# difftest known class py27_kwargs_dict_collect: profile py27
from __future__ import print_function
import gc, sys, weakref
def p1(a=None):
    x = [a]
    return x
print('start', [0], {0: 0}, (0,))
gc.collect()
v2 = dict(a0=dict(), a1=dict([(0, 0), (7, 1), (14, 2), (21, 3)]), a2=99999, a3=int('1554'), a4=[int('3280'), len('abc')], a5=dict(a0=int('61'), a1='%d-%s' % (int('261'), 'q'), a2=str(len('abc')), a3=tuple(), a4=[x * 2 for x in range(0)], a5=[[] for _ in range(0)]), a6=(3652, 1530))
v4 = p1(v2)
del v2
v4.append(v4)
del v4
print(gc.collect())
