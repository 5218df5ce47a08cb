# id: wr_20_clear_callbacks_tuple
# source: python/cpython:Objects/weakrefobject.c (PyObject_ClearWeakRefs: 3.13 parks the (ref, callback) pairs of
#   the dying object in a tuple of 2 * n items even for a single callback, each ref with a new reference; up to 3.12
#   one callback is called directly through handle_callback and only several go through the tuple);
#   Modules/gcmodule.c (gc.get_count: allocations less deallocations of GC objects since the last collection)
# property: what dying with weakref callbacks allocates: after a collection (free lists empty), the death of an object
#   with one callback leaves gen-0 count one higher in 3.13 when the callback makes a container (the tuple, put back
#   on the free list, is not a deallocation), as 3.12 leaves it with two callbacks; the ref seen by its callback has
#   one reference more where the tuple holds it
from __future__ import print_function
import gc
import sys
import weakref


class C1(object):
    pass


def run(label, *callbacks):
    v1 = C1()
    refs = [weakref.ref(v1, f) for f in callbacks]
    gc.collect()
    del v1
    print(label, gc.get_count())
    del refs


def cb_none(r):
    pass


def cb_list(r):
    x = []


def cb_dict(r):
    x = {}


def cb_two(r):
    x = []
    y = []


def cb_obj(r):
    x = C1()


def cb_refcount(r):
    print('references to the ref in its callback:', sys.getrefcount(r))


print('start', [0], {0: 0}, (0,))
run('none', cb_none)
run('list', cb_list)
run('dict', cb_dict)
run('two lists', cb_two)
run('instance', cb_obj)
run('two callbacks', cb_none, cb_none)
run('two callbacks, a list', cb_list, cb_none)
run('refcount', cb_refcount)
run('refcount, two', cb_refcount, cb_none)
