# id: mod_77_import_shutil_tempfile
# source: python/cpython:Lib/_compression.py (BaseStream(io.BufferedIOBase), DecompressReader(io.RawIOBase)); Lib/shutil.py (module body: COPY_BUFSIZE, _ntuple_diskusage, Error classes); Lib/tempfile.py (module body: template, TMP_MAX, _TemporaryFileWrapper, SpooledTemporaryFile); Lib/io.py
# property: `import shutil` and `import tempfile` run their module bodies to the end over the native io
#   (Lib/_compression.py's classes derive from io.BufferedIOBase/io.RawIOBase); their constants and
#   exception classes; _compression.BaseStream's checks raise io.UnsupportedOperation through the inherited
#   readable/writable/seekable, and DecompressReader inherits RawIOBase's read machinery
import sys
import io
import _compression
import shutil
import tempfile

print(_compression.BUFFER_SIZE, [c.__name__ for c in _compression.BaseStream.__mro__])
print([c.__name__ for c in _compression.DecompressReader.__mro__])
print(_compression.DecompressReader.readall is io.RawIOBase.readall,
      _compression.DecompressReader.readline is io.IOBase.readline,
      _compression.BaseStream.readinto is io.BufferedIOBase.readinto)


class Stream(_compression.BaseStream):
    def __init__(self, mode):
        self.mode = mode

    def readable(self):
        return "r" in self.mode

    def writable(self):
        return "w" in self.mode


for mode in ("r", "w"):
    s = Stream(mode)
    for check in (s._check_not_closed, s._check_can_read, s._check_can_write, s._check_can_seek):
        try:
            print(mode, check.__name__, check())
        except io.UnsupportedOperation as e:
            print(mode, check.__name__, "UnsupportedOperation:", e)
s.close()
try:
    s._check_not_closed()
except ValueError as e:
    print("closed:", e, s.closed)

print(shutil.COPY_BUFSIZE, issubclass(shutil.SameFileError, shutil.Error), issubclass(shutil.Error, OSError),
      issubclass(shutil.ReadError, OSError))
print([n for n in ("copyfileobj", "copyfile", "copy2", "copytree", "rmtree", "move", "which", "make_archive",
                   "unpack_archive", "get_terminal_size") if callable(getattr(shutil, n, None))])
print(tempfile.template, tempfile.TMP_MAX, tempfile.tempdir)
print([n for n in ("TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
                   "mkstemp", "mkdtemp", "mktemp", "gettempdir", "gettempprefix") if hasattr(tempfile, n)])
print(tempfile.gettempprefix(), tempfile.gettempprefixb(), issubclass(tempfile.SpooledTemporaryFile, io.IOBase))
print(sorted(m for m in ("abc", "_compression", "shutil", "tempfile", "fnmatch")
             if m in sys.modules))
