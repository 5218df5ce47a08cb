/* mod_math.c — the math module, native as CPython's (Modules/mathmodule.c, 3.11).
 *
 * Owns the math functions and constants. Every float function calls the same C library (libm) CPython
 * links, so results are bit-identical; errors follow math_1/math_2's is_error rule: a NaN from a
 * non-NaN argument is ValueError("math domain error"), an infinity from finite arguments is
 * OverflowError("math range error") where the function can overflow (exp, pow, ldexp...) and
 * ValueError otherwise (log of 0). Integer functions (factorial, gcd, isqrt, comb, perm, prod) work on
 * the library's arbitrary-precision ints through rh_binop, so big results are exact.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)self; (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* ---------------------------------------------------------------- arguments */

static int nargs(hx_interp *I, const char *fn, int n, int nkw, int lo, int hi) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "math.%s() takes no keyword arguments", fn); return -1; }
    if (n >= lo && n <= hi) return 0;
    if (lo == 1 && hi == 1) rh_err_set(I->rt, RH_EXC_TYPE, "math.%s() takes exactly one argument (%d given)", fn, n);
    else if (lo == hi) rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %d arguments, got %d", fn, lo, n);
    else if (n < lo) rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at least %d argument%s, got %d", fn, lo, lo == 1 ? "" : "s", n);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most %d arguments, got %d", fn, hi, n);
    return -1;
}

/* PyFloat_AsDouble of a real number: float, int or bool */
/* PyFloat_AsDouble: a float's value; otherwise nb_float (a class's __float__), then nb_index (ints, a
 * class's __index__). 0, or -1 with the error set. */
static int real(hx_interp *I, rh_object *o, double *d) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(o) == RH_K_FLOAT) { *d = rh_float_value(o); return 0; }
    if (rh_kind_of(o) == RH_K_INT || rh_kind_of(o) == RH_K_BOOL) return rh_int_as_double(rt, o, d);
    const rh_number_methods *m = &rh_type_of(o)->as_number;
    rh_object *r = m->nb_float ? m->nb_float(rt, o) : m->nb_index ? m->nb_index(rt, o) : NULL;
    if (!m->nb_float && !m->nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "must be real number, not %s", hx_tname(o));
        return -1;
    }
    if (!r) return -1;
    int rc = 0;
    if (rh_kind_of(r) == RH_K_FLOAT) *d = rh_float_value(r);
    else if (!m->nb_float && (rh_kind_of(r) == RH_K_INT || rh_kind_of(r) == RH_K_BOOL)) rc = rh_int_as_double(rt, r, d);
    else {
        rh_err_set(rt, RH_EXC_TYPE, "%s.__float__ returned non-float (type %s)", hx_tname(o), hx_tname(r));
        rc = -1;
    }
    rh_decref(rt, r);
    return rc;
}

static rh_object *domain(hx_interp *I) { rh_err_set(I->rt, RH_EXC_VALUE, "math domain error"); return NULL; }
static rh_object *range_err(hx_interp *I) { rh_err_set(I->rt, RH_EXC_OVERFLOW, "math range error"); return NULL; }

/* math_1: r = f(x) with the is_error rule above */
static rh_object *result1(hx_interp *I, double x, double r, int can_overflow) {
    if (isnan(r) && !isnan(x)) return domain(I);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_err(I) : domain(I);
    return rh_float_new(I->rt, r);
}

#define MATH1(name, expr, overflow)                                                  \
    FN(m_##name) {                                                                   \
        UNUSED;                                                                      \
        double x;                                                                    \
        if (nargs(I, #name, n, nkw, 1, 1) || real(I, a[0], &x)) return NULL;          \
        return result1(I, x, (expr), overflow);                                      \
    }
MATH1(sqrt, sqrt(x), 0)
MATH1(exp, exp(x), 1)
MATH1(exp2, exp2(x), 1)
MATH1(expm1, expm1(x), 1)
MATH1(sin, sin(x), 0)
MATH1(cos, cos(x), 0)
MATH1(tan, tan(x), 0)
MATH1(asin, asin(x), 0)
MATH1(acos, acos(x), 0)
MATH1(atan, atan(x), 0)
MATH1(sinh, sinh(x), 1)
MATH1(cosh, cosh(x), 1)
MATH1(tanh, tanh(x), 0)
MATH1(asinh, asinh(x), 0)
MATH1(acosh, acosh(x), 0)
MATH1(atanh, fabs(x) >= 1 ? NAN : atanh(x), 0)
MATH1(cbrt, cbrt(x), 0)
MATH1(fabs, fabs(x), 0)
MATH1(degrees, x * (180.0 / M_PI), 1)
MATH1(radians, x * (M_PI / 180.0), 0)
MATH1(erf, erf(x), 0)
MATH1(erfc, erfc(x), 0)
MATH1(gamma, (x <= 0 && x == floor(x)) ? NAN : tgamma(x), 1)
MATH1(lgamma, (x <= 0 && x == floor(x)) ? INFINITY : lgamma(x), 1)

/* m_log / loghelper: positive arguments only; an int too big for a double is log(m) + e*log(2) of its
 * frexp-style split, as loghelper does */
static int log_of(hx_interp *I, rh_object *o, double (*f)(double), double *r) {
    double x;
    if (rh_kind_of(o) == RH_K_INT || rh_kind_of(o) == RH_K_BOOL) {
        rh_object *zero = rh_int_from_i64(I->rt, 0);
        int pos = zero ? rh_richcompare(I->rt, RH_CMP_GT, o, zero) : -1;
        rh_xdecref(I->rt, zero);
        if (pos < 0) return -1;
        if (!pos) { domain(I); return -1; }
        if (rh_int_as_double(I->rt, o, &x) == 0) { *r = f(x); return 0; }
        rh_err_clear(I->rt);
        int64_t e; /* _PyLong_Frexp: x * 2**e, so the log is f(x) + f(2) * e */
        double m = rh_int_frexp(o, &e);
        *r = f(m) + f(2.0) * (double)e;
        return 0;
    }
    if (real(I, o, &x)) return -1;
    if (isnan(x) || (isinf(x) && x > 0)) { *r = x; return 0; }
    if (x <= 0) { domain(I); return -1; }
    *r = f(x);
    return 0;
}
FN(m_log) {
    UNUSED;
    double x, b;
    if (nargs(I, "log", n, nkw, 1, 2) || log_of(I, a[0], log, &x)) return NULL;
    if (n == 1) return rh_float_new(I->rt, x);
    if (log_of(I, a[1], log, &b)) return NULL;
    if (b == 0) { rh_err_set(I->rt, RH_EXC_ZERODIVISION, "float division by zero"); return NULL; }
    return rh_float_new(I->rt, x / b);
}
FN(m_log2) { UNUSED; double x; if (nargs(I, "log2", n, nkw, 1, 1) || log_of(I, a[0], log2, &x)) return NULL; return rh_float_new(I->rt, x); }
FN(m_log10) { UNUSED; double x; if (nargs(I, "log10", n, nkw, 1, 1) || log_of(I, a[0], log10, &x)) return NULL; return rh_float_new(I->rt, x); }
FN(m_log1p) {
    UNUSED;
    double x;
    if (nargs(I, "log1p", n, nkw, 1, 1) || real(I, a[0], &x)) return NULL;
    if (x <= -1) return domain(I);
    return rh_float_new(I->rt, log1p(x));
}

/* math_pow: C99 pow with Python's errors */
FN(m_pow) {
    UNUSED;
    double x, y, r;
    if (nargs(I, "pow", n, nkw, 2, 2) || real(I, a[0], &x) || real(I, a[1], &y)) return NULL;
    if (!isfinite(x) || !isfinite(y)) {
        r = pow(x, y); /* the special values of C99 Annex F, as math_pow lists them */
        return rh_float_new(I->rt, r);
    }
    if (x == 0 && y < 0) return domain(I);
    if (x < 0 && y != floor(y)) return domain(I);
    r = pow(x, y);
    if (isinf(r)) return range_err(I);
    return rh_float_new(I->rt, r);
}
FN(m_atan2) {
    UNUSED;
    double y, x;
    if (nargs(I, "atan2", n, nkw, 2, 2) || real(I, a[0], &y) || real(I, a[1], &x)) return NULL;
    return rh_float_new(I->rt, atan2(y, x));
}
FN(m_copysign) {
    UNUSED;
    double x, y;
    if (nargs(I, "copysign", n, nkw, 2, 2) || real(I, a[0], &x) || real(I, a[1], &y)) return NULL;
    return rh_float_new(I->rt, copysign(x, y));
}
FN(m_fmod) {
    UNUSED;
    double x, y;
    if (nargs(I, "fmod", n, nkw, 2, 2) || real(I, a[0], &x) || real(I, a[1], &y)) return NULL;
    if (isinf(y) && isfinite(x)) return rh_float_new(I->rt, x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain(I);
    return rh_float_new(I->rt, r);
}
FN(m_remainder) {
    UNUSED;
    double x, y;
    if (nargs(I, "remainder", n, nkw, 2, 2) || real(I, a[0], &x) || real(I, a[1], &y)) return NULL;
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain(I);
    return rh_float_new(I->rt, r);
}
FN(m_ldexp) {
    UNUSED;
    double x;
    int64_t e;
    if (nargs(I, "ldexp", n, nkw, 2, 2) || real(I, a[0], &x)) return NULL;
    if (rh_kind_of(a[1]) != RH_K_INT && rh_kind_of(a[1]) != RH_K_BOOL) {
        rh_err_set(I->rt, RH_EXC_TYPE, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    if (rh_int_as_i64(I->rt, a[1], &e)) { rh_err_clear(I->rt); e = 0; /* huge: sign decides below */ }
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    if (x == 0 || !isfinite(x)) return rh_float_new(I->rt, x);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_err(I);
    return rh_float_new(I->rt, r);
}
FN(m_frexp) {
    UNUSED;
    double x;
    int e = 0;
    if (nargs(I, "frexp", n, nkw, 1, 1) || real(I, a[0], &x)) return NULL;
    double m = isfinite(x) && x != 0 ? frexp(x, &e) : x;
    rh_object *f = rh_float_new(I->rt, m), *i = f ? rh_int_from_i64(I->rt, e) : NULL;
    rh_object *t = i ? rh_tuple_pack(I->rt, 2, f, i) : NULL;
    rh_xdecref(I->rt, f);
    rh_xdecref(I->rt, i);
    return t;
}
FN(m_modf) {
    UNUSED;
    double x, ip;
    if (nargs(I, "modf", n, nkw, 1, 1) || real(I, a[0], &x)) return NULL;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) ip = x;
    rh_object *f = rh_float_new(I->rt, fp), *i = f ? rh_float_new(I->rt, ip) : NULL;
    rh_object *t = i ? rh_tuple_pack(I->rt, 2, f, i) : NULL;
    rh_xdecref(I->rt, f);
    rh_xdecref(I->rt, i);
    return t;
}
static rh_object *predicate(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int which) {
    double x;
    if (nargs(I, fn, n, nkw, 1, 1) || real(I, a[0], &x)) return NULL;
    return rh_bool(I->rt, which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
}
FN(m_isfinite) { UNUSED; return predicate(I, "isfinite", a, n, nkw, 0); }
FN(m_isinf) { UNUSED; return predicate(I, "isinf", a, n, nkw, 1); }
FN(m_isnan) { UNUSED; return predicate(I, "isnan", a, n, nkw, 2); }

/* math_floor / math_ceil / math_trunc: a float rounded to an int; anything else answers with its type's
 * __floor__ / __ceil__ / __trunc__ (_PyObject_LookupSpecial: int's own give the int itself, a class's are
 * called); without one, floor and ceil round the value PyFloat_AsDouble gives, trunc is a TypeError. */
static rh_object *to_int(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, double (*f)(double),
                         const char *special) {
    if (nargs(I, fn, n, nkw, 1, 1)) return NULL;
    rh_object *x = a[0];
    if (rh_kind_of(x) == RH_K_INT || rh_kind_of(x) == RH_K_BOOL) /* int___floor__ and the others: int(self) */
        return rh_builtin_type(I->rt, RH_K_INT)->as_number.nb_int(I->rt, x);
    if (rh_kind_of(x) != RH_K_FLOAT) {
        int found;
        rh_object *r = rh_call_special(I->rt, x, special, NULL, 0, &found);
        if (found || rh_err_occurred(I->rt)) return r;
    }
    double v;
    if (rh_kind_of(x) == RH_K_FLOAT) v = rh_float_value(x);
    else if (f == trunc) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type %s doesn't define __trunc__ method", hx_tname(x));
        return NULL;
    } else if (real(I, x, &v)) return NULL;
    return rh_int_from_double(I->rt, f(v));
}
FN(m_floor) { UNUSED; return to_int(I, "floor", a, n, nkw, floor, "__floor__"); }
FN(m_ceil) { UNUSED; return to_int(I, "ceil", a, n, nkw, ceil, "__ceil__"); }
FN(m_trunc) { UNUSED; return to_int(I, "trunc", a, n, nkw, trunc, "__trunc__"); }

/* math_hypot / vector_norm: sqrt of the sum of squares, scaled against overflow, in extended precision */
FN(m_hypot) {
    UNUSED;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "hypot() takes no keyword arguments"); return NULL; }
    long double sum = 0, max = 0;
    int has_inf = 0, has_nan = 0;
    double *v = malloc(sizeof(double) * (size_t)(n ? n : 1));
    if (!v) abort();
    for (int i = 0; i < n; i++) {
        if (real(I, a[i], &v[i])) { free(v); return NULL; }
        v[i] = fabs(v[i]);
        has_inf |= isinf(v[i]);
        has_nan |= isnan(v[i]);
        if (v[i] > max) max = v[i];
    }
    if (has_inf || has_nan || max == 0) {
        free(v);
        return rh_float_new(I->rt, has_inf ? INFINITY : has_nan ? NAN : 0.0);
    }
    for (int i = 0; i < n; i++) {
        long double q = (long double)v[i] / max;
        sum += q * q;
    }
    free(v);
    return rh_float_new(I->rt, (double)(max * sqrtl(sum)));
}
FN(m_dist) {
    UNUSED;
    if (nargs(I, "dist", n, nkw, 2, 2)) return NULL;
    rh_object *p = hx_iter_list(I, a[0]), *q = p ? hx_iter_list(I, a[1]) : NULL;
    if (!q) { rh_xdecref(I->rt, p); return NULL; }
    size_t np = rh_kind_of(p) == RH_K_LIST ? rh_list_len(p) : rh_tuple_len(p);
    size_t nq = rh_kind_of(q) == RH_K_LIST ? rh_list_len(q) : rh_tuple_len(q);
    rh_object *r = NULL;
    if (np != nq) rh_err_set(I->rt, RH_EXC_VALUE, "both points must have the same number of dimensions");
    else {
        rh_object **d = malloc(sizeof(rh_object *) * (np ? np : 1));
        if (!d) abort();
        size_t k = 0;
        for (; k < np; k++) {
            rh_object *x = rh_kind_of(p) == RH_K_LIST ? rh_list_get(p, k) : rh_tuple_get(p, k);
            rh_object *y = rh_kind_of(q) == RH_K_LIST ? rh_list_get(q, k) : rh_tuple_get(q, k);
            double dx, dy;
            if (real(I, x, &dx) || real(I, y, &dy) || !(d[k] = rh_float_new(I->rt, dx - dy))) break;
        }
        if (k == np) r = m_hypot(I, NULL, d, (int)np, NULL, NULL, 0);
        for (size_t j = 0; j < k; j++) rh_decref(I->rt, d[j]);
        free(d);
    }
    rh_decref(I->rt, p);
    rh_decref(I->rt, q);
    return r;
}

/* math_fsum: Shewchuk's exact partial sums, rounded once at the end (msum with the half-even fix-up) */
FN(m_fsum) {
    UNUSED;
    if (nargs(I, "fsum", n, nkw, 1, 1)) return NULL;
    rh_object *src = hx_iter_list(I, a[0]);
    if (!src) return NULL;
    size_t len = rh_kind_of(src) == RH_K_LIST ? rh_list_len(src) : rh_tuple_len(src);
    double *p = malloc(sizeof(double) * (len + 1)), special = 0, inf_sum = 0;
    if (!p) abort();
    size_t np = 0;
    for (size_t i = 0; i < len; i++) {
        double x;
        rh_object *o = rh_kind_of(src) == RH_K_LIST ? rh_list_get(src, i) : rh_tuple_get(src, i);
        if (real(I, o, &x)) { free(p); rh_decref(I->rt, src); return NULL; }
        if (!isfinite(x)) { /* infinities and NaNs are summed apart */
            if (isinf(x)) inf_sum += x;
            special += x;
            continue;
        }
        size_t k = 0;
        for (size_t j = 0; j < np; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) p[k++] = lo;
            x = hi;
        }
        np = k;
        if (x != 0.0) p[np++] = x;
        if (isinf(x)) { free(p); rh_decref(I->rt, src); rh_err_set(I->rt, RH_EXC_OVERFLOW, "intermediate overflow in fsum"); return NULL; }
    }
    rh_decref(I->rt, src);
    if (special != 0.0) {
        free(p);
        if (isnan(inf_sum)) { rh_err_set(I->rt, RH_EXC_VALUE, "-inf + inf in fsum"); return NULL; }
        return rh_float_new(I->rt, special);
    }
    double hi = 0.0;
    if (np > 0) {
        size_t k = np;
        hi = p[--k];
        double lo = 0;
        while (k > 0) {
            double x = hi, y = p[--k];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* round half to even across the remaining partials */
        if (k > 0 && ((lo < 0.0 && p[k - 1] < 0.0) || (lo > 0.0 && p[k - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    free(p);
    return rh_float_new(I->rt, hi);
}

/* ---------------------------------------------------------------- integer functions */

static int need_int(hx_interp *I, rh_object *o) {
    if (rh_kind_of(o) == RH_K_INT || rh_kind_of(o) == RH_K_BOOL) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(o));
    return -1;
}
static rh_object *bin(hx_interp *I, rh_binop_kind op, rh_object *x, rh_object *y) { return rh_binop(I->rt, op, x, y); }
static int sign_of(hx_interp *I, rh_object *o) { /* -1, 0, 1; -2 on error */
    rh_object *z = rh_int_from_i64(I->rt, 0);
    if (!z) return -2;
    int lt = rh_richcompare(I->rt, RH_CMP_LT, o, z), gt = lt < 0 ? -1 : rh_richcompare(I->rt, RH_CMP_GT, o, z);
    rh_decref(I->rt, z);
    if (lt < 0 || gt < 0) return -2;
    return lt ? -1 : gt ? 1 : 0;
}
/* product of the ints lo..hi (lo <= hi + 1), new reference */
static rh_object *range_prod(hx_interp *I, int64_t lo, int64_t hi) {
    rh_object *acc = rh_int_from_i64(I->rt, 1);
    for (int64_t i = lo; acc && i <= hi; i++) {
        rh_object *k = rh_int_from_i64(I->rt, i), *r = k ? bin(I, RH_BINOP_MUL, acc, k) : NULL;
        rh_xdecref(I->rt, k);
        rh_decref(I->rt, acc);
        acc = r;
    }
    return acc;
}
FN(m_factorial) {
    UNUSED;
    int64_t v;
    if (nargs(I, "factorial", n, nkw, 1, 1) || need_int(I, a[0])) return NULL;
    if (rh_int_as_i64(I->rt, a[0], &v)) {
        rh_err_clear(I->rt);
        if (sign_of(I, a[0]) < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "factorial() not defined for negative values"); return NULL; }
        rh_err_set(I->rt, RH_EXC_OVERFLOW, "factorial() argument should not exceed %ld", (long)LONG_MAX);
        return NULL;
    }
    if (v < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "factorial() not defined for negative values"); return NULL; }
    return range_prod(I, 2, v);
}
static rh_object *gcd2(hx_interp *I, rh_object *x, rh_object *y) {
    rh_object *p = rh_unop(I->rt, RH_UNOP_POS, x), *q = p ? rh_unop(I->rt, RH_UNOP_POS, y) : NULL;
    int sp;
    while (q && (sp = sign_of(I, q)) != 0) {
        if (sp == -2) { rh_decref(I->rt, q); q = NULL; break; }
        rh_object *r = bin(I, RH_BINOP_MOD, p, q);
        rh_decref(I->rt, p);
        p = q;
        q = r;
    }
    if (!q) { rh_xdecref(I->rt, p); return NULL; }
    rh_decref(I->rt, q);
    if (sign_of(I, p) < 0) { rh_object *r = rh_unop(I->rt, RH_UNOP_NEG, p); rh_decref(I->rt, p); p = r; }
    return p;
}
FN(m_gcd) {
    UNUSED;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "gcd() takes no keyword arguments"); return NULL; }
    rh_object *acc = rh_int_from_i64(I->rt, 0);
    for (int i = 0; acc && i < n; i++) {
        if (need_int(I, a[i])) { rh_decref(I->rt, acc); return NULL; }
        rh_object *g = gcd2(I, acc, a[i]);
        rh_decref(I->rt, acc);
        acc = g;
    }
    return acc;
}
FN(m_lcm) {
    UNUSED;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "lcm() takes no keyword arguments"); return NULL; }
    rh_object *acc = rh_int_from_i64(I->rt, 1);
    for (int i = 0; acc && i < n; i++) {
        if (need_int(I, a[i])) { rh_decref(I->rt, acc); return NULL; }
        rh_object *g = gcd2(I, acc, a[i]), *r = NULL;
        if (g && sign_of(I, g) == 0) r = rh_int_from_i64(I->rt, 0);
        else if (g) {
            rh_object *q = bin(I, RH_BINOP_FLOORDIV, acc, g), *m = q ? bin(I, RH_BINOP_MUL, q, a[i]) : NULL;
            r = m && sign_of(I, m) < 0 ? rh_unop(I->rt, RH_UNOP_NEG, m) : (m ? newref(m) : NULL);
            rh_xdecref(I->rt, q);
            rh_xdecref(I->rt, m);
        }
        rh_xdecref(I->rt, g);
        rh_decref(I->rt, acc);
        acc = r;
    }
    return acc;
}
/* math_isqrt: Newton's iteration on ints from a float first guess, corrected to floor(sqrt(n)) */
FN(m_isqrt) {
    UNUSED;
    if (nargs(I, "isqrt", n, nkw, 1, 1) || need_int(I, a[0])) return NULL;
    int s = sign_of(I, a[0]);
    if (s == -2) return NULL;
    if (s < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "isqrt() argument must be nonnegative"); return NULL; }
    if (s == 0) return rh_int_from_i64(I->rt, 0);
    int64_t v;
    if (rh_int_as_i64(I->rt, a[0], &v) == 0) {
        uint64_t r = (uint64_t)sqrt((double)v);
        while (r * r > (uint64_t)v) r--;
        while ((r + 1) * (r + 1) <= (uint64_t)v) r++;
        return rh_int_from_i64(I->rt, (int64_t)r);
    }
    rh_err_clear(I->rt);
    rh_object *x = newref(a[0]); /* x0 = n, then x = (x + n // x) // 2 while it decreases */
    rh_object *two = rh_int_from_i64(I->rt, 2);
    for (;;) {
        rh_object *q = bin(I, RH_BINOP_FLOORDIV, a[0], x), *s2 = q ? bin(I, RH_BINOP_ADD, x, q) : NULL;
        rh_object *y = s2 ? bin(I, RH_BINOP_FLOORDIV, s2, two) : NULL;
        rh_xdecref(I->rt, q);
        rh_xdecref(I->rt, s2);
        if (!y) { rh_decref(I->rt, x); x = NULL; break; }
        int ge = rh_richcompare(I->rt, RH_CMP_GE, y, x);
        if (ge) { rh_decref(I->rt, y); break; }
        rh_decref(I->rt, x);
        x = y;
    }
    rh_xdecref(I->rt, two);
    return x;
}
/* comb / perm: exact products over ints */
static rh_object *comb_perm(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int comb) {
    if (nargs(I, fn, n, nkw, comb ? 2 : 1, 2)) return NULL;
    int64_t nn, k;
    if (need_int(I, a[0]) || (n == 2 && need_int(I, a[1]))) return NULL;
    if (rh_int_as_i64(I->rt, a[0], &nn) || (n == 2 && rh_int_as_i64(I->rt, a[1], &k))) return NULL;
    if (n == 1) k = nn;
    if (nn < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "n must be a non-negative integer"); return NULL; }
    if (k < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "k must be a non-negative integer"); return NULL; }
    if (k > nn) return rh_int_from_i64(I->rt, 0);
    if (!comb) return range_prod(I, nn - k + 1, nn);
    if (k > nn - k) k = nn - k;
    rh_object *acc = rh_int_from_i64(I->rt, 1); /* acc = acc * (n - i) // (i + 1): exact at each step */
    for (int64_t i = 0; acc && i < k; i++) {
        rh_object *m = rh_int_from_i64(I->rt, nn - i), *d = rh_int_from_i64(I->rt, i + 1);
        rh_object *p = m && d ? bin(I, RH_BINOP_MUL, acc, m) : NULL, *q = p ? bin(I, RH_BINOP_FLOORDIV, p, d) : NULL;
        rh_xdecref(I->rt, m);
        rh_xdecref(I->rt, d);
        rh_xdecref(I->rt, p);
        rh_decref(I->rt, acc);
        acc = q;
    }
    return acc;
}
FN(m_comb) { UNUSED; return comb_perm(I, "comb", a, n, nkw, 1); }
FN(m_perm) { UNUSED; return comb_perm(I, "perm", a, n, nkw, 0); }

/* math_prod(iterable, *, start=1): the generic * of each item in turn */
FN(m_prod) {
    (void)self;
    rh_object *start = NULL;
    for (int k = 0; k < nkw; k++) {
        if (strcmp(kwn[k], "start") != 0) { rh_err_set(I->rt, RH_EXC_TYPE, "prod() got an unexpected keyword argument '%s'", kwn[k]); return NULL; }
        start = kwv[k];
    }
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "prod() takes exactly 1 positional argument (%d given)", n); return NULL; }
    rh_object *src = hx_iter_list(I, a[0]);
    if (!src) return NULL;
    rh_object *acc = start ? newref(start) : rh_int_from_i64(I->rt, 1);
    size_t len = rh_kind_of(src) == RH_K_LIST ? rh_list_len(src) : rh_tuple_len(src);
    for (size_t i = 0; acc && i < len; i++) {
        rh_object *o = rh_kind_of(src) == RH_K_LIST ? rh_list_get(src, i) : rh_tuple_get(src, i);
        rh_object *r = rh_binop(I->rt, RH_BINOP_MUL, acc, o);
        rh_decref(I->rt, acc);
        acc = r;
    }
    rh_decref(I->rt, src);
    return acc;
}

/* ---------------------------------------------------------------- the module */

#define D(nm) {#nm, (void (*)(void))m_##nm, 0}
static const rh_builtin_def math_defs[] = {
    D(sqrt), D(exp), D(exp2), D(expm1), D(sin), D(cos), D(tan), D(asin), D(acos), D(atan), D(sinh), D(cosh),
    D(tanh), D(asinh), D(acosh), D(atanh), D(cbrt), D(fabs), D(degrees), D(radians), D(erf), D(erfc),
    D(gamma), D(lgamma), D(log), D(log2), D(log10), D(log1p), D(pow), D(atan2), D(copysign), D(fmod),
    D(remainder), D(ldexp), D(frexp), D(modf), D(isfinite), D(isinf), D(isnan), D(floor), D(ceil), D(trunc),
    D(hypot), D(dist), D(fsum), D(factorial), D(gcd), D(lcm), D(isqrt), D(comb), D(perm), D(prod),
    {NULL, NULL, 0}};

static int add_float(hx_interp *I, rh_object *m, const char *name, double v) {
    rh_object *x = rh_float_new(I->rt, v);
    int rc = x ? rh_dict_set_cstr(I->rt, rh_module_dict(m), name, x) : -1;
    rh_xdecref(I->rt, x);
    return rc;
}

rh_object *hx_module_math(hx_interp *I) {
    rh_object *m = hx_make_module(I, "math", math_defs);
    if (m && (add_float(I, m, "pi", M_PI) || add_float(I, m, "e", M_E) ||
              (RH_API(I, "math", "tau") && add_float(I, m, "tau", 2 * M_PI)) ||
              (RH_API(I, "math", "inf") && add_float(I, m, "inf", INFINITY)) ||
              (RH_API(I, "math", "nan") && add_float(I, m, "nan", NAN)))) {
        rh_decref(I->rt, m);
        return NULL;
    }
    return m;
}
