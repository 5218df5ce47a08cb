# id: it_08_stopiteration_value
# source: python/cpython:Objects/abstract.c (PyIter_Next clears StopIteration); Python/bltinmodule.c (builtin_next); Objects/typeobject.c (slot_tp_iternext); Objects/genobject.c (gen_iternext, _PyGen_SetStopIterationValue); Python/ceval.c (FOR_ITER); Lib/test/test_generators.py
# property: a generator that ends with `return value` (its StopIteration(value) made by gen_iternext) and a
#   __next__ in Python raising StopIteration("x") end every consumer quietly (for, list, tuple, set, sorted,
#   star displays, dict.fromkeys, sum/min/max/any, str.join, unpacking, comprehensions) — PyIter_Next and
#   FOR_ITER clear it — while next() passes it on with its args and value, a default replaces it, and
#   `yield from` such an iterator evaluates to its value; a for loop over a generator that returns a
#   value allocates nothing for it (gc count), a __next__ raising StopIteration("x") frees what it made
import gc

def g():
    yield 1
    return 5

class C:
    def __iter__(self): return self
    def __next__(self): raise StopIteration("x")

class Once:
    def __init__(self): self.done = False
    def __iter__(self): return self
    def __next__(self):
        if self.done: raise StopIteration(7)
        self.done = True
        return 'a'

it = g(); next(it)
try:
    next(it)
except StopIteration as e:
    print("gen", e.args, e.value)
try:
    next(C())
except StopIteration as e:
    print("class", e.args, e.value)
print(next(C(), "default"), next(g(), "d"), next(iter([]), "empty"))
print(list(C()), list(g()), tuple(g()), set(g()), sorted(g()), [*g()], dict.fromkeys(g()))
print(sum(g()), min(g()), max(g()), any(g()), "".join(str(v) for v in g()), [v for v in g()])
for x in g(): print("for", x)
for x in C(): print("never")
a, = g()
print("unpacked", a)

def deleg():
    r = yield from Once()
    print("yield from value", r)
    r = yield from g()
    print("yield from gen value", r)
    return r
print(list(deleg()))

def consume(mk):
    for x in mk(): pass

consume(g)  # 2.7/3.10 keep a zombie frame of consume after its first call
consume(C)
for mk in (g, C):
    gc.collect()
    gc.disable()
    c0 = gc.get_count()[0]
    consume(mk)
    print("gc delta", mk.__name__, gc.get_count()[0] - c0)
    gc.enable()
