# id: io_04_open_text
# source: python/cpython:Modules/_io/_iomodule.c (_io_open_impl); Modules/_io/textio.c (_io_TextIOWrapper___init___impl, _io_TextIOWrapper_write_impl, _io_TextIOWrapper_read_impl, _textiowrapper_readline, _PyIO_find_line_ending, textiowrapper_iternext, _io_TextIOWrapper_tell_impl, _io_TextIOWrapper_seek_impl, _io_TextIOWrapper_close_impl, textiowrapper_repr); Lib/test/test_io.py (TextIOWrapperTest, MiscIOTest.test_attributes)
# property: open() layering FileIO -> Buffered* -> TextIOWrapper (buffering=0 gives the FileIO), the mode checks and their messages, text written with the newline translation of newline='\r\n', read back with universal newlines (None), newline='' and newline='\r', UTF-8 and latin-1 decoding, an unknown encoding's LookupError, tell/seek(0)/seek(0, 2) at line boundaries, append and r+ modes, the repr and attributes, print(file=), the closed errors, io.open is open
import io, os, sys
n = 0  # a directory of its own: one left by a killed run (the oom sweep) may have this pid
while True:
    d = "/tmp/refheap_io_04_%d_%d" % (os.getpid(), n)
    try:
        os.mkdir(d)
        break
    except OSError as e:  # FileExistsError; 2.7 (the py27 profile's oracle) raises OSError
        if e.errno != 17:  # EEXIST
            raise
        n += 1
fn = os.path.join(d, "t.txt")
with open(fn, "w") as f:
    print(repr(f).replace(fn, "F"), f.mode, f.encoding, f.errors, f.line_buffering, f.newlines, type(f.buffer).__name__, f.name == fn)
    print(f.write("héllo\nwörld\r\nthree\rfour"), f.tell())
    print("x", file=f)
print(f.closed)
with open(fn, "rb") as b: print(b.read())
with open(fn) as f:
    print(repr(f.readline()), f.tell(), repr(f.read(3)), f.readlines())
    f.seek(0); print(list(f)); print(f.tell())
with open(fn, newline="") as f: print(f.readlines())
with open(fn, newline="\r") as f: print(f.readlines())
with open(fn, encoding="latin-1") as f: print(repr(f.read(8)), f.encoding)
with open(fn, "a") as f: f.write("more\n")
with open(fn, "r+") as f: print(repr(f.read()), f.seek(0), f.write("H"), f.seek(0), repr(f.readline()))
for args in [("qq",), ("rw",), ("rb", 0, "utf-8"), ("rt+b",), ("r", 0), ("rr",)]:
    try: open(fn, *args)
    except ValueError as e: print(e)
try: open(os.path.join(d, "missing"))
except FileNotFoundError as e: print(e.errno, e.strerror)
try: open(fn, encoding="nope")
except LookupError as e: print(e)
try: open(3.5)
except TypeError as e: print(e)
with open(fn, "w", newline="\r\n") as f: f.write("a\nb\n")
with open(fn, "rb") as f: print(f.read())
raw = open(fn, "rb", buffering=0); print(type(raw).__name__, raw.read()); raw.close()
print(io.open is open, isinstance(open(fn), io.TextIOBase), io.TextIOWrapper is type(open(fn)))
t = open(fn); t.close()
for m in ("read", "readline", "tell"):
    try: getattr(t, m)()
    except ValueError as e: print(m, e)
try: t.write("x")
except ValueError as e: print("write", e)
with open(fn) as f:
    try: f.seek(1, 1)
    except io.UnsupportedOperation as e: print(e)
    print(f.seek(0, 2), repr(f.read()))
os.remove(fn); os.rmdir(d)
