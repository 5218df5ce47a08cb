/* plugin_fixture.c — deliberately broken allocator plug-ins for test_plugin_loading.c, one per build
 * (special.cmake compiles this file once per FIXTURE_<KIND>):
 *   NOSYM   exports no rh_allocator_plugin_init at all;
 *   REFUSE  refuses every host ABI version (a plug-in written for a future ABI 2 only);
 *   ABI     ignores the host version and fills a table of abi_version RH_ALLOCATOR_ABI_VERSION + 1;
 *   SMALL   fills a table whose struct_size is smaller than rh_allocator;
 *   NOFREE  fills a table without its free and realloc callbacks; its destroy must still be called.
 * The callbacks are libc pass-throughs; only the table's shape matters here.
 */
#include <stdlib.h>

#include "refheap/alloc.h"

static void *fx_malloc(void *ctx, size_t n) { (void)ctx; return malloc(n ? n : 1); }
static void *fx_calloc(void *ctx, size_t a, size_t b) { (void)ctx; return calloc(a ? a : 1, b ? b : 1); }
static void *fx_realloc(void *ctx, void *p, size_t o, size_t n) { (void)ctx; (void)o; return realloc(p, n ? n : 1); }
static void fx_free(void *ctx, void *p, size_t n) { (void)ctx; (void)n; free(p); }
static void fx_destroy(void *ctx) { free(ctx); }

__attribute__((unused)) static void fill(rh_allocator *out) {
    *out = (rh_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof(rh_allocator), "fixture", malloc(8),
                          fx_malloc, fx_calloc, fx_realloc, fx_free, NULL, NULL, fx_destroy};
}

#if defined(FIXTURE_NOSYM)
int rh_fixture_not_a_plugin(rh_allocator *out) {
    fill(out);
    return 0;
}
#else
int rh_allocator_plugin_init(rh_allocator *out, uint32_t host_abi_version) {
#if defined(FIXTURE_REFUSE)
    (void)out;
    return host_abi_version == 2u ? 0 : 7;
#else
    (void)host_abi_version;
    fill(out);
#if defined(FIXTURE_ABI)
    free(out->ctx); /* the host will not call destroy on a table of another ABI */
    out->ctx = NULL;
    out->abi_version = RH_ALLOCATOR_ABI_VERSION + 1;
#elif defined(FIXTURE_SMALL)
    free(out->ctx);
    out->ctx = NULL;
    out->struct_size = 8;
#elif defined(FIXTURE_NOFREE)
    out->free = NULL;
    out->realloc = NULL;
#endif
    return 0;
#endif
}
#endif
