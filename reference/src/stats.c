/* stats.c — one snapshot of a runtime (rh_stats) and its JSON form; field list in refheap/stats.h
 * (RH_RUNTIME_STAT_FIELDS), so struct, JSON and docs share one definition. */
#include <inttypes.h>
#include <stdio.h>

#include "internal.h"
#include "obmalloc.h"

int rh_stats_get(rh_runtime *rt, rh_stats *out) {
    if (out->struct_size < sizeof(rh_stats)) return -1;
    uint32_t size = out->struct_size;
    memset(out, 0, sizeof *out);
    out->struct_size = size;
    out->version = RH_STATS_VERSION;
    out->objects_live = rt->counts.allocated_total - rt->counts.freed_total;
    out->objects_allocated_total = rt->counts.allocated_total;
    out->objects_freed_total = rt->counts.freed_total;
    out->dealloc_deferred_total = rt->counts.dealloc_deferred;
    for (int k = 0; k < RH_K__COUNT; k++) out->live_by_kind[k] = rt->counts.live[k];
    out->freelist_float = rt->fl.float_n;
    out->freelist_list = rt->fl.list_n;
    out->freelist_dict = rt->fl.dict_n;
    out->freelist_dictkeys = rt->fl.keys_n;
    out->freelist_int = rt->fl.int27.free_n;
    for (int i = 0; i < RH_TUPLE_FREELIST_MAX; i++) out->freelist_tuple[i] = rt->fl.tuple_n[i];
    out->gc_count0 = (uint64_t)rt->gc.gen[0].count;
    out->gc_count1 = (uint64_t)rt->gc.gen[1].count;
    out->gc_count2 = (uint64_t)rt->gc.gen[2].count;
    out->gc_tracked = rt->gc.tracked;
    for (int g = 0; g < RH_NUM_GENERATIONS; g++) out->gc_collections_total += rt->gc.stats[g].collections;
    out->interned_strings = rt->interned_n;
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
    if (rh__pymalloc_is(&rt->alloc)) {
        rh__pymalloc_debugmallocstats(rt->alloc.ctx, out);
    } else if (a->struct_size && a->nsize_classes) {
        fprintf(out, "Small block threshold = %u, in %u size classes.\n\n",
                rt->profile->small_request_threshold, a->nsize_classes);
        fputs("class   size   num pools   blocks in use  avail blocks\n"
              "-----   ----   ---------   -------------  ------------\n", out);
        for (uint32_t i = 0; i < a->nsize_classes && i < RH_MAX_SIZE_CLASSES; i++) {
            const rh_size_class_stats *c = &a->classes[i];
            if (!c->num_pools) continue;
            fprintf(out, "%5u %6u %11" PRIu64 " %15" PRIu64 " %13" PRIu64 "\n", i, c->size, c->num_pools,
                    c->blocks_in_use, c->avail_blocks);
        }
        fprintf(out, "\n# arenas allocated total           = %14" PRIu64 "\n", a->arenas_allocated_total);
        fprintf(out, "# arenas reclaimed                 = %14" PRIu64 "\n", a->arenas_reclaimed);
        fprintf(out, "# arenas highwater mark            = %14" PRIu64 "\n", a->arenas_highwater);
        fprintf(out, "# arenas allocated current         = %14" PRIu64 "\n", a->arenas_current);
        fprintf(out, "%" PRIu64 " arenas * %" PRIu64 " bytes/arena = %14" PRIu64 "\n\n", a->arenas_current,
                a->arena_size, a->arenas_current * a->arena_size);
        fprintf(out, "# bytes in allocated blocks        = %14" PRIu64 "\n", a->bytes_in_allocated_blocks);
        fprintf(out, "# bytes in available blocks        = %14" PRIu64 "\n", a->bytes_in_available_blocks);
        fprintf(out, "%" PRIu64 " unused pools * %" PRIu64 " bytes = %14" PRIu64 "\n", a->unused_pools,
                a->pool_size, a->unused_pools * a->pool_size);
        fprintf(out, "# bytes lost to pool headers       = %14" PRIu64 "\n", a->bytes_lost_pool_headers);
        fprintf(out, "# bytes lost to quantization       = %14" PRIu64 "\n", a->bytes_lost_quantization);
        fprintf(out, "# bytes lost to arena alignment    = %14" PRIu64 "\n\n", a->bytes_lost_arena_alignment);
    }
    fprintf(out, "%" PRIu64 " free PyDictObjects * 48 bytes each\n", st.freelist_dict);
    fprintf(out, "%" PRIu64 " free PyFloatObjects * 24 bytes each\n", st.freelist_float);
    fprintf(out, "%" PRIu64 " free PyListObjects * 40 bytes each\n", st.freelist_list);
    for (int i = 1; i < RH_TUPLE_FREELIST_MAX; i++)
        fprintf(out, "%" PRIu64 " free %d-sized PyTupleObjects * %d bytes each\n", st.freelist_tuple[i], i,
                24 + 8 * i);
}
