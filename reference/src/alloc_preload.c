/* alloc_preload.c — the "jemalloc" and "tcmalloc" allocators, which replace malloc itself and so only
 * run in a process started with the library in LD_PRELOAD; plus rh_preload_* (find, re-exec, verify).
 *
 * Owns: struct pl_ctx (counters and the library's control entry points) and the table of preloadable
 * libraries (paths RH_JEMALLOC_SO / RH_TCMALLOC_SO from CMake; tcmalloc is libtcmalloc_minimal.so.4).
 * Why preload and not dlopen: both are built to be the process's one malloc (they define malloc, free,
 * memalign and the C++ operators and expect to be initialised before the first allocation); dlopen'ed
 * late they would be a second heap beside glibc's. Preloaded, as mimalloc-bench runs them, they answer
 * every malloc call in the process, and the table below simply calls malloc/free.
 * Invariants:
 *  - a table exists only while rh_preload_verify(name) == 0: create() refuses otherwise, because numbers
 *    measured on a silently absent preload would be glibc's numbers under another name
 *    (docs/measurement.md §12);
 *  - verification is by symbol identity: the object defining the `malloc` that RTLD_DEFAULT resolves (the
 *    one every call in the process reaches) must be the object defining the library's own control entry
 *    point (jemalloc's mallctl, tcmalloc's MallocExtension_GetNumericProperty);
 *  - requests are rounded up to 16 bytes (both libraries have an 8-byte class with 8-byte alignment).
 * rh_preload_reexec marks the re-executed process with RH_PRELOAD_REEXEC=<name> (a loop guard: a second
 * re-exec for the same name is refused) and, once the library is verified active, restores LD_PRELOAD to
 * its earlier value so that child processes (the CPython oracle, tools) do not inherit the preload.
 */
#define _GNU_SOURCE /* dladdr, Dl_info, RTLD_DEFAULT */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_impl.h"

#define PL_MARK_ENV "RH_PRELOAD_REEXEC"
#define PL_SAVED_ENV "RH_PRELOAD_SAVED"

typedef struct pl_lib {
    const char *name;
    const char *path;    /* NULL: not found when refheap was configured */
    const char *marker;  /* a symbol only this library defines */
} pl_lib;

#ifndef RH_JEMALLOC_SO
#define RH_JEMALLOC_SO NULL
#endif
#ifndef RH_TCMALLOC_SO
#define RH_TCMALLOC_SO NULL
#endif
static const pl_lib pl_libs[] = {
    {"jemalloc", RH_JEMALLOC_SO, "mallctl"},
    {"tcmalloc", RH_TCMALLOC_SO, "MallocExtension_GetNumericProperty"},
};

static const pl_lib *pl_find(const char *name) {
    for (size_t i = 0; name && i < sizeof pl_libs / sizeof pl_libs[0]; i++)
        if (strcmp(name, pl_libs[i].name) == 0) return &pl_libs[i];
    return NULL;
}

int rh__preload_is_name(const char *name) { return pl_find(name) != NULL; }

const char *rh_preload_library(const char *name) {
    const pl_lib *lib = pl_find(name);
    return lib ? lib->path : NULL;
}

/* ---- verification */

static int sanitizer_build(void) {
#if defined(__SANITIZE_ADDRESS__)
    return 1;
#else
    return 0;
#endif
}

int rh_preload_verify(const char *name, char *err, size_t errlen) {
    const pl_lib *lib = pl_find(name);
    if (!lib) return rh__alloc_fail(err, errlen, "%s: not an LD_PRELOAD allocator", name ? name : "(null)");
    Dl_info mi, ki;
    void *m = dlsym(RTLD_DEFAULT, "malloc");
    if (!m || !dladdr(m, &mi)) return rh__alloc_fail(err, errlen, "%s: cannot locate malloc", lib->name);
    void *k = dlsym(RTLD_DEFAULT, lib->marker);
    if (k && dladdr(k, &ki) && ki.dli_fbase == mi.dli_fbase) return 0;
    const char *why = !lib->path ? "the library was not found when refheap was configured"
                      : sanitizer_build() ? "an AddressSanitizer build cannot preload another malloc"
                                          : "start the process with LD_PRELOAD=<library> (or let the "
                                            "CLI re-exec itself)";
    return rh__alloc_fail(err, errlen, "%s: not the active malloc: malloc is answered by %s, not %s; %s",
                          lib->name, mi.dli_fname ? mi.dli_fname : "?",
                          lib->path ? lib->path : lib->name, why);
}

/* ---- re-exec */

/* In a process this module re-executed: put LD_PRELOAD back as it was and drop the marks. */
static void restore_environment(void) {
    if (!getenv(PL_MARK_ENV)) return;
    const char *saved = getenv(PL_SAVED_ENV);
    if (saved && *saved) setenv("LD_PRELOAD", saved, 1);
    else unsetenv("LD_PRELOAD");
    unsetenv(PL_SAVED_ENV);
    unsetenv(PL_MARK_ENV);
}

int rh_preload_reexec(const char *name, char **argv) {
    const pl_lib *lib = pl_find(name);
    if (!lib) return 0; /* nothing to preload for this allocator */
    if (rh_preload_verify(name, NULL, 0) == 0) {
        restore_environment();
        return 0;
    }
    const char *mark = getenv(PL_MARK_ENV);
    if (!lib->path || sanitizer_build() || !argv || !argv[0] || (mark && strcmp(mark, name) == 0))
        return -1; /* cannot preload here, or already re-executed once and it did not take */
    const char *old = getenv("LD_PRELOAD");
    char value[4096];
    int n = snprintf(value, sizeof value, "%s%s%s", lib->path, old && *old ? ":" : "", old ? old : "");
    if (n < 0 || (size_t)n >= sizeof value) return -1;
    if (setenv(PL_SAVED_ENV, old ? old : "", 1) != 0 || setenv(PL_MARK_ENV, name, 1) != 0 ||
        setenv("LD_PRELOAD", value, 1) != 0)
        return -1;
    execv("/proc/self/exe", argv);
    return -1; /* execv returned: it failed */
}

/* ---- the table: plain malloc/free, which the preloaded library now answers */

typedef struct pl_ctx {
    const pl_lib *lib;
    uint64_t allocs;
    uint64_t frees;
    int (*mallctl)(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
    int (*tc_property)(const char *name, size_t *value);
    void (*tc_release)(void);
    char version[64];
} pl_ctx;

static void *pl_malloc(void *ctx, size_t n) {
    void *p = malloc(rh__round_align(n));
    if (p) ((pl_ctx *)ctx)->allocs++;
    return p;
}

static void *pl_calloc(void *ctx, size_t nelem, size_t elsize) {
    size_t total = rh__mul_size(nelem, elsize);
    if (total == SIZE_MAX) return NULL;
    void *p = calloc(1, rh__round_align(total));
    if (p) ((pl_ctx *)ctx)->allocs++;
    return p;
}

static void *pl_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    (void)old_size;
    void *q = realloc(p, rh__round_align(new_size));
    if (q && !p) ((pl_ctx *)ctx)->allocs++;
    return q;
}

static void pl_free(void *ctx, void *p, size_t size) {
    (void)size;
    if (!p) return;
    ((pl_ctx *)ctx)->frees++;
    free(p);
}

/* jemalloc: purge every arena (MALLCTL_ARENAS_ALL = 4096); tcmalloc: release the page heap. */
static int pl_trim(void *ctx) {
    pl_ctx *c = ctx;
    if (c->mallctl) return c->mallctl("arena.4096.purge", NULL, NULL, NULL, 0) == 0 ? 0 : -1;
    if (c->tc_release) {
        c->tc_release();
        return 0;
    }
    return -1;
}

static uint64_t je_size(pl_ctx *c, const char *key) {
    size_t v = 0, sz = sizeof v;
    return c->mallctl(key, &v, &sz, NULL, 0) == 0 ? (uint64_t)v : RH_STAT_UNKNOWN;
}

static uint64_t tc_size(pl_ctx *c, const char *key) {
    size_t v = 0;
    return c->tc_property && c->tc_property(key, &v) ? (uint64_t)v : RH_STAT_UNKNOWN;
}

static void je_refresh(pl_ctx *c) {
    uint64_t epoch = 1;
    size_t sz = sizeof epoch;
    c->mallctl("epoch", &epoch, &sz, &epoch, sz); /* jemalloc's stats are a snapshot per epoch */
}

/* Bytes the library holds from the OS: jemalloc stats.mapped; tcmalloc heap minus released pages. */
static uint64_t pl_mapped(pl_ctx *c) {
    if (c->mallctl) {
        je_refresh(c);
        return je_size(c, "stats.mapped");
    }
    uint64_t heap = tc_size(c, "generic.heap_size");
    uint64_t unmapped = tc_size(c, "tcmalloc.pageheap_unmapped_bytes");
    if (heap == RH_STAT_UNKNOWN || unmapped == RH_STAT_UNKNOWN || unmapped > heap) return heap;
    return heap - unmapped;
}

static int pl_stats(void *ctx, rh_allocator_stats *out) {
    pl_ctx *c = ctx;
    rh__stats_unknown(out);
    out->allocs = c->allocs;
    out->frees = c->frees;
    out->bytes_mapped = pl_mapped(c);
    return 0;
}

static void pl_destroy(void *ctx) { free(ctx); }

static void pl_bind(pl_ctx *c) {
    if (strcmp(c->lib->name, "jemalloc") == 0) {
        *(void **)&c->mallctl = dlsym(RTLD_DEFAULT, "mallctl");
        const char *v = NULL;
        size_t sz = sizeof v;
        if (c->mallctl && c->mallctl("version", &v, &sz, NULL, 0) == 0 && v)
            snprintf(c->version, sizeof c->version, "%s", v);
        return;
    }
    *(void **)&c->tc_property = dlsym(RTLD_DEFAULT, "MallocExtension_GetNumericProperty");
    *(void **)&c->tc_release = dlsym(RTLD_DEFAULT, "MallocExtension_ReleaseFreeMemory");
    const char *(*tc_version)(int *, int *, const char **);
    *(void **)&tc_version = dlsym(RTLD_DEFAULT, "tc_version");
    int major, minor;
    const char *patch;
    if (tc_version) snprintf(c->version, sizeof c->version, "%s", tc_version(&major, &minor, &patch));
}

int rh__preload_create(rh_allocator *out, const char *name, char *err, size_t errlen) {
    const pl_lib *lib = pl_find(name);
    if (!lib) return rh__alloc_fail(err, errlen, "%s: not an LD_PRELOAD allocator", name);
    if (rh_preload_verify(name, err, errlen) != 0) return -1;
    pl_ctx *c = calloc(1, sizeof *c);
    if (!c) return rh__alloc_fail(err, errlen, "%s: out of memory for the allocator context", name);
    c->lib = lib;
    pl_bind(c);
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_allocator), .name = lib->name,
        .ctx = c, .malloc = pl_malloc, .calloc = pl_calloc, .realloc = pl_realloc, .free = pl_free,
        .trim = pl_trim, .stats = pl_stats, .destroy = pl_destroy,
    };
    return 0;
}

int rh__preload_describe(const rh_allocator *a, FILE *out) {
    if (a->malloc != pl_malloc) return 0;
    pl_ctx *c = a->ctx;
    Dl_info info;
    void *m = dlsym(RTLD_DEFAULT, "malloc");
    rh__json_str_member(out, "library", m && dladdr(m, &info) && info.dli_fname ? info.dli_fname : "?");
    rh__json_str_member(out, "version", c->version);
    if (c->mallctl) {
        je_refresh(c);
        rh__json_u64_member(out, "je_stats_allocated", je_size(c, "stats.allocated"));
        rh__json_u64_member(out, "je_stats_resident", je_size(c, "stats.resident"));
        rh__json_u64_member(out, "je_stats_mapped", je_size(c, "stats.mapped"));
        static const char *const je_env[] = {"MALLOC_CONF", "JE_MALLOC_CONF", NULL};
        rh__json_env_options(out, je_env);
    } else {
        rh__json_u64_member(out, "tc_current_allocated_bytes", tc_size(c, "generic.current_allocated_bytes"));
        rh__json_u64_member(out, "tc_heap_size", tc_size(c, "generic.heap_size"));
        rh__json_u64_member(out, "tc_pageheap_unmapped_bytes", tc_size(c, "tcmalloc.pageheap_unmapped_bytes"));
        static const char *const tc_env[] = {"TCMALLOC_", NULL};
        rh__json_env_options(out, tc_env);
    }
    return 1;
}
