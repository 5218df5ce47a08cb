/* test_str.c — strs: sizes per kind and profile, canonical kinds, the UTF-8 cache, the sequence
 * operations, split/join, printf-style formatting and its errors, UTF-8 validation, allocation failure.
 *
 * CPython: sizeof(PyASCIIObject) loses wstr in 3.12 (PEP 623; Include/cpython/unicodeobject.h); formatting
 * results and messages checked
 * against CPython 3.11.2 (Objects/unicodeobject.c: PyUnicode_New, unicode_sizeof_impl, PyUnicode_Format).
 */
#include "internal.h"
#include "refheap/refheap.h"
#include "rh_test.h"
#define RH_FX_RESULT_CHECKS /* error_is */
#define RH_FX_KEPT_POOL     /* K, release_all, S, I, F, T, L */
#include "rh_fixtures.h"

static rh_object *D1(rh_runtime *rt, const char *k, rh_object *v) {
    rh_object *d = K(rh_dict_new(rt));
    rh_dict_set(rt, d, S(rt, k), v);
    return d;
}
static int text_is(rh_runtime *rt, rh_object *o, const char *want) {
    if (!o) {
        fprintf(stderr, "  NULL (%s: %s), wanted '%s'\n", rh_exc_name(rh_err_occurred(rt)), rh_err_message(rt), want);
        rh_err_clear(rt);
        return 0;
    }
    int ok = strcmp(rh_str_utf8(rt, o, NULL), want) == 0;
    if (!ok) fprintf(stderr, "  got '%s', wanted '%s'\n", rh_str_utf8(rt, o, NULL), want);
    rh_decref(rt, o);
    return ok;
}
static rh_object *pct(rh_runtime *rt, const char *fmt, rh_object *args) {
    return rh_str_format_percent(rt, S(rt, fmt), args);
}

/* PyUnicode_New: header 48 (ASCII) / 72 (compact) in 3.11, 40 / 56 in 3.12, + (len + 1) * kind. */
RH_TEST(str_sizes_match_3_11_and_3_12) {
    rh_runtime *rt = rh_fx_runtime("py311");
    uint64_t base = live(rt);
    char hundred[101];
    memset(hundred, 'a', 100);
    hundred[100] = 0;
    struct { const char *s; size_t size; } rows[] = {
        {"", 49}, {"a", 50}, {"ab", 51}, {hundred, 149}, {"\xc3\xa9", 74}, {"\xe2\x82\xac", 76},
        {"\xf0\x9f\x98\x80", 80}, {"a\xc3\xa9", 75}, {"a\xe2\x82\xac", 78}, {"\xe2\x82\xac\xf0\x9f\x98\x80", 84}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        RH_CHECK_MSG(rh_sizeof(rt, S(rt, rows[i].s)) == rows[i].size, "row %zu", i);
    RH_CHECK_EQ_U(rh_builtin_type(rt, RH_K_STR)->basicsize, 80); /* str.__basicsize__ */
    release_all(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
    rt = rh_fx_runtime("py312"); /* PEP 623 removed wstr: 8 bytes less */
    RH_CHECK_EQ_U(rh_sizeof(rt, S(rt, "")), 41);
    RH_CHECK_EQ_U(rh_sizeof(rt, S(rt, "a")), 42);
    RH_CHECK_EQ_U(rh_sizeof(rt, S(rt, "abc")), 44);
    RH_CHECK_EQ_U(rh_sizeof(rt, S(rt, "\xe2\x82\xac\xe2\x82\xac")), 62);
    release_all(rt);
    rh_runtime_free(rt);
}

/* The kind is chosen from the largest code point, also for results of slicing and concatenation
 * (PyUnicode_Substring / _PyUnicode_FromUCS2 narrow the result). */
RH_TEST(str_kind_is_canonical_after_slicing_and_concatenation) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *euro_abc = S(rt, "\xe2\x82\xac" "abc"); /* '€abc' */
    RH_CHECK_EQ_U(rh_sizeof(rt, euro_abc), 72 + 5 * 2);
    rh_object *abc = K(rh_str_slice(rt, euro_abc, 1, 4, 1));
    RH_CHECK(rh_str_eq_cstr(abc, "abc"));
    RH_CHECK_EQ_U(rh_sizeof(rt, abc), 52); /* ASCII again */
    rh_object *rev = K(rh_str_slice(rt, euro_abc, 3, 0, -1));
    RH_CHECK(rh_str_eq_cstr(rev, "cba"));
    RH_CHECK_EQ_U(rh_sizeof(rt, rev), 52);
    rh_object *cat = K(rh_str_concat(rt, S(rt, "ab"), S(rt, "\xc3\xa9"))); /* 'abé': latin-1 */
    RH_CHECK_EQ_U(rh_sizeof(rt, cat), 72 + 4);
    RH_CHECK(rh_str_eq(cat, S(rt, "ab\xc3\xa9")));
    RH_CHECK_EQ_U(rh_str_len(cat), 3);
    RH_CHECK_EQ_U(rh_str_char_at(cat, 2), 0xE9);
    release_all(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* PyUnicode_AsUTF8AndSize caches the UTF-8 form of a non-ASCII str; unicode___sizeof__ counts it. */
RH_TEST(str_utf8_copy_is_cached_and_counted_by_sizeof) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *s = S(rt, "\xc3\xa9\xe2\x82\xac"); /* 'é€', UCS-2: 72 + 3 * 2 */
    RH_CHECK_EQ_U(rh_sizeof(rt, s), 78);
    char small[5], full[16];
    RH_CHECK_EQ_U(rh_str_utf8_copy(s, small, sizeof small), 5); /* the uncached form: no size change */
    RH_CHECK(strcmp(small, "\xc3\xa9") == 0);                   /* whole characters only */
    RH_CHECK(rh_str_utf8_copy(s, full, sizeof full) == 5 && strcmp(full, "\xc3\xa9\xe2\x82\xac") == 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, s), 78);
    size_t n = 0;
    const char *u = rh_str_utf8(rt, s, &n);
    RH_CHECK(u && n == 5 && memcmp(u, "\xc3\xa9\xe2\x82\xac", 6) == 0);
    RH_CHECK(rh_str_utf8(rt, s, NULL) == u);
    RH_CHECK_EQ_U(rh_sizeof(rt, s), 78 + 6);
    rh_object *a = S(rt, "plain");
    RH_CHECK(rh_str_utf8(rt, a, &n) != NULL && n == 5);
    RH_CHECK_EQ_U(rh_sizeof(rt, a), 54); /* ASCII data is its own UTF-8 */
    rh_object *e = S(rt, "\xc3\xa9"); /* the static latin-1 'é' keeps its copy inside the static */
    RH_CHECK(strcmp(rh_str_utf8(rt, e, NULL), "\xc3\xa9") == 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, e), 74 + 3);
    release_all(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* unicode_concat / unicode_repeat / unicode_getitem / unicode_subscript. */
RH_TEST(str_concat_repeat_index_and_slice) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *ab = S(rt, "ab"), *empty = rh_empty_str(rt);
    rh_object *r = rh_str_concat(rt, empty, ab);
    RH_CHECK(r == ab); /* '' + x is x */
    rh_decref(rt, r);
    RH_CHECK(text_is(rt, rh_str_repeat(rt, ab, 3), "ababab"));
    r = rh_str_repeat(rt, ab, 1);
    RH_CHECK(r == ab);
    rh_decref(rt, r);
    r = rh_str_repeat(rt, ab, -1);
    RH_CHECK(r == empty);
    rh_decref(rt, r);
    RH_CHECK(error_is(rt, rh_str_repeat(rt, ab, INT64_MAX / 2 + 1), RH_EXC_OVERFLOW, "repeated string is too long"));
    rh_object *s = S(rt, "hello world");
    RH_CHECK(text_is(rt, rh_str_getitem(rt, s, -1), "d"));
    RH_CHECK(error_is(rt, rh_str_getitem(rt, s, 11), RH_EXC_INDEX, "string index out of range"));
    RH_CHECK(error_is(rt, rh_str_getitem(rt, s, -12), RH_EXC_INDEX, "string index out of range"));
    struct { int hs, he; int64_t start, stop, step; const char *want; } sl[] = {
        {1, 1, 0, 5, 1, "hello"}, {1, 0, 6, 0, 1, "world"}, {0, 0, 0, 0, -1, "dlrow olleh"},
        {1, 1, -5, -1, 1, "worl"}, {0, 0, 0, 0, 2, "hlowrd"}, {1, 1, 100, 200, 1, ""},
        {1, 0, -3, 0, -2, "rwolh"}, {1, 1, 8, 2, -3, "r "}};
    for (size_t i = 0; i < sizeof sl / sizeof sl[0]; i++) {
        int64_t start = sl[i].start, stop = sl[i].stop;
        rh_slice_indices((int64_t)rh_str_len(s), sl[i].hs, &start, sl[i].he, &stop, sl[i].step);
        RH_CHECK_MSG(text_is(rt, rh_str_slice(rt, s, start, stop, sl[i].step), sl[i].want), "slice %zu", i);
    }
    r = rh_str_slice(rt, s, 0, 11, 1); /* a full slice is the string itself */
    RH_CHECK(r == s);
    rh_decref(rt, r);
    RH_CHECK(error_is(rt, rh_str_concat(rt, ab, I(rt, 1)), RH_EXC_TYPE, "can only concatenate str (not \"int\") to str"));
    release_all(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* str.split() on whitespace runs (split_whitespace) and str.join (PyUnicode_Join). */
RH_TEST(str_split_whitespace_and_join) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *l = K(rh_str_split_ws(rt, S(rt, "  a b\t\tcc\n d\xc2\xa0" "e  ")));
    RH_CHECK_EQ_U(rh_list_len(l), 5);
    RH_CHECK(rh_str_eq_cstr(rh_list_get(l, 2), "cc"));
    RH_CHECK(rh_str_eq_cstr(rh_list_get(l, 4), "e"));
    RH_CHECK(text_is(rt, rh_str_join(rt, S(rt, ", "), l), "a, b, cc, d, e"));
    rh_object *word = S(rt, "word");
    rh_object *one = K(rh_str_split_ws(rt, word));
    RH_CHECK(rh_list_len(one) == 1 && rh_list_get(one, 0) == word); /* no whitespace: the string itself */
    RH_CHECK_EQ_U(rh_list_len(K(rh_str_split_ws(rt, S(rt, " \t\n")))), 0);
    rh_object *single = T(rt, 1, word);
    rh_object *j = rh_str_join(rt, S(rt, "-"), single);
    RH_CHECK(j == word);
    rh_decref(rt, j);
    RH_CHECK(text_is(rt, rh_str_join(rt, S(rt, "-"), T(rt, 0)), ""));
    RH_CHECK(error_is(rt, rh_str_join(rt, S(rt, ", "), T(rt, 2, S(rt, "a"), I(rt, 2))), RH_EXC_TYPE,
                      "sequence item 1: expected str instance, int found"));
    release_all(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* PyUnicode_Format: conversions, flags, width, precision, '*', mapping keys (CPython 3.11 outputs). */
RH_TEST(str_percent_formatting_matches_python) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *list1a = K(rh_list_new(rt, 2));
    rh_list_set_init(list1a, 0, rh_int_from_i64(rt, 1));
    rh_list_set_init(list1a, 1, rh_str_from_cstr(rt, "a"));
    rh_object *big = K(rh_int_from_text(rt, "9223372036854775808", 19));
    rh_object *t = K(rh_tuple_new(rt, 23));
    rh_object *items[23] = {S(rt, "a"), S(rt, "b"), F(rt, 3.7), rh_true(rt), F(rt, 1.5), F(rt, 2.345), I(rt, 255),
                            I(rt, 255), I(rt, 8), I(rt, 42), I(rt, 42), I(rt, 42), I(rt, 42), I(rt, 42),
                            F(rt, 12345.678), F(rt, 1e20), F(rt, 1e-20), S(rt, "z"), I(rt, 65), I(rt, 255),
                            I(rt, 8), F(rt, 2.25), list1a};
    for (int i = 0; i < 23; i++) {
        rh_incref(items[i]);
        rh_tuple_set(t, (size_t)i, items[i]);
    }
    RH_CHECK(text_is(rt, pct(rt, "%s|%r|%d|%i|%f|%.2f|%x|%X|%o|%%|%5d|%-5d|%05d|%+d|% d|%e|%g|%G|%c|%c|%#x|%#o|%5.1f|%s", t),
                     "a|'b'|3|1|1.500000|2.35|ff|FF|10|%|   42|42   |00042|+42| 42|1.234568e+04|1e+20|1E-20|z|A|0xff|0o10|  2.2|[1, 'a']"));
    struct { const char *fmt; rh_object *args; const char *want; } rows[] = {
        {"%s", rh_none(rt), "None"},
        {"%r", S(rt, "x"), "'x'"},
        {"%s", F(rt, 1.0), "1.0"},
        {"%d", F(rt, -3.9), "-3"},
        {"%*d", T(rt, 2, I(rt, 5), I(rt, 3)), "    3"},
        {"%.*f", T(rt, 2, I(rt, 2), F(rt, 1.0)), "1.00"},
        {"%(a)s-%(b)r", NULL, "1-'q'"},
        {"%s", D1(rt, "a", I(rt, 1)), "{'a': 1}"},
        {"%.3s", S(rt, "abcdef"), "abc"},
        {"%a", S(rt, "\xc3\xa9"), "'\\xe9'"},
        {"%10.3e", F(rt, 1234.5), " 1.234e+03"},
        {"%u", I(rt, 5), "5"},
        {"%F", F(rt, 1.0 / 0.0), "INF"},
        {"%.0f", F(rt, 2.5), "2"},
        {"%x", I(rt, -255), "-ff"},
        {"%d", big, "9223372036854775808"},
        {"%05f", F(rt, 1.0 / 0.0), "00inf"},
        {"%-05d|", I(rt, 3), "3    |"},
        {"%.3d", I(rt, 5), "005"},
        {"%+.2e", F(rt, -0.0), "-0.00e+00"},
        {"%#g", F(rt, 1.0), "1.00000"},
        {"%#.0f", F(rt, 1.0), "1."},
        {"%x", rh_true(rt), "1"},
        {"%o", I(rt, -8), "-10"},
        {"%#X", I(rt, 255), "0XFF"},
        {"%.2s", S(rt, "\xc3\xa9\xe2\x82\xacx"), "\xc3\xa9\xe2\x82\xac"},
        {"%05s", S(rt, "ab"), "   ab"},
        {"% 05d", I(rt, 42), " 0042"},
        {"%-+6d|", I(rt, 42), "+42   |"},
        {"%010.3f", F(rt, -3.14159), "-00003.142"},
        {"%g", F(rt, 100000.0), "100000"},
        {"%g", F(rt, 1e6), "1e+06"},
        {"%r", F(rt, 1e16), "1e+16"},
        {"%s", F(rt, -0.0), "-0.0"},
        {"%i", F(rt, 3.99), "3"},
        {"%.1f", F(rt, 0.05), "0.1"},
        {"%-5c|", S(rt, "a"), "a    |"},
        {"%.1s", I(rt, 5), "5"},
        {"%5s|", rh_true(rt), " True|"},
        {"%*.*f", T(rt, 3, I(rt, 8), I(rt, 2), F(rt, 3.14159)), "    3.14"},
        {"%.*f", T(rt, 2, I(rt, -1), F(rt, 1.5)), "2"},
        {"%*d", T(rt, 2, I(rt, -4), I(rt, 1)), "1   "},
        {"%%%s", I(rt, 1), "%1"},
        {"%#o", I(rt, 0), "0o0"},
        {"%#x", I(rt, -255), "-0xff"},
        {"%+x", I(rt, 255), "+ff"},
        {"% f", F(rt, 1.0), " 1.000000"},
        {"%+05.1f", F(rt, 2.25), "+02.2"},
        {"%e", F(rt, 0.0), "0.000000e+00"},
        {"%g", F(rt, 0.0001), "0.0001"},
        {"%.3g", I(rt, 1234567), "1.23e+06"},
        {"%#.3g", I(rt, 1), "1.00"},
        {"%G", F(rt, 1e-10), "1E-10"},
        {"%-3s|", S(rt, "\xc3\xa9\xe2\x82\xac"), "\xc3\xa9\xe2\x82\xac |"},
        {"x", K(rh_list_new(rt, 0)), "x"}, /* a list is a "mapping": no error */
        {"x", K(rh_dict_new(rt)), "x"},
        {"%s %s", T(rt, 2, S(rt, "a"), T(rt, 1, I(rt, 1))), "a (1,)"},
        {"%c", I(rt, 0x20ac), "\xe2\x82\xac"},
        {"\xe2\x82\xac%d\xc3\xa9", I(rt, 7), "\xe2\x82\xac" "7\xc3\xa9"},
    };
    rh_object *ab = K(rh_dict_new(rt));
    rh_dict_set(rt, ab, S(rt, "a"), I(rt, 1));
    rh_dict_set(rt, ab, S(rt, "b"), S(rt, "q"));
    rows[6].args = ab;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        RH_CHECK_MSG(text_is(rt, pct(rt, rows[i].fmt, rows[i].args), rows[i].want), "row %zu", i);
    release_all(rt);
    /* a tuple's repr made Py_ReprEnter's thread-state dict, its list and the list's key: live to teardown */
    RH_CHECK_EQ_U(live(rt) - (rt->repr_list ? 3u : 0u), base);
    rh_runtime_free(rt);
}

/* PyUnicode_Format's errors, text for text. */
RH_TEST(str_percent_formatting_errors_match_python) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    struct { const char *fmt; rh_object *args; rh_exc kind; const char *msg; } rows[] = {
        {"%d", S(rt, "a"), RH_EXC_TYPE, "%d format: a real number is required, not str"},
        {"%x", F(rt, 1.5), RH_EXC_TYPE, "%x format: an integer is required, not float"},
        {"%f", S(rt, "a"), RH_EXC_TYPE, "must be real number, not str"},
        {"%s %s", T(rt, 1, I(rt, 1)), RH_EXC_TYPE, "not enough arguments for format string"},
        {"%s", T(rt, 2, I(rt, 1), I(rt, 2)), RH_EXC_TYPE, "not all arguments converted during string formatting"},
        {"%y", I(rt, 1), RH_EXC_VALUE, "unsupported format character 'y' (0x79) at index 1"},
        {"%", I(rt, 1), RH_EXC_VALUE, "incomplete format"},
        {"%c", S(rt, "ab"), RH_EXC_TYPE, "%c requires int or char"},
        {"%c", F(rt, 1.5), RH_EXC_TYPE, "%c requires int or char"},
        {"x", I(rt, 1), RH_EXC_TYPE, "not all arguments converted during string formatting"},
        {"%(a)s", I(rt, 1), RH_EXC_TYPE, "format requires a mapping"},
        {"%(a)s", K(rh_dict_new(rt)), RH_EXC_KEY, "'a'"},
        {"%c", I(rt, 0x110000), RH_EXC_OVERFLOW, "%c arg not in range(0x110000)"},
        {"%d", F(rt, 1.0 / 0.0), RH_EXC_OVERFLOW, "cannot convert float infinity to integer"},
        {"%d", F(rt, 0.0 / 0.0), RH_EXC_VALUE, "cannot convert float NaN to integer"},
        {"%*d", T(rt, 2, S(rt, "a"), I(rt, 1)), RH_EXC_TYPE, "* wants int"},
        {"%s", T(rt, 0), RH_EXC_TYPE, "not enough arguments for format string"},
        {"%(a", K(rh_dict_new(rt)), RH_EXC_VALUE, "incomplete format key"},
        {"%5%", T(rt, 1, I(rt, 1)), RH_EXC_VALUE, "unsupported format character '%' (0x25) at index 2"},
        {"%5%", T(rt, 0), RH_EXC_TYPE, "not enough arguments for format string"},
        {"%(a)d %s", D1(rt, "a", I(rt, 1)), RH_EXC_TYPE, "not enough arguments for format string"},
        {"%(a)s", K(rh_list_new(rt, 0)), RH_EXC_TYPE, "list indices must be integers or slices, not str"},
        {"%\xe2\x82\xac", I(rt, 1), RH_EXC_VALUE, "unsupported format character '?' (0x20ac) at index 1"},
        {"%(x)y", D1(rt, "x", I(rt, 1)), RH_EXC_VALUE, "unsupported format character 'y' (0x79) at index 4"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        RH_CHECK_MSG(error_is(rt, pct(rt, rows[i].fmt, rows[i].args), rows[i].kind, rows[i].msg), "row %zu", i);
    release_all(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* Strict UTF-8 decoding: overlong forms, surrogates, truncation and stray bytes are refused. */
RH_TEST(str_from_utf8_refuses_invalid_utf8) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    struct { const char *s; size_t n; } bad[] = {{"\xc0\xaf", 2}, {"\xed\xa0\x80", 3}, {"a\xe2\x82", 3},
                                                 {"\x80", 1},     {"\xf5\x80\x80\x80", 4}, {"\xf4\x90\x80\x80", 4}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        /* UnicodeDecodeError (a ValueError subclass), as PyUnicode_DecodeUTF8 raises */
        RH_CHECK(rh_str_from_utf8(rt, bad[i].s, bad[i].n) == NULL);
        RH_CHECK(rh_err_occurred(rt) == RH_EXC_UNICODEDECODE);
        rh_err_clear(rt);
    }
    RH_CHECK(error_is(rt, rh_str_from_utf8(rt, "ab\xff", 3), RH_EXC_UNICODEDECODE,
                      "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"));
    rh_object *nul = K(rh_str_from_utf8(rt, "a\0b", 3));
    RH_CHECK(nul && rh_str_len(nul) == 3 && rh_str_char_at(nul, 1) == 0);
    rh_object *max = K(rh_str_from_utf8(rt, "\xf4\x8f\xbf\xbf", 4));
    RH_CHECK(max && rh_str_char_at(max, 0) == 0x10FFFF);
    release_all(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* Equal strings are equal and hash alike whatever built them; the hash is cached and never -1. */
RH_TEST(str_equality_and_cached_hash) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *a = S(rt, "h\xc3\xa9llo"), *b = K(rh_str_concat(rt, S(rt, "h\xc3\xa9"), S(rt, "llo")));
    RH_CHECK(a != b && rh_str_eq(a, b) && rh_equal(rt, a, b) == 1);
    int64_t ha = 0, hb = 0;
    RH_CHECK(rh_hash(rt, a, &ha) == 0 && rh_hash(rt, b, &hb) == 0 && ha == hb && ha != -1);
    RH_CHECK(rh_str_eq_cstr(a, "h\xc3\xa9llo") && !rh_str_eq_cstr(a, "hello") && !rh_str_eq_cstr(a, "h\xc3\xa9ll"));
    int64_t he = 1;
    RH_CHECK(rh_hash(rt, rh_empty_str(rt), &he) == 0 && he == 0); /* hash('') == 0 */
    RH_CHECK(rh_str_eq(S(rt, "abc"), S(rt, "abd")) == 0);
    release_all(rt);
    rh_runtime_free(rt);
}

/* MemoryError from every str constructor when the allocator refuses; singletons need no memory. */
RH_TEST(str_allocation_failure_gives_memory_error) {
    rh_runtime *rt = rh_fx_runtime_failing_after(NULL, 2); /* the first two requests succeed */
    RH_CHECK(rt != NULL);
    uint64_t base = live(rt);
    rh_object *ok1 = rh_str_from_cstr(rt, "first"), *ok2 = rh_str_from_cstr(rt, "second\xc3\xa9");
    RH_CHECK(ok1 && ok2);
    RH_CHECK(error_is(rt, rh_str_from_cstr(rt, "third"), RH_EXC_MEMORY, ""));
    RH_CHECK(error_is(rt, rh_str_concat(rt, ok1, ok2), RH_EXC_MEMORY, ""));
    RH_CHECK(error_is(rt, rh_str_repeat(rt, ok1, 3), RH_EXC_MEMORY, ""));
    RH_CHECK(rh_str_utf8(rt, ok2, NULL) == NULL && rh_err_occurred(rt) == RH_EXC_MEMORY); /* cache needs memory */
    rh_err_clear(rt);
    RH_CHECK(rh_str_intern_in_place(rt, &ok1) == 0 || rh_err_occurred(rt) == RH_EXC_MEMORY); /* libc table */
    rh_err_clear(rt);
    rh_object *c = rh_str_from_cstr(rt, "x"), *e = rh_str_from_cstr(rt, "");
    RH_CHECK(c && e && rh_err_occurred(rt) == RH_EXC_NONE);
    rh_decref(rt, c);
    rh_decref(rt, e);
    rh_decref(rt, ok1);
    rh_decref(rt, ok2);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
