# id: mod_25_struct
# source: python/cpython:Modules/_struct.c (prepare_s, align, s_sizeof, s_pack_internal, s_unpack_internal, Struct_unpack_from_impl, Struct_pack_into, cache_struct_converter, _clearcache_impl, PyFloat_Pack2); Lib/struct.py
# property: struct through Lib's struct.py over the native _struct: Struct objects' sys.getsizeof (56 + 32 per formatcode + 1,
#   GC head), GC tracking, weak references, size/format; native alignment and the standard sizes of @ = < > !; every format
#   char packed and unpacked (64-bit unsigned extremes, half floats rounding to even, pascal strings, pads, '?', 'c');
#   unpack_from / pack_into offsets; iter_unpack's values; struct.error's class; the Struct cache (gc objects it keeps, _clearcache)
import struct, sys, gc, _struct, weakref
for f in ['i', 'ii', '3i', '5s', '<hhl', '', 'x', '0i', 'c0i', '@cq', '=cq', '!cq', 'P2xe?', ' i  h ', '10p']:
    s = struct.Struct(f)
    print(repr(f), sys.getsizeof(s), s.__sizeof__(), gc.is_tracked(s), s.size, struct.calcsize(f), repr(s.format))
s = struct.Struct(b'>HhIiQq')
print(s.format, type(s.format).__name__, s.size)
v = s.pack(65535, -32768, 2**32-1, -2**31, 2**64-1, -2**63)
print(v, s.unpack(v), s.unpack_from(b'xx' + v, 2), s.unpack_from(buffer=v))
print(struct.unpack('<Q', b'\xff' * 8), struct.unpack('<q', b'\xff' * 8), struct.unpack('@P', b'\xff' * 8), struct.unpack('>l', b'\x80\0\0\1'))
print(type(s).__name__, isinstance(s, struct.Struct), struct.Struct is _struct.Struct)
print(struct.error.__name__, struct.error.__module__, struct.error.__mro__[1:], _struct.error is struct.error)
try:
    struct.unpack('i', b'abc')
except struct.error as e:
    print(type(e).__name__, e.args)
w = weakref.ref(s)
del s
print(w())
ba = bytearray(10)
print(struct.pack_into('<hi', ba, 2, 7, -1), ba)
s2 = struct.Struct('hh')
s2.pack_into(ba, -4, 1, 2)
print(ba, struct.unpack_from('<h', ba, -2), struct.unpack_from('<i', ba, offset=3))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), list(s2.iter_unpack(bytes(8))))
for x in (0.5, 1/3, 65504.0, 6e-8, 3e-8, 2.9e-8, -2.5e-5, 1e-4, 0.1, 2049.0, 2051.0, 4097.0, float('inf'), -0.0):
    b = struct.pack('<e', x)
    print(x, b, struct.unpack('<e', b), struct.unpack('>e', struct.pack('>e', x)))
print(struct.pack('<fd', 0.1, 0.1), struct.unpack('<fd', struct.pack('<fd', 0.1, 0.1)), struct.pack('f', 1e300))
print(struct.pack('?ch', True, b'z', 5), struct.unpack('?ch', b'\x00z\x05\x00'), struct.pack('??', [], [0]))
print(struct.pack('4p', b'ab'), struct.pack('2p', b'abc'), struct.unpack('4p', b'\x09abc'), struct.pack('0s', b'ab'))
print(struct.unpack('0s', b''), struct.pack('3x'), struct.pack('2c', b'a', b'b'), struct.pack('3s', bytearray(b'xy')))
print(struct.pack('bBhHiIlLqQnN', -1, 255, -1, 65535, -1, 2**32-1, -1, 2**64-1, -1, 2**64-1, -1, 2**64-1).hex())
class Idx:
    def __index__(self):
        return 300
print(struct.pack('<h', Idx()), struct.pack('>Q', Idx()), struct.pack('d', Idx()))
print(sorted(k for k in dir(_struct) if not k.startswith('__')))
# the cache of the module functions: one Struct (a tracked object) per new format until _clearcache
struct._clearcache()
gc.collect()
n0 = len(gc.get_objects())
struct.pack('<7h', *range(7))
n1 = len(gc.get_objects())
struct.unpack('<7h', bytes(14))
n2 = len(gc.get_objects())
struct._clearcache()
n3 = len(gc.get_objects())
print(n1 - n0, n2 - n1, n3 - n0)
for k in range(100):
    struct.calcsize('%dx' % k)
n4 = len(gc.get_objects())
struct.calcsize('100x')
n5 = len(gc.get_objects())
print(n4 - n3, n5 - n3)
