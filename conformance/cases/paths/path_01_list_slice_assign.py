# id: path_01_list_slice_assign
# source: python/cpython:Objects/listobject.c (ins1, list_ass_slice, list_ass_subscript, list_resize); Lib/test/list_tests.py:CommonTest.test_insert, test_setslice, test_delslice; Lib/test/test_list.py
# property: list.insert grows by one list_resize and shifts the tail; l[i:j] = seq and del l[i:j] replace
#   the items in one resize (so getsizeof follows list_resize from the old to the new length once, not one
#   step per item), release the removed items only after the list is consistent, last to first; an emptied
#   list drops its array; an extended slice (step != 1) is assigned item by item with the old items released
#   in order afterwards, and deleted with one resize; l[:] = l copies first
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys


def mk(n):
    return [x * 2 for x in range(n)]


l = [1]
l.insert(0, 2)
print(l, sys.getsizeof(l))
l = []
for i in range(10):
    l.insert(-100, i)
print(l, sys.getsizeof(l))
l = mk(3)
l.insert(100, 9)
l.insert(-1, 8)
print(l, sys.getsizeof(l))

l = mk(20)
l[2:15] = (7,)
print(l, sys.getsizeof(l))
l = mk(3)
l[1:1] = [9] * 10
print(l, sys.getsizeof(l))
l = mk(3)
l[:] = l
print(l, sys.getsizeof(l))
l = mk(3)
l[5:0] = 'ab'
print(l, sys.getsizeof(l))
l = mk(3)
l[-2:] = []
print(l, sys.getsizeof(l))
l = mk(3)
l[:] = []
print(l, sys.getsizeof(l))
l = mk(10)
l[::2] = 'abcde'
print(l, sys.getsizeof(l))
l = mk(10)
l[::-3] = l[:4]
print(l, sys.getsizeof(l))
l = mk(10)
l[::-1] = l
print(l)
l = mk(10)
l[3:5:1] = [1, 2, 3]
print(l, sys.getsizeof(l))

l = mk(20)
del l[::3]
print(l, sys.getsizeof(l))
l = mk(20)
del l[::-3]
print(l, sys.getsizeof(l))
l = mk(20)
del l[1:8]
print(l, sys.getsizeof(l))
l = mk(9)
l.append(24)
del l[1:8]
print(l, sys.getsizeof(l))
l = mk(20)
del l[:]
print(l, sys.getsizeof(l))


class D(object):
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del', self.n, len(l))


l = [D(1), D(2), D(3)]
l[0:2] = [5]
l[::1] = [D(4), D(5)]
print(len(l), l[0].n)
l[0:1] = [1]
del l[::-1]
print(l)

