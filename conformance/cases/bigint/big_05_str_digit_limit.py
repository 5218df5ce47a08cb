# id: big_05_str_digit_limit
# source: python/cpython:Objects/longobject.c (long_to_decimal_string_internal: _MAX_STR_DIGITS_ERROR_FMT_TO_STR); python/cpython:Lib/test/test_int.py:IntStrDigitLimitsTests.test_max_str_digits
# property: str() of an int beyond 4300 decimal digits raises ValueError (exit status 1, traceback on stderr) after the output before it
# expected exit status: 1 (stderr ends with "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
x = 10 ** 5000
print(len(str(x // 10 ** 800)))
print(str(x))
print("not reached")
