# id: bytes_01_sizes
# source: python/cpython:Objects/bytesobject.c (PyBytesObject_SIZE, _PyBytes_FromSize, bytes_concat, bytes_repeat, bytes_subscript, bytes___sizeof___impl); python/cpython:Objects/bytearrayobject.c (PyByteArray_Resize, bytearray_init, bytearray_append, bytearray_extend, bytearray_iconcat, bytearray___sizeof___impl); python/cpython:Lib/test/test_sys.py:SizeofTest.test_objecttypes (bytes, bytearray)
# property: sys.getsizeof of bytes along each construction path is 33 + len (literal, bytes(n), bytes(list), bytes(iterator), encode, slices, concatenation, repetition, join, fromhex, upper, replace); bytearray is 56 + its buffer, which grows as PyByteArray_Resize does (exact n+1 for a construction from a buffer or list, over-allocation by an eighth when appending, shrink only below half); neither is GC-tracked, their iterators are (48 bytes with the GC head)
import sys
import gc
sz = sys.getsizeof
print(sz(b''), sz(b'a'), sz(b'abc'), sz(b'x' * 100), sz(bytes(10)), sz(bytes(0)))
print(sz(bytes([1, 2, 3])), sz(bytes(iter([1, 2, 3, 4]))), sz(bytes(range(50))), sz('héllo'.encode()), sz(bytes('abc', 'ascii')))
x = b'abcdefgh'
print(sz(x[1:4]), sz(x[::2]), sz(x[::-1]), sz(x + x), sz(x * 3), sz(b'-'.join([x, x, x])), sz(bytes.fromhex('00ff10')))
print(sz(x.upper()), sz(x.replace(b'c', b'CCC')), sz(x.split(b'd')[0]), sz(x.strip(b'ah')), sz(bytes(bytearray(x))))
print(gc.is_tracked(x), gc.is_tracked(bytearray(x)), gc.is_tracked(iter(x)), gc.is_tracked(iter(bytearray())))
print(sz(iter(x)), sz(iter(bytearray(x))))
print(sz(bytearray()), sz(bytearray(b'a')), sz(bytearray(b'abc')), sz(bytearray(5)), sz(bytearray([1, 2, 3])), sz(bytearray('ab', 'ascii')))
print(sz(bytearray(iter([1, 2, 3]))), sz(bytearray(range(20))), sz(bytearray(b'abcdef')[1:3]), sz(bytearray(b'abc').upper()))
b = bytearray()
sizes = []
for i in range(40):
    b.append(i)
    sizes.append(sz(b))
print(sizes)
b = bytearray(b'ab')
b.extend(b'cd')
e1 = sz(b)
b.extend([1, 2, 3, 4, 5, 6, 7, 8, 9])
e2 = sz(b)
b += b'xyz'
print(e1, e2, sz(b), len(b))
for i in range(12):
    b.pop()
print(sz(b), len(b))
b.clear()
print(sz(b), len(b), sz(bytearray(b'abc') + b'd'), sz(bytearray(b'ab') * 3), sz(bytearray(b'xy').copy()))
