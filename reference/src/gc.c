/* gc.c — the collection engine: CPython 3.11's gc_collect_main (Modules/gcmodule.c), step by step.
 *
 * Owns: the collection algorithm and the per-generation statistics (rt->gc.stats), the counts update
 * of a collection (count[g+1]++, counts 0..g zeroed), long_lived_pending/total. The policy (when, which
 * generation) is gc_policy.c; the Python-facing API, callbacks and gc.garbage are gc_api.c.
 *
 * Invariants, in prose (checked by gc_check.c after every collection when RH_DEBUG >= 1):
 *  - outside a collection, no tracked object has COLLECTING set or the UNREACHABLE mark in gc_next, and
 *    gc_prev's pointer bits link the lists both ways;
 *  - between update_refs and move_unreachable, gc_prev of each object in `young` holds gc_refs, which
 *    starts at the refcount and never goes below zero (a visit from inside the set removes one);
 *  - after move_unreachable, `young` holds exactly what is reachable from outside the set (COLLECTING
 *    cleared), and `unreachable` the rest (COLLECTING set, UNREACHABLE mark in gc_next);
 *  - no __del__ / callback / tp_clear runs before every weakref to the unreachable set is cleared;
 *  - the FINALIZED bit, once set, is never cleared: __del__ runs at most once per object;
 *  - a step is skipped only when its outcome is known to change nothing (no weakref in the set, no
 *    __del__ to run, no code run since deduce_unreachable); the scratch order array and the prefetches
 *    only speed the walks up: every list order, free, finalizer and callback stays CPython's.
 * Design essay: docs/gc.md.
 */
#include <inttypes.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>

#include "gc_internal.h"

#define RH_GC_NOINLINE __attribute__((noinline))

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---------------------------------------------------------------- gc_refs in gc_prev */

static inline int gc_is_collecting(const rh_gchead *g) { return (g->gc_prev & RH_GC_PREV_COLLECTING) != 0; }
static inline void gc_clear_collecting(rh_gchead *g) { g->gc_prev &= ~RH_GC_PREV_COLLECTING; }
static inline intptr_t gc_get_refs(const rh_gchead *g) { return (intptr_t)(g->gc_prev >> RH_GC_PREV_SHIFT); }
static inline void gc_set_refs(rh_gchead *g, intptr_t refs) {
    g->gc_prev = (g->gc_prev & ~RH_GC_PREV_MASK) | ((uintptr_t)refs << RH_GC_PREV_SHIFT);
}
/* gc_refs = refs, COLLECTING on, FINALIZED kept. */
static inline void gc_reset_refs(rh_gchead *g, intptr_t refs) {
    g->gc_prev = (g->gc_prev & RH_GC_PREV_FINALIZED) | RH_GC_PREV_COLLECTING |
                 ((uintptr_t)refs << RH_GC_PREV_SHIFT);
}
static inline void gc_decref(rh_gchead *g) {
    rh_assert_internal(gc_get_refs(g) > 0); /* else a refcount is too small */
    g->gc_prev -= (uintptr_t)1 << RH_GC_PREV_SHIFT;
}

static inline int traverse(rh_object *op, rh_visitproc visit, void *arg) {
    return op->type->traverse ? op->type->traverse(op, visit, arg) : 0;
}


/* Diagnostics of the DEBUG_* flags go through hooks.output only (the library never prints). */
static void debug_out(rh_runtime *rt, const char *line) {
    if (rt->hooks.output) rt->hooks.output(rt->hooks.ctx, line);
}
static void debug_cycle(rh_runtime *rt, const char *msg, rh_object *op) {
    char line[160];
    snprintf(line, sizeof line, "gc: %s <%s %p>\n", msg, op->type->name, (void *)op);
    debug_out(rt, line);
}

/* ---------------------------------------------------------------- finalizers */

void rh__gc_call_finalizer(rh_runtime *rt, rh_object *op) {
    /* a built-in type's own tp_finalize (generators: _PyGen_Finalize) keeps the error state itself */
    if (!(op->type->flags & RH_TPFLAG_HEAPTYPE) && op->type->tp_finalize) {
        op->type->tp_finalize(rt, op);
        return;
    }
    /* slot_tp_finalize: the current exception is saved around __del__; its failure is unraisable. */
    if (!rt->hooks.call_del) return;
    rh__saved_err saved;
    rh__err_fetch(rt, &saved);
    if (rt->hooks.call_del(rt->hooks.ctx, rt, op) < 0 || rh_err_occurred(rt))
        rh_err_write_unraisable(rt, op);
    rh__err_restore(rt, &saved);
}

/* ---------------------------------------------------------------- deduce_unreachable */

/* ---- the walk order, kept in a scratch array
 * The list walks are pointer chases: the next object's address is only known once the current one has
 * arrived from memory, so every walk over a large heap pays one full memory latency per object.
 * update_refs therefore records the heads of `young` in list order; subtract_refs then runs over that
 * array, and the later walks use it to prefetch the objects they are about to reach. The array is libc
 * memory (bookkeeping, like the interned table: invisible to the allocator and its statistics), on the
 * stack for small collections; when it cannot grow, it stops recording (ok = 0) and every step falls
 * back to the plain list walk. Prefetches have no visible effect and never fault. */
enum { ORDER_STACK = 1024, ORDER_AHEAD = 32 };
typedef struct gc_order {
    rh_gchead **v;
    size_t n, cap;
    int ok;
    rh_gchead *stack[ORDER_STACK];
} gc_order;

static void order_init(gc_order *o) {
    o->v = o->stack;
    o->n = 0;
    o->cap = ORDER_STACK;
    o->ok = 1;
}
static void order_fini(gc_order *o) {
    if (o->v != o->stack) free(o->v);
    o->v = o->stack;
    o->ok = 0;
}
static RH_GC_NOINLINE void order_grow(gc_order *o) {
    size_t cap = o->cap * 2;
    rh_gchead **v = o->v == o->stack ? malloc(cap * sizeof *v) : realloc(o->v, cap * sizeof *v);
    if (!v) {
        order_fini(o);
        return;
    }
    if (o->v == o->stack) memcpy(v, o->stack, o->n * sizeof *v);
    o->v = v;
    o->cap = cap;
}
static inline void order_push(gc_order *o, rh_gchead *g) {
    if (__builtin_expect(o->n == o->cap, 0)) {
        order_grow(o);
        if (!o->ok) return;
    }
    o->v[o->n++] = g;
}
static inline void prefetch_head(const rh_gchead *g) {
    __builtin_prefetch(g);
    __builtin_prefetch(g + 1); /* the object header: refcount and type */
}
/* Index of g in o->v at or after *cursor (entries of objects that left the list are skipped); then
 * prefetch the object ORDER_AHEAD places further. Stops (cursor = n) if g is not found. */
static inline void order_follow(const gc_order *o, size_t *cursor, const rh_gchead *g) {
    if (!o || !o->ok) return;
    size_t j = *cursor;
    while (j < o->n && o->v[j] != g) j++;
    *cursor = j;
    if (j + ORDER_AHEAD < o->n) prefetch_head(o->v[j + ORDER_AHEAD]);
}

/* Copy refcounts into gc_refs and set COLLECTING on every object of `containers`, recording the walk
 * order in `order` (may be NULL); returns their number. */
static int64_t update_refs(rh_gchead *containers, gc_order *order) {
    int64_t n = 0;
    for (rh_gchead *g = rh__gcl_next(containers); g != containers; g = rh__gcl_next(g)) {
        gc_reset_refs(g, rh__gc_obj(g)->refcnt);
        /* a tracked object with refcount 0 would be freed twice: a dealloc left it tracked */
        rh_assert_internal(gc_get_refs(g) != 0);
        if (order && order->ok) order_push(order, g);
        n++;
    }
    return n;
}

static inline void decref_if_collecting(rh_object *op) {
    if (rh_is_gc(op)) {
        rh_gchead *g = rh_as_gc(op);
        if (gc_is_collecting(g)) gc_decref(g);
    }
}

static int visit_decref(rh_object *op, void *parent) {
    (void)parent;
    decref_if_collecting(op);
    return 0;
}

/* Whether op is a list or tuple; then *item / *n are its item array and length (an empty list may have
 * no array: n == 0). Only the built-in list and tuple types have these kinds (classes are RH_K_INSTANCE),
 * so their tp_traverse is list_traverse / tuple_traverse: visit the non-NULL items last to first. The
 * collector's hot loops walk these arrays directly in that same order instead of calling traverse +
 * visit through two function pointers. */
static inline int seq_items(rh_object *op, rh_object ***item, size_t *n) {
    rh_kind k = op->type->kind;
    if (op->type->flags & RH_TPFLAG_HEAPTYPE) return 0; /* a list subclass: its dict and class too */
    if (k == RH_K_LIST) {
        *n = (size_t)((rh_list *)(void *)op)->ob.size;
        *item = ((rh_list *)(void *)op)->item;
        return 1;
    }
    if (k == RH_K_TUPLE) {
        *n = (size_t)((rh_tuple *)(void *)op)->ob.size;
        *item = ((rh_tuple *)(void *)op)->item;
        return 1;
    }
    return 0;
}

static inline void subtract_one(rh_object *op) {
    size_t n;
    rh_object **item;
    if (seq_items(op, &item, &n)) {
        while (n-- > 0)
            if (item[n]) decref_if_collecting(item[n]);
    } else {
        traverse(op, visit_decref, op);
    }
}

/* Prefetch pipeline over the recorded order: an object's header first, a few steps later (once it has
 * arrived) its item array, and a few steps after that the heads of the objects its items point to. */
enum { PIPE_HEAD = 128, PIPE_ITEMS = 64, PIPE_REFS = 32, PIPE_MAX_ITEMS = 8 };
static inline void prefetch_items_of(rh_gchead *g) {
    size_t n;
    rh_object **item;
    if (seq_items(rh__gc_obj(g), &item, &n) && n) __builtin_prefetch(item + n - 1);
}
static inline void prefetch_referents_of(rh_gchead *g) {
    size_t n;
    rh_object **item;
    if (!seq_items(rh__gc_obj(g), &item, &n)) return;
    for (size_t i = n, lo = n > PIPE_MAX_ITEMS ? n - PIPE_MAX_ITEMS : 0; i-- > lo;)
        if (item[i]) prefetch_head(rh_as_gc(item[i]));
}

/* Remove the references from inside the set: gc_refs becomes the number of references from outside. */
static void subtract_refs(rh_gchead *containers, const gc_order *order) {
    if (order && order->ok) {
        rh_gchead *const *v = order->v;
        size_t n = order->n;
        for (size_t i = 0; i < n; i++) {
            if (i + PIPE_HEAD < n) prefetch_head(v[i + PIPE_HEAD]);
            if (i + PIPE_ITEMS < n) prefetch_items_of(v[i + PIPE_ITEMS]);
            if (i + PIPE_REFS < n) prefetch_referents_of(v[i + PIPE_REFS]);
            subtract_one(rh__gc_obj(v[i]));
        }
        return;
    }
    for (rh_gchead *g = rh__gcl_next(containers); g != containers; g = rh__gcl_next(g))
        subtract_one(rh__gc_obj(g));
}

static inline void mark_reachable(rh_object *op, rh_gchead *reachable) {
    if (!rh_is_gc(op)) return;
    rh_gchead *g = rh_as_gc(op);
    /* objects of other generations, and those already scanned, have no COLLECTING flag */
    if (!gc_is_collecting(g)) return;
    rh_assert_internal(g->gc_next != 0);
    if (g->gc_next & RH_GC_NEXT_UNREACHABLE) {
        /* tentatively unreachable after all: unlink by hand (the mark is in the links) and requeue */
        rh_gchead *prev = rh__gcl_prev(g);
        rh_gchead *next = (rh_gchead *)(g->gc_next & ~RH_GC_NEXT_UNREACHABLE);
        prev->gc_next = g->gc_next; /* keeps the mark */
        rh__gcl_set_prev(next, prev);
        rh__gcl_append(g, reachable);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        gc_set_refs(g, 1); /* not scanned yet: tell move_unreachable it is reachable */
    }
}

static int visit_reachable(rh_object *op, void *arg) {
    mark_reachable(op, arg);
    return 0;
}

/* Split `young` into reachable (stays, COLLECTING cleared, prev links restored) and `unreachable`
 * (UNREACHABLE mark in gc_next, COLLECTING kept). `young` is singly linked while this runs.
 * With a recorded order: the objects of `young` are met in that order (revived objects are appended
 * after all of them), which gives the prefetch targets; afterwards the order holds the objects moved
 * to `unreachable`, in list order (those revived later stay in it as stale entries). */
static void move_unreachable(rh_gchead *young, rh_gchead *unreachable, gc_order *order) {
    rh_gchead *prev = young;
    rh_gchead *g = rh__gcl_next(young);
    size_t k = 0, u = 0, n = order && order->ok ? order->n : 0;
    while (g != young) {
        if (k < n) {
            rh_assert_internal(order->v[k] == g);
            if (k + PIPE_HEAD < n) prefetch_head(order->v[k + PIPE_HEAD]);
            k++;
        }
        if (gc_get_refs(g)) {
            rh_object *op = rh__gc_obj(g);
            /* mark_reachable may append to young and so change g->gc_next: read it afterwards */
            size_t m;
            rh_object **item;
            if (seq_items(op, &item, &m)) {
                while (m-- > 0)
                    if (item[m]) mark_reachable(item[m], young);
            } else {
                traverse(op, visit_reachable, young);
            }
            rh__gcl_set_prev(g, prev);
            gc_clear_collecting(g);
            prev = g;
        } else {
            prev->gc_next = g->gc_next;
            rh_gchead *last = rh__gcl_prev(unreachable);
            last->gc_next = RH_GC_NEXT_UNREACHABLE | (uintptr_t)g; /* may mark the head: repaired below */
            rh__gcl_set_prev(g, last);
            g->gc_next = RH_GC_NEXT_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->gc_prev = (uintptr_t)g;
            if (u < n) order->v[u++] = g; /* u < k: only entries already passed are overwritten */
        }
        g = (rh_gchead *)prev->gc_next;
    }
    young->gc_prev = (uintptr_t)prev;
    unreachable->gc_next &= ~RH_GC_NEXT_UNREACHABLE;
    if (n) order->n = u;
}

static void deduce_unreachable(rh_gchead *base, rh_gchead *unreachable, int64_t *examined, gc_order *order) {
    int64_t n = update_refs(base, order);
    if (examined) *examined = n;
    subtract_refs(base, order);
    rh__gcl_init(unreachable);
    move_unreachable(base, unreachable, order);
}

static void clear_unreachable_mask(rh_gchead *unreachable) {
    rh_gchead *next;
    for (rh_gchead *g = rh__gcl_next(unreachable); g != unreachable; g = next) {
        rh_assert_internal(g->gc_next & RH_GC_NEXT_UNREACHABLE);
        g->gc_next &= ~RH_GC_NEXT_UNREACHABLE;
        next = (rh_gchead *)g->gc_next;
    }
}

static void clear_collecting_all(rh_gchead *list) {
    for (rh_gchead *g = rh__gcl_next(list); g != list; g = rh__gcl_next(g)) gc_clear_collecting(g);
}

/* ---------------------------------------------------------------- untracking */

/* untrack_tuples / untrack_dicts: returns the number of objects left on `head`. */
static int64_t untrack_tuples(rh_runtime *rt, rh_gchead *head) {
    rh_gchead *next;
    int64_t left = 0;
    for (rh_gchead *g = rh__gcl_next(head); g != head; g = next) {
        next = rh__gcl_next(g);
        rh_object *op = rh__gc_obj(g);
        left += !(op->type->kind == RH_K_TUPLE && rh_tuple_maybe_untrack(rt, op));
    }
    return left;
}

static int64_t untrack_dicts(rh_runtime *rt, rh_gchead *head) {
    rh_gchead *next;
    int64_t left = 0;
    for (rh_gchead *g = rh__gcl_next(head); g != head; g = next) {
        next = rh__gcl_next(g);
        rh_object *op = rh__gc_obj(g);
        left += !(op->type->kind == RH_K_DICT && rh_dict_maybe_untrack(rt, op));
    }
    return left;
}

/* ---------------------------------------------------------------- legacy finalizers (py27) */

/* What the first walk over the unreachable set found out; it lets the later steps skip whole passes
 * whose outcome is already known (none of the skipped passes would run any code or move any object). */
typedef struct unreachable_scan {
    int64_t left;       /* objects still in `unreachable` after the walk */
    int64_t to_finalize;/* of those, objects whose __del__ finalize_garbage would call now */
    int weakrefs;       /* some object is a weakref or has weakrefs: handle_weakrefs has work */
} unreachable_scan;

/* Move the unreachable objects with a legacy finalizer to `finalizers`; clears every UNREACHABLE mark,
 * after which `unreachable` is an ordinary list. Also fills *scan for the objects that stay. */
static void move_legacy_finalizers(rh_runtime *rt, rh_gchead *unreachable, rh_gchead *finalizers,
                                   unreachable_scan *scan, const gc_order *order) {
    rh_gchead *next;
    unreachable_scan sc = {0, 0, 0};
    size_t cursor = 0;
    for (rh_gchead *g = rh__gcl_next(unreachable); g != unreachable; g = next) {
        order_follow(order, &cursor, g);
        rh_assert_internal(g->gc_next & RH_GC_NEXT_UNREACHABLE);
        g->gc_next &= ~RH_GC_NEXT_UNREACHABLE;
        next = (rh_gchead *)g->gc_next;
        rh_object *op = rh__gc_obj(g);
        if (rh__gc_has_legacy_finalizer(rt, op)) {
            gc_clear_collecting(g);
            rh__gcl_move(g, finalizers);
            continue;
        }
        sc.left++;
        if (!(g->gc_prev & RH_GC_PREV_FINALIZED) && rh__gc_has_finalizer(rt, op)) sc.to_finalize++;
        if (!sc.weakrefs) {
            rh_weakref **list = rh__weakref_listptr(op);
            sc.weakrefs = rh__is_weakref(op) || (list && *list);
        }
    }
    *scan = sc;
}

static int visit_move(rh_object *op, void *arg) {
    if (rh_is_gc(op)) {
        rh_gchead *g = rh_as_gc(op);
        if (gc_is_collecting(g)) {
            rh__gcl_move(g, (rh_gchead *)arg);
            gc_clear_collecting(g);
        }
    }
    return 0;
}

/* Everything reachable from a legacy finalizer is uncollectable too (the list grows while scanned). */
static void move_legacy_finalizer_reachable(rh_gchead *finalizers) {
    for (rh_gchead *g = rh__gcl_next(finalizers); g != finalizers; g = rh__gcl_next(g))
        traverse(rh__gc_obj(g), visit_move, finalizers);
}

/* gc.garbage gets the objects with a legacy finalizer (all of them under SAVEALL); all go to `old`. */
static void handle_legacy_finalizers(rh_runtime *rt, rh_gchead *finalizers, rh_gchead *old) {
    for (rh_gchead *g = rh__gcl_next(finalizers); g != finalizers; g = rh__gcl_next(g)) {
        rh_object *op = rh__gc_obj(g);
        if ((rt->gc.debug & RH_GC_DEBUG_SAVEALL) || rh__gc_has_legacy_finalizer(rt, op)) {
            rh_object *garbage = rh__gc_garbage_list(rt);
            if (!garbage || rh_list_append(rt, garbage, op) < 0) {
                rh_err_clear(rt);
                break;
            }
        }
    }
    rh__gcl_merge(finalizers, old);
}

/* ---------------------------------------------------------------- weakrefs */

/* Clear every weakref to an unreachable object and every unreachable weakref; then call the callbacks
 * of the cleared weakrefs that are themselves reachable. Returns how many of those died right after
 * their callback (counted as collected); the survivors move to `old`. */
static int64_t handle_weakrefs(rh_runtime *rt, rh_gchead *unreachable, rh_gchead *old, int *ran_code) {
    rh_gchead wrcb_to_call, *next;
    int64_t freed = 0;
    rh__gcl_init(&wrcb_to_call);
    for (rh_gchead *g = rh__gcl_next(unreachable); g != unreachable; g = next) {
        rh_object *op = rh__gc_obj(g);
        next = rh__gcl_next(g);
        if (rh__is_weakref(op)) rh__weakref_clear_ref(rt, (rh_weakref *)op);
        rh_weakref **list = rh__weakref_listptr(op);
        if (!list) continue;
        for (rh_weakref *wr = *list; wr != NULL; wr = *list) {
            rh__weakref_clear_ref(rt, wr); /* unlinks wr: *list moves on */
            if (wr->wr_callback == NULL) continue;
            rh_gchead *wg = rh_as_gc(&wr->ob);
            if (gc_is_collecting(wg)) continue; /* trash itself: its callback never runs */
            rh_incref(&wr->ob);
            rh_assert_internal(wg != next);
            rh__gcl_move(wg, &wrcb_to_call);
        }
    }
    if (!rh__gcl_is_empty(&wrcb_to_call)) *ran_code = 1;
    while (!rh__gcl_is_empty(&wrcb_to_call)) {
        rh_gchead *g = rh__gcl_next(&wrcb_to_call);
        rh_weakref *wr = (rh_weakref *)rh__gc_obj(g);
        rh_assert_internal(wr->wr_callback != NULL);
        rh__weakref_run_callback(rt, wr, wr->wr_callback);
        rh_decref(rt, &wr->ob);
        if (rh__gcl_next(&wrcb_to_call) == g) rh__gcl_move(g, old); /* still alive */
        else freed++;
    }
    return freed;
}

/* ---------------------------------------------------------------- PEP 442 */

/* Call each object's finalizer once (FINALIZED bit). Objects may vanish from the list meanwhile, so
 * always take the first one and park it on `seen`. Returns the number of finalizers called. */
static int64_t finalize_garbage(rh_runtime *rt, rh_gchead *collectable) {
    rh_gchead seen;
    int64_t called = 0;
    rh__gcl_init(&seen);
    while (!rh__gcl_is_empty(collectable)) {
        rh_gchead *g = rh__gcl_next(collectable);
        rh_object *op = rh__gc_obj(g);
        rh__gcl_move(g, &seen);
        if (!(g->gc_prev & RH_GC_PREV_FINALIZED) && rh__gc_has_finalizer(rt, op)) {
            g->gc_prev |= RH_GC_PREV_FINALIZED;
            rh_incref(op);
            rh__gc_call_finalizer(rt, op);
            rh_decref(rt, op);
            called++;
        }
    }
    rh__gcl_merge(&seen, collectable);
    return called;
}

/* Re-run reachability over the unreachable set: what a finalizer made reachable again moves to `old`,
 * the rest goes to `still_unreachable` (COLLECTING still set there). */
static void handle_resurrected_objects(rh_gchead *unreachable, rh_gchead *still_unreachable,
                                       rh_gchead *old) {
    clear_collecting_all(unreachable);
    deduce_unreachable(unreachable, still_unreachable, NULL, NULL);
    clear_unreachable_mask(still_unreachable);
    rh__gcl_merge(unreachable, old);
}

/* ---------------------------------------------------------------- delete_garbage */

/* Break the cycles: tp_clear each object under a temporary reference (or, with DEBUG_SAVEALL, keep it
 * in gc.garbage). Whatever is still alive afterwards moves to `old`. */
static void delete_garbage(rh_runtime *rt, rh_gchead *collectable, rh_gchead *old, const gc_order *order) {
    size_t cursor = 0;
    while (!rh__gcl_is_empty(collectable)) {
        rh_gchead *g = rh__gcl_next(collectable);
        rh_object *op = rh__gc_obj(g);
        order_follow(order, &cursor, g); /* blind: objects further on may be freed by then */
        rh_assert_internal(op->refcnt > 0);
        if (rt->gc.debug & RH_GC_DEBUG_SAVEALL) {
            rh_object *garbage = rh__gc_garbage_list(rt);
            if (!garbage || rh_list_append(rt, garbage, op) < 0) rh_err_clear(rt);
        } else if (op->type->clear) {
            rh_incref(op);
            (void)op->type->clear(rt, op);
            if (rh_err_occurred(rt)) rh_err_write_unraisable(rt, (rh_object *)op->type);
            rh_decref(rt, op);
        }
        if (rh__gcl_next(collectable) == g) { /* still alive: it may die later */
            gc_clear_collecting(g);
            rh__gcl_move(g, old);
        }
    }
}

/* ---------------------------------------------------------------- gc_collect_main */

static void debug_stats_start(rh_runtime *rt, int generation) {
    char line[200];
    snprintf(line, sizeof line,
             "gc: collecting generation %d...\ngc: objects in each generation: %" PRId64 " %" PRId64
             " %" PRId64 "\ngc: objects in permanent generation: %" PRId64 "\n",
             generation, rh__gcl_size(rh__gc_gen_head(rt, 0)), rh__gcl_size(rh__gc_gen_head(rt, 1)),
             rh__gcl_size(rh__gc_gen_head(rt, 2)), rh__gcl_size(&rt->gc.permanent.head));
    debug_out(rt, line);
}

static void debug_list(rh_runtime *rt, const char *msg, rh_gchead *list) {
    for (rh_gchead *g = rh__gcl_next(list); g != list; g = rh__gcl_next(g)) debug_cycle(rt, msg, rh__gc_obj(g));
}

/* RH_DEBUG >= 1: the invariant checker after a collection — after every one while the heap is small,
 * otherwise once the objects examined since the last check outnumber the tracked ones, so the checks
 * cost at most as much as the collections themselves (a 10^7-object heap stays linear). */
static void debug_check(rh_runtime *rt, uint64_t examined) {
#if RH_DEBUG >= 1
    enum { SMALL_HEAP = 1 << 16 };
    rt->gc.check_budget += examined;
    if (rt->gc.tracked > SMALL_HEAP && rt->gc.check_budget < rt->gc.tracked) return;
    rt->gc.check_budget = 0;
    rh_assert_internal(rh__gc_check(rt) == 0);
#else
    (void)rt;
    (void)examined;
#endif
}

/* Survivors of `young` go to `old`; long-lived bookkeeping; dict untracking on full collections. */
static void promote_survivors(rh_runtime *rt, int generation, rh_gchead *young, rh_gchead *old) {
    rh_gc_state *gc = &rt->gc;
    int64_t survivors = untrack_tuples(rt, young);
    if (young != old) {
        if (generation == RH_NUM_GENERATIONS - 2) gc->long_lived_pending += survivors;
        rh__gcl_merge(young, old);
    } else {
        survivors = untrack_dicts(rt, young); /* full collections only (issue #14775) */
        gc->long_lived_pending = 0;
        gc->long_lived_total = survivors;
    }
}

/* Step 1 (docs/gc.md): count[g+1]++, counts 0..g zeroed, younger generations merged into g. Returns `young`. */
static rh_gchead *begin_collection(rh_runtime *rt, int generation, rh_gchead **old) {
    rh_gc_state *gc = &rt->gc;
    if (generation + 1 < RH_NUM_GENERATIONS) gc->gen[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++) gc->gen[i].count = 0;
    rh_gchead *young = rh__gc_gen_head(rt, generation);
    for (int i = 0; i < generation; i++) rh__gcl_merge(rh__gc_gen_head(rt, i), young);
    *old = generation < RH_NUM_GENERATIONS - 1 ? rh__gc_gen_head(rt, generation + 1) : young;
    return young;
}

/* Steps 4-9 (docs/gc.md) over the unreachable set: returns the collected count m and stores the uncollectable n. */
static int64_t dispose_unreachable(rh_runtime *rt, rh_gchead *unreachable, rh_gchead *old, int64_t *n,
                                   const gc_order *order) {
    rh_gchead finalizers, final_unreachable;
    int64_t m = 0;
    unreachable_scan scan;
    int ran_code = 0; /* some weakref callback or __del__ ran: the heap may have changed under us */
    rh__gcl_init(&finalizers);
    move_legacy_finalizers(rt, unreachable, &finalizers, &scan, order);
    move_legacy_finalizer_reachable(&finalizers);
    if (rt->gc.debug & RH_GC_DEBUG_COLLECTABLE) {
        debug_list(rt, "collectable", unreachable);
        ran_code = 1; /* the output hook is the embedder's code: take no shortcut after it */
    }
    if (scan.weakrefs) m += handle_weakrefs(rt, unreachable, old, &ran_code);
    rh__gcl_init(&final_unreachable);
    if (!rt->profile->legacy_finalizers) {
        /* with nothing to finalize finalize_garbage would only relink the list in place; with no code
         * run since deduce_unreachable no refcount in the set changed, so the second reachability pass
         * would find everything unreachable again, in the same order: both are skipped then */
        if (ran_code || scan.to_finalize) ran_code |= finalize_garbage(rt, unreachable) > 0;
        if (ran_code) handle_resurrected_objects(unreachable, &final_unreachable, old);
    }
    rh__gcl_merge(unreachable, &final_unreachable); /* 2.7 has no tp_finalize and no resurrection pass */
    /* scan.left is exact while no code ran and nothing reachable from a legacy finalizer left the set */
    m += (ran_code || !rh__gcl_is_empty(&finalizers)) ? rh__gcl_size(&final_unreachable) : scan.left;
    delete_garbage(rt, &final_unreachable, old, order);
    *n = rh__gcl_size(&finalizers);
    if (rt->gc.debug & RH_GC_DEBUG_UNCOLLECTABLE) debug_list(rt, "uncollectable", &finalizers);
    handle_legacy_finalizers(rt, &finalizers, old);
    return m;
}

/* Step 11: statistics, the pause record, DEBUG_STATS summary, the RH_DEBUG check. */
static void finish_collection(rh_runtime *rt, int generation, uint64_t t0, int64_t examined, int64_t m,
                              int64_t n) {
    uint64_t t1 = now_ns();
    if (rt->gc.debug & RH_GC_DEBUG_STATS) {
        char line[160];
        snprintf(line, sizeof line, "gc: done, %" PRId64 " unreachable, %" PRId64 " uncollectable, %.4fs elapsed\n",
                 n + m, n, (double)(t1 - t0) / 1e9);
        debug_out(rt, line);
    }
    rh_gc_gen_stats *st = &rt->gc.stats[generation];
    st->collections++;
    st->collected += (uint64_t)m;
    st->uncollectable += (uint64_t)n;
    rh__gc_record_pause(rt, &(rh_gc_pause){generation, t0, t1 - t0, (uint64_t)examined, (uint64_t)m, (uint64_t)n});
    debug_check(rt, (uint64_t)examined);
}

int64_t rh__gc_collect_main(rh_runtime *rt, int generation, int64_t *n_collected, int64_t *n_uncollectable) {
    int64_t m, n = 0, examined = 0;
    rh_gchead unreachable, *old;
    uint64_t t0 = now_ns();
    rh_assert(generation >= 0 && generation < RH_NUM_GENERATIONS);
    if (rt->gc.debug & RH_GC_DEBUG_STATS) debug_stats_start(rt, generation);
    rh_gchead *young = begin_collection(rt, generation, &old);
    gc_order order;
    order_init(&order);
    deduce_unreachable(young, &unreachable, &examined, &order);          /* step 2 */
    promote_survivors(rt, generation, young, old);                       /* step 3 */
    m = dispose_unreachable(rt, &unreachable, old, &n, &order);          /* steps 4-9 */
    order_fini(&order);
    if (generation == RH_NUM_GENERATIONS - 1) rh__freelists_clear(rt);   /* step 10 */
    if (rh_err_occurred(rt)) rh_err_write_unraisable(rt, NULL); /* "in garbage collection" */
    if (n_collected) *n_collected = m;
    if (n_uncollectable) *n_uncollectable = n;
    finish_collection(rt, generation, t0, examined, m, n);
    return n + m;
}
