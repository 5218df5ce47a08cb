# id: gen_01_suspended_frame
# source: python/cpython:Objects/genobject.c (make_gen: PyObject_GC_NewVar with co_nlocalsplus + co_stacksize slots, GC-tracked; gen_traverse; gen_sizeof; gen_getframe); Python/ceval.c (RETURN_GENERATOR: _PyFrame_Copy moves the call's locals into the generator, f_func keeps a reference to the function); Python/frame.c (_PyFrame_Clear when the frame finishes); Lib/test/test_generators.py (FinalizationTest, GeneratorTest.test_name)
# property: a suspended generator owns its frame: the arguments and locals stay referenced by it (refcounts) until the code finishes, the function gains a reference per live generator, sys.getsizeof grows with the code's locals and stack, the generator is GC-tracked and weak-referenceable, gi_frame disappears and gi_running is false once it finished
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc
import sys
import weakref


class Payload(object):
    pass


def small():
    yield 1


def keeps(a, b):
    c = [a, b]
    yield len(c)
    yield c[0] is a


def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        i += 1


p = Payload()
print(sys.getrefcount(p))
g = keeps(p, p)
print(sys.getrefcount(p), sys.getrefcount(keeps))
print(next(g))
print(sys.getrefcount(p))
print(next(g))
for v in g:
    print("unexpected", v)
print(sys.getrefcount(p), sys.getrefcount(keeps))
print(gc.is_tracked(g), type(g).__name__, g.__name__)
print(sys.getsizeof(small()), sys.getsizeof(keeps(1, 2)), sys.getsizeof(counter(3)))
s = small()
print(s.gi_running, s.gi_frame is not None)
print(list(s), s.gi_frame)
w = weakref.ref(s)
print(w() is s)
del s
print(w())
c = counter(10)
print(next(c), next(c), c.send(6), next(c))
print(list(c))
gens = [keeps(p, i) for i in range(5)]
print(sys.getrefcount(p), sys.getrefcount(keeps))
del gens
print(sys.getrefcount(p), sys.getrefcount(keeps))
gc.collect()
before = gc.get_count()[0]
keep = [small() for i in range(10)]
print(gc.get_count()[0] - before)
