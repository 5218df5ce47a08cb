/* test_weakref.c — weakref.ref (reference/src/t_weakref.c) and the collector's handle_weakrefs, against
 * CPython 3.11 Objects/weakrefobject.c and Modules/gcmodule.c (each case names the function). */
#include "gc_test_util.h"

/* PyWeakReference is 64 bytes + 16 GC head: sys.getsizeof(weakref.ref(o)) == 80 on 3.11 (measured);
 * weakref___new__ re-uses the callback-less ref; a ref with a callback is always new. */
RH_TEST(ref_size_tracking_and_reuse) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0), *o = rh_instance_new(rt, C), *cb = rh_list_new(rt, 0);
    rh_object *r = rh_weakref_new(rt, o, NULL);
    RH_CHECK(r != NULL);
    RH_CHECK_EQ_U(rh_sizeof(rt, r), 80);
    RH_CHECK(rh_gc_is_tracked(r));
    RH_CHECK_STR(rh_type_name(r), "weakref.ReferenceType");
    rh_object *r_again = rh_weakref_new(rt, o, rh_none(rt)); /* callback None == no callback */
    RH_CHECK(r_again == r);
    rh_object *rc = rh_weakref_new(rt, o, cb);
    RH_CHECK(rc != r);
    RH_CHECK(rh_weakref_callback(rt, rc) == cb);
    RH_CHECK(rh_weakref_callback(rt, r) == rh_none(rt));
    RH_CHECK(rh_weakref_get(rt, r) == o);
    RH_CHECK_EQ_I(rh_weakref_count(o), 2);
    rh_decref(rt, r_again); rh_decref(rt, r); rh_decref(rt, rc);
    RH_CHECK_EQ_I(rh_weakref_count(o), 0);
    rh_decref(rt, o); rh_decref(rt, cb); rh_decref(rt, C);
    gct_free(rt);
}

/* weakref___new__: "cannot create weak reference to 'int' object" for types without a weakref slot. */
RH_TEST(ref_to_int_is_type_error) {
    rh_runtime *rt = gct_new("py311");
    rh_object *n = rh_int_from_i64(rt, 12345), *l = rh_list_new(rt, 0);
    RH_CHECK(rh_weakref_new(rt, n, NULL) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_TYPE);
    RH_CHECK_STR(rh_err_message(rt), "cannot create weak reference to 'int' object");
    rh_err_clear(rt);
    RH_CHECK(rh_weakref_new(rt, l, NULL) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "cannot create weak reference to 'list' object");
    rh_err_clear(rt);
    RH_CHECK_EQ_I(rh_weakref_count(n), 0);
    rh_decref(rt, n); rh_decref(rt, l);
    gct_free(rt);
}

/* List order (insert_head / insert_after the basic ref) and PyObject_ClearWeakRefs at refcount death:
 * getweakrefs == [r0, r2, r1]; callbacks run cb2 then cb1 with the dead ref as argument (measured on
 * 3.11: prints cb2, cb1). */
RH_TEST(refcount_death_clears_refs_and_calls_newest_callback_first) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0), *o = rh_instance_new(rt, C);
    rh_object *cb1 = rh_list_new(rt, 0), *cb2 = rh_list_new(rt, 0);
    rh_object *r1 = rh_weakref_new(rt, o, cb1), *r2 = rh_weakref_new(rt, o, cb2), *r0 = rh_weakref_new(rt, o, NULL);
    rh_object *lst = rh_weakref_list(rt, o);
    RH_CHECK_EQ_U(rh_list_len(lst), 3);
    RH_CHECK(rh_list_get(lst, 0) == r0 && rh_list_get(lst, 1) == r2 && rh_list_get(lst, 2) == r1);
    rh_decref(rt, lst);
    S.ncalls = 0;
    rh_decref(rt, o);
    RH_CHECK_EQ_I(S.ncalls, 2);
    RH_CHECK(S.call_fn[0] == cb2 && S.call_arg0[0] == r2);
    RH_CHECK(S.call_fn[1] == cb1 && S.call_arg0[1] == r1);
    RH_CHECK(rh_weakref_get(rt, r0) == rh_none(rt) && rh_weakref_get(rt, r1) == rh_none(rt));
    RH_CHECK(rh_weakref_callback(rt, r1) == rh_none(rt));
    rh_decref(rt, r0); rh_decref(rt, r1); rh_decref(rt, r2);
    rh_decref(rt, cb1); rh_decref(rt, cb2); rh_decref(rt, C);
    gct_free(rt);
}

/* One ref with a callback (PyObject_ClearWeakRefs count == 1 path); a failing callback is reported
 * as unraisable and leaves no error pending. */
RH_TEST(single_callback_runs_and_errors_are_unraisable) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0), *o = rh_instance_new(rt, C), *cb = rh_list_new(rt, 0);
    rh_object *r = rh_weakref_new(rt, o, cb);
    S.fail_calls = 1;
    rh_decref(rt, o);
    RH_CHECK_EQ_I(S.ncalls, 1);
    RH_CHECK(S.call_arg0[0] == r);
    RH_CHECK_EQ_I(S.nunraisable, 1);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_NONE);
    RH_CHECK(rh_weakref_get(rt, r) == rh_none(rt));
    S.fail_calls = 0;
    rh_decref(rt, r); rh_decref(rt, cb); rh_decref(rt, C);
    gct_free(rt);
}

/* handle_weakrefs: weakrefs to cyclic trash are cleared; the callback of a reachable weakref runs
 * (measured on 3.11: "reachable cb True"), that of a weakref which is itself trash never runs. */
RH_TEST(collector_clears_weakrefs_and_runs_only_reachable_callbacks) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0);
    rh_object *trash_cb = rh_list_new(rt, 0), *live_cb = rh_list_new(rt, 0);
    rh_object *a = rh_instance_new(rt, C), *b = rh_instance_new(rt, C);
    gct_setattr(rt, a, "x", b);
    gct_setattr(rt, b, "x", a);
    rh_object *w = rh_weakref_new(rt, a, trash_cb); /* only b will hold w: w is trash too */
    gct_setattr(rt, b, "w", w);
    rh_decref(rt, w);
    rh_object *w2 = rh_weakref_new(rt, b, live_cb); /* held by the test: reachable */
    rh_decref(rt, a);
    rh_decref(rt, b);
    S.ncalls = 0;
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 3); /* a, b, w */
    RH_CHECK_EQ_I(S.ncalls, 1);
    RH_CHECK(S.call_fn[0] == live_cb && S.call_arg0[0] == w2);
    RH_CHECK(rh_weakref_get(rt, w2) == rh_none(rt));
    RH_CHECK(rh_weakref_callback(rt, w2) == live_cb); /* _PyWeakref_ClearRef keeps the callback */
    RH_CHECK(gct_tracked_in(rt, 2, w2));
    GCT_CHECK_INVARIANTS(rt);
    rh_decref(rt, w2);
    rh_decref(rt, trash_cb); rh_decref(rt, live_cb); rh_decref(rt, C);
    gct_free(rt);
}

/* handle_weakrefs: a reachable weakref whose last owner lets go during its callback dies right after
 * it and is counted as collected (num_freed); one that survives moves to the older generation. */
RH_TEST(weakref_freed_by_its_callback_counts_as_collected) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0), *cb = rh_list_new(rt, 0), *holder = rh_list_new(rt, 0);
    rh_object *a = rh_instance_new(rt, C);
    gct_setattr(rt, a, "me", a);
    rh_object *w = rh_weakref_new(rt, a, cb);
    rh_list_append(rt, holder, w);
    rh_decref(rt, w);
    rh_decref(rt, a);
    S.clear_on_call = holder;
    RH_CHECK_EQ_I(rh_gc_collect(rt, 2), 2); /* a, and w freed after its callback */
    RH_CHECK_EQ_I(S.ncalls, 1);
    rh_object *a2 = rh_instance_new(rt, C);
    gct_setattr(rt, a2, "me", a2);
    rh_object *w2 = rh_weakref_new(rt, a2, cb);
    rh_decref(rt, a2);
    RH_CHECK_EQ_I(rh_gc_collect(rt, 0), 1); /* only a2: w2 survives its callback */
    RH_CHECK(gct_tracked_in(rt, 1, w2));
    rh_decref(rt, w2);
    rh_decref(rt, holder); rh_decref(rt, cb); rh_decref(rt, C);
    gct_free(rt);
}

/* weakref.getweakrefcount / getweakrefs on an object without a slot: 0 and []. */
RH_TEST(getweakrefcount_and_getweakrefs) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0), *o = rh_instance_new(rt, C), *l = rh_list_new(rt, 0);
    RH_CHECK_EQ_I(rh_weakref_count(o), 0);
    rh_object *r = rh_weakref_new(rt, o, NULL);
    RH_CHECK_EQ_I(rh_weakref_count(o), 1);
    rh_object *refs = rh_weakref_list(rt, o);
    RH_CHECK(rh_list_len(refs) == 1 && rh_list_get(refs, 0) == r);
    rh_decref(rt, refs);
    refs = rh_weakref_list(rt, l);
    RH_CHECK_EQ_U(rh_list_len(refs), 0);
    rh_decref(rt, refs);
    rh_decref(rt, r); rh_decref(rt, o); rh_decref(rt, l); rh_decref(rt, C);
    gct_free(rt);
}

/* weakref objects have no weakref slot: "cannot create weak reference to 'weakref.ReferenceType'
 * object" (measured on 3.11). */
RH_TEST(ref_to_a_weakref_is_type_error) {
    rh_runtime *rt = gct_new("py311");
    rh_object *C = gct_class(rt, "C", 0), *o = rh_instance_new(rt, C);
    rh_object *r = rh_weakref_new(rt, o, NULL);
    RH_CHECK(rh_weakref_new(rt, r, NULL) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "cannot create weak reference to 'weakref.ReferenceType' object");
    rh_err_clear(rt);
    rh_decref(rt, r); rh_decref(rt, o); rh_decref(rt, C);
    gct_free(rt);
}

RH_TEST_MAIN()
