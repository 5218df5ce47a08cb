# id: io_02_fileio
# source: python/cpython:Modules/_io/fileio.c (_io_FileIO___init___impl, _io_FileIO_read_impl, _io_FileIO_readall_impl, _io_FileIO_readinto_impl, _io_FileIO_write_impl, portable_lseek, _io_FileIO_truncate_impl, _io_FileIO_close_impl, mode_string, fileio_repr, err_closed, err_mode); Modules/_io/iobase.c (iobase_finalize, iobase_iter, _io__IOBase_readline_impl); Lib/io.py (RawIOBase.register(FileIO)); Lib/test/test_fileio.py
# property: _io.FileIO over a real file: the modes r/w/a/x/+ and their mode strings, write/read/readall/readinto/seek/tell/truncate, readline/iteration inherited from _IOBase, the repr (open, closed, fd only), the closed and wrong-mode errors (ValueError, io.UnsupportedOperation), FileNotFoundError/IsADirectoryError/FileExistsError with errno and filename, the invalid-mode messages, closefd=False, opener, and close() when an unclosed FileIO dies (its fd no longer valid); GC tracking
import _io, io, os, sys, gc
n = 0  # a directory of its own: one left by a killed run (the oom sweep) may have this pid
while True:
    d = "/tmp/refheap_io_02_%d_%d" % (os.getpid(), n)
    try:
        os.mkdir(d)
        break
    except OSError as e:  # FileExistsError; 2.7 (the py27 profile's oracle) raises OSError
        if e.errno != 17:  # EEXIST
            raise
        n += 1
fn = os.path.join(d, "f.bin")
f = _io.FileIO(fn, "w")
print(repr(f).replace(fn, "F"), f.mode, f.closefd, f.closed, f.readable(), f.writable(), f.seekable())
print(f.write(b"hello\nworld\n"), f.tell(), f.seek(0), f.seek(0, 2))
print(isinstance(f, _io._RawIOBase), isinstance(f, io.RawIOBase), type(f).__mro__)
try: f.read()
except io.UnsupportedOperation as e: print(type(e).__name__, e)
f.close(); print(repr(f), f.closed)
try: f.write(b"x")
except ValueError as e: print("ValueError", e)
with _io.FileIO(fn) as g:
    print(g.read(3), g.read(), g.read(), g.tell())
    g.seek(0); print(list(g))
    g.seek(0); print(g.readline(), g.readlines())
    b = bytearray(4); g.seek(0); print(g.readinto(b), b, g.readall())
print(g.closed)
try: _io.FileIO(os.path.join(d, "nope"))
except FileNotFoundError as e: print(e.errno, e.strerror, e.filename == os.path.join(d, "nope"))
try: _io.FileIO("/tmp/iofile_none_x", "rw")
except ValueError as e: print(e)
try: _io.FileIO(fn, "q")
except ValueError as e: print(e)
try: _io.FileIO(d)
except IsADirectoryError as e: print("IsADirectoryError", e.errno)
a = _io.FileIO(fn, "a+"); print(a.mode, a.tell()); a.write(b"!"); a.truncate(3); a.seek(0); print(a.read()); a.close()
x = _io.FileIO(fn, "rb"); fd = x.fileno(); del x
try: os.fstat(fd)
except OSError as e: print("closed on free", e.errno)
y = _io.FileIO(os.open(fn, os.O_RDONLY), closefd=False); print(repr(y)[:16], y.name == fd, y.closefd, y.mode); y.close()
print(gc.is_tracked(_io.FileIO(fn)))
try: _io.FileIO(fn, "x")
except FileExistsError as e: print("FileExistsError", e.errno, e.strerror)
fx = os.path.join(d, "new.bin")
with _io.FileIO(fx, "x") as w: print(w.mode, w.write(bytearray(b"abc")), repr(w).replace(fx, "F"))
try: _io.FileIO(fx, "rw+")
except ValueError as e: print(e)
try: _io.FileIO(fx, "r++")
except ValueError as e: print(e)
try: _io.FileIO(fx, "b")
except ValueError as e: print(e)
try: _io.FileIO(fx, 1)
except TypeError as e: print(e)
try: _io.FileIO(fx, closefd=False)
except ValueError as e: print(e)
try: _io.FileIO(-1)
except ValueError as e: print(e)
try: _io.FileIO(1.5)
except TypeError as e: print(e)
seen = []
def opener(path, flags):
    seen.append(path == fx)
    return os.open(path, flags)
with _io.FileIO(fx, "r+", opener=opener) as o:
    print(seen, o.mode, o.read(), o.seek(1), o.write(b"Z"), o.seek(0), o.read(), o.truncate(), o.truncate(1), o.seek(0, 0), o.read())
    try: o.write("s")
    except TypeError as e: print(e)
    try: o.seek(1.0)
    except TypeError as e: print(e)
print(f.closed, g.closed, o.closed)
for p in (fn, fx): os.remove(p)
os.rmdir(d)
