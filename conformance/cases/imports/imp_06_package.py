# id: imp_06_package
# source: python/cpython:Lib/importlib/_bootstrap.py (_find_and_load_unlocked: the parent first, then setattr(parent_module, child, module); _init_module_attrs: __package__, __path__; _gcd_import); Python/compile.c (compiler_import_as); Python/pylifecycle.c (finalize_modules)
# property: `import a.b.c` runs the package bodies parent first (each relative import inside them too), binds
# only `a`, enters every module in sys.modules in the order their imports started and sets each submodule on
# its parent; `import a.b as x`, `from a.b import c` (a submodule) and `from a import attr` bind the same
# objects; __name__/__package__/__path__ as CPython sets them; at exit the modules' objects are finalized in
# finalize_modules order (the modules leave sys.modules in import order, then their dicts are wiped)
import sys
import pkg_a.sub.leaf

print("main: imported", "pkg_a" in globals(), "sub" in globals(), "leaf" in globals())
print([k for k in sys.modules if k.startswith("pkg_a")])
print(pkg_a.sub.leaf is sys.modules["pkg_a.sub.leaf"], pkg_a.util is sys.modules["pkg_a.util"])
print(pkg_a.__package__, pkg_a.sub.__package__, pkg_a.sub.leaf.__package__, pkg_a.util.__package__)
print(hasattr(pkg_a, "__path__"), hasattr(pkg_a.util, "__path__"), type(pkg_a.sub.__path__).__name__)
import pkg_a.sub as s
from pkg_a.sub import leaf
from pkg_a import util, VALUE, helper
print(s is pkg_a.sub, leaf is pkg_a.sub.leaf, util is pkg_a.util, VALUE, helper())
print(__name__, __package__)
print("end")
