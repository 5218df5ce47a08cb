# id: mod_72_scandir
# source: python/cpython:Modules/posixmodule.c (os_symlink_impl, os_scandir_impl, ScandirIterator_iternext, ScandirIterator_closedir, ScandirIterator_exit, DirEntry_from_posix_info, join_path_filename, DirEntry_test_mode, DirEntry_fetch_stat, DirEntry_get_stat, DirEntry_repr, DirEntry_fspath); Lib/shutil.py (rmtree, _rmtree_unsafe); Lib/os.py (walk); Lib/test/test_os.py TestScandir
# property: os.scandir(path) iterates the entries but '.' and '..' as posix.DirEntry objects: name, path
#   (joined with one '/', './name' for scandir(), the name alone for an fd), is_dir/is_file/is_symlink with
#   follow_symlinks (keyword-only), stat() cached, inode() agreeing with os.stat, __fspath__, repr
#   <DirEntry 'name'>; bytes in, bytes out; the iterator is a context manager whose close() ends it;
#   sizes 72/104, neither tracked; the errors; so os.walk and shutil.rmtree work
import gc
import os
import shutil
import sys
import tempfile

top = tempfile.mkdtemp()
os.mkdir(os.path.join(top, "sub"))
os.mkdir(os.path.join(top, "sub", "deeper"))
for rel in ("a.txt", "b.txt", os.path.join("sub", "c.txt"), os.path.join("sub", "deeper", "d.txt")):
    fd = os.open(os.path.join(top, rel), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, rel.encode())
    os.close(fd)
os.symlink("sub", os.path.join(top, "link"))
os.symlink("missing", os.path.join(top, "dangling"))


def show(e):
    return (e.name, e.path[len(top):], e.is_dir(), e.is_dir(follow_symlinks=False), e.is_file(),
            e.is_file(follow_symlinks=False), e.is_symlink())


with os.scandir(top) as it:
    print(type(it).__name__, iter(it) is it, it.__enter__() is it, sys.getsizeof(it), gc.is_tracked(it))
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(show(e))
e = entries[0]
print(type(e), repr(e), os.fspath(e) == e.path, sys.getsizeof(e), gc.is_tracked(e))
print(e.inode() == os.stat(e.path).st_ino, e.stat().st_size, e.stat() is e.stat(), e.stat(follow_symlinks=False) is e.stat())
link = [x for x in entries if x.name == "link"][0]
print(link.stat() is link.stat(follow_symlinks=False), link.stat().st_ino == os.stat(os.path.join(top, "sub")).st_ino)
dangling = [x for x in entries if x.name == "dangling"][0]
try:
    dangling.stat()
except FileNotFoundError as x:
    print("FileNotFoundError", x.errno, x.filename == dangling.path)

print(sorted(x.name for x in os.scandir(os.fsencode(top))))
cwd = os.getcwd()
os.chdir(top)
print(sorted(x.path for x in os.scandir()), sorted(x.path for x in os.scandir(None)))
fd = os.open(".", os.O_RDONLY)
print(sorted((x.name, x.path, x.is_dir()) for x in os.scandir(fd)))
print(sorted(x.name for x in os.scandir(fd)))
os.close(fd)
os.chdir(cwd)

it = os.scandir(top)
first = next(it)
it.close()
print(list(it), it.close(), it.__exit__(None, None, None))
for call in (lambda: os.scandir(1.5), lambda: os.scandir(os.path.join(top, "nope")), lambda: e.is_dir(True),
             lambda: e.stat(1), lambda: e.is_symlink(1), lambda: os.DirEntry(), lambda: os.scandir(top, top)):
    try:
        call()
    except (TypeError, OSError) as x:
        print(type(x).__name__, str(x).replace(top, "<top>"))
print(os.DirEntry, os.DirEntry[str])

walked = [(d[len(top):], sorted(ds), sorted(fs)) for d, ds, fs in os.walk(top)]
print(sorted(walked))
print(sorted((d[len(top):], sorted(fs)) for d, ds, fs in os.walk(top, topdown=False, followlinks=True)))
shutil.rmtree(top)
print(os.path.exists(top))
