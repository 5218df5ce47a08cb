# fuzz_run timeout of 6 December 2026 (a mutation of mod_01_math: math.log(2**3257000) took 2.4 s, 10 s under
# ASan): the log of an int past a double's range shifted it right 64 bits at a time, quadratic in its size.
# It now takes _PyLong_Frexp's mantissa and exponent at once (Modules/mathmodule.c loghelper), as CPython.
import math
x = 2 ** 30000000 + 12345
print(math.log(x), math.log2(x), math.log10(x), math.log(x, 3))
