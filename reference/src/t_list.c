/* t_list.c — the list type: PyListObject of CPython 3.11 (Objects/listobject.c), and slice arithmetic.
 *
 * Owns: the list type object, the list freelist, list_resize over-allocation, list operations, sorting,
 * list(range(...)) and rh_slice_indices (PySlice_AdjustIndices).
 *
 * Invariants:
 *  - a list is a 40-byte GC object; its items live in a separate rh_mem allocation of exactly
 *    8 * allocated bytes (none when allocated == 0 and item == NULL: a new or cleared list; a list that
 *    list_resize shrank to 0 keeps a zero-byte array, as PyMem_Realloc(items, 0)); 0 <= size <= allocated;
 *  - list_resize keeps the allocation when allocated >= newsize >= allocated / 2; otherwise it reallocates
 *    to the profile's over-allocation, (n + n/8 + 6) & ~3 (or (n + 3) & ~3 when the growth is larger than
 *    the over-allocation; 0 for n == 0), or n + n/8 + (n < 9 ? 3 : 6) under list_growth_py27. A failed
 *    resize leaves the list unchanged;
 *  - PyList_New reuses a parked list object from rt->fl.list (at most profile->list_freelist); the list()
 *    constructor (list_from_range) always allocates, as PyType_GenericAlloc does;
 *  - items are released last to first (list_dealloc, _list_clear), after the list is back in a sane state.
 */
#include "containers.h"
#include "scalars.h"
#include <math.h>

static inline rh_list *as_list(rh_object *o) { return (rh_list *)(void *)o; }
static inline size_t list_len(rh_object *o) { return (size_t)as_list(o)->ob.size; }

/* ---- allocation ---- */

static void list_init_empty(rh_object *o) {
    as_list(o)->ob.size = 0;
    as_list(o)->item = NULL;
    as_list(o)->allocated = 0;
}

/* An untracked empty list object: from the freelist (PyList_New) or fresh (PyType_GenericAlloc). */
static rh_object *list_object(rh_runtime *rt, int use_freelist) {
    rh_type *t = rh_builtin_type(rt, RH_K_LIST);
    rh_object *o;
    if (use_freelist && rt->fl.list_n > 0) {
        o = rt->fl.list[--rt->fl.list_n];
        rh__object_reuse(rt, o, t);
    } else {
        o = rh__object_alloc(rt, t, sizeof(rh_list));
        if (!o) return NULL;
    }
    list_init_empty(o);
    return o;
}

void rh__list_freelist_trim(rh_runtime *rt, uint32_t keep) {
    while (rt->fl.list_n > keep) rh__release_parked(rt, rt->fl.list[--rt->fl.list_n], sizeof(rh_list));
}

void rh__list_freelist_clear(rh_runtime *rt) {
    while (rt->fl.list_n > 0) rh__release_parked(rt, rt->fl.list[--rt->fl.list_n], sizeof(rh_list));
}

/* Items array of exactly n slots, or NULL + MemoryError; refuses sizes whose byte count overflows before
 * asking the allocator (PyMem_New). */
static rh_object **items_alloc(rh_runtime *rt, size_t n, int zero) {
    if (n > RH_SSIZE_MAX / sizeof(rh_object *)) {
        rh_err_nomemory(rt);
        return NULL;
    }
    return zero ? rh__pymem_calloc(rt, n, sizeof(rh_object *)) : rh__pymem_malloc(rt, n * sizeof(rh_object *));
}

/* Before items are released last to first: start loading the object (refcount) and GC-head lines of the
 * last few, so the cache misses of a long dealloc cascade overlap instead of queueing one by one.
 * A prefetch has no visible effect. */
enum { PREFETCH_ITEMS = 8 };
static inline void items_prefetch(rh_object **item, size_t n) {
    for (size_t i = n, lo = n > PREFETCH_ITEMS ? n - PREFETCH_ITEMS : 0; i-- > lo;) {
        if (!item[i]) continue; /* a list dropped half-filled (an allocation failed while filling it) */
        __builtin_prefetch(item[i]);
        __builtin_prefetch((char *)item[i] - sizeof(rh_gchead));
    }
}

/* Release items[n-1] .. items[0]. Among the last PREFETCH_ITEMS, just before dropping item i, the next
 * one to go (i - 1, alive: this list still holds it, and its header is arriving together with item i's)
 * gets its own item array prefetched, in case it dies too. The rest of the items go in a plain loop. */
static inline void items_release(rh_runtime *rt, rh_object **item, size_t n) {
    items_prefetch(item, n);
    size_t i = n, lo = n >= PREFETCH_ITEMS ? n - PREFETCH_ITEMS + 1 : 0; /* i > lo: n - i < PREFETCH_ITEMS */
    while (i > lo) {
        i--;
        rh_object *v = item[i];
        if (i > 0) {
            rh_object *w = item[i - 1];
            if (w && w->type->kind == RH_K_LIST && list_len(w) > 0)
                __builtin_prefetch(as_list(w)->item + list_len(w) - 1);
        }
        rh_xdecref(rt, v);
    }
    while (i > 0) rh_xdecref(rt, item[--i]);
}

static void items_free(rh_runtime *rt, rh_object **items, size_t allocated) {
    rh_mem_free(rt, items, allocated * sizeof(rh_object *));
}

rh_object *rh_list_new(rh_runtime *rt, size_t n) {
    rh_object *o = list_object(rt, 1);
    if (!o) return NULL;
    if (n > 0) {
        rh_object **items = items_alloc(rt, n, 1);
        if (!items) {
            rh_decref(rt, o);
            rh_err_nomemory(rt);
            return NULL;
        }
        as_list(o)->item = items;
        as_list(o)->ob.size = (intptr_t)n;
        as_list(o)->allocated = (intptr_t)n;
    }
    rh__gc_track(rt, o);
    return o;
}

/* list_new_prealloc: a tracked empty list with room for exactly n > 0 items (size stays 0). */
rh_object *rh__list_new_prealloc(rh_runtime *rt, size_t n) {
    rh_object *o = rh_list_new(rt, 0);
    if (!o) return NULL;
    rh_object **items = items_alloc(rt, n, 0);
    if (!items) {
        rh_decref(rt, o);
        rh_err_nomemory(rt);
        return NULL;
    }
    as_list(o)->item = items;
    as_list(o)->allocated = (intptr_t)n;
    return o;
}

void rh_list_set_init(rh_object *l, size_t i, rh_object *v) {
    rh_assert(i < list_len(l));
    as_list(l)->item[i] = v;
}

size_t rh_list_len(rh_object *l) { return list_len(l); }
size_t rh_list_allocated(rh_object *l) { return (size_t)as_list(l)->allocated; }
rh_object *rh_list_get(rh_object *l, size_t i) {
    rh_assert(i < list_len(l));
    return as_list(l)->item[i];
}

/* ---- list_resize ---- */

static size_t overallocate(const rh_profile *p, size_t newsize, size_t oldsize) {
    if (newsize == 0) return 0;
    if (p->list_growth_py27) return newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6);
    size_t a = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if (newsize > oldsize && newsize - oldsize > a - newsize) a = (newsize + 3) & ~(size_t)3;
    return a;
}

int rh__list_resize(rh_runtime *rt, rh_object *l, size_t newsize) {
    rh_list *lp = as_list(l);
    size_t allocated = (size_t)lp->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        lp->ob.size = (intptr_t)newsize;
        return 0;
    }
    size_t new_allocated = overallocate(rt->profile, newsize, list_len(l));
    /* new_allocated == 0 only for newsize == 0: PyMem_Realloc(items, 0) still gives a (zero-byte) array, so
     * the list is not "without an array" for list_extend's exact preallocation (3.10, 3.11: a list emptied
     * by pop() over-allocates when it grows again) */
    if (new_allocated > RH_SSIZE_MAX / sizeof(rh_object *)) {
        rh_err_nomemory(rt);
        return -1;
    }
    rh_object **items = rh__pymem_realloc(rt, lp->item, allocated * sizeof(rh_object *),
                                          new_allocated * sizeof(rh_object *));
    if (!items) return -1; /* a shrinking one too (pymalloc_realloc moves a block shrunk by more than a
                            * quarter): the caller restores the list and raises, as list_pop_impl does */
    lp->item = items;
    lp->ob.size = (intptr_t)newsize;
    lp->allocated = (intptr_t)new_allocated;
    return 0;
}

/* ---- mutation ---- */

int rh__list_add_prealloc(rh_runtime *rt, rh_object *l, rh_object *v) {
    size_t n = list_len(l);
    if (n >= (size_t)as_list(l)->allocated) return rh_list_append(rt, l, v);
    rh_incref(v);
    as_list(l)->item[n] = v;
    as_list(l)->ob.size = (intptr_t)(n + 1);
    return 0;
}

int rh_list_append(rh_runtime *rt, rh_object *l, rh_object *v) {
    size_t n = list_len(l);
    if (n < (size_t)as_list(l)->allocated && !rt->profile->list_append_resizes) { /* _PyList_AppendTakeRef */
        as_list(l)->ob.size = (intptr_t)(n + 1);
    } else if (rh__list_resize(rt, l, n + 1) < 0) {
        return -1;
    }
    rh_incref(v);
    as_list(l)->item[n] = v;
    return 0;
}

/* ins1 (Objects/listobject.c): grow by one through list_resize, then shift the tail up; `where` is
 * clamped to [0, len] after adding len to a negative one. */
int rh_list_insert(rh_runtime *rt, rh_object *l, int64_t where, rh_object *v) {
    size_t n = list_len(l);
    if (rh__list_resize(rt, l, n + 1) < 0) return -1;
    if (where < 0) {
        where += (int64_t)n;
        if (where < 0) where = 0;
    }
    if ((uint64_t)where > n) where = (int64_t)n;
    rh_object **item = as_list(l)->item;
    memmove(&item[where + 1], &item[where], (n - (size_t)where) * sizeof(rh_object *));
    rh_incref(v);
    item[where] = v;
    return 0;
}

static int normalise_index(rh_object *l, int64_t *i) {
    if (*i < 0) *i += (int64_t)list_len(l);
    return *i >= 0 && (uint64_t)*i < (uint64_t)list_len(l);
}

int rh_list_setitem(rh_runtime *rt, rh_object *l, int64_t i, rh_object *v) {
    if (!normalise_index(l, &i)) {
        rh_err_set(rt, RH_EXC_INDEX, "list assignment index out of range");
        return -1;
    }
    rh_incref(v);
    rh_setref(rt, &as_list(l)->item[i], v);
    return 0;
}

/* list_ass_slice(a, i, i+1, NULL): close the gap, shrink, then drop the removed item. */
static int list_remove_at(rh_runtime *rt, rh_object *l, size_t i) {
    rh_object **item = as_list(l)->item;
    size_t n = list_len(l);
    rh_object *gone = item[i];
    if (n == 1) { /* list_ass_slice: a slice assignment that leaves nothing is _list_clear (the array goes) */
        size_t allocated = (size_t)as_list(l)->allocated;
        list_init_empty(l);
        rh_xdecref(rt, gone);
        items_free(rt, item, allocated);
        return 0;
    }
    memmove(&item[i], &item[i + 1], (n - i - 1) * sizeof(rh_object *));
    if (rh__list_resize(rt, l, n - 1) < 0) {
        memmove(&item[i + 1], &item[i], (n - i - 1) * sizeof(rh_object *));
        item[i] = gone;
        return -1;
    }
    rh_xdecref(rt, gone);
    return 0;
}

int rh_list_delitem(rh_runtime *rt, rh_object *l, int64_t i) {
    if (!normalise_index(l, &i)) {
        rh_err_set(rt, RH_EXC_INDEX, "list assignment index out of range");
        return -1;
    }
    return list_remove_at(rt, l, (size_t)i);
}

rh_object *rh_list_pop(rh_runtime *rt, rh_object *l, int64_t i) {
    size_t n = list_len(l);
    if (n == 0) {
        rh_err_set(rt, RH_EXC_INDEX, "pop from empty list");
        return NULL;
    }
    if (!normalise_index(l, &i)) {
        rh_err_set(rt, RH_EXC_INDEX, "pop index out of range");
        return NULL;
    }
    rh_object *v = as_list(l)->item[i];
    if (n == 1 && rt->profile->list_pop_clears) { /* 3.12 list_pop_impl: _list_clear; v's reference passes */
        rh_object **item = as_list(l)->item;
        size_t allocated = (size_t)as_list(l)->allocated;
        list_init_empty(l);
        items_free(rt, item, allocated);
        return v;
    }
    if ((size_t)i == n - 1) { /* the list's reference passes to the caller */
        if (rh__list_resize(rt, l, n - 1) < 0) return NULL;
        return v;
    }
    rh_incref(v);
    if (list_remove_at(rt, l, (size_t)i) < 0) {
        rh_decref(rt, v);
        return NULL;
    }
    return v;
}

int rh_list_remove(rh_runtime *rt, rh_object *l, rh_object *v) {
    for (size_t i = 0; i < list_len(l); i++) {
        rh_object *o = as_list(l)->item[i];
        rh_incref(o);
        int eq = rh_equal(rt, o, v);
        rh_decref(rt, o);
        if (eq < 0) return -1;
        if (eq) return list_remove_at(rt, l, i);
    }
    rh_err_set(rt, RH_EXC_VALUE, "list.remove(x): x not in list");
    return -1;
}

/* _list_clear: empty the list first, then drop the items last to first, then free the array. */
int rh_list_clear(rh_runtime *rt, rh_object *l) {
    rh_object **item = as_list(l)->item;
    size_t n = list_len(l), allocated = (size_t)as_list(l)->allocated;
    if (!item) return 0;
    list_init_empty(l);
    items_release(rt, item, n);
    items_free(rt, item, allocated);
    return 0;
}

int rh_list_reverse(rh_runtime *rt, rh_object *l) {
    (void)rt;
    rh_object **lo = as_list(l)->item, **hi = lo + list_len(l);
    if (list_len(l) < 2) return 0;
    for (--hi; lo < hi; lo++, hi--) {
        rh_object *t = *lo;
        *lo = *hi;
        *hi = t;
    }
    return 0;
}

/* ---- list_extend ---- */

/* rh__iterable_count: how many items iterating o gives, for the kinds list_extend takes: a list or tuple (its fast path), a
 * str, dict, dict view or range (the general path, whose PyObject_LengthHint is exact for them); -1 for others. */
int64_t rh__iterable_count(rh_object *o) {
    if (rh__is_subclass_instance(o)) return -1; /* PyList_CheckExact: a subclass iterates its tp_iter */
    switch (o->type->kind) {
    case RH_K_LIST: return (int64_t)list_len(o);
    case RH_K_TUPLE: return (int64_t)rh_tuple_len(o);
    case RH_K_STR: return (int64_t)rh_str_len(o);
    case RH_K_DICT: return (int64_t)rh_dict_len(o);
    case RH_K_DICTKEYS: case RH_K_DICTVALUES: case RH_K_DICTITEMS: /* its len; iterating makes what dictiter does */
        return (int64_t)rh_dict_len(rh_dictview_dict(o));
    case RH_K_RANGE: return rh_range_is_long(o) ? -1 : rh_range_len(o);
    default: return -1;
    }
}

int rh__iterable_fill(rh_runtime *rt, rh_object *o, rh_object **dst, size_t n) {
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        rh_object *v = NULL, *k, *ignored;
        switch (o->type->kind) {
        case RH_K_LIST: rh_incref(v = as_list(o)->item[i]); break;
        case RH_K_TUPLE: rh_incref(v = ((rh_tuple *)(void *)o)->item[i]); break;
        case RH_K_STR: v = rh_str_getitem(rt, o, (int64_t)i); break;
        case RH_K_DICT:
            if (rh_dict_next(o, &pos, &k, &ignored)) rh_incref(v = k);
            break;
        case RH_K_DICTKEYS: case RH_K_DICTVALUES: /* dictiter_iternextkey / value */
            if (rh_dict_next(rh_dictview_dict(o), &pos, &k, &ignored)) rh_incref(v = o->type->kind == RH_K_DICTKEYS ? k : ignored);
            break;
        case RH_K_DICTITEMS: /* dictiter_iternextitem: a new 2-tuple per item once the list holds the last */
            if (rh_dict_next(rh_dictview_dict(o), &pos, &k, &ignored)) v = rh_tuple_pack(rt, 2, k, ignored);
            break;
        case RH_K_RANGE: v = rh_int_from_i64(rt, rh_range_item(o, (int64_t)i)); break;
        default: break;
        }
        if (!v) {
            while (i-- > 0) rh_decref(rt, dst[i]);
            if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_RUNTIME, "container changed size during iteration");
            return -1;
        }
        dst[i] = v;
    }
    /* 2.7: a str's seqiter ends on IndexError, tested before it is cleared (t_iter.c iter_iternext) */
    if (o->type->kind == RH_K_STR && rt->profile->python2 && rt->hooks.exc_matches &&
        rt->hooks.exc_matches(rt->hooks.ctx, rt, RH_EXC_INDEX, RH_EXC_INDEX) < 0) {
        for (size_t i = n; i-- > 0;) rh_decref(rt, dst[i]);
        return -1;
    }
    return 0;
}

/* list_extend (Objects/listobject.c), for the kinds iterable_count knows. Room for all n items first: an
 * empty list without an array gets exactly n rounded up to even (list_preallocate_exact, when the profile
 * has it and, for a dict in 3.13's list_extend_dict, does not resize instead); otherwise list_resize to
 * len + n. A list extended by itself reads its items after the resize. */
/* list_extend's general path, for any other iterable (a set, an iterator, a class's __iter__): room for
 * PyObject_LengthHint's guess (its len when the type has one, a class's __length_hint__, else 8; into a
 * list without an array exactly that, rounded up to even: list_preallocate_exact), the items appended as the
 * iterator gives them, then the array cut back to the length (3.11's "cut back result list"). */
static int list_extend_iter(rh_runtime *rt, rh_object *l, rh_object *iterable) {
    rh_object *it = rh_getiter(rt, iterable);
    if (!it) return -1;
    int64_t hint = rh_length_hint(rt, iterable, 8);
    if (hint < 0) {
        rh_decref(rt, it);
        return -1;
    }
    size_t m = list_len(l);
    if (hint > 0 && !as_list(l)->item && rt->profile->list_extend_exact) { /* list_preallocate_exact */
        size_t cap = ((size_t)hint + 1) & ~(size_t)1;
        rh_object **items = items_alloc(rt, cap, 0);
        if (!items) {
            rh_decref(rt, it);
            return -1;
        }
        as_list(l)->item = items;
        as_list(l)->allocated = (intptr_t)cap;
    } else if (hint > 0 && rh__list_resize(rt, l, m + (size_t)hint) < 0) {
        rh_decref(rt, it);
        return -1;
    }
    as_list(l)->ob.size = (intptr_t)m;
    rh_object *x;
    int rc = 0;
    while ((x = rh_iternext(rt, it)) != NULL) { /* list_extend: stored in place while there is room, else app1 */
        rc = rh__list_add_prealloc(rt, l, x);
        rh_decref(rt, x);
        if (rc < 0) break;
    }
    rh_decref(rt, it);
    if (rc < 0 || rh_err_occurred(rt)) return -1;
    if (list_len(l) < (size_t)as_list(l)->allocated && rh__list_resize(rt, l, list_len(l)) < 0) return -1;
    return 0;
}

int rh_list_extend(rh_runtime *rt, rh_object *l, rh_object *iterable) {
    int64_t count = rh__iterable_count(iterable);
    if (count < 0) return list_extend_iter(rt, l, iterable);
    size_t n = (size_t)count, m = list_len(l);
    if (n == 0) return rh__iterable_fill(rt, iterable, NULL, 0); /* nothing to copy; 2.7's str still ends */
    const rh_profile *p = rt->profile;
    rh_kind ik = iterable->type->kind; /* 3.13: list_extend_dict / list_extend_dictitems for dicts and their views */
    int dict_resizes = (ik == RH_K_DICT || (ik >= RH_K_DICTKEYS && ik <= RH_K_DICTITEMS)) && p->list_extend_dict_resizes;
    if (!as_list(l)->item && p->list_extend_exact && !dict_resizes) {
        size_t cap = (n + 1) & ~(size_t)1;
        rh_object **items = items_alloc(rt, cap, 0);
        if (!items) return -1;
        as_list(l)->item = items;
        as_list(l)->allocated = (intptr_t)cap;
    } else if (rh__list_resize(rt, l, m + n) < 0) {
        return -1;
    }
    as_list(l)->ob.size = (intptr_t)m;
    if (rh__iterable_fill(rt, iterable, as_list(l)->item + m, n) < 0) return -1;
    as_list(l)->ob.size = (intptr_t)(m + n);
    return 0;
}

/* list(iterable) (list_vectorcall: PyType_GenericAlloc, never the freelist, then list___init__'s
 * list_extend) or, from_freelist, PySequence_List (PyList_New(0), then list_extend; sorted() starts so). */
rh_object *rh_list_from_iterable(rh_runtime *rt, rh_object *iterable, int from_freelist) {
    rh_object *l = list_object(rt, from_freelist);
    if (!l) return NULL;
    rh__gc_track(rt, l);
    if (rh_list_extend(rt, l, iterable) < 0) {
        rh_decref(rt, l);
        return NULL;
    }
    return l;
}

/* ---- new lists from old ---- */

static rh_object *list_from_items(rh_runtime *rt, rh_object **src, size_t n, int64_t step) {
    if (n == 0) return rh_list_new(rt, 0);
    rh_object *r = rh__list_new_prealloc(rt, n);
    if (!r) return NULL;
    rh_object **dst = as_list(r)->item;
    for (size_t i = 0; i < n; i++, src += step) {
        rh_incref(*src);
        dst[i] = *src;
    }
    as_list(r)->ob.size = (intptr_t)n;
    return r;
}

rh_object *rh_list_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (b->type->kind != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "can only concatenate list (not \"%s\") to list", rh_type_name(b));
        return NULL;
    }
    size_t na = list_len(a), nb = list_len(b);
    if (na + nb == 0) return rh_list_new(rt, 0);
    rh_object *r = rh__list_new_prealloc(rt, na + nb);
    if (!r) return NULL;
    rh_object **dst = as_list(r)->item;
    for (size_t i = 0; i < na; i++) rh_incref(dst[i] = as_list(a)->item[i]);
    for (size_t i = 0; i < nb; i++) rh_incref(dst[na + i] = as_list(b)->item[i]);
    as_list(r)->ob.size = (intptr_t)(na + nb);
    return r;
}

rh_object *rh_list_repeat(rh_runtime *rt, rh_object *a, int64_t n) {
    size_t len = list_len(a);
    if (n < 0) n = 0;
    if (n > 0 && len > RH_SSIZE_MAX / (uint64_t)n) { /* list_repeat: size overflow */
        rh_err_nomemory(rt);
        return NULL;
    }
    size_t size = len * (size_t)n;
    if (size == 0) return rh_list_new(rt, 0);
    rh_object *r = rh__list_new_prealloc(rt, size);
    if (!r) return NULL;
    rh_object **dst = as_list(r)->item, **src = as_list(a)->item;
    /* each source item gains n references at once (list_repeat's Py_SET_REFCNT) */
    for (size_t j = 0; j < len; j++) src[j]->refcnt += n;
    if (len == 1) {
        for (size_t i = 0; i < size; i++) dst[i] = src[0];
    } else { /* copy once, then let the copy chase itself in doubling blocks */
        memcpy(dst, src, len * sizeof(rh_object *));
        for (size_t done = len; done < size;) {
            size_t chunk = done < size - done ? done : size - done;
            memcpy(dst + done, dst, chunk * sizeof(rh_object *));
            done += chunk;
        }
    }
    as_list(r)->ob.size = (intptr_t)size;
    return r;
}

rh_object *rh_list_slice(rh_runtime *rt, rh_object *l, int64_t start, int64_t stop, int64_t step) {
    size_t len;
    if (step > 0) len = start < stop ? (size_t)((stop - start - 1) / step) + 1 : 0;
    else len = stop < start ? (size_t)((start - stop - 1) / -step) + 1 : 0;
    if (len == 0) return rh_list_new(rt, 0);
    return list_from_items(rt, &as_list(l)->item[start], len, step);
}

/* ---- slice assignment and deletion (list_ass_slice, list_ass_subscript) ---- */

/* A scratch array of n item pointers: the caller's stack buffer of `onstack` slots when it fits, else
 * PyMem_Malloc (list_ass_slice's recycle, list_ass_subscript's garbage). */
static rh_object **scratch_items(rh_runtime *rt, size_t n, rh_object **stack, size_t onstack) {
    if (n <= onstack) return stack;
    return items_alloc(rt, n, 0);
}

static void scratch_free(rh_runtime *rt, rh_object **p, size_t n, rh_object **stack) {
    if (p != stack) items_free(rt, p, n);
}

static size_t seq_items(rh_object *v, rh_object ***items) {
    if (!v) {
        *items = NULL;
        return 0;
    }
    if (v->type->kind == RH_K_LIST) {
        *items = as_list(v)->item;
        return list_len(v);
    }
    *items = ((rh_tuple *)(void *)v)->item;
    return rh_tuple_len(v);
}

/* list_ass_slice: replace items [ilow, ihigh) by the items of v (NULL: delete them). The removed items
 * are copied aside (recycle: 8 on the stack, PyMem_Malloc beyond), the tail moves and the array is resized
 * once, the new items go in, and only then are the removed ones released, last to first. A list emptied
 * by it is cleared (_list_clear). */
static int list_ass_slice(rh_runtime *rt, rh_object *a, size_t ilow, size_t ihigh, rh_object *v) {
    if (v == a) { /* a[i:j] = a: copy it first */
        rh_object *copy = rh_list_slice(rt, a, 0, (int64_t)list_len(a), 1);
        if (!copy) return -1;
        int rc = list_ass_slice(rt, a, ilow, ihigh, copy);
        rh_decref(rt, copy);
        return rc;
    }
    rh_object **vitem;
    size_t size = list_len(a), n = seq_items(v, &vitem);
    if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    size_t norig = ihigh - ilow;
    if (size - norig + n == 0) return rh_list_clear(rt, a);
    rh_object *recycle_on_stack[8];
    rh_object **recycle = scratch_items(rt, norig, recycle_on_stack, 8);
    if (!recycle) return -1;
    rh_object **item = as_list(a)->item;
    if (norig) memcpy(recycle, &item[ilow], norig * sizeof(rh_object *));
    if (n < norig) { /* delete norig - n items */
        size_t d = norig - n, tail = size - ihigh;
        memmove(&item[ihigh - d], &item[ihigh], tail * sizeof(rh_object *));
        if (rh__list_resize(rt, a, size - d) < 0) {
            memmove(&item[ihigh], &item[ihigh - d], tail * sizeof(rh_object *));
            memcpy(&item[ilow], recycle, norig * sizeof(rh_object *));
            scratch_free(rt, recycle, norig, recycle_on_stack);
            return -1;
        }
    } else if (n > norig) { /* insert n - norig items */
        size_t d = n - norig;
        if (rh__list_resize(rt, a, size + d) < 0) {
            scratch_free(rt, recycle, norig, recycle_on_stack);
            return -1;
        }
        item = as_list(a)->item;
        memmove(&item[ihigh + d], &item[ihigh], (size - ihigh) * sizeof(rh_object *));
    }
    item = as_list(a)->item;
    for (size_t k = 0; k < n; k++) {
        rh_incref(vitem[k]);
        item[ilow + k] = vitem[k];
    }
    for (size_t k = norig; k-- > 0;) rh_xdecref(rt, recycle[k]);
    scratch_free(rt, recycle, norig, recycle_on_stack);
    return 0;
}

/* list_ass_subscript's extended deletion: close the gaps left by every step-th item, resize once, then
 * release the removed items in ascending index order. */
static int list_del_extended(rh_runtime *rt, rh_object *l, int64_t start, int64_t step, size_t count) {
    if (count == 0) return 0;
    if (step < 0) { /* walk it upwards */
        start = start + step * (int64_t)(count - 1);
        step = -step;
    }
    rh_object **garbage = items_alloc(rt, count, 0);
    if (!garbage) return -1;
    rh_object **item = as_list(l)->item;
    size_t size = list_len(l), cur = (size_t)start, i;
    for (i = 0; i < count; cur += (size_t)step, i++) {
        size_t lim = (size_t)step - 1;
        garbage[i] = item[cur];
        if (cur + (size_t)step >= size) lim = size - cur - 1;
        memmove(item + cur - i, item + cur + 1, lim * sizeof(rh_object *));
    }
    cur = (size_t)start + count * (size_t)step;
    if (cur < size) memmove(item + cur - count, item + cur, (size - cur) * sizeof(rh_object *));
    as_list(l)->ob.size = (intptr_t)(size - count);
    int rc = rh__list_resize(rt, l, size - count);
    for (i = 0; i < count; i++) rh_decref(rt, garbage[i]);
    items_free(rt, garbage, count);
    return rc;
}

/* list_ass_subscript's extended assignment: v has exactly count items; each replaced item is set aside
 * and released after all are stored. */
static int list_set_extended(rh_runtime *rt, rh_object *l, int64_t start, int64_t step, size_t count,
                             rh_object *v) {
    rh_object **vitem;
    size_t n = seq_items(v, &vitem);
    if (n != count) {
        rh_err_set(rt, RH_EXC_VALUE, "attempt to assign sequence of size %zu to extended slice of size %zu", n,
                   count);
        return -1;
    }
    if (count == 0) return 0;
    rh_object **garbage = items_alloc(rt, count, 0);
    if (!garbage) return -1;
    rh_object **item = as_list(l)->item;
    size_t cur = (size_t)start;
    for (size_t i = 0; i < count; cur += (size_t)step, i++) {
        garbage[i] = item[cur];
        rh_incref(vitem[i]);
        item[cur] = vitem[i];
    }
    for (size_t i = 0; i < count; i++) rh_decref(rt, garbage[i]);
    items_free(rt, garbage, count);
    return 0;
}

int rh_list_ass_slice(rh_runtime *rt, rh_object *l, int64_t start, int64_t stop, int64_t step, rh_object *v) {
    rh_assert(!v || v->type->kind == RH_K_LIST || v->type->kind == RH_K_TUPLE);
    if (step == 1) return list_ass_slice(rt, l, (size_t)start, stop > start ? (size_t)stop : (size_t)start, v);
    size_t count = step > 0 ? (start < stop ? (size_t)((stop - start - 1) / step) + 1 : 0)
                            : (stop < start ? (size_t)((start - stop - 1) / -step) + 1 : 0);
    if (!v) return list_del_extended(rt, l, start, step, count);
    if (v != l) return list_set_extended(rt, l, start, step, count, v);
    rh_object *copy = rh_list_slice(rt, l, 0, (int64_t)list_len(l), 1); /* a[::-1] = a */
    if (!copy) return -1;
    int rc = list_set_extended(rt, l, start, step, count, copy);
    rh_decref(rt, copy);
    return rc;
}

/* Length of range(start, stop, step), step != 0, as an unsigned count (compute_range_length). */
static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
    __int128 lo = start, hi = stop, st = step;
    if (st < 0) {
        lo = stop;
        hi = start;
        st = -st;
    }
    if (lo >= hi) return 0;
    return (uint64_t)((hi - lo - 1) / st + 1);
}

rh_object *rh_list_from_range(rh_runtime *rt, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "range() arg 3 must not be zero");
        return NULL;
    }
    uint64_t n = range_length(start, stop, step);
    if (n > RH_SSIZE_MAX) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
        return NULL;
    }
    rh_object *l;
    if (rt->profile->range_returns_list) {
        l = rh_list_new(rt, (size_t)n); /* 2.x range(): PyList_New(n), exactly n */
    } else {
        /* list(range(n)) in 3.11: a freshly allocated list, then list_extend preallocates its length
         * hint rounded up to even (list_preallocate_exact) */
        l = list_object(rt, 0);
        if (l) {
            rh__gc_track(rt, l);
            size_t cap = ((size_t)n + 1) & ~(size_t)1;
            if (n > 0) {
                rh_object **items = items_alloc(rt, cap, 0);
                if (!items) {
                    rh_decref(rt, l);
                    return NULL;
                }
                as_list(l)->item = items;
                as_list(l)->allocated = (intptr_t)cap;
            }
        }
    }
    if (!l) return NULL;
    /* Making an int runs no collection and no code that could look at the list, so its size is set once
     * the items are in (or to the filled prefix, which the dealloc then releases, on failure). */
    uint64_t cur = (uint64_t)start;
    rh_object **item = as_list(l)->item;
    for (uint64_t i = 0; i < n; i++, cur += (uint64_t)step) {
        rh_object *v = rh_int_from_i64(rt, (int64_t)cur);
        if (!v) {
            as_list(l)->ob.size = (intptr_t)i;
            rh_decref(rt, l);
            return NULL;
        }
        item[i] = v;
    }
    as_list(l)->ob.size = (intptr_t)n;
    return l;
}

/* ---- slices ---- */

int64_t rh_slice_indices(int64_t n, int has_start, int64_t *start, int has_stop, int64_t *stop,
                         int64_t step) {
    /* PySlice_Unpack defaults, then PySlice_AdjustIndices */
    if (!has_start) *start = step < 0 ? INT64_MAX : 0;
    if (!has_stop) *stop = step < 0 ? INT64_MIN : INT64_MAX;
    if (*start < 0) {
        *start += n;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= n) {
        *start = step < 0 ? n - 1 : n;
    }
    if (*stop < 0) {
        *stop += n;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= n) {
        *stop = step < 0 ? n - 1 : n;
    }
    if (step < 0) return *stop < *start ? (*start - *stop - 1) / -step + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

/* ---- sorting: a stable merge sort on Python's `<` for ints, bools, floats and strs ----
 * CPython's listsort is a timsort; any stable sort gives the same result. Comparisons are made as
 * later-item < earlier-item like binarysort/count_run, so a TypeError names the same pair of types. */

static int is_intlike(const rh_object *o) { return o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL; }

/* Compare two ints by sign and 30-bit digits: -1, 0, 1. */
static int long_cmp(rh_object *a, rh_object *b) {
    const rh_long *x = (const rh_long *)(const void *)a, *y = (const rh_long *)(const void *)b;
    intptr_t sa = x->ob.size, sb = y->ob.size;
    if (a->type->flags & RH_TPFLAG_INT_WORD) return sa < sb ? -1 : sa > sb; /* py27: values */
    if (sa != sb) return sa < sb ? -1 : 1;
    for (intptr_t i = (sa < 0 ? -sa : sa); i-- > 0;) {
        if (x->digit[i] != y->digit[i]) {
            int c = x->digit[i] < y->digit[i] ? -1 : 1;
            return sa < 0 ? -c : c;
        }
    }
    return 0;
}

static double num_value(rh_object *o) { return ((rh_float *)(void *)o)->value; } /* a float's */

static uint32_t str_char(rh_runtime *rt, rh_object *s, size_t i) {
    const char *d = rh__str_data(rt, s);
    switch (((rh_strobj *)(void *)s)->state.kind) {
    case RH_STR_KIND_1: return ((const uint8_t *)d)[i];
    case RH_STR_KIND_2: return ((const uint16_t *)(const void *)d)[i];
    default: return ((const uint32_t *)(const void *)d)[i];
    }
}

static int str_lt(rh_runtime *rt, rh_object *a, rh_object *b) {
    size_t na = (size_t)((rh_strobj *)(void *)a)->length, nb = (size_t)((rh_strobj *)(void *)b)->length;
    for (size_t i = 0; i < na && i < nb; i++) {
        uint32_t ca = str_char(rt, a, i), cb = str_char(rt, b, i);
        if (ca != cb) return ca < cb;
    }
    return na < nb;
}

/* x < y: 1, 0, or -1 with TypeError */
static int sort_lt(rh_runtime *rt, rh_object *x, rh_object *y) {
    rh_kind kx = x->type->kind, ky = y->type->kind;
    if (is_intlike(x) && is_intlike(y)) return long_cmp(x, y) < 0;
    if (is_intlike(x) && ky == RH_K_FLOAT) /* float_richcompare: exact, NaN unordered */
        return !isnan(num_value(y)) && rh__int_cmp_double(x, num_value(y)) < 0;
    if (kx == RH_K_FLOAT && is_intlike(y)) return !isnan(num_value(x)) && rh__int_cmp_double(y, num_value(x)) > 0;
    if (kx == RH_K_FLOAT && ky == RH_K_FLOAT) return num_value(x) < num_value(y);
    if (kx == RH_K_STR && ky == RH_K_STR) return str_lt(rt, x, y);
    rh_err_set(rt, RH_EXC_TYPE, "'<' not supported between instances of '%s' and '%s'", rh_type_name(x),
               rh_type_name(y));
    return -1;
}

#define SORT_RUN 32

static int insertion_sort(rh_runtime *rt, rh_object **a, size_t n) {
    for (size_t i = 1; i < n; i++) {
        rh_object *x = a[i];
        size_t j = i;
        while (j > 0) {
            int k = sort_lt(rt, x, a[j - 1]);
            if (k < 0) {
                a[j] = x;
                return -1;
            }
            if (!k) break;
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
    return 0;
}

/* Merge sorted a[lo,mid) and a[mid,hi) through tmp; the array stays a permutation on error. */
static int merge(rh_runtime *rt, rh_object **a, size_t lo, size_t mid, size_t hi, rh_object **tmp) {
    size_t n1 = mid - lo, i = 0, j = mid, k = lo;
    memcpy(tmp, a + lo, n1 * sizeof(rh_object *));
    while (i < n1 && j < hi) {
        int lt = sort_lt(rt, a[j], tmp[i]);
        if (lt < 0) {
            memcpy(a + k, tmp + i, (n1 - i) * sizeof(rh_object *));
            return -1;
        }
        a[k++] = lt ? a[j++] : tmp[i++];
    }
    memcpy(a + k, tmp + i, (n1 - i) * sizeof(rh_object *));
    return 0;
}

int rh_list_sort(rh_runtime *rt, rh_object *l) {
    size_t n = list_len(l);
    rh_object **a = as_list(l)->item;
    if (n < 2) return 0;
    for (size_t lo = 0; lo < n; lo += SORT_RUN)
        if (insertion_sort(rt, a + lo, n - lo < SORT_RUN ? n - lo : SORT_RUN) < 0) return -1;
    if (n <= SORT_RUN) return 0;
    rh_object *stack_tmp[256]; /* MERGESTATE_TEMP_SIZE: small sorts need no heap memory */
    rh_object **tmp = stack_tmp;
    if (n > 256 && !(tmp = items_alloc(rt, n, 0))) return -1;
    int rc = 0;
    for (size_t w = SORT_RUN; w < n && rc == 0; w *= 2)
        for (size_t lo = 0; lo + w < n && rc == 0; lo += 2 * w)
            rc = merge(rt, a, lo, lo + w, lo + 2 * w < n ? lo + 2 * w : n, tmp);
    if (tmp != stack_tmp) items_free(rt, tmp, n);
    return rc;
}

/* ---- type slots ---- */

static void list_dealloc(rh_runtime *rt, rh_object *o) {
    /* the item array is needed right after untracking: let both cache misses overlap */
    if (list_len(o) > 0) __builtin_prefetch(as_list(o)->item + list_len(o) - 1);
    /* an instance of a list subclass comes here from subtype_dealloc, which holds the trashcan: the
     * guard is only this type's own (Py_TRASHCAN_BEGIN(op, list_dealloc): tp_dealloc == list_dealloc),
     * and only exact lists are parked (PyList_CheckExact) */
    int exact = !rh__is_subclass_instance(o);
    rh__gc_untrack(rt, o);
    if (exact && rh__trash_begin(rt, o)) return;
    rh_object **item = as_list(o)->item;
    if (item) {
        items_release(rt, item, list_len(o));
        items_free(rt, item, (size_t)as_list(o)->allocated);
    }
    if (exact && rt->fl.list_n < rt->profile->list_freelist && rt->fl.list_n < RH_FREELIST_CAP) {
        rt->fl.list[rt->fl.list_n++] = o;
        rh__object_to_freelist(rt, o);
    } else {
        rh__object_free(rt, o, o->type->basicsize);
    }
    if (exact) rh__trash_end(rt);
}

static int list_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    for (size_t i = list_len(o); i-- > 0;) {
        rh_object *v = as_list(o)->item[i];
        if (v) {
            int r = visit(v, arg);
            if (r) return r;
        }
    }
    return 0;
}

static int list_tp_clear(rh_runtime *rt, rh_object *o) { return rh_list_clear(rt, o); }

static size_t list_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return o->type->basicsize + (size_t)as_list(o)->allocated * sizeof(rh_object *); /* list___sizeof__ */
}

static void list_slots(rh_type *t);

void rh__type_init_list(rh_runtime *rt, rh_type *t) {
    (void)rt;
    t->name = "list";
    t->flags = RH_TPFLAG_GC | RH_TPFLAG_BASETYPE;
    t->basicsize = sizeof(rh_list);
    t->dealloc = list_dealloc;
    t->traverse = list_traverse;
    t->clear = list_tp_clear;
    t->size_of = list_size_of;
    list_slots(t);
}

/* ---------------------------------------------------------------- slots (Objects/listobject.c) */

static int list_items_repr(rh__sb *b, rh_object *o) {
    rh_object *pieces;
    if (rh__repr_pieces(b->rt, 0, &pieces) != 0) return -1;
    int rc = rh__sb_putc(b, '[');
    for (size_t i = 0; rc == 0 && i < list_len(o); i++) { /* re-read the length: a repr may shrink it */
        if (i) rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = rh__repr_into(b, as_list(o)->item[i]);
    }
    rh_xdecref(b->rt, pieces);
    return rc ? rc : rh__sb_putc(b, ']');
}
static int list_repr_into(rh__sb *b, rh_object *o) { /* list_repr: "[]" before Py_ReprEnter */
    return list_len(o) ? rh__repr_guarded(b, o, "[...]", list_items_repr) : rh__repr_empty(b, "[]");
}

static intptr_t list_length(rh_runtime *rt, rh_object *o) { return (intptr_t)list_len(o); }

static rh_object *list_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (b->type->kind != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "can only concatenate list (not \"%s\") to list", rh_type_name(b));
        return NULL;
    }
    return rh_list_concat(rt, a, b);
}

static rh_object *list_repeat(rh_runtime *rt, rh_object *a, intptr_t n) { return rh_list_repeat(rt, a, n); }

static rh_object *list_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    if (i < 0 || (size_t)i >= list_len(o)) {
        rh_err_set(rt, RH_EXC_INDEX, "list index out of range");
        return NULL;
    }
    rh_object *v = as_list(o)->item[i];
    rh_incref(v);
    return v;
}

/* list_contains */
/* list_contains (3.x): each item compared as it sits in the list, without a reference of its own */
static int list_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    int r = 0;
    for (size_t i = 0; r == 0 && i < list_len(o); i++) r = rh__richcompare_bool(rt, as_list(o)->item[i], v, RH_CMP_EQ);
    return r;
}

/* list_inplace_concat: list.extend(b), then the list itself */
static rh_object *list_inplace_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (rh_list_extend(rt, a, b) != 0) return NULL;
    rh_incref(a);
    return a;
}

/* list_inplace_repeat: the list itself grows by list_resize to n times its length and its items are
 * copied after themselves, each gaining n - 1 references; an empty list or n == 1 stays as it is, n < 1
 * clears it. */
static rh_object *list_inplace_repeat(rh_runtime *rt, rh_object *a, intptr_t n) {
    size_t size = list_len(a);
    if (size > 0 && n < 1) {
        if (rh_list_clear(rt, a) != 0) return NULL;
    } else if (size > 0 && n > 1) {
        if (size > RH_SSIZE_MAX / (uint64_t)n) {
            rh_err_nomemory(rt);
            return NULL;
        }
        if (rh__list_resize(rt, a, size * (size_t)n) < 0) return NULL;
        rh_object **items = as_list(a)->item;
        for (size_t j = 0; j < size; j++) items[j]->refcnt += n - 1;
        for (size_t p = size; p < size * (size_t)n; p += size) memcpy(items + p, items, size * sizeof(rh_object *));
    }
    rh_incref(a);
    return a;
}

static int list_index_of(rh_runtime *rt, rh_object *key, int64_t *i) {
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "list indices must be integers or slices, not %s", rh_type_name(key));
        return -1;
    }
    return rh_index_value(rt, key, i);
}

/* list_subscript / list_ass_subscript for an integer key (slices are the interpreter's) */
static rh_object *list_subscript(rh_runtime *rt, rh_object *o, rh_object *key) {
    int64_t i;
    if (list_index_of(rt, key, &i) != 0) return NULL;
    return list_item(rt, o, i < 0 ? i + (int64_t)list_len(o) : i);
}

static int list_ass_subscript(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v) {
    int64_t i;
    if (list_index_of(rt, key, &i) != 0) return -1;
    return v ? rh_list_setitem(rt, o, i, v) : rh_list_delitem(rt, o, i);
}

static void list_slots(rh_type *t) {
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = list_repr_into;
    t->tp_hash = rh__hash_not_implemented;
    t->tp_richcompare = rh__seq_richcompare;
    t->tp_iter = rh_iter_new;
    t->as_sequence = (rh_sequence_methods){.sq_length = list_length, .sq_concat = list_concat,
                                           .sq_repeat = list_repeat, .sq_item = list_item,
                                           .sq_contains = list_contains, .sq_inplace_concat = list_inplace_concat,
                                           .sq_inplace_repeat = list_inplace_repeat};
    t->as_mapping = (rh_mapping_methods){.mp_length = list_length, .mp_subscript = list_subscript,
                                         .mp_ass_subscript = list_ass_subscript};
}
