# bad input: only gc, sys, weakref, refheap, math, time and random can be imported
import gc
import os
print(os.getpid())
