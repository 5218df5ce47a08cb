from __future__ import print_function
# id: io_06_bytesio_sizes
# source: python/cpython:Modules/_io/bytesio.c (resize_buffer, write_bytes, unshare_buffer, _io_BytesIO_getvalue_impl, read_bytes, _io_BytesIO_truncate_impl, bytesio_sizeof); 2.7 Modules/_io/bytesio.c (resize_buffer, write_bytes, bytesio_sizeof)
# property: io.BytesIO's sys.getsizeof in every profile: the growth rule of resize_buffer under single-byte and
#   larger writes, overseek, truncate's shrink to exact size below half; 3.x counts the buffer bytes object
#   only while not shared (initial value, getvalue()) where 2.7 counts its private buffer; identity of
#   getvalue()/read() with the initial bytes (3.x) or copies (2.7); GC tracking and gc.get_referents (3.12+ visit
#   the type and the buffer)
import io, gc, sys

B = io.BytesIO
print(sys.getsizeof(B()), gc.is_tracked(B()), B().__sizeof__())
b = B()
sizes = []
for i in range(40):
    b.write(b'x')
    sizes.append(sys.getsizeof(b))
print(sizes)
b = B()
sizes = []
for n in (3, 7, 20, 2, 50, 1, 200):
    b.write(b'w' * n)
    sizes.append(sys.getsizeof(b))
print(sizes, b.tell())
print(b.truncate(250), sys.getsizeof(b), b.truncate(100), sys.getsizeof(b), b.truncate(10), sys.getsizeof(b))
b.seek(40)
b.write(b'q')
print(sys.getsizeof(b), len(b.getvalue()))
init = bytes(bytearray(range(65, 105)))
b = B(init)
print(sys.getsizeof(b), b.getvalue() is init, b.getvalue() == init, b.read() is init)
b.seek(0)
b.write(b'ab')
print(sys.getsizeof(b), b.getvalue() is init, init[:2] == b'AB')
v = b.getvalue()
print(len(v), b.getvalue() is v, sys.getsizeof(b))
del v
print(sys.getsizeof(b))
b.close()
print(sys.getsizeof(b), b.closed)
# what the collector sees: 2.7-3.11 visit the (absent) __dict__ only; 3.12+ also the type and the buffer
print(gc.get_referents(B(bytes(bytearray(b'abc')))), gc.get_referents(B()) == [] or len(gc.get_referents(B())))
