# bad input: only gc, sys, weakref and refheap can be imported
import gc
import os
print(os.getpid())
