"""A small program for the record/replay tests: phases marked with refheap.mark, a cycle the collector
frees, a wave of strings and lists freed again, a large buffer (RAW/large path), a dict that grows."""
import gc
import refheap

refheap.mark("start")
words = [("w%d" % i) * 3 for i in range(20000)]
table = {w: len(w) for w in words}
refheap.mark("built")


class Node:
    def __init__(self, other=None):
        self.other = other


ring = [Node() for _ in range(2000)]
for a, b in zip(ring, ring[1:] + ring[:1]):
    a.other = b
del ring, a, b
gc.collect()
refheap.mark("cycles collected")
big = bytearray(3 << 20)
del words, table, big
gc.collect()
refheap.mark("freed")
print("done")
