/* t_method.c — bound methods (PyMethodObject, Objects/classobject.c).
 *
 * Owns the type RH_K_METHOD: layout (48 bytes + GC head), slots (repr "<bound method C.f of ...>",
 * tp_call through the call hook) and registration (types.c). Invariants: callables.h.
 */
#include <stddef.h>

#include "callables.h"
#include "containers.h" /* rh__release_parked */

typedef struct rh_method {
    rh_object ob;
    rh_object *func, *self, *weakreflist;
    void *vectorcall;
} rh_method;                     /* 48 */

_Static_assert(sizeof(rh_method) == 48, "PyMethodObject is 48 bytes");

/* ---------------------------------------------------------------- bound method */

static int method_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_method *m = (rh_method *)o;
    VISIT(m->func);
    VISIT(m->self);
    return 0;
}

static int method_clear(rh_runtime *rt, rh_object *o) {
    rh_method *m = (rh_method *)o;
    clear_slot(rt, &m->func);
    clear_slot(rt, &m->self);
    return 0;
}

/* 2.7 (profile method_freelist): a dead bound method waits in the free list, linked through self
 * (method_dealloc / PyMethod_New, Objects/classobject.c); a full collection empties it (clear_freelists) */
static void method_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    method_clear(rt, o);
    if (!rh__lfl_park(rt, &rt->fl.method, o, offsetof(rh_method, self), rt->profile->method_freelist))
        rh__object_free(rt, o, sizeof(rh_method));
}

void rh__method_freelist_clear(rh_runtime *rt) {
    rh__lfl_clear(rt, &rt->fl.method, sizeof(rh_method), offsetof(rh_method, self));
}

rh_object *rh_method_new(rh_runtime *rt, rh_object *func, rh_object *self) {
    rh_method *m = (rh_method *)rh__lfl_take(rt, &rt->fl.method, RH_K_METHOD, sizeof(rh_method), offsetof(rh_method, self));
    if (!m && !(m = (rh_method *)new_gc(rt, RH_K_METHOD, sizeof(rh_method)))) return NULL;
    m->func = func; rh_incref(func);
    m->self = self; rh_incref(self);
    rh__gc_track(rt, &m->ob);
    return &m->ob;
}
rh_object *rh_method_func(rh_object *m) { return ((rh_method *)m)->func; }
rh_object *rh_method_self(rh_object *m) { return ((rh_method *)m)->self; }

/* method_repr: "<bound method %U of %R>" */
static int method_repr_into(rh__sb *b, rh_object *o) {
    rh_object *f = rh_method_func(o), *self = rh_method_self(o);
    int rc = rh__sb_puts(b, "<bound method ");
    if (rc == 0) rc = put_name(b, f && f->type->kind == RH_K_FUNCTION ? func_qualname(f) : NULL);
    if (rc == 0) rc = rh__sb_puts(b, " of ");
    if (rc == 0) rc = self ? rh__repr_into(b, self) : rh__sb_puts(b, "?");
    return rc ? rc : rh__sb_putc(b, '>');
}

void rh__type_init_method(rh_runtime *rt, rh_type *t) {
    set_type(t, "method", sizeof(rh_method), offsetof(rh_method, weakreflist), method_dealloc, method_traverse,
             method_clear);
    t->repr_into = method_repr_into;
    t->tp_call = rh__call_hook;
}
