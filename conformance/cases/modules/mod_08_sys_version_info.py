# id: mod_08_sys_version_info
# source: python/cpython:Python/sysmodule.c (make_version_info, VersionInfoType); Objects/structseq.c (PyStructSequence_New, structseq_repr, structseq_dealloc, the members); Objects/abstract.c (PySequence_Tuple: an exact tuple is returned as it is, a struct sequence copied)
# property: sys.version_info is a struct sequence of the mirrored interpreter's version: a tuple subtype (80
#   bytes for 5 fields in 3.x, an untracked GC object; 64 without GC head in 2.7) with the fields as
#   attributes, repr naming them, comparison with tuples, indexing and slicing to plain tuples, hashing as
#   the equal tuple, tuple() copying it, unpacking; the AttributeError of another name
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import sys

v = sys.version_info
print(sys.getsizeof(v), gc.is_tracked(v), type(v), len(v), v is sys.version_info)
print(v)
print(repr(v), str(v) == repr(v))
print(v[:2], v[0] == v.major, v[-1] == v.serial, v[1:], type(v[:2]).__name__)
print(v >= (3, 8), v < (4,), v > (2,), v == tuple(v), v != tuple(v), hash(v) == hash(tuple(v)))
t = tuple(v)
print(type(t).__name__, t is v, t, list(v), v.index(v.micro), v.count(0))
print(v.major, v.minor, v.micro, v.releaselevel, v.serial, v.releaselevel is sys.version_info.releaselevel)
major, minor, micro, level, serial = v
print(major, minor, level, "%d.%d" % v[:2], "%d.%d.%d" % (v.major, v.minor, v.micro))
print(sys.hexversion >> 24 == v.major, (sys.hexversion >> 16) & 255 == v.minor, sys.version.startswith("%d.%d" % v[:2]))
try:
    v.foo
except AttributeError as e:
    print("AttributeError", e)
for x in v:
    print(x, end=" ")
print()
d = {v: 1}
print(d[tuple(v)], tuple(v) in d, sorted([v, (3, 0), (2, 9)])[-1] == v)
