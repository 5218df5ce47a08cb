# id: fn_06_function_attributes
# source: CPython 3.11 Objects/funcobject.c (func_getsetlist / func_memberlist: __name__, __qualname__,
# __defaults__, __kwdefaults__, __closure__, __doc__, __module__, __dict__; func_set_defaults and
# func_set_kwdefaults type checks; func.__dict__ made on first attribute store),
# Python/compile.c (compiler_set_qualname, the docstring as co_consts[0])
# property: what programs read from and write to function objects is CPython's, including the function
# __dict__ (a dict counted by the collector when first needed) and arbitrary attributes
import gc


def documented(a, b=1, *, k=2):
    """Adds things."""
    return a + b + k


def bare():
    pass


print(documented.__name__, documented.__qualname__, documented.__module__, documented.__doc__)
print(bare.__doc__, bare.__defaults__, bare.__kwdefaults__, bare.__closure__)
print(documented.__defaults__, documented.__kwdefaults__)
documented.__defaults__ = (5,)
documented.__kwdefaults__ = {"k": 100}
print(documented(1))
documented.__defaults__ = None
try:
    documented(1)
except TypeError as e:
    print(e)
try:
    documented.__defaults__ = [1]
except TypeError as e:
    print(e)
gc.collect()
before = gc.get_count()[0]
bare.calls = 0
after = gc.get_count()[0]
print(after - before, bare.__dict__, gc.is_tracked(bare.__dict__))
bare.calls += 1
bare.label = "x"
print(bare.calls, sorted(bare.__dict__), getattr(bare, "label"), hasattr(bare, "missing"))
del bare.label
print(sorted(bare.__dict__))
try:
    bare.missing
except AttributeError as e:
    print(e)


class K:
    def method(self):
        def local():
            pass
        return local

    class Inner:
        def deep(self):
            pass


print(K.method.__qualname__, K().method().__qualname__, K.Inner.__qualname__, K.Inner.deep.__qualname__)
print(K.Inner, type(K.Inner()).__qualname__)
