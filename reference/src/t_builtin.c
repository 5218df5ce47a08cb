/* t_builtin.c — built-in functions and methods (PyCFunctionObject, Objects/methodobject.c).
 *
 * Owns the type RH_K_BUILTIN: layout (56 bytes + GC head), slots (meth_repr, tp_call through the call
 * hook) and registration (types.c). The def is the embedder's static storage. Invariants: callables.h.
 */
#include <stddef.h>

#include "callables.h"
#include "containers.h" /* rh__release_parked */

typedef struct rh_builtin {
    rh_object ob;
    const rh_builtin_def *def;   /* m_ml */
    rh_object *self, *module, *weakreflist;
    void *vectorcall;
} rh_builtin;                    /* 56 */

_Static_assert(sizeof(rh_builtin) == 56, "PyCFunctionObject is 56 bytes");

/* ---------------------------------------------------------------- built-in function */

static int builtin_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_builtin *b = (rh_builtin *)o;
    VISIT(b->self);
    VISIT(b->module);
    return 0;
}

static int builtin_clear(rh_runtime *rt, rh_object *o) {
    rh_builtin *b = (rh_builtin *)o;
    clear_slot(rt, &b->self);
    clear_slot(rt, &b->module);
    return 0;
}

/* 2.7 (profile cfunc_freelist): a dead one waits in the free list, linked through self (meth_dealloc /
 * PyCFunction_NewEx, Objects/methodobject.c); a full collection empties it (clear_freelists) */
static void builtin_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    builtin_clear(rt, o);
    if (!rh__lfl_park(rt, &rt->fl.cfunc, o, offsetof(rh_builtin, self), rt->profile->cfunc_freelist))
        rh__object_free(rt, o, sizeof(rh_builtin));
}

void rh__cfunc_freelist_clear(rh_runtime *rt) {
    rh__lfl_clear(rt, &rt->fl.cfunc, sizeof(rh_builtin), offsetof(rh_builtin, self));
}

rh_object *rh_builtin_new(rh_runtime *rt, const rh_builtin_def *def, rh_object *self) {
    rh_builtin *b = (rh_builtin *)rh__lfl_take(rt, &rt->fl.cfunc, RH_K_BUILTIN, sizeof(rh_builtin), offsetof(rh_builtin, self));
    if (!b && !(b = (rh_builtin *)new_gc(rt, RH_K_BUILTIN, sizeof(rh_builtin)))) return NULL;
    b->def = def;
    b->self = self; rh_xincref(self);
    rh__gc_track(rt, &b->ob);
    return &b->ob;
}
const rh_builtin_def *rh_builtin_get_def(rh_object *b) { return ((rh_builtin *)b)->def; }
rh_object *rh_builtin_self(rh_object *b) { return ((rh_builtin *)b)->self; }

/* meth_repr */
static int builtin_repr_into(rh__sb *b, rh_object *o) {
    rh_object *self = rh_builtin_self(o);
    const char *name = rh_builtin_get_def(o)->name;
    if (!self || self->type->kind == RH_K_MODULE) return rh__sb_printf(b, "<built-in function %s>", name);
    return rh__sb_printf(b, "<built-in method %s of %s object at %p>", name, rh_type_name(self), (void *)self);
}

void rh__type_init_builtin(rh_runtime *rt, rh_type *t) {
    set_type(t, "builtin_function_or_method", sizeof(rh_builtin), offsetof(rh_builtin, weakreflist),
             builtin_dealloc, builtin_traverse, builtin_clear);
    t->repr_into = builtin_repr_into;
    t->tp_call = rh__call_hook;
}
