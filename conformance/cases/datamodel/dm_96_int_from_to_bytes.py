# id: dm_96_int_from_to_bytes
# source: python/cpython:Objects/longobject.c (int_from_bytes_impl, int_to_bytes_impl, _PyLong_FromByteArray, _PyLong_AsByteArray, int_bit_count_impl); Lib/test/test_long.py:LongTest.test_from_bytes, test_to_bytes
# property: int.from_bytes/int.to_bytes with 3.11's defaults (length=1, byteorder='big'), both byte orders, signed two's complement, round trips over 30-bit digit boundaries; from_bytes takes bytes, bytearray or an iterable of ints, gives small ints from the cache, sizes its result to the value's digits (getsizeof), and on a subclass calls the subclass with the int; to_bytes(0) of 0 is the empty bytes
import sys
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'), int.from_bytes(b'\xfc\x00', signed=True))
print(int.from_bytes([255, 0, 3]), int.from_bytes(bytearray(b'\xff' * 9), 'little', signed=True), int.from_bytes(iter([1, 2])))
x = int.from_bytes(b'\xff' * 20, 'big')
print(x, sys.getsizeof(x), int.from_bytes(b'', 'big'), int.from_bytes(b'\x00' * 10) is int.from_bytes(b''))
seven, empty = 7, b''
print(int.from_bytes(b'\x07\x00\x00', 'little') is seven, sys.getsizeof(int.from_bytes(b'\x00' * 12 + b'\x01')))
y = int.from_bytes(b'\xff' * 20 + b'\x80', 'little', signed=True)
print(y, sys.getsizeof(y))
class MyInt(int):
    def __new__(cls, v):
        print('MyInt.__new__', v, type(v).__name__)
        return super().__new__(cls, v)
m = MyInt.from_bytes(b'\x01\x02')
print(type(m).__name__, m, bool.from_bytes(b'\x01'), bool.from_bytes(b'\x00\x00'), type(int.from_bytes(b'\x05')).__name__)
print((1024).to_bytes(2, 'big'), (1024).to_bytes(10, 'little'), (-1024).to_bytes(4, 'big', signed=True))
print((0).to_bytes(0), (0).to_bytes(0) is empty, (255).to_bytes(), (-128).to_bytes(1, signed=True), (127).to_bytes(1, signed=True))
print((2**200 - 1).to_bytes(25, 'big'), (-2**199).to_bytes(25, 'big', signed=True), True.to_bytes(2, 'little'))
print((255).to_bytes(2, byteorder='little', signed=True), (1).to_bytes(length=3), m.to_bytes(2, 'big'))
for v in [0, 1, -1, 255, -256, 2**30 - 1, 2**30, -2**30, 2**60 + 5, -2**64, 12345678901234567890123, -98765432109876543210]:
    b = v.to_bytes(20, 'little', signed=True)
    r = int.from_bytes(b, 'little', signed=True)
    rb = int.from_bytes(b[::-1], 'big', signed=True)
    print(v, b.hex(), r == v, rb == v, sys.getsizeof(r))
print((65535).bit_count(), (-7).bit_count(), (2**100 - 1).bit_count(), True.bit_count())
