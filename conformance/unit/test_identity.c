/* test_identity.c — object identity of scalars: the '' and latin-1 singletons, interning (mortal in
 * 3.11, immortal in 3.12), the interned table's bookkeeping, the all_name_chars rule, None/True/False.
 *
 * CPython: Objects/unicodeobject.c (get_latin1_char, PyUnicode_InternInPlace; 3.12 makes interned strings
 * immortal), Objects/codeobject.c (intern_string_constants, all_name_chars), Python/compile.c
 * (merge_consts_recursive: equal constants of one compile are one object), Include/object.h (3.12's
 * _Py_IMMORTAL_REFCNT); docs/profiles.md §Identity and reference counts;
 * conformance scenario identity/id_03_string_interning.
 */
#include "internal.h"
#include "refheap/refheap.h"
#include "rh_test.h"
#include "rh_fixtures.h"


/* get_latin1_char / unicode_empty (3.11): every producer of a 0- or 1-character (< U+0100) string
 * returns the static singleton; id_03: w[1] is v[1], w[0:0] is ''. */
RH_TEST(empty_and_latin1_strings_are_shared_singletons) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *w = rh_str_from_cstr(rt, "abc"), *v = rh_str_from_cstr(rt, "cba");
    rh_object *w1 = rh_str_getitem(rt, w, 1), *v1 = rh_str_getitem(rt, v, 1);
    RH_CHECK(w1 == v1 && rh_is_static(rt, w1));
    rh_object *sl = rh_str_slice(rt, w, 1, 2, 1);
    RH_CHECK(sl == w1);
    rh_object *e = rh_str_slice(rt, w, 0, 0, 1);
    RH_CHECK(e == rh_empty_str(rt));
    rh_object *e2 = rh_str_from_utf8(rt, "", 0), *e3 = rh_str_repeat(rt, w, 0);
    RH_CHECK(e2 == e && e3 == e);
    rh_object *c200a = rh_str_from_utf8(rt, "\xc3\x88", 2), *c200b = rh_str_from_utf8(rt, "\xc3\x88", 2);
    RH_CHECK(c200a == c200b && rh_is_static(rt, c200a)); /* chr(200) is chr(200) */
    rh_object *c300a = rh_str_from_utf8(rt, "\xc4\xac", 2), *c300b = rh_str_from_utf8(rt, "\xc4\xac", 2);
    RH_CHECK(c300a != c300b && !rh_is_static(rt, c300a)); /* chr(300) is not chr(300) */
    rh_object *cat = rh_str_concat(rt, e, w1);
    RH_CHECK(cat == w1);
    RH_CHECK_EQ_I(rh_refcount(w1), 999999999 + 4); /* w1, v1, sl, cat */
    rh_object *objs[] = {w, v, w1, v1, sl, e, e2, e3, c200a, c200b, c300a, c300b, cat};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_I(rh_refcount(w1), 999999999);
    RH_CHECK_EQ_U(rh_sizeof(rt, w1), 50);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* id_03: a string built at run time is a new object until sys.intern() maps it to the interned one. */
RH_TEST(runtime_strings_are_distinct_until_interned) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *a = rh_str_intern_utf8(rt, "hello", 5);
    rh_object *p = rh_str_from_cstr(rt, "hel"), *lo = rh_str_from_cstr(rt, "lo");
    rh_object *b = rh_str_concat(rt, p, lo);
    RH_CHECK(b != a && rh_str_eq(a, b));
    RH_CHECK(!rh_str_is_interned(rt, b) && rh_str_is_interned(rt, a));
    RH_CHECK_EQ_I(rh_refcount(a), 1); /* the table's reference is not counted */
    uint64_t before = live(rt);
    RH_CHECK(rh_str_intern_in_place(rt, &b) == 0);
    RH_CHECK(b == a);                  /* c = sys.intern(b); c is a */
    RH_CHECK_EQ_I(rh_refcount(a), 2);
    RH_CHECK_EQ_U(live(rt), before - 1); /* the run-time copy died */
    RH_CHECK(rh_str_intern_in_place(rt, &b) == 0 && b == a); /* interning twice changes nothing */
    RH_CHECK_EQ_I(rh_refcount(a), 2);
    rh_decref(rt, b);
    rh_decref(rt, a);
    rh_decref(rt, p);
    rh_decref(rt, lo);
    RH_CHECK_EQ_U(rt->interned_n, 0);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* 3.11 unicode_dealloc removes a mortal interned string from the interned dict. */
RH_TEST(deallocating_an_interned_string_removes_it_from_the_table) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *s = rh_str_from_cstr(rt, "xyz");
    RH_CHECK(rh_str_intern_in_place(rt, &s) == 0);
    RH_CHECK_EQ_U(rt->interned_n, 1);
    rh_decref(rt, s);
    RH_CHECK_EQ_U(rt->interned_n, 0);
    RH_CHECK_EQ_U(live(rt), base);
    rh_object *t = rh_str_intern_utf8(rt, "xyz", 3); /* a fresh object takes the place */
    RH_CHECK(t != NULL && rh_str_is_interned(rt, t) && rt->interned_n == 1);
    RH_CHECK_EQ_I(rh_refcount(t), 1);
    rh_decref(rt, t);
    RH_CHECK_EQ_U(rt->interned_n, 0);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* The open-addressing table keeps every entry findable through growth and deletions. */
RH_TEST(interned_table_survives_growth_and_deletions) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    enum { N = 3000 };
    static rh_object *s[N];
    char buf[32];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "name_%d", i);
        s[i] = rh_str_intern_utf8(rt, buf, strlen(buf));
    }
    RH_CHECK_EQ_U(rt->interned_n, N);
    for (int i = 0; i < N; i += 2) rh_decref(rt, s[i]);
    RH_CHECK_EQ_U(rt->interned_n, N / 2);
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "name_%d", i);
        rh_object *again = rh_str_intern_utf8(rt, buf, strlen(buf));
        if (i % 2) {
            RH_CHECK(again == s[i]);
            rh_decref(rt, again);
        } else {
            RH_CHECK(again != NULL && rh_str_is_interned(rt, again));
            s[i] = again;
        }
    }
    RH_CHECK_EQ_U(rt->interned_n, N);
    for (int i = 0; i < N; i++) rh_decref(rt, s[i]);
    RH_CHECK_EQ_U(rt->interned_n, 0);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* 3.12 _PyUnicode_InternInPlace makes the string immortal; it lives until the runtime ends. */
RH_TEST(interned_strings_are_immortal_in_py312) {
    rh_runtime *rt = rh_fx_runtime("py312");
    uint64_t base = live(rt);
    rh_object *s = rh_str_intern_utf8(rt, "spam_eggs", 9);
    RH_CHECK_EQ_I(rh_refcount(s), 4294967295ll);
    for (int i = 0; i < 10; i++) rh_decref(rt, s);
    RH_CHECK_EQ_I(rh_refcount(s), 4294967295ll);
    RH_CHECK_EQ_U(live(rt), base + 1);
    rh_object *t = rh_str_from_cstr(rt, "spam_eggs");
    RH_CHECK(rh_str_intern_in_place(rt, &t) == 0 && t == s);
    RH_CHECK_EQ_U(live(rt), base + 1);
    rh_runtime_free(rt); /* rh__interned_fini frees it (LeakSanitizer checks) */
}

/* Objects/codeobject.c:all_name_chars: ASCII [A-Za-z0-9_]*, the empty string included. */
RH_TEST(name_like_rule_is_all_name_chars) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { const char *s; int want; } rows[] = {
        {"", 1},   {"hello", 1}, {"hello_world", 1}, {"_", 1},   {"123abc", 1}, {"CamelCase9", 1},
        {"a b", 0}, {"hello!", 0}, {"a-b", 0},       {"\xc3\xa9", 0}, {"caf\xc3\xa9", 0}, {"a.b", 0}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *o = rh_str_from_cstr(rt, rows[i].s);
        RH_CHECK_MSG(rh_str_is_name_like(o) == rows[i].want, "'%s'", rows[i].s);
        rh_decref(rt, o);
    }
    RH_CHECK(!rh_str_is_name_like(rh_none(rt)));
    rh_runtime_free(rt);
}

/* None, True and False are the only instances of their types, static, with the expected types. */
RH_TEST(none_true_false_are_static_singletons) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *t = rh_bool(rt, 5), *f = rh_bool(rt, 0);
    RH_CHECK(t == rh_true(rt) && f == rh_false(rt));
    RH_CHECK(rh_is_static(rt, rh_none(rt)) && rh_is_static(rt, t) && rh_is_static(rt, f));
    RH_CHECK(strcmp(rh_type_name(rh_none(rt)), "NoneType") == 0);
    RH_CHECK(strcmp(rh_type_name(t), "bool") == 0);
    RH_CHECK(rh_builtin_type(rt, RH_K_BOOL)->base == rh_builtin_type(rt, RH_K_INT));
    rh_object *one = rh_int_from_i64(rt, 1);
    RH_CHECK(one != t && rh_equal(rt, one, t) == 1); /* 1 == True, but not the same object */
    rh_object *n = rh_unop(rt, RH_UNOP_NOT, rh_none(rt));
    RH_CHECK(n == t);
    rh_decref(rt, n);
    rh_decref(rt, one);
    rh_decref(rt, t);
    rh_decref(rt, f);
    RH_CHECK_EQ_I(rh_refcount(rh_true(rt)), 999999999);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
