/* gc_api.c — the gc module's API (refheap/gc.h) over the collector: collect with callbacks, enable /
 * thresholds / counts, get_objects / get_referents / get_referrers, freeze, stats, debug flags,
 * gc.garbage and gc.callbacks, the interpreter's caller hook and the pause records.
 *
 * Owns: rt->gc.garbage, rt->gc.callbacks (lists created on first use, dropped by rh__gc_fini),
 * rt->gc.call_fn/call_ctx, the pause ring rt->gc.pauses[pause_first .. pause_first+pause_n) (oldest
 * first; when full the oldest record is overwritten), and the enabled / debug / threshold fields.
 * Semantics follow CPython 3.11 Modules/gcmodule.c (gc_collect_impl, invoke_gc_callback, gc_get_*_impl).
 * Design: docs/gc.md §API.
 */
#include "gc_internal.h"

#define PAUSE_CAP (sizeof(((rh_gc_state *)0)->pauses) / sizeof(rh_gc_pause))

/* ---------------------------------------------------------------- hooks and lists */

void rh_gc_set_caller(rh_runtime *rt, rh_call_fn fn, void *ctx) {
    rt->gc.call_fn = fn;
    rt->gc.call_ctx = ctx;
}

void rh_gc_set_caller1(rh_runtime *rt, rh_call1_fn fn) { rt->gc.call1_fn = fn; }

/* Without a caller (an embedder that runs no Python code, or teardown) callbacks are skipped. */
int rh__gc_call(rh_runtime *rt, rh_object *fn, rh_object *args_tuple) {
    if (!rt->gc.call_fn) return 0;
    return rt->gc.call_fn(rt->gc.call_ctx, rt, fn, args_tuple);
}

/* fn(arg) as PyObject_CallOneArg: through the one-argument hook when there is one, else a 1-tuple */
int rh__gc_call1(rh_runtime *rt, rh_object *fn, rh_object *arg) {
    if (!rt->gc.call_fn) return 0;
    if (rt->gc.call1_fn) return rt->gc.call1_fn(rt->gc.call_ctx, rt, fn, arg);
    rh_object *args = rh_tuple_pack(rt, 1, arg);
    if (!args) return -1;
    int rc = rt->gc.call_fn(rt->gc.call_ctx, rt, fn, args);
    rh_decref(rt, args);
    return rc;
}

static rh_object *lazy_list(rh_runtime *rt, rh_object **slot) {
    if (!*slot) *slot = rh_list_new(rt, 0);
    return *slot;
}

rh_object *rh__gc_garbage_list(rh_runtime *rt) { return lazy_list(rt, &rt->gc.garbage); }
rh_object *rh_gc_garbage(rh_runtime *rt) { return lazy_list(rt, &rt->gc.garbage); }
rh_object *rh_gc_callbacks(rh_runtime *rt) { return lazy_list(rt, &rt->gc.callbacks); }

/* Teardown: the interpreter behind the hooks may be gone, so no __del__, callback or report runs while
 * gc.garbage and gc.callbacks are dropped (their contents may still be freed by refcounting). */
void rh__gc_fini(rh_runtime *rt) {
    rt->gc.call_fn = NULL;
    rt->gc.call1_fn = NULL;
    rt->gc.call_ctx = NULL;
    rt->gc.finalizing = 1;
    rt->gc.debug = 0; /* DEBUG_SAVEALL would park the last garbage in a gc.garbage nobody frees */
    memset(&rt->hooks, 0, sizeof rt->hooks);
    rh_object *g = rt->gc.garbage, *c = rt->gc.callbacks;
    rt->gc.garbage = rt->gc.callbacks = NULL;
    rh_xdecref(rt, g);
    rh_xdecref(rt, c);
}

/* ---------------------------------------------------------------- collect with callbacks */

/* {generation, collected, uncollectable} as Py_BuildValue("{sisnsn}") builds it. New reference. */
static rh_object *callback_info(rh_runtime *rt, int generation, int64_t collected, int64_t uncollectable) {
    static const char *const keys[3] = {"generation", "collected", "uncollectable"};
    int64_t vals[3] = {generation, collected, uncollectable};
    rh_object *info = rh_dict_new(rt);
    for (int i = 0; info && i < 3; i++) {
        rh_object *v = rh_int_from_i64(rt, vals[i]);
        int rc = v ? rh_dict_set_cstr(rt, info, keys[i], v) : -1;
        rh_xdecref(rt, v);
        if (rc < 0) {
            rh_decref(rt, info);
            info = NULL;
        }
    }
    return info;
}

static void call_one_callback(rh_runtime *rt, rh_object *cb, const char *phase, rh_object *info) {
    rh_object *args = rh_tuple_new(rt, 2);
    rh_object *ph = args ? rh_str_from_cstr(rt, phase) : NULL;
    if (!ph) {
        rh_xdecref(rt, args);
        rh_err_write_unraisable(rt, cb);
        return;
    }
    rh_tuple_set(args, 0, ph);
    rh_incref(info);
    rh_tuple_set(args, 1, info);
    if (rh__gc_call(rt, cb, args) < 0 || rh_err_occurred(rt)) rh_err_write_unraisable(rt, cb);
    rh_decref(rt, args);
}

/* invoke_gc_callback: each callback of gc.callbacks (re-read every step, it may change) as
 * cb(phase, info); failures are unraisable. */
static void invoke_callbacks(rh_runtime *rt, const char *phase, int generation, int64_t collected,
                             int64_t uncollectable) {
    rh_object *cbs = rt->gc.callbacks;
    if (!cbs || rh_list_len(cbs) == 0) return;
    rh_object *info = callback_info(rt, generation, collected, uncollectable);
    if (!info) {
        rh_err_write_unraisable(rt, NULL);
        return;
    }
    for (size_t i = 0; i < rh_list_len(cbs); i++) {
        rh_object *cb = rh_list_get(cbs, i);
        rh_incref(cb);
        call_one_callback(rt, cb, phase, info);
        rh_decref(rt, cb);
    }
    rh_decref(rt, info);
}

int64_t rh__gc_collect_with_callback(rh_runtime *rt, int generation) {
    int64_t collected = 0, uncollectable = 0;
    invoke_callbacks(rt, "start", generation, 0, 0);
    int64_t n = rh__gc_collect_main(rt, generation, &collected, &uncollectable);
    invoke_callbacks(rt, "stop", generation, collected, uncollectable);
    return n;
}

int64_t rh_gc_collect(rh_runtime *rt, int generation) {
    if (generation < 0 || generation >= RH_NUM_GENERATIONS) {
        rh_err_set(rt, RH_EXC_VALUE, "invalid generation");
        return -1;
    }
    if (rt->gc.collecting) return 0; /* already collecting: do nothing */
    rt->gc.collecting = 1;
    int64_t n = rh__gc_collect_with_callback(rt, generation);
    rt->gc.collecting = 0;
    return n;
}

/* ---------------------------------------------------------------- switches, counts, thresholds */

void rh_gc_enable(rh_runtime *rt) { rt->gc.enabled = 1; }
void rh_gc_disable(rh_runtime *rt) { rt->gc.enabled = 0; }
int rh_gc_isenabled(rh_runtime *rt) { return rt->gc.enabled; }

void rh_gc_startup_begin(rh_runtime *rt, rh_gc_startup *save) {
    save->count0 = rt->gc.gen[0].count;
    save->enabled = rt->gc.enabled;
    rt->gc.enabled = 0; /* gc_collect_main is not entered from the allocations */
}
void rh_gc_startup_end(rh_runtime *rt, const rh_gc_startup *save) {
    rt->gc.gen[0].count = save->count0;
    rt->gc.enabled = save->enabled;
}
void rh_gc_set_debug(rh_runtime *rt, int flags) { rt->gc.debug = flags; }
int rh_gc_get_debug(rh_runtime *rt) { return rt->gc.debug; }

void rh_gc_get_count(rh_runtime *rt, int out[3]) {
    for (int i = 0; i < RH_NUM_GENERATIONS; i++) out[i] = rt->gc.gen[i].count;
}

void rh_gc_get_threshold(rh_runtime *rt, int out[3]) {
    for (int i = 0; i < RH_NUM_GENERATIONS; i++) out[i] = rt->gc.gen[i].threshold;
}

void rh_gc_set_threshold(rh_runtime *rt, int t0, int t1, int t2) {
    int t[3] = {t0, t1, t2};
    for (int i = 0; i < RH_NUM_GENERATIONS; i++)
        if (t[i] != -1) rt->gc.gen[i].threshold = t[i];
}

/* () is a static singleton that is never tracked: answer without trusting its GC head (an empty instance
 * of a tuple subclass has one). */
static int is_gc_with_head(rh_object *o) {
    if (!rh_is_gc(o)) return 0;
    return !(o->type->kind == RH_K_TUPLE && ((rh_varobject *)o)->size == 0 && !(o->type->flags & RH_TPFLAG_HEAPTYPE));
}

int rh_gc_is_tracked(rh_object *o) { return is_gc_with_head(o) && rh_as_gc(o)->gc_next != 0; }
int rh_gc_move_to_generation(rh_runtime *rt, rh_object *o, int generation) {
    if (!rh_gc_is_tracked(o) || generation < 0 || generation >= RH_NUM_GENERATIONS || rt->gc.collecting) return -1;
    rh__gcl_move(rh_as_gc(o), rh__gc_gen_head(rt, generation));
    return 0;
}
int rh_gc_is_finalized(rh_object *o) {
    return is_gc_with_head(o) && (rh_as_gc(o)->gc_prev & RH_GC_PREV_FINALIZED) != 0;
}

/* ---------------------------------------------------------------- object queries */

/* Append every object of `list` except `result` itself; 0 or -1. */
static int append_objects(rh_runtime *rt, rh_object *result, rh_gchead *list) {
    for (rh_gchead *g = rh__gcl_next(list); g != list; g = rh__gcl_next(g)) {
        rh_object *op = rh__gc_obj(g);
        if (op != result && rh_list_append(rt, result, op) < 0) return -1;
    }
    return 0;
}

rh_object *rh_gc_get_objects(rh_runtime *rt, int generation) {
    if (generation >= RH_NUM_GENERATIONS) {
        rh_err_set(rt, RH_EXC_VALUE,
                   "generation parameter must be less than the number of available generations (%d)",
                   RH_NUM_GENERATIONS);
        return NULL;
    }
    if (generation < -1) {
        rh_err_set(rt, RH_EXC_VALUE, "generation parameter cannot be negative");
        return NULL;
    }
    rh_object *result = rh_list_new(rt, 0);
    if (!result) return NULL;
    int lo = generation == -1 ? 0 : generation, hi = generation == -1 ? RH_NUM_GENERATIONS - 1 : generation;
    for (int i = lo; i <= hi; i++) {
        if (append_objects(rt, result, rh__gc_gen_head(rt, i)) < 0) {
            rh_decref(rt, result);
            return NULL;
        }
    }
    return result;
}

typedef struct referents_ctx { rh_runtime *rt; rh_object *list; } referents_ctx;

static int referents_visit(rh_object *o, void *arg) {
    referents_ctx *c = arg;
    return rh_list_append(c->rt, c->list, o) < 0;
}

rh_object *rh_gc_get_referents(rh_runtime *rt, rh_object *o) {
    rh_object *result = rh_list_new(rt, 0);
    if (!result) return NULL;
    if (!rh_is_gc(o) || !o->type->traverse) return result;
    referents_ctx c = {rt, result};
    if (o->type->traverse(o, referents_visit, &c)) {
        rh_decref(rt, result);
        return NULL;
    }
    return result;
}

static int referrers_visit(rh_object *o, void *target) { return o == (rh_object *)target; }

rh_object *rh_gc_get_referrers(rh_runtime *rt, rh_object *o) {
    rh_object *result = rh_list_new(rt, 0);
    if (!result) return NULL;
    for (int i = 0; i < RH_NUM_GENERATIONS; i++) {
        rh_gchead *list = rh__gc_gen_head(rt, i);
        for (rh_gchead *g = rh__gcl_next(list); g != list; g = rh__gcl_next(g)) {
            rh_object *op = rh__gc_obj(g);
            if (op == result || !op->type->traverse) continue;
            if (op->type->traverse(op, referrers_visit, o) && rh_list_append(rt, result, op) < 0) {
                rh_decref(rt, result);
                return NULL;
            }
        }
    }
    return result;
}

/* ---------------------------------------------------------------- freeze */

void rh_gc_freeze(rh_runtime *rt) {
    for (int i = 0; i < RH_NUM_GENERATIONS; i++) {
        rh__gcl_merge(rh__gc_gen_head(rt, i), &rt->gc.permanent.head);
        rt->gc.gen[i].count = 0;
    }
}

void rh_gc_unfreeze(rh_runtime *rt) {
    rh__gcl_merge(&rt->gc.permanent.head, rh__gc_gen_head(rt, RH_NUM_GENERATIONS - 1));
}

int64_t rh_gc_get_freeze_count(rh_runtime *rt) { return rh__gcl_size(&rt->gc.permanent.head); }

/* ---------------------------------------------------------------- stats */

static rh_object *stats_dict(rh_runtime *rt, const rh_gc_gen_stats *st) {
    static const char *const keys[3] = {"collections", "collected", "uncollectable"};
    uint64_t vals[3] = {st->collections, st->collected, st->uncollectable};
    rh_object *d = rh_dict_new(rt);
    for (int i = 0; d && i < 3; i++) {
        rh_object *v = rh_int_from_i64(rt, (int64_t)vals[i]);
        int rc = v ? rh_dict_set_cstr(rt, d, keys[i], v) : -1;
        rh_xdecref(rt, v);
        if (rc < 0) {
            rh_decref(rt, d);
            d = NULL;
        }
    }
    return d;
}

rh_object *rh_gc_get_stats(rh_runtime *rt) {
    rh_gc_gen_stats snap[RH_NUM_GENERATIONS]; /* allocations below may collect: use a snapshot */
    memcpy(snap, rt->gc.stats, sizeof snap);
    rh_object *result = rh_list_new(rt, 0);
    for (int i = 0; result && i < RH_NUM_GENERATIONS; i++) {
        rh_object *d = stats_dict(rt, &snap[i]);
        int rc = d ? rh_list_append(rt, result, d) : -1;
        rh_xdecref(rt, d);
        if (rc < 0) {
            rh_decref(rt, result);
            result = NULL;
        }
    }
    return result;
}

/* ---------------------------------------------------------------- pause records */

void rh__gc_record_pause(rh_runtime *rt, const rh_gc_pause *p) {
    rh_gc_state *gc = &rt->gc;
    if (gc->pause_n < PAUSE_CAP) {
        gc->pauses[(gc->pause_first + gc->pause_n) % PAUSE_CAP] = *p;
        gc->pause_n++;
    } else {
        gc->pauses[gc->pause_first] = *p;
        gc->pause_first = (uint32_t)((gc->pause_first + 1) % PAUSE_CAP);
    }
}

size_t rh_gc_take_pauses(rh_runtime *rt, rh_gc_pause *out, size_t max) {
    rh_gc_state *gc = &rt->gc;
    size_t k = gc->pause_n < max ? gc->pause_n : max;
    for (size_t i = 0; i < k; i++) out[i] = gc->pauses[(gc->pause_first + i) % PAUSE_CAP];
    gc->pause_first = (uint32_t)((gc->pause_first + k) % PAUSE_CAP);
    gc->pause_n -= (uint32_t)k;
    return k;
}
