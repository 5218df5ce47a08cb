/* t_module.c — modules (PyModuleObject, Objects/moduleobject.c).
 *
 * Owns the type RH_K_MODULE: layout (56 bytes + GC head), its dict, repr and registration (types.c).
 * Invariants: callables.h.
 */
#include <stddef.h>

#include "callables.h"

typedef struct rh_module {
    rh_object ob;
    rh_object *dict;
    void *def, *state;
    rh_object *weaklist, *name;
} rh_module;                     /* 56 */

_Static_assert(sizeof(rh_module) == 56, "PyModuleObject is 56 bytes");

/* ---------------------------------------------------------------- module */

static int module_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_module *)o)->dict);
    return 0;
}

static int module_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_module *)o)->dict);
    return 0;
}

static void module_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    module_clear(rt, o);
    clear_slot(rt, &((rh_module *)o)->name);
    rh__object_free(rt, o, sizeof(rh_module));
}

rh_object *rh_module_new(rh_runtime *rt, rh_object *name) {
    rh_object *d = rh_dict_new(rt);
    if (!d) return NULL;
    rh_module *m = (rh_module *)new_gc(rt, RH_K_MODULE, sizeof(rh_module));
    if (!m) { rh_decref(rt, d); return NULL; }
    m->dict = d;
    m->name = name; rh_incref(name);
    if (rh_dict_set_cstr(rt, d, "__name__", name) != 0) { rh_decref(rt, &m->ob); return NULL; }
    rh__gc_track(rt, &m->ob);
    return &m->ob;
}
/* name and dict borrowed; a new reference or NULL */
rh_object *rh_module_new_with_dict(rh_runtime *rt, rh_object *name, rh_object *dict) {
    rh_module *m = (rh_module *)new_gc(rt, RH_K_MODULE, sizeof(rh_module));
    if (!m) return NULL;
    m->dict = dict; rh_incref(dict);
    m->name = name; rh_incref(name);
    rh_object *have = rh_dict_get_cstr(rt, dict, "__name__");
    if (!have && (rh_err_occurred(rt) || rh_dict_set_cstr(rt, dict, "__name__", name) != 0)) {
        rh_decref(rt, &m->ob);
        return NULL;
    }
    rh__gc_track(rt, &m->ob);
    return &m->ob;
}
rh_object *rh_module_dict(rh_object *m) { return ((rh_module *)m)->dict; }
rh_object *rh_module_name(rh_object *m) { return ((rh_module *)m)->name; }

/* module_repr */
static int module_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_puts(b, "<module '") || put_name(b, rh_module_name(o)) || rh__sb_puts(b, "' (built-in)>");
}

void rh__type_init_module(rh_runtime *rt, rh_type *t) {
    set_type(t, "module", sizeof(rh_module), offsetof(rh_module, weaklist), module_dealloc, module_traverse,
             module_clear);
    t->repr_into = module_repr_into;
}
