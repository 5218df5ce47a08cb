/* alloc_mimalloc.c — the "mimalloc" allocator: Microsoft's mimalloc, loaded at run time, one private
 * mi_heap per instance.
 *
 * Owns: struct mi_ctx (the dlopen handle, the resolved entry points, the instance's heap and counters).
 * Why dlopen: Debian's libmimalloc.so exports malloc/free itself; linking it would replace the C library
 * malloc for the whole process (and make the "malloc" allocator a lie). dlopen(RTLD_LOCAL) keeps its
 * malloc out of the global symbol scope, so only the mi_* entry points resolved here reach it. The path
 * is RH_MIMALLOC_SO, set by reference/CMakeLists.txt when CMake found the library.
 * Invariants:
 *  - every block this instance hands out lives in ctx->heap (mi_heap_malloc & co.); mi_free works on a
 *    block of any heap, and mi_heap_destroy releases whatever is still in the heap at destroy time, so
 *    two instances are fully independent and a leak cannot outlive its instance;
 *  - requests are rounded up to a multiple of 16 (mimalloc's 8-, 24-, 40- and 56-byte bins hand out
 *    8-aligned blocks; the ABI promises 16);
 *  - a mimalloc heap belongs to the thread that created it: an instance must be used on that thread only
 *    (the ABI already says one thread at a time; mimalloc needs it to be the same thread).
 * The library is opened with RTLD_NODELETE: mimalloc registers thread-exit hooks that must stay mapped.
 */
#include <dlfcn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "alloc_impl.h"

typedef struct mi_api {
    void *(*heap_new)(void);
    void (*heap_destroy)(void *heap);
    void *(*heap_malloc)(void *heap, size_t n);
    void *(*heap_zalloc)(void *heap, size_t n);
    void *(*heap_realloc)(void *heap, void *p, size_t n);
    void (*heap_collect)(void *heap, bool force);
    void (*free)(void *p);
    void (*collect)(bool force);
    int (*version)(void);
    void (*process_info)(size_t *elapsed_msecs, size_t *user_msecs, size_t *system_msecs,
                         size_t *current_rss, size_t *peak_rss, size_t *current_commit,
                         size_t *peak_commit, size_t *page_faults); /* optional */
} mi_api;

typedef struct mi_ctx {
    void *dl;
    mi_api api;
    void *heap;
    uint64_t allocs;
    uint64_t frees;
    char version[16];
} mi_ctx;

static void *mi_r_malloc(void *ctx, size_t n) {
    mi_ctx *c = ctx;
    void *p = c->api.heap_malloc(c->heap, rh__round_align(n));
    if (p) c->allocs++;
    return p;
}

static void *mi_r_calloc(void *ctx, size_t nelem, size_t elsize) {
    mi_ctx *c = ctx;
    size_t total = rh__mul_size(nelem, elsize);
    if (total == SIZE_MAX) return NULL;
    void *p = c->api.heap_zalloc(c->heap, rh__round_align(total));
    if (p) c->allocs++;
    return p;
}

static void *mi_r_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    mi_ctx *c = ctx;
    (void)old_size;
    void *q = c->api.heap_realloc(c->heap, p, rh__round_align(new_size));
    if (q && !p) c->allocs++;
    return q;
}

static void mi_r_free(void *ctx, void *p, size_t size) {
    mi_ctx *c = ctx;
    (void)size;
    if (!p) return;
    c->frees++;
    c->api.free(p);
}

static int mi_r_trim(void *ctx) {
    mi_ctx *c = ctx;
    c->api.heap_collect(c->heap, true);
    c->api.collect(true); /* also returns the thread's and the process's cached segments to the OS */
    return 0;
}

static int mi_r_stats(void *ctx, rh_allocator_stats *out) {
    mi_ctx *c = ctx;
    rh__stats_unknown(out);
    out->allocs = c->allocs;
    out->frees = c->frees;
    if (c->api.process_info) {
        size_t el, us, sy, rss, peak_rss, commit, peak_commit, faults;
        c->api.process_info(&el, &us, &sy, &rss, &peak_rss, &commit, &peak_commit, &faults);
        out->bytes_mapped = commit; /* committed by mimalloc in this process (all heaps) */
    }
    return 0;
}

static void mi_r_destroy(void *ctx) {
    mi_ctx *c = ctx;
    c->api.heap_destroy(c->heap); /* frees every block still in the heap */
    dlclose(c->dl);               /* RTLD_NODELETE: stays mapped, only the reference is dropped */
    free(c);
}

#ifdef RH_MIMALLOC_SO
static int resolve(mi_ctx *c, char *err, size_t errlen) {
#define MI_SYM(field, sym)                                                                        \
    do {                                                                                          \
        *(void **)&c->api.field = dlsym(c->dl, sym);                                              \
        if (!c->api.field) return rh__alloc_fail(err, errlen, "mimalloc: %s lacks symbol %s",     \
                                                 RH_MIMALLOC_SO, sym);                            \
    } while (0)
    MI_SYM(heap_new, "mi_heap_new");
    MI_SYM(heap_destroy, "mi_heap_destroy");
    MI_SYM(heap_malloc, "mi_heap_malloc");
    MI_SYM(heap_zalloc, "mi_heap_zalloc");
    MI_SYM(heap_realloc, "mi_heap_realloc");
    MI_SYM(heap_collect, "mi_heap_collect");
    MI_SYM(free, "mi_free");
    MI_SYM(collect, "mi_collect");
    MI_SYM(version, "mi_version");
#undef MI_SYM
    *(void **)&c->api.process_info = dlsym(c->dl, "mi_process_info");
    return 0;
}

int rh__mimalloc_create(rh_allocator *out, char *err, size_t errlen) {
    mi_ctx *c = calloc(1, sizeof *c);
    if (!c) return rh__alloc_fail(err, errlen, "mimalloc: out of memory for the allocator context");
    c->dl = dlopen(RH_MIMALLOC_SO, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!c->dl) {
        rh__alloc_fail(err, errlen, "mimalloc: dlopen failed: %s", dlerror());
        free(c);
        return -1;
    }
    if (resolve(c, err, errlen) != 0 || !(c->heap = c->api.heap_new())) {
        if (!c->heap && c->api.heap_new) rh__alloc_fail(err, errlen, "mimalloc: mi_heap_new failed");
        dlclose(c->dl);
        free(c);
        return -1;
    }
    int v = c->api.version(); /* major*100 + minor*10 + patch: 209 is 2.0.9 */
    snprintf(c->version, sizeof c->version, "%d.%d.%d", v / 100, (v / 10) % 10, v % 10);
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_allocator), .name = "mimalloc",
        .ctx = c, .malloc = mi_r_malloc, .calloc = mi_r_calloc, .realloc = mi_r_realloc, .free = mi_r_free,
        .trim = mi_r_trim, .stats = mi_r_stats, .destroy = mi_r_destroy,
    };
    return 0;
}

int rh__mimalloc_available(void) { return access(RH_MIMALLOC_SO, R_OK) == 0; }
#else
int rh__mimalloc_create(rh_allocator *out, char *err, size_t errlen) {
    (void)out;
    return rh__alloc_fail(err, errlen, "mimalloc: libmimalloc was not found when refheap was configured "
                                       "(install libmimalloc-dev and re-run cmake)");
}

int rh__mimalloc_available(void) { return 0; }
#endif

int rh__mimalloc_describe(const rh_allocator *a, FILE *out) {
    if (a->malloc != mi_r_malloc) return 0;
    const mi_ctx *c = a->ctx;
#ifdef RH_MIMALLOC_SO
    rh__json_str_member(out, "library", RH_MIMALLOC_SO);
#endif
    rh__json_str_member(out, "version", c->version);
    if (c->api.process_info) {
        size_t el, us, sy, rss, peak_rss, commit, peak_commit, faults;
        c->api.process_info(&el, &us, &sy, &rss, &peak_rss, &commit, &peak_commit, &faults);
        rh__json_u64_member(out, "mi_current_rss", rss);
        rh__json_u64_member(out, "mi_peak_commit", peak_commit);
    }
    static const char *const prefixes[] = {"MIMALLOC_", NULL};
    rh__json_env_options(out, prefixes);
    return 1;
}
