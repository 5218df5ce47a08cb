# id: mod_01_math
# source: python/cpython:Modules/mathmodule.c (math_1, math_2, is_error, m_log/loghelper, math_pow, math_hypot/vector_norm, math_fsum/msum, math_factorial, math_gcd, math_isqrt, math_comb, math_perm, math_prod, math_floor/ceil/trunc, math_frexp, math_modf, math_ldexp); Python/ceval.c (import_from); Lib/test/test_math.py
# property: import math and from math import name (as alias); the constants; every function's value bit-identical to CPython on the same libm (log of an int past a double, fsum's exact sum, big-int factorial/gcd/isqrt/comb); the "math domain error"/"math range error" and TypeError messages; ImportError for a missing name
import math
from math import sqrt, pi as PI, floor
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, PI)
print(sqrt(2), math.exp(1), math.log(10), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log(2**3000))
print(math.pow(2, 0.5), math.pow(2, 10), math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1.5, 2.5, 3.5), math.hypot(), math.hypot(1e200, 1e200), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), floor(3), math.fabs(-3))
print(math.factorial(20), math.factorial(30), math.gcd(12, 18), math.gcd(), math.gcd(-4), math.gcd(2**80, 6**40), math.isqrt(10**20 + 1), math.isqrt(99), math.isqrt(2**200))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.copysign(3, -0.0), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.degrees(math.pi), math.radians(180), math.modf(3.75), math.modf(-2.5), math.frexp(10.0), math.frexp(0.0), math.ldexp(0.625, 4), math.comb(52, 5), math.perm(5, 2), math.perm(5), math.comb(100, 50))
print(math.prod([1, 2, 3, 4]), math.prod([1.5, 2]), math.prod([], start=5), math.lcm(4, 6), math.fmod(7, -3), math.remainder(7, 3), math.cbrt(27), math.exp2(10), math.dist((0, 0), (3, 4)))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.factorial(2.0)
except TypeError as e:
    print("TypeError", e)
try:
    math.sqrt("x")
except TypeError as e:
    print("TypeError", e)
try:
    math.sqrt()
except TypeError as e:
    print("TypeError", e)
try:
    math.pow(1)
except TypeError as e:
    print("TypeError", e)
try:
    math.floor(math.inf)
except OverflowError as e:
    print("OverflowError", e)
try:
    math.floor(math.nan)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(1, 1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    from math import nosuch
except ImportError as e:
    print("ImportError", str(e)[:37])
