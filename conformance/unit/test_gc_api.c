/* test_gc_api.c — the gc module API (reference/src/gc_api.c) against CPython 3.11 Modules/gcmodule.c
 * (gc_freeze_impl, gc_get_referents/referrers, gc_get_objects_impl, invoke_gc_callback, gc_get_stats_impl,
 * gc_is_tracked) and results measured on /usr/bin/python3 (3.11.2). */
#include "gc_test_util.h"

/* gc.freeze moves every generation into the permanent one (counts zeroed); frozen cycles are not
 * collected until gc.unfreeze puts them back into generation 2. */
RH_TEST(freeze_unfreeze_and_freeze_count) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    int64_t base = (int64_t)rt->gc.tracked;
    rh_object *keep = rh_list_new(rt, 0);
    gct_dead_list_cycle(rt);
    rh_gc_freeze(rt);
    int c[3];
    rh_gc_get_count(rt, c);
    RH_CHECK(c[0] == 0 && c[1] == 0 && c[2] == 0);
    RH_CHECK_EQ_I(rh_gc_get_freeze_count(rt), base + 3);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 0);
    rh_object *objs = rh_gc_get_objects(rt, -1);
    RH_CHECK_EQ_U(rh_list_len(objs), 0);
    rh_decref(rt, objs);
    rh_gc_unfreeze(rt);
    RH_CHECK_EQ_I(rh_gc_get_freeze_count(rt), 0);
    RH_CHECK(gct_tracked_in(rt, 2, keep));
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 2);
    GCT_CHECK_INVARIANTS(rt);
    rh_decref(rt, keep);
    gct_free(rt);
}

/* gc.get_referents: tp_traverse of the object; gc.get_referrers: every object of generations 0-2
 * whose tp_traverse reaches it (the result list itself excluded). */
RH_TEST(get_referents_and_get_referrers) {
    rh_runtime *rt = gct_new("py311");
    rh_object *a = rh_list_new(rt, 0), *b = rh_list_new(rt, 0), *n = rh_int_from_i64(rt, 5000);
    rh_object *l = rh_list_new(rt, 0), *m = rh_list_new(rt, 0);
    rh_list_append(rt, l, a);
    rh_list_append(rt, l, n);
    rh_list_append(rt, l, b);
    rh_list_append(rt, m, a);
    rh_object *refs = rh_gc_get_referents(rt, l);
    RH_CHECK_EQ_U(rh_list_len(refs), 3);
    /* list_traverse visits items last to first: gc.get_referents([a, n, b]) == [b, n, a] (3.11) */
    RH_CHECK(rh_list_get(refs, 0) == b && rh_list_get(refs, 1) == n && rh_list_get(refs, 2) == a);
    rh_decref(rt, refs);
    refs = rh_gc_get_referents(rt, n); /* not a GC object: nothing */
    RH_CHECK_EQ_U(rh_list_len(refs), 0);
    rh_decref(rt, refs);
    rh_object *who = rh_gc_get_referrers(rt, a);
    RH_CHECK_EQ_U(rh_list_len(who), 2);
    RH_CHECK(rh_list_get(who, 0) == l && rh_list_get(who, 1) == m);
    rh_decref(rt, who);
    who = rh_gc_get_referrers(rt, m);
    RH_CHECK_EQ_U(rh_list_len(who), 0);
    rh_decref(rt, who);
    rh_decref(rt, l); rh_decref(rt, m); rh_decref(rt, a); rh_decref(rt, b); rh_decref(rt, n);
    gct_free(rt);
}

/* gc.get_objects(generation) (3.8+): one generation or all, never the result list; ValueError texts. */
RH_TEST(get_objects_by_generation) {
    rh_runtime *rt = gct_new("py311");
    rh_object *old = rh_list_new(rt, 0);
    rh_gc_collect(rt, 2);
    rh_object *young = rh_list_new(rt, 0);
    rh_object *g0 = rh_gc_get_objects(rt, 0);
    RH_CHECK_EQ_U(rh_list_len(g0), 1);
    RH_CHECK(rh_list_get(g0, 0) == young);
    rh_object *g2 = rh_gc_get_objects(rt, 2);
    int found = 0;
    for (size_t i = 0; i < rh_list_len(g2); i++) found += rh_list_get(g2, i) == old;
    RH_CHECK_EQ_I(found, 1);
    RH_CHECK(rh_gc_get_objects(rt, 3) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "generation parameter must be less than the number of available generations (3)");
    rh_err_clear(rt);
    RH_CHECK(rh_gc_get_objects(rt, -2) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "generation parameter cannot be negative");
    rh_err_clear(rt);
    rh_decref(rt, g0); rh_decref(rt, g2); rh_decref(rt, old); rh_decref(rt, young);
    gct_free(rt);
}

/* gc.callbacks (invoke_gc_callback): cb("start", {generation, 0, 0}) then cb("stop", {generation,
 * collected, uncollectable}), also for automatic collections; failures are unraisable. */
RH_TEST(callbacks_get_start_and_stop_with_info) {
    rh_runtime *rt = gct_new("py311");
    rh_object *cb = rh_list_new(rt, 0); /* any object: the test caller records identities */
    rh_list_append(rt, rh_gc_callbacks(rt), cb);
    gct_dead_list_cycle(rt);
    S.ncalls = 0;
    RH_CHECK_EQ_I(rh_gc_collect(rt, 1), 2);
    RH_CHECK_EQ_I(S.ncalls, 2);
    RH_CHECK(S.call_fn[0] == cb && S.call_fn[1] == cb);
    RH_CHECK_STR(S.phase[0], "start");
    RH_CHECK(S.info[0][0] == 1 && S.info[0][1] == 0 && S.info[0][2] == 0);
    RH_CHECK_STR(S.phase[1], "stop");
    RH_CHECK(S.info[1][0] == 1 && S.info[1][1] == 2 && S.info[1][2] == 0);
    S.fail_calls = 1;
    rh_gc_collect(rt, 0);
    RH_CHECK_EQ_I(S.nunraisable, 2);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_NONE);
    S.fail_calls = 0;
    rh_list_clear(rt, rh_gc_callbacks(rt));
    rh_decref(rt, cb);
    gct_free(rt);
}

/* gc.get_stats: 3 dicts {collections, collected, uncollectable}, in that key order. */
RH_TEST(get_stats_reports_per_generation_totals) {
    rh_runtime *rt = gct_new("py311");
    gct_dead_list_cycle(rt);
    rh_gc_collect(rt, 0);
    rh_gc_collect(rt, 2);
    rh_object *st = rh_gc_get_stats(rt);
    RH_CHECK_EQ_U(rh_list_len(st), 3);
    rh_object *d0 = rh_list_get(st, 0);
    RH_CHECK_EQ_I(gct_int(rt, d0, "collections"), 1);
    RH_CHECK_EQ_I(gct_int(rt, d0, "collected"), 2);
    RH_CHECK_EQ_I(gct_int(rt, d0, "uncollectable"), 0);
    RH_CHECK_EQ_I(gct_int(rt, rh_list_get(st, 1), "collections"), 0);
    RH_CHECK_EQ_I(gct_int(rt, rh_list_get(st, 2), "collections"), 1);
    size_t pos = 0;
    rh_object *k, *v;
    const char *order[3] = {"collections", "collected", "uncollectable"};
    for (int i = 0; i < 3; i++) {
        RH_CHECK(rh_dict_next(d0, &pos, &k, &v));
        RH_CHECK(rh_str_eq_cstr(k, order[i]));
    }
    rh_decref(rt, st);
    gct_free(rt);
}

/* gc.is_tracked (gc_is_tracked; measured on 3.11.2): False for ints, (), {}, {'a': 1}; True for [], {'a':
 * []}. */
RH_TEST(is_tracked_matches_3_11) {
    rh_runtime *rt = gct_new("py311");
    rh_object *n = rh_int_from_i64(rt, 7), *l = rh_list_new(rt, 0), *d = rh_dict_new(rt), *d2 = rh_dict_new(rt);
    rh_dict_set_cstr(rt, d, "a", n);
    rh_dict_set_cstr(rt, d2, "a", l);
    RH_CHECK(!rh_gc_is_tracked(n));
    RH_CHECK(!rh_gc_is_tracked(rh_empty_tuple(rt)));
    RH_CHECK(!rh_gc_is_finalized(rh_empty_tuple(rt)));
    RH_CHECK(rh_gc_is_tracked(l));
    RH_CHECK(!rh_gc_is_tracked(d));
    RH_CHECK(rh_gc_is_tracked(d2));
    RH_CHECK(!rh_gc_is_finalized(l));
    rh_decref(rt, d2); rh_decref(rt, d); rh_decref(rt, l); rh_decref(rt, n);
    gct_free(rt);
}

/* debug flags round-trip; DEBUG_LEAK = COLLECTABLE | UNCOLLECTABLE | SAVEALL (38). */
RH_TEST(debug_flags_round_trip) {
    rh_runtime *rt = gct_new("py311");
    RH_CHECK_EQ_I(RH_GC_DEBUG_LEAK, RH_GC_DEBUG_COLLECTABLE | RH_GC_DEBUG_UNCOLLECTABLE | RH_GC_DEBUG_SAVEALL);
    rh_gc_set_debug(rt, RH_GC_DEBUG_STATS);
    RH_CHECK_EQ_I(rh_gc_get_debug(rt), 1);
    rh_gc_set_debug(rt, 0);
    gct_free(rt);
}

static char out_buf[4096];
static void capture_output(void *ctx, const char *text) {
    (void)ctx;
    strncat(out_buf, text, sizeof out_buf - strlen(out_buf) - 1);
}

/* DEBUG_STATS / DEBUG_COLLECTABLE lines (gc_collect_main, debug_cycle) in CPython's wording, through
 * hooks.output (the library never prints). */
RH_TEST(debug_lines_go_to_the_output_hook) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    rt->hooks.output = capture_output;
    out_buf[0] = '\0';
    rh_object *l = rh_list_new(rt, 0);
    rh_list_append(rt, l, l);
    rh_decref(rt, l);
    rh_gc_set_debug(rt, RH_GC_DEBUG_STATS | RH_GC_DEBUG_COLLECTABLE);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 0), 1);
    rh_gc_set_debug(rt, 0);
    RH_CHECK(strstr(out_buf, "gc: collecting generation 0...\ngc: objects in each generation: 1 0 ") == out_buf);
    RH_CHECK(strstr(out_buf, "gc: collectable <list 0x") != NULL);
    RH_CHECK(strstr(out_buf, "gc: done, 1 unreachable, 0 uncollectable, ") != NULL);
    rt->hooks.output = NULL;
    gct_free(rt);
}

/* The pause ring keeps the newest 256 records (oldest first) when nobody takes them. */
RH_TEST(pause_ring_keeps_the_newest_records) {
    rh_runtime *rt = gct_new("py311");
    static rh_gc_pause p[300];
    rh_gc_take_pauses(rt, p, 300);
    for (int i = 0; i < 300; i++) rh_gc_collect(rt, i % 3);
    size_t n = rh_gc_take_pauses(rt, p, 300);
    RH_CHECK_EQ_U(n, 256);
    RH_CHECK_EQ_I(p[0].generation, 44 % 3);  /* records 44..299 survive */
    RH_CHECK_EQ_I(p[255].generation, 299 % 3);
    for (size_t i = 1; i < n; i++) RH_CHECK(p[i].start_ns >= p[i - 1].start_ns);
    gct_free(rt);
}

RH_TEST_MAIN()
