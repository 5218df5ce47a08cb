# id: fn_42_exec_source
# source: python/cpython:Python/bltinmodule.c (builtin_exec_impl: globals must be a dict, __builtins__ added
#   when missing, locals default to globals; PyRun_StringFlags in Py_file_input mode), Python/compile.c (module
#   code stores and loads its names with STORE_NAME/LOAD_NAME in f_locals); Lib/test/test_builtin.py (test_exec);
#   Lib/dataclasses.py (_create_fn: exec(txt, globals, ns))
# property: exec() of a str runs its statements with globals (gaining __builtins__) and, given another dict as
#   locals, binds its top-level names there while the functions it defines read globals; a comprehension in it
#   does not see those locals in 3.10/3.11 (as in a class body) but does from 3.12 (PEP 709 inlines it);
#   module-level exec without arguments binds in the module; `global` in the source or in a class body
#   stores in the globals; the argument errors
import gc

g = {'y': 5}
exec("x = y + 1\ndef f(a):\n    return a + y\n", g)
print(g['x'], g['f'](1), '__builtins__' in g, type(g['__builtins__']).__name__, g['f'].__qualname__)
print(g['f'].__globals__ is g, g['f'].__module__)
ns = {}
exec("def __create_fn__(k):\n    def __init__(self, a):\n        self.a = a * k\n    return __init__\n", {'k0': 3}, ns)
print(sorted(ns), ns['__create_fn__'](2).__qualname__)


class C:
    __init__ = ns['__create_fn__'](10)


print(C(4).a)
exec("z = 42")
print(z)
loc = {}
exec("a = 1\nglobal q\nq = 7\nb = a + q", {'q': 0}, loc)
print(sorted(loc), loc['b'])
try:
    exec("c = 1\nd = [c for _ in range(2)]", {}, {})
except NameError as e:
    print('NameError', e)
for args in ((1,), ("x", []), ("x", {}, 5)):
    try:
        exec(*args)
    except TypeError as e:
        print('TypeError', e)


class K:  # a class body: the same scoping (symtable.c's class scope)
    c = 1
    try:
        d = [c for _ in range(2)]
    except NameError as e:
        print('NameError in class body', e)
    global gx
    gx = 5


print(gx, hasattr(K, 'gx'), hasattr(K, 'c'))
gc.collect()
print(gc.collect())
