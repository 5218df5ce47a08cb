/* gc_list.c — the generation lists and object tracking (PyObject_GC_Track/UnTrack), and the allocation
 * hook that hands over to the collection policy.
 *
 * Owns: rt->gc.gen[*].head, rt->gc.permanent.head, rt->gc.tracked.
 * Invariants: each generation's list is circular and doubly linked through the GC heads, with the
 * generation's own head as sentinel. gc_next holds the next head's address (0 = untracked); gc_prev holds
 * the previous head's address in its upper bits and flags in its low RH_GC_PREV_SHIFT bits. Newly tracked
 * objects go to the end of generation 0. gc.tracked counts the objects on any list (the three
 * generations, the permanent generation, and the collector's temporary lists during a collection).
 * Tracking never allocates and never collects. Design: docs/gc.md.
 */
#include "gc_internal.h"

void rh__gc_init(rh_runtime *rt) {
    rh_gc_state *gc = &rt->gc;
    for (int i = 0; i < RH_NUM_GENERATIONS; i++) {
        rh__gcl_init(&gc->gen[i].head);
        gc->gen[i].threshold = rt->profile->gc_threshold[i];
        gc->gen[i].count = 0;
    }
    rh__gcl_init(&gc->permanent.head);
    gc->enabled = 1;
}

void rh__gc_track(rh_runtime *rt, rh_object *o) {
    rh_gchead *g = rh_as_gc(o);
    if (g->gc_next != 0) return;
    rh__gcl_append(g, &rt->gc.gen[0].head);
    rt->gc.tracked++;
}

void rh__gc_untrack(rh_runtime *rt, rh_object *o) {
    rh_gchead *g = rh_as_gc(o);
    if (g->gc_next == 0) return;
    rh_gchead *prev = rh__gcl_prev(g);
    rh_gchead *next = rh__gcl_next(g);
    rh__gcl_set_next(prev, next);
    rh__gcl_set_prev(next, prev);
    g->gc_next = 0;
    g->gc_prev &= RH_GC_PREV_FINALIZED; /* COLLECTING goes too (_PyObject_GC_UNTRACK) */
    rt->gc.tracked--;
}

void rh__gc_on_alloc(rh_runtime *rt) { rh__gc_policy_on_alloc(rt); }
