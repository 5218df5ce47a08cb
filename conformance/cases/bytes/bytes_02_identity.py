# id: bytes_02_identity
# source: python/cpython:Objects/bytesobject.c (PyBytes_FromStringAndSize: bytes_get_empty and characters[] for sizes 0 and 1 with data, _PyBytes_FromSize without, bytes_subscript, bytes_concat's end cases, bytes_repeat, bytes_new / PyBytes_FromObject, _PyBytesWriter_Finish); python/cpython:Objects/stringlib/join.h, split.h, transmogrify.h (return_self); python/cpython:Lib/test/test_bytes.py:BytesTest.test_from_buffer
# property: the empty bytes and the one-byte bytes are shared along the paths that copy data (slices with step 1, bytes(list), encode, fromhex, split pieces, strip), fresh along the paths that write into a new buffer (extended slices, bytes(1), upper, repetition, bytes(bytearray)); methods with nothing to do return the bytes itself; a bytearray never shares
import sys
x = b'abc'
a = x[:1]
e = x[:0]
one = [97]
print(a is x[0:1], bytes(one) is a, x[2:][:0] is e, bytes(0) is e, bytes([]) is e, bytes(iter(one)) is a)
print(x[::3] is a, x[::3] == a, bytes(1) is bytes(1), bytes(1) == b'\x00', (a * 0) is e, (x * 0) is e, (x * 0) == e)
print('a'.encode() is a, bytes('a', 'ascii') is a, bytes.fromhex('61') is a, a.upper() is a.upper(), e.upper() is e)
print(x.replace(b'z', b'y') is x, x.replace(b'b', b'b') is x, x.strip() is x, x.strip(b'bc') is a, x.split()[0] is x, b'a b'.split()[0] is a)
print(bytes(x) is x, bytes(bytearray(x)) is x, bytes(bytearray(x)) == x, bytes(bytearray(b'a')) is a, bytes(bytearray()) is e)
print(e.join([]) is e, b'-'.join([x]) is x, b'-'.join([bytearray(x)]) is x, (x + e) is x, (e + x) is x, (x * 1) is x)
print(x.center(2) is x, x.zfill(3) is x, x.ljust(0) is x, x.rjust(3) is x)
ba = bytearray(x)
print(bytearray(x) is bytearray(x), ba.strip() is ba, ba.replace(b'z', b'y') is ba, ba[:] is ba, ba * 1 is ba)
print([c is x[i] for i, c in enumerate(x)], list(iter(b'ab')) == [97, 98])
t = b'\x00\xff'
print(t[:1] is bytes([0]), t[1:] is bytes([255]), t[1:] is b'\xff')
