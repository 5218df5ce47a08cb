# id: io_01_stringio
# source: python/cpython:Modules/_io/stringio.c (_io_StringIO___init___impl, write_str, _io_StringIO_getvalue_impl, _io_StringIO_read_impl, _stringio_readline, stringio_iternext, _io_StringIO_seek_impl, _io_StringIO_tell_impl, _io_StringIO_truncate_impl, _io_StringIO_close_impl); Modules/_io/iobase.c (iobase_enter, iobase_exit, iobase_iter, _io__IOBase_readlines_impl); Python/bltinmodule.c (builtin_print_impl); Lib/test/test_memoryio.py
# property: io.StringIO with the default newline: write returns the length and overwrites from the position, an overseek pads with NULs, read/readline with sizes, iteration and readlines by lines, seek/tell/truncate, close and the closed errors, the context manager, print(file=) writing str(arg), sep and end through write; the object's size and GC tracking
import io, gc, sys
s = io.StringIO()
print(s.write('hello'), s.write(' world\n'), s.tell(), repr(s.getvalue()))
print(s.seek(0), s.write('J'), repr(s.getvalue()), s.tell())
s.seek(20)
print(s.write('x'), repr(s.getvalue()))
s = io.StringIO('ab\ncd\n\nef')
print(repr(s.readline()), s.tell(), list(s), repr(s.read()), s.tell())
s.seek(0)
print(repr(s.read(3)), repr(s.readline(1)), repr(s.readline(-1)), repr(s.readline(None)), repr(s.read(100)), repr(s.read()))
s.seek(0)
print(s.readlines(), s.seek(0), s.readlines(4), s.seek(0, 2), s.seek(0, 1))
print(s.truncate(4), repr(s.getvalue()), s.tell(), s.truncate(), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed, s.newlines, s.line_buffering)
print(sys.getsizeof(io.StringIO()), sys.getsizeof(io.StringIO('x' * 1000)), gc.is_tracked(io.StringIO()))
def tryit(f, *args):
    try:
        print('ok', repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)
tryit(s.seek, -1)
tryit(s.seek, 1, 1)
tryit(s.seek, 0, 5)
tryit(s.write, 5)
tryit(s.truncate, -1)
tryit(s.read, 'x')
tryit(io.StringIO, 5)
tryit(io.StringIO, 'a', 'x')
s.close()
s.close()
print(s.closed)
tryit(s.write, 'x')
for f in (s.getvalue, s.read, s.tell, s.readline):
    tryit(f)
tryit(s.seek, 0)
tryit(next, iter([]))
tryit(iter, s)
with io.StringIO() as t:
    print('x', 1, [2.5], file=t, end='!')
    print(file=t)
    print('a', 'b', sep='--', file=t)
    print(repr(t.getvalue()))
print(t.closed)
buf = io.StringIO()
for i in range(3):
    print(i, i * i, file=buf)
print(buf.getvalue(), end='')
