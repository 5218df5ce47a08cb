/* refheap/gc.h — the three-generation cyclic collector and weak references (CPython 3.11's gc module
 * and weakref.ref), as an API the workload interpreter binds to `gc` / `weakref` / `sys`.
 *
 * Semantics are CPython 3.11's (Modules/gcmodule.c; docs/gc.md): thresholds from the profile, count0 up
 * at allocation of a GC object and down at its deallocation (freelists excluded), automatic collection
 * inside the allocation when count0 > threshold0, the long-lived rule for full collections, PEP 442
 * finalizers (py3 profiles) or legacy uncollectable finalizers into gc.garbage (py27), weakref clearing
 * and callbacks, freeze. Implementation: reference/src/gc*.c, t_weakref.c.
 */
#ifndef REFHEAP_GC_H
#define REFHEAP_GC_H
#include <stdint.h>

#include "refheap/object.h"
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RH_GC_DEBUG_STATS 1
#define RH_GC_DEBUG_COLLECTABLE 2
#define RH_GC_DEBUG_UNCOLLECTABLE 4
#define RH_GC_DEBUG_SAVEALL 32
#define RH_GC_DEBUG_LEAK 38

/* gc.collect(generation): returns collected + uncollectable (>= 0), or -1 with ValueError for a bad
 * generation ("invalid generation"). Returns 0 when a collection is already running. Runs gc.callbacks. */
int64_t rh_gc_collect(rh_runtime *rt, int generation);
void rh_gc_enable(rh_runtime *rt);
void rh_gc_disable(rh_runtime *rt);
int rh_gc_isenabled(rh_runtime *rt);
void rh_gc_get_count(rh_runtime *rt, int out[3]);
void rh_gc_get_threshold(rh_runtime *rt, int out[3]);
void rh_gc_set_threshold(rh_runtime *rt, int t0, int t1, int t2);  /* pass -1 to keep a value */
void rh_gc_run_scheduled(rh_runtime *rt); /* py312+ profiles: run a collection scheduled at allocation */
int rh_gc_is_tracked(rh_object *o);
int rh_gc_is_finalized(rh_object *o);
/* Move the tracked object o to the end of generation `generation`'s list (counts unchanged): for objects
 * an embedder makes before the program and that CPython's start-up has already moved to an older
 * generation (the __main__ dict lives in generation 1 when a 3.x or 2.7 program starts:
 * gc.get_objects(1)); where an object sits decides the order in which a collection scans it. o borrowed.
 * Returns 0, or -1 when o is not tracked or the generation is out of range. */
int rh_gc_move_to_generation(rh_runtime *rt, rh_object *o, int generation);
/* gc.get_objects(generation): new list; generation -1 = all three. */
rh_object *rh_gc_get_objects(rh_runtime *rt, int generation);
/* gc.get_referents(o) / gc.get_referrers(o): new lists. */
rh_object *rh_gc_get_referents(rh_runtime *rt, rh_object *o);
rh_object *rh_gc_get_referrers(rh_runtime *rt, rh_object *o);
void rh_gc_freeze(rh_runtime *rt);
void rh_gc_unfreeze(rh_runtime *rt);
int64_t rh_gc_get_freeze_count(rh_runtime *rt);
/* gc.get_stats(): new list of 3 dicts {collections, collected, uncollectable}. */
rh_object *rh_gc_get_stats(rh_runtime *rt);
void rh_gc_set_debug(rh_runtime *rt, int flags);
int rh_gc_get_debug(rh_runtime *rt);
/* gc.garbage and gc.callbacks: the runtime's own lists (borrowed; the interpreter exposes them as the
 * module attributes, so appending from Python code is seen by the collector). */
rh_object *rh_gc_garbage(rh_runtime *rt);
rh_object *rh_gc_callbacks(rh_runtime *rt);

/* Objects CPython makes while it starts (a built-in type's method descriptors, in its tp_dict) that
 * refheap makes when a program first asks for them: allocations between rh_gc_startup_begin and
 * rh_gc_startup_end neither count toward generation 0 nor start a collection, so the program's gc counts
 * and collections stay where CPython's are. Keep the section short and allocation-only. */
typedef struct rh_gc_startup { int count0, enabled; } rh_gc_startup;
void rh_gc_startup_begin(rh_runtime *rt, rh_gc_startup *save);
void rh_gc_startup_end(rh_runtime *rt, const rh_gc_startup *save);

/* Per-collection record, for reports and benchmarks. */
typedef struct rh_gc_pause {
    int generation;
    uint64_t start_ns;       /* CLOCK_MONOTONIC */
    uint64_t duration_ns;
    uint64_t examined;       /* objects in the generations collected */
    uint64_t collected;
    uint64_t uncollectable;
} rh_gc_pause;
/* Copy up to max records made since the last call (oldest first) into out; returns the count. */
size_t rh_gc_take_pauses(rh_runtime *rt, rh_gc_pause *out, size_t max);

/* ---- weak references (t_weakref.c): weakref.ref(o[, callback]) ----
 * rh_weakref_new: new reference; TypeError "cannot create weak reference to 'int' object" for types
 * without a weakref slot; reuses an existing callback-less ref as CPython does. */
rh_object *rh_weakref_new(rh_runtime *rt, rh_object *o, rh_object *callback);
/* rh_weakref_new_type: weakref___new__(type, o, callback) for type weakref.ref or a class deriving from it
 * (borrowed): a class's instance is never shared and never the list head's basic ref (get_basic_refs
 * checks the exact type); new reference, or NULL with TypeError. */
rh_object *rh_weakref_new_type(rh_runtime *rt, rh_object *type, rh_object *o, rh_object *callback);
/* rh_weakproxy_new: _weakref.proxy(o[, callback]), a weakref.ProxyType (PyWeakref_NewProxy): new reference;
 * reuses the referent's callback-less proxy; same TypeError as rh_weakref_new. rh_weakref_get and
 * rh_weakref_callback read proxies too. */
rh_object *rh_weakproxy_new(rh_runtime *rt, rh_object *o, rh_object *callback);
/* weakref.CallableProxyType (borrowed, lives with the runtime): the type of a proxy to a callable referent;
 * kind RH_K_WEAKPROXY as ProxyType, plus tp_call (proxy_call: the referent called). */
rh_type *rh_weakcallproxy_type(rh_runtime *rt);
rh_object *rh_weakref_get(rh_runtime *rt, rh_object *ref);      /* borrowed referent or None (borrowed) */
rh_object *rh_weakref_callback(rh_runtime *rt, rh_object *ref); /* borrowed, may be None */
int64_t rh_weakref_count(rh_object *o);              /* weakref.getweakrefcount */
rh_object *rh_weakref_list(rh_runtime *rt, rh_object *o);  /* weakref.getweakrefs: new list */

/* Hook the interpreter provides to call a Python callable (weakref callbacks, gc.callbacks):
 * call fn(args...) and drop the result; 0 or -1 with the error set. Installed with rh_gc_set_caller. */
typedef int (*rh_call_fn)(void *ctx, rh_runtime *rt, rh_object *fn, rh_object *args_tuple);
void rh_gc_set_caller(rh_runtime *rt, rh_call_fn fn, void *ctx);
/* The same hook for a call with one argument, as PyObject_CallOneArg makes it: no argument tuple (weakref
 * callbacks: handle_callback, gc's handle_weakrefs). Optional, set after rh_gc_set_caller and called with
 * its ctx; without it such calls pack a 1-tuple for rh_call_fn. */
typedef int (*rh_call1_fn)(void *ctx, rh_runtime *rt, rh_object *fn, rh_object *arg);
void rh_gc_set_caller1(rh_runtime *rt, rh_call1_fn fn);

#ifdef __cplusplus
}
#endif
#endif
