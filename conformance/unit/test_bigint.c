/* test_bigint.c — arbitrary-precision ints: arithmetic against CPython's results (bigint_cases.h, written by
 * gen_bigint_cases.py from /usr/bin/python3), correctly rounded float conversion and true division, exact
 * int/float comparison, long_hash, text in every base with 3.11.7's 4300-digit limit, modular pow, and
 * the allocation sizes of results (pymalloc's requested bytes, against tracemalloc on CPython 3.11.7).
 *
 * CPython: Objects/longobject.c (x_add, x_sub, k_mul, x_divrem, long_true_divide, _PyLong_Frexp,
 * PyLong_AsDouble, long_hash, long_to_decimal_string_internal, PyLong_FromString, long_pow, long_bitwise),
 * Objects/floatobject.c (float_richcompare).
 */
#include <math.h>

#include "internal.h"
#include "refheap/refheap.h"
#include "rh_test.h"
#define RH_FX_RESULT_CHECKS /* repr_is, error_is */
#include "rh_fixtures.h"
#include "bigint_cases.h"

static rh_object *H(rh_runtime *rt, const char *hex) { return rh_int_from_text_base(rt, hex, strlen(hex), 16); }
static rh_object *T10(rh_runtime *rt, const char *s) { return rh_int_from_text(rt, s, strlen(s)); }

static int64_t pyhash(rh_runtime *rt, rh_object *o) {
    int64_t h = 0;
    return rh_hash(rt, o, &h) ? -1 : h;
}

/* the repr's length without keeping it (ValueError beyond 4300 digits gives -1) */
static int64_t repr_len(rh_runtime *rt, rh_object *o) {
    rh_object *s = rh_repr(rt, o);
    if (!s) {
        rh_err_clear(rt);
        return -1;
    }
    int64_t n = (int64_t)rh_str_len(s);
    rh_decref(rt, s);
    return n;
}

static int check_case(rh_runtime *rt, const struct bigint_case *c) {
    rh_object *a = H(rt, c->a), *b = H(rt, c->b), *r = a && b ? rh_binop(rt, c->op, a, b) : NULL;
    int ok;
    if (!r) ok = 0;
    else if (c->repr) ok = repr_is(rt, (rh_incref(r), r), c->repr);
    else ok = pyhash(rt, r) == c->hash && repr_len(rt, r) == c->len;
    if (!ok) fprintf(stderr, "  case %s %s %s\n", rh_binop_symbol(c->op), c->a, c->b);
    rh_xdecref(rt, r);
    rh_xdecref(rt, a);
    rh_xdecref(rt, b);
    return ok;
}

/* Every operator on random operands from 1 to 6000 bits, both signs, against CPython 3.11's values. */
RH_TEST(arithmetic_agrees_with_cpython_on_random_operands) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt);
    size_t n = sizeof bigint_cases / sizeof bigint_cases[0], bad = 0;
    for (size_t i = 0; i < n; i++) bad += !check_case(rt, &bigint_cases[i]);
    RH_CHECK_EQ_U(bad, 0);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* k_mul above 70 digits (balanced and lopsided) equals the schoolbook product. */
RH_TEST(karatsuba_products_equal_schoolbook_products) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *a = T10(rt, "3"), *e1 = rh_int_from_i64(rt, 2000), *e2 = rh_int_from_i64(rt, 5000);
    rh_object *x = rh_binop(rt, RH_BINOP_POW, a, e1), *y = rh_binop(rt, RH_BINOP_POW, a, e2);
    rh_object *xy = rh_binop(rt, RH_BINOP_MUL, x, y), *xx = rh_binop(rt, RH_BINOP_MUL, x, x);
    rh_object *e3 = rh_int_from_i64(rt, 7000), *e4 = rh_int_from_i64(rt, 4000);
    rh_object *p7 = rh_binop(rt, RH_BINOP_POW, a, e3), *p4 = rh_binop(rt, RH_BINOP_POW, a, e4);
    RH_CHECK(rh_equal(rt, xy, p7) == 1); /* 3**2000 * 3**5000: 106 x 265 digits, lopsided */
    RH_CHECK(rh_equal(rt, xx, p4) == 1); /* a square: 106 x 106 digits */
    rh_object *objs[] = {a, e1, e2, x, y, xy, xx, e3, e4, p7, p4};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) rh_decref(rt, objs[i]);
    rh_runtime_free(rt);
}

/* PyLong_AsDouble: half-even rounding at 53 bits, OverflowError beyond DBL_MAX. */
RH_TEST(float_of_int_rounds_half_even_and_overflows_past_dbl_max) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { const char *hex; double want; } rows[] = {
        {"20000000000001", 9007199254740992.0},     /* 2**53 + 1: tie, to even */
        {"20000000000003", 9007199254740996.0},     /* 2**53 + 3: tie, to even (up) */
        {"-40000000000002", -18014398509481984.0},  /* -(2**54 + 2) */
        {"fffffffffffff800", 18446744073709549568.0},
        {"fffffffffffffc00", 18446744073709551616.0}, /* rounds up to 2**64 */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *o = H(rt, rows[i].hex);
        double d = 0;
        RH_CHECK(rh_int_as_double(rt, o, &d) == 0 && d == rows[i].want);
        rh_decref(rt, o);
    }
    rh_object *one = rh_int_from_i64(rt, 1), *k = rh_int_from_i64(rt, 1024), *big = rh_binop(rt, RH_BINOP_LSHIFT, one, k);
    double d;
    RH_CHECK(rh_int_as_double(rt, big, &d) == -1);
    RH_CHECK(error_is(rt, NULL, RH_EXC_OVERFLOW, "int too large to convert to float"));
    rh_object *half = rh_float_new(rt, 0.5);
    RH_CHECK(error_is(rt, rh_binop(rt, RH_BINOP_ADD, big, half), RH_EXC_OVERFLOW, "int too large to convert to float"));
    rh_decref(rt, half);
    rh_object *m = rh_binop(rt, RH_BINOP_SUB, big, one); /* 2**1024 - 1 rounds to 2**1024: overflow too */
    RH_CHECK(rh_int_as_double(rt, m, &d) == -1);
    rh_err_clear(rt);
    rh_decref(rt, m);
    rh_decref(rt, big);
    rh_decref(rt, one);
    rh_decref(rt, k);
    rh_runtime_free(rt);
}

/* float_richcompare's int branch: never rounds the int. */
RH_TEST(int_and_float_compare_exactly) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *p53 = H(rt, "20000000000001"), *f53 = rh_float_new(rt, 9007199254740992.0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_GT, p53, f53) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, p53, f53) == 0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, f53, p53) == 1);
    rh_object *huge = T10(rt, "1" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000"
                              "0000000000" "0000000000" "0000000000" "0000000000" "0000000000");
    rh_object *inf = rh_float_new(rt, INFINITY), *nan = rh_float_new(rt, NAN), *e100 = rh_float_new(rt, 1e100);
    RH_CHECK(rh_richcompare(rt, RH_CMP_LT, huge, inf) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, huge, nan) == 0);
    RH_CHECK(rh_richcompare(rt, RH_CMP_NE, huge, nan) == 1);
    RH_CHECK(rh_richcompare(rt, RH_CMP_NE, huge, e100) == 1); /* 1e100 is not 10**100 exactly */
    rh_object *exact = rh_int_from_double(rt, 1e100);
    RH_CHECK(rh_richcompare(rt, RH_CMP_EQ, exact, e100) == 1);
    RH_CHECK(repr_is(rt, (rh_incref(exact), exact),
                     "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104"));
    rh_object *half = rh_float_new(rt, 9007199254740993.5 * 2); /* an even integer-valued double */
    RH_CHECK(rh_richcompare(rt, RH_CMP_GE, p53, half) == 0);
    rh_object *objs[] = {p53, f53, huge, inf, nan, e100, exact, half};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) rh_decref(rt, objs[i]);
    rh_runtime_free(rt);
}

/* long_hash: modulo 2**61 - 1 digit by digit, sign kept, -1 -> -2; equal to hash(float) when equal. */
RH_TEST(hash_is_long_hash_for_big_and_negative_values) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { const char *dec; int64_t h; } rows[] = {
        {"1267650600228229401496703205376", 549755813888},       /* 2**100 */
        {"-1267650600228229401496703205376", -549755813888},
        {"2305843009213693951", 0},                              /* 2**61 - 1 */
        {"-2305843009213693952", -2},                            /* -(2**61): -1 -> -2 */
        {"10000000000000000000000000000000000000000", 1388497483929617590},
        {"-2305843009213693953", -2},                            /* -(2**61 + 1) */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *o = T10(rt, rows[i].dec);
        RH_CHECK_EQ_I(pyhash(rt, o), rows[i].h);
        rh_decref(rt, o);
    }
    rh_object *e = rh_int_from_double(rt, 0x1p200), *f = rh_float_new(rt, 0x1p200);
    RH_CHECK_EQ_I(pyhash(rt, e), pyhash(rt, f));
    rh_decref(rt, e);
    rh_decref(rt, f);
    rh_runtime_free(rt);
}

/* long_true_divide: correctly rounded, including subnormal results and huge operands. */
RH_TEST(true_division_of_big_ints_is_correctly_rounded) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    rh_object *ten = rh_int_from_i64(rt, 10), *seven = rh_int_from_i64(rt, 7), *k400 = rh_int_from_i64(rt, 400);
    rh_object *k300 = rh_int_from_i64(rt, 300), *k700 = rh_int_from_i64(rt, 700);
    rh_object *t400 = rh_binop(rt, RH_BINOP_POW, ten, k400), *s400 = rh_binop(rt, RH_BINOP_POW, seven, k400);
    rh_object *t300 = rh_binop(rt, RH_BINOP_POW, ten, k300), *t700 = rh_binop(rt, RH_BINOP_POW, ten, k700);
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, t400, s400), "9.136587006332136e+61"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, t300, seven), "1.4285714285714286e+299"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, seven, t300), "7e-300"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, seven, t700), "0.0"));
    rh_object *k310 = rh_int_from_i64(rt, 310), *t310 = rh_binop(rt, RH_BINOP_POW, ten, k310);
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, k300, t310), "3e-308")); /* subnormal range */
    rh_decref(rt, k310);
    rh_decref(rt, t310);
    RH_CHECK(error_is(rt, rh_binop(rt, RH_BINOP_TRUEDIV, t400, seven), RH_EXC_OVERFLOW,
                      "integer division result too large for a float"));
    rh_object *objs[] = {ten, seven, k400, k300, k700, t400, s400, t300, t700};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) rh_decref(rt, objs[i]);
    rh_runtime_free(rt);
}

/* PyLong_FromString and long_to_decimal_string: bases, underscores, the 4300-digit limit (3.11.7). */
RH_TEST(text_conversion_in_all_bases_with_the_4300_digit_limit) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { const char *s; int base; const char *want; } ok[] = {
        {"0x_ff", 0, "255"}, {"0o777", 0, "511"}, {"0b1_0_1", 0, "5"}, {"000", 0, "0"}, {"-zz", 36, "-1295"},
        {"ffffffffffffffffffffffff", 16, "79228162514264337593543950335"}, {" 1_000 ", 10, "1000"},
        {"12345678901234567890123456789", 10, "12345678901234567890123456789"}, {"0X1F", 16, "31"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        RH_CHECK(repr_is(rt, rh_int_from_text_base(rt, ok[i].s, strlen(ok[i].s), ok[i].base), ok[i].want));
    RH_CHECK(error_is(rt, rh_int_from_text_base(rt, "010", 3, 0), RH_EXC_VALUE, "invalid literal for int() with base 0: '010'"));
    RH_CHECK(error_is(rt, rh_int_from_text_base(rt, "1__0", 4, 10), RH_EXC_VALUE, "invalid literal for int() with base 10: '1__0'"));
    RH_CHECK(error_is(rt, rh_int_from_text_base(rt, "12", 2, 2), RH_EXC_VALUE, "invalid literal for int() with base 2: '12'"));
    RH_CHECK(error_is(rt, rh_int_from_text_base(rt, "1", 1, 37), RH_EXC_VALUE, "int() base must be >= 2 and <= 36, or 0"));
    static char nines[5001];
    memset(nines, '9', 5000);
    RH_CHECK(error_is(rt, rh_int_from_text(rt, nines, 5000), RH_EXC_VALUE,
                      "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
                      "use sys.set_int_max_str_digits() to increase the limit"));
    rh_object *v = rh_int_from_text(rt, nines, 4300); /* exactly at the limit: fine both ways */
    RH_CHECK_EQ_I(repr_len(rt, v), 4300);
    rh_object *ten = rh_int_from_i64(rt, 10), *w = rh_binop(rt, RH_BINOP_MUL, v, ten);
    RH_CHECK(error_is(rt, rh_repr(rt, w), RH_EXC_VALUE,
                      "Exceeds the limit (4300 digits) for integer string conversion; use "
                      "sys.set_int_max_str_digits() to increase the limit"));
    static char fs[6001];
    memset(fs, 'f', 6000);
    rh_object *h = rh_int_from_text_base(rt, fs, 6000, 16); /* power-of-two bases have no limit */
    RH_CHECK(h != NULL);
    rh_xdecref(rt, h);
    rh_decref(rt, v);
    rh_decref(rt, w);
    rh_decref(rt, ten);
    rh_runtime_free(rt);
}

/* long_pow with a modulus: negative modulus, negative exponent through long_invmod, errors. */
RH_TEST(three_argument_pow_reduces_and_inverts) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { const char *a, *b, *m, *want; } rows[] = {
        {"3", "1000", "1000000007", "56888193"}, {"-3", "1001", "97", "86"}, {"3", "5", "-7", "-2"},
        {"3", "-1", "7", "5"}, {"123456789012345678901234567890", "65537", "340282366920938463463374607431768211507",
                                 "269759287359887408652806983260143928305"},
        {"5", "0", "1", "0"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *a = T10(rt, rows[i].a), *b = T10(rt, rows[i].b), *m = T10(rt, rows[i].m);
        RH_CHECK(repr_is(rt, rh_type_of(a)->as_number.nb_power(rt, a, b, m), rows[i].want));
        rh_decref(rt, a);
        rh_decref(rt, b);
        rh_decref(rt, m);
    }
    rh_object *two = rh_int_from_i64(rt, 2), *m1 = rh_int_from_i64(rt, -1), *z = rh_int_from_i64(rt, 0);
    rh_object *four = rh_int_from_i64(rt, 4);
    RH_CHECK(error_is(rt, rh_type_of(two)->as_number.nb_power(rt, two, m1, four), RH_EXC_VALUE,
                      "base is not invertible for the given modulus"));
    RH_CHECK(error_is(rt, rh_type_of(two)->as_number.nb_power(rt, two, two, z), RH_EXC_VALUE,
                      "pow() 3rd argument cannot be 0"));
    rh_decref(rt, two);
    rh_decref(rt, m1);
    rh_decref(rt, z);
    rh_decref(rt, four);
    rh_runtime_free(rt);
}

static uint64_t requested(rh_runtime *rt) {
    rh_stats st = {.struct_size = sizeof st};
    st.allocator.struct_size = sizeof st.allocator;
    rh_stats_get(rt, &st);
    return st.allocator.bytes_requested;
}

/* Results are allocated as CPython allocates them: the block keeps the digits the operation asked for
 * (x_add: size_a + 1, x_mul: size_a + size_b, ...), sys.getsizeof reports the normalised ob_size. The
 * requested sizes are CPython 3.11.7's, measured with tracemalloc. */
RH_TEST(results_are_allocated_with_cpythons_digit_counts) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    struct { rh_binop_kind op; const char *a, *b; uint64_t alloc; size_t getsizeof; } rows[] = {
        {RH_BINOP_ADD, "40000005", "40000007", 36, 32},              /* x_add: 2+1 digits, result 2 */
        {RH_BINOP_SUB, "10000000000003e8", "1000000000000000", 28, 28}, /* x_sub: the differing digit */
        {RH_BINOP_MUL, "10000000003", "800000001", 40, 36},          /* x_mul: 2+2 digits, result 3 */
        {RH_BINOP_FLOORDIV, "10000000000000000000000011", "10000000001", 36, 32}, /* x_divrem quotient */
        {RH_BINOP_MOD, "10000000000000000000000011", "10000000001", 32, 28},      /* remainder: size_w */
        {RH_BINOP_FLOORDIV, "10000000000000000000000011", "3e8", 40, 40},        /* divrem1 */
        {RH_BINOP_RSHIFT, "10000000000000000000000011", "46", 32, 32},
        {RH_BINOP_OR, "-10000000000000000000000011", "5", 44, 40},   /* long_bitwise: size_a + 1 */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rh_object *a = H(rt, rows[i].a), *b = H(rt, rows[i].b);
        uint64_t before = requested(rt);
        rh_object *r = rh_binop(rt, rows[i].op, a, b);
        RH_CHECK_EQ_U(requested(rt) - before, rows[i].alloc);
        RH_CHECK_EQ_U(rh_sizeof(rt, r), rows[i].getsizeof);
        rh_decref(rt, r);
        RH_CHECK_EQ_U(requested(rt), before); /* freed with the size it was given */
        rh_decref(rt, a);
        rh_decref(rt, b);
    }
    const char *s = "1111111111111111111111111111111111111111"; /* PyLong_FromString: 5 digits for 40 chars */
    uint64_t before = requested(rt);
    rh_object *v = T10(rt, s);
    RH_CHECK_EQ_U(requested(rt) - before, 44);
    rh_decref(rt, v);
    rh_runtime_free(rt);
}

/* Many over-allocated results alive at once, freed in any order: every block goes back with its size. */
RH_TEST(slack_records_survive_many_live_ints) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    uint64_t base = live(rt), before = requested(rt);
    enum { N = 5000 };
    static rh_object *keep[N];
    rh_object *a = H(rt, "40000005");
    for (int i = 0; i < N; i++) {
        rh_object *b = rh_int_from_i64(rt, (1 << 30) + i);
        keep[i] = rh_binop(rt, RH_BINOP_ADD, a, b); /* 3 digits allocated, 2 used */
        rh_decref(rt, b);
    }
    RH_CHECK_EQ_U(rt->int_slack.n, N);
    for (int i = 0; i < N; i += 2) rh_decref(rt, keep[i]);
    for (int i = N - 1; i > 0; i -= 2) rh_decref(rt, keep[i]);
    rh_decref(rt, a);
    RH_CHECK_EQ_U(rt->int_slack.n, 0);
    RH_CHECK_EQ_U(requested(rt), before);
    RH_CHECK_EQ_U(live(rt), base);
    rh_runtime_free(rt);
}

/* rh_int_medium_value is IS_MEDIUM_VALUE: one digit at most, and results of two such operands allocate what
 * rh_int_from_i64 allocates; rh_int_small_value keeps reading two digits; bools mix with big ints. */
RH_TEST(medium_values_are_one_digit_and_bools_mix_with_big_ints) {
    rh_runtime *rt = rh_fx_runtime(NULL);
    int64_t v = 0;
    rh_object *a = rh_int_from_i64(rt, (1 << 30) - 1), *b = rh_int_from_i64(rt, 1 << 30), *c = rh_int_from_i64(rt, -(1 << 30) + 1);
    RH_CHECK(rh_int_medium_value(a, &v) == 1 && v == (1 << 30) - 1);
    RH_CHECK(rh_int_medium_value(c, &v) == 1 && v == -(1 << 30) + 1);
    RH_CHECK(rh_int_medium_value(b, &v) == 0);
    RH_CHECK(rh_int_small_value(b, &v) == 1 && v == 1 << 30);
    RH_CHECK(rh_int_medium_value(rh_true(rt), &v) == 0); /* exact ints only */
    uint64_t before = requested(rt);
    rh_object *s = rh_binop(rt, RH_BINOP_ADD, a, a); /* medium + medium: exactly two digits */
    RH_CHECK_EQ_U(requested(rt) - before, 32);
    rh_object *big = H(rt, "100000000000000000000000000");
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_ADD, rh_true(rt), big), "20282409603651670423947251286017"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_AND, big, rh_true(rt)), "0"));
    RH_CHECK(repr_is(rt, rh_binop(rt, RH_BINOP_MUL, big, rh_false(rt)), "0"));
    rh_object *objs[] = {a, b, c, s, big};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) rh_decref(rt, objs[i]);
    rh_runtime_free(rt);
}

RH_TEST_MAIN()
