# id: big_06_true_divide_overflow
# source: python/cpython:Objects/longobject.c (long_true_divide: "integer division result too large for a float"); python/cpython:Lib/test/test_long.py:LongTest.test_true_division
# property: int / int whose quotient exceeds the float range raises OverflowError (exit status 1) instead of returning inf
# expected exit status: 1 (stderr ends with "OverflowError: integer division result too large for a float")
from __future__ import print_function, division  # the same file runs on Python 2.7 (py27 profile)
print(10 ** 300 / 7)
print(10 ** 400 / 7)
print("not reached")
