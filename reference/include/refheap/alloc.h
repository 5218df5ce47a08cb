/* refheap/alloc.h — the allocator plug-in ABI: object allocators and arena allocators.
 *
 * Two places to plug, as in CPython (PEP 445):
 *   rh_allocator        the object allocator: every byte an object or its side storage (list item
 *                       arrays, dict keys, str utf-8 caches) occupies comes from here. pymalloc sits here.
 *   rh_arena_allocator  the page source under pymalloc (mmap/munmap by default); only pymalloc uses it.
 *
 * Contract for an rh_allocator (checked by conformance/unit/test_allocator_contract.c for every allocator):
 *   - malloc(ctx, n): returns a pointer aligned to at least 16 bytes (RH_MIN_ALIGNMENT; pymalloc under a
 *     profile with alignment 8, i.e. py27, gives 8 as 2.7 did) or NULL on failure.
 *     n == 0 returns a distinct non-NULL pointer (as PyObject_Malloc(0)).
 *   - calloc(ctx, nelem, elsize): as malloc of nelem*elsize, zero-filled; NULL on overflow or failure.
 *   - realloc(ctx, p, old_size, new_size): p == NULL acts as malloc. Contents up to min(old,new) are kept.
 *     On failure returns NULL and p is still valid and owned by the caller. old_size is the size the caller
 *     asked for when it got p, or 0 when the caller does not know it.
 *   - free(ctx, p, size): p may be NULL (no-op). size is the requested size if known, else 0.
 *   - trim (optional, may be NULL): give free memory back to the OS now; returns 0 on success.
 *   - stats (optional, may be NULL): fill *out (out->struct_size set by the caller); returns 0 on success.
 *   - destroy (optional, may be NULL): release ctx; called once by rh_allocator_destroy.
 * An allocator instance is used by one runtime on one thread at a time; it need not be thread-safe.
 */
#ifndef REFHEAP_ALLOC_H
#define REFHEAP_ALLOC_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RH_ALLOCATOR_ABI_VERSION 1u
#define RH_MIN_ALIGNMENT 16u
#define RH_MAX_SIZE_CLASSES 64 /* 512/8 in the py27 profile; py311 uses 32 */

/* Per size class figures, as the table of sys._debugmallocstats. */
typedef struct rh_size_class_stats {
    uint32_t size;          /* block size in bytes */
    uint64_t num_pools;     /* pools currently carved for this class */
    uint64_t blocks_in_use;
    uint64_t avail_blocks;  /* free + never-used blocks in those pools */
} rh_size_class_stats;

/* Allocator statistics. Fields an allocator cannot know are left at RH_STAT_UNKNOWN. */
#define RH_STAT_UNKNOWN UINT64_MAX
typedef struct rh_allocator_stats {
    size_t struct_size;            /* set by the caller: sizeof(rh_allocator_stats) */
    /* generic, every allocator that tracks them */
    uint64_t allocs;               /* successful malloc/calloc calls (realloc of NULL counts) */
    uint64_t frees;                /* free calls with a non-NULL pointer */
    uint64_t bytes_requested;      /* sum of currently live requested sizes, where known */
    uint64_t bytes_mapped;         /* bytes currently obtained from the OS / the allocator below */
    /* pymalloc model (sys._debugmallocstats); RH_STAT_UNKNOWN elsewhere */
    uint32_t nsize_classes;
    rh_size_class_stats classes[RH_MAX_SIZE_CLASSES];
    uint64_t arenas_allocated_total;
    uint64_t arenas_reclaimed;
    uint64_t arenas_highwater;
    uint64_t arenas_current;
    uint64_t arena_size;
    uint64_t pool_size;
    uint64_t bytes_in_allocated_blocks;
    uint64_t bytes_in_available_blocks;
    uint64_t unused_pools;
    uint64_t bytes_lost_pool_headers;
    uint64_t bytes_lost_quantization;
    uint64_t bytes_lost_arena_alignment;
    uint64_t large_allocs_live;   /* requests above the small threshold currently live (went to malloc) */
} rh_allocator_stats;

typedef struct rh_allocator {
    uint32_t abi_version;   /* RH_ALLOCATOR_ABI_VERSION */
    uint32_t struct_size;   /* sizeof(rh_allocator) as the plug-in was compiled */
    const char *name;       /* for reports: "pymalloc", "malloc", "mimalloc", ... static storage */
    void *ctx;
    void *(*malloc)(void *ctx, size_t size);
    void *(*calloc)(void *ctx, size_t nelem, size_t elsize);
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
    void (*free)(void *ctx, void *ptr, size_t size);
    int (*trim)(void *ctx);
    int (*stats)(void *ctx, rh_allocator_stats *out);
    void (*destroy)(void *ctx);
} rh_allocator;

/* The page source below pymalloc (PyObjectArenaAllocator). alloc returns size bytes aligned to at least
 * the system page (4 KiB) or NULL; free gets the same size back. */
typedef struct rh_arena_allocator {
    uint32_t abi_version;
    uint32_t struct_size;
    const char *name;
    void *ctx;
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *ptr, size_t size);
} rh_arena_allocator;

/* A user plug-in is a shared object exporting this one symbol:
 *   int rh_allocator_plugin_init(rh_allocator *out, uint32_t host_abi_version);
 * It fills *out (abi_version, struct_size, name, ctx and callbacks) and returns 0, or returns nonzero if it
 * cannot serve host_abi_version. See docs/allocators.md and examples/plugin/. */
#define RH_PLUGIN_SYMBOL "rh_allocator_plugin_init"
typedef int (*rh_allocator_plugin_init_fn)(rh_allocator *out, uint32_t host_abi_version);

/* ---- built-in allocators (reference/src/alloc_*.c) ---- */

/* The default arena allocator: anonymous mmap / munmap. Fills *out; returns 0. */
int rh_arena_allocator_mmap(rh_arena_allocator *out);

struct rh_profile;
/* pymalloc with the given profile's parameters over `arenas` (NULL: mmap). Large requests go to libc
 * malloc. Returns 0 and fills *out, or -1 (out of memory / bad parameters). */
int rh_allocator_pymalloc(rh_allocator *out, const struct rh_profile *profile,
                          const rh_arena_allocator *arenas);

/* Create an allocator by name: "pymalloc", "malloc", "mimalloc", "cpython", "jemalloc", "tcmalloc",
 * or a path containing '/' to a plug-in .so. For jemalloc/tcmalloc the process must already run with the
 * library preloaded (see rh_preload_*); otherwise this fails with a message.
 * On failure returns -1 and writes a one-line reason into err (if errlen > 0). */
int rh_allocator_create(rh_allocator *out, const char *name, const struct rh_profile *profile,
                        char *err, size_t errlen);
/* Release what rh_allocator_create / rh_allocator_pymalloc made (calls destroy, unloads plug-ins). */
void rh_allocator_destroy(rh_allocator *a);
/* NULL-terminated list of built-in names, and whether each can run in this build/process. */
const char *const *rh_allocator_names(void);
int rh_allocator_available(const char *name);

/* Fault injection decorator: wraps `inner` (which it owns from now on and destroys with itself).
 * fail_nth > 0: the fail_nth-th allocation request (malloc/calloc/realloc, counting from 1) fails, and
 * every later one too if `sticky`. byte_limit > 0: any request that would push live requested bytes above
 * byte_limit fails. Counts are readable with rh_failinject_get. */
typedef struct rh_failinject_config {
    uint64_t fail_nth;
    uint64_t byte_limit;
    int sticky;
} rh_failinject_config;
typedef struct rh_failinject_counts {
    uint64_t requests;   /* allocation requests seen */
    uint64_t failures;   /* requests answered with NULL by injection */
    uint64_t live_blocks;
    uint64_t live_bytes;
} rh_failinject_counts;
int rh_allocator_failinject(rh_allocator *out, rh_allocator *inner, const rh_failinject_config *cfg);
void rh_failinject_set(rh_allocator *fi, const rh_failinject_config *cfg); /* rearm, counters kept */
void rh_failinject_get(const rh_allocator *fi, rh_failinject_counts *out);

/* LD_PRELOAD allocators (jemalloc, tcmalloc) replace malloc itself, so they run in a re-executed process.
 * rh_preload_library(name) is the path of the .so for that name or NULL.
 * rh_preload_reexec(name, argv): if `name` needs preloading and the process does not yet have it, re-exec
 * argv[0] with LD_PRELOAD set (does not return on success; returns -1 on failure). Returns 0 when nothing
 * needed doing.
 * rh_preload_verify(name, err, errlen): 0 if the `malloc` answering calls in this process is that
 * allocator's (checked with dladdr), -1 with a reason otherwise. Numbers must not be reported on -1. */
const char *rh_preload_library(const char *name);
int rh_preload_reexec(const char *name, char **argv);
int rh_preload_verify(const char *name, char *err, size_t errlen);

/* Write an allocator's stats as one JSON object (no trailing newline). Returns 0, or -1 if no stats. */
int rh_allocator_stats_json(const rh_allocator *a, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
