# id: imp_09_runtime_import
# source: python/cpython:Lib/importlib/_bootstrap.py (_find_and_load_unlocked: ModuleNotFoundError(_ERR_MSG.format(name), name=name), "...; '%s' is not a package"; _load_unlocked: a failed body leaves sys.modules); Python/ceval.c (import_name)
# property: an import that cannot be resolved before the run (inside try, a function, an if) raises
# ModuleNotFoundError when it executes, with its message and .name, catchable by `except ImportError`; an import
# inside a function runs the module's body at the call; a module whose body raises leaves sys.modules and is
# executed again by the next import
import sys


def load():
    print("load: before the import")
    import pkg_a.lazy
    print("load: after", pkg_a.lazy.N)
    return pkg_a.lazy


print("main: before calling load", "pkg_a.lazy" in sys.modules)
m = load()
print("main: again", load() is m)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))
try:
    import pkg_a.no_such_submodule
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import pkg_a.util.deeper
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkg_a import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
if m is None:
    import another_missing_module
for attempt in range(2):
    try:
        import pkg_a.broken
    except KeyError as e:
        print("KeyError", e, "pkg_a.broken" in sys.modules)
print("end")
