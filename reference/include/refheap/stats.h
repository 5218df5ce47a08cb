/* refheap/stats.h — one snapshot of a runtime: objects, freelists, GC counters and the allocator's
 * figures (the equivalent of sys._debugmallocstats), as a struct and as JSON.
 *
 * The scalar fields are defined once in RH_RUNTIME_STAT_FIELDS (X-macro) so the struct, the JSON writer
 * and the docs cannot drift apart.
 */
#ifndef REFHEAP_STATS_H
#define REFHEAP_STATS_H
#include <stdint.h>
#include <stdio.h>

#include "refheap/alloc.h"
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RH_STATS_VERSION 1u
#define RH_TUPLE_FREELIST_MAX 21  /* sizes 0..20 */

/* X(name, description) — scalar uint64 fields of rh_stats */
#define RH_RUNTIME_STAT_FIELDS(X)                                                   \
    X(objects_live, "heap objects currently alive (statics excluded)")              \
    X(objects_allocated_total, "heap objects created, freelist reuse included")     \
    X(objects_freed_total, "heap objects deallocated, freelist pushes included")    \
    X(dealloc_deferred_total, "deallocations deferred by the trashcan")             \
    X(freelist_float, "free PyFloatObjects kept")                                  \
    X(freelist_list, "free PyListObjects kept")                                    \
    X(freelist_dict, "free PyDictObjects kept")                                    \
    X(freelist_dictkeys, "free PyDictKeysObjects kept")                            \
    X(freelist_int, "free ints kept (py27 profile only)")                          \
    X(gc_count0, "gc generation 0 count")                                          \
    X(gc_count1, "gc generation 1 count")                                          \
    X(gc_count2, "gc generation 2 count")                                          \
    X(gc_tracked, "objects on the generation lists")                               \
    X(gc_collections_total, "collections run")                                     \
    X(interned_strings, "strings in the interned table")

typedef struct rh_stats {
    uint32_t version;      /* RH_STATS_VERSION */
    uint32_t struct_size;  /* set by the caller: sizeof(rh_stats) */
#define RH_X_FIELD(name, desc) uint64_t name;
    RH_RUNTIME_STAT_FIELDS(RH_X_FIELD)
#undef RH_X_FIELD
    uint64_t live_by_kind[RH_K__COUNT];
    uint64_t freelist_tuple[RH_TUPLE_FREELIST_MAX];  /* free n-tuples kept, n = index */
    rh_allocator_stats allocator;                     /* allocator.struct_size == 0: no stats */
} rh_stats;

/* Fill *out (caller sets out->struct_size = sizeof *out). Returns 0, -1 if struct_size is too small. */
int rh_stats_get(rh_runtime *rt, rh_stats *out);
/* Write the snapshot as one JSON object (no trailing newline): {"version":1, "profile":..., "allocator":
 * {"name":..., ...}, "objects": {...}, "freelists": {...}, "gc": {...}}. Returns 0 or -1 on write error. */
int rh_stats_json(rh_runtime *rt, FILE *out);
/* Human-readable report in the shape of sys._debugmallocstats (3.11), written to `out`. */
void rh_stats_print_debugmallocstats(rh_runtime *rt, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
