# id: mod_76_io_buffer_size
# source: python/cpython:Modules/_io/_iomodule.c (PyInit__io: PyModule_AddIntMacro(m, DEFAULT_BUFFER_SIZE)); Modules/_io/_iomodule.h (DEFAULT_BUFFER_SIZE 8 * 1024); Lib/io.py (from _io import DEFAULT_BUFFER_SIZE); Lib/_compression.py (BUFFER_SIZE)
# property: io.DEFAULT_BUFFER_SIZE and _io.DEFAULT_BUFFER_SIZE are the int 8192 (a one-digit int of 28 bytes), a module attribute listed by dir(); arithmetic with it as _compression and shutil do
import sys, io, _io
print(io.DEFAULT_BUFFER_SIZE, _io.DEFAULT_BUFFER_SIZE)
print(type(io.DEFAULT_BUFFER_SIZE).__name__, sys.getsizeof(io.DEFAULT_BUFFER_SIZE))
print('DEFAULT_BUFFER_SIZE' in dir(io), 'DEFAULT_BUFFER_SIZE' in dir(_io))
print(io.DEFAULT_BUFFER_SIZE == _io.DEFAULT_BUFFER_SIZE, io.DEFAULT_BUFFER_SIZE * 8, 1024 * 1024 // io.DEFAULT_BUFFER_SIZE)
print(hasattr(io, 'StringIO'), getattr(io, 'DEFAULT_BUFFER_SIZE', None))
