/* t_wrapper.c — method-wrapper: a built-in type's special method bound to an object (CPython 3.11
 * Objects/descrobject.c wrapperobject / PyWrapper_New, over the slot wrappers of Objects/typeobject.c's
 * slotdefs: wrap_unaryfunc, wrap_next, wrap_lenfunc).
 *
 * Owns the type RH_K_METHOD_WRAPPER (32 bytes + GC head: descr, self; tracked from creation as
 * PyWrapper_New; no freelist), the slot table the special-method names come from (slot_defs below: one
 * row per name, the slot it wraps and how the call's result is made) and rh_slot_wrapper_new. The
 * `descr` of CPython's wrapper is the type's wrapper_descriptor, which lives in the type's dict for the
 * runtime's life; here it is the static row of slot_defs and the type the slot was found on, neither of
 * them an object (so no allocation or reference count differs from CPython's). Invariants: callables.h.
 */
#include <stddef.h>

#include "callables.h"

/* One special method a slot answers (a slotdefs entry): its name, the arguments the call takes
 * (check_num_args), whether type t has the slot, and the call of it on self with the arguments (borrowed;
 * a new reference or NULL). */
typedef struct slot_def {
    const char *name;
    const char *name27;  /* the name in 2.7, where it differs (tp_iternext's wrapper is `next`) */
    size_t nargs;
    int (*has)(const rh_type *t);
    rh_object *(*call)(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *args);
    size_t maxargs;      /* more than nargs may be passed (PyArg_UnpackTuple's max); 0: exactly nargs */
    int unpack;          /* the arguments are checked by PyArg_UnpackTuple(args, "", ...), whose message starts
                          * with the empty name: " expected 2 arguments, got 1" */
} slot_def;

static int has_iter(const rh_type *t) { return t->tp_iter != NULL; }
static int has_next(const rh_type *t) { return t->tp_iternext != NULL; }
static int has_len(const rh_type *t) { return t->as_sequence.sq_length != NULL || t->as_mapping.mp_length != NULL; }
static int has_contains(const rh_type *t) { return t->as_sequence.sq_contains != NULL; }
static int has_getitem(const rh_type *t) { return t->as_mapping.mp_subscript != NULL; }
static int has_setitem(const rh_type *t) { return t->as_mapping.mp_ass_subscript != NULL; }
static int has_hash(const rh_type *t) { return t->tp_hash != NULL; }
static int has_repr(const rh_type *t) { return t->tp_repr != NULL || t->repr_into != NULL; }
static int has_richcompare(const rh_type *t) { return t->tp_richcompare != NULL; }
static int has_descr_get(const rh_type *t) { return t->tp_descr_get != NULL; }
static int has_descr_set(const rh_type *t) { return t->tp_descr_set != NULL; }
static int has_str(const rh_type *t) { return t->tp_str != NULL; }

/* wrap_unaryfunc over tp_iter */
static rh_object *call_iter(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    (void)a;
    return t->tp_iter(rt, self);
}
/* wrap_next: an exhausted iterator (NULL without an error) raises StopIteration */
static rh_object *call_next(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    (void)a;
    rh_object *r = t->tp_iternext(rt, self);
    if (!r && !rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_STOPITERATION, "%s", "");
    return r;
}
/* wrap_lenfunc: sq_length (slot_sq_length's row comes first in slotdefs' order for __len__'s lookup of
 * mp_length, but a type has one or the other, or both agreeing) */
static rh_object *call_len(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    (void)a;
    intptr_t n = t->as_mapping.mp_length ? t->as_mapping.mp_length(rt, self) : t->as_sequence.sq_length(rt, self);
    return n < 0 ? NULL : rh_int_from_i64(rt, n);
}
/* wrap_objobjproc over sq_contains: a bool */
static rh_object *call_contains(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    int r = t->as_sequence.sq_contains(rt, self, a[0]);
    return r < 0 ? NULL : rh_bool(rt, r);
}
/* wrap_binaryfunc over mp_subscript */
static rh_object *call_getitem(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    return t->as_mapping.mp_subscript(rt, self, a[0]);
}
/* wrap_objobjargproc / wrap_delitem over mp_ass_subscript: None */
static rh_object *call_setitem(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    if (t->as_mapping.mp_ass_subscript(rt, self, a[0], a[1]) < 0) return NULL;
    rh_incref(rh_none(rt));
    return rh_none(rt);
}
static rh_object *call_delitem(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    if (t->as_mapping.mp_ass_subscript(rt, self, a[0], NULL) < 0) return NULL;
    rh_incref(rh_none(rt));
    return rh_none(rt);
}
/* wrap_hashfunc: an int */
static rh_object *call_hash(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    (void)a;
    int64_t h = t->tp_hash(rt, self);
    return h == -1 && rh_err_occurred(rt) ? NULL : rh_int_from_i64(rt, h);
}
/* wrap_unaryfunc over tp_repr (the type's own, not a subclass's) */
static rh_object *call_repr(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    (void)a;
    return rh_repr_as(rt, (rh_type *)t, self);
}
/* wrap_unaryfunc over tp_str (object_str: the repr, for types without their own) */
static rh_object *call_str(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    (void)a;
    return t->tp_str(rt, self);
}
/* wrap_descr_get: __get__(obj, type=None); None for either is absent, and both absent is an error */
static rh_object *call_descr_get(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    rh_object *obj = a[0] == rh_none(rt) ? NULL : a[0], *type = a[1] && a[1] != rh_none(rt) ? a[1] : NULL;
    if (!obj && !type) {
        rh_err_set(rt, RH_EXC_TYPE, "%s", "__get__(None, None) is invalid");
        return NULL;
    }
    return t->tp_descr_get(rt, self, obj, type);
}
/* wrap_descr_set / wrap_descr_delete: tp_descr_set with a value, or without one; None */
static rh_object *call_descr_set(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    if (t->tp_descr_set(rt, self, a[0], a[1]) < 0) return NULL;
    rh_incref(rh_none(rt));
    return rh_none(rt);
}
static rh_object *call_descr_delete(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    if (t->tp_descr_set(rt, self, a[0], NULL) < 0) return NULL;
    rh_incref(rh_none(rt));
    return rh_none(rt);
}
/* wrap_richcmpfunc: tp_richcompare with the row's operator (NotImplemented passes through) */
#define RICHCMP_CALL(op)                                                                                     \
    static rh_object *call_##op(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) { \
        return t->tp_richcompare(rt, self, a[0], RH_CMP_##op);                                             \
    }
RICHCMP_CALL(LT) RICHCMP_CALL(LE) RICHCMP_CALL(EQ) RICHCMP_CALL(NE) RICHCMP_CALL(GT) RICHCMP_CALL(GE)
#undef RICHCMP_CALL

/* Objects/typeobject.c slotdefs, in its order for the names refheap's types answer through slots */
static const slot_def slot_defs[] = {
    {"__repr__", NULL, 0, has_repr, call_repr, 0, 0},
    {"__hash__", NULL, 0, has_hash, call_hash, 0, 0},
    {"__str__", NULL, 0, has_str, call_str, 0, 0},
    {"__lt__", NULL, 1, has_richcompare, call_LT, 0, 0},
    {"__le__", NULL, 1, has_richcompare, call_LE, 0, 0},
    {"__eq__", NULL, 1, has_richcompare, call_EQ, 0, 0},
    {"__ne__", NULL, 1, has_richcompare, call_NE, 0, 0},
    {"__gt__", NULL, 1, has_richcompare, call_GT, 0, 0},
    {"__ge__", NULL, 1, has_richcompare, call_GE, 0, 0},
    {"__iter__", NULL, 0, has_iter, call_iter, 0, 0},
    {"__next__", "next", 0, has_next, call_next, 0, 0},
    {"__get__", NULL, 1, has_descr_get, call_descr_get, 2, 1},
    {"__set__", NULL, 2, has_descr_set, call_descr_set, 0, 1},
    {"__delete__", NULL, 1, has_descr_set, call_descr_delete, 0, 0},
    {"__len__", NULL, 0, has_len, call_len, 0, 0},
    {"__getitem__", NULL, 1, has_getitem, call_getitem, 0, 0},
    {"__setitem__", NULL, 2, has_setitem, call_setitem, 0, 0},
    {"__delitem__", NULL, 1, has_setitem, call_delitem, 0, 0},
    {"__contains__", NULL, 1, has_contains, call_contains, 0, 0},
};

static const char *slot_name(const slot_def *d, int python2) { return python2 && d->name27 ? d->name27 : d->name; }

typedef struct rh_wrapper {
    rh_object ob;
    const slot_def *descr;   /* wp->descr: which special method (static) */
    rh_object *self;         /* wp->self */
} rh_wrapper;

/* the name the profile's version gives the wrapper's special method */
static const char *wrapper_name(rh_runtime *rt, const rh_wrapper *w) { return slot_name(w->descr, rt->profile->python2); }                /* 32, as wrapperobject */

_Static_assert(sizeof(rh_wrapper) == 32, "wrapperobject is 32 bytes");

static int wrapper_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_wrapper *)o)->self);
    return 0;
}

/* wrapper_dealloc: untrack, drop self, free (the trashcan is the generic dealloc's) */
static void wrapper_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    clear_slot(rt, &((rh_wrapper *)o)->self);
    rh__object_free(rt, o, sizeof(rh_wrapper));
}

/* self borrowed; new reference, or NULL without an error when self's type has no slot for `name`. */
rh_object *rh_slot_wrapper_new(rh_runtime *rt, rh_object *self, rh_object *name) {
    if (name->type->kind != RH_K_STR) return NULL;
    for (size_t i = 0; i < sizeof slot_defs / sizeof slot_defs[0]; i++) {
        if (!rh_str_eq_cstr(name, slot_name(&slot_defs[i], rt->profile->python2))) continue;
        if (!slot_defs[i].has(self->type)) return NULL;
        rh_wrapper *w = (rh_wrapper *)new_gc(rt, RH_K_METHOD_WRAPPER, sizeof(rh_wrapper));
        if (!w) return NULL;
        w->descr = &slot_defs[i];
        w->self = self; rh_incref(self);
        rh__gc_track(rt, &w->ob);
        return &w->ob;
    }
    return NULL;
}

/* wrapper_call -> wrapperdescr_raw_call: check_num_args ("expected 0 arguments, got 1"), then the slot
 * of self's type. Arguments borrowed. */
static rh_object *wrapper_call(rh_runtime *rt, rh_object *o, rh_object *const *args, size_t nargs) {
    rh_wrapper *w = (rh_wrapper *)o;
    size_t lo = w->descr->nargs, hi = w->descr->maxargs ? w->descr->maxargs : lo;
    if (nargs < lo || nargs > hi) {
        const char *how = lo == hi ? "" : nargs < lo ? "at least " : "at most ";
        size_t want = nargs < lo ? lo : hi;
        rh_err_set(rt, RH_EXC_TYPE, "%sexpected %s%zu argument%s, got %zu", w->descr->unpack ? " " : "", how, want,
                   want == 1 ? "" : "s", nargs);
        return NULL;
    }
    rh_object *a[2] = {NULL, NULL}; /* the optional ones absent */
    for (size_t i = 0; i < nargs && i < 2; i++) a[i] = args[i];
    return w->descr->call(rt, w->self->type, w->self, hi > lo ? a : args);
}

/* wrapper_repr: "<method-wrapper '__next__' of list_iterator object at 0x...>" */
static int wrapper_repr_into(rh__sb *b, rh_object *o) {
    rh_wrapper *w = (rh_wrapper *)o;
    return rh__sb_printf(b, "<method-wrapper '%s' of %s object at %p>", wrapper_name(b->rt, w), w->self->type->name,
                         (void *)w->self);
}

/* wrapper_richcompare: == / != on two wrappers compare (descr, self); anything else NotImplemented */
static rh_object *wrapper_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if ((op != RH_CMP_EQ && op != RH_CMP_NE) || a->type != b->type) return rh_notimplemented(rt);
    rh_wrapper *wa = (rh_wrapper *)a, *wb = (rh_wrapper *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return rh_bool(rt, eq == (op == RH_CMP_EQ));
}

/* wrapper_hash: hash of self's address xor the descriptor's */
static int64_t wrapper_hash(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_wrapper *w = (rh_wrapper *)o;
    int64_t x = rh__hash_pointer(w->self) ^ rh__hash_pointer(w->descr);
    return x == -1 ? -2 : x;
}

/* PyObject_GenericGetAttr over wrapper_members / wrapper_getsets: __self__, __name__, __qualname__
 * (descr_get_qualname: "<type>.<name>"), __objclass__, __class__ */
static rh_object *wrapper_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_wrapper *w = (rh_wrapper *)o;
    if (rh_str_eq_cstr(name, "__self__")) { rh_incref(w->self); return w->self; }
    if (rh_str_eq_cstr(name, "__name__")) return rh_str_from_cstr(rt, wrapper_name(rt, w));
    if (rh_str_eq_cstr(name, "__objclass__")) { rh_incref((rh_object *)w->self->type); return (rh_object *)w->self->type; }
    if (rh_str_eq_cstr(name, "__class__")) { rh_incref((rh_object *)o->type); return (rh_object *)o->type; }
    if (rh_str_eq_cstr(name, "__qualname__")) {
        rh__sb b;
        rh__sb_init(&b, rt);
        if (rh__sb_printf(&b, "%s.%s", w->self->type->name, wrapper_name(rt, w))) { rh__sb_free(&b); return NULL; }
        return rh__sb_finish(&b);
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'method-wrapper' object has no attribute '%s'", rh_str_utf8(rt, name, NULL));
    return NULL;
}

void rh__type_init_method_wrapper(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "method-wrapper", sizeof(rh_wrapper), 0, wrapper_dealloc, wrapper_traverse, NULL);
    t->repr_into = wrapper_repr_into;
    t->tp_call = wrapper_call;
    t->tp_richcompare = wrapper_richcompare;
    t->tp_hash = wrapper_hash;
    t->tp_getattro = wrapper_getattro;
}
