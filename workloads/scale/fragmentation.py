# workload: scale/fragmentation — N small objects, then every other one freed: half the memory is free
# but no pool (so no arena) is empty, so nothing goes back to the OS; freeing the rest releases it.
# Prints only what does not depend on the allocator. N is the scale knob.
N = 2000000
import refheap
refheap.mark("build")
objs = []
for i in range(N):
    objs.append(float(i))
refheap.mark("free_half")
for i in range(0, N, 2):
    objs[i] = None
refheap.mark("free_rest")
objs = None
print("done")
