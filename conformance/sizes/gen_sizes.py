#!/usr/bin/python3
"""Generate the object-size oracle tables: sys.getsizeof of objects that conformance/unit/test_sizes.c
(3.x) and conformance/sizes/test_sizes_py27.c (2.7) rebuild with the librefheap API.

  /usr/bin/python3 gen_sizes.py > sizes_py311.tsv                                (Debian's CPython 3.11)
  /root/.pyenv/versions/2.7.18/bin/python2.7 gen_sizes.py > sizes_py27.tsv       (CPython 2.7.18, UCS4)

Columns: kind, parameter, size. Each kind is a recipe both sides follow:
  int N            int(N)                       (2.7: an int, or a long beyond 2**63 - 1)
  float X          float(X)
  str_ascii N      'a' * N                      (2.7: a str, i.e. bytes)
  str_latin1 N     '\u00e9' * N                 (2.7: the str a UTF-8 source literal of that character * N
  str_ucs2 N       '\u20ac' * N                  its UTF-8 bytes, 2, 3 and 4 per character)
  str_ucs4 N       '\U0001f600' * N
  tuple N          tuple of N small ints
  list_append N    [] then N appends
  list_repeat N    [None] * N
  list_range N     the list range(N) makes: list(range(N)) in 3.x, range(N) in 2.7 (both exact size)
  list_display N   a list built by a display of N items (BUILD_LIST: exact size)
  dict_str N       {} then N distinct str keys inserted
  dict_int N       {} then N distinct int keys inserted
  dict_delete N    8 str keys inserted, then N of them deleted
  dict_churn N     2.7 only: 21 str keys inserted, 15 deleted, then N int keys 7*i inserted (2.7 reuses
                   the dummies of deleted keys, so its fill, not its size, decides when it resizes)
  range N          range(N)                     (2.7: xrange(N))
  instance N       instance of a class without bases after N attributes set in __init__
                   (2.7: an old-style instance)
  slots N          instance of a class with N __slots__
  singleton name   None, True, False, (), ''
"""
from __future__ import print_function

import sys

PY2 = sys.version_info[0] == 2

rows = []


def add(kind, param, obj):
    rows.append((kind, str(param), sys.getsizeof(obj)))


for v in [0, 1, -1, 255, 256, 257, 2**30 - 1, 2**30, -2**30, 2**60 - 1, 2**60, 2**62,
          2**63 - 1, -2**63, 2**64 - 1]:
    add("int", v, int(str(v)))
for x in [0.0, 1.5, -2.25, 1e300]:
    add("float", x, float(str(x)))
for n in [0, 1, 2, 7, 8, 15, 16, 100, 1000]:
    add("str_ascii", n, "".join(["a"] * n))


def text(unit):
    """A one-character str as a program literal makes it: code points in 3.x, UTF-8 bytes in 2.7."""
    return unit.encode("utf-8") if PY2 else unit


for n in [1, 2, 10]:
    add("str_latin1", n, "".join([text(u"\u00e9")] * n))
    add("str_ucs2", n, "".join([text(u"\u20ac")] * n))
    add("str_ucs4", n, "".join([text(u"\U0001f600")] * n))
for n in [0, 1, 2, 3, 10, 20, 21]:
    add("tuple", n, tuple(range(n)))
for n in list(range(0, 41)) + [100, 1000]:
    lst = []
    for i in range(n):
        lst.append(i)
    add("list_append", n, lst)
for n in [0, 1, 5, 10, 1000]:
    add("list_repeat", n, [None] * n)
for n in [0, 1, 5, 10, 17, 1000]:
    add("list_range", n, range(n) if PY2 else list(range(n)))
for n in range(0, 60):
    d = {}
    for i in range(n):
        d["k%d" % i] = i
    add("dict_str", n, d)
for n in range(0, 60):
    d = {}
    for i in range(n):
        d[i + 1000] = i
    add("dict_int", n, d)
for n in [0, 1, 4, 8]:
    d = {}
    for i in range(8):
        d["k%d" % i] = i
    for i in range(n):
        del d["k%d" % i]
    add("dict_delete", n, d)
if PY2:  # 3.x's rows stay those of sizes_py311.tsv
    for n in [0, 5, 10, 20, 30, 60]:
        d = {}
        for i in range(21):
            d["k%d" % i] = i
        for i in range(15):
            del d["k%d" % i]
        for i in range(n):
            d[7 * i] = i
        add("dict_churn", n, d)
for n in [0, 10, 10**8]:
    add("range", n, xrange(n) if PY2 else range(n))  # noqa: F821 (xrange: 2.7 only)


class Plain:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)


for n in [0, 1, 3, 10]:
    add("instance", n, Plain(n))


def slots_class(n):
    return type("S%d" % n, (), {"__slots__": tuple("s%d" % i for i in range(n))})


for n in [0, 1, 3]:
    add("slots", n, slots_class(n)())
add("singleton", "None", None)
add("singleton", "True", True)
add("singleton", "False", False)
add("singleton", "empty_tuple", ())
add("singleton", "empty_str", "")

print("# sys.getsizeof from %s (%s); regenerate: %s gen_sizes.py > sizes_py%d%d.tsv"
      % (sys.executable, sys.version.split()[0], sys.executable, sys.version_info[0], sys.version_info[1]))
print("kind\tparam\tsize")
for kind, param, size in rows:
    print("%s\t%s\t%d" % (kind, param, size))
