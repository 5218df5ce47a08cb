# id: io_03_buffered
# source: python/cpython:Modules/_io/bufferedio.c (_io_BufferedReader___init___impl, _io_BufferedWriter___init___impl, _io__Buffered_read_impl, _io__Buffered_read1_impl, _io__Buffered_peek_impl, _buffered_readline, _io__Buffered_readinto_impl, _io_BufferedWriter_write_impl, _bufferedwriter_flush_unlocked, _io__Buffered_seek_impl, _io__Buffered_tell_impl, _io__Buffered_truncate_impl, buffered_close, _io__Buffered_detach_impl, buffered_repr); Lib/io.py (BufferedIOBase.register); Lib/test/test_io.py (BufferedReaderTest, BufferedWriterTest, BufferedRandomTest)
# property: BufferedWriter keeps writes until buffer_size is reached (the file's size shows when bytes reach it), flush and close write them, an unclosed writer is flushed when it dies; BufferedReader's read/read1/peek/readline/readinto/iteration/readlines and tell across the read-ahead, relative seeks; BufferedRandom mixing reads and writes; detach; the closed/detached/not-readable/buffer-size errors and the reprs
import _io, io, os, gc
n = 0  # a directory of its own: one left by a killed run (the oom sweep) may have this pid
while True:
    d = "/tmp/refheap_io_03_%d_%d" % (os.getpid(), n)
    try:
        os.mkdir(d)
        break
    except OSError as e:  # FileExistsError; 2.7 (the py27 profile's oracle) raises OSError
        if e.errno != 17:  # EEXIST
            raise
        n += 1
fn = os.path.join(d, "b.bin")
w = _io.BufferedWriter(_io.FileIO(fn, "w"), 8)
print(repr(w).replace(fn, "F"), w.mode, w.write(b"abc"), w.tell(), os.path.getsize(fn), w.write(b"defghij\nkl\n"), os.path.getsize(fn))
w.flush(); print(os.path.getsize(fn), w.closed, w.raw.closed, w.writable(), w.readable(), w.seekable())
w.close(); print(w.closed)
try: w.write(b"x")
except ValueError as e: print(e)
try: w.flush()
except ValueError as e: print(e)
r = _io.BufferedReader(_io.FileIO(fn), 4)
print(repr(r).replace(fn, "F"), r.read(2), r.tell(), r.peek()[:1], r.read1(3), r.readline(), r.tell(), list(r), r.read(), r.read(5))
r.seek(1); print(r.read(3), r.seek(-2, 1), r.read(), r.seek(0), r.readlines())
b = bytearray(5); r.seek(0); print(r.readinto(b), b)
raw = r.detach(); print(raw.closed, repr(raw).replace(fn, "F"))
try: r.read()
except ValueError as e: print(e)
try: repr(r)
except ValueError as e: print(e)
raw.close()
with _io.BufferedRandom(_io.FileIO(fn, "r+")) as rw:
    print(rw.read(3), rw.write(b"XY"), rw.tell(), rw.seek(0), rw.read(6), rw.truncate(4), rw.seek(0, 2))
print(rw.closed, isinstance(rw, io.BufferedIOBase), isinstance(rw, _io._BufferedIOBase))
try: _io.BufferedWriter(_io.FileIO(fn))
except io.UnsupportedOperation as e: print(e)
try: _io.BufferedReader(_io.FileIO(fn), 0)
except ValueError as e: print(e)
x = _io.BufferedWriter(_io.FileIO(fn, "w")); x.write(b"zz"); del x
print(os.path.getsize(fn))
r = _io.BufferedReader(_io.FileIO(fn)); r.close()
try: r.read()
except ValueError as e: print(e)
os.remove(fn); os.rmdir(d)
