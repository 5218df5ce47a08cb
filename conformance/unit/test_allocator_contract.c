/* test_allocator_contract.c — the rh_allocator contract (refheap/alloc.h), run against every allocator.
 *
 * The allocator is the second command-line argument (special.cmake registers the suite once per
 * allocator as allocator.<name>.<case>): a built-in name, or a path to a plug-in .so. Cases that cannot
 * run in this build (library not found at configure time, LD_PRELOAD allocators in an ASan build) exit 77
 * with the reason; they never pass silently.
 * The rules pinned here are CPython's PEP 445 rules (Doc/c-api/memory.rst; Include/cpython/pymem.h): a
 * zero-byte request returns a distinct non-NULL pointer, calloc refuses an overflowing product, realloc(NULL)
 * is malloc, free(NULL) does nothing; plus pymalloc's 16-byte ALIGNMENT (Objects/obmalloc.c, 3.8+) and its
 * release of wholly free arenas (obmalloc.c: pymalloc_free -> insert_to_freepool).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/refheap.h"
#include "rh_test.h"
#include "rh_fixtures.h"

#ifdef __SANITIZE_ADDRESS__
/* An allocator asked for an impossible size must answer NULL; ASan's own malloc aborts instead unless
 * told otherwise (the pymalloc placeholder and plug-ins pass huge requests to it). */
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

/* Object constructors, used only where they are linked in (other modules may still be placeholders). */
#pragma weak rh_int_from_i64
#pragma weak rh_float_new
#pragma weak rh_list_new
#pragma weak rh_list_append
#pragma weak rh_dict_new
#pragma weak rh_dict_set

/* ---------------------------------------------------------------- helpers */

static const char *alloc_name(void) { return rh_test_argc_ > 2 ? rh_test_argv_[2] : "pymalloc"; }

static int is_preload(const char *name) {
    return strcmp(name, "jemalloc") == 0 || strcmp(name, "tcmalloc") == 0;
}

/* rh_allocator_create, plus "failinject:<inner>": the fault-injection decorator (armed with nothing)
 * over <inner>, so the decorator itself is held to the whole contract. */
static int create_named(rh_allocator *a, const char *name, char *err, size_t errlen) {
    if (strncmp(name, "failinject:", 11) != 0) return rh_allocator_create(a, name, NULL, err, errlen);
    rh_allocator inner;
    if (rh_allocator_create(&inner, name + 11, NULL, err, errlen) != 0) return -1;
    rh_failinject_config none = {0, 0, 0};
    return rh_allocator_failinject(a, &inner, &none);
}

/* Create the allocator under test. Skips (exit 77) when it cannot run in this build; returns -1 with
 * the reason in err when it should run and does not (the caller fails the case). */
static int open_alloc(rh_allocator *a, char *err, size_t errlen) {
    const char *name = alloc_name();
    if (is_preload(name) && asan_build())
        RH_SKIP("AddressSanitizer build: LD_PRELOAD of another malloc cannot be combined with ASan's");
    if (is_preload(name) && !rh_preload_library(name))
        RH_SKIP("the library was not found when refheap was configured");
    if (create_named(a, name, err, errlen) == 0) return 0;
    if ((strcmp(name, "mimalloc") == 0 || strcmp(name, "cpython") == 0) && !rh_allocator_available(name))
        RH_SKIP(err);
    return -1;
}

#define OPEN(a)                                                                                   \
    char err_[512] = "";                                                                         \
    if (open_alloc(&(a), err_, sizeof err_) != 0) RH_FAIL_("cannot create allocator %s: %s", alloc_name(), err_)

#define A_MALLOC(a, n) (a).malloc((a).ctx, (n))
#define A_FREE(a, p, n) (a).free((a).ctx, (p), (n))

/* Fill / check a block with a pattern that depends on a seed, so a stale or moved block is noticed. */
static void fill(void *p, size_t n, uint32_t seed) {
    unsigned char *b = p;
    for (size_t i = 0; i < n; i++) b[i] = (unsigned char)(seed * 131u + i * 7u);
}
static int intact(const void *p, size_t n, uint32_t seed) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != (unsigned char)(seed * 131u + i * 7u)) return 0;
    return 1;
}
static int aligned(const void *p) { return ((uintptr_t)p % RH_MIN_ALIGNMENT) == 0; }

/* xorshift64*: deterministic across runs for a given seed */
static uint64_t rng_next(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static int stats_of(const rh_allocator *a, rh_allocator_stats *s) {
    memset(s, 0, sizeof *s);
    s->struct_size = sizeof *s;
    return a->stats ? a->stats(a->ctx, s) : -1;
}
static int known(uint64_t v) { return v != RH_STAT_UNKNOWN; }
/* Blocks in use as the pymalloc model reports them: the class table plus live large requests. */
static int64_t table_blocks(const rh_allocator_stats *s) {
    if (s->nsize_classes == 0 || s->nsize_classes > RH_MAX_SIZE_CLASSES || !known(s->large_allocs_live))
        return -1;
    int64_t n = (int64_t)s->large_allocs_live;
    for (uint32_t i = 0; i < s->nsize_classes; i++) n += (int64_t)s->classes[i].blocks_in_use;
    return n;
}

/* ---------------------------------------------------------------- cases */

/* ABI: every block is aligned to RH_MIN_ALIGNMENT (pymalloc's ALIGNMENT = 16 since 3.8). */
RH_TEST(alignment_is_16_for_every_size) {
    rh_allocator a;
    OPEN(a);
    static void *p[1024][2];
    for (size_t n = 1; n <= 1024; n++)
        for (int k = 0; k < 2; k++) {
            p[n - 1][k] = A_MALLOC(a, n);
            RH_CHECK_MSG(p[n - 1][k] && aligned(p[n - 1][k]), "size %zu gave %p", n, p[n - 1][k]);
            fill(p[n - 1][k], n, (uint32_t)n);
        }
    static const size_t big[] = {1025, 4096, 4097, 65536, 100000, 1u << 20, (3u << 20) + 5};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        void *q = A_MALLOC(a, big[i]);
        void *z = a.calloc(a.ctx, 1, big[i]);
        RH_CHECK_MSG(q && aligned(q) && z && aligned(z), "size %zu gave %p / calloc %p", big[i], q, z);
        fill(q, big[i], 7);
        RH_CHECK(intact(q, big[i], 7));
        A_FREE(a, q, big[i]);
        A_FREE(a, z, big[i]);
    }
    for (size_t n = 1; n <= 1024; n++)
        for (int k = 0; k < 2; k++) {
            RH_CHECK_MSG(intact(p[n - 1][k], n, (uint32_t)n), "size %zu block overwritten", n);
            A_FREE(a, p[n - 1][k], n);
        }
    rh_allocator_destroy(&a);
}

/* PEP 445 (Doc/c-api/memory.rst): malloc(0) returns a distinct non-NULL pointer, as PyObject_Malloc(0). */
RH_TEST(malloc_zero_gives_distinct_pointers) {
    rh_allocator a;
    OPEN(a);
    void *p = A_MALLOC(a, 0), *q = A_MALLOC(a, 0);
    void *c1 = a.calloc(a.ctx, 0, 0), *c2 = a.calloc(a.ctx, 0, 8);
    RH_CHECK(p && q && c1 && c2);
    RH_CHECK(p != q && c1 != c2 && p != c1 && q != c2);
    RH_CHECK(aligned(p) && aligned(q) && aligned(c1) && aligned(c2));
    A_FREE(a, p, 0);
    A_FREE(a, q, 0);
    A_FREE(a, c1, 0);
    A_FREE(a, c2, 0);
    rh_allocator_destroy(&a);
}

/* calloc zero-fills (also memory that was just dirtied and freed) and refuses nelem*elsize overflow
 * (PyObject_Calloc: elsize != 0 && nelem > PY_SSIZE_T_MAX / elsize -> NULL). */
RH_TEST(calloc_zeroes_and_refuses_overflow) {
    rh_allocator a;
    OPEN(a);
    static const size_t sizes[] = {1, 16, 100, 512, 513, 4096, 100000};
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            unsigned char *dirty = A_MALLOC(a, sizes[i]);
            RH_CHECK(dirty);
            memset(dirty, 0xAB, sizes[i]);
            A_FREE(a, dirty, sizes[i]);
            unsigned char *z = a.calloc(a.ctx, sizes[i], 1);
            RH_CHECK(z);
            for (size_t j = 0; j < sizes[i]; j++) RH_CHECK_MSG(z[j] == 0, "size %zu byte %zu", sizes[i], j);
            A_FREE(a, z, sizes[i]);
        }
    RH_CHECK(a.calloc(a.ctx, SIZE_MAX / 2 + 1, 2) == NULL);
    RH_CHECK(a.calloc(a.ctx, SIZE_MAX, SIZE_MAX) == NULL);
    RH_CHECK(a.calloc(a.ctx, 2, SIZE_MAX / 2 + 1) == NULL);
    rh_allocator_destroy(&a);
}

/* realloc keeps min(old, new) bytes, growing and shrinking across pymalloc's 512-byte small-request
 * threshold (obmalloc.c: pymalloc_realloc copies when the block leaves its size class). */
RH_TEST(realloc_keeps_contents_across_the_small_large_threshold) {
    rh_allocator a;
    OPEN(a);
    static const size_t steps[] = {24, 500, 512, 513, 600, 100000, 300, 8, 1, 2000, 16};
    for (int know_size = 0; know_size < 2; know_size++) {
        size_t cur = steps[0];
        unsigned char *p = A_MALLOC(a, cur);
        RH_CHECK(p);
        fill(p, cur, 3);
        for (size_t i = 1; i < sizeof steps / sizeof steps[0]; i++) {
            size_t next = steps[i], keep = cur < next ? cur : next;
            unsigned char *q = a.realloc(a.ctx, p, know_size ? cur : 0, next);
            RH_CHECK_MSG(q && aligned(q), "realloc %zu -> %zu", cur, next);
            RH_CHECK_MSG(intact(q, keep, 3), "realloc %zu -> %zu lost contents", cur, next);
            fill(q, next, 3);
            p = q;
            cur = next;
        }
        A_FREE(a, p, know_size ? cur : 0);
    }
    rh_allocator_destroy(&a);
}

/* realloc(NULL, n) acts as malloc(n), including n == 0. */
RH_TEST(realloc_null_acts_as_malloc) {
    rh_allocator a;
    OPEN(a);
    void *p = a.realloc(a.ctx, NULL, 0, 100);
    void *z = a.realloc(a.ctx, NULL, 0, 0);
    void *big = a.realloc(a.ctx, NULL, 0, 70000);
    RH_CHECK(p && z && big && p != z);
    RH_CHECK(aligned(p) && aligned(z) && aligned(big));
    fill(p, 100, 9);
    fill(big, 70000, 9);
    RH_CHECK(intact(p, 100, 9) && intact(big, 70000, 9));
    A_FREE(a, p, 100);
    A_FREE(a, z, 0);
    A_FREE(a, big, 70000);
    rh_allocator_destroy(&a);
}

/* free(NULL) is a no-op (PyObject_Free(NULL)); it is not counted as a free. */
RH_TEST(free_null_is_a_noop) {
    rh_allocator a;
    OPEN(a);
    rh_allocator_stats s0, s1;
    int has = stats_of(&a, &s0) == 0;
    A_FREE(a, NULL, 0);
    A_FREE(a, NULL, 123);
    if (has) {
        RH_CHECK(stats_of(&a, &s1) == 0);
        if (known(s0.frees)) RH_CHECK_EQ_U(s1.frees, s0.frees);
    }
    void *p = A_MALLOC(a, 10); /* still usable */
    RH_CHECK(p);
    A_FREE(a, p, 10);
    rh_allocator_destroy(&a);
}

/* Many interleaved malloc/calloc/realloc/free with per-block patterns: no block is overwritten, moved
 * without its contents, or handed out twice. Sizes mostly small (pymalloc's range), some large. */
RH_TEST(interleaved_traffic_keeps_every_block_intact) {
    rh_allocator a;
    OPEN(a);
    enum { SLOTS = 512, OPS = 20000 };
    static unsigned char *blk[SLOTS];
    static size_t len[SLOTS];
    static uint32_t tag[SLOTS];
    memset(blk, 0, sizeof blk);
    uint64_t seed = 0x5eed2024u;
    const char *env = getenv("RH_TEST_SEED");
    if (env) seed = strtoull(env, NULL, 0);
    fprintf(stderr, "seed %llu (set RH_TEST_SEED to repeat)\n", (unsigned long long)seed);
    uint64_t s = seed ? seed : 1;
    for (uint32_t op = 1; op <= OPS; op++) {
        uint64_t r = rng_next(&s);
        size_t i = r % SLOTS;
        uint64_t pick = (r >> 20) % 100;
        size_t n = pick < 90 ? (r >> 32) % 513 : pick < 99 ? 513 + (r >> 32) % 8000 : 8192 + (r >> 32) % 250000;
        if (blk[i]) RH_CHECK_MSG(intact(blk[i], len[i], tag[i]), "op %u slot %zu corrupted", op, i);
        if (blk[i] && (r >> 40) % 3 == 0) { /* realloc */
            unsigned char *q = a.realloc(a.ctx, blk[i], len[i], n);
            RH_CHECK(q && aligned(q));
            size_t keep = len[i] < n ? len[i] : n;
            RH_CHECK_MSG(intact(q, keep, tag[i]), "op %u realloc lost contents", op);
            blk[i] = q;
        } else {
            if (blk[i]) A_FREE(a, blk[i], len[i]);
            blk[i] = (r >> 40) % 5 == 0 ? a.calloc(a.ctx, 1, n) : A_MALLOC(a, n);
            RH_CHECK(blk[i] && aligned(blk[i]));
        }
        len[i] = n;
        tag[i] = op;
        fill(blk[i], n, op);
    }
    for (size_t i = 0; i < SLOTS; i++) {
        if (!blk[i]) continue;
        RH_CHECK_MSG(intact(blk[i], len[i], tag[i]), "slot %zu corrupted at the end", i);
        A_FREE(a, blk[i], len[i]);
        blk[i] = NULL;
    }
    rh_allocator_destroy(&a);
}

/* Stats: allocs/frees count calls exactly (realloc of a live block counts neither); where the
 * allocator reports the pymalloc class table, blocks in use == allocs - frees (sys._debugmallocstats'
 * "blocks in use" column plus live large requests); bytes_requested, when known, is exact. */
RH_TEST(stats_count_blocks_exactly) {
    rh_allocator a;
    OPEN(a);
    rh_allocator_stats s0, s1, s2;
    if (stats_of(&a, &s0) != 0) {
        rh_allocator_destroy(&a);
        RH_SKIP("this allocator reports no stats");
    }
    enum { N = 200 };
    static void *p[N];
    static size_t sz[N];
    uint64_t bytes = 0;
    for (int i = 0; i < N; i++) {
        sz[i] = i % 10 == 9 ? 1000 + (size_t)i * 37 : (size_t)(i * 13) % 512;
        p[i] = i % 3 ? A_MALLOC(a, sz[i]) : a.calloc(a.ctx, sz[i], 1);
        RH_CHECK(p[i]);
        bytes += sz[i];
    }
    p[0] = a.realloc(a.ctx, p[0], sz[0], 5000); /* small -> large: a move, not an alloc */
    bytes = bytes - sz[0] + 5000;
    sz[0] = 5000;
    RH_CHECK(p[0]);
    RH_CHECK(stats_of(&a, &s1) == 0);
    if (known(s0.allocs)) RH_CHECK_EQ_U(s1.allocs - s0.allocs, N);
    if (known(s0.frees)) RH_CHECK_EQ_U(s1.frees - s0.frees, 0);
    if (table_blocks(&s0) >= 0) RH_CHECK_EQ_I(table_blocks(&s1) - table_blocks(&s0), N);
    if (known(s0.bytes_requested)) RH_CHECK_EQ_U(s1.bytes_requested - s0.bytes_requested, bytes);
    for (int i = 0; i < N; i += 2) A_FREE(a, p[i], sz[i]);
    RH_CHECK(stats_of(&a, &s2) == 0);
    if (known(s0.frees)) RH_CHECK_EQ_U(s2.frees - s1.frees, N / 2);
    if (known(s0.allocs) && known(s0.frees))
        RH_CHECK_EQ_U((s2.allocs - s2.frees) - (s0.allocs - s0.frees), N / 2);
    if (table_blocks(&s0) >= 0) RH_CHECK_EQ_I(table_blocks(&s2) - table_blocks(&s0), N / 2);
    for (int i = 1; i < N; i += 2) A_FREE(a, p[i], sz[i]);
    RH_CHECK(stats_of(&a, &s2) == 0);
    if (table_blocks(&s0) >= 0) RH_CHECK_EQ_I(table_blocks(&s2), table_blocks(&s0));
    if (known(s0.bytes_requested)) RH_CHECK_EQ_U(s2.bytes_requested, s0.bytes_requested);
    rh_allocator_destroy(&a);
}

/* pymalloc model: an arena whose pools are all free goes back to the OS (3.9+ keeps at most one wholly
 * free arena: obmalloc.c pymalloc_free/insert_to_freepool). 4 MiB of 256-byte blocks needs
 * at least 4 arenas of 1 MiB; after freeing them all, arenas_current <= 1. */
RH_TEST(stats_arenas_released_when_empty) {
    rh_allocator a;
    OPEN(a);
    rh_allocator_stats s;
    if (stats_of(&a, &s) != 0 || !known(s.arenas_current) || !known(s.arena_size)) {
        rh_allocator_destroy(&a);
        RH_SKIP("this allocator does not report pymalloc arenas");
    }
    size_t n = (4u << 20) / 256 + 64;
    void **p = malloc(n * sizeof *p); /* bookkeeping from libc, not from the allocator under test */
    RH_CHECK(p);
    for (size_t i = 0; i < n; i++) {
        p[i] = A_MALLOC(a, 256);
        RH_CHECK(p[i]);
    }
    RH_CHECK(stats_of(&a, &s) == 0);
    uint64_t want = (uint64_t)((n * 256) / s.arena_size); /* blocks alone fill this many arenas */
    RH_CHECK_MSG(s.arenas_current >= want, "arenas_current %llu < %llu", (unsigned long long)s.arenas_current,
                 (unsigned long long)want);
    for (size_t i = 0; i < n; i++) A_FREE(a, p[i], 256);
    free(p);
    RH_CHECK(stats_of(&a, &s) == 0);
    RH_CHECK_MSG(s.arenas_current <= 1, "arenas_current %llu after freeing everything",
                 (unsigned long long)s.arenas_current);
    if (known(s.arenas_reclaimed)) RH_CHECK(s.arenas_reclaimed >= want - 1);
    rh_allocator_destroy(&a);
}

/* Two instances of one allocator do not share blocks or counters: destroying one leaves the other's
 * blocks intact. "cpython" is the exception: CPython 3.11's obmalloc state is process-global, so a
 * second live instance is refused with a message, and allowed again once the first is destroyed. */
RH_TEST(two_instances_are_independent) {
    rh_allocator a, b;
    OPEN(a);
    char err[512] = "";
    if (strcmp(alloc_name(), "cpython") == 0) {
        RH_CHECK(rh_allocator_create(&b, "cpython", NULL, err, sizeof err) == -1);
        RH_CHECK_MSG(strstr(err, "only one instance") != NULL, "message: %s", err);
        RH_CHECK(rh_allocator_available("cpython") == 0);
        rh_allocator_destroy(&a);
        RH_CHECK(rh_allocator_available("cpython") == 1);
        RH_CHECK_MSG(rh_allocator_create(&b, "cpython", NULL, err, sizeof err) == 0, "%s", err);
        rh_allocator_destroy(&b);
        return;
    }
    RH_CHECK_MSG(create_named(&b, alloc_name(), err, sizeof err) == 0, "%s", err);
    enum { N = 300 };
    static void *pa[N], *pb[N];
    for (int i = 0; i < N; i++) {
        size_t n = (size_t)(i * 29) % 700;
        pa[i] = A_MALLOC(a, n);
        pb[i] = A_MALLOC(b, n);
        RH_CHECK(pa[i] && pb[i] && pa[i] != pb[i]);
        fill(pa[i], n, (uint32_t)i);
        fill(pb[i], n, (uint32_t)i + 1000);
    }
    rh_allocator_stats sa, sb;
    if (stats_of(&a, &sa) == 0 && stats_of(&b, &sb) == 0 && known(sa.allocs))
        RH_CHECK_EQ_U(sa.allocs, sb.allocs); /* each counted only its own N (+0 from the other) */
    for (int i = 0; i < N; i++) A_FREE(a, pa[i], (size_t)(i * 29) % 700);
    rh_allocator_destroy(&a);
    for (int i = 0; i < N; i++) {
        size_t n = (size_t)(i * 29) % 700;
        RH_CHECK_MSG(intact(pb[i], n, (uint32_t)i + 1000), "block %d of the second instance damaged", i);
        A_FREE(b, pb[i], n);
    }
    rh_allocator_destroy(&b);
}

/* trim (malloc_trim, mi_collect, arena purge, ReleaseFreeMemory...) returns 0 and live blocks survive. */
RH_TEST(trim_returns_zero_and_keeps_live_blocks) {
    rh_allocator a;
    OPEN(a);
    if (!a.trim) {
        rh_allocator_destroy(&a);
        RH_SKIP("this allocator has no trim (optional in the ABI)");
    }
    enum { N = 400 };
    static void *p[N];
    for (int i = 0; i < N; i++) {
        p[i] = A_MALLOC(a, (size_t)i * 3 + 1);
        RH_CHECK(p[i]);
        fill(p[i], (size_t)i * 3 + 1, (uint32_t)i);
    }
    for (int i = 0; i < N; i += 2) A_FREE(a, p[i], (size_t)i * 3 + 1);
    RH_CHECK_EQ_I(a.trim(a.ctx), 0);
    for (int i = 1; i < N; i += 2) {
        RH_CHECK(intact(p[i], (size_t)i * 3 + 1, (uint32_t)i));
        A_FREE(a, p[i], (size_t)i * 3 + 1);
    }
    RH_CHECK_EQ_I(a.trim(a.ctx), 0);
    rh_allocator_destroy(&a);
}

/* A runtime adopts the allocator (rh_config.allocator), allocates objects from it and destroys it. */
RH_TEST(runtime_runs_on_the_allocator) {
    rh_allocator a;
    OPEN(a);
    rh_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.allocator = a;
    char err[256] = "";
    rh_runtime *rt = rh_runtime_new(&cfg, err, sizeof err);
    RH_CHECK_MSG(rt != NULL, "rh_runtime_new: %s", err);
    RH_CHECK(rh_runtime_allocator(rt)->ctx == a.ctx);
    void *raw = rh_mem_malloc(rt, 200);
    RH_CHECK(raw && aligned(raw));
    raw = rh_mem_realloc(rt, raw, 200, 4000);
    RH_CHECK(raw);
    rh_mem_free(rt, raw, 4000);
    if (rh_int_from_i64 && rh_float_new) {
        rh_object *big = rh_int_from_i64(rt, (int64_t)1 << 40);
        rh_object *f = rh_float_new(rt, 2.5);
        RH_CHECK(big && f);
        rh_decref(rt, big);
        rh_decref(rt, f);
    }
    if (rh_list_new && rh_list_append && rh_int_from_i64) {
        rh_object *l = rh_list_new(rt, 0);
        RH_CHECK(l);
        for (int i = 0; i < 100; i++) {
            rh_object *v = rh_int_from_i64(rt, 1000 + i);
            RH_CHECK(v && rh_list_append(rt, l, v) == 0);
            rh_decref(rt, v);
        }
        rh_decref(rt, l);
    }
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_NONE);
    rh_runtime_free(rt);
}

/* Side-by-side truth: the same traffic on refheap's pymalloc and on CPython 3.11's own obmalloc
 * ("cpython") leaves the same sys._debugmallocstats class table — pools, blocks in use and available
 * blocks per size class (obmalloc.c: pymalloc_alloc/pymalloc_free and _PyObject_DebugMallocStats).
 * Runs in the allocator.pymalloc and allocator.cpython suites; ~40 pools, so one arena in both. */
RH_TEST(class_table_matches_cpython_obmalloc) {
    const char *name = alloc_name();
    if (strcmp(name, "pymalloc") != 0 && strcmp(name, "cpython") != 0)
        RH_SKIP("only pymalloc and cpython report the obmalloc class table");
    rh_allocator pm, cp;
    char err[512] = "";
    if (rh_allocator_create(&cp, "cpython", NULL, err, sizeof err) != 0) {
        if (!rh_allocator_available("cpython")) RH_SKIP(err);
        RH_FAIL_("cpython: %s", err);
    }
    RH_CHECK_MSG(rh_allocator_create(&pm, "pymalloc", rh_profile_get("py311"), err, sizeof err) == 0, "%s", err);
    rh_allocator_stats sp, sc;
    if (stats_of(&pm, &sp) != 0 || sp.nsize_classes == 0) {
        rh_allocator_destroy(&pm);
        rh_allocator_destroy(&cp);
        RH_SKIP("pymalloc reports no class table in this build");
    }
    enum { N = 1500 };
    static void *bp[N], *bc[N];
    uint64_t s = 12345;
    for (int i = 0; i < N; i++) {
        size_t n = 1 + rng_next(&s) % 512;
        bp[i] = A_MALLOC(pm, n);
        bc[i] = A_MALLOC(cp, n);
        RH_CHECK(bp[i] && bc[i]);
        if (i % 3 == 2) { /* free an earlier block: exercises the free lists and pool states */
            int j = (int)(rng_next(&s) % (uint64_t)i);
            A_FREE(pm, bp[j], 0);
            A_FREE(cp, bc[j], 0);
            bp[j] = bc[j] = NULL;
        }
    }
    RH_CHECK(stats_of(&pm, &sp) == 0 && stats_of(&cp, &sc) == 0);
    RH_CHECK_EQ_U(sp.nsize_classes, sc.nsize_classes);
    for (uint32_t k = 0; k < sp.nsize_classes; k++) {
        RH_CHECK_EQ_U(sp.classes[k].size, sc.classes[k].size);
        RH_CHECK_MSG(sp.classes[k].num_pools == sc.classes[k].num_pools &&
                         sp.classes[k].blocks_in_use == sc.classes[k].blocks_in_use &&
                         sp.classes[k].avail_blocks == sc.classes[k].avail_blocks,
                     "class %u: pymalloc %llu/%llu/%llu, cpython %llu/%llu/%llu", k,
                     (unsigned long long)sp.classes[k].num_pools, (unsigned long long)sp.classes[k].blocks_in_use,
                     (unsigned long long)sp.classes[k].avail_blocks, (unsigned long long)sc.classes[k].num_pools,
                     (unsigned long long)sc.classes[k].blocks_in_use, (unsigned long long)sc.classes[k].avail_blocks);
    }
    RH_CHECK_EQ_U(sp.bytes_in_allocated_blocks, sc.bytes_in_allocated_blocks);
    RH_CHECK_EQ_U(sp.bytes_in_available_blocks, sc.bytes_in_available_blocks);
    RH_CHECK_EQ_U(sp.arenas_current, sc.arenas_current);
    for (int i = 0; i < N; i++) {
        A_FREE(pm, bp[i], 0);
        A_FREE(cp, bc[i], 0);
    }
    rh_allocator_destroy(&pm);
    rh_allocator_destroy(&cp);
}

/* docs/measurement.md §12: a preloaded allocator is verified by symbol identity, never assumed. */
RH_TEST(preload_verify_names_the_active_malloc) {
    const char *name = alloc_name();
    char err[512] = "";
    if (is_preload(name)) {
        if (asan_build()) RH_SKIP("AddressSanitizer build: LD_PRELOAD allocators are not run");
        if (!rh_preload_library(name)) RH_SKIP("the library was not found when refheap was configured");
        RH_CHECK_MSG(rh_preload_verify(name, err, sizeof err) == 0, "%s", err);
        const char *other = strcmp(name, "jemalloc") == 0 ? "tcmalloc" : "jemalloc";
        RH_CHECK(rh_preload_verify(other, err, sizeof err) == -1);
        RH_CHECK_MSG(strstr(err, "not the active malloc") != NULL, "message: %s", err);
        RH_CHECK_EQ_I(rh_allocator_available(name), 1);
        RH_CHECK_EQ_I(rh_allocator_available(other), 0);
        return;
    }
    RH_CHECK(rh_preload_verify("jemalloc", err, sizeof err) == -1);
    RH_CHECK_MSG(strstr(err, "jemalloc") != NULL, "message: %s", err);
    RH_CHECK(rh_preload_verify("tcmalloc", err, sizeof err) == -1);
    rh_allocator j;
    RH_CHECK(rh_allocator_create(&j, "jemalloc", NULL, err, sizeof err) == -1);
    RH_CHECK_MSG(strstr(err, "not the active malloc") != NULL, "message: %s", err);
}

/* rh_allocator_stats_json writes one JSON object naming the allocator, with its counters if any. */
RH_TEST(stats_json_is_one_object) {
    rh_allocator a;
    OPEN(a);
    void *p = A_MALLOC(a, 40);
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    RH_CHECK(f);
    int rc = rh_allocator_stats_json(&a, f);
    fclose(f);
    RH_CHECK(text && n > 2 && text[0] == '{' && text[n - 1] == '}');
    RH_CHECK_MSG(strncmp(text, "{\"name\":\"", 9) == 0, "%s", text);
    int depth = 0, min_depth = 1;
    for (size_t i = 0; i < n; i++) {
        depth += text[i] == '{' || text[i] == '[';
        depth -= text[i] == '}' || text[i] == ']';
        if (i + 1 < n && depth < min_depth) min_depth = depth;
    }
    RH_CHECK_MSG(depth == 0 && min_depth >= 1, "unbalanced: %s", text);
    RH_CHECK_EQ_I(rc, a.stats ? 0 : -1);
    if (a.stats) RH_CHECK_MSG(strstr(text, "\"allocs\":") != NULL, "%s", text);
    fprintf(stderr, "%s\n", text);
    free(text);
    A_FREE(a, p, 40);
    rh_allocator_destroy(&a);
}

RH_TEST_MAIN()
