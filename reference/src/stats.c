/* stats.c — one snapshot of a runtime (rh_stats) and its JSON form; field list in refheap/stats.h
 * (RH_RUNTIME_STAT_FIELDS), so struct, JSON and docs share one definition. */
#include <inttypes.h>
#include <stdio.h>

#include "internal.h"
#include "obmalloc.h"

/* Where each RH_RUNTIME_STAT_FIELDS entry comes from: stat_<name>(rt) for every name of the list, so a field
 * added to the list without a source here does not compile, and a source left here for a removed field is
 * an unused function. */
static uint64_t total(const uint64_t *per_kind) {
    uint64_t n = 0;
    for (int k = 0; k < RH_K__COUNT; k++) n += per_kind[k];
    return n;
}
#define STAT_SOURCE(name, expr) \
    static uint64_t stat_##name(const rh_runtime *rt) { return (uint64_t)(expr); }
STAT_SOURCE(objects_live, total(rt->counts.made) - total(rt->counts.freed))
STAT_SOURCE(objects_allocated_total, total(rt->counts.made))
STAT_SOURCE(objects_freed_total, total(rt->counts.freed))
STAT_SOURCE(dealloc_deferred_total, rt->counts.dealloc_deferred)
STAT_SOURCE(freelist_float, rt->fl.float_n)
STAT_SOURCE(freelist_list, rt->fl.list_n)
STAT_SOURCE(freelist_dict, rt->fl.dict_n)
STAT_SOURCE(freelist_dictkeys, rt->fl.keys_n)
STAT_SOURCE(freelist_int, rt->fl.int27.free_n)
STAT_SOURCE(gc_count0, rt->gc.gen[0].count)
STAT_SOURCE(gc_count1, rt->gc.gen[1].count)
STAT_SOURCE(gc_count2, rt->gc.gen[2].count)
STAT_SOURCE(gc_tracked, rt->gc.tracked)
STAT_SOURCE(interned_strings, rt->interned_n)
#undef STAT_SOURCE
static uint64_t stat_gc_collections_total(const rh_runtime *rt) {
    uint64_t n = 0;
    for (int g = 0; g < RH_NUM_GENERATIONS; g++) n += rt->gc.stats[g].collections;
    return n;
}

int rh_stats_get(rh_runtime *rt, rh_stats *out) {
    if (out->struct_size < sizeof(rh_stats)) return -1;
    uint32_t size = out->struct_size;
    memset(out, 0, sizeof *out);
    out->struct_size = size;
    out->version = RH_STATS_VERSION;
#define RH_X_FILL(name, desc) out->name = stat_##name(rt);
    RH_RUNTIME_STAT_FIELDS(RH_X_FILL)
#undef RH_X_FILL
    for (int k = 0; k < RH_K__COUNT; k++) out->live_by_kind[k] = rt->counts.made[k] - rt->counts.freed[k];
    for (int i = 0; i < RH_TUPLE_FREELIST_MAX; i++) out->freelist_tuple[i] = rt->fl.tuple_n[i];
    if (rt->alloc.stats) {
        out->allocator.struct_size = sizeof out->allocator;
        if (rt->alloc.stats(rt->alloc.ctx, &out->allocator) != 0) out->allocator.struct_size = 0;
    }
    return 0;
}


int rh_stats_json(rh_runtime *rt, FILE *out) {
    rh_stats st = {.struct_size = sizeof st};
    rh_stats_get(rt, &st);
    fprintf(out, "{\"version\":%u,\"profile\":\"%s\",\"allocator_name\":\"%s\"", st.version,
            rt->profile->name, rt->alloc.name ? rt->alloc.name : "?");
#define RH_X_JSON(name, desc) fprintf(out, ",\"" #name "\":%" PRIu64, st.name);
    RH_RUNTIME_STAT_FIELDS(RH_X_JSON)
#undef RH_X_JSON
    fputs(",\"live_by_kind\":{", out);
    int first = 1;
    for (int k = 0; k < RH_K__COUNT; k++) {
        if (!st.live_by_kind[k]) continue;
        fprintf(out, "%s\"%s\":%" PRIu64, first ? "" : ",", rh__kind_name((rh_kind)k), st.live_by_kind[k]);
        first = 0;
    }
    fputs("},\"freelist_tuple\":[", out);
    for (int i = 0; i < RH_TUPLE_FREELIST_MAX; i++)
        fprintf(out, "%s%" PRIu64, i ? "," : "", st.freelist_tuple[i]);
    fputs("],\"allocator\":", out);
    if (rh_allocator_stats_json(&rt->alloc, out) != 0) fputs("null", out);
    fputc('}', out);
    return ferror(out) ? -1 : 0;
}

void rh_stats_print_debugmallocstats(rh_runtime *rt, FILE *out) {
    rh_stats st = {.struct_size = sizeof st};
    rh_stats_get(rt, &st);
    const rh_allocator_stats *a = &st.allocator;
    /* the allocator part, a blank line, then the freelists (sys__debugmallocstats_impl, Python/sysmodule.c) */
    if (rh__pymalloc_is(&rt->alloc)) {
        rh__pymalloc_debugmallocstats(rt->alloc.ctx, out);
        fputc('\n', out);
    } else if (a->struct_size && a->nsize_classes) {
        rh__debugmallocstats_pools(a, rt->profile->small_request_threshold, out);
        fputc('\n', out);
    }
    fprintf(out, "%" PRIu64 " free PyDictObjects * 48 bytes each\n", st.freelist_dict);
    fprintf(out, "%" PRIu64 " free PyFloatObjects * 24 bytes each\n", st.freelist_float);
    fprintf(out, "%" PRIu64 " free PyListObjects * 40 bytes each\n", st.freelist_list);
    for (int i = 1; i < RH_TUPLE_FREELIST_MAX; i++)
        fprintf(out, "%" PRIu64 " free %d-sized PyTupleObjects * %d bytes each\n", st.freelist_tuple[i], i,
                24 + 8 * i);
}
