# id: imp_13_const_per_file
# source: python/cpython:Python/compile.c (merge_consts_recursive over the compiler's c_const_cache: one cache per compilation, so per source file), Objects/codeobject.c (intern_strings, intern_string_constants: identifier-like strings are interned across files)
# property: equal constants of two files are distinct objects (a tuple, a float, a big int, a str that is not identifier-like), an identifier-like str is one interned object; within one file equal str and float constants are one object; the reference counts of this file's constants (the imported module's constants keep two references more in refheap until the main module has run: docs/conformance.md, imports)
from __future__ import print_function
import sys
from imp13_pkg import T, S, F, B, N, D

T2 = (1, 2.5, 'a b')
S2 = 'not an identifier'
F2 = 2.5
B2 = 12345678901
N2 = 'name_like'
print("across files:", T is T2, S is S2, F is F2, B is B2, N is N2)
print("items across files:", T[1] is F2, T[2] is S2, T[1] is F)
S3 = 'not an identifier'
F3 = 2.5
print("within a file:", S2 is S3, F2 is F3)
# (2.7's peephole optimizer makes the folded tuple a constant of co_consts alone: one reference fewer than 3.x's)
print("refcounts:", sys.getrefcount(T2), sys.getrefcount(F2))
