# id: exc_13_hierarchy_per_version
# source: python/cpython:Objects/exceptions.c (the SimpleExtendsException/MiddlingExtendsException/ComplexExtendsException table; 2.7: StandardError, EnvironmentError, IOError); Python/errors.c (PyErr_SetFromErrnoWithFilenameObject); Modules/_io/fileio.c (2.7 and 3.x: the error of a failed open); Lib/test/exception_hierarchy.txt
# property: the built-in exception hierarchy of the profile: in 2.7 StandardError sits between Exception and every error but StopIteration and Warning, EnvironmentError above IOError and OSError, and open() of a missing file raises IOError (errno, strerror, filename); in 3.x EnvironmentError and IOError are OSError itself and open() raises FileNotFoundError, chosen by errno (PEP 3151); an IOError built by hand keeps its three arguments
from __future__ import print_function
names = ["StandardError", "EnvironmentError", "IOError", "OSError", "ValueError", "StopIteration", "Warning", "UserWarning", "KeyError", "ZeroDivisionError", "UnicodeDecodeError", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "MemoryError", "SyntaxError", "IndentationError", "AssertionError", "RuntimeError", "NotImplementedError", "ReferenceError", "BufferError", "EOFError", "ImportError", "SystemError", "TypeError", "AttributeError", "NameError", "UnboundLocalError", "LookupError", "ArithmeticError"]
for n in names:
    try:
        c = eval(n)
    except NameError:
        print(n, "-")
        continue
    print(n, [b.__name__ for b in c.__mro__])
try:
    open("/nonexistent/file")
except IOError as e:
    print("IOError caught", type(e).__name__, e.errno, e.strerror, e.filename, isinstance(e, EnvironmentError), isinstance(e, OSError))
e = IOError(2, "x", "f")
print(e.errno, e.strerror, e.filename, str(e), repr(e))
