# id: fn_09_qualname_shared
# source: python/cpython:Objects/funcobject.c (PyFunction_NewWithQualName: func_qualname is a new reference
# to the code object's co_qualname); Objects/codeobject.c (co_qualname); Python/compile.c (compiler_class:
# the body's `__qualname__ = <constant>`); Lib/test/test_funcattrs.py:FunctionPropertiesTest.test___qualname__
# property: every function (def, closure, generator expression) and class made from one code object shares
# that code's qualname str instead of allocating its own: `is` between two makes is True, and making 200
# closures allocates the same number of memory blocks per function as CPython (sys.getallocatedblocks)
import sys


def outer():
    def inner():
        pass
    return inner


a = outer()
b = outer()
print(a.__qualname__, a.__qualname__ is b.__qualname__, a.__name__ is b.__name__)


class K:
    class N:
        pass


def mk():
    class L:
        pass
    return L


print(mk().__qualname__ is mk().__qualname__, K.N.__qualname__, mk().__qualname__)
g1 = (x for x in ())
g2 = (x for x in ())
print(g1.__qualname__, g1.__qualname__ is g2.__qualname__)

pad = [str(i) for i in range(3000)]  # the block count is a new int, not a cached small one
keep = []
before = sys.getallocatedblocks()
for i in range(1000):
    keep.append(outer())
print(round((sys.getallocatedblocks() - before) / 100.0))  # 10: one block per function (the list's few round away)
