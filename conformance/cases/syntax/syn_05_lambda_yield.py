# id: syn_05_lambda_yield
# source: python/cpython:Python/symtable.c (symtable_visit_expr: Lambda_kind is a FunctionBlock, Yield/YieldFrom set ste_generator); Python/compile.c (compiler_lambda: a generator lambda returns its body's value; compiler_visit_expr1 Await_kind); Grammar/python.gram (decorated: async function_def)
# property: `lambda: (yield)` is a generator function named and qualnamed <lambda> (the generator too); its
#   body's value is the StopIteration value; yield from in a lambda delegates; a yield in a default belongs to the
#   enclosing function; generator lambdas in a class body and in a comprehension; a decorated async def
import sys, gc
f = lambda: (yield)
g = f()
print(type(g).__name__, g.__name__, g.__qualname__, f.__name__, f.__qualname__, gc.is_tracked(g))
print(sys.getsizeof(g) == sys.getsizeof((lambda: (yield 1))()))
print(next(g))
try:
    g.send(5)
except StopIteration as e:
    print('StopIteration value', e.value)
h = (lambda xs: (yield from xs))([1, 2])
print(list(h))
r = (lambda xs: (yield from xs))(iter([7]))
print(next(r))
try:
    next(r)
except StopIteration as e:
    print('yield from value', e.value)

def outer():
    return lambda: (yield 3)
print(outer().__qualname__, outer()().__qualname__, list(outer()()))
print(repr(g)[:28])

def defaults():
    return lambda x=(yield 'from default'): x
d = defaults()
print(type(d).__name__, next(d))

class C:
    m = lambda self, n: (yield from range(n))
print(C.m.__qualname__, C().m(2).__qualname__, list(C().m(3)))
print([x for x in (lambda: (yield 1))()])
print([type(lambda: (yield i)).__name__ for i in range(1)])
print([next((lambda: (yield 4))()) for i in range(2)])
# the lambda in _collections_abc.py: type((lambda: (yield))())
generator = type((lambda: (yield))())
print(generator.__name__, isinstance(g, generator))

def deco(fn):
    print('decorating', fn.__name__)
    return fn

@deco
async def coro(n):
    return n * 2

c = coro(21)
print(type(c).__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print('coroutine value', e.value)
