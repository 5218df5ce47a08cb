#!/usr/bin/python3
"""Generate the object-size oracle table from Debian's CPython: sys.getsizeof of objects that
conformance/unit/test_sizes.c rebuilds with the librefheap API.

Run with Debian's /usr/bin/python3 (3.11):  /usr/bin/python3 gen_sizes.py > sizes_py311.tsv
Columns: kind, parameter, size. Each kind is a recipe both sides follow:
  int N            int(N)
  float X          float(X)
  str_ascii N      'a' * N
  str_latin1 N     '\u00e9' * N
  str_ucs2 N       '\u20ac' * N
  str_ucs4 N       '\U0001f600' * N
  tuple N          tuple of N small ints
  list_append N    [] then N appends
  list_repeat N    [None] * N
  list_range N     list(range(N))
  list_display N   a list built by a display of N items (BUILD_LIST: exact size)
  dict_str N       {} then N distinct str keys inserted
  dict_int N       {} then N distinct int keys inserted
  dict_delete N    8 str keys inserted, then N of them deleted
  range N          range(N)
  instance N       instance of a plain class after N attributes set in __init__
  slots N          instance of a class with N __slots__
  singleton name   None, True, False, (), ''
"""
import sys

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
for n in [1, 2, 10]:
    add("str_latin1", n, "".join(["\u00e9"] * n))
    add("str_ucs2", n, "".join(["\u20ac"] * n))
    add("str_ucs4", n, "".join(["\U0001f600"] * n))
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
    add("list_range", n, list(range(n)))
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
for n in [0, 10, 10**8]:
    add("range", n, range(n))


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

print("# sys.getsizeof from %s (%s); regenerate: /usr/bin/python3 gen_sizes.py > sizes_py311.tsv"
      % (sys.executable, sys.version.split()[0]))
print("kind\tparam\tsize")
for kind, param, size in rows:
    print("%s\t%s\t%d" % (kind, param, size))
