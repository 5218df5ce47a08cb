/* bump_plugin.c — a worked example of a refheap allocator plug-in: size classes carved by bumping a
 * pointer through 64 KiB chunks, with one free list per class. examples/plugin/README.md walks through it.
 *
 * Build: CMake builds it as build/examples/plugin/rh_example_plugin.so. By hand:
 *     cc -shared -fPIC -O2 -I reference/include bump_plugin.c -o bump.so
 * Use:   refheap run workload.py --allocator ./bump.so
 *
 * Owns: struct bump (one instance: per-class state, counters) and its chunks.
 * Layout: every block has a 16-byte header in front of it; the header says which class the block
 * belongs to (or LARGE) and the size the caller asked for, so free() works even when the caller passes
 * size 0 ("unknown"). Small requests (<= 512 bytes) use 32 classes of 16, 32, ..., 512 bytes; a slot is
 * header + class size, both multiples of 16, and chunks come from malloc (16-aligned), so every block is
 * 16-aligned as the ABI requires. Larger requests go to malloc directly, header included.
 * Invariants:
 *  - a small block is either live (counted in cls[k].live), on cls[k].free, or inside a chunk past
 *    cls[k].bump (never handed out yet);
 *  - allocs - frees == live small blocks + live large blocks;
 *  - bytes_requested == sum of header sizes of live blocks.
 * Not thread-safe (the ABI says one thread at a time). No global state: everything is in struct bump.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/alloc.h"

#define CHUNK_BYTES (64u * 1024u)
#define GRANULE 16u
#define NCLASSES 32u                     /* 16 .. 512 */
#define SMALL_MAX (GRANULE * NCLASSES)
#define LARGE UINT32_MAX
#define MAGIC 0x62756d70u                 /* "bump" */

typedef struct header {                   /* 16 bytes in front of every block */
    uint32_t cls;                         /* size class, or LARGE */
    uint32_t magic;
    uint64_t size;                        /* what the caller asked for */
} header;

typedef struct chunk {                    /* 16-byte chunk header, then slots */
    struct chunk *next;
    uint64_t pad_;
} chunk;

typedef struct free_block { struct free_block *next; } free_block;

typedef struct size_class {
    free_block *free;                     /* freed slots, most recent first */
    char *bump, *end;                     /* unused room in the newest chunk */
    chunk *chunks;
    uint64_t nchunks, live, nfree;
} size_class;

typedef struct bump {
    size_class cls[NCLASSES];
    uint64_t allocs, frees, bytes_requested, large_live, large_bytes;
} bump;

static size_t slot_bytes(uint32_t k) { return sizeof(header) + GRANULE * (k + 1); }

/* A fresh chunk for class k: the bump range becomes its slots. */
static int grow(size_class *c, uint32_t k) {
    chunk *ch = malloc(CHUNK_BYTES);
    if (!ch) return -1;
    ch->next = c->chunks;
    c->chunks = ch;
    c->nchunks++;
    c->bump = (char *)(ch + 1);
    c->end = c->bump + (CHUNK_BYTES - sizeof(chunk)) / slot_bytes(k) * slot_bytes(k);
    return 0;
}

static header *small_slot(size_class *c, uint32_t k) {
    if (c->free) {
        free_block *b = c->free;
        c->free = b->next;
        c->nfree--;
        return (header *)b - 1;
    }
    if (c->bump == c->end && grow(c, k) != 0) return NULL;
    header *h = (header *)c->bump;
    c->bump += slot_bytes(k);
    return h;
}

static void *bump_malloc(void *ctx, size_t n) {
    bump *b = ctx;
    header *h;
    uint32_t k = n <= SMALL_MAX ? (uint32_t)((n ? n - 1 : 0) / GRANULE) : LARGE;
    if (k != LARGE) {
        if (!(h = small_slot(&b->cls[k], k))) return NULL;
        b->cls[k].live++;
    } else {
        if (n > SIZE_MAX - sizeof(header) || !(h = malloc(sizeof(header) + n))) return NULL;
        b->large_live++;
        b->large_bytes += sizeof(header) + n;
    }
    *h = (header){k, MAGIC, n};
    b->allocs++;
    b->bytes_requested += n;
    return h + 1;
}

static void *bump_calloc(void *ctx, size_t nelem, size_t elsize) {
    if (elsize && nelem > SIZE_MAX / elsize) return NULL; /* the product overflows: refuse */
    void *p = bump_malloc(ctx, nelem * elsize);
    if (p) memset(p, 0, nelem * elsize);
    return p;
}

static void bump_free(void *ctx, void *p, size_t size) {
    bump *b = ctx;
    (void)size; /* the header knows it */
    if (!p) return;
    header *h = (header *)p - 1;
    if (h->magic != MAGIC) abort(); /* not ours, or freed twice: memory is corrupt, stop here */
    h->magic = 0;
    b->frees++;
    b->bytes_requested -= h->size;
    if (h->cls == LARGE) {
        b->large_live--;
        b->large_bytes -= sizeof(header) + h->size;
        free(h);
        return;
    }
    size_class *c = &b->cls[h->cls];
    free_block *fb = p;
    fb->next = c->free;
    c->free = fb;
    c->nfree++;
    c->live--;
}

static void *bump_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    bump *b = ctx;
    (void)old_size;
    if (!p) return bump_malloc(ctx, new_size);
    header *h = (header *)p - 1;
    uint32_t k = new_size <= SMALL_MAX ? (uint32_t)((new_size ? new_size - 1 : 0) / GRANULE) : LARGE;
    if (k != LARGE && k == h->cls) { /* still fits its slot: nothing moves */
        b->bytes_requested = b->bytes_requested - h->size + new_size;
        h->size = new_size;
        return p;
    }
    if (k == LARGE && h->cls == LARGE) { /* large to large: let malloc move it */
        if (new_size > SIZE_MAX - sizeof(header)) return NULL;
        header *nh = realloc(h, sizeof(header) + new_size);
        if (!nh) return NULL;
        b->large_bytes = b->large_bytes - nh->size + new_size;
        b->bytes_requested = b->bytes_requested - nh->size + new_size;
        nh->size = new_size;
        return nh + 1;
    }
    void *q = bump_malloc(ctx, new_size);
    if (!q) return NULL; /* p stays valid */
    memcpy(q, p, h->size < new_size ? h->size : new_size);
    bump_free(ctx, p, 0);
    b->allocs--; /* a move is neither a new block nor a freed one */
    b->frees--;
    return q;
}

/* Give back the chunks of every class that has no live block. */
static int bump_trim(void *ctx) {
    bump *b = ctx;
    for (uint32_t k = 0; k < NCLASSES; k++) {
        size_class *c = &b->cls[k];
        if (c->live) continue;
        while (c->chunks) {
            chunk *next = c->chunks->next;
            free(c->chunks);
            c->chunks = next;
        }
        *c = (size_class){0};
    }
    return 0;
}

static int bump_stats(void *ctx, rh_allocator_stats *out) {
    bump *b = ctx;
    if (out->struct_size < sizeof *out) return -1; /* an older host: do not write past its struct */
    memset((char *)out + sizeof out->struct_size, 0xff, sizeof *out - sizeof out->struct_size); /* unknown */
    out->allocs = b->allocs;
    out->frees = b->frees;
    out->bytes_requested = b->bytes_requested;
    out->bytes_mapped = b->large_bytes;
    out->nsize_classes = NCLASSES;
    memset(out->classes, 0, sizeof out->classes);
    for (uint32_t k = 0; k < NCLASSES; k++) {
        const size_class *c = &b->cls[k];
        uint64_t untouched = (uint64_t)(c->end - c->bump) / slot_bytes(k);
        out->classes[k] = (rh_size_class_stats){GRANULE * (k + 1), c->nchunks, c->live, c->nfree + untouched};
        out->bytes_mapped += c->nchunks * CHUNK_BYTES;
    }
    out->pool_size = CHUNK_BYTES;
    out->large_allocs_live = b->large_live;
    return 0;
}

static void bump_destroy(void *ctx) {
    bump *b = ctx;
    for (uint32_t k = 0; k < NCLASSES; k++) b->cls[k].live = 0;
    bump_trim(b); /* large blocks still live at this point were leaked by the caller */
    free(b);
}

/* The one symbol refheap looks for. Fill *out for the host's ABI version, or refuse with nonzero. */
__attribute__((visibility("default"))) int rh_allocator_plugin_init(rh_allocator *out, uint32_t host_abi_version) {
    if (host_abi_version != RH_ALLOCATOR_ABI_VERSION) return 1;
    bump *b = calloc(1, sizeof *b);
    if (!b) return 2;
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION,
        .struct_size = sizeof(rh_allocator),
        .name = "bump",
        .ctx = b,
        .malloc = bump_malloc,
        .calloc = bump_calloc,
        .realloc = bump_realloc,
        .free = bump_free,
        .trim = bump_trim,
        .stats = bump_stats,
        .destroy = bump_destroy,
    };
    return 0;
}
