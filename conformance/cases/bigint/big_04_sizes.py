# id: big_04_sizes
# source: python/cpython:Objects/longobject.c (int___sizeof___impl, _PyLong_New, long_normalize); python/cpython:Lib/test/test_sys.py:SizeofTest.test_objecttypes (int sizes)
# property: sys.getsizeof of an int is 24 + 4 per 30-bit digit of its normalised size (0 counts one digit from 3.11.7), whatever operation made it
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys
vals = [0, 1, -1, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, -(2 ** 90), 2 ** 1000, 10 ** 100]
print([sys.getsizeof(v) for v in vals])
a = 2 ** 30 + 5
b = 2 ** 30 + 7
print(sys.getsizeof(a + b), sys.getsizeof(a * b), sys.getsizeof(a * b - a * b + 5), sys.getsizeof((2 ** 90 + 3) - 2 ** 90))
print(sys.getsizeof(2 ** 100 // 3), sys.getsizeof(2 ** 100 % 3), sys.getsizeof(2 ** 100 >> 40), sys.getsizeof(-(2 ** 100) | 5))
print(sys.getsizeof(int('1' * 40)), sys.getsizeof(int(1e30)), sys.getsizeof(~(2 ** 100)), sys.getsizeof(7 ** 1000))
print([sys.getsizeof(2 ** k) for k in range(0, 200, 29)])
