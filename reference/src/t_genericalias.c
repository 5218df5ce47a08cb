/* t_genericalias.c — types.GenericAlias: what `list[int]` makes (CPython 3.11
 * Objects/genericaliasobject.c: Py_GenericAlias, ga_dealloc, ga_traverse, ga_repr, ga_repr_item, ga_hash,
 * ga_richcompare).
 *
 * Owns the type RH_K_GENERICALIAS: layout, allocation, dealloc, traversal, repr, hash and equality. Its
 * attribute reads (__origin__, __args__, __parameters__, then the origin's attributes), calls and
 * __mro_entries__ are the embedder's (they run Python code: harness/src/builtins_proxy.c).
 *
 * Invariants: an alias is 64 bytes (header, origin, args, parameters, weakreflist, starred, vectorcall; 3.10:
 * 48, ending at weakreflist) with the GC head in front, so sys.getsizeof is 80 (64); it is tracked from creation to its dealloc, traverses
 * origin, args and parameters and is weak-referenceable. args is always a tuple (a single argument is
 * wrapped in one, as Py_GenericAlias does); parameters stays NULL until __parameters__ is first read.
 * The type is subclassable: a class's instance has the kind RH_K_GENERICALIAS, the alias's fields first and
 * the class's words (managed dict, slots) as any class adds them (t_class.c); ga_dealloc frees the size its
 * type says, after subtype_dealloc (instance_dealloc) released the class's part.
 */
#include <stddef.h>
#include <string.h>

#include "callables.h"
#include "refheap/abstract.h"
#include "refheap/profile.h"

typedef struct rh_genericalias {
    rh_object ob;
    rh_object *origin, *args, *parameters; /* counted; parameters NULL until computed */
    rh_object *weakreflist;
    _Bool starred;
    void *vectorcall;
} rh_genericalias;

_Static_assert(sizeof(rh_genericalias) == 64, "gaobject is 64 bytes in 3.11");

static rh_genericalias *GA(rh_object *o) { return (rh_genericalias *)(void *)o; }

/* 3.10's gaobject ends after weakreflist (48 bytes): no starred, no vectorcall */
static size_t ga_size(rh_runtime *rt) {
    return rh_runtime_profile(rt)->version_hex < 0x030B ? offsetof(rh_genericalias, starred) : sizeof(rh_genericalias);
}
static int starred(rh_runtime *rt, rh_object *o) { return ga_size(rt) == sizeof(rh_genericalias) && GA(o)->starred; }

rh_object *rh_genericalias_new(rh_runtime *rt, rh_object *origin, rh_object *args) {
    rh_object *t = rh_kind_of(args) == RH_K_TUPLE ? (rh_incref(args), args) : rh_tuple_pack(rt, 1, args);
    if (!t) return NULL;
    rh_object *o = new_gc(rt, RH_K_GENERICALIAS, ga_size(rt));
    if (!o) {
        rh_decref(rt, t);
        return NULL;
    }
    rh_incref(origin);
    GA(o)->origin = origin;
    GA(o)->args = t;
    rh__gc_track(rt, o);
    return o;
}

/* ga_new after its argument checks: type->tp_alloc (PyType_GenericAlloc: zeroed, tracked at once; a class's
 * instance through rh_instance_new, with its own words after the alias's), then setup_ga (args packed into
 * a 1-tuple unless a tuple) */
rh_object *rh_genericalias_new_type(rh_runtime *rt, rh_object *type, rh_object *origin, rh_object *args) {
    rh_object *o;
    if (type == (rh_object *)rh_builtin_type(rt, RH_K_GENERICALIAS)) {
        if ((o = new_gc(rt, RH_K_GENERICALIAS, ga_size(rt)))) rh__gc_track(rt, o);
    } else {
        o = rh_instance_new(rt, type);
    }
    if (!o) return NULL;
    rh_object *t = rh_kind_of(args) == RH_K_TUPLE ? (rh_incref(args), args) : rh_tuple_pack(rt, 1, args);
    if (!t) {
        rh_decref(rt, o);
        return NULL;
    }
    rh_incref(origin);
    GA(o)->origin = origin;
    GA(o)->args = t;
    return o;
}

rh_object *rh_genericalias_origin(rh_object *ga) { return GA(ga)->origin; }
rh_object *rh_genericalias_args(rh_object *ga) { return GA(ga)->args; }
rh_object **rh_genericalias_parameters_slot(rh_object *ga) { return &GA(ga)->parameters; }

static void ga_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    if (GA(o)->weakreflist) rh__weakref_clear_all(rt, o);
    rh_xdecref(rt, GA(o)->origin);
    rh_xdecref(rt, GA(o)->args);
    rh_xdecref(rt, GA(o)->parameters);
    rh__object_free(rt, o, o->type->basicsize); /* tp_free: a subclass's instance is its class's size */
}

static int ga_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(GA(o)->origin);
    VISIT(GA(o)->args);
    VISIT(GA(o)->parameters);
    return 0;
}

static int ga_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &GA(o)->origin);
    clear_slot(rt, &GA(o)->args);
    clear_slot(rt, &GA(o)->parameters);
    return 0;
}

/* ga_repr_item: ... for Ellipsis, then rh__genericalias_repr_item */
static int repr_item(rh__sb *b, rh_object *p) {
    if (p == rh_ellipsis(b->rt)) return rh__sb_puts(b, "...");
    return rh__genericalias_repr_item(b, p);
}

/* ga_repr_item's (and union_repr_item's) rest: a type as module.qualname (no module for builtins), anything
 * else (an alias) its repr */
int rh__genericalias_repr_item(rh__sb *b, rh_object *p) {
    if (rh_kind_of(p) != RH_K_TYPE) return rh__repr_into(b, p);
    rh_type *t = (rh_type *)(void *)p;
    if (t->flags & RH_TPFLAG_HEAPTYPE) {
        rh_object *mod = t->dict ? rh_dict_get_cstr(b->rt, t->dict, "__module__") : NULL;
        if (!mod && rh_err_occurred(b->rt)) return -1; /* the key's allocation failed (MemoryError) */
        rh_object *qual = t->qualname_obj ? t->qualname_obj : t->name_obj;
        if (mod && rh_kind_of(mod) == RH_K_STR && !rh_str_eq_cstr(mod, "builtins") &&
            (rh__sb_put_str(b, mod) || rh__sb_putc(b, '.')))
            return -1;
        return qual ? rh__sb_put_str(b, qual) : rh__sb_puts(b, t->name);
    }
    return rh__sb_puts(b, t->name); /* a static type's tp_name: module.name when it has a module */
}

/* ga_repr: origin[arg, ...]; an empty argument tuple is written () */
static int ga_repr_into(rh__sb *b, rh_object *o) {
    rh_genericalias *g = GA(o);
    if ((starred(b->rt, o) && rh__sb_putc(b, '*')) || repr_item(b, g->origin) || rh__sb_putc(b, '[')) return -1;
    size_t n = rh_tuple_len(g->args);
    if (n == 0 && rh__sb_puts(b, "()")) return -1;
    for (size_t i = 0; i < n; i++) {
        rh_object *a = rh_tuple_get(g->args, i);
        if ((i && rh__sb_puts(b, ", ")) || repr_item(b, a)) return -1;
    }
    return rh__sb_putc(b, ']');
}

/* ga_hash: hash(origin) ^ hash(args) */
static int64_t ga_hash(rh_runtime *rt, rh_object *o) {
    int64_t h0, h1;
    if (rh_hash(rt, GA(o)->origin, &h0) || rh_hash(rt, GA(o)->args, &h1)) return -1;
    int64_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

/* ga_richcompare: == and != between aliases: starred, origin and args equal */
static rh_object *ga_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    rh_type *t = rh_builtin_type(rt, RH_K_GENERICALIAS);
    if (!rh__type_is_subtype(a->type, t) || !rh__type_is_subtype(b->type, t) || (op != RH_CMP_EQ && op != RH_CMP_NE))
        return rh__notimpl(rt);
    int eq = starred(rt, a) == starred(rt, b);
    if (eq && (eq = rh__richcompare_bool(rt, GA(a)->origin, GA(b)->origin, RH_CMP_EQ)) < 0) return NULL;
    if (eq && (eq = rh__richcompare_bool(rt, GA(a)->args, GA(b)->args, RH_CMP_EQ)) < 0) return NULL;
    return rh_bool(rt, op == RH_CMP_EQ ? eq : !eq);
}

void rh__type_init_genericalias(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "types.GenericAlias", ga_size(rt), offsetof(rh_genericalias, weakreflist), ga_dealloc,
             ga_traverse, ga_clear);
    t->flags |= RH_TPFLAG_BASETYPE; /* Py_TPFLAGS_BASETYPE: _collections_abc's _CallableGenericAlias */
    t->repr_into = ga_repr_into;
    t->tp_hash = ga_hash;
    t->tp_richcompare = ga_richcompare;
    t->as_number.nb_or = rh__union_type_or; /* ga_as_number (t_union.c) */
}
