# id: gen_03_yield_from_return
# source: python/cpython:Python/compile.c (compiler_visit_expr: YieldFrom_kind, compiler_yield_from: GET_YIELD_FROM_ITER, SEND, YIELD_VALUE); Python/ceval.c (SEND, GET_YIELD_FROM_ITER); Objects/genobject.c (gen_send_ex2: `generator raised StopIteration` (PEP 479), _PyGen_SetStopIterationValue, _gen_throw and gen_close delegating to the subiterator, _PyGen_yf); Lib/test/test_pep380.py; Lib/test/test_generators.py
# property: `return value` in a generator becomes StopIteration.value; `yield from` yields what the subiterator yields, passes send() values, throw() and close() through to it, and evaluates to its return value; a StopIteration escaping a generator's code becomes RuntimeError with the StopIteration as its cause; send of a value to a just-started generator is a TypeError
import sys


def inner():
    got = yield "inner-1"
    print("inner got", got)
    try:
        yield "inner-2"
    except KeyError as e:
        print("inner caught", repr(e))
        yield "inner-3"
    finally:
        print("inner finally")
    return "inner-result"


def outer():
    r = yield from inner()
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list result", r2)
    return "outer-result"


o = outer()
print(next(o))
print(o.send("hello"))
print(o.gi_yieldfrom is not None)
print(o.throw(KeyError("k")))
print(next(o))
print(next(o))
try:
    next(o)
except StopIteration as e:
    print("done", e.value, e.args)
o2 = outer()
next(o2)
o2.close()
print(o2.gi_frame)


def returns(x):
    yield x
    return x * 2


r = returns(4)
print(next(r))
try:
    next(r)
except StopIteration as e:
    print("StopIteration value", e.value)


def leaky():
    yield 1
    raise StopIteration("escaped")


try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__.args)


def echo():
    v = None
    while True:
        v = yield v


e = echo()
try:
    e.send(1)
except TypeError as t:
    print("TypeError:", t)
print(e.send(None), e.send(2), e.send("x"))


def chain(its):
    for it in its:
        yield from it


print(list(chain([[1, 2], (3,), "ab", range(2)])))


def depth(n):
    if n:
        yield n
        yield from depth(n - 1)


print(list(depth(30)))
print(sum(depth(100)))
