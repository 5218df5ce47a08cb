# id: bytes_07_bytearray_slices
# source: python/cpython:Objects/bytearrayobject.c (bytearray_ass_subscript, bytearray_setslice_linear, bytearray_setslice, PyByteArray_Resize); python/cpython:Lib/test/test_bytes.py:ByteArrayTest.test_setslice, test_extended_set_del_slice
# property: slice assignment and deletion on a bytearray: growing and shrinking in the middle and at the end (the buffer resized as PyByteArray_Resize does: getsizeof after each step), assignment from bytes, bytearray, itself, a list of ints or an iterator; extended slices assign item for item or raise ValueError on a size mismatch, and delete by compaction; ints, floats and str are refused with CPython's TypeError
import sys
sz = sys.getsizeof
b = bytearray(b'0123456789')
print(sz(b))
b[2:4] = b'abcdef'
print(b, sz(b))
b[0:8] = b'X'
print(b, sz(b))
b[len(b):] = bytearray(b'tail')
print(b, sz(b))
b[1:1] = [65, 66, 67]
print(b, sz(b))
b[:] = b
print(b, sz(b))
b[3:6] = iter([120, 121])
print(b, sz(b))
del b[1:4]
print(b, sz(b))
del b[::2]
print(b, sz(b))
b = bytearray(b'abcdefgh')
b[::2] = b'WXYZ'
print(b)
b[::-3] = b'123'
print(b)
del b[::-2]
print(b, sz(b))
del b[:]
print(b, sz(b), len(b))
c = bytearray(b'abc')
for bad in (5, 1.5, 'xy'):
    try:
        c[0:1] = bad
    except TypeError as ex:
        print('TypeError:', ex)
try:
    c[::2] = b'xyz'
except ValueError as ex:
    print('ValueError:', ex)
try:
    c[0:1] = [256]
except ValueError as ex:
    print('ValueError:', ex)
print(c)
