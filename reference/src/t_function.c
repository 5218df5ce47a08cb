/* t_function.c — functions, bound methods, built-in functions, modules and the native box object.
 *
 * Owns the type objects RH_K_FUNCTION, RH_K_METHOD, RH_K_BUILTIN, RH_K_MODULE, RH_K_ITER and RH_K_OTHER (box),
 * set up by rh_func_types_init. Layouts mirror CPython 3.11's structs field for field so basicsize and
 * sys.getsizeof are CPython's (PyFunctionObject 136, PyMethodObject 48, PyCFunctionObject 56,
 * PyModuleObject 56; plus the 16-byte GC head). Invariants: every object here is a GC type and is
 * tracked from creation until its dealloc untracks it (as PyFunction_New / PyMethod_New /
 * PyCFunction_New / PyModule_New); a cleared object (tp_clear) has NULL in the cleared fields and is
 * still safe to dealloc. Functions, methods, built-in functions and modules are weak-referenceable
 * (weaklistoffset as CPython's); their deallocs clear weakrefs before any field is cleared.
 */
#include <stddef.h>

#include "gc_internal.h" /* rh__weakref_clear_all */
#include "internal.h"
#include "refheap/func.h"

typedef struct rh_func {
    rh_object ob;
    rh_object *globals, *builtins, *name, *qualname;
    void *code;                  /* func_code: the embedder's code unit (not an object) */
    rh_object *defaults, *kwdefaults, *closure;
    rh_object *doc, *dict, *weakreflist, *module, *annotations;
    void *vectorcall;
    uint32_t version;
} rh_func;                       /* 136 bytes, as PyFunctionObject (3.11) */

typedef struct rh_method {
    rh_object ob;
    rh_object *func, *self, *weakreflist;
    void *vectorcall;
} rh_method;                     /* 48 */

typedef struct rh_builtin {
    rh_object ob;
    const rh_builtin_def *def;   /* m_ml */
    rh_object *self, *module, *weakreflist;
    void *vectorcall;
} rh_builtin;                    /* 56 */

typedef struct rh_module {
    rh_object ob;
    rh_object *dict;
    void *def, *state;
    rh_object *weaklist, *name;
} rh_module;                     /* 56 */

typedef struct rh_iterobj {
    rh_object ob;
    int64_t index;
    rh_object *seq;
} rh_iterobj;                    /* 32, as listiterobject */

typedef struct rh_box {
    rh_object ob;
    rh_object *value;
    const char *type_name;
} rh_box;

_Static_assert(sizeof(rh_func) == 136, "PyFunctionObject is 136 bytes in 3.11");
_Static_assert(sizeof(rh_method) == 48, "PyMethodObject is 48 bytes");
_Static_assert(sizeof(rh_builtin) == 56, "PyCFunctionObject is 56 bytes");
_Static_assert(sizeof(rh_module) == 56, "PyModuleObject is 56 bytes");

/* ---------------------------------------------------------------- shared helpers */

static rh_object *new_gc(rh_runtime *rt, rh_kind k, size_t size) {
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, k), size);
    if (o) memset((char *)o + sizeof(rh_object), 0, size - sizeof(rh_object));
    return o;
}

static void clear_slot(rh_runtime *rt, rh_object **slot) {
    rh_object *old = *slot;
    *slot = NULL;
    rh_xdecref(rt, old);
}

#define VISIT(x) do { if (x) { int r_ = visit((x), arg); if (r_) return r_; } } while (0)

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

static void method_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    method_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_method));
}

rh_object *rh_method_new(rh_runtime *rt, rh_object *func, rh_object *self) {
    rh_method *m = (rh_method *)new_gc(rt, RH_K_METHOD, sizeof(rh_method));
    if (!m) return NULL;
    m->func = func; rh_incref(func);
    m->self = self; rh_incref(self);
    rh__gc_track(rt, &m->ob);
    return &m->ob;
}
rh_object *rh_method_func(rh_object *m) { return ((rh_method *)m)->func; }
rh_object *rh_method_self(rh_object *m) { return ((rh_method *)m)->self; }

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

static void builtin_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    builtin_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_builtin));
}

rh_object *rh_builtin_new(rh_runtime *rt, const rh_builtin_def *def, rh_object *self) {
    rh_builtin *b = (rh_builtin *)new_gc(rt, RH_K_BUILTIN, sizeof(rh_builtin));
    if (!b) return NULL;
    b->def = def;
    b->self = self; rh_xincref(self);
    rh__gc_track(rt, &b->ob);
    return &b->ob;
}
const rh_builtin_def *rh_builtin_get_def(rh_object *b) { return ((rh_builtin *)b)->def; }
rh_object *rh_builtin_self(rh_object *b) { return ((rh_builtin *)b)->self; }

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
rh_object *rh_module_dict(rh_object *m) { return ((rh_module *)m)->dict; }
rh_object *rh_module_name(rh_object *m) { return ((rh_module *)m)->name; }

/* ---------------------------------------------------------------- iterator */

static int iter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_iterobj *)o)->seq);
    return 0;
}

static int iter_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_iterobj *)o)->seq);
    return 0;
}

static void iter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    iter_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_iterobj));
}

rh_object *rh_iter_new(rh_runtime *rt, rh_object *seq) {
    rh_iterobj *it = (rh_iterobj *)new_gc(rt, RH_K_ITER, sizeof(rh_iterobj));
    if (!it) return NULL;
    it->seq = seq; rh_incref(seq);
    rh__gc_track(rt, &it->ob);
    return &it->ob;
}
rh_object *rh_iter_seq(rh_object *it) { return ((rh_iterobj *)it)->seq; }
int64_t *rh_iter_index(rh_object *it) { return &((rh_iterobj *)it)->index; }
void rh_iter_exhaust(rh_runtime *rt, rh_object *it) { clear_slot(rt, &((rh_iterobj *)it)->seq); }

/* ---------------------------------------------------------------- box */

static int box_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_box *)o)->value);
    return 0;
}

static int box_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_box *)o)->value);
    return 0;
}

static void box_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    box_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_box));
}

rh_object *rh_box_new(rh_runtime *rt, const char *type_name, rh_object *value) {
    rh_box *b = (rh_box *)new_gc(rt, RH_K_OTHER, sizeof(rh_box));
    if (!b) return NULL;
    b->type_name = type_name;
    b->value = value; rh_xincref(value);
    return &b->ob;
}
rh_object *rh_box_value(rh_object *b) { return ((rh_box *)b)->value; }
void rh_box_set(rh_runtime *rt, rh_object *b, rh_object *value) {
    rh_xincref(value);
    clear_slot(rt, &((rh_box *)b)->value);
    ((rh_box *)b)->value = value;
}
const char *rh_box_type_name(rh_object *b) { return ((rh_box *)b)->type_name; }

/* ---------------------------------------------------------------- types */

static void set_type(rh_runtime *rt, rh_kind k, const char *name, size_t size, size_t weakoff,
                     void (*dealloc)(rh_runtime *, rh_object *),
                     int (*traverse)(rh_object *, rh_visitproc, void *), int (*clear)(rh_runtime *, rh_object *)) {
    rh_type *t = rh_builtin_type(rt, k);
    t->name = name;
    t->kind = k;
    t->flags = RH_TPFLAG_GC;
    t->basicsize = size;
    t->itemsize = 0;
    t->weaklistoffset = weakoff;
    if (weakoff) t->flags |= RH_TPFLAG_WEAKREFABLE;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = dealloc;
    t->traverse = traverse;
    t->clear = clear;
    t->size_of = NULL;
}

void rh_func_types_init(rh_runtime *rt) {
    set_type(rt, RH_K_FUNCTION, "function", sizeof(rh_func), offsetof(rh_func, weakreflist), func_dealloc,
             func_traverse, func_clear);
    set_type(rt, RH_K_METHOD, "method", sizeof(rh_method), offsetof(rh_method, weakreflist), method_dealloc,
             method_traverse, method_clear);
    set_type(rt, RH_K_BUILTIN, "builtin_function_or_method", sizeof(rh_builtin), offsetof(rh_builtin, weakreflist),
             builtin_dealloc, builtin_traverse, builtin_clear);
    set_type(rt, RH_K_MODULE, "module", sizeof(rh_module), offsetof(rh_module, weaklist), module_dealloc,
             module_traverse, module_clear);
    set_type(rt, RH_K_ITER, "iterator", sizeof(rh_iterobj), 0, iter_dealloc, iter_traverse, iter_clear);
    set_type(rt, RH_K_OTHER, "TextIOWrapper", sizeof(rh_box), 0, box_dealloc, box_traverse, box_clear);
}
