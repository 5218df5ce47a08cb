# id: fin_17_exit_garbage
# source: python/cpython:Python/pylifecycle.c (Py_FinalizeEx: finalize_modules, then _PyGC_CollectNoFail collects
#   what clearing the modules left in cycles); python/cpython@2.7:Python/pythonrun.c (Py_Finalize: PyGC_Collect
#   before PyImport_Cleanup, the collection after it under `#if 0`)
# property: at exit, an object without __del__ cycles that only the program's globals kept alive is collected by
#   3.x's shutdown collection, so a finalizer reachable from it runs (after every global that dies by refcount);
#   Python 2.7 never collects after clearing the modules, so that finalizer never runs; objects outside cycles die
#   by refcount with the module's dict in both
from __future__ import print_function  # the same file runs on Python 2.7 (py27 profile)
import gc


class C0(object):
    def __init__(self, t):
        self.t = t

    def __del__(self):
        print('del', self.t)


kept = C0('reachable from a cycle')
ring = []
ring.insert(3, {'self': ring, 'held': kept})
plain = C0('plain global')
del kept
gc.collect()
print('end')
