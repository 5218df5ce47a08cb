# id: io_05_bytesio
# source: python/cpython:Modules/_io/bytesio.c (resize_buffer, unshare_buffer, write_bytes, read_bytes, scan_eol, _io_BytesIO_getvalue_impl, _io_BytesIO___init___impl, _io_BytesIO_seek_impl, _io_BytesIO_truncate_impl, _io_BytesIO_readlines_impl, _io_BytesIO_readinto_impl, bytesio_sizeof, bytesio_iternext); Objects/bytesobject.c (_PyBytes_Resize); Lib/test/test_memoryio.py
# property: io.BytesIO: sys.getsizeof follows resize_buffer's growth (the buffer counted only while not shared), the
#   initial bytes object is the buffer (getvalue() and a whole read() return it) until a write copies it,
#   getvalue() hands out the buffer cut to size and later writes copy it again; refcounts of the shared
#   bytes; write/writelines/read/read1/readline/readlines/readinto/iteration, overseek padding, seek whence
#   and clamping, truncate, the closed errors and argument errors with CPython's messages; GC tracking
import io, _io, gc, sys

B = io.BytesIO
print(B is _io.BytesIO, B.__name__, B.__module__, gc.is_tracked(B()), isinstance(B(), io.BufferedIOBase))
print(sys.getsizeof(B()), sys.getsizeof(B(b'')), sys.getsizeof(B(bytearray(b'ab'))))
b = B()
sizes = []
for i in range(40):
    b.write(b'x')
    sizes.append(sys.getsizeof(b))
print(sizes)
b = B()
b.write(b'y' * 100)
print(sys.getsizeof(b), b.truncate(60), sys.getsizeof(b), b.truncate(20), sys.getsizeof(b), b.tell())

# the initial value is shared: getvalue() and a whole read() are that object
init = bytes(range(65, 65 + 40))
rc = sys.getrefcount(init)
b = B(init)
print(sys.getrefcount(init) - rc, b.getvalue() is init, sys.getsizeof(b))
print(b.read() is init, b.tell(), b.read() == b'')
b.seek(0)
print(b.read(5), b.read(1) is b'F'[0:1], b.tell())
b.seek(0)
print(b.write(b'ab'), b.getvalue() is init, sys.getrefcount(init) - rc, init[:4], sys.getsizeof(b))
v = b.getvalue()
print(v[:4], len(v), b.getvalue() is v, sys.getsizeof(b), sys.getrefcount(v))
del v
print(sys.getsizeof(b))
b.seek(0, 2)
b.write(b'!')
v = b.getvalue()
print(len(v), v[-3:], sys.getsizeof(b), b.getvalue() is v)
b.write(b'?')
print(b.getvalue() is v, v[-2:], b.getvalue()[-2:])
small = B(b'z')
empty = b''
print(small.getvalue(), small.getvalue() is b'z'[0:1], B(empty).getvalue() is empty)

# writing, overseek, reading
b = B()
print(b.write(b'hello'), b.write(bytearray(b' world\n')), b.tell(), b.getvalue())
print(b.seek(0), b.write(b'J'), b.getvalue(), b.tell())
print(b.seek(20), b.write(b'x'), b.getvalue())
b = B(b'ab\ncd\n\nef')
print(b.readline(), b.tell(), list(b), b.read(), b.tell())
b.seek(0)
print(b.read(3), b.readline(1), b.readline(-1), b.readline(None), b.read(100), b.read(), b.read1())
b.seek(0)
print(b.readlines(), b.seek(0), b.readlines(4), b.readlines(None), b.seek(0, 2), b.seek(0, 1))
print(b.seek(-3, 2), b.read1(2), b.seek(-100, 1), b.seek(5, 1), b.read1(-1))
ba = bytearray(4)
b.seek(1)
print(b.readinto(ba), ba, b.readinto(ba), ba, b.readinto(bytearray()))
b.seek(0)
print(next(b), next(b), iter(b) is b, b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)
b.writelines([b'1', bytearray(b'22'), b'333'])
print(b.getvalue(), b.tell(), b.truncate(), b.getvalue(), b.truncate(None), b.truncate(100), b.getvalue())
w = B()
w.writelines(iter([b'a\n', b'b\n']))
print(w.getvalue(), w.read(), w.seek(0), [line for line in w])

def tryit(f, *args):
    try:
        print('ok', repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)
tryit(b.seek, -1)
tryit(b.seek, 0, 3)
tryit(b.seek, 'x')
tryit(b.seek, 1.5)
tryit(b.truncate, -1)
tryit(b.truncate, 'x')
tryit(b.write, 'str')
tryit(b.write, 5)
tryit(b.writelines, [b'a', 5])
tryit(b.writelines, 5)
tryit(b.readlines, 'x')
tryit(b.read, 'x')
tryit(b.read, 1, 2)
tryit(b.readinto, b'xx')
tryit(B, 'text')
tryit(B, 5)
tryit(B, b'a', b'b')
print(B(initial_bytes=b'kw').getvalue(), B(None).getvalue())
c = B(b'abc')
c.close()
c.close()
print(c.closed)
for f, a in ((c.write, (b'x',)), (c.write, ('x',)), (c.writelines, ([],)), (c.read, ()), (c.read1, ()),
             (c.readline, ()), (c.readlines, ()), (c.readlines, ('x',)), (c.readinto, (bytearray(1),)),
             (c.getvalue, ()), (c.tell, ()), (c.seek, (0,)), (c.truncate, ()), (c.truncate, (-1,)),
             (c.readable, ()), (c.writable, ()), (c.seekable, ()), (c.flush, ()), (c.isatty, ()),
             (next, (c,)), (c.__enter__, ())):
    tryit(f, *a)
print(iter(c) is c)
with B(b'ctx') as t:
    print(t.read(), t.closed)
print(t.closed)
print(sys.getsizeof(c))
