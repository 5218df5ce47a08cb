/* test_gc_collect.c — the collection engine (reference/src/gc.c) against CPython 3.11's gc_collect_main
 * (Modules/gcmodule.c), 2.7's collect(), and results measured on /usr/bin/python3 (3.11.2) and CPython
 * 2.7.15 (docs/gc.md). */
#include "gc_test_util.h"

/* Measured on 3.11.2: a self-referencing list -> gc.collect() returns 1. */
RH_TEST(self_referencing_list_collects_1) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_collect(rt, 2);
    rh_object *l = rh_list_new(rt, 0);
    rh_list_append(rt, l, l);
    rh_decref(rt, l);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 1);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 0);
    GCT_CHECK_INVARIANTS(rt);
    gct_free(rt);
}

/* Measured on 3.11.2: a 2-object cycle of plain instances -> 2 (values inline, no separate dicts). */
RH_TEST(two_instance_cycle_collects_2) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0);
    rh_object *a = rh_instance_new(rt, C), *b = rh_instance_new(rt, C);
    gct_setattr(rt, a, "x", b);
    gct_setattr(rt, b, "x", a);
    rh_gc_collect(rt, 2);
    rh_decref(rt, a);
    rh_decref(rt, b);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 2);
    rh_object *st = rh_gc_get_stats(rt);
    RH_CHECK_EQ_I(gct_int(rt, rh_list_get(st, 2), "collected"), 2);
    rh_decref(rt, st);
    rh_decref(rt, C);
    gct_free(rt);
}

/* move_unreachable: anything reachable from a reference outside the collected set survives. */
RH_TEST(cycle_reachable_from_external_ref_survives) {
    rh_runtime *rt = gct_new("py311");
    rh_object *a = rh_list_new(rt, 0), *b = rh_list_new(rt, 0), *c = rh_list_new(rt, 0);
    rh_list_append(rt, a, b);
    rh_list_append(rt, b, a);
    rh_list_append(rt, b, c);
    rh_decref(rt, b);
    rh_decref(rt, c);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 0);
    RH_CHECK(gct_tracked_in(rt, 2, a) && gct_tracked_in(rt, 2, rh_list_get(a, 0)));
    RH_CHECK(gct_tracked_in(rt, 2, rh_list_get(rh_list_get(a, 0), 1)));
    rh_decref(rt, a);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 3);
    gct_free(rt);
}

/* gc_collect_main: collecting generation g examines only generations 0..g. */
RH_TEST(young_collection_misses_old_garbage) {
    rh_runtime *rt = gct_new("py311");
    rh_object *a = rh_list_new(rt, 0);
    rh_list_append(rt, a, a);
    rh_gc_collect(rt, 2); /* a now lives in generation 2 */
    rh_decref(rt, a);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 0), 0);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 1), 0);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 1);
    gct_free(rt);
}

/* gc_collect_main: collecting g bumps count[g+1] and zeroes counts 0..g; survivors move one generation up. */
RH_TEST(collection_updates_counts_and_promotes) {
    rh_runtime *rt = gct_new("py311");
    int c[3];
    rh_gc_collect(rt, 2);
    rh_gc_get_count(rt, c);
    RH_CHECK(c[0] == 0 && c[1] == 0 && c[2] == 0);
    rh_object *l = rh_list_new(rt, 0);
    rh_gc_get_count(rt, c);
    RH_CHECK_EQ_I(c[0], 1);
    RH_CHECK(gct_tracked_in(rt, 0, l));
    rh_gc_collect(rt, 0);
    rh_gc_get_count(rt, c);
    RH_CHECK(c[0] == 0 && c[1] == 1 && c[2] == 0);
    RH_CHECK(gct_tracked_in(rt, 1, l));
    rh_gc_collect(rt, 1);
    rh_gc_get_count(rt, c);
    RH_CHECK(c[0] == 0 && c[1] == 0 && c[2] == 1);
    RH_CHECK(gct_tracked_in(rt, 2, l));
    rh_gc_collect(rt, 2);
    rh_gc_get_count(rt, c);
    RH_CHECK(c[0] == 0 && c[1] == 0 && c[2] == 0);
    RH_CHECK(gct_tracked_in(rt, 2, l));
    rh_decref(rt, l);
    gct_free(rt);
}

/* untrack_tuples runs on every collection (measured on 3.11.2: a (1, 2) built at run time is untracked by
 * gc.collect(0)). */
RH_TEST(tuple_untracked_after_collect0) {
    rh_runtime *rt = gct_new("py311");
    rh_object *one = rh_int_from_i64(rt, 1000), *two = rh_int_from_i64(rt, 2000);
    rh_object *t = rh_tuple_pack(rt, 2, one, two);
    rh_object *l = rh_list_new(rt, 0);
    rh_object *tl = rh_tuple_pack(rt, 2, one, l);
    RH_CHECK(rh_gc_is_tracked(t));
    RH_CHECK(rh_gc_is_tracked(tl));
    rh_gc_collect(rt, 0);
    RH_CHECK(!rh_gc_is_tracked(t));
    RH_CHECK(rh_gc_is_tracked(tl)); /* holds a tracked list */
    rh_decref(rt, t); rh_decref(rt, tl); rh_decref(rt, l); rh_decref(rt, one); rh_decref(rt, two);
    gct_free(rt);
}

/* untrack_dicts runs on full collections only (issue #14775, gc_collect_main 3.11). */
RH_TEST(dict_untracked_only_on_full_collection) {
    rh_runtime *rt = gct_new("py311");
    rh_object *d = rh_dict_new(rt), *l = rh_list_new(rt, 0), *one = rh_int_from_i64(rt, 1);
    RH_CHECK(!rh_gc_is_tracked(d)); /* dicts start untracked */
    rh_dict_set_cstr(rt, d, "a", l);
    RH_CHECK(rh_gc_is_tracked(d));
    rh_dict_set_cstr(rt, d, "a", one); /* now holds only atomic values, still tracked */
    RH_CHECK(rh_gc_is_tracked(d));
    rh_gc_collect(rt, 0);
    RH_CHECK(rh_gc_is_tracked(d));
    rh_gc_collect(rt, 1);
    RH_CHECK(rh_gc_is_tracked(d));
    rh_gc_collect(rt, 2);
    RH_CHECK(!rh_gc_is_tracked(d));
    rh_decref(rt, d); rh_decref(rt, l); rh_decref(rt, one);
    gct_free(rt);
}

static int intact_seen;
static int check_intact_del(void *ctx, rh_runtime *rt, rh_object *self) {
    /* PEP 442: during __del__ the cycle is intact, the attribute still points at the other object */
    rh_object *nm = rh_str_from_cstr(rt, "x");
    rh_object *v = rh_getattr(rt, self, nm);
    rh_decref(rt, nm);
    if (v && rh_gc_is_tracked(v)) intact_seen++;
    rh_xdecref(rt, v);
    return gct_call_del(ctx, rt, self);
}

/* finalize_garbage: each finalizer of cyclic trash runs once, before any tp_clear (gc_collect_main). */
RH_TEST(finalizer_runs_once_with_graph_intact) {
    rh_runtime *rt = gct_new("py311");
    rt->hooks.call_del = check_intact_del;
    intact_seen = 0;
    rh_object *D = gct_class(rt, "D", 1);
    rh_object *a = rh_instance_new(rt, D), *b = rh_instance_new(rt, D);
    gct_setattr(rt, a, "x", b);
    gct_setattr(rt, b, "x", a);
    rh_decref(rt, a);
    rh_decref(rt, b);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 2);
    RH_CHECK_EQ_I(S.ndel, 2);
    RH_CHECK_EQ_I(intact_seen, 2);
    rh_object *g = rh_gc_garbage(rt);
    RH_CHECK_EQ_U(rh_list_len(g), 0); /* PEP 442: __del__ objects no longer go to gc.garbage */
    rh_decref(rt, D);
    gct_free(rt);
}

/* handle_resurrected_objects (bpo-38379), measured on 3.11.2: resurrecting __del__ -> collect() 0, object
 * survives finalized; once released, next collect() -> 1 without a second __del__. */
RH_TEST(resurrected_object_survives_and_is_not_finalized_again) {
    rh_runtime *rt = gct_new("py311");
    rh_object *R = gct_class(rt, "R", 1);
    rh_object *r = rh_instance_new(rt, R);
    gct_setattr(rt, r, "me", r);
    rh_decref(rt, r);
    S.resurrect = 1;
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 0);
    RH_CHECK_EQ_I(S.ndel, 1);
    RH_CHECK(S.saved == r);
    RH_CHECK(rh_gc_is_finalized(r));
    RH_CHECK(gct_tracked_in(rt, 2, r));
    S.resurrect = 0;
    rh_object *s = S.saved;
    S.saved = NULL;
    rh_decref(rt, s);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 1);
    RH_CHECK_EQ_I(S.ndel, 1);
    GCT_CHECK_INVARIANTS(rt);
    rh_decref(rt, R);
    gct_free(rt);
}

/* gc.collect() inside a finalizer during a collection returns 0 (gc_collect_impl: collecting). */
RH_TEST(collect_during_collection_returns_0) {
    rh_runtime *rt = gct_new("py311");
    rh_object *D = gct_class(rt, "D", 1);
    rh_object *a = rh_instance_new(rt, D);
    gct_setattr(rt, a, "me", a);
    rh_decref(rt, a);
    S.collect_in_del = 1;
    S.collect_in_del_result = -7;
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 1);
    RH_CHECK_EQ_I(S.collect_in_del_result, 0);
    rh_decref(rt, D);
    gct_free(rt);
}

/* delete_garbage under DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being cleared. */
RH_TEST(debug_saveall_keeps_unreachable_in_garbage) {
    rh_runtime *rt = gct_new("py311");
    rh_object *g = rh_gc_garbage(rt);
    rh_object *l = rh_list_new(rt, 0);
    rh_list_append(rt, l, l);
    rh_decref(rt, l);
    rh_gc_set_debug(rt, RH_GC_DEBUG_SAVEALL);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 1);
    RH_CHECK_EQ_U(rh_list_len(g), 1);
    RH_CHECK(rh_list_get(g, 0) == l);
    RH_CHECK(rh_gc_is_tracked(l));
    GCT_CHECK_INVARIANTS(rt);
    rh_gc_set_debug(rt, 0);
    rh_list_clear(rt, g);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 1);
    gct_free(rt);
}

/* 2.7's has_finalizer/handle_finalizers (Modules/gcmodule.c, 2.7), measured on 2.7.15: two __del__ instances
 * in a cycle -> gc.collect() = 4 (2 instances + 2 __dict__s), all uncollectable, len(gc.garbage) = 2; no
 * __del__ runs. */
RH_TEST(py27_legacy_finalizer_cycle_is_uncollectable) {
    rh_runtime *rt = gct_new("py27");
    rh_object *D = gct_class(rt, "D", 1);
    rh_object *a = rh_instance_new(rt, D), *b = rh_instance_new(rt, D);
    gct_setattr(rt, a, "x", b);
    gct_setattr(rt, b, "x", a);
    rh_decref(rt, a);
    rh_decref(rt, b);
    rh_object *g = rh_gc_garbage(rt);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 4);
    RH_CHECK_EQ_U(rh_list_len(g), 2);
    RH_CHECK_EQ_I(S.ndel, 0);
    RH_CHECK_EQ_U(rt->gc.stats[2].uncollectable, 4);
    RH_CHECK_EQ_U(rt->gc.stats[2].collected, 0);
    /* still uncollectable next time, but no longer unreachable: held by gc.garbage */
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 0);
    GCT_CHECK_INVARIANTS(rt);
    rh_object *x = rh_str_from_cstr(rt, "x"); /* break the cycle by hand, as a 2.7 program must */
    for (size_t i = 0; i < rh_list_len(g); i++) rh_delattr(rt, rh_list_get(g, i), x);
    rh_decref(rt, x);
    RH_CHECK_EQ_I(S.ndel, 0);
    rh_list_clear(rt, g);
    RH_CHECK_EQ_I(S.ndel, 2); /* refcount deaths run __del__ */
    rh_decref(rt, D);
    gct_free(rt);
}

/* Measured on 2.7.15: a 2.7 cycle without __del__ -> 4 collected. */
RH_TEST(py27_cycle_without_del_collects_4) {
    rh_runtime *rt = gct_new("py27");
    rh_object *C = gct_class(rt, "C", 0);
    rh_object *a = rh_instance_new(rt, C), *b = rh_instance_new(rt, C);
    gct_setattr(rt, a, "x", b);
    gct_setattr(rt, b, "x", a);
    rh_decref(rt, a);
    rh_decref(rt, b);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 4);
    rh_decref(rt, C);
    gct_free(rt);
}

/* gc_check.c catches a refcount smaller than the references held by tracked containers. */
RH_TEST(checker_detects_refcount_below_incoming_references) {
    rh_runtime *rt = gct_new("py311");
    rh_object *l = rh_list_new(rt, 0), *holder = rh_list_new(rt, 0);
    rh_list_append(rt, holder, l);
    rh_list_append(rt, holder, l);
    GCT_CHECK_INVARIANTS(rt);
    intptr_t saved = l->refcnt;
    l->refcnt = 1; /* 2 references from holder */
    RH_CHECK(rh__gc_check(rt) != 0);
    RH_CHECK(strstr(rh__gc_check_message(rt), "refcount") != NULL);
    l->refcnt = saved;
    GCT_CHECK_INVARIANTS(rt);
    rh_decref(rt, holder);
    rh_decref(rt, l);
    gct_free(rt);
}

static uint64_t lcg(uint64_t *s) { *s = *s * 6364136223846793005ull + 1442695040888963407ull; return *s >> 33; }

/* Random graph churn (seed printed): after every step the invariants of docs/gc.md hold, and a final
 * full collection frees everything once the roots are gone. */
RH_TEST(invariants_hold_after_random_graph_churn) {
    rh_runtime *rt = gct_new("py311");
    uint64_t seed = 20261124;
    fprintf(stderr, "seed %llu\n", (unsigned long long)seed);
    enum { N = 400 };
    rh_object *root[N] = {0};
    rh_object *C = gct_class(rt, "C", 0);
    for (int step = 0; step < 6000; step++) {
        unsigned i = (unsigned)(lcg(&seed) % N), j = (unsigned)(lcg(&seed) % N), op = (unsigned)(lcg(&seed) % 10);
        if (!root[i]) {
            root[i] = (op & 1) ? rh_list_new(rt, 0) : rh_instance_new(rt, C);
        } else if (op < 5 && root[j]) {
            if (rh_kind_of(root[i]) == RH_K_LIST) rh_list_append(rt, root[i], root[j]);
            else gct_setattr(rt, root[i], (op & 2) ? "a" : "b", root[j]);
        } else if (op < 9) {
            rh_decref(rt, root[i]);
            root[i] = NULL;
        } else {
            rh_gc_collect(rt, (int)(lcg(&seed) % 3));
            GCT_CHECK_INVARIANTS(rt);
        }
    }
    GCT_CHECK_INVARIANTS(rt);
    for (int i = 0; i < N; i++) rh_xdecref(rt, root[i]);
    rh_gc_collect(rt, 2);
    GCT_CHECK_INVARIANTS(rt);
    rh_object *objs = rh_gc_get_objects(rt, -1);
    for (size_t k = 0; k < rh_list_len(objs); k++) /* only the class machinery may remain */
        RH_CHECK(rh_kind_of(rh_list_get(objs, k)) != RH_K_LIST && rh_kind_of(rh_list_get(objs, k)) != RH_K_INSTANCE);
    rh_decref(rt, objs);
    rh_decref(rt, C);
    gct_free(rt);
}

/* Pause records: one per collection, oldest first, with generation / examined / collected. */
RH_TEST(pause_records_describe_each_collection) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_pause p[8];
    rh_gc_collect(rt, 2);
    rh_gc_take_pauses(rt, p, 8);
    rh_object *keep = rh_list_new(rt, 0);
    gct_dead_list_cycle(rt);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 0), 2);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 1), 0);
    size_t n = rh_gc_take_pauses(rt, p, 8);
    RH_CHECK_EQ_U(n, 2);
    RH_CHECK_EQ_I(p[0].generation, 0);
    RH_CHECK_EQ_U(p[0].examined, 3); /* keep + the 2-cycle */
    RH_CHECK_EQ_U(p[0].collected, 2);
    RH_CHECK_EQ_U(p[0].uncollectable, 0);
    RH_CHECK_EQ_I(p[1].generation, 1);
    RH_CHECK_EQ_U(p[1].examined, 1);
    RH_CHECK(p[0].start_ns > 0 && p[1].start_ns >= p[0].start_ns + p[0].duration_ns);
    RH_CHECK_EQ_U(rh_gc_take_pauses(rt, p, 8), 0);
    rh_decref(rt, keep);
    gct_free(rt);
}

RH_TEST_MAIN()
