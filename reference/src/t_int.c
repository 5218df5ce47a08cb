/* t_int.c — the int type: PyLongObject layout, the small-int cache, the py27 int freelist, int(text).
 *
 * Owns: rh__type_init_int, rh__small_ints_init, rh__int_freelist_clear, the public int API of types.h
 * and the rh__int_* kernels of scalars.h.
 *
 * Layout (Include/cpython/longintrepr.h, 3.11): ob_size = sign * ndigits (0 for zero), 30-bit digits in
 * uint32. An int of n digits occupies 24 + 4 * max(1, n) bytes (_PyLong_New), so 0 and every value below
 * 2**30 take 28 bytes (pymalloc's 32-byte class); 2**30 takes 32, 2**60 takes 36.
 *
 * Invariants:
 *  - values lie in [-(2**64-1), 2**64-1] (at most 3 digits, the top one 4 bits wide); anything that would
 *    leave that range fails with OverflowError RH_INT_TOO_LARGE — a documented refheap limit, never a
 *    silent wrap-around;
 *  - every value in [small_int_min, small_int_max] (-5..256) exists once, as a static object in
 *    rt->statics->small_ints (_PyLong_SMALL_INTS, Objects/longobject.c:get_small_int); constructors return
 *    that object with a new reference and never allocate such a value;
 *  - digits are normalised: the most significant stored digit is non-zero;
 *  - py27 profile (int_block_size != 0): ints are 2.7's PyIntObject — 24 bytes, the value in the word
 *    where 3.x keeps ob_size (type flag RH_TPFLAG_INT_WORD on int and bool, so readers of a value never
 *    need the runtime). Heap ints come from intblock.c's 992-byte blocks and go back to their free list
 *    at death; values beyond a C long raise OverflowError (2.7 would promote to `long`, which refheap
 *    does not model — docs/conformance.md).
 */
#include <math.h>
#include <stdlib.h>

#include "scalars.h"

/* types.h's inline rh_int_small_value reads the digits right after the rh_varobject header */
_Static_assert(RH_LONG_HEADER == sizeof(rh_varobject), "digits follow the var-object header");

static rh_type *int_type(rh_runtime *rt) { return rh__builtin(rt, RH_K_INT); }

static size_t ndigits_of(uint64_t mag) {
    if (mag == 0) return 0;
    if (mag >> RH_DIGIT_BITS == 0) return 1;
    if (mag >> (2 * RH_DIGIT_BITS) == 0) return 2;
    return 3;
}

static size_t alloc_size(size_t ndigits) {
    return RH_LONG_HEADER + sizeof(uint32_t) * (ndigits ? ndigits : 1);
}

/* ---------------------------------------------------------------- type */

static int word_layout(const rh_object *o) { return (o->type->flags & RH_TPFLAG_INT_WORD) != 0; }

size_t rh__int_size_of(rh_runtime *rt, rh_object *o) {
    if (word_layout(o)) return RH_LONG_HEADER; /* PyIntObject: 24 */
    intptr_t n = ((rh_varobject *)o)->size;
    size_t nd = (size_t)(n < 0 ? -n : n);
    if (nd == 0 && rt->profile->int_zero_has_digit) nd = 1;
    return RH_LONG_HEADER + sizeof(uint32_t) * nd;
}

static void int_dealloc(rh_runtime *rt, rh_object *o) {
    if (word_layout(o)) { /* int_dealloc, 2.7: the slot goes back to the free list, never to malloc */
        rh__object_to_freelist(rt, o);
        rh__intblock_push(&rt->fl.int27, o);
        return;
    }
    rh_varobject *v = (rh_varobject *)o;
    size_t nd = (size_t)(v->size < 0 ? -v->size : v->size);
    rh__object_free(rt, o, alloc_size(nd));
}

static const rh_number_methods int_as_number;
static int int_repr_into(rh__sb *b, rh_object *o);
static int64_t int_hash(rh_runtime *rt, rh_object *o);
static rh_object *int_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op);

void rh__type_init_int(rh_runtime *rt, rh_type *t) {
    t->name = "int";
    t->kind = RH_K_INT;
    t->flags = RH_TPFLAG_BASETYPE | (rt->profile->int_block_size ? RH_TPFLAG_INT_WORD : 0);
    t->basicsize = RH_LONG_HEADER; /* int.__basicsize__ 24, __itemsize__ 4 (2.7: 24, 0) */
    t->itemsize = rt->profile->int_block_size ? 0 : sizeof(uint32_t);
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = int_dealloc;
    t->size_of = rh__int_size_of;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = int_repr_into;
    t->tp_hash = int_hash;
    t->tp_richcompare = int_richcompare;
    t->as_number = int_as_number;
}

void rh__int_freelist_clear(rh_runtime *rt) {
    if (rt->profile->int_block_size) rh__intblock_clear(rt, &rt->fl.int27, int_type(rt));
}

/* ---------------------------------------------------------------- small ints */

int rh__small_ints_init(rh_runtime *rt) {
    int64_t lo = rt->profile->small_int_min, hi = rt->profile->small_int_max;
    if (hi >= lo && hi - lo + 1 > RH_NSMALLINTS_MAX) hi = lo + RH_NSMALLINTS_MAX - 1;
    rt->small_int_min = lo;
    rt->small_int_max = hi;
    for (int64_t v = lo; v <= hi; v++) {
        rh_long_static *s = &rt->statics->small_ints[v - lo];
        uint64_t mag = v < 0 ? (uint64_t)-v : (uint64_t)v;
        rh__static_init(rt, &s->ob.ob, int_type(rt));
        s->ob.size = v < 0 ? -1 : (v > 0 ? 1 : 0);
        if (rt->profile->int_block_size) s->ob.size = (intptr_t)v; /* PyIntObject's ob_ival */
        s->digit[0] = (uint32_t)mag;
        s->digit[1] = 0;
    }
    return 0;
}

static rh_object *small_int(rh_runtime *rt, int64_t v) {
    return &rt->statics->small_ints[v - rt->small_int_min].ob.ob;
}

int rh_int_is_small_cached(rh_runtime *rt, rh_object *o) {
    const char *p = (const char *)o, *lo = (const char *)rt->statics->small_ints;
    int64_t n = rt->small_int_max - rt->small_int_min + 1;
    if (n <= 0) return 0;
    return p >= lo && p < lo + (size_t)n * sizeof(rh_long_static);
}

/* ---------------------------------------------------------------- construction */

static rh_object *int_alloc(rh_runtime *rt, size_t ndigits) {
    return rh__object_alloc(rt, int_type(rt), alloc_size(ndigits));
}

/* PyInt_FromLong, 2.7: a slot from the blocks (fill_free_list when they are full). */
static rh_object *int27_new(rh_runtime *rt, int64_t v) {
    rh_object *o = rh__intblock_pop(rt, &rt->fl.int27, rt->profile->int_block_size);
    if (!o) return NULL;
    rh__object_reuse(rt, o, int_type(rt));
    ((rh_varobject *)o)->size = (intptr_t)v;
    return o;
}

static rh_object *int_new(rh_runtime *rt, int neg, uint64_t mag) {
    if (rt->profile->int_block_size) {
        if (mag > (neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX)) {
            rh_err_set(rt, RH_EXC_OVERFLOW, "int beyond sys.maxint: refheap's py27 profile has no long type");
            return NULL;
        }
        return int27_new(rt, neg ? (int64_t)((uint64_t)0 - mag) : (int64_t)mag);
    }
    size_t nd = ndigits_of(mag);
    rh_object *o = int_alloc(rt, nd);
    if (!o) return NULL;
    rh_long *l = (rh_long *)o;
    l->ob.size = neg ? -(intptr_t)nd : (intptr_t)nd;
    l->digit[0] = (uint32_t)(mag & RH_DIGIT_MASK);
    for (size_t i = 1; i < nd; i++) l->digit[i] = (uint32_t)((mag >> (RH_DIGIT_BITS * i)) & RH_DIGIT_MASK);
    return o;
}

rh_object *rh__int_from_i128(rh_runtime *rt, rh_i128 v) {
    if (v >= rt->small_int_min && v <= rt->small_int_max) {
        rh_object *o = small_int(rt, (int64_t)v);
        rh_incref(o);
        return o;
    }
    int neg = v < 0;
    rh_u128 mag = neg ? -(rh_u128)v : (rh_u128)v;
    if (mag > RH_INT_MAG_MAX) {
        rh_err_set(rt, RH_EXC_OVERFLOW, RH_INT_TOO_LARGE);
        return NULL;
    }
    return int_new(rt, neg, (uint64_t)mag);
}

/* The common case without 128-bit arithmetic: every int64 fits in 3 digits. */
rh_object *rh_int_from_i64(rh_runtime *rt, int64_t v) {
    if (v >= rt->small_int_min && v <= rt->small_int_max) {
        rh_object *o = small_int(rt, v);
        rh_incref(o);
        return o;
    }
    return int_new(rt, v < 0, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

rh_i128 rh__int_value(rh_object *o) {
    rh_assert(o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL);
    const rh_long *l = (const rh_long *)o;
    if (word_layout(o)) return l->ob.size;
    intptr_t n = l->ob.size;
    size_t nd = (size_t)(n < 0 ? -n : n);
    rh_u128 mag = 0;
    for (size_t i = nd; i-- > 0;) mag = (mag << RH_DIGIT_BITS) | l->digit[i];
    return n < 0 ? -(rh_i128)mag : (rh_i128)mag;
}

int rh_int_as_i64(rh_runtime *rt, rh_object *o, int64_t *out) {
    if (o->type->kind != RH_K_INT && o->type->kind != RH_K_BOOL) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", rh_type_name(o));
        return -1;
    }
    rh_i128 v = rh__int_value(o);
    if (v < INT64_MIN || v > INT64_MAX) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C long");
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

/* ---------------------------------------------------------------- kernels */

int64_t rh__int_hash(rh_i128 v) {
    const uint64_t modulus = ((uint64_t)1 << 61) - 1;
    int neg = v < 0;
    uint64_t mag = (uint64_t)(neg ? -(rh_u128)v : (rh_u128)v);
    int64_t h = (int64_t)(mag % modulus);
    if (neg) h = -h;
    return h == -1 ? -2 : h;
}

size_t rh__int_format(rh_i128 v, int base, int upper, char *buf) {
    const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[100];
    size_t n = 0, len = 0;
    rh_u128 mag = v < 0 ? -(rh_u128)v : (rh_u128)v;
    do {
        tmp[n++] = digs[(unsigned)(mag % (unsigned)base)];
        mag /= (unsigned)base;
    } while (mag);
    if (v < 0) buf[len++] = '-';
    while (n) buf[len++] = tmp[--n];
    buf[len] = '\0';
    return len;
}

static int bit_length(rh_u128 x) {
    uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x;
    if (hi) return 128 - __builtin_clzll(hi);
    return lo ? 64 - __builtin_clzll(lo) : 0;
}

/* long_true_divide's contract: the exact quotient rounded once, half to even. Both magnitudes are below
 * 2**64, so scaling the dividend by 2**k leaves a 55-56 bit integer quotient plus a sticky remainder. */
double rh__int_truediv(rh_i128 a, rh_i128 b) {
    int neg = (a < 0) != (b < 0);
    rh_u128 x = a < 0 ? -(rh_u128)a : (rh_u128)a, y = b < 0 ? -(rh_u128)b : (rh_u128)b;
    const rh_u128 exact = (rh_u128)1 << 53;
    if (x == 0) return neg ? -0.0 : 0.0;
    if (x <= exact && y <= exact) {
        double d = (double)x / (double)y;
        return neg ? -d : d;
    }
    int k = 55 - (bit_length(x) - bit_length(y));
    rh_u128 num = k >= 0 ? x << k : x, den = k >= 0 ? y : y << -k;
    rh_u128 q = num / den;
    int sticky = num % den != 0;
    int shift = bit_length(q) - 53;
    uint64_t mant = (uint64_t)(q >> shift);
    rh_u128 rest = q & (((rh_u128)1 << shift) - 1), half = (rh_u128)1 << (shift - 1);
    if (rest > half || (rest == half && (sticky || (mant & 1)))) mant++;
    double d = ldexp((double)mant, shift - k);
    return neg ? -d : d;
}

/* ---------------------------------------------------------------- int(text) */

static void invalid_literal(rh_runtime *rt, const char *s, size_t n) {
    rh_object *text = rh_str_from_utf8(rt, s, n);
    if (!text) return;
    rh__sb b;
    rh__sb_init(&b, rt);
    int ok = rh__sb_put_str_repr(&b, text, 0) == 0;
    rh_decref(rt, text);
    if (!ok) {
        rh__sb_free(&b);
        return;
    }
    /* "%.200R": the repr is cut to 200 characters (PyUnicode_FromFormat precision) */
    size_t bytes = 0, chars = 0;
    while (bytes < b.len && chars < 200) {
        bytes++;
        while (bytes < b.len && ((unsigned char)b.buf[bytes] & 0xC0) == 0x80) bytes++;
        chars++;
    }
    rh_err_set(rt, RH_EXC_VALUE, "invalid literal for int() with base 10: %.*s", (int)bytes, b.buf);
    rh__sb_free(&b);
}

rh_object *rh_int_from_text(rh_runtime *rt, const char *s0, size_t n0) {
    const char *s = s0;
    size_t n = n0, i = 0, ndigits = 0;
    int neg = 0, overflow = 0;
    uint64_t mag = 0;
    rh__text_strip(&s, &n);
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i >= n || s[i] < '0' || s[i] > '9') goto bad;
    while (i < n) {
        char c = s[i++];
        if (c == '_') { /* one underscore, only between digits */
            if (i >= n || s[i] < '0' || s[i] > '9') goto bad;
            continue;
        }
        if (c < '0' || c > '9') goto bad;
        unsigned d = (unsigned)(c - '0');
        if (mag > (UINT64_MAX - d) / 10) overflow = 1;
        else mag = mag * 10 + d;
        ndigits++;
    }
    if (ndigits > 4300) { /* sys.int_info.default_max_str_digits (3.11.0+) */
        rh_err_set(rt, RH_EXC_VALUE,
                   "Exceeds the limit (4300 digits) for integer string conversion: value has %zu digits; "
                   "use sys.set_int_max_str_digits() to increase the limit", ndigits);
        return NULL;
    }
    if (overflow) {
        rh_err_set(rt, RH_EXC_OVERFLOW, RH_INT_TOO_LARGE);
        return NULL;
    }
    return rh__int_from_i128(rt, neg ? -(rh_i128)mag : (rh_i128)mag);
bad:
    invalid_literal(rt, s0, n0);
    return NULL;
}

/* ---------------------------------------------------------------- slots (Objects/longobject.c) */

static int is_int(const rh_object *o) { return o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL; }

static int int_repr_into(rh__sb *b, rh_object *o) {
    char buf[100];
    size_t n = rh__int_format(rh__int_value(o), 10, 0, buf);
    return rh__sb_putn(b, buf, n);
}

static int64_t int_hash(rh_runtime *rt, rh_object *o) { return rh__int_hash(rh__int_value(o)); }

/* long_richcompare: ints (and bools) only; float_richcompare answers for int against float */
static rh_object *int_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (!is_int(a) || !is_int(b)) return rh__notimpl(rt);
    rh_i128 x = rh__int_value(a), y = rh__int_value(b);
    return rh__cmp_result(rt, op, x < y ? -1 : x > y);
}

static rh_object *too_large(rh_runtime *rt) {
    rh_err_set(rt, RH_EXC_OVERFLOW, RH_INT_TOO_LARGE);
    return NULL;
}

static int in_range(rh_i128 v) { return v <= (rh_i128)RH_INT_MAG_MAX && v >= -(rh_i128)RH_INT_MAG_MAX; }

static rh_object *int_pow_exact(rh_runtime *rt, rh_i128 x, rh_i128 y) {
    if (y == 0) return rh__int_from_i128(rt, 1);
    if (x == 0 || x == 1) return rh__int_from_i128(rt, x);
    if (x == -1) return rh__int_from_i128(rt, (y & 1) ? -1 : 1);
    if (y > 64) return too_large(rt); /* |x| >= 2 */
    rh_i128 r = 1, base = x;
    for (rh_i128 e = y;;) {
        if ((e & 1) && (__builtin_mul_overflow(r, base, &r) || !in_range(r))) return too_large(rt);
        e >>= 1;
        if (!e) break;
        if (__builtin_mul_overflow(base, base, &base) || !in_range(base)) return too_large(rt);
    }
    return rh__int_from_i128(rt, r);
}

/* One int operator on two ints (CHECK_BINOP done): exact in 128 bits, range-checked. */
static rh_object *int_arith(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    rh_i128 x = rh__int_value(a), y = rh__int_value(b), r = 0;
    double d;
    switch (op) {
    case RH_BINOP_ADD: r = x + y; break;
    case RH_BINOP_SUB: r = x - y; break;
    case RH_BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return too_large(rt);
        break;
    case RH_BINOP_TRUEDIV:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "division by zero");
            return NULL;
        }
        return rh_float_new(rt, rh__int_truediv(x, y));
    case RH_BINOP_FLOORDIV:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "integer division or modulo by zero");
            return NULL;
        }
        r = x / y;
        if (x % y != 0 && ((x < 0) != (y < 0))) r -= 1;
        break;
    case RH_BINOP_MOD:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "integer modulo by zero");
            return NULL;
        }
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        break;
    case RH_BINOP_POW: /* long_pow: a negative exponent gives a float */
        if (y < 0) return rh__float_pow(rt, (double)x, (double)y, &d) ? NULL : rh_float_new(rt, d);
        return int_pow_exact(rt, x, y);
    case RH_BINOP_LSHIFT:
    case RH_BINOP_RSHIFT:
        if (y < 0) {
            rh_err_set(rt, RH_EXC_VALUE, "negative shift count");
            return NULL;
        }
        if (op == RH_BINOP_RSHIFT) r = y >= 127 ? (x < 0 ? -1 : 0) : x >> (int)y;
        else if (x == 0) r = 0;
        else if (y > 64) return too_large(rt);
        else r = x * ((rh_i128)1 << (int)y);
        break;
    case RH_BINOP_AND: r = x & y; break;
    case RH_BINOP_OR: r = x | y; break;
    default: r = x ^ y; break;
    }
    return rh__int_from_i128(rt, r);
}

#define INT_BINARY(fn, OP)                                                                                 \
    static rh_object *fn(rh_runtime *rt, rh_object *a, rh_object *b) {                                     \
        return is_int(a) && is_int(b) ? int_arith(rt, OP, a, b) : rh__notimpl(rt);                          \
    }
INT_BINARY(long_add, RH_BINOP_ADD)
INT_BINARY(long_sub, RH_BINOP_SUB)
INT_BINARY(long_mul, RH_BINOP_MUL)
INT_BINARY(long_true_divide, RH_BINOP_TRUEDIV)
INT_BINARY(long_floor_divide, RH_BINOP_FLOORDIV)
INT_BINARY(long_mod, RH_BINOP_MOD)
INT_BINARY(long_lshift, RH_BINOP_LSHIFT)
INT_BINARY(long_rshift, RH_BINOP_RSHIFT)
INT_BINARY(long_and, RH_BINOP_AND)
INT_BINARY(long_or, RH_BINOP_OR)
INT_BINARY(long_xor, RH_BINOP_XOR)
#undef INT_BINARY

static rh_object *long_pow(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *mod) {
    if (!is_int(a) || !is_int(b)) return rh__notimpl(rt);
    if (mod != rh_none(rt)) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "pow() with a modulus is outside refheap's model");
        return NULL;
    }
    return int_arith(rt, RH_BINOP_POW, a, b);
}

/* long_long: an exact int is itself; a bool becomes the int of its value */
static rh_object *long_long(rh_runtime *rt, rh_object *o) {
    if (o->type->kind == RH_K_INT) {
        rh_incref(o);
        return o;
    }
    return rh__int_from_i128(rt, rh__int_value(o));
}
static rh_object *long_neg(rh_runtime *rt, rh_object *o) { return rh__int_from_i128(rt, -rh__int_value(o)); }
static rh_object *long_invert(rh_runtime *rt, rh_object *o) { return rh__int_from_i128(rt, -(rh__int_value(o) + 1)); }
static rh_object *long_abs(rh_runtime *rt, rh_object *o) {
    rh_i128 v = rh__int_value(o);
    return v < 0 ? rh__int_from_i128(rt, -v) : long_long(rt, o);
}
static int long_bool(rh_runtime *rt, rh_object *o) { return ((rh_varobject *)o)->size != 0; }
static rh_object *long_float(rh_runtime *rt, rh_object *o) { return rh_float_new(rt, (double)rh__int_value(o)); }

static const rh_number_methods int_as_number = {
    .nb_add = long_add, .nb_subtract = long_sub, .nb_multiply = long_mul, .nb_remainder = long_mod,
    .nb_power = long_pow, .nb_negative = long_neg, .nb_positive = long_long, .nb_absolute = long_abs,
    .nb_bool = long_bool, .nb_invert = long_invert, .nb_lshift = long_lshift, .nb_rshift = long_rshift,
    .nb_and = long_and, .nb_xor = long_xor, .nb_or = long_or, .nb_int = long_long, .nb_float = long_float,
    .nb_floor_divide = long_floor_divide, .nb_true_divide = long_true_divide, .nb_index = long_long,
};
