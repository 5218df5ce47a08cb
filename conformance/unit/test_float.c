/* test_float.c — floats: size, the 100-entry freelist (LIFO reuse, cap, clear), repr, float(text),
 * arithmetic semantics and errors, hashing, exact int/float comparison.
 *
 * CPython: PyFloatObject is 24 bytes and not GC; PyFloat_MAXFREELIST 100 (Include/internal/
 * pycore_floatobject.h; PyFloat_FromDouble / float_dealloc in Objects/floatobject.c); repr and messages
 * checked against CPython 3.11.2 (Objects/floatobject.c, Python/pystrtod.c, Python/pyhash.c).
 */
#include <math.h>

#include "internal.h"
#include "refheap/refheap.h"
#include "rh_test.h"
#define RH_FX_RESULT_CHECKS /* repr_is, error_is */
#include "rh_fixtures.h"

static rh_object *binop_ff(rh_runtime *rt, rh_binop_kind op, double a, double b) {
    rh_object *x = rh_float_new(rt, a), *y = rh_float_new(rt, b), *r = rh_binop(rt, op, x, y);
    rh_decref(rt, x);
    rh_decref(rt, y);
    return r;
}

/* PyFloatObject: 16-byte header + double (sys.getsizeof(1.0) == 24). */
RH_TEST(float_size_is_24) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *f = rh_float_new(rt, 1.5);
    RH_CHECK_EQ_U(rh_sizeof(rt, f), 24);
    RH_CHECK_EQ_U(rh_builtin_type(rt, RH_K_FLOAT)->basicsize, 24);
    rh_decref(rt, f);
    rh_runtime_free(rt);
}

/* float_dealloc keeps at most PyFloat_MAXFREELIST (100) dead floats; PyFloat_FromDouble pops the most
 * recently freed one. */
RH_TEST(float_freelist_caps_at_100_and_reuses_lifo) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    enum { N = 150 };
    rh_object *objs[N];
    for (int i = 0; i < N; i++) objs[i] = rh_float_new(rt, i + 0.5);
    for (int i = 0; i < N; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_U(rt->fl.float_n, 100);
    RH_CHECK_EQ_U(live(rt), base);
    /* objs[0..99] were parked, objs[99] last: they come back in reverse order */
    for (int i = 99; i >= 95; i--) {
        rh_object *f = rh_float_new(rt, -1.0);
        RH_CHECK(f == objs[i]);
        RH_CHECK(rh_float_value(f) == -1.0);
        objs[i] = f;
    }
    RH_CHECK_EQ_U(rt->fl.float_n, 95);
    for (int i = 95; i < 100; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_U(rt->fl.float_n, 100);
    rh__float_freelist_clear(rt); /* clear_freelists at a full collection */
    RH_CHECK_EQ_U(rt->fl.float_n, 0);
    RH_CHECK(rt->fl.float_head == NULL);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* Objects/floatobject.c (2.7): floats come 41 at a time from 992-byte PyFloatBlocks; a dead float always
 * goes back to the unbounded free list, and PyFloat_ClearFreeList (full collections) returns only blocks
 * without a live float. */
RH_TEST(py27_floats_live_in_blocks_freed_only_by_clear) {
    rh_runtime *rt = rh_fx_runtime("py27");
    uint64_t base = live(rt);
    enum { N = 500 };
    static rh_object *objs[N];
    for (int i = 0; i < N; i++) objs[i] = rh_float_new(rt, i + 0.25);
    RH_CHECK_EQ_U(rt->fl.float27.nblocks, (N + 40) / 41);              /* 13 blocks */
    RH_CHECK_EQ_U(rh_sizeof(rt, objs[0]), 24);
    for (int i = 0; i < N; i++) rh_decref(rt, objs[i]);
    RH_CHECK_EQ_U(rt->fl.float27.free_n, 13 * 41);                     /* no cap of 100 */
    RH_CHECK_EQ_U(rt->fl.float_n, 0);
    RH_CHECK_EQ_U(live(rt), base);
    rh_object *keep = rh_float_new(rt, 2.5);                           /* LIFO: the last freed */
    RH_CHECK(keep == objs[N - 1]);
    rh__float_freelist_clear(rt);
    RH_CHECK_EQ_U(rt->fl.float27.nblocks, 1);                          /* the block holding `keep` */
    rh_decref(rt, keep);
    rh__float_freelist_clear(rt);
    RH_CHECK_EQ_U(rt->fl.float27.nblocks, 0);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* float_str, 2.7: 12 significant digits ('g') plus ".0" when it would read as an int; repr stays the
 * shortest round trip (2.7 changed repr, not str). Values printed by python2.7 2.7.18. */
static int str_is(rh_runtime *rt, double v, const char *want) {
    rh_object *f = rh_float_new(rt, v), *s = rh_str(rt, f);
    int ok = s && strcmp(rh_str_utf8(rt, s, NULL), want) == 0;
    if (!ok) fprintf(stderr, "  str %s, wanted %s\n", s ? rh_str_utf8(rt, s, NULL) : "(null)", want);
    rh_xdecref(rt, s);
    rh_decref(rt, f);
    return ok;
}

RH_TEST(py27_str_of_float_has_12_digits_repr_is_shortest) {
    rh_runtime *rt = rh_fx_runtime("py27");
    RH_CHECK(str_is(rt, 0.1 + 0.2, "0.3"));
    RH_CHECK(str_is(rt, 2.0, "2.0"));
    RH_CHECK(str_is(rt, 1e16, "1e+16"));
    RH_CHECK(str_is(rt, 123456789012345.0, "1.23456789012e+14"));
    RH_CHECK(str_is(rt, 1.0 / 3, "0.333333333333"));
    RH_CHECK(str_is(rt, -0.0, "-0.0"));
    RH_CHECK(repr_is(rt, rh_float_new(rt, 0.1 + 0.2), "0.30000000000000004"));
    rh_runtime_free(rt);
    rt = rh_fx_runtime("py311"); /* 3.x: str is the repr */
    RH_CHECK(str_is(rt, 0.1 + 0.2, "0.30000000000000004"));
    rh_runtime_free(rt);
}

/* float_repr: the shortest round-tripping digits, exponent form below 1e-4 and from 1e16 on. */
RH_TEST(float_repr_is_shortest_round_trip_like_python) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    struct { double v; const char *s; } rows[] = {
        {0.1, "0.1"},
        {1e16, "1e+16"},
        {1.0, "1.0"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {INFINITY, "inf"},
        {-INFINITY, "-inf"},
        {NAN, "nan"},
        {-0.0, "-0.0"},
        {0.0, "0.0"},
        {1e15, "1000000000000000.0"},
        {1e-4, "0.0001"},
        {1e-5, "1e-05"},
        {2.0 / 3, "0.6666666666666666"},
        {1e22, "1e+22"},
        {1e23, "1e+23"},
        {5e-324, "5e-324"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {123.456, "123.456"},
        {-1.5, "-1.5"},
        {100.0, "100.0"},
        {1234567890123456.0, "1234567890123456.0"},
        {12345678901234567.0, "1.2345678901234568e+16"},
        {0.000123, "0.000123"},
        {1.4142135623730951, "1.4142135623730951"},
        {1e-7, "1e-07"},
        {2.5e-5, "2.5e-05"},
        {4.35, "4.35"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1e100, "1e+100"},
        {9.999999999999999e15, "1e+16"},
        {1.5e-323, "1.5e-323"},
        {9007199254740992.0, "9007199254740992.0"},
        {0x1p-1022, "2.2250738585072014e-308"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        RH_CHECK_MSG(repr_is(rt, rh_float_new(rt, rows[i].v), rows[i].s), "row %zu", i);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* float(text): whitespace, sign, inf/nan words, underscores between digits; errors quote the text. */
RH_TEST(float_from_text_accepts_python_syntax) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    struct { const char *in, *out; } ok[] = {
        {"1_0", "10.0"},     {" -inf ", "-inf"}, {"nan", "nan"},    {"Infinity", "inf"}, {"1e5", "100000.0"},
        {".5", "0.5"},       {"5.", "5.0"},      {"1_0.5_5e1_0", "105500000000.0"},     {"-0", "-0.0"},
        {"1e400", "inf"},    {"+1.5E-3", "0.0015"}, {"\n3.25\t", "3.25"}, {"iNF", "inf"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        RH_CHECK_MSG(repr_is(rt, rh_float_from_text(rt, ok[i].in, strlen(ok[i].in)), ok[i].out), "%s", ok[i].in);
    const char *bad[] = {"abc", "0x10", "1__0", "", "_1", "in f", "1e", ".", "1_", "1._5", "--1", "nan1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char msg[128];
        snprintf(msg, sizeof msg, "could not convert string to float: '%s'", bad[i]);
        RH_CHECK(error_is(rt, rh_float_from_text(rt, bad[i], strlen(bad[i])), RH_EXC_VALUE, msg));
    }
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* float_floor_div / float_rem / float_pow (3.11): signs, special values and exact error texts. */
RH_TEST(float_arithmetic_semantics_and_errors) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_FLOORDIV, 7.5, 2), "3.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_FLOORDIV, -7.5, 2), "-4.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_MOD, 7.5, 2), "1.5"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_MOD, -7.5, 2), "0.5"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_MOD, 7.5, -2), "-0.5"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_MOD, -0.0, 1), "0.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_FLOORDIV, 0.0, -1), "-0.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_FLOORDIV, 5.0, 0.3), "16.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_MUL, 1e308, 10), "inf"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_POW, 2, 0.5), "1.4142135623730951"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_POW, -3, 2), "9.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_POW, -2, 3), "-8.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_POW, NAN, 0), "1.0"));
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_TRUEDIV, 1, 3), "0.3333333333333333"));
    RH_CHECK(error_is(rt, binop_ff(rt, RH_BINOP_TRUEDIV, 1, 0), RH_EXC_ZERODIVISION, "float division by zero"));
    RH_CHECK(error_is(rt, binop_ff(rt, RH_BINOP_FLOORDIV, 1, 0), RH_EXC_ZERODIVISION, "float floor division by zero"));
    RH_CHECK(error_is(rt, binop_ff(rt, RH_BINOP_MOD, 1, 0), RH_EXC_ZERODIVISION, "float modulo"));
    RH_CHECK(error_is(rt, binop_ff(rt, RH_BINOP_MOD, 5, -0.0), RH_EXC_ZERODIVISION, "float modulo"));
    RH_CHECK(error_is(rt, binop_ff(rt, RH_BINOP_POW, 0.0, -1), RH_EXC_ZERODIVISION,
                      "0.0 cannot be raised to a negative power"));
    RH_CHECK(error_is(rt, binop_ff(rt, RH_BINOP_POW, 2.0, 10000), RH_EXC_OVERFLOW,
                      "(34, 'Numerical result out of range')"));
    /* a negative base to a fractional power is complex's nb_power (float_pow) */
    RH_CHECK(repr_is(rt, binop_ff(rt, RH_BINOP_POW, -8.0, 0.5), "(1.7319121124709868e-16+2.8284271247461903j)"));
    RH_CHECK(error_is(rt, binop_ff(rt, RH_BINOP_AND, 1.0, 1.0), RH_EXC_TYPE,
                      "unsupported operand type(s) for &: 'float' and 'float'"));
    rh_object *f = rh_float_new(rt, 1.5);
    RH_CHECK(error_is(rt, rh_unop(rt, RH_UNOP_INVERT, f), RH_EXC_TYPE, "bad operand type for unary ~: 'float'"));
    RH_CHECK(repr_is(rt, rh_unop(rt, RH_UNOP_NEG, f), "-1.5"));
    rh_decref(rt, f);
    /* mixed int and float */
    rh_object *seven = rh_int_from_i64(rt, 7), *half = rh_float_new(rt, 0.5);
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_ADD, seven, half), "7.5"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_POW, seven, half), "2.6457513110645907"));
    rh_decref(rt, seven);
    rh_decref(rt, half);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* _Py_HashDouble: integral floats hash as the int, inf as 314159; values from CPython 3.11. */
RH_TEST(float_hash_matches_cpython) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { double v; int64_t h; } rows[] = {
        {1.5, 1152921504606846977ll}, {-1.0, -2}, {1e100, 1822893315824342674ll}, {INFINITY, 314159},
        {-INFINITY, -314159}, {-2.5, -1152921504606846978ll}, {0.1, 230584300921369408ll}, {0x1p63, 4},
        {0.0, 0}, {-0.0, 0}, {1.0, 1}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *f = rh_float_new(rt, rows[i].v);
        int64_t h = 0;
        RH_CHECK(rh_hash(rt, f, &h) == 0);
        RH_CHECK_EQ_I(h, rows[i].h);
        rh_decref(rt, f);
    }
    rh_runtime_free(rt);
}

/* float_richcompare compares with ints exactly (2**53 + 1 is not 2.0**53 + 1). */
RH_TEST(int_float_comparison_is_exact) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *i = rh_int_from_i64(rt, (1ll << 53) + 1), *f = rh_float_new(rt, 0x1p53 + 2);
    rh_object *g = rh_float_new(rt, 0x1p53), *nan = rh_float_new(rt, NAN);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, i, f) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_GT, i, g) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, i, g) == 0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_NE, i, g) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, nan, nan) == 0);  /* NaN == NaN is False ... */
    RH_CHECK(rh_richcompare(rt, RH_CMP_NE, nan, nan) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, nan, i) == 0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_GE, nan, i) == 0);
    RH_CHECK(rh_equal(rt, nan, nan) == 1);                  /* ... but identity wins in containers */
    rh_object *one = rh_int_from_i64(rt, 1), *onef = rh_float_new(rt, 1.0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, one, onef) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LE, rh_true(rt), onef) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_GT, onef, rh_false(rt)) == 1);
    rh_object *objs[] = {i, f, g, nan, one, onef};
    for (size_t k = 0; k < 6; k++) rh_decref(rt, objs[k]);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
