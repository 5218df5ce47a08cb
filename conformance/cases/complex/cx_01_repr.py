# id: cx_01_repr
# source: python/cpython:Objects/complexobject.c (complex_repr, complex_members, complex_conjugate_impl, complex___getnewargs___impl); python/cpython:Python/pystrtod.c (PyOS_double_to_string 'r' with and without Py_DTSF_SIGN)
# property: repr and str of complex values: no parentheses when the real part is +0.0 (so -0.0 keeps them),
#   parts in float repr without a trailing '.0', the imaginary part always signed (+nan, +inf, -0), exponent
#   forms; .real/.imag are floats, conjugate() flips the imaginary sign (signed zeros shown), format(z, '')
from __future__ import print_function
inf = float('inf')
nan = float('nan')
vals = [0j, -0j, 1j, -1j, 2.5J, 1e3j, 1E-5j, 1e16j, 1e15j, 0.1j, 1 + 2j, 1 - 2j, -1 - 2j, 1.5 + 0j, -1.5 + 0j,
        complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), complex(-0.0, 1),
        complex(inf, 0), complex(0, inf), complex(-inf, -inf), complex(nan, 0), complex(0, nan), complex(1, -nan),
        complex(nan, inf), 123456789012345678j, 0.1 + 0.2j, 1e-310j, complex(2 ** 53, 2 ** 60), 3.0 + 4.0j,
        1_000.5j, 0o17 + 0j, 7 + 0.5j]
for v in vals:
    print(repr(v), str(v), repr(v.real), repr(v.imag), repr(v.conjugate()), type(v.real).__name__)
print([1j, (1+1j, -2j)], {1j: -1j})
print(format(1j, ''), format(-1 - 1j, ''), '%s %r' % (2j, 3 + 4j), str(0.5 - 0.25j))
print((1 + 2j).__getnewargs__(), (-0j).__getnewargs__())
print(type(1j).__name__, type(1j) is complex, isinstance(1j, complex), isinstance(1.0, complex), isinstance(1j, (int, float)))
print(repr(-(0j)), repr(-0j + 0), repr(0j - 0), repr(-(1 + 0j)), repr(0 - 1j), repr(-1j * 1))
