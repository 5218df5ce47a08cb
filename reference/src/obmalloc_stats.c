/* obmalloc_stats.c — pymalloc's figures: the rh_allocator_stats fill and the sys._debugmallocstats text
 * (CPython 3.11 Objects/obmalloc.c:_PyObject_DebugMallocStats). Owns no state; reads rh_pymalloc.
 *
 * Like CPython, the per-class figures are not kept on the fast paths but computed here by walking every
 * carved pool of every attached arena. The byte breakdown partitions the arenas exactly:
 *   allocated blocks + available blocks + unused pools + pool headers + quantization + arena alignment
 *   == arenas_current * arena_size
 * because a used or full pool is nblocks*size + header + quantization == pool_size, unused pools are
 * nfreepools (empty + never carved) whole pools, and a misaligned arena loses one pool.
 *
 * bytes_requested is exact while callers pass the sizes they asked for to free/realloc (the runtime
 * does). A pymalloc block freed with size 0 makes it unknowable (reported as RH_STAT_UNKNOWN from then
 * on); a libc block freed with size 0 is taken to be a 0-byte request as long as there were at least as
 * many 0-byte requests as size-0 libc frees.
 */
#include <string.h>

#include "obmalloc.h"

/* Per-class and per-arena totals from a walk of all carved pools. */
static void walk_pools(const rh_pymalloc *st, rh_allocator_stats *out, uint64_t *unused_pools,
                       uint64_t *misaligned) {
    for (uint32_t i = 0; i < st->maxarenas; i++) {
        const rh_arena_object *ao = &st->arenas[i];
        if (!ao->address) continue;
        *unused_pools += ao->nfreepools;
        if (ao->address & ~st->pool_mask) (*misaligned)++;
        uintptr_t first = (ao->address + st->pool_size - 1) & st->pool_mask;
        for (uintptr_t b = first; b < (uintptr_t)ao->pool_address; b += st->pool_size) {
            const rh_pool_header *pool = (const rh_pool_header *)b;
            if (pool->count == 0) continue; /* empty: counted as an unused pool */
            rh_size_class_stats *c = &out->classes[pool->szidx];
            c->num_pools++;
            c->blocks_in_use += pool->count;
            c->avail_blocks += rh__pm_class_nblocks(st, pool->szidx) - pool->count;
        }
    }
}

static int requested_known(const rh_pymalloc *st) {
    return st->unsized_small_frees == 0 && st->unsized_large_frees <= st->zero_allocs;
}

int rh__pymalloc_stats(void *ctx, rh_allocator_stats *out) {
    const rh_pymalloc *st = ctx;
    if (!st || !out || out->struct_size < sizeof *out) return -1;
    size_t struct_size = out->struct_size;
    memset(out, 0, sizeof *out);
    out->struct_size = struct_size;
    out->allocs = st->allocs;
    out->frees = st->frees;
    out->bytes_requested = requested_known(st) ? st->req_added - st->req_removed : RH_STAT_UNKNOWN;
    out->bytes_mapped = st->narenas_currently_allocated * st->arena_size;
    out->nsize_classes = st->nclasses;
    for (uint32_t i = 0; i < st->nclasses; i++) out->classes[i].size = rh__pm_class_size(st, i);
    uint64_t unused_pools = 0, misaligned = 0;
    walk_pools(st, out, &unused_pools, &misaligned);
    for (uint32_t i = 0; i < st->nclasses; i++) {
        const rh_size_class_stats *c = &out->classes[i];
        out->bytes_in_allocated_blocks += c->blocks_in_use * c->size;
        out->bytes_in_available_blocks += c->avail_blocks * c->size;
        out->bytes_lost_pool_headers += c->num_pools * st->pool_overhead;
        out->bytes_lost_quantization += c->num_pools * ((st->pool_size - st->pool_overhead) % c->size);
    }
    out->arenas_allocated_total = st->ntimes_arena_allocated;
    out->arenas_reclaimed = st->ntimes_arena_allocated - st->narenas_currently_allocated;
    out->arenas_highwater = st->narenas_highwater;
    out->arenas_current = st->narenas_currently_allocated;
    out->arena_size = st->arena_size;
    out->pool_size = st->pool_size;
    out->unused_pools = unused_pools;
    out->bytes_lost_arena_alignment = misaligned * st->pool_size;
    out->large_allocs_live = st->large_live;
    return 0;
}

/* printone: the label padded to 35 columns, '=', the value with thousands commas right-aligned in 21. */
static uint64_t printone(FILE *out, const char *label, uint64_t value) {
    char digits[40];
    int n = 0;
    uint64_t v = value;
    do {
        if (n % 4 == 3) digits[n++] = ',';
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    char num[40];
    for (int i = 0; i < n; i++) num[i] = digits[n - 1 - i];
    num[n] = '\0';
    fprintf(out, "%-35s=%21s\n", label, num);
    return value;
}

void rh__debugmallocstats_pools(const rh_allocator_stats *s, uint32_t threshold, FILE *out) {
    char buf[128];
    fprintf(out, "Small block threshold = %u, in %u size classes.\n", threshold, s->nsize_classes);
    fputs("\nclass   size   num pools   blocks in use  avail blocks\n"
          "-----   ----   ---------   -------------  ------------\n", out);
    for (uint32_t i = 0; i < s->nsize_classes && i < RH_MAX_SIZE_CLASSES; i++) {
        const rh_size_class_stats *c = &s->classes[i];
        if (c->num_pools == 0) continue;
        fprintf(out, "%5u %6u %11llu %15llu %13llu\n", i, c->size, (unsigned long long)c->num_pools,
                (unsigned long long)c->blocks_in_use, (unsigned long long)c->avail_blocks);
    }
    fputc('\n', out);
    printone(out, "# arenas allocated total", s->arenas_allocated_total);
    printone(out, "# arenas reclaimed", s->arenas_reclaimed);
    printone(out, "# arenas highwater mark", s->arenas_highwater);
    printone(out, "# arenas allocated current", s->arenas_current);
    snprintf(buf, sizeof buf, "%llu arenas * %llu bytes/arena", (unsigned long long)s->arenas_current,
             (unsigned long long)s->arena_size);
    printone(out, buf, s->arenas_current * s->arena_size);
    fputc('\n', out);
    uint64_t total = printone(out, "# bytes in allocated blocks", s->bytes_in_allocated_blocks);
    total += printone(out, "# bytes in available blocks", s->bytes_in_available_blocks);
    snprintf(buf, sizeof buf, "%llu unused pools * %llu bytes", (unsigned long long)s->unused_pools,
             (unsigned long long)s->pool_size);
    total += printone(out, buf, s->unused_pools * s->pool_size);
    total += printone(out, "# bytes lost to pool headers", s->bytes_lost_pool_headers);
    total += printone(out, "# bytes lost to quantization", s->bytes_lost_quantization);
    total += printone(out, "# bytes lost to arena alignment", s->bytes_lost_arena_alignment);
    printone(out, "Total", total);
}

void rh__pymalloc_debugmallocstats(void *ctx, FILE *out) {
    const rh_pymalloc *st = ctx;
    rh_allocator_stats s = {.struct_size = sizeof s};
    if (rh__pymalloc_stats(ctx, &s) != 0) return;
    rh__debugmallocstats_pools(&s, st->threshold, out);
    uint64_t total;
    /* the arena map has a root and leaves; CPython's has root, mid and bottom nodes: no mid level here */
    fputs("\narena map counts\n", out);
    printone(out, "# arena map mid nodes", 0);
    printone(out, "# arena map bot nodes", st->map_leaves);
    fputc('\n', out);
    uint64_t leaf_bytes = ((uint64_t)st->map_leaf_mask + 1) * sizeof(rh_arena_cover);
    total = printone(out, "# bytes lost to arena map root", (uint64_t)st->map_root_len * sizeof(void *));
    total += printone(out, "# bytes lost to arena map mid", 0);
    total += printone(out, "# bytes lost to arena map bot", st->map_leaves * leaf_bytes);
    printone(out, "Total", total);
}
