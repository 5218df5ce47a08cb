"""A small program for the record/replay tests: phases marked with refheap.mark, a cycle the collector
frees, a wave of strings and lists freed again, a large buffer (RAW/large path), a dict that grows, a burst of
tuples that fills fresh arenas and empties them."""
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
# a burst in fresh arenas, freed again: the arenas empty (pymalloc frees all but one, or all with
# keep_empty_arena=0) and the other allocators get a large release to show
wave = [(i, -i) for i in range(150000)]
del wave
refheap.mark("freed")
print("done")
