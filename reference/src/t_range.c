/* t_range.c — the range type: rangeobject of CPython 3.11 (Objects/rangeobject.c).
 *
 * Owns: the range type object and range construction.
 *
 * Invariants: a range is a 48-byte non-GC object holding four int objects (start, stop, step, length;
 * step != 0; length = max(0, ceil((stop - start) / step)) as compute_range_length), all owned references,
 * released in that order by the dealloc (range_dealloc).
 */
#include "containers.h"

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

void rh__type_init_range(rh_runtime *rt, rh_type *t) {
    (void)rt;
    t->name = "range";
    t->flags = 0;
    t->basicsize = sizeof(rh_range);
    t->dealloc = range_dealloc;
}
