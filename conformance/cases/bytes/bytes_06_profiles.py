# id: bytes_06_profiles
# source: python/cpython:Objects/bytesobject.c (PyBytesObject_SIZE); python/cpython:Objects/bytearrayobject.c (PyByteArrayObject, PyByteArray_Resize); python/cpython@2.7:Objects/stringobject.c (PyStringObject: b'' is str), Objects/bytearrayobject.c (2.7's 48-byte object)
# property: what b'' is in each version: bytes (33 + len) in 3.x, str (PyStringObject, 37 + len) in 2.7 where `bytes is str`; bytearray exists in both (56 + buffer in 3.x, 48 + buffer in 2.7) with the same growth, repr and iterator type name
from __future__ import print_function
import sys
x = b'abc'
print(type(x).__name__, bytes is str, x == 'abc', sys.getsizeof(b''), sys.getsizeof(x), len(b'\xff\x00'), x[1:] + b'd')
ba = bytearray(b'abc')
print(type(ba).__name__, sys.getsizeof(bytearray()), sys.getsizeof(ba), repr(ba), len(ba), ba[0], type(iter(ba)).__name__)
ba.append(100)
ba.append(101)
print(sys.getsizeof(ba), list(ba), ba == bytearray(b'abcde'), ba[1:3] == b'bc')
print(repr(b'\x00\'"\\\n'), b'ab' + b'cd' == b'abcd', b'a' b'b' == b'ab', str(bytearray(b'xy')) in ("xy", "bytearray(b'xy')"))
