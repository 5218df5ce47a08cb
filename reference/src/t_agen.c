/* t_agen.c — the awaitables of an async generator: async_generator_asend and async_generator_athrow
 * (CPython 3.11 Objects/genobject.c: async_gen_asend_new, async_gen_asend_dealloc, async_gen_asend_traverse,
 * async_gen_athrow_new, async_gen_athrow_dealloc, async_gen_athrow_traverse).
 *
 * Owns the layout, GC traversal and deallocation of both types; what they do when sent to (the
 * async_gen_asend_send / async_gen_athrow_send state machines) runs in the embedder, reached through
 * rh_hooks.gen_resume for tp_iternext. Invariants: gen is counted for the object's whole life; arg is
 * counted or NULL; tracked from creation (PyObject_GC_New + _PyObject_GC_TRACK). Not modelled: 3.11's
 * asend free list (ag_asend_freelist, 80 entries): every asend is a fresh allocation (docs/conformance.md).
 */
#include <stddef.h>

#include "callables.h"
#include "refheap/gen.h"

typedef struct rh_agen_obj {
    rh_object ob;
    rh_agen_await w;
} rh_agen_obj;

static rh_agen_obj *as_agen(rh_object *o) { return (rh_agen_obj *)(void *)o; }
rh_agen_await *rh_agen_await_of(rh_object *o) { return &as_agen(o)->w; }

rh_object *rh_agen_await_new(rh_runtime *rt, rh_kind kind, rh_object *gen, rh_object *arg, int aclose) {
    rh_agen_obj *a = (rh_agen_obj *)(void *)new_gc(rt, kind, sizeof(rh_agen_obj));
    if (!a) return NULL;
    a->w.gen = gen;
    rh_incref(gen);
    a->w.arg = arg;
    rh_xincref(arg);
    a->w.aclose = (int8_t)aclose;
    rh__gc_track(rt, &a->ob);
    return &a->ob;
}

/* async_gen_asend_traverse / async_gen_athrow_traverse: the generator, then the value or arguments */
static int agen_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(as_agen(o)->w.gen);
    VISIT(as_agen(o)->w.arg);
    return 0;
}

/* async_gen_asend_dealloc / async_gen_athrow_dealloc: untrack, then the generator, then the argument */
static void agen_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    clear_slot(rt, &as_agen(o)->w.gen);
    clear_slot(rt, &as_agen(o)->w.arg);
    rh__object_free(rt, o, sizeof(rh_agen_obj));
}

static rh_object *agen_iter(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* async_gen_asend_iternext / async_gen_athrow_iternext: send(None), in the embedder */
static rh_object *agen_iternext(rh_runtime *rt, rh_object *o) {
    if (!rt->hooks.gen_resume) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "async generator without an embedder to run it");
        return NULL;
    }
    return rt->hooks.gen_resume(rt->hooks.ctx, rt, o, RH_GEN_RESUME_NEXT);
}

static void agen_type(rh_type *t, const char *name) {
    set_type(t, name, sizeof(rh_agen_obj), 0, agen_dealloc, agen_traverse, NULL);
    t->tp_iter = agen_iter;
    t->tp_iternext = agen_iternext;
}

void rh__type_init_agen_asend(rh_runtime *rt, rh_type *t) { (void)rt; agen_type(t, "async_generator_asend"); }
void rh__type_init_agen_athrow(rh_runtime *rt, rh_type *t) { (void)rt; agen_type(t, "async_generator_athrow"); }
