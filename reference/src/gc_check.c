/* gc_check.c — the collector's invariant checker (CPython's validate_list, extended), run after every
 * collection when RH_DEBUG >= 1 and by the unit tests.
 *
 * Checks exactly the prose of gc.c / gc_list.c (docs/gc.md §Invariants), outside a collection:
 *  1. every list head (three generations + permanent) has clean links; walking gc_next from the head
 *     comes back to it, each node's gc_prev pointer names the node before it, no node is untracked
 *     (gc_next 0), carries COLLECTING or the UNREACHABLE mark, is of a non-GC type, or has refcount <= 0;
 *  2. the number of nodes on the four lists equals gc.tracked, so every tracked object is on exactly
 *     one list (an object on two lists would break the links of 1);
 *  3. every object's refcount is at least the number of references to it from tracked containers
 *     (the property gc_refs >= 0 of subtract_refs, for the whole heap).
 * Owns: rt->gc.check_msg (first violation). Step 3 borrows gc_prev as gc_refs, as a collection does, and
 * restores the links and the FINALIZED bits before returning.
 */
#include <inttypes.h>
#include <stdio.h>

#include "gc_internal.h"

typedef struct check_ctx {
    rh_runtime *rt;
    int bad;
} check_ctx;

static void violation(check_ctx *c, const char *what, const void *where) {
    if (c->bad++ == 0)
        snprintf(c->rt->gc.check_msg, sizeof c->rt->gc.check_msg, "%s (at %p)", what, where);
}

static int list_count(rh_runtime *rt) { (void)rt; return RH_NUM_GENERATIONS + 1; }
static rh_gchead *list_at(rh_runtime *rt, int i) {
    return i < RH_NUM_GENERATIONS ? rh__gc_gen_head(rt, i) : &rt->gc.permanent.head;
}

/* Invariant 1 for one list; adds its length to *n. */
static void check_links(check_ctx *c, rh_gchead *head, uint64_t *n) {
    uint64_t limit = c->rt->gc.tracked + 1, len = 0;
    if ((head->gc_prev & ~RH_GC_PREV_MASK) || (head->gc_next & RH_GC_NEXT_UNREACHABLE))
        violation(c, "list head carries flags", head);
    rh_gchead *prev = head;
    for (rh_gchead *g = rh__gcl_next(head); g != head; prev = g, g = rh__gcl_next(g)) {
        if (!g || g->gc_next == 0) { violation(c, "untracked or NULL node on a list", g); return; }
        if (++len > limit) { violation(c, "list longer than gc.tracked (cycle or leak)", head); return; }
        rh_object *op = rh__gc_obj(g);
        if (rh__gcl_prev(g) != prev) violation(c, "gc_prev does not name the previous node", op);
        if (g->gc_prev & RH_GC_PREV_COLLECTING) violation(c, "COLLECTING set outside a collection", op);
        if (g->gc_next & RH_GC_NEXT_UNREACHABLE) violation(c, "UNREACHABLE mark outside a collection", op);
        if (!rh_is_gc(op)) violation(c, "object of a non-GC type is tracked", op);
        if (op->refcnt <= 0 && !rh_is_immortal(op)) violation(c, "tracked object with refcount <= 0", op);
    }
    if (rh__gcl_prev(head) != prev) violation(c, "head's gc_prev is not the last node", head);
    *n += len;
}

static int visit_count_in(rh_object *op, void *arg) {
    check_ctx *c = arg;
    if (!rh_is_gc(op)) return 0;
    if (op->type->kind == RH_K_TUPLE && ((rh_varobject *)op)->size == 0 && !(op->type->flags & RH_TPFLAG_HEAPTYPE))
        return 0; /* static (), never tracked (an empty instance of a tuple subclass is an object of its own) */
    rh_gchead *g = rh_as_gc(op);
    if (!(g->gc_prev & RH_GC_PREV_COLLECTING)) return 0;
    if ((g->gc_prev >> RH_GC_PREV_SHIFT) == 0) violation(c, "refcount below references from tracked containers", op);
    else g->gc_prev -= (uintptr_t)1 << RH_GC_PREV_SHIFT;
    return 0;
}

/* Invariant 3: gc_refs = refcount - incoming references must stay >= 0; links restored afterwards. */
static void check_refcounts(check_ctx *c) {
    rh_runtime *rt = c->rt;
    int nl = list_count(rt);
    for (int i = 0; i < nl; i++) {
        rh_gchead *h = list_at(rt, i);
        for (rh_gchead *g = rh__gcl_next(h); g != h; g = rh__gcl_next(g)) {
            uintptr_t refs = (uintptr_t)rh_refcount(rh__gc_obj(g));
            g->gc_prev = (g->gc_prev & RH_GC_PREV_FINALIZED) | RH_GC_PREV_COLLECTING | (refs << RH_GC_PREV_SHIFT);
        }
    }
    for (int i = 0; i < nl; i++) {
        rh_gchead *h = list_at(rt, i);
        for (rh_gchead *g = rh__gcl_next(h); g != h; g = rh__gcl_next(g)) {
            rh_object *op = rh__gc_obj(g);
            if (op->type->traverse) op->type->traverse(op, visit_count_in, c);
        }
    }
    for (int i = 0; i < nl; i++) {
        rh_gchead *h = list_at(rt, i), *prev = h;
        for (rh_gchead *g = rh__gcl_next(h); g != h; prev = g, g = rh__gcl_next(g))
            g->gc_prev = (g->gc_prev & RH_GC_PREV_FINALIZED) | (uintptr_t)prev;
    }
}

int rh__gc_check(rh_runtime *rt) {
    check_ctx c = {rt, 0};
    uint64_t n = 0;
    rt->gc.check_msg[0] = '\0';
    for (int i = 0; i < list_count(rt); i++) check_links(&c, list_at(rt, i), &n);
    if (c.bad) return c.bad; /* broken links: walking them again is unsafe */
    if (n != rt->gc.tracked) {
        char what[96];
        snprintf(what, sizeof what, "%" PRIu64 " objects on the lists but gc.tracked = %" PRIu64, n, rt->gc.tracked);
        violation(&c, what, rt);
    }
    check_refcounts(&c);
    return c.bad;
}

const char *rh__gc_check_message(rh_runtime *rt) { return rt->gc.check_msg; }
