# id: mod_64_oserror_subclasses
# source: python/cpython:Objects/exceptions.c (OSError_new and its errnomap filled by _PyExc_InitState's ADD_ERRNO, oserror_parse_args, oserror_init, OSError_str, OSError_members); Lib/test/test_pep3151.py (HierarchyTest)
# property: PEP 3151's OSError subclasses are built-ins with their 3.3 hierarchy; OSError(errno, strerror)
#   itself makes the subclass its errno maps to (a subclass of OSError or OSError with another errno does
#   not), with 2 to 5 arguments only; errno/strerror/filename/filename2 members, args cut to two items when
#   a filename is given, str "[Errno e] s: 'f' -> 'g'"; the instances' sizes
import builtins
import errno
import sys

names = ["BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
         "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
         "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
         "TimeoutError"]
for n in names:
    c = getattr(builtins, n)
    print(n, [b.__name__ for b in c.__mro__], issubclass(c, OSError))

for code in ["ENOENT", "EEXIST", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "EAGAIN", "EWOULDBLOCK", "EINPROGRESS",
             "EALREADY", "EPIPE", "ESHUTDOWN", "ECHILD", "ECONNABORTED", "ECONNREFUSED", "ECONNRESET", "EINTR",
             "ESRCH", "ETIMEDOUT", "EINVAL", "ENOSPC"]:
    e = OSError(getattr(errno, code), "msg")
    print(code, type(e).__name__, e.errno, e.strerror)

print(type(OSError(errno.ENOENT)).__name__, type(OSError(errno.ENOENT, "a", "b", None, "c", "d")).__name__,
      type(OSError("2", "x")).__name__, type(OSError(2.0, "x")).__name__)
print(type(PermissionError(errno.ENOENT, "x")).__name__)


class MyError(OSError):
    pass


m = MyError(errno.ENOENT, "gone", "f")
print(type(m).__name__, m.errno, m.filename, m.args, str(m))

e = OSError(errno.ENOENT, "No such file or directory", "a.txt")
print(repr(e), str(e), e.args, e.filename, e.filename2)
e = OSError(errno.EXDEV, "Invalid cross-device link", "a", None, "b")
print(repr(e), str(e), e.args, e.filename, e.filename2)
e = OSError(errno.ENOENT, "msg", None)
print(repr(e), str(e), e.args, e.filename)
e = OSError(1, 2, 3, 4, 5, 6)
print(repr(e), str(e), e.args, e.errno, e.strerror, e.filename)
e = OSError("just a message")
print(repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
e = FileNotFoundError()
print(repr(e), str(e), e.args, e.errno)
print(sys.getsizeof(OSError()), sys.getsizeof(FileNotFoundError(2, "x")), sys.getsizeof(m))
try:
    raise OSError(errno.EEXIST, "File exists", "dir")
except FileExistsError as ex:
    print("caught", type(ex).__name__, ex)
try:
    raise FileNotFoundError(errno.ENOENT, "No such file or directory", "x")
except OSError as ex:
    print("caught", type(ex).__name__, ex)
