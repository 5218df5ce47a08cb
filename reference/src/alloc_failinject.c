/* alloc_failinject.c — the fault-injection decorator (Lua's Memcontrol idea): wraps any allocator and
 * answers chosen requests with NULL, so out-of-memory paths (MemoryError) can be tested deterministically.
 *
 * Owns: struct fi_ctx (the inner allocator, which it destroys with itself; the configuration; counters)
 * and the 16-byte header in front of every block it hands out.
 * Invariants:
 *  - every block handed out is inner-block + 16; the header holds the requested size, so live_bytes is
 *    exact even when callers free with size 0 ("unknown"), and the inner allocator always gets the exact
 *    old size back (header included). The header keeps the 16-byte alignment of the inner block;
 *  - counts.live_blocks == allocs - frees, counts.live_bytes == sum of the requested sizes of live
 *    blocks; counts.requests counts every malloc/calloc/realloc call, counts.failures those answered
 *    NULL by injection (a genuine failure of the inner allocator is not counted as injected);
 *  - fail_nth counts from the last rh_failinject_set (from creation at first): the fail_nth-th request
 *    after it fails, and with `sticky` every one after that too. byte_limit refuses a request that grows
 *    live_bytes above the limit (shrinking and freeing are never refused).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc_impl.h"
#include "internal.h"

typedef struct fi_header {
    size_t size;    /* requested size */
    size_t magic;   /* FI_LIVE while the block is live */
} fi_header;
#define FI_HDR sizeof(fi_header)
#define FI_LIVE ((size_t)0x6c6976656669ull)  /* "filive" */
#define FI_DEAD ((size_t)0x646561646669ull)  /* "fidead" */
_Static_assert(sizeof(fi_header) % RH_MIN_ALIGNMENT == 0, "the header must keep the inner alignment");

typedef struct fi_ctx {
    rh_allocator inner;
    rh_failinject_config cfg;
    uint64_t armed_at;           /* counts.requests when cfg was last set */
    rh_failinject_counts counts;
    uint64_t allocs;             /* successful malloc/calloc/realloc(NULL) */
    uint64_t frees;
    char name[64];
} fi_ctx;

/* Count the request and decide whether to inject a failure. */
static int inject(fi_ctx *c, size_t old_size, size_t new_size) {
    uint64_t nth = ++c->counts.requests - c->armed_at;
    int fail = c->cfg.fail_nth && (nth == c->cfg.fail_nth || (c->cfg.sticky && nth > c->cfg.fail_nth));
    if (c->cfg.byte_limit && new_size > old_size &&
        (new_size - old_size > c->cfg.byte_limit || c->counts.live_bytes - old_size + new_size > c->cfg.byte_limit))
        fail = 1;
    if (fail) c->counts.failures++;
    return fail;
}

static void *adopt(fi_ctx *c, fi_header *h, size_t size) {
    h->size = size;
    h->magic = FI_LIVE;
    c->counts.live_blocks++;
    c->counts.live_bytes += size;
    c->allocs++;
    return h + 1;
}

static void *fi_malloc(void *ctx, size_t n) {
    fi_ctx *c = ctx;
    if (n > SIZE_MAX - FI_HDR || inject(c, 0, n)) return NULL; /* overflow: refused, not injected */
    fi_header *h = c->inner.malloc(c->inner.ctx, n + FI_HDR);
    return h ? adopt(c, h, n) : NULL;
}

static void *fi_calloc(void *ctx, size_t nelem, size_t elsize) {
    fi_ctx *c = ctx;
    size_t n = rh__mul_size(nelem, elsize);
    if (n > SIZE_MAX - FI_HDR || inject(c, 0, n)) return NULL; /* overflow: refused, not injected */
    fi_header *h = c->inner.calloc(c->inner.ctx, 1, n + FI_HDR);
    return h ? adopt(c, h, n) : NULL;
}

static fi_header *header_of(void *p) {
    fi_header *h = (fi_header *)p - 1;
    rh_assert(h->magic == FI_LIVE); /* not ours, or freed twice */
    return h;
}

static void *fi_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    fi_ctx *c = ctx;
    (void)old_size; /* the header knows it exactly */
    if (!p) return fi_malloc(ctx, new_size);
    fi_header *h = header_of(p);
    size_t old = h->size;
    if (new_size > SIZE_MAX - FI_HDR || inject(c, old, new_size)) return NULL;
    fi_header *q = c->inner.realloc(c->inner.ctx, h, old + FI_HDR, new_size + FI_HDR);
    if (!q) return NULL;
    q->size = new_size;
    c->counts.live_bytes = c->counts.live_bytes - old + new_size;
    return q + 1;
}

static void fi_free(void *ctx, void *p, size_t size) {
    fi_ctx *c = ctx;
    (void)size;
    if (!p) return;
    fi_header *h = header_of(p);
    size_t n = h->size;
    h->magic = FI_DEAD;
    c->counts.live_blocks--;
    c->counts.live_bytes -= n;
    c->frees++;
    c->inner.free(c->inner.ctx, h, n + FI_HDR);
}

static int fi_trim(void *ctx) {
    fi_ctx *c = ctx;
    return c->inner.trim(c->inner.ctx);
}

/* The inner allocator's figures, with the generic counters replaced by this layer's exact ones. */
static int fi_stats(void *ctx, rh_allocator_stats *out) {
    fi_ctx *c = ctx;
    if (!c->inner.stats || c->inner.stats(c->inner.ctx, out) != 0) rh__stats_unknown(out);
    out->allocs = c->allocs;
    out->frees = c->frees;
    out->bytes_requested = c->counts.live_bytes;
    return 0;
}

static void fi_destroy(void *ctx) {
    fi_ctx *c = ctx;
    rh_allocator_destroy(&c->inner);
    free(c);
}

int rh_allocator_failinject(rh_allocator *out, rh_allocator *inner, const rh_failinject_config *cfg) {
    fi_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        rh_allocator_destroy(inner); /* owned from the call on, failure included */
        return -1;
    }
    c->inner = *inner;
    memset(inner, 0, sizeof *inner);
    if (cfg) c->cfg = *cfg;
    snprintf(c->name, sizeof c->name, "failinject(%s)", c->inner.name ? c->inner.name : "?");
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_allocator), .name = c->name,
        .ctx = c, .malloc = fi_malloc, .calloc = fi_calloc, .realloc = fi_realloc, .free = fi_free,
        .trim = c->inner.trim ? fi_trim : NULL, .stats = fi_stats, .destroy = fi_destroy,
    };
    return 0;
}

void rh_failinject_set(rh_allocator *fi, const rh_failinject_config *cfg) {
    if (!fi || fi->malloc != fi_malloc) return;
    fi_ctx *c = fi->ctx;
    c->cfg = cfg ? *cfg : (rh_failinject_config){0};
    c->armed_at = c->counts.requests;
}

void rh_failinject_get(const rh_allocator *fi, rh_failinject_counts *out) {
    if (!fi || fi->malloc != fi_malloc) {
        *out = (rh_failinject_counts){0};
        return;
    }
    *out = ((const fi_ctx *)fi->ctx)->counts;
}

int rh__failinject_describe(const rh_allocator *a, FILE *out) {
    if (a->malloc != fi_malloc) return 0;
    const fi_ctx *c = a->ctx;
    rh__json_str_member(out, "inner", c->inner.name ? c->inner.name : "?");
    rh__json_u64_member(out, "fi_requests", c->counts.requests);
    rh__json_u64_member(out, "fi_failures", c->counts.failures);
    rh__json_u64_member(out, "fi_live_blocks", c->counts.live_blocks);
    return 1;
}
