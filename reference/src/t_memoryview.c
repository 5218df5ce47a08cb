/* t_memoryview.c — the type object `memoryview` (CPython 3.11 Objects/memoryobject.c: PyMemoryView_Type).
 *
 * Owns the type RH_K_MEMORYVIEW: its name, sizes and flags, so the name exists where the standard library
 * reads it (Lib/_collections_abc.py: Sequence.register(memoryview)). refheap has no buffer protocol:
 * calling the type is refused by the embedder (harness/src/builtins_bytes.c), so no instance is ever made.
 *
 * Invariants: PyMemoryViewObject's 3.x struct is a var object of 144 bytes (header and size, mbuf, hash,
 * flags and exports, the Py_buffer view, weakreflist at 128, ob_array) with 8-byte items and the GC head in
 * front; 2.7's is 120 fixed bytes. It is GC, weak-referenceable and not subclassable (no BASETYPE).
 */
#include "callables.h"
#include "refheap/profile.h"

static void mv_dealloc(rh_runtime *rt, rh_object *o) {
    (void)rt;
    (void)o;
    rh_assert(!"refheap makes no memoryview");
}

void rh__type_init_memoryview(rh_runtime *rt, rh_type *t) {
    int py2 = rh_runtime_profile(rt)->python2;
    set_type(t, "memoryview", py2 ? 120 : 144, py2 ? 0 : 128, mv_dealloc, NULL, NULL);
    t->itemsize = py2 ? 0 : 8;
}
