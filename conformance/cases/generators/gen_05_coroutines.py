# id: gen_05_coroutines
# source: python/cpython:Objects/genobject.c (PyCoro_Type, _Py_MakeCoro, coro_repr, gen_send_ex2: "cannot reuse already awaited coroutine", "can't send non-None value to a just-started coroutine", _PyGen_Finalize: _PyErr_WarnUnawaitedCoroutine); Python/ceval.c (GET_AWAITABLE: _PyCoro_GetAwaitableIter, "object int can't be used in 'await' expression"; SEND); pyperformance:pyperformance/data-files/benchmarks/bm_coroutines/run_benchmark.py (the recursive fibonacci driven by send(None))
# property: calling an async def makes a GC-tracked coroutine sized by its code; await runs the awaited coroutine inside the caller's send() and evaluates to its return value; the outermost coroutine ends with StopIteration carrying the result; an awaited coroutine cannot be reused; only awaitables can be awaited
import gc
import sys


async def leaf(x):
    return x * 2


async def middle(x):
    a = await leaf(x)
    b = await leaf(a)
    return a + b


c = middle(3)
print(type(c).__name__, gc.is_tracked(c), sys.getsizeof(c), sys.getsizeof(leaf(1)))
print(c.__name__, c.cr_running, c.cr_frame is not None, c.cr_await)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def fibonacci(n):
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(drive(fibonacci(18)))


async def awaits_int():
    await 5


try:
    drive(awaits_int())
except TypeError as e:
    print("TypeError:", e)


async def twice():
    inner = leaf(1)
    first = await inner
    try:
        await inner
    except RuntimeError as e:
        print("RuntimeError:", e)
    return first


print(drive(twice()))
fresh = leaf(2)
try:
    fresh.send(1)
except TypeError as e:
    print("TypeError:", e)
print(drive(fresh))
co = middle(1)
co.close()
print(co.cr_frame)
