# id: wr_13_weak_value_dictionary
# source: python/cpython:Lib/weakref.py (WeakValueDictionary.__init__/remove/__setitem__/__getitem__/setdefault/pop/copy/_commit_removals, KeyedRef.__new__/__init__); Lib/_weakrefset.py (_IterationGuard); Objects/weakrefobject.c (weakref___new__, get_basic_refs); Lib/test/test_weakref.py:MappingTestCase.test_weak_values / test_weak_valued_iters / test_weak_valued_delitem
# property: Lib's WeakValueDictionary over _weakref: an entry leaves when its value dies by refcount and when a cycle holding it is collected;
#   its values are KeyedRef (a ref subclass with one slot: 88 bytes, tracked, the key kept, the removal callback), never the shared basic ref;
#   an iteration defers the removals of values dying under it (_IterationGuard, _pending_removals) until it ends;
#   setdefault / pop / popitem / get / copy / items, KeyError for dead and missing keys
import gc
import sys
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


d = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
d["a"] = a
d["b"] = b
d[3] = c
print(len(d), sorted(map(str, d.keys())))
print(d["a"] is a, d.get("zz"), d.get("zz", 7), "a" in d, "zz" in d)

# the stored value is a KeyedRef: a weakref.ref subclass holding the key in its one slot
kr = d.data["a"]
print(type(kr).__name__, type(kr).__mro__[1] is weakref.ref, isinstance(kr, weakref.ref))
print(kr.key, kr() is a, sys.getsizeof(kr), gc.is_tracked(kr))
print(kr.__callback__ is not None, type(kr).__slots__)
# a callback-less ref is separate from the KeyedRef: the basic ref is only the exact type's
r = weakref.ref(a)
print(r is not kr, weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is r)
print(r == kr, hash(r) == hash(kr) == hash(a))
del r

# death by refcount removes the entry at once
del b
print(len(d), sorted(map(str, d.keys())))
try:
    d["b"]
except KeyError as e:
    print("KeyError", e)

# death in a cycle: the entry stays until the collector frees the cycle
x = Obj("x")
x.self = x
d["x"] = x
del x
print(len(d), "x" in d.data)
gc.collect()
print(len(d), "x" in d.data)

# removals under an iteration are deferred until it finishes
e1, e2, e3 = Obj("e1"), Obj("e2"), Obj("e3")
d["e1"], d["e2"], d["e3"] = e1, e2, e3
n = len(d)
it = iter(d.keys())
next(it)
del e1, e2
print(len(d.data), len(d._pending_removals), d._iterating != set())
rest = list(it)
print(len(d.data), len(d._pending_removals), len(d), len(d) < n)

# setdefault / pop / copy / items
f = Obj("f")
print(d.setdefault("f", f) is f, d.setdefault("f", Obj("g")) is f)
print(d.pop("f") is f, "f" in d, d.pop("nope", "default"))
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
g = Obj("g")
d["g"] = g
k, v = d.popitem()
print(k, v is g, "g" in d)
del k, v
cp = d.copy()
print(type(cp).__name__, sorted(map(str, cp.keys())) == sorted(map(str, d.keys())))
print(sorted((str(k), v.name) for k, v in d.items()))
del a, c, e3
print(len(d), len(cp), list(d.values()))
try:
    d.popitem()
except KeyError as e:
    print("KeyError", e)
print(repr(weakref.WeakValueDictionary()).startswith("<WeakValueDictionary at 0x"))
