/* test_pymalloc_arenas.c — the pymalloc model's arenas: the arena allocator plug-in (a counting source over
 * static storage, failure, the mmap default), alignment fix-up, the arena map, usable_arenas order and
 * nfp2lasta, release of wholly free arenas (kept-last in 3.11, always released in 2.7), the descriptors
 * vector, and the list(range(10**6)) pattern. CPython: Objects/obmalloc.c (3.11): new_arena,
 * allocate_from_new_pool, insert_to_freepool (nfp2lasta), address_in_range / arena_map_is_used.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obmalloc.h"
#include "refheap/alloc.h"
#include "refheap/profile.h"
#include "rh_test.h"

/* ---- arena source over a static buffer: contiguous slots of arena_size, all shifted by `offset` bytes
 * from a 1 MiB boundary (offset 0: pool-aligned arenas; 4096: every arena loses a pool, and neighbours
 * share an arena-map slot). Counts calls; `fail` makes alloc return NULL. ---- */
#define SLAB_SLOTS 33
#define MIB (1u << 20)
static unsigned char slab_mem[(SLAB_SLOTS + 2) * (size_t)MIB];
typedef struct slab {
    unsigned char *base;
    size_t slot_size, offset;
    int used[SLAB_SLOTS];
    int allocs, frees, fail, live, calls_after_fail;
} slab;
static slab S;
static void *slab_alloc(void *ctx, size_t size) {
    slab *s = ctx;
    if (s->fail) { s->calls_after_fail++; return NULL; }
    if (size != s->slot_size) return NULL;
    for (int i = 0; i < SLAB_SLOTS; i++)
        if (!s->used[i]) {
            s->used[i] = 1;
            s->allocs++;
            s->live++;
            return s->base + s->offset + (size_t)i * s->slot_size;
        }
    return NULL;
}
static void slab_free(void *ctx, void *p, size_t size) {
    slab *s = ctx;
    size_t i = ((unsigned char *)p - s->base - s->offset) / s->slot_size;
    if (size == s->slot_size && i < SLAB_SLOTS && s->used[i]) { s->used[i] = 0; s->frees++; s->live--; }
}
static rh_arena_allocator slab_source(size_t arena_size, size_t offset) {
    memset(&S, 0, sizeof S);
    uintptr_t b = ((uintptr_t)slab_mem + MIB - 1) & ~(uintptr_t)(MIB - 1);
    S.base = (unsigned char *)b;
    S.slot_size = arena_size;
    S.offset = offset;
    return (rh_arena_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof(rh_arena_allocator), "static-slab", &S,
                                slab_alloc, slab_free};
}

static rh_pymalloc *state(rh_allocator *a) { return (rh_pymalloc *)a->ctx; }
static rh_arena_object *arena_of(rh_allocator *a, void *p) {
    rh_pool_header *pool = (rh_pool_header *)((uintptr_t)p & state(a)->pool_mask);
    return &state(a)->arenas[pool->arenaindex];
}
static const char *check_why;
static int checker_ok(rh_allocator *a) {
    check_why = "";
    return rh__pymalloc_check(a->ctx, &check_why) == 0;
}
#define CHECK_INVARIANTS(a) RH_CHECK_MSG(checker_ok(a), "invariant violated: %s", check_why)
static rh_allocator_stats stats_of(rh_allocator *a) {
    rh_allocator_stats s = {.struct_size = sizeof s};
    a->stats(a->ctx, &s);
    return s;
}

/* 512-byte blocks: 31 per 16 KiB pool, 64 pools per aligned 1 MiB arena -> 1984 blocks fill an arena. */
#define PER_POOL 31
#define PER_ARENA (64 * PER_POOL)
static void *big[34 * PER_ARENA];
static void free_pool(rh_allocator *a, int arena, int pool) {
    for (int i = 0; i < PER_POOL; i++) {
        int k = arena * PER_ARENA + pool * PER_POOL + i;
        a->free(a->ctx, big[k], 512);
        big[k] = NULL;
    }
}

/* PyObjectArenaAllocator (PEP 445): pymalloc takes all arena memory from the plugged source, one
 * arena_size request per arena, and gives it back through the same source. */
RH_TEST(custom_static_arena_source_is_used_and_counted) {
    rh_arena_allocator src = slab_source(MIB, 0);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    RH_CHECK_EQ_I(S.allocs, 0); /* nothing mapped until the first small request */
    void *p = a.malloc(a.ctx, 100);
    RH_CHECK_EQ_I(S.allocs, 1);
    RH_CHECK((unsigned char *)p >= S.base && (unsigned char *)p < S.base + MIB);
    for (int i = 0; i < 2 * PER_ARENA; i++) big[i] = a.malloc(a.ctx, 512);
    RH_CHECK_EQ_I(S.allocs, 3); /* 1984 blocks + the first arena's 100-byte pool spill into a third */
    RH_CHECK_EQ_U(stats_of(&a).bytes_mapped, 3ull * MIB);
    for (int i = 0; i < 2 * PER_ARENA; i++) a.free(a.ctx, big[i], 512);
    a.free(a.ctx, p, 100);
    RH_CHECK_EQ_I(S.frees, 2);
    RH_CHECK_EQ_I(S.live, 1);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
    RH_CHECK_EQ_I(S.live, 0); /* destroy returns the kept arena */
    RH_CHECK_EQ_I(S.frees, 3);
}

/* new_arena's alignment fix-up (Objects/obmalloc.c): an arena whose base is not 16 KiB-aligned loses one pool
 * (nfreepools 63) and its pools start at the next pool boundary. */
RH_TEST(misaligned_arena_loses_one_pool) {
    rh_arena_allocator src = slab_source(MIB, 4096);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    void *p = a.malloc(a.ctx, 16);
    rh_arena_object *ao = arena_of(&a, p);
    RH_CHECK_EQ_U(ao->ntotalpools, 63);
    RH_CHECK_EQ_U(ao->nfreepools, 62);
    RH_CHECK_EQ_U(ao->address, (uintptr_t)S.base + 4096);
    RH_CHECK_EQ_U((uintptr_t)p, (uintptr_t)S.base + 16384 + 48); /* first pool at the next boundary */
    rh_allocator_stats s = stats_of(&a);
    RH_CHECK_EQ_U(s.bytes_lost_arena_alignment, 16384);
    RH_CHECK_EQ_U(s.unused_pools, 62);
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, p, 16);
    a.destroy(a.ctx);
}

/* The ownership test reads only the arena map (Objects/obmalloc.c: with the radix tree, address_in_range is
 * arena_map_is_used): exact at the edges of misaligned neighbouring arenas that share a map slot. */
RH_TEST(arena_map_ownership_exact_at_arena_edges) {
    rh_arena_allocator src = slab_source(MIB, 4096);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    rh_pymalloc *st = state(&a);
    for (int i = 0; i < PER_ARENA + 1; i++) big[i] = a.malloc(a.ctx, 512); /* 63 pools: two arenas */
    RH_CHECK_EQ_I(S.allocs, 2);
    uintptr_t a0 = (uintptr_t)S.base + 4096, a1 = a0 + MIB, end = a1 + MIB;
    RH_CHECK(!rh__pymalloc_owns(st, (void *)(a0 - 1)));
    RH_CHECK(rh__pymalloc_owns(st, (void *)a0));
    RH_CHECK(rh__pymalloc_owns(st, (void *)(a1 - 1)));
    RH_CHECK(rh__pymalloc_owns(st, (void *)a1));
    RH_CHECK(rh__pymalloc_owns(st, (void *)(end - 1)));
    RH_CHECK(!rh__pymalloc_owns(st, (void *)end));
    RH_CHECK(!rh__pymalloc_owns(st, (void *)((uintptr_t)S.base + 5 * MIB)));
    RH_CHECK(!rh__pymalloc_owns(st, (void *)(uintptr_t)1));
    RH_CHECK(!rh__pymalloc_owns(st, (void *)(~(uintptr_t)0 - 15)));
    int local;
    RH_CHECK(!rh__pymalloc_owns(st, &local));
    /* empty the second arena first: wholly free and last on usable_arenas, so it is kept */
    for (int i = PER_ARENA - PER_POOL; i < PER_ARENA + 1; i++) a.free(a.ctx, big[i], 512);
    RH_CHECK_EQ_I(S.frees, 0);
    /* then the first: released, its range forgotten, the neighbour's part of the shared slot untouched */
    for (int i = 0; i < PER_ARENA - PER_POOL; i++) a.free(a.ctx, big[i], 512); /* 63 pools * 31 */
    RH_CHECK_EQ_I(S.frees, 1);
    RH_CHECK(!rh__pymalloc_owns(st, (void *)a0));
    RH_CHECK(!rh__pymalloc_owns(st, (void *)(a1 - 1)));
    RH_CHECK(rh__pymalloc_owns(st, (void *)a1));
    RH_CHECK(rh__pymalloc_owns(st, (void *)(end - 1)));
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* An arena the map cannot describe (above 2**48) is refused without touching it, handed back, and the
 * request fails cleanly (arena_map_mark_used failure in new_arena). */
static int far_allocs, far_frees;
static void *far_alloc(void *ctx, size_t size) { (void)ctx; (void)size; far_allocs++; return (void *)((uintptr_t)1 << 50); }
static void far_free(void *ctx, void *p, size_t size) { (void)ctx; (void)size; far_frees += p == (void *)((uintptr_t)1 << 50); }
RH_TEST(arena_outside_the_map_is_refused) {
    rh_arena_allocator src = {RH_ALLOCATOR_ABI_VERSION, sizeof src, "far", NULL, far_alloc, far_free};
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    RH_CHECK(a.malloc(a.ctx, 64) == NULL);
    RH_CHECK_EQ_I(far_allocs, 1);
    RH_CHECK_EQ_I(far_frees, 1);
    RH_CHECK_EQ_U(stats_of(&a).arenas_allocated_total, 0);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* usable_arenas is sorted by ascending nfreepools and nfp2lasta[n] names the last arena with n free pools
 * (insert_to_freepool / allocate_from_new_pool, 3.11). Exact positions after mixed frees. */
RH_TEST(usable_arenas_ascending_and_nfp2lasta_after_mixed_frees) {
    rh_arena_allocator src = slab_source(MIB, 0);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    rh_pymalloc *st = state(&a);
    for (int i = 0; i < 3 * PER_ARENA; i++) big[i] = a.malloc(a.ctx, 512);
    rh_arena_object *A = arena_of(&a, big[0]), *B = arena_of(&a, big[PER_ARENA]), *C = arena_of(&a, big[2 * PER_ARENA]);
    RH_CHECK(st->usable_arenas == NULL); /* all three full */
    free_pool(&a, 0, 0); free_pool(&a, 0, 1); free_pool(&a, 0, 2);
    RH_CHECK(st->usable_arenas == A && A->nfreepools == 3 && A->nextarena == NULL);
    free_pool(&a, 1, 0); /* B: full -> 1 free pool, goes first */
    RH_CHECK(st->usable_arenas == B && B->nextarena == A);
    free_pool(&a, 2, 0); /* C: full -> 1, goes first; nfp2lasta[1] stays B */
    RH_CHECK(st->usable_arenas == C && C->nextarena == B && B->nextarena == A);
    RH_CHECK(st->nfp2lasta[1] == B);
    free_pool(&a, 2, 1); /* C: 1 -> 2, moves just after nfp2lasta[1] == B */
    RH_CHECK(st->usable_arenas == B && B->nextarena == C && C->nextarena == A && A->nextarena == NULL);
    RH_CHECK(st->nfp2lasta[1] == B && st->nfp2lasta[2] == C && st->nfp2lasta[3] == A);
    for (int k = 4; k <= 64; k++) RH_CHECK(st->nfp2lasta[k] == NULL);
    CHECK_INVARIANTS(&a);
    void *expect = big[PER_ARENA + 2 * PER_POOL - 1]; /* last block freed in B's pool 1 */
    free_pool(&a, 1, 1); /* B: 1 -> 2 while last with 1: stays first, nfp2lasta[1] empties */
    RH_CHECK(st->usable_arenas == B && B->nextarena == C);
    RH_CHECK(st->nfp2lasta[1] == NULL && st->nfp2lasta[2] == C);
    void *p = a.malloc(a.ctx, 512); /* comes from the head (fullest): B 2 -> 1 */
    RH_CHECK(arena_of(&a, p) == B && B->nfreepools == 1);
    RH_CHECK(p == expect); /* B's freepools head (pool 1) reused with its free list: LIFO head */
    RH_CHECK(st->nfp2lasta[1] == B && st->nfp2lasta[2] == C);
    CHECK_INVARIANTS(&a);
    free_pool(&a, 0, 3); /* A: 3 -> 4, already last */
    RH_CHECK(C->nextarena == A && st->nfp2lasta[4] == A && st->nfp2lasta[3] == NULL);
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, p, 512);
    for (int i = 0; i < 3 * PER_ARENA; i++) if (big[i]) a.free(a.ctx, big[i], 512);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* insert_to_freepool (3.11): an arena goes back to the arena allocator the moment its last pool empties,
 * unless it is the last arena on usable_arenas — that one is kept (bpo-37257, insert_to_freepool). */
RH_TEST(wholly_free_arena_released_at_once_last_one_kept_py311) {
    rh_arena_allocator src = slab_source(MIB, 0);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    for (int i = 0; i < PER_ARENA + 1; i++) big[i] = a.malloc(a.ctx, 512); /* arena 0 full, arena 1: 1 block */
    RH_CHECK_EQ_I(S.allocs, 2);
    for (int i = 0; i < PER_ARENA - 1; i++) a.free(a.ctx, big[i], 512);
    RH_CHECK_EQ_I(S.frees, 0);
    a.free(a.ctx, big[PER_ARENA - 1], 512); /* arena 0 wholly free, not last: released now */
    RH_CHECK_EQ_I(S.frees, 1);
    RH_CHECK_EQ_U(stats_of(&a).arenas_current, 1);
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, big[PER_ARENA], 512); /* arena 1 wholly free and last: kept */
    RH_CHECK_EQ_I(S.frees, 1);
    rh_allocator_stats s = stats_of(&a);
    RH_CHECK_EQ_U(s.arenas_current, 1);
    RH_CHECK_EQ_U(s.arenas_reclaimed, 1);
    RH_CHECK_EQ_U(s.arenas_allocated_total, 2);
    RH_CHECK_EQ_U(s.arenas_highwater, 2);
    RH_CHECK_EQ_U(s.unused_pools, 64);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* 2.7 frees an arena as soon as all its pools are free, even the last one (pymalloc_free, Objects/obmalloc.c
 * 2.7). */
RH_TEST(wholly_free_arena_always_released_py27) {
    const rh_profile *p27 = rh_profile_get("py27");
    rh_arena_allocator src = slab_source(p27->arena_size, 0);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, p27, &src) == 0);
    int per_arena = 64 * 7; /* 512-byte blocks: 7 per 4 KiB pool, 64 pools per 256 KiB arena */
    for (int i = 0; i < per_arena + 1; i++) big[i] = a.malloc(a.ctx, 512);
    RH_CHECK_EQ_I(S.allocs, 2);
    for (int i = 0; i < per_arena; i++) a.free(a.ctx, big[i], 512);
    RH_CHECK_EQ_I(S.frees, 1);
    a.free(a.ctx, big[per_arena], 512); /* last and wholly free: released too */
    RH_CHECK_EQ_I(S.frees, 2);
    RH_CHECK_EQ_U(stats_of(&a).arenas_current, 0);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* Why 3.9 keeps one empty arena (bpo-37257): allocating and freeing one object in a loop maps a single
 * arena in 3.11, but maps and unmaps an arena every iteration under 2.7's rule. */
RH_TEST(alloc_free_loop_thrashes_arenas_only_in_py27) {
    rh_arena_allocator src = slab_source(MIB, 0);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    for (int i = 0; i < 1000; i++) a.free(a.ctx, a.malloc(a.ctx, 32), 32);
    RH_CHECK_EQ_I(S.allocs, 1);
    RH_CHECK_EQ_I(S.frees, 0);
    a.destroy(a.ctx);
    const rh_profile *p27 = rh_profile_get("py27");
    src = slab_source(p27->arena_size, 0);
    RH_CHECK(rh_allocator_pymalloc(&a, p27, &src) == 0);
    for (int i = 0; i < 1000; i++) a.free(a.ctx, a.malloc(a.ctx, 32), 32);
    RH_CHECK_EQ_I(S.allocs, 1000);
    RH_CHECK_EQ_I(S.frees, 1000);
    RH_CHECK_EQ_U(stats_of(&a).arenas_allocated_total, 1000);
    RH_CHECK_EQ_U(stats_of(&a).arenas_highwater, 1);
    a.destroy(a.ctx);
}

/* ---- list(range(10**6)): 10**6 28-byte ints = 32-byte blocks, then `del` frees them last to first
 * (list_dealloc). 510 blocks/pool: 64 pools -> 32,640 per aligned arena -> ceil(10**6/32640) = 31 arenas;
 * misaligned (63 pools) -> 32,130 per arena -> 32 arenas. While freeing, the arena being emptied sorts
 * before the one already wholly free (the first to empty, which is last on usable_arenas), so every arena
 * but that one is released: arenas_current 1, reclaimed = allocated - 1. CPython 3.11 measured 33 mmaps /
 * 32 munmaps (strace of /usr/bin/python3 3.11.2): the same rule, plus arenas the interpreter already had and
 * mmap's alignment. ---- */
#define MILLION 1000000
static void *ints[MILLION];
static void million_ints(int offset, int expect_arenas, int reverse) {
    rh_arena_allocator src = slab_source(MIB, (size_t)offset);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    for (int i = 0; i < MILLION; i++) {
        ints[i] = a.malloc(a.ctx, 28);
        RH_CHECK(ints[i] != NULL);
    }
    rh_allocator_stats s = stats_of(&a);
    RH_CHECK_EQ_U(s.arenas_allocated_total, expect_arenas);
    RH_CHECK_EQ_U(s.classes[1].blocks_in_use, MILLION);
    RH_CHECK_EQ_U(s.bytes_in_allocated_blocks, 32ull * MILLION);
    CHECK_INVARIANTS(&a);
    for (int k = 0; k < MILLION; k++) {
        int i = reverse ? MILLION - 1 - k : k;
        a.free(a.ctx, ints[i], 28);
    }
    s = stats_of(&a);
    RH_CHECK_EQ_U(s.arenas_current, 1);
    RH_CHECK_EQ_U(s.arenas_reclaimed, expect_arenas - 1);
    RH_CHECK_EQ_U(s.arenas_highwater, expect_arenas);
    RH_CHECK_EQ_I(S.allocs, expect_arenas);
    RH_CHECK_EQ_I(S.frees, expect_arenas - 1);
    RH_CHECK_EQ_U(s.bytes_in_allocated_blocks, 0);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
    RH_CHECK_EQ_I(S.live, 0);
}
RH_TEST(million_ints_then_del_keeps_one_arena_aligned) { million_ints(0, 31, 1); }
RH_TEST(million_ints_then_del_keeps_one_arena_misaligned) { million_ints(4096, 32, 1); }
RH_TEST(million_ints_freed_in_allocation_order_keeps_one_arena) { million_ints(0, 31, 0); }

/* When the arena source fails, a small request that needs a new arena returns NULL, nothing changes
 * (checker passes), requests that fit existing pools and large requests still work, and allocation
 * resumes when the source recovers. (CPython would fall back to raw malloc: docs/pymalloc.md.) */
RH_TEST(arena_source_failure_returns_null_then_recovers) {
    rh_arena_allocator src = slab_source(MIB, 0);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    for (int i = 0; i < PER_ARENA; i++) big[i] = a.malloc(a.ctx, 512); /* one arena, full */
    rh_allocator_stats before = stats_of(&a);
    S.fail = 1;
    RH_CHECK(a.malloc(a.ctx, 512) == NULL);
    RH_CHECK(a.malloc(a.ctx, 16) == NULL);
    RH_CHECK(a.calloc(a.ctx, 2, 8) == NULL);
    RH_CHECK(a.realloc(a.ctx, big[0], 512, 16) == NULL); /* needs a 16-byte block: fails, big[0] kept */
    RH_CHECK_EQ_I(S.calls_after_fail, 4);
    rh_allocator_stats after = stats_of(&a);
    RH_CHECK_EQ_U(after.allocs, before.allocs);
    RH_CHECK_EQ_U(after.arenas_allocated_total, 1);
    CHECK_INVARIANTS(&a);
    void *large = a.malloc(a.ctx, 4096);
    RH_CHECK(large != NULL);
    a.free(a.ctx, big[5], 512);
    void *again = a.malloc(a.ctx, 512); /* fits the pool that has a free block */
    RH_CHECK(again == big[5]);
    S.fail = 0;
    void *p = a.malloc(a.ctx, 16);
    RH_CHECK(p != NULL);
    RH_CHECK_EQ_I(S.allocs, 2);
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, p, 16);
    a.free(a.ctx, large, 4096);
    for (int i = 0; i < PER_ARENA; i++) a.free(a.ctx, big[i], 512);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* INITIAL_ARENA_OBJECTS 16; new_arena doubles the descriptors vector, never shrinks it (Objects/obmalloc.c).
 */
RH_TEST(arena_descriptors_start_at_16_and_double) {
    rh_arena_allocator src = slab_source(MIB, 0);
    rh_allocator a;
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), &src) == 0);
    rh_pymalloc *st = state(&a);
    RH_CHECK_EQ_U(st->maxarenas, 0);
    for (int i = 0; i < 16 * PER_ARENA; i++) big[i] = a.malloc(a.ctx, 512);
    RH_CHECK_EQ_U(st->maxarenas, 16);
    big[16 * PER_ARENA] = a.malloc(a.ctx, 512);
    RH_CHECK_EQ_U(st->maxarenas, 32);
    RH_CHECK_EQ_U(stats_of(&a).arenas_current, 17);
    CHECK_INVARIANTS(&a);
    for (int i = 0; i <= 16 * PER_ARENA; i++) a.free(a.ctx, big[i], 512);
    RH_CHECK_EQ_U(st->maxarenas, 32);
    RH_CHECK_EQ_U(stats_of(&a).arenas_current, 1);
    CHECK_INVARIANTS(&a);
    a.destroy(a.ctx);
}

/* The default arena source is anonymous mmap/munmap (_PyObject_Arena with ARENAS_USE_MMAP): page-aligned,
 * zero-filled, writable memory of the requested size. */
RH_TEST(mmap_arena_allocator_maps_zeroed_pages) {
    rh_arena_allocator m;
    RH_CHECK(rh_arena_allocator_mmap(&m) == 0);
    RH_CHECK_STR(m.name, "mmap");
    RH_CHECK_EQ_U(m.abi_version, RH_ALLOCATOR_ABI_VERSION);
    unsigned char *p = m.alloc(m.ctx, MIB);
    RH_CHECK(p != NULL);
    RH_CHECK_EQ_U((uintptr_t)p % 4096, 0);
    RH_CHECK(p[0] == 0 && p[MIB - 1] == 0);
    p[0] = 1;
    p[MIB - 1] = 2;
    m.free(m.ctx, p, MIB);
    rh_allocator a; /* and pymalloc over it accounts for whatever alignment mmap gave */
    RH_CHECK(rh_allocator_pymalloc(&a, rh_profile_get("py311"), NULL) == 0);
    void *q = a.malloc(a.ctx, 8);
    rh_arena_object *ao = arena_of(&a, q);
    RH_CHECK_EQ_U(ao->ntotalpools, (ao->address % 16384) ? 63 : 64);
    CHECK_INVARIANTS(&a);
    a.free(a.ctx, q, 8);
    a.destroy(a.ctx);
}

RH_TEST_MAIN()
