/* test_gc_scale.c — the collector's results at benchmark scale: exact counts for 10^6 dead 2-cycles, a
 * 10^6-node random graph and a gen0 collection beside 10^6 old objects (10^4 in sanitizer/debug builds,
 * where the per-collection invariant checker makes full scale too slow). Times are NOT checked here:
 * they are measured by harness/bench/bench_gc.cc against CPython under make bench. */
#include <time.h>

#include "gc_test_util.h"

#if defined(NDEBUG) && RH_DEBUG == 0
#define PERF_N 1000000
#else
#define PERF_N 10000
#endif

static double secs(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* gc.collect() over N dead 2-cycles of lists returns 2N. */
RH_TEST(scale_full_collection_of_dead_2_cycles) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_disable(rt);
    for (int i = 0; i < PERF_N; i++) gct_dead_list_cycle(rt);
    double t0 = secs();
    int64_t n = rh_gc_collect(rt, 2);
    double t1 = secs();
    RH_CHECK_EQ_I(n, 2 * (int64_t)PERF_N);
    fprintf(stderr, "PERF full collection, %d dead 2-cycles (%d lists): %.3f s\n", PERF_N, 2 * PERF_N, t1 - t0);
    gct_free(rt);
}

static uint64_t live_lists(const rh_runtime *rt) {
    rh_object_counts c;
    rh_object_counts_get(rt, &c);
    return c.live[RH_K_LIST];
}

static uint64_t lcg(uint64_t *s) { *s = *s * 6364136223846793005ull + 1442695040888963407ull; return *s >> 33; }

/* A random graph of N lists with 2 random edges each: full collection while alive (0 collected),
 * then after the roots are dropped (N collected). */
RH_TEST(scale_full_collection_of_random_graph) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_disable(rt);
    rh_object **node = malloc((size_t)PERF_N * sizeof *node);
    uint64_t seed = 42;
    for (int i = 0; i < PERF_N; i++) node[i] = rh_list_new(rt, 0);
    for (int i = 0; i < PERF_N; i++)
        for (int e = 0; e < 2; e++) rh_list_append(rt, node[i], node[lcg(&seed) % PERF_N]);
    double t0 = secs();
    int64_t live = rh_gc_collect(rt, 2);
    double t1 = secs();
    RH_CHECK_EQ_I(live, 0);
    for (int i = 0; i < PERF_N; i++) rh_decref(rt, node[i]);
    free(node);
    /* nodes nobody points to were freed by refcounting just now; the rest is cyclic trash */
    uint64_t left = live_lists(rt);
    double t2 = secs();
    int64_t dead = rh_gc_collect(rt, 2);
    double t3 = secs();
    RH_CHECK_EQ_I(dead, (int64_t)left);
    RH_CHECK_EQ_U(live_lists(rt), 0);
    fprintf(stderr, "PERF full collection, %d-node random graph (2 edges/node): live %.3f s, dead (%d in cycles) %.3f s\n",
            PERF_N, t1 - t0, (int)dead, t3 - t2);
    gct_free(rt);
}

/* The generation-0 pause with 700 young objects beside N old ones examines only the 700. */
RH_TEST(scale_gen0_pause_beside_old_objects) {
    rh_runtime *rt = gct_new("py311");
    rh_gc_disable(rt);
    rh_object **old = malloc((size_t)PERF_N * sizeof *old);
    for (int i = 0; i < PERF_N; i++) old[i] = rh_list_new(rt, 0);
    rh_gc_collect(rt, 2);
    static rh_object *young[700];
    for (int i = 0; i < 700; i++) young[i] = rh_list_new(rt, 0);
    rh_gc_pause p[4];
    rh_gc_take_pauses(rt, p, 4);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 0), 0);
    RH_CHECK_EQ_U(rh_gc_take_pauses(rt, p, 4), 1);
    RH_CHECK_EQ_U(p[0].examined, 700);
    fprintf(stderr, "PERF gen0 pause, 700 young beside %d old: %.1f us\n", PERF_N, (double)p[0].duration_ns / 1e3);
    for (int i = 0; i < 700; i++) rh_decref(rt, young[i]);
    for (int i = 0; i < PERF_N; i++) rh_decref(rt, old[i]);
    free(old);
    gct_free(rt);
}

RH_TEST_MAIN()
