# id: mod_62_posix_stat
# source: python/cpython:Modules/posixmodule.c (posix_do_stat, _pystat_fromstructstat, fill_time, os_fstat_impl, stat_result_desc); Objects/structseq.c (PyStructSequence_New, structseq_repr); Lib/test/test_os.py (StatAttributeTests)
# property: posix.stat/lstat/fstat of a file the case makes return an os.stat_result: 10 items in the
#   sequence (st_mode .. st_size, then the integer times), st_* attributes (float st_atime, int st_atime_ns,
#   st_blksize/st_blocks/st_rdev hidden), 3.11's repr (the integer times labelled st_atime=...) and
#   getsizeof (120: the hidden fields left out), tuple behaviour (len, slicing, ==, hash), refcounts
import posix
import sys

base = (posix.environ.get(b"TMPDIR") or b"/tmp").decode()  # the files live in a directory of this run's own
name = "refheap_mod_62_" + str(posix.getpid())
d = base + "/" + name
posix.mkdir(d, 0o755)
try:
    p = d + "/f.txt"
    fd = posix.open(p, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print("written", posix.write(fd, b"hello, stat"))
    posix.close(fd)
    st = posix.stat(p)
    print(type(st).__name__, type(st) is posix.stat_result, isinstance(st, tuple))
    print("size", st.st_size, st[6], "mode", oct(st.st_mode & 0o777), st.st_mode >> 12, "nlink", st.st_nlink)
    print("len", len(st), "getsizeof", sys.getsizeof(st), "tracked-sized like a 10-tuple", sys.getsizeof(tuple(st)))
    print("types", [type(x).__name__ for x in st])
    print("hidden", type(st.st_atime).__name__, type(st.st_mtime_ns).__name__, type(st.st_blksize).__name__,
          type(st.st_blocks).__name__, type(st.st_rdev).__name__)
    print("times agree", st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime), st.st_ctime_ns // 10**9 == st[9])
    print("ino/dev", st.st_ino == st[1], st.st_dev == st[2], st.st_uid == posix.getuid())
    r = repr(st)
    print(r[:r.index("(") + 1], [f.split("=")[0] for f in r[r.index("(") + 1:-1].split(", ")])
    print("slice", st[:2] == (st.st_mode, st.st_ino), type(st[:2]).__name__, st[-1] == st[9])
    print("eq", st == tuple(st), hash(st) == hash(tuple(st)))
    lst = posix.lstat(p)
    print("lstat", lst == st, posix.stat(p, follow_symlinks=False) == st)
    fd = posix.open(p, posix.O_RDONLY)
    print("fstat", posix.fstat(fd) == st, posix.stat(fd).st_size)
    posix.close(fd)
    dst = posix.stat(d)
    print("dir", dst.st_mode >> 12, oct(dst.st_mode & 0o777 & ~0o022))
    x = posix.stat(p)
    print("refcount", sys.getrefcount(x), sys.getrefcount(x.st_ino), sys.getrefcount(x.st_atime_ns))
    try:
        st.st_size = 1
    except AttributeError as e:
        print("AttributeError", type(e).__name__)
    try:
        st.nope
    except AttributeError as e:
        print("AttributeError", e)
finally:
    for n in posix.listdir(d):
        posix.unlink(d + "/" + n)
    posix.rmdir(d)
print(name in posix.listdir(base))
