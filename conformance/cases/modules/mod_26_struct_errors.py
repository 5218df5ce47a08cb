# id: mod_26_struct_errors
# source: python/cpython:Modules/_struct.c (get_pylong, get_long, get_ulong, np_byte, np_ubyte, np_short, np_ushort, np_int, np_uint, lp_int, lp_uint, bp_int, bp_uint, bp_longlong, np_void_p, _range_error, np_char, np_float, PyFloat_Pack2/Pack4 callers, s_pack_internal, prepare_s, getentry, Struct_unpack_impl, Struct_unpack_from_impl, s_pack_into, Struct_iter_unpack, _structmodule_exec's little-endian table substitution)
# property: struct.error and its messages for every integer code in each byte order (the native functions standing in for
#   '<'/'=' where the sizes agree: "short format requires ..." for '<h', "'h' format requires ..." for '>h', "argument out of
#   range", "int too large to convert" for '>q' and 'P'), non-integers, floats (OverflowError for 'e' and standard 'f', none
#   for native 'f'), 'c'/'s'/'p' arguments, item counts, bad formats, buffer sizes and offsets of unpack/unpack_from/pack_into,
#   iter_unpack's checks, argument errors; the values packed when in range
import struct
def t(f, *a):
    try: print(f, a, struct.pack(f, *a))
    except Exception as e: print(f, a, type(e).__name__, e)
for c in 'bBhHiIlLqQnNP':
    for v in (2**70, -2**70, 300, -1, 70000, 2**33, 'x', 1.5):
        t(c, v)
for c in 'bBhHiIlLqQ':
    for o in '<>=':
        for v in (300, -1, 70000, 2**33, 2**70):
            t(o+c, v)
for v in ('x', b'ab', b'a', 1): t('c', v)
for v in ('x', 1e300, 1e39, 70000.0, 2**2000): t('e', v); t('f', v); t('d', v)
t('s', 'ab'); t('3s', b'abcdef'); t('3p', b'abcdef'); t('p', 1)
t('i'); t('i', 1, 2); t('3i', 1); t('ix', 1); t('xi', 1)
t('<n', 1); t('z', 1); t('3', 1); t('i3', 1); t('99999999999999999999i')
def u(f, b, *a):
    try: print('u', f, b, a, struct.unpack(f, b, *a) if not a else struct.unpack_from(f, b, *a))
    except Exception as e: print('u', f, b, a, type(e).__name__, e)
u('i', b'abc'); u('i', b'abcde'); u('i', 'abcd'); u('i', b'abcdef', 4); u('i', b'abcdef', -1); u('i', b'abcdef', -7); u('i', b'abcdef', 7)
try: struct.pack()
except Exception as e: print(type(e).__name__, e)
try: struct.pack(1)
except Exception as e: print(type(e).__name__, e)
try: struct.calcsize(1)
except Exception as e: print(type(e).__name__, e)
try: struct.Struct(1)
except Exception as e: print(type(e).__name__, e)
try: struct.iter_unpack('i', b'abc')
except Exception as e: print(type(e).__name__, e)
try: struct.iter_unpack('', b'abc')
except Exception as e: print(type(e).__name__, e)
try: struct.unpack('i')
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', bytearray(2), 0, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', bytearray(8), 6, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', bytearray(8), -9, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', b'abcdabcd', 0, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', bytearray(8))
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', bytearray(8), 0)
except Exception as e: print(type(e).__name__, e)
try: struct.unpack('i', bytearray(b'abcd'), 1)
except Exception as e: print(type(e).__name__, e)
try: struct.Struct('i').unpack(b'abcd', b'')
except Exception as e: print(type(e).__name__, e)
try: struct.Struct('3i').pack(1, 2)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', bytearray(8), -2, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.iter_unpack('i', 'abcd')
except Exception as e: print(type(e).__name__, e)
print(struct.unpack('i', bytearray(b'abcd')), struct.Struct('<i').unpack(b'abcd'))
