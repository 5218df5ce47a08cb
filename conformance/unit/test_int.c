/* test_int.c — ints, bools and None: sizes, the small-int cache and static refcounts, arithmetic
 * semantics and errors, int(text), hashing, the py27 int freelist, allocation failure.
 *
 * CPython: Objects/longobject.c (int___sizeof___impl, get_small_int; _PY_NSMALLPOSINTS/_PY_NSMALLNEGINTS in
 * Include/internal/pycore_global_objects.h), 3.11's _PyObject_IMMORTAL_INIT (Include/internal/
 * pycore_object.h), 2.7's Objects/intobject.c (fill_free_list, int_dealloc, PyInt_ClearFreeList);
 * docs/profiles.md; messages and values checked against CPython 3.11.2.
 */
#include <math.h>

#include "internal.h"
#include "refheap/refheap.h"
#include "rh_test.h"
#define RH_FX_RESULT_CHECKS /* repr_is, error_is */
#include "rh_fixtures.h"

static rh_object *I(rh_runtime *rt, int64_t v) { return rh_int_from_i64(rt, v); }
/* a new int of value 2**k */
static rh_object *pow2(rh_runtime *rt, int k) {
    rh_object *two = I(rt, 2), *e = I(rt, k), *r = rh_binop(rt, RH_BINOP_POW, two, e);
    rh_decref(rt, two);
    rh_decref(rt, e);
    return r;
}
static rh_object *binop_ii(rh_runtime *rt, rh_binop_kind op, int64_t a, int64_t b) {
    rh_object *x = I(rt, a), *y = I(rt, b), *r = rh_binop(rt, op, x, y);
    rh_decref(rt, x);
    rh_decref(rt, y);
    return r;
}

/* Objects/longobject.c:int___sizeof___impl (3.11 counts one digit for 0); sys.getsizeof(None) == 16. */
RH_TEST(int_bool_none_sizes_match_3_11) {
    rh_runtime *rt = rh_fx_runtime("py311");
    uint64_t base = live(rt);
    struct { int64_t v; size_t size; } rows[] = {{0, 28}, {1, 28}, {-1, 28}, {1000, 28}, {(1 << 30) - 1, 28},
                                                 {1 << 30, 32}, {-(1ll << 30), 32}, {INT64_MAX, 36}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *o = I(rt, rows[i].v);
        RH_CHECK_EQ_U(rh_sizeof(rt, o), rows[i].size);
        rh_decref(rt, o);
    }
    rh_object *big = pow2(rt, 60);
    RH_CHECK_EQ_U(rh_sizeof(rt, big), 36);
    rh_decref(rt, big);
    RH_CHECK_EQ_U(rh_sizeof(rt, rh_true(rt)), 28);
    RH_CHECK_EQ_U(rh_sizeof(rt, rh_false(rt)), 28);
    RH_CHECK_EQ_U(rh_sizeof(rt, rh_none(rt)), 16);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
    rt = rh_fx_runtime("py310"); /* 3.10 reports 24 for 0 and False */
    RH_CHECK_EQ_U(rh_sizeof(rt, rh_false(rt)), 24);
    rh_object *z = I(rt, 0);
    RH_CHECK_EQ_U(rh_sizeof(rt, z), 24);
    rh_decref(rt, z);
    rh_runtime_free(rt);
}

/* Objects/longobject.c:get_small_int, _PY_NSMALLNEGINTS 5 / _PY_NSMALLPOSINTS 257. */
RH_TEST(small_int_cache_covers_minus5_to_256) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    int64_t cached[] = {-5, 0, 1, 255, 256}, fresh[] = {-6, 257, 1000, -1000};
    for (size_t i = 0; i < 5; i++) {
        rh_object *a = I(rt, cached[i]), *b = I(rt, cached[i]);
        RH_CHECK(a == b);
        RH_CHECK(rh_int_is_small_cached(rt, a));
        RH_CHECK(rh_is_static(rt, a));
        rh_decref(rt, a);
        rh_decref(rt, b);
    }
    for (size_t i = 0; i < 4; i++) {
        rh_object *a = I(rt, fresh[i]), *b = I(rt, fresh[i]);
        RH_CHECK(a != b);
        RH_CHECK(!rh_int_is_small_cached(rt, a));
        rh_decref(rt, a);
        rh_decref(rt, b);
    }
    /* id_01_small_int_cache: 255 + int("1") is 256, 256 + 1 is a new 257 */
    rh_object *s = binop_ii(rt, RH_BINOP_ADD, 255, 1), *t = I(rt, 256);
    RH_CHECK(s == t);
    rh_decref(rt, s);
    rh_decref(rt, t);
    s = binop_ii(rt, RH_BINOP_ADD, -6, 1);
    RH_CHECK(rh_int_is_small_cached(rt, s));
    rh_decref(rt, s);
    s = binop_ii(rt, RH_BINOP_ADD, 256, 1);
    RH_CHECK(!rh_int_is_small_cached(rt, s));
    rh_decref(rt, s);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* 3.11 statics start at 999999999 and are counted (_PyObject_IMMORTAL_INIT, sys.getrefcount(1)). */
RH_TEST(static_refcount_counts_up_from_999999999_in_py311) {
    rh_runtime *rt = rh_fx_runtime("py311");
    rh_object *one = I(rt, 1);
    RH_CHECK_EQ_I(rh_refcount(one), 999999999 + 1);
    rh_object *again = I(rt, 1);
    RH_CHECK_EQ_I(rh_refcount(one), 999999999 + 2);
    rh_decref(rt, again);
    rh_decref(rt, one);
    RH_CHECK_EQ_I(rh_refcount(one), 999999999);
    RH_CHECK_EQ_I(rh_refcount(rh_none(rt)), 999999999);
    rh_object *t = rh_bool(rt, 1);
    RH_CHECK_EQ_I(rh_refcount(t), 999999999 + 1);
    rh_decref(rt, t);
    rh_runtime_free(rt);
}

/* PEP 683 (3.12): statics are immortal, refcount reads 4294967295 and never moves. */
RH_TEST(static_refcount_is_immortal_in_py312) {
    rh_runtime *rt = rh_fx_runtime("py312");
    rh_object *objs[] = {rh_none(rt), rh_true(rt), rh_false(rt), I(rt, 7)};
    for (size_t i = 0; i < 4; i++) {
        for (int k = 0; k < 1000; k++) rh_incref(objs[i]);
        for (int k = 0; k < 2000; k++) rh_decref(rt, objs[i]);
        RH_CHECK_EQ_I(rh_refcount(objs[i]), 4294967295ll);
    }
    rh_runtime_free(rt);
}

/* Ints are arbitrary precision: crossing 64 bits is exact; only conversions to C integers overflow. */
RH_TEST(int_beyond_64_bits_is_exact_and_only_c_conversions_overflow) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *max = rh_int_from_text(rt, "18446744073709551615", 20);
    RH_CHECK(repr_is(rt, rh_unop(rt, RH_UNOP_NEG, max), "-18446744073709551615"));
    rh_object *one = I(rt, 1);
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_ADD, max, one), "18446744073709551616"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_MUL, max, max), "340282366920938463426481119284349108225"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_LSHIFT, max, one), "36893488147419103230"));
    RH_CHECK(repr_is(rt, rh_unop(rt, RH_UNOP_INVERT, max), "-18446744073709551616"));
    RH_CHECK(repr_is(rt, pow2(rt, 64), "18446744073709551616"));
    RH_CHECK(repr_is(rt, pow2(rt, 63), "9223372036854775808"));
    int64_t out;
    RH_CHECK(rh_int_as_i64(rt, max, &out) == -1 && rh_err_occurred(rt) == RH_EXC_OVERFLOW);
    rh_err_clear(rt);
    RH_CHECK(error_is(rt, rh_binop(rt, RH_BINOP_MUL, max, rh_empty_str(rt)), RH_EXC_OVERFLOW,
                      "cannot fit 'int' into an index-sized integer"));
    rh_decref(rt, one);
    rh_decref(rt, max);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* long_divrem/l_mod: floor division and a remainder with the divisor's sign; 3.11's messages. */
RH_TEST(floor_division_and_modulo_follow_the_divisor_sign) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    struct { int64_t a, b, q, m; } rows[] = {{7, 2, 3, 1},   {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1},
                                             {7, 3, 2, 1},   {-7, 3, -3, 2}, {7, -3, -3, -2}, {-7, -3, 2, -1},
                                             {0, 5, 0, 0},   {6, 3, 2, 0}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char q[32], m[32];
        snprintf(q, sizeof q, "%lld", (long long)rows[i].q);
        snprintf(m, sizeof m, "%lld", (long long)rows[i].m);
        RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_FLOORDIV, rows[i].a, rows[i].b), q));
        RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_MOD, rows[i].a, rows[i].b), m));
    }
    RH_CHECK(error_is(rt, binop_ii(rt, RH_BINOP_FLOORDIV, 1, 0), RH_EXC_ZERODIVISION,
                      "integer division or modulo by zero"));
    RH_CHECK(error_is(rt, binop_ii(rt, RH_BINOP_MOD, 1, 0), RH_EXC_ZERODIVISION, "integer modulo by zero"));
    RH_CHECK(error_is(rt, binop_ii(rt, RH_BINOP_TRUEDIV, 1, 0), RH_EXC_ZERODIVISION, "division by zero"));
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* long_true_divide is correctly rounded; long_pow with a negative exponent goes to float_pow. */
RH_TEST(true_division_and_negative_powers_give_floats) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_TRUEDIV, 10, 4), "2.5"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_TRUEDIV, 0, -5), "-0.0"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_TRUEDIV, 1, 3), "0.3333333333333333"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_POW, 2, -1), "0.5"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_POW, 10, 19), "10000000000000000000"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_POW, -2, 3), "-8"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_POW, 0, 0), "1"));
    RH_CHECK(error_is(rt, binop_ii(rt, RH_BINOP_POW, 0, -1), RH_EXC_ZERODIVISION,
                      "0.0 cannot be raised to a negative power"));
    /* quotients of ints beyond 2**53 (values from CPython 3.11) */
    rh_object *max = rh_int_from_text(rt, "18446744073709551615", 20), *x = rh_int_from_text(rt, "1311768467294899695", 19);
    rh_object *three = I(rt, 3), *seven = I(rt, 7), *one = I(rt, 1), *p63 = pow2(rt, 63);
    rh_object *p63p1 = rh_binop(rt, RH_BINOP_ADD, p63, one);
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, max, three), "6.148914691236517e+18"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, one, max), "5.421010862427522e-20"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, max, p63p1), "2.0"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, x, seven), "1.873954953278428e+17"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_FLOORDIV, p63, three), "3074457345618258602"));
    rh_object *big = rh_int_from_text(rt, "9007199254740993", 16);
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, big, one), "9007199254740992.0"));
    rh_object *objs[] = {max, x, three, seven, one, p63, p63p1, big};
    for (size_t i = 0; i < 8; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* PyLong_FromString (base 10): whitespace, sign, single underscores between digits; the error quotes
 * the original text with repr(). */
RH_TEST(int_from_text_accepts_python_syntax_and_reports_exact_errors) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    struct { const char *in, *out; } ok[] = {{"\t-12_3 \n", "-123"}, {"007", "7"},   {"+5", "5"},
                                             {" 1_2 ", "12"},         {"0_0", "0"},   {"-0", "0"},
                                             {"\xc2\xa0" "42\xe3\x80\x80", "42"}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        RH_CHECK(repr_is(rt, rh_int_from_text(rt, ok[i].in, strlen(ok[i].in)), ok[i].out));
    struct { const char *in, *msg; } bad[] = {
        {"abc", "invalid literal for int() with base 10: 'abc'"},
        {"1__2", "invalid literal for int() with base 10: '1__2'"},
        {"", "invalid literal for int() with base 10: ''"},
        {"_1", "invalid literal for int() with base 10: '_1'"},
        {"1_", "invalid literal for int() with base 10: '1_'"},
        {"- 5", "invalid literal for int() with base 10: '- 5'"},
        {"1.5", "invalid literal for int() with base 10: '1.5'"},
        {"it's", "invalid literal for int() with base 10: \"it's\""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        RH_CHECK(error_is(rt, rh_int_from_text(rt, bad[i].in, strlen(bad[i].in)), RH_EXC_VALUE, bad[i].msg));
    char longtext[300];
    memset(longtext, 'x', sizeof longtext);
    rh_object *r = rh_int_from_text(rt, longtext, sizeof longtext);
    RH_CHECK(r == NULL && rh_err_occurred(rt) == RH_EXC_VALUE);
    RH_CHECK_EQ_U(strlen(rh_err_message(rt)), strlen("invalid literal for int() with base 10: ") + 200); /* %.200R */
    rh_err_clear(rt);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* Python/pyhash.c: hash(n) = n mod (2**61-1) with the sign, -1 -> -2; equal floats hash the same. */
RH_TEST(int_hash_is_cpythons_and_matches_equal_floats) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { const char *text; int64_t h; } rows[] = {
        {"-1", -2}, {"2305843009213693951", 0}, {"2305843009213693952", 1}, {"-2305843009213693952", -2},
        {"18446744073709551615", 7}, {"9223372036854775808", 4}, {"12345", 12345}, {"0", 0}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *o = rh_int_from_text(rt, rows[i].text, strlen(rows[i].text));
        int64_t h = 0;
        RH_CHECK(rh_hash(rt, o, &h) == 0);
        RH_CHECK_EQ_I(h, rows[i].h);
        rh_object *f = rh_float_from_text(rt, rows[i].text, strlen(rows[i].text));
        int64_t hf = 0;
        RH_CHECK(rh_hash(rt, f, &hf) == 0);
        if (strcmp(rows[i].text, "2305843009213693951") != 0 && strcmp(rows[i].text, "18446744073709551615") != 0) {
            RH_CHECK_EQ_I(hf, h); /* the float is the same number (exactly representable) */
            RH_CHECK(rh_equal(rt, o, f) == 1);
        }
        rh_decref(rt, f);
        rh_decref(rt, o);
    }
    int64_t ht = 0;
    RH_CHECK(rh_hash(rt, rh_true(rt), &ht) == 0 && ht == 1);
    rh_runtime_free(rt);
}

/* Objects/intobject.c (2.7): ints are 24-byte PyIntObjects carved 41 at a time from 992-byte blocks
 * (BLOCK_SIZE 1000, BHEAD_SIZE 8, fill_free_list); int_dealloc only pushes the slot on an unbounded
 * free list, which PyInt_ClearFreeList (full collections) trims of blocks holding no live int. */
RH_TEST(py27_ints_live_in_blocks_of_41_freed_only_by_clear) {
    rh_runtime *rt = rh_fx_runtime("py27");
    uint64_t base = live(rt);
    enum { N = 2000 };
    static rh_object *objs[N];
    for (int i = 0; i < N; i++) objs[i] = I(rt, 1000 + i);
    RH_CHECK_EQ_U(rt->fl.int27.nblocks, (N + 40) / 41);               /* 49 blocks */
    RH_CHECK_EQ_U(rt->fl.int27.free_n, 49 * 41 - N);                  /* 9 spare slots */
    RH_CHECK_EQ_U(rh_sizeof(rt, objs[0]), 24);                         /* sizeof(PyIntObject) */
    RH_CHECK((char *)objs[0] - (char *)objs[1] == 24);                 /* handed out top down */
    for (int i = 0; i < N; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_U(rt->fl.int27.free_n, 49 * 41);
    RH_CHECK_EQ_U(rt->fl.int27.nblocks, 49);                           /* del frees nothing */
    RH_CHECK_EQ_U(live(rt), base);
    rh_object *again = I(rt, 424242); /* LIFO: the last int freed comes back first */
    RH_CHECK(again == objs[N - 1]);
    int64_t v = 0;
    RH_CHECK(rh_int_as_i64(rt, again, &v) == 0 && v == 424242);
    rh__int_freelist_clear(rt);                                        /* one block keeps a live int */
    RH_CHECK_EQ_U(rt->fl.int27.nblocks, 1);
    RH_CHECK_EQ_U(rt->fl.int27.free_n, 40);
    rh_decref(rt, again);
    rh__int_freelist_clear(rt);
    RH_CHECK_EQ_U(rt->fl.int27.nblocks, 0);
    RH_CHECK(rt->fl.int27.free == NULL);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
    rt = rh_fx_runtime("py311"); /* no int freelist in 3.11 */
    rh_object *o = I(rt, 5000);
    RH_CHECK_EQ_U(rh_sizeof(rt, o), 28);
    rh_decref(rt, o);
    RH_CHECK_EQ_U(rt->fl.int27.nblocks, 0);
    rh_runtime_free(rt);
}

/* py27: values beyond a C long would become 2.7's `long`, which refheap does not model: OverflowError. */
RH_TEST(py27_int_beyond_c_long_is_an_overflow_error) {
    rh_runtime *rt = rh_fx_runtime("py27");
    rh_object *big = rh_int_from_i64(rt, INT64_MAX);
    RH_CHECK(big != NULL);
    rh_object *one = rh_int_from_i64(rt, 1);
    RH_CHECK(rh_binop(rt, RH_BINOP_ADD, big, one) == NULL);
    RH_CHECK(rh_err_occurred(rt) == RH_EXC_OVERFLOW);
    rh_err_clear(rt);
    rh_decref(rt, big);
    rh_decref(rt, one);
    rh_runtime_free(rt);
}

/* bool is an int subclass: arithmetic gives ints, & | ^ of two bools stay bool (bool_and/or/xor). */
RH_TEST(bool_and_bitwise_arithmetic) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    rh_object *T = rh_true(rt), *F = rh_false(rt);
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_ADD, T, T), "2"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_AND, T, F), "False"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_OR, T, F), "True"));
    RH_CHECK(repr_is(rt, rh_unop(rt, RH_UNOP_NEG, T), "-1"));
    RH_CHECK(repr_is(rt, rh_unop(rt, RH_UNOP_POS, T), "1"));
    RH_CHECK(repr_is(rt, rh_unop(rt, RH_UNOP_INVERT, T), "-2"));
    RH_CHECK(repr_is(rt, rh_unop(rt, RH_UNOP_NOT, T), "False"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_AND, 6, 3), "2"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_OR, 6, 3), "7"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_XOR, 6, 3), "5"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_LSHIFT, 1, 10), "1024"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_RSHIFT, -16, 2), "-4"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_RSHIFT, -1, 1000), "-1"));
    RH_CHECK(repr_is(rt, binop_ii(rt, RH_BINOP_AND, -1, 255), "255"));
    RH_CHECK(error_is(rt, binop_ii(rt, RH_BINOP_LSHIFT, 1, -1), RH_EXC_VALUE, "negative shift count"));
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* A runtime (default profile) on the failing allocator that refuses every request after the first `limit`,
 * counted from the runtime's creation. */
static rh_runtime *failing_rt(uint64_t limit) { return rh_fx_runtime_failing_after(NULL, limit); }

/* Every constructor reports MemoryError and leaves nothing behind when the allocator fails; cached
 * objects (small ints, bools, None) need no memory and keep working. */
RH_TEST(allocation_failure_gives_memory_error_for_ints) {
    rh_runtime *rt = failing_rt(0);
    RH_CHECK(rt != NULL);
    uint64_t base = live(rt);
    RH_CHECK(error_is(rt, I(rt, 1000), RH_EXC_MEMORY, ""));
    RH_CHECK(error_is(rt, binop_ii(rt, RH_BINOP_MUL, 100, 100), RH_EXC_MEMORY, ""));
    rh_object *five = I(rt, 5);
    RH_CHECK(five != NULL && rh_err_occurred(rt) == RH_EXC_NONE);
    rh_decref(rt, five);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
