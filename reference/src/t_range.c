/* t_range.c — the range type: rangeobject of CPython 3.11 (Objects/rangeobject.c).
 *
 * Owns: the range type object and range construction.
 *
 * Invariants: a range is a 48-byte non-GC object holding four int objects (start, stop, step, length;
 * step != 0; length = max(0, ceil((stop - start) / step)) as compute_range_length), all owned references,
 * released in that order by the dealloc (range_dealloc).
 */
#include "containers.h"
#include "scalars.h"

static inline rh_range *as_range(rh_object *o) { return (rh_range *)(void *)o; }

/* The value of an int object of at most 64 magnitude bits, as two's complement (its digits, 30 bits each). */
static uint64_t int_bits(rh_object *o) {
    const rh_long *x = (const rh_long *)(const void *)o;
    if (o->type->flags & RH_TPFLAG_INT_WORD) return (uint64_t)x->ob.size; /* py27 PyIntObject */
    intptr_t n = x->ob.size < 0 ? -x->ob.size : x->ob.size;
    uint64_t v = 0;
    for (intptr_t i = n; i-- > 0;) v = (v << RH_DIGIT_BITS) | x->digit[i];
    return x->ob.size < 0 ? (uint64_t)0 - v : v;
}

static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
    __int128 lo = start, hi = stop, st = step;
    if (st < 0) {
        lo = stop;
        hi = start;
        st = -st;
    }
    return lo < hi ? (uint64_t)((hi - lo - 1) / st + 1) : 0;
}

static rh_object *int_from_u64(rh_runtime *rt, uint64_t v) {
    if (v <= (uint64_t)INT64_MAX) return rh_int_from_i64(rt, (int64_t)v);
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
    return rh_int_from_text(rt, buf, (size_t)n);
}

rh_object *rh_range_new(rh_runtime *rt, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "range() arg 3 must not be zero");
        return NULL;
    }
    rh_object *f[4] = {rh_int_from_i64(rt, start), NULL, NULL, NULL};
    if (f[0]) f[1] = rh_int_from_i64(rt, stop);
    if (f[1]) f[2] = rh_int_from_i64(rt, step);
    if (f[2]) f[3] = int_from_u64(rt, range_length(start, stop, step));
    rh_object *r = f[3] ? rh__object_alloc(rt, rh_builtin_type(rt, RH_K_RANGE), sizeof(rh_range)) : NULL;
    if (!r) {
        for (int i = 0; i < 4; i++) rh_xdecref(rt, f[i]);
        return NULL;
    }
    as_range(r)->start = f[0];
    as_range(r)->stop = f[1];
    as_range(r)->step = f[2];
    as_range(r)->length = f[3];
    return r;
}

int64_t rh_range_len(rh_object *r) {
    uint64_t n = int_bits(as_range(r)->length);
    return n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n;
}

int64_t rh_range_item(rh_object *r, int64_t i) {
    uint64_t start = int_bits(as_range(r)->start), step = int_bits(as_range(r)->step);
    return (int64_t)(start + (uint64_t)i * step);
}

static void range_dealloc(rh_runtime *rt, rh_object *o) {
    rh_decref(rt, as_range(o)->start);
    rh_decref(rt, as_range(o)->stop);
    rh_decref(rt, as_range(o)->step);
    rh_decref(rt, as_range(o)->length);
    rh__object_free(rt, o, sizeof(rh_range));
}

/* ---------------------------------------------------------------- slots (Objects/rangeobject.c) */

/* start, stop, step and length of a refheap range always fit an int64 */
static int64_t field(rh_object *f) {
    int64_t v = 0;
    (void)rh__int_i64(f, &v);
    return v;
}

static int put_int(rh__sb *b, rh_object *o) { return rh__int_repr_into(b, o); }

/* range_repr: range(start, stop) or range(start, stop, step) */
static int range_repr_into(rh__sb *b, rh_object *r) {
    rh_range *g = as_range(r);
    int rc = rh__sb_puts(b, "range(");
    if (rc == 0) rc = put_int(b, g->start);
    if (rc == 0) rc = rh__sb_puts(b, ", ");
    if (rc == 0) rc = put_int(b, g->stop);
    if (rc == 0 && field(g->step) != 1) {
        rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = put_int(b, g->step);
    }
    return rc ? rc : rh__sb_putc(b, ')');
}

/* range_hash: hash((len, start, step)), with None for the parts that do not matter */
static int64_t range_hash(rh_runtime *rt, rh_object *r) {
    rh_range *g = as_range(r);
    int64_t len = field(g->length), none = rh__hash_pointer(rh_none(rt));
    uint64_t acc = rh__xx_round(RH_XXPRIME_5, rh__int_hash(len));
    acc = rh__xx_round(acc, len == 0 ? none : rh__int_hash(field(g->start)));
    acc = rh__xx_round(acc, len <= 1 ? none : rh__int_hash(field(g->step)));
    return rh__xx_finish(acc, 3);
}

/* range_equals: same length, and the same start and step where they matter */
static int range_equals(rh_object *a, rh_object *b) {
    int64_t len = field(as_range(a)->length);
    if (len != field(as_range(b)->length)) return 0;
    if (len == 0) return 1;
    if (field(as_range(a)->start) != field(as_range(b)->start)) return 0;
    return len == 1 || field(as_range(a)->step) == field(as_range(b)->step);
}

static rh_object *range_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (b->type->kind != RH_K_RANGE || (op != RH_CMP_EQ && op != RH_CMP_NE)) return rh__notimpl(rt);
    return rh_bool(rt, range_equals(a, b) == (op == RH_CMP_EQ));
}

static int range_bool(rh_runtime *rt, rh_object *r) { return field(as_range(r)->length) != 0; }
static intptr_t range_length_slot(rh_runtime *rt, rh_object *r) { return (intptr_t)rh_range_len(r); }

static rh_object *range_item(rh_runtime *rt, rh_object *r, intptr_t i) {
    if (i < 0 || i >= rh_range_len(r)) {
        rh_err_set(rt, RH_EXC_INDEX, "range object index out of range");
        return NULL;
    }
    return rh_int_from_i64(rt, rh_range_item(r, i));
}

/* range_contains for ints (range_contains_long); other values compare item by item */
static int range_contains(rh_runtime *rt, rh_object *r, rh_object *v) {
    int64_t n = rh_range_len(r), start = field(as_range(r)->start), step = field(as_range(r)->step);
    if (v->type->kind == RH_K_INT || v->type->kind == RH_K_BOOL) {
        int64_t x;
        if (!rh__int_i64(v, &x)) return 0; /* beyond int64: outside every refheap range */
        __int128 off = (__int128)x - start;
        if (n == 0 || off % step != 0) return 0;
        __int128 k = off / step;
        return k >= 0 && k < n;
    }
    for (int64_t i = 0; i < n; i++) {
        rh_object *item = rh_int_from_i64(rt, rh_range_item(r, i));
        if (!item) return -1;
        int c = rh__richcompare_bool(rt, item, v, RH_CMP_EQ);
        rh_decref(rt, item);
        if (c) return c;
    }
    return 0;
}

static rh_object *range_subscript(rh_runtime *rt, rh_object *r, rh_object *key) {
    int64_t i;
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "range indices must be integers or slices, not %s", rh_type_name(key));
        return NULL;
    }
    if (rh_index_value(rt, key, &i) != 0) return NULL;
    return range_item(rt, r, i < 0 ? i + rh_range_len(r) : i);
}

void rh__type_init_range(rh_runtime *rt, rh_type *t) {
    (void)rt;
    t->name = "range";
    t->flags = 0;
    t->basicsize = sizeof(rh_range);
    t->dealloc = range_dealloc;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = range_repr_into;
    t->tp_hash = range_hash;
    t->tp_richcompare = range_richcompare;
    t->tp_iter = rh_iter_new;
    t->as_number.nb_bool = range_bool;
    t->as_sequence = (rh_sequence_methods){.sq_length = range_length_slot, .sq_item = range_item,
                                           .sq_contains = range_contains};
    t->as_mapping = (rh_mapping_methods){.mp_length = range_length_slot, .mp_subscript = range_subscript};
}
