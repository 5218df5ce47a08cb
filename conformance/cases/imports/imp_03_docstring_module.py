"""imp_03: the module docstring of an imported module is its __doc__."""
# id: imp_03_docstring_module
# source: python/cpython:Python/compile.c (compiler_body: a leading string constant is stored as __doc__); Lib/importlib/_bootstrap.py (_init_module_attrs)
# property: an imported module whose first statement is a docstring gets it as __doc__ (the name __doc__
# is held by the code that stores it, not only by the importing program); **kw binds by name; the importer imports itself as a module and sees its own docstring too
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import imp_04_docstring_lib as lib

print(lib.__doc__)
print(lib.greet("x"), lib.greet("y", sep="-"))
print(__doc__)
import imp_05_failing_import_lib
