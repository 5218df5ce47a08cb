# id: mem_06_list_shrink_regrow
# source: CPython 3.11 Objects/listobject.c (list_resize: keeps the array while allocated >= newsize >=
# allocated/2, else reallocates to (n + n/8 + 6) & ~3, or (n + 3) & ~3, 0 for n == 0 through
# PyMem_Realloc(items, 0), which still returns an array; list_extend: list_preallocate_exact only when
# ob_item is NULL; _list_clear frees the array; 3.12 list_pop_impl: a pop that empties the list is
# _list_clear), Objects/obmalloc.c (_PyObject_Realloc of 0 bytes)
# property: sys.getsizeof of a list emptied by pop(), del l[:], l[:] = [] or clear() and grown again is
# CPython's: before 3.12 a list that list_resize shrank to 0 keeps a (zero-byte) array, so extend()
# over-allocates instead of preallocating exactly; from 3.12 pop() frees the array like clear()
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys


def show(tag, l):
    print(tag, len(l), sys.getsizeof(l))


a = [[] for _ in range(1)]
show("comprehension", a)
a.pop()
show("popped", a)
a += [4, 3, 2, 1]
show("+= 4", a)
b = [0]
b.pop()
show("literal popped", b)
b += [4, 3, 2, 1]
show("+= 4", b)
c = []
c += [4, 3, 2, 1]
show("empty += 4", c)
d = list(range(20))
for _ in range(18):
    d.pop()
show("20 popped to 2", d)
d.extend([1, 2, 3])
show("extend 3", d)
d.pop()
d.pop()
d.pop()
d.pop()
d.pop(0)
show("popped to 0", d)
d.extend((1, 2, 3, 4, 5, 6, 7, 8, 9))
show("extend 9", d)
e = [1] * 10
del e[:]
show("del [:]", e)
e.extend([1])
show("extend 1", e)
f = [1] * 10
f[:] = []
show("[:] = []", f)
f.append(2)
show("append", f)
g = [1, 2, 3]
g.append(4)
g.append(5)
g.remove(1)
g.remove(2)
g.remove(3)
g.remove(4)
g.remove(5)
show("removed", g)
g.extend("abcde")
show("extend str", g)
if sys.version_info[0] >= 3:
    h = [5, 6, 7, 8, 9, 10, 11]
    h.clear()
    show("clear", h)
    h += (1, 2, 3)
    show("+= tuple", h)
