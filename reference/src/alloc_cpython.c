/* alloc_cpython.c — the "cpython" allocator: CPython 3.11's real obmalloc (PyObject_Malloc & co.) from
 * Debian's libpython3.11, for side-by-side truth against refheap's own pymalloc.
 *
 * Owns: struct cp_ctx (the dlopen handle, the resolved entry points, the arena allocator that was
 * installed before this instance, and the instance's allocs/frees counters).
 * How it is wired: libpython is dlopen'ed with RTLD_LOCAL (nothing of it enters the global symbol scope)
 * and RTLD_NODELETE (its obmalloc state, arenas and the arena-map nodes it obtained from malloc must stay
 * reachable until exit). Py_Initialize is never called: in 3.11 the object domain is statically
 * initialised to pymalloc (Objects/obmalloc.c: `static PyMemAllocatorEx _PyObject = PYOBJ_ALLOC;` with
 * PYOBJ_ALLOC = PYMALLOC_ALLOC in a release build) and pymalloc's pools/arenas are file-static data that
 * needs no set-up, so PyObject_Malloc works from the first call. create() checks that with
 * _PyObject_DebugMallocStats, which returns 0 when pymalloc is not the object allocator.
 * One instance per process: CPython 3.11 keeps obmalloc's state in process globals, so two "cpython"
 * instances would share one heap and their stats would mix. An instance marks itself by wrapping the
 * arena allocator (PyObject_SetArenaAllocator, a decorator over the previous one, as PEP 445 asks); a
 * second create finds the mark and fails with a message. destroy restores the previous arena allocator.
 * The mark lives in CPython's own state, so refheap needs no global of its own.
 * Invariants: every block handed out came from PyObject_Malloc/Calloc/Realloc of that one libpython and
 * goes back through PyObject_Free; counters count this instance's calls only.
 */
#include <dlfcn.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_impl.h"

/* PyObjectArenaAllocator (Include/cpython/objimpl.h, 3.4+): same layout. */
typedef struct cp_arena_allocator {
    void *ctx;
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *ptr, size_t size);
} cp_arena_allocator;

typedef struct cp_api {
    void *(*malloc)(size_t n);
    void *(*calloc)(size_t nelem, size_t elsize);
    void *(*realloc)(void *p, size_t n);
    void (*free)(void *p);
    intptr_t (*allocated_blocks)(void);          /* _Py_GetAllocatedBlocks */
    int (*debug_malloc_stats)(FILE *out);        /* _PyObject_DebugMallocStats: 1 if pymalloc */
    void (*get_arena_allocator)(cp_arena_allocator *a);
    void (*set_arena_allocator)(cp_arena_allocator *a);
    const char *(*get_version)(void);            /* Py_GetVersion */
} cp_api;

typedef struct cp_ctx {
    void *dl;
    cp_api api;
    cp_arena_allocator previous;  /* the arena allocator this instance wraps and restores */
    uint64_t allocs;
    uint64_t frees;
    char version[32];
} cp_ctx;

/* ---- the arena decorator: forwards to the previous arena allocator; its presence marks ownership */

static void *cp_arena_alloc(void *ctx, size_t size) {
    cp_ctx *c = ctx;
    return c->previous.alloc(c->previous.ctx, size);
}

static void cp_arena_free(void *ctx, void *ptr, size_t size) {
    cp_ctx *c = ctx;
    c->previous.free(c->previous.ctx, ptr, size);
}

/* ---- the table */

static void *cp_malloc(void *ctx, size_t n) {
    cp_ctx *c = ctx;
    void *p = c->api.malloc(n);
    if (p) c->allocs++;
    return p;
}

static void *cp_calloc(void *ctx, size_t nelem, size_t elsize) {
    cp_ctx *c = ctx;
    void *p = c->api.calloc(nelem, elsize); /* PyObject_Calloc refuses an overflowing product */
    if (p) c->allocs++;
    return p;
}

static void *cp_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    cp_ctx *c = ctx;
    (void)old_size;
    void *q = c->api.realloc(p, new_size);
    if (q && !p) c->allocs++;
    return q;
}

static void cp_free(void *ctx, void *p, size_t size) {
    cp_ctx *c = ctx;
    (void)size;
    if (!p) return;
    c->frees++;
    c->api.free(p);
}

/* ---- stats: parse _PyObject_DebugMallocStats (the text of sys._debugmallocstats) */

/* The number after '=' in "# label = 1,048,576", commas skipped. */
static uint64_t parse_grouped(const char *s) {
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s - '0');
        else if (*s != ',' && *s != ' ') break;
    }
    return v;
}

typedef struct cp_label { const char *label; size_t offset; } cp_label;
static const cp_label cp_labels[] = {
    {"arenas allocated total", offsetof(rh_allocator_stats, arenas_allocated_total)},
    {"arenas reclaimed", offsetof(rh_allocator_stats, arenas_reclaimed)},
    {"arenas highwater mark", offsetof(rh_allocator_stats, arenas_highwater)},
    {"arenas allocated current", offsetof(rh_allocator_stats, arenas_current)},
    {"bytes in allocated blocks", offsetof(rh_allocator_stats, bytes_in_allocated_blocks)},
    {"bytes in available blocks", offsetof(rh_allocator_stats, bytes_in_available_blocks)},
    {"bytes lost to pool headers", offsetof(rh_allocator_stats, bytes_lost_pool_headers)},
    {"bytes lost to quantization", offsetof(rh_allocator_stats, bytes_lost_quantization)},
    {"bytes lost to arena alignment", offsetof(rh_allocator_stats, bytes_lost_arena_alignment)},
};

static void parse_labelled(const char *line, rh_allocator_stats *out) {
    const char *eq = strchr(line, '=');
    if (!eq) return;
    for (size_t i = 0; i < sizeof cp_labels / sizeof cp_labels[0]; i++) {
        size_t n = strlen(cp_labels[i].label);
        if (strncmp(line + 2, cp_labels[i].label, n) == 0) {
            *(uint64_t *)((char *)out + cp_labels[i].offset) = parse_grouped(eq + 1);
            return;
        }
    }
}

static void parse_line(const char *line, rh_allocator_stats *out) {
    unsigned thr, ncls, cls, size;
    uint64_t a, b, c;
    if (sscanf(line, "Small block threshold = %u, in %u size classes", &thr, &ncls) == 2) {
        out->nsize_classes = ncls <= RH_MAX_SIZE_CLASSES ? ncls : RH_MAX_SIZE_CLASSES;
        for (unsigned i = 0; i < out->nsize_classes; i++)
            out->classes[i] = (rh_size_class_stats){.size = (i + 1) * (thr / ncls)};
    } else if (strncmp(line, "# ", 2) == 0) {
        parse_labelled(line, out);
    } else if (sscanf(line, "%" SCNu64 " arenas * %" SCNu64 " bytes/arena", &a, &b) == 2) {
        out->arena_size = b;
    } else if (sscanf(line, "%" SCNu64 " unused pools * %" SCNu64 " bytes", &a, &b) == 2) {
        out->unused_pools = a;
        out->pool_size = b;
    } else if (sscanf(line, "%u %u %" SCNu64 " %" SCNu64 " %" SCNu64, &cls, &size, &a, &b, &c) == 5 &&
               cls < out->nsize_classes) {
        out->classes[cls] = (rh_size_class_stats){size, a, b, c};
    }
}

/* Run _PyObject_DebugMallocStats into memory and parse it. Returns its result (1: pymalloc active). */
static int debug_stats(cp_ctx *c, rh_allocator_stats *out) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return -1;
    int active = c->api.debug_malloc_stats(f);
    fclose(f);
    if (out && text) {
        for (char *line = text, *next; line && *line; line = next) {
            next = strchr(line, '\n');
            if (next) *next++ = '\0';
            if (strcmp(line, "arena map counts") == 0) break; /* the radix-tree section follows */
            parse_line(line, out);
        }
    }
    free(text);
    return active;
}

static int cp_stats(void *ctx, rh_allocator_stats *out) {
    cp_ctx *c = ctx;
    rh__stats_unknown(out);
    if (debug_stats(c, out) != 1) return -1;
    out->allocs = c->allocs;
    out->frees = c->frees;
    uint64_t small = 0;
    for (uint32_t i = 0; i < out->nsize_classes; i++) small += out->classes[i].blocks_in_use;
    uint64_t total = (uint64_t)c->api.allocated_blocks(); /* small blocks + raw (large) blocks */
    out->large_allocs_live = total >= small ? total - small : 0;
    if (out->arenas_current != RH_STAT_UNKNOWN && out->arena_size != RH_STAT_UNKNOWN)
        out->bytes_mapped = out->arenas_current * out->arena_size; /* arenas only: large go to malloc */
    return 0;
}

static void cp_destroy(void *ctx) {
    cp_ctx *c = ctx;
    c->api.set_arena_allocator(&c->previous); /* drop the mark: a new instance may be created */
    dlclose(c->dl);
    free(c);
}

#ifdef RH_LIBPYTHON_SO
static int resolve(cp_ctx *c, char *err, size_t errlen) {
#define CP_SYM(field, sym)                                                                        \
    do {                                                                                          \
        *(void **)&c->api.field = dlsym(c->dl, sym);                                              \
        if (!c->api.field) return rh__alloc_fail(err, errlen, "cpython: %s lacks symbol %s",      \
                                                 RH_LIBPYTHON_SO, sym);                           \
    } while (0)
    CP_SYM(malloc, "PyObject_Malloc");
    CP_SYM(calloc, "PyObject_Calloc");
    CP_SYM(realloc, "PyObject_Realloc");
    CP_SYM(free, "PyObject_Free");
    CP_SYM(allocated_blocks, "_Py_GetAllocatedBlocks");
    CP_SYM(debug_malloc_stats, "_PyObject_DebugMallocStats");
    CP_SYM(get_arena_allocator, "PyObject_GetArenaAllocator");
    CP_SYM(set_arena_allocator, "PyObject_SetArenaAllocator");
    CP_SYM(get_version, "Py_GetVersion");
#undef CP_SYM
    return 0;
}

/* Resolve, refuse a second live instance, check pymalloc is the object allocator, install the mark. */
static int claim(cp_ctx *c, char *err, size_t errlen) {
    if (resolve(c, err, errlen) != 0) return -1;
    c->api.get_arena_allocator(&c->previous);
    if (c->previous.alloc == cp_arena_alloc)
        return rh__alloc_fail(err, errlen,
                              "cpython: another \"cpython\" allocator is live in this process; CPython "
                              "3.11's obmalloc state is process-global, so only one instance may exist at "
                              "a time (destroy the other first)");
    if (debug_stats(c, NULL) != 1)
        return rh__alloc_fail(err, errlen, "cpython: PyObject_Malloc in %s is not pymalloc "
                                           "(PYTHONMALLOC or an embedder changed it)", RH_LIBPYTHON_SO);
    cp_arena_allocator mark = {c, cp_arena_alloc, cp_arena_free};
    c->api.set_arena_allocator(&mark);
    const char *v = c->api.get_version(); /* "3.11.2 (main, ...) [GCC ...]" */
    snprintf(c->version, sizeof c->version, "%.*s", (int)strcspn(v, " "), v);
    return 0;
}

int rh__cpython_create(rh_allocator *out, char *err, size_t errlen) {
    cp_ctx *c = calloc(1, sizeof *c);
    if (!c) return rh__alloc_fail(err, errlen, "cpython: out of memory for the allocator context");
    c->dl = dlopen(RH_LIBPYTHON_SO, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!c->dl) {
        rh__alloc_fail(err, errlen, "cpython: dlopen failed: %s", dlerror());
        free(c);
        return -1;
    }
    if (claim(c, err, errlen) != 0) {
        dlclose(c->dl);
        free(c);
        return -1;
    }
    *out = (rh_allocator){
        .abi_version = RH_ALLOCATOR_ABI_VERSION, .struct_size = sizeof(rh_allocator), .name = "cpython",
        .ctx = c, .malloc = cp_malloc, .calloc = cp_calloc, .realloc = cp_realloc, .free = cp_free,
        .trim = NULL, .stats = cp_stats, .destroy = cp_destroy,
    };
    return 0;
}

/* Readable, and (if libpython is already loaded) no live instance holds the mark. */
int rh__cpython_available(void) {
    if (access(RH_LIBPYTHON_SO, R_OK) != 0) return 0;
    void *dl = dlopen(RH_LIBPYTHON_SO, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
    if (!dl) return 1;
    void (*get)(cp_arena_allocator *);
    *(void **)&get = dlsym(dl, "PyObject_GetArenaAllocator");
    cp_arena_allocator cur = {0};
    if (get) get(&cur);
    dlclose(dl);
    return get && cur.alloc != cp_arena_alloc;
}
#else
int rh__cpython_create(rh_allocator *out, char *err, size_t errlen) {
    (void)out;
    return rh__alloc_fail(err, errlen, "cpython: libpython3.11 was not found when refheap was configured "
                                       "(install libpython3.11-dev and re-run cmake)");
}

int rh__cpython_available(void) { return 0; }
#endif

int rh__cpython_describe(const rh_allocator *a, FILE *out) {
    if (a->malloc != cp_malloc) return 0;
    const cp_ctx *c = a->ctx;
#ifdef RH_LIBPYTHON_SO
    rh__json_str_member(out, "library", RH_LIBPYTHON_SO);
#endif
    rh__json_str_member(out, "version", c->version);
    rh__json_u64_member(out, "py_allocated_blocks", (uint64_t)c->api.allocated_blocks());
    static const char *const prefixes[] = {"PYTHONMALLOC", NULL};
    rh__json_env_options(out, prefixes);
    return 1;
}
