# id: cx_05_memory
# source: python/cpython:Objects/complexobject.c (PyComplex_FromCComplex through PyObject_Malloc, complex_dealloc = tp_free, no freelist; complex_pos); python/cpython:Python/ast_opt.c (fold_binop, fold_unaryop); python/cpython:Python/compile.c (merge_consts_recursive)
# property: a complex is 32 bytes (sys.getsizeof), never GC-tracked, allocated from the object allocator
#   with no freelist (a freed complex's block is the next complex's), refcounts, and
#   the compiler folding 1+2j and -1j into single merged constants (identity across uses in a code object)
from __future__ import print_function
import sys
import gc
print(sys.getsizeof(0j), sys.getsizeof(1 + 2j), sys.getsizeof(complex('nan')))
print(gc.is_tracked(1j), gc.is_tracked(complex(1, 2)), gc.is_tracked([1j]), gc.is_tracked(tuple([1j, 2j])))
a = 1.25 + 0.5j
b = 2 - 1j
x = a * b
i = id(x)
del x
y = a + b
print(id(y) == i)
j = id(y)
del y
z = b / a
print(id(z) == j)
print(sys.getrefcount(a * b), sys.getrefcount(z))
c = +z
print(c is z, -(-z) is z, sys.getrefcount(z))
def f1():
    return 1 + 2j
def f2():
    return (1 + 2j, 1 + 2j, -1j, 0 - 1j, 2 ** 1j)
print(f1() is f1(), f2()[0] is f2()[1], f2()[2] is f2()[3], f2()[4] is f2()[4])
print(f1(), f2())
big = [complex(k, -k) for k in range(1000)]
print(len(big), sum(big), sys.getsizeof(big[500]))
del big
gc.collect()
print(gc.is_tracked(sum([1j] * 3)))
