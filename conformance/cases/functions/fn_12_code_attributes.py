# id: fn_12_code_attributes
# source: python/cpython:Objects/codeobject.c (code_memberlist co_consts/co_names, code_getcode,
# code_getlnotab/decode_linetable, code_repr, code_richcompare); Python/compile.c (compiler_function:
# the docstring or None as the first constant, compiler_add_const, compiler_addop_name,
# compiler_import/compiler_from_import, compiler_call's KW_NAMES tuple, fold_tuple_on_constants,
# trim_unused_consts); Objects/funcobject.c (func_set_code, func_set_defaults, func_set_kwdefaults,
# func_memberlist __builtins__, func_get_annotations); Lib/test/test_funcattrs.py
# property: a code object's co_consts and co_names are the constants and names of its unit in the
# order 3.11's compiler added them (docstring or None first, import level and fromlist, keyword-name
# tuples, nested code objects, a folded default tuple after the rest), co_code/co_lnotab/
# co_linetable/co_exceptiontable are bytes covering the code units co_lines counts, the repr names
# the unit; a function's __builtins__, __defaults__/__kwdefaults__/__annotations__/__module__/__doc__
# assignment, __dict__ replacement and __code__ assignment checks behave as funcobject.c's; a starred
# target is a local; a generator expression's code object lists '.0' and its variables
def A(o):
    r = repr(o)
    at = r.find(" at 0x")
    return r if at < 0 else r[:at + 4] + "ADDR" + r[r.find(",", at):]


def empty():
    pass


def documented():
    """The docstring."""
    return 1


def arith(a, b=2):
    x = a + 1
    return x * 2.5, "s"


def branches(x):
    if x:
        return 1
    else:
        return 2


def attributes(o):
    o.attr = len(o.items)
    del o.z
    print(o.m(1, k=2))
    global G
    G = 1


def imports():
    import os.path
    from sys import path, argv
    import json as j
    return os, path, j


def handler(x):
    try:
        return x[0]
    except (IndexError, KeyError) as e:
        raise ValueError("bad") from e
    finally:
        print("done")


def loops(n):
    for i in range(n):
        while i > 3:
            i -= 1
    return -1, (1, 2), None, True, ...


def outer(a):
    def inner(b=3):
        return a + b
    return inner


def formatted(s):
    return f"{s!r:>10} and {s}"


def ellipsis_only():
    ...


def raises(x):
    raise ValueError(x)


def gen(x):
    yield x
    yield from range(3)


class C:
    """Class doc."""
    x = 1

    def m(self):
        return super().m()


def show(c):
    if hasattr(c, "co_name"):
        return "<code %s>" % c.co_name
    return c


for fn in (empty, documented, arith, branches, attributes, imports, handler, loops, outer, outer(1),
           formatted, ellipsis_only, raises, gen, C.m):
    co = fn.__code__
    print(co.co_name, [show(c) for c in co.co_consts], co.co_names)

# the byte tables: bytes, covering the code units co_lines counts
for fn in (empty, arith, handler, loops):
    co = fn.__code__
    ends = max(end for start, end, line in co.co_lines())
    print(co.co_name, type(co.co_code).__name__, len(co.co_code) == ends, len(co.co_code) % 2,
          type(co.co_lnotab).__name__, len(co.co_lnotab) % 2, type(co.co_linetable).__name__,
          len(co.co_linetable) > 0, getattr(co, "co_exceptiontable", b"") == b"")
print(A(arith.__code__).replace(__file__, "FILE"))
print(arith.__code__ == arith.__code__, arith.__code__ == branches.__code__,
      hash(arith.__code__) == hash(arith.__code__), arith.__code__.co_consts == arith.__code__.co_consts)

# function attributes
print(arith.__builtins__ is __builtins__.__dict__, arith.__globals__ is globals(), arith.__module__)
print(arith.__defaults__, arith.__kwdefaults__, arith.__annotations__, documented.__doc__, empty.__doc__)


def kw(a, b=2, *, c=3) -> int:
    return a


print(kw.__defaults__, kw.__kwdefaults__, kw.__annotations__)
kw.__defaults__ = (7,)
kw.__kwdefaults__ = {"c": 9}
print(kw(1), kw.__defaults__, kw.__kwdefaults__)
kw.__defaults__ = None
del kw.__kwdefaults__
print(kw.__defaults__, kw.__kwdefaults__)
for name, value in (("__defaults__", [1]), ("__kwdefaults__", (1,)), ("__annotations__", 1),
                    ("__code__", None), ("__code__", 1), ("__code__", outer(1).__code__),
                    ("__builtins__", {}), ("__globals__", {}), ("__closure__", None), ("__name__", 1)):
    try:
        setattr(kw, name, value)
        print(name, "set")
    except (TypeError, ValueError, AttributeError) as e:
        print(name, type(e).__name__, e)
kw.__code__ = kw.__code__
kw.__annotations__ = {"a": str}
kw.__module__ = "elsewhere"
kw.__doc__ = "now documented"
print(kw.__annotations__, kw.__module__, kw.__doc__, kw.__code__.co_consts)
del kw.__annotations__
print(kw.__annotations__)
attrs = {"a": 1}
kw.__dict__ = attrs
kw.b = 2
print(kw.a, kw.__dict__ is attrs, attrs)
for value in (1, None):
    try:
        kw.__dict__ = value
    except TypeError as e:
        print(e)
try:
    del kw.__dict__
except TypeError as e:
    print(e)


def starred(*a):
    x, *rest = a
    for first, *others in [a]:
        pass
    return rest, others


print(starred(1, 2, 3), "rest" in globals(), "others" in globals(), starred.__code__.co_varnames,
      starred.__code__.co_names, starred.__code__.co_nlocals)


def genexp(y):
    return (x + y for x in range(3) for z in range(x) if z)


gc_ = genexp(1).gi_code
print(gc_.co_name, gc_.co_argcount, gc_.co_nlocals, gc_.co_varnames, gc_.co_freevars, gc_.co_consts, gc_.co_names)
