/* replay.h — private glue of `refheap replay`: the replay state (replay.c runs the trace through an
 * allocator) and its outputs (replay_out.c: model_check, JSON, the --report text, mallocstats parsing).
 */
#ifndef REFHEAP_REPLAY_H
#define REFHEAP_REPLAY_H
#include <stdint.h>
#include <stdio.h>

#include "refheap/alloc.h"
#include "refheap/profile.h"
#include "trace.h"

/* One point of the RSS timeline: written at every RSS event of the trace (the recorder samples every
 * 10 ms and right after each collection, mark and the exit statistics); `kind` says which. */
typedef enum { PT_SAMPLE, PT_GC, PT_MARK, PT_EXIT, PT_END } rh_point_kind;
typedef struct rh_point {
    uint8_t kind;
    int8_t generation;      /* PT_GC */
    uint32_t label;         /* PT_MARK: offset into labels */
    uint64_t ops;           /* operations replayed before the point */
    uint64_t t_real_ns;     /* the recording's clock */
    uint64_t t_replay_ns;   /* replay wall clock since the first operation */
    uint64_t real_rss_kb, rss_kb;
    uint64_t live_bytes;    /* live requested bytes, all domains */
} rh_point;

/* A release point: live requested bytes fell by at least a quarter (and RELEASE_MIN_BYTES) from the
 * phase's peak; latency = time until RSS fell by half the freed bytes from the phase's RSS peak. */
typedef struct rh_release {
    uint64_t ops, freed_bytes, rss_peak_kb, rss_at_kb, target_kb, rss_after_kb;
    int64_t latency_ns;     /* -1: not released within the deadline */
} rh_release;

/* A difference between the real interpreter's sys._debugmallocstats() and the model's. */
typedef struct rh_diff { char what[64]; uint64_t real, model; } rh_diff;

/* The recording's arenas (ARENA_ALLOC events) not yet given to the replay's arena allocator, in order. */
typedef struct rh_arena_rec { uint64_t address, size; } rh_arena_rec;
typedef struct rh_arena_place {
    rh_arena_rec *addr;
    size_t n, cap, next;         /* addr[next, n) are waiting */
    uint64_t recorded, recorded_frees, placed, unplaced;
} rh_arena_place;

typedef struct rh_replay {
    const char *trace_path, *alloc_name, *json_path;
    int report;
    double release_deadline_s;
    rh_profile profile;          /* the profile, with the what-if settings applied */
    int profile_explicit;
    rh_allocator alloc;
    const char *alloc_label;     /* name for reports ("pymalloc", "jemalloc", ...) */
    char settings[512];          /* the --set list as given, for reports */
    int trim_after_full_gc, hugepages;
    uint64_t hugepage_arenas, hugepage_fallbacks;
    rh_arena_place arenas;       /* pymalloc: arenas placed at the recorded offsets from pool alignment */
    /* trace facts */
    char python[32], executable[256], argv[512];
    int exit_status, have_end;
    uint64_t recorded_ops, unknown_frees;
    /* counters */
    uint64_t ops, ops_by_kind[4], ops_by_domain[3];
    uint64_t alloc_cycles;       /* time inside allocator calls, TSC cycles (or ns without a TSC) */
    double ns_per_cycle;
    uint64_t wall_ns;
    uint64_t live_bytes, peak_live_bytes;
    uint64_t baseline_rss_kb, peak_rss_kb, final_rss_kb, real_peak_rss_kb, real_final_rss_kb;
    uint64_t trims;
    /* timeline */
    rh_point *pts;
    size_t npts, cap_pts;
    char *labels;
    size_t labels_len, labels_cap;
    rh_release *rel;
    size_t nrel, cap_rel;
    /* model check (STATS event) */
    int have_real_stats, have_model_stats, matches;
    rh_allocator_stats real_stats, model_stats;
    char *alloc_json;            /* rh_allocator_stats_json at the exit point (or the end of the trace) */
    rh_diff *diffs;
    size_t ndiffs, cap_diffs;
} rh_replay;

/* replay_out.c */
/* Parse sys._debugmallocstats() text into *out (fields it does not print stay RH_STAT_UNKNOWN). */
void rh_mallocstats_parse(const char *text, size_t len, rh_allocator_stats *out);
/* Compare real_stats with model_stats; fills diffs and matches. */
void rh_replay_model_check(rh_replay *R);
int rh_replay_write_json(const rh_replay *R, const char *path);
void rh_replay_write_report(const rh_replay *R, FILE *out);

#endif
