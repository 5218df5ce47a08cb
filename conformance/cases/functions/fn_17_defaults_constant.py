# id: fn_17_defaults_constant
# source: CPython 3.11 Python/compile.c (compiler_default_arguments: the defaults then BUILD_TUPLE;
# fold_tuple_on_constants: a BUILD_TUPLE over LOAD_CONSTs becomes one constant, appended to co_consts after
# the others; 3.12 remove_unused_consts drops the folded items), Python/ceval.c (MAKE_FUNCTION: the defaults
# tuple stored, not copied; 2.7: MAKE_FUNCTION n builds the tuple from the stack, PyTuple_New tracks it)
# property: a `def` or `lambda` whose defaults are all constants allocates only its function (the defaults
# tuple is a constant shared by every function the def makes, referenced by co_consts and the functions,
# not by the AST); defaults that are not all constants build a new tracked tuple each time
from __future__ import print_function
import gc
import sys


def delta(fn):
    gc.collect()
    before = gc.get_count()[0]
    r = fn()
    return gc.get_count()[0] - before, r


def const_defaults():
    def f(a, b=1000, c="xy", d=None):
        return a
    return f


def mixed_defaults():
    def f(a, b=1000, c=[]):
        return a
    return f


def no_defaults():
    def f(a, b):
        return a
    return f


def lambda_defaults():
    return lambda x=(1, 2), y=-5: x


print("start", [0], {0: 0}, (0,))
for fn in (no_defaults, const_defaults, mixed_defaults, lambda_defaults):
    fn()  # 2.7 and 3.10 keep a zombie frame per code object after its first call
counts = [delta(fn)[0] for fn in (no_defaults, const_defaults, mixed_defaults, lambda_defaults)]
if sys.version_info[0] >= 3:  # 2.7's counts depend on its free lists (difftest KNOWN.md py27_gc_count)
    print(counts)
f1, f2 = const_defaults(), const_defaults()
m1, m2 = mixed_defaults(), mixed_defaults()
print(f1.__defaults__, f1.__defaults__ is f2.__defaults__, m1.__defaults__ is m2.__defaults__)
print(gc.is_tracked(m1.__defaults__), type(f1.__defaults__).__name__)
print(sys.getrefcount(f1.__defaults__), sys.getrefcount(m1.__defaults__))
del f2
print(sys.getrefcount(f1.__defaults__))
if sys.version_info[0] >= 3:  # 2.7 keeps its MAKE_FUNCTION defaults on the stack: no tuple in co_consts
    print([c for c in const_defaults.__code__.co_consts if not hasattr(c, "co_name")])
    print([c for c in lambda_defaults.__code__.co_consts if not hasattr(c, "co_name")])


def top(a=3000, b="yz"):
    return a


print(sys.getrefcount(top.__defaults__), top.__defaults__)
same = (3000, "yz")
print(top.__defaults__ is same)
if sys.version_info[0] >= 3:  # the folded tuple is the AST's constant too: one reference more
    print(sys.getrefcount(same))
