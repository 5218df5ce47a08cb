# id: gen_06_recursion_running
# source: python/cpython:Python/ceval.c (_Py_EnterRecursiveCallTstate at each frame's entry: a resumed generator's frame counts against the recursion limit); Objects/genobject.c (gen_send_ex2: "generator already executing", gi_running); Lib/test/test_generators.py (GeneratorTest.test_raise_and_yield_from / "generator already executing"); Lib/test/test_exceptions.py (testInfiniteRecursion)
# property: recursion through generators (yield from a generator that yields from another ...) ends in RecursionError, not a crash, and the program goes on; resuming a running generator from inside itself is a ValueError; gi_running is true only while its code runs
import sys


def down(n):
    if n == 0:
        yield "bottom"
    else:
        yield from down(n - 1)


print(list(down(100)))
try:
    list(down(5000))
except RecursionError as e:
    print("RecursionError:", e)
print(list(down(10)))


def nested(n):
    yield n
    for x in nested(n + 1):
        yield x


try:
    for v in nested(0):
        pass
except RecursionError as e:
    print("RecursionError:", e)
print("after", v > 100)


def selfish():
    me = yield
    print("running:", me.gi_running)
    try:
        next(me)
    except ValueError as e:
        print("ValueError:", e)
    yield "done"


s = selfish()
next(s)
print(s.gi_running)
print(s.send(s))
