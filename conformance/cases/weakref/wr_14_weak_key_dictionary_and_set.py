# id: wr_14_weak_key_dictionary_and_set
# source: python/cpython:Lib/weakref.py (WeakKeyDictionary.__init__/remove/__setitem__/__getitem__/__delitem__/keyrefs/setdefault/pop/update/copy, _IterationGuard use); Lib/_weakrefset.py (WeakSet: add/discard/remove/pop/__contains__/__len__/__iter__/_commit_removals, set operations, __class_getitem__); Lib/test/test_weakref.py:MappingTestCase.test_weak_keys; Lib/test/test_weakset.py
# property: Lib's WeakKeyDictionary keys and WeakSet members are weak: an entry leaves when its key dies by refcount or in a collected cycle;
#   each key is held by a plain ref with the dictionary's removal callback (so getweakrefcount counts it, and it is not the shared basic ref);
#   keys compare by the referent's ==/hash (ref.__eq__, ref.__hash__); WeakSet's set operations, pop, remove's KeyError, and removals
#   deferred under iteration
import gc
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "K(%d)" % self.n


class EqK(K):
    def __eq__(self, other):
        return isinstance(other, EqK) and self.n == other.n

    def __hash__(self):
        return hash(self.n)


wk = weakref.WeakKeyDictionary()
k1, k2, k3 = K(1), K(2), K(3)
wk[k1] = "one"
wk[k2] = "two"
wk[k3] = "three"
print(len(wk), sorted(wk.values()), wk[k2], k1 in wk, K(9) in wk)
print(weakref.getweakrefcount(k1), weakref.ref(k1) is not wk.data and weakref.getweakrefcount(k1))
print(sorted(r().n for r in wk.keyrefs()))
del k2
print(len(wk), sorted(wk.values()))
del wk[k3]
print(len(wk), sorted(wk.values()))
try:
    wk[K(5)]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)

# keys found by the referent's equality: a ref's __eq__ compares referents, its hash is the referent's
e1 = EqK(10)
wk[e1] = "ten"
e1b = EqK(10)
print(wk[e1b], e1b in wk, weakref.ref(e1) == weakref.ref(e1b), hash(weakref.ref(e1)) == hash(10))
wk[e1b] = "TEN"
print(len(wk), wk[e1])

# a key in a garbage cycle leaves at the collection
c = K(20)
c.me = c
wk[c] = "cyc"
del c
print(len(wk))
gc.collect()
print(len(wk))

# setdefault / pop / update / copy / items
k4 = K(4)
print(wk.setdefault(k4, "four"), wk.setdefault(k4, "x"), wk.pop(k4), wk.pop(k4, "gone"))
wk.update({k4: "four again"})
cp = wk.copy()
print(type(cp).__name__, len(cp) == len(wk), sorted(v for k, v in wk.items()))
del k1, e1, e1b, k4
print(len(wk), len(cp), list(wk.items()))

# WeakSet
s = weakref.WeakSet()
m = [K(i) for i in range(5)]
for x in m:
    s.add(x)
s.add(m[0])
print(len(s), m[0] in s, K(0) in s, 3 in s)
s.discard(m[4])
s.discard(K(99))
try:
    s.remove(K(99))
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
print(len(s), sorted(x.n for x in s))
del m[3]
print(len(s), sorted(x.n for x in s))
t = weakref.WeakSet(m[:2])
print(sorted(x.n for x in s - t), sorted(x.n for x in s & t), t <= s, s <= t, t.issubset(s))
print(sorted(x.n for x in (s | t)), type(s | t).__name__)
it = iter(s)
first = next(it)
del m[:]
print(len(s.data), len(s._pending_removals) > 0)
del first
rest = list(it)
print(len(s), len(t), len(s._pending_removals))
p = K(7)
s.add(p)
print(s.pop() is p, len(s))
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)
print(weakref.WeakSet[int], repr(weakref.WeakSet()), weakref.WeakSet([p]) == weakref.WeakSet([p]))
print(repr(weakref.WeakKeyDictionary()).startswith("<WeakKeyDictionary at 0x"))
