/* alloc_impl.h — private glue between the allocator registry (alloc_registry.c) and the built-in
 * allocator back ends (alloc_malloc.c, alloc_mimalloc.c, alloc_cpython.c, alloc_preload.c,
 * alloc_failinject.c). Not installed; docs/allocators.md describes the design.
 *
 * Every back end offers three things to the registry:
 *   rh__<x>_create(out, err, errlen)   fill *out or return -1 with a one-line reason in err;
 *   rh__<x>_available()                1 when create can succeed in this process (cheap, no side effect
 *                                      beyond what the allocator itself would do);
 *   rh__<x>_describe(a, out)           if `a` is one of this back end's tables, write extra JSON members
 *                                      (",\"version\":...") for rh_allocator_stats_json and return 1;
 *                                      else write nothing and return 0. Tables are recognised by their
 *                                      malloc callback, which is a file-local function of the back end.
 */
#ifndef REFHEAP_ALLOC_IMPL_H
#define REFHEAP_ALLOC_IMPL_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "refheap/alloc.h"

/* Requests are rounded up to a multiple of RH_MIN_ALIGNMENT for back ends whose smallest size classes
 * are only 8-byte aligned (mimalloc's 8/24/40/56-byte bins, jemalloc's and tcmalloc's 8-byte class):
 * a block of a 16-multiple size class is 16-aligned in all three. 0 becomes 16 (a distinct pointer). */
static inline size_t rh__round_align(size_t n) {
    if (n > SIZE_MAX - (RH_MIN_ALIGNMENT - 1)) return SIZE_MAX; /* the back end will refuse it */
    return n == 0 ? RH_MIN_ALIGNMENT : (n + RH_MIN_ALIGNMENT - 1) & ~(size_t)(RH_MIN_ALIGNMENT - 1);
}

/* nelem * elsize, or SIZE_MAX when it overflows (no back end can serve SIZE_MAX bytes). */
static inline size_t rh__mul_size(size_t nelem, size_t elsize) {
    if (elsize != 0 && nelem > SIZE_MAX / elsize) return SIZE_MAX;
    return nelem * elsize;
}

/* printf into err (if errlen > 0); always returns -1 so callers can `return rh__alloc_fail(...)`. */
int rh__alloc_fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Fill every field of *s except struct_size with RH_STAT_UNKNOWN (nsize_classes = 0: no table). */
void rh__stats_unknown(rh_allocator_stats *s);

/* JSON helpers for the describe functions: `,"key":"escaped value"` and `,"key":<u64>`. */
void rh__json_str_member(FILE *out, const char *key, const char *value);
void rh__json_u64_member(FILE *out, const char *key, uint64_t value);
/* `,"options":{...}` with every environment variable whose name starts with one of the NULL-terminated
 * prefixes (docs/measurement.md §12: record the allocator's options with its numbers). */
void rh__json_env_options(FILE *out, const char *const *prefixes);

/* alloc_malloc.c — glibc malloc pass-through */
int rh__malloc_create(rh_allocator *out, char *err, size_t errlen);
int rh__malloc_describe(const rh_allocator *a, FILE *out);

/* alloc_mimalloc.c — mimalloc through dlopen(RTLD_LOCAL), a private mi_heap per instance */
int rh__mimalloc_create(rh_allocator *out, char *err, size_t errlen);
int rh__mimalloc_available(void);
int rh__mimalloc_describe(const rh_allocator *a, FILE *out);

/* alloc_cpython.c — CPython 3.11's own PyObject_Malloc through dlopen(RTLD_LOCAL) of libpython */
int rh__cpython_create(rh_allocator *out, char *err, size_t errlen);
int rh__cpython_available(void);
int rh__cpython_describe(const rh_allocator *a, FILE *out);

/* alloc_preload.c — jemalloc / tcmalloc, active only when LD_PRELOADed (name: "jemalloc"/"tcmalloc") */
int rh__preload_create(rh_allocator *out, const char *name, char *err, size_t errlen);
int rh__preload_is_name(const char *name);
int rh__preload_describe(const rh_allocator *a, FILE *out);

/* alloc_registry.c — user plug-ins (a path): the loaded table wrapped so destroy can dlclose */
int rh__plugin_load(rh_allocator *out, const char *path, char *err, size_t errlen);
int rh__plugin_describe(const rh_allocator *a, FILE *out);

/* alloc_failinject.c */
int rh__failinject_describe(const rh_allocator *a, FILE *out);

#endif
