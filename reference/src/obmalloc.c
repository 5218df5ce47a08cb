/* obmalloc.c — the pymalloc model: CPython 3.11's small-object allocator (arenas, pools, blocks) as an
 * rh_allocator. Owns rh_pymalloc (obmalloc.h): the used-pool rings, the arena descriptors, usable_arenas
 * with its nfp2lasta index, and the arena map. Essay: docs/pymalloc.md. Stats: obmalloc_stats.c.
 *
 * ==== Memory layout ====================================================================================
 *
 * Parameters come from the profile (py311: alignment 16, threshold 512, pool 16 KiB, arena 1 MiB, pool
 * header 48; py27: 8, 512, 4 KiB, 256 KiB, 48).
 *
 *   request n           1 <= n <= threshold: size class i = (n - 1) >> align_shift, blocks of
 *                       (i + 1) << align_shift bytes (16, 32, ..., 512). n == 0 or n > threshold: libc
 *                       malloc (0 becomes 1, so a 0-byte request still gets a distinct pointer).
 *
 *   arena (arena_size, from the arena allocator: mmap by default)
 *   +--------+--------+--------+-- ... --+--------+-------+
 *   | (lost) | pool 0 | pool 1 |         | pool k | (lost)|     an arena that is not pool-aligned loses
 *   +--------+--------+--------+-- ... --+--------+-------+     one pool in total to the fix-up, split
 *            ^ first pool-aligned address          ^ pool_address: next pool to carve (head + tail)
 *
 *   pool (pool_size, pool-aligned, so POOL_ADDR(p) = p & pool_mask finds the header of any block)
 *   +---------------+---------+---------+-----+---------+------------------+-------+
 *   | header (48 B) | block 0 | block 1 | ... | block j | virgin blocks... | slack |
 *   +---------------+---------+---------+-----+---------+------------------+-------+
 *                   ^ pool_overhead                     ^ nextoffset       slack = quantization
 *
 * Blocks below nextoffset have been handed out at least once; each is either allocated or on the pool's
 * free list (freeblock, linked through the first word of each free block, LIFO). Virgin blocks are
 * carved one at a time, only when the free list runs dry (pool_extend): memory is never touched before
 * it is needed, which is what keeps the RSS of a fresh pool small.
 *
 * ==== Pools: three states ==============================================================================
 *
 *   used   some blocks allocated, some free: on the ring usedpools[szidx] (circular, doubly linked through
 *          nextpool/prevpool around a dummy header that lives in rh_pymalloc). malloc takes the first pool
 *          of the ring; a pool that leaves "full" is put at the FRONT, so the block just freed is the next
 *          one handed out.
 *   full   every block allocated: on no list. (pool_extend unlinks it.)
 *   empty  no block allocated: on its arena's freepools (singly linked through nextpool). It keeps its
 *          szidx; if it is reused for the same class the header setup is skipped (alloc_from_new_pool).
 *
 *   used -> full   pool_extend, when the free list and the virgin blocks are both exhausted.
 *   full -> used   free via insert_to_usedpool (front of the ring).
 *   used -> empty  free via insert_to_freepool, when count reaches 0.
 *   empty/virgin -> used   alloc_from_new_pool, when the class ring is empty.
 *
 * ==== Arenas ==========================================================================================
 *
 * Descriptors live in one vector `arenas` (16 entries, doubled when none is unused, never shrunk); pools
 * name their arena by index so the vector may move — and it only moves while usable_arenas is NULL,
 * so no descriptor pointer is live when it does. Unused descriptors are on unused_arena_objects.
 *
 * usable_arenas lists the arenas with at least one free pool, sorted by ascending nfreepools: new pools
 * are taken from the head, the fullest arena, so that nearly empty arenas get a chance to become wholly
 * empty and be returned. Keeping the order costs O(1) per pool freed thanks to nfp2lasta[n], the last
 * arena with exactly n free pools: an arena whose count rises from n-1 to n moves to just after
 * nfp2lasta[n-1] (insert_to_freepool). 2.7 found the same place by a linear walk; the resulting order
 * is identical, so the py27 profile uses the same code.
 *
 * When a pool empties and that makes its arena wholly free, the arena goes back to the arena allocator
 * at once — unless keep_one_empty_arena (3.9+, bpo-37257) and it is the last arena on usable_arenas:
 * then it is kept, so a loop that allocates and frees one object does not map and unmap an arena each
 * time. py27 releases always.
 *
 * ==== Is this block ours? (the arena map) ===============================================================
 *
 * free(p) and realloc(p) must tell pymalloc blocks from libc blocks without reading memory pymalloc does
 * not own (CPython 2.7's address_in_range read a pool header that may not exist). Like 3.10+'s radix
 * tree, rh_pymalloc keeps a map from arena-sized address slots to "which part of this slot is inside an
 * arena" (rh_arena_cover, obmalloc.h). It has two levels instead of CPython's three: 48 address bits =
 * root_bits + leaf_bits + arena_bits, with root and leaf splitting the slot number in halves (py311:
 * 14 + 14 + 20; a root of 16384 pointers and leaves of 16384 covers, 128 KiB each, both calloc'd and
 * so only touched where used). The test is two dependent loads and two compares (pm_owns).
 *
 * ==== What differs from CPython (docs/pymalloc.md) =======================================================
 *
 *   - State is per allocator instance (rh_pymalloc), not static.
 *   - usedpools is an array of real dummy headers instead of the PTA/PT pointer trick.
 *   - When the arena allocator fails, a small request returns NULL (CPython falls back to raw malloc):
 *     out-of-memory behaviour must be observable with a failing arena source.
 *   - free() and realloc() get the caller's size; it feeds the byte counters only, never ownership.
 *   - A realloc that moves a block counts as one alloc plus one free in the stats counters.
 *   - free() asks the arena map only when the block is not in the arena of the last block it looked up
 *     (owns_base, obmalloc.h): the same answer, usually for one compare.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "obmalloc.h"

#define RH_NOINLINE __attribute__((noinline))

/* ---------------------------------------------------------------- arena map */

int rh__pymalloc_owns(const rh_pymalloc *st, const void *p) { return rh__pm_owns(st, p); }

/* Free p after asking the map; a pool block's arena becomes the cached one (owns_base). The arena's base
 * follows from p's cover entry: an arena starting in p's slot at offset t = arena_size - hi_rev, or one
 * that started in the slot before at offset lo_end. */
RH_NOINLINE void rh__pm_free_lookup(rh_pymalloc *st, void *p, size_t size) {
    if (!rh__pm_owns(st, p)) {
        rh__pm_free_large(st, p, size);
        return;
    }
    uintptr_t a = (uintptr_t)p, slot = a & ~st->arena_mask;
    rh_arena_cover c = st->map_root[a >> st->map_root_shift][(a >> st->arena_bits) & st->map_leaf_mask];
    uint32_t tail = (uint32_t)(a & st->arena_mask);
    if (st->arena_size - tail <= c.hi_rev) st->owns_base = slot + (st->arena_size - c.hi_rev);
    else st->owns_base = slot - st->arena_size + c.lo_end;
    st->owns_span = st->arena_size;
    rh__pm_free_small(st, p, size);
}

/* The cover entry of the slot containing address a, creating its leaf if `create`. NULL: no leaf
 * (and !create) or out of memory / out of range. */
static rh_arena_cover *map_slot(rh_pymalloc *st, uintptr_t a, int create) {
    uintptr_t top = a >> st->map_root_shift;
    if (top >= st->map_root_len) return NULL;
    rh_arena_cover *leaf = st->map_root[top];
    if (!leaf) {
        if (!create) return NULL;
        leaf = calloc((size_t)st->map_leaf_mask + 1, sizeof *leaf);
        if (!leaf) return NULL;
        st->map_root[top] = leaf;
        st->map_leaves++;
    }
    return &leaf[(a >> st->arena_bits) & st->map_leaf_mask];
}

/* Record (used = 1) or forget (used = 0) the arena at base. Returns 0, or -1 (nothing changed) if the
 * arena lies outside the mapped address range or a leaf cannot be allocated. */
static int map_mark(rh_pymalloc *st, uintptr_t base, int used) {
    uint32_t t = (uint32_t)(base & st->arena_mask);
    if (base + st->arena_size < base || ((base + st->arena_size - 1) >> RH_PM_ADDRESS_BITS) != 0) return -1;
    rh_arena_cover *first = map_slot(st, base, used);
    rh_arena_cover *second = t ? map_slot(st, base + st->arena_size, used) : NULL;
    if (!first || (t && !second)) return -1; /* a leaf made for `first` stays: harmless, all zero */
    first->hi_rev = used ? st->arena_size - t : 0;
    if (t) second->lo_end = used ? t : 0;
    return 0;
}

/* ---------------------------------------------------------------- arenas */

/* Make the descriptors vector twice as long (16 at first) and put the new descriptors on
 * unused_arena_objects. Only called while usable_arenas is NULL. Returns 0 or -1. */
static int grow_arena_vector(rh_pymalloc *st) {
    rh_assert(st->usable_arenas == NULL);
    uint32_t n = st->maxarenas ? st->maxarenas * 2 : RH_PM_INITIAL_ARENA_OBJECTS;
    if (n <= st->maxarenas) return -1; /* 2**32 descriptors: cannot double */
    rh_arena_object *v = realloc(st->arenas, (size_t)n * sizeof *v);
    if (!v) return -1;
    for (uint32_t i = st->maxarenas; i < n; i++)
        v[i] = (rh_arena_object){.nextarena = i + 1 < n ? &v[i + 1] : NULL};
    st->unused_arena_objects = &v[st->maxarenas];
    st->arenas = v;
    st->maxarenas = n;
    return 0;
}

/* new_arena: attach a fresh arena to an unused descriptor. Returns it (not yet on usable_arenas), or
 * NULL with the state unchanged (apart from a possibly longer descriptors vector). */
static rh_arena_object *new_arena(rh_pymalloc *st) {
    if (!st->unused_arena_objects && grow_arena_vector(st) != 0) return NULL;
    void *mem = st->arena_src.alloc(st->arena_src.ctx, st->arena_size);
    if (!mem) return NULL;
    uintptr_t base = (uintptr_t)mem;
    if (map_mark(st, base, 1) != 0) {
        st->arena_src.free(st->arena_src.ctx, mem, st->arena_size);
        return NULL;
    }
    rh_arena_object *ao = st->unused_arena_objects;
    st->unused_arena_objects = ao->nextarena;
    uint32_t excess = (uint32_t)(base & ~st->pool_mask);
    ao->address = base;
    ao->pool_address = (rh_block *)mem;
    ao->nfreepools = st->max_pools;
    if (excess) { /* alignment fix-up: lose the head and tail fragments, one pool in total */
        ao->nfreepools--;
        ao->pool_address += st->pool_size - excess;
    }
    ao->ntotalpools = ao->nfreepools;
    ao->freepools = NULL;
    ao->nextarena = ao->prevarena = NULL;
    st->ntimes_arena_allocated++;
    if (++st->narenas_currently_allocated > st->narenas_highwater)
        st->narenas_highwater = st->narenas_currently_allocated;
    return ao;
}

static void unlink_usable(rh_pymalloc *st, rh_arena_object *ao) {
    if (ao->prevarena) ao->prevarena->nextarena = ao->nextarena;
    else st->usable_arenas = ao->nextarena;
    if (ao->nextarena) ao->nextarena->prevarena = ao->prevarena;
}

/* Give a wholly free arena back to the arena allocator; its descriptor becomes unused. ao must already
 * be off usable_arenas. */
static void release_arena(rh_pymalloc *st, rh_arena_object *ao) {
    if (st->owns_span && st->owns_base == ao->address) st->owns_span = 0;
    ao->nextarena = st->unused_arena_objects;
    ao->prevarena = NULL;
    st->unused_arena_objects = ao;
    map_mark(st, ao->address, 0);
    st->arena_src.free(st->arena_src.ctx, (void *)ao->address, st->arena_size);
    ao->address = 0;
    ao->freepools = NULL;
    st->narenas_currently_allocated--;
}

/* ---------------------------------------------------------------- pools */

/* The fast paths (used pool's free list, virgin blocks, ownership) are inline in obmalloc.h. */

RH_NOINLINE rh_block *rh__pm_alloc_from_new_pool(rh_pymalloc *st, uint32_t cls, size_t n) {
    rh_arena_object *ao = st->usable_arenas;
    if (!ao) {
        ao = new_arena(st);
        if (!ao) return NULL;
        st->usable_arenas = ao;
        st->nfp2lasta[ao->nfreepools] = ao;
    }
    /* ao is the head of the list, so after the decrement it is the only arena with nf - 1 free pools */
    uint32_t nf = ao->nfreepools;
    if (st->nfp2lasta[nf] == ao) st->nfp2lasta[nf] = NULL;
    if (nf > 1) st->nfp2lasta[nf - 1] = ao;

    rh_pool_header *pool = ao->freepools;
    if (pool) {
        ao->freepools = pool->nextpool;
    } else {
        pool = (rh_pool_header *)ao->pool_address;
        pool->arenaindex = (uint32_t)(ao - st->arenas);
        pool->szidx = RH_PM_DUMMY_SIZE_IDX;
        ao->pool_address += st->pool_size;
    }
    if (--ao->nfreepools == 0) { /* full arena: off the list */
        st->usable_arenas = ao->nextarena;
        if (st->usable_arenas) st->usable_arenas->prevarena = NULL;
        ao->nextarena = NULL;
    }

    rh_pool_header *head = &st->usedpools[cls];
    pool->nextpool = head;
    pool->prevpool = head;
    head->nextpool = pool;
    head->prevpool = pool;
    pool->count = 1;
    rh_block *bp;
    if (pool->szidx == cls) { /* an empty pool of the same class: its free list is ready */
        bp = pool->freeblock;
        rh_assert_internal(bp != NULL);
        pool->freeblock = *(rh_block **)bp;
        rh_assert_internal(pool->freeblock != NULL); /* an empty pool has >= 2 carved blocks */
        rh__pm_count_alloc(st, n);
        return bp;
    }
    uint32_t size = rh__pm_class_size(st, cls);
    pool->szidx = cls;
    bp = (rh_block *)pool + st->pool_overhead;
    pool->nextoffset = st->pool_overhead + 2 * size;
    pool->maxnextoffset = st->pool_size - size;
    pool->freeblock = bp + size;
    *(rh_block **)pool->freeblock = NULL;
    rh__pm_count_alloc(st, n);
    return bp;
}

/* A used pool became empty: move it to its arena's freepools, then keep usable_arenas sorted, or
 * release the arena if it is now wholly free (see the comment at the top). */
RH_NOINLINE void rh__pm_insert_to_freepool(rh_pymalloc *st, rh_pool_header *pool) {
    rh_pool_header *next = pool->nextpool, *prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;

    rh_arena_object *ao = &st->arenas[pool->arenaindex];
    pool->nextpool = ao->freepools;
    ao->freepools = pool;
    uint32_t nf = ao->nfreepools;
    rh_arena_object *lastnf = st->nfp2lasta[nf];
    if (lastnf == ao) { /* ao leaves the group of arenas with nf free pools */
        rh_arena_object *p = ao->prevarena;
        st->nfp2lasta[nf] = (p && p->nfreepools == nf) ? p : NULL;
    }
    ao->nfreepools = ++nf;

    if (nf == ao->ntotalpools && (ao->nextarena != NULL || !st->keep_one_empty_arena)) {
        if (nf > 1) unlink_usable(st, ao); /* nf - 1 > 0: it was on usable_arenas */
        release_arena(st, ao);
        return;
    }
    if (nf == 1) { /* the arena was full: it has the fewest free pools, so it goes first */
        ao->prevarena = NULL;
        ao->nextarena = st->usable_arenas;
        if (st->usable_arenas) st->usable_arenas->prevarena = ao;
        st->usable_arenas = ao;
        if (!st->nfp2lasta[1]) st->nfp2lasta[1] = ao;
        return;
    }
    if (!st->nfp2lasta[nf]) st->nfp2lasta[nf] = ao;
    if (ao == lastnf) return; /* it was the last with nf - 1: already in place */
    /* move ao to just after lastnf, the last arena with nf - 1 free pools (which is after ao) */
    unlink_usable(st, ao);
    ao->prevarena = lastnf;
    ao->nextarena = lastnf->nextarena;
    if (ao->nextarena) ao->nextarena->prevarena = ao;
    lastnf->nextarena = ao;
}

/* ---------------------------------------------------------------- libc blocks (0 bytes, > threshold) */

RH_NOINLINE void *rh__pm_alloc_large(rh_pymalloc *st, size_t n, int zero) {
    if (n > RH_SSIZE_MAX) return NULL;
    void *p = zero ? calloc(n ? n : 1, 1) : malloc(n ? n : 1);
    if (!p) return NULL;
    rh__pm_count_alloc(st, n);
    st->large_live++;
    st->zero_allocs += (n == 0);
    return p;
}

RH_NOINLINE void rh__pm_free_large(rh_pymalloc *st, void *p, size_t size) {
    free(p);
    st->frees++;
    st->large_live--;
    st->req_removed += size;
    st->unsized_large_frees += (size == 0);
}

/* ---------------------------------------------------------------- the rh_allocator callbacks */

void *rh__pymalloc_malloc(void *ctx, size_t n) { return rh__pm_malloc(ctx, n); }

static void *pm_calloc(void *ctx, size_t nelem, size_t elsize) {
    rh_pymalloc *st = ctx;
    if (elsize && nelem > SIZE_MAX / elsize) return NULL;
    size_t n = nelem * elsize;
    if (n - 1 < st->threshold) {
        void *p = rh__pm_alloc_small(st, n);
        if (p) memset(p, 0, n);
        return p;
    }
    return rh__pm_alloc_large(st, n, 1);
}

void rh__pymalloc_free(void *ctx, void *p, size_t size) { rh__pm_free(ctx, p, size); }

/* pymalloc_realloc: a pymalloc block is kept if n fits and does not shrink it by 25% or more
 * (4n > 3*size); otherwise malloc + copy + free. A libc block goes to libc realloc, whatever n. */
static void *pm_realloc(void *ctx, void *p, size_t old_size, size_t n) {
    rh_pymalloc *st = ctx;
    if (p == NULL) return rh__pymalloc_malloc(ctx, n);
    if (n > RH_SSIZE_MAX) return NULL;
    if (rh__pm_owns(st, p)) {
        rh_pool_header *pool = (rh_pool_header *)((uintptr_t)p & st->pool_mask);
        size_t size = rh__pm_class_size(st, pool->szidx);
        if (n <= size) {
            if (4 * n > 3 * size) {
                st->req_added += n;
                st->req_removed += old_size;
                st->unsized_small_frees += (old_size == 0);
                return p;
            }
            size = n;
        }
        void *q = rh__pymalloc_malloc(ctx, n);
        if (!q) return NULL;
        memcpy(q, p, size);
        rh__pm_free_small(st, p, old_size);
        return q;
    }
    void *q = realloc(p, n ? n : 1);
    if (!q) return NULL;
    st->req_added += n;
    st->req_removed += old_size;
    st->unsized_large_frees += (old_size == 0);
    return q;
}

void *rh__pymalloc_alloc_raw(void *ctx, size_t n, int zero) { return rh__pm_alloc_large(ctx, n, zero); }

/* pymalloc never hands memory back except when an arena becomes wholly free: nothing to trim. */
static int pm_trim(void *ctx) {
    (void)ctx;
    return 0;
}

/* Unmap every arena and free the state. libc blocks still live are the caller's leak. */
static void pm_destroy(void *ctx) {
    rh_pymalloc *st = ctx;
    if (!st) return;
    for (uint32_t i = 0; i < st->maxarenas; i++)
        if (st->arenas[i].address)
            st->arena_src.free(st->arena_src.ctx, (void *)st->arenas[i].address, st->arena_size);
    if (st->map_root) /* from the top: mmap's arenas sit high in the address space */
        for (uintptr_t i = st->map_root_len, left = st->map_leaves; left && i-- > 0;)
            if (st->map_root[i]) {
                free(st->map_root[i]);
                left--;
            }
    free(st->map_root);
    free(st->arenas);
    free(st->nfp2lasta);
    free(st);
}

int rh__pymalloc_is(const rh_allocator *a) { return a && a->malloc == rh__pymalloc_malloc; }

/* ---------------------------------------------------------------- creation */

static int is_pow2(uint32_t x) { return x && (x & (x - 1)) == 0; }
static uint32_t log2_u32(uint32_t x) { return 31u - (uint32_t)__builtin_clz(x); }

/* The profile's pymalloc parameters are usable: powers of two where CPython uses masks, blocks that can
 * hold a pointer, a header that fits, at least two blocks of the largest class per pool (lazy carving
 * sets up two blocks at once), a few pools per arena, offsets that fit the 32-bit header fields, and a
 * threshold of at least RH_PM_MIN_THRESHOLD (obmalloc.h). */
static int params_ok(const rh_profile *pr) {
    uint32_t al = pr->alignment, th = pr->small_request_threshold;
    if (!is_pow2(al) || al < sizeof(void *) || !is_pow2(pr->pool_size) || !is_pow2(pr->arena_size)) return 0;
    if (th < RH_PM_MIN_THRESHOLD || th % al || th / al > RH_MAX_SIZE_CLASSES) return 0;
    if (pr->pool_overhead < sizeof(rh_pool_header) || pr->pool_overhead % al) return 0;
    if ((uint64_t)pr->pool_overhead + 2ull * th > pr->pool_size) return 0;
    if (pr->arena_size / pr->pool_size < 4 || log2_u32(pr->arena_size) >= RH_PM_ADDRESS_BITS - 2) return 0;
    return 1;
}

static void pm_init_rings(rh_pymalloc *st) {
    for (uint32_t i = 0; i < RH_MAX_SIZE_CLASSES; i++) {
        rh_pool_header *h = &st->usedpools[i];
        h->nextpool = h->prevpool = h;
        h->szidx = i;
    }
}

int rh_allocator_pymalloc(rh_allocator *out, const rh_profile *profile, const rh_arena_allocator *arenas) {
    if (!out || !profile || !params_ok(profile)) return -1;
    rh_pymalloc *st = calloc(1, sizeof *st);
    if (!st) return -1;
    st->threshold = profile->small_request_threshold;
    st->align_shift = log2_u32(profile->alignment);
    st->nclasses = st->threshold >> st->align_shift;
    st->pool_size = profile->pool_size;
    st->pool_mask = ~(uintptr_t)(profile->pool_size - 1);
    st->pool_overhead = profile->pool_overhead;
    st->arena_size = profile->arena_size;
    st->arena_mask = (uintptr_t)profile->arena_size - 1;
    st->arena_bits = log2_u32(profile->arena_size);
    st->max_pools = profile->arena_size / profile->pool_size;
    st->keep_one_empty_arena = profile->keep_one_empty_arena;
    uint32_t slot_bits = RH_PM_ADDRESS_BITS - st->arena_bits;
    st->map_leaf_bits = slot_bits / 2;
    st->map_leaf_mask = ((uintptr_t)1 << st->map_leaf_bits) - 1;
    st->map_root_shift = st->arena_bits + st->map_leaf_bits;
    st->map_root_len = (uintptr_t)1 << (slot_bits - st->map_leaf_bits);
    pm_init_rings(st);
    if (arenas) st->arena_src = *arenas;
    else rh_arena_allocator_mmap(&st->arena_src);
    st->map_root = calloc(st->map_root_len, sizeof *st->map_root);
    st->nfp2lasta = calloc((size_t)st->max_pools + 1, sizeof *st->nfp2lasta);
    if (!st->map_root || !st->nfp2lasta || !st->arena_src.alloc || !st->arena_src.free) {
        pm_destroy(st);
        return -1;
    }
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_allocator), .name = "pymalloc",
        .ctx = st, .malloc = rh__pymalloc_malloc, .calloc = pm_calloc, .realloc = pm_realloc, .free = rh__pymalloc_free,
        .trim = pm_trim, .stats = rh__pymalloc_stats, .destroy = pm_destroy,
    };
    return 0;
}

/* ---------------------------------------------------------------- the invariant checker */

#define CHECK(cond, text) do { if (!(cond)) { if (why) *why = (text); return -1; } } while (0)

/* The carved pools of a live arena: [first, pool_address). */
static rh_block *arena_first_pool(const rh_pymalloc *st, const rh_arena_object *ao) {
    return (rh_block *)((ao->address + st->pool_size - 1) & st->pool_mask);
}

/* One carved pool: its free list is well formed and holds exactly carved - count blocks. */
static int check_pool_blocks(const rh_pymalloc *st, const rh_pool_header *pool, const char **why) {
    CHECK(pool->szidx < st->nclasses, "a carved pool has a size class");
    uint32_t size = rh__pm_class_size(st, pool->szidx);
    CHECK(pool->maxnextoffset == st->pool_size - size, "maxnextoffset == pool_size - size");
    CHECK(pool->nextoffset >= st->pool_overhead + 2 * size && pool->nextoffset <= st->pool_size &&
              (pool->nextoffset - st->pool_overhead) % size == 0,
          "nextoffset is a block boundary past the first two blocks");
    uint32_t carved = (pool->nextoffset - st->pool_overhead) / size;
    CHECK(pool->count <= carved, "count <= carved blocks");
    uint32_t nfree = 0;
    for (const rh_block *b = pool->freeblock; b; b = *(rh_block *const *)b) {
        uintptr_t off = (uintptr_t)(b - (const rh_block *)pool);
        CHECK(off >= st->pool_overhead && off < pool->nextoffset && (off - st->pool_overhead) % size == 0,
              "every free block is a carved block boundary of its pool");
        CHECK(++nfree <= carved - pool->count, "the free list holds exactly carved - count blocks");
    }
    CHECK(nfree == carved - pool->count, "the free list holds exactly carved - count blocks");
    return 0;
}

/* Pools of one arena: states, freepools list, nfreepools; counts used pools and live blocks. */
static int check_arena(const rh_pymalloc *st, const rh_arena_object *ao, uint64_t *nused, uint64_t *nblocks,
                       const char **why) {
    uint32_t idx = (uint32_t)(ao - st->arenas);
    int aligned = (ao->address & ~st->pool_mask) == 0;
    CHECK(ao->ntotalpools == st->max_pools - !aligned, "ntotalpools = max_pools, minus one if misaligned");
    CHECK(rh__pm_owns(st, (void *)ao->address) && rh__pm_owns(st, (void *)(ao->address + st->arena_size - 1)),
          "the arena map covers every attached arena");
    rh_block *first = arena_first_pool(st, ao);
    uintptr_t carved_bytes = (uintptr_t)(ao->pool_address - first);
    CHECK(carved_bytes % st->pool_size == 0 && carved_bytes / st->pool_size <= ao->ntotalpools,
          "pool_address is a pool boundary inside the arena");
    uint32_t carved = (uint32_t)(carved_bytes / st->pool_size), empty = 0;
    for (rh_block *b = first; b < ao->pool_address; b += st->pool_size) {
        const rh_pool_header *pool = (const rh_pool_header *)b;
        CHECK(pool->arenaindex == idx, "a pool names its arena");
        if (check_pool_blocks(st, pool, why) != 0) return -1;
        uint32_t nb = rh__pm_class_nblocks(st, pool->szidx);
        *nblocks += pool->count;
        if (pool->count == 0) empty++;
        else if (pool->count < nb) {
            CHECK(pool->freeblock != NULL, "a used pool has a free block");
            (*nused)++;
        } else {
            CHECK(pool->count == nb && pool->freeblock == NULL, "a full pool has count == nblocks, no free block");
        }
    }
    uint32_t listed = 0;
    for (const rh_pool_header *p = ao->freepools; p; p = p->nextpool) {
        CHECK((const rh_block *)p >= first && (const rh_block *)p < ao->pool_address &&
                  ((uintptr_t)p & ~st->pool_mask) == 0,
              "freepools holds carved pools of its own arena");
        CHECK(p->count == 0, "freepools holds only empty pools");
        CHECK(++listed <= empty, "every empty pool is on freepools exactly once");
    }
    CHECK(listed == empty, "every empty pool is on freepools exactly once");
    CHECK(ao->nfreepools == empty + (ao->ntotalpools - carved), "nfreepools = empty + uncarved pools");
    return 0;
}

/* The used rings: well-formed circles of used pools of the right class, inside live arenas. */
static int check_rings(const rh_pymalloc *st, uint64_t bound, uint64_t *nring, const char **why) {
    for (uint32_t i = 0; i < RH_MAX_SIZE_CLASSES; i++) {
        const rh_pool_header *head = &st->usedpools[i];
        CHECK(i < st->nclasses || head->nextpool == head, "no ring for classes past the threshold");
        const rh_pool_header *prev = head;
        for (const rh_pool_header *p = head->nextpool; p != head; prev = p, p = p->nextpool) {
            CHECK(p->prevpool == prev, "rings are doubly linked consistently");
            CHECK(++*nring <= bound, "rings hold each used pool once");
            CHECK(rh__pm_owns(st, p) && ((uintptr_t)p & ~st->pool_mask) == 0, "ring members are pools in arenas");
            CHECK(p->arenaindex < st->maxarenas && st->arenas[p->arenaindex].address != 0,
                  "ring members belong to live arenas");
            CHECK(p->szidx == i, "a used pool is on the ring of its szidx");
            CHECK(p->count > 0 && p->count < rh__pm_class_nblocks(st, i) && p->freeblock != NULL,
                  "ring members are used pools");
        }
        CHECK(head->prevpool == prev, "rings are doubly linked consistently");
    }
    return 0;
}

/* usable_arenas (sorted, exactly the arenas with free pools), nfp2lasta, the empty-arena rule. */
static int check_usable(const rh_pymalloc *st, uint64_t with_free, const char **why) {
    uint64_t n = 0, wholly_free = 0;
    const rh_arena_object *prev = NULL;
    for (const rh_arena_object *ao = st->usable_arenas; ao; prev = ao, ao = ao->nextarena) {
        CHECK(ao->prevarena == prev, "usable_arenas is doubly linked, head has no prev");
        CHECK(ao >= st->arenas && ao < st->arenas + st->maxarenas && ao->address != 0,
              "usable_arenas holds live descriptors");
        CHECK(ao->nfreepools > 0, "usable arenas have a free pool");
        CHECK(!prev || prev->nfreepools <= ao->nfreepools, "usable_arenas is sorted by ascending nfreepools");
        CHECK(++n <= with_free, "usable_arenas holds each arena with free pools once");
        if (ao->nfreepools == ao->ntotalpools) {
            wholly_free++;
            CHECK(st->keep_one_empty_arena && ao->nextarena == NULL,
                  "a wholly free arena is kept only as the last usable arena (keep_one_empty_arena)");
        }
        if (!ao->nextarena || ao->nextarena->nfreepools != ao->nfreepools)
            CHECK(st->nfp2lasta[ao->nfreepools] == ao, "nfp2lasta[n] is the last usable arena with n free pools");
    }
    CHECK(n == with_free, "every arena with free pools is on usable_arenas");
    CHECK(wholly_free <= 1, "at most one wholly free arena");
    CHECK(st->nfp2lasta[0] == NULL, "nfp2lasta[0] is NULL");
    for (uint32_t k = 1; k <= st->max_pools; k++) {
        const rh_arena_object *a = st->nfp2lasta[k];
        CHECK(!a || (a->address != 0 && a->nfreepools == k), "nfp2lasta[n] has n free pools");
        if (!a) {
            for (const rh_arena_object *ao = st->usable_arenas; ao; ao = ao->nextarena)
                CHECK(ao->nfreepools != k, "nfp2lasta[n] is NULL only if no usable arena has n free pools");
        }
    }
    return 0;
}

int rh__pymalloc_check(void *ctx, const char **why) {
    const rh_pymalloc *st = ctx;
    uint64_t live = 0, nused = 0, nblocks = 0, with_free = 0;
    for (uint32_t i = 0; i < st->maxarenas; i++) {
        const rh_arena_object *ao = &st->arenas[i];
        if (!ao->address) continue;
        live++;
        if (ao->nfreepools > 0) with_free++;
        else CHECK(ao->nextarena == NULL && ao->prevarena == NULL, "a full arena is on no list");
        if (check_arena(st, ao, &nused, &nblocks, why) != 0) return -1;
    }
    CHECK(live == st->narenas_currently_allocated, "narenas_currently_allocated counts attached arenas");
    int cached = st->owns_span == 0;
    for (uint32_t i = 0; !cached && i < st->maxarenas; i++)
        cached = st->arenas[i].address != 0 && st->arenas[i].address == st->owns_base;
    CHECK(cached && (st->owns_span == 0 || st->owns_span == st->arena_size),
          "the free path's cached arena (owns_base) is an attached arena");
    CHECK(st->narenas_highwater >= live && st->ntimes_arena_allocated >= live, "arena counters are monotone");
    uint64_t unused = 0;
    for (const rh_arena_object *ao = st->unused_arena_objects; ao; ao = ao->nextarena) {
        CHECK(ao >= st->arenas && ao < st->arenas + st->maxarenas, "unused descriptors are in the vector");
        CHECK(ao->address == 0, "unused_arena_objects holds only unused descriptors");
        CHECK(++unused <= st->maxarenas - live, "every unused descriptor is listed once");
    }
    CHECK(unused == st->maxarenas - live, "every unused descriptor is on unused_arena_objects");
    uint64_t nring = 0;
    if (check_rings(st, nused, &nring, why) != 0) return -1;
    CHECK(nring == nused, "every used pool is on a ring");
    if (check_usable(st, with_free, why) != 0) return -1;
    CHECK(st->allocs - st->frees == nblocks + st->large_live, "allocs - frees == blocks in use + large_live");
    return 0;
}
