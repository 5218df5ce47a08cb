# workload: seed_01_range_del_collect
# seed: "a=range(10000*10000) ... del a or a=[] cannot bring memory down ... gc.collect() frees it at once"
# (py3 spelling: list(range(...)); range() is lazy in Python 3). docs/seed.md explains what really
# happens: in 3.11 the del already returns the arenas; gc.collect() finds nothing (ints are not GC objects).
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import refheap
N = 10000000
refheap.mark("build")
a = list(range(N))
print(len(a))
refheap.mark("del")
del a
refheap.mark("collect")
n = gc.collect()
print(n)
