/* abstract.c — the generic operations on objects, each a dispatcher through the type slots
 * (refheap/typeslots.h), as CPython 3.11's Objects/abstract.c and Objects/object.c: PyObject_Hash,
 * PyObject_IsTrue, PyObject_RichCompare(Bool) with do_richcompare, PyObject_Repr/Str, PyNumber_Add & co.
 * through binary_op1 / binary_iop1, PyNumber_Negative & co., PyNumber_Index, PyObject_Size,
 * PyObject_GetItem/SetItem/DelItem, PySequence_Contains, PyObject_GetIter, PyIter_Next, PyObject_Call.
 *
 * Owns: rh_hash, rh_equal, rh_truthy, rh_repr, rh_str (object.h); the operator API of refheap/abstract.h;
 * rh__hash_pointer, rh__repr_into, rh__repr_guarded (scalars.h); rh__richcompare*, rh__type_is_subtype,
 * rh__hash_not_implemented and the NotImplemented helpers (internal.h). The behaviour of each type is in
 * its own file; nothing here tests a kind.
 *
 * Invariants:
 *  - a binary operator tries the left operand's slot, then the right's (the right's first when its type
 *    is a proper subtype of the left's), each may answer NotImplemented; only then do the sequence
 *    fallbacks (sq_concat, sq_repeat) or the TypeError follow (binary_op1, PyNumber_Add/Multiply);
 *  - a comparison tries the reflected operation first when the right operand's type is a proper subtype
 *    of the left's, then the left, then the reflected; == and != fall back to identity (do_richcompare);
 *  - each comparison in progress is a level of the recursion depth (rh_recursion_enter, shared with the
 *    interpreter's Python frames): beyond the limit it raises RecursionError (Py_EnterRecursiveCall(" in
 *    comparison")); identity is checked before it in PyObject_RichCompareBool, so identical objects
 *    compare equal at any depth;
 *  - rt->repr_list holds the containers whose repr is in progress, outermost first (Py_ReprEnter's list in
 *    the thread state's dict, both made at the first container repr and kept to teardown, so that first
 *    repr allocates two GC objects as CPython's does); each is a level of the recursion depth; a container
 *    met again prints as [...], {...} or (...), and nesting beyond the recursion limit raises RecursionError.
 * In-place operators keep refheap's historical message: a failing `a += b` reports "for +:".
 */
#include "scalars.h"

/* ---------------------------------------------------------------- helpers for slots */

rh_object *rh_notimplemented(rh_runtime *rt) { return &rt->statics->notimplemented; }

rh_object *rh__notimpl(rh_runtime *rt) {
    rh_incref(&rt->statics->notimplemented);
    return &rt->statics->notimplemented;
}

int rh__type_is_subtype(const rh_type *a, const rh_type *b) {
    if (a == b) return 1;
    if (a->mro)
        for (size_t i = 0; i < rh_tuple_len(a->mro); i++)
            if (rh_tuple_get(a->mro, i) == &b->ob.ob) return 1;
    for (const rh_type *t = a->base; t; t = t->base)
        if (t == b) return 1;
    return 0;
}

int rh_type_check(rh_object *o, rh_object *cls) {
    return cls->type->kind == RH_K_TYPE && rh__type_is_subtype(o->type, (const rh_type *)(const void *)cls);
}

/* ---------------------------------------------------------------- hash */

int64_t rh__hash_pointer(const void *p) {
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof y - 4));
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

int64_t rh__hash_not_implemented(rh_runtime *rt, rh_object *o) {
    rh_err_set(rt, RH_EXC_TYPE, "unhashable type: '%s'", rh_type_name(o));
    return -1;
}

int rh_hash(rh_runtime *rt, rh_object *o, int64_t *out) {
    rh_hashfunc f = o->type->tp_hash;
    int64_t h = f ? f(rt, o) : rh__hash_not_implemented(rt, o);
    if (h == -1) return -1;
    *out = h;
    return 0;
}

/* ---------------------------------------------------------------- truth */

/* PyObject_IsTrue: the singletons, then nb_bool, mp_length, sq_length; true otherwise. */
int rh_truthy(rh_runtime *rt, rh_object *o) {
    if (o == rh_true(rt)) return 1;
    if (o == rh_false(rt) || o == rh_none(rt)) return 0;
    const rh_type *t = o->type;
    intptr_t n;
    if (t->as_number.nb_bool) return t->as_number.nb_bool(rt, o);
    if (t->as_mapping.mp_length) n = t->as_mapping.mp_length(rt, o);
    else if (t->as_sequence.sq_length) n = t->as_sequence.sq_length(rt, o);
    else return 1;
    return n < 0 ? -1 : n > 0;
}

/* ---------------------------------------------------------------- equality and ordering */

static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const int swapped_op[] = {RH_CMP_GT, RH_CMP_GE, RH_CMP_EQ, RH_CMP_NE, RH_CMP_LT, RH_CMP_LE};
const char *rh_cmp_symbol(rh_cmp_kind op) { return (unsigned)op < 6 ? cmp_sym[op] : "?"; }

rh_object *rh__cmp_result(rh_runtime *rt, int op, int c) {
    int r;
    switch (op) {
    case RH_CMP_LT: r = c < 0; break;
    case RH_CMP_LE: r = c <= 0; break;
    case RH_CMP_EQ: r = c == 0; break;
    case RH_CMP_NE: r = c != 0; break;
    case RH_CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return rh_bool(rt, r);
}

/* 2.7's default_3way_compare (Objects/object.c), the order of objects that define none: by address within
 * a type; None below everything; across types by type name, numbers (PyNumber_Check: nb_int or nb_float)
 * named "" so below the rest, then by the types' addresses. -1, 0 or 1. */
static int default_3way_compare(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (a->type == b->type) return (uintptr_t)a < (uintptr_t)b ? -1 : (uintptr_t)a > (uintptr_t)b;
    if (a == rh_none(rt)) return -1;
    if (b == rh_none(rt)) return 1;
    const char *an = a->type->as_number.nb_int || a->type->as_number.nb_float ? "" : rh_type_name(a);
    const char *bn = b->type->as_number.nb_int || b->type->as_number.nb_float ? "" : rh_type_name(b);
    int c = strcmp(an, bn);
    if (c) return c < 0 ? -1 : 1;
    return (uintptr_t)a->type < (uintptr_t)b->type ? -1 : 1;
}

/* do_richcompare; under 2.7 an ordering neither side defines falls back on default_3way_compare
 * (try_3way_to_rich_compare) where 3.x raises TypeError */
static rh_object *do_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    rh_richcmpfunc f;
    rh_object *r;
    int checked_reverse = 0;
    if (a->type != b->type && rh__type_is_subtype(b->type, a->type) && (f = b->type->tp_richcompare)) {
        checked_reverse = 1;
        if ((r = f(rt, b, a, swapped_op[op])) != rh_notimplemented(rt)) return r;
        rh_decref(rt, r);
    }
    if ((f = a->type->tp_richcompare)) {
        if ((r = f(rt, a, b, op)) != rh_notimplemented(rt)) return r;
        rh_decref(rt, r);
    }
    if (!checked_reverse && (f = b->type->tp_richcompare)) {
        if ((r = f(rt, b, a, swapped_op[op])) != rh_notimplemented(rt)) return r;
        rh_decref(rt, r);
    }
    if (op == RH_CMP_EQ) return rh_bool(rt, a == b);
    if (op == RH_CMP_NE) return rh_bool(rt, a != b);
    if (rt->profile->python2) return rh__cmp_result(rt, op, default_3way_compare(rt, a, b));
    rh_err_set(rt, RH_EXC_TYPE, "'%s' not supported between instances of '%s' and '%s'", cmp_sym[op],
               rh_type_name(a), rh_type_name(b));
    return NULL;
}

/* ---------------------------------------------------------------- recursion depth */

/* _Py_EnterRecursiveCallTstate and _Py_CheckRecursiveCall (Python/ceval.c, 3.11): a level is entered
 * while the depth is below the limit; the refused level is not counted. A level is also refused when the
 * C stack used since depth 0 passes the runtime's budget (as USE_STACKCHECK, and 3.12's C stack check). */
int rh_recursion_enter(rh_runtime *rt, const char *where) {
    char here; /* this level's place on the C stack */
    uintptr_t sp = (uintptr_t)&here;
    if (rt->rec_depth == 0) rt->stack_base = sp;
    size_t used = sp < rt->stack_base ? rt->stack_base - sp : sp - rt->stack_base;
    if (rt->rec_depth >= rt->rec_limit || used > rt->stack_budget) {
        rh_err_set(rt, RH_EXC_RECURSION, "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    rt->rec_depth++;
    return 0;
}
void rh_recursion_leave(rh_runtime *rt) { rt->rec_depth--; }
int rh_recursion_depth(const rh_runtime *rt) { return rt->rec_depth; }
int rh_recursion_limit(const rh_runtime *rt) { return rt->rec_limit; }

/* sys_setrecursionlimit_impl (Python/sysmodule.c, 3.11) */
int rh_recursion_set_limit(rh_runtime *rt, int limit, int depth) {
    if (limit < 1) {
        rh_err_set(rt, RH_EXC_VALUE, "recursion limit must be greater or equal than 1");
        return -1;
    }
    if (depth >= limit) {
        rh_err_set(rt, RH_EXC_RECURSION,
                   "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", limit,
                   depth);
        return -1;
    }
    rt->rec_limit = limit;
    return 0;
}

/* PyObject_RichCompare: the recursion guard around do_richcompare */
rh_object *rh__richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (rh_recursion_enter(rt, " in comparison") != 0) return NULL;
    rh_object *r = do_richcompare(rt, a, b, op);
    rh_recursion_leave(rt);
    return r;
}

static int truth_of_result(rh_runtime *rt, rh_object *r) {
    if (!r) return -1;
    int ok = r == rh_true(rt) ? 1 : r == rh_false(rt) ? 0 : rh_truthy(rt, r);
    rh_decref(rt, r);
    return ok;
}

/* PyObject_RichCompareBool: identity implies equality. == / != of two exact ints that fit a word compare
 * their values in place: long_richcompare of them creates nothing and answers True or False, so only the
 * calls are skipped (`x in list_of_ints`, list.index/count/remove). */
int rh__richcompare_bool(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (a == b && op == RH_CMP_EQ) return 1;
    if (a == b && op == RH_CMP_NE) return 0;
    int64_t x, y;
    if ((op == RH_CMP_EQ || op == RH_CMP_NE) && rh_int_small_value(a, &x) && rh_int_small_value(b, &y))
        return (x == y) == (op == RH_CMP_EQ);
    return truth_of_result(rt, rh__richcompare(rt, a, b, op));
}

int rh_equal(rh_runtime *rt, rh_object *a, rh_object *b) { return rh__richcompare_bool(rt, a, b, RH_CMP_EQ); }

int rh_richcompare(rh_runtime *rt, rh_cmp_kind op, rh_object *a, rh_object *b) {
    if ((unsigned)op > RH_CMP_GE) {
        rh_err_set(rt, RH_EXC_VALUE, "bad comparison operator %d", (int)op);
        return -1;
    }
    return truth_of_result(rt, rh__richcompare(rt, a, b, (int)op));
}

/* ---------------------------------------------------------------- repr */

/* Py_ReprEnter (Objects/object.c): PyThreadState_GetDict() made on first use, its "Py_Repr" list made on
 * first use; 1 when o is in the list (searched from the end), else o is appended: 0, or -1 on failure. */
static int repr_enter(rh_runtime *rt, rh_object *o) {
    if (!rt->repr_dict && !(rt->repr_dict = rh_dict_new(rt))) return -1;
    if (!rt->repr_list) {
        rh_object *l = rh_list_new(rt, 0);
        if (!l) return -1;
        int rc = rh_dict_set_cstr(rt, rt->repr_dict, "Py_Repr", l);
        if (rc != 0) { rh_decref(rt, l); return -1; }
        rt->repr_list = l; /* the dict's reference and this one: both dropped at teardown */
    }
    for (size_t i = rh_list_len(rt->repr_list); i-- > 0;)
        if (rh_list_get(rt->repr_list, i) == o) return 1;
    return rh_list_append(rt, rt->repr_list, o);
}

/* Py_ReprLeave: o's last entry out of the list (PyList_SetSlice), any error in progress kept. */
static void repr_leave(rh_runtime *rt, rh_object *o) {
    rh_err_state saved;
    rh_err_save(rt, &saved);
    for (size_t i = rh_list_len(rt->repr_list); i-- > 0;)
        if (rh_list_get(rt->repr_list, i) == o) {
            if (rh_list_ass_slice(rt, rt->repr_list, (int64_t)i, (int64_t)i + 1, 1, NULL) != 0) rh_err_clear(rt);
            break;
        }
    rh_err_restore_state(rt, &saved);
}

int rh_repr_enter(rh_runtime *rt, rh_object *o) { return repr_enter(rt, o); }
void rh_repr_leave(rh_runtime *rt, rh_object *o) { repr_leave(rt, o); }

int rh_repr_set_print(rh_runtime *rt, int on) {
    int was = rt->repr_print;
    rt->repr_print = rt->profile->repr_pieces && on;
    return was;
}

int rh__repr_pieces(rh_runtime *rt, size_t tuple_n, rh_object **pieces) {
    *pieces = NULL;
    if (!rt->profile->repr_pieces || rt->repr_print) return 0;
    *pieces = tuple_n ? rh_tuple_new(rt, tuple_n) : rh_list_new(rt, 0);
    return *pieces ? 0 : -1;
}

/* An empty list's or tuple's repr, returned before Py_ReprEnter, still a level of the recursion depth. */
int rh__repr_empty(rh__sb *b, const char *text) {
    if (rh_recursion_enter(b->rt, " while getting the repr of an object") != 0) return -1;
    int rc = rh__sb_puts(b, text);
    rh_recursion_leave(b->rt);
    return rc;
}

void rh__repr_fini(rh_runtime *rt) {
    rh_object *d = rt->repr_dict, *l = rt->repr_list;
    rt->repr_dict = rt->repr_list = NULL;
    rh_xdecref(rt, l);
    rh_xdecref(rt, d);
}

int rh__repr_guarded(rh__sb *b, rh_object *o, const char *again, int (*items)(rh__sb *b, rh_object *o)) {
    rh_runtime *rt = b->rt;
    int seen = repr_enter(rt, o);
    if (seen) return seen > 0 ? rh__sb_puts(b, again) : -1;
    /* one level per container, as PyObject_Repr's Py_EnterRecursiveCall around each item's repr */
    int rc = rh_recursion_enter(rt, " while getting the repr of an object");
    if (rc == 0) {
        rc = items(b, o);
        rh_recursion_leave(rt);
    }
    repr_leave(rt, o);
    return rc;
}

static rh_object *checked_str(rh_runtime *rt, rh_object *r, const char *what) {
    if (r && r->type->kind != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "%s returned non-string (type %s)", what, rh_type_name(r));
        rh_decref(rt, r);
        return NULL;
    }
    return r;
}

int rh__repr_into(rh__sb *b, rh_object *o) {
    rh_runtime *rt = b->rt;
    rh_kind k = o->type->kind;
    if (rt->repr_print && ((k != RH_K_LIST && k != RH_K_TUPLE && k != RH_K_DICT) ||
                           (o->type->flags & RH_TPFLAG_HEAPTYPE))) { /* PyObject_Print of any other item: its repr */
        rt->repr_print = 0;
        int rc = rh__repr_into(b, o);
        rt->repr_print = 1;
        return rc;
    }
    if (o->type->repr_into) return o->type->repr_into(b, o);
    rh_object *s = rh_repr(b->rt, o);
    if (!s) return -1;
    int rc = rh__sb_put_str(b, s);
    rh_decref(b->rt, s);
    return rc;
}

/* The tp_repr of the built-in types: their repr_into over one string builder. */
rh_object *rh__repr_by_builder(rh_runtime *rt, rh_object *o) {
    rh__sb b;
    rh__sb_init(&b, rt);
    if (o->type->repr_into(&b, o) != 0) {
        if (b.failed && !rh_err_occurred(rt)) rh_err_nomemory(rt);
        rh__sb_free(&b);
        return NULL;
    }
    return rh__sb_finish(&b);
}

/* repr(o) by type's own slot, not o's type's (list.__repr__(x) on an instance of a list subclass whose
 * class overrides __repr__): the type's builder, else its tp_repr. */
rh_object *rh_repr_as(rh_runtime *rt, rh_type *type, rh_object *o) {
    if (type->repr_into) {
        rh__sb b;
        rh__sb_init(&b, rt);
        if (type->repr_into(&b, o) != 0) {
            if (b.failed && !rh_err_occurred(rt)) rh_err_nomemory(rt);
            rh__sb_free(&b);
            return NULL;
        }
        return rh__sb_finish(&b);
    }
    return checked_str(rt, (type->tp_repr ? type->tp_repr : rh__repr_by_builder)(rt, o), "__repr__");
}

rh_object *rh_repr(rh_runtime *rt, rh_object *o) {
    rh_reprfunc f = o->type->tp_repr;
    if (!f) f = rh__repr_by_builder; /* every type inherits object's repr */
    return checked_str(rt, f(rt, o), "__repr__");
}

rh_object *rh_str(rh_runtime *rt, rh_object *o) {
    rh_reprfunc f = o->type->tp_str;
    if (!f) return rh_repr(rt, o);
    return checked_str(rt, f(rt, o), "__str__");
}

rh_object *rh_ascii(rh_runtime *rt, rh_object *o) {
    rh_object *r = rh_repr(rt, o);
    if (!r) return NULL;
    size_t n = rh_str_len(r), i = 0;
    while (i < n && rh_str_char_at(r, i) < 0x80) i++;
    if (i == n) return r;
    rh__sb b;
    rh__sb_init(&b, rt);
    for (i = 0; i < n; i++) {
        uint32_t c = rh_str_char_at(r, i);
        if (c < 0x80) rh__sb_putc(&b, (char)c);
        else rh__sb_put_escape(&b, c);
    }
    rh_decref(rt, r);
    return rh__sb_finish(&b);
}

/* ---------------------------------------------------------------- arithmetic */

static const char *const binop_sym[RH_BINOP__COUNT] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "divmod()"};
const char *rh_binop_symbol(rh_binop_kind op) { return (unsigned)op < RH_BINOP__COUNT ? binop_sym[op] : "?"; }

/* Where each operator's slot and its in-place form live in rh_number_methods (NB_BINOP). */
static const struct { size_t slot, islot; } nb_offsets[RH_BINOP__COUNT] = {
#define NB(a, b) {offsetof(rh_number_methods, a), offsetof(rh_number_methods, b)}
    NB(nb_add, nb_inplace_add),       NB(nb_subtract, nb_inplace_subtract),
    NB(nb_multiply, nb_inplace_multiply), NB(nb_true_divide, nb_inplace_true_divide),
    NB(nb_floor_divide, nb_inplace_floor_divide), NB(nb_remainder, nb_inplace_remainder),
    NB(nb_power, nb_inplace_power),   NB(nb_lshift, nb_inplace_lshift),
    NB(nb_rshift, nb_inplace_rshift), NB(nb_and, nb_inplace_and),
    NB(nb_or, nb_inplace_or),         NB(nb_xor, nb_inplace_xor),
    NB(nb_matrix_multiply, nb_inplace_matrix_multiply),
    NB(nb_divmod, nb_divmod), /* (binop_impl never asks divmod for an in-place slot) */
#undef NB
};

/* One number slot: binary, or ternary for ** (called with None as the modulus). */
typedef struct nbslot { rh_binaryfunc bin; rh_ternaryfunc ter; } nbslot;

static nbslot nb_slot(const rh_type *t, rh_binop_kind op, int inplace) {
    const char *p = (const char *)&t->as_number + (inplace ? nb_offsets[op].islot : nb_offsets[op].slot);
    nbslot s = {0};
    if (op == RH_BINOP_POW) memcpy(&s.ter, p, sizeof s.ter);
    else memcpy(&s.bin, p, sizeof s.bin);
    return s;
}
static int nb_null(nbslot s) { return !s.bin && !s.ter; }
static int nb_same(nbslot x, nbslot y) { return x.bin == y.bin && x.ter == y.ter; }
static rh_object *nb_call(rh_runtime *rt, nbslot s, rh_object *a, rh_object *b) {
    return s.bin ? s.bin(rt, a, b) : s.ter(rt, a, b, rh_none(rt));
}

/* binary_op1: a new reference (NotImplemented when neither operand knows the operation) or NULL */
static rh_object *binary_op1(rh_runtime *rt, rh_object *a, rh_object *b, rh_binop_kind op) {
    nbslot sv = nb_slot(a->type, op, 0), sw = {0};
    rh_object *x;
    if (b->type != a->type) {
        sw = nb_slot(b->type, op, 0);
        if (nb_same(sw, sv)) sw = (nbslot){0};
    }
    if (!nb_null(sv)) {
        if (!nb_null(sw) && rh__type_is_subtype(b->type, a->type)) {
            if ((x = nb_call(rt, sw, a, b)) != rh_notimplemented(rt)) return x;
            rh_decref(rt, x);
            sw = (nbslot){0};
        }
        if ((x = nb_call(rt, sv, a, b)) != rh_notimplemented(rt)) return x;
        rh_decref(rt, x);
    }
    if (!nb_null(sw)) {
        if ((x = nb_call(rt, sw, a, b)) != rh_notimplemented(rt)) return x;
        rh_decref(rt, x);
    }
    return rh__notimpl(rt);
}

/* binop_type_error with the op_name PyNumber_<Op> / PyNumber_InPlace<Op> pass: "+" or "+=" ("** or pow()"
 * for ** and, in 2.7 whose PyNumber_InPlacePower says so too, for **=) */
static rh_object *unsupported(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b, int inplace) {
    const char *sym = binop_sym[op];
    if (op == RH_BINOP_POW && (!inplace || rt->profile->python2)) sym = "** or pow()";
    rh_err_set(rt, RH_EXC_TYPE, "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
               inplace && strcmp(sym, "** or pow()") != 0 ? "=" : "", rh_type_name(a), rh_type_name(b));
    return NULL;
}

/* sequence_repeat: the count must support __index__ and fit an index */
static rh_object *sequence_repeat(rh_runtime *rt, rh_ssizeargfunc f, rh_object *seq, rh_object *count) {
    int64_t n;
    if (!count->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "can't multiply sequence by non-int of type '%s'", rh_type_name(count));
        return NULL;
    }
    if (rh_index_value(rt, count, &n) != 0) return NULL;
    return f(rt, seq, (intptr_t)n);
}

/* What PyNumber_Add / PyNumber_Multiply (and their in-place forms) do after NotImplemented. */
static rh_object *sequence_fallback(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b, int inplace) {
    const rh_sequence_methods *ma = &a->type->as_sequence, *mb = &b->type->as_sequence;
    if (op == RH_BINOP_ADD) {
        if (inplace && ma->sq_inplace_concat) return ma->sq_inplace_concat(rt, a, b);
        if (ma->sq_concat) return ma->sq_concat(rt, a, b);
    } else if (op == RH_BINOP_MUL) {
        if (inplace && ma->sq_inplace_repeat) return sequence_repeat(rt, ma->sq_inplace_repeat, a, b);
        if (ma->sq_repeat) return sequence_repeat(rt, ma->sq_repeat, a, b);
        if (mb->sq_repeat) return sequence_repeat(rt, mb->sq_repeat, b, a);
    }
    return unsupported(rt, op, a, b, inplace);
}

static rh_object *binop_impl(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b, int inplace) {
    if ((unsigned)op >= RH_BINOP__COUNT) {
        rh_err_set(rt, RH_EXC_VALUE, "bad binary operator %d", (int)op);
        return NULL;
    }
    rh_object *r;
    nbslot si = inplace ? nb_slot(a->type, op, 1) : (nbslot){0};
    if (!nb_null(si)) { /* binary_iop1: the in-place slot first */
        if ((r = nb_call(rt, si, a, b)) != rh_notimplemented(rt)) return r;
        rh_decref(rt, r);
    }
    if ((r = binary_op1(rt, a, b, op)) != rh_notimplemented(rt)) return r;
    rh_decref(rt, r);
    return sequence_fallback(rt, op, a, b, inplace);
}

rh_object *rh_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    return binop_impl(rt, op, a, b, 0);
}

rh_object *rh_inplace_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    return binop_impl(rt, op, a, b, 1);
}

rh_object *rh_unop(rh_runtime *rt, rh_unop_kind op, rh_object *o) {
    static const char *const sym[] = {"-", "+", "~"};
    if (op == RH_UNOP_NOT) {
        int t = rh_truthy(rt, o);
        return t < 0 ? NULL : rh_bool(rt, !t);
    }
    if ((unsigned)op > RH_UNOP_INVERT) {
        rh_err_set(rt, RH_EXC_VALUE, "bad unary operator %d", (int)op);
        return NULL;
    }
    const rh_number_methods *m = &o->type->as_number;
    rh_unaryfunc f = op == RH_UNOP_NEG ? m->nb_negative : op == RH_UNOP_POS ? m->nb_positive : m->nb_invert;
    if (f) return f(rt, o);
    rh_err_set(rt, RH_EXC_TYPE, "bad operand type for unary %s: '%s'", sym[op], rh_type_name(o));
    return NULL;
}

/* _PyNumber_Index: o itself for an int or bool, else what its nb_index returns, which must be an int */
static rh_object *index_object(rh_runtime *rt, rh_object *o) {
    rh_unaryfunc f = o->type->as_number.nb_index;
    if (!f) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", rh_type_name(o));
        return NULL;
    }
    if (o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL) return rh_incref(o), o;
    rh_object *i = f(rt, o);
    if (i && i->type->kind != RH_K_INT && i->type->kind != RH_K_BOOL) {
        rh_err_set(rt, RH_EXC_TYPE, "__index__ returned non-int (type %s)", rh_type_name(i));
        rh_decref(rt, i);
        return NULL;
    }
    return i;
}

/* PyNumber_Index: a bool becomes the int of its value (_PyLong_Copy of a non-exact int) */
rh_object *rh_number_index(rh_runtime *rt, rh_object *o) {
    rh_object *i = index_object(rt, o);
    if (!i || i->type->kind != RH_K_BOOL) return i;
    int64_t v = i == rh_true(rt);
    rh_decref(rt, i);
    return rh_int_from_i64(rt, v);
}

/* PyNumber_Index + PyNumber_AsSsize_t(o, OverflowError); an int or bool is read directly. */
int rh_index_value(rh_runtime *rt, rh_object *o, int64_t *out) {
    /* an int or bool is its own index (index_object's first case): read it without the reference round trip */
    if ((o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL) && rh__int_i64(o, out)) return 0;
    rh_object *i = index_object(rt, o);
    if (!i) return -1;
    int64_t v;
    int fits = rh__int_i64(i, &v);
    rh_decref(rt, i);
    if (!fits) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "cannot fit '%s' into an index-sized integer", rh_type_name(o));
        return -1;
    }
    *out = v;
    return 0;
}

/* ---------------------------------------------------------------- containers, iteration, calls */

int64_t rh_len(rh_runtime *rt, rh_object *o) {
    const rh_type *t = o->type;
    if (t->as_sequence.sq_length) return t->as_sequence.sq_length(rt, o);
    if (t->as_mapping.mp_length) return t->as_mapping.mp_length(rt, o);
    rh_err_set(rt, RH_EXC_TYPE, "object of type '%s' has no len()", rh_type_name(o));
    return -1;
}

int64_t rh_length_hint(rh_runtime *rt, rh_object *o, int64_t dflt) {
    const rh_type *t = o->type;
    if (t->as_sequence.sq_length || t->as_mapping.mp_length) {
        int64_t n = rh_len(rt, o);
        if (n >= 0 || rh_err_occurred(rt) != RH_EXC_TYPE) return n;
        rh_err_clear(rt);
    }
    if (!(t->flags & RH_TPFLAG_HEAPTYPE)) { /* a built-in iterator's __length_hint__ */
        int64_t n = t->length_hint ? t->length_hint(rt, o) : -2;
        return n == -2 ? dflt : n;
    }
    int found;
    rh_object *r = rh_call_special(rt, o, "__length_hint__", NULL, 0, &found);
    if (!found && !rh_err_occurred(rt)) return dflt;
    if (!r) return -1;
    if (r == rh_notimplemented(rt)) {
        rh_decref(rt, r);
        return dflt;
    }
    int64_t n = -1;
    if (r->type->kind != RH_K_INT && r->type->kind != RH_K_BOOL)
        rh_err_set(rt, RH_EXC_TYPE, "__length_hint__ must be an integer, not %s", rh_type_name(r));
    else if (rh_int_as_i64(rt, r, &n) < 0) /* PyLong_AsSsize_t */
        rh_err_clear(rt), rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t"), n = -1;
    else if (n < 0)
        rh_err_set(rt, RH_EXC_VALUE, "__length_hint__() should return >= 0"), n = -1;
    rh_decref(rt, r);
    return n;
}

/* A sequence index: __index__ of key, negative values counted from the end (sq_length). */
static int seq_index(rh_runtime *rt, rh_object *o, rh_object *key, intptr_t *i) {
    int64_t v;
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "sequence index must be integer, not '%s'", rh_type_name(key));
        return -1;
    }
    if (rh_index_value(rt, key, &v) != 0) return -1;
    if (v < 0 && o->type->as_sequence.sq_length) {
        intptr_t n = o->type->as_sequence.sq_length(rt, o);
        if (n < 0) return -1;
        v += n;
    }
    *i = (intptr_t)v;
    return 0;
}

rh_object *rh_getitem(rh_runtime *rt, rh_object *o, rh_object *key) {
    const rh_type *t = o->type;
    intptr_t i;
    if (t->as_mapping.mp_subscript) return t->as_mapping.mp_subscript(rt, o, key);
    if (t->as_sequence.sq_item) return seq_index(rt, o, key, &i) ? NULL : t->as_sequence.sq_item(rt, o, i);
    if (o->type->kind == RH_K_TYPE)
        rh_err_set(rt, RH_EXC_TYPE, "type '%s' is not subscriptable", ((rh_type *)(void *)o)->name);
    else rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not subscriptable", rh_type_name(o));
    return NULL;
}

static int ass_subscript(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v) {
    rh_objobjargproc f = o->type->as_mapping.mp_ass_subscript;
    if (f) return f(rt, o, key, v);
    rh_err_set(rt, RH_EXC_TYPE, "'%s' object does not support item %s", rh_type_name(o),
               v ? "assignment" : "deletion");
    return -1;
}
int rh_setitem(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v) { return ass_subscript(rt, o, key, v); }
int rh_delitem(rh_runtime *rt, rh_object *o, rh_object *key) { return ass_subscript(rt, o, key, NULL); }

/* PySequence_Contains: sq_contains, else _PySequence_IterSearch (item == v along iter(o)) */
int rh_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    rh_objobjproc f = o->type->as_sequence.sq_contains;
    if (f) return f(rt, o, v);
    rh_object *it = o->type->tp_iter || o->type->as_sequence.sq_item ? rh_getiter(rt, o) : NULL, *x;
    if (!it) {
        if (!rh_err_occurred(rt) || rh_err_occurred(rt) == RH_EXC_TYPE)
            rh_err_set(rt, RH_EXC_TYPE, "argument of type '%s' is not iterable", rh_type_name(o));
        return -1;
    }
    int found = 0;
    while (!found && (x = rh_iternext(rt, it))) {
        found = rh__richcompare_bool(rt, x, v, RH_CMP_EQ);
        rh_decref(rt, x);
    }
    rh_decref(rt, it);
    return found < 0 || (!found && rh_err_occurred(rt)) ? -1 : found;
}

/* PyObject_GetIter: tp_iter, else a sequence iterator over an object with sq_item (PySeqIter_New) */
rh_object *rh_getiter(rh_runtime *rt, rh_object *o) {
    rh_getiterfunc f = o->type->tp_iter;
    if (!f && o->type->as_sequence.sq_item) return rh_iter_new(rt, o);
    if (!f) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not iterable", rh_type_name(o));
        return NULL;
    }
    rh_object *it = f(rt, o);
    if (it && !it->type->tp_iternext) {
        rh_err_set(rt, RH_EXC_TYPE, "iter() returned non-iterator of type '%s'", rh_type_name(it));
        rh_decref(rt, it);
        return NULL;
    }
    return it;
}

rh_object *rh_iternext(rh_runtime *rt, rh_object *it) {
    rh_iternextfunc f = it->type->tp_iternext;
    if (!f) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not an iterator", rh_type_name(it));
        return NULL;
    }
    rh_object *r = f(rt, it);
    if (!r && rh_err_occurred(rt) == RH_EXC_STOPITERATION) rh_err_clear(rt);
    return r;
}

/* tp_call of functions, methods and built-ins: the embedder runs them (rh_hooks.call) */
rh_object *rh__call_hook(rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs) {
    if (rt->hooks.call) return rt->hooks.call(rt->hooks.ctx, rt, callable, args, nargs);
    rh_err_set(rt, RH_EXC_UNSUPPORTED, "calling a '%s' needs the embedder's call hook", rh_type_name(callable));
    return NULL;
}

rh_object *rh_call(rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs) {
    return rt->hooks.call ? rh__call_hook(rt, callable, args, nargs) : rh_call_object(rt, callable, args, nargs);
}

rh_object *rh_call_object(rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs) {
    rh_callfunc f = callable->type->tp_call;
    if (f) return f(rt, callable, args, nargs);
    rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not callable", rh_type_name(callable));
    return NULL;
}
