/* t_int.c — the int type: PyLongObject layout, allocation, the small-int cache, the py27 int freelist,
 * conversions (C integers, float, text in bases 2..36, decimal repr), hash, comparison and the number
 * slots (the arithmetic itself is long_arith.c).
 *
 * Owns: rh__type_init_int, rh__small_ints_init, rh__int_freelist_clear, the public int API of types.h,
 * the rh__int_* helpers of scalars.h and the rh__long_* allocation helpers of longint.h.
 *
 * Layout (Include/cpython/longintrepr.h, 3.11): ob_size = sign * ndigits (0 for zero), 30-bit digits in
 * uint32, any number of them. _PyLong_New(n) allocates 24 + 4 * max(1, n) bytes, so 0 and every value
 * below 2**30 take 28 bytes (pymalloc's 32-byte class); 2**30 takes 32, 2**60 takes 36.
 *
 * Invariants:
 *  - digits are normalised: the most significant stored digit is non-zero (long_normalize);
 *  - an int's block holds max(1, |ob_size|) digits, except the ints listed in rt->int_slack, whose block
 *    holds the larger count recorded there (an operation allocated more digits than its normalised result
 *    needs, as CPython's x_add, x_mul, long_bitwise, PyLong_FromString do): long_dealloc frees the block
 *    with the size it was allocated with, so pymalloc's requested-bytes figure stays exact;
 *  - every value in [small_int_min, small_int_max] (-5..256) exists once, as a static object in
 *    rt->statics->small_ints (_PyLong_SMALL_INTS, Objects/longobject.c:get_small_int); constructors and
 *    operations return that object with a new reference where CPython does (maybe_small_long);
 *  - str(int) and int(str) in a non-power-of-two base refuse more than 4300 decimal digits with
 *    ValueError, as sys.int_info.default_max_str_digits in 3.11.7 (the limit cannot be changed: refheap
 *    has no sys.set_int_max_str_digits);
 *  - py27 profile (int_block_size != 0): ints are 2.7's PyIntObject — 24 bytes, the value in the word
 *    where 3.x keeps ob_size (type flag RH_TPFLAG_INT_WORD on int and bool, so readers of a value never
 *    need the runtime). Heap ints come from intblock.c's 992-byte blocks and go back to their free list
 *    at death; their arithmetic is exact in 128 bits and values beyond a C long raise OverflowError
 *    (2.7 would promote to `long`, which refheap does not model — docs/conformance.md).
 */
#include <float.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "longint.h"
#include "mem_fast.h"

#define D(o) rh__long_digits(o)
#define ND(o) rh__long_ndigits(o)
#define SIZE(o) rh__long_size(o)
#define MAX_LONG_DIGITS ((RH_SSIZE_MAX - RH_LONG_HEADER) / sizeof(rh_digit))
#define MAX_STR_DIGITS 4300       /* sys.int_info.default_max_str_digits */
#define STR_DIGITS_THRESHOLD 640  /* sys.int_info.str_digits_check_threshold */

typedef __int128 rh_i128;
typedef unsigned __int128 rh_u128;

static rh_type *int_type(rh_runtime *rt) { return rh__builtin(rt, RH_K_INT); }
static int word_layout(const rh_object *o) { return (o->type->flags & RH_TPFLAG_INT_WORD) != 0; }
static int is_int(const rh_object *o) { return o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL; }
static size_t alloc_size(size_t ndigits) { return RH_LONG_HEADER + sizeof(rh_digit) * (ndigits ? ndigits : 1); }

/* ---------------------------------------------------------------- the slack table (rt->int_slack)
 * Open addressing on the object's address, linear probing, deletion by backward shift. Its memory is
 * bookkeeping (libc), as the interned set's. */

static size_t slack_slot(const rh_int_slack *t, uintptr_t key) {
    return (size_t)((key >> 4) * 0x9E3779B97F4A7C15ull) & (t->cap - 1);
}

static void slack_put(rh_runtime *rt, rh_object *o, size_t ndigits) {
    rh_int_slack *t = &rt->int_slack;
    if (2 * (t->n + 1) > t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        rh_int_slack_entry *e = calloc(cap, sizeof *e), *old = t->e;
        if (!e) { /* cannot remember: from now on int frees pass "size unknown" */
            t->unknown = 1;
            return;
        }
        size_t oldcap = t->cap;
        t->e = e;
        t->cap = cap;
        for (size_t i = 0; i < oldcap; i++) {
            if (!old[i].key) continue;
            size_t j = slack_slot(t, old[i].key);
            while (e[j].key) j = (j + 1) & (cap - 1);
            e[j] = old[i];
        }
        free(old);
    }
    size_t j = slack_slot(t, (uintptr_t)o);
    while (t->e[j].key && t->e[j].key != (uintptr_t)o) j = (j + 1) & (t->cap - 1);
    if (t->e[j].key) return; /* normalised again: the first count is the allocation */
    t->n++;
    t->e[j].key = (uintptr_t)o;
    t->e[j].ndigits = ndigits;
}

/* The digits allocated for o (nd when it has no entry); the entry is removed (slack_take below). */
static size_t slack_take_entry(rh_runtime *rt, rh_object *o, size_t nd) {
    rh_int_slack *t = &rt->int_slack;
    size_t j = slack_slot(t, (uintptr_t)o), mask = t->cap - 1;
    while (t->e[j].key != (uintptr_t)o) {
        if (!t->e[j].key) return nd;
        j = (j + 1) & mask;
    }
    size_t r = t->e[j].ndigits;
    t->e[j].key = 0;
    t->n--;
    for (size_t k = (j + 1) & mask; t->e[k].key; k = (k + 1) & mask) { /* backward shift */
        size_t home = slack_slot(t, t->e[k].key);
        if (((k - home) & mask) >= ((k - j) & mask)) {
            t->e[j] = t->e[k];
            t->e[k].key = 0;
            j = k;
        }
    }
    return r;
}

static size_t slack_take(rh_runtime *rt, rh_object *o, size_t nd) {
    return rt->int_slack.n == 0 ? nd : slack_take_entry(rt, o, nd);
}

void rh__int_slack_free(rh_runtime *rt) {
    free(rt->int_slack.e);
    memset(&rt->int_slack, 0, sizeof rt->int_slack);
}

/* ---------------------------------------------------------------- type */

size_t rh__int_size_of(rh_runtime *rt, rh_object *o) {
    if (word_layout(o)) return o->type->basicsize; /* PyIntObject (24): object.__sizeof__ */
    size_t nd = ND(o);
    if (nd == 0 && rt->profile->int_zero_has_digit) nd = 1;
    return RH_LONG_HEADER + sizeof(rh_digit) * nd;
}

/* ---------------------------------------------------------------- subclass instances */

size_t rh__int_subtype_bytes(const rh_object *o) {
    const rh_type *t = o->type;
    if (!t->itemsize) return t->basicsize;
    size_t n = ND(o) + 1; /* PyType_GenericAlloc allocates one item more than asked (a sentinel) */
    return (t->basicsize + t->itemsize * n + 7) & ~(size_t)7;
}

/* subtype_dealloc ends here (instance_dealloc re-tracked o for it): the block of the subclass's size */
static void int_subtype_free(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh__object_free(rt, o, rh__int_subtype_bytes(o));
}

rh_object *rh_int_subtype_new(rh_runtime *rt, rh_object *cls, rh_object *v) {
    rh_type *t = (rh_type *)(void *)cls;
    intptr_t size = v->type->kind == RH_K_BOOL && !word_layout(v) ? (v == rh_true(rt)) : SIZE(v);
    size_t n = t->itemsize ? ND(v) : 0;
    if (n > MAX_LONG_DIGITS - 1) {
        rh_err_nomemory(rt);
        return NULL;
    }
    size_t bytes = t->itemsize ? (t->basicsize + t->itemsize * (n + 1) + 7) & ~(size_t)7 : t->basicsize;
    rh_object *o = rh__object_alloc(rt, t, bytes);
    if (!o) return NULL;
    memset((char *)o + sizeof(rh_object), 0, bytes - sizeof(rh_object));
    rh__long_set_size(o, size);
    if (t->itemsize) memcpy(D(o), D(v), n * sizeof(rh_digit));
    rh__gc_track(rt, o);
    return o;
}

/* int_dealloc, 2.7 (the type's dealloc under profiles with int blocks): the slot goes back to the free
 * list, never to malloc. */
static void int27_dealloc(rh_runtime *rt, rh_object *o) {
    if (RH_UNLIKELY(o->type->flags & RH_TPFLAG_HEAPTYPE)) {
        int_subtype_free(rt, o);
        return;
    }
    rh__object_to_freelist(rt, o);
    rh__intblock_push(&rt->fl.int27, o);
}

/* long_dealloc with the slack table in use (or an entry lost): the size comes from the table. */
static __attribute__((noinline)) void long_dealloc_slack(rh_runtime *rt, rh_object *o) {
    size_t nd = slack_take(rt, o, ND(o));
    rh__object_free_plain(rt, o, rt->int_slack.unknown ? 0 : alloc_size(nd));
}

/* long_dealloc (3.x). Usually no int has slack, so the block's size follows from ob_size: that case is a
 * leaf ending in the allocator's free. Only the int type has this dealloc (bools are static), so the
 * kind counted is RH_K_INT. */
static void long_dealloc(rh_runtime *rt, rh_object *o) {
    rh_assert(o->type->kind == RH_K_INT && !word_layout(o));
    if (RH_UNLIKELY(o->type->flags & RH_TPFLAG_HEAPTYPE)) {
        int_subtype_free(rt, o);
        return;
    }
    if (RH_UNLIKELY((rt->int_slack.n | (size_t)rt->int_slack.unknown) != 0)) {
        long_dealloc_slack(rt, o);
        return;
    }
    rh__count_free(rt, RH_K_INT);
    rh__mem_free(rt, o, alloc_size(ND(o)));
}

static const rh_number_methods int_as_number;
static int int_repr_into(rh__sb *b, rh_object *o);
static rh_object *int_repr(rh_runtime *rt, rh_object *o);
static int64_t int_hash(rh_runtime *rt, rh_object *o);
static rh_object *int_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op);

void rh__type_init_int(rh_runtime *rt, rh_type *t) {
    t->name = "int";
    t->kind = RH_K_INT;
    t->flags = RH_TPFLAG_BASETYPE | (rt->profile->int_block_size ? RH_TPFLAG_INT_WORD : 0);
    t->basicsize = RH_LONG_HEADER; /* int.__basicsize__ 24, __itemsize__ 4 (2.7: 24, 0) */
    t->itemsize = rt->profile->int_block_size ? 0 : sizeof(rh_digit);
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = rt->profile->int_block_size ? int27_dealloc : long_dealloc;
    t->size_of = rh__int_size_of;
    t->tp_repr = rt->profile->version_hex >= 0x0300 ? int_repr : rh__repr_by_builder;
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

static int is_small(rh_runtime *rt, int64_t v) { return v >= rt->small_int_min && v <= rt->small_int_max; }

static rh_object *small_int(rh_runtime *rt, int64_t v) {
    rh_object *o = &rt->statics->small_ints[v - rt->small_int_min].ob.ob;
    rh_incref(o);
    return o;
}

int rh_int_is_small_cached(rh_runtime *rt, rh_object *o) {
    const char *p = (const char *)o, *lo = (const char *)rt->statics->small_ints;
    int64_t n = rt->small_int_max - rt->small_int_min + 1;
    if (n <= 0) return 0;
    return p >= lo && p < lo + (size_t)n * sizeof(rh_long_static);
}

/* ---------------------------------------------------------------- allocation (longint.h) */

rh_object *rh__long_new(rh_runtime *rt, size_t ndigits) {
    if (ndigits > MAX_LONG_DIGITS) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "too many digits in integer");
        return NULL;
    }
    rh_object *o = rh__object_alloc_plain(rt, int_type(rt), alloc_size(ndigits));
    if (o) rh__long_set_size(o, (intptr_t)ndigits);
    return o;
}

rh_object *rh__long_normalize(rh_runtime *rt, rh_object *v) {
    size_t j = ND(v), i = j;
    while (i > 0 && D(v)[i - 1] == 0) --i;
    if (i != j) {
        rh__long_set_size(v, SIZE(v) < 0 ? -(intptr_t)i : (intptr_t)i);
        if (j > 1) slack_put(rt, v, j); /* the block keeps j digits */
    }
    return v;
}

rh_object *rh__long_maybe_small(rh_runtime *rt, rh_object *v) {
    if (v && rh__long_is_medium(v)) {
        int64_t ival = rh__long_medium(v);
        if (is_small(rt, ival)) {
            rh_decref(rt, v);
            return small_int(rt, ival);
        }
    }
    return v;
}

rh_object *rh__long_copy(rh_runtime *rt, rh_object *src) {
    size_t i = ND(src);
    if (i < 2 && is_small(rt, rh__long_medium(src))) return small_int(rt, rh__long_medium(src));
    rh_object *r = rh__long_new(rt, i);
    if (r) {
        rh__long_set_size(r, SIZE(src));
        memcpy(D(r), D(src), i * sizeof(rh_digit));
    }
    return r;
}

intptr_t rh__long_compare(rh_object *a, rh_object *b) {
    intptr_t sign = SIZE(a) - SIZE(b);
    if (sign == 0) {
        size_t i = ND(a);
        int64_t diff = 0;
        while (i-- > 0)
            if ((diff = (int64_t)D(a)[i] - (int64_t)D(b)[i]) != 0) break;
        sign = SIZE(a) < 0 ? -diff : diff;
    }
    return sign;
}

int64_t rh__long_bit_length(rh_object *o) {
    size_t n = ND(o);
    return n ? (int64_t)(n - 1) * RH_DIGIT_BITS + rh__bit_length_digit(D(o)[n - 1]) : 0;
}

/* int.bit_length() (int_bit_length_impl: _PyLong_NumBits of |o|); py27's PyIntObject: the bits of |value|
 * (int_bit_length, Objects/intobject.c 2.7). o an int or bool. */
int64_t rh_int_bit_length(const rh_object *o) {
    if (word_layout(o)) {
        intptr_t v = ((const rh_varobject *)o)->size;
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return m ? 64 - __builtin_clzll(m) : 0;
    }
    return rh__long_bit_length((rh_object *)o);
}

/* int.bit_count() (3.10+, int_bit_count_impl: the popcount of every digit of |o|). o an int or bool. */
int64_t rh_int_bit_count(const rh_object *o) {
    if (word_layout(o)) {
        intptr_t v = ((const rh_varobject *)o)->size;
        return __builtin_popcountll(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
    }
    int64_t c = 0;
    for (size_t i = 0; i < ND(o); i++) c += __builtin_popcount(D((rh_object *)o)[i]);
    return c;
}

/* ---------------------------------------------------------------- C integers */

/* PyInt_FromLong, 2.7: a slot from the blocks (fill_free_list when they are full). */
static rh_object *int27_new(rh_runtime *rt, int64_t v) {
    rh_object *o = rh__intblock_pop(rt, &rt->fl.int27, rt->profile->int_block_size);
    if (!o) return NULL;
    rh__object_reuse(rt, o, int_type(rt));
    ((rh_varobject *)o)->size = (intptr_t)v;
    return o;
}

/* _PyLong_FromMedium: a one-digit int, |v| = mag < 2**30 (28 bytes). The commonest int allocation, so
 * it goes straight to the plain-object allocation. */
static inline rh_object *long_from_medium(rh_runtime *rt, int negative, uint64_t mag) {
    rh_object *o = rh__object_alloc_plain(rt, int_type(rt), alloc_size(1));
    if (!o) return NULL;
    rh__long_set_size(o, negative ? -1 : 1);
    D(o)[0] = (rh_digit)mag;
    return o;
}

/* PyLong_FromLong (3.x): the cache, a one-digit int (_PyLong_FromMedium), or exactly as many digits as
 * the value needs. */
rh_object *rh_int_from_i64(rh_runtime *rt, int64_t v) {
    if (is_small(rt, v)) return small_int(rt, v);
    if (rt->profile->int_block_size) return int27_new(rt, v);
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    if (RH_LIKELY(mag <= RH_DIGIT_MASK)) return long_from_medium(rt, v < 0, mag);
    size_t nd = 1;
    for (uint64_t t = mag >> RH_DIGIT_BITS; t; t >>= RH_DIGIT_BITS) nd++;
    rh_object *o = rh__long_new(rt, nd);
    if (!o) return NULL;
    if (v < 0) rh__long_set_size(o, -(intptr_t)nd);
    for (size_t i = 0; i < nd; i++, mag >>= RH_DIGIT_BITS) D(o)[i] = (rh_digit)(mag & RH_DIGIT_MASK);
    return o;
}

int rh__int_i64(const rh_object *o, int64_t *out) {
    const rh_long *l = (const rh_long *)(const void *)o;
    if (word_layout(o)) {
        *out = l->ob.size;
        return 1;
    }
    intptr_t n = l->ob.size;
    size_t nd = (size_t)(n < 0 ? -n : n);
    if (nd > 3) return 0;
    rh_u128 mag = 0;
    for (size_t i = nd; i-- > 0;) mag = (mag << RH_DIGIT_BITS) | l->digit[i];
    if (mag > (n < 0 ? (rh_u128)INT64_MAX + 1 : (rh_u128)INT64_MAX)) return 0;
    *out = n < 0 ? (int64_t)((uint64_t)0 - (uint64_t)mag) : (int64_t)mag;
    return 1;
}

int rh_int_as_i64(rh_runtime *rt, rh_object *o, int64_t *out) {
    if (!is_int(o)) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", rh_type_name(o));
        return -1;
    }
    if (!rh__int_i64(o, out)) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C long");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- float */

/* _PyLong_Frexp: |a| = x * 2**e with 0.5 <= x < 1, x rounded half-even to 53 bits; a != 0 */
static double long_frexp(rh_object *a, int64_t *e) {
    static const int half_even_correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    rh_digit x_digits[2 + (DBL_MANT_DIG + 1) / RH_DIGIT_BITS] = {0};
    size_t a_size = ND(a), x_size;
    int64_t a_bits = rh__long_bit_length(a);
    if (a_bits <= DBL_MANT_DIG + 2) {
        size_t shift_digits = (size_t)(DBL_MANT_DIG + 2 - a_bits) / RH_DIGIT_BITS;
        int shift_bits = (int)((DBL_MANT_DIG + 2 - a_bits) % RH_DIGIT_BITS);
        x_size = shift_digits;
        rh_digit rem = rh__v_lshift(x_digits + x_size, D(a), a_size, shift_bits);
        x_size += a_size;
        x_digits[x_size++] = rem;
    } else {
        size_t shift_digits = (size_t)(a_bits - DBL_MANT_DIG - 2) / RH_DIGIT_BITS;
        int shift_bits = (int)((a_bits - DBL_MANT_DIG - 2) % RH_DIGIT_BITS);
        rh_digit rem = rh__v_rshift(x_digits, D(a) + shift_digits, a_size - shift_digits, shift_bits);
        x_size = a_size - shift_digits;
        if (rem) x_digits[0] |= 1; /* sticky bit for the rounding */
        else
            while (shift_digits > 0)
                if (D(a)[--shift_digits]) {
                    x_digits[0] |= 1;
                    break;
                }
    }
    x_digits[0] += (rh_digit)half_even_correction[x_digits[0] & 7];
    double dx = x_digits[--x_size];
    while (x_size > 0) dx = dx * RH_LONG_BASE + x_digits[--x_size];
    dx /= 4.0 * 9007199254740992.0; /* 2**(DBL_MANT_DIG + 2) */
    if (dx == 1.0) {
        dx = 0.5;
        a_bits += 1;
    }
    *e = a_bits;
    return dx;
}

double rh_int_frexp(rh_object *o, int64_t *e) {
    if (word_layout(o) || rh__long_is_medium(o)) { /* exact in a double's exponent range: frexp of it */
        double d;
        (void)rh_int_as_double(NULL, o, &d);
        int ex;
        double m = frexp(fabs(d), &ex);
        *e = ex;
        return m;
    }
    return long_frexp(o, e);
}

int rh_int_as_double(rh_runtime *rt, rh_object *o, double *out) {
    if (word_layout(o)) {
        *out = (double)SIZE(o);
        return 0;
    }
    if (rh__long_is_medium(o)) {
        *out = (double)rh__long_medium(o);
        return 0;
    }
    int64_t e;
    double x = long_frexp(o, &e);
    if (e > DBL_MAX_EXP) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "int too large to convert to float");
        return -1;
    }
    x = ldexp(x, (int)e);
    *out = SIZE(o) < 0 ? -x : x;
    return 0;
}

/* The digits of a finite non-negative integral double (PyLong_FromDouble's loop); returns the count. */
static size_t double_digits(double dval, rh_digit *out, size_t cap) {
    int expo;
    double frac = frexp(dval, &expo);
    if (dval == 0) return 0;
    size_t ndig = (size_t)(expo - 1) / RH_DIGIT_BITS + 1;
    if (ndig > cap) return (size_t)-1;
    frac = ldexp(frac, (expo - 1) % RH_DIGIT_BITS + 1);
    for (size_t i = ndig; i-- > 0;) {
        rh_digit bits = (rh_digit)frac;
        out[i] = bits;
        frac = ldexp(frac - (double)bits, RH_DIGIT_BITS);
    }
    return ndig;
}

/* PyLong_FromDouble */
rh_object *rh_int_from_double(rh_runtime *rt, double dval) {
    if (isinf(dval)) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(dval)) {
        rh_err_set(rt, RH_EXC_VALUE, "cannot convert float NaN to integer");
        return NULL;
    }
    if (dval > -0x1p63 && dval < 0x1p63) return rh_int_from_i64(rt, (int64_t)dval);
    if (rt->profile->int_block_size) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "int beyond sys.maxint: refheap's py27 profile has no long type");
        return NULL;
    }
    rh_digit digits[(DBL_MAX_EXP / RH_DIGIT_BITS) + 2];
    size_t nd = double_digits(fabs(dval), digits, sizeof digits / sizeof *digits);
    rh_object *v = rh__long_new(rt, nd);
    if (!v) return NULL;
    memcpy(D(v), digits, nd * sizeof(rh_digit));
    if (dval < 0) rh__long_set_size(v, -(intptr_t)nd);
    return v;
}

/* The sign of int - d, exactly (float_richcompare's int branch); d is not NaN. */
int rh__int_cmp_double(rh_object *o, double d) {
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (word_layout(o)) {
        int64_t v = SIZE(o);
        double fl = floor(d);
        if (fl >= 0x1p63) return -1;
        if (fl < -0x1p63) return 1;
        int64_t i = (int64_t)fl;
        if (v != i) return v < i ? -1 : 1;
        return d > fl ? -1 : 0;
    }
    int isign = SIZE(o) < 0 ? -1 : SIZE(o) > 0, dsign = d < 0 ? -1 : d > 0;
    if (isign != dsign) return isign < dsign ? -1 : 1;
    if (isign == 0) return 0;
    int64_t nbits = rh__long_bit_length(o);
    if (nbits <= 48) {
        double x = (double)D(o)[0]; /* at most two digits: exact */
        if (ND(o) == 2) x += (double)D(o)[1] * RH_LONG_BASE;
        if (isign < 0) x = -x;
        return x < d ? -1 : x > d;
    }
    int exponent;
    (void)frexp(d, &exponent);
    if (exponent < 0 || exponent < nbits) return isign; /* |int| > |d| */
    if (exponent > nbits) return -isign;
    /* same bit length: compare with the integral part, then the fraction decides */
    double intpart, fracpart = modf(fabs(d), &intpart);
    rh_digit digits[(DBL_MAX_EXP / RH_DIGIT_BITS) + 2];
    size_t nd = double_digits(intpart, digits, sizeof digits / sizeof *digits), n = ND(o);
    if (n != nd) return n > nd ? isign : -isign;
    for (size_t i = n; i-- > 0;)
        if (D(o)[i] != digits[i]) return D(o)[i] > digits[i] ? isign : -isign;
    return fracpart != 0 ? -isign : 0;
}

/* ---------------------------------------------------------------- hash */

int64_t rh__int_hash(int64_t v) {
    const uint64_t modulus = ((uint64_t)1 << 61) - 1;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t h = (int64_t)(mag % modulus);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

/* long_hash: the value modulo 2**61 - 1, digit by digit (a rotation of the 61 bits per digit) */
int64_t rh__int_hash_obj(rh_object *o) {
    if (word_layout(o)) return rh__int_hash(SIZE(o));
    const uint64_t modulus = ((uint64_t)1 << 61) - 1;
    intptr_t n = SIZE(o);
    switch (n) {
    case -1: return D(o)[0] == 1 ? -2 : -(int64_t)D(o)[0];
    case 0: return 0;
    case 1: return D(o)[0];
    }
    uint64_t x = 0;
    for (size_t i = ND(o); i-- > 0;) {
        x = ((x << RH_DIGIT_BITS) & modulus) | (x >> (61 - RH_DIGIT_BITS));
        x += D(o)[i];
        if (x >= modulus) x -= modulus;
    }
    if (n < 0) x = (uint64_t)0 - x;
    if (x == (uint64_t)-1) x = (uint64_t)-2;
    return (int64_t)x;
}

static int64_t int_hash(rh_runtime *rt, rh_object *o) { return rh__int_hash_obj(o); }

/* ---------------------------------------------------------------- to text */

static const char max_str_msg[] =
    "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to "
    "increase the limit";

/* The characters of |o| in base 10 (long_to_decimal_string_internal: base 10**9 digits by Knuth's
 * method 1b, with the 3.11.7 digit-limit checks), appended to b; with_sign puts '-' first. */
static int decimal_into(rh__sb *b, rh_object *o, int with_sign) {
    rh_runtime *rt = b->rt;
    size_t size_a = ND(o);
    int negative = with_sign && SIZE(o) < 0;
    if (size_a >= 10 * STR_DIGITS_THRESHOLD / (3 * RH_DIGIT_BITS) + 2 &&
        MAX_STR_DIGITS / (3 * RH_DIGIT_BITS) <= (size_a - 11) / 10) {
        rh_err_set(rt, RH_EXC_VALUE, max_str_msg, MAX_STR_DIGITS);
        return -1;
    }
    const rh_digit decimal_base = 1000000000u;
    size_t size = 1 + size_a + size_a / 99; /* d = 33*9 / (10*30 - 33*9) */
    rh_digit inline_out[8], *pout = inline_out;
    rh_object *scratch = NULL;
    if (size > 8 || size_a > 2) { /* CPython's scratch int; small values need none here */
        if (!(scratch = rh__long_new(rt, size))) return -1;
        pout = D(scratch);
    }
    size = 0;
    for (size_t i = size_a; i-- > 0;) {
        rh_digit hi = D(o)[i];
        for (size_t j = 0; j < size; j++) {
            rh_twodigits z = (rh_twodigits)pout[j] << RH_DIGIT_BITS | hi;
            hi = (rh_digit)(z / decimal_base);
            pout[j] = (rh_digit)(z - (rh_twodigits)hi * decimal_base);
        }
        while (hi) {
            pout[size++] = hi % decimal_base;
            hi /= decimal_base;
        }
    }
    if (size == 0) pout[size++] = 0;
    size_t strlen_ = (size_t)negative + 1 + (size - 1) * 9;
    for (rh_digit rem = pout[size - 1], tenpow = 10; rem >= tenpow; tenpow *= 10) strlen_++; /* rem < 10**9 */
    int rc = 0;
    if (strlen_ > STR_DIGITS_THRESHOLD && strlen_ - (size_t)negative > MAX_STR_DIGITS) {
        rh_err_set(rt, RH_EXC_VALUE, max_str_msg, MAX_STR_DIGITS);
        rc = -1;
    } else {
        char *p = rh__sb_grow(b, strlen_);
        if (!p) rc = -1;
        else {
            p += strlen_;
            size_t i;
            for (i = 0; i < size - 1; i++) {
                rh_digit rem = pout[i];
                for (int j = 0; j < 9; j++, rem /= 10) *--p = (char)('0' + rem % 10);
            }
            rh_digit rem = pout[i];
            do {
                *--p = (char)('0' + rem % 10);
                rem /= 10;
            } while (rem != 0);
            if (negative) *--p = '-';
        }
    }
    if (scratch) rh_decref(rt, scratch); /* never normalised: its block has `size` digits */
    return rc;
}

/* The characters of |o| in base 8 or 16 (long_format_binary without prefix or sign). */
static int binary_into(rh__sb *b, rh_object *o, int base, int upper) {
    const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int bits = base == 16 ? 4 : base == 8 ? 3 : 1;
    size_t size_a = ND(o);
    size_t sz = size_a == 0 ? 1 : (size_t)((rh__long_bit_length(o) + bits - 1) / bits);
    char *p = rh__sb_grow(b, sz);
    if (!p) return -1;
    p += sz;
    if (size_a == 0) *--p = '0';
    rh_twodigits accum = 0;
    int accumbits = 0;
    for (size_t i = 0; i < size_a; ++i) {
        accum |= (rh_twodigits)D(o)[i] << accumbits;
        accumbits += RH_DIGIT_BITS;
        do {
            *--p = digs[accum & (rh_twodigits)(base - 1)];
            accumbits -= bits;
            accum >>= bits;
        } while (i < size_a - 1 ? accumbits >= bits : accum > 0);
    }
    return 0;
}

int rh__int_format_digits(rh__sb *b, rh_object *o, int base, int upper) {
    if (word_layout(o)) {
        int64_t v = SIZE(o);
        uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return rh__sb_printf(b, base == 10 ? "%llu" : base == 8 ? "%llo" : upper ? "%llX" : "%llx",
                             (unsigned long long)mag);
    }
    return base == 10 ? decimal_into(b, o, 0) : binary_into(b, o, base, upper);
}

int rh__int_sign(const rh_object *o) { return SIZE(o) < 0 ? -1 : SIZE(o) > 0; }

static int int_repr_into(rh__sb *b, rh_object *o) {
    if (word_layout(o)) return rh__sb_printf(b, "%lld", (long long)SIZE(o));
    return decimal_into(b, o, 1);
}
/* tp_repr of 3.x's int (long_to_decimal_string, Objects/longobject.c): the digits are written into a new
 * str of their final length, so str(5) and repr(5) are new objects, not the one-character singleton
 * ('%d' % 5 and f'{5:d}' go through _PyUnicodeWriter, which returns the singleton). 2.7's int_to_decimal_string
 * ends in PyString_FromString, whose one-character results are its singletons (rh__repr_by_builder). */
static rh_object *int_repr(rh_runtime *rt, rh_object *o) {
    rh__sb b;
    rh__sb_init(&b, rt);
    if (int_repr_into(&b, o) != 0) {
        if (b.failed && !rh_err_occurred(rt)) rh_err_nomemory(rt);
        rh__sb_free(&b);
        return NULL;
    }
    return rh__sb_finish_fresh(&b);
}

int rh__int_repr_into(rh__sb *b, rh_object *o) { return int_repr_into(b, o); }

/* ---------------------------------------------------------------- from text */

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

static void invalid_literal(rh_runtime *rt, const char *s, size_t n, int base) {
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
    rh_err_set(rt, RH_EXC_VALUE, "invalid literal for int() with base %d: %.*s", base, (int)bytes, b.buf);
    rh__sb_free(&b);
}

/* Scan digits of `base` and single underscores between them from s[*i]; returns the digit count, or
 * -1 on a doubled or trailing underscore. *i ends at the first character that is neither. */
static int64_t scan_digits(const char *s, size_t n, size_t *i, int base) {
    int64_t digits = 0;
    char prev = 0;
    while (*i < n && (digit_value((unsigned char)s[*i]) < base || s[*i] == '_')) {
        if (s[*i] == '_' && prev == '_') return -1;
        if (s[*i] != '_') digits++;
        prev = s[(*i)++];
    }
    return prev == '_' ? -1 : digits;
}

/* long_from_binary_base: s[start:end] in base 2, 4, 8, 16 or 32, linear time, no digit limit */
static rh_object *from_binary_base(rh_runtime *rt, const char *s, size_t start, size_t end, int64_t digits,
                                   int base) {
    int bits_per_char = __builtin_ctz((unsigned)base);
    size_t n = (size_t)(digits * bits_per_char + RH_DIGIT_BITS - 1) / RH_DIGIT_BITS;
    rh_object *z = rh__long_new(rt, n);
    if (!z) return NULL;
    rh_twodigits accum = 0;
    int bits_in_accum = 0;
    rh_digit *pd = D(z);
    for (size_t p = end; p-- > start;) {
        if (s[p] == '_') continue;
        accum |= (rh_twodigits)digit_value((unsigned char)s[p]) << bits_in_accum;
        bits_in_accum += bits_per_char;
        if (bits_in_accum >= RH_DIGIT_BITS) {
            *pd++ = (rh_digit)(accum & RH_DIGIT_MASK);
            accum >>= RH_DIGIT_BITS;
            bits_in_accum -= RH_DIGIT_BITS;
        }
    }
    if (bits_in_accum) *pd++ = (rh_digit)accum;
    while ((size_t)(pd - D(z)) < n) *pd++ = 0;
    return rh__long_normalize(rt, z);
}

/* The quadratic conversion of PyLong_FromString for other bases: convwidth input digits at a time into
 * an int of (digits * log(base) / log(2**30) + 1) digits, grown by one in the (never seen) case it is short. */
static rh_object *from_other_base(rh_runtime *rt, const char *s, size_t start, size_t end, int64_t digits,
                                  int base) {
    /* per base, computed at its first use as long_from_non_binary_base's static tables; a thread that
     * finds the flag set sees the values (release/acquire), two threads compute the same values */
    static struct { double log_base_BASE; rh_twodigits convmultmax; int convwidth; } tab[37];
    static atomic_int ready[37];
    if (!atomic_load_explicit(&ready[base], memory_order_acquire)) {
        rh_twodigits convmax = (rh_twodigits)base;
        int width = 1;
        while (convmax * (rh_twodigits)base <= RH_LONG_BASE) {
            convmax *= (rh_twodigits)base;
            width++;
        }
        tab[base].convmultmax = convmax;
        tab[base].convwidth = width;
        tab[base].log_base_BASE = log((double)base) / log((double)RH_LONG_BASE);
        atomic_store_explicit(&ready[base], 1, memory_order_release);
    }
    double log_base_BASE = tab[base].log_base_BASE;
    rh_twodigits convmultmax = tab[base].convmultmax;
    int convwidth = tab[base].convwidth;
    double fsize_z = (double)digits * log_base_BASE + 1.0;
    if (fsize_z > (double)MAX_LONG_DIGITS) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "too many digits in integer");
        return NULL;
    }
    size_t size_z = (size_t)fsize_z, used = 0;
    rh_object *z = rh__long_new(rt, size_z);
    if (!z) return NULL;
    size_t p = start;
    while (p < end) {
        if (s[p] == '_') {
            p++;
            continue;
        }
        rh_twodigits c = (rh_twodigits)digit_value((unsigned char)s[p++]);
        int i = 1;
        for (; i < convwidth && p != end; ++p) {
            if (s[p] == '_') continue;
            i++;
            c = c * (rh_twodigits)base + (rh_twodigits)digit_value((unsigned char)s[p]);
        }
        rh_twodigits convmult = convmultmax;
        if (i != convwidth)
            for (convmult = (rh_twodigits)base; i > 1; --i) convmult *= (rh_twodigits)base;
        rh_digit *pz = D(z);
        for (size_t k = 0; k < used; ++k) {
            c += (rh_twodigits)pz[k] * convmult;
            pz[k] = (rh_digit)(c & RH_DIGIT_MASK);
            c >>= RH_DIGIT_BITS;
        }
        if (c) {
            if (used == size_z) { /* extremely rare: get more space */
                rh_object *tmp = rh__long_new(rt, size_z + 1);
                if (!tmp) {
                    rh_decref(rt, z);
                    return NULL;
                }
                memcpy(D(tmp), D(z), size_z * sizeof(rh_digit));
                rh_decref(rt, z);
                z = tmp;
                size_z++;
            }
            D(z)[used++] = (rh_digit)c;
        }
    }
    for (size_t k = used; k < size_z; k++) D(z)[k] = 0;
    return rh__long_normalize(rt, z); /* |ob_size| is size_z until here: the block's digits */
}

rh_object *rh_int_from_text_base(rh_runtime *rt, const char *s0, size_t n0, int base0) {
    if ((base0 != 0 && base0 < 2) || base0 > 36) {
        rh_err_set(rt, RH_EXC_VALUE, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    const char *s = s0;
    size_t n = n0, i = 0;
    int neg = 0, base = base0, error_if_nonzero = 0;
    rh__text_strip(&s, &n);
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    char c1 = i + 1 < n ? s[i + 1] : 0;
    if (base == 0) {
        if (i >= n || s[i] != '0') base = 10;
        else if (c1 == 'x' || c1 == 'X') base = 16;
        else if (c1 == 'o' || c1 == 'O') base = 8;
        else if (c1 == 'b' || c1 == 'B') base = 2;
        else {
            error_if_nonzero = 1; /* "old" C-style octal: only zero is allowed */
            base = 10;
        }
    }
    if (i < n && s[i] == '0' &&
        ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
         (base == 2 && (c1 == 'b' || c1 == 'B')))) {
        i += 2;
        if (i < n && s[i] == '_') i++; /* one underscore allowed here */
    }
    if (i >= n || s[i] == '_') goto bad;
    size_t start = i;
    int64_t digits = scan_digits(s, n, &i, base);
    if (digits <= 0 || i != n) goto bad; /* a syntax error, no digits, or a stray character */
    if (rt->profile->int_block_size) { /* py27: the value must fit a C long */
        uint64_t mag = 0;
        for (size_t k = start; k < i; k++) {
            if (s[k] == '_') continue;
            unsigned d = (unsigned)digit_value((unsigned char)s[k]);
            if (mag > (UINT64_MAX - d) / (unsigned)base) mag = UINT64_MAX;
            else mag = mag * (unsigned)base + d;
        }
        if (mag > (neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX)) {
            rh_err_set(rt, RH_EXC_OVERFLOW, "int beyond sys.maxint: refheap's py27 profile has no long type");
            return NULL;
        }
        if (error_if_nonzero && mag) goto bad_base0;
        return rh_int_from_i64(rt, neg ? (int64_t)((uint64_t)0 - mag) : (int64_t)mag);
    }
    rh_object *z;
    if ((base & (base - 1)) == 0) {
        z = from_binary_base(rt, s, start, i, digits, base);
    } else {
        if (digits > STR_DIGITS_THRESHOLD && digits > MAX_STR_DIGITS) {
            rh_err_set(rt, RH_EXC_VALUE,
                       "Exceeds the limit (%d digits) for integer string conversion: value has %lld digits; "
                       "use sys.set_int_max_str_digits() to increase the limit",
                       MAX_STR_DIGITS, (long long)digits);
            return NULL;
        }
        z = from_other_base(rt, s, start, i, digits, base);
    }
    if (!z) return NULL;
    if (error_if_nonzero && SIZE(z) != 0) {
        rh_decref(rt, z);
        goto bad_base0;
    }
    if (neg) rh__long_set_size(z, -SIZE(z));
    return rh__long_maybe_small(rt, z);
bad_base0:
    base0 = 0;
bad:
    invalid_literal(rt, s0, n0, base0);
    return NULL;
}

rh_object *rh_int_from_text(rh_runtime *rt, const char *s, size_t n) { return rh_int_from_text_base(rt, s, n, 10); }

/* ---------------------------------------------------------------- the interpreter's fast path */

int rh_int_medium_value(const rh_object *o, int64_t *v) {
    if (o->type->kind != RH_K_INT || (o->type->flags & RH_TPFLAG_HEAPTYPE)) return 0;
    if (word_layout(o)) {
        *v = SIZE(o);
        return 1;
    }
    if (!rh__long_is_medium(o)) return 0;
    *v = rh__long_medium(o);
    return 1;
}

/* ---------------------------------------------------------------- py27: PyIntObject arithmetic
 * Exact in 128 bits; a result beyond a C long is the OverflowError of a model without 2.7's long. */

static rh_object *int27_result(rh_runtime *rt, rh_i128 v) {
    if (v < INT64_MIN || v > INT64_MAX) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "int beyond sys.maxint: refheap's py27 profile has no long type");
        return NULL;
    }
    return rh_int_from_i64(rt, (int64_t)v);
}

static rh_object *int27_too_large(rh_runtime *rt) { return int27_result(rt, (rh_i128)INT64_MAX + 1); }

static rh_object *int27_pow(rh_runtime *rt, rh_i128 x, rh_i128 y) {
    if (y == 0) return int27_result(rt, 1);
    if (x == 0 || x == 1) return int27_result(rt, x);
    if (x == -1) return int27_result(rt, (y & 1) ? -1 : 1);
    if (y > 64) return int27_too_large(rt); /* |x| >= 2 */
    rh_i128 r = 1, base = x;
    for (rh_i128 e = y;;) {
        if ((e & 1) && (__builtin_mul_overflow(r, base, &r) || r > INT64_MAX || r < INT64_MIN))
            return int27_too_large(rt);
        e >>= 1;
        if (!e) break;
        if (__builtin_mul_overflow(base, base, &base) || base > (rh_i128)1 << 64) return int27_too_large(rt);
    }
    return int27_result(rt, r);
}

static int bit_length128(rh_u128 x) {
    uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x;
    if (hi) return 128 - __builtin_clzll(hi);
    return lo ? 64 - __builtin_clzll(lo) : 0;
}

/* long_true_divide's contract for two magnitudes below 2**64: scaling the dividend by 2**k leaves a
 * 55-56 bit integer quotient plus a sticky remainder, rounded once, half to even. */
static double int27_truediv(rh_i128 a, rh_i128 b) {
    int neg = (a < 0) != (b < 0);
    rh_u128 x = a < 0 ? -(rh_u128)a : (rh_u128)a, y = b < 0 ? -(rh_u128)b : (rh_u128)b;
    const rh_u128 exact = (rh_u128)1 << 53;
    if (x == 0) return neg ? -0.0 : 0.0;
    if (x <= exact && y <= exact) {
        double d = (double)x / (double)y;
        return neg ? -d : d;
    }
    int k = 55 - (bit_length128(x) - bit_length128(y));
    rh_u128 num = k >= 0 ? x << k : x, den = k >= 0 ? y : y << -k;
    rh_u128 q = num / den;
    int sticky = num % den != 0;
    int shift = bit_length128(q) - 53;
    uint64_t mant = (uint64_t)(q >> shift);
    rh_u128 rest = q & (((rh_u128)1 << shift) - 1), half = (rh_u128)1 << (shift - 1);
    if (rest > half || (rest == half && (sticky || (mant & 1)))) mant++;
    double d = ldexp((double)mant, shift - k);
    return neg ? -d : d;
}

static rh_object *int27_arith(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    rh_i128 x = SIZE(a), y = SIZE(b), r = 0;
    double d;
    switch (op) {
    case RH_BINOP_ADD: r = x + y; break;
    case RH_BINOP_SUB: r = x - y; break;
    case RH_BINOP_MUL: r = x * y; break; /* |x|, |y| < 2**63: exact */
    case RH_BINOP_TRUEDIV:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "division by zero");
            return NULL;
        }
        return rh_float_new(rt, int27_truediv(x, y));
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
    case RH_BINOP_POW:
        if (y < 0) return rh__float_pow(rt, (double)x, (double)y, &d) ? NULL : rh_float_new(rt, d);
        return int27_pow(rt, x, y);
    case RH_BINOP_LSHIFT:
    case RH_BINOP_RSHIFT:
        if (y < 0) {
            rh_err_set(rt, RH_EXC_VALUE, "negative shift count");
            return NULL;
        }
        if (op == RH_BINOP_RSHIFT) r = y >= 127 ? (x < 0 ? -1 : 0) : x >> (int)y;
        else if (x == 0) r = 0;
        else if (y > 64) return int27_too_large(rt);
        else r = x * ((rh_i128)1 << (int)y);
        break;
    case RH_BINOP_AND: r = x & y; break;
    case RH_BINOP_OR: r = x | y; break;
    default: r = x ^ y; break;
    }
    return int27_result(rt, r);
}

/* ---------------------------------------------------------------- slots (Objects/longobject.c) */

/* long_richcompare */
static rh_object *int_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (!is_int(a) || !is_int(b)) return rh__notimpl(rt);
    intptr_t c;
    if (word_layout(a)) c = SIZE(a) < SIZE(b) ? -1 : SIZE(a) > SIZE(b);
    else c = a == b ? 0 : rh__long_compare(a, b);
    return rh__cmp_result(rt, op, c < 0 ? -1 : c > 0);
}

static rh_object *int_arith(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    if (!is_int(a) || !is_int(b)) return rh__notimpl(rt); /* CHECK_BINOP */
    return word_layout(a) ? int27_arith(rt, op, a, b) : rh__long_binop(rt, op, a, b);
}

#define INT_BINARY(fn, OP) \
    static rh_object *fn(rh_runtime *rt, rh_object *a, rh_object *b) { return int_arith(rt, OP, a, b); }
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

/* long_divmod: (a // b, a % b) */
static rh_object *long_divmod(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_int(a) || !is_int(b)) return rh__notimpl(rt);
    rh_object *q = long_floor_divide(rt, a, b), *r = q ? long_mod(rt, a, b) : NULL;
    rh_object *t = r ? rh_tuple_pack(rt, 2, q, r) : NULL;
    rh_xdecref(rt, q);
    rh_xdecref(rt, r);
    return t;
}

static rh_object *long_pow(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *mod) {
    if (!is_int(a) || !is_int(b)) return rh__notimpl(rt);
    if (mod != rh_none(rt) && !is_int(mod)) return rh__notimpl(rt);
    if (!word_layout(a)) return rh__long_pow(rt, a, b, mod);
    if (mod != rh_none(rt)) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "pow() with a modulus is outside refheap's py27 model");
        return NULL;
    }
    return int27_arith(rt, RH_BINOP_POW, a, b);
}

/* long_long: an exact int is itself; a bool becomes the int of its value, a subclass's instance a copy */
static rh_object *long_long(rh_runtime *rt, rh_object *o) {
    if (o->type == int_type(rt)) {
        rh_incref(o);
        return o;
    }
    if (o->type->kind == RH_K_BOOL) return rh_int_from_i64(rt, o == rh_true(rt));
    return word_layout(o) ? int27_result(rt, SIZE(o)) : rh__long_copy(rt, o);
}
static rh_object *long_neg(rh_runtime *rt, rh_object *o) {
    return word_layout(o) ? int27_result(rt, -(rh_i128)SIZE(o)) : rh__long_neg(rt, o);
}
static rh_object *long_invert(rh_runtime *rt, rh_object *o) {
    return word_layout(o) ? int27_result(rt, ~(rh_i128)SIZE(o)) : rh__long_invert(rt, o);
}
static rh_object *long_abs(rh_runtime *rt, rh_object *o) { return SIZE(o) < 0 ? long_neg(rt, o) : long_long(rt, o); }
static int long_bool(rh_runtime *rt, rh_object *o) { return SIZE(o) != 0; }
static rh_object *long_float(rh_runtime *rt, rh_object *o) {
    double d;
    return rh_int_as_double(rt, o, &d) ? NULL : rh_float_new(rt, d);
}

static const rh_number_methods int_as_number = {
    .nb_add = long_add, .nb_subtract = long_sub, .nb_multiply = long_mul, .nb_remainder = long_mod, .nb_divmod = long_divmod,
    .nb_power = long_pow, .nb_negative = long_neg, .nb_positive = long_long, .nb_absolute = long_abs,
    .nb_bool = long_bool, .nb_invert = long_invert, .nb_lshift = long_lshift, .nb_rshift = long_rshift,
    .nb_and = long_and, .nb_xor = long_xor, .nb_or = long_or, .nb_int = long_long, .nb_float = long_float,
    .nb_floor_divide = long_floor_divide, .nb_true_divide = long_true_divide, .nb_index = long_long,
};

/* ---------------------------------------------------------------- hex(), oct(), bin() */

/* PyNumber_ToBase (long_format_binary with its prefix): "-0x1f", "0o17", "0b101"; py27's oct() is 2.7's
 * int_oct ("017", and "0" for zero). base 2, 8 or 16. New reference or NULL. */
rh_object *rh_int_to_base(rh_runtime *rt, rh_object *o, int base) {
    rh__sb b;
    rh__sb_init(&b, rt);
    int sign = rh__int_sign(o), py2_oct = base == 8 && rt->profile->python2;
    const char *prefix = base == 16 ? "0x" : base == 2 ? "0b" : py2_oct ? (sign ? "0" : "") : "0o";
    int rc = sign < 0 ? rh__sb_putc(&b, '-') : 0;
    if (rc == 0) rc = rh__sb_puts(&b, prefix);
    if (rc == 0 && base == 2 && word_layout(o)) { /* 2.7's PyIntObject: one word, no digit array */
        int64_t v = SIZE(o);
        uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        char buf[65];
        int k = 64;
        buf[k] = 0;
        do buf[--k] = (char)('0' + (mag & 1)); while (mag >>= 1);
        rc = rh__sb_puts(&b, buf + k);
    } else if (rc == 0) {
        rc = rh__int_format_digits(&b, o, base, 0);
    }
    if (rc) {
        rh__sb_free(&b);
        return NULL;
    }
    return rh__sb_finish(&b);
}

/* ---------------------------------------------------------------- bytes (int.from_bytes / int.to_bytes) */

/* _PyLong_FromByteArray (Objects/longobject.c 3.11): n bytes, least significant first when little; a
 * signed array whose top byte has bit 7 set is negative, taken from two's complement. The leading bytes
 * that carry only sign (0x00, or 0xff when negative) are skipped, plus one back when signed and any were
 * skipped (CPython's "bump it regardless"); the block gets ceil(bits / 30) digits and is normalised, so a
 * shorter result keeps its slack. 0 bytes or an all-zero array is the cached 0. New reference or NULL;
 * py27's PyIntObject layout has no such constructor (2.7's int has no from_bytes): RH_EXC_UNSUPPORTED. */
rh_object *rh_int_from_bytes(rh_runtime *rt, const unsigned char *b, size_t n, int little, int is_signed) {
    if (rt->profile->int_block_size) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "int.from_bytes in the py27 int layout");
        return NULL;
    }
    if (n == 0) return rh_int_from_i64(rt, 0);
    /* byte k counted from the least significant end */
#define BYTE_AT(k) (little ? b[(k)] : b[n - 1 - (k)])
    int neg = is_signed && BYTE_AT(n - 1) >= 0x80;
    unsigned char pad = neg ? 0xff : 0x00;
    size_t sig = n;
    while (sig > 0 && BYTE_AT(sig - 1) == pad) sig--;
    if (is_signed && sig < n) sig++;
    if (sig > (MAX_LONG_DIGITS / 8) * RH_DIGIT_BITS) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "byte array too long to convert to int");
        return NULL;
    }
    size_t nd = (sig * 8 + RH_DIGIT_BITS - 1) / RH_DIGIT_BITS;
    rh_object *z = rh__long_new(rt, nd);
    if (!z) return NULL;
    rh_twodigits accum = 0, carry = 1; /* carry: the +1 of the two's complement, byte by byte */
    int bits = 0;
    size_t id = 0;
    for (size_t k = 0; k < sig; k++) {
        rh_twodigits byte = BYTE_AT(k);
        if (neg) {
            byte = (byte ^ 0xff) + carry;
            carry = byte >> 8;
            byte &= 0xff;
        }
        accum |= byte << bits;
        bits += 8;
        if (bits >= RH_DIGIT_BITS) {
            D(z)[id++] = (rh_digit)(accum & RH_DIGIT_MASK);
            accum >>= RH_DIGIT_BITS;
            bits -= RH_DIGIT_BITS;
        }
    }
#undef BYTE_AT
    if (bits) D(z)[id++] = (rh_digit)accum;
    rh__long_set_size(z, neg ? -(intptr_t)id : (intptr_t)id);
    return rh__long_maybe_small(rt, rh__long_normalize(rt, z));
}

/* _PyLong_AsByteArray (3.11): o (an int or bool) into out[0..n), least significant first when little,
 * two's complement when negative. Only as many bytes as the value's bits are stored, the rest are sign
 * bytes; a signed result must keep a sign bit that matches. 0, or -1 with OverflowError "can't convert
 * negative int to unsigned" / "int too big to convert" (out then partly written). */
int rh_int_to_bytes(rh_runtime *rt, rh_object *o, unsigned char *out, size_t n, int little, int is_signed) {
    rh_digit word[3]; /* py27's PyIntObject: its value as 3.x digits */
    const rh_digit *dg;
    size_t nd;
    intptr_t sz = SIZE(o);
    if (word_layout(o)) {
        uint64_t m = sz < 0 ? (uint64_t)0 - (uint64_t)sz : (uint64_t)sz;
        for (nd = 0; m; m >>= RH_DIGIT_BITS) word[nd++] = (rh_digit)(m & RH_DIGIT_MASK);
        dg = word;
    } else {
        nd = ND(o);
        dg = D(o);
    }
    int neg = sz < 0;
    if (neg && !is_signed) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "can't convert negative int to unsigned");
        return -1;
    }
#define OUT(k) out[little ? (k) : n - 1 - (k)]
    size_t j = 0;
    rh_twodigits accum = 0, carry = neg;
    int bits = 0;
    for (size_t i = 0; i < nd; i++) {
        rh_digit d = dg[i];
        if (neg) {
            d = (d ^ RH_DIGIT_MASK) + (rh_digit)carry;
            carry = d >> RH_DIGIT_BITS;
            d &= RH_DIGIT_MASK;
        }
        accum |= (rh_twodigits)d << bits;
        if (i + 1 < nd) {
            bits += RH_DIGIT_BITS;
        } else { /* the top digit: only its significant bits (sign bits need not be stored) */
            for (rh_digit s = neg ? d ^ RH_DIGIT_MASK : d; s; s >>= 1) bits++;
        }
        for (; bits >= 8; bits -= 8, accum >>= 8) {
            if (j >= n) goto overflow;
            OUT(j) = (unsigned char)(accum & 0xff);
            j++;
        }
    }
    if (bits > 0) {
        if (j >= n) goto overflow;
        if (neg) accum |= ~(rh_twodigits)0 << bits; /* the infinite sign bits of a negative value */
        OUT(j) = (unsigned char)(accum & 0xff);
        j++;
    } else if (j == n && n > 0 && is_signed) {
        if ((OUT(j - 1) >= 0x80) != neg) goto overflow; /* filled exactly: the sign bit must be right */
        return 0;
    }
    for (; j < n; j++) OUT(j) = neg ? 0xff : 0x00;
#undef OUT
    return 0;
overflow:
    rh_err_set(rt, RH_EXC_OVERFLOW, "int too big to convert");
    return -1;
}
