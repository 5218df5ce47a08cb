# id: rh_07_global_sites
# source: refheap's own case; CPython 3.11 Python/specialize.c (LOAD_GLOBAL_MODULE, LOAD_GLOBAL_BUILTIN and
# their deoptimisation), Objects/dictobject.c:_PyDictKeys_GetVersionForCurrentState
# property: a global-name site reads what the generic lookup would while the module's globals change
# around it -- a value rebound in place, a builtin shadowed by a module global and revealed again by del, a
# global deleted (NameError) and bound again, the globals table grown to a new one -- and holds no
# reference to what it read
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys


def size(x):
    return len(x)


def read_g():
    return g


g = [1, 2]
items = [1, 2, 3]
for i in range(3):
    print(size(items), read_g())
g = "rebound"
print(read_g())


def len(x):  # a module global now shadows the builtin at the site in size()
    return -1


print(size(items), size(items))
del len
print(size(items), size(items))
payload = [4, 5, 6]
g = payload
before = sys.getrefcount(payload)
for i in range(4):
    read_g()
print(sys.getrefcount(payload) - before)
del g
g = "bound again"
print(read_g())
del g
filler_1 = filler_2 = filler_3 = filler_4 = filler_5 = filler_6 = filler_7 = filler_8 = 0
filler_9 = filler_10 = filler_11 = filler_12 = filler_13 = filler_14 = filler_15 = filler_16 = 0
g = "after the globals grew"
print(read_g(), size(items))
g = None
print(sys.getrefcount(payload) - before)
