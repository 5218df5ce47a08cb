# id: fmt_06_float_str
# source: CPython 2.7 Objects/floatobject.c (float_str: PyOS_double_to_string(x, 'g', 12, Py_DTSF_ADD_DOT_0)),
# Python/pystrtod.c (format_float_short: with Py_DTSF_ADD_DOT_0 the 'g' form switches to an exponent once
# the decimal point would come after precision - 1 digits); CPython 3.x Objects/floatobject.c (float_repr:
# str is the shortest repr)
# property: str() and print() of floats: 2.7's 12 significant digits, its exponent from 1e11 on (one digit
# before C's %g), ".0" on integral values; 3.x's shortest repr
from __future__ import print_function

for v in [549755813888.0, 54975581388.0, 123456789012.0, 12345678901.0, 1e11, 1.5e11, 999999999999.0,
          999999999999.5, -1e11, 1e-5, 0.0001, 123.456, 1 / 3.0, 1e22, 5e-324, 1.7976931348623157e308, 0.1 + 0.2]:
    print(str(v), repr(v))
