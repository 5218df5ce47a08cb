/* test_pymalloc.c — the pymalloc model's blocks and pools: size classes, pool capacity, alignment, lazy
 * carving, LIFO reuse, ring order, realloc rules, the libc fallbacks, stats, the _debugmallocstats text,
 * the py27 profile, and the invariant checker under random traffic. Arena behaviour: test_pymalloc_arenas.c.
 * CPython: Objects/obmalloc.c (3.11): pymalloc_alloc, pymalloc_free, pymalloc_realloc, the three pool
 * states described above usedpools; the model is described in docs/pymalloc.md.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obmalloc.h"
#include "refheap/alloc.h"
#include "refheap/profile.h"
#include "rh_test.h"

/* ---- a pool-aligned arena source over static storage, so layouts are deterministic ---- */
#define SLAB_SLOTS 8
#define SLAB_ARENA (1u << 20)
static unsigned char slab_mem[(SLAB_SLOTS + 1) * SLAB_ARENA];
typedef struct slab { unsigned char *base; int used[SLAB_SLOTS]; int allocs, frees; } slab;
static slab the_slab;
static void *slab_alloc(void *ctx, size_t size) {
    slab *s = ctx;
    if (size > SLAB_ARENA) return NULL;
    for (int i = 0; i < SLAB_SLOTS; i++)
        if (!s->used[i]) { s->used[i] = 1; s->allocs++; return s->base + (size_t)i * SLAB_ARENA; }
    return NULL;
}
static void slab_free(void *ctx, void *p, size_t size) {
    slab *s = ctx;
    (void)size;
    s->used[((unsigned char *)p - s->base) / SLAB_ARENA] = 0;
    s->frees++;
}
static rh_arena_allocator slab_source(void) {
    memset(&the_slab, 0, sizeof the_slab);
    uintptr_t b = ((uintptr_t)slab_mem + SLAB_ARENA - 1) & ~(uintptr_t)(SLAB_ARENA - 1);
    the_slab.base = (unsigned char *)b;
    return (rh_arena_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof(rh_arena_allocator), "slab", &the_slab,
                                slab_alloc, slab_free};
}

static rh_pymalloc *state(rh_allocator *a) { return (rh_pymalloc *)a->ctx; }
static rh_pool_header *pool_of(rh_allocator *a, void *p) {
    return (rh_pool_header *)((uintptr_t)p & state(a)->pool_mask);
}
static const char *check_why;
static int checker_ok(rh_allocator *a) {
    check_why = "";
    return rh__pymalloc_check(a->ctx, &check_why) == 0;
}
#define CHECK_INVARIANTS(a) RH_CHECK_MSG(checker_ok(a), "invariant violated: %s", check_why)

/* Class index = (n-1) >> ALIGNMENT_SHIFT, block size (i+1) << ALIGNMENT_SHIFT (pymalloc_alloc,
 * INDEX2SIZE, 3.11): every request 1..512 lands in the pool of its class. */
RH_TEST(size_class_index_and_block_size) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    RH_CHECK_EQ_U(state(&a)->nclasses, 32);
    for (size_t n = 1; n <= 512; n++) {
        void *p = a.malloc(a.ctx, n);
        RH_CHECK(p != NULL);
        rh_pool_header *pool = pool_of(&a, p);
        RH_CHECK_EQ_U(pool->szidx, (n - 1) >> 4);
        RH_CHECK_EQ_U(rh__pm_class_size(state(&a), pool->szidx), ((n + 15) / 16) * 16);
        a.free(a.ctx, p, n);
    }
    RH_CHECK_EQ_U(pool_of(&a, a.malloc(a.ctx, 28))->szidx, 1); /* a 28-byte int is a 32-byte block */
    RH_CHECK_EQ_U(rh__pm_class_size(state(&a), 0), 16);
    RH_CHECK_EQ_U(rh__pm_class_size(state(&a), 31), 512);
    a.destroy(a.ctx);
}

/* NUMBLOCKS(i) = (POOL_SIZE - POOL_OVERHEAD) / size with 16 KiB pools (Objects/obmalloc.c): 1021, 510, 340,
 * 255, 31. The 511th 32-byte block opens a second pool. */
RH_TEST(blocks_per_pool_16k_pools) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    rh_pymalloc *st = state(&a);
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 0), 1021);
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 1), 510);
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 2), 340);
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 3), 255);
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 31), 31);
    static void *p[511];
    for (int i = 0; i < 511; i++) p[i] = a.malloc(a.ctx, 32);
    for (int i = 1; i < 510; i++) RH_CHECK(pool_of(&a, p[i]) == pool_of(&a, p[0]));
    RH_CHECK_EQ_U(pool_of(&a, p[0])->count, 510);
    RH_CHECK(pool_of(&a, p[0])->freeblock == NULL); /* full */
    RH_CHECK(pool_of(&a, p[510]) != pool_of(&a, p[0]));
    CHECK_INVARIANTS(&a);
    for (int i = 0; i < 511; i++) a.free(a.ctx, p[i], 32);
    a.destroy(a.ctx);
}

/* ALIGNMENT 16 on 64-bit since 3.8 (bpo-27987; Objects/obmalloc.c ALIGNMENT): every block of every class is
 * 16-aligned. */
RH_TEST(blocks_are_16_byte_aligned) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    static void *p[32][40];
    for (int c = 0; c < 32; c++)
        for (int i = 0; i < 40; i++) {
            p[c][i] = a.malloc(a.ctx, (size_t)c * 16 + 1 + (size_t)(i % 16));
            RH_CHECK(p[c][i] != NULL);
            RH_CHECK_EQ_U((uintptr_t)p[c][i] % 16, 0);
        }
    CHECK_INVARIANTS(&a);
    for (int c = 0; c < 32; c++)
        for (int i = 0; i < 40; i++) a.free(a.ctx, p[c][i], 0);
    a.destroy(a.ctx);
}

/* allocate_from_new_pool sets nextoffset = POOL_OVERHEAD + 2*size: the first block is returned, the second
 * is the free list, nothing else is touched; pymalloc_pool_extend carves one more per exhausted free list. */
RH_TEST(lazy_carving_first_pool_carves_two_blocks) {
    rh_arena_allocator src = slab_source();
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    unsigned char *b0 = a.malloc(a.ctx, 32);
    rh_pool_header *pool = pool_of(&a, b0);
    RH_CHECK(b0 == (unsigned char *)pool + 48);
    RH_CHECK_EQ_U(pool->nextoffset, 48 + 2 * 32);
    RH_CHECK_EQ_U(pool->maxnextoffset, 16384 - 32);
    RH_CHECK(pool->freeblock == b0 + 32);
    RH_CHECK(*(void **)pool->freeblock == NULL);
    unsigned char *b1 = a.malloc(a.ctx, 32); /* takes the second block, carves the third */
    RH_CHECK(b1 == b0 + 32);
    RH_CHECK_EQ_U(pool->nextoffset, 48 + 3 * 32);
    RH_CHECK(pool->freeblock == b0 + 64);
    /* the rest of the pool was never written: still the zero bytes of the static arena */
    for (size_t off = 48 + 3 * 32; off < 16384; off++) RH_CHECK(((unsigned char *)pool)[off] == 0);
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, b0, 32);
    a.free(a.ctx, b1, 32);
    a.destroy(a.ctx);
}

/* pymalloc_free pushes onto the front of pool->freeblock: the last block freed is the next handed out. */
RH_TEST(freed_block_is_reused_lifo) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    void *x = a.malloc(a.ctx, 40), *y = a.malloc(a.ctx, 40), *z = a.malloc(a.ctx, 40);
    a.free(a.ctx, y, 40);
    a.free(a.ctx, z, 40);
    RH_CHECK(a.malloc(a.ctx, 33) == z);
    RH_CHECK(a.malloc(a.ctx, 48) == y);
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, x, 40);
    a.free(a.ctx, y, 48);
    a.free(a.ctx, z, 33);
    a.destroy(a.ctx);
}

/* insert_to_usedpool links a pool leaving the full state at the FRONT of usedpools[szidx] (pymalloc_free):
 * the next allocation of the class reuses the block just freed, not a block of the pool that was first. */
RH_TEST(full_pool_goes_to_front_of_ring) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    static void *p[31 * 3];
    for (int i = 0; i < 31 * 2 + 5; i++) p[i] = a.malloc(a.ctx, 512); /* pools P0, P1 full, P2 used */
    rh_pool_header *head = &state(&a)->usedpools[31];
    rh_pool_header *p0 = pool_of(&a, p[0]), *p1 = pool_of(&a, p[31]), *p2 = pool_of(&a, p[62]);
    RH_CHECK(head->nextpool == p2 && p2->nextpool == head);
    a.free(a.ctx, p[3], 512); /* P0 full -> used, in front of P2 */
    RH_CHECK(head->nextpool == p0 && p0->nextpool == p2 && p2->nextpool == head);
    a.free(a.ctx, p[40], 512); /* P1 full -> used, in front of P0 */
    RH_CHECK(head->nextpool == p1 && p1->nextpool == p0 && p0->nextpool == p2 && head->prevpool == p2);
    CHECK_INVARIANTS(&a);
    RH_CHECK(a.malloc(a.ctx, 512) == p[40]); /* P1 is full again and leaves the ring */
    RH_CHECK(head->nextpool == p0);
    RH_CHECK(a.malloc(a.ctx, 512) == p[3]);
    RH_CHECK(head->nextpool == p2);
    CHECK_INVARIANTS(&a);
    for (int i = 0; i < 31 * 2 + 5; i++) a.free(a.ctx, p[i], 512);
    (void)p1;
    a.destroy(a.ctx);
}

/* pymalloc_realloc: keep the block when the new size fits and 4*nbytes > 3*size; shrinking by >= 25% or
 * growing moves it (malloc + memcpy + free); a block pymalloc does not own goes to realloc(). */
RH_TEST(realloc_keep_shrink_grow_rules) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    rh_pymalloc *st = state(&a);
    unsigned char *p = a.malloc(a.ctx, 64);
    for (int i = 0; i < 64; i++) p[i] = (unsigned char)i;
    RH_CHECK(a.realloc(a.ctx, p, 64, 64) == p);
    RH_CHECK(a.realloc(a.ctx, p, 64, 49) == p); /* 196 > 192: kept */
    unsigned char *q = a.realloc(a.ctx, p, 49, 48); /* 192 > 192 is false: moves to the 48 class */
    RH_CHECK(q != p && pool_of(&a, q)->szidx == 2);
    for (int i = 0; i < 48; i++) RH_CHECK(q[i] == i);
    unsigned char *r = a.realloc(a.ctx, q, 48, 100); /* grows: moves to the 112 class */
    RH_CHECK(r != q && pool_of(&a, r)->szidx == 6);
    for (int i = 0; i < 48; i++) RH_CHECK(r[i] == i);
    unsigned char *big = a.realloc(a.ctx, r, 100, 5000); /* leaves pymalloc */
    RH_CHECK(big && !rh__pymalloc_owns(st, big));
    for (int i = 0; i < 48; i++) RH_CHECK(big[i] == i);
    RH_CHECK_EQ_U(st->large_live, 1);
    unsigned char *still = a.realloc(a.ctx, big, 5000, 16); /* not ours: libc realloc, as CPython */
    RH_CHECK(still && !rh__pymalloc_owns(st, still));
    for (int i = 0; i < 16; i++) RH_CHECK(still[i] == i);
    a.free(a.ctx, still, 16);
    void *fresh = a.realloc(a.ctx, NULL, 0, 24); /* realloc(NULL) is malloc */
    RH_CHECK(fresh && rh__pymalloc_owns(st, fresh));
    void *zero = a.realloc(a.ctx, fresh, 24, 0); /* shrink to 0: a distinct libc block */
    RH_CHECK(zero && !rh__pymalloc_owns(st, zero));
    a.free(a.ctx, zero, 0);
    RH_CHECK_EQ_U(st->allocs - st->frees, 0);
    RH_CHECK_EQ_U(st->large_live, 0);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* Requests above SMALL_REQUEST_THRESHOLD and 0-byte requests go to the raw allocator (malloc); 0 still
 * gets a distinct non-NULL pointer (_PyMem_RawMalloc's malloc(1); Doc/c-api/memory.rst). */
RH_TEST(large_and_zero_size_requests_go_to_malloc) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    rh_pymalloc *st = state(&a);
    void *s = a.malloc(a.ctx, 512), *l = a.malloc(a.ctx, 513), *z1 = a.malloc(a.ctx, 0), *z2 = a.malloc(a.ctx, 0);
    RH_CHECK(s && l && z1 && z2 && z1 != z2);
    RH_CHECK(rh__pymalloc_owns(st, s));
    RH_CHECK(!rh__pymalloc_owns(st, l) && !rh__pymalloc_owns(st, z1) && !rh__pymalloc_owns(st, z2));
    rh_allocator_stats stats = {.struct_size = sizeof stats};
    RH_CHECK(a.stats(a.ctx, &stats) == 0);
    RH_CHECK_EQ_U(stats.large_allocs_live, 3);
    RH_CHECK_EQ_U(stats.classes[31].blocks_in_use, 1);
    RH_CHECK_EQ_U(stats.bytes_requested, 512 + 513);
    unsigned char *c = a.calloc(a.ctx, 300, 3); /* 900 bytes: libc calloc */
    RH_CHECK(c && !rh__pymalloc_owns(st, c));
    for (int i = 0; i < 900; i++) RH_CHECK(c[i] == 0);
    RH_CHECK(a.calloc(a.ctx, SIZE_MAX / 2, 3) == NULL); /* overflow */
    RH_CHECK(a.malloc(a.ctx, SIZE_MAX / 2 + 1) == NULL); /* > PY_SSIZE_T_MAX */
    a.free(a.ctx, c, 900);
    a.free(a.ctx, l, 0); /* unknown size: found not to be ours by the arena map */
    a.free(a.ctx, z1, 0);
    a.free(a.ctx, z2, 0);
    a.free(a.ctx, s, 512);
    a.free(a.ctx, NULL, 0);
    RH_CHECK_EQ_U(st->large_live, 0);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* calloc of a small size is a zeroed pymalloc block, even when the block is reused dirty. */
RH_TEST(calloc_small_is_zeroed_pymalloc_block) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    unsigned char *p = a.malloc(a.ctx, 96);
    memset(p, 0xAB, 96);
    a.free(a.ctx, p, 96);
    unsigned char *q = a.calloc(a.ctx, 4, 24);
    RH_CHECK(q == p); /* LIFO reuse of the dirty block */
    for (int i = 0; i < 96; i++) RH_CHECK(q[i] == 0);
    a.free(a.ctx, q, 96);
    a.destroy(a.ctx);
}

/* Stats (sys._debugmallocstats, _PyObject_DebugMallocStats): blocks in use == allocs - frees - live large
 * blocks, and the byte breakdown adds up to arenas * ARENA_SIZE whatever the arena alignment mmap gave. */
RH_TEST(stats_invariants_hold) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    static void *p[3000];
    uint64_t req = 0;
    for (int i = 0; i < 3000; i++) {
        size_t n = (size_t)(i * 37 % 700);
        p[i] = a.malloc(a.ctx, n);
        req += n;
    }
    for (int i = 0; i < 3000; i += 3) {
        a.free(a.ctx, p[i], (size_t)(i * 37 % 700));
        req -= (size_t)(i * 37 % 700);
    }
    rh_allocator_stats s = {.struct_size = sizeof s};
    RH_CHECK(a.stats(a.ctx, &s) == 0);
    uint64_t in_use = 0, pools = 0;
    for (uint32_t i = 0; i < s.nsize_classes; i++) {
        in_use += s.classes[i].blocks_in_use;
        pools += s.classes[i].num_pools;
        RH_CHECK_EQ_U(s.classes[i].size, 16 * (i + 1));
        RH_CHECK_EQ_U(s.classes[i].blocks_in_use + s.classes[i].avail_blocks,
                      s.classes[i].num_pools * rh__pm_class_nblocks(state(&a), i));
    }
    RH_CHECK_EQ_U(in_use, s.allocs - s.frees - s.large_allocs_live);
    RH_CHECK_EQ_U(s.allocs, 3000);
    RH_CHECK_EQ_U(s.frees, 1000);
    RH_CHECK_EQ_U(s.bytes_requested, req);
    uint64_t sum = s.bytes_in_allocated_blocks + s.bytes_in_available_blocks + s.unused_pools * s.pool_size +
                   s.bytes_lost_pool_headers + s.bytes_lost_quantization + s.bytes_lost_arena_alignment;
    RH_CHECK_EQ_U(sum, s.arenas_current * s.arena_size);
    RH_CHECK_EQ_U(s.bytes_mapped, s.arenas_current * 1048576);
    RH_CHECK_EQ_U(s.bytes_lost_pool_headers, pools * 48);
    RH_CHECK_EQ_U(s.arenas_reclaimed, s.arenas_allocated_total - s.arenas_current);
    RH_CHECK(s.bytes_lost_arena_alignment % 16384 == 0 && s.bytes_lost_arena_alignment <= s.arenas_current * 16384);
    rh_allocator_stats small = {.struct_size = sizeof small - 1};
    RH_CHECK(a.stats(a.ctx, &small) == -1);
    for (int i = 1; i < 3000; i++)
        if (i % 3) a.free(a.ctx, p[i], (size_t)(i * 37 % 700));
    RH_CHECK(a.stats(a.ctx, &s) == 0);
    RH_CHECK_EQ_U(s.bytes_requested, 0);
    RH_CHECK_EQ_U(s.bytes_in_allocated_blocks, 0);
    RH_CHECK_EQ_U(s.large_allocs_live, 0);
    a.destroy(a.ctx);
}

/* A free with size 0 (unknown) works for both kinds of block; bytes_requested then becomes unknown for a
 * pymalloc block (it has no size header), stays exact for 0-byte libc blocks. */
RH_TEST(free_with_unknown_size) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    void *z = a.malloc(a.ctx, 0), *s = a.malloc(a.ctx, 100);
    a.free(a.ctx, z, 0);
    rh_allocator_stats st = {.struct_size = sizeof st};
    RH_CHECK(a.stats(a.ctx, &st) == 0);
    RH_CHECK_EQ_U(st.bytes_requested, 100);
    a.free(a.ctx, s, 0);
    RH_CHECK(a.stats(a.ctx, &st) == 0);
    RH_CHECK_EQ_U(st.bytes_requested, RH_STAT_UNKNOWN);
    RH_CHECK_EQ_U(st.frees, 2);
    RH_CHECK_EQ_U(st.classes[6].blocks_in_use, 0);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

static char dms_buf[16384];
/* The text has the shape of 3.11's sys._debugmallocstats (Objects/obmalloc.c: _PyObject_DebugMallocStats):
 * class table, arena counters, byte breakdown summing to the arena bytes, arena map counts. */
RH_TEST(debugmallocstats_text_has_cpython_shape) {
    rh_arena_allocator src = slab_source();
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    void *p[4] = {a.malloc(a.ctx, 28), a.malloc(a.ctx, 32), a.malloc(a.ctx, 17), a.malloc(a.ctx, 500)};
    FILE *f = fmemopen(dms_buf, sizeof dms_buf, "w");
    RH_CHECK(f != NULL);
    rh__pymalloc_debugmallocstats(a.ctx, f);
    fclose(f);
    const char *expect =
        "Small block threshold = 512, in 32 size classes.\n"
        "\n"
        "class   size   num pools   blocks in use  avail blocks\n"
        "-----   ----   ---------   -------------  ------------\n"
        "    1     32           1               3           507\n"
        "   31    512           1               1            30\n"
        "\n"
        "# arenas allocated total           =                    1\n"
        "# arenas reclaimed                 =                    0\n"
        "# arenas highwater mark            =                    1\n"
        "# arenas allocated current         =                    1\n"
        "1 arenas * 1048576 bytes/arena     =            1,048,576\n"
        "\n"
        "# bytes in allocated blocks        =                  608\n"
        "# bytes in available blocks        =               31,584\n"
        "62 unused pools * 16384 bytes      =            1,015,808\n"
        "# bytes lost to pool headers       =                   96\n"
        "# bytes lost to quantization       =                  480\n"
        "# bytes lost to arena alignment    =                    0\n"
        "Total                              =            1,048,576\n"
        "\n"
        "arena map counts\n"
        "# arena map mid nodes              =                    0\n"
        "# arena map bot nodes              =                    1\n"
        "\n"
        "# bytes lost to arena map root     =              131,072\n"
        "# bytes lost to arena map mid      =                    0\n"
        "# bytes lost to arena map bot      =              131,072\n"
        "Total                              =              262,144\n";
    RH_CHECK_STR(dms_buf, expect);
    for (int i = 0; i < 4; i++) a.free(a.ctx, p[i], 0);
    a.destroy(a.ctx);
}

/* 2.7 (Objects/obmalloc.c, 2.7): ALIGNMENT 8 -> 64 size classes, 4 KiB pools, 256 KiB arenas, 48-byte pool
 * header. */
RH_TEST(py27_profile_8_byte_alignment_4k_pools) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py27"), NULL) == 0);
    rh_pymalloc *st = state(&a);
    RH_CHECK_EQ_U(st->nclasses, 64);
    RH_CHECK_EQ_U(st->max_pools, 64);
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 0), 506);  /* (4096 - 48) / 8 */
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 2), 168);  /* 24-byte blocks: a 2.7 int */
    RH_CHECK_EQ_U(rh__pm_class_nblocks(st, 63), 7);   /* 512-byte blocks */
    unsigned char *b0 = a.malloc(a.ctx, 8), *b1 = a.malloc(a.ctx, 5);
    rh_pool_header *pool = pool_of(&a, b0);
    RH_CHECK_EQ_U((uintptr_t)pool % 4096, 0);
    RH_CHECK(b1 == b0 + 8);
    RH_CHECK_EQ_U((uintptr_t)b1 % 16, 8); /* only 8-aligned */
    RH_CHECK_EQ_U(pool->szidx, 0);
    RH_CHECK_EQ_U(pool->nextoffset, 48 + 3 * 8);
    void *i24 = a.malloc(a.ctx, 24);
    RH_CHECK_EQ_U(pool_of(&a, i24)->szidx, 2);
    rh_allocator_stats s = {.struct_size = sizeof s};
    RH_CHECK(a.stats(a.ctx, &s) == 0);
    RH_CHECK_EQ_U(s.nsize_classes, 64);
    RH_CHECK_EQ_U(s.pool_size, 4096);
    RH_CHECK_EQ_U(s.arena_size, 262144);
    RH_CHECK_EQ_U(s.bytes_lost_arena_alignment, 0); /* page-sized pools are always aligned */
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, b0, 8);
    a.free(a.ctx, b1, 5);
    a.free(a.ctx, i24, 24);
    a.destroy(a.ctx);
}

/* Parameters that break pymalloc's arithmetic are refused rather than mis-served. */
RH_TEST(create_rejects_unusable_parameters) {
    rh_allocator a;
    rh_profile p = *rh_profile_get("py311");
    p.pool_size = 12000;
    RH_CHECK(rh_allocator_pymalloc(&a, &p, NULL) == -1);
    p = *rh_profile_get("py311");
    p.pool_overhead = 40; /* smaller than the header */
    RH_CHECK(rh_allocator_pymalloc(&a, &p, NULL) == -1);
    p = *rh_profile_get("py311");
    p.small_request_threshold = 1040; /* 65 classes */
    RH_CHECK(rh_allocator_pymalloc(&a, &p, NULL) == -1);
    p = *rh_profile_get("py311");
    p.alignment = 4;
    RH_CHECK(rh_allocator_pymalloc(&a, &p, NULL) == -1);
    RH_CHECK(rh_allocator_pymalloc(&a, NULL, NULL) == -1);
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    RH_CHECK_STR(a.name, "pymalloc");
    RH_CHECK(rh__pymalloc_is(&a));
    RH_CHECK(a.trim(a.ctx) == 0);
    a.destroy(a.ctx);
}

/* ---- random traffic: the checker (every invariant in obmalloc.h) holds throughout ---- */
#define RND_SLOTS 16384
static void *rnd_p[RND_SLOTS];
static size_t rnd_n[RND_SLOTS];
static uint64_t rnd_state;
static uint64_t rnd(void) { /* xorshift64* */
    rnd_state ^= rnd_state >> 12;
    rnd_state ^= rnd_state << 25;
    rnd_state ^= rnd_state >> 27;
    return rnd_state * 2685821657736338717ull;
}
static int rnd_big_only; /* 1: only 256..512-byte requests, many arenas */
static size_t rnd_size(void) {
    if (rnd_big_only) return 256 + rnd() % 257;
    uint64_t k = rnd() % 100;
    if (k < 3) return 0;
    if (k < 10) return 513 + rnd() % 3000;
    if (k < 60) return 1 + rnd() % 64;
    return 1 + rnd() % 512;
}
static void fill(unsigned char *p, size_t n, size_t slot) { for (size_t i = 0; i < n && i < 64; i++) p[i] = (unsigned char)(slot + i); }
static int intact(const unsigned char *p, size_t n, size_t slot) {
    for (size_t i = 0; i < n && i < 64; i++) if (p[i] != (unsigned char)(slot + i)) return 0;
    return 1;
}

static void random_run(const char *profile, uint64_t seed, int ops, int slots, int big_only) {
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get(profile), NULL) == 0);
    fprintf(stderr, "%s: seed %llu (RH_PYMALLOC_SEED replays it)\n", profile, (unsigned long long)seed);
    rnd_state = seed;
    rnd_big_only = big_only;
    memset(rnd_p, 0, sizeof rnd_p);
    size_t top = 0; /* big_only: slots >= top are empty */
    for (int op = 0; op < ops; op++) {
        /* waves: 20000 ops that mostly allocate, then 20000 that mostly free, so pools and arenas empty
         * out and refill */
        int grow = (rnd() % 100) < (((op / 20000) & 1) ? 10u : 90u);
        size_t i;
        if (big_only) { /* stack-like: push at the top, pop near the top, so whole arenas empty out */
            if (grow) {
                if (top == (size_t)slots) continue;
                i = top++;
            } else {
                if (top == 0) continue;
                i = top - 1 - (size_t)(rnd() % (top < 256 ? top : 256));
                if (!rnd_p[i]) i = top - 1; /* never NULL: top skips freed slots */
            }
        } else {
            i = rnd() % (uint64_t)slots;
            if (!rnd_p[i] && !grow) continue;
            if (rnd_p[i] && grow && rnd() % 4) continue;
        }
        if (!rnd_p[i]) {
            rnd_n[i] = rnd_size();
            rnd_p[i] = (rnd() & 7) ? a.malloc(a.ctx, rnd_n[i]) : a.calloc(a.ctx, 1, rnd_n[i]);
            RH_CHECK(rnd_p[i] != NULL);
            fill(rnd_p[i], rnd_n[i], i);
        } else if (rnd() % 4 == 0) {
            RH_CHECK_MSG(intact(rnd_p[i], rnd_n[i], i), "block %zu corrupted before realloc", i);
            size_t n = rnd_size();
            void *q = a.realloc(a.ctx, rnd_p[i], rnd_n[i], n);
            RH_CHECK(q != NULL);
            RH_CHECK_MSG(intact(q, n < rnd_n[i] ? n : rnd_n[i], i), "realloc lost the contents of %zu", i);
            rnd_p[i] = q;
            rnd_n[i] = n;
            fill(q, n, i);
        } else {
            RH_CHECK_MSG(intact(rnd_p[i], rnd_n[i], i), "block %zu corrupted", i);
            a.free(a.ctx, rnd_p[i], rnd_n[i]);
            rnd_p[i] = NULL;
            while (top > 0 && !rnd_p[top - 1]) top--;
        }
        if (op % 2500 == 0) CHECK_INVARIANTS(&a);
    }
    CHECK_INVARIANTS(&a);
    for (size_t i = 0; i < RND_SLOTS; i++)
        if (rnd_p[i]) { a.free(a.ctx, rnd_p[i], (i & 1) ? rnd_n[i] : 0); rnd_p[i] = NULL; }
    CHECK_INVARIANTS(&a);
    rh_allocator_stats s = {.struct_size = sizeof s};
    RH_CHECK(a.stats(a.ctx, &s) == 0);
    RH_CHECK_EQ_U(s.allocs, s.frees);
    RH_CHECK_EQ_U(s.bytes_in_allocated_blocks, 0);
    RH_CHECK_EQ_U(s.arenas_current, state(&a)->keep_one_empty_arena ? 1 : 0);
    a.destroy(a.ctx);
}

static uint64_t seed_from_env(void) {
    const char *e = getenv("RH_PYMALLOC_SEED");
    uint64_t seed = e ? strtoull(e, NULL, 0) : 0x5eed2311ull;
    return seed ? seed : 1;
}

/* Every state/list/count invariant of obmalloc.h holds under random malloc/calloc/realloc/free traffic. */
RH_TEST(checker_passes_after_random_traffic_py311) { random_run("py311", seed_from_env(), 200000, 4096, 0); }
RH_TEST(checker_passes_after_random_traffic_py27) { random_run("py27", seed_from_env(), 200000, 4096, 0); }
/* Big blocks over many slots: a dozen arenas (py311) / dozens (py27) whose pools empty and refill in
 * random order, so usable_arenas reordering, nfp2lasta and arena release are exercised. */
RH_TEST(checker_passes_with_many_arenas_churning_py311) { random_run("py311", seed_from_env(), 300000, 16384, 1); }
RH_TEST(checker_passes_with_many_arenas_churning_py27) { random_run("py27", seed_from_env(), 300000, 16384, 1); }

RH_TEST_MAIN()
