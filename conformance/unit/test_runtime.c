/* test_runtime.c — the runtime: profiles as data, instance isolation (two runtimes, two allocators),
 * allocator-table validation, the error state, statics and the immortal-refcount rule, stats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/refheap.h"
#include "rh_test.h"
#include "rh_fixtures.h"

/* A runtime on the allocator named `alloc` (rh_allocator_create), or on the default one when NULL. */
static rh_runtime *new_rt(const char *profile, const char *alloc) {
    rh_allocator a;
    char err[256] = "";
    if (alloc && rh_allocator_create(&a, alloc, rh_profile_get(profile), err, sizeof err) != 0) {
        fprintf(stderr, "allocator %s: %s\n", alloc, err);
        return NULL;
    }
    return rh_fx_runtime_new(profile, alloc ? &a : NULL, NULL, 0);
}

/* profile.c: the built-in profiles carry CPython's pymalloc and GC values (docs/profiles.md); NULL names
 * py311. */
RH_TEST(profiles_carry_cpython_parameters) {
    const rh_profile *p = rh_profile_get(NULL);
    RH_CHECK(p != NULL);
    RH_CHECK_STR(p->name, "py311");
    RH_CHECK_EQ_U(p->alignment, 16);
    RH_CHECK_EQ_U(p->pool_size, 16384);
    RH_CHECK_EQ_U(p->arena_size, 1048576);
    RH_CHECK_EQ_I(p->gc_threshold[0], 700);
    RH_CHECK_EQ_I(p->static_refcnt, 999999999);
    const rh_profile *p27 = rh_profile_get("py27");
    RH_CHECK(p27 != NULL);
    RH_CHECK_EQ_U(p27->pool_size, 4096);
    RH_CHECK_EQ_U(p27->arena_size, 262144);
    RH_CHECK_EQ_U(p27->alignment, 8);
    RH_CHECK(p27->legacy_finalizers && p27->range_returns_list && p27->int_block_size == 1000);
    RH_CHECK_EQ_I(rh_profile_get("py313")->gc_threshold[0], 2000);
    RH_CHECK(rh_profile_get("py99") == NULL);
    int n = 0;
    for (const char *const *nm = rh_profile_names(); *nm; nm++, n++) RH_CHECK(rh_profile_get(*nm) != NULL);
    RH_CHECK_EQ_I(n, 5);
}

/* runtime.c: a runtime refuses an allocator table with the wrong ABI version or a missing callback. */
RH_TEST(runtime_rejects_bad_allocator_table) {
    rh_config cfg = {0};
    cfg.allocator.abi_version = 99;
    cfg.allocator.struct_size = sizeof(rh_allocator);
    char err[256] = "";
    rh_runtime *rt = rh_runtime_new(&cfg, err, sizeof err);
    RH_CHECK(rt == NULL);
    RH_CHECK(strstr(err, "ABI") != NULL);
}

/* No mutable globals: two runtimes on different allocators in one process hold separate objects,
 * counters and small-int caches. */
RH_TEST(two_runtimes_with_different_allocators_are_independent) {
    rh_runtime *a = new_rt("py311", "pymalloc");
    rh_runtime *b = new_rt("py311", "malloc");
    RH_CHECK(a && b);
    RH_CHECK_STR(rh_runtime_allocator(a)->name, "pymalloc");
    RH_CHECK_STR(rh_runtime_allocator(b)->name, "malloc");
    rh_object *la = rh_list_from_range(a, 0, 1000, 1);
    RH_CHECK(la != NULL);
    rh_object_counts ca, cb;
    rh_object_counts_get(a, &ca);
    rh_object_counts_get(b, &cb);
    RH_CHECK(ca.live_total >= 1000 - 262);
    RH_CHECK_EQ_U(cb.live_total, 0);
    rh_object *one_a = rh_int_from_i64(a, 1), *one_b = rh_int_from_i64(b, 1);
    RH_CHECK(one_a != one_b);           /* each runtime has its own small-int cache */
    RH_CHECK(rh_is_static(a, one_a) && !rh_is_static(a, one_b));
    rh_decref(a, one_a);
    rh_decref(b, one_b);
    rh_decref(a, la);
    rh_object_counts_get(a, &ca);
    RH_CHECK_EQ_U(ca.live_total, 0);
    rh_runtime_free(a);
    rh_runtime_free(b);
}

/* runtime.c: one pending error (kind + message), cleared explicitly; exception names as Python's. */
RH_TEST(error_state_holds_one_exception) {
    rh_runtime *rt = new_rt(NULL, NULL);
    RH_CHECK(rt != NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_NONE);
    rh_err_set(rt, RH_EXC_KEY, "'%s'", "k");
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_KEY);
    RH_CHECK_STR(rh_err_message(rt), "'k'");
    RH_CHECK_STR(rh_exc_name(RH_EXC_KEY), "KeyError");
    RH_CHECK_STR(rh_exc_name(RH_EXC_MEMORY), "MemoryError");
    rh_err_clear(rt);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_NONE);
    RH_CHECK_STR(rh_err_message(rt), "");
    rh_runtime_free(rt);
}

/* _PyObject_IMMORTAL_INIT (3.11) / _Py_IMMORTAL_REFCNT (3.12): statics start at 999999999 in 3.11 and are
 * counted; in 3.12 they are immortal (4294967295) and incref/decref leave them alone. */
RH_TEST(static_refcount_counted_in_py311_immortal_in_py312) {
    rh_runtime *rt = new_rt("py311", NULL);
    RH_CHECK(rt != NULL);
    rh_object *none = rh_none(rt);
    intptr_t before = rh_refcount(none);
    RH_CHECK(before >= 999999999 && before < 999999999 + 1000);
    rh_incref(none);
    RH_CHECK_EQ_I(rh_refcount(none), before + 1);
    rh_decref(rt, none);
    RH_CHECK(rh_is_static(rt, none) && rh_is_static(rt, rh_true(rt)) && rh_is_static(rt, rh_empty_tuple(rt)));
    rh_runtime_free(rt);

    rt = new_rt("py312", NULL);
    RH_CHECK(rt != NULL);
    none = rh_none(rt);
    RH_CHECK_EQ_I(rh_refcount(none), 4294967295LL);
    for (int i = 0; i < 10; i++) rh_incref(none);
    RH_CHECK_EQ_I(rh_refcount(none), 4294967295LL);
    for (int i = 0; i < 20; i++) rh_decref(rt, none);
    RH_CHECK_EQ_I(rh_refcount(none), 4294967295LL);
    RH_CHECK(rh_is_immortal(none));
    rh_runtime_free(rt);
}

/* object.c: live = allocated - freed at every point; kinds counted separately. */
RH_TEST(object_counts_balance_allocations_and_frees) {
    rh_runtime *rt = new_rt(NULL, NULL);
    RH_CHECK(rt != NULL);
    rh_object_counts c;
    rh_object *objs[100];
    for (int i = 0; i < 100; i++) objs[i] = rh_float_new(rt, i + 0.5);
    rh_object_counts_get(rt, &c);
    RH_CHECK_EQ_U(c.live[RH_K_FLOAT], 100);
    RH_CHECK_EQ_U(c.live_total, c.allocated_total - c.freed_total);
    for (int i = 0; i < 100; i++) rh_decref(rt, objs[i]);
    rh_object_counts_get(rt, &c);
    RH_CHECK_EQ_U(c.live[RH_K_FLOAT], 0);
    RH_CHECK_EQ_U(c.live_total, 0);
    RH_CHECK_EQ_U(c.live_total, c.allocated_total - c.freed_total);
    rh_runtime_free(rt);
}

/* stats.c: the snapshot carries pymalloc's debugmallocstats figures; JSON is one object. */
RH_TEST(stats_snapshot_and_json) {
    rh_runtime *rt = new_rt(NULL, "pymalloc");
    RH_CHECK(rt != NULL);
    rh_object *l = rh_list_from_range(rt, 0, 100000, 1);
    RH_CHECK(l != NULL);
    rh_stats st = {.struct_size = sizeof st};
    RH_CHECK_EQ_I(rh_stats_get(rt, &st), 0);
    RH_CHECK(st.objects_live >= 100000 - 262);
    RH_CHECK(st.allocator.struct_size != 0);
    RH_CHECK(st.allocator.arenas_current >= 3);              /* 100k ints * 32 B > 3 MiB */
    RH_CHECK(st.allocator.classes[1].blocks_in_use >= 100000 - 262); /* ints: the 32-byte class */
    char buf[65536];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    RH_CHECK_EQ_I(rh_stats_json(rt, f), 0);
    fclose(f);
    RH_CHECK(buf[0] == '{');
    RH_CHECK(strstr(buf, "\"objects_live\":") != NULL);
    RH_CHECK(strstr(buf, "\"profile\":\"py311\"") != NULL);
    int depth = 0;
    for (char *p = buf; *p; p++) depth += (*p == '{') - (*p == '}');
    RH_CHECK_EQ_I(depth, 0);
    rh_stats bad = {.struct_size = 8};
    RH_CHECK_EQ_I(rh_stats_get(rt, &bad), -1);
    rh_decref(rt, l);
    rh_stats_get(rt, &st);
    /* empty arenas went back at once: what stays is the arena holding the list object parked on the
     * list freelist and the one empty arena pymalloc keeps (insert_to_freepool) */
    RH_CHECK(st.allocator.arenas_current <= 2);
    RH_CHECK_EQ_U(st.allocator.arenas_reclaimed, st.allocator.arenas_allocated_total - st.allocator.arenas_current);
    RH_CHECK_EQ_U(st.freelist_list, 1);
    rh_runtime_free(rt);
}

/* rh_stats_print_debugmallocstats: one format (rh__debugmallocstats_pools) for pymalloc and for any allocator
 * with a class table; then a blank line and the freelists, as sys__debugmallocstats_impl prints them. */
static char dms_text[32768];
static const char *print_dms(rh_runtime *rt) {
    FILE *f = fmemopen(dms_text, sizeof dms_text, "w");
    if (!f) return "";
    rh_stats_print_debugmallocstats(rt, f);
    fclose(f);
    return dms_text;
}
static void check_dms_shape(const char *t) {
    const char *head = "Small block threshold = 512, in 32 size classes.\n";
    RH_CHECK(strncmp(t, head, strlen(head)) == 0);
    RH_CHECK(strstr(t, "# arenas allocated total           =") != NULL);
    RH_CHECK(strstr(t, "# bytes lost to arena alignment    =") != NULL);
    RH_CHECK(strstr(t, "\nTotal                              =") != NULL);
    RH_CHECK(strstr(t, "\n\n0 free PyDictObjects * 48 bytes each\n") != NULL);
    RH_CHECK(strstr(t, "free 20-sized PyTupleObjects * 184 bytes each\n") != NULL);
}
RH_TEST(debugmallocstats_one_format_for_every_allocator) {
    rh_runtime *rt = new_rt(NULL, "pymalloc");
    RH_CHECK(rt != NULL);
    const char *t = print_dms(rt);
    check_dms_shape(t);
    RH_CHECK(strstr(t, "arena map counts") != NULL); /* pymalloc's own addition */
    rh_runtime_free(rt);
    rt = new_rt(NULL, "malloc"); /* no class table: the freelists alone */
    RH_CHECK(rt != NULL);
    RH_CHECK(strncmp(print_dms(rt), "0 free PyDictObjects", 20) == 0);
    rh_runtime_free(rt);
    if (!rh_allocator_available("cpython")) RH_SKIP("the cpython allocator is not available in this build");
    rt = new_rt(NULL, "cpython");
    RH_CHECK(rt != NULL);
    t = print_dms(rt);
    check_dms_shape(t);
    RH_CHECK(strstr(t, "arena map counts") == NULL);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
