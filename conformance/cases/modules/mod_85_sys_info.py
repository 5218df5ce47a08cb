# id: mod_85_sys_info
# source: python/cpython:Python/sysmodule.c (make_flags, flags_fields; the run's environment: PYTHONDONTWRITEBYTECODE, PYTHONHASHSEED), Objects/floatobject.c (PyFloat_GetInfo, floatinfo_fields), Objects/longobject.c (PyLong_GetInfo, int_info_fields), Objects/structseq.c (structseq_repr, the n_fields/n_sequence_fields of a type)
# property: sys.flags, sys.float_info and sys.int_info (2.7: sys.long_info) are struct sequences with CPython's fields, values, repr and sizes; their fields are read-only (2.7: TypeError); they are tuples in 3.x, not in 2.7
from __future__ import print_function
import sys

fi = sys.float_info
print(fi)
print(fi.max, fi.epsilon, fi.dig, fi[1], len(fi), type(fi).__name__, sys.getsizeof(fi))
ii = getattr(sys, 'int_info', None) or sys.long_info
print(ii, ii.bits_per_digit, len(ii), sys.getsizeof(ii))
fl = sys.flags
print(len(fl), fl.debug, fl.optimize, fl.verbose, fl.inspect, fl.interactive, fl.bytes_warning, type(fl).__name__)
print(type(fl.dont_write_bytecode).__name__, sys.getsizeof(fl))
print(fl[0], fl == tuple(fl), isinstance(fl, tuple), isinstance(sys.float_info, tuple))
try:
    fl.debug = 1
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    fl.no_such_field = 1
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
