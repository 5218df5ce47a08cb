# id: gen_07_async_with_for
# source: python/cpython:Python/compile.c (compiler_async_with, compiler_async_for, compiler_unwind_fblock ASYNC_WITH); Python/ceval.c (BEFORE_ASYNC_WITH, GET_AITER, GET_ANEXT, END_ASYNC_FOR, GET_AWAITABLE: format_awaitable_error); Objects/genobject.c (_PyCoro_GetAwaitableIter: "__await__() returned a coroutine", "__await__() returned non-iterator of type"); Lib/test/test_coroutines.py (CoroutineTest.test_with_*, test_for_*)
# property: async with awaits __aenter__ and __aexit__ on the normal exit, on an exception (a true result suppresses it), on continue and on return; async for awaits __anext__ each round and ends on StopAsyncIteration (running else), break leaves it; an object with __await__ is awaited through the iterator it returns; the TypeErrors of each protocol step with CPython's words and the __cause__ of a bad __anext__ result; gc counts of the coroutines each step allocates
import gc
import sys

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("enter", self.name)
        return self
    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

class Awaitable:
    def __await__(self):
        v = yield "step"
        print("resumed with", v)
        return 42

class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def agen(n):
    for i in range(n):
        yield i * 10

async def main():
    async with CM("a") as a, CM("b") as b:
        print("body", a.name, b.name)
    async with CM("s", True):
        raise ValueError("boom")
    try:
        async with CM("t"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
    x = await Awaitable()
    print("x", x)
    async for i in ARange(3):
        print("i", i)
    else:
        print("else ran")
    async for j in agen(4):
        if j == 20:
            break
        print("j", j)
    out = []
    async for k in agen(3):
        out.append(k)
    print(out)
    for n in range(2):
        async with CM("loop%d" % n):
            if n == 0:
                continue
            print("n", n)
    return "done"

def run(coro):
    try:
        r = coro.send(None)
        while True:
            print("yielded", r)
            r = coro.send("sent")
    except StopIteration as e:
        return e.value

print(run(main()))

async def errs():
    for obj in (1, CM("x"), ARange(1)):
        try:
            async with obj:
                pass
        except (TypeError, AttributeError) as e:  # 3.10: AttributeError
            print(type(e).__name__ + ":", e)
    class NoAwait:
        async def __aenter__(self): return 1
        def __aexit__(self, *a): return 5
    try:
        async with NoAwait():
            pass
    except TypeError as e:
        print("TypeError:", e)
    class BadEnter:
        def __aenter__(self): return 1
        async def __aexit__(self, *a): return 5
    try:
        async with BadEnter():
            pass
    except TypeError as e:
        print("TypeError:", e)
    for obj in (1, [1], CM("y")):
        try:
            async for q in obj:
                pass
        except TypeError as e:
            print("TypeError:", e)
    class BadAiter:
        def __aiter__(self): return 5
    try:
        async for q in BadAiter():
            pass
    except TypeError as e:
        print("TypeError:", e)
    class BadAnext:
        def __aiter__(self): return self
        def __anext__(self): return 7
    try:
        async for q in BadAnext():
            pass
    except TypeError as e:
        print("TypeError:", e, repr(e.__cause__), e.__suppress_context__)
    class AwaitCoro:
        def __await__(self):
            self.c = agen2()
            return self.c
    async def agen2(): return 1
    ac = AwaitCoro()
    for a in (ac, 3):
        try:
            await a
        except TypeError as e:
            print("TypeError:", e)
    ac.c.close()
    class AwaitList:
        def __await__(self): return [1]
    try:
        await AwaitList()
    except TypeError as e:
        print("TypeError:", e)
    class RaisingAnext:
        def __aiter__(self): return self
        async def __anext__(self): raise ValueError("inner")
    try:
        async for q in RaisingAnext():
            pass
    except ValueError as e:
        print("ValueError:", e)

print(run(errs()))


async def counted(n):
    async with CM("c"):
        pass
    async for i in ARange(n):
        pass
    return n


gc.disable()
c = counted(2)
before = gc.get_count()[0]
r = run(c)
del c
print("result", r, "gen0 delta", gc.get_count()[0] - before)
gc.enable()
