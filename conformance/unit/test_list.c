/* test_list.c — lists as CPython 3.11 (Objects/listobject.c): list_resize over-allocation (and the py27
 * rule), exact preallocation of [x]*n and list(range(n)), the MemoryError of [None]*2**62, error
 * messages, pop/remove/clear/reverse/sort, slicing, the 80-entry freelist and gc count0, and containers
 * left intact by a failing allocator. CPython: list_resize, PyList_New, list_dealloc; PyList_MAXFREELIST in
 * Include/internal/pycore_list.h; sizes measured with
 * /usr/bin/python3 (3.11.2).
 */
#include "internal.h"
#include "obmalloc.h"
#include "rh_test.h"
#include "rh_fixtures.h"

/* A runtime with the collector disabled (count0 is observed exactly); failing: on the failing allocator of
 * rh_fixtures.h, refusing an overflowing calloc before it counts as a request (refuse_overflow 1). */
static rh_runtime *new_rt(const char *profile, int failing) {
    return failing ? rh_fx_failing_runtime(profile, 1, 1) : rh_fx_runtime_new(profile, NULL, NULL, 1);
}
static rh_object *int_list(rh_runtime *rt, int64_t n) {
    rh_object *l = rh_list_new(rt, 0);
    for (int64_t i = 0; i < n; i++) {
        rh_object *v = rh_int_from_i64(rt, i);
        rh_list_append(rt, l, v);
        rh_decref(rt, v);
    }
    return l;
}

/* Distinct capacities seen while appending n items; returns how many were written to caps. */
static int capacities(const char *profile, int n, size_t *caps, int max) {
    rh_runtime *rt = new_rt(profile, 0);
    rh_object *l = rh_list_new(rt, 0);
    int k = 0;
    caps[k++] = rh_list_allocated(l);
    for (int i = 0; i < n; i++) {
        rh_list_append(rt, l, rh_none(rt));
        if (rh_list_allocated(l) != caps[k - 1] && k < max) caps[k++] = rh_list_allocated(l);
        if (rh_sizeof(rt, l) != rh_presize(rt, l->type) + 40 + 8 * rh_list_allocated(l)) return -1;
    }
    rh_decref(rt, l);
    rh_runtime_free(rt);
    return k;
}

/* list_resize: (n + n/8 + 6) & ~3 — measured 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108, 128 (3.11.2);
 * getsizeof = 56 + 8 * allocated */
RH_TEST(list_append_capacities_match_3_11) {
    static const size_t want[] = {0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108, 128};
    size_t caps[32];
    int k = capacities("py311", 120, caps, 32);
    RH_CHECK_EQ_I(k, 13);
    for (int i = 0; i < k; i++) RH_CHECK_EQ_U(caps[i], want[i]);
}

/* 2.7 list_resize: n + n/8 + (n < 9 ? 3 : 6) — 0, 4, 8, 16, 25, 35, 46, 58, 72, 88 (Objects/listobject.c,
 * 2.7) */
RH_TEST(list_append_capacities_match_py27_profile) {
    static const size_t want[] = {0, 4, 8, 16, 25, 35, 46, 58, 72, 88};
    size_t caps[32];
    int k = capacities("py27", 80, caps, 32);
    RH_CHECK_EQ_I(k, 10);
    for (int i = 0; i < k; i++) RH_CHECK_EQ_U(caps[i], want[i]);
}

/* list_repeat allocates exactly n (list_new_prealloc); list(range(n)) preallocates the length hint rounded
 * up to even (list_preallocate_exact): getsizeof(list(range(n))) for n = 0, 1, 5, 10, 17 is 56, 72, 104,
 * 136, 200 on 3.11.2; 2.7's range() is PyList_New(n) */
RH_TEST(list_repeat_and_list_range_preallocate_like_3_11) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *one = rh_list_new(rt, 1);
    rh_incref(rh_none(rt));
    rh_list_set_init(one, 0, rh_none(rt));
    intptr_t none_refs = rh_refcount(rh_none(rt));
    rh_object *r = rh_list_repeat(rt, one, 10);
    RH_CHECK_EQ_U(rh_list_len(r), 10);
    RH_CHECK_EQ_U(rh_sizeof(rt, r), 136);
    RH_CHECK_EQ_I(rh_refcount(rh_none(rt)), none_refs + 10);
    rh_decref(rt, r);
    rh_object *two = int_list(rt, 2), *r2 = rh_list_repeat(rt, two, 3);
    RH_CHECK_EQ_U(rh_list_len(r2), 6);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(r2, 5)), 1);
    RH_CHECK_EQ_U(rh_sizeof(rt, r2), 56 + 48);
    rh_decref(rt, r2), rh_decref(rt, two);
    static const int64_t ns[] = {0, 1, 5, 10, 17, 1000};
    static const size_t sz[] = {56, 72, 104, 136, 200, 8056};
    for (int i = 0; i < 6; i++) {
        rh_object *l = rh_list_from_range(rt, 0, ns[i], 1);
        RH_CHECK_EQ_U(rh_sizeof(rt, l), sz[i]);
        RH_CHECK_EQ_U(rh_list_len(l), (size_t)ns[i]);
        rh_decref(rt, l);
    }
    rh_object *back = rh_list_from_range(rt, 10, 0, -3); /* 10, 7, 4, 1 */
    RH_CHECK_EQ_U(rh_list_len(back), 4);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(back, 3)), 1);
    rh_decref(rt, back);
    RH_CHECK(rh_list_from_range(rt, 0, 1, 0) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "range() arg 3 must not be zero");
    rh_err_clear(rt);
    rh_decref(rt, one);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
    rt = new_rt("py27", 0);
    rh_object *l = rh_list_from_range(rt, 0, 5, 1);
    RH_CHECK_EQ_U(rh_list_allocated(l), 5);
    RH_CHECK_EQ_U(rh_sizeof(rt, l), 72 + 40);
    rh_decref(rt, l);
    rh_runtime_free(rt);
}

/* [None] * 2**62: the byte count overflows, so list_new_prealloc's PyMem_New fails before asking the
 * allocator -> MemoryError with an empty message (python3 -c '[None]*2**62' prints "MemoryError") */
RH_TEST(list_repeat_huge_raises_memoryerror_without_allocating) {
    rh_runtime *rt = new_rt("py311", 1);
    uint64_t l0 = live(rt);
    rh_object *one = rh_list_new(rt, 1);
    rh_incref(rh_none(rt));
    rh_list_set_init(one, 0, rh_none(rt));
    intptr_t none_refs = rh_refcount(rh_none(rt));
    fa.max_request = 0;
    RH_CHECK(rh_list_repeat(rt, one, (int64_t)1 << 62) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    RH_CHECK_STR(rh_err_message(rt), "");
    RH_CHECK(fa.max_request < 4096); /* no huge request reached the allocator */
    RH_CHECK_EQ_I(rh_refcount(rh_none(rt)), none_refs);
    rh_err_clear(rt);
    RH_CHECK(rh_list_repeat(rt, one, INT64_MAX) == NULL); /* size = 1 * (2**63 - 1) > PY_SSIZE_T_MAX / 8 */
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    rh_err_clear(rt);
    rh_object *two = int_list(rt, 2);
    RH_CHECK(rh_list_repeat(rt, two, (int64_t)1 << 62) == NULL); /* len * n overflows: list_repeat's check */
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    rh_err_clear(rt);
    RH_CHECK(fa.max_request < 4096);
    rh_decref(rt, two), rh_decref(rt, one);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* messages of list_pop_impl, list_remove, list_ass_item, list_item (3.11.2) */
RH_TEST(list_errors_have_cpython_messages) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *l = rh_list_new(rt, 0), *five = rh_int_from_i64(rt, 5);
    RH_CHECK(rh_list_pop(rt, l, -1) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_INDEX);
    RH_CHECK_STR(rh_err_message(rt), "pop from empty list");
    rh_list_append(rt, l, rh_none(rt));
    RH_CHECK(rh_list_pop(rt, l, 5) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "pop index out of range");
    RH_CHECK(rh_list_remove(rt, l, five) < 0);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_VALUE);
    RH_CHECK_STR(rh_err_message(rt), "list.remove(x): x not in list");
    RH_CHECK(rh_list_setitem(rt, l, 5, five) < 0);
    RH_CHECK_STR(rh_err_message(rt), "list assignment index out of range");
    RH_CHECK(rh_list_delitem(rt, l, -2) < 0);
    RH_CHECK_STR(rh_err_message(rt), "list assignment index out of range");
    RH_CHECK(rh_list_setitem(rt, l, -1, five) == 0); /* negative indices count from the end */
    RH_CHECK(rh_list_get(l, 0) == five);
    rh_err_clear(rt);
    rh_decref(rt, l), rh_decref(rt, five);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* pop of the last item keeps the reference (list_resize), pop/del inside shift (list_ass_slice); shrinking
 * reallocates once size < allocated / 2; remove uses ==; clear frees the array; reverse in place */
RH_TEST(list_pop_remove_clear_reverse_follow_cpython) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *l = int_list(rt, 17); /* allocated 24 */
    RH_CHECK_EQ_U(rh_list_allocated(l), 24);
    rh_object *v = rh_list_pop(rt, l, -1);
    RH_CHECK_EQ_I(ival(rt, v), 16);
    rh_decref(rt, v);
    v = rh_list_pop(rt, l, 0);
    RH_CHECK_EQ_I(ival(rt, v), 0);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(l, 0)), 1);
    rh_decref(rt, v);
    RH_CHECK_EQ_U(rh_list_allocated(l), 24); /* 15 >= 12: no realloc */
    for (int i = 0; i < 4; i++) rh_decref(rt, rh_list_pop(rt, l, -1));
    /* size 11 < 12: list_resize(11) -> (11 + 1 + 6) & ~3 = 16 */
    RH_CHECK_EQ_U(rh_list_len(l), 11);
    RH_CHECK_EQ_U(rh_list_allocated(l), 16);
    rh_object *seven = rh_int_from_i64(rt, 7);
    RH_CHECK(rh_list_remove(rt, l, seven) == 0);
    RH_CHECK_EQ_U(rh_list_len(l), 10);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(l, 6)), 8);
    RH_CHECK(rh_list_delitem(rt, l, 0) == 0);
    RH_CHECK(rh_list_reverse(rt, l) == 0);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(l, 0)), 11);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(l, 8)), 2);
    RH_CHECK(rh_list_clear(rt, l) == 0);
    RH_CHECK_EQ_U(rh_list_len(l), 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, l), 56);
    rh_decref(rt, seven), rh_decref(rt, l);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* list.sort: Python's < on ints, floats and strs; ints of any size; stable (checked on a run with
 * many equal keys); TypeError naming (later, earlier) like binarysort's first comparison */
RH_TEST(list_sort_orders_like_python_and_is_stable) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    /* 600 ints in a scrambled order, with duplicates: uses the merge path (> 256 items) */
    rh_object *l = rh_list_new(rt, 0);
    for (int i = 0; i < 600; i++) {
        rh_object *v = rh_int_from_i64(rt, (int64_t)((i * 7919) % 300) - 150);
        rh_list_append(rt, l, v);
        rh_decref(rt, v);
    }
    rh_object *big = rh_int_from_text(rt, "18446744073709551615", 20), *neg = rh_int_from_i64(rt, INT64_MIN);
    rh_list_append(rt, l, big), rh_list_append(rt, l, neg);
    rh_object *f = rh_float_new(rt, 0.5);
    rh_list_append(rt, l, f);
    RH_CHECK(rh_list_sort(rt, l) == 0);
    RH_CHECK(rh_list_get(l, 0) == neg && rh_list_get(l, 602) == big);
    for (size_t i = 2; i + 1 < 602; i++) {
        rh_object *a = rh_list_get(l, i - 1), *b = rh_list_get(l, i);
        double x = a == f ? 0.5 : (double)ival(rt, a), y = b == f ? 0.5 : (double)ival(rt, b);
        RH_CHECK_MSG(x <= y, "items %zu, %zu out of order", i - 1, i);
    }
    rh_decref(rt, big), rh_decref(rt, neg), rh_decref(rt, f), rh_decref(rt, l);
    /* strs by code point */
    const char *words[] = {"pear", "apple", "\xc3\xa9t\xc3\xa9", "app", "Zoo", "\xe2\x82\xac"};
    rh_object *w = rh_list_new(rt, 0);
    for (int i = 0; i < 6; i++) {
        rh_object *s = rh_str_from_cstr(rt, words[i]);
        rh_list_append(rt, w, s);
        rh_decref(rt, s);
    }
    RH_CHECK(rh_list_sort(rt, w) == 0);
    const char *sorted[] = {"Zoo", "app", "apple", "pear", "\xc3\xa9t\xc3\xa9", "\xe2\x82\xac"};
    for (int i = 0; i < 6; i++) RH_CHECK_STR(rh_str_utf8(rt, rh_list_get(w, (size_t)i), NULL), sorted[i]);
    rh_decref(rt, w);
    /* stability: equal floats that are distinct objects keep their order */
    rh_object *fl = rh_list_new(rt, 0), *keep[40];
    for (int i = 0; i < 40; i++) {
        keep[i] = rh_float_new(rt, (double)(i % 3));
        rh_list_append(rt, fl, keep[i]);
    }
    RH_CHECK(rh_list_sort(rt, fl) == 0);
    for (int g = 0, at = 0; g < 3; g++)
        for (int i = g; i < 40; i += 3) RH_CHECK(rh_list_get(fl, (size_t)at++) == keep[i]);
    for (int i = 0; i < 40; i++) rh_decref(rt, keep[i]);
    rh_decref(rt, fl);
    /* [1, "a"].sort() -> "'<' not supported between instances of 'str' and 'int'" */
    rh_object *mixed = rh_list_new(rt, 0), *one = rh_int_from_i64(rt, 1), *a = rh_str_from_cstr(rt, "a");
    rh_list_append(rt, mixed, one), rh_list_append(rt, mixed, a);
    RH_CHECK(rh_list_sort(rt, mixed) < 0);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_TYPE);
    RH_CHECK_STR(rh_err_message(rt), "'<' not supported between instances of 'str' and 'int'");
    RH_CHECK_EQ_U(rh_list_len(mixed), 2); /* still holds both */
    rh_err_clear(rt);
    rh_decref(rt, one), rh_decref(rt, a), rh_decref(rt, mixed);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* list_subscript with steps; slices allocate exactly their length (list_new_prealloc) */
RH_TEST(list_slices_with_steps) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *l = int_list(rt, 10);
    int64_t start = 5, stop = 1;
    RH_CHECK_EQ_I(rh_slice_indices(10, 1, &start, 1, &stop, -2), 2); /* l[5:1:-2] = 5, 3 */
    rh_object *s = rh_list_slice(rt, l, start, stop, -2);
    RH_CHECK_EQ_U(rh_list_len(s), 2);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(s, 1)), 3);
    RH_CHECK_EQ_U(rh_list_allocated(s), 2);
    rh_decref(rt, s);
    start = -3;
    RH_CHECK_EQ_I(rh_slice_indices(10, 1, &start, 0, &stop, 1), 3); /* l[-3:] */
    RH_CHECK_EQ_I(start, 7);
    RH_CHECK_EQ_I(stop, 10);
    s = rh_list_slice(rt, l, start, stop, 1);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(s, 0)), 7);
    rh_decref(rt, s);
    RH_CHECK_EQ_I(rh_slice_indices(10, 0, &start, 0, &stop, -1), 10); /* l[::-1] */
    RH_CHECK_EQ_I(start, 9);
    RH_CHECK_EQ_I(stop, -1);
    s = rh_list_slice(rt, l, start, stop, -1);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(s, 0)), 9);
    rh_decref(rt, s);
    start = 8, stop = 2;
    RH_CHECK_EQ_I(rh_slice_indices(10, 1, &start, 1, &stop, 1), 0);
    s = rh_list_slice(rt, l, start, stop, 1);
    RH_CHECK_EQ_U(rh_sizeof(rt, s), 56);
    rh_decref(rt, s), rh_decref(rt, l);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* list_extend of a list/tuple (also itself); list_concat allocates exactly len(a) + len(b) */
RH_TEST(list_extend_and_concat) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *a = int_list(rt, 3), *e = rh_list_new(rt, 0);
    RH_CHECK(rh_list_extend(rt, e, a) == 0); /* empty list: list_preallocate_exact(3) -> 4 */
    RH_CHECK_EQ_U(rh_list_allocated(e), 4);
    RH_CHECK(rh_list_extend(rt, a, a) == 0); /* a.extend(a) */
    RH_CHECK_EQ_U(rh_list_len(a), 6);
    RH_CHECK_EQ_I(ival(rt, rh_list_get(a, 5)), 2);
    rh_object *t = rh_tuple_pack(rt, 2, rh_none(rt), rh_none(rt));
    RH_CHECK(rh_list_extend(rt, e, t) == 0);
    RH_CHECK_EQ_U(rh_list_len(e), 5);
    rh_object *c = rh_list_concat(rt, a, e);
    RH_CHECK_EQ_U(rh_list_len(c), 11);
    RH_CHECK_EQ_U(rh_list_allocated(c), 11);
    RH_CHECK(rh_list_concat(rt, a, t) == NULL);
    RH_CHECK_STR(rh_err_message(rt), "can only concatenate list (not \"tuple\") to list");
    rh_err_clear(rt);
    rh_decref(rt, c), rh_decref(rt, t), rh_decref(rt, e), rh_decref(rt, a);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* PyList_MAXFREELIST 80: creating 100 lists adds 100 to count0, deleting them takes off only 20 (80 are
 * parked, skipping PyObject_GC_Del), and PyList_New reuses them without _PyObject_GC_Link
 * (Modules/gcmodule.c) */
RH_TEST(list_freelist_keeps_80_and_count0_follows) {
    static rh_object *ls[100];
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    RH_CHECK_EQ_U(rt->fl.list_n, 0);
    int c0 = count0(rt);
    for (int i = 0; i < 100; i++) ls[i] = rh_list_new(rt, 0);
    RH_CHECK_EQ_I(count0(rt), c0 + 100);
    for (int i = 0; i < 100; i++) rh_decref(rt, ls[i]);
    RH_CHECK_EQ_I(count0(rt), c0 + 80);
    RH_CHECK_EQ_U(rt->fl.list_n, 80);
    RH_CHECK_EQ_U(live(rt), l0);
    for (int i = 0; i < 80; i++) ls[i] = rh_list_new(rt, 0);
    RH_CHECK_EQ_I(count0(rt), c0 + 80); /* all reused */
    RH_CHECK_EQ_U(rt->fl.list_n, 0);
    RH_CHECK(rh_gc_is_tracked(ls[0]));
    /* list(range()) allocates afresh (PyType_GenericAlloc), even with lists parked */
    for (int i = 0; i < 80; i++) rh_decref(rt, ls[i]);
    rh_object *r = rh_list_from_range(rt, 0, 3, 1);
    RH_CHECK_EQ_I(count0(rt), c0 + 81);
    RH_CHECK_EQ_U(rt->fl.list_n, 80);
    rh_decref(rt, r); /* its object is not parked: the freelist is full */
    RH_CHECK_EQ_I(count0(rt), c0 + 80);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* A failed list_resize leaves size, capacity and items as they were (append, extend, concat) */
RH_TEST(list_failed_growth_leaves_the_list_intact) {
    rh_runtime *rt = new_rt("py311", 1);
    uint64_t l0 = live(rt);
    rh_object *l = int_list(rt, 8); /* full: allocated 8 */
    RH_CHECK_EQ_U(rh_list_allocated(l), 8);
    rh_object **items = ((rh_list *)(void *)l)->item, *x = rh_int_from_i64(rt, 100);
    intptr_t xr = rh_refcount(x);
    fa.fail_from = fa.requests + 1;
    RH_CHECK(rh_list_append(rt, l, x) < 0);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    RH_CHECK_EQ_U(rh_list_len(l), 8);
    RH_CHECK_EQ_U(rh_list_allocated(l), 8);
    RH_CHECK(((rh_list *)(void *)l)->item == items);
    RH_CHECK_EQ_I(rh_refcount(x), xr);
    for (int i = 0; i < 8; i++) RH_CHECK_EQ_I(ival(rt, rh_list_get(l, (size_t)i)), i);
    rh_err_clear(rt);
    RH_CHECK(rh_list_extend(rt, l, l) < 0);
    RH_CHECK_EQ_U(rh_list_len(l), 8);
    rh_err_clear(rt);
    RH_CHECK(rh_list_concat(rt, l, l) == NULL);
    RH_CHECK(rh_list_new(rt, 3) == NULL);
    rh_err_clear(rt);
    fa.fail_from = 0;
    RH_CHECK(rh_list_append(rt, l, x) == 0);
    RH_CHECK_EQ_U(rh_list_allocated(l), 16);
    rh_decref(rt, x), rh_decref(rt, l);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* rangeobject (3.11): 48 bytes holding start/stop/step/length as ints (compute_range_length); step 0 is
 * "range() arg 3 must not be zero"; the length of range(-2**63, 2**63-1) is an int beyond int64 */
RH_TEST(range_objects_hold_their_fields_as_ints) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *r = rh_range_new(rt, 0, 10, 3);
    RH_CHECK_EQ_U(rh_sizeof(rt, r), 48);
    RH_CHECK(!rh_is_gc(r));
    RH_CHECK_EQ_I(rh_range_len(r), 4);
    RH_CHECK_EQ_I(rh_range_item(r, 3), 9);
    rh_decref(rt, r);
    r = rh_range_new(rt, 5, -5, -4); /* 5, 1, -3 */
    RH_CHECK_EQ_I(rh_range_len(r), 3);
    RH_CHECK_EQ_I(rh_range_item(r, 2), -3);
    rh_decref(rt, r);
    r = rh_range_new(rt, 3, 3, 1);
    RH_CHECK_EQ_I(rh_range_len(r), 0);
    rh_decref(rt, r);
    r = rh_range_new(rt, INT64_MIN, INT64_MAX, 1);
    RH_CHECK(r != NULL);
    RH_CHECK_EQ_I(rh_range_len(r), INT64_MAX); /* 2**64 - 1 items: clamped by this accessor */
    RH_CHECK_EQ_I(rh_range_item(r, 1), INT64_MIN + 1);
    rh_decref(rt, r);
    RH_CHECK(rh_range_new(rt, 0, 1, 0) == NULL);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_VALUE);
    RH_CHECK_STR(rh_err_message(rt), "range() arg 3 must not be zero");
    rh_err_clear(rt);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* 2.7's list_resize and PyList_New take the item array from PyMem_MALLOC, which in 2.7 is the C library's
 * malloc (Include/pymem.h), never pymalloc; 3.6+ PyMem_Malloc is pymalloc. So a 4-item list's 32-byte
 * array is in a pymalloc pool under py311 and outside every arena under py27. */
RH_TEST(py27_list_arrays_come_from_malloc_not_pymalloc) {
    const char *profiles[2] = {"py311", "py27"};
    for (int k = 0; k < 2; k++) {
        rh_runtime *rt = rh_fx_runtime(profiles[k]);
        rh_object *l = rh_list_new(rt, 0);
        for (int i = 0; i < 4; i++) RH_CHECK(rh_list_append(rt, l, rh_none(rt)) == 0);
        rh_allocator *a = rh_runtime_allocator(rt);
        RH_CHECK(rh__pymalloc_is(a));
        int in_pool = rh__pymalloc_owns((const rh_pymalloc *)a->ctx, ((rh_list *)(void *)l)->item);
        RH_CHECK_EQ_I(in_pool, k == 0);
        for (int i = 0; i < 40; i++) RH_CHECK(rh_list_append(rt, l, rh_none(rt)) == 0); /* grows by realloc */
        RH_CHECK_EQ_I(rh__pymalloc_owns((const rh_pymalloc *)a->ctx, ((rh_list *)(void *)l)->item), k == 0);
        rh_decref(rt, l);
        rh_runtime_free(rt);
    }
}

RH_TEST_MAIN()
