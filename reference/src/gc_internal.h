/* gc_internal.h — private interface between the collector's files (gc_list.c, gc.c, gc_policy.c,
 * gc_api.c, gc_check.c) and the weak-reference type (t_weakref.c). Not installed.
 *
 * Map: the GC-list primitives (static inline, CPython's gc_list_* and GC_NEXT/GC_PREV), the weakref
 * object layout (rh_weakref, PyWeakReference of 3.11), and the cross-file rh__gc_* / rh__weakref_*
 * functions grouped by the file that defines them. Design essay: docs/gc.md.
 *
 * List encoding (shared with gc_list.c): gc_next holds the next head's address (0 = untracked; bit 0 is
 * the UNREACHABLE mark only inside move_unreachable .. move_legacy_finalizers); gc_prev holds the
 * previous head's address above RH_GC_PREV_SHIFT and the FINALIZED / COLLECTING flags below it.
 * During a collection gc_prev of the objects being collected holds gc_refs instead of a pointer.
 */
#ifndef REFHEAP_GC_INTERNAL_H
#define REFHEAP_GC_INTERNAL_H
#include "internal.h"

#define RH_GC_PREV_MASK (~(((uintptr_t)1 << RH_GC_PREV_SHIFT) - 1))
#define RH_GC_NEXT_UNREACHABLE ((uintptr_t)1)

static inline rh_object *rh__gc_obj(rh_gchead *g) { return (rh_object *)(g + 1); }
static inline rh_gchead *rh__gcl_next(const rh_gchead *g) { return (rh_gchead *)g->gc_next; }
static inline rh_gchead *rh__gcl_prev(const rh_gchead *g) {
    return (rh_gchead *)(g->gc_prev & RH_GC_PREV_MASK);
}
static inline void rh__gcl_set_next(rh_gchead *g, rh_gchead *n) { g->gc_next = (uintptr_t)n; }
static inline void rh__gcl_set_prev(rh_gchead *g, rh_gchead *p) {
    g->gc_prev = (g->gc_prev & ~RH_GC_PREV_MASK) | (uintptr_t)p;
}
static inline void rh__gcl_init(rh_gchead *list) {
    list->gc_next = (uintptr_t)list;
    list->gc_prev = (uintptr_t)list;
}
static inline int rh__gcl_is_empty(const rh_gchead *list) { return list->gc_next == (uintptr_t)list; }

/* Append `node` (not on any list) at the end of `list`. */
static inline void rh__gcl_append(rh_gchead *node, rh_gchead *list) {
    rh_gchead *last = (rh_gchead *)list->gc_prev;
    rh__gcl_set_prev(node, last);
    rh__gcl_set_next(last, node);
    rh__gcl_set_next(node, list);
    list->gc_prev = (uintptr_t)node;
}
/* Move `node` from whatever list holds it to the end of `list` (flags in gc_prev are kept). */
static inline void rh__gcl_move(rh_gchead *node, rh_gchead *list) {
    rh_gchead *from_prev = rh__gcl_prev(node), *from_next = rh__gcl_next(node);
    rh__gcl_set_next(from_prev, from_next);
    rh__gcl_set_prev(from_next, from_prev);
    rh_gchead *to_prev = (rh_gchead *)list->gc_prev;
    rh__gcl_set_prev(node, to_prev);
    rh__gcl_set_next(to_prev, node);
    list->gc_prev = (uintptr_t)node;
    rh__gcl_set_next(node, list);
}
/* Append all of `from` to the end of `to`; `from` becomes empty. */
static inline void rh__gcl_merge(rh_gchead *from, rh_gchead *to) {
    rh_assert(from != to);
    if (!rh__gcl_is_empty(from)) {
        rh_gchead *to_tail = rh__gcl_prev(to), *from_head = rh__gcl_next(from);
        rh_gchead *from_tail = rh__gcl_prev(from);
        rh__gcl_set_next(to_tail, from_head);
        rh__gcl_set_prev(from_head, to_tail);
        rh__gcl_set_next(from_tail, to);
        rh__gcl_set_prev(to, from_tail);
    }
    rh__gcl_init(from);
}
static inline int64_t rh__gcl_size(const rh_gchead *list) {
    int64_t n = 0;
    for (const rh_gchead *g = rh__gcl_next(list); g != list; g = rh__gcl_next(g)) n++;
    return n;
}
static inline rh_gchead *rh__gc_gen_head(rh_runtime *rt, int gen) { return &rt->gc.gen[gen].head; }

/* The pending error, saved around code that must run with none pending (PyErr_Fetch/Restore). */
typedef struct rh__saved_err { rh_exc kind; char msg[sizeof(((rh_runtime *)0)->err_msg)]; } rh__saved_err;
static inline void rh__err_fetch(rh_runtime *rt, rh__saved_err *s) {
    s->kind = rt->err_kind;
    memcpy(s->msg, rt->err_msg, sizeof s->msg);
    rt->err_kind = RH_EXC_NONE;
    rt->err_msg[0] = '\0';
}
static inline void rh__err_restore(rh_runtime *rt, const rh__saved_err *s) {
    rt->err_kind = s->kind;
    memcpy(rt->err_msg, s->msg, sizeof s->msg);
}

/* ---- weakref.ref objects (t_weakref.c): PyWeakReference, 56 bytes + GC head; 3.11+'s vectorcall word
 * follows (the profile's weakref_size is the type's basicsize: 64 in 3.11+), never read ---- */
typedef struct rh_weakref {
    rh_object ob;
    rh_object *wr_object;        /* borrowed referent; None once dead */
    rh_object *wr_callback;      /* counted, or NULL */
    int64_t hash;                /* -1 until computed */
    struct rh_weakref *wr_prev;  /* neighbours in the referent's weakref list */
    struct rh_weakref *wr_next;
} rh_weakref;

/* ---- gc.c: the collection engine ---- */
/* gc_collect_main (3.11): collect `generation` and all younger ones; stores the collected and
 * uncollectable numbers (either pointer may be NULL) and returns their sum. Caller sets collecting. */
int64_t rh__gc_collect_main(rh_runtime *rt, int generation, int64_t *collected, int64_t *uncollectable);
/* Run the finalizer hook for `op` as tp_finalize would (errors reported as unraisable). */
void rh__gc_call_finalizer(rh_runtime *rt, rh_object *op);
/* Whether op's type has a PEP 442 finalizer (tp_finalize) / a legacy one (py27 tp_del) in this profile. */
static inline int rh__gc_has_finalizer(rh_runtime *rt, rh_object *op) {
    uint32_t f = op->type->flags;
    return (f & RH_TPFLAG_HAS_DEL) && !(f & RH_TPFLAG_LEGACY_DEL) && !rt->profile->legacy_finalizers;
}
static inline int rh__gc_has_legacy_finalizer(rh_runtime *rt, rh_object *op) {
    uint32_t f = op->type->flags;
    if (rt->gc.finalizing) return 0;
    return (f & RH_TPFLAG_LEGACY_DEL) || ((f & RH_TPFLAG_HAS_DEL) && rt->profile->legacy_finalizers);
}

/* ---- gc_policy.c: when to collect ---- */
/* _PyObject_GC_Link's tail: called after count0 was incremented. */
void rh__gc_policy_on_alloc(rh_runtime *rt);
/* gc_collect_generations: collect the oldest generation over its threshold (long-lived rule). */
int64_t rh__gc_collect_generations(rh_runtime *rt);

/* ---- gc_api.c: callbacks, garbage list, pause records ---- */
/* gc_collect_with_callback: "start" callbacks, collect, "stop" callbacks. Returns collect_main's sum. */
int64_t rh__gc_collect_with_callback(rh_runtime *rt, int generation);
/* gc.garbage, created on first use (borrowed; NULL only when out of memory). */
rh_object *rh__gc_garbage_list(rh_runtime *rt);
/* Call fn(args...) through the interpreter's caller hook; -1 with the error set on failure; 0 without
 * doing anything when no caller is installed. Does not steal. */
int rh__gc_call(rh_runtime *rt, rh_object *fn, rh_object *args_tuple);
int rh__gc_call1(rh_runtime *rt, rh_object *fn, rh_object *arg); /* fn(arg), no tuple when the hook allows */
void rh__gc_record_pause(rh_runtime *rt, const rh_gc_pause *p);

/* ---- gc_check.c: the invariant checker ---- */
/* Returns 0 when every invariant of docs/gc.md §Invariants holds, else the number of violations (the
 * first is described by rh__gc_check_message). Must not run in the middle of a collection. */
int rh__gc_check(rh_runtime *rt);
const char *rh__gc_check_message(rh_runtime *rt);

/* ---- t_weakref.c ---- */
/* PyObject_ClearWeakRefs: `o` (refcount 0, being deallocated) loses all its weakrefs; callbacks of
 * still-alive weakrefs run in CPython's order. Call from the dealloc of every type with a weakref slot,
 * before its fields are cleared. No-op when the type has no slot or the list is empty. */
void rh__weakref_clear_all(rh_runtime *rt, rh_object *o);
/* _PyWeakref_ClearRef: detach `wr` from its referent, keeping its callback. */
void rh__weakref_clear_ref(rh_runtime *rt, rh_weakref *wr);
/* handle_callback: call cb(wr) and report a failure as unraisable. */
void rh__weakref_run_callback(rh_runtime *rt, rh_weakref *wr, rh_object *cb);
/* The weakref list head of o, or NULL when o's type has no weakref slot; 3.12+'s managed weakref list is
 * the first pre-header word (_PyObject_GET_WEAKREFS_LISTPTR with MANAGED_WEAKREF_OFFSET). */
static inline rh_weakref **rh__weakref_listptr(rh_object *o) {
    size_t off = o->type->weaklistoffset;
    if (off == RH_WEAKLIST_MANAGED) return &rh__managed_dict(o)->weaklist;
    return off ? (rh_weakref **)((char *)o + off) : NULL;
}
/* a weakref.ref or a weakref.ProxyType: both are PyWeakReference objects on their referent's list */
static inline int rh__is_weakref(const rh_object *o) {
    return o->type->kind == RH_K_WEAKREF || o->type->kind == RH_K_WEAKPROXY;
}

#endif
