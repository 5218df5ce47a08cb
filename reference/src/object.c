/* object.c — object allocation and release, the dealloc entry point, the trashcan, generic accounting.
 *
 * Invariants kept here:
 *  - every heap object was allocated as presize(type) + size bytes by rh__object_alloc and is released by
 *    rh__object_free (or parked on its type's freelist) exactly once;
 *  - live objects of kind k = counts.made[k] - counts.freed[k] (freelist pushes count as freed,
 *    freelist pops as made: a parked object is not live); the live counts and the totals of
 *    rh_object_counts are not maintained on the hot path but computed when read (rh_object_counts_get);
 *  - trash_nesting is the number of GC-container deallocs currently on the C stack (<= unwind level);
 *    trash_later is a LIFO chain of dead, untracked objects linked through the pointer bits of their GC
 *    head's gc_prev (the flag bits stay the object's).
 * Design: docs/design.md §Refcounting and deallocation.
 */
#include <stdlib.h>

#include "mem_fast.h"

static inline size_t presize(rh_runtime *rt, const rh_type *t) {
    size_t n = 0;
    if (t->flags & RH_TPFLAG_GC) n += rt->profile->gc_head_size;
    if (t->flags & (RH_TPFLAG_MANAGED_DICT | RH_TPFLAG_MANAGED_WEAKREF)) /* _PyType_PreHeaderSize */
        n += sizeof(rh_managed_dict);
    return n;
}

size_t rh_presize(rh_runtime *rt, const rh_type *t) { return presize(rt, t); }

size_t rh_sizeof(rh_runtime *rt, rh_object *o) {
    rh_type *t = o->type;
    size_t base = t->size_of ? t->size_of(rt, o) : t->basicsize;
    return base + rh_presize(rt, t);
}

const char *rh_type_name(const rh_object *o) { return o->type->name; }

rh_object *rh__object_alloc(rh_runtime *rt, rh_type *t, size_t size) {
    size_t pre = presize(rt, t);
    if (size > RH_SSIZE_MAX - pre) {
        rh_err_nomemory(rt);
        return NULL;
    }
    char *mem = rh__mem_malloc(rt, pre + size);
    if (!mem) return NULL;
    if (pre) memset(mem, 0, pre);
    rh_object *o = (rh_object *)(mem + pre);
    o->refcnt = 1;
    o->type = t;
    if (t->flags & RH_TPFLAG_HEAPTYPE) rh_incref((rh_object *)t);
    rh__count_alloc(rt, t->kind);
    if (t->flags & RH_TPFLAG_GC) {
        /* _PyObject_GC_Link: count at allocation, collect if over threshold */
        rt->gc.gen[0].count++;
        rh__gc_on_alloc(rt);
    }
    return o;
}

void rh__object_free(rh_runtime *rt, rh_object *o, size_t size) {
    rh_type *t = o->type;
    size_t pre = presize(rt, t);
    rh_assert(!(t->flags & RH_TPFLAG_GC) || !rh__gc_is_tracked(o));
    if ((t->flags & RH_TPFLAG_GC) && rt->gc.gen[0].count > 0) rt->gc.gen[0].count--;
    rh__count_free(rt, t->kind);
    rh__mem_free(rt, (char *)o - pre, size ? size + pre : 0);
}

void rh__object_reuse(rh_runtime *rt, rh_object *o, rh_type *t) {
    o->refcnt = 1;
    o->type = t;
    rh__count_alloc(rt, t->kind);
}

void rh__object_to_freelist(rh_runtime *rt, rh_object *o) { rh__count_free(rt, o->type->kind); }

/* A static object's starting count: the profile's, or immortal where the profile's is 3.12's
 * _Py_IMMORTAL_REFCNT. */
static intptr_t static_refcnt(const rh_runtime *rt) {
    intptr_t n = (intptr_t)rt->profile->static_refcnt;
    return n == RH_REFCNT_IMMORTAL_SEEN ? RH_REFCNT_IMMORTAL : n;
}

void rh__static_init(rh_runtime *rt, rh_object *o, rh_type *t) {
    o->refcnt = static_refcnt(rt);
    o->type = t;
}

static inline int is_static(const rh_runtime *rt, const rh_object *o) {
    const char *p = (const char *)o;
    return p >= rt->statics_lo && p < rt->statics_hi;
}

int rh_is_static(const rh_runtime *rt, const rh_object *o) { return is_static(rt, o); }

void rh_dealloc(rh_runtime *rt, rh_object *o) {
    if (__builtin_expect(is_static(rt, o), 0)) {
        /* A static object's count reached zero: the embedder dropped references it never owned. Keep
         * the object alive (CPython would crash in a debug build); restore a sane count. */
        o->refcnt = static_refcnt(rt);
        return;
    }
    o->type->dealloc(rt, o);
}

/* ---- trashcan ---- */

#define TRASH_FLAGS (((uintptr_t)1 << RH_GC_PREV_SHIFT) - 1) /* FINALIZED, COLLECTING: kept */

static void trash_deposit(rh_runtime *rt, rh_object *o) {
    rh_gchead *g = rh_as_gc(o);
    rh_assert(!rh__gc_is_tracked(o));
    /* link through the pointer bits of gc_prev only: the FINALIZED flag must survive, or a resurrected
     * object that dies at trashcan depth would run __del__ again (CPython keeps the flags too) */
    rh_assert(((uintptr_t)rt->trash_later & TRASH_FLAGS) == 0);
    g->gc_prev = (g->gc_prev & TRASH_FLAGS) | (uintptr_t)rt->trash_later;
    rt->trash_later = o;
    rt->counts.dealloc_deferred++;
}

/* A deposited frame (py27's frame_dealloc under Py_TRASHCAN_SAFE_BEGIN). Deposits after it sit on top
 * of it in one LIFO: a frame starts a new segment of the object chain and keeps the segment below. The
 * node is bookkeeping of the harness's frame, which refheap does not model as memory: plain malloc. */
typedef struct rh_trash_frame {
    struct rh_trash_frame *below;
    rh_object *chain_below;
    rh_object *self;
} rh_trash_frame;

int rh__trash_defer_frame(rh_runtime *rt, rh_object *self) {
    if (!rt->profile->del_frame_in_trashcan || rt->trash_nesting < rt->profile->trashcan_unwind_level) return 0;
    rh_trash_frame *f = malloc(sizeof *f);
    if (!f) return 0; /* the frame is released at once instead: only the timing of self's death differs */
    rh_incref(self);
    f->self = self;
    f->below = rt->trash_frames;
    f->chain_below = rt->trash_later;
    rt->trash_frames = f;
    rt->trash_later = NULL;
    rt->counts.dealloc_deferred++;
    return 1;
}

/* frame_dealloc of a deposited frame: its own trashcan level, then its reference to self */
static void trash_release_frame(rh_runtime *rt) {
    rh_trash_frame *f = rt->trash_frames;
    rt->trash_frames = f->below;
    rt->trash_later = f->chain_below;
    rh_object *self = f->self;
    free(f);
    rt->trash_nesting++;
    rh_decref(rt, self);
    rt->trash_nesting--;
}

static void trash_destroy_chain(rh_runtime *rt) {
    /* Run deferred deallocs one at a time with nesting held at 1, so each may recurse at most
     * unwind_level - 1 deeper before depositing again: the C stack stays bounded and the loop is flat. */
    rt->trash_nesting++;
    while (rt->trash_later || rt->trash_frames) {
        if (!rt->trash_later) {
            trash_release_frame(rt);
            continue;
        }
        rh_object *o = rt->trash_later;
        rt->trash_later = (rh_object *)(rh_as_gc(o)->gc_prev & ~TRASH_FLAGS);
        rh_as_gc(o)->gc_prev &= TRASH_FLAGS;
        rh_assert(o->refcnt == 0);
        o->type->dealloc(rt, o);
    }
    rt->trash_nesting--;
}

int rh__trash_begin(rh_runtime *rt, rh_object *o) {
    if (rt->trash_nesting >= rt->profile->trashcan_unwind_level) {
        trash_deposit(rt, o);
        return 1;
    }
    rt->trash_nesting++;
    return 0;
}

void rh__trash_end(rh_runtime *rt) {
    rt->trash_nesting--;
    if ((rt->trash_later || rt->trash_frames) && rt->trash_nesting == 0) trash_destroy_chain(rt);
}

void rh_object_counts_get(const rh_runtime *rt, rh_object_counts *out) {
    memset(out, 0, sizeof *out);
    for (int k = 0; k < RH_K__COUNT; k++) {
        out->live[k] = rt->counts.made[k] - rt->counts.freed[k];
        out->allocated_total += rt->counts.made[k];
        out->freed_total += rt->counts.freed[k];
    }
    out->live_total = out->allocated_total - out->freed_total;
    out->dealloc_deferred = rt->counts.dealloc_deferred;
}
