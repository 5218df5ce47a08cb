# id: big_03_text
# source: python/cpython:Objects/longobject.c (long_to_decimal_string_internal, long_format_binary, PyLong_FromString with _PY_LONG_MAX_STR_DIGITS_THRESHOLD); python/cpython:Lib/test/test_int.py:IntTestCases.test_basic, test_underscores; Lib/test/test_int.py:IntStrDigitLimitsTests
# property: str/repr of big ints in base 10, %d/%x/%o formatting, and int(text[, base]) at any size up to the 4300-digit limit (power-of-two bases have none)
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
v = int('9' * 500)
print(v % 1000003, len(str(v)), str(v)[:20], repr(v + 1)[-10:])
print(repr(-(10 ** 50)), str(3 ** 200), [2 ** 70, -(2 ** 70)], (2 ** 65,))
print(int('123_456_789_012_345_678_901_234_567_890'), int('  -98765432109876543210  '))
print(int('ff' * 20, 16), int('-0x' + '7' * 30, 0), int('1' * 100, 2), int('z' * 30, 36), int('0o7777777777777777777777', 0))
w = int('7' * 4300)
print(len(str(w)), w % 97, int('f' * 5000, 16) % 1000000007)
print('%d|%x|%X|%o|%#x|%30d|%-30d|' % (2 ** 70, 2 ** 70, -(2 ** 70), 2 ** 70, 2 ** 80, -(2 ** 64), 2 ** 64))
print('%.30d|%+d|% d' % (2 ** 64, 2 ** 64, 2 ** 64), '%d' % 1.5e20, '%x' % (2 ** 200 - 1))
print(str(10 ** 4299)[:3], len(str(10 ** 4299)), len(repr(-(10 ** 4299))))
