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
#include "scalars.h"

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
    if (o->type != rh_builtin_type(rt, RH_K_TUPLE)) return 0; /* PyTuple_CheckExact: no subclass instance */
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

static size_t round8(size_t n) { return (n + 7) & ~(size_t)7; }

size_t rh__tuple_subtype_bytes(const rh_object *o) {
    return round8(o->type->basicsize + o->type->itemsize * (rh_tuple_len((rh_object *)o) + 1));
}

size_t rh__tuple_subtype_dict_offset(const rh_object *o) {
    return round8(o->type->basicsize + o->type->itemsize * rh_tuple_len((rh_object *)o)) - sizeof(rh_object *);
}

/* tuple_subtype_new (Objects/tupleobject.c): an instance of cls, a class deriving from tuple, holding the n
 * items (borrowed): type->tp_alloc (PyType_GenericAlloc) zeroes _PyObject_VAR_SIZE(type, n + 1) bytes, so
 * the class's __dict__ word after the items starts NULL; GC-tracked, never from the freelist. */
rh_object *rh_tuple_subtype_new(rh_runtime *rt, rh_object *cls, rh_object *const *items, size_t n) {
    rh_type *t = (rh_type *)(void *)cls;
    if (n > (RH_SSIZE_MAX - t->basicsize) / sizeof(rh_object *) - 1) {
        rh_err_nomemory(rt);
        return NULL;
    }
    size_t bytes = round8(t->basicsize + t->itemsize * (n + 1));
    rh_object *o = rh__object_alloc(rt, t, bytes);
    if (!o) return NULL;
    memset((char *)o + sizeof(rh_object), 0, bytes - sizeof(rh_object));
    as_tuple(o)->ob.size = (intptr_t)n;
    for (size_t i = 0; i < n; i++) rh_incref(as_tuple(o)->item[i] = items[i]);
    rh__gc_track(rt, o);
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

/* tuple(o) (PySequence_Tuple): a tuple as it is; a list's items (PyList_AsTuple); a str's, dict's or
 * range's items into a tuple of their exact length hint (the iterator CPython makes for them is not
 * GC-visible once freed). */
/* _PyTuple_Resize (Objects/tupleobject.c) of the only reference *pv: to 0, the empty tuple; from the
 * empty tuple, a new one; else the block is reallocated (PyObject_GC_Resize, so pymalloc may keep it or
 * move it) with the tuple untracked meanwhile, the items cut off released, the new slots empty. On
 * failure *pv is released and NULL (MemoryError). 0 or -1. */
static int tuple_resize(rh_runtime *rt, rh_object **pv, size_t newsize) {
    rh_object *v = *pv;
    size_t oldsize = rh_tuple_len(v);
    if (oldsize == newsize) return 0;
    if (newsize == 0 || oldsize == 0) {
        rh_decref(rt, v);
        *pv = rh_tuple_new(rt, newsize);
        return *pv ? 0 : -1;
    }
    if (newsize > (RH_SSIZE_MAX - RH_TUPLE_HEADER) / sizeof(rh_object *)) {
        rh_decref(rt, v);
        *pv = NULL;
        rh_err_nomemory(rt);
        return -1;
    }
    int tracked = rh__gc_is_tracked(v);
    if (tracked) rh__gc_untrack(rt, v);
    for (size_t i = newsize; i < oldsize; i++) {
        rh_object *x = as_tuple(v)->item[i];
        as_tuple(v)->item[i] = NULL;
        rh_xdecref(rt, x);
    }
    size_t pre = rh_presize(rt, v->type);
    char *block = rh_mem_realloc(rt, (char *)v - pre, pre + tuple_bytes(oldsize), pre + tuple_bytes(newsize));
    if (!block) { /* the old block is intact: release it as a tuple of the items it still holds */
        if (newsize < oldsize) as_tuple(v)->ob.size = (intptr_t)newsize;
        if (tracked) rh__gc_track(rt, v);
        rh_decref(rt, v);
        *pv = NULL;
        return -1;
    }
    v = (rh_object *)(block + pre);
    as_tuple(v)->ob.size = (intptr_t)newsize;
    for (size_t i = oldsize; i < newsize; i++) as_tuple(v)->item[i] = NULL;
    if (tracked) rh__gc_track(rt, v);
    *pv = v;
    return 0;
}

/* PySequence_Tuple's general path (Objects/abstract.c): the iterator first, then a tuple of
 * PyObject_LengthHint's guess (the len of a type that has one, a class's __length_hint__, else 10) filled as the iterator gives items,
 * grown by ten and a quarter when full ((n + 10) * 5/4) and cut back to the count at the end, each step a
 * _PyTuple_Resize. */
static rh_object *tuple_from_iter(rh_runtime *rt, rh_object *o) {
    rh_object *it = rh_getiter(rt, o);
    if (!it) return NULL;
    int64_t hint = rh_length_hint(rt, o, 10);
    if (hint < 0) { rh_decref(rt, it); return NULL; }
    size_t n = (size_t)hint, j = 0;
    rh_object *t = rh_tuple_new(rt, n), *x;
    while (t && (x = rh_iternext(rt, it)) != NULL) {
        if (j >= n) {
            n += 10;
            n += n >> 2;
            if (tuple_resize(rt, &t, n) < 0) { rh_decref(rt, x); break; }
        }
        as_tuple(t)->item[j++] = x;
    }
    rh_decref(rt, it);
    if (t && rh_err_occurred(rt)) {
        rh_decref(rt, t);
        return NULL;
    }
    if (t && j < n && tuple_resize(rt, &t, j) < 0) return NULL;
    return t;
}

rh_object *rh_tuple_from_iterable(rh_runtime *rt, rh_object *o) {
    if (o->type == rh_builtin_type(rt, RH_K_TUPLE)) { /* PyTuple_CheckExact: a struct sequence is copied */
        rh_incref(o);
        return o;
    }
    int64_t n = rh__iterable_count(o);
    if (n < 0) return tuple_from_iter(rt, o); /* any other iterable */
    rh_object *t = rh_tuple_new(rt, (size_t)n);
    if (t && rh__iterable_fill(rt, o, n ? as_tuple(t)->item : NULL, (size_t)n) < 0) {
        rh_decref(rt, t); /* the slots are still NULL */
        return NULL;
    }
    return t;
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
    if (t->type != rh_builtin_type(rt, RH_K_TUPLE) || !rh__gc_is_tracked(t)) return 0; /* exact tuples only */
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
    if (n == 0 && !(o->type->flags & RH_TPFLAG_HEAPTYPE)) return; /* the static () is never freed (rh_dealloc
                                                                   * already keeps statics) */
    rh__gc_untrack(rt, o);
    if (rh__trash_begin(rt, o)) return;
    for (size_t i = n; i-- > 0;) rh_xdecref(rt, as_tuple(o)->item[i]);
    if (o->type->flags & RH_TPFLAG_HEAPTYPE) rh__object_free(rt, o, rh__tuple_subtype_bytes(o));
    else if (!freelist_push(rt, o)) rh__object_free(rt, o, tuple_bytes(n));
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

/* object.__sizeof__ (3.11's tuple has none of its own): basicsize + itemsize * len, so a subclass's
 * instance counts its __dict__ word */
static size_t tuple_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return o->type->basicsize + o->type->itemsize * rh_tuple_len(o);
}

static void tuple_slots(rh_type *t);

void rh__type_init_tuple(rh_runtime *rt, rh_type *t) {
    t->name = "tuple";
    t->flags = RH_TPFLAG_GC | RH_TPFLAG_BASETYPE;
    t->basicsize = RH_TUPLE_HEADER;
    t->itemsize = sizeof(rh_object *);
    t->dealloc = tuple_dealloc;
    t->traverse = tuple_traverse;
    t->clear = NULL; /* tuples have no tp_clear: immutable, cycles through them are broken elsewhere */
    t->size_of = tuple_size_of;
    tuple_slots(t);
    rh_tuple *e = &rt->statics->empty_tuple;
    rh__static_init(rt, &e->ob.ob, t);
    e->ob.size = 0;
}

/* ---------------------------------------------------------------- slots (Objects/tupleobject.c) */

static int is_tuple(const rh_object *o) { return o->type->kind == RH_K_TUPLE; }
/* list and tuple share the comparison below (list_richcompare and tuplerichcompare are one algorithm) */
static size_t seq_len(rh_object *o) { return o->type->kind == RH_K_LIST ? rh_list_len(o) : rh_tuple_len(o); }
static rh_object *seq_item(rh_object *o, size_t i) {
    return o->type->kind == RH_K_LIST ? rh_list_get(o, i) : rh_tuple_get(o, i);
}

rh_object *rh__seq_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (a->type->kind != b->type->kind) return rh__notimpl(rt);
    if (seq_len(a) != seq_len(b) && (op == RH_CMP_EQ || op == RH_CMP_NE)) return rh_bool(rt, op == RH_CMP_NE);
    /* list_richcompare holds each pair while comparing it from 3.9 on (bpo-38588: an __eq__ may empty the
     * list); tuplerichcompare, and 2.7's list, compare the items in place (an __eq__ sees that in
     * sys.getrefcount) */
    int hold = a->type->kind == RH_K_LIST && !rt->profile->python2;
    size_t i = 0; /* the first index where the items differ (lengths re-read: a comparison may mutate) */
    for (; i < seq_len(a) && i < seq_len(b); i++) {
        rh_object *x = seq_item(a, i), *y = seq_item(b, i);
        int k;
        if (hold) {
            rh_incref(x);
            rh_incref(y);
            k = rh__richcompare_bool(rt, x, y, RH_CMP_EQ);
            rh_decref(rt, x);
            rh_decref(rt, y);
        } else {
            k = rh__richcompare_bool(rt, x, y, RH_CMP_EQ);
        }
        if (k < 0) return NULL;
        if (!k) break;
    }
    size_t na = seq_len(a), nb = seq_len(b);
    if (i >= na || i >= nb) return rh__cmp_result(rt, op, na < nb ? -1 : na > nb);
    if (op == RH_CMP_EQ) return rh_bool(rt, 0);
    if (op == RH_CMP_NE) return rh_bool(rt, 1);
    return rh__richcompare(rt, seq_item(a, i), seq_item(b, i), op);
}

static int tuple_items_repr(rh__sb *b, rh_object *o) {
    int rc = rh__sb_putc(b, '(');
    for (size_t i = 0; rc == 0 && i < rh_tuple_len(o); i++) {
        if (i) rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = rh__repr_into(b, rh_tuple_get(o, i));
    }
    if (rc == 0 && rh_tuple_len(o) == 1) rc = rh__sb_putc(b, ',');
    return rc ? rc : rh__sb_putc(b, ')');
}
static int tuple_items_repr27(rh__sb *b, rh_object *o) { /* 2.7's tuplerepr: its pieces tuple around them */
    rh_object *pieces;
    if (rh__repr_pieces(b->rt, rh_tuple_len(o), &pieces) != 0) return -1;
    int rc = tuple_items_repr(b, o);
    rh_xdecref(b->rt, pieces);
    return rc;
}
static int tuple_repr_into(rh__sb *b, rh_object *o) { /* tuplerepr: "()" before Py_ReprEnter */
    if (!rh_tuple_len(o)) return rh__repr_empty(b, "()");
    if (b->rt->repr_print) { /* 2.7's print writes a tuple without Py_ReprEnter: met again inside itself it is
                              * written again (the dict or list around it prints {...} / [...]); only
                              * PyObject_Repr's recursion level */
        if (rh_recursion_enter(b->rt, " while getting the repr of an object") != 0) return -1;
        int rc = tuple_items_repr(b, o);
        rh_recursion_leave(b->rt);
        return rc;
    }
    return rh__repr_guarded(b, o, "(...)", b->rt->profile->repr_pieces ? tuple_items_repr27 : tuple_items_repr);
}

/* tuplehash (3.8+): an xxHash64-style round per item hash, then the length */
static int64_t tuple_hash(rh_runtime *rt, rh_object *o) {
    size_t n = rh_tuple_len(o);
    uint64_t acc = RH_XXPRIME_5;
    for (size_t i = 0; i < n; i++) {
        int64_t h;
        if (rh_hash(rt, rh_tuple_get(o, i), &h) != 0) return -1;
        acc = rh__xx_round(acc, h);
    }
    return rh__xx_finish(acc, n);
}

static intptr_t tuple_length(rh_runtime *rt, rh_object *o) { return (intptr_t)rh_tuple_len(o); }

static rh_object *tuple_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_tuple(b)) {
        rh_err_set(rt, RH_EXC_TYPE, "can only concatenate tuple (not \"%s\") to tuple", rh_type_name(b));
        return NULL;
    }
    return rh_tuple_concat(rt, a, b);
}

/* tuplerepeat: () and n == 1 give the tuple itself; sizes beyond memory raise MemoryError */
static rh_object *tuple_repeat(rh_runtime *rt, rh_object *t, intptr_t n) {
    size_t len = rh_tuple_len(t);
    if (len == 0 || n == 1) {
        rh_incref(t);
        return t;
    }
    if (n <= 0) {
        rh_incref(rh_empty_tuple(rt));
        return rh_empty_tuple(rt);
    }
    if (len > (RH_SSIZE_MAX / sizeof(rh_object *)) / (uint64_t)n) {
        rh_err_nomemory(rt);
        return NULL;
    }
    rh_object *r = rh_tuple_new(rt, len * (size_t)n);
    if (!r) return NULL;
    for (size_t i = 0, k = 0; i < (size_t)n; i++)
        for (size_t j = 0; j < len; j++, k++) {
            rh_object *it = rh_tuple_get(t, j);
            rh_incref(it);
            rh_tuple_set(r, k, it);
        }
    return r;
}

static rh_object *tuple_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    if (i < 0 || (size_t)i >= rh_tuple_len(o)) {
        rh_err_set(rt, RH_EXC_INDEX, "tuple index out of range");
        return NULL;
    }
    rh_object *v = rh_tuple_get(o, (size_t)i);
    rh_incref(v);
    return v;
}

static int tuple_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    int r = 0;
    for (size_t i = 0; r == 0 && i < rh_tuple_len(o); i++) r = rh__richcompare_bool(rt, rh_tuple_get(o, i), v, RH_CMP_EQ);
    return r;
}

/* tuplesubscript for an integer key (slices are the interpreter's) */
static rh_object *tuple_subscript(rh_runtime *rt, rh_object *o, rh_object *key) {
    int64_t i;
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "tuple indices must be integers or slices, not %s", rh_type_name(key));
        return NULL;
    }
    if (rh_index_value(rt, key, &i) != 0) return NULL;
    return tuple_item(rt, o, i < 0 ? i + (int64_t)rh_tuple_len(o) : i);
}

static void tuple_slots(rh_type *t) {
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = tuple_repr_into;
    t->tp_hash = tuple_hash;
    t->tp_richcompare = rh__seq_richcompare;
    t->tp_iter = rh_iter_new;
    t->as_sequence = (rh_sequence_methods){.sq_length = tuple_length, .sq_concat = tuple_concat,
                                           .sq_repeat = tuple_repeat, .sq_item = tuple_item,
                                           .sq_contains = tuple_contains};
    t->as_mapping = (rh_mapping_methods){.mp_length = tuple_length, .mp_subscript = tuple_subscript};
}
