/* t_itertools.c — the iterator types of itertools (CPython 3.11 Modules/itertoolsmodule.c): count, cycle,
 * repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby and _grouper, islice,
 * pairwise, starmap, tee and _tee_dataobject, zip_longest. The combinatoric ones are in t_combinatorics.c.
 *
 * Owns the types RH_K_IT_* of those and their constructors (refheap/itertools.h).
 *
 * Invariants:
 *  - layouts are CPython's structs (sizes written beside each), every type is a GC type whose objects are
 *    tracked from creation to dealloc; an object is made in CPython's order (its iterators first where
 *    the C constructor gets them before tp_alloc, after it where it allocates first: groupby);
 *  - an exhausted iterator drops what CPython's drops at exhaustion (chain's source, islice's it,
 *    pairwise's it and old, cycle's it) so the objects freed and when match;
 *  - groupby's currgrouper is a borrowed pointer compared by identity only (3.11), never dereferenced;
 *  - a tee data block holds LINKCELLS (57) values; tee_next moves to the next block through nextlink;
 *  - zip_longest reuses its result tuple when nothing else holds it, re-tracking it (bpo-42536).
 */
#include <stddef.h>

#include "callables.h"
#include "refheap/itertools.h"

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* a call of a Python-level callable: the embedder's hook when it has one (t_zipmap.c's rule) */
static rh_object *call(rh_runtime *rt, rh_object *func, rh_object *const *args, size_t n) {
    return rt->hooks.call ? rh__call_hook(rt, func, args, n) : rh_call_object(rt, func, args, n);
}

static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

/* _PyType_Name: the part of tp_name after its last dot */
static const char *short_name(const rh_object *o) {
    const char *n = o->type->name, *s = n;
    for (; *n; n++)
        if (*n == '.') s = n + 1;
    return s;
}

/* a plain iterator type: name, struct size, slots; subclassable unless told */
static void iter_type(rh_type *t, const char *name, size_t size, void (*dealloc)(rh_runtime *, rh_object *),
                      int (*traverse)(rh_object *, rh_visitproc, void *), int (*clear)(rh_runtime *, rh_object *),
                      rh_iternextfunc next, int basetype) {
    set_type(t, name, size, 0, dealloc, traverse, clear);
    if (basetype) t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = next;
}

/* Objects whose fields are all object pointers: traverse / clear / dealloc over them, one set of
 * functions per field count. The fields follow the header. */
#define FIELDS(o) ((rh_object **)(void *)((char *)(o) + sizeof(rh_object)))
static int fields_visit(rh_object *o, size_t k, rh_visitproc visit, void *arg) {
    for (size_t i = 0; i < k; i++) VISIT(FIELDS(o)[i]);
    return 0;
}
static void fields_clear(rh_runtime *rt, rh_object *o, size_t k) {
    for (size_t i = 0; i < k; i++) clear_slot(rt, &FIELDS(o)[i]);
}

/* ---------------------------------------------------------------- count */

typedef struct { rh_object ob; int64_t cnt; rh_object *long_cnt, *long_step; } countobj; /* 40 */
#define COUNT_SLOW INT64_MAX /* cnt == PY_SSIZE_T_MAX: the slow mode, long_cnt holds the count */

static int is_number(rh_object *o) { /* PyNumber_Check */
    return o->type->as_number.nb_index || o->type->as_number.nb_int || o->type->as_number.nb_float;
}

/* count_new: fast mode (a C counter) when start fits and step is the int 1, else the objects */
rh_object *rh_count_new(rh_runtime *rt, rh_object *start, rh_object *step) {
    if ((start && !is_number(start)) || (step && !is_number(step))) {
        rh_err_set(rt, RH_EXC_TYPE, "a number is required");
        return NULL;
    }
    int slow = 0;
    int64_t cnt = 0, st;
    if (start && (rh_kind_of(start) != RH_K_INT || rh_int_as_i64(rt, start, &cnt) != 0 || cnt == INT64_MAX)) {
        rh_err_clear(rt);
        slow = 1;
    }
    if (step && !(rh_kind_of(step) == RH_K_INT && rh_int_small_value(step, &st) && st == 1)) slow = 1;
    countobj *lz = (countobj *)(void *)new_gc(rt, RH_K_IT_COUNT, sizeof(countobj));
    if (!lz) return NULL;
    lz->cnt = slow ? COUNT_SLOW : cnt;
    if (slow) {
        lz->long_cnt = start ? start : rh_int_from_i64(rt, 0); /* _PyLong_GetZero: the cached 0 */
        if (start) rh_incref(start);
    }
    lz->long_step = step ? step : rh_int_from_i64(rt, 1);
    if (step) rh_incref(step);
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}

/* count_next / count_nextlong: the old count is returned, the new one computed by long_cnt + long_step */
static rh_object *count_next(rh_runtime *rt, rh_object *o) {
    countobj *lz = (countobj *)(void *)o;
    if (lz->cnt != COUNT_SLOW) {
        rh_object *r = rh_int_from_i64(rt, lz->cnt);
        if (r) lz->cnt++;
        if (lz->cnt == COUNT_SLOW) { /* PY_SSIZE_T_MAX reached: the count moves into an int object */
            rh_object *c = rh_int_from_i64(rt, COUNT_SLOW);
            if (!c) { rh_xdecref(rt, r); return NULL; }
            lz->long_cnt = c;
        }
        return r;
    }
    rh_object *stepped = rh_binop(rt, RH_BINOP_ADD, lz->long_cnt, lz->long_step);
    if (!stepped) return NULL;
    rh_object *r = lz->long_cnt;
    lz->long_cnt = stepped;
    return r;
}

/* count_repr: count(5) / count(5.0) / count(5, 2) */
static int count_repr_into(rh__sb *b, rh_object *o) {
    countobj *lz = (countobj *)(void *)o;
    if (lz->cnt != COUNT_SLOW) return rh__sb_printf(b, "%s(%lld)", short_name(o), (long long)lz->cnt);
    int64_t st;
    if (rh__sb_printf(b, "%s(", short_name(o)) || rh__repr_into(b, lz->long_cnt)) return -1;
    if (!(rh_kind_of(lz->long_step) == RH_K_INT && rh_int_small_value(lz->long_step, &st) && st == 1))
        if (rh__sb_puts(b, ", ") || rh__repr_into(b, lz->long_step)) return -1;
    return rh__sb_putc(b, ')');
}

static int count_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    countobj *lz = (countobj *)(void *)o;
    VISIT(lz->long_cnt);
    VISIT(lz->long_step);
    return 0;
}
static int count_clear(rh_runtime *rt, rh_object *o) {
    countobj *lz = (countobj *)(void *)o;
    clear_slot(rt, &lz->long_cnt);
    clear_slot(rt, &lz->long_step);
    return 0;
}
static void count_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    count_clear(rt, o);
    rh__object_free(rt, o, sizeof(countobj));
}
void rh__type_init_it_count(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.count", sizeof(countobj), count_dealloc, count_traverse, count_clear, count_next, 1);
    t->repr_into = count_repr_into;
}

/* ---------------------------------------------------------------- cycle */

typedef struct { rh_object ob; rh_object *it, *saved; int64_t index; int64_t firstpass; } cycleobj; /* 48 */

/* cycle_new: the iterator, the saved list, then the object */
rh_object *rh_cycle_new(rh_runtime *rt, rh_object *iterable) {
    rh_object *it = rh_getiter(rt, iterable), *saved = it ? rh_list_new(rt, 0) : NULL;
    cycleobj *lz = saved ? (cycleobj *)(void *)new_gc(rt, RH_K_IT_CYCLE, sizeof(cycleobj)) : NULL;
    if (!lz) {
        rh_xdecref(rt, it);
        rh_xdecref(rt, saved);
        return NULL;
    }
    lz->it = it;
    lz->saved = saved;
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}

/* cycle_next: the first pass saves each item; then the saved list round and round */
static rh_object *cycle_next(rh_runtime *rt, rh_object *o) {
    cycleobj *lz = (cycleobj *)(void *)o;
    if (lz->it) {
        rh_object *item = rh_iternext(rt, lz->it);
        if (item) {
            if (lz->firstpass) return item;
            if (rh_list_append(rt, lz->saved, item)) { rh_decref(rt, item); return NULL; }
            return item;
        }
        if (rh_err_occurred(rt)) return NULL;
        clear_slot(rt, &lz->it);
    }
    size_t n = rh_list_len(lz->saved);
    if (n == 0) return NULL;
    rh_object *item = rh_list_get(lz->saved, (size_t)lz->index);
    if ((size_t)++lz->index >= n) lz->index = 0;
    lz->firstpass = 1;
    rh_incref(item);
    return item;
}
static int cycle_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 2, v, a); }
static int cycle_clear(rh_runtime *rt, rh_object *o) { fields_clear(rt, o, 2); return 0; }
static void cycle_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    cycle_clear(rt, o);
    rh__object_free(rt, o, sizeof(cycleobj));
}
void rh__type_init_it_cycle(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.cycle", sizeof(cycleobj), cycle_dealloc, cycle_traverse, cycle_clear, cycle_next, 1);
}

/* ---------------------------------------------------------------- repeat */

typedef struct { rh_object ob; rh_object *element; int64_t cnt; } repeatobj; /* 32; cnt -1: forever */

rh_object *rh_repeat_new(rh_runtime *rt, rh_object *element, int has_times, int64_t times) {
    repeatobj *ro = (repeatobj *)(void *)new_gc(rt, RH_K_IT_REPEAT, sizeof(repeatobj));
    if (!ro) return NULL;
    rh_incref(element);
    ro->element = element;
    ro->cnt = has_times ? (times < 0 ? 0 : times) : -1; /* repeat_new: a negative count is 0 */
    rh__gc_track(rt, &ro->ob);
    return &ro->ob;
}
static rh_object *repeat_next(rh_runtime *rt, rh_object *o) {
    (void)rt;
    repeatobj *ro = (repeatobj *)(void *)o;
    if (ro->cnt == 0) return NULL;
    if (ro->cnt > 0) ro->cnt--;
    rh_incref(ro->element);
    return ro->element;
}
/* repeat_repr: repeat(x) / repeat(x, n) */
static int repeat_repr_into(rh__sb *b, rh_object *o) {
    repeatobj *ro = (repeatobj *)(void *)o;
    if (rh__sb_printf(b, "%s(", short_name(o)) || rh__repr_into(b, ro->element)) return -1;
    if (ro->cnt != -1 && rh__sb_printf(b, ", %lld", (long long)ro->cnt)) return -1;
    return rh__sb_putc(b, ')');
}
static int repeat_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 1, v, a); }
static int repeat_clear(rh_runtime *rt, rh_object *o) { fields_clear(rt, o, 1); return 0; }
static void repeat_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    repeat_clear(rt, o);
    rh__object_free(rt, o, sizeof(repeatobj));
}
/* repeat.__len__ is __length_hint__ only: len(repeat(...)) is a TypeError as in CPython */
void rh__type_init_it_repeat(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.repeat", sizeof(repeatobj), repeat_dealloc, repeat_traverse, repeat_clear, repeat_next, 1);
    t->repr_into = repeat_repr_into;
}

/* ---------------------------------------------------------------- accumulate */

typedef struct { rh_object ob; rh_object *total, *it, *binop, *initial; } accobj; /* 48 */

/* itertools_accumulate_impl: the iterator, then the object */
rh_object *rh_accumulate_new(rh_runtime *rt, rh_object *iterable, rh_object *func, rh_object *initial) {
    rh_object *it = rh_getiter(rt, iterable);
    accobj *lz = it ? (accobj *)(void *)new_gc(rt, RH_K_IT_ACCUMULATE, sizeof(accobj)) : NULL;
    if (!lz) { rh_xdecref(rt, it); return NULL; }
    if (func && func != rh_none(rt)) { rh_incref(func); lz->binop = func; }
    if (initial && initial != rh_none(rt)) { rh_incref(initial); lz->initial = initial; }
    lz->it = it;
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}
/* accumulate_next: initial first, then the running total (total + val, or binop(total, val)) */
static rh_object *accumulate_next(rh_runtime *rt, rh_object *o) {
    accobj *lz = (accobj *)(void *)o;
    if (lz->initial) {
        lz->total = lz->initial;
        lz->initial = NULL;
        rh_incref(lz->total);
        return lz->total;
    }
    rh_object *val = rh_iternext(rt, lz->it), *nt;
    if (!val) return NULL;
    if (!lz->total) {
        rh_incref(val);
        lz->total = val;
        return val;
    }
    if (lz->binop) {
        rh_object *args[2] = {lz->total, val};
        nt = call(rt, lz->binop, args, 2);
    } else {
        nt = rh_binop(rt, RH_BINOP_ADD, lz->total, val);
    }
    rh_decref(rt, val);
    if (!nt) return NULL;
    rh_incref(nt);
    rh_setref(rt, &lz->total, nt);
    return nt;
}
static int acc_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 4, v, a); }
static int acc_clear(rh_runtime *rt, rh_object *o) { fields_clear(rt, o, 4); return 0; }
static void acc_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    acc_clear(rt, o);
    rh__object_free(rt, o, sizeof(accobj));
}
void rh__type_init_it_accumulate(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.accumulate", sizeof(accobj), acc_dealloc, acc_traverse, acc_clear, accumulate_next, 1);
}

/* ---------------------------------------------------------------- chain */

typedef struct { rh_object ob; rh_object *source, *active; } chainobj; /* 32 */

/* chain_new_internal: source is an iterator over the iterables (stolen) */
static rh_object *chain_make(rh_runtime *rt, rh_object *source) {
    if (!source) return NULL;
    chainobj *lz = (chainobj *)(void *)new_gc(rt, RH_K_IT_CHAIN, sizeof(chainobj));
    if (!lz) { rh_decref(rt, source); return NULL; }
    lz->source = source;
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}
/* chain_new: iter(args), a tuple iterator over the call's argument tuple */
rh_object *rh_chain_new(rh_runtime *rt, rh_object *args_tuple) { return chain_make(rt, rh_getiter(rt, args_tuple)); }
/* chain_new_from_iterable */
rh_object *rh_chain_from_iterable(rh_runtime *rt, rh_object *iterable) { return chain_make(rt, rh_getiter(rt, iterable)); }

/* chain_next: each iterable's iterator in turn; the source goes once exhausted or failed */
static rh_object *chain_next(rh_runtime *rt, rh_object *o) {
    chainobj *lz = (chainobj *)(void *)o;
    while (lz->source) {
        if (!lz->active) {
            rh_object *iterable = rh_iternext(rt, lz->source);
            if (!iterable) { clear_slot(rt, &lz->source); return NULL; }
            lz->active = rh_getiter(rt, iterable);
            rh_decref(rt, iterable);
            if (!lz->active) { clear_slot(rt, &lz->source); return NULL; }
        }
        rh_object *item = rh_iternext(rt, lz->active);
        if (item) return item;
        if (rh_err_occurred(rt)) return NULL;
        clear_slot(rt, &lz->active);
    }
    return NULL;
}
static int chain_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 2, v, a); }
static int chain_clear(rh_runtime *rt, rh_object *o) { fields_clear(rt, o, 2); return 0; }
static void chain_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    chain_clear(rt, o);
    rh__object_free(rt, o, sizeof(chainobj));
}
void rh__type_init_it_chain(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.chain", sizeof(chainobj), chain_dealloc, chain_traverse, chain_clear, chain_next, 1);
}

/* ---------------------------------------------------------------- two-field iterators: compress,
 * filterfalse, starmap, pairwise (and dropwhile / takewhile with their flag word) */

typedef struct { rh_object ob; rh_object *a, *b; } pairobj;               /* 32 */
typedef struct { rh_object ob; rh_object *a, *b; int64_t flag; } flagobj;  /* 40 */

/* the iterators of it1 (and it2) first, then the object: fields a, b */
static rh_object *two_new(rh_runtime *rt, rh_kind k, size_t size, rh_object *keep, rh_object *iterable1,
                          rh_object *iterable2) {
    rh_object *i1 = rh_getiter(rt, iterable1), *i2 = NULL;
    if (i1 && iterable2 && !(i2 = rh_getiter(rt, iterable2))) { rh_decref(rt, i1); return NULL; }
    pairobj *lz = i1 ? (pairobj *)(void *)new_gc(rt, k, size) : NULL;
    if (!lz) { rh_xdecref(rt, i1); rh_xdecref(rt, i2); return NULL; }
    if (keep) { rh_incref(keep); lz->a = keep; lz->b = i1; }
    else { lz->a = i1; lz->b = i2; }
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}
rh_object *rh_compress_new(rh_runtime *rt, rh_object *data, rh_object *selectors) {
    return two_new(rt, RH_K_IT_COMPRESS, sizeof(pairobj), NULL, data, selectors);
}
rh_object *rh_filterfalse_new(rh_runtime *rt, rh_object *func, rh_object *iterable) {
    return two_new(rt, RH_K_IT_FILTERFALSE, sizeof(pairobj), func, iterable, NULL);
}
rh_object *rh_starmap_new(rh_runtime *rt, rh_object *func, rh_object *iterable) {
    return two_new(rt, RH_K_IT_STARMAP, sizeof(pairobj), func, iterable, NULL);
}
rh_object *rh_dropwhile_new(rh_runtime *rt, rh_object *pred, rh_object *iterable) {
    return two_new(rt, RH_K_IT_DROPWHILE, sizeof(flagobj), pred, iterable, NULL);
}
rh_object *rh_takewhile_new(rh_runtime *rt, rh_object *pred, rh_object *iterable) {
    return two_new(rt, RH_K_IT_TAKEWHILE, sizeof(flagobj), pred, iterable, NULL);
}
rh_object *rh_pairwise_new(rh_runtime *rt, rh_object *iterable) {
    pairobj *p = (pairobj *)(void *)two_new(rt, RH_K_IT_PAIRWISE, sizeof(pairobj), NULL, iterable, NULL);
    return p ? &p->ob : NULL; /* a: it, b: old */
}

/* predicate truth of func(item): 1, 0, -1 */
static int pred_true(rh_runtime *rt, rh_object *func, rh_object *item) {
    rh_object *good = call(rt, func, &item, 1);
    if (!good) return -1;
    int ok = rh_truthy(rt, good);
    rh_decref(rt, good);
    return ok;
}

/* compress_next: data items whose selector is true */
static rh_object *compress_next(rh_runtime *rt, rh_object *o) {
    pairobj *lz = (pairobj *)(void *)o;
    for (;;) {
        rh_object *datum = rh_iternext(rt, lz->a);
        if (!datum) return NULL;
        rh_object *sel = rh_iternext(rt, lz->b);
        if (!sel) { rh_decref(rt, datum); return NULL; }
        int ok = rh_truthy(rt, sel);
        rh_decref(rt, sel);
        if (ok > 0) return datum;
        rh_decref(rt, datum);
        if (ok < 0) return NULL;
    }
}
/* filterfalse_next: None or bool test the items' own truth */
static rh_object *filterfalse_next(rh_runtime *rt, rh_object *o) {
    pairobj *lz = (pairobj *)(void *)o;
    int own = lz->a == rh_none(rt) || lz->a == (rh_object *)rh_builtin_type(rt, RH_K_BOOL);
    for (;;) {
        rh_object *item = rh_iternext(rt, lz->b);
        if (!item) return NULL;
        int ok = own ? rh_truthy(rt, item) : pred_true(rt, lz->a, item);
        if (ok == 0) return item;
        rh_decref(rt, item);
        if (ok < 0) return NULL;
    }
}
/* starmap_next: func(*args), args made a tuple first unless it is one (PySequence_Tuple) */
static rh_object *starmap_next(rh_runtime *rt, rh_object *o) {
    pairobj *lz = (pairobj *)(void *)o;
    rh_object *args = rh_iternext(rt, lz->b);
    if (!args) return NULL;
    if (rh_kind_of(args) != RH_K_TUPLE) {
        rh_object *t = rh_tuple_from_iterable(rt, args);
        rh_decref(rt, args);
        if (!(args = t)) return NULL;
    }
    size_t n = rh_tuple_len(args);
    rh_object *stack[64];
    if (n > 64) { rh_decref(rt, args); rh_err_set(rt, RH_EXC_UNSUPPORTED, "starmap() with more than 64 arguments"); return NULL; }
    for (size_t i = 0; i < n; i++) stack[i] = rh_tuple_get(args, i);
    rh_object *r = call(rt, lz->a, stack, n);
    rh_decref(rt, args);
    return r;
}
/* dropwhile_next: flag (start) set at the first false predicate */
static rh_object *dropwhile_next(rh_runtime *rt, rh_object *o) {
    flagobj *lz = (flagobj *)(void *)o;
    for (;;) {
        rh_object *item = rh_iternext(rt, lz->b);
        if (!item) return NULL;
        if (lz->flag == 1) return item;
        int ok = pred_true(rt, lz->a, item);
        if (ok == 0) { lz->flag = 1; return item; }
        rh_decref(rt, item);
        if (ok < 0) return NULL;
    }
}
/* takewhile_next: flag (stop) set at the first false predicate */
static rh_object *takewhile_next(rh_runtime *rt, rh_object *o) {
    flagobj *lz = (flagobj *)(void *)o;
    if (lz->flag) return NULL;
    rh_object *item = rh_iternext(rt, lz->b);
    if (!item) return NULL;
    int ok = pred_true(rt, lz->a, item);
    if (ok > 0) return item;
    rh_decref(rt, item);
    if (ok == 0) lz->flag = 1;
    return NULL;
}
/* pairwise_next (3.11): a new 2-tuple each time; it and old dropped at the end */
static rh_object *pairwise_next(rh_runtime *rt, rh_object *o) {
    pairobj *po = (pairobj *)(void *)o;
    if (!po->a) return NULL;
    if (!po->b && !(po->b = rh_iternext(rt, po->a))) { clear_slot(rt, &po->a); return NULL; }
    rh_object *nw = rh_iternext(rt, po->a);
    if (!nw) { clear_slot(rt, &po->a); clear_slot(rt, &po->b); return NULL; }
    rh_object *r = rh_tuple_pack(rt, 2, po->b, nw);
    rh_setref(rt, &po->b, nw);
    return r;
}
static int two_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 2, v, a); }
static int two_clear(rh_runtime *rt, rh_object *o) { fields_clear(rt, o, 2); return 0; }
static void pair_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    two_clear(rt, o);
    rh__object_free(rt, o, sizeof(pairobj));
}
static void flag_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    two_clear(rt, o);
    rh__object_free(rt, o, sizeof(flagobj));
}
void rh__type_init_it_compress(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.compress", sizeof(pairobj), pair_dealloc, two_traverse, two_clear, compress_next, 1);
}
void rh__type_init_it_filterfalse(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.filterfalse", sizeof(pairobj), pair_dealloc, two_traverse, two_clear, filterfalse_next, 1);
}
void rh__type_init_it_starmap(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.starmap", sizeof(pairobj), pair_dealloc, two_traverse, two_clear, starmap_next, 1);
}
void rh__type_init_it_pairwise(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.pairwise", sizeof(pairobj), pair_dealloc, two_traverse, two_clear, pairwise_next, 1);
}
void rh__type_init_it_dropwhile(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.dropwhile", sizeof(flagobj), flag_dealloc, two_traverse, two_clear, dropwhile_next, 1);
}
void rh__type_init_it_takewhile(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.takewhile", sizeof(flagobj), flag_dealloc, two_traverse, two_clear, takewhile_next, 1);
}

/* ---------------------------------------------------------------- groupby, _grouper */

typedef struct {
    rh_object ob;
    rh_object *it, *keyfunc, *tgtkey, *currkey, *currvalue;
    rh_object *currgrouper; /* borrowed: identity only (3.11 groupbyobject) */
} groupbyobj; /* 64 */
typedef struct { rh_object ob; rh_object *parent, *tgtkey; } grouperobj; /* 32 */

/* itertools_groupby_impl: the object first, then the iterator */
rh_object *rh_groupby_new(rh_runtime *rt, rh_object *iterable, rh_object *key) {
    groupbyobj *g = (groupbyobj *)(void *)new_gc(rt, RH_K_IT_GROUPBY, sizeof(groupbyobj));
    if (!g) return NULL;
    g->keyfunc = key ? key : rh_none(rt);
    rh_incref(g->keyfunc);
    rh__gc_track(rt, &g->ob);
    if (!(g->it = rh_getiter(rt, iterable))) { rh_decref(rt, &g->ob); return NULL; }
    return &g->ob;
}
/* groupby_step: the next value and its key into currvalue / currkey. 0, or -1 (exhausted or failed) */
static int groupby_step(rh_runtime *rt, groupbyobj *g) {
    rh_object *v = rh_iternext(rt, g->it), *k;
    if (!v) return -1;
    if (g->keyfunc == rh_none(rt)) { rh_incref(v); k = v; }
    else if (!(k = call(rt, g->keyfunc, &v, 1))) { rh_decref(rt, v); return -1; }
    rh_setref(rt, &g->currvalue, v);
    rh_setref(rt, &g->currkey, k);
    return 0;
}
static rh_object *grouper_create(rh_runtime *rt, groupbyobj *parent, rh_object *tgtkey) {
    grouperobj *igo = (grouperobj *)(void *)new_gc(rt, RH_K_IT_GROUPER, sizeof(grouperobj));
    if (!igo) return NULL;
    rh_incref(&parent->ob);
    igo->parent = &parent->ob;
    rh_incref(tgtkey);
    igo->tgtkey = tgtkey;
    parent->currgrouper = &igo->ob;
    rh__gc_track(rt, &igo->ob);
    return &igo->ob;
}
/* groupby_next: skip to the next key, then (key, _grouper) */
static rh_object *groupby_next(rh_runtime *rt, rh_object *o) {
    groupbyobj *g = (groupbyobj *)(void *)o;
    g->currgrouper = NULL;
    for (;;) {
        if (!g->currkey) {
        } else if (!g->tgtkey) {
            break;
        } else {
            int rc = rh_richcompare(rt, RH_CMP_EQ, g->tgtkey, g->currkey);
            if (rc < 0) return NULL;
            if (rc == 0) break;
        }
        if (groupby_step(rt, g) < 0) return NULL;
    }
    rh_incref(g->currkey);
    rh_setref(rt, &g->tgtkey, g->currkey);
    rh_object *grouper = grouper_create(rt, g, g->tgtkey);
    if (!grouper) return NULL;
    rh_object *r = rh_tuple_pack(rt, 2, g->currkey, grouper);
    rh_decref(rt, grouper);
    return r;
}
/* _grouper_next: the parent's current value while its key equals the group's */
static rh_object *grouper_next(rh_runtime *rt, rh_object *o) {
    grouperobj *igo = (grouperobj *)(void *)o;
    groupbyobj *g = (groupbyobj *)(void *)igo->parent;
    if (g->currgrouper != o) return NULL;
    if (!g->currvalue && groupby_step(rt, g) < 0) return NULL;
    int rc = rh_richcompare(rt, RH_CMP_EQ, igo->tgtkey, g->currkey);
    if (rc <= 0) return NULL;
    rh_object *r = g->currvalue;
    g->currvalue = NULL;
    clear_slot(rt, &g->currkey);
    return r;
}
static int groupby_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 5, v, a); }
static int groupby_clear(rh_runtime *rt, rh_object *o) { fields_clear(rt, o, 5); return 0; }
static void groupby_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    groupby_clear(rt, o);
    rh__object_free(rt, o, sizeof(groupbyobj));
}
static void grouper_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    two_clear(rt, o);
    rh__object_free(rt, o, sizeof(grouperobj));
}
void rh__type_init_it_groupby(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.groupby", sizeof(groupbyobj), groupby_dealloc, groupby_traverse, groupby_clear, groupby_next, 1);
}
void rh__type_init_it_grouper(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools._grouper", sizeof(grouperobj), grouper_dealloc, two_traverse, two_clear, grouper_next, 0);
}

/* ---------------------------------------------------------------- islice */

typedef struct { rh_object ob; rh_object *it; int64_t next, stop, step, cnt; } isliceobj; /* 56 */

/* islice_new: the iterator, then the object */
rh_object *rh_islice_new(rh_runtime *rt, rh_object *iterable, int64_t start, int64_t stop, int64_t step) {
    rh_object *it = rh_getiter(rt, iterable);
    isliceobj *lz = it ? (isliceobj *)(void *)new_gc(rt, RH_K_IT_ISLICE, sizeof(isliceobj)) : NULL;
    if (!lz) { rh_xdecref(rt, it); return NULL; }
    lz->it = it;
    lz->next = start;
    lz->stop = stop;
    lz->step = step;
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}
/* islice_next: skip to next, then one item; the iterator dropped once the slice is done */
static rh_object *islice_next(rh_runtime *rt, rh_object *o) {
    isliceobj *lz = (isliceobj *)(void *)o;
    rh_object *item;
    if (!lz->it) return NULL;
    while (lz->cnt < lz->next) {
        if (!(item = rh_iternext(rt, lz->it))) goto empty;
        rh_decref(rt, item);
        lz->cnt++;
    }
    if (lz->stop != -1 && lz->cnt >= lz->stop) goto empty;
    if (!(item = rh_iternext(rt, lz->it))) goto empty;
    lz->cnt++;
    int64_t old = lz->next;
    if (__builtin_add_overflow(lz->next, lz->step, &lz->next) || lz->next < old ||
        (lz->stop != -1 && lz->next > lz->stop))
        lz->next = lz->stop;
    return item;
empty:
    clear_slot(rt, &lz->it);
    return NULL;
}
static int islice_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 1, v, a); }
static int islice_clear(rh_runtime *rt, rh_object *o) { fields_clear(rt, o, 1); return 0; }
static void islice_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    islice_clear(rt, o);
    rh__object_free(rt, o, sizeof(isliceobj));
}
void rh__type_init_it_islice(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.islice", sizeof(isliceobj), islice_dealloc, islice_traverse, islice_clear, islice_next, 1);
}

/* ---------------------------------------------------------------- tee, _tee_dataobject */

#define LINKCELLS 57
typedef struct {
    rh_object ob;
    rh_object *it;
    int32_t numread, running;
    rh_object *nextlink;
    rh_object *values[LINKCELLS];
} teedataobj; /* 496 */
typedef struct { rh_object ob; rh_object *dataobj; int64_t index; rh_object *weakreflist; } teeobj; /* 40 */

int rh_is_tee(rh_object *o) { return rh_kind_of(o) == RH_K_IT_TEE; }

/* teedataobject_newinternal */
static rh_object *teedata_new(rh_runtime *rt, rh_object *it) {
    teedataobj *d = (teedataobj *)(void *)new_gc(rt, RH_K_IT_TEEDATA, sizeof(teedataobj));
    if (!d) return NULL;
    rh_incref(it);
    d->it = it;
    rh__gc_track(rt, &d->ob);
    return &d->ob;
}
/* teedataobject_getitem: value i (new reference), reading it from the iterator at the frontier */
static rh_object *teedata_getitem(rh_runtime *rt, teedataobj *d, int i) {
    rh_object *v;
    if (i < d->numread) {
        v = d->values[i];
    } else {
        if (d->running) {
            rh_err_set(rt, RH_EXC_RUNTIME, "cannot re-enter the tee iterator");
            return NULL;
        }
        d->running = 1;
        v = rh_iternext(rt, d->it);
        d->running = 0;
        if (!v) return NULL;
        d->values[d->numread++] = v;
    }
    rh_incref(v);
    return v;
}
static int teedata_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    teedataobj *d = (teedataobj *)(void *)o;
    VISIT(d->it);
    for (int i = 0; i < d->numread; i++) VISIT(d->values[i]);
    VISIT(d->nextlink);
    return 0;
}
/* teedataobject_safe_decref: a long chain of blocks is freed in a loop, not by recursion */
static void teedata_safe_decref(rh_runtime *rt, rh_object *o) {
    while (o && o->refcnt == 1) {
        teedataobj *d = (teedataobj *)(void *)o;
        rh_object *next = d->nextlink;
        d->nextlink = NULL;
        rh_decref(rt, o);
        o = next;
    }
    rh_xdecref(rt, o);
}
static int teedata_clear(rh_runtime *rt, rh_object *o) {
    teedataobj *d = (teedataobj *)(void *)o;
    clear_slot(rt, &d->it);
    int n = d->numread;
    d->numread = 0;
    for (int i = 0; i < n; i++) clear_slot(rt, &d->values[i]);
    rh_object *next = d->nextlink;
    d->nextlink = NULL;
    teedata_safe_decref(rt, next);
    return 0;
}
static void teedata_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    teedata_clear(rt, o);
    rh__object_free(rt, o, sizeof(teedataobj));
}
void rh__type_init_it_teedata(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "itertools._tee_dataobject", sizeof(teedataobj), 0, teedata_dealloc, teedata_traverse, teedata_clear);
    t->repr_into = type_repr_into;
}

/* tee_copy: a tee on the same data at the same index */
rh_object *rh_tee_copy(rh_runtime *rt, rh_object *tee) {
    teeobj *to = (teeobj *)(void *)tee;
    teeobj *n = (teeobj *)(void *)new_gc(rt, RH_K_IT_TEE, sizeof(teeobj));
    if (!n) return NULL;
    rh_incref(to->dataobj);
    n->dataobj = to->dataobj;
    n->index = to->index;
    rh__gc_track(rt, &n->ob);
    return &n->ob;
}
/* tee_fromiterable: a tee over a new data block of iter(iterable) (a tee is copied instead) */
static rh_object *tee_fromiterable(rh_runtime *rt, rh_object *iterable) {
    rh_object *it = rh_getiter(rt, iterable), *r = NULL;
    if (!it) return NULL;
    if (rh_is_tee(it)) {
        r = rh_tee_copy(rt, it);
    } else {
        rh_object *d = teedata_new(rt, it);
        teeobj *to = d ? (teeobj *)(void *)new_gc(rt, RH_K_IT_TEE, sizeof(teeobj)) : NULL;
        if (to) {
            to->dataobj = d;
            rh__gc_track(rt, &to->ob);
            r = &to->ob;
        } else {
            rh_xdecref(rt, d);
        }
    }
    rh_decref(rt, it);
    return r;
}
/* itertools_tee_impl: the result tuple, iter(iterable), the first tee, then copies of it. CPython calls
 * the first tee's bound __copy__ for each copy; the embedder makes that bound method (its allocation) and
 * this function the copies. */
rh_object *rh_tee(rh_runtime *rt, rh_object *iterable, int64_t n) {
    if (n < 0) { rh_err_set(rt, RH_EXC_VALUE, "n must be >= 0"); return NULL; }
    rh_object *result = rh_tuple_new(rt, (size_t)n);
    if (!result || n == 0) return result;
    rh_object *it = rh_getiter(rt, iterable), *first = NULL;
    if (it) first = rh_is_tee(it) ? (rh_incref(it), it) : tee_fromiterable(rt, it);
    rh_xdecref(rt, it);
    if (!first) { rh_decref(rt, result); return NULL; }
    rh_tuple_set(result, 0, first);
    for (int64_t i = 1; i < n; i++) {
        rh_object *c = rh_tee_copy(rt, first);
        if (!c) { rh_decref(rt, result); return NULL; }
        rh_tuple_set(result, (size_t)i, c);
    }
    return result;
}
/* tee_next: the block's next value, moving to the next block after LINKCELLS */
static rh_object *tee_next(rh_runtime *rt, rh_object *o) {
    teeobj *to = (teeobj *)(void *)o;
    if (to->index >= LINKCELLS) {
        teedataobj *d = (teedataobj *)(void *)to->dataobj;
        if (!d->nextlink && !(d->nextlink = teedata_new(rt, d->it))) return NULL;
        rh_object *link = d->nextlink;
        rh_incref(link);
        rh_setref(rt, &to->dataobj, link);
        to->index = 0;
    }
    rh_object *v = teedata_getitem(rt, (teedataobj *)(void *)to->dataobj, (int)to->index);
    if (v) to->index++;
    return v;
}
static int tee_traverse(rh_object *o, rh_visitproc v, void *a) { return fields_visit(o, 1, v, a); }
static int tee_clear(rh_runtime *rt, rh_object *o) {
    teeobj *to = (teeobj *)(void *)o;
    if (to->weakreflist) rh__weakref_clear_all(rt, o);
    clear_slot(rt, &to->dataobj);
    return 0;
}
static void tee_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    tee_clear(rt, o);
    rh__object_free(rt, o, sizeof(teeobj));
}
void rh__type_init_it_tee(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools._tee", sizeof(teeobj), tee_dealloc, tee_traverse, tee_clear, tee_next, 0);
    t->weaklistoffset = offsetof(teeobj, weakreflist);
    t->flags |= RH_TPFLAG_WEAKREFABLE;
}

/* ---------------------------------------------------------------- zip_longest */

typedef struct {
    rh_object ob;
    int64_t tuplesize, numactive;
    rh_object *ittuple, *result, *fillvalue;
} ziplongobj; /* 56 */

/* zip_longest_new: the tuple of iterators, the result tuple of None, then the object */
rh_object *rh_zip_longest_new(rh_runtime *rt, rh_object *const *iterables, size_t n, rh_object *fill) {
    rh_object *itt = rh_tuple_new(rt, n), *result = NULL;
    for (size_t i = 0; itt && i < n; i++) {
        rh_object *it = rh_getiter(rt, iterables[i]);
        if (!it) { rh_decref(rt, itt); return NULL; }
        rh_tuple_set(itt, i, it);
    }
    if (itt) result = rh_tuple_new(rt, n);
    for (size_t i = 0; result && i < n; i++) {
        rh_incref(rh_none(rt));
        rh_tuple_set(result, i, rh_none(rt));
    }
    ziplongobj *lz = result ? (ziplongobj *)(void *)new_gc(rt, RH_K_IT_ZIPLONGEST, sizeof(ziplongobj)) : NULL;
    if (!lz) { rh_xdecref(rt, itt); rh_xdecref(rt, result); return NULL; }
    lz->ittuple = itt;
    lz->tuplesize = lz->numactive = (int64_t)n;
    lz->result = result;
    lz->fillvalue = fill ? fill : rh_none(rt);
    rh_incref(lz->fillvalue);
    rh__gc_track(rt, &lz->ob);
    return &lz->ob;
}
/* one item of iterator i: fillvalue once it is exhausted (its slot then NULL). NULL: all done / error */
static rh_object *ziplong_item(rh_runtime *rt, ziplongobj *lz, size_t i) {
    rh_object *it = rh_tuple_get(lz->ittuple, i), *item;
    if (!it) { rh_incref(lz->fillvalue); return lz->fillvalue; }
    if ((item = rh_iternext(rt, it))) return item;
    lz->numactive--;
    if (lz->numactive == 0 || rh_err_occurred(rt)) { lz->numactive = 0; return NULL; }
    rh_tuple_set(lz->ittuple, i, NULL);
    rh_decref(rt, it);
    rh_incref(lz->fillvalue);
    return lz->fillvalue;
}
static rh_object *ziplong_next(rh_runtime *rt, rh_object *o) {
    ziplongobj *lz = (ziplongobj *)(void *)o;
    size_t n = (size_t)lz->tuplesize;
    if (n == 0 || lz->numactive == 0) return NULL;
    rh_object *result = lz->result;
    if (result->refcnt == 1) {
        rh_incref(result);
        for (size_t i = 0; i < n; i++) {
            rh_object *item = ziplong_item(rt, lz, i);
            if (!item) { rh_decref(rt, result); return NULL; }
            rh_object *old = rh_tuple_get(result, i);
            rh_tuple_set(result, i, item);
            rh_decref(rt, old);
        }
        if (rt->profile->iter_result_retrack && !rh__gc_is_tracked(result)) rh__gc_track(rt, result);
        return result;
    }
    if (!(result = rh_tuple_new(rt, n))) return NULL;
    for (size_t i = 0; i < n; i++) {
        rh_object *item = ziplong_item(rt, lz, i);
        if (!item) { rh_decref(rt, result); return NULL; }
        rh_tuple_set(result, i, item);
    }
    return result;
}
static int ziplong_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    ziplongobj *lz = (ziplongobj *)(void *)o;
    VISIT(lz->ittuple);
    VISIT(lz->result);
    VISIT(lz->fillvalue);
    return 0;
}
static int ziplong_clear(rh_runtime *rt, rh_object *o) {
    ziplongobj *lz = (ziplongobj *)(void *)o;
    clear_slot(rt, &lz->ittuple);
    clear_slot(rt, &lz->result);
    clear_slot(rt, &lz->fillvalue);
    return 0;
}
static void ziplong_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    ziplong_clear(rt, o);
    rh__object_free(rt, o, sizeof(ziplongobj));
}
void rh__type_init_it_ziplongest(rh_runtime *rt, rh_type *t) {
    (void)rt;
    iter_type(t, "itertools.zip_longest", sizeof(ziplongobj), ziplong_dealloc, ziplong_traverse, ziplong_clear, ziplong_next, 1);
}
