# id: gen_02_close_finally
# source: python/cpython:Objects/genobject.c (gen_close, _gen_throw, _PyGen_Finalize, gen_dealloc: PyObject_CallFinalizerFromDealloc closes a suspended generator); Modules/gcmodule.c (finalize_garbage: tp_finalize of generators in unreachable cycles, PEP 442; handle_resurrected_objects); Lib/test/test_generators.py (FinalizationTest.test_frame_resurrect, test_lambda_generator); Lib/test/test_gc.py (GCTests.test_generator_in_cycle-style cases)
# property: close() raises GeneratorExit at the yield and the finally block runs; a generator that yields again is a RuntimeError; throw() raises at the yield; a generator dropped while suspended is closed by its deallocation (finally runs), an exception there is "ignored" (unraisable); a never-started generator's close drops its arguments at once (3.11); generators in cycles are finalized and collected as 3.11's collector does
import gc
import sys


class Box:
    pass


def with_finally(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


g = with_finally("closed")
print(next(g))
g.close()
print(g.gi_frame, g.gi_running)
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
g = with_finally("dropped")
next(g)
del g
print("after del")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
del s


def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)


c = catcher()
next(c)
c.throw(ValueError("first"))
c.throw(ValueError, "second")
c.close()
try:
    c.throw(KeyError("late"))
except KeyError as e:
    print("propagates", repr(e))


def bad_finally():
    try:
        yield 1
    finally:
        raise ValueError("in finally")


b = bad_finally()
next(b)
del b
print("after ignored error")

box = Box()


def holds(x):
    yield x


h = holds(box)
print(sys.getrefcount(box))
h.close()
print(sys.getrefcount(box), h.gi_frame)
del h
gc.collect()


def ring(node):
    try:
        yield node
    finally:
        print("ring finally")


n = Box()
n.gen = ring(n)
next(n.gen)
del n
print(gc.collect())
n = Box()
n.gen = holds(n)
del n
print(gc.collect())
n = Box()
n.gen = holds(n)
next(n.gen)
del n
print(gc.collect())
