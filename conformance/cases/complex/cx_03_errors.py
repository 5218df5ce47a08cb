# id: cx_03_errors
# source: python/cpython:Objects/complexobject.c (complex_div, complex_pow, complex_richcompare, complex_as_number without nb_floor_divide/nb_remainder/nb_divmod/nb_int/nb_float since 3.10, complex_abs); python/cpython:Objects/abstract.c (binary_op1, ternary_op, PyNumber_Long, PyNumber_Float); python/cpython:Objects/object.c (do_richcompare)
# property: the exception type and text of each failing complex operation: division by zero, 0.0 to a
#   negative or complex power, complex modulo in three-argument pow, ordering comparisons, // % divmod,
#   int() and float(), ~, operands of other types, abs overflow, pow overflow
from __future__ import print_function
tests = [
    ('1j / 0', lambda: 1j / 0), ('1 / 0j', lambda: 1 / 0j), ('1.5 / (0j * 2)', lambda: 1.5 / (0j * 2)),
    ('0j ** -1', lambda: 0j ** -1), ('0j ** 1j', lambda: 0j ** 1j), ('0j ** -2.5', lambda: 0j ** -2.5),
    ('0 ** -1j', lambda: 0 ** -1j), ('pow(1j, 2, 3)', lambda: pow(1j, 2, 3)), ('pow(2, 1j, 3)', lambda: pow(2, 1j, 3)),
    ('1j < 2j', lambda: 1j < 2j), ('1j <= 1', lambda: 1j <= 1), ('2.0 > 1j', lambda: 2.0 > 1j), ('1j >= None', lambda: 1j >= None),
    ('1j // 2', lambda: 1j // 2), ('2 // 1j', lambda: 2 // 1j), ('1j % 2.0', lambda: 1j % 2.0), ('divmod(1j, 1j)', lambda: divmod(1j, 1j)),
    ('int(1j)', lambda: int(1j)), ('float(1j)', lambda: float(1j)), ('~1j', lambda: ~1j), ('1j << 1', lambda: 1j << 1),
    ('1j & 1', lambda: 1j & 1), ('1j + "a"', lambda: 1j + 'a'), ('[1] * 1j', lambda: [1] * 1j), ('[1, 2][1j]', lambda: [1, 2][int(1) * 1j]),
    ('1j + None', lambda: 1j + None), ('abs(complex(1e308, 1e308))', lambda: abs(complex(1e308, 1e308))),
    ('(1e200 + 1j) ** 2.5', lambda: (1e200 + 1j) ** 2.5), ('1e300j * 1e300j', lambda: 1e300j * 1e300j),
    ('(-1e300) ** 1.5', lambda: (-1e300) ** 1.5), ('(-8.0) ** 0.5 // 1', lambda: (-8.0) ** 0.5 // 1),
    ('round(1j)', lambda: round(1j)), ('range(1j)', lambda: range(1j)), ('(10 ** 400) + 1j', lambda: (10 ** 400) + 1j),
    ('1j.real = 2', lambda: setattr(1j, 'real', 2)), ('1j.foo', lambda: (1j).foo), ('1j.conjugate(1)', lambda: (1j).conjugate(1)),
]
for text, f in tests:
    try:
        print(text, '->', f())
    except Exception as e:
        print(text, type(e).__name__, e)
