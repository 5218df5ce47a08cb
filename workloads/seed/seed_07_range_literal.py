# workload: seed_07_range_literal
# seed: "a=range(10000*10000) ... memory soars by more than 1 GB; neither del a nor a=[] brings it down ...
# gc.collect() -- and the memory is released at once" (translated; the original is quoted in docs/seed.md).
# The seed's own spelling, `a = range(N)`: on Python 2.7 (and refheap --profile py27) range() builds a list
# of N ints; on Python 3 it is a lazy 48-byte object, so nothing big is ever built. seed_01 is the
# list(range(N)) spelling that materialises the ints on both. N is the size knob (the seed's 10000*10000 is
# harness/bench/seed_story.py's full scale). What happens, per version and allocator: docs/seed.md.
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import refheap
N = 10000000
refheap.mark("build")
a = range(N)
print(len(a))
refheap.mark("del")
del a
refheap.mark("collect")
n = gc.collect()
print(n)
