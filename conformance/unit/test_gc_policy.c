/* test_gc_policy.c — when the collector runs (reference/src/gc_policy.c) against CPython 3.11's
 * _PyObject_GC_Link / gc_collect_generations and 3.12's _Py_ScheduleGC (Modules/gcmodule.c, 3.12; docs/gc.md
 * §Policy). */
#include "gc_test_util.h"

static void collections(rh_runtime *rt, uint64_t out[3]) {
    for (int i = 0; i < 3; i++) out[i] = rt->gc.stats[i].collections;
}

/* _PyObject_GC_Link (3.11): the collection runs inside the allocation that makes count0 > threshold0 (701st
 * of 700). */
RH_TEST(automatic_collection_after_threshold0_plus_1_allocations) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    memset(rt->gc.stats, 0, sizeof rt->gc.stats);
    static rh_object *keep[701];
    int c[3];
    for (int i = 0; i < 700; i++) keep[i] = rh_list_new(rt, 0);
    rh_gc_get_count(rt, c);
    RH_CHECK_EQ_I(c[0], 700);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 0);
    keep[700] = rh_list_new(rt, 0);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 1);
    rh_gc_get_count(rt, c);
    RH_CHECK(c[0] == 0 && c[1] == 1 && c[2] == 0);
    RH_CHECK(!gct_tracked_in(rt, 0, keep[0])); /* promoted to generation 1 */
    RH_CHECK(gct_tracked_in(rt, 1, keep[0]));
    for (int i = 0; i < 701; i++) rh_decref(rt, keep[i]);
    gct_free(rt);
}

/* Measured on 3.11.2: 97,400 kept allocations -> 126 gen0, 11 gen1 and 1 gen2 collections. */
RH_TEST(cadence_of_97400_kept_lists_is_126_11_1) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    memset(rt->gc.stats, 0, sizeof rt->gc.stats);
    enum { N = 97400 };
    rh_object **keep = malloc(N * sizeof *keep);
    for (int i = 0; i < N; i++) keep[i] = rh_list_new(rt, 0);
    uint64_t n[3];
    collections(rt, n);
    RH_CHECK_EQ_U(n[0], 126);
    RH_CHECK_EQ_U(n[1], 11);
    RH_CHECK_EQ_U(n[2], 1);
    for (int i = 0; i < N; i++) rh_decref(rt, keep[i]);
    free(keep);
    gct_free(rt);
}

/* gc_collect_generations: generation 2 is skipped while long_lived_pending < long_lived_total / 4. */
RH_TEST(long_lived_rule_gates_full_collections) {
    rh_runtime *rt = gct_new("py311");
    uint64_t n[3];
    rh_gc_collect(rt, 2);
    memset(rt->gc.stats, 0, sizeof rt->gc.stats);
    rt->gc.gen[1].count = 11;
    rt->gc.gen[2].count = 11;
    rt->gc.long_lived_total = 1000;
    rt->gc.long_lived_pending = 249;
    rt->gc.collecting = 1;
    rh__gc_collect_generations(rt);
    collections(rt, n);
    RH_CHECK(n[0] == 0 && n[1] == 1 && n[2] == 0);
    RH_CHECK_EQ_I(rt->gc.gen[2].count, 12);
    rt->gc.gen[1].count = 11;
    rt->gc.long_lived_pending = 250;
    rh__gc_collect_generations(rt);
    rt->gc.collecting = 0;
    collections(rt, n);
    RH_CHECK(n[0] == 0 && n[1] == 1 && n[2] == 1);
    RH_CHECK_EQ_I(rt->gc.long_lived_pending, 0);
    RH_CHECK_EQ_I(rt->gc.long_lived_total, (int64_t)rh__gcl_size(rh__gc_gen_head(rt, 2)));
    gct_free(rt);
}

/* gc_collect_main: a generation-1 collection adds its survivors to long_lived_pending. */
RH_TEST(generation1_survivors_add_to_long_lived_pending) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    int64_t before = rt->gc.long_lived_pending;
    rh_object *a = rh_list_new(rt, 0), *b = rh_list_new(rt, 0);
    gct_dead_list_cycle(rt);
    rh_gc_collect(rt, 0);
    RH_CHECK_EQ_I(rt->gc.long_lived_pending, before);
    rh_gc_collect(rt, 1);
    RH_CHECK_EQ_I(rt->gc.long_lived_pending, before + 2);
    rh_decref(rt, a);
    rh_decref(rt, b);
    gct_free(rt);
}

/* gc.set_threshold(0) disables automatic collection (_PyObject_GC_Link: threshold0 != 0). */
RH_TEST(threshold0_zero_disables_automatic_collection) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    memset(rt->gc.stats, 0, sizeof rt->gc.stats);
    rh_gc_set_threshold(rt, 0, -1, -1);
    int t[3], c[3];
    rh_gc_get_threshold(rt, t);
    RH_CHECK(t[0] == 0 && t[1] == 10 && t[2] == 10);
    enum { N = 2000 };
    static rh_object *keep[N];
    for (int i = 0; i < N; i++) keep[i] = rh_list_new(rt, 0);
    rh_gc_get_count(rt, c);
    RH_CHECK_EQ_I(c[0], N);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 0);
    for (int i = 0; i < N; i++) rh_decref(rt, keep[i]);
    gct_free(rt);
}

/* gc_collect_generations runs only when enabled: gc.disable() stops automatic collection, counts keep
 * growing, gc.collect() still works. */
RH_TEST(disable_stops_automatic_collection_but_collect_works) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    memset(rt->gc.stats, 0, sizeof rt->gc.stats);
    rh_gc_disable(rt);
    RH_CHECK(!rh_gc_isenabled(rt));
    enum { N = 5000 };
    static rh_object *keep[N];
    int c[3];
    for (int i = 0; i < N; i++) keep[i] = rh_list_new(rt, 0);
    gct_dead_list_cycle(rt);
    rh_gc_get_count(rt, c);
    RH_CHECK_EQ_I(c[0], N + 2);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 0);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 2);
    rh_gc_enable(rt);
    RH_CHECK(rh_gc_isenabled(rt));
    for (int i = 0; i < N; i++) rh_decref(rt, keep[i]);
    gct_free(rt);
}

/* 3.12+ (_Py_ScheduleGC): the allocation only schedules; the collection runs at rh_gc_run_scheduled. */
RH_TEST(py312_schedules_collection_for_the_next_statement) {
    rh_runtime *rt = gct_new("py312");
    rh_gc_collect(rt, 2);
    memset(rt->gc.stats, 0, sizeof rt->gc.stats);
    static rh_object *keep[701];
    for (int i = 0; i < 701; i++) keep[i] = rh_list_new(rt, 0);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 0);
    RH_CHECK(rt->gc.scheduled);
    int c[3];
    rh_gc_get_count(rt, c);
    RH_CHECK_EQ_I(c[0], 701);
    rh_gc_run_scheduled(rt);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 1);
    RH_CHECK(!rt->gc.scheduled);
    rh_gc_run_scheduled(rt); /* nothing pending: no-op */
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 1);
    for (int i = 0; i < 701; i++) rh_decref(rt, keep[i]);
    gct_free(rt);
}

/* gc_collect_impl: generation outside 0..2 -> ValueError "invalid generation", returns -1. */
RH_TEST(collect_rejects_invalid_generation) {
    rh_runtime *rt = gct_new("py311");
    RH_CHECK_EQ_I(rh_gc_collect(rt, 3), -1);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_VALUE);
    RH_CHECK_STR(rh_err_message(rt), "invalid generation");
    rh_err_clear(rt);
    RH_CHECK_EQ_I(rh_gc_collect(rt, -1), -1);
    rh_err_clear(rt);
    gct_free(rt);
}

/* No automatic collection while an error is pending (_PyObject_GC_Link: !_PyErr_Occurred). */
RH_TEST(no_automatic_collection_with_error_pending) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    memset(rt->gc.stats, 0, sizeof rt->gc.stats);
    static rh_object *keep[800];
    for (int i = 0; i < 700; i++) keep[i] = rh_list_new(rt, 0);
    rh_err_set(rt, RH_EXC_VALUE, "pending");
    for (int i = 700; i < 800; i++) keep[i] = rh_list_new(rt, 0);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 0);
    rh_err_clear(rt);
    rh_object *one_more = rh_list_new(rt, 0);
    RH_CHECK_EQ_U(rt->gc.stats[0].collections, 1);
    rh_decref(rt, one_more);
    for (int i = 0; i < 800; i++) rh_decref(rt, keep[i]);
    gct_free(rt);
}

/* gc_collect_generations goes through gc_collect_with_callback: automatic collections run
 * gc.callbacks too, with the generation chosen by the policy. */
RH_TEST(automatic_collections_run_gc_callbacks) {
    rh_runtime *rt = gct_new("py311");
    rh_object *cb = rh_list_new(rt, 0);
    rh_list_append(rt, rh_gc_callbacks(rt), cb);
    rh_gc_collect(rt, 2);
    S.ncalls = 0;
    static rh_object *keep[701];
    for (int i = 0; i < 701; i++) keep[i] = rh_list_new(rt, 0);
    RH_CHECK_EQ_I(S.ncalls, 2);
    RH_CHECK_STR(S.phase[0], "start");
    RH_CHECK_STR(S.phase[1], "stop");
    RH_CHECK_EQ_I(S.info[1][0], 0);
    for (int i = 0; i < 701; i++) rh_decref(rt, keep[i]);
    rh_list_clear(rt, rh_gc_callbacks(rt));
    rh_decref(rt, cb);
    gct_free(rt);
}

RH_TEST_MAIN()
