# id: gen_08_gi_attributes
# source: python/cpython:Objects/genobject.c (gen_getsetlist / coro_getsetlist / async_gen_getsetlist:
# gi_code, gi_frame (_gen_getframe: None once finished), gi_running, gi_suspended (3.11+),
# gi_yieldfrom, cr_await, cr_origin, ag_await, ag_running; gen_getcode); Objects/frameobject.c
# (frame_getlocals, frame_getlineno, frame_getlasti, frame_getback, frame_clear: a suspended
# generator's frame finalizes the generator; 3.13 refuses); Lib/test/test_generators.py
# (GeneratorTest.test_name, test_gi_frame, FinalizationTest), Lib/test/test_coroutines.py
# (CoroutineTest.test_corotype_1, test_cr_await)
# property: a generator's code object is its function's; its frame object exists while it has not
# finished, is the same object sys._getframe() returns inside it, is at the def line before the first
# next(), at the yield while suspended, shows the frame's locals (arguments before it starts), has no
# f_back while suspended, keeps its locals and last line once the generator is exhausted while
# gi_frame becomes None; gi_running is true only inside; coroutine and async generator attributes
# are 3.11's, frame.clear() on a suspended generator's frame closes it; sys.getsizeof of a generator and
# of its frame object are CPython's
import sys


def A(o):
    r = repr(o)
    at = r.find(" at 0x")
    if at < 0:
        return r
    end = r.find(",", at)
    return r[:at + 4] + "ADDR" + (r[end:] if end >= 0 else ">")


def gen(n):
    x = n
    fr = sys._getframe()
    yield fr
    y = x + 1
    yield y


g = gen(5)
print(g.gi_code is gen.__code__, g.gi_code.co_name, g.__name__, g.__qualname__)
f = g.gi_frame
print(A(f).replace(__file__, "FILE"), f.f_lineno - gen.__code__.co_firstlineno, f.f_locals, f.f_lasti,
      f.f_back, g.gi_running, getattr(g, "gi_suspended", "-"), g.gi_yieldfrom)
inside = next(g)
print(inside is f, inside is g.gi_frame, f.f_lineno - gen.__code__.co_firstlineno, sorted(f.f_locals),
      f.f_locals["x"], f.f_back, f.f_lasti > 0, g.gi_running, getattr(g, "gi_suspended", "-"), f.f_code is gen.__code__)
print(next(g), f.f_lineno - gen.__code__.co_firstlineno, sorted(f.f_locals), f.f_locals["y"])
for v in g:
    pass
print(g.gi_frame, g.gi_running, getattr(g, "gi_suspended", "-"), g.gi_code is gen.__code__)
print(f.f_lineno - gen.__code__.co_firstlineno, sorted(f.f_locals), f.f_locals["y"])


def watcher():
    me = box[0]
    fr = me.gi_frame
    yield fr is sys._getframe(), me.gi_running, getattr(me, "gi_suspended", "-"), fr.f_back is not None
    yield fr.f_back.f_lineno - watcher.__code__.co_firstlineno


box = [watcher()]
print(next(box[0]), next(box[0]))


def delegate():
    r = yield from gen(1)
    return r


d = delegate()
next(d)
print(type(d.gi_yieldfrom).__name__, d.gi_yieldfrom.gi_code is gen.__code__, d.gi_yieldfrom.gi_running)
d.close()
print(d.gi_yieldfrom, d.gi_frame)


async def coro(v):
    w = v * 2
    return w


c = coro(3)
print(c.cr_code is coro.__code__, c.cr_origin, c.cr_await, c.cr_running, getattr(c, "cr_suspended", "-"),
      A(c.cr_frame).replace(__file__, "FILE"), c.cr_frame.f_locals)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value, c.cr_frame, c.cr_running, getattr(c, "cr_suspended", "-"))


class Waiter:
    def __await__(self):
        yield "tick"


async def waits():
    await Waiter()


w = waits()
print(w.send(None), type(w.cr_await).__name__, getattr(w, "cr_suspended", "-"))
w.close()
print(w.cr_await, w.cr_frame)


async def agen(n):
    yield n


a = agen(4)
print(a.ag_code is agen.__code__, a.ag_running, a.ag_await, getattr(a, "ag_suspended", "-"), A(a.ag_frame).replace(__file__, "FILE"),
      a.ag_frame.f_locals, a.__name__, a.__qualname__)


def guarded():
    try:
        yield 1
    finally:
        print("finally ran")


gd = guarded()
next(gd)
fr = gd.gi_frame
try:
    print(fr.clear(), gd.gi_frame, getattr(gd, "gi_suspended", "-"))
except RuntimeError as e:
    print("RuntimeError", e)
    gd.close()
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)
# sizes: the generator holds its frame's locals and stack; the frame object reports the same words
fresh, cfresh = gen(0), coro(0)
print(sys.getsizeof(fresh), sys.getsizeof(fresh.gi_frame), sys.getsizeof(cfresh), sys.getsizeof(cfresh.cr_frame))
cfresh.close()
