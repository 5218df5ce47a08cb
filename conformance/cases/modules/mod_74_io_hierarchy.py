# id: mod_74_io_hierarchy
# source: python/cpython:Lib/io.py (IOBase/RawIOBase/BufferedIOBase/TextIOBase over _io's bases, metaclass=abc.ABCMeta; the registrations; UnsupportedOperation.__module__); Modules/_io/_iomodule.c (PyInit__io: UnsupportedOperation = (OSError, ValueError), DEFAULT_BUFFER_SIZE); Modules/_io/iobase.c (iobase_unsupported); Lib/test/test_io.py (test_abcs, test_abc_inheritance)
# property: io's ABCs are abc.ABCMeta instances whose __mro__ runs through _io._IOBase & co.; io re-exports
#   _io's names (io.open is _io.open is open); TextIOBase registers StringIO; UnsupportedOperation derives
#   from OSError and ValueError, is io's, and carries the base methods' messages; Python subclasses are
#   abstract-free ABC instances, tracked and with a __dict__
import io, _io, abc, gc, sys

print(type(io.IOBase) is abc.ABCMeta, type(_io._IOBase) is type)
for c in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase):
    print(c.__name__, c.__module__, [k.__module__ + "." + k.__qualname__ for k in c.__mro__])
print(_io._IOBase, _io._RawIOBase.__bases__, _io._BufferedIOBase.__base__, _io._TextIOBase.__module__)
print(io.UnsupportedOperation, io.UnsupportedOperation.__mro__)
print(io.UnsupportedOperation is _io.UnsupportedOperation, io.BlockingIOError is BlockingIOError)
print(io.open is _io.open, open is io.open, io.StringIO is _io.StringIO)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase),
      issubclass(io.StringIO, io.BufferedIOBase), issubclass(io.RawIOBase, io.IOBase))
print(issubclass(io.TextIOBase, _io._IOBase), issubclass(io.BufferedIOBase, io.RawIOBase))
for name in ("IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase", "UnsupportedOperation", "open"):
    print(name, hasattr(io, name), hasattr(_io, "_" + name) or hasattr(_io, name))


class Raw(io.RawIOBase):
    pass


class Buf(io.BufferedIOBase):
    pass


class Text(io.TextIOBase):
    pass


r, b, t = Raw(), Buf(), Text()
print(isinstance(r, io.IOBase), isinstance(r, io.BufferedIOBase), isinstance(b, io.BufferedIOBase),
      isinstance(t, _io._TextIOBase), isinstance(t, io.RawIOBase))
print(Raw.__abstractmethods__, gc.is_tracked(r), sys.getrefcount(r), r.__dict__)
print([m for m in ("read", "readall", "readinto", "write", "read1", "readinto1", "detach", "encoding")
       if hasattr(Raw, m)], [m for m in ("read1", "readinto1", "detach") if hasattr(Buf, m)])
print(r.readable(), r.writable(), r.seekable(), r.closed, r.isatty(), r.flush(), t.encoding, t.newlines, t.errors)
calls = [("seek", (0,)), ("tell", ()), ("truncate", ()), ("fileno", ()), ("_checkReadable", ()),
         ("_checkWritable", ()), ("_checkSeekable", ())]
for obj in (r, b, t):
    for m, args in calls + [("detach", ()), ("read", ()), ("write", ("x",)), ("read1", ()), ("readline", ())]:
        if not hasattr(obj, m):
            continue
        try:
            print(type(obj).__name__, m, repr(getattr(obj, m)(*args)))
        except io.UnsupportedOperation as e:
            print(type(obj).__name__, m, "UnsupportedOperation:", e, isinstance(e, OSError), isinstance(e, ValueError), e.errno)
        except (AttributeError, NotImplementedError, TypeError) as e:
            print(type(obj).__name__, m, type(e).__name__, e.args)
try:
    r.readinto(bytearray(2))
except NotImplementedError as e:
    print("readinto NotImplementedError", e.args)
try:
    raise io.UnsupportedOperation("own message")
except ValueError as e:
    print(type(e).__name__, e, e.args)
