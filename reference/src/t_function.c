/* t_function.c — Python functions (PyFunctionObject, Objects/funcobject.c).
 *
 * Owns the type RH_K_FUNCTION: its layout (136 bytes, CPython 3.11's struct field for field, plus the
 * 16-byte GC head), slots (repr, tp_descr_get binding to an instance, tp_call through the embedder's
 * call hook) and registration (types.c). Calling a function is the embedder's business: `code` is its
 * code unit. Invariants of every callable/namespace type are in callables.h.
 */
#include <stddef.h>

#include "callables.h"

typedef struct rh_func {
    rh_object ob;
    rh_object *globals, *builtins, *name, *qualname;
    void *code;                  /* func_code: the embedder's code unit (not an object) */
    rh_object *defaults, *kwdefaults, *closure;
    rh_object *doc, *dict, *weakreflist, *module, *annotations;
    void *vectorcall;
    uint32_t version;
} rh_func;                       /* 136 bytes, as PyFunctionObject (3.11) */

_Static_assert(sizeof(rh_func) == 136, "PyFunctionObject is 136 bytes in 3.11");

/* ---------------------------------------------------------------- function */

static int func_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_func *f = (rh_func *)o;
    VISIT(f->globals);
    VISIT(f->builtins);
    VISIT(f->module);
    VISIT(f->defaults);
    VISIT(f->kwdefaults);
    VISIT(f->doc);
    VISIT(f->name);
    VISIT(f->dict);
    VISIT(f->closure);
    VISIT(f->annotations);
    VISIT(f->qualname);
    return 0;
}

static int func_clear(rh_runtime *rt, rh_object *o) {
    rh_func *f = (rh_func *)o;
    clear_slot(rt, &f->globals);
    clear_slot(rt, &f->builtins);
    clear_slot(rt, &f->module);
    clear_slot(rt, &f->defaults);
    clear_slot(rt, &f->kwdefaults);
    clear_slot(rt, &f->doc);
    clear_slot(rt, &f->dict);
    clear_slot(rt, &f->closure);
    clear_slot(rt, &f->annotations);
    /* name and qualname stay (3.11 func_clear keeps them readable for repr) */
    return 0;
}

static void func_dealloc(rh_runtime *rt, rh_object *o) {
    rh_func *f = (rh_func *)o;
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    func_clear(rt, o);
    clear_slot(rt, &f->name);
    clear_slot(rt, &f->qualname);
    rh__object_free(rt, o, sizeof(rh_func));
}

rh_object *rh_func_new(rh_runtime *rt, void *code, rh_object *globals, rh_object *name, rh_object *qualname,
                       rh_object *defaults) {
    rh_func *f = (rh_func *)new_gc(rt, RH_K_FUNCTION, sizeof(rh_func));
    if (!f) return NULL;
    f->code = code;
    f->globals = globals; rh_xincref(globals);
    f->name = name; rh_xincref(name);
    f->qualname = qualname ? qualname : name; rh_xincref(f->qualname);
    f->defaults = defaults; rh_xincref(defaults);
    rh__gc_track(rt, &f->ob);
    return &f->ob;
}
void *rh_func_code(rh_object *f) { return ((rh_func *)f)->code; }
rh_object *rh_func_globals(rh_object *f) { return ((rh_func *)f)->globals; }
rh_object *rh_func_name(rh_object *f) { return ((rh_func *)f)->name; }
rh_object *rh_func_qualname(rh_object *f) { return ((rh_func *)f)->qualname; }
rh_object *rh_func_defaults(rh_object *f) { return ((rh_func *)f)->defaults; }
rh_object *rh_func_closure(rh_object *f) { return ((rh_func *)f)->closure; }
rh_object *rh_func_kwdefaults(rh_object *f) { return ((rh_func *)f)->kwdefaults; }
rh_object *rh_func_annotations(rh_object *f) { return ((rh_func *)f)->annotations; }
rh_object *rh_func_doc(rh_object *f) { return ((rh_func *)f)->doc; }
rh_object *rh_func_dict_peek(rh_object *f) { return ((rh_func *)f)->dict; }

static void set_field(rh_runtime *rt, rh_object **slot, rh_object *v) {
    rh_xincref(v);
    rh_object *old = *slot;
    *slot = v;
    rh_xdecref(rt, old);
}
void rh_func_set_closure(rh_runtime *rt, rh_object *f, rh_object *v) { set_field(rt, &((rh_func *)f)->closure, v); }
void rh_func_set_kwdefaults(rh_runtime *rt, rh_object *f, rh_object *v) { set_field(rt, &((rh_func *)f)->kwdefaults, v); }
void rh_func_set_defaults(rh_runtime *rt, rh_object *f, rh_object *v) { set_field(rt, &((rh_func *)f)->defaults, v); }
void rh_func_set_annotations(rh_runtime *rt, rh_object *f, rh_object *v) { set_field(rt, &((rh_func *)f)->annotations, v); }
void rh_func_set_doc(rh_runtime *rt, rh_object *f, rh_object *v) { set_field(rt, &((rh_func *)f)->doc, v); }
void rh_func_set_name(rh_runtime *rt, rh_object *f, rh_object *v) { set_field(rt, &((rh_func *)f)->name, v); }
void rh_func_set_qualname(rh_runtime *rt, rh_object *f, rh_object *v) { set_field(rt, &((rh_func *)f)->qualname, v); }

void rh_func_set_dict(rh_runtime *rt, rh_object *f, rh_object *d) { set_field(rt, &((rh_func *)f)->dict, d); }

rh_object *rh_func_dict(rh_runtime *rt, rh_object *f) {
    rh_func *fn = (rh_func *)f;
    if (!fn->dict) fn->dict = rh_dict_new(rt);
    return fn->dict;
}

/* func_repr */
static int func_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_puts(b, "<function ") || put_name(b, func_qualname(o)) || rh__sb_printf(b, " at %p>", (void *)o);
}

/* func_descr_get: a function found on a class binds to the instance it is looked up on */
static rh_object *func_descr_get(rh_runtime *rt, rh_object *f, rh_object *obj, rh_object *type) {
    if (!obj || obj == rh_none(rt)) {
        rh_incref(f);
        return f;
    }
    return rh_method_new(rt, f, obj);
}

void rh__type_init_function(rh_runtime *rt, rh_type *t) {
    set_type(t, "function", sizeof(rh_func), offsetof(rh_func, weakreflist), func_dealloc, func_traverse, func_clear);
    t->repr_into = func_repr_into;
    t->tp_call = rh__call_hook;
    t->tp_descr_get = func_descr_get;
}

void rh_func_types_init(rh_runtime *rt) { rh__types_setup_range(rt, RH_K_FUNCTION, RH_K_FILE); }
