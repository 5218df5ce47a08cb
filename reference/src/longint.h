/* longint.h — private interface between t_int.c (the int type, construction, conversion, text) and
 * long_arith.c (the arithmetic of Objects/longobject.c on 30-bit digits). Not installed.
 *
 * Vocabulary is CPython 3.11's (Include/cpython/longintrepr.h): a digit is 30 bits in a uint32, twodigits
 * holds a product of two digits plus carries, ob_size is sign * ndigits. Everything here works on the
 * 3.x layout only; the py27 profile's word-layout ints never reach these functions (t_int.c routes them
 * to its 128-bit path).
 *
 * Allocation rule (the invariant kept by rh__long_new / rh__long_normalize / long_dealloc): an int's block
 * holds 24 + 4 * max(1, n) bytes where n is the digit count given to rh__long_new (_PyLong_New). Normalising
 * only lowers |ob_size| (long_normalize); when that leaves the block larger than |ob_size| implies, the
 * allocated count is recorded in rt->int_slack so the dealloc gives the allocator back the size it was
 * asked for. sys.getsizeof reads ob_size, exactly as CPython's int___sizeof__.
 */
#ifndef REFHEAP_LONGINT_H
#define REFHEAP_LONGINT_H
#include "scalars.h"

typedef uint32_t rh_digit;
typedef uint64_t rh_twodigits;
typedef int32_t rh_sdigit;
typedef int64_t rh_stwodigits;
#define RH_LONG_BASE ((rh_digit)1 << RH_DIGIT_BITS)
#define RH_KARATSUBA_CUTOFF 70 /* KARATSUBA_CUTOFF */

static inline intptr_t rh__long_size(const rh_object *o) { return ((const rh_varobject *)o)->size; }
static inline size_t rh__long_ndigits(const rh_object *o) {
    intptr_t n = rh__long_size(o);
    return (size_t)(n < 0 ? -n : n);
}
static inline rh_digit *rh__long_digits(rh_object *o) { return ((rh_long *)(void *)o)->digit; }
/* IS_MEDIUM_VALUE: ob_size is -1, 0 or 1 */
static inline int rh__long_is_medium(const rh_object *o) { return (size_t)rh__long_size(o) + 1u < 3u; }
static inline int64_t rh__long_medium(const rh_object *o) {
    return (int64_t)rh__long_size(o) * (int64_t)((const rh_long *)(const void *)o)->digit[0];
}
static inline void rh__long_set_size(rh_object *o, intptr_t n) { ((rh_varobject *)o)->size = n; }

/* t_int.c */
/* _PyLong_New: a fresh int of `ndigits` digits (ob_size = ndigits, digits uninitialised), a block of
 * 24 + 4 * max(1, ndigits) bytes. NULL + OverflowError "too many digits in integer" or MemoryError. */
rh_object *rh__long_new(rh_runtime *rt, size_t ndigits);
/* long_normalize: drop leading zero digits (recording the slack, see above). Returns v. */
rh_object *rh__long_normalize(rh_runtime *rt, rh_object *v);
/* maybe_small_long: v (NULL passes through) or, when its value is a cached small int, that int (v is
 * released). Steals v, new reference. */
rh_object *rh__long_maybe_small(rh_runtime *rt, rh_object *v);
/* _PyLong_Copy: a copy of the magnitude and sign (small values come from the cache). New reference. */
rh_object *rh__long_copy(rh_runtime *rt, rh_object *src);
/* long_compare: <0, 0, >0 */
intptr_t rh__long_compare(rh_object *a, rh_object *b);
/* Bits in the magnitude (int.bit_length) */
int64_t rh__long_bit_length(rh_object *o);

/* long_arith.c: the number slots of Objects/longobject.c for two 3.x ints (CHECK_BINOP done). New
 * reference, or NULL with the error set. */
rh_object *rh__long_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b);
/* long_pow(a, b, c): c is None or an int */
rh_object *rh__long_pow(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *c);
/* l_divmod: floor quotient and modulo, new references in *div and *mod; 0, or -1 with the error set */
int rh__long_divmod(rh_runtime *rt, rh_object *a, rh_object *b, rh_object **div, rh_object **mod);
rh_object *rh__long_neg(rh_runtime *rt, rh_object *v);    /* long_neg */
rh_object *rh__long_invert(rh_runtime *rt, rh_object *v); /* long_invert */
/* v_lshift / v_rshift: shift a digit vector by d bits (0 <= d < 30); return the bits shifted out */
rh_digit rh__v_lshift(rh_digit *z, const rh_digit *a, size_t m, int d);
rh_digit rh__v_rshift(rh_digit *z, const rh_digit *a, size_t m, int d);
/* inplace_divrem1: pin[0:size] / n into pout, returning the remainder */
rh_digit rh__inplace_divrem1(rh_digit *pout, const rh_digit *pin, size_t size, rh_digit n);
/* x_divrem (Knuth D): |v1| divided by |w1| (2 <= |w1| <= |v1| digits). Quotient returned, remainder in
 * *prem, both normalised and non-negative. */
rh_object *rh__long_x_divrem(rh_runtime *rt, rh_object *v1, rh_object *w1, rh_object **prem);
/* bit_length_digit */
static inline int rh__bit_length_digit(rh_digit x) { return x ? 32 - __builtin_clz(x) : 0; }

#endif
