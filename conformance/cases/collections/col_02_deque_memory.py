# id: col_02_deque_memory
# source: python/cpython:Modules/_collectionsmodule.c (dequeobject: BLOCKLEN 64, CENTER 31; deque_sizeof; deque_extend's space-saving start from the left; newblock/freeblock; deque_traverse, deque_clear; dequeiterobject)
# property: sys.getsizeof of deques grows by one 528-byte block per 64 slots the items span (from where extend or
# append start filling), deques and their iterators are tracked from creation, and a cycle through a deque is collected
import gc
import sys
from collections import deque
for n in (0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 200):
    print(n, sys.getsizeof(deque(range(n))), end=" ")
print()
d = deque()
sizes = []
for i in range(140):
    d.append(i)
    sizes.append(sys.getsizeof(d))
print(sorted(set(sizes)), [sizes.index(s) for s in sorted(set(sizes))])
d = deque()
for i in range(100):
    d.appendleft(i)
print(sys.getsizeof(d))
while len(d) > 1:
    d.pop()
print(sys.getsizeof(d), d)
d.popleft()
print(sys.getsizeof(d))
print(gc.is_tracked(deque()), gc.is_tracked(iter(deque())), gc.is_tracked(reversed(deque())),
      sys.getsizeof(iter(deque())), type(iter(deque())).__name__, type(reversed(deque())).__name__)
print(type(deque()), deque, iter(deque()).__class__)
class Node:
    pass
gc.collect()
n = Node()
n.d = deque([n, 1, "x"])
del n
print("cycle", gc.collect())
d = deque()
d.append(d)
del d
print("self", gc.collect())
d = deque(range(100))
it = iter(d)
d.append(it)
del d, it
print("iter", gc.collect())
gc.collect()
c0 = gc.get_count()[0]
d = deque(range(10))
print("count", gc.get_count()[0] - c0)
