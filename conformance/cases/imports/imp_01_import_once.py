# id: imp_01_import_once
# source: python/cpython:Lib/importlib/_bootstrap.py (_find_and_load: sys.modules first, else find, create, enter in sys.modules, execute; _handle_fromlist); Python/ceval.c (import_from: ImportError "cannot import name"); Python/pylifecycle.c (finalize_modules: __main__ leaves sys.modules first, then the imported modules, then the shutdown collection)
# property: a module is executed once however often it is imported (import, import as, from-import bind the
# same object); its functions read its globals, which assignment through the module changes; a missing name is
# an ImportError; an error inside the module's function propagates through it; at exit the program's objects
# die before the imported module's, which go with its dict in the shutdown collection
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import imp_02_module_body
import imp_02_module_body as m2
from imp_02_module_body import make, COUNT as C, Node

print(m2 is imp_02_module_body, C, len(make(2)), Node.made)
print(imp_02_module_body.__name__, Node.__module__, type(m2).__name__)
m2.COUNT = 10
print(m2.count_plus(1), C)
try:
    from imp_02_module_body import missing
except ImportError as e:
    print(type(e).__name__)
try:
    m2.fail()
except ZeroDivisionError:
    print("ZeroDivisionError through the module's function")
x = Node("x of __main__")
print("end")
