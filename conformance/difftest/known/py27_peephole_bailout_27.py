# difftest known class py27_peephole_bailout: profile py27
from __future__ import print_function
import gc, sys, weakref
gc.collect()
v2 = [dict(a0={0: None, 7: None, 14: None, 21: 'abc'}, a1=229, a2={0: '%d-%s' % (126, 'q'), 7: 'x', 14: len('abc'), 21: None}, a3=len('abc'), a4=[x for x in range(11) if x % 3], a5=dict(a0=None, a1=str(int('379')), a2=int('333'), a3=int('2688'), a4=None, a5=None, a6=len('abc')), a6=len('abc')), int('2942')]
v3 = (5951,)
print(gc.is_tracked(v3))
