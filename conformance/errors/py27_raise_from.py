from __future__ import print_function
# bad input under the py27 profile: `raise ... from ...` (PEP 3134) is Python 3 syntax
try:
    1 // 0
except ZeroDivisionError as e:
    raise KeyError("k") from e
