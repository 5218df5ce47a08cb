# id: cx_02_arith
# source: python/cpython:Objects/complexobject.c (to_complex, complex_add, complex_sub, complex_mul, complex_div, _Py_c_quot, complex_pow, c_powi, c_powu, _Py_c_pow, complex_neg, complex_pos, complex_abs, complex_bool, complex_richcompare, complex_hash); python/cpython:Python/pyhash.c (_Py_HashDouble)
# property: + - * / ** of complex with int, bool, float and complex on either side (the int/float slot
#   returns NotImplemented and complex's reflected slot widens it), Smith's division, small integral powers
#   by repeated products and others in polar form, unary minus/plus/abs, truth, == and != against int
#   (exactly, through a float), float and complex, hash(re) + 1000003 * hash(im) agreeing with int/float,
#   and a negative float or int to a fractional power becoming complex (float_pow hands it to complex_pow)
from __future__ import print_function
a = 1 + 2j
b = 3 - 4j
for x, y in [(a, b), (a, 2), (2, a), (a, 2.5), (-2.5, a), (a, True), (False, a), (b, a), (1e300j, 1e300j), (0.5j, -3)]:
    print(x + y, x - y, x * y, x / y)
print(a ** 2, a ** -2, a ** 0, a ** 1, a ** 0.5, a ** b, 2 ** a, 2.0 ** a, a ** 2.0, 1j ** 2, 1j ** 1j, (-8) ** (1 / 3 + 0j))
print(a ** 101, (1 + 1e-9j) ** 200, 0j ** 0, 0j ** 2, 0j ** 0.5, (1e200 + 1e200j) ** 100, pow(a, 3), pow(2, 1j))
print(-a, +a, -(-0j), abs(b), abs(1j), abs(-0j), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)))
print(bool(0j), bool(-0j), bool(1j), bool(1e-300 + 0j), not 1j)
print(a == 1 + 2j, a != 1 + 2j, a == b, 1 + 0j == 1, 1 == 1 + 0j, 1.0 == 1 + 0j, 1 + 0j == 1.0, 1j == 1, 1j != 0)
print(complex(2 ** 53, 0) == 2 ** 53 + 1, 2 ** 53 + 1 == complex(2 ** 53, 0), complex(2 ** 53, 0) == 2 ** 53, True == 1 + 0j, 0j == False)
print(a == 'x', a != None, [1j, 2j] == [1j, 2j], (1 + 0j) in [1], 1j in {1j: 1}, 0j in {0: 'a'})
print(hash(0j), hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1j), hash(-1j), hash(1 + 2j), hash(complex(2.5, -3.25)))
print(hash(complex(float('inf'), float('-inf'))), hash(complex(-1, 0)), hash(complex(0, -1)) , hash(1e300 + 1e-300j), hash(complex(2 ** 62, 2 ** 61)))
d = {1: 'int', 2.5: 'float'}
d[1 + 0j] = 'complex'
d[2.5 + 0j] = 'c2'
d[3j] = 'c3'
print(sorted(d.values()), len(d), d[1], d[3j], len({1, 1.0, 1 + 0j, 1j, 1j}))
c = 1j
c += 1
c *= 2
c -= 0.5j
c /= 1 + 1j
c **= 2
print(c, sum([1j, 2, 3.5, -1j]), sum([0.5j] * 4, 1j))
print((-8.0) ** 0.5, (-8) ** 0.5, (-8) ** (1 / 3), (-1e300) ** 0.5, (-2.0) ** 2.0, 2 ** 0.5, type((-1.0) ** 0.5).__name__)
