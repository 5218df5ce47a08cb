/* obmalloc.h — private to the pymalloc model: its data (pool headers, arena descriptors, the arena map,
 * the allocator state rh_pymalloc) and the functions shared by obmalloc.c and obmalloc_stats.c.
 *
 * The memory layout and why it is so are explained in the big comment at the top of obmalloc.c and in
 * docs/pymalloc.md. The invariants below are stated next to the data they govern; rh__pymalloc_check()
 * (obmalloc.c) asserts exactly these sentences.
 */
#ifndef REFHEAP_OBMALLOC_H
#define REFHEAP_OBMALLOC_H
#include <stdint.h>
#include <stdio.h>

#include "internal.h"
#include "refheap/alloc.h"
#include "refheap/profile.h"

#define RH_LIKELY(x) __builtin_expect(!!(x), 1)
#define RH_UNLIKELY(x) __builtin_expect(!!(x), 0)

typedef uint8_t rh_block;

/* szidx of a pool that was carved but never given a size class (DUMMY_SIZE_IDX). */
#define RH_PM_DUMMY_SIZE_IDX 0xffffu
/* Arena descriptors vector: initial length, doubled when exhausted, never shrunk (INITIAL_ARENA_OBJECTS). */
#define RH_PM_INITIAL_ARENA_OBJECTS 16u
/* Addresses handed to pymalloc must lie below 2**48 (x86-64/aarch64 user space): the arena map covers
 * exactly that range. An arena above it is refused (new arena fails), a pointer above it is "not ours". */
#define RH_PM_ADDRESS_BITS 48u

/* ---------------------------------------------------------------- pool header (struct pool_header)
 * Sits at the start of every pool; the pool's blocks follow at offset pool_overhead. 48 bytes, as 3.11.
 *
 * A carved pool is in exactly one state:
 *   used   0 < count < nblocks(szidx); freeblock != NULL; linked in the ring usedpools[szidx].
 *   full   count == nblocks(szidx); freeblock == NULL; on no list (nextpool/prevpool meaningless).
 *   empty  count == 0; on its arena's freepools list (linked through nextpool); szidx kept from its last
 *          use, so a reuse for the same class skips the header setup.
 * In every carved pool: the free list holds exactly carved - count blocks, where carved =
 * (nextoffset - overhead) / size are the blocks ever handed out or put on the free list; every block on
 * the free list is a block boundary below nextoffset. Virgin blocks (offset >= nextoffset) are never
 * touched before they are needed; nextoffset <= maxnextoffset == pool_size - size means one more virgin
 * block fits.
 */
typedef struct rh_pool_header {
    uint32_t count;                    /* ref.count: blocks currently allocated from this pool */
    uint32_t pad_;                     /* ref is a union padded to pointer size in CPython */
    rh_block *freeblock;               /* first free block; each free block's first word links the next */
    struct rh_pool_header *nextpool;   /* ring (used) or freepools list (empty) */
    struct rh_pool_header *prevpool;   /* ring only */
    uint32_t arenaindex;               /* index of the owning descriptor in rh_pymalloc.arenas */
    uint32_t szidx;                    /* size class, or RH_PM_DUMMY_SIZE_IDX */
    uint32_t nextoffset;               /* offset of the next virgin block */
    uint32_t maxnextoffset;            /* largest valid nextoffset: pool_size - size */
} rh_pool_header;
_Static_assert(sizeof(rh_pool_header) == 48, "pool header is 48 bytes as in CPython 3.11 (POOL_OVERHEAD)");

/* ---------------------------------------------------------------- arena descriptor (struct arena_object)
 * address == 0: the descriptor is unused and sits on unused_arena_objects (linked through nextarena).
 * address != 0: an arena of arena_size bytes is attached;
 *   ntotalpools = arena_size / pool_size, minus one if address is not pool-aligned (alignment fix-up);
 *   pools are carved in order from the first pool-aligned address; pool_address is the next to carve;
 *   nfreepools = (pools on freepools) + (pools not yet carved);
 *   nfreepools > 0  <=> the arena is on usable_arenas (doubly linked through nextarena/prevarena);
 *   nfreepools == 0 <=> the arena is on no list (nextarena/prevarena are NULL).
 */
typedef struct rh_arena_object {
    uintptr_t address;                 /* arena base as the arena allocator returned it; 0: unused */
    rh_block *pool_address;            /* next pool to carve (pool-aligned) */
    uint32_t nfreepools;
    uint32_t ntotalpools;
    rh_pool_header *freepools;         /* empty pools, singly linked through nextpool */
    struct rh_arena_object *nextarena;
    struct rh_arena_object *prevarena;
} rh_arena_object;

/* ---------------------------------------------------------------- arena map (the ownership test)
 * The 48-bit address space is cut into "slots" of arena_size bytes (arena-aligned). Each slot has one
 * rh_arena_cover. An arena that starts at offset t inside slot s covers [t, arena_size) of slot s and
 * [0, t) of slot s+1, so:
 *   slot s:   hi_rev = arena_size - t   (an arena covers tails >= t; 0: no arena starts in this slot)
 *   slot s+1: lo_end = t                (an arena covers tails < t;  0: no arena ends in this slot)
 * An aligned arena (t == 0) sets only hi_rev = arena_size. A pointer with tail u = p % arena_size is inside
 * an arena iff u < lo_end || arena_size - u <= hi_rev. All-zero entries mean "nothing", so leaves come from
 * calloc. Slot numbers are split root | leaf: map_root[slot >> leaf_bits][slot & leaf_mask]. Leaves are
 * created when an arena is first mapped in their range and kept until destroy (as CPython's nodes).
 * Invariant: a slot's cover describes exactly the attached arenas (address != 0) that overlap it.
 */
typedef struct rh_arena_cover {
    uint32_t lo_end;
    uint32_t hi_rev;
} rh_arena_cover;

/* ---------------------------------------------------------------- the allocator state (rh_allocator.ctx)
 * Invariants across the structures:
 *   - usedpools[i] is a dummy header: its nextpool/prevpool make the ring of the used pools of class i
 *     (empty ring: the dummy points at itself). Every used pool is on exactly the ring of its szidx.
 *   - usable_arenas is sorted by ascending nfreepools (new pools come from the fullest arena), and
 *     usable_arenas->prevarena == NULL.
 *   - nfp2lasta[n] (1 <= n <= max_pools) is the last arena on usable_arenas with nfreepools == n, or NULL
 *     if there is none; nfp2lasta[0] is NULL.
 *   - keep_one_empty_arena: at most one arena is wholly free (nfreepools == ntotalpools), and it is the
 *     last on usable_arenas. Otherwise (py27): no arena is wholly free.
 *   - narenas_currently_allocated == descriptors with address != 0; the others (maxarenas - that) are on
 *     unused_arena_objects.
 *   - allocs - frees == (sum of count over all pools) + large_live.
 */
typedef struct rh_pymalloc {
    /* --- read on the fast paths --- */
    uint32_t threshold;                /* SMALL_REQUEST_THRESHOLD */
    uint32_t align_shift;              /* ALIGNMENT_SHIFT: class i has blocks of (i+1) << align_shift */
    uintptr_t pool_mask;               /* ~(pool_size - 1): POOL_ADDR(p) = p & pool_mask */
    rh_arena_cover **map_root;         /* 2**root_bits leaf pointers */
    uintptr_t map_root_len;            /* 2**root_bits */
    uint32_t map_root_shift;           /* arena_bits + leaf_bits */
    uint32_t arena_bits;
    uintptr_t map_leaf_mask;           /* 2**leaf_bits - 1 */
    uintptr_t arena_mask;              /* arena_size - 1 */
    uint32_t arena_size;
    uint32_t pool_size;
    uint32_t pool_overhead;
    uint32_t nclasses;
    uint32_t max_pools;                /* MAX_POOLS_IN_ARENA = arena_size / pool_size */
    int keep_one_empty_arena;
    /* The arena of the last block whose ownership the free path had to look up in the map
     * (rh__pm_free_lookup): [owns_base, owns_base + owns_span) lies inside one attached arena, or
     * owns_span == 0 (none). Frees come in runs from one arena, so most of them are answered by one
     * compare; release_arena forgets the arena it releases. A cache of the map's answer, never more. */
    uintptr_t owns_base;
    uintptr_t owns_span;

    /* --- counters (generic stats). Live requested bytes = req_added - req_removed: two counters that
     * only grow, each updated once per call, rather than one updated by both malloc and free — in a
     * malloc/free loop that one would be a chain of dependent read-modify-writes costing more than the
     * whole allocation. --- */
    uint64_t allocs;                   /* blocks handed out: malloc, calloc, realloc(NULL), moving realloc */
    uint64_t req_added;                /* requested bytes of every block handed out (and in-place resizes) */
    uint64_t frees;                    /* blocks taken back: free(non-NULL), moving realloc */
    uint64_t req_removed;              /* sizes callers passed back to free/realloc */
    uint64_t unsized_small_frees;      /* pymalloc blocks freed/resized with size 0: requested bytes inexact */
    uint64_t unsized_large_frees;      /* libc blocks freed/resized with size 0 */
    uint64_t zero_allocs;              /* 0-byte requests (libc blocks whose size 0 is exact) */
    uint64_t large_live;               /* live blocks from libc malloc: requests > threshold and 0-byte ones */

    /* --- pools --- */
    rh_pool_header usedpools[RH_MAX_SIZE_CLASSES];

    /* --- arenas --- */
    rh_arena_object *arenas;           /* descriptors vector (libc realloc'd; only while usable_arenas is
                                        * NULL, so no arena pointer dangles) */
    uint32_t maxarenas;                /* its length */
    rh_arena_object *unused_arena_objects;
    rh_arena_object *usable_arenas;
    rh_arena_object **nfp2lasta;       /* max_pools + 1 entries */
    uint64_t ntimes_arena_allocated;
    uint64_t narenas_currently_allocated;
    uint64_t narenas_highwater;
    uint64_t map_leaves;               /* arena map leaves allocated */
    uint32_t map_leaf_bits;
    rh_arena_allocator arena_src;      /* where arenas come from (copied at creation) */
} rh_pymalloc;

/* Block size of class i. */
static inline uint32_t rh__pm_class_size(const rh_pymalloc *st, uint32_t i) {
    return (i + 1) << st->align_shift;
}
/* NUMBLOCKS(i): blocks in one pool of class i. */
static inline uint32_t rh__pm_class_nblocks(const rh_pymalloc *st, uint32_t i) {
    return (st->pool_size - st->pool_overhead) / rh__pm_class_size(st, i);
}

/* ---------------------------------------------------------------- the fast paths (inline)
 * pymalloc_alloc / pymalloc_free of Objects/obmalloc.c (3.11): a block from the first used pool of the
 * size class (its free list, else its next virgin block), a block back onto its pool's free list. They
 * are written once, here, and run by both routes into the allocator: the rh_allocator callbacks
 * (rh__pymalloc_malloc / rh__pymalloc_free, obmalloc.c) and the runtime's allocation entry points
 * (mem_fast.h), which call them directly, without the indirect call, when the runtime's allocator is the
 * built-in pymalloc. What is rare stays out of line in obmalloc.c: a class whose ring is empty, a pool
 * going empty, libc blocks. */

/* The ring of class cls is empty: take an empty pool from the fullest usable arena (or carve a new one,
 * making a new arena if there is none), link it as the ring's only pool and return its first free
 * block for a request of n bytes, counted. NULL if no arena can be had. */
rh_block *rh__pm_alloc_from_new_pool(rh_pymalloc *st, uint32_t cls, size_t n);
/* A used pool became empty: to its arena's freepools; usable_arenas kept sorted, or the arena released. */
void rh__pm_insert_to_freepool(rh_pymalloc *st, rh_pool_header *pool);
/* libc blocks: requests of 0 or more than threshold bytes (zero: calloc), and their frees. */
void *rh__pm_alloc_large(rh_pymalloc *st, size_t n, int zero);
void rh__pm_free_large(rh_pymalloc *st, void *p, size_t size);
/* The rh_allocator malloc and free callbacks of the built-in pymalloc (ctx: an rh_pymalloc). */
void *rh__pymalloc_malloc(void *ctx, size_t n);
void rh__pymalloc_free(void *ctx, void *p, size_t size);

/* Is p inside an arena of this allocator? Two dependent loads of the arena map (see rh_arena_cover). */
static inline int rh__pm_owns(const rh_pymalloc *st, const void *p) {
    uintptr_t a = (uintptr_t)p;
    uintptr_t top = a >> st->map_root_shift;
    if (RH_UNLIKELY(top >= st->map_root_len)) return 0;
    const rh_arena_cover *leaf = st->map_root[top];
    if (RH_UNLIKELY(leaf == NULL)) return 0;
    rh_arena_cover c = leaf[(a >> st->arena_bits) & st->map_leaf_mask];
    uint32_t tail = (uint32_t)(a & st->arena_mask);
    return (tail < c.lo_end) | (st->arena_size - tail <= c.hi_rev);
}

static inline void rh__pm_count_alloc(rh_pymalloc *st, size_t n) {
    st->allocs++;
    st->req_added += n;
}

/* The free list of a used pool just ran dry (malloc took its last entry): carve the next virgin block
 * if one fits, else the pool is full and leaves its ring. */
static inline void rh__pm_pool_extend(rh_pool_header *pool, uint32_t size) {
    if (RH_LIKELY(pool->nextoffset <= pool->maxnextoffset)) {
        pool->freeblock = (rh_block *)pool + pool->nextoffset;
        pool->nextoffset += size;
        *(rh_block **)pool->freeblock = NULL;
        return;
    }
    rh_pool_header *next = pool->nextpool, *prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;
}

/* Allocate a block for 1 <= n <= threshold. NULL only when a new arena was needed and not available.
 * Every path out of the fast path is a tail call, so the fast path needs no stack frame. */
static inline void *rh__pm_alloc_small(rh_pymalloc *st, size_t n) {
    uint32_t cls = (uint32_t)((n - 1) >> st->align_shift), size = rh__pm_class_size(st, cls);
    rh_pool_header *head = &st->usedpools[cls];
    rh_pool_header *pool = head->nextpool;
    if (RH_UNLIKELY(pool == head)) return rh__pm_alloc_from_new_pool(st, cls, n);
    pool->count++;
    rh_block *bp = pool->freeblock;
    if (RH_UNLIKELY((pool->freeblock = *(rh_block **)bp) == NULL)) rh__pm_pool_extend(pool, size);
    rh__pm_count_alloc(st, n);
    return bp;
}

/* A full pool got a block back: it becomes used, at the front of its ring. */
static inline void rh__pm_insert_to_usedpool(rh_pymalloc *st, rh_pool_header *pool) {
    rh_pool_header *head = &st->usedpools[pool->szidx];
    rh_pool_header *next = head->nextpool;
    pool->nextpool = next;
    pool->prevpool = head;
    next->prevpool = pool;
    head->nextpool = pool;
}

/* Free a block known to be ours. */
static inline void rh__pm_free_small(rh_pymalloc *st, void *p, size_t size) {
    rh_pool_header *pool = (rh_pool_header *)((uintptr_t)p & st->pool_mask);
    rh_assert_internal(pool->count > 0);
    rh_block *lastfree = pool->freeblock;
    *(rh_block **)p = lastfree;
    pool->freeblock = (rh_block *)p;
    uint32_t left = --pool->count;
    st->frees++;
    st->req_removed += size;
    if (RH_UNLIKELY(size == 0)) st->unsized_small_frees++;
    if (RH_UNLIKELY(lastfree == NULL)) { /* was full */
        rh__pm_insert_to_usedpool(st, pool);
        return;
    }
    if (RH_UNLIKELY(left == 0)) rh__pm_insert_to_freepool(st, pool);
}

/* Every profile's small-request threshold is at least this (params_ok, obmalloc.c; CPython's has been 256
 * or 512), so a request size known at compile time to be below it needs no test. */
#define RH_PM_MIN_THRESHOLD 64u

/* pymalloc's malloc (the rh_allocator callback's body): a pool block for 1 <= n <= threshold, else libc. */
static inline void *rh__pm_malloc(rh_pymalloc *st, size_t n) {
    int small_const = __builtin_constant_p(n) && n >= 1 && n <= RH_PM_MIN_THRESHOLD;
    if (!small_const && RH_UNLIKELY(n - 1 >= st->threshold)) /* 0 wraps to SIZE_MAX */
        return rh__pm_alloc_large(st, n, 0);
    return rh__pm_alloc_small(st, n);
}

/* free of a block outside the cached arena (owns_base): the arena map decides, and a pool block's arena
 * becomes the cached one. */
void rh__pm_free_lookup(rh_pymalloc *st, void *p, size_t size);

/* pymalloc's free (the rh_allocator callback's body): p may be NULL; ownership from the arena map, asked
 * only when p is not inside the cached arena. */
static inline void rh__pm_free(rh_pymalloc *st, void *p, size_t size) {
    if (RH_UNLIKELY(p == NULL)) return;
    if (RH_LIKELY((uintptr_t)p - st->owns_base < st->owns_span)) rh__pm_free_small(st, p, size);
    else rh__pm_free_lookup(st, p, size);
}

/* ---- obmalloc.c ---- */

/* 1 if `a` was made by rh_allocator_pymalloc (its ctx is then an rh_pymalloc), else 0. `a` borrowed. */
int rh__pymalloc_is(const rh_allocator *a);
/* Is p inside an arena of this allocator? Reads only the arena map (never memory it does not own). */
int rh__pymalloc_owns(const rh_pymalloc *st, const void *p);
/* For the built-in pymalloc (rh__pymalloc_is): serve a request from the C library through pymalloc's
 * large-block path (its statistics included); pm_free/pm_realloc recognise such blocks as not pymalloc's. */
void *rh__pymalloc_alloc_raw(void *ctx, size_t n, int zero);
/* Assert every invariant stated in obmalloc.h/obmalloc.c: walks all arenas, pools and free lists
 * (O(blocks)). Returns 0, or -1 and sets *why (if why != NULL) to a static description of the first
 * violated invariant. ctx is an rh_pymalloc (borrowed); nothing is modified. */
int rh__pymalloc_check(void *ctx, const char **why);

/* ---- obmalloc_stats.c ---- */

/* The rh_allocator.stats callback: fills *out (out->struct_size must be >= sizeof *out). Returns 0 or -1. */
int rh__pymalloc_stats(void *ctx, rh_allocator_stats *out);
/* Print the pymalloc part of CPython 3.11's sys._debugmallocstats (Objects/obmalloc.c:
 * _PyObject_DebugMallocStats) for this allocator: the size class table, arena counters, byte breakdown and
 * arena map counts. ctx borrowed; writes to out. */
void rh__pymalloc_debugmallocstats(void *ctx, FILE *out);
/* The allocator part of that text from any allocator's figures (the one printer of the format; pymalloc's
 * above and rh_stats_print_debugmallocstats both use it): "Small block threshold", the size class table,
 * the arena counters and the byte breakdown with its Total. `threshold` is SMALL_REQUEST_THRESHOLD. s
 * borrowed; writes to out. */
void rh__debugmallocstats_pools(const rh_allocator_stats *s, uint32_t threshold, FILE *out);

#endif
