/* t_slice.c — slice objects (PySliceObject, Objects/sliceobject.c): what a[i:j:k] subscripts with.
 *
 * Owns the type RH_K_SLICE: its layout (40 bytes: the header and start, stop, step; plus the GC head, so
 * sys.getsizeof is 56 in 3.x and 72 in 2.7), its slots (repr "slice(1, 2, None)", comparison as the
 * tuples (start, stop, step), hash: unhashable before 3.12, 3.12's slice_hash after), the one-slot cache
 * and registration (types.c). The constructor, attributes and methods are the embedder's (the harness).
 * Invariants: a slice is GC-tracked from rh_slice_new to its dealloc; it holds counted references to its
 * three fields (None where a bound is absent). With profile->slice_cache, a dying slice is parked in
 * rt->slice_cache when that slot is empty (slice_dealloc, interp->slice_cache) and the next rh_slice_new
 * takes it back without allocating (no gc count: _Py_NewReference); the slot is emptied only at runtime
 * teardown (_PySlice_Fini), never by a collection.
 */
#include <stddef.h>

#include "callables.h"
#include "containers.h"

typedef struct rh_slice {
    rh_object ob;
    rh_object *start, *stop, *step;
} rh_slice;

_Static_assert(sizeof(rh_slice) == 40, "PySliceObject is 40 bytes");

static inline rh_slice *as_slice(rh_object *o) { return (rh_slice *)(void *)o; }

int rh_slice_check(rh_object *o) { return o->type->kind == RH_K_SLICE; }
rh_object *rh_slice_start(rh_object *s) { return as_slice(s)->start; }
rh_object *rh_slice_stop(rh_object *s) { return as_slice(s)->stop; }
rh_object *rh_slice_step(rh_object *s) { return as_slice(s)->step; }
int rh_slice_cached(rh_runtime *rt) { return rt->slice_cache != NULL; }

/* PySlice_New (_PyBuildSlice_Consume2): the cached slice when there is one, else a new GC object */
rh_object *rh_slice_new(rh_runtime *rt, rh_object *start, rh_object *stop, rh_object *step) {
    rh_object *o = rt->slice_cache;
    if (o) {
        rt->slice_cache = NULL;
        rh__object_reuse(rt, o, rh_builtin_type(rt, RH_K_SLICE));
    } else if (!(o = new_gc(rt, RH_K_SLICE, sizeof(rh_slice)))) {
        return NULL;
    }
    rh_object *none = rh_none(rt);
    as_slice(o)->start = start ? start : none;
    as_slice(o)->stop = stop ? stop : none;
    as_slice(o)->step = step ? step : none;
    rh_incref(as_slice(o)->start);
    rh_incref(as_slice(o)->stop);
    rh_incref(as_slice(o)->step);
    rh__gc_track(rt, o);
    return o;
}

static int slice_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(as_slice(o)->start);
    VISIT(as_slice(o)->stop);
    VISIT(as_slice(o)->step);
    return 0;
}

/* slice_dealloc: untracked, step, start, stop released in that order, then parked or freed */
static void slice_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    clear_slot(rt, &as_slice(o)->step);
    clear_slot(rt, &as_slice(o)->start);
    clear_slot(rt, &as_slice(o)->stop);
    if (rt->profile->slice_cache && !rt->slice_cache) {
        rt->slice_cache = o;
        rh__object_to_freelist(rt, o);
    } else {
        rh__object_free(rt, o, sizeof(rh_slice));
    }
}

/* _PySlice_Fini: the parked slice's memory goes back at teardown */
/* evaluate_slice_index: a bound as an int object (PyNumber_Index), TypeError for one without __index__ */
static rh_object *bound_index(rh_runtime *rt, rh_object *o) {
    if (o->type->as_number.nb_index) return rh_number_index(rt, o);
    rh_err_set(rt, RH_EXC_TYPE, "slice indices must be integers or None or have an __index__ method");
    return NULL;
}

/* One bound of _PySlice_GetLongIndices: absent, dflt; negative, length added and raised to lower; else
 * lowered to upper. New reference or NULL. */
static rh_object *clip_bound(rh_runtime *rt, rh_object *b, rh_object *length, rh_object *lower, rh_object *upper,
                             rh_object *dflt) {
    if (b == rh_none(rt)) return rh_incref(dflt), dflt;
    rh_object *v = bound_index(rt, b), *edge = upper;
    int below = v && rh__int_sign(v) < 0;
    if (below) {
        rh_object *w = rh_binop(rt, RH_BINOP_ADD, v, length);
        rh_decref(rt, v);
        v = w;
        edge = lower;
    }
    if (!v) return NULL;
    int out = rh__richcompare_bool(rt, v, edge, below ? RH_CMP_LT : RH_CMP_GT);
    if (out == 0) return v;
    rh_decref(rt, v);
    if (out < 0) return NULL;
    return rh_incref(edge), edge;
}

int rh_slice_long_indices(rh_runtime *rt, rh_object *s, rh_object *length, rh_object *out[3]) {
    rh_slice *sl = as_slice(s);
    out[0] = out[1] = out[2] = NULL;
    rh_object *step = sl->step == rh_none(rt) ? rh_int_from_i64(rt, 1) : bound_index(rt, sl->step);
    if (!step) return -1;
    int neg = rh__int_sign(step) < 0;
    if (rh__int_sign(step) == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "slice step cannot be zero");
        rh_decref(rt, step);
        return -1;
    }
    rh_object *lower = rh_int_from_i64(rt, neg ? -1 : 0);
    rh_object *upper = !lower ? NULL : neg ? rh_binop(rt, RH_BINOP_ADD, length, lower) : (rh_incref(length), length);
    rh_object *start = upper ? clip_bound(rt, sl->start, length, lower, upper, neg ? upper : lower) : NULL;
    rh_object *stop = start ? clip_bound(rt, sl->stop, length, lower, upper, neg ? lower : upper) : NULL;
    rh_xdecref(rt, lower);
    rh_xdecref(rt, upper);
    if (!stop) {
        rh_xdecref(rt, start);
        rh_decref(rt, step);
        return -1;
    }
    out[0] = start, out[1] = stop, out[2] = step;
    return 0;
}

void rh__slice_cache_clear(rh_runtime *rt) {
    rh_object *o = rt->slice_cache;
    rt->slice_cache = NULL;
    if (o) rh__release_parked(rt, o, sizeof(rh_slice));
}

/* slice_repr: slice(%R, %R, %R) */
static int slice_repr_into(rh__sb *b, rh_object *o) {
    int rc = rh__sb_puts(b, "slice(");
    if (rc == 0) rc = rh__repr_into(b, as_slice(o)->start);
    if (rc == 0) rc = rh__sb_puts(b, ", ");
    if (rc == 0) rc = rh__repr_into(b, as_slice(o)->stop);
    if (rc == 0) rc = rh__sb_puts(b, ", ");
    if (rc == 0) rc = rh__repr_into(b, as_slice(o)->step);
    return rc ? rc : rh__sb_putc(b, ')');
}

/* slice_richcompare: identity answers ==, <=, >= at once; otherwise the two (start, stop, step) tuples
 * (PyTuple_Pack each) are compared */
static rh_object *slice_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (a->type->kind != RH_K_SLICE || b->type->kind != RH_K_SLICE) return rh__notimpl(rt);
    if (a == b) return rh_bool(rt, op == RH_CMP_EQ || op == RH_CMP_LE || op == RH_CMP_GE);
    rh_slice *x = as_slice(a), *y = as_slice(b);
    rh_object *t1 = rh_tuple_pack(rt, 3, x->start, x->stop, x->step);
    rh_object *t2 = t1 ? rh_tuple_pack(rt, 3, y->start, y->stop, y->step) : NULL;
    rh_object *r = t2 ? rh__richcompare(rt, t1, t2, op) : NULL;
    rh_xdecref(rt, t1);
    rh_xdecref(rt, t2);
    return r;
}

/* 3.12's slice_hash: the xxHash rounds of the tuple hash over start, stop, step, without the length
 * finish; -1 becomes 1546275796 */
static int64_t slice_hash(rh_runtime *rt, rh_object *o) {
    rh_object *parts[3] = {as_slice(o)->start, as_slice(o)->stop, as_slice(o)->step};
    uint64_t acc = RH_XXPRIME_5;
    for (int i = 0; i < 3; i++) {
        int64_t h;
        if (rh_hash(rt, parts[i], &h)) return -1;
        acc = rh__xx_round(acc, h);
    }
    return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}

void rh__type_init_slice(rh_runtime *rt, rh_type *t) {
    set_type(t, "slice", sizeof(rh_slice), 0, slice_dealloc, slice_traverse, NULL);
    t->repr_into = slice_repr_into;
    t->tp_richcompare = slice_richcompare;
    t->tp_hash = rt->profile->slice_hashable ? slice_hash : rh__hash_not_implemented;
}
