# id: mod_67_import_os
# source: python/cpython:Lib/os.py (the posix branch, _Environ / _createenviron, makedirs, removedirs, fspath); Lib/posixpath.py; Lib/genericpath.py; Lib/stat.py; Modules/posixmodule.c underneath
# property: `import os` runs Lib's os.py to its end over the native posix: os.name, os.sep/curdir/linesep,
#   os.path is posixpath, os.environ an _Environ over posix.environ (str keys and values, setting it calls
#   putenv), os.fspath, os.makedirs/removedirs, os.path.exists/isdir/isfile/getsize/join/split/abspath,
#   os.stat returning os.stat_result, os.SEEK_* from os.py, the exceptions its helpers raise
import os
import posix
import stat
import sys

print(os.name, repr(os.sep), repr(os.curdir), repr(os.linesep), os.path.__name__, sys.modules["os.path"] is os.path)
print(type(os.environ).__name__, os.environ._data is posix.environ, "PATH" in os.environ)
os.environ["MOD67_VAR"] = "value"
print(os.environ["MOD67_VAR"], posix.environ[b"MOD67_VAR"], os.getenv("MOD67_VAR"), os.environb[b"MOD67_VAR"])
del os.environ["MOD67_VAR"]
print(os.getenv("MOD67_VAR", "gone"), b"MOD67_VAR" in posix.environ)
print(os.fspath("a"), os.fspath is posix.fspath, os.path.join("a", "b", "c"), os.path.split("/x/y.py"),
      os.path.splitext("f.tar.gz"), os.path.basename("/a/b"), os.path.dirname("/a/b"))
print(os.path.abspath(".") == os.getcwd(), os.path.isabs("/a"), os.path.normpath("a//b/../c"))
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.stat_result is posix.stat_result, os.error is OSError)
base = (os.environ.get("TMPDIR") or "/tmp")  # the files live in a directory of this run's own
name = "refheap_mod_67_" + str(posix.getpid())
d = base + "/" + name
try:
    os.makedirs(os.path.join(d, "x", "y"))
    try:
        os.makedirs(os.path.join(d, "x"))
    except FileExistsError as e:
        print("FileExistsError", str(e).replace(d, "TMP"))
    os.makedirs(os.path.join(d, "x"), exist_ok=True)
    f = os.path.join(d, "x", "f.txt")
    fd = os.open(f, os.O_WRONLY | os.O_CREAT)
    os.write(fd, b"12345")
    os.close(fd)
    print(os.path.exists(d), os.path.isdir(d), os.path.isfile(d), os.path.isfile(f), os.path.getsize(f),
          os.path.exists(d + "/nope"), os.path.islink(f))
    st = os.stat(f)
    print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(d).st_mode), stat.filemode(st.st_mode)[0])
    print(sorted(os.listdir(os.path.join(d, "x"))))
    os.remove(f)
    os.removedirs(os.path.join(d, "x", "y"))
    print(os.path.exists(d))
finally:  # whatever an interrupted run left
    for leftover in [os.path.join(d, "x", "f.txt")]:
        if os.path.exists(leftover):
            os.remove(leftover)
    for leftover in [os.path.join(d, "x", "y"), os.path.join(d, "x"), d]:
        if os.path.isdir(leftover):
            os.rmdir(leftover)
try:
    os.remove(f)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename == f)
print(sorted(n for n in ["getcwd", "stat", "listdir", "mkdir", "environ", "fspath", "makedirs", "walk"] if hasattr(os, n)))
