/* t_complex.c — the complex type: PyComplexObject (32 bytes: header + two doubles), complex(text), repr,
 * hash, equality and the arithmetic of Objects/complexobject.c (CPython 3.11).
 *
 * Owns rh__type_init_complex and the public complex API of types.h (rh_complex_*).
 *
 * Invariants:
 *  - a complex is allocated through the object allocator and freed straight back to it: no freelist in
 *    any profile (complex_dealloc is tp_free; 2.7 to 3.13 alike) and never GC-tracked;
 *  - its parts never change after creation; int and float operands are widened to complex the way
 *    to_complex does it (an int through PyLong_AsDouble, so OverflowError for a huge int);
 *  - ordering comparisons, //, % and divmod have no slot (3.10+), so the generic code reports CPython's
 *    TypeErrors; int(c) / float(c) find neither nb_int nor nb_float.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/abstract.h"
#include "scalars.h"

/* PyComplexObject: PyObject_HEAD then Py_complex cval */
typedef struct rh_complex {
    rh_object ob;
    double real, imag;
} rh_complex;

_Static_assert(sizeof(rh_complex) == 32, "PyComplexObject is 32 bytes");

static rh_complex *CX(rh_object *o) { return (rh_complex *)(void *)o; }
static rh_type *complex_type(rh_runtime *rt) { return rh_builtin_type(rt, RH_K_COMPLEX); }

/* ---------------------------------------------------------------- type, creation */

/* complex_dealloc: tp_free, no freelist */
static void complex_dealloc(rh_runtime *rt, rh_object *o) { rh__object_free(rt, o, sizeof(rh_complex)); }

static const rh_number_methods complex_as_number;
static int complex_repr_into(rh__sb *b, rh_object *o);
static int64_t complex_hash(rh_runtime *rt, rh_object *o);
static rh_object *complex_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op);

void rh__type_init_complex(rh_runtime *rt, rh_type *t) {
    t->name = "complex";
    t->kind = RH_K_COMPLEX;
    t->flags = RH_TPFLAG_BASETYPE;
    t->basicsize = sizeof(rh_complex);
    t->itemsize = 0;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = complex_dealloc;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = complex_repr_into;
    t->tp_str = rh__repr_by_builder; /* complex has no tp_str: object_str gives the repr */
    t->tp_hash = complex_hash;
    t->tp_richcompare = complex_richcompare;
    t->as_number = complex_as_number;
}

/* PyComplex_FromDoubles: a new complex (new reference), or NULL with MemoryError */
rh_object *rh_complex_new(rh_runtime *rt, double real, double imag) {
    rh_object *o = rh__object_alloc(rt, complex_type(rt), sizeof(rh_complex));
    if (!o) return NULL;
    CX(o)->real = real;
    CX(o)->imag = imag;
    return o;
}

double rh_complex_real(rh_object *o) {
    rh_assert(o->type->kind == RH_K_COMPLEX);
    return CX(o)->real;
}

double rh_complex_imag(rh_object *o) {
    rh_assert(o->type->kind == RH_K_COMPLEX);
    return CX(o)->imag;
}

/* ---------------------------------------------------------------- arithmetic kernels (_Py_c_*) */

typedef struct { double re, im; } cval;

static cval c_prod(cval a, cval b) { return (cval){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

/* _Py_c_quot: Smith's method, scaling by the larger part of the divisor; errno EDOM for 0 */
static cval c_quot(cval a, cval b) {
    double abr = fabs(b.re), abi = fabs(b.im);
    if (abr >= abi) {
        if (abr == 0.0) {
            errno = EDOM;
            return (cval){0.0, 0.0};
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (cval){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abi >= abr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (cval){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (cval){NAN, NAN}; /* a NaN in the divisor */
}

/* _Py_c_pow: polar form; 0 to a negative or complex power is EDOM */
static cval c_pow(cval a, cval b) {
    if (b.re == 0.0 && b.im == 0.0) return (cval){1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) errno = EDOM;
        return (cval){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (cval){len * cos(phase), len * sin(phase)};
}

/* c_powu: square-and-multiply for n >= 0 */
static cval c_powu(cval x, long n) {
    cval r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

/* c_powi: small integral exponents exactly by repeated products, larger ones by c_pow */
static cval c_powi(cval x, long n) {
    if (n > 100 || n < -100) return c_pow(x, (cval){(double)n, 0.0});
    if (n > 0) return c_powu(x, n);
    return c_quot((cval){1.0, 0.0}, c_powu(x, -n));
}

/* complex_pow's choice of algorithm and Py_ADJUST_ERANGE2: an infinite part is ERANGE */
static int complex_pow_value(cval a, cval b, cval *out) {
    errno = 0;
    if (b.im == 0.0 && fabs(b.re) < 9.2e18 && b.re == (double)(long)b.re) *out = c_powi(a, (long)b.re);
    else *out = c_pow(a, b);
    if (isinf(out->re) || isinf(out->im)) {
        if (errno == 0) errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    return errno == EDOM ? RH_COMPLEX_ZERO_POWER : errno == ERANGE ? RH_COMPLEX_POW_OVERFLOW : 0;
}

int rh_complex_compute(int op, double ar, double ai, double br, double bi, double *rr, double *ri) {
    cval a = {ar, ai}, b = {br, bi}, r;
    int rc = 0;
    switch (op) {
    case RH_BINOP_ADD: r = (cval){a.re + b.re, a.im + b.im}; break;
    case RH_BINOP_SUB: r = (cval){a.re - b.re, a.im - b.im}; break;
    case RH_BINOP_MUL: r = c_prod(a, b); break;
    case RH_BINOP_TRUEDIV:
        errno = 0;
        r = c_quot(a, b);
        if (errno == EDOM) rc = RH_COMPLEX_ZERO_DIVISION;
        break;
    case RH_BINOP_POW: rc = complex_pow_value(a, b, &r); break;
    default: return RH_COMPLEX_NO_OP;
    }
    errno = 0;
    if (rc) return rc;
    *rr = r.re;
    *ri = r.im;
    return 0;
}

/* ---------------------------------------------------------------- complex(text) */

static int is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int word_at(const char *s, const char *end, const char *w) {
    size_t n = strlen(w);
    if ((size_t)(end - s) < n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != w[i]) return 0;
    }
    return 1;
}

/* PyOS_string_to_double(s, &end, NULL) on s..lim: the longest float prefix (sign, then inf / infinity /
 * nan, or digits with an optional fraction and exponent; no leading space, no hex). Returns the bytes
 * consumed (0: none) and the value in *v (overflow gives +-inf, as with no overflow exception). */
static size_t float_prefix(const char *s, const char *lim, double *v) {
    const char *p = s;
    if (p < lim && (*p == '+' || *p == '-')) p++;
    if (word_at(p, lim, "infinity")) p += 8;
    else if (word_at(p, lim, "inf") || word_at(p, lim, "nan")) p += 3;
    else {
        const char *d = p;
        while (p < lim && *p >= '0' && *p <= '9') p++;
        size_t digits = (size_t)(p - d);
        if (p < lim && *p == '.') {
            const char *f = ++p;
            while (p < lim && *p >= '0' && *p <= '9') p++;
            digits += (size_t)(p - f);
        }
        if (!digits) return 0;
        if (p < lim && (*p == 'e' || *p == 'E')) {
            const char *e = p + 1;
            if (e < lim && (*e == '+' || *e == '-')) e++;
            if (e < lim && *e >= '0' && *e <= '9') {
                while (e < lim && *e >= '0' && *e <= '9') e++;
                p = e;
            }
        }
    }
    size_t n = (size_t)(p - s);
    char local[128], *buf = n < sizeof local ? local : malloc(n + 1);
    if (!buf) abort();
    memcpy(buf, s, n);
    buf[n] = '\0';
    *v = strtod(buf, NULL);
    if (buf != local) free(buf);
    return n;
}

/* complex_from_string_inner: [space] ['(' [space]] number forms [space] [')' [space]], the whole text.
 * The forms: <float>, <float>j, <float><signed-float>j, and the old <float><sign>j, <sign>j, j. 0 and
 * the parts, or -1 on a malformed string (nothing set). */
static int parse_complex(const char *s, const char *lim, double *x, double *y) {
    int bracket = 0;
    double z;
    size_t k;
    *x = *y = 0.0;
    while (s < lim && is_space(*s)) s++;
    if (s < lim && *s == '(') {
        bracket = 1;
        s++;
        while (s < lim && is_space(*s)) s++;
    }
    if ((k = float_prefix(s, lim, &z)) != 0) {
        s += k;
        if (s < lim && (*s == '+' || *s == '-')) {
            *x = z;
            if ((k = float_prefix(s, lim, y)) != 0) s += k;
            else *y = *s++ == '+' ? 1.0 : -1.0;
            if (s >= lim || (*s != 'j' && *s != 'J')) return -1;
            s++;
        } else if (s < lim && (*s == 'j' || *s == 'J')) {
            s++;
            *y = z;
        } else {
            *x = z;
        }
    } else {
        *y = 1.0;
        if (s < lim && (*s == '+' || *s == '-')) *y = *s++ == '+' ? 1.0 : -1.0;
        if (s >= lim || (*s != 'j' && *s != 'J')) return -1;
        s++;
    }
    while (s < lim && is_space(*s)) s++;
    if (bracket) {
        if (s >= lim || *s != ')') return -1;
        s++;
        while (s < lim && is_space(*s)) s++;
    }
    return s == lim ? 0 : -1;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* _Py_string_to_number_with_underscores: an underscore only between two digits, then removed. 0, or -1
 * when one is misplaced. out has room for n + 1 bytes. */
static int drop_underscores(const char *s, size_t n, char *out, size_t *olen) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '_') {
            out[o++] = s[i];
            continue;
        }
        if (i == 0 || !is_digit(s[i - 1]) || i + 1 >= n || !is_digit(s[i + 1])) return -1;
    }
    *olen = o;
    return 0;
}

rh_object *rh_complex_from_text(rh_runtime *rt, rh_object *text, const char *s, size_t n) {
    double x, y;
    if (memchr(s, '_', n)) {
        char local[256], *buf = n < sizeof local ? local : rh_mem_malloc(rt, n + 1);
        size_t len = 0;
        if (!buf) return NULL;
        int bad = drop_underscores(s, n, buf, &len);
        int rc = bad ? 0 : parse_complex(buf, buf + len, &x, &y);
        if (buf != local) rh_mem_free(rt, buf, n + 1);
        if (bad) {
            rh__sb b;
            rh__sb_init(&b, rt);
            if (rh__sb_put_str_repr(&b, text, 0) == 0)
                rh_err_set(rt, RH_EXC_VALUE, "could not convert string to complex: %.*s", (int)b.len, b.buf);
            rh__sb_free(&b);
            return NULL;
        }
        if (rc == 0) return rh_complex_new(rt, x, y);
    } else if (!memchr(s, '\0', n) && parse_complex(s, s + n, &x, &y) == 0) {
        return rh_complex_new(rt, x, y);
    }
    rh_err_set(rt, RH_EXC_VALUE, "complex() arg is a malformed string");
    return NULL;
}

/* ---------------------------------------------------------------- repr, hash, compare */

/* PyOS_double_to_string(v, 'r', 0, flags, NULL): float repr without the ".0" of an integral value;
 * with_sign: a leading '+' on a non-negative part (Py_DTSF_SIGN), also on nan and inf */
static int put_part(rh__sb *b, double v, int with_sign) {
    char buf[RH_FLOAT_REPR_MAX];
    size_t n = rh__float_repr(v, buf);
    if (n > 2 && !strchr(buf, 'e') && buf[n - 2] == '.' && buf[n - 1] == '0') n -= 2;
    if (with_sign && buf[0] != '-' && rh__sb_putc(b, '+')) return -1;
    return rh__sb_putn(b, buf, n);
}

/* complex_repr: "imagj" when the real part is +0.0, else "(real+imagj)" */
static int complex_repr_into(rh__sb *b, rh_object *o) {
    double re = CX(o)->real, im = CX(o)->imag;
    if (re == 0.0 && !signbit(re)) return put_part(b, im, 0) || rh__sb_putc(b, 'j');
    return rh__sb_putc(b, '(') || put_part(b, re, 0) || put_part(b, im, 1) || rh__sb_puts(b, "j)");
}

/* complex_hash: hash(real) + 1000003 * hash(imag) in unsigned (wrapping) arithmetic, -1 -> -2; a NaN
 * part hashes by the complex's identity (_Py_HashDouble(inst, v)) */
static int64_t complex_hash(rh_runtime *rt, rh_object *o) {
    (void)rt;
    uint64_t hr = (uint64_t)rh__float_hash(o, CX(o)->real), hi = (uint64_t)rh__float_hash(o, CX(o)->imag);
    uint64_t h = hr + 1000003u * hi;
    return h == UINT64_MAX ? -2 : (int64_t)h;
}

static int is_int(const rh_object *o) { return o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL; }

/* complex_richcompare: only == and !=; against an int with a zero imaginary part the real part is compared
 * as a new float (PyObject_RichCompare(PyFloat_FromDouble(real), w, op)), so the int is never rounded */
static rh_object *complex_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (op != RH_CMP_EQ && op != RH_CMP_NE) return rh__notimpl(rt);
    double re = CX(a)->real, im = CX(a)->imag;
    int equal;
    if (is_int(b)) {
        if (im == 0.0) {
            rh_object *j = rh_float_new(rt, re);
            if (!j) return NULL;
            rh_object *r = rh__richcompare(rt, j, b, op);
            rh_decref(rt, j);
            return r;
        }
        equal = 0;
    } else if (b->type->kind == RH_K_FLOAT) {
        equal = re == rh_float_value(b) && im == 0.0;
    } else if (b->type->kind == RH_K_COMPLEX) {
        equal = re == CX(b)->real && im == CX(b)->imag;
    } else {
        return rh__notimpl(rt);
    }
    return rh_bool(rt, (op == RH_CMP_EQ) == equal);
}

/* ---------------------------------------------------------------- number slots */

/* to_complex: 1 and the value for a complex, float or int (PyLong_AsDouble: -1 with OverflowError),
 * 0 for anything else (NotImplemented) */
static int to_complex(rh_runtime *rt, rh_object *o, cval *c) {
    c->im = 0.0;
    if (o->type->kind == RH_K_COMPLEX) *c = (cval){CX(o)->real, CX(o)->imag};
    else if (o->type->kind == RH_K_FLOAT) c->re = rh_float_value(o);
    else if (is_int(o)) return rh_int_as_double(rt, o, &c->re) ? -1 : 1;
    else return 0;
    return 1;
}

static rh_object *complex_arith(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    cval x, y;
    int ka = to_complex(rt, a, &x), kb = ka > 0 ? to_complex(rt, b, &y) : 0;
    if (ka < 0 || kb < 0) return NULL;
    if (!ka || !kb) return rh__notimpl(rt);
    double rr = 0, ri = 0;
    switch (rh_complex_compute(op, x.re, x.im, y.re, y.im, &rr, &ri)) {
    case RH_COMPLEX_ZERO_DIVISION: rh_err_set(rt, RH_EXC_ZERODIVISION, "complex division by zero"); return NULL;
    case RH_COMPLEX_ZERO_POWER:
        rh_err_set(rt, RH_EXC_ZERODIVISION, "0.0 to a negative or complex power");
        return NULL;
    case RH_COMPLEX_POW_OVERFLOW: rh_err_set(rt, RH_EXC_OVERFLOW, "complex exponentiation"); return NULL;
    default: return rh_complex_new(rt, rr, ri);
    }
}

#define COMPLEX_BINARY(fn, OP)                                                                             \
    static rh_object *fn(rh_runtime *rt, rh_object *a, rh_object *b) { return complex_arith(rt, OP, a, b); }
COMPLEX_BINARY(complex_add, RH_BINOP_ADD)
COMPLEX_BINARY(complex_sub, RH_BINOP_SUB)
COMPLEX_BINARY(complex_mul, RH_BINOP_MUL)
COMPLEX_BINARY(complex_div, RH_BINOP_TRUEDIV)
#undef COMPLEX_BINARY

/* complex_pow: the operands first (NotImplemented for other types), then "complex modulo" */
static rh_object *complex_pow(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *mod) {
    cval x, y;
    int ka = to_complex(rt, a, &x), kb = ka > 0 ? to_complex(rt, b, &y) : 0;
    if (ka < 0 || kb < 0) return NULL;
    if (!ka || !kb) return rh__notimpl(rt);
    if (mod != rh_none(rt)) {
        rh_err_set(rt, RH_EXC_VALUE, "complex modulo");
        return NULL;
    }
    return complex_arith(rt, RH_BINOP_POW, a, b);
}

static rh_object *complex_neg(rh_runtime *rt, rh_object *o) { return rh_complex_new(rt, -CX(o)->real, -CX(o)->imag); }

/* complex_pos: an exact complex is returned as it is */
static rh_object *complex_pos(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* complex_abs: hypot, with an infinite part giving inf even beside a NaN, and OverflowError when a finite
 * value's modulus overflows */
static rh_object *complex_abs(rh_runtime *rt, rh_object *o) {
    double re = CX(o)->real, im = CX(o)->imag, r;
    if (!isfinite(re) || !isfinite(im)) {
        r = isinf(re) || isinf(im) ? INFINITY : NAN;
    } else {
        r = hypot(re, im);
        if (isinf(r)) {
            rh_err_set(rt, RH_EXC_OVERFLOW, "absolute value too large");
            return NULL;
        }
    }
    return rh_float_new(rt, r);
}

static int complex_bool(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return CX(o)->real != 0.0 || CX(o)->imag != 0.0;
}

static const rh_number_methods complex_as_number = {
    .nb_add = complex_add, .nb_subtract = complex_sub, .nb_multiply = complex_mul, .nb_power = complex_pow,
    .nb_negative = complex_neg, .nb_positive = complex_pos, .nb_absolute = complex_abs, .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};
