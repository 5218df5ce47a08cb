/* replay_out.c — what `refheap replay` reports: the model check against the real interpreter's
 * sys._debugmallocstats(), the JSON (docs/results-schema.md, schema refheap-replay/1) and the --report text.
 *
 * The model check compares, at the point of the trace where the recorder printed the real interpreter's
 * statistics (its atexit hook, before finalization), the figures CPython's _PyObject_DebugMallocStats
 * prints (Objects/obmalloc.c, 3.11) with the replaying allocator's rh_allocator_stats: per size class
 * the pools, blocks in use and available blocks; the arena counters; unused pools; the parameters.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "refheap/refheap.h"
#include "replay.h"
#include "../src/report.h" /* hx_json_str, hx_json_machine: one JSON writer for every results file */

/* ---------------------------------------------------------------- sys._debugmallocstats() text */

static uint64_t parse_grouped(const char *s) { /* "1,048,576" */
    uint64_t v = 0;
    while (*s == ' ') s++;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s - '0');
        else if (*s != ',') break;
    }
    return v;
}

/* The "# label = N" lines of _PyObject_DebugMallocStats and the field each fills. */
#define MALLOCSTATS_LABELS(X)                                                                        \
    X("arenas allocated total", arenas_allocated_total) X("arenas reclaimed", arenas_reclaimed)      \
    X("arenas highwater mark", arenas_highwater) X("arenas allocated current", arenas_current)       \
    X("bytes in allocated blocks", bytes_in_allocated_blocks)                                        \
    X("bytes in available blocks", bytes_in_available_blocks)                                        \
    X("bytes lost to pool headers", bytes_lost_pool_headers)                                         \
    X("bytes lost to quantization", bytes_lost_quantization)                                         \
    X("bytes lost to arena alignment", bytes_lost_arena_alignment)

static void parse_line(const char *line, rh_allocator_stats *out) {
    unsigned thr, ncls, cls, size;
    uint64_t a, b, c;
    if (sscanf(line, "Small block threshold = %u, in %u size classes", &thr, &ncls) == 2) {
        out->nsize_classes = ncls && ncls <= RH_MAX_SIZE_CLASSES ? ncls : 0;
        for (unsigned i = 0; i < out->nsize_classes; i++)
            out->classes[i] = (rh_size_class_stats){.size = (i + 1) * (thr / ncls)};
    } else if (!strncmp(line, "# ", 2)) {
        const char *eq = strchr(line, '=');
        if (!eq) return;
#define X(label, field)                                                                              \
        if (!strncmp(line + 2, label, sizeof label - 1)) { out->field = parse_grouped(eq + 1); return; }
        MALLOCSTATS_LABELS(X)
#undef X
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

void rh_mallocstats_parse(const char *text, size_t len, rh_allocator_stats *out) {
    char line[512];
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), p);
        if (!strcmp(line, "arena map counts")) break; /* the radix-tree section follows */
        parse_line(line, out);
        p += n + 1;
    }
}

/* ---------------------------------------------------------------- model check */

static void diff(rh_replay *R, const char *what, uint64_t real, uint64_t model) {
    if (real == model) return;
    if (R->ndiffs == R->cap_diffs) {
        size_t cap = R->cap_diffs ? R->cap_diffs * 2 : 32;
        rh_diff *d = realloc(R->diffs, cap * sizeof *d);
        if (!d) return;
        R->diffs = d;
        R->cap_diffs = cap;
    }
    rh_diff *d = &R->diffs[R->ndiffs++];
    snprintf(d->what, sizeof d->what, "%s", what);
    d->real = real;
    d->model = model;
}

/* The figures compared, besides the per-class rows. */
#define MODEL_CHECK_SCALARS(X)                                                                       \
    X(arena_size) X(pool_size) X(arenas_allocated_total) X(arenas_reclaimed) X(arenas_highwater)     \
    X(arenas_current) X(bytes_in_allocated_blocks) X(bytes_in_available_blocks)

/* Free pools plus pools lost to arena alignment: new_arena (Objects/obmalloc.c) gives up the first partial
 * pool of an arena whose mmap address is not pool-aligned. A trace with ARENA_ALLOC records (format 2)
 * lets the replay place its arenas at the real ones' offsets (replay.c), and then both figures are
 * compared apart; a version-1 trace has no addresses, so only their sum is compared (which arenas are
 * misaligned then depends on the replaying process's mappings). */
static uint64_t unused_pools_total(const rh_allocator_stats *s) {
    uint64_t lost = s->bytes_lost_arena_alignment, pool = s->pool_size;
    if (s->unused_pools == RH_STAT_UNKNOWN) return RH_STAT_UNKNOWN;
    return s->unused_pools + (lost != RH_STAT_UNKNOWN && pool && pool != RH_STAT_UNKNOWN ? lost / pool : 0);
}

void rh_replay_model_check(rh_replay *R) {
    const rh_allocator_stats *r = &R->real_stats, *m = &R->model_stats;
    R->ndiffs = 0;
    uint32_t n = r->nsize_classes > m->nsize_classes ? r->nsize_classes : m->nsize_classes;
    char what[64];
    if (r->nsize_classes != m->nsize_classes) diff(R, "size classes", r->nsize_classes, m->nsize_classes);
    for (uint32_t i = 0; i < n; i++) {
        const rh_size_class_stats *a = &r->classes[i], *b = &m->classes[i];
        uint32_t size = a->size ? a->size : b->size;
#define ROW(f)                                                                                       \
        snprintf(what, sizeof what, "class %u (%u bytes) " #f, i, size);                             \
        diff(R, what, a->f, b->f);
        ROW(num_pools) ROW(blocks_in_use) ROW(avail_blocks)
#undef ROW
    }
#define X(f) if (r->f != RH_STAT_UNKNOWN) diff(R, #f, r->f, m->f);
    MODEL_CHECK_SCALARS(X)
#undef X
    if (R->arenas.recorded && r->unused_pools != RH_STAT_UNKNOWN) {
        diff(R, "unused_pools", r->unused_pools, m->unused_pools);
        diff(R, "bytes_lost_arena_alignment", r->bytes_lost_arena_alignment, m->bytes_lost_arena_alignment);
        /* every arena the real interpreter allocated is in the trace (none before the hooks) */
        diff(R, "arenas_allocated_total vs the trace's arena records", r->arenas_allocated_total, R->arenas.recorded);
    } else if (unused_pools_total(r) != RH_STAT_UNKNOWN) {
        diff(R, "unused_pools + pools lost to arena alignment", unused_pools_total(r), unused_pools_total(m));
    }
    R->matches = R->ndiffs == 0;
}

/* ---------------------------------------------------------------- JSON */

static const char *const point_kinds[] = {"sample", "gc", "mark", "exit", "end"};

static double ns_per_op(const rh_replay *R) {
    return R->ops ? (double)R->alloc_cycles * R->ns_per_cycle / (double)R->ops : 0.0;
}

static void json_model_check(const rh_replay *R, FILE *f) {
    fprintf(f, "  \"model_check\": ");
    if (!R->have_real_stats || !R->have_model_stats) {
        fprintf(f, "{\"available\": false, \"reason\": ");
        hx_json_str(f, !R->have_real_stats ? "the trace has no pymalloc statistics (PYTHONMALLOC set, or no exit record)"
                                        : "the allocator keeps no pymalloc size-class statistics");
        fprintf(f, "},\n");
        return;
    }
    fprintf(f, "{\"available\": true, \"matches\": %s, \"profile\": ", R->matches ? "true" : "false");
    hx_json_str(f, R->profile.name);
    fprintf(f, ", \"real_python\": ");
    hx_json_str(f, R->python);
    const rh_allocator_stats *r = &R->real_stats, *m = &R->model_stats;
    fprintf(f, ",\n    \"real\": {\"arenas_current\": %" PRIu64 ", \"arenas_allocated_total\": %" PRIu64
            ", \"arena_size\": %" PRIu64 ", \"pool_size\": %" PRIu64 "},\n", r->arenas_current,
            r->arenas_allocated_total, r->arena_size, r->pool_size);
    fprintf(f, "    \"model\": {\"arenas_current\": %" PRIu64 ", \"arenas_allocated_total\": %" PRIu64
            ", \"arena_size\": %" PRIu64 ", \"pool_size\": %" PRIu64 "},\n", m->arenas_current,
            m->arenas_allocated_total, m->arena_size, m->pool_size);
    fprintf(f, "    \"classes\": [");
    for (uint32_t i = 0; i < m->nsize_classes; i++) {
        const rh_size_class_stats *a = &r->classes[i], *b = &m->classes[i];
        fprintf(f, "%s\n      {\"size\": %u, \"real\": [%" PRIu64 ", %" PRIu64 ", %" PRIu64 "], \"model\": [%" PRIu64
                ", %" PRIu64 ", %" PRIu64 "]}", i ? "," : "", b->size, a->num_pools, a->blocks_in_use,
                a->avail_blocks, b->num_pools, b->blocks_in_use, b->avail_blocks);
    }
    fprintf(f, "],\n    \"differences\": [");
    for (size_t i = 0; i < R->ndiffs; i++) {
        fprintf(f, "%s\n      {\"what\": ", i ? "," : "");
        hx_json_str(f, R->diffs[i].what);
        fprintf(f, ", \"real\": %" PRIu64 ", \"model\": %" PRIu64 "}", R->diffs[i].real, R->diffs[i].model);
    }
    fprintf(f, "]},\n");
}

int rh_replay_write_json(const rh_replay *R, const char *path) {
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, "{\n  \"schema\": \"refheap-replay/1\",\n  \"tool\": \"refheap\",\n  \"version\": \"%s\",\n",
            REFHEAP_VERSION);
    fprintf(f, "  \"trace\": ");
    hx_json_str(f, R->trace_path);
    fprintf(f, ",\n  \"program\": ");
    hx_json_str(f, R->argv);
    fprintf(f, ",\n  \"python\": ");
    hx_json_str(f, R->python);
    fprintf(f, ",\n  \"allocator\": ");
    hx_json_str(f, R->alloc_label);
    fprintf(f, ",\n  \"allocator_stats\": ");
    fputs(R->alloc_json ? R->alloc_json : "null", f);
    fprintf(f, ",\n  \"profile\": ");
    hx_json_str(f, R->profile.name);
    fprintf(f, ",\n  \"settings\": ");
    hx_json_str(f, R->settings);
    fprintf(f, ",\n  \"exit_status\": %d,\n  ", R->exit_status);
    hx_json_machine(f);
    uint64_t fin_live = 0;
    for (size_t i = 0; i < R->npts; i++)
        if (R->pts[i].kind == PT_EXIT) fin_live = R->pts[i].live_bytes;
    fprintf(f, ",\n  \"ops\": %" PRIu64 ", \"ops_by_kind\": {\"malloc\": %" PRIu64 ", \"calloc\": %" PRIu64
            ", \"realloc\": %" PRIu64 ", \"free\": %" PRIu64 "}, \"ops_by_domain\": {\"raw\": %" PRIu64
            ", \"mem\": %" PRIu64 ", \"obj\": %" PRIu64 "},\n", R->ops, R->ops_by_kind[0], R->ops_by_kind[1],
            R->ops_by_kind[2], R->ops_by_kind[3], R->ops_by_domain[0], R->ops_by_domain[1], R->ops_by_domain[2]);
    fprintf(f, "  \"ns_per_op\": %.1f, \"alloc_ns\": %.0f, \"wall_ns\": %" PRIu64 ",\n", ns_per_op(R),
            (double)R->alloc_cycles * R->ns_per_cycle, R->wall_ns);
    fprintf(f, "  \"baseline_rss_kb\": %" PRIu64 ", \"peak_rss_kb\": %" PRIu64 ", \"final_rss_kb\": %" PRIu64
            ",\n  \"real_peak_rss_kb\": %" PRIu64 ", \"real_final_rss_kb\": %" PRIu64 ",\n",
            R->baseline_rss_kb, R->peak_rss_kb, R->final_rss_kb, R->real_peak_rss_kb, R->real_final_rss_kb);
    fprintf(f, "  \"peak_live_bytes\": %" PRIu64 ", \"final_live_bytes\": %" PRIu64
            ", \"final_rss_per_live_byte\": %.3f,\n", R->peak_live_bytes, fin_live,
            fin_live ? (double)(R->final_rss_kb - R->baseline_rss_kb) * 1024.0 / (double)fin_live : 0.0);
    fprintf(f, "  \"trims\": %" PRIu64 ", \"hugepage_arenas\": %" PRIu64 ", \"hugepage_fallbacks\": %" PRIu64
            ", \"unknown_frees_in_recording\": %" PRIu64 ",\n", R->trims, R->hugepage_arenas,
            R->hugepage_fallbacks, R->unknown_frees);
    fprintf(f, "  \"arenas_recorded\": %" PRIu64 ", \"arenas_placed\": %" PRIu64 ", \"arenas_unplaced\": %" PRIu64
            ",\n", R->arenas.recorded, R->arenas.placed, R->arenas.unplaced);
    json_model_check(R, f);
    fprintf(f, "  \"release_deadline_s\": %.3f,\n  \"releases\": [", R->release_deadline_s);
    for (size_t i = 0; i < R->nrel; i++) {
        const rh_release *e = &R->rel[i];
        fprintf(f, "%s\n    {\"ops\": %" PRIu64 ", \"freed_bytes\": %" PRIu64 ", \"rss_peak_kb\": %" PRIu64
                ", \"rss_at_kb\": %" PRIu64 ", \"target_kb\": %" PRIu64 ", \"rss_after_kb\": %" PRIu64
                ", \"latency_ns\": ", i ? "," : "", e->ops, e->freed_bytes, e->rss_peak_kb, e->rss_at_kb,
                e->target_kb, e->rss_after_kb);
        if (e->latency_ns < 0) fprintf(f, "null}");
        else fprintf(f, "%" PRId64 "}", e->latency_ns);
    }
    fprintf(f, "],\n  \"timeline\": [");
    for (size_t i = 0; i < R->npts; i++) {
        const rh_point *p = &R->pts[i];
        fprintf(f, "%s\n    {\"kind\": \"%s\", ", i ? "," : "", point_kinds[p->kind]);
        if (p->kind == PT_GC) fprintf(f, "\"generation\": %d, ", p->generation);
        if (p->kind == PT_MARK) {
            fprintf(f, "\"label\": ");
            hx_json_str(f, R->labels + p->label);
            fprintf(f, ", ");
        }
        fprintf(f, "\"ops\": %" PRIu64 ", \"t_real_ns\": %" PRIu64 ", \"t_replay_ns\": %" PRIu64
                ", \"real_rss_kb\": %" PRIu64 ", \"rss_kb\": %" PRIu64 ", \"live_bytes\": %" PRIu64 "}",
                p->ops, p->t_real_ns, p->t_replay_ns, p->real_rss_kb, p->rss_kb, p->live_bytes);
    }
    fprintf(f, "]\n}\n");
    return fclose(f) == 0 ? 0 : -1;
}

/* ---------------------------------------------------------------- --report */

void rh_replay_write_report(const rh_replay *R, FILE *f) {
    fprintf(f, "refheap replay %s: %s (Python %s), allocator %s, profile %s%s%s\n", R->trace_path, R->argv,
            R->python, R->alloc_label, R->profile.name, R->settings[0] ? ", " : "", R->settings);
    fprintf(f, "  ops %" PRIu64 " (raw %" PRIu64 ", mem %" PRIu64 ", obj %" PRIu64 "), %.1f ns/op in the allocator\n",
            R->ops, R->ops_by_domain[0], R->ops_by_domain[1], R->ops_by_domain[2], ns_per_op(R));
    fprintf(f, "  RSS: peak %.1f MiB, at exit %.1f MiB (replayer baseline %.1f MiB); real run: peak %.1f MiB, "
            "at exit %.1f MiB\n", R->peak_rss_kb / 1024.0, R->final_rss_kb / 1024.0, R->baseline_rss_kb / 1024.0,
            R->real_peak_rss_kb / 1024.0, R->real_final_rss_kb / 1024.0);
    fprintf(f, "  live requested bytes: peak %.1f MiB\n", R->peak_live_bytes / 1048576.0);
    fprintf(f, "  %-6s %-24s %12s %12s %12s %12s\n", "kind", "label", "ops", "live MiB", "RSS MiB", "real RSS");
    for (size_t i = 0; i < R->npts; i++) {
        const rh_point *p = &R->pts[i];
        if (!(p->kind == PT_MARK || p->kind == PT_EXIT || (p->kind == PT_GC && p->generation == 2))) continue;
        char label[64];
        if (p->kind == PT_MARK) snprintf(label, sizeof label, "%.24s", R->labels + p->label);
        else if (p->kind == PT_GC) snprintf(label, sizeof label, "full collection");
        else snprintf(label, sizeof label, "at exit");
        fprintf(f, "  %-6s %-24s %12" PRIu64 " %12.1f %12.1f %12.1f\n", point_kinds[p->kind], label, p->ops,
                p->live_bytes / 1048576.0, p->rss_kb / 1024.0, p->real_rss_kb / 1024.0);
    }
    for (size_t i = 0; i < R->nrel; i++) {
        const rh_release *e = &R->rel[i];
        fprintf(f, "  release after %.1f MiB freed at op %" PRIu64 ": ", e->freed_bytes / 1048576.0, e->ops);
        if (e->latency_ns < 0) fprintf(f, "not within %.2f s (RSS %.1f MiB)\n", R->release_deadline_s, e->rss_after_kb / 1024.0);
        else fprintf(f, "%.2f ms (RSS %.1f -> %.1f MiB)\n", e->latency_ns / 1e6, e->rss_peak_kb / 1024.0,
                     e->rss_after_kb / 1024.0);
    }
    if (R->arenas.placed || R->arenas.unplaced)
        fprintf(f, "  arenas: %" PRIu64 " in the trace; %" PRIu64 " placed at the real ones' offsets from pool "
                "alignment, %" PRIu64 " not\n", R->arenas.recorded, R->arenas.placed, R->arenas.unplaced);
    if (R->have_real_stats && R->have_model_stats) {
        fprintf(f, "  model_check: %s (profile %s vs the recording's Python %s)\n", R->matches ? "matches" : "DIFFERS",
                R->profile.name, R->python);
        for (size_t i = 0; i < R->ndiffs && i < 20; i++)
            fprintf(f, "    %-40s real %" PRIu64 ", model %" PRIu64 "\n", R->diffs[i].what, R->diffs[i].real,
                    R->diffs[i].model);
        if (R->ndiffs > 20) fprintf(f, "    ... %zu more\n", R->ndiffs - 20);
    }
}
