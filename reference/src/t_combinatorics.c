/* t_combinatorics.c — itertools.product, permutations, combinations and combinations_with_replacement
 * (CPython 3.11 Modules/itertoolsmodule.c).
 *
 * Owns the types RH_K_IT_PRODUCT, RH_K_IT_PERMUTATIONS, RH_K_IT_COMBINATIONS, RH_K_IT_CWR and their
 * constructors (refheap/itertools.h).
 *
 * Invariants:
 *  - the pools are tuples made by the constructor (PySequence_Tuple: a tuple argument is shared); the
 *    index arrays are plain C memory (PyMem_New), counted in __sizeof__ as CPython's *_sizeof do;
 *  - the result tuple is made at the first next() and updated in place while only the object holds it
 *    (refcount 1); otherwise a copy replaces it (_PyTuple_FromArray), so a loop that drops each result
 *    allocates one tuple, and one that keeps them allocates one per step, as in CPython; a reused result
 *    is re-tracked if the collector had untracked it (bpo-42536);
 *  - stopped is set once exhausted, and stays.
 */
#include <stddef.h>
#include <stdlib.h>

#include "callables.h"
#include "refheap/itertools.h"

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}
static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

/* One layout for the four, cut at each type's basicsize: productobject ends after stopped (48),
 * combinationsobject / cwrobject after r (56), permutationsobject after cycles (64). Each type allocates
 * only its own part; the pool size (product: the number of pools) is the pool tuple's length. */
typedef struct {
    rh_object ob;
    rh_object *pools;   /* product: tuple of pool tuples; the others: the pool tuple */
    int64_t *indices;
    rh_object *result;
    int64_t stopped;
    int64_t r;          /* not in product */
    int64_t *cycles;    /* permutations only */
} combobj;

/* basicsize of CPython's structs: product 48, permutations 64, combinations / cwr 56 */
static size_t basic_of(rh_kind k) {
    return k == RH_K_IT_PRODUCT ? 48 : k == RH_K_IT_PERMUTATIONS ? 64 : 56;
}

/* the object, its fields zero (tp_alloc at the type's basicsize) */
static combobj *combo_new(rh_runtime *rt, rh_kind k) { return (combobj *)(void *)new_gc(rt, k, basic_of(k)); }
static int64_t pool_len(combobj *co) { return (int64_t)rh_tuple_len(co->pools); }

/* PyMem_New(Py_ssize_t, n), MemoryError when it fails */
static int64_t *index_array(rh_runtime *rt, int64_t n) {
    int64_t *p = malloc(n > 0 ? (size_t)n * sizeof *p : 1);
    if (!p) rh_err_nomemory(rt);
    return p;
}

/* _PyTuple_FromArray of the current result, replacing it (the old one is held elsewhere) */
static int result_unshare(rh_runtime *rt, combobj *co) {
    rh_object *old = co->result;
    size_t n = rh_tuple_len(old);
    if (old->refcnt > 1) {
        rh_object *t = rh_tuple_new(rt, n);
        if (!t) return -1;
        for (size_t i = 0; i < n; i++) {
            rh_object *x = rh_tuple_get(old, i);
            rh_incref(x);
            rh_tuple_set(t, i, x);
        }
        co->result = t;
        rh_decref(rt, old);
    } else if (rt->profile->iter_result_retrack && n && !rh__gc_is_tracked(old)) {
        rh__gc_track(rt, old);
    }
    return 0;
}
/* result[i] = elem (borrowed), in place */
static void result_put(rh_runtime *rt, rh_object *result, size_t i, rh_object *elem) {
    rh_object *old = rh_tuple_get(result, i);
    rh_incref(elem);
    rh_tuple_set(result, i, elem);
    rh_decref(rt, old);
}
/* a new result tuple of r items (borrowed elems from pool at idx[]) */
static rh_object *result_first(rh_runtime *rt, rh_object *pool, const int64_t *idx, int64_t r) {
    rh_object *t = rh_tuple_new(rt, (size_t)r);
    for (int64_t i = 0; t && i < r; i++) {
        rh_object *e = rh_tuple_get(pool, (size_t)idx[i]);
        rh_incref(e);
        rh_tuple_set(t, (size_t)i, e);
    }
    return t;
}

static int combo_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    combobj *co = (combobj *)(void *)o;
    VISIT(co->pools);
    VISIT(co->result);
    return 0;
}
static int combo_clear(rh_runtime *rt, rh_object *o) {
    combobj *co = (combobj *)(void *)o;
    clear_slot(rt, &co->pools);
    clear_slot(rt, &co->result);
    return 0;
}
static void combo_dealloc(rh_runtime *rt, rh_object *o) {
    combobj *co = (combobj *)(void *)o;
    rh__gc_untrack(rt, o);
    combo_clear(rt, o);
    free(co->indices);
    if (rh_kind_of(o) == RH_K_IT_PERMUTATIONS) free(co->cycles);
    rh__object_free(rt, o, basic_of(rh_kind_of(o)));
}
/* product_sizeof, permutations_sizeof, combinations_sizeof, cwr_sizeof */
static size_t combo_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    combobj *co = (combobj *)(void *)o;
    size_t s = basic_of(rh_kind_of(o));
    switch (rh_kind_of(o)) {
    case RH_K_IT_PRODUCT: return s + (size_t)pool_len(co) * 8;
    case RH_K_IT_PERMUTATIONS: return s + (size_t)(pool_len(co) + co->r) * 8;
    default: return s + (size_t)co->r * 8;
    }
}
static void combo_type(rh_type *t, const char *name, rh_iternextfunc next) {
    set_type(t, name, basic_of(t->kind), 0, combo_dealloc, combo_traverse, combo_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->size_of = combo_size_of;
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = next;
}

/* ---------------------------------------------------------------- product */

/* product_new: the index array, the pools tuple (a tuple per iterable, shared repeat times), the object */
rh_object *rh_product_new(rh_runtime *rt, rh_object *const *iterables, size_t nargs, int64_t repeat) {
    if (repeat == 0) nargs = 0;
    if (nargs && (uint64_t)repeat > (uint64_t)INT64_MAX / 8 / nargs) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "repeat argument too large");
        return NULL;
    }
    int64_t npools = (int64_t)nargs * repeat;
    int64_t *indices = index_array(rt, npools);
    rh_object *pools = indices ? rh_tuple_new(rt, (size_t)npools) : NULL;
    if (!pools) { free(indices); return NULL; }
    for (int64_t i = 0; i < npools; i++) {
        rh_object *pool;
        if ((size_t)i < nargs) {
            if (!(pool = rh_tuple_from_iterable(rt, iterables[i]))) goto fail;
        } else {
            pool = rh_tuple_get(pools, (size_t)i - nargs);
            rh_incref(pool);
        }
        rh_tuple_set(pools, (size_t)i, pool);
        indices[i] = 0;
    }
    combobj *co = combo_new(rt, RH_K_IT_PRODUCT);
    if (!co) goto fail;
    co->pools = pools;
    co->indices = indices;
    rh__gc_track(rt, &co->ob);
    return &co->ob;
fail:
    rh_decref(rt, pools);
    free(indices);
    return NULL;
}
/* product_next: the first pool items, then the indices advanced right to left with roll-over */
static rh_object *product_next(rh_runtime *rt, rh_object *o) {
    combobj *co = (combobj *)(void *)o;
    int64_t npools = pool_len(co), i;
    if (co->stopped) return NULL;
    if (!co->result) {
        if (!(co->result = rh_tuple_new(rt, (size_t)npools))) goto empty;
        for (i = 0; i < npools; i++) {
            rh_object *pool = rh_tuple_get(co->pools, (size_t)i);
            if (rh_tuple_len(pool) == 0) goto empty;
            rh_object *e = rh_tuple_get(pool, 0);
            rh_incref(e);
            rh_tuple_set(co->result, (size_t)i, e);
        }
    } else {
        if (result_unshare(rt, co)) goto empty;
        for (i = npools - 1; i >= 0; i--) {
            rh_object *pool = rh_tuple_get(co->pools, (size_t)i);
            co->indices[i]++;
            if ((size_t)co->indices[i] == rh_tuple_len(pool)) {
                co->indices[i] = 0;
                result_put(rt, co->result, (size_t)i, rh_tuple_get(pool, 0));
            } else {
                result_put(rt, co->result, (size_t)i, rh_tuple_get(pool, (size_t)co->indices[i]));
                break;
            }
        }
        if (i < 0) goto empty;
    }
    rh_incref(co->result);
    return co->result;
empty:
    co->stopped = 1;
    return NULL;
}
void rh__type_init_it_product(rh_runtime *rt, rh_type *t) {
    (void)rt;
    combo_type(t, "itertools.product", product_next);
}

/* ---------------------------------------------------------------- combinations, with replacement */

/* combinations_new_impl / cwr_new_impl: the pool tuple, the index array, then the object */
rh_object *rh_combinations_new(rh_runtime *rt, rh_object *iterable, int64_t r, int with_replacement) {
    rh_object *pool = rh_tuple_from_iterable(rt, iterable);
    if (!pool) return NULL;
    int64_t n = (int64_t)rh_tuple_len(pool);
    if (r < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "r must be non-negative");
        rh_decref(rt, pool);
        return NULL;
    }
    int64_t *indices = index_array(rt, r);
    combobj *co = indices ? combo_new(rt, with_replacement ? RH_K_IT_CWR : RH_K_IT_COMBINATIONS) : NULL;
    if (!co) { free(indices); rh_decref(rt, pool); return NULL; }
    for (int64_t i = 0; i < r; i++) indices[i] = with_replacement ? 0 : i;
    co->pools = pool;
    co->indices = indices;
    co->r = r;
    co->stopped = with_replacement ? (n == 0 && r > 0) : r > n;
    rh__gc_track(rt, &co->ob);
    return &co->ob;
}
/* combinations_next: the rightmost index below its maximum (i + n - r) moves on, those after it follow */
static rh_object *combinations_next(rh_runtime *rt, rh_object *o) {
    combobj *co = (combobj *)(void *)o;
    int64_t n = pool_len(co), r = co->r, i;
    if (co->stopped) return NULL;
    if (!co->result) {
        if (!(co->result = result_first(rt, co->pools, co->indices, r))) goto empty;
    } else {
        if (result_unshare(rt, co)) goto empty;
        for (i = r - 1; i >= 0 && co->indices[i] == i + n - r; i--)
            ;
        if (i < 0) goto empty;
        co->indices[i]++;
        for (int64_t j = i + 1; j < r; j++) co->indices[j] = co->indices[j - 1] + 1;
        for (; i < r; i++) result_put(rt, co->result, (size_t)i, rh_tuple_get(co->pools, (size_t)co->indices[i]));
    }
    rh_incref(co->result);
    return co->result;
empty:
    co->stopped = 1;
    return NULL;
}
/* cwr_next: the rightmost index below n-1 moves on, those after it take its value */
static rh_object *cwr_next(rh_runtime *rt, rh_object *o) {
    combobj *co = (combobj *)(void *)o;
    int64_t n = pool_len(co), r = co->r, i;
    if (co->stopped) return NULL;
    if (!co->result) {
        if (!(co->result = rh_tuple_new(rt, (size_t)r))) goto empty;
        for (i = 0; n > 0 && i < r; i++) {
            rh_object *e = rh_tuple_get(co->pools, 0);
            rh_incref(e);
            rh_tuple_set(co->result, (size_t)i, e);
        }
    } else {
        if (result_unshare(rt, co)) goto empty;
        for (i = r - 1; i >= 0 && co->indices[i] == n - 1; i--)
            ;
        if (i < 0) goto empty;
        int64_t index = co->indices[i] + 1;
        rh_object *e = rh_tuple_get(co->pools, (size_t)index);
        for (; i < r; i++) {
            co->indices[i] = index;
            result_put(rt, co->result, (size_t)i, e);
        }
    }
    rh_incref(co->result);
    return co->result;
empty:
    co->stopped = 1;
    return NULL;
}
void rh__type_init_it_combinations(rh_runtime *rt, rh_type *t) {
    (void)rt;
    combo_type(t, "itertools.combinations", combinations_next);
}
void rh__type_init_it_cwr(rh_runtime *rt, rh_type *t) {
    (void)rt;
    combo_type(t, "itertools.combinations_with_replacement", cwr_next);
}

/* ---------------------------------------------------------------- permutations */

/* permutations_new_impl: the pool tuple, the index and cycle arrays, then the object */
rh_object *rh_permutations_new(rh_runtime *rt, rh_object *iterable, int64_t r, int has_r) {
    rh_object *pool = rh_tuple_from_iterable(rt, iterable);
    if (!pool) return NULL;
    int64_t n = (int64_t)rh_tuple_len(pool);
    if (!has_r) r = n;
    if (r < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "r must be non-negative");
        rh_decref(rt, pool);
        return NULL;
    }
    int64_t *indices = index_array(rt, n), *cycles = indices ? index_array(rt, r) : NULL;
    combobj *co = cycles ? combo_new(rt, RH_K_IT_PERMUTATIONS) : NULL;
    if (!co) { free(indices); free(cycles); rh_decref(rt, pool); return NULL; }
    for (int64_t i = 0; i < n; i++) indices[i] = i;
    for (int64_t i = 0; i < r; i++) cycles[i] = n - i;
    co->pools = pool;
    co->indices = indices;
    co->cycles = cycles;
    co->r = r;
    co->stopped = r > n;
    rh__gc_track(rt, &co->ob);
    return &co->ob;
}
/* permutations_next: decrement the rightmost cycle; at zero rotate indices[i:] and move left */
static rh_object *permutations_next(rh_runtime *rt, rh_object *o) {
    combobj *co = (combobj *)(void *)o;
    int64_t n = pool_len(co), r = co->r, i, *ix = co->indices, *cy = co->cycles;
    if (co->stopped) return NULL;
    if (!co->result) {
        if (!(co->result = result_first(rt, co->pools, ix, r))) goto empty;
    } else {
        if (n == 0) goto empty;
        if (result_unshare(rt, co)) goto empty;
        for (i = r - 1; i >= 0; i--) {
            if (--cy[i] == 0) {
                int64_t index = ix[i];
                for (int64_t j = i; j < n - 1; j++) ix[j] = ix[j + 1];
                ix[n - 1] = index;
                cy[i] = n - i;
            } else {
                int64_t j = cy[i], index = ix[i];
                ix[i] = ix[n - j];
                ix[n - j] = index;
                for (int64_t k = i; k < r; k++) result_put(rt, co->result, (size_t)k, rh_tuple_get(co->pools, (size_t)ix[k]));
                break;
            }
        }
        if (i < 0) goto empty;
    }
    rh_incref(co->result);
    return co->result;
empty:
    co->stopped = 1;
    return NULL;
}
void rh__type_init_it_permutations(rh_runtime *rt, rh_type *t) {
    (void)rt;
    combo_type(t, "itertools.permutations", permutations_next);
}
