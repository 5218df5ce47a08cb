# id: big_01_arithmetic
# source: python/cpython:Objects/longobject.c (x_add, x_sub, k_mul/x_mul, x_divrem via l_divmod/l_mod, long_pow, long_bitwise, long_lshift1/long_rshift1); python/cpython:Lib/test/test_long.py:LongTest.test_division, test_bitop_identities_3, test_karatsuba
# property: int arithmetic is exact at any size, as CPython's 30-bit digit algorithms: factorials, powers, floor division and modulo with the divisor's sign, two's-complement bitwise operations on negatives, shifts, Karatsuba-sized products, three-argument pow
from __future__ import print_function, division  # the same file runs on Python 2.7 (py27 profile)


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r = r * i
    return r


print(factorial(100))
print(2 ** 1000)
print((-7) ** 77 // 13, (-7) ** 77 % 13)
a = -(10 ** 40) - 123456789
b = -(3 ** 50)
print(divmod(a, b), divmod(a, -b), divmod(-a, b), divmod(a, 7), divmod(a, -7))
print(a // 1000000007, a % 1000000007, -a // (2 ** 64 + 13))
x = 2 ** 200 - 12345
y = -(3 ** 120)
print(x & y, x | y, x ^ y)
print(y & 0xFFFFFFFF, y | 1, ~x, ~y, -x, abs(y))
print(x >> 77, y >> 77, y >> 1000, x << 100, y << 31)
f300 = factorial(300)
print(f300 * f300 == factorial(300) ** 2, len(str(f300 * factorial(400))))
k = 7 ** 2500
print(k * k % (10 ** 30), (k * (k + 1)) // (k - 1) % (10 ** 20))
print(pow(3, 10 ** 20, 10 ** 9 + 7), pow(-12345678901234567890, 65537, 2 ** 127 - 1), pow(3, -1, 1000003))
print(sum([2 ** 62] * 5), sum(range(10 ** 6)) * 10 ** 12, 2 ** 64 - 2 ** 64, (2 ** 90 + 5) - 2 ** 90)
s = 0
i = 0
while i < 200:
    s = s + 3 ** i - 2 ** (i * 2)
    i = i + 1
print(s)
