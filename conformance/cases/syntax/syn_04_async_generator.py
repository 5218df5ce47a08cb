# id: syn_04_async_generator
# source: python/cpython:Objects/genobject.c (async_gen_anext, async_gen_asend_send, async_gen_unwrap_value, async_gen_athrow_send, gen_send_ex); Python/compile.c (ASYNC_GEN_WRAP)
# property: yield in async def makes an async_generator (size, tracking, __aiter__); __anext__/asend awaitables driven by send(None) give each value as StopIteration, then StopAsyncIteration; aclose and athrow; reusing an awaitable is a RuntimeError
import sys, gc
async def agen(n):
    for i in range(n):
        yield i * 10
    print('agen done')
a = agen(2)
print(type(a).__name__, sys.getsizeof(a), gc.is_tracked(a), a.__aiter__() is a, a.ag_running)
s = a.__anext__()
print(type(s).__name__, sys.getsizeof(s), gc.is_tracked(s))
for aw in (s, a.asend(None), a.__anext__()):
    try: aw.send(None)
    except StopIteration as e: print('value', e.value, e.args)
    except StopAsyncIteration as e: print('end', type(e).__name__)
try: s.send(None)
except RuntimeError as e: print(e)
b = agen(5)
b.__anext__().send(None) if False else None
try: b.__anext__().send(None)
except StopIteration as e: print('b', e.value)
c = b.aclose()
try: c.send(None)
except StopIteration as e: print('closed', e.args)
try: b.__anext__().send(None)
except StopAsyncIteration: print('after close: StopAsyncIteration')
async def g2():
    try:
        yield 1
    except ValueError as e:
        yield 'caught %s' % e
x = g2()
try: x.__anext__().send(None)
except StopIteration as e: print(e.value)
try: x.athrow(ValueError, ValueError('boom')).send(None)
except StopIteration as e: print(e.value)
print(repr(x)[:30])
del x
print(type(agen).__name__, type(agen(1)).__name__)
print(sys.getsizeof(agen(1).aclose()), gc.is_tracked(agen(1).athrow(ValueError)))
