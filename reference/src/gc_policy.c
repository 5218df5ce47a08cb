/* gc_policy.c — when the collector runs and which generation it collects (CPython 3.11
 * _PyObject_GC_Link / gc_collect_generations; 3.12+ _Py_ScheduleGC / _Py_RunGC).
 *
 * Owns: rt->gc.scheduled. Reads the thresholds, counts, enabled/collecting flags and the long-lived
 * counters that gc.c maintains.
 * Rules, in prose:
 *  - an allocation of a GC object (count0 already incremented by object.c) triggers when count0 >
 *    threshold0, the collector is enabled, threshold0 != 0, no collection is running and no error is
 *    pending;
 *  - profiles with gc_trigger_at_alloc collect right there (3.11, 2.7); the others only set `scheduled`,
 *    and the interpreter runs the collection between statements with rh_gc_run_scheduled (3.12+);
 *  - the generation collected is the oldest i with count_i > threshold_i, except that generation 2 is
 *    skipped while long_lived_pending < long_lived_total / 4.
 * Design: docs/gc.md §Policy.
 */
#include "gc_internal.h"

int64_t rh__gc_collect_generations(rh_runtime *rt) {
    rh_gc_state *gc = &rt->gc;
    for (int i = RH_NUM_GENERATIONS - 1; i >= 0; i--) {
        if (gc->gen[i].count <= gc->gen[i].threshold) continue;
        /* full collections only once 25% of the long-lived objects are new (issue #4074) */
        if (i == RH_NUM_GENERATIONS - 1 && gc->long_lived_pending < gc->long_lived_total / 4) continue;
        return rh__gc_collect_with_callback(rt, i);
    }
    return 0;
}

static int over_threshold(rh_runtime *rt) {
    const rh_gc_state *gc = &rt->gc;
    return gc->gen[0].count > gc->gen[0].threshold && gc->enabled && gc->gen[0].threshold != 0 &&
           !gc->collecting && rh_err_occurred(rt) == RH_EXC_NONE;
}

static void run_collect_generations(rh_runtime *rt) {
    rt->gc.collecting = 1;
    rh__gc_collect_generations(rt);
    rt->gc.collecting = 0;
}

void rh__gc_policy_on_alloc(rh_runtime *rt) {
    if (!over_threshold(rt)) return;
    if (rt->profile->gc_trigger_at_alloc) run_collect_generations(rt);
    else rt->gc.scheduled = 1;
}

void rh_gc_run_scheduled(rh_runtime *rt) {
    /* _Py_RunGC re-checks nothing but the counts; a request made while a collection runs waits. */
    if (!rt->gc.scheduled || rt->gc.collecting) return;
    rt->gc.scheduled = 0;
    run_collect_generations(rt);
}
