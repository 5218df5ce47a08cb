/* test_tuple.c — tuples as CPython 3.11 (Objects/tupleobject.c): sizes, the () singleton, per-size
 * freelists with the 3.11 size-20 quirk, gc count0 accounting, _PyTuple_MaybeUntrack, slicing and
 * concatenation, allocation failure. CPython: maybe_freelist_pop/maybe_freelist_push, tupledealloc,
 * _PyTuple_MaybeUntrack (Objects/tupleobject.c, 3.11); sizes measured on /usr/bin/python3 (3.11.2).
 */
#include "internal.h"
#include "rh_test.h"
#include "rh_fixtures.h"

/* A runtime with the collector disabled: count0 is observed exactly, no automatic collection may reset
 * it. failing: on the failing allocator of rh_fixtures.h, refusing an overflowing calloc before it counts
 * as a request (refuse_overflow 1). */
static rh_runtime *new_rt(const char *profile, int failing) {
    return failing ? rh_fx_failing_runtime(profile, 1, 1) : rh_fx_runtime_new(profile, NULL, NULL, 1);
}

static rh_object *int_tuple(rh_runtime *rt, size_t n) {
    rh_object *t = rh_tuple_new(rt, n);
    for (size_t i = 0; t && i < n; i++) rh_tuple_set(t, i, rh_int_from_i64(rt, (int64_t)i));
    return t;
}

/* tuple: 24 + 8n + 16-byte GC head (measured: () 40, (1,) 48) */
RH_TEST(tuple_sizes_are_24_plus_8n_plus_gc_head) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    size_t ns[] = {0, 1, 2, 3, 10, 20, 21, 100};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        rh_object *t = int_tuple(rt, ns[i]);
        RH_CHECK_EQ_U(rh_sizeof(rt, t), 40 + 8 * ns[i]);
        rh_decref(rt, t);
    }
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
    /* py27: 32-byte GC head -> () is 56, (1,) 64 */
    rt = new_rt("py27", 0);
    rh_object *t = int_tuple(rt, 1);
    RH_CHECK_EQ_U(rh_sizeof(rt, rh_empty_tuple(rt)), 56);
    RH_CHECK_EQ_U(rh_sizeof(rt, t), 64);
    rh_decref(rt, t);
    rh_runtime_free(rt);
}

/* PyTuple_New(0) returns the static empty tuple; tupleconcat / tuplesubscript return an operand itself */
RH_TEST(empty_tuple_is_the_static_singleton) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *e = rh_tuple_new(rt, 0), *a = int_tuple(rt, 2);
    RH_CHECK(e == rh_empty_tuple(rt) && rh_is_static(rt, e));
    RH_CHECK(!rh_gc_is_tracked(e));
    RH_CHECK_EQ_U(live(rt), l0 + 1 + 0); /* only `a` is a heap object (its ints are small-int statics) */
    rh_object *c1 = rh_tuple_concat(rt, a, e), *c2 = rh_tuple_concat(rt, e, a),
              *s = rh_tuple_slice(rt, a, 0, 2, 1);
    RH_CHECK(c1 == a && c2 == a && s == a);
    RH_CHECK_EQ_I(rh_refcount(a), 4);
    rh_object *empty_slice = rh_tuple_slice(rt, a, 1, 1, 1);
    RH_CHECK(empty_slice == rh_empty_tuple(rt));
    rh_decref(rt, c1), rh_decref(rt, c2), rh_decref(rt, s), rh_decref(rt, empty_slice), rh_decref(rt, e);
    rh_decref(rt, a);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* maybe_freelist_push accepts size <= 20, maybe_freelist_pop only size < 20 (3.11); reuse and push leave
 * count0 alone (3.11's maybe_freelist_pop takes size < 20, maybe_freelist_push size <= 20; a freelist
 * reuse skips _PyObject_GC_Link) */
RH_TEST(tuple_freelists_and_the_size_20_quirk) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    int c0 = count0(rt);
    rh_object *t3 = rh_tuple_new(rt, 3);
    RH_CHECK_EQ_I(count0(rt), c0 + 1);
    rh_decref(rt, t3);
    RH_CHECK_EQ_U(rt->fl.tuple_n[3], 1);
    RH_CHECK_EQ_I(count0(rt), c0 + 1); /* pushed: no PyObject_GC_Del */
    rh_object *again = rh_tuple_new(rt, 3);
    RH_CHECK(again == t3);              /* popped from the freelist */
    RH_CHECK_EQ_U(rt->fl.tuple_n[3], 0);
    RH_CHECK_EQ_I(count0(rt), c0 + 1);  /* no _PyObject_GC_Link */
    RH_CHECK(rh_gc_is_tracked(again));
    rh_decref(rt, again);
    /* size 20: parked but never reused */
    rh_object *t20 = rh_tuple_new(rt, 20);
    rh_decref(rt, t20);
    RH_CHECK_EQ_U(rt->fl.tuple_n[20], 1);
    rh_object *n20 = rh_tuple_new(rt, 20);
    RH_CHECK(n20 != t20);
    RH_CHECK_EQ_U(rt->fl.tuple_n[20], 1);
    rh_decref(rt, n20);
    RH_CHECK_EQ_U(rt->fl.tuple_n[20], 2);
    /* size 19: reused; size 21: neither */
    rh_object *t19 = rh_tuple_new(rt, 19);
    rh_decref(rt, t19);
    rh_object *n19 = rh_tuple_new(rt, 19);
    RH_CHECK(n19 == t19);
    rh_decref(rt, n19);
    rh_object *t21 = rh_tuple_new(rt, 21);
    int before = count0(rt);
    rh_decref(rt, t21);
    RH_CHECK_EQ_I(count0(rt), before - 1); /* freed for real */
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
    /* 3.12 pops size 20 too */
    rt = new_rt("py312", 0);
    t20 = rh_tuple_new(rt, 20);
    rh_decref(rt, t20);
    n20 = rh_tuple_new(rt, 20);
    RH_CHECK(n20 == t20);
    rh_decref(rt, n20);
    rh_runtime_free(rt);
}

/* PyTuple_MAXFREELIST: 2000 per size */
RH_TEST(tuple_freelist_keeps_2000_per_size) {
    static rh_object *ts[2100];
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    for (int i = 0; i < 2100; i++) ts[i] = rh_tuple_new(rt, 1);
    int c = count0(rt);
    for (int i = 0; i < 2100; i++) rh_decref(rt, ts[i]);
    RH_CHECK_EQ_U(rt->fl.tuple_n[1], 2000);
    RH_CHECK_EQ_I(count0(rt), c - 100);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* _PyTuple_MaybeUntrack: untrack when all items are atomic or untracked tuples; a NULL item (tuple being
 * built) or any other GC object (even an untracked dict) keeps it tracked */
RH_TEST(tuple_maybe_untrack_follows_cpython) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *s = rh_str_from_cstr(rt, "a");
    rh_object *atoms = rh_tuple_pack(rt, 2, rh_none(rt), s);
    RH_CHECK(rh_gc_is_tracked(atoms));
    RH_CHECK_EQ_I(rh_tuple_maybe_untrack(rt, atoms), 1);
    RH_CHECK(!rh_gc_is_tracked(atoms));
    rh_object *building = rh_tuple_new(rt, 2);
    rh_tuple_set(building, 0, rh_int_from_i64(rt, 1));
    RH_CHECK_EQ_I(rh_tuple_maybe_untrack(rt, building), 0); /* item 1 still NULL */
    rh_object *l = rh_list_new(rt, 0), *d = rh_dict_new(rt);
    rh_object *with_list = rh_tuple_pack(rt, 1, l), *with_dict = rh_tuple_pack(rt, 1, d);
    RH_CHECK_EQ_I(rh_tuple_maybe_untrack(rt, with_list), 0);
    RH_CHECK(!rh_gc_is_tracked(d));
    RH_CHECK_EQ_I(rh_tuple_maybe_untrack(rt, with_dict), 0);
    rh_object *outer_untracked = rh_tuple_pack(rt, 1, atoms);   /* holds an untracked tuple */
    rh_object *outer_tracked = rh_tuple_pack(rt, 1, with_list); /* holds a tracked tuple */
    RH_CHECK_EQ_I(rh_tuple_maybe_untrack(rt, outer_untracked), 1);
    RH_CHECK_EQ_I(rh_tuple_maybe_untrack(rt, outer_tracked), 0);
    rh_object *objs[] = {s, atoms, building, l, d, with_list, with_dict, outer_untracked, outer_tracked};
    rh_tuple_set(building, 1, rh_int_from_i64(rt, 2));
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* tuplesubscript with steps; tupleconcat */
RH_TEST(tuple_slice_with_steps_and_concat) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *t = int_tuple(rt, 10);
    int64_t start, stop, v;
    int64_t n = rh_slice_indices(10, 0, &start, 0, &stop, -3); /* t[::-3] = 9, 6, 3, 0 */
    RH_CHECK_EQ_I(n, 4);
    rh_object *s = rh_tuple_slice(rt, t, start, stop, -3);
    RH_CHECK_EQ_U(rh_tuple_len(s), 4);
    for (int i = 0; i < 4; i++) {
        rh_int_as_i64(rt, rh_tuple_get(s, (size_t)i), &v);
        RH_CHECK_EQ_I(v, 9 - 3 * i);
    }
    start = 2, stop = 7;
    RH_CHECK_EQ_I(rh_slice_indices(10, 1, &start, 1, &stop, 2), 3); /* t[2:7:2] = 2, 4, 6 */
    rh_object *s2 = rh_tuple_slice(rt, t, start, stop, 2);
    rh_int_as_i64(rt, rh_tuple_get(s2, 2), &v);
    RH_CHECK_EQ_I(v, 6);
    rh_object *c = rh_tuple_concat(rt, s, s2);
    RH_CHECK_EQ_U(rh_tuple_len(c), 7);
    RH_CHECK_EQ_U(rh_sizeof(rt, c), 40 + 56);
    rh_object *l = rh_list_new(rt, 0);
    RH_CHECK(rh_tuple_concat(rt, t, l) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "can only concatenate tuple (not \"list\") to tuple");
    rh_err_clear(rt);
    rh_decref(rt, l), rh_decref(rt, c), rh_decref(rt, s2), rh_decref(rt, s), rh_decref(rt, t);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* tuple_alloc failure: NULL + MemoryError, nothing half-built, count0 and live counts unchanged */
RH_TEST(tuple_allocation_failure_raises_memoryerror) {
    rh_runtime *rt = new_rt("py311", 1);
    uint64_t l0 = live(rt);
    int c0 = count0(rt);
    fa.fail_from = fa.requests + 1;
    RH_CHECK(rh_tuple_new(rt, 25) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    RH_CHECK_STR(rh_err_message(rt), "");
    fa.fail_from = 0;
    rh_err_clear(rt);
    RH_CHECK_EQ_U(live(rt), l0);
    RH_CHECK_EQ_I(count0(rt), c0);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
