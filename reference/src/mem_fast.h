/* mem_fast.h — the runtime's allocation entry points and the object allocation of plain built-in types,
 * inline, for the paths that run once per object (object.c, t_int.c, t_list.c; rh_mem_malloc and
 * rh_mem_free of runtime.c are these functions too).
 *
 * The allocator is a table of callbacks (refheap/alloc.h), so every request is an indirect call. When
 * the table's callback is the built-in pymalloc's (rh__pymalloc_malloc / rh__pymalloc_free), the request
 * instead runs that callback's body inline: rh__pm_malloc / rh__pm_free of obmalloc.h, the very code the
 * callback runs, with the same ctx. Every other allocator (malloc, mimalloc, cpython, jemalloc, tcmalloc,
 * a plug-in, or pymalloc wrapped by the fault injector, whose callbacks are its own) gets the indirect
 * call as before. The two routes have the same effects; only the call is saved. The malloc and free
 * callbacks are tested separately, each where it is used, so a table mixing them stays exact too.
 */
#ifndef REFHEAP_MEM_FAST_H
#define REFHEAP_MEM_FAST_H
#include "internal.h"
#include "obmalloc.h"

/* rh_mem_malloc: n bytes from the runtime's allocator, or NULL + MemoryError. */
static inline void *rh__mem_malloc(rh_runtime *rt, size_t n) {
    void *p;
    if (RH_LIKELY(rt->alloc.malloc == rh__pymalloc_malloc)) p = rh__pm_malloc(rt->alloc.ctx, n);
    else p = n <= RH_SSIZE_MAX ? rt->alloc.malloc(rt->alloc.ctx, n) : NULL;
    if (RH_UNLIKELY(!p)) rh_err_nomemory(rt);
    return p;
}

/* rh_mem_free: give p (may be NULL) back; size as requested, or 0 when unknown. */
static inline void rh__mem_free(rh_runtime *rt, void *p, size_t size) {
    if (RH_LIKELY(rt->alloc.free == rh__pymalloc_free)) rh__pm_free(rt->alloc.ctx, p, size);
    else if (p) rt->alloc.free(rt->alloc.ctx, p, size);
}

/* A plain type: built in (not a class, so instances hold no reference to it), no GC head, no managed
 * dict, so its objects have no pre-header and no gc count (int, float, str, range...). */
static inline bool rh__type_is_plain(const rh_type *t) {
    return (t->flags & (RH_TPFLAG_GC | RH_TPFLAG_MANAGED_DICT | RH_TPFLAG_MANAGED_WEAKREF | RH_TPFLAG_HEAPTYPE)) == 0;
}

/* rh__object_alloc (object.c) for a plain type: the same effects, without the pre-header, type
 * reference and gc count it does not have. */
static inline rh_object *rh__object_alloc_plain(rh_runtime *rt, rh_type *t, size_t size) {
    rh_assert(rh__type_is_plain(t));
    rh_object *o = rh__mem_malloc(rt, size);
    if (RH_UNLIKELY(!o)) return NULL;
    o->refcnt = 1;
    o->type = t;
    rh__count_alloc(rt, t->kind);
    return o;
}

/* rh__object_free (object.c) for an object of a plain type. */
static inline void rh__object_free_plain(rh_runtime *rt, rh_object *o, size_t size) {
    rh_assert(rh__type_is_plain(o->type));
    rh__count_free(rt, o->type->kind);
    rh__mem_free(rt, o, size);
}

#endif
