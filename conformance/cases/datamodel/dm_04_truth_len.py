# id: dm_04_truth_len
# source: refheap's own case; CPython 3.11 Objects/object.c:PyObject_IsTrue (nb_bool, then mp_length,
# then sq_length), Objects/typeobject.c:slot_nb_bool ("__bool__ should return bool, returned int"),
# slot_sq_length (__len__ through __index__; "__len__() should return >= 0"), Objects/abstract.c:PyObject_Size
# property: truth tests of `if`, `while`, `not`, `and`/`or`, bool() and len() call __bool__ and __len__
from __future__ import print_function


class T(object):
    def __init__(self, b):
        self.b = b

    def __bool__(self):
        print("bool", self.b)
        return self.b

    __nonzero__ = __bool__


class L(object):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("len", self.n)
        return self.n


class Both(L):
    def __bool__(self):
        return True

    __nonzero__ = __bool__


if T(True):
    print("yes")
if not T(False):
    print("not")
print(T(False) or "alt", T(True) and "both")
print(bool(L(0)), bool(L(3)), len(L(5)), bool(Both(0)))
n = L(2)
k = 0
while L(2 - k):
    k += 1
print(k, [x for x in range(3) if T(x == 1)])
print(bool(object()), not object())
