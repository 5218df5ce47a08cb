# id: fn_14_code_portable
# source: python/cpython:Objects/funcobject.c (func_memberlist, func_getsetlist; 2.7's func_code,
# func_defaults, func_doc, func_globals, func_dict, func_closure, func_name aliases); Objects/codeobject.c
# (code_memberlist co_consts, co_names); Objects/genobject.c (gen_getsetlist gi_code, gi_frame,
# gi_running); Objects/frameobject.c (frame_repr, 3.x only; 2.7's frames have object's repr)
# property: what every profile shares about code, generator and frame objects: a generator's gi_code is
# its function's code, gi_frame is None once it finished and shows its locals while suspended,
# co_consts starts with the docstring or None, co_names lists globals and attributes in first-use
# order, the frame repr per version, and 2.7's func_* aliases (absent in 3.x)
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import sys


def A(o):
    r = repr(o)
    at = r.find(" at 0x")
    if at < 0:
        return r
    end = r.find(",", at)
    return (r[:at + 4] + "ADDR" + (r[end:] if end >= 0 else ">")).replace(__file__, "FILE")


def documented(a, b=2):
    "The docstring."
    total = a + b
    return len(sys.argv) + total, "text"


def plain(o):
    o.attr = max(o.items)


print(documented.__code__.co_consts, documented.__code__.co_names, documented.__code__.co_varnames)
print(plain.__code__.co_consts, plain.__code__.co_names)


def gen(n):
    x = n * 2
    yield x
    yield x + 1


g = gen(3)
print(g.gi_code is gen.__code__, g.gi_running, sorted(g.gi_frame.f_locals.items()))
print(next(g), g.gi_frame.f_lineno - gen.__code__.co_firstlineno, sorted(g.gi_frame.f_locals.items()))
print(list(g), g.gi_frame, g.gi_code.co_name)
print(A(sys._getframe()), sys._getframe().f_code.co_name)
for alias in ("func_code", "func_defaults", "func_doc", "func_name", "func_dict", "func_closure"):
    if hasattr(documented, alias):
        v = getattr(documented, alias)
        print(alias, v is documented.__code__ if alias == "func_code" else v)
    else:
        print(alias, "absent")
if hasattr(documented, "func_defaults"):
    documented.func_defaults = (5,)
    documented.func_name = "renamed"
    print(documented(1), documented.__defaults__, documented.__name__)
