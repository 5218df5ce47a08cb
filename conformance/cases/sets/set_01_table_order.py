# id: set_01_table_order
# source: python/cpython:Objects/setobject.c (set_add_entry, set_insert_clean, set_table_resize, set_sizeof); Lib/test/test_sys.py:SizeofTest.test_objecttypes (set sizes)
# property: the 8-entry table inside the set, linear probing (LINEAR_PROBES 9) then perturbation, growth to used*4 when fill*5 >= mask*3 (2.7: fill*3 >= size*2), dummies left by discard (not reused in 3.x, reused in 2.7), so iteration order, repr and sys.getsizeof are CPython's at every step
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys
s = set()
sizes = []
for i in range(40):
    s.add(i * 37 - 500)
    sizes.append(sys.getsizeof(s))
print(sizes)
print(s)
print(list(s) == [x for x in s], len(s))
# collisions: these ints all hash into one bucket of an 8-slot table
c = set()
for k in (8, 16, 24, 0, 32, 1, 9):
    c.add(k)
    print(sorted(c) == sorted(list(c)), list(c))
# a dummy slot: a discarded key leaves it; 3.x adds past it, 2.7 fills it
d = {1, 2, 3, 4, 5}
d.remove(1)
d.add(9)
print(d, sys.getsizeof(d))
d.discard(2)
d.discard(3)
d.add(17)
d.add(25)
print(d, len(d), sys.getsizeof(d))
# removing many keys never shrinks; clear() returns to the small table
big = set(range(100))
for i in range(0, 100, 3):
    big.discard(i)
print(len(big), sys.getsizeof(big), list(big)[:12])
big.clear()
print(big, sys.getsizeof(big))
# set(iterable) of a set copies its table; of a dict or list adds key by key
src = set(range(20, 0, -3))
print(set(src), set(list(src)), set({5: 0, 13: 0, 21: 0}), sys.getsizeof(set(src)))
# hash(-1) is -2, so -1 and -2 collide; an int hashes to its value
print({-1, -2, 7, 2**40 + 3, -2**33, 15})
