# id: wr_16_weakmethod
# source: python/cpython:Lib/weakref.py (WeakMethod.__new__/__call__/__eq__/__ne__/__hash__); Objects/weakrefobject.c (weakref___new__, weakref___init__, parse_weakref_init_args, get_basic_refs, insert_head/insert_after, weakref_vectorcall, weakref_hash, weakref_richcompare, PyWeakref_NewProxy, proxy_call); Objects/typeobject.c (tp_new_wrapper); Objects/classobject.c (method_new); Lib/test/test_weakref.py:WeakMethodTestCase, SubclassableWeakrefTestCase
# property: classes deriving from weakref.ref: WeakMethod (four slots with __weakref__: 112 bytes) keeps a bound method's object and function
#   weakly, rebuilds the method on call, dies (callback once, with the WeakMethod) when either dies; == / != / hash as Lib's;
#   a user subclass with slots, __init__ through super(), __call__ overridden, never shared as the basic ref and placed after it;
#   ref.__new__ / __init__ argument errors; gc tracking and the weakref counts of the referent; a proxy to a callable is a
#   CallableProxyType that calls it (keywords too) and raises ReferenceError once the referent is gone
import gc
import sys
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def meth(self, k=1):
        return self.n * k


calls = []
o = Obj(6)
wm = weakref.WeakMethod(o.meth, lambda r: calls.append(r is wm))
m = wm()
print(type(m).__name__, m(), m(7), m.__self__ is o, m.__func__ is Obj.meth)
del m
print(sys.getsizeof(wm), gc.is_tracked(wm), type(wm).__mro__[1] is weakref.ref)
print(wm == weakref.WeakMethod(o.meth), wm != weakref.WeakMethod(o.meth), wm == weakref.WeakMethod(Obj(6).meth))
print(hash(wm) == hash(weakref.WeakMethod(o.meth)), wm == weakref.ref(o))
print(weakref.getweakrefcount(o), weakref.getweakrefcount(wm))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)
del o
print(wm(), calls)

# the function dying kills it too
class Tmp:
    def f(self):
        return "f"


t = Tmp()
wf = weakref.WeakMethod(t.f, lambda r: calls.append("func died"))
print(wf()())
del Tmp.f
gc.collect()
print(wf(), calls)


# a subclass of ref of one's own
class Tagged(weakref.ref):
    __slots__ = ("tag", "hits")

    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)

    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
        self.hits = 0

    def __call__(self):
        self.hits += 1
        return super().__call__()


p = Obj(1)
basic = weakref.ref(p)
t1 = Tagged(p, None, "x")
t2 = Tagged(p)
print(t1 is not t2, t1 is not basic, weakref.ref(p) is basic, weakref.getweakrefcount(p))
print(weakref.getweakrefs(p)[0] is basic, t1() is p, t1() is p, t1.hits, t1.tag, t2.tag, t1.__callback__)
print(sys.getsizeof(t1), sys.getsizeof(basic), isinstance(t1, weakref.ReferenceType), t1 == basic)
del basic
print(weakref.getweakrefcount(p), weakref.getweakrefs(p)[0] in (t1, t2))
gc.disable()
before = gc.get_count()[0]
cb = lambda r: calls.append(("t3 died", r.tag, r is t3))
t3 = Tagged(p, cb, "y")
print(gc.get_count()[0] - before, t3.__callback__ is cb)
gc.enable()
try:
    t1.other = 1
except AttributeError as e:
    print("AttributeError", e)
for args in ((), (p, None, 3), ):
    try:
        weakref.ref.__new__(Tagged, *args)
    except TypeError as e:
        print("TypeError", e)
try:
    weakref.ref.__new__(int, p)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.ref(p, None, 1)
except TypeError as e:
    print("TypeError", e)
try:
    t1(1)
except TypeError as e:
    print("TypeError", e)
del p, args
print(t1(), t2(), t1.hits, t3.__callback__, calls[-1])


# a proxy to a callable referent is a CallableProxyType, which calls it (proxy_call)
def twice(x=1):
    return 2 * x


cp = weakref.proxy(twice)
q = Obj(2)
print(type(cp).__name__, cp(4), cp(x=5), callable(cp), type(weakref.proxy(q)).__name__, callable(weakref.proxy(q)))
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType), isinstance(cp, weakref.ProxyTypes))
del twice
try:
    cp()
except ReferenceError as e:
    print("ReferenceError", e)
