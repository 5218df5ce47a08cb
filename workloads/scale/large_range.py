# workload: scale/large_range — the seed's story at scale: build list(range(N)), drop it, collect.
# N is the scale knob (the benchmark driver rewrites this line); 10**8 is the seed's size (~3.8 GB).
N = 10000000
import gc
import refheap
refheap.mark("build")
a = list(range(N))
refheap.mark("del")
del a
refheap.mark("collect")
print(gc.collect())
