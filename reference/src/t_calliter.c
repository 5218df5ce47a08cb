/* t_calliter.c — callable_iterator: iter(callable, sentinel) (CPython 3.11 Objects/iterobject.c
 * calliterobject: PyCallIter_New, calliter_iternext, calliter_traverse, calliter_dealloc).
 *
 * Owns the kind RH_K_CALLITER: 32 bytes (the header, the callable and the sentinel) plus the GC head,
 * GC-tracked from creation. Each next() calls the callable with no arguments; a result equal to the
 * sentinel (PyObject_RichCompareBool, sentinel first) or a StopIteration from the call ends the iterator,
 * which then drops both references and stays exhausted; any other error is passed on and the iterator
 * stays usable. re's Pattern.finditer is iter(scanner.search, None).
 */
#include "callables.h"

typedef struct rh_calliter {
    rh_object ob;
    rh_object *callable, *sentinel; /* owned; both NULL once exhausted */
} rh_calliter;

_Static_assert(sizeof(rh_calliter) == 32, "calliterobject is 32 bytes");

static rh_calliter *C(rh_object *o) { return (rh_calliter *)(void *)o; }

rh_object *rh_calliter_new(rh_runtime *rt, rh_object *callable, rh_object *sentinel) {
    rh_object *o = new_gc(rt, RH_K_CALLITER, sizeof(rh_calliter));
    if (!o) return NULL;
    rh_incref(callable);
    rh_incref(sentinel);
    C(o)->callable = callable;
    C(o)->sentinel = sentinel;
    rh__gc_track(rt, o);
    return o;
}

static void calliter_drop(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &C(o)->callable);
    clear_slot(rt, &C(o)->sentinel);
}

static rh_object *calliter_next(rh_runtime *rt, rh_object *o) {
    if (!C(o)->callable) return NULL;
    rh_object *r = rh_call(rt, C(o)->callable, NULL, 0);
    if (r) {
        int eq = rh__richcompare_bool(rt, C(o)->sentinel, r, RH_CMP_EQ);
        if (eq == 0) return r;
        rh_decref(rt, r);
        if (eq > 0) calliter_drop(rt, o);
    } else if (rh_err_occurred(rt) == RH_EXC_STOPITERATION) {
        rh_err_clear(rt);
        calliter_drop(rt, o);
    }
    return NULL;
}

static rh_object *calliter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static int calliter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(C(o)->callable);
    VISIT(C(o)->sentinel);
    return 0;
}

static int calliter_clear(rh_runtime *rt, rh_object *o) {
    calliter_drop(rt, o);
    return 0;
}

static void calliter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    calliter_drop(rt, o);
    rh__object_free(rt, o, sizeof(rh_calliter));
}

void rh__type_init_calliter(rh_runtime *rt, rh_type *t) {
    /* 2.7 Objects/iterobject.c PyCallIter_Type: "callable-iterator" */
    set_type(t, rh_runtime_profile(rt)->python2 ? "callable-iterator" : "callable_iterator", sizeof(rh_calliter), 0, calliter_dealloc, calliter_traverse, calliter_clear);
    t->tp_iter = calliter_self;
    t->tp_iternext = calliter_next;
}
