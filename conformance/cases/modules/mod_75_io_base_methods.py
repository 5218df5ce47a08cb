# id: mod_75_io_base_methods
# source: python/cpython:Modules/_io/iobase.c (_io__IOBase_close_impl, _io__IOBase_flush_impl, iobase_closed_get, iobase_check_closed, iobase_enter/exit, iobase_iter/iternext, _io__IOBase_readline_impl, _io__IOBase_readlines_impl, _io__IOBase_writelines, _io__IOBase_tell_impl, _io__RawIOBase_read_impl, _io__RawIOBase_readall_impl); Modules/_io/bufferedio.c (_bufferediobase_readinto_generic); Lib/_compression.py (DecompressReader); Lib/test/test_io.py
# property: what Python subclasses inherit: RawIOBase.read(n) through the subclass's readinto on a fresh
#   bytearray (None passed through), read()/readall() through read(DEFAULT_BUFFER_SIZE) until b"";
#   readline byte by byte or as far as peek() shows, with its limit; iteration and readlines(hint); writelines
#   through write; tell as seek(0, 1); close calling flush once and marking __IOBase_closed even when flush
#   raises; the closed checks of flush/__enter__/iteration; BufferedIOBase.readinto(1) through read(1)
import io, gc, sys


class Reader(io.RawIOBase):
    """DecompressReader's shape: readable, readinto filling the caller's buffer"""

    def __init__(self, data, log=None):
        self._data, self._pos, self.log = data, 0, log

    def readable(self):
        return True

    def readinto(self, b):
        if self.log is not None:
            self.log.append(len(b))
        chunk = self._data[self._pos:self._pos + len(b)]
        b[:len(chunk)] = chunk
        self._pos += len(chunk)
        return len(chunk)


log = []
r = Reader(b"alpha\nbeta\ngamma", log)
print(r.read(3), r.read(0), r.readline(), r.readline(2), r.read(), r.read(), log)
big = Reader(bytes(range(256)) * 40, [])
data = big.read()
print(len(data), data[:4], data[-2:], big.log)
print(list(Reader(b"a\nbb\n\nccc")), Reader(b"x\ny\nz\n").readlines(), Reader(b"x\ny\nz\n").readlines(2),
      Reader(b"x\ny\nz\n").readlines(0), Reader(b"xy").readlines(None))
it = iter(Reader(b"1\n2"))
print(it.__next__(), next(it), next(it, "end"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)


class NoData(io.RawIOBase):
    def readinto(self, b):
        return None


print(NoData().read(4), NoData().read(), NoData().readall())


class Peeker(io.BufferedIOBase):
    def __init__(self, data):
        self.data, self.reads = data, []

    def peek(self, n=0):
        return self.data[:8]

    def read(self, n=-1):
        self.reads.append(n)
        out, self.data = (self.data, b"") if n < 0 else (self.data[:n], self.data[n:])
        return out

    def read1(self, n=-1):
        return self.read(min(n, 2))


p = Peeker(b"hello\nworld, longer line\nend")
print(p.readline(), p.readline(), p.reads)
p = Peeker(b"abcdefgh")
ba = bytearray(5)
print(p.readinto(ba), ba, p.readinto1(ba), ba, p.readinto(bytearray()), p.reads)
for bad in (b"xx", "xx", 3):
    try:
        p.readinto(bad)
    except TypeError as e:
        print("TypeError:", e)


class Writer(io.RawIOBase):
    def __init__(self):
        self.out, self.flushes = [], 0

    def writable(self):
        return True

    def write(self, b):
        self.out.append(bytes(b))
        return len(b)

    def flush(self):
        self.flushes += 1
        return super().flush()

    def seek(self, pos, whence=0):
        return sum(map(len, self.out)) if (pos, whence) == (0, 1) else -1


w = Writer()
print(w.writelines([b"ab", bytearray(b"cd"), b"e"]), w.out, w.tell(), w._checkWritable())
with w as same:
    print(same is w, w.closed, w.flushes)
print(w.closed, w.flushes, w.__dict__.get("__IOBase_closed"))
w.close()
print(w.flushes)
for call in (lambda: w.flush(), lambda: w.__enter__(), lambda: iter(w), lambda: w.writelines([b"x"]),
             lambda: w.isatty(), lambda: w._checkClosed()):
    try:
        print(call())
    except ValueError as e:
        print("ValueError:", e)


class BadFlush(io.RawIOBase):
    def flush(self):
        raise OSError("disk full")


f = BadFlush()
try:
    f.close()
except OSError as e:
    print("close:", e, f.closed)
print(f.close(), f.closed)


class Closed(io.RawIOBase):
    closed = True


try:
    Closed().__enter__()
except ValueError as e:
    print("derived closed:", e)
print(Closed().flush(), gc.is_tracked(Closed()), sys.getrefcount(w))
try:
    Reader(b"").readline("1")
except TypeError as e:
    print("TypeError:", e)
