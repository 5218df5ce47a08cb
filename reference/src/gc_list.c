/* gc_list.c — the generation lists and object tracking (PyObject_GC_Track/UnTrack).
 *
 * Each generation's list is circular and doubly linked through the GC heads, with the generation's
 * own head as sentinel. gc_next holds the next head's address (0 = untracked); gc_prev holds the previous
 * head's address in its upper bits and flags in its low RH_GC_PREV_SHIFT bits. Newly tracked objects go
 * to the end of generation 0. gc.tracked counts objects on any list (generations and permanent).
 * The collector itself (collection, policy) lives in gc.c / gc_policy.c.
 */
#include "internal.h"

#define PREV_MASK (~(((uintptr_t)1 << RH_GC_PREV_SHIFT) - 1))

static void list_init(rh_gchead *h) {
    h->gc_next = (uintptr_t)h;
    h->gc_prev = (uintptr_t)h;
}

void rh__gc_init(rh_runtime *rt) {
    rh_gc_state *gc = &rt->gc;
    for (int i = 0; i < RH_NUM_GENERATIONS; i++) {
        list_init(&gc->gen[i].head);
        gc->gen[i].threshold = rt->profile->gc_threshold[i];
        gc->gen[i].count = 0;
    }
    list_init(&gc->permanent.head);
    gc->enabled = 1;
}

void rh__gc_track(rh_runtime *rt, rh_object *o) {
    rh_gchead *g = rh_as_gc(o);
    if (g->gc_next != 0) return;
    rh_gchead *head = &rt->gc.gen[0].head;
    rh_gchead *last = (rh_gchead *)(head->gc_prev & PREV_MASK);
    g->gc_prev = (g->gc_prev & ~PREV_MASK) | (uintptr_t)last;
    g->gc_next = (uintptr_t)head;
    last->gc_next = (uintptr_t)g;
    head->gc_prev = (head->gc_prev & ~PREV_MASK) | (uintptr_t)g;
    rt->gc.tracked++;
}

void rh__gc_untrack(rh_runtime *rt, rh_object *o) {
    rh_gchead *g = rh_as_gc(o);
    if (g->gc_next == 0) return;
    rh_gchead *prev = (rh_gchead *)(g->gc_prev & PREV_MASK);
    rh_gchead *next = (rh_gchead *)g->gc_next;
    prev->gc_next = (uintptr_t)next;
    next->gc_prev = (next->gc_prev & ~PREV_MASK) | (uintptr_t)prev;
    g->gc_next = 0;
    g->gc_prev &= ~PREV_MASK;
    rt->gc.tracked--;
}

void rh__gc_on_alloc(rh_runtime *rt) {
    /* The automatic collection policy (count0 > threshold0 and enabled -> collect_generations) is
     * implemented with the collector (issue: three-generation cyclic GC). Until then counts only. */
    (void)rt;
}
