/* test_failinject.c — the fault-injection decorator (rh_allocator_failinject, refheap/alloc.h) and the
 * MemoryError paths it exists to test.
 *
 * CPython facts pinned: an allocation failure inside object creation surfaces as MemoryError
 * (PyErr_NoMemory) and leaves the interpreter usable; nothing allocated on the failed path is leaked
 * (Objects/listobject.c list_resize, Objects/dictobject.c insertion_resize both return -1 with the
 * object unchanged). The decorator itself is modelled on Lua's ltests.c Memcontrol (fail-next, limits).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/refheap.h"
#include "rh_test.h"

#ifdef __SANITIZE_ADDRESS__
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

#pragma weak rh_int_from_i64
#pragma weak rh_list_new
#pragma weak rh_list_append
#pragma weak rh_list_len
#pragma weak rh_dict_new
#pragma weak rh_dict_set
#pragma weak rh_dict_len

/* ---------------------------------------------------------------- helpers */

static rh_allocator make_fi(const char *inner_name, uint64_t nth, uint64_t limit, int sticky) {
    rh_allocator inner, fi;
    char err[256];
    memset(&fi, 0, sizeof fi);
    if (rh_allocator_create(&inner, inner_name, NULL, err, sizeof err) != 0) return fi;
    rh_failinject_config cfg = {nth, limit, sticky};
    if (rh_allocator_failinject(&fi, &inner, &cfg) != 0) memset(&fi, 0, sizeof fi);
    return fi;
}

static rh_failinject_counts counts(const rh_allocator *fi) {
    rh_failinject_counts c;
    rh_failinject_get(fi, &c);
    return c;
}

static void arm(rh_allocator *fi, uint64_t nth, uint64_t limit, int sticky) {
    rh_failinject_config cfg = {nth, limit, sticky};
    rh_failinject_set(fi, &cfg);
}

/* An outer decorator owned by the runtime: when the runtime destroys its allocator, this reads the
 * failinject counts first, so a test can see what was still live at teardown. */
typedef struct observer {
    rh_allocator fi;
    rh_failinject_counts at_destroy;
    int destroyed;
} observer;
static void *ob_malloc(void *c, size_t n) { observer *o = c; return o->fi.malloc(o->fi.ctx, n); }
static void *ob_calloc(void *c, size_t a, size_t b) { observer *o = c; return o->fi.calloc(o->fi.ctx, a, b); }
static void *ob_realloc(void *c, void *p, size_t os, size_t ns) { observer *o = c; return o->fi.realloc(o->fi.ctx, p, os, ns); }
static void ob_free(void *c, void *p, size_t n) { observer *o = c; o->fi.free(o->fi.ctx, p, n); }
static void ob_destroy(void *c) {
    observer *o = c;
    rh_failinject_get(&o->fi, &o->at_destroy);
    o->destroyed = 1;
    rh_allocator_destroy(&o->fi);
}

/* A runtime on observer(failinject(pymalloc)), armed with nothing. */
static rh_runtime *observed_runtime(observer *o) {
    memset(o, 0, sizeof *o);
    o->fi = make_fi("pymalloc", 0, 0, 0);
    if (!o->fi.malloc) return NULL;
    rh_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.allocator = (rh_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof(rh_allocator), "observer", o,
                                   ob_malloc, ob_calloc, ob_realloc, ob_free, NULL, NULL, ob_destroy};
    char err[256];
    return rh_runtime_new(&cfg, err, sizeof err);
}

static int have_objects(void) {
    return rh_int_from_i64 && rh_list_new && rh_list_append && rh_list_len && rh_dict_new && rh_dict_set &&
           rh_dict_len;
}

/* ---------------------------------------------------------------- the decorator alone */

RH_TEST(fails_exactly_the_nth_request) {
    rh_allocator fi = make_fi("malloc", 3, 0, 0);
    RH_CHECK(fi.malloc);
    void *p1 = fi.malloc(fi.ctx, 10), *p2 = fi.malloc(fi.ctx, 10);
    void *p3 = fi.malloc(fi.ctx, 10), *p4 = fi.malloc(fi.ctx, 10);
    RH_CHECK(p1 && p2 && !p3 && p4);
    rh_failinject_counts c = counts(&fi);
    RH_CHECK_EQ_U(c.requests, 4);
    RH_CHECK_EQ_U(c.failures, 1);
    RH_CHECK_EQ_U(c.live_blocks, 3);
    RH_CHECK_EQ_U(c.live_bytes, 30);
    fi.free(fi.ctx, p1, 10);
    fi.free(fi.ctx, p2, 10);
    fi.free(fi.ctx, p4, 10);
    RH_CHECK_EQ_U(counts(&fi).live_blocks, 0);
    rh_allocator_destroy(&fi);
}

RH_TEST(sticky_fails_every_request_after_the_nth) {
    rh_allocator fi = make_fi("malloc", 2, 0, 1);
    RH_CHECK(fi.malloc);
    void *p = fi.malloc(fi.ctx, 8);
    RH_CHECK(p);
    RH_CHECK(fi.malloc(fi.ctx, 8) == NULL);
    RH_CHECK(fi.calloc(fi.ctx, 1, 8) == NULL);
    RH_CHECK(fi.realloc(fi.ctx, p, 8, 16) == NULL); /* p still ours */
    RH_CHECK(fi.malloc(fi.ctx, 0) == NULL);
    RH_CHECK_EQ_U(counts(&fi).failures, 4);
    arm(&fi, 0, 0, 0); /* disarmed: counters kept */
    void *q = fi.realloc(fi.ctx, p, 8, 16);
    RH_CHECK(q);
    rh_failinject_counts c = counts(&fi);
    RH_CHECK_EQ_U(c.requests, 6);
    RH_CHECK_EQ_U(c.failures, 4);
    RH_CHECK_EQ_U(c.live_bytes, 16);
    fi.free(fi.ctx, q, 16);
    rh_allocator_destroy(&fi);
}

RH_TEST(rearming_counts_from_the_set_call) {
    rh_allocator fi = make_fi("malloc", 0, 0, 0);
    RH_CHECK(fi.malloc);
    void *p[12];
    for (int i = 0; i < 10; i++) RH_CHECK((p[i] = fi.malloc(fi.ctx, 32)) != NULL);
    arm(&fi, 2, 0, 0);
    RH_CHECK((p[10] = fi.malloc(fi.ctx, 32)) != NULL);
    RH_CHECK(fi.malloc(fi.ctx, 32) == NULL);
    RH_CHECK((p[11] = fi.malloc(fi.ctx, 32)) != NULL);
    RH_CHECK_EQ_U(counts(&fi).requests, 13);
    for (int i = 0; i < 12; i++) fi.free(fi.ctx, p[i], 0);
    rh_allocator_destroy(&fi);
}

RH_TEST(byte_limit_refuses_growth_past_the_limit) {
    rh_allocator fi = make_fi("malloc", 0, 1000, 0);
    RH_CHECK(fi.malloc);
    char *a = fi.malloc(fi.ctx, 600);
    RH_CHECK(a);
    RH_CHECK(fi.malloc(fi.ctx, 500) == NULL);
    char *b = fi.malloc(fi.ctx, 400);
    RH_CHECK(b); /* exactly at the limit */
    memset(b, 'x', 400);
    RH_CHECK(fi.realloc(fi.ctx, b, 400, 401) == NULL);
    RH_CHECK(b[399] == 'x'); /* a failed realloc leaves the block alone */
    char *c = fi.realloc(fi.ctx, b, 400, 100); /* shrinking is never refused */
    RH_CHECK(c && c[99] == 'x');
    RH_CHECK(fi.calloc(fi.ctx, 301, 1) == NULL);
    RH_CHECK(fi.calloc(fi.ctx, SIZE_MAX / 2, 4) == NULL); /* overflow: refused, not counted as injected */
    rh_failinject_counts k = counts(&fi);
    RH_CHECK_EQ_U(k.live_bytes, 700);
    RH_CHECK_EQ_U(k.failures, 3);
    fi.free(fi.ctx, a, 600);
    char *d = fi.malloc(fi.ctx, 500);
    RH_CHECK(d);
    fi.free(fi.ctx, c, 100);
    fi.free(fi.ctx, d, 500);
    RH_CHECK_EQ_U(counts(&fi).live_bytes, 0);
    rh_allocator_destroy(&fi);
}

/* The header records the requested size, so counts are exact when callers free with size 0. */
RH_TEST(live_counts_are_exact_when_sizes_are_unknown) {
    rh_allocator fi = make_fi("pymalloc", 0, 0, 0);
    RH_CHECK(fi.malloc);
    void *a = fi.malloc(fi.ctx, 100), *b = fi.calloc(fi.ctx, 20, 10);
    RH_CHECK(a && b);
    fi.free(fi.ctx, a, 0);
    RH_CHECK_EQ_U(counts(&fi).live_bytes, 200);
    b = fi.realloc(fi.ctx, b, 0, 50);
    RH_CHECK(b);
    rh_failinject_counts c = counts(&fi);
    RH_CHECK_EQ_U(c.live_bytes, 50);
    RH_CHECK_EQ_U(c.live_blocks, 1);
    rh_allocator_stats s;
    memset(&s, 0, sizeof s);
    s.struct_size = sizeof s;
    RH_CHECK(fi.stats(fi.ctx, &s) == 0);
    RH_CHECK_EQ_U(s.allocs, 2);
    RH_CHECK_EQ_U(s.frees, 1);
    RH_CHECK_EQ_U(s.bytes_requested, 50);
    fi.free(fi.ctx, b, 0);
    rh_allocator_destroy(&fi);
}

static int inner_destroyed;
static void *tiny_malloc(void *c, size_t n) { (void)c; return malloc(n); }
static void *tiny_calloc(void *c, size_t a, size_t b) { (void)c; return calloc(a, b); }
static void *tiny_realloc(void *c, void *p, size_t o, size_t n) { (void)c; (void)o; return realloc(p, n); }
static void tiny_free(void *c, void *p, size_t n) { (void)c; (void)n; free(p); }
static void tiny_destroy(void *c) { (void)c; inner_destroyed++; }

RH_TEST(destroy_destroys_the_inner_allocator_once) {
    rh_allocator inner = {RH_ALLOCATOR_ABI_VERSION, sizeof(rh_allocator), "tiny", NULL, tiny_malloc,
                          tiny_calloc, tiny_realloc, tiny_free, NULL, NULL, tiny_destroy};
    rh_allocator fi;
    inner_destroyed = 0;
    RH_CHECK(rh_allocator_failinject(&fi, &inner, NULL) == 0);
    RH_CHECK(inner.destroy == NULL); /* ownership moved: the caller's copy is cleared */
    RH_CHECK_STR(fi.name, "failinject(tiny)");
    RH_CHECK(fi.trim == NULL);       /* mirrors the inner allocator's optional callbacks */
    rh_allocator_destroy(&fi);
    RH_CHECK_EQ_I(inner_destroyed, 1);
    rh_allocator_destroy(&fi);       /* cleared by the first destroy: a no-op */
    RH_CHECK_EQ_I(inner_destroyed, 1);
}

/* ---------------------------------------------------------------- through a runtime */

/* rh_mem_* turn an injected failure into MemoryError (PyErr_NoMemory); a failed realloc keeps the block;
 * the runtime stays usable; at teardown nothing is live. */
RH_TEST(injected_failure_is_memory_error_and_runtime_stays_usable) {
    static observer o;
    rh_runtime *rt = observed_runtime(&o);
    RH_CHECK(rt);
    arm(&o.fi, 1, 0, 0);
    RH_CHECK(rh_mem_malloc(rt, 64) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    RH_CHECK_STR(rh_exc_name(rh_err_occurred(rt)), "MemoryError");
    rh_err_clear(rt);
    char *p = rh_mem_malloc(rt, 64);
    RH_CHECK(p);
    memset(p, 'k', 64);
    arm(&o.fi, 1, 0, 0);
    RH_CHECK(rh_mem_realloc(rt, p, 64, 4096) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    rh_err_clear(rt);
    RH_CHECK(p[63] == 'k');
    arm(&o.fi, 1, 0, 0);
    RH_CHECK(rh_mem_calloc(rt, 10, 10) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    rh_err_clear(rt);
    rh_mem_free(rt, p, 64);
    RH_CHECK_EQ_U(counts(&o.fi).failures, 3);
    rh_runtime_free(rt);
    RH_CHECK(o.destroyed);
    RH_CHECK_EQ_U(o.at_destroy.live_blocks, 0);
    RH_CHECK_EQ_U(o.at_destroy.live_bytes, 0);
}

/* One workload step: a list of ints and a dict of int keys. Returns 0, or -1 with the error set. */
static int build_objects(rh_runtime *rt) {
    int rc = -1;
    rh_object *l = rh_list_new(rt, 0), *d = l ? rh_dict_new(rt) : NULL;
    if (!l || !d) goto out;
    for (int i = 0; i < 40; i++) {
        rh_object *v = rh_int_from_i64(rt, 100000 + i);
        if (!v) goto out;
        int bad = rh_list_append(rt, l, v) != 0 || rh_dict_set(rt, d, v, v) != 0;
        rh_decref(rt, v);
        if (bad) goto out;
    }
    rc = rh_list_len(l) == 40 && rh_dict_len(d) == 40 ? 0 : -2;
out:
    if (l) rh_decref(rt, l);
    if (d) rh_decref(rt, d);
    return rc;
}

/* Out-of-memory sweep (as CPython's test_memory / Lua's Memcontrol runs): fail request n for every n of
 * a clean run. Each run either succeeds or reports MemoryError; the same runtime then succeeds; nothing
 * is live when the runtime is torn down. */
RH_TEST(oom_sweep_over_object_creation_leaks_nothing) {
    if (!have_objects()) RH_SKIP("list/dict/int constructors are not linked into librefheap yet");
    static observer o;
    rh_runtime *rt = observed_runtime(&o);
    RH_CHECK(rt);
    uint64_t before = counts(&o.fi).requests;
    RH_CHECK_EQ_I(build_objects(rt), 0);
    uint64_t clean = counts(&o.fi).requests - before;
    rh_runtime_free(rt);
    RH_CHECK(clean > 0);
    fprintf(stderr, "a clean run makes %llu allocation requests; failing each in turn\n", (unsigned long long)clean);
    for (uint64_t n = 1; n <= clean; n++) {
        rt = observed_runtime(&o);
        RH_CHECK(rt);
        arm(&o.fi, n, 0, 0);
        int rc = build_objects(rt);
        uint64_t failed = counts(&o.fi).failures;
        RH_CHECK_MSG(rc != -2, "n=%llu: lengths wrong after success", (unsigned long long)n);
        if (failed) {
            RH_CHECK_MSG(rc == -1 && rh_err_occurred(rt) == RH_EXC_MEMORY,
                         "n=%llu: injected failure surfaced as rc %d, error %d", (unsigned long long)n, rc,
                         (int)rh_err_occurred(rt));
            rh_err_clear(rt);
        } else {
            RH_CHECK_EQ_I(rc, 0); /* the failure landed on a freelist hit: no allocation, no error */
        }
        RH_CHECK_MSG(build_objects(rt) == 0, "n=%llu: runtime unusable after MemoryError", (unsigned long long)n);
        rh_runtime_free(rt);
        RH_CHECK_MSG(o.at_destroy.live_blocks == 0, "n=%llu: %llu blocks live at teardown",
                     (unsigned long long)n, (unsigned long long)o.at_destroy.live_blocks);
    }
}

RH_TEST_MAIN()
