# id: fn_04_decorators_lambda
# source: CPython 3.11 Python/compile.c (compiler_decorators, compiler_apply_decorators: the decorator
# expressions are evaluated before the function is made and applied last first; compiler_lambda: a
# function named <lambda> returning its expression; compiler_set_qualname: "outer.<locals>.inner"),
# Lib/test/test_decorators.py (TestDecorators.test_order, test_eval_order)
# property: decorators run in CPython's order on def and class statements, each receiving what the one
# below it returned; a wrapper closure keeps the wrapped function alive through its cell; lambdas are
# ordinary functions with CPython's name, qualname, defaults and closures
import gc
import sys

trace = []


def tag(name):
    trace.append("eval " + name)
    def apply(fn):
        trace.append("apply " + name)
        fn.tags = getattr(fn, "tags", []) + [name]
        return fn
    return apply


@tag("outer")
@tag("inner")
def decorated(x):
    return x * 2


print(trace, decorated.tags, decorated(21))


def logged(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, sorted(kwargs.items()))
        return fn(*args, **kwargs)
    wrapper.__wrapped__ = fn
    return wrapper


@logged
def add(a, b=10):
    return a + b


print(add(1), add(1, b=2), add.__name__, add.__qualname__, add.__wrapped__.__name__)
inner_fn = add.__closure__[0].cell_contents
print(inner_fn is add.__wrapped__, sys.getrefcount(inner_fn))


def register(cls):
    cls.registered = True
    return cls


@register
class Plugin:
    pass


print(Plugin.registered, Plugin.__name__)

square = lambda v: v * v
scale = lambda v, k=3: v * k
print(square(4), scale(2), scale(2, k=5), square.__name__, square.__qualname__, scale.__defaults__)


def make_adders(n):
    return [lambda x, i=i: x + i for i in range(n)]


print([f(10) for f in make_adders(3)])


def multiplier(m):
    return lambda x: x * m


double = multiplier(2)
print(double(7), double.__qualname__, type(double.__closure__[0]).__name__, gc.is_tracked(double))
key_sorted = sorted(["bb", "a", "ccc"], key=lambda s: -len(s))
print(key_sorted)
