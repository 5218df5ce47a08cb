/* test_set.c — set and frozenset as CPython 3.11 (Objects/setobject.c): sizes with and without the small
 * table, growth, table order, dummies, tracking from creation, the algebra's result types, and the
 * library iterator types' sizes and result-tuple reuse (Objects/enumobject.c, Python/bltinmodule.c).
 * Values measured on /usr/bin/python3 (3.11.2): getsizeof of a set of 0..n-1 added one by one: 216 up to 4
 * keys, 728 for 5..18, 2264 for 19, 8408 for 100; 2.7: 232 for 0..5 keys.
 */
#include "internal.h"
#include "rh_test.h"
#include "rh_fixtures.h"

static rh_object *int_range_set(rh_runtime *rt, int64_t n) {
    rh_object *s = rh_set_new(rt, NULL);
    for (int64_t i = 0; s && i < n; i++) {
        rh_object *v = rh_int_from_i64(rt, i);
        rh_set_add(rt, s, v);
        rh_decref(rt, v);
    }
    return s;
}

RH_TEST(set_sizes_follow_the_table) {
    rh_runtime *rt = rh_fx_runtime_new("py311", NULL, NULL, 1);
    uint64_t l0 = live(rt);
    int64_t ns[] = {0, 4, 5, 18, 19, 100};
    size_t want[] = {216, 216, 728, 728, 2264, 8408};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        rh_object *s = int_range_set(rt, ns[i]);
        RH_CHECK_EQ_U(rh_sizeof(rt, s), want[i]);
        RH_CHECK_EQ_U(rh_set_len(s), (uint64_t)ns[i]);
        RH_CHECK(rh_gc_is_tracked(s)); /* tracked from creation, whatever it holds */
        rh_decref(rt, s);
    }
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
    rt = rh_fx_runtime_new("py27", NULL, NULL, 1); /* 2.7: grows at fill*3 >= size*2, 32-byte GC head */
    rh_object *s = int_range_set(rt, 5);
    RH_CHECK_EQ_U(rh_sizeof(rt, s), 232);
    rh_decref(rt, s);
    rh_runtime_free(rt);
}

/* a discarded key leaves a dummy: the next insert that passes it fills it (set_add_entry's freeslot) */
RH_TEST(set_discard_leaves_a_dummy_the_next_insert_reuses) {
    rh_runtime *rt = rh_fx_runtime_new("py311", NULL, NULL, 1);
    rh_object *s = rh_set_new(rt, NULL), *k;
    int64_t keys[] = {1, 2, 3}, add = 9;
    for (int i = 0; i < 3; i++) { rh_object *v = rh_int_from_i64(rt, keys[i]); rh_set_add(rt, s, v); rh_decref(rt, v); }
    rh_object *one = rh_int_from_i64(rt, 1), *nine = rh_int_from_i64(rt, add);
    RH_CHECK(rh_set_discard(rt, s, one) == 1 && rh_set_discard(rt, s, one) == 0);
    RH_CHECK(rh_set_add(rt, s, nine) == 0); /* 9 & 7 == 1: the dummy slot */
    size_t pos = 0;
    RH_CHECK(rh_set_next(s, &pos, &k) && k == nine);
    RH_CHECK(rh_set_contains(rt, s, nine) == 1 && rh_set_contains(rt, s, one) == 0);
    rh_decref(rt, one), rh_decref(rt, nine), rh_decref(rt, s);
    rh_runtime_free(rt);
}

RH_TEST(frozenset_of_a_frozenset_is_itself_and_results_keep_the_type) {
    rh_runtime *rt = rh_fx_runtime_new("py311", NULL, NULL, 1);
    rh_object *s = int_range_set(rt, 4), *f = rh_frozenset_new(rt, s), *g = rh_frozenset_new(rt, f);
    RH_CHECK(f != s && g == f && rh_kind_of(f) == RH_K_FROZENSET);
    rh_object *u = rh_set_operation(rt, RH_SETOP_UNION, f, s), *d = rh_set_operation(rt, RH_SETOP_DIFFERENCE, s, f);
    RH_CHECK(rh_kind_of(u) == RH_K_FROZENSET && rh_set_len(u) == 4);
    RH_CHECK(rh_kind_of(d) == RH_K_SET && rh_set_len(d) == 0);
    RH_CHECK(rh_set_issubset(rt, s, f) == 1 && rh_set_issuperset(rt, d, f) == 0);
    int64_t h;
    RH_CHECK(rh_hash(rt, s, &h) == -1 && rh_err_occurred(rt) == RH_EXC_TYPE); /* a set is unhashable */
    rh_err_clear(rt);
    RH_CHECK(rh_hash(rt, f, &h) == 0);
    rh_decref(rt, u), rh_decref(rt, d), rh_decref(rt, g), rh_decref(rt, f), rh_decref(rt, s);
    rh_runtime_free(rt);
}

/* enumerate reuses its result tuple while only it holds the tuple */
RH_TEST(enumerate_reuses_its_result_tuple) {
    rh_runtime *rt = rh_fx_runtime_new("py311", NULL, NULL, 1);
    rh_object *l = rh_list_from_range(rt, 0, 3, 1), *e = rh_enumerate_new(rt, l, 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, e), 72);
    rh_object *a = rh_iternext(rt, e);
    rh_decref(rt, a);
    rh_object *b = rh_iternext(rt, e), *c = rh_iternext(rt, e);
    RH_CHECK(a == b && c != b); /* b still held: c is a fresh tuple */
    rh_decref(rt, b), rh_decref(rt, c);
    RH_CHECK(rh_iternext(rt, e) == NULL && !rh_err_occurred(rt));
    rh_decref(rt, e), rh_decref(rt, l);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
