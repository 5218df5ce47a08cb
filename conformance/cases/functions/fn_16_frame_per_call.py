# id: fn_16_frame_per_call
# source: CPython 3.10 and 2.7 Objects/frameobject.c (frame_alloc / PyFrame_New: the code object's
# co_zombieframe, else the free list, else PyObject_GC_NewVar; frame_dealloc: the zombie slot, else the
# free list of PyFrame_MAXFREELIST = 200, else PyObject_GC_Del; _PyFrame_ClearFreeList called by
# gcmodule.c clear_freelists at full collections), 3.10 Python/ceval.c (_PyEval_Vector: a frame still
# referenced after its call is tracked; make_coro tracks a generator's frame); 3.11 Python/frame.c
# (frames are made lazily: no count at all)
# property: under 3.10 and 2.7 the first call of a code object allocates its frame (one gen-0 count) and
# later calls reuse the zombie (none); recursion takes frames from the free list, which a full
# collection empties and which keeps at most 200; a comprehension's call is a call (3.10: list, set and
# dict comprehensions; 2.7: set and dict; a set comprehension here); a frame that outlives its call is tracked, a running one is
# not in 3.10 (is in 2.7), a generator's is; 3.11+ counts nothing for any of these
from __future__ import print_function
import gc
import sys


def leaf(x):
    return x


def rec(n):
    if n:
        return rec(n - 1)
    return sys._getframe()


def count():
    return gc.get_count()[0]


print("start", [0], {0: 0}, (0,))
gc.collect()
b = count()
leaf(1)
print("first call", count() - b)
b = count()
leaf(2)
print("second call", count() - b)
gc.collect()
b = count()
rec(5)
print("depth 5", count() - b)
b = count()
rec(5)
print("depth 5 again", count() - b)
gc.collect()
b = count()
rec(5)
print("after a full collection", count() - b)
gc.collect()
gc.disable()
b = count()
rec(250)
print("depth 250", count() - b)
b = count()
rec(250)
print("depth 250 again", count() - b)
gc.enable()
fr = rec(0)
print("escaped", gc.is_tracked(fr), "running", gc.is_tracked(sys._getframe()))
del fr


def gen():
    yield 1


g = gen()
print("generator frame tracked", gc.is_tracked(g.gi_frame))
del g
gc.collect()
b = count()
{x for x in (1, 2)}
print("set comprehension", count() - b)
b = count()
{x for x in (1, 2)}
print("set comprehension again", count() - b)
