/* t_tuple.c — the tuple type: PyTupleObject of CPython 3.11 (Objects/tupleobject.c).
 *
 * Owns: the tuple type object, the static empty tuple (), the per-size freelists, tuple construction,
 * concatenation, slicing and _PyTuple_MaybeUntrack.
 *
 * Invariants:
 *  - a tuple of n > 0 items is one GC allocation of 24 + 8n bytes (plus the GC head); () is the runtime's
 *    static empty tuple, never allocated or freed, never tracked;
 *  - a new tuple is tracked at creation with NULL items (PyTuple_New); items are set before use;
 *  - rt->fl.tuple_head[n] is a chain of dead n-tuples linked through item[0], tuple_n[n] long. A tuple of
 *    size n <= profile->tuple_freelist_sizes is parked there on death while the chain is shorter than
 *    profile->tuple_freelist_per_size; a new tuple is taken from it only when n <= tuple_freelist_pop_max
 *    (19 in 3.11, whose maybe_freelist_pop tests size < 20 while push accepts size <= 20);
 *  - deallocation untracks, then runs inside the trashcan and releases items last to first.
 */
#include <stdarg.h>

#include "containers.h"

static inline rh_tuple *as_tuple(rh_object *o) { return (rh_tuple *)(void *)o; }
static inline size_t tuple_bytes(size_t n) { return RH_TUPLE_HEADER + n * sizeof(rh_object *); }

/* maybe_freelist_pop */
static rh_object *freelist_pop(rh_runtime *rt, size_t n) {
    if (n == 0 || n > rt->profile->tuple_freelist_pop_max || n >= RH_TUPLE_FREELIST_MAX) return NULL;
    rh_object *o = rt->fl.tuple_head[n];
    if (!o) return NULL;
    rt->fl.tuple_head[n] = as_tuple(o)->item[0];
    rt->fl.tuple_n[n]--;
    rh__object_reuse(rt, o, rh_builtin_type(rt, RH_K_TUPLE));
    return o;
}

/* maybe_freelist_push: 1 if parked */
static int freelist_push(rh_runtime *rt, rh_object *o) {
    size_t n = (size_t)as_tuple(o)->ob.size;
    if (n == 0 || n > rt->profile->tuple_freelist_sizes || n >= RH_TUPLE_FREELIST_MAX) return 0;
    if (rt->fl.tuple_n[n] >= rt->profile->tuple_freelist_per_size) return 0;
    as_tuple(o)->item[0] = rt->fl.tuple_head[n];
    rt->fl.tuple_head[n] = o;
    rt->fl.tuple_n[n]++;
    rh__object_to_freelist(rt, o);
    return 1;
}

void rh__tuple_freelist_clear(rh_runtime *rt) {
    for (size_t n = 1; n < RH_TUPLE_FREELIST_MAX; n++) {
        while (rt->fl.tuple_head[n]) {
            rh_object *o = rt->fl.tuple_head[n];
            rt->fl.tuple_head[n] = as_tuple(o)->item[0];
            rt->fl.tuple_n[n]--;
            rh__release_parked(rt, o, tuple_bytes(n));
        }
    }
}

/* tuple_alloc: an untracked tuple of n > 0 items whose item slots are not yet initialised */
static rh_object *tuple_alloc(rh_runtime *rt, size_t n) {
    rh_object *o = freelist_pop(rt, n);
    if (o) return o;
    if (n > (RH_SSIZE_MAX - RH_TUPLE_HEADER) / sizeof(rh_object *)) {
        rh_err_nomemory(rt);
        return NULL;
    }
    o = rh__object_alloc(rt, rh_builtin_type(rt, RH_K_TUPLE), tuple_bytes(n));
    if (!o) return NULL;
    as_tuple(o)->ob.size = (intptr_t)n;
    return o;
}

rh_object *rh_tuple_new(rh_runtime *rt, size_t n) {
    if (n == 0) {
        rh_object *e = rh_empty_tuple(rt);
        rh_incref(e);
        return e;
    }
    rh_object *o = tuple_alloc(rt, n);
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++) as_tuple(o)->item[i] = NULL;
    rh__gc_track(rt, o);
    return o;
}

void rh_tuple_set(rh_object *t, size_t i, rh_object *v) {
    rh_assert(i < (size_t)as_tuple(t)->ob.size);
    as_tuple(t)->item[i] = v; /* PyTuple_SET_ITEM: the slot is empty while the tuple is being built */
}

rh_object *rh_tuple_get(rh_object *t, size_t i) {
    rh_assert(i < (size_t)as_tuple(t)->ob.size);
    return as_tuple(t)->item[i];
}

size_t rh_tuple_len(rh_object *t) { return (size_t)as_tuple(t)->ob.size; }

rh_object *rh_tuple_pack(rh_runtime *rt, size_t n, ...) {
    rh_object *t = rh_tuple_new(rt, n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        rh_object *v = va_arg(ap, rh_object *);
        rh_incref(v);
        as_tuple(t)->item[i] = v;
    }
    va_end(ap);
    return t;
}

/* _PyTuple_FromArray: a tracked tuple holding new references to src[0..n) */
static rh_object *tuple_from_items(rh_runtime *rt, rh_object **src, size_t n) {
    if (n == 0) return rh_tuple_new(rt, 0);
    rh_object *t = tuple_alloc(rt, n);
    if (!t) return NULL;
    for (size_t i = 0; i < n; i++) {
        rh_object *v = src[i];
        rh_incref(v);
        as_tuple(t)->item[i] = v;
    }
    rh__gc_track(rt, t);
    return t;
}

rh_object *rh_tuple_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (b->type->kind != RH_K_TUPLE) {
        rh_err_set(rt, RH_EXC_TYPE, "can only concatenate tuple (not \"%s\") to tuple", rh_type_name(b));
        return NULL;
    }
    size_t na = rh_tuple_len(a), nb = rh_tuple_len(b);
    /* tupleconcat returns an operand itself when the other is empty */
    if (na == 0 || nb == 0) {
        rh_object *r = na == 0 ? b : a;
        rh_incref(r);
        return r;
    }
    rh_object *t = tuple_alloc(rt, na + nb);
    if (!t) return NULL;
    for (size_t i = 0; i < na; i++) rh_incref(as_tuple(t)->item[i] = as_tuple(a)->item[i]);
    for (size_t i = 0; i < nb; i++) rh_incref(as_tuple(t)->item[na + i] = as_tuple(b)->item[i]);
    rh__gc_track(rt, t);
    return t;
}

/* Number of items in a normalised slice (PySlice_AdjustIndices' result). */
static size_t slice_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0) return start < stop ? (size_t)((stop - start - 1) / step) + 1 : 0;
    return stop < start ? (size_t)((start - stop - 1) / -step) + 1 : 0;
}

rh_object *rh_tuple_slice(rh_runtime *rt, rh_object *t, int64_t start, int64_t stop, int64_t step) {
    size_t n = rh_tuple_len(t);
    size_t len = slice_length(start, stop, step);
    if (len == 0) return rh_tuple_new(rt, 0);
    if (start == 0 && step == 1 && len == n) { /* tuplesubscript returns the tuple itself */
        rh_incref(t);
        return t;
    }
    if (step == 1) return tuple_from_items(rt, &as_tuple(t)->item[start], len);
    rh_object *r = tuple_alloc(rt, len);
    if (!r) return NULL;
    int64_t cur = start;
    for (size_t i = 0; i < len; i++, cur += step) rh_incref(as_tuple(r)->item[i] = as_tuple(t)->item[cur]);
    rh__gc_track(rt, r);
    return r;
}

/* _PyTuple_MaybeUntrack: untrack when every item is atomic or an untracked tuple. A tuple still under
 * construction (a NULL item) stays tracked. */
int rh_tuple_maybe_untrack(rh_runtime *rt, rh_object *t) {
    if (t->type->kind != RH_K_TUPLE || !rh__gc_is_tracked(t)) return 0;
    size_t n = rh_tuple_len(t);
    for (size_t i = 0; i < n; i++) {
        rh_object *v = as_tuple(t)->item[i];
        if (!v || rh__may_be_tracked(v)) return 0;
    }
    rh__gc_untrack(rt, t);
    return 1;
}

/* ---- type slots ---- */

static void tuple_dealloc(rh_runtime *rt, rh_object *o) {
    size_t n = rh_tuple_len(o);
    if (n == 0) return; /* the static () is never freed (rh_dealloc already keeps statics) */
    rh__gc_untrack(rt, o);
    if (rh__trash_begin(rt, o)) return;
    for (size_t i = n; i-- > 0;) rh_xdecref(rt, as_tuple(o)->item[i]);
    if (!freelist_push(rt, o)) rh__object_free(rt, o, tuple_bytes(n));
    rh__trash_end(rt);
}

static int tuple_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    for (size_t i = rh_tuple_len(o); i-- > 0;) {
        rh_object *v = as_tuple(o)->item[i];
        if (v) {
            int r = visit(v, arg);
            if (r) return r;
        }
    }
    return 0;
}

static size_t tuple_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return tuple_bytes(rh_tuple_len(o));
}

void rh__type_init_tuple(rh_runtime *rt, rh_type *t) {
    t->name = "tuple";
    t->flags = RH_TPFLAG_GC | RH_TPFLAG_BASETYPE;
    t->basicsize = RH_TUPLE_HEADER;
    t->itemsize = sizeof(rh_object *);
    t->dealloc = tuple_dealloc;
    t->traverse = tuple_traverse;
    t->clear = NULL; /* tuples have no tp_clear: immutable, cycles through them are broken elsewhere */
    t->size_of = tuple_size_of;
    rh_tuple *e = &rt->statics->empty_tuple;
    rh__static_init(rt, &e->ob.ob, t);
    e->ob.size = 0;
}
