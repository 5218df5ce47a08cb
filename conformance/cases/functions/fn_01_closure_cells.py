# id: fn_01_closure_cells
# source: CPython 3.11 Objects/cellobject.c (PyCell_New tracks the cell; cell_repr; sizeof 24 + GC head),
# Python/symtable.c (analyze_block / analyze_cells: a name a nested function reads becomes a cell of the
# binding function and a free variable of the reader), Python/compile.c (compiler_make_closure:
# LOAD_CLOSURE ... BUILD_TUPLE, MAKE_FUNCTION 8), Python/ceval.c (MAKE_CELL, LOAD_DEREF, STORE_DEREF,
# COPY_FREE_VARS)
# property: a variable shared with nested functions lives in one cell object; the binding frame's slot and
# every closure tuple hold a reference to the cell, the cell one to the value; `nonlocal` rebinds the
# cell's content; a cell is GC-tracked and 40 bytes; a function that reaches itself through its own
# closure is a cycle (function -> closure tuple -> cell -> function) only the collector frees
import gc
import sys


def make_pair():
    shared = [1, 2]
    def get():
        return shared
    def put(v):
        nonlocal shared
        shared = v
    return get, put


get, put = make_pair()
cell = get.__closure__[0]
print(type(cell).__name__, sys.getsizeof(cell), gc.is_tracked(cell))
print(cell is put.__closure__[0], len(get.__closure__), type(get.__closure__).__name__)
print(sys.getrefcount(cell))            # two closure tuples + the argument
value = get()
print(sys.getrefcount(value))           # the cell + `value` + the argument
put("new")
print(get(), sys.getrefcount(value), cell.cell_contents)
del value


def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


c = counter()
print(c(), c(), c(10), c.__closure__[0].cell_contents)


def outer(x):
    def mid():
        def inner():
            return x
        return inner
    return mid


inner = outer(42)()
print(inner(), inner.__closure__[0].cell_contents, outer(1).__closure__[0].cell_contents)


def arg_cell(a, b):
    def f():
        return a + b
    a = a * 10
    return f


print(arg_cell(1, 2)())


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def self_ref():
    payload = Noisy("payload")
    def rec():
        return rec, payload
    return rec


gc.collect()
gc.disable()
r = self_ref()
print(r()[0] is r)
del r
print("after del")
print("collected", gc.collect())
gc.enable()


def late():
    def f():
        return v
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return f()


print(late())
