/* test_dealloc_order.c — the order in which containers and instances release what they hold, seen through
 * __del__ (rt->hooks.call_del) of marker instances, and PEP 442 finalization on the refcount path.
 *
 * CPython 3.11 facts: list_dealloc and tupledealloc release items last to first; dict_dealloc ->
 * free_keys_object releases entries in insertion order, key then value; a split dict releases its values
 * in key order; subtype_dealloc calls the finalizer (PyObject_CallFinalizerFromDealloc: temporary
 * resurrection, FINALIZED bit, stop if resurrected), clears weakrefs, clears __slots__ (subclass first,
 * members sorted), then frees the instance values in shared-key order, then the memory, then drops the
 * class. The expected orders below were printed by /usr/bin/python3 (3.11.2) for the same programs.
 */
#include "internal.h"
#include "rh_test.h"
#include "rh_fixtures.h"

static int order[64], norder;
static rh_object *attr_n;      /* interned "n" */
static rh_object *resurrect_into; /* a list: __del__ appends self to it while set */
static int unraisable_calls, del_fails;
static rh_exc unraisable_kind;
static char unraisable_msg[128];
static rh_object *unraisable_where;
static uint64_t live_start; /* live objects right after the runtime was made */

static int record_del(void *ctx, rh_runtime *rt, rh_object *self) {
    (void)ctx;
    int64_t n = rh_fx_attr_i64(rt, self, attr_n, -1);
    if (norder < 64) order[norder++] = (int)n;
    if (resurrect_into) rh_list_append(rt, resurrect_into, self);
    if (del_fails) {
        rh_err_set(rt, RH_EXC_ZERODIVISION, "division by zero");
        return -1;
    }
    return 0;
}

static void record_unraisable(void *ctx, rh_runtime *rt, rh_exc kind, const char *msg, rh_object *where) {
    (void)ctx, (void)rt;
    unraisable_calls++;
    unraisable_kind = kind;
    snprintf(unraisable_msg, sizeof unraisable_msg, "%s", msg);
    unraisable_where = where;
}

/* A runtime with the recording hooks and the collector disabled; resets this file's recording state. */
static rh_runtime *new_rt(const char *profile) {
    rh_hooks hooks;
    memset(&hooks, 0, sizeof hooks);
    hooks.call_del = record_del;
    hooks.unraisable = record_unraisable;
    rh_runtime *rt = rh_fx_runtime_new(profile, NULL, &hooks, 1);
    live_start = live(rt);
    attr_n = rh_str_intern_utf8(rt, "n", 1);
    norder = 0, resurrect_into = NULL, unraisable_calls = 0, del_fails = 0;
    return rt;
}

static rh_object *S(rh_runtime *rt, const char *s) { return rh_str_intern_utf8(rt, s, strlen(s)); }

static rh_object *make_class(rh_runtime *rt, const char *name, rh_object *base, const char *const *slots,
                             int with_del) {
    rh_object *ns = rh_dict_new(rt), *nm = rh_str_from_cstr(rt, name), *bt = rh_tuple_new(rt, base ? 1 : 0);
    if (base) {
        rh_incref(base);
        rh_tuple_set(bt, 0, base);
    }
    if (slots) rh_fx_set_slots(rt, ns, slots);
    if (with_del) rh_dict_set_cstr(rt, ns, "__del__", rh_none(rt)); /* only the key matters to refheap */
    rh_object *cls = rh_class_new(rt, nm, bt, ns);
    rh_decref(rt, ns), rh_decref(rt, nm), rh_decref(rt, bt);
    return cls;
}

static void drop_class(rh_runtime *rt, rh_object *cls) {
    cls->type->clear(rt, cls);
    rh_decref(rt, cls);
}

/* D(n): an instance of the marker class (which defines __del__) with attribute n */
static rh_object *marker(rh_runtime *rt, rh_object *D, int64_t n) {
    rh_object *o = rh_instance_new(rt, D), *v = rh_int_from_i64(rt, n);
    rh_setattr(rt, o, attr_n, v);
    rh_decref(rt, v);
    return o;
}

static void set_attr(rh_runtime *rt, rh_object *o, const char *name, rh_object *v) {
    rh_object *nm = S(rt, name);
    rh_setattr(rt, o, nm, v);
    rh_decref(rt, nm);
    rh_decref(rt, v); /* the caller's new reference */
}

static int order_is(const int *want, int n) {
    if (norder != n) return 0;
    for (int i = 0; i < n; i++)
        if (order[i] != want[i]) return 0;
    return 1;
}

static void finish(rh_runtime *rt, rh_object *D) {
    drop_class(rt, D);
    rh_decref(rt, attr_n);
    RH_CHECK_EQ_U(live(rt), live_start);
    rh_runtime_free(rt);
}

/* l = [D(1), D(2), D(3)]; del l -> [3, 2, 1] */
RH_TEST(list_releases_items_last_to_first) {
    rh_runtime *rt = new_rt("py311");
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *l = rh_list_new(rt, 3);
    for (int i = 0; i < 3; i++) rh_list_set_init(l, (size_t)i, marker(rt, D, i + 1));
    rh_decref(rt, l);
    static const int want[] = {3, 2, 1};
    RH_CHECK(order_is(want, 3));
    /* clear() too (_list_clear) */
    norder = 0;
    l = rh_list_new(rt, 0);
    for (int i = 0; i < 3; i++) {
        rh_object *m = marker(rt, D, i + 1);
        rh_list_append(rt, l, m);
        rh_decref(rt, m);
    }
    rh_list_clear(rt, l);
    RH_CHECK(order_is(want, 3));
    rh_decref(rt, l);
    finish(rt, D);
}

/* t = (D(1), D(2), D(3)); del t -> [3, 2, 1] */
RH_TEST(tuple_releases_items_last_to_first) {
    rh_runtime *rt = new_rt("py311");
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *t = rh_tuple_new(rt, 3);
    for (int i = 0; i < 3; i++) rh_tuple_set(t, (size_t)i, marker(rt, D, i + 1));
    rh_decref(rt, t);
    static const int want[] = {3, 2, 1};
    RH_CHECK(order_is(want, 3));
    finish(rt, D);
}

/* {D(1): D(2), D(3): D(4), D(5): D(6)} with the middle entry deleted and re-added at the end:
 * free_keys_object walks entries in insertion order, key then value -> [1, 2, 5, 6, 3, 4] after the
 * deleted pair (3, 4) went when it was deleted and came back as (7, 8) */
RH_TEST(dict_releases_key_then_value_in_insertion_order) {
    rh_runtime *rt = new_rt("py311");
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *d = rh_dict_new(rt), *k[4], *v[4];
    for (int i = 0; i < 3; i++) {
        k[i] = marker(rt, D, 2 * i + 1), v[i] = marker(rt, D, 2 * i + 2);
        rh_dict_set(rt, d, k[i], v[i]);
        rh_decref(rt, v[i]);
    }
    rh_decref(rt, k[0]), rh_decref(rt, k[1]), rh_decref(rt, k[2]);
    rh_dict_del(rt, d, k[1]); /* still alive (the dict holds it); delitem_common drops key, then value */
    static const int after_del[] = {3, 4};
    RH_CHECK(order_is(after_del, 2));
    k[3] = marker(rt, D, 7), v[3] = marker(rt, D, 8);
    rh_dict_set(rt, d, k[3], v[3]);
    rh_decref(rt, k[3]), rh_decref(rt, v[3]);
    norder = 0;
    rh_decref(rt, d);
    static const int want[] = {1, 2, 5, 6, 7, 8};
    RH_CHECK(order_is(want, 6));
    finish(rt, D);
}

/* class S: __slots__ = ('zz', 'b', 'a'); class T(S): __slots__ = ('y', 'c') -> python3 frees
 * ['c', 'y', 'a', 'b', 'zz']: T's members (sorted) first, then S's (sorted) */
RH_TEST(instance_releases_slots_subclass_first_in_sorted_order) {
    rh_runtime *rt = new_rt("py311");
    static const char *const s1[] = {"zz", "b", "a", NULL}, *const s2[] = {"y", "c", NULL};
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *Sc = make_class(rt, "S", NULL, s1, 0);
    rh_object *T = make_class(rt, "T", Sc, s2, 0), *t = rh_instance_new(rt, T);
    /* zz=1, b=2, a=3, y=4, c=5 */
    set_attr(rt, t, "zz", marker(rt, D, 1)), set_attr(rt, t, "b", marker(rt, D, 2)),
        set_attr(rt, t, "a", marker(rt, D, 3));
    set_attr(rt, t, "y", marker(rt, D, 4)), set_attr(rt, t, "c", marker(rt, D, 5));
    rh_decref(rt, t);
    static const int want[] = {5, 4, 3, 2, 1};
    RH_CHECK(order_is(want, 5));
    drop_class(rt, T), drop_class(rt, Sc);
    finish(rt, D);
}

/* class P: pass (python3 prints the orders in the comments):
 *   p.x, p.a, p.m = D('x'), D('a'), D('m'); del p.x; p.x = D('x2'); del p  -> ['x', 'x2', 'a', 'm']
 *   q.m, q.a, q.x = ...; del q                                          -> ['x', 'a', 'm'] (key order)
 *   r.x, r.a; d = r.__dict__; d['new'] = D('new'); del d, r             -> ['x', 'a', 'new'] */
RH_TEST(instance_releases_values_in_shared_key_order) {
    rh_runtime *rt = new_rt("py311");
    enum { X = 1, A = 2, M = 3, X2 = 4, NEW = 5 };
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *P = make_class(rt, "P", NULL, NULL, 0);
    rh_object *p = rh_instance_new(rt, P), *xn = S(rt, "x");
    set_attr(rt, p, "x", marker(rt, D, X)), set_attr(rt, p, "a", marker(rt, D, A)),
        set_attr(rt, p, "m", marker(rt, D, M));
    rh_delattr(rt, p, xn);
    set_attr(rt, p, "x", marker(rt, D, X2));
    rh_decref(rt, p);
    static const int w1[] = {X, X2, A, M};
    RH_CHECK(order_is(w1, 4));
    norder = 0;
    rh_object *q = rh_instance_new(rt, P);
    set_attr(rt, q, "m", marker(rt, D, M)), set_attr(rt, q, "a", marker(rt, D, A)),
        set_attr(rt, q, "x", marker(rt, D, X));
    rh_decref(rt, q);
    static const int w2[] = {X, A, M};
    RH_CHECK(order_is(w2, 3));
    norder = 0;
    rh_object *r = rh_instance_new(rt, P);
    set_attr(rt, r, "x", marker(rt, D, X)), set_attr(rt, r, "a", marker(rt, D, A));
    rh_object *d = rh_instance_dict(rt, r), *newn = S(rt, "new"), *nv = marker(rt, D, NEW);
    rh_dict_set(rt, d, newn, nv);
    rh_decref(rt, nv), rh_decref(rt, newn), rh_decref(rt, d), rh_decref(rt, r);
    static const int w3[] = {X, A, NEW};
    RH_CHECK(order_is(w3, 3));
    rh_decref(rt, xn);
    drop_class(rt, P);
    finish(rt, D);
}

/* PEP 442 on the refcount path: a __del__ that stores self resurrects it (the dealloc stops, the object
 * stays tracked and FINALIZED); when it dies again __del__ does not run a second time */
RH_TEST(del_runs_once_and_resurrection_stops_the_dealloc) {
    rh_runtime *rt = new_rt("py311");
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *keep = rh_list_new(rt, 0);
    rh_object *o = marker(rt, D, 7);
    uint64_t before = live(rt);
    resurrect_into = keep;
    rh_decref(rt, o);
    resurrect_into = NULL;
    static const int once[] = {7};
    RH_CHECK(order_is(once, 1));
    RH_CHECK_EQ_U(rh_list_len(keep), 1);
    RH_CHECK(rh_list_get(keep, 0) == o);
    RH_CHECK_EQ_I(rh_refcount(o), 1);
    RH_CHECK(rh_gc_is_tracked(o));
    RH_CHECK(rh_gc_is_finalized(o));
    RH_CHECK_EQ_U(live(rt), before);
    rh_list_clear(rt, keep); /* dies again: no second __del__ */
    RH_CHECK(order_is(once, 1));
    RH_CHECK_EQ_U(live(rt), before - 1);
    rh_decref(rt, keep);
    finish(rt, D);
}

/* The FINALIZED bit survives a trip through the trashcan (CPython's _PyGCHead_SET_PREV keeps the flag
 * bits of _gc_prev when it links a deferred object): a resurrected object that later dies inside 50
 * nested lists — so that its own dealloc is the one deferred — does not run __del__ again. */
RH_TEST(finalized_bit_survives_the_trashcan) {
    rh_runtime *rt = new_rt("py311");
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *keep = rh_list_new(rt, 0), *o = marker(rt, D, 5);
    resurrect_into = keep;
    rh_decref(rt, o); /* __del__ runs and resurrects */
    resurrect_into = NULL;
    rh_object *t = rh_list_new(rt, 1);
    rh_incref(o);
    rh_list_set_init(t, 0, o);
    for (int i = 0; i < 49; i++) { /* o ends up inside 50 lists */
        rh_object *l = rh_list_new(rt, 1);
        rh_list_set_init(l, 0, t);
        t = l;
    }
    rh_list_clear(rt, keep);
    rh_object_counts c0, c1;
    rh_object_counts_get(rt, &c0);
    rh_decref(rt, t);
    rh_object_counts_get(rt, &c1);
    RH_CHECK_EQ_U(c1.dealloc_deferred - c0.dealloc_deferred, 1); /* o itself was deferred */
    static const int once[] = {5};
    RH_CHECK(order_is(once, 1));
    rh_decref(rt, keep);
    finish(rt, D);
}

/* py27 profile: tp_del runs at every death (no FINALIZED bit in 2.7) */
RH_TEST(py27_legacy_del_runs_at_each_death) {
    rh_runtime *rt = new_rt("py27");
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *keep = rh_list_new(rt, 0), *o = marker(rt, D, 9);
    RH_CHECK(((rh_type *)(void *)D)->flags & RH_TPFLAG_LEGACY_DEL);
    resurrect_into = keep;
    rh_decref(rt, o);
    resurrect_into = NULL;
    rh_list_clear(rt, keep);
    static const int twice[] = {9, 9};
    RH_CHECK(order_is(twice, 2));
    rh_decref(rt, keep);
    finish(rt, D);
}

/* slot_tp_finalize: a failing __del__ is reported as unraisable (attributed to the object) and cleared;
 * an error pending before the dealloc is kept */
RH_TEST(del_failure_is_reported_as_unraisable) {
    rh_runtime *rt = new_rt("py311");
    rh_object *D = make_class(rt, "D", NULL, NULL, 1), *o = marker(rt, D, 3);
    rh_object *where_expected = o;
    rh_err_set(rt, RH_EXC_VALUE, "pending");
    del_fails = 1;
    rh_decref(rt, o);
    del_fails = 0;
    RH_CHECK_EQ_I(unraisable_calls, 1);
    RH_CHECK_EQ_I(unraisable_kind, RH_EXC_ZERODIVISION);
    RH_CHECK_STR(unraisable_msg, "division by zero");
    RH_CHECK(unraisable_where == where_expected);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_VALUE);
    RH_CHECK_STR(rh_err_message(rt), "pending");
    rh_err_clear(rt);
    finish(rt, D);
}

RH_TEST_MAIN()
