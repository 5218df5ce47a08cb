/* t_wrapper.c — method-wrapper: a built-in type's special method bound to an object (CPython 3.11
 * Objects/descrobject.c wrapperobject / PyWrapper_New, over the slot wrappers of Objects/typeobject.c's
 * slotdefs: wrap_unaryfunc, wrap_next, wrap_lenfunc).
 *
 * Owns the types RH_K_METHOD_WRAPPER (32 bytes + GC head: descr, self; tracked from creation as
 * PyWrapper_New; no freelist) and RH_K_WRAPPER_DESCR (wrapper_descriptor, PyWrapperDescrObject: 56 bytes
 * + GC head, 48 in 2.7 which has no d_qualname; tracked; what add_operators puts in a built-in type's
 * dict: `int.__add__`, `object.__hash__`), the slot table the special-method names come from (slot_defs
 * below: one row per name, the slot it wraps and how the call's result is made), rh_slot_wrapper_new and
 * rh_wrapper_descr_new.
 * A method-wrapper's `descr` is either a wrapper_descriptor (counted; bound by its __get__: the slot is
 * d_type's) or, tagged with bit 0, a static row of slot_defs (self.__len__ read on an instance: the slot
 * is self's type's, so no descriptor object is made where CPython's already sat in the type's dict).
 * Invariants: callables.h.
 */
#include <stddef.h>

#include "callables.h"

/* One special method a slot answers (a slotdefs entry): its name, the arguments the call takes
 * (check_num_args), whether type t has the slot, and the call of it on self with the arguments (borrowed;
 * a new reference or NULL). */
typedef void (*rh_slotfn)(void);
typedef struct slot_def {
    const char *name;
    const char *name27;  /* the name in 2.7, where it differs (tp_iternext's wrapper is `next`); absent27:
                          * none in 2.7 */
    size_t nargs;
    rh_slotfn (*has)(const rh_type *t); /* the slot the row calls on t (NULL: t has none) */
    rh_object *(*call)(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *args);
    size_t maxargs;      /* more than nargs may be passed (PyArg_UnpackTuple's max); 0: exactly nargs */
    int unpack;          /* the arguments are checked by PyArg_UnpackTuple(args, "", ...), whose message starts
                          * with the empty name: " expected 2 arguments, got 1" */
    /* instead of call, for a row taking any number of arguments (wrap_call): all of them and their count */
    rh_object *(*callv)(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *args, size_t nargs);
} slot_def;

static const char absent27[] = "";

#define SLOTFN(x) ((rh_slotfn)(x))
static rh_slotfn has_iter(const rh_type *t) { return SLOTFN(t->tp_iter); }
static rh_slotfn has_next(const rh_type *t) { return SLOTFN(t->tp_iternext); }
static rh_slotfn has_len(const rh_type *t) {
    return t->as_mapping.mp_length ? SLOTFN(t->as_mapping.mp_length) : SLOTFN(t->as_sequence.sq_length);
}
static rh_slotfn has_contains(const rh_type *t) { return SLOTFN(t->as_sequence.sq_contains); }
static rh_slotfn has_getitem(const rh_type *t) { return SLOTFN(t->as_mapping.mp_subscript); }
static rh_slotfn has_setitem(const rh_type *t) { return SLOTFN(t->as_mapping.mp_ass_subscript); }
static rh_slotfn has_hash(const rh_type *t) { return SLOTFN(t->tp_hash); }
static rh_slotfn has_repr(const rh_type *t) { return t->repr_into ? SLOTFN(t->repr_into) : SLOTFN(t->tp_repr); }
static rh_slotfn has_richcompare(const rh_type *t) { return SLOTFN(t->tp_richcompare); }
static rh_slotfn has_descr_get(const rh_type *t) { return SLOTFN(t->tp_descr_get); }
static rh_slotfn has_descr_set(const rh_type *t) { return SLOTFN(t->tp_descr_set); }
static rh_slotfn has_str(const rh_type *t) { return SLOTFN(t->tp_str); }
static rh_slotfn has_call(const rh_type *t) { return SLOTFN(t->tp_call); }

/* wrap_call over tp_call: the positional arguments as they are (keywords are the interpreter's: a call
 * through the method-wrapper with keywords is refused there) */
static rh_object *call_call(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a, size_t n) {
    return t->tp_call(rt, self, a, n);
}

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

/* The number slots (Objects/typeobject.c): wrap_binaryfunc_l calls the slot with (self, other),
 * wrap_binaryfunc_r with (other, self), wrap_binaryfunc (the in-place forms) as _l; wrap_unaryfunc,
 * wrap_inquirypred (a bool), wrap_ternaryfunc(_r) for __pow__/__rpow__ (the modulus None when absent). The
 * slot answers NotImplemented for an operand it does not take, as `int.__add__(1, 2.0)` does. */
#define NB_BINARY(slot)                                                                                         \
    static rh_slotfn has_##slot(const rh_type *t) { return SLOTFN(t->as_number.slot); }                        \
    static rh_object *call_##slot##_l(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) { \
        return t->as_number.slot(rt, self, a[0]);                                                              \
    }                                                                                                          \
    static rh_object *call_##slot##_r(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) { \
        return t->as_number.slot(rt, a[0], self);                                                              \
    }
#define NB_INPLACE(slot)                                                                                        \
    static rh_slotfn has_##slot(const rh_type *t) { return SLOTFN(t->as_number.slot); }                        \
    static rh_object *call_##slot##_l(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) { \
        return t->as_number.slot(rt, self, a[0]);                                                              \
    }
#define NB_UNARY(slot)                                                                                          \
    static rh_slotfn has_##slot(const rh_type *t) { return SLOTFN(t->as_number.slot); }                        \
    static rh_object *call_##slot(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {    \
        (void)a;                                                                                               \
        return t->as_number.slot(rt, self);                                                                    \
    }
NB_BINARY(nb_add) NB_BINARY(nb_subtract) NB_BINARY(nb_multiply) NB_BINARY(nb_remainder) NB_BINARY(nb_divmod)
NB_BINARY(nb_lshift) NB_BINARY(nb_rshift) NB_BINARY(nb_and) NB_BINARY(nb_xor) NB_BINARY(nb_or)
NB_BINARY(nb_floor_divide) NB_BINARY(nb_true_divide) NB_BINARY(nb_matrix_multiply)
NB_INPLACE(nb_inplace_add) NB_INPLACE(nb_inplace_subtract) NB_INPLACE(nb_inplace_multiply)
NB_INPLACE(nb_inplace_remainder) NB_INPLACE(nb_inplace_lshift) NB_INPLACE(nb_inplace_rshift)
NB_INPLACE(nb_inplace_and) NB_INPLACE(nb_inplace_xor) NB_INPLACE(nb_inplace_or) NB_INPLACE(nb_inplace_floor_divide)
NB_INPLACE(nb_inplace_true_divide) NB_INPLACE(nb_inplace_matrix_multiply)
NB_UNARY(nb_negative) NB_UNARY(nb_positive) NB_UNARY(nb_absolute) NB_UNARY(nb_invert) NB_UNARY(nb_int)
NB_UNARY(nb_float) NB_UNARY(nb_index)
#undef NB_BINARY
#undef NB_INPLACE
#undef NB_UNARY

static rh_slotfn has_nb_bool(const rh_type *t) { return SLOTFN(t->as_number.nb_bool); }
static rh_object *call_nb_bool(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    (void)a;
    int r = t->as_number.nb_bool(rt, self);
    return r < 0 ? NULL : rh_bool(rt, r);
}
static rh_slotfn has_nb_power(const rh_type *t) { return SLOTFN(t->as_number.nb_power); }
static rh_object *call_pow(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    return t->as_number.nb_power(rt, self, a[0], a[1] ? a[1] : rh_none(rt));
}
static rh_object *call_rpow(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    return t->as_number.nb_power(rt, a[0], self, a[1] ? a[1] : rh_none(rt));
}

/* The sequence slots: wrap_binaryfunc over sq_concat / sq_inplace_concat, wrap_indexargfunc over sq_repeat /
 * sq_inplace_repeat (the count through __index__; OverflowError past the C range) */
static rh_slotfn has_sq_concat(const rh_type *t) { return SLOTFN(t->as_sequence.sq_concat); }
static rh_slotfn has_sq_inplace_concat(const rh_type *t) { return SLOTFN(t->as_sequence.sq_inplace_concat); }
static rh_slotfn has_sq_repeat(const rh_type *t) { return SLOTFN(t->as_sequence.sq_repeat); }
static rh_slotfn has_sq_inplace_repeat(const rh_type *t) { return SLOTFN(t->as_sequence.sq_inplace_repeat); }
static rh_object *call_sq_concat(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    return t->as_sequence.sq_concat(rt, self, a[0]);
}
static rh_object *call_sq_inplace_concat(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    return t->as_sequence.sq_inplace_concat(rt, self, a[0]);
}
/* PyNumber_AsSsize_t's count; 2.7 says "index" where 3.x says "integer" */
static int repeat_count(rh_runtime *rt, rh_object *o, int64_t *n) {
    if (!rh_index_value(rt, o, n)) return 0;
    if (rt->profile->python2 && rh_err_occurred(rt) == RH_EXC_TYPE) {
        rh_err_clear(rt);
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an index", rh_type_name(o));
    }
    return -1;
}
static rh_object *call_sq_repeat(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    int64_t n;
    return repeat_count(rt, a[0], &n) ? NULL : t->as_sequence.sq_repeat(rt, self, (intptr_t)n);
}
static rh_object *call_sq_inplace_repeat(rh_runtime *rt, const rh_type *t, rh_object *self, rh_object *const *a) {
    int64_t n;
    return repeat_count(rt, a[0], &n) ? NULL : t->as_sequence.sq_inplace_repeat(rt, self, (intptr_t)n);
}

#define NB2(name, slot, n27) {"__" name "__", n27, 1, has_##slot, call_##slot##_l, 0, 0, NULL},               \
                             {"__r" name "__", n27, 1, has_##slot, call_##slot##_r, 0, 0, NULL}
#define NBI(name, slot, n27) {"__i" name "__", n27, 1, has_nb_inplace_##slot, call_nb_inplace_##slot##_l, 0, 0, NULL}
#define NB1(name, slot, n27) {"__" name "__", n27, 0, has_##slot, call_##slot, 0, 0, NULL}

/* Objects/typeobject.c slotdefs, in its order for the names refheap's types answer through slots */
static const slot_def slot_defs[] = {
    {"__repr__", NULL, 0, has_repr, call_repr, 0, 0, NULL},
    {"__hash__", NULL, 0, has_hash, call_hash, 0, 0, NULL},
    {"__call__", NULL, 0, has_call, NULL, SIZE_MAX, 0, call_call},
    {"__str__", NULL, 0, has_str, call_str, 0, 0, NULL},
    {"__lt__", NULL, 1, has_richcompare, call_LT, 0, 0, NULL},
    {"__le__", NULL, 1, has_richcompare, call_LE, 0, 0, NULL},
    {"__eq__", NULL, 1, has_richcompare, call_EQ, 0, 0, NULL},
    {"__ne__", NULL, 1, has_richcompare, call_NE, 0, 0, NULL},
    {"__gt__", NULL, 1, has_richcompare, call_GT, 0, 0, NULL},
    {"__ge__", NULL, 1, has_richcompare, call_GE, 0, 0, NULL},
    {"__iter__", NULL, 0, has_iter, call_iter, 0, 0, NULL},
    {"__next__", "next", 0, has_next, call_next, 0, 0, NULL},
    {"__get__", NULL, 1, has_descr_get, call_descr_get, 2, 1, NULL},
    {"__set__", NULL, 2, has_descr_set, call_descr_set, 0, 1, NULL},
    {"__delete__", NULL, 1, has_descr_set, call_descr_delete, 0, 0, NULL},
    NB2("add", nb_add, NULL), NB2("sub", nb_subtract, NULL), NB2("mul", nb_multiply, NULL),
    NB2("mod", nb_remainder, NULL), NB2("divmod", nb_divmod, NULL),
    {"__pow__", NULL, 1, has_nb_power, call_pow, 2, 1, NULL}, {"__rpow__", NULL, 1, has_nb_power, call_rpow, 2, 1, NULL},
    NB1("neg", nb_negative, NULL), NB1("pos", nb_positive, NULL), NB1("abs", nb_absolute, NULL),
    {"__bool__", "__nonzero__", 0, has_nb_bool, call_nb_bool, 0, 0, NULL},
    NB1("invert", nb_invert, NULL), NB2("lshift", nb_lshift, NULL), NB2("rshift", nb_rshift, NULL),
    NB2("and", nb_and, NULL), NB2("xor", nb_xor, NULL), NB2("or", nb_or, NULL), NB1("int", nb_int, NULL),
    NB1("float", nb_float, NULL), NBI("add", add, NULL), NBI("sub", subtract, NULL), NBI("mul", multiply, NULL),
    NBI("mod", remainder, NULL), NBI("lshift", lshift, NULL), NBI("rshift", rshift, NULL), NBI("and", and, NULL),
    NBI("xor", xor, NULL), NBI("or", or, NULL), NB2("floordiv", nb_floor_divide, NULL),
    NB2("truediv", nb_true_divide, NULL), NBI("floordiv", floor_divide, NULL), NBI("truediv", true_divide, NULL),
    NB1("index", nb_index, NULL), NB2("matmul", nb_matrix_multiply, absent27),
    NBI("matmul", matrix_multiply, absent27),
    {"__len__", NULL, 0, has_len, call_len, 0, 0, NULL},
    {"__getitem__", NULL, 1, has_getitem, call_getitem, 0, 0, NULL},
    {"__setitem__", NULL, 2, has_setitem, call_setitem, 0, 0, NULL},
    {"__delitem__", NULL, 1, has_setitem, call_delitem, 0, 0, NULL},
    {"__contains__", NULL, 1, has_contains, call_contains, 0, 0, NULL},
    {"__add__", NULL, 1, has_sq_concat, call_sq_concat, 0, 0, NULL},
    {"__mul__", NULL, 1, has_sq_repeat, call_sq_repeat, 0, 0, NULL},
    {"__rmul__", NULL, 1, has_sq_repeat, call_sq_repeat, 0, 0, NULL},
    {"__iadd__", NULL, 1, has_sq_inplace_concat, call_sq_inplace_concat, 0, 0, NULL},
    {"__imul__", NULL, 1, has_sq_inplace_repeat, call_sq_inplace_repeat, 0, 0, NULL},
};
#undef NB2
#undef NBI
#undef NB1

/* the row's name in the profile's version (NULL: the version has no such wrapper) */
static const char *slot_name(const slot_def *d, int python2) {
    if (!python2 || !d->name27) return d->name;
    return d->name27 == absent27 ? NULL : d->name27;
}

/* The first row named `name` in the profile's version whose slot t has (__add__: nb_add, else sq_concat,
 * as add_operators goes through slotdefs), or NULL */
static const slot_def *row_named(rh_runtime *rt, rh_object *name, const rh_type *t) {
    if (name->type->kind != RH_K_STR) return NULL;
    size_t len = rh_str_len(name);
    if (len < 4) return NULL;
    uint32_t c0 = rh_str_char_at(name, 0), c2 = rh_str_char_at(name, 2);
    if (c0 != '_' && !(c0 == 'n' && rt->profile->python2)) return NULL; /* a dunder, or 2.7's `next` */
    for (size_t i = 0; i < sizeof slot_defs / sizeof slot_defs[0]; i++) {
        const char *n = slot_name(&slot_defs[i], rt->profile->python2);
        if (n && (unsigned char)n[0] == c0 && (unsigned char)n[2] == c2 && rh_str_eq_cstr(name, n) && slot_defs[i].has(t))
            return &slot_defs[i];
    }
    return NULL;
}

typedef struct rh_wrapper_descr {
    rh_object ob;
    rh_object *d_type;       /* the type whose slot it wraps (counted) */
    rh_object *d_name;       /* str (counted) */
    rh_object *d_qualname;   /* always NULL (computed on demand, as CPython's) */
    const slot_def *d_base;  /* the row */
    void *d_wrapped;         /* NULL: the slot is read from d_type at each call */
} rh_wrapper_descr;
_Static_assert(sizeof(rh_wrapper_descr) == 56, "PyWrapperDescrObject is 56 bytes");
static rh_wrapper_descr *as_wdescr(rh_object *o) { return (rh_wrapper_descr *)(void *)o; }

typedef struct rh_wrapper {
    rh_object ob;
    uintptr_t descr;         /* wp->descr: a wrapper_descriptor (counted), or a slot_defs row | 1 */
    rh_object *self;         /* wp->self */
} rh_wrapper;

static int bound_by_descr(const rh_wrapper *w) { return !(w->descr & 1u); }
static const slot_def *wrapper_row(const rh_wrapper *w) {
    return bound_by_descr(w) ? as_wdescr((rh_object *)w->descr)->d_base : (const slot_def *)(w->descr & ~(uintptr_t)1);
}
/* the type whose slot the call runs: the descriptor's, else self's */
static const rh_type *wrapper_slot_type(const rh_wrapper *w) {
    return bound_by_descr(w) ? (const rh_type *)(void *)as_wdescr((rh_object *)w->descr)->d_type : w->self->type;
}
/* the name the profile's version gives the wrapper's special method */
static const char *wrapper_name(rh_runtime *rt, const rh_wrapper *w) { return slot_name(wrapper_row(w), rt->profile->python2); }

_Static_assert(sizeof(rh_wrapper) == 32, "wrapperobject is 32 bytes");

static int wrapper_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    if (bound_by_descr((rh_wrapper *)o)) VISIT((rh_object *)((rh_wrapper *)o)->descr);
    VISIT(((rh_wrapper *)o)->self);
    return 0;
}

/* wrapper_dealloc: untrack, drop self, free (the trashcan is the generic dealloc's) */
static void wrapper_dealloc(rh_runtime *rt, rh_object *o) {
    rh_wrapper *w = (rh_wrapper *)o;
    rh__gc_untrack(rt, o);
    if (bound_by_descr(w)) rh_xdecref(rt, (rh_object *)w->descr);
    w->descr = 1;
    clear_slot(rt, &w->self);
    rh__object_free(rt, o, sizeof(rh_wrapper));
}

/* PyWrapper_New: descr is a wrapper_descriptor (a reference taken) or a tagged row */
static rh_object *wrapper_new(rh_runtime *rt, uintptr_t descr, rh_object *self) {
    rh_wrapper *w = (rh_wrapper *)new_gc(rt, RH_K_METHOD_WRAPPER, sizeof(rh_wrapper));
    if (!w) return NULL;
    w->descr = descr;
    if (!(descr & 1u)) rh_incref((rh_object *)descr);
    w->self = self;
    rh_incref(self);
    rh__gc_track(rt, &w->ob);
    return &w->ob;
}

/* A type whose hash slot is PyObject_HashNotImplemented has __hash__ = None in its dict (add_operators) */
static int hash_is_none(const slot_def *d, const rh_type *t) {
    return d->call == call_hash && t->tp_hash == rh__hash_not_implemented;
}

/* self borrowed; new reference, or NULL without an error when self's type has no slot for `name`. */
rh_object *rh_slot_wrapper_new(rh_runtime *rt, rh_object *self, rh_object *name) {
    const slot_def *d = row_named(rt, name, self->type);
    if (!d) return NULL;
    if (hash_is_none(d, self->type)) {
        rh_incref(rh_none(rt));
        return rh_none(rt);
    }
    return wrapper_new(rt, (uintptr_t)d | 1u, self);
}

/* check_num_args / PyArg_UnpackTuple of the row: 0, or -1 with the TypeError set (2.7's say "arguments"
 * for one too) */
static int check_args(rh_runtime *rt, const slot_def *d, size_t nargs) {
    size_t lo = d->nargs, hi = d->maxargs ? d->maxargs : lo;
    if (nargs >= lo && nargs <= hi) return 0;
    const char *how = lo == hi ? "" : nargs < lo ? "at least " : "at most ";
    size_t want = nargs < lo ? lo : hi;
    rh_err_set(rt, RH_EXC_TYPE, "%sexpected %s%zu argument%s, got %zu", d->unpack ? " " : "", how, want,
               want == 1 && !rt->profile->python2 ? "" : "s", nargs);
    return -1;
}

/* the row's call of t's slot on self (wrapperdescr_raw_call), the arguments checked first */
static rh_object *row_call(rh_runtime *rt, const slot_def *d, const rh_type *t, rh_object *self,
                           rh_object *const *args, size_t nargs) {
    if (check_args(rt, d, nargs)) return NULL;
    if (d->callv) return d->callv(rt, t, self, args, nargs);
    rh_object *a[2] = {NULL, NULL}; /* the optional ones absent */
    for (size_t i = 0; i < nargs && i < 2; i++) a[i] = args[i];
    return d->call(rt, t, self, d->maxargs ? a : args);
}

/* wrapper_call -> wrapperdescr_raw_call: check_num_args ("expected 0 arguments, got 1"), then the slot
 * of self's type. Arguments borrowed. */
static rh_object *wrapper_call(rh_runtime *rt, rh_object *o, rh_object *const *args, size_t nargs) {
    rh_wrapper *w = (rh_wrapper *)o;
    return row_call(rt, wrapper_row(w), wrapper_slot_type(w), w->self, args, nargs);
}

rh_object *rh_method_wrapper_call_self(rh_object *o) {
    if (o->type->kind != RH_K_METHOD_WRAPPER) return NULL;
    rh_wrapper *w = (rh_wrapper *)o;
    return wrapper_row(w)->callv == call_call ? w->self : NULL;
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
    int eq = wrapper_row(wa) == wrapper_row(wb) && wrapper_slot_type(wa) == wrapper_slot_type(wb) && wa->self == wb->self;
    return rh_bool(rt, eq == (op == RH_CMP_EQ));
}

/* wrapper_hash: hash of self's address xor the descriptor's */
static int64_t wrapper_hash(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_wrapper *w = (rh_wrapper *)o;
    int64_t x = rh__hash_pointer(w->self) ^ rh__hash_pointer(wrapper_row(w));
    return x == -1 ? -2 : x;
}

/* descr_get_qualname: "<type>.<name>" (new str or NULL) */
static rh_object *qualname_of(rh_runtime *rt, const char *type_name, const char *name) {
    rh__sb b;
    rh__sb_init(&b, rt);
    if (rh__sb_printf(&b, "%s.%s", type_name, name)) {
        rh__sb_free(&b);
        return NULL;
    }
    return rh__sb_finish(&b);
}

/* PyObject_GenericGetAttr over wrapper_members / wrapper_getsets: __self__, __name__, __qualname__
 * (descr_get_qualname: "<type>.<name>"), __objclass__, __class__ */
static rh_object *wrapper_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_wrapper *w = (rh_wrapper *)o;
    if (rh_str_eq_cstr(name, "__self__")) { rh_incref(w->self); return w->self; }
    if (rh_str_eq_cstr(name, "__name__")) return rh_str_from_cstr(rt, wrapper_name(rt, w));
    if (rh_str_eq_cstr(name, "__objclass__")) { /* the descriptor's d_type */
        rh_object *t = (rh_object *)(uintptr_t)wrapper_slot_type(w);
        rh_incref(t);
        return t;
    }
    if (rh_str_eq_cstr(name, "__class__")) { rh_incref((rh_object *)o->type); return (rh_object *)o->type; }
    if (rh_str_eq_cstr(name, "__qualname__")) return qualname_of(rt, wrapper_slot_type(w)->name, wrapper_name(rt, w));
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

/* ---------------------------------------------------------------- wrapper_descriptor */

static int wdescr_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(as_wdescr(o)->d_type); /* descr_traverse */
    return 0;
}

static void wdescr_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    clear_slot(rt, &as_wdescr(o)->d_type);
    clear_slot(rt, &as_wdescr(o)->d_name);
    rh__object_free(rt, o, sizeof(rh_wrapper_descr));
}

/* 2.7's PyDescr_COMMON has no d_qualname */
static size_t wdescr_size_of(rh_runtime *rt, rh_object *o) {
    (void)o;
    return sizeof(rh_wrapper_descr) - (rt->profile->python2 ? sizeof(rh_object *) : 0);
}

static const char *wdescr_name(rh_runtime *rt, rh_object *o) { return rh_str_utf8(rt, as_wdescr(o)->d_name, NULL); }
static const char *wdescr_type_name(rh_object *o) { return ((rh_type *)(void *)as_wdescr(o)->d_type)->name; }

/* wrapperdescr_get: on the type the descriptor itself, on an instance of d_type a method-wrapper (descr_check) */
static rh_object *wdescr_get(rh_runtime *rt, rh_object *d, rh_object *obj, rh_object *type) {
    (void)type;
    if (!obj) {
        rh_incref(d);
        return d;
    }
    if (!rh__type_is_subtype(obj->type, (rh_type *)(void *)as_wdescr(d)->d_type)) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' for '%s' objects doesn't apply to %s'%s' object", wdescr_name(rt, d),
                   wdescr_type_name(d), rt->profile->python2 ? "" : "a ", rh_type_name(obj)); /* 2.7: no article */
        return NULL;
    }
    return wrapper_new(rt, (uintptr_t)d, obj);
}

/* wrapperdescr_call: the first argument is self, an instance of d_type; the rest go to d_type's slot */
static rh_object *wdescr_call(rh_runtime *rt, rh_object *d, rh_object *const *args, size_t nargs) {
    if (nargs < 1) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' of '%s' object needs an argument", wdescr_name(rt, d), wdescr_type_name(d));
        return NULL;
    }
    const rh_type *t = (const rh_type *)(void *)as_wdescr(d)->d_type;
    if (!rh__type_is_subtype(args[0]->type, t)) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' requires a '%s' object but received a '%s'", wdescr_name(rt, d),
                   t->name, rh_type_name(args[0]));
        return NULL;
    }
    return row_call(rt, as_wdescr(d)->d_base, t, args[0], args + 1, nargs - 1);
}

/* wrapperdescr_repr: "<slot wrapper '__add__' of 'int' objects>" */
static int wdescr_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<slot wrapper '%s' of '%s' objects>", wdescr_name(b->rt, o), wdescr_type_name(o));
}

/* PyObject_GenericGetAttr over descr_members / wrapperdescr_getset: __name__, __qualname__ ("int.__add__"),
 * __objclass__, __class__; the type's own slots (__get__, __repr__, __hash__ ...) as method-wrappers */
static rh_object *wdescr_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_wrapper_descr *d = as_wdescr(o);
    rh_object *v = NULL;
    if (rh_str_eq_cstr(name, "__name__")) v = d->d_name;
    else if (rh_str_eq_cstr(name, "__objclass__")) v = d->d_type;
    else if (rh_str_eq_cstr(name, "__class__")) v = (rh_object *)o->type;
    if (v) {
        rh_incref(v);
        return v;
    }
    if (rh_str_eq_cstr(name, "__qualname__") && !rt->profile->python2) return qualname_of(rt, wdescr_type_name(o), wdescr_name(rt, o));
    if ((v = rh_slot_wrapper_new(rt, o, name)) || rh_err_occurred(rt)) return v;
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'wrapper_descriptor' object has no attribute '%s'", rh_str_utf8(rt, name, NULL));
    return NULL;
}

void rh__type_init_wrapper_descr(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "wrapper_descriptor", sizeof(rh_wrapper_descr), 0, wdescr_dealloc, wdescr_traverse, NULL);
    t->size_of = wdescr_size_of;
    t->repr_into = wdescr_repr_into;
    t->tp_call = wdescr_call;
    t->tp_descr_get = wdescr_get;
    t->tp_getattro = wdescr_getattro;
}

const char *rh_slot_wrapper_name_at(rh_runtime *rt, size_t i) {
    if (i >= sizeof slot_defs / sizeof slot_defs[0]) return NULL;
    const char *n = slot_name(&slot_defs[i], rt->profile->python2);
    return n ? n : "";
}

rh_object *rh_wrapper_descr_new(rh_runtime *rt, rh_type *t, rh_object *name) {
    const slot_def *d = row_named(rt, name, t);
    rh_slotfn own = d ? d->has(t) : NULL;
    if (!own || (t->base && d->has(t->base) == own)) return NULL; /* none, or inherited from the base */
    if (hash_is_none(d, t)) {
        rh_incref(rh_none(rt));
        return rh_none(rt);
    }
    rh_wrapper_descr *w = (rh_wrapper_descr *)(void *)new_gc(rt, RH_K_WRAPPER_DESCR, sizeof(rh_wrapper_descr));
    if (!w) return NULL;
    w->d_type = (rh_object *)t;
    rh_incref(w->d_type);
    w->d_name = name;
    rh_incref(name);
    w->d_base = d;
    rh__gc_track(rt, &w->ob);
    return &w->ob;
}
