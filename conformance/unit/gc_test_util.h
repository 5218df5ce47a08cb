/* gc_test_util.h — shared fixtures of the collector's unit tests (test_gc_*.c, test_weakref.c): a runtime
 * with test hooks (call_del records and may resurrect; the caller hook records weakref and gc.callbacks
 * calls), and small graph builders over the public types API. Test-only mutable state lives in S. */
#ifndef GC_TEST_UTIL_H
#define GC_TEST_UTIL_H
#include <stdint.h>
#include <string.h>

#include "gc_internal.h"
#include "refheap/refheap.h"
#include "rh_fixtures.h"
#include "rh_test.h"

#define GCT_LOG 256
typedef struct gct_state {
    rh_runtime *rt;
    int ndel;                      /* __del__ calls */
    rh_object *del_log[GCT_LOG];
    int resurrect;                 /* __del__ keeps a new reference to self in `saved` */
    rh_object *saved;
    int collect_in_del;            /* __del__ calls gc.collect() and stores its result */
    int64_t collect_in_del_result;
    int ncalls;                    /* caller-hook calls */
    rh_object *call_fn[GCT_LOG];
    rh_object *call_arg0[GCT_LOG]; /* borrowed at call time; compare by identity only */
    char phase[GCT_LOG][8];
    int64_t info[GCT_LOG][3];      /* generation, collected, uncollectable of gc.callbacks */
    int fail_calls;                /* caller returns -1 with ValueError */
    rh_object *clear_on_call;      /* a list the next call empties (borrowed) */
    int nunraisable;
} gct_state;
static gct_state S;

static inline int gct_call_del(void *ctx, rh_runtime *rt, rh_object *self) {
    (void)ctx;
    if (S.ndel < GCT_LOG) S.del_log[S.ndel] = self;
    S.ndel++;
    if (S.resurrect) {
        rh_incref(self);
        S.saved = self;
    }
    if (S.collect_in_del) S.collect_in_del_result = rh_gc_collect(rt, 2);
    return 0;
}

static inline int64_t gct_int(rh_runtime *rt, rh_object *d, const char *k) {
    int64_t v = -999;
    rh_object *o = rh_dict_get_cstr(rt, d, k);
    if (o) rh_int_as_i64(rt, o, &v);
    return v;
}

static inline int gct_call(void *ctx, rh_runtime *rt, rh_object *fn, rh_object *args) {
    (void)ctx;
    int i = S.ncalls++;
    if (i >= GCT_LOG) return 0;
    S.call_fn[i] = fn;
    S.call_arg0[i] = rh_tuple_get(args, 0);
    if (rh_tuple_len(args) == 2) { /* gc.callbacks: (phase, info) */
        size_t n = 0;
        const char *p = rh_str_utf8(rt, rh_tuple_get(args, 0), &n);
        snprintf(S.phase[i], sizeof S.phase[i], "%.*s", (int)n, p);
        rh_object *info = rh_tuple_get(args, 1);
        S.info[i][0] = gct_int(rt, info, "generation");
        S.info[i][1] = gct_int(rt, info, "collected");
        S.info[i][2] = gct_int(rt, info, "uncollectable");
    }
    if (S.clear_on_call) {
        rh_object *l = S.clear_on_call;
        S.clear_on_call = NULL;
        rh_list_clear(rt, l);
    }
    if (S.fail_calls) {
        rh_err_set(rt, RH_EXC_VALUE, "callback failed");
        return -1;
    }
    return 0;
}

static inline void gct_unraisable(void *ctx, rh_runtime *rt, rh_exc kind, const char *msg, rh_object *where) {
    (void)ctx; (void)rt; (void)kind; (void)msg; (void)where;
    S.nunraisable++;
}

static inline rh_runtime *gct_new(const char *profile) {
    memset(&S, 0, sizeof S);
    rh_hooks hooks;
    memset(&hooks, 0, sizeof hooks);
    hooks.call_del = gct_call_del;
    hooks.unraisable = gct_unraisable;
    rh_runtime *rt = rh_fx_runtime_new(profile, NULL, &hooks, 0); /* prints the reason when it fails */
    if (!rt) exit(1);
    rh_gc_set_caller(rt, gct_call, NULL);
    S.rt = rt;
    return rt;
}

static inline void gct_free(rh_runtime *rt) {
    if (S.saved) { rh_object *s = S.saved; S.saved = NULL; rh_decref(rt, s); }
    rh_gc_collect(rt, 2); /* leave no cycles behind for the teardown accounting */
    rh__gc_fini(rt);
    rh_runtime_free(rt);
}

/* A class named `name` (no bases); with_del: its namespace defines __del__. New reference. */
static inline rh_object *gct_class(rh_runtime *rt, const char *name, int with_del) {
    rh_object *nm = rh_str_from_cstr(rt, name);
    rh_object *ns = rh_dict_new(rt);
    if (with_del) { /* the value is never called: the call_del hook stands for the method */
        rh_object *v = rh_int_from_i64(rt, 0);
        rh_dict_set_cstr(rt, ns, "__del__", v);
        rh_decref(rt, v);
    }
    rh_object *cls = rh_class_new(rt, nm, rh_empty_tuple(rt), ns);
    rh_decref(rt, nm);
    rh_decref(rt, ns);
    return cls;
}

static inline int gct_setattr(rh_runtime *rt, rh_object *o, const char *name, rh_object *v) {
    rh_object *nm = rh_str_from_cstr(rt, name);
    int rc = rh_setattr(rt, o, nm, v);
    rh_decref(rt, nm);
    return rc;
}

/* a <-> b through lists; both references dropped: one dead 2-cycle. */
static inline void gct_dead_list_cycle(rh_runtime *rt) {
    rh_object *a = rh_list_new(rt, 0), *b = rh_list_new(rt, 0);
    rh_list_append(rt, a, b);
    rh_list_append(rt, b, a);
    rh_decref(rt, a);
    rh_decref(rt, b);
}

static inline int gct_tracked_in(rh_runtime *rt, int gen, rh_object *o) {
    rh_gchead *h = rh__gc_gen_head(rt, gen);
    for (rh_gchead *g = rh__gcl_next(h); g != h; g = rh__gcl_next(g))
        if (rh__gc_obj(g) == o) return 1;
    return 0;
}

#define GCT_CHECK_INVARIANTS(rt) RH_CHECK_MSG(rh__gc_check(rt) == 0, "gc check: %s", rh__gc_check_message(rt))
#endif
