# workload: scale/cyclic_rings — N objects in rings of K instances (each points at the next); the names
# are dropped so only the cyclic collector can free them. N is the scale knob.
N = 1000000
K = 10
import gc
import refheap
class Node:
    def __init__(self):
        self.next = None
gc.disable()
refheap.mark("build")
rings = []
for r in range(N // K):
    first = Node()
    cur = first
    for i in range(K - 1):
        n = Node()
        cur.next = n
        cur = n
    cur.next = first
    rings.append(first)
refheap.mark("drop")
del rings, first, cur, n
refheap.mark("collect")
print(gc.collect())
gc.enable()
