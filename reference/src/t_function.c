/* t_function.c — functions, bound methods, built-in functions, modules and iterators.
 *
 * Owns the type objects RH_K_FUNCTION, RH_K_METHOD, RH_K_BUILTIN, RH_K_MODULE and RH_K_ITER (their layouts,
 * slots and rh__type_init_* registered in types.c). Calling a function, method or built-in is the
 * embedder's business: their tp_call is the call hook (rh_hooks.call). Layouts mirror CPython 3.11's structs field for field so basicsize and
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
#include "scalars.h"
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

/* ---------------------------------------------------------------- slots and types */

/* a name held by a function/module (may be NULL after tp_clear) */
static int put_name(rh__sb *b, rh_object *name) {
    return name && name->type->kind == RH_K_STR ? rh__sb_put_str(b, name) : rh__sb_putc(b, '?');
}
static rh_object *func_qualname(rh_object *f) { return rh_func_qualname(f) ? rh_func_qualname(f) : rh_func_name(f); }

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

/* method_repr: "<bound method %U of %R>" */
static int method_repr_into(rh__sb *b, rh_object *o) {
    rh_object *f = rh_method_func(o), *self = rh_method_self(o);
    int rc = rh__sb_puts(b, "<bound method ");
    if (rc == 0) rc = put_name(b, f && f->type->kind == RH_K_FUNCTION ? func_qualname(f) : NULL);
    if (rc == 0) rc = rh__sb_puts(b, " of ");
    if (rc == 0) rc = self ? rh__repr_into(b, self) : rh__sb_puts(b, "?");
    return rc ? rc : rh__sb_putc(b, '>');
}

/* meth_repr */
static int builtin_repr_into(rh__sb *b, rh_object *o) {
    rh_object *self = rh_builtin_self(o);
    const char *name = rh_builtin_get_def(o)->name;
    if (!self || self->type->kind == RH_K_MODULE) return rh__sb_printf(b, "<built-in function %s>", name);
    return rh__sb_printf(b, "<built-in method %s of %s object at %p>", name, rh_type_name(self), (void *)self);
}

/* module_repr */
static int module_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_puts(b, "<module '") || put_name(b, rh_module_name(o)) || rh__sb_puts(b, "' (built-in)>");
}

/* The iterator's next item: list, tuple and str by index, dict keys by table position (index), range
 * values; NULL without an error at the end, where the sequence is dropped (as CPython's iterators do). */
static rh_object *iter_iternext(rh_runtime *rt, rh_object *o) {
    rh_iterobj *it = (rh_iterobj *)o;
    rh_object *seq = it->seq, *k, *v, *r = NULL;
    if (!seq) return NULL;
    size_t pos = (size_t)it->index;
    switch (seq->type->kind) {
    case RH_K_LIST:
        if (pos < rh_list_len(seq)) r = rh_list_get(seq, pos), rh_incref(r);
        break;
    case RH_K_TUPLE:
        if (pos < rh_tuple_len(seq)) r = rh_tuple_get(seq, pos), rh_incref(r);
        break;
    case RH_K_STR:
        if (pos < rh_str_len(seq) && !(r = rh_str_getitem(rt, seq, (int64_t)pos))) return NULL;
        break;
    case RH_K_RANGE:
        if ((int64_t)pos < rh_range_len(seq) && !(r = rh_int_from_i64(rt, rh_range_item(seq, (int64_t)pos)))) return NULL;
        break;
    case RH_K_DICT:
        if (rh_dict_next(seq, &pos, &k, &v)) r = k, rh_incref(r);
        it->index = (int64_t)pos - 1;
        break;
    default: break;
    }
    if (!r) {
        rh_iter_exhaust(rt, o);
        return NULL;
    }
    it->index++;
    return r;
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    rh_incref(o);
    return o;
}

static void set_type(rh_type *t, const char *name, size_t size, size_t weakoff,
                     void (*dealloc)(rh_runtime *, rh_object *),
                     int (*traverse)(rh_object *, rh_visitproc, void *), int (*clear)(rh_runtime *, rh_object *)) {
    t->name = name;
    t->flags = RH_TPFLAG_GC;
    t->basicsize = size;
    t->itemsize = 0;
    t->weaklistoffset = weakoff;
    if (weakoff) t->flags |= RH_TPFLAG_WEAKREFABLE;
    t->dealloc = dealloc;
    t->traverse = traverse;
    t->clear = clear;
    t->size_of = NULL;
    t->tp_repr = rh__repr_by_builder;
}

void rh__type_init_function(rh_runtime *rt, rh_type *t) {
    set_type(t, "function", sizeof(rh_func), offsetof(rh_func, weakreflist), func_dealloc, func_traverse, func_clear);
    t->repr_into = func_repr_into;
    t->tp_call = rh__call_hook;
    t->tp_descr_get = func_descr_get;
}

void rh__type_init_method(rh_runtime *rt, rh_type *t) {
    set_type(t, "method", sizeof(rh_method), offsetof(rh_method, weakreflist), method_dealloc, method_traverse,
             method_clear);
    t->repr_into = method_repr_into;
    t->tp_call = rh__call_hook;
}

void rh__type_init_builtin(rh_runtime *rt, rh_type *t) {
    set_type(t, "builtin_function_or_method", sizeof(rh_builtin), offsetof(rh_builtin, weakreflist),
             builtin_dealloc, builtin_traverse, builtin_clear);
    t->repr_into = builtin_repr_into;
    t->tp_call = rh__call_hook;
}

void rh__type_init_module(rh_runtime *rt, rh_type *t) {
    set_type(t, "module", sizeof(rh_module), offsetof(rh_module, weaklist), module_dealloc, module_traverse,
             module_clear);
    t->repr_into = module_repr_into;
}

void rh__type_init_iter(rh_runtime *rt, rh_type *t) {
    set_type(t, "iterator", sizeof(rh_iterobj), 0, iter_dealloc, iter_traverse, iter_clear);
    t->tp_iter = iter_self;
    t->tp_iternext = iter_iternext;
}

void rh_func_types_init(rh_runtime *rt) { rh__types_setup_range(rt, RH_K_FUNCTION, RH_K_FILE); }
