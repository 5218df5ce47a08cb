# id: big_02_hash_float
# source: python/cpython:Objects/longobject.c (long_hash, _PyLong_Frexp/PyLong_AsDouble, long_true_divide, PyLong_FromDouble); python/cpython:Objects/floatobject.c (float_richcompare); python/cpython:Lib/test/test_long.py:LongTest.test_float_conversion, test_true_division, test_mixed_compares
# property: hash() of big and negative ints is the 2**61-1 modular hash (equal to the float's for equal values); float(int) and int/int round once, half to even; int/float comparisons are exact, never through a rounded float
from __future__ import print_function, division  # the same file runs on Python 2.7 (py27 profile)
print(hash(2 ** 100), hash(-(2 ** 100)), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(-(2 ** 61) - 1))
print(hash(10 ** 40), hash(-(10 ** 40)), hash(7 ** 300), hash(2 ** 200) == hash(2.0 ** 200), hash(-1), hash(-(2 ** 64)))
d = {2 ** 100: 'big', -(2 ** 100): 'neg', 2.0 ** 100: 'float'}
print(len(d), d[2 ** 100], d[-(2 ** 100)])
print(float(2 ** 1000), float(-(3 ** 300)), float(2 ** 53 + 1), float(2 ** 53 + 3), float(2 ** 64 - 1))
print(float(2 ** 1024 - 2 ** 971), int(1e100), int(-2.5e20), int(2.0 ** 200))
print(10 ** 400 / 7 ** 400, 10 ** 300 / 7, 7 / 10 ** 300, 1 / 10 ** 400, -(2 ** 1100) / 3 ** 600)
print((2 ** 100 + 1) / 2 ** 100, 2 ** 200 / (2 ** 100 - 1), (10 ** 30 + 1) / 10 ** 15)
print(2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53, 10 ** 400 > 1e308)
print(-(10 ** 400) < -1e308, 2 ** 1024 < float('inf'), -(2 ** 1024) > float('-inf'), 10 ** 100 == 1e100)
print(int(1e100) == 1e100, 2 ** 70 + 0.5 > 2 ** 70, 3 ** 40 < 3.0 ** 40, 3 ** 40 <= 3.0 ** 40)
print(sorted([2 ** 64, 1e19, -(2 ** 70), 2 ** 64 + 1, 1.8446744073709552e19, 0]))
print(2 ** 80 + 1.5, (2 ** 80) * 1.0, 2.0 ** 80 - 2 ** 80, 5 ** 30 % 7.5)
