/* long_arith.c — arbitrary-precision int arithmetic on 30-bit digits, as CPython 3.11's
 * Objects/longobject.c: x_add / x_sub, x_mul and k_mul (Karatsuba above KARATSUBA_CUTOFF digits),
 * divrem1 and x_divrem (Knuth's Algorithm D) under long_divrem / l_divmod / l_mod, long_true_divide,
 * long_pow (left-to-right binary exponentiation, optional modulus with long_invmod), the shifts and the
 * two's-complement bitwise operations (long_bitwise), long_neg and long_invert.
 *
 * Owns: rh__long_binop, rh__long_pow, rh__long_neg, rh__long_invert, rh__long_x_divrem and the digit
 * vector helpers of longint.h.
 *
 * Allocation: every result is made the way CPython makes it — the medium fast paths
 * (_PyLong_FromSTwoDigits: one-digit operands) allocate exactly, x_add allocates size_a + 1 digits,
 * x_sub size_a, x_mul/k_mul size_a + size_b, the quotient of x_divrem size_v - size_w (+1 after the
 * normalising shift), its remainder size_w, divrem1 size_a, the shifts oldsize + wordshift (+1) and
 * size_a - wordshift, long_bitwise the operand chosen by the operator (+1 when the result is negative);
 * each is then normalised (its block keeps the allocated size: longint.h) and, where CPython calls
 * maybe_small_long, replaced by the cached small int. Intermediate objects (Karatsuba's halves, the
 * shifted copies of Algorithm D, long_true_divide's scaled dividend) are allocated and released as in
 * CPython as well, so the allocator sees the same traffic.
 */
#include <float.h>
#include <math.h>

#include "longint.h"

#define MASK ((rh_digit)RH_DIGIT_MASK)
#define SHIFT RH_DIGIT_BITS
#define D(o) rh__long_digits(o)
#define ND(o) rh__long_ndigits(o)
#define SIZE(o) rh__long_size(o)

static rh_object *from_i64(rh_runtime *rt, int64_t v) { return rh_int_from_i64(rt, v); }

/* long_long: an exact int is itself (a new reference), a bool or a subclass's instance a plain int */
static rh_object *long_long(rh_runtime *rt, rh_object *v) {
    if (v->type->kind == RH_K_INT && !(v->type->flags & RH_TPFLAG_HEAPTYPE)) {
        rh_incref(v);
        return v;
    }
    return rh__long_copy(rt, v);
}

/* _PyLong_Negate: in place for a fresh object, else (a shared small int) through the cache */
static rh_object *negate(rh_runtime *rt, rh_object *x) {
    if (!x) return NULL;
    if (x->refcnt == 1 && !rh_int_is_small_cached(rt, x)) {
        rh__long_set_size(x, -SIZE(x));
        return x;
    }
    rh_object *r = from_i64(rt, -rh__long_medium(x));
    rh_decref(rt, x);
    return r;
}

/* ---------------------------------------------------------------- digit vectors */

rh_digit rh__v_lshift(rh_digit *z, const rh_digit *a, size_t m, int d) {
    rh_digit carry = 0;
    for (size_t i = 0; i < m; i++) {
        rh_twodigits acc = (rh_twodigits)a[i] << d | carry;
        z[i] = (rh_digit)acc & MASK;
        carry = (rh_digit)(acc >> SHIFT);
    }
    return carry;
}

rh_digit rh__v_rshift(rh_digit *z, const rh_digit *a, size_t m, int d) {
    rh_digit carry = 0, mask = ((rh_digit)1 << d) - 1u;
    for (size_t i = m; i-- > 0;) {
        rh_twodigits acc = (rh_twodigits)carry << SHIFT | a[i];
        carry = (rh_digit)acc & mask;
        z[i] = (rh_digit)(acc >> d);
    }
    return carry;
}

/* v_iadd / v_isub: x[0:m] += / -= y[0:n] (n <= m), returning the carry / borrow out of the top */
static rh_digit v_iadd(rh_digit *x, size_t m, const rh_digit *y, size_t n) {
    rh_digit carry = 0;
    size_t i;
    for (i = 0; i < n; ++i) {
        carry += x[i] + y[i];
        x[i] = carry & MASK;
        carry >>= SHIFT;
    }
    for (; carry && i < m; ++i) {
        carry += x[i];
        x[i] = carry & MASK;
        carry >>= SHIFT;
    }
    return carry;
}

static rh_digit v_isub(rh_digit *x, size_t m, const rh_digit *y, size_t n) {
    rh_digit borrow = 0;
    size_t i;
    for (i = 0; i < n; ++i) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    for (; borrow && i < m; ++i) {
        borrow = x[i] - borrow;
        x[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    return borrow;
}

rh_digit rh__inplace_divrem1(rh_digit *pout, const rh_digit *pin, size_t size, rh_digit n) {
    rh_twodigits rem = 0;
    for (size_t i = size; i-- > 0;) {
        rem = (rem << SHIFT) | pin[i];
        pout[i] = (rh_digit)(rem / n);
        rem %= n;
    }
    return (rh_digit)rem;
}

/* ---------------------------------------------------------------- + and - */

/* x_add: |a| + |b| */
static rh_object *x_add(rh_runtime *rt, rh_object *a, rh_object *b) {
    size_t size_a = ND(a), size_b = ND(b), i;
    if (size_a < size_b) {
        rh_object *t = a; a = b; b = t;
        size_t s = size_a; size_a = size_b; size_b = s;
    }
    rh_object *z = rh__long_new(rt, size_a + 1);
    if (!z) return NULL;
    rh_digit carry = 0, *zd = D(z), *ad = D(a), *bd = D(b);
    for (i = 0; i < size_b; ++i) {
        carry += ad[i] + bd[i];
        zd[i] = carry & MASK;
        carry >>= SHIFT;
    }
    for (; i < size_a; ++i) {
        carry += ad[i];
        zd[i] = carry & MASK;
        carry >>= SHIFT;
    }
    zd[i] = carry;
    return rh__long_normalize(rt, z);
}

/* x_sub: |a| - |b| */
static rh_object *x_sub(rh_runtime *rt, rh_object *a, rh_object *b) {
    size_t size_a = ND(a), size_b = ND(b), i;
    int sign = 1;
    if (size_a < size_b) {
        sign = -1;
        rh_object *t = a; a = b; b = t;
        size_t s = size_a; size_a = size_b; size_b = s;
    } else if (size_a == size_b) {
        i = size_a;
        while (i > 0 && D(a)[i - 1] == D(b)[i - 1]) i--;
        if (i == 0) return from_i64(rt, 0);
        if (D(a)[i - 1] < D(b)[i - 1]) {
            sign = -1;
            rh_object *t = a; a = b; b = t;
        }
        size_a = size_b = i;
    }
    rh_object *z = rh__long_new(rt, size_a);
    if (!z) return NULL;
    rh_digit borrow = 0, *zd = D(z), *ad = D(a), *bd = D(b);
    for (i = 0; i < size_b; ++i) {
        borrow = ad[i] - bd[i] - borrow;
        zd[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    for (; i < size_a; ++i) {
        borrow = ad[i] - borrow;
        zd[i] = borrow & MASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    if (sign < 0) rh__long_set_size(z, -SIZE(z));
    return rh__long_maybe_small(rt, rh__long_normalize(rt, z));
}

/* _PyLong_Add */
static rh_object *long_add(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (rh__long_is_medium(a) && rh__long_is_medium(b)) return from_i64(rt, rh__long_medium(a) + rh__long_medium(b));
    rh_object *z;
    if (SIZE(a) < 0) {
        if (SIZE(b) < 0) {
            z = x_add(rt, a, b);
            if (z) rh__long_set_size(z, -SIZE(z)); /* multi-digit: never a cached int */
        } else {
            z = x_sub(rt, b, a);
        }
    } else {
        z = SIZE(b) < 0 ? x_sub(rt, a, b) : x_add(rt, a, b);
    }
    return z;
}

/* _PyLong_Subtract */
static rh_object *long_sub(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (rh__long_is_medium(a) && rh__long_is_medium(b)) return from_i64(rt, rh__long_medium(a) - rh__long_medium(b));
    rh_object *z;
    if (SIZE(a) < 0) {
        if (SIZE(b) < 0) {
            z = x_sub(rt, b, a);
        } else {
            z = x_add(rt, a, b);
            if (z) rh__long_set_size(z, -SIZE(z));
        }
    } else {
        z = SIZE(b) < 0 ? x_add(rt, a, b) : x_sub(rt, a, b);
    }
    return z;
}

/* ---------------------------------------------------------------- * */

/* x_mul: schoolbook |a| * |b| into a fresh size_a + size_b digit int */
static rh_object *x_mul(rh_runtime *rt, rh_object *a, rh_object *b) {
    size_t size_a = ND(a), size_b = ND(b);
    rh_object *z = rh__long_new(rt, size_a + size_b);
    if (!z) return NULL;
    rh_digit *zd = D(z), *ad = D(a), *bd = D(b);
    memset(zd, 0, (size_a + size_b) * sizeof(rh_digit));
    for (size_t i = 0; i < size_a; ++i) {
        rh_twodigits carry = 0, f = ad[i];
        rh_digit *pz = zd + i;
        for (size_t j = 0; j < size_b; ++j) {
            carry += *pz + bd[j] * f;
            *pz++ = (rh_digit)(carry & MASK);
            carry >>= SHIFT;
        }
        if (carry) *pz += (rh_digit)(carry & MASK);
    }
    return rh__long_normalize(rt, z);
}

/* kmul_split: |n| = hi * BASE**size + lo, both fresh normalised ints */
static int kmul_split(rh_runtime *rt, rh_object *n, size_t size, rh_object **high, rh_object **low) {
    size_t size_n = ND(n), size_lo = size_n < size ? size_n : size, size_hi = size_n - size_lo;
    rh_object *hi = rh__long_new(rt, size_hi), *lo;
    if (!hi) return -1;
    if (!(lo = rh__long_new(rt, size_lo))) {
        rh_decref(rt, hi);
        return -1;
    }
    memcpy(D(lo), D(n), size_lo * sizeof(rh_digit));
    memcpy(D(hi), D(n) + size_lo, size_hi * sizeof(rh_digit));
    *high = rh__long_normalize(rt, hi);
    *low = rh__long_normalize(rt, lo);
    return 0;
}

static rh_object *k_lopsided_mul(rh_runtime *rt, rh_object *a, rh_object *b);

static void drop(rh_runtime *rt, rh_object *o) {
    if (o) rh_decref(rt, o);
}

/* k_mul: Karatsuba (Knuth 4.3.3) when both operands exceed the cutoff, x_mul otherwise */
static rh_object *k_mul(rh_runtime *rt, rh_object *a, rh_object *b) {
    size_t asize = ND(a), bsize = ND(b), shift, i;
    rh_object *ah = NULL, *al = NULL, *bh = NULL, *bl = NULL, *ret = NULL, *t1, *t2, *t3;
    if (asize > bsize) {
        t1 = a; a = b; b = t1;
        i = asize; asize = bsize; bsize = i;
    }
    i = a == b ? 2 * RH_KARATSUBA_CUTOFF : RH_KARATSUBA_CUTOFF;
    if (asize <= i) return asize == 0 ? from_i64(rt, 0) : x_mul(rt, a, b);
    if (2 * asize <= bsize) return k_lopsided_mul(rt, a, b);
    shift = bsize >> 1;
    if (kmul_split(rt, a, shift, &ah, &al) < 0) goto fail;
    if (a == b) {
        bh = ah;
        bl = al;
        rh_incref(bh);
        rh_incref(bl);
    } else if (kmul_split(rt, b, shift, &bh, &bl) < 0) {
        goto fail;
    }
    if (!(ret = rh__long_new(rt, asize + bsize))) goto fail;
    size_t rsize = asize + bsize;
    if (!(t1 = k_mul(rt, ah, bh))) goto fail;
    memcpy(D(ret) + 2 * shift, D(t1), ND(t1) * sizeof(rh_digit));
    i = rsize - 2 * shift - ND(t1);
    if (i) memset(D(ret) + 2 * shift + ND(t1), 0, i * sizeof(rh_digit));
    if (!(t2 = k_mul(rt, al, bl))) {
        rh_decref(rt, t1);
        goto fail;
    }
    memcpy(D(ret), D(t2), ND(t2) * sizeof(rh_digit));
    i = 2 * shift - ND(t2);
    if (i) memset(D(ret) + ND(t2), 0, i * sizeof(rh_digit));
    i = rsize - shift;
    (void)v_isub(D(ret) + shift, i, D(t2), ND(t2));
    rh_decref(rt, t2);
    (void)v_isub(D(ret) + shift, i, D(t1), ND(t1));
    rh_decref(rt, t1);
    if (!(t1 = x_add(rt, ah, al))) goto fail;
    rh_decref(rt, ah);
    rh_decref(rt, al);
    ah = al = NULL;
    if (a == b) {
        t2 = t1;
        rh_incref(t2);
    } else if (!(t2 = x_add(rt, bh, bl))) {
        rh_decref(rt, t1);
        goto fail;
    }
    rh_decref(rt, bh);
    rh_decref(rt, bl);
    bh = bl = NULL;
    t3 = k_mul(rt, t1, t2);
    rh_decref(rt, t1);
    rh_decref(rt, t2);
    if (!t3) goto fail;
    (void)v_iadd(D(ret) + shift, i, D(t3), ND(t3));
    rh_decref(rt, t3);
    return rh__long_normalize(rt, ret);
fail:
    drop(rt, ret);
    drop(rt, ah);
    drop(rt, al);
    drop(rt, bh);
    drop(rt, bl);
    return NULL;
}

/* k_lopsided_mul: b (at least twice a's size) in slices of a's size */
static rh_object *k_lopsided_mul(rh_runtime *rt, rh_object *a, rh_object *b) {
    size_t asize = ND(a), bsize = ND(b), nbdone = 0;
    rh_object *ret = rh__long_new(rt, asize + bsize), *bslice;
    if (!ret) return NULL;
    size_t rsize = asize + bsize;
    memset(D(ret), 0, rsize * sizeof(rh_digit));
    if (!(bslice = rh__long_new(rt, asize))) {
        rh_decref(rt, ret);
        return NULL;
    }
    while (bsize > 0) {
        size_t nbtouse = bsize < asize ? bsize : asize;
        memcpy(D(bslice), D(b) + nbdone, nbtouse * sizeof(rh_digit));
        rh__long_set_size(bslice, (intptr_t)nbtouse);
        rh_object *product = k_mul(rt, a, bslice);
        if (!product) {
            rh__long_set_size(bslice, (intptr_t)asize);
            rh_decref(rt, bslice);
            rh_decref(rt, ret);
            return NULL;
        }
        (void)v_iadd(D(ret) + nbdone, rsize - nbdone, D(product), ND(product));
        rh_decref(rt, product);
        bsize -= nbtouse;
        nbdone += nbtouse;
    }
    rh__long_set_size(bslice, (intptr_t)asize); /* its block: asize digits */
    rh_decref(rt, bslice);
    return rh__long_normalize(rt, ret);
}

/* _PyLong_Multiply */
static rh_object *long_mul(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (rh__long_is_medium(a) && rh__long_is_medium(b)) return from_i64(rt, rh__long_medium(a) * rh__long_medium(b));
    rh_object *z = k_mul(rt, a, b);
    if (z && ((SIZE(a) ^ SIZE(b)) < 0)) z = negate(rt, z);
    return z;
}

/* ---------------------------------------------------------------- //, %, divmod */

/* divrem1: |a| / n for a one-digit n */
static rh_object *divrem1(rh_runtime *rt, rh_object *a, rh_digit n, rh_digit *prem) {
    size_t size = ND(a);
    rh_object *z = rh__long_new(rt, size);
    if (!z) return NULL;
    *prem = rh__inplace_divrem1(D(z), D(a), size, n);
    return rh__long_normalize(rt, z);
}

rh_object *rh__long_x_divrem(rh_runtime *rt, rh_object *v1, rh_object *w1, rh_object **prem) {
    size_t size_v = ND(v1), size_w = ND(w1), k, i;
    rh_object *v = rh__long_new(rt, size_v + 1), *w, *a;
    *prem = NULL;
    if (!v) return NULL;
    if (!(w = rh__long_new(rt, size_w))) {
        rh_decref(rt, v);
        return NULL;
    }
    /* normalise: shift w1 left so its top digit is >= BASE/2; v1 by as much */
    int d = SHIFT - rh__bit_length_digit(D(w1)[size_w - 1]);
    rh__v_lshift(D(w), D(w1), size_w, d);
    rh_digit carry = rh__v_lshift(D(v), D(v1), size_v, d);
    if (carry != 0 || D(v)[size_v - 1] >= D(w)[size_w - 1]) {
        D(v)[size_v] = carry;
        size_v++;
    }
    k = size_v - size_w;
    if (!(a = rh__long_new(rt, k))) {
        rh_decref(rt, w);
        rh_decref(rt, v);
        return NULL;
    }
    rh_digit *v0 = D(v), *w0 = D(w), wm1 = w0[size_w - 1], wm2 = w0[size_w - 2], *ak = D(a) + k;
    for (rh_digit *vk = v0 + k; vk-- > v0;) {
        /* estimate the quotient digit q (may be one too large, rarely) */
        rh_digit vtop = vk[size_w];
        rh_twodigits vv = ((rh_twodigits)vtop << SHIFT) | vk[size_w - 1];
        rh_digit q = (rh_digit)(vv / wm1), r = (rh_digit)(vv % wm1);
        while ((rh_twodigits)wm2 * q > (((rh_twodigits)r << SHIFT) | vk[size_w - 2])) {
            --q;
            r += wm1;
            if (r >= RH_LONG_BASE) break;
        }
        /* subtract q * w0[0:size_w] from vk[0:size_w+1] */
        rh_sdigit zhi = 0;
        for (i = 0; i < size_w; ++i) {
            rh_stwodigits z = (rh_sdigit)vk[i] + zhi - (rh_stwodigits)q * (rh_stwodigits)w0[i];
            vk[i] = (rh_digit)z & MASK;
            zhi = (rh_sdigit)(z >> SHIFT); /* arithmetic shift (gcc, clang) */
        }
        if ((rh_sdigit)vtop + zhi < 0) { /* q was one too large: add w back */
            rh_digit c = 0;
            for (i = 0; i < size_w; ++i) {
                c += vk[i] + w0[i];
                vk[i] = c & MASK;
                c >>= SHIFT;
            }
            --q;
        }
        *--ak = q;
    }
    rh__v_rshift(w0, v0, size_w, d); /* the remainder, unshifted, reuses w */
    rh_decref(rt, v);
    *prem = rh__long_normalize(rt, w);
    return rh__long_normalize(rt, a);
}

/* long_divrem: truncating quotient and remainder (remainder has a's sign) */
static int long_divrem(rh_runtime *rt, rh_object *a, rh_object *b, rh_object **pdiv, rh_object **prem) {
    size_t size_a = ND(a), size_b = ND(b);
    rh_object *z;
    if (size_b == 0) {
        rh_err_set(rt, RH_EXC_ZERODIVISION, "integer division or modulo by zero");
        return -1;
    }
    if (size_a < size_b || (size_a == size_b && D(a)[size_a - 1] < D(b)[size_b - 1])) {
        if (!(*prem = long_long(rt, a))) return -1;
        *pdiv = from_i64(rt, 0);
        return 0;
    }
    if (size_b == 1) {
        rh_digit rem = 0;
        if (!(z = divrem1(rt, a, D(b)[0], &rem))) return -1;
        if (!(*prem = from_i64(rt, rem))) {
            rh_decref(rt, z);
            return -1;
        }
    } else {
        z = rh__long_x_divrem(rt, a, b, prem);
        *prem = rh__long_maybe_small(rt, *prem);
        if (!z) {
            drop(rt, *prem);
            return -1;
        }
    }
    if ((SIZE(a) < 0) != (SIZE(b) < 0)) z = negate(rt, z);
    if (SIZE(a) < 0 && SIZE(*prem) != 0) *prem = negate(rt, *prem);
    *pdiv = rh__long_maybe_small(rt, z);
    return 0;
}

/* long_rem */
static int long_rem(rh_runtime *rt, rh_object *a, rh_object *b, rh_object **prem) {
    size_t size_a = ND(a), size_b = ND(b);
    if (size_b == 0) {
        rh_err_set(rt, RH_EXC_ZERODIVISION, "integer modulo by zero");
        return -1;
    }
    if (size_a < size_b || (size_a == size_b && D(a)[size_a - 1] < D(b)[size_b - 1])) {
        *prem = long_long(rt, a);
        return *prem ? 0 : -1;
    }
    if (size_b == 1) {
        rh_twodigits r = 0; /* rem1 / inplace_rem1 */
        for (size_t i = size_a; i-- > 0;) r = ((r << SHIFT) | D(a)[i]) % D(b)[0];
        if (!(*prem = from_i64(rt, (int64_t)r))) return -1;
    } else {
        rh_object *q = rh__long_x_divrem(rt, a, b, prem);
        drop(rt, q);
        if (!(*prem = rh__long_maybe_small(rt, *prem))) return -1;
    }
    if (SIZE(a) < 0 && SIZE(*prem) != 0) *prem = negate(rt, *prem);
    return *prem ? 0 : -1;
}

/* fast_mod / fast_floor_div: one-digit operands */
static rh_object *fast_mod(rh_runtime *rt, rh_object *a, rh_object *b) {
    int64_t left = D(a)[0], right = D(b)[0];
    int64_t mod = SIZE(a) == SIZE(b) ? left % right : right - 1 - (left - 1) % right;
    return from_i64(rt, mod * SIZE(b));
}
static rh_object *fast_floor_div(rh_runtime *rt, rh_object *a, rh_object *b) {
    int64_t left = D(a)[0], right = D(b)[0];
    return from_i64(rt, SIZE(a) == SIZE(b) ? left / right : -1 - (left - 1) / right);
}

/* l_divmod: floor quotient and modulo (sign of w) */
static int l_divmod(rh_runtime *rt, rh_object *v, rh_object *w, rh_object **pdiv, rh_object **pmod) {
    rh_object *div, *mod;
    if (ND(v) == 1 && ND(w) == 1) {
        div = NULL;
        if (pdiv && !(div = fast_floor_div(rt, v, w))) return -1;
        if (pmod) {
            if (!(mod = fast_mod(rt, v, w))) {
                drop(rt, div);
                return -1;
            }
            *pmod = mod;
        }
        if (pdiv) *pdiv = div;
        return 0;
    }
    if (long_divrem(rt, v, w, &div, &mod) < 0) return -1;
    if ((SIZE(mod) < 0 && SIZE(w) > 0) || (SIZE(mod) > 0 && SIZE(w) < 0)) {
        rh_object *t = long_add(rt, mod, w);
        rh_decref(rt, mod);
        if (!(mod = t)) {
            rh_decref(rt, div);
            return -1;
        }
        rh_object *one = from_i64(rt, 1);
        t = long_sub(rt, div, one);
        rh_decref(rt, one);
        rh_decref(rt, div);
        if (!(div = t)) {
            rh_decref(rt, mod);
            return -1;
        }
    }
    if (pdiv) *pdiv = div;
    else rh_decref(rt, div);
    if (pmod) *pmod = mod;
    else rh_decref(rt, mod);
    return 0;
}

/* l_mod */
static int l_mod(rh_runtime *rt, rh_object *v, rh_object *w, rh_object **pmod) {
    rh_object *mod;
    if (ND(v) == 1 && ND(w) == 1) {
        *pmod = fast_mod(rt, v, w);
        return *pmod ? 0 : -1;
    }
    if (long_rem(rt, v, w, &mod) < 0) return -1;
    if ((SIZE(mod) < 0 && SIZE(w) > 0) || (SIZE(mod) > 0 && SIZE(w) < 0)) {
        rh_object *t = long_add(rt, mod, w);
        rh_decref(rt, mod);
        if (!(mod = t)) return -1;
    }
    *pmod = mod;
    return 0;
}

/* ---------------------------------------------------------------- / */

#define MANT_DIG_DIGITS (DBL_MANT_DIG / SHIFT)
#define MANT_DIG_BITS (DBL_MANT_DIG % SHIFT)

static int is_small_for_double(rh_object *a, size_t size) {
    return size <= MANT_DIG_DIGITS || (size == MANT_DIG_DIGITS + 1 && D(a)[MANT_DIG_DIGITS] >> MANT_DIG_BITS == 0);
}

/* long_true_divide: a / b correctly rounded (round-half-even), CPython's method step by step */
static rh_object *long_true_divide(rh_runtime *rt, rh_object *a, rh_object *b) {
    size_t a_size = ND(a), b_size = ND(b), x_size;
    int negate_r = (SIZE(a) < 0) ^ (SIZE(b) < 0), inexact = 0;
    double dx, result;
    if (b_size == 0) {
        rh_err_set(rt, RH_EXC_ZERODIVISION, "division by zero");
        return NULL;
    }
    if (a_size == 0) goto underflow_or_zero;
    if (is_small_for_double(a, a_size) && is_small_for_double(b, b_size)) {
        double da = D(a)[a_size - 1], db = D(b)[b_size - 1];
        for (size_t i = a_size - 1; i-- > 0;) da = da * RH_LONG_BASE + D(a)[i];
        for (size_t i = b_size - 1; i-- > 0;) db = db * RH_LONG_BASE + D(b)[i];
        result = da / db;
        goto success;
    }
    int64_t diff = ((int64_t)a_size - (int64_t)b_size);
    if (diff > INT64_MAX / SHIFT - 1) goto overflow;
    if (diff < 1 - INT64_MAX / SHIFT) goto underflow_or_zero;
    diff = diff * SHIFT + rh__bit_length_digit(D(a)[a_size - 1]) - rh__bit_length_digit(D(b)[b_size - 1]);
    if (diff > DBL_MAX_EXP) goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) goto underflow_or_zero;
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    rh_object *x;
    if (shift <= 0) { /* x = a << -shift */
        size_t shift_digits = (size_t)(-shift / SHIFT);
        if (!(x = rh__long_new(rt, a_size + shift_digits + 1))) return NULL;
        for (size_t i = 0; i < shift_digits; i++) D(x)[i] = 0;
        rh_digit rem = rh__v_lshift(D(x) + shift_digits, D(a), a_size, (int)(-shift % SHIFT));
        D(x)[a_size + shift_digits] = rem;
    } else { /* x = a >> shift */
        size_t shift_digits = (size_t)(shift / SHIFT);
        if (!(x = rh__long_new(rt, a_size - shift_digits))) return NULL;
        rh_digit rem = rh__v_rshift(D(x), D(a) + shift_digits, a_size - shift_digits, (int)(shift % SHIFT));
        if (rem) inexact = 1;
        while (!inexact && shift_digits > 0)
            if (D(a)[--shift_digits]) inexact = 1;
    }
    rh__long_normalize(rt, x);
    x_size = ND(x);
    if (b_size == 1) { /* x //= b in place */
        rh_digit rem = rh__inplace_divrem1(D(x), D(x), x_size, D(b)[0]);
        rh__long_normalize(rt, x);
        if (rem) inexact = 1;
    } else {
        rh_object *rem, *div = rh__long_x_divrem(rt, x, b, &rem);
        rh_decref(rt, x);
        if (!(x = div)) {
            drop(rt, rem);
            return NULL;
        }
        if (SIZE(rem)) inexact = 1;
        rh_decref(rt, rem);
    }
    x_size = ND(x);
    int64_t x_bits = (int64_t)(x_size - 1) * SHIFT + rh__bit_length_digit(D(x)[x_size - 1]);
    int64_t extra_bits = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    rh_digit mask = (rh_digit)1 << (extra_bits - 1), low = D(x)[0] | (rh_digit)inexact;
    if ((low & mask) && (low & (3U * mask - 1U))) low += mask;
    D(x)[0] = low & ~(2U * mask - 1U);
    dx = D(x)[--x_size];
    while (x_size > 0) dx = dx * RH_LONG_BASE + D(x)[--x_size];
    rh_decref(rt, x);
    if (shift + x_bits >= DBL_MAX_EXP && (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        goto overflow;
    result = ldexp(dx, (int)shift);
success:
    return rh_float_new(rt, negate_r ? -result : result);
underflow_or_zero:
    return rh_float_new(rt, negate_r ? -0.0 : 0.0);
overflow:
    rh_err_set(rt, RH_EXC_OVERFLOW, "integer division result too large for a float");
    return NULL;
}

/* ---------------------------------------------------------------- ** */

/* long_invmod: an inverse of a modulo n (n > 0) by the extended Euclidean algorithm */
static rh_object *long_invmod(rh_runtime *rt, rh_object *a, rh_object *n) {
    rh_object *b = from_i64(rt, 1), *c = from_i64(rt, 0);
    rh_incref(a);
    rh_incref(n);
    while (SIZE(n) != 0) {
        rh_object *q, *r, *s, *t;
        if (l_divmod(rt, a, n, &q, &r) < 0) goto error;
        rh_decref(rt, a);
        a = n;
        n = r;
        t = long_mul(rt, q, c);
        rh_decref(rt, q);
        if (!t) goto error;
        s = long_sub(rt, b, t);
        rh_decref(rt, t);
        if (!s) goto error;
        rh_decref(rt, b);
        b = c;
        c = s;
    }
    rh_decref(rt, c);
    rh_decref(rt, n);
    int is_one = SIZE(a) == 1 && D(a)[0] == 1;
    rh_decref(rt, a);
    if (!is_one) {
        rh_decref(rt, b);
        rh_err_set(rt, RH_EXC_VALUE, "base is not invertible for the given modulus");
        return NULL;
    }
    return b;
error:
    rh_decref(rt, a);
    rh_decref(rt, b);
    rh_decref(rt, c);
    rh_decref(rt, n);
    return NULL;
}

/* MULT(x, y, *result) of long_pow: *result = x * y (% c), the old *result released */
static int pow_mult(rh_runtime *rt, rh_object *x, rh_object *y, rh_object *c, rh_object **result) {
    rh_object *t = long_mul(rt, x, y);
    if (!t) return -1;
    drop(rt, *result);
    *result = t;
    if (c) {
        if (l_mod(rt, *result, c, &t) < 0) return -1;
        rh_decref(rt, *result);
        *result = t;
    }
    return 0;
}

rh_object *rh__long_pow(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *cobj) {
    rh_object *c = cobj == rh_none(rt) ? NULL : cobj, *z = NULL, *t;
    int negative_output = 0;
    if (SIZE(b) < 0 && !c) { /* float_pow on the two converted values */
        double x, y, r;
        if (rh_int_as_double(rt, a, &x) || rh_int_as_double(rt, b, &y)) return NULL;
        return rh__float_pow(rt, x, y, &r) ? NULL : rh_float_new(rt, r);
    }
    rh_incref(a);
    rh_incref(b);
    if (c) rh_incref(c);
    if (c) {
        if (SIZE(c) == 0) {
            rh_err_set(rt, RH_EXC_VALUE, "pow() 3rd argument cannot be 0");
            goto error;
        }
        if (SIZE(c) < 0) {
            negative_output = 1;
            if (!(t = rh__long_copy(rt, c))) goto error;
            rh_decref(rt, c);
            if (!(c = negate(rt, t))) goto error;
        }
        if (SIZE(c) == 1 && D(c)[0] == 1) {
            z = from_i64(rt, 0);
            goto done;
        }
        if (SIZE(b) < 0) {
            if (!(t = rh__long_copy(rt, b))) goto error;
            rh_decref(rt, b);
            if (!(b = negate(rt, t))) goto error;
            if (!(t = long_invmod(rt, a, c))) goto error;
            rh_decref(rt, a);
            a = t;
        }
        if (SIZE(a) < 0 || SIZE(a) > SIZE(c)) {
            if (l_mod(rt, a, c, &t) < 0) goto error;
            rh_decref(rt, a);
            a = t;
        }
    }
    if (!(z = from_i64(rt, 1))) goto error;
    size_t i = ND(b);
    rh_digit bi = i ? D(b)[i - 1] : 0;
    if (i <= 1 && bi <= 3) {
        if (bi >= 2) {
            if (pow_mult(rt, a, a, c, &z) < 0) goto error;
            if (bi == 3 && pow_mult(rt, z, a, c, &z) < 0) goto error;
        } else if (bi == 1) {
            if (pow_mult(rt, a, z, c, &z) < 0) goto error;
        }
    } else { /* left-to-right binary exponentiation (HAC 14.79); CPython's 5-bit window above 60
              * exponent bits gives the same value */
        rh_incref(a);
        rh_decref(rt, z);
        z = a;
        rh_digit bit = (rh_digit)1 << (rh__bit_length_digit(bi) - 1);
        for (--i, bit >>= 1;;) {
            for (; bit != 0; bit >>= 1) {
                if (pow_mult(rt, z, z, c, &z) < 0) goto error;
                if ((bi & bit) && pow_mult(rt, z, a, c, &z) < 0) goto error;
            }
            if (i-- == 0) break;
            bi = D(b)[i];
            bit = (rh_digit)1 << (SHIFT - 1);
        }
    }
    if (negative_output && SIZE(z) != 0) {
        if (!(t = long_sub(rt, z, c))) goto error;
        rh_decref(rt, z);
        z = t;
    }
    goto done;
error:
    drop(rt, z);
    z = NULL;
done:
    rh_decref(rt, a);
    rh_decref(rt, b);
    drop(rt, c);
    return z;
}

/* ---------------------------------------------------------------- unary */

rh_object *rh__long_neg(rh_runtime *rt, rh_object *v) {
    if (rh__long_is_medium(v)) return from_i64(rt, -rh__long_medium(v));
    rh_object *z = rh__long_copy(rt, v);
    if (z) rh__long_set_size(z, -SIZE(v));
    return z;
}

rh_object *rh__long_invert(rh_runtime *rt, rh_object *v) {
    if (rh__long_is_medium(v)) return from_i64(rt, ~rh__long_medium(v));
    rh_object *one = from_i64(rt, 1), *x = long_add(rt, v, one);
    rh_decref(rt, one);
    return negate(rt, x);
}

/* ---------------------------------------------------------------- << and >> */

/* long_rshift1 */
static rh_object *long_rshift1(rh_runtime *rt, rh_object *a, size_t wordshift, rh_digit remshift) {
    if (rh__long_is_medium(a)) {
        int64_t m = rh__long_medium(a);
        int shift = wordshift == 0 ? (int)remshift : SHIFT;
        return from_i64(rt, m < 0 ? ~(~m >> shift) : m >> shift);
    }
    int a_negative = SIZE(a) < 0;
    size_t size_a = ND(a);
    if (a_negative && remshift == 0) {
        if (wordshift == 0) return long_long(rt, a);
        remshift = SHIFT;
        --wordshift;
    }
    if (wordshift >= size_a) return from_i64(rt, -a_negative);
    size_t newsize = size_a - wordshift;
    rh_object *z = rh__long_new(rt, newsize);
    if (!z) return NULL;
    int hishift = SHIFT - (int)remshift;
    rh_twodigits accum = D(a)[wordshift];
    if (a_negative) { /* (-a) >> s == -((a + 2**s - 1) >> s) */
        rh__long_set_size(z, -(intptr_t)newsize);
        rh_digit sticky = 0;
        for (size_t j = 0; j < wordshift; j++) sticky |= D(a)[j];
        accum += (MASK >> hishift) + (rh_digit)(sticky != 0);
    }
    accum >>= remshift;
    for (size_t i = 0, j = wordshift + 1; j < size_a; i++, j++) {
        accum += (rh_twodigits)D(a)[j] << hishift;
        D(z)[i] = (rh_digit)(accum & MASK);
        accum >>= SHIFT;
    }
    D(z)[newsize - 1] = (rh_digit)accum;
    return rh__long_maybe_small(rt, rh__long_normalize(rt, z));
}

/* long_lshift1 */
static rh_object *long_lshift1(rh_runtime *rt, rh_object *a, size_t wordshift, rh_digit remshift) {
    if (wordshift == 0 && rh__long_is_medium(a)) {
        int64_t m = rh__long_medium(a);
        return from_i64(rt, m < 0 ? -(-m << remshift) : m << remshift);
    }
    size_t oldsize = ND(a), newsize = oldsize + wordshift + (remshift ? 1 : 0), i, j;
    rh_object *z = rh__long_new(rt, newsize);
    if (!z) return NULL;
    if (SIZE(a) < 0) rh__long_set_size(z, -SIZE(z));
    for (i = 0; i < wordshift; i++) D(z)[i] = 0;
    rh_twodigits accum = 0;
    for (i = wordshift, j = 0; j < oldsize; i++, j++) {
        accum |= (rh_twodigits)D(a)[j] << remshift;
        D(z)[i] = (rh_digit)(accum & MASK);
        accum >>= SHIFT;
    }
    if (remshift) D(z)[newsize - 1] = (rh_digit)accum;
    return rh__long_maybe_small(rt, rh__long_normalize(rt, z));
}

/* long_lshift / long_rshift with divmod_shift: a count beyond any index gives 0 / -1 for >> and
 * "too many digits in integer" for << (the clipped word shift makes _PyLong_New refuse) */
static rh_object *long_shift(rh_runtime *rt, rh_object *a, rh_object *b, int left) {
    if (SIZE(b) < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "negative shift count");
        return NULL;
    }
    if (SIZE(a) == 0) return from_i64(rt, 0);
    int64_t by;
    size_t wordshift;
    rh_digit remshift;
    if (rh_int_as_i64(rt, b, &by) == 0) {
        wordshift = (size_t)(by / SHIFT);
        remshift = (rh_digit)(by % SHIFT);
    } else {
        rh_err_clear(rt);
        wordshift = (size_t)INTPTR_MAX / sizeof(rh_digit);
        remshift = 0;
    }
    return left ? long_lshift1(rt, a, wordshift, remshift) : long_rshift1(rt, a, wordshift, remshift);
}

/* ---------------------------------------------------------------- & | ^ */

/* v_complement: two's complement of a[0:m] into z[0:m] */
static void v_complement(rh_digit *z, const rh_digit *a, size_t m) {
    rh_digit carry = 1;
    for (size_t i = 0; i < m; ++i) {
        carry += a[i] ^ MASK;
        z[i] = carry & MASK;
        carry >>= SHIFT;
    }
}

/* long_bitwise: negative operands as infinite two's complement, the result converted back */
static rh_object *long_bitwise(rh_runtime *rt, rh_object *a, char op, rh_object *b) {
    size_t size_a = ND(a), size_b = ND(b), size_z, i;
    int nega = SIZE(a) < 0, negb = SIZE(b) < 0, negz;
    rh_object *z;
    if (nega) {
        if (!(z = rh__long_new(rt, size_a))) return NULL;
        v_complement(D(z), D(a), size_a);
        a = z;
    } else {
        rh_incref(a);
    }
    if (negb) {
        if (!(z = rh__long_new(rt, size_b))) {
            rh_decref(rt, a);
            return NULL;
        }
        v_complement(D(z), D(b), size_b);
        b = z;
    } else {
        rh_incref(b);
    }
    if (size_a < size_b) {
        z = a; a = b; b = z;
        size_z = size_a; size_a = size_b; size_b = size_z;
        negz = nega; nega = negb; negb = negz;
    }
    switch (op) {
    case '^': negz = nega ^ negb; size_z = size_a; break;
    case '&': negz = nega & negb; size_z = negb ? size_a : size_b; break;
    default: negz = nega | negb; size_z = negb ? size_b : size_a; break;
    }
    if (!(z = rh__long_new(rt, size_z + (size_t)negz))) {
        rh_decref(rt, a);
        rh_decref(rt, b);
        return NULL;
    }
    rh_digit *zd = D(z), *ad = D(a), *bd = D(b);
    for (i = 0; i < size_b; ++i) zd[i] = op == '&' ? ad[i] & bd[i] : op == '|' ? ad[i] | bd[i] : ad[i] ^ bd[i];
    if (op == '^' && negb)
        for (; i < size_z; ++i) zd[i] = ad[i] ^ MASK;
    else if (i < size_z)
        memcpy(zd + i, ad + i, (size_z - i) * sizeof(rh_digit));
    if (negz) {
        rh__long_set_size(z, -SIZE(z));
        zd[size_z] = MASK;
        v_complement(zd, zd, size_z + 1);
    }
    rh_decref(rt, a);
    rh_decref(rt, b);
    return rh__long_maybe_small(rt, rh__long_normalize(rt, z));
}

/* ---------------------------------------------------------------- dispatch */

rh_object *rh__long_binop(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    rh_object *r = NULL;
    switch (op) {
    case RH_BINOP_ADD: return long_add(rt, a, b);
    case RH_BINOP_SUB: return long_sub(rt, a, b);
    case RH_BINOP_MUL: return long_mul(rt, a, b);
    case RH_BINOP_TRUEDIV: return long_true_divide(rt, a, b);
    case RH_BINOP_FLOORDIV: /* long_div */
        if (ND(a) == 1 && ND(b) == 1) return fast_floor_div(rt, a, b);
        return l_divmod(rt, a, b, &r, NULL) < 0 ? NULL : r;
    case RH_BINOP_MOD: return l_mod(rt, a, b, &r) < 0 ? NULL : r;
    case RH_BINOP_POW: return rh__long_pow(rt, a, b, rh_none(rt));
    case RH_BINOP_LSHIFT: return long_shift(rt, a, b, 1);
    case RH_BINOP_RSHIFT: return long_shift(rt, a, b, 0);
    case RH_BINOP_AND:
    case RH_BINOP_OR:
    case RH_BINOP_XOR: {
        char c = op == RH_BINOP_AND ? '&' : op == RH_BINOP_OR ? '|' : '^';
        if (rh__long_is_medium(a) && rh__long_is_medium(b)) {
            int64_t x = rh__long_medium(a), y = rh__long_medium(b);
            return from_i64(rt, c == '&' ? x & y : c == '|' ? x | y : x ^ y);
        }
        return long_bitwise(rt, a, c, b);
    }
    default: break;
    }
    rh_err_set(rt, RH_EXC_VALUE, "bad binary operator %d", (int)op);
    return NULL;
}

/* long_divmod for rh_int_divmod (types.h) */
int rh__long_divmod(rh_runtime *rt, rh_object *a, rh_object *b, rh_object **div, rh_object **mod) {
    return l_divmod(rt, a, b, div, mod);
}
