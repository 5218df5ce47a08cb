# id: col_03_defaultdict
# source: python/cpython:Modules/_collectionsmodule.c (defdict_missing, defdict_repr, defdict_copy, defdict_init, defdict_members, defdict_type); Objects/dictobject.c (dict_subscript: __missing__ of a subclass through _PyObject_LookupSpecial)
# property: collections.defaultdict is _collections.defaultdict, a dict subtype of 56 bytes + GC head, tracked
#   even empty; a missing key calls default_factory and stores the result (the container count moves by the
#   objects the factory makes, the bound __missing__ made and freed); without a factory KeyError(key);
#   repr with the factory's repr (a subclass's name), copy keeps the type and factory, __init__'s argument
#   rules; a dict subclass's own __missing__; the factory's reference count
import gc
import sys
from collections import defaultdict
import collections
import _collections

print(collections.defaultdict is defaultdict, _collections.defaultdict is defaultdict, defaultdict)
d = defaultdict(list)
print(sys.getsizeof(d), gc.is_tracked(d), gc.is_tracked(defaultdict()), type(d), isinstance(d, dict), d.default_factory)
gc.collect()
c0 = gc.get_count()[0]
d["a"].append(1)
c1 = gc.get_count()[0]
d["a"].append(2)
c2 = gc.get_count()[0]
d["b"]
print(c1 - c0, c2 - c1, gc.get_count()[0] - c2)
print(d, str(d), len(d), dict(d))
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = defaultdict(int)
c0 = gc.get_count()[0]
for w in words:
    counts[w] += 1
print(gc.get_count()[0] - c0, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3], counts["zzz"], len(counts))
e = defaultdict()
print(e, e.default_factory, defaultdict(None, x=1))
try:
    e["k"]
except KeyError as ex:
    print("KeyError", ex)
for bad in (lambda: defaultdict(5), lambda: defaultdict(list, {}, {}), lambda: defaultdict(list, 3)):
    try:
        bad()
    except TypeError as ex:
        print("TypeError", ex)
f = defaultdict(lambda: "z", {"k": 1}, q=2)
print(f["k"], f["n"], sorted(f.items()))
g = counts.copy()
print(type(g).__name__, g == counts, g is counts, g.default_factory is int, sys.getsizeof(g) == sys.getsizeof(counts))
print(d.__missing__("m"), "m" in d, d.get("nope"), "nope" in d, d.get("a"))
d.default_factory = set
print(d["s"], d.default_factory)
before = sys.getrefcount(tuple)
t = defaultdict(tuple)
print(sys.getrefcount(tuple) - before)
del t
print(sys.getrefcount(tuple) - before)


class Sub(defaultdict):
    pass


x = Sub(list)
x[1].append(2)
print(x, type(x).__name__, sys.getsizeof(x) > sys.getsizeof(d))


class Twice(dict):
    def __missing__(self, k):
        return k * 2


m = Twice(a=1)
print(m["a"], m["bb"], m, "bb" in m, m.get("cc"))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 3
print(nested["x"], dict(nested["x"]), len(nested))
