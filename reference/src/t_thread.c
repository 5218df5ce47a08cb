/* t_thread.c — _thread.lock and _thread.RLock objects (CPython 3.11 Modules/_threadmodule.c: lockobject,
 * rlockobject; lock_dealloc, rlock_dealloc, lock_repr, rlock_repr, lock_traverse, rlock_traverse).
 *
 * Owns the kinds RH_K_THREAD_LOCK and RH_K_THREAD_RLOCK: allocation, dealloc, sizes and repr. What the
 * methods do with the fields (acquire, release, the owner and count) is the interpreter's business
 * (harness/src/mod_thread.c). refheap runs one thread, so no OS lock stands behind the objects: the
 * `lock_lock` words are kept (always NULL) only so that the layout, and with it sys.getsizeof, is
 * CPython's.
 *
 * Invariants: both are GC types tracked from creation to dealloc (3.10+ make them heap types with
 * Py_TPFLAGS_HAVE_GC whose tp_alloc, PyType_GenericAlloc, tracks; their traverse visits only the type,
 * which for refheap's static types is nothing). Sizes: lockobject 40 bytes, rlockobject 48, plus the GC
 * head (sys.getsizeof 56 / 64 in 3.10-3.13). Both are weak-referenceable (in_weakreflist).
 */
#include "callables.h"
#include "refheap/modtypes.h"

rh_object *rh_thread_lock_new(rh_runtime *rt) {
    rh_object *o = new_gc(rt, RH_K_THREAD_LOCK, sizeof(rh_thread_lock));
    if (o) rh__gc_track(rt, o);
    return o;
}

rh_object *rh_thread_rlock_new(rh_runtime *rt) {
    rh_object *o = new_gc(rt, RH_K_THREAD_RLOCK, sizeof(rh_thread_rlock));
    if (o) rh__gc_track(rt, o);
    return o;
}

static rh_thread_lock *L(rh_object *o) { return (rh_thread_lock *)(void *)o; }
static rh_thread_rlock *R(rh_object *o) { return (rh_thread_rlock *)(void *)o; }

/* lock_traverse / rlock_traverse: Py_VISIT(Py_TYPE(self)) only; a static type is no GC object here */
static int lock_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    (void)o; (void)visit; (void)arg;
    return 0;
}

/* lock_dealloc: untrack, clear weakrefs, free (a held lock is simply dropped: there is no OS lock) */
static void lock_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    if (L(o)->weaklist) rh__weakref_clear_all(rt, o);
    rh__object_free(rt, o, sizeof(rh_thread_lock));
}

static void rlock_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    if (R(o)->weaklist) rh__weakref_clear_all(rt, o);
    rh__object_free(rt, o, sizeof(rh_thread_rlock));
}

/* lock_repr: <locked|unlocked _thread.lock object at 0x...> */
static int lock_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s %s object at %p>", L(o)->locked ? "locked" : "unlocked", o->type->name, (void *)o);
}

/* rlock_repr: <locked|unlocked _thread.RLock object owner=N count=N at 0x...> */
static int rlock_repr_into(rh__sb *b, rh_object *o) {
    rh_thread_rlock *r = R(o);
    return rh__sb_printf(b, "<%s %s object owner=%ld count=%lu at %p>", r->count ? "locked" : "unlocked",
                         o->type->name, (long)r->owner, r->count, (void *)o);
}

void rh__type_init_thread_lock(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "_thread.lock", sizeof(rh_thread_lock), offsetof(rh_thread_lock, weaklist), lock_dealloc,
             lock_traverse, NULL);
    t->repr_into = lock_repr_into;
}

void rh__type_init_thread_rlock(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "_thread.RLock", sizeof(rh_thread_rlock), offsetof(rh_thread_rlock, weaklist), rlock_dealloc,
             lock_traverse, NULL);
    t->repr_into = rlock_repr_into;
}
