/* test_dict.c — dicts as CPython 3.11 (Objects/dictobject.c): _PyDict_SizeOf for str and int keys as the
 * table grows (GROWTH_RATE used*3, USABLE_FRACTION 2/3, 1-byte indices, 16/24-byte entries), the shared
 * empty keys, deletions leaving dummies, display presizing (_PyDict_FromItems), GC tracking
 * (MAINTAIN_TRACKING, _PyDict_MaybeUntrack), insertion order, KeyError messages, the dict and keys
 * freelists (new_keys_object/free_keys_object, PyDict_MAXFREELIST in Include/internal/pycore_dict.h), and
 * a failing allocator; sizes measured
 * with /usr/bin/python3 (3.11.2).
 */
#include "internal.h"
#include "rh_test.h"
#include "rh_fixtures.h"

/* A runtime with the collector disabled; failing: on the failing allocator of rh_fixtures.h, refusing an
 * overflowing calloc before it counts as a request (refuse_overflow 1). */
static rh_runtime *new_rt(const char *profile, int failing) {
    return failing ? rh_fx_failing_runtime(profile, 1, 1) : rh_fx_runtime_new(profile, NULL, NULL, 1);
}

static rh_object *key(rh_runtime *rt, int is_int, long i) {
    char buf[32];
    snprintf(buf, sizeof buf, "k%ld", i);
    return is_int ? rh_int_from_i64(rt, 1000 + i) : rh_str_from_cstr(rt, buf);
}

static int set_kv(rh_runtime *rt, rh_object *d, int is_int, long i) {
    rh_object *k = key(rt, is_int, i), *v = rh_int_from_i64(rt, i);
    int r = rh_dict_set(rt, d, k, v);
    rh_decref(rt, k), rh_decref(rt, v);
    return r;
}

/* getsizeof after n insertions vs the 3.11.2 steps: 64; 184 (1-5 str keys), 272, 464, 832, 1584; int
 * keys 224, 352, 632, 1168, 2264 (measured on 3.11.2) */
static void check_growth(int is_int) {
    static const size_t str_sz[] = {184, 272, 464, 832, 1584}, int_sz[] = {224, 352, 632, 1168, 2264};
    static const long upto[] = {5, 10, 21, 42, 85};
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *d = rh_dict_new(rt);
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 64);
    for (long n = 1, step = 0; n <= 85; n++) {
        RH_CHECK(set_kv(rt, d, is_int, n - 1) == 0);
        while (n > upto[step]) step++;
        size_t want = (is_int ? int_sz : str_sz)[step];
        RH_CHECK_MSG(rh_sizeof(rt, d) == want, "%ld keys: refheap %zu, CPython %zu", n, rh_sizeof(rt, d),
                     want);
        RH_CHECK_EQ_U(rh_dict_len(d), (size_t)n);
    }
    rh_decref(rt, d);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

RH_TEST(dict_sizes_with_str_keys_match_3_11) { check_growth(0); }
RH_TEST(dict_sizes_with_int_keys_match_3_11) { check_growth(1); }

/* delitem_common leaves a dummy (size kept); PyDict_Clear goes back to the shared Py_EMPTY_KEYS */
RH_TEST(dict_delete_keeps_the_table_and_clear_returns_to_empty_keys) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *d = rh_dict_new(rt), *e = rh_dict_new(rt);
    rh_dictkeys *empty = ((rh_dict *)(void *)e)->keys;
    RH_CHECK(empty == ((rh_dict *)(void *)d)->keys);
    intptr_t er = empty->dk_refcnt;
    for (long i = 0; i < 8; i++) set_kv(rt, d, 0, i);
    RH_CHECK_EQ_I(empty->dk_refcnt, er - 1);
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 272);
    for (long i = 0; i < 8; i++) {
        rh_object *k = key(rt, 0, i);
        RH_CHECK(rh_dict_del(rt, d, k) == 0);
        rh_decref(rt, k);
        RH_CHECK_EQ_U(rh_sizeof(rt, d), 272); /* dict_delete rows of the sizes table */
    }
    RH_CHECK_EQ_U(rh_dict_len(d), 0);
    set_kv(rt, d, 0, 100); /* reuses no hole: entries only append; 8 used of 10 -> still 272 */
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 272);
    RH_CHECK(rh_dict_clear(rt, d) == 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 64);
    RH_CHECK(((rh_dict *)(void *)d)->keys == empty);
    RH_CHECK_EQ_I(empty->dk_refcnt, er);
    rh_decref(rt, d), rh_decref(rt, e);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* Displays: _PyDict_FromItems presizes with estimate_log2_keysize and a unicode table when all keys are
 * str ({6 str keys} 272, {6 int keys} 352, 15 -> 464); 3.11.2 measured 464/632 for 16..21 items too */
RH_TEST(dict_displays_presize_like_3_11) {
    static const size_t ns[] = {0, 1, 5, 6, 10, 11, 15, 16, 21, 22, 43};
    static const size_t str_sz[] = {64, 184, 184, 272, 272, 464, 464, 464, 464, 832, 1584};
    static const size_t int_sz[] = {64, 224, 224, 352, 352, 632, 632, 632, 632, 1168, 2264};
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *ks[64], *vs[64];
    for (int is_int = 0; is_int < 2; is_int++) {
        for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
            for (size_t j = 0; j < ns[i]; j++) ks[j] = key(rt, is_int, (long)j), vs[j] = rh_none(rt);
            rh_object *d = rh_dict_from_items(rt, ks, vs, ns[i]);
            size_t want = (is_int ? int_sz : str_sz)[i];
            RH_CHECK_MSG(rh_sizeof(rt, d) == want, "%zu %s keys: refheap %zu, CPython %zu", ns[i],
                         is_int ? "int" : "str", rh_sizeof(rt, d), want);
            RH_CHECK_EQ_U(rh_dict_len(d), ns[i]);
            RH_CHECK(!rh_gc_is_tracked(d));
            rh_decref(rt, d);
            for (size_t j = 0; j < ns[i]; j++) rh_decref(rt, ks[j]);
        }
    }
    /* _PyDict_NewPresized keeps a general table: 6 str keys -> 352 */
    rh_object *p = rh_dict_new_presized(rt, 6);
    for (long i = 0; i < 6; i++) set_kv(rt, p, 0, i);
    RH_CHECK_EQ_U(rh_sizeof(rt, p), 352);
    rh_decref(rt, p);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* gc.is_tracked on 3.11: {} False, {'a': 1} False, {'a': []} True; MAINTAIN_TRACKING tracks on inserting
 * anything that may be tracked (a dict, even untracked, counts); _PyDict_MaybeUntrack undoes it */
RH_TEST(dict_tracking_follows_maintain_tracking) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *d = rh_dict_new(rt), *a = rh_str_from_cstr(rt, "a"), *one = rh_int_from_i64(rt, 1);
    RH_CHECK(!rh_gc_is_tracked(d));
    rh_dict_set(rt, d, a, one);
    RH_CHECK(!rh_gc_is_tracked(d));
    rh_object *l = rh_list_new(rt, 0);
    rh_dict_set(rt, d, a, l);
    RH_CHECK(rh_gc_is_tracked(d));
    rh_dict_set(rt, d, a, one);
    RH_CHECK(rh_gc_is_tracked(d)); /* stays tracked until the collector looks */
    RH_CHECK_EQ_I(rh_dict_maybe_untrack(rt, d), 1);
    RH_CHECK(!rh_gc_is_tracked(d));
    rh_object *inner = rh_dict_new(rt), *t = rh_tuple_pack(rt, 1, one);
    rh_tuple_maybe_untrack(rt, t);
    rh_dict_set(rt, d, one, t); /* an untracked tuple does not track the dict */
    RH_CHECK(!rh_gc_is_tracked(d));
    rh_dict_set(rt, d, one, inner);
    RH_CHECK(rh_gc_is_tracked(d));
    RH_CHECK_EQ_I(rh_dict_maybe_untrack(rt, d), 0);
    rh_dict_set(rt, d, l, one); /* unhashable key: TypeError, dict unchanged */
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_TYPE);
    rh_err_clear(rt);
    RH_CHECK_EQ_U(rh_dict_len(d), 2);
    rh_object *objs[] = {d, a, one, l, inner, t};
    for (size_t i = 0; i < 6; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* insertion order survives deletes and re-inserts (a re-inserted key goes to the end) and a resize;
 * keys()/items() lists are built in that order */
RH_TEST(dict_iterates_in_insertion_order) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *d = rh_dict_new(rt);
    for (long i = 0; i < 5; i++) set_kv(rt, d, 0, i);
    rh_object *k1 = key(rt, 0, 1);
    rh_dict_del(rt, d, k1);
    set_kv(rt, d, 0, 1);
    for (long i = 5; i < 12; i++) set_kv(rt, d, 0, i); /* resizes twice */
    static const long want[] = {0, 2, 3, 4, 1, 5, 6, 7, 8, 9, 10, 11};
    size_t pos = 0, j = 0;
    rh_object *k, *v;
    while (rh_dict_next(d, &pos, &k, &v)) RH_CHECK_EQ_I(ival(rt, v), want[j++]);
    RH_CHECK_EQ_U(j, 12);
    rh_object *keys = rh_dict_keys_list(rt, d), *items = rh_dict_items_list(rt, d);
    RH_CHECK_EQ_U(rh_list_len(keys), 12);
    RH_CHECK_STR(rh_str_utf8(rt, rh_list_get(keys, 4), NULL), "k1");
    rh_object *it = rh_list_get(items, 11);
    RH_CHECK_STR(rh_str_utf8(rt, rh_tuple_get(it, 0), NULL), "k11");
    RH_CHECK_EQ_I(ival(rt, rh_tuple_get(it, 1)), 11);
    RH_CHECK(rh_dict_get_cstr(rt, d, "k7") != NULL);
    rh_decref(rt, keys), rh_decref(rt, items), rh_decref(rt, k1), rh_decref(rt, d);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* KeyError's message is repr(key) ({}['a'] -> KeyError: 'a'); pop with and without a default */
RH_TEST(dict_pop_and_del_raise_keyerror_with_repr) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *d = rh_dict_new(rt), *a = rh_str_from_cstr(rt, "a"), *one = rh_int_from_i64(rt, 1);
    RH_CHECK(rh_dict_pop(rt, d, a, NULL) == NULL); /* empty dict: no hashing */
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_KEY);
    RH_CHECK_STR(rh_err_message(rt), "'a'");
    rh_err_clear(rt);
    RH_CHECK(rh_dict_del(rt, d, one) < 0);
    RH_CHECK_STR(rh_err_message(rt), "1");
    rh_err_clear(rt);
    rh_dict_set(rt, d, a, one);
    rh_object *dflt = rh_dict_pop(rt, d, one, rh_none(rt));
    RH_CHECK(dflt == rh_none(rt));
    rh_decref(rt, dflt);
    rh_object *got = rh_dict_pop(rt, d, a, NULL);
    RH_CHECK(got == one);
    RH_CHECK_EQ_U(rh_dict_len(d), 0);
    RH_CHECK(rh_dict_get(rt, d, a) == NULL && !rh_err_occurred(rt));
    rh_decref(rt, got), rh_decref(rt, d), rh_decref(rt, a), rh_decref(rt, one);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* PyDict_MAXFREELIST 80 dict objects; 80 keys tables, only 8-slot unicode ones (free_keys_object); a
 * reused dict keeps count0 (a freelist reuse skips _PyObject_GC_Link) */
RH_TEST(dict_and_keys_freelists_keep_80) {
    static rh_object *ds[100];
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    int c[3], c0;
    for (int i = 0; i < 100; i++) {
        ds[i] = rh_dict_new(rt);
        set_kv(rt, ds[i], 0, i); /* one str key: an 8-slot unicode table */
    }
    rh_gc_get_count(rt, c);
    c0 = c[0];
    for (int i = 0; i < 100; i++) rh_decref(rt, ds[i]);
    RH_CHECK_EQ_U(rt->fl.dict_n, 80);
    RH_CHECK_EQ_U(rt->fl.keys_n, 80);
    rh_gc_get_count(rt, c);
    RH_CHECK_EQ_I(c[0], c0 - 20);
    rh_dictkeys *parked = rt->fl.keys[79];
    rh_object *d = rh_dict_new(rt);
    set_kv(rt, d, 0, 1);
    RH_CHECK(((rh_dict *)(void *)d)->keys == parked); /* new_keys_object pops the freelist */
    RH_CHECK_EQ_U(rt->fl.dict_n, 79);
    rh_decref(rt, d);
    rh_object *di = rh_dict_new(rt);
    set_kv(rt, di, 1, 1); /* int key: general table, never parked */
    rh_decref(rt, di);
    RH_CHECK_EQ_U(rt->fl.keys_n, 80);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* insertdict: a non-str key turns a unicode table into a general one (insertion_resize(mp, 0)) */
RH_TEST(dict_non_str_key_converts_to_general_table) {
    rh_runtime *rt = new_rt("py311", 0);
    uint64_t l0 = live(rt);
    rh_object *d = rh_dict_new(rt);
    set_kv(rt, d, 0, 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 184);
    set_kv(rt, d, 1, 0);
    /* {'k0': 0}; d[1000] = 0 -> 352 on 3.11.2: calculate_log2_keysize(1 * 3) gives 16 slots */
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 352);
    rh_object *k0 = key(rt, 0, 0);
    RH_CHECK_EQ_I(ival(rt, rh_dict_get(rt, d, k0)), 0);
    rh_decref(rt, k0), rh_decref(rt, d);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* A failed insertion_resize (new_keys_object) leaves the dict as it was; so does a failed first insert */
RH_TEST(dict_failed_insert_leaves_the_dict_intact) {
    rh_runtime *rt = new_rt("py311", 1);
    uint64_t l0 = live(rt);
    rh_object *d = rh_dict_new(rt);
    for (long i = 0; i < 5; i++) set_kv(rt, d, 0, i);
    rh_object *k = key(rt, 0, 5), *v = rh_int_from_i64(rt, 5);
    intptr_t kr = rh_refcount(k);
    rh_dictkeys *keys = ((rh_dict *)(void *)d)->keys;
    fa.fail_from = fa.requests + 1;
    RH_CHECK(rh_dict_set(rt, d, k, v) < 0);
    RH_CHECK_EQ_I(rh_err_occurred(rt), RH_EXC_MEMORY);
    RH_CHECK(((rh_dict *)(void *)d)->keys == keys);
    RH_CHECK_EQ_U(rh_dict_len(d), 5);
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 184);
    RH_CHECK_EQ_I(rh_refcount(k), kr);
    RH_CHECK(rh_dict_get(rt, d, k) == NULL);
    fa.fail_from = 0;
    for (long i = 0; i < 5; i++) {
        rh_object *ki = key(rt, 0, i);
        RH_CHECK_EQ_I(ival(rt, rh_dict_get(rt, d, ki)), i);
        rh_decref(rt, ki);
    }
    rh_err_clear(rt);
    rh_object *e = rh_dict_new(rt);
    fa.fail_from = fa.requests + 1;
    RH_CHECK(rh_dict_set(rt, e, k, v) < 0); /* insert_to_emptydict */
    RH_CHECK_EQ_U(rh_sizeof(rt, e), 64);
    fa.fail_from = 0;
    rh_err_clear(rt);
    rh_decref(rt, e), rh_decref(rt, k), rh_decref(rt, v), rh_decref(rt, d);
    RH_CHECK_EQ_U(live(rt), l0);
    rh_runtime_free(rt);
}

/* PyDict_Merge (dict(d), a.update(b)): 3.11 clones a clean table into an empty dict, otherwise resizes
 * once for len(a) + len(b) first; 2.7 resizes once when fill + len(b) passes 2/3 (to 2 * used). The sizes
 * are what 3.11.2 and 2.7.18 print for dicts of "k0".."k{n-1}" -> int. */
static rh_object *dict_of(rh_runtime *rt, long n) {
    rh_object *d = rh_dict_new(rt);
    for (long i = 0; d && i < n; i++)
        if (set_kv(rt, d, 0, i) != 0) rh_setref(rt, &d, NULL);
    return d;
}

RH_TEST(dict_merge_sizes_follow_pydict_merge) {
    rh_runtime *rt = new_rt("py311", 0);
    rh_object *d = dict_of(rt, 5);
    RH_CHECK(d != NULL);
    for (long i = 0; i < 5; i += 3) { /* del d["k0"], d["k3"] */
        rh_object *k = key(rt, 0, i);
        RH_CHECK(rh_dict_del(rt, d, k) == 0);
        rh_decref(rt, k);
    }
    rh_object *j = rh_dict_new(rt);
    RH_CHECK(rh_dict_merge(rt, j, d) == 0);       /* not clean: presized for 3 -> 272 */
    RH_CHECK_EQ_U(rh_sizeof(rt, j), 272);
    rh_object *big = dict_of(rt, 20), *h = rh_dict_new(rt);
    RH_CHECK(set_kv(rt, h, 1, 0) == 0);           /* h = {1000: 0}; h.update(big) */
    RH_CHECK(rh_dict_merge(rt, h, big) == 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, h), 1168);         /* one resize for 21 items, int+str keys */
    rh_object *e = rh_dict_new(rt);
    RH_CHECK(rh_dict_merge(rt, e, big) == 0);     /* clean: the table is cloned */
    RH_CHECK_EQ_U(rh_sizeof(rt, e), rh_sizeof(rt, big));
    rh_decref(rt, d), rh_decref(rt, j), rh_decref(rt, big), rh_decref(rt, h), rh_decref(rt, e);
    rh_runtime_free(rt);
    rt = new_rt("py27", 0);
    d = dict_of(rt, 6);                           /* 2.7: 6 inserts grew the table to 32 slots */
    RH_CHECK_EQ_U(rh_sizeof(rt, d), 1048);
    e = rh_dict_new(rt);
    RH_CHECK(rh_dict_merge(rt, e, d) == 0);       /* dict(d): one resize to > 12 -> 16 slots */
    RH_CHECK_EQ_U(rh_sizeof(rt, e), 664);
    rh_decref(rt, d), rh_decref(rt, e);
    rh_runtime_free(rt);
}

/* 3.10's PyDictKeysObject: a 40-byte header and 24-byte entries for every key (DICT_KEYS_UNICODE and its
 * 16-byte entries are 3.11's). Sizes printed by CPython 3.10.13: 232 for 1-5 keys, 360 for 6-10, 640
 * from 11 — str and int keys alike. */
RH_TEST(py310_dict_sizes_have_24_byte_entries_and_a_40_byte_keys_header) {
    static const size_t want[12] = {232, 232, 232, 232, 232, 360, 360, 360, 360, 360, 640, 640};
    for (int is_int = 0; is_int < 2; is_int++) {
        rh_runtime *rt = new_rt("py310", 0);
        rh_object *d = rh_dict_new(rt);
        RH_CHECK_EQ_U(rh_sizeof(rt, d), 64);
        for (long i = 0; i < 12; i++) {
            RH_CHECK(set_kv(rt, d, is_int, i) == 0);
            RH_CHECK_EQ_U(rh_sizeof(rt, d), want[i]);
        }
        rh_decref(rt, d);
        rh_runtime_free(rt);
    }
}

RH_TEST_MAIN()
