/* t_none_bool.c — the NoneType, NotImplementedType, ellipsis and bool types and their five static instances.
 *
 * Owns: rh__type_init_none, rh__type_init_notimplemented, rh__type_init_bool, rh__none_bool_repr; the
 * static objects rt->statics->none, notimplemented, ellipsis, false_ and true_ (Objects/object.c _Py_NoneStruct,
 * _Py_NotImplementedStruct; Objects/boolobject.c).
 * Invariants: None, False and True are the only instances of their types; they live in the runtime's
 * statics block, start at profile->static_refcnt (999999999 in 3.11, immortal 0xFFFFFFFF in 3.12) and are
 * never deallocated. False and True are int objects (PyLongObject layout) of value 0 and 1 whose type is
 * bool: ob_size 0 with one zero digit allocated, and ob_size 1 with digit 1 (Objects/boolobject.c,
 * _Py_FalseStruct/_Py_TrueStruct), so sys.getsizeof gives 28 for both in 3.11 (int___sizeof__ counts at
 * least one digit) and 24/28 in 3.10.
 */
#include "scalars.h"

/* None and the bools are static: rh_dealloc never calls this (it restores a static's count instead). */
static void static_only_dealloc(rh_runtime *rt, rh_object *o) {
    (void)rt;
    (void)o;
    rh_assert(!"a static None/bool reached dealloc");
}

static int singleton_repr_into(rh__sb *b, rh_object *o) { return rh__sb_puts(b, rh__none_bool_repr(o)); }
static int none_bool(rh_runtime *rt, rh_object *o) { return 0; }

/* bool_repr (Objects/boolobject.c): the interned "True" / "False" every time (3.11's _Py_ID(True), 3.10's
 * and 2.7's cached true_str/false_str), where None's repr makes a new "None" each call */
static rh_object *bool_repr(rh_runtime *rt, rh_object *o) {
    const char *s = rh__none_bool_repr(o);
    return rh_str_intern_utf8(rt, s, strlen(s));
}

void rh__type_init_none(rh_runtime *rt, rh_type *t) {
    t->name = "NoneType";
    t->kind = RH_K_NONE;
    t->flags = 0;
    t->basicsize = sizeof(rh_object); /* 16: _PyNone_Type.tp_basicsize is 0, object's 16 is inherited */
    t->itemsize = 0;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = static_only_dealloc;
    t->size_of = NULL;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = singleton_repr_into;
    t->as_number.nb_bool = none_bool;
    rh__static_init(rt, rh_none(rt), t);
}

void rh__type_init_notimplemented(rh_runtime *rt, rh_type *t) {
    t->name = "NotImplementedType";
    t->flags = 0;
    t->basicsize = sizeof(rh_object);
    t->dealloc = static_only_dealloc;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = singleton_repr_into;
    rh__static_init(rt, &rt->statics->notimplemented, t);
}

/* PyEllipsis_Type (Objects/sliceobject.c): `ellipsis`, tp_basicsize 0 so object's 16 is inherited
 * (sys.getsizeof(...) is 16 in every profile), not GC; its one instance _Py_EllipsisObject is static like
 * None (refcount from profile->static_refcnt, immortal in 3.12+). ellipsis_repr makes a new "Ellipsis"
 * str each call, as none_repr does. Hash and comparison are object's (identity). */
void rh__type_init_ellipsis(rh_runtime *rt, rh_type *t) {
    t->name = "ellipsis";
    t->flags = 0;
    t->basicsize = sizeof(rh_object);
    t->itemsize = 0;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = static_only_dealloc;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = singleton_repr_into;
    rh__static_init(rt, &rt->statics->ellipsis, t);
}

/* bool_and / bool_or / bool_xor: two bools give a bool, anything else is int's operator */
static rh_object *bool_op(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    const rh_number_methods *ints = &rh_builtin_type(rt, RH_K_INT)->as_number;
    if (a->type->kind != RH_K_BOOL || b->type->kind != RH_K_BOOL)
        return (op == RH_BINOP_AND ? ints->nb_and : op == RH_BINOP_OR ? ints->nb_or : ints->nb_xor)(rt, a, b);
    int x = a == rh_true(rt), y = b == rh_true(rt);
    return rh_bool(rt, op == RH_BINOP_AND ? x & y : op == RH_BINOP_OR ? x | y : x ^ y);
}
static rh_object *bool_and(rh_runtime *rt, rh_object *a, rh_object *b) { return bool_op(rt, RH_BINOP_AND, a, b); }
static rh_object *bool_or(rh_runtime *rt, rh_object *a, rh_object *b) { return bool_op(rt, RH_BINOP_OR, a, b); }
static rh_object *bool_xor(rh_runtime *rt, rh_object *a, rh_object *b) { return bool_op(rt, RH_BINOP_XOR, a, b); }

static void bool_static_init(rh_runtime *rt, rh_long_static *b, rh_type *t, int v) {
    rh__static_init(rt, &b->ob.ob, t);
    b->ob.size = v ? 1 : 0;
    b->digit[0] = v ? 1u : 0u;
    b->digit[1] = 0;
}

void rh__type_init_bool(rh_runtime *rt, rh_type *t) {
    t->name = "bool";
    t->kind = RH_K_BOOL;
    t->flags = rt->profile->int_block_size ? RH_TPFLAG_INT_WORD : 0; /* bool cannot be subclassed */
    t->basicsize = RH_LONG_HEADER;
    t->itemsize = sizeof(uint32_t);
    t->base = rh_builtin_type(rt, RH_K_INT);
    t->dealloc = static_only_dealloc;
    t->size_of = rh__int_size_of;
    t->tp_repr = bool_repr;
    t->repr_into = singleton_repr_into; /* the rest (hash, compare, arithmetic) is int's, inherited */
    t->as_number.nb_and = bool_and;
    t->as_number.nb_or = bool_or;
    t->as_number.nb_xor = bool_xor;
    bool_static_init(rt, &rt->statics->false_, t, 0);
    bool_static_init(rt, &rt->statics->true_, t, 1);
}

const char *rh__none_bool_repr(rh_object *o) {
    if (o->type->kind == RH_K_NONE) return "None";
    if (o->type->kind == RH_K_NOTIMPLEMENTED) return "NotImplemented";
    if (o->type->kind == RH_K_ELLIPSIS) return "Ellipsis";
    rh_assert(o->type->kind == RH_K_BOOL);
    return ((rh_varobject *)o)->size ? "True" : "False";
}
