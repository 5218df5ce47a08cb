"""A program that leaves fragmentation behind: it builds a large interleaved heap of small objects of
several sizes (tuples, short strings, small dicts, floats), then keeps only one object in twenty, spread
over the whole heap. Live bytes fall by 95%, but nearly every pymalloc pool (and arena) still holds a
survivor. refheap.mark() names the phases."""
import gc

import refheap

refheap.mark("start")
heap = []
for i in range(300000):
    k = i % 4
    if k == 0:
        heap.append((i, i + 1, i + 2))
    elif k == 1:
        heap.append("s%08d" % i)
    elif k == 2:
        heap.append({"a": i})
    else:
        heap.append(float(i))
refheap.mark("built")
survivors = heap[::20]
del heap
gc.collect()
refheap.mark("fragmented")
extra = [[j] * 3 for j in range(50000)]
refheap.mark("regrown")
del extra
gc.collect()
refheap.mark("end")
print(len(survivors))
