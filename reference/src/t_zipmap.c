/* t_zipmap.c — zip, map and filter (CPython 3.11 Python/bltinmodule.c: zipobject, mapobject,
 * filterobject).
 *
 * Owns the types RH_K_ZIP, RH_K_MAP and RH_K_FILTER and their constructors (refheap/types.h).
 *
 * Invariants:
 *  - each object is GC-tracked from creation (PyType_GenericAlloc) to its dealloc, and is made in
 *    CPython's order: zip — the tuple of iterators, each iterator, the result tuple, then the object;
 *    map — the tuple of iterators and the iterators, then the object; filter — the iterator, then the
 *    object;
 *  - zip holds a result tuple of None made at creation and reuses it when nothing else holds it
 *    (refcount 1), as enumerate does (profile->iter_result_retrack: bpo-42536);
 *  - map and filter call their function through the embedder's call hook when it has one (rh_hooks.call:
 *    the embedder's own callables, such as an interpreter's built-in type constructors, work too), else
 *    through tp_call.
 */
#include <stddef.h>

#include "callables.h"

typedef struct rh_zipobj {
    rh_object ob;
    intptr_t tuplesize;
    rh_object *ittuple;   /* tuple of iterators */
    rh_object *result;    /* the reusable result tuple */
    int strict;           /* zip(strict=True): not modelled (always 0) */
} rh_zipobj; /* 48, as zipobject */

typedef struct rh_mapobj {
    rh_object ob;
    rh_object *iters;     /* tuple of iterators */
    rh_object *func;
} rh_mapobj; /* 32, as mapobject */

typedef struct rh_filterobj {
    rh_object ob;
    rh_object *func;      /* None: the items' own truth */
    rh_object *it;
} rh_filterobj; /* 32, as filterobject */

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static rh_object *call(rh_runtime *rt, rh_object *func, rh_object *const *args, size_t n) {
    return rt->hooks.call ? rh__call_hook(rt, func, args, n) : rh_call_object(rt, func, args, n);
}

static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

/* A tuple of the iterators of iterables[0..n): new reference or NULL. */
static rh_object *iter_tuple(rh_runtime *rt, rh_object *const *iterables, size_t n) {
    rh_object *t = rh_tuple_new(rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rh_object *it = rh_getiter(rt, iterables[i]);
        if (!it) {
            rh_decref(rt, t);
            return NULL;
        }
        rh_tuple_set(t, i, it);
    }
    return t;
}

/* ---------------------------------------------------------------- zip */

rh_object *rh_zip_new(rh_runtime *rt, rh_object *const *iterables, size_t n) {
    rh_object *ittuple = iter_tuple(rt, iterables, n), *result = NULL;
    if (ittuple) result = rh_tuple_new(rt, n);
    for (size_t i = 0; result && i < n; i++) {
        rh_incref(rh_none(rt));
        rh_tuple_set(result, i, rh_none(rt));
    }
    rh_zipobj *lz = result ? (rh_zipobj *)(void *)new_gc(rt, RH_K_ZIP, sizeof(rh_zipobj)) : NULL;
    if (!lz) {
        rh_xdecref(rt, ittuple);
        rh_xdecref(rt, result);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = (intptr_t)n;
    lz->result = result;
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}

/* zip_next: the result tuple is refilled in place when only the zip holds it */
static rh_object *zip_next(rh_runtime *rt, rh_object *o) {
    rh_zipobj *lz = (rh_zipobj *)(void *)o;
    size_t n = (size_t)lz->tuplesize;
    if (n == 0) return NULL;
    rh_object *result = lz->result;
    if (result->refcnt == 1) {
        rh_incref(result);
        for (size_t i = 0; i < n; i++) {
            rh_object *item = rh_iternext(rt, rh_tuple_get(lz->ittuple, i));
            if (!item) {
                rh_decref(rt, result);
                return NULL;
            }
            rh_object *old = rh_tuple_get(result, i);
            rh_tuple_set(result, i, item);
            rh_decref(rt, old);
        }
        if (rt->profile->iter_result_retrack && !rh__gc_is_tracked(result)) rh__gc_track(rt, result);
        return result;
    }
    if (!(result = rh_tuple_new(rt, n))) return NULL;
    for (size_t i = 0; i < n; i++) {
        rh_object *item = rh_iternext(rt, rh_tuple_get(lz->ittuple, i));
        if (!item) {
            rh_decref(rt, result);
            return NULL;
        }
        rh_tuple_set(result, i, item);
    }
    return result;
}

static int zip_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_zipobj *lz = (rh_zipobj *)(void *)o;
    VISIT(lz->ittuple);
    VISIT(lz->result);
    return 0;
}

static int zip_clear(rh_runtime *rt, rh_object *o) {
    rh_zipobj *lz = (rh_zipobj *)(void *)o;
    clear_slot(rt, &lz->ittuple);
    clear_slot(rt, &lz->result);
    return 0;
}

static void zip_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    zip_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_zipobj));
}

void rh__type_init_zip(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "zip", sizeof(rh_zipobj), 0, zip_dealloc, zip_traverse, zip_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = zip_next;
}

/* ---------------------------------------------------------------- map */

rh_object *rh_map_new(rh_runtime *rt, rh_object *func, rh_object *const *iterables, size_t n) {
    rh_object *iters = iter_tuple(rt, iterables, n);
    rh_mapobj *lz = iters ? (rh_mapobj *)(void *)new_gc(rt, RH_K_MAP, sizeof(rh_mapobj)) : NULL;
    if (!lz) {
        rh_xdecref(rt, iters);
        return NULL;
    }
    lz->iters = iters;
    rh_incref(func);
    lz->func = func;
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}

/* map_next: one item from each iterator, then func(*items) */
static rh_object *map_next(rh_runtime *rt, rh_object *o) {
    rh_mapobj *lz = (rh_mapobj *)(void *)o;
    size_t n = rh_tuple_len(lz->iters), got = 0;
    rh_object *stack[64], *result = NULL;
    if (n > sizeof stack / sizeof stack[0]) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "map() over more than 64 iterables");
        return NULL;
    }
    for (; got < n; got++)
        if (!(stack[got] = rh_iternext(rt, rh_tuple_get(lz->iters, got)))) break;
    if (got == n) result = call(rt, lz->func, stack, n);
    for (size_t i = 0; i < got; i++) rh_decref(rt, stack[i]);
    return result;
}

static int map_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_mapobj *lz = (rh_mapobj *)(void *)o;
    VISIT(lz->iters);
    VISIT(lz->func);
    return 0;
}

static int map_clear(rh_runtime *rt, rh_object *o) {
    rh_mapobj *lz = (rh_mapobj *)(void *)o;
    clear_slot(rt, &lz->iters);
    clear_slot(rt, &lz->func);
    return 0;
}

static void map_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    map_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_mapobj));
}

void rh__type_init_map(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "map", sizeof(rh_mapobj), 0, map_dealloc, map_traverse, map_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = map_next;
}

/* ---------------------------------------------------------------- filter */

rh_object *rh_filter_new(rh_runtime *rt, rh_object *func, rh_object *iterable) {
    rh_object *it = rh_getiter(rt, iterable);
    rh_filterobj *lz = it ? (rh_filterobj *)(void *)new_gc(rt, RH_K_FILTER, sizeof(rh_filterobj)) : NULL;
    if (!lz) {
        rh_xdecref(rt, it);
        return NULL;
    }
    rh_incref(func);
    lz->func = func;
    lz->it = it;
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}

/* filter_next: None or bool as the function tests the items' own truth; otherwise func(item)'s */
static rh_object *filter_next(rh_runtime *rt, rh_object *o) {
    rh_filterobj *lz = (rh_filterobj *)(void *)o;
    int checktrue = lz->func == rh_none(rt) || lz->func == (rh_object *)rh_builtin_type(rt, RH_K_BOOL);
    for (;;) {
        rh_object *item = rh_iternext(rt, lz->it);
        if (!item) return NULL;
        int ok;
        if (checktrue) {
            ok = rh_truthy(rt, item);
        } else {
            rh_object *good = call(rt, lz->func, &item, 1);
            ok = good ? rh_truthy(rt, good) : -1;
            rh_xdecref(rt, good);
        }
        if (ok > 0) return item;
        rh_decref(rt, item);
        if (ok < 0) return NULL;
    }
}

static int filter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_filterobj *lz = (rh_filterobj *)(void *)o;
    VISIT(lz->func);
    VISIT(lz->it);
    return 0;
}

static int filter_clear(rh_runtime *rt, rh_object *o) {
    rh_filterobj *lz = (rh_filterobj *)(void *)o;
    clear_slot(rt, &lz->func);
    clear_slot(rt, &lz->it);
    return 0;
}

static void filter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    filter_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_filterobj));
}

void rh__type_init_filter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "filter", sizeof(rh_filterobj), 0, filter_dealloc, filter_traverse, filter_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = filter_next;
}
