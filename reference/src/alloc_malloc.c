/* alloc_malloc.c — the "malloc" allocator: C library malloc/calloc/realloc/free, nothing in between.
 *
 * Owns: struct malloc_ctx (the instance's allocs/frees counters).
 * Invariants: every pointer handed out came straight from the C library (glibc, or whatever answers
 * `malloc` in this process — under ASan, ASan's allocator); size 0 is asked as 1 so each call gives a
 * distinct pointer, as CPython's PYMEM_ALLOCATOR_MALLOC does (_PyMem_RawMalloc). glibc aligns every
 * block to 16 bytes on x86-64 (MALLOC_ALIGNMENT), so no rounding is needed. Stats mix the instance's own
 * call counters with mallinfo2(), which describes the whole process, not this instance.
 */
#include <gnu/libc-version.h>
#include <malloc.h>
#include <stdlib.h>

#include "alloc_impl.h"

typedef struct malloc_ctx {
    uint64_t allocs;
    uint64_t frees;
} malloc_ctx;

static void *m_malloc(void *ctx, size_t n) {
    void *p = malloc(n ? n : 1);
    if (p) ((malloc_ctx *)ctx)->allocs++;
    return p;
}

static void *m_calloc(void *ctx, size_t nelem, size_t elsize) {
    size_t total = rh__mul_size(nelem, elsize);
    if (total == SIZE_MAX) return NULL; /* overflow: refuse before the C library sees it */
    void *p = total ? calloc(nelem, elsize) : calloc(1, 1);
    if (p) ((malloc_ctx *)ctx)->allocs++;
    return p;
}

static void *m_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    (void)old_size;
    /* realloc(p, 0) may free p in glibc: ask for one byte instead so the result is always a block */
    void *q = realloc(p, new_size ? new_size : 1);
    if (q && !p) ((malloc_ctx *)ctx)->allocs++;
    return q;
}

static void m_free(void *ctx, void *p, size_t size) {
    (void)size;
    if (!p) return;
    ((malloc_ctx *)ctx)->frees++;
    free(p);
}

static int m_trim(void *ctx) {
    (void)ctx;
    malloc_trim(0);
    return 0;
}

static int m_stats(void *ctx, rh_allocator_stats *out) {
    const malloc_ctx *c = ctx;
    rh__stats_unknown(out);
    out->allocs = c->allocs;
    out->frees = c->frees;
    struct mallinfo2 mi = mallinfo2();
    out->bytes_mapped = (uint64_t)mi.arena + (uint64_t)mi.hblkhd; /* sbrk heap + mmapped chunks */
    return 0;
}

static void m_destroy(void *ctx) { free(ctx); }

int rh__malloc_create(rh_allocator *out, char *err, size_t errlen) {
    malloc_ctx *c = calloc(1, sizeof *c);
    if (!c) return rh__alloc_fail(err, errlen, "malloc: out of memory for the allocator context");
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_allocator), .name = "malloc",
        .ctx = c, .malloc = m_malloc, .calloc = m_calloc, .realloc = m_realloc, .free = m_free,
        .trim = m_trim, .stats = m_stats, .destroy = m_destroy,
    };
    return 0;
}

int rh__malloc_describe(const rh_allocator *a, FILE *out) {
    if (a->malloc != m_malloc) return 0;
    rh__json_str_member(out, "library", "glibc");
    rh__json_str_member(out, "version", gnu_get_libc_version());
    struct mallinfo2 mi = mallinfo2();
    rh__json_u64_member(out, "mallinfo2_uordblks", mi.uordblks);
    rh__json_u64_member(out, "mallinfo2_fordblks", mi.fordblks);
    static const char *const prefixes[] = {"MALLOC_", "GLIBC_TUNABLES", NULL};
    rh__json_env_options(out, prefixes);
    return 1;
}
