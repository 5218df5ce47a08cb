/* t_union.c — types.UnionType: what `int | str` makes (PEP 604; CPython 3.11 Objects/unionobject.c:
 * make_union, unionobject_dealloc, union_traverse, union_hash, union_richcompare, is_same, contains, merge,
 * get_types, is_unionable, _Py_union_type_or, union_repr, union_repr_item; Objects/typeobject.c type_or).
 *
 * Owns the type RH_K_UNION: layout, allocation, dealloc, traversal, repr, hash, equality, and the nb_or
 * slot that type, types.GenericAlias and the union itself share (_Py_union_type_or). Attribute reads
 * (__args__, __parameters__) and isinstance/issubclass are the embedder's (harness/src/builtins_proxy.c,
 * builtins.c).
 *
 * Invariants: a union is 32 bytes (header, args, parameters) with the GC head in front, so sys.getsizeof
 * is 48 (3.10 to 3.13); tracked from creation to its dealloc; args is a tuple of at least two distinct
 * members (classes, NoneType for None, aliases; a union operand contributes its own args, never itself);
 * parameters stays NULL until __parameters__ is first read. Not weak-referenceable, not subclassable.
 */
#include <stddef.h>
#include <string.h>

#include "callables.h"
#include "refheap/abstract.h"
#include "refheap/profile.h"

typedef struct rh_union {
    rh_object ob;
    rh_object *args, *parameters; /* counted; parameters NULL until computed */
} rh_union;

_Static_assert(sizeof(rh_union) == 32, "unionobject is 32 bytes");

static rh_union *U(rh_object *o) { return (rh_union *)(void *)o; }

int rh_union_check(rh_object *o) { return rh_kind_of(o) == RH_K_UNION; }
rh_object *rh_union_args(rh_object *u) { return U(u)->args; }
rh_object **rh_union_parameters_slot(rh_object *u) { return &U(u)->parameters; }

/* make_union: a new union over args (borrowed, a tuple), tracked */
static rh_object *make_union(rh_runtime *rt, rh_object *args) {
    rh_object *o = new_gc(rt, RH_K_UNION, sizeof(rh_union));
    if (!o) return NULL;
    rh_incref(args);
    U(o)->args = args;
    rh__gc_track(rt, o);
    return o;
}

static void union_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, U(o)->args);
    rh_xdecref(rt, U(o)->parameters);
    rh__object_free(rt, o, sizeof(rh_union));
}

static int union_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(U(o)->args);
    VISIT(U(o)->parameters);
    return 0;
}

static int union_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &U(o)->args);
    clear_slot(rt, &U(o)->parameters);
    return 0;
}

static int is_alias(rh_runtime *rt, rh_object *o) {
    return rh__type_is_subtype(o->type, rh_builtin_type(rt, RH_K_GENERICALIAS));
}

/* is_unionable: None, a class, a GenericAlias or a union */
static int is_unionable(rh_runtime *rt, rh_object *o) {
    return o == rh_none(rt) || rh_kind_of(o) == RH_K_TYPE || is_alias(rt, o) || rh_union_check(o);
}

/* is_same: aliases by ==, anything else by identity; 1/0, -1 error */
static int is_same(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (is_alias(rt, a) && is_alias(rt, b)) return rh__richcompare_bool(rt, a, b, RH_CMP_EQ);
    return a == b;
}

/* get_types: the members one operand contributes (a union's args, else itself; None as NoneType) */
static rh_object *const *get_types(rh_runtime *rt, rh_object **o, size_t *n) {
    if (*o == rh_none(rt)) *o = (rh_object *)rh_builtin_type(rt, RH_K_NONE);
    if (rh_union_check(*o)) {
        *n = rh_tuple_len(U(*o)->args);
        return ((rh_tuple *)(void *)U(*o)->args)->item;
    }
    *n = 1;
    return o;
}

/* merge: items1 then each of items2 not already in items1, as a new tuple; NULL without an error when
 * items2 adds nothing (the left operand is the result), NULL with the error set on failure */
static rh_object *merge(rh_runtime *rt, rh_object *const *i1, size_t n1, rh_object *const *i2, size_t n2) {
    rh_object *list = NULL;
    for (size_t i = 0; i < n2; i++) {
        int dup = 0;
        for (size_t j = 0; j < n1 && !dup; j++) dup = is_same(rt, i1[j], i2[i]);
        if (dup < 0) break;
        if (dup) continue;
        if (!list) {
            if (!(list = rh_list_new(rt, 0))) return NULL;
            for (size_t j = 0; j < n1; j++)
                if (rh_list_append(rt, list, i1[j])) break;
        }
        if (rh_err_occurred(rt) || rh_list_append(rt, list, i2[i])) break;
    }
    if (rh_err_occurred(rt) || !list) {
        rh_xdecref(rt, list);
        return NULL;
    }
    rh_object *t = rh_tuple_new(rt, rh_list_len(list));
    for (size_t i = 0; t && i < rh_list_len(list); i++) {
        rh_incref(rh_list_get(list, i));
        rh_tuple_set(t, i, rh_list_get(list, i));
    }
    rh_decref(rt, list);
    return t;
}

/* _Py_union_type_or (type_or, ga_as_number and union_as_number's nb_or): NotImplemented unless both
 * operands are unionable; the left operand itself when the right adds nothing (3.10: only when that is a
 * single member); else a new union */
rh_object *rh__union_type_or(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_unionable(rt, a) || !is_unionable(rt, b)) return rh__notimpl(rt);
    size_t n1, n2;
    rh_object *const *i1 = get_types(rt, &a, &n1), *const *i2 = get_types(rt, &b, &n2);
    rh_object *t = merge(rt, i1, n1, i2, n2);
    if (!t && !rh_err_occurred(rt) && n1 > 1 && rt->profile->version_hex < 0x030B) /* 3.10's make_union: */
        t = merge(rt, NULL, 0, i1, n1); /* dedup_and_flatten_args gives a new union even when b adds nothing */
    if (!t) {
        if (rh_err_occurred(rt)) return NULL;
        rh_incref(a);
        return a;
    }
    rh_object *u = make_union(rt, t);
    rh_decref(rt, t);
    return u;
}

/* union_repr_item: NoneType as None, a class as module.qualname (no module for builtins, as an alias's
 * items: rh__genericalias_repr_item), anything else (an alias) its repr */
static int repr_item(rh__sb *b, rh_object *p) {
    if (p == (rh_object *)rh_builtin_type(b->rt, RH_K_NONE)) return rh__sb_puts(b, "None");
    return rh__genericalias_repr_item(b, p);
}

/* union_repr: the members joined by " | " */
static int union_repr_into(rh__sb *b, rh_object *o) {
    rh_object *args = U(o)->args;
    for (size_t i = 0; i < rh_tuple_len(args); i++)
        if ((i && rh__sb_puts(b, " | ")) || repr_item(b, rh_tuple_get(args, i))) return -1;
    return 0;
}

/* union_hash: hash(frozenset(args)) */
static int64_t union_hash(rh_runtime *rt, rh_object *o) {
    rh_object *fs = rh_frozenset_new(rt, U(o)->args);
    int64_t h = -1;
    if (fs && rh_hash(rt, fs, &h)) h = -1;
    rh_xdecref(rt, fs);
    return h;
}

/* union_richcompare: == and != between unions compare set(args) */
static rh_object *union_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (!rh_union_check(b) || (op != RH_CMP_EQ && op != RH_CMP_NE)) return rh__notimpl(rt);
    rh_object *sa = rh_set_new(rt, U(a)->args), *sb = sa ? rh_set_new(rt, U(b)->args) : NULL;
    rh_object *r = sb ? rh__richcompare(rt, sa, sb, op) : NULL;
    rh_xdecref(rt, sa);
    rh_xdecref(rt, sb);
    return r;
}

void rh__type_init_union(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "types.UnionType", sizeof(rh_union), 0, union_dealloc, union_traverse, union_clear);
    t->repr_into = union_repr_into;
    t->tp_hash = union_hash;
    t->tp_richcompare = union_richcompare;
    t->as_number.nb_or = rh__union_type_or;
}
