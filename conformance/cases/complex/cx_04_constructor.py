# id: cx_04_constructor
# source: python/cpython:Objects/complexobject.c (complex_new_impl, try_complex_special_method, complex_subtype_from_string, complex_from_string_inner); python/cpython:Python/pystrtod.c (PyOS_string_to_double); python/cpython:Python/pystrtod.c (_Py_string_to_number_with_underscores)
# property: complex() with no, one or two arguments (by position or name), a complex first or second
#   argument folded in, __complex__ before __float__ / __index__, strings in every accepted form (brackets,
#   spaces, signs, j alone, nan/inf, underscores) and the exact errors for malformed strings and wrong types
from __future__ import print_function
print(complex(), complex(1), complex(1, 2), complex(2.5, -0.5), complex(True, False), complex(real=3), complex(imag=4), complex(1, imag=-1))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(1, 2j), complex(0.5j, 2), complex(-0.0), complex(0, -0.0))
z = 3 + 4j
print(complex(z) is z, complex(z, 0) is z)
texts = ['1+2j', ' ( -1.5e3-0j ) ', '1', '-2.5', '1j', 'j', '-j', '+J', '1+j', '1-J', '(1)', '( 1j )', '1e5', '.5j',
         '5.j', '1e-3+1e3j', 'nan', '-inf', 'infj', 'nan+nanj', '-Infinity-infinityJ', '1_000j', '1_0.0_1+2_2j', '\t3\n',
         '0x10', '1+2', '1j+2', '(1', '1)', '', ' ', '()', '1+2jj', '1 +2j', '- 1j', '1__0', '_1j', '1_j', 'j1', 'jj',
         '1e', '1e+j', '++1j', '1.2.3j', '(1+2j)(3j)', 'i', 'nanj+1', '1+-2j']
for s in texts:
    try:
        print(repr(s), complex(s))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
class C(object):
    def __complex__(self):
        return 5 - 1j
class F(object):
    def __float__(self):
        return 2.5
class Ix(object):
    def __index__(self):
        return 7
class Both(object):
    def __complex__(self):
        return 1j
    def __float__(self):
        return 9.0
class Bad(object):
    def __complex__(self):
        return 1.5
print(complex(C()), complex(F()), complex(Ix()), complex(F(), F()), complex(Ix(), 1j), complex(Both()), complex(C(), 2))
errors = [('complex("1", 2)', lambda: complex('1', 2)), ('complex(1, "2")', lambda: complex(1, '2')),
          ('complex([])', lambda: complex([])), ('complex(1, [])', lambda: complex(1, [])), ('complex(None)', lambda: complex(None)),
          ('complex(Bad())', lambda: complex(Bad())), ('complex(1, C())', lambda: complex(1, C())),
          ('complex(1, 2, 3)', lambda: complex(1, 2, 3)), ('complex(x=1)', lambda: complex(x=1)),
          ('complex(1, real=2)', lambda: complex(1, real=2)), ('complex(b"1")', lambda: complex(b'1')),
          ('complex(10 ** 400)', lambda: complex(10 ** 400)), ('complex(object())', lambda: complex(object()))]
for text, f in errors:
    try:
        print(text, '->', f())
    except Exception as e:
        print(text, type(e).__name__, e)
