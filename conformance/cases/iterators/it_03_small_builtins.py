# id: it_03_small_builtins
# source: python/cpython:Python/bltinmodule.c (builtin_ord, builtin_chr, builtin_hex/oct/bin via PyNumber_ToBase, builtin_round, builtin_min/max (min_max with key= and default=), builtin_sorted, builtin_getattr/setattr/hasattr/delattr, builtin_isinstance/issubclass with tuples, builtin_print with file= and flush=); Objects/listobject.c (list_sort_impl with key=); Objects/dictobject.c (dict_fromkeys); Objects/floatobject.c (float___round___impl, double_round)
# property: the values these built-ins compute, as CPython computes them
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys
print(ord("a"), ord("\n"), chr(97), chr(10) == "\n", hex(255), hex(-255), hex(0), oct(8), oct(0), bin(5), bin(-5), bin(0))
print(hex(2**40), bin(2**33 + 1), oct(-64))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(2.675, 2), round(1.5), round(7), round(0.1 + 0.2, 1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(2.5, 0), round(-0.4), round(1e15 + 0.5))
print(isinstance(1, (str, int)), isinstance(True, int), isinstance(1.0, (int, (str, float))), isinstance("x", (int, list)))
print(issubclass(bool, int), issubclass(int, (str, float)), issubclass(bool, (str, object)))
class C(object):
    pass
class D(C):
    pass
print(issubclass(D, C), issubclass(C, D), isinstance(D(), (int, C)))
o = C()
setattr(o, "x", 5)
print(getattr(o, "x"), getattr(o, "y", "dflt"), hasattr(o, "x"), hasattr(o, "y"))
delattr(o, "x")
print(hasattr(o, "x"), getattr(o, "x", None))
print(sorted([3, -1, 2, -4], key=abs), sorted(["bb", "a", "ccc", "dd"], key=len, reverse=True))
print(max([1, -5, 3], key=abs), min([1, -5, 3], key=abs), min([], default=7), max((), default=None), min(3, 1, 2), max("b", "a", key=ord))
words = ["pear", "fig", "apple", "kiwi", "banana"]
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
words.sort()
print(words)
d1 = dict.fromkeys([1, 2, 3])
d2 = dict.fromkeys((4, 5), 0)
print(d1, d2, sys.getsizeof(d1), sys.getsizeof(d2))
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("to stdout", file=sys.stdout)
