# id: mod_63_posix_errors
# source: python/cpython:Modules/posixmodule.c (path_converter, path_error, path_error2, posix_error, argument errors of the clinic wrappers); Python/errors.c (PyErr_SetFromErrnoWithFilenameObjects); Objects/exceptions.c (OSError_new errnomap, oserror_init, OSError_str)
# property: a failing posix call raises OSError(errno, strerror(errno), filename) made by OSError's
#   constructor, so the class is the PEP 3151 subclass by errno (FileNotFoundError, FileExistsError,
#   NotADirectoryError, ...), args is (errno, strerror), str names the file (both files for rename), a
#   call without a path has no filename; a path of the wrong type is a TypeError naming the function and
#   the argument; an embedded NUL a ValueError; the argument-count errors
import posix

base = (posix.environ.get(b"TMPDIR") or b"/tmp").decode()  # the files live in a directory of this run's own
name = "refheap_mod_63_" + str(posix.getpid())
d = base + "/" + name
posix.mkdir(d)
try:
    open_fd = posix.open(d + "/file", posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL)
    posix.close(open_fd)
    cases = [
        ("stat", (d + "/missing",)), ("lstat", (d + "/missing",)), ("mkdir", (d,)), ("rmdir", (d,)),
        ("rmdir", (d + "/file",)), ("unlink", (d + "/missing",)), ("remove", (d,)), ("listdir", (d + "/file",)),
        ("listdir", (d + "/missing",)), ("open", (d + "/missing", posix.O_RDONLY)),
        ("open", (d + "/file", posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL)), ("open", (d, posix.O_WRONLY)),
        ("rename", (d + "/missing", d + "/other")), ("replace", (d + "/file", d + "/missing/x")),
        ("close", (987,)), ("fstat", (987,)), ("read", (987, 1)), ("write", (987, b"x")), ("lseek", (987, 0, 0)),
        ("stat", ((d + "/missing").encode(),)),
    ]
    for name, args in cases:
        try:
            getattr(posix, name)(*args)
            print(name, "no error")
        except OSError as e:
            line = [name, type(e).__name__, e.errno, repr(e.strerror), repr(e.filename), repr(e.filename2), e.args]
            print(" ".join(str(x) for x in line).replace(d, "TMP"))
            print("   ", str(e).replace(d, "TMP"))
            print("   ", repr(e).replace(d, "TMP"))
finally:
    if posix.access(d + "/file", posix.F_OK):
        posix.unlink(d + "/file")
    posix.rmdir(d)

for bad in [None, 1.5, [1], object]:
    try:
        posix.stat(bad)
    except TypeError as e:
        print("TypeError", e)
for fn in ["mkdir", "rmdir", "unlink", "listdir", "lstat"]:
    try:
        getattr(posix, fn)(2.5)
    except TypeError as e:
        print("TypeError", e)
for fn, arg in [("stat", "a\0b"), ("stat", b"a\0b"), ("mkdir", b"x\0")]:
    try:
        getattr(posix, fn)(arg)
    except ValueError as e:
        print("ValueError", e)
for call in [lambda: posix.stat(), lambda: posix.stat("a", "b"), lambda: posix.stat("a", bad=1),
             lambda: posix.mkdir("a", path="b"), lambda: posix.getpid(1), lambda: posix.close("x"),
             lambda: posix.write(1, "text"), lambda: posix.urandom(-1), lambda: posix.read(0, -1)]:
    try:
        call()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
