# id: imp_10_circular
# source: python/cpython:Python/ceval.c (import_from: the fallback to sys.modules["pkg.name"]; "cannot import name ... from partially initialized module ... (most likely due to a circular import)"); Lib/importlib/_bootstrap.py (_load_unlocked: the module is in sys.modules before its body runs)
# property: two modules importing each other: the second sees the first partly initialised (names bound before
# the cycle only), reaches it through sys.modules while the package has no attribute for it yet, and importing a
# name the first has not bound yet is the "partially initialized module" ImportError
import sys
from pkg_a import circ_a
print(circ_a.AFTER, circ_a.circ_b.seen, [k for k in sys.modules if k.startswith("pkg_a.circ")])
