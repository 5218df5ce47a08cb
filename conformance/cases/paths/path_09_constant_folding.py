# id: path_09_constant_folding
# source: python/cpython:Python/ast_opt.c (fold_binop, safe_multiply: MAX_STR_SIZE 4096; fold_tuple, make_const); Python/compile.c (merge_consts_recursive); python/cpython@2.7:Python/peephole.c (PyCode_Optimize: cumlc/lastlc at BUILD_TUPLE and BUILD_LIST before `in`, tuple_of_constants, fold_binops_on_constants: results of at most 20 items), Objects/codeobject.c of 2.7 (PyCode_New interns name-like str constants)
# property: which displays and operations become constants, and the objects they are: 3.x folds every tuple
#   of constants into one merged constant, `text * n` up to 4096 characters (n >= 0); 2.7's peephole optimizer folds a
#   tuple only over an unbroken run of LOAD_CONSTs (a constant it folded itself, `()` included, restarts the run, and
#   True/False are names), makes a new unmerged constant at every fold held only by co_consts, and keeps results of
#   at most 20 items; a folded tuple's items are not constants of the code in 3.x (only the parser's arena holds them
#   besides the tuple); seen through `is`, sys.getrefcount and gc.is_tracked of the new tuples after a collection
from __future__ import print_function
import gc
import sys


def tuples():
    a = (1000, 2000)
    b = (1000, 2000)
    print('two equal tuple displays are one object:', a is b)
    print('references to a folded tuple:', sys.getrefcount(a))
    item = ('a b c', 5000, 'x y' + 'z', 600 * 7)
    print('references to its items:', [sys.getrefcount(x) for x in item])
    built = [(1000, ()), ((), 1000), ((),), (1, (2, 3)), (1, 'ab' * 2, 3), (1, None, 'x'),
             (1, True), (-1, 2), (1, ~2), (~1, 2)]
    for t in built:
        print(t, 'built at run time:', gc.is_tracked(t))
    print('in a folded list:', 1000 in [1000, ()], 1000 in [(), 1000])


def texts():
    s = 'ab' * 3
    s2 = 'aba' + 'bab'
    print(s, sys.getrefcount(s) > 2, s is s2)
    t = 3 * 'a-'
    print(t, sys.getrefcount(t))
    u = 'x' * 20
    v = 'x' * 21
    print(len(u), sys.getrefcount(u), len(v), sys.getrefcount(v))
    w = b'cd' * 4
    print(w, sys.getrefcount(w))
    k = 'q' * 4097
    print(len(k), sys.getrefcount(k))
    m = -2 * 'ab'
    empty = ''
    print(repr(m), m is empty)


gc.collect()
tuples()
texts()
