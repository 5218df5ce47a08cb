# id: mod_65_posix_files
# source: python/cpython:Modules/posixmodule.c (os_open_impl, os_read_impl, os_write_impl, os_lseek_impl, os_close_impl, _posix_listdir, os_mkdir_impl, os_rmdir_impl, os_unlink_impl, internal_rename, os_access_impl, os_fspath_impl / PyOS_FSPath)
# property: file descriptors through posix.open/write/read/lseek/close (read returns fewer bytes at the
#   end, b'' after it); listdir without '.'/'..', str names for a str path or an fd, bytes for a bytes
#   path, '.' by default; mkdir/rename/replace/unlink/rmdir; access as a bool; fspath of str, bytes and
#   an os.PathLike, the TypeErrors; the bytes objects read are ordinary bytes (sizes)
import posix
import sys


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


base = (posix.environ.get(b"TMPDIR") or b"/tmp").decode()  # the files live in a directory of this run's own
name = "refheap_mod_65_" + str(posix.getpid())
d = base + "/" + name
posix.mkdir(P(d))
try:
    for fn in ["b.txt", "a.txt", "c.bin"]:
        fd = posix.open(d + "/" + fn, posix.O_RDWR | posix.O_CREAT, 0o600)
        print(fn, fd > 2, posix.write(fd, fn.encode() * 3), posix.lseek(fd, 0, 0), posix.read(fd, 4),
              posix.lseek(fd, 0, 1), posix.lseek(fd, -2, 2), posix.read(fd, 100), posix.read(fd, 100))
        posix.close(fd)
    fd = posix.open(d + "/a.txt", posix.O_RDONLY)
    data = posix.read(fd, 15)
    print(data, type(data).__name__, sys.getsizeof(data), sys.getrefcount(data))
    posix.close(fd)
    fd = posix.open(d + "/a.txt", posix.O_WRONLY | posix.O_APPEND)
    print(posix.write(fd, bytearray(b"++")), posix.fstat(fd).st_size)
    posix.close(fd)
    print(sorted(posix.listdir(d)), sorted(posix.listdir(d.encode())), sorted(posix.listdir(P(d))))
    dfd = posix.open(d, posix.O_RDONLY)
    print(sorted(posix.listdir(dfd)), sorted(posix.listdir(dfd)))
    posix.close(dfd)
    print(name in posix.listdir(base), posix.listdir() == posix.listdir(".") == posix.listdir(None),
          sorted(posix.listdir(b".")) == sorted(n.encode() for n in posix.listdir()))
    posix.rename(d + "/a.txt", d + "/a2.txt")
    posix.replace(P(d + "/b.txt"), d + "/a2.txt")
    posix.mkdir(d + "/sub")
    print(sorted(posix.listdir(d)), posix.stat(d + "/a2.txt").st_size)
    print(posix.access(d + "/a2.txt", posix.R_OK | posix.W_OK), posix.access(d + "/nope", posix.F_OK),
          posix.access(d, posix.X_OK))
    posix.rename(d + "/a2.txt", (d + "/a3.txt").encode())
    posix.rename((d + "/a3.txt").encode(), d + "/a2.txt")
    posix.rmdir(d + "/sub")
    posix.remove(d + "/a2.txt")
    posix.unlink(d + "/c.bin")
    print(posix.listdir(d))
finally:  # whatever an interrupted run left (an injected MemoryError, a failed step)
    for leftover in ["sub"] + [n for n in ["a.txt", "b.txt", "c.bin", "a2.txt", "a3.txt"] if posix.access(d + "/" + n, 0)]:
        try:
            (posix.rmdir if leftover == "sub" else posix.unlink)(d + "/" + leftover)
        except OSError:
            pass
    posix.rmdir(d)
print(name in posix.listdir(base))

print(posix.fspath("s"), posix.fspath(b"b"), posix.fspath(P("pl")), posix.fspath(P(b"pb")))
s = "a path"
print(posix.fspath(s) is s)
for bad in [1, None, P(1), P(None)]:
    try:
        posix.fspath(bad)
    except TypeError as e:
        print("TypeError", e)
