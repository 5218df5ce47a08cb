/* t_float.c — the float type: PyFloatObject (24 bytes), its freelist, float(text), repr, hash and the
 * float arithmetic kernels whose results and errors differ from plain C (// % **).
 *
 * Owns: rh__type_init_float, rh__float_freelist_clear, the public float API of types.h and the rh__float_*
 * kernels of scalars.h.
 *
 * Invariants:
 *  - py27 (float_block_size != 0): floats are carved from 2.7's PyFloatBlocks (intblock.c) and a dead
 *    one always goes back to that unbounded free list, emptied of whole blocks only by a full collection
 *    (PyFloat_ClearFreeList, Objects/floatobject.c 2.7);
 *  - otherwise a dead float is parked on rt->fl.float_head (linked through ob.type, LIFO) while fewer than
 *    profile->float_freelist (100) are parked, otherwise its memory goes back to the allocator
 *    (Objects/floatobject.c:float_dealloc, PyFloat_MAXFREELIST); a new float takes the most recently
 *    parked one first. Parked floats are counted as freed (rh__object_to_freelist) and the clear gives
 *    their memory back directly;
 *  - repr(x) is the shortest decimal string that reads back as x (dtoa mode 0), printed in exponent form
 *    when the decimal exponent is below -4 or at least 16 (PyOS_double_to_string 'r', format_float_short).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scalars.h"

static rh_type *float_type(rh_runtime *rt) { return rh_builtin_type(rt, RH_K_FLOAT); }

/* ---------------------------------------------------------------- type and freelist */

static void float_dealloc(rh_runtime *rt, rh_object *o) {
    if (rt->profile->float_block_size && o->type == float_type(rt)) {
        rh__object_to_freelist(rt, o);
        rh__intblock_push(&rt->fl.float27, o);
        return;
    }
    if (rt->fl.float_n < rt->profile->float_freelist) {
        rh__object_to_freelist(rt, o);
        o->type = (rh_type *)rt->fl.float_head;
        rt->fl.float_head = o;
        rt->fl.float_n++;
        return;
    }
    rh__object_free(rt, o, sizeof(rh_float));
}

static const rh_number_methods float_as_number;
static int float_repr_into(rh__sb *b, rh_object *o);
static rh_object *float_str(rh_runtime *rt, rh_object *o);
static int64_t float_hash(rh_runtime *rt, rh_object *o);
static rh_object *float_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op);

void rh__type_init_float(rh_runtime *rt, rh_type *t) {
    t->name = "float";
    t->kind = RH_K_FLOAT;
    t->flags = RH_TPFLAG_BASETYPE;
    t->basicsize = sizeof(rh_float);
    t->itemsize = 0;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = float_dealloc;
    t->size_of = NULL;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = float_repr_into;
    t->tp_str = float_str;
    t->tp_hash = float_hash;
    t->tp_richcompare = float_richcompare;
    t->as_number = float_as_number;
}

void rh__float_freelist_clear(rh_runtime *rt) {
    if (rt->profile->float_block_size) rh__intblock_clear(rt, &rt->fl.float27, float_type(rt));
    while (rt->fl.float_head) {
        rh_object *o = rt->fl.float_head;
        rt->fl.float_head = (rh_object *)o->type;
        rh_mem_free(rt, o, sizeof(rh_float)); /* already counted as freed when parked */
    }
    rt->fl.float_n = 0;
}

/* A float from the freelist when it has one (only the 3.x profiles fill float_head), else from the 2.7
 * block list or the allocator. */
rh_object *rh_float_new(rh_runtime *rt, double v) {
    rh_object *o = rt->fl.float_head;
    if (__builtin_expect(o != NULL, 1)) {
        rt->fl.float_head = (rh_object *)o->type;
        rt->fl.float_n--;
        rh__object_reuse(rt, o, float_type(rt));
    } else if (rt->profile->float_block_size) { /* PyFloat_FromDouble, 2.7 */
        if (!(o = rh__intblock_pop(rt, &rt->fl.float27, rt->profile->float_block_size))) return NULL;
        rh__object_reuse(rt, o, float_type(rt));
    } else {
        o = rh__object_alloc(rt, float_type(rt), sizeof(rh_float));
        if (!o) return NULL;
    }
    ((rh_float *)o)->value = v;
    return o;
}

double rh_float_value(rh_object *o) {
    rh_assert(o->type->kind == RH_K_FLOAT);
    return ((rh_float *)o)->value;
}

/* ---------------------------------------------------------------- float(text) */

static int ieq(const char *s, size_t n, const char *word) {
    size_t i = 0;
    for (; i < n && word[i]; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return 0;
    }
    return i == n && word[i] == '\0';
}

/* digitpart: digit (["_"] digit)*; copies the digits to out. Returns the bytes consumed, 0 if none. */
static size_t scan_digits(const char *s, size_t n, char *out, size_t *olen) {
    size_t i = 0;
    if (i >= n || s[i] < '0' || s[i] > '9') return 0;
    while (i < n) {
        if (s[i] >= '0' && s[i] <= '9') {
            out[(*olen)++] = s[i++];
        } else if (s[i] == '_' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
            i++;
        } else {
            break;
        }
    }
    return i;
}

/* Python's float literal grammar (without underscores) copied into out; 0 on a syntax error. */
static int clean_number(const char *s, size_t n, char *out) {
    size_t i = 0, o = 0, k;
    if (i < n && (s[i] == '+' || s[i] == '-')) out[o++] = s[i++];
    size_t intpart = scan_digits(s + i, n - i, out, &o);
    i += intpart;
    size_t frac = 0;
    if (i < n && s[i] == '.') {
        out[o++] = s[i++];
        frac = scan_digits(s + i, n - i, out, &o);
        i += frac;
    }
    if (intpart == 0 && frac == 0) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        out[o++] = s[i++];
        if (i < n && (s[i] == '+' || s[i] == '-')) out[o++] = s[i++];
        if ((k = scan_digits(s + i, n - i, out, &o)) == 0) return 0;
        i += k;
    }
    out[o] = '\0';
    return i == n;
}

static void float_text_error(rh_runtime *rt, const char *s, size_t n) {
    rh_object *text = rh_str_from_utf8(rt, s, n);
    if (!text) return;
    rh__sb b;
    rh__sb_init(&b, rt);
    if (rh__sb_put_str_repr(&b, text, 0) == 0)
        rh_err_set(rt, RH_EXC_VALUE, "could not convert string to float: %.*s", (int)b.len, b.buf);
    rh__sb_free(&b);
    rh_decref(rt, text);
}

rh_object *rh_float_from_text(rh_runtime *rt, const char *s0, size_t n0) {
    const char *s = s0;
    size_t n = n0;
    rh__text_strip(&s, &n);
    const char *body = s;
    size_t bn = n;
    int neg = 0;
    if (bn && (*body == '+' || *body == '-')) {
        neg = *body == '-';
        body++;
        bn--;
    }
    if (ieq(body, bn, "inf") || ieq(body, bn, "infinity")) return rh_float_new(rt, neg ? -INFINITY : INFINITY);
    if (ieq(body, bn, "nan")) return rh_float_new(rt, neg ? -NAN : NAN);
    char local[256], *buf = local;
    if (n + 1 > sizeof local && !(buf = rh_mem_malloc(rt, n + 1))) return NULL;
    double v = 0;
    int ok = clean_number(s, n, buf);
    if (ok) v = strtod(buf, NULL); /* overflow gives +-inf and underflow 0, as Python's float() */
    if (buf != local) rh_mem_free(rt, buf, n + 1);
    if (!ok) {
        float_text_error(rt, s0, n0);
        return NULL;
    }
    return rh_float_new(rt, v);
}

/* ---------------------------------------------------------------- repr */

/* Decimal digits and exponent of "%.*e" output: value = 0.DIGITS * 10**decpt. */
static int parse_e(const char *buf, char *digs, int *decpt) {
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') digs[n++] = *p;
    *decpt = atoi(p + 1) + 1;
    return n;
}

/* Step a p-digit decimal one unit in its last place, up or down (keeping p digits). */
static void step_digits(char *digs, int n, int *decpt, int up) {
    int i = n - 1;
    if (up) {
        while (i >= 0 && digs[i] == '9') digs[i--] = '0';
        if (i >= 0) {
            digs[i]++;
        } else { /* 99..9 -> 100..0, one decimal place higher */
            digs[0] = '1';
            (*decpt)++;
        }
    } else {
        while (i >= 0 && digs[i] == '0') digs[i--] = '9';
        if (i >= 0) digs[i]--; /* always: the digits of a positive value are not all zero */
        if (digs[0] == '0') { /* 100..0 -> 99..9, one decimal place lower */
            for (int j = 0; j < n; j++) digs[j] = '9';
            (*decpt)--;
        }
    }
}

static double digits_value(const char *digs, int n, int decpt) {
    char buf[48];
    snprintf(buf, sizeof buf, "0.%.*se%d", n, digs, decpt);
    return strtod(buf, NULL);
}

/* Shortest digits that read back as v (finite, > 0). Among the shortest, the correctly rounded one; at a
 * power of two the rounding interval is lopsided, so its other neighbour is tried as well. */
static int shortest_digits(double v, char *digs, int *decpt) {
    char buf[48];
    int n = 17;
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        n = parse_e(buf, digs, decpt);
        double w = strtod(buf, NULL);
        if (w == v) break;
        char alt[24];
        int alt_decpt = *decpt;
        memcpy(alt, digs, (size_t)n);
        step_digits(alt, n, &alt_decpt, w < v);
        if (digits_value(alt, n, alt_decpt) == v) {
            memcpy(digs, alt, (size_t)n);
            *decpt = alt_decpt;
            break;
        }
    }
    while (n > 1 && digs[n - 1] == '0') n--;
    return n;
}

size_t rh__float_repr(double v, char out[RH_FLOAT_REPR_MAX]) {
    if (isnan(v)) return (size_t)snprintf(out, RH_FLOAT_REPR_MAX, "nan");
    if (isinf(v)) return (size_t)snprintf(out, RH_FLOAT_REPR_MAX, v > 0 ? "inf" : "-inf");
    size_t o = 0;
    if (signbit(v)) {
        out[o++] = '-';
        v = -v;
    }
    char digs[24];
    int decpt = 1, n = 1;
    if (v == 0) digs[0] = '0';
    else n = shortest_digits(v, digs, &decpt);
    if (decpt <= -4 || decpt > 16) { /* d.ddde+XX */
        out[o++] = digs[0];
        if (n > 1) {
            out[o++] = '.';
            memcpy(out + o, digs + 1, (size_t)n - 1);
            o += (size_t)n - 1;
        }
        int e = decpt - 1;
        o += (size_t)snprintf(out + o, RH_FLOAT_REPR_MAX - o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) { /* 0.000ddd */
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -decpt; i++) out[o++] = '0';
        memcpy(out + o, digs, (size_t)n);
        o += (size_t)n;
    } else { /* ddd.ddd or ddd00.0 */
        for (int i = 0; i < decpt || i < n; i++) {
            if (i == decpt) out[o++] = '.';
            out[o++] = i < n ? digs[i] : '0';
        }
        if (decpt >= n) {
            out[o++] = '.';
            out[o++] = '0';
        }
    }
    out[o] = '\0';
    return o;
}

/* ---------------------------------------------------------------- hash */

/* The hash of the rational m * 2**e modulo P = 2**61 - 1, so that equal int and float values agree
 * (Python/pyhash.c:_Py_HashDouble). Multiplying by 2**k modulo P is a rotation of the 61-bit residue. */
static uint64_t rot61(uint64_t x, int k) {
    const uint64_t p = ((uint64_t)1 << 61) - 1;
    return k == 0 ? x : (((x << k) & p) | (x >> (61 - k)));
}

int64_t rh__float_hash(rh_object *o, double v) {
    const uint64_t p = ((uint64_t)1 << 61) - 1;
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return rh__hash_pointer(o);
    int e;
    double m = frexp(v, &e);
    int neg = m < 0;
    if (neg) m = -m;
    uint64_t x = 0;
    while (m != 0) { /* 28 mantissa bits at a time */
        x = rot61(x, 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t top = (uint64_t)m;
        m -= (double)top;
        x += top;
        if (x >= p) x -= p;
    }
    e = e >= 0 ? e % 61 : 60 - ((-1 - e) % 61);
    x = rot61(x, e);
    int64_t h = neg ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* ---------------------------------------------------------------- arithmetic kernels */

/* floor division and modulo with the sign of the divisor (float_divmod); b != 0 */
static void float_divmod(double a, double b, double *fdiv, double *fmodv) {
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    if (div != 0) {
        double fl = floor(div);
        *fdiv = div - fl > 0.5 ? fl + 1.0 : fl;
    } else {
        *fdiv = copysign(0.0, a / b);
    }
    *fmodv = mod;
}

int rh__float_floordiv(rh_runtime *rt, double a, double b, double *out) {
    if (b == 0) {
        rh_err_set(rt, RH_EXC_ZERODIVISION, "float floor division by zero");
        return -1;
    }
    double m;
    float_divmod(a, b, out, &m);
    return 0;
}

int rh__float_mod(rh_runtime *rt, double a, double b, double *out) {
    if (b == 0) {
        rh_err_set(rt, RH_EXC_ZERODIVISION, "float modulo");
        return -1;
    }
    double d;
    float_divmod(a, b, &d, out);
    return 0;
}

static int odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* float_pow (Objects/floatobject.c, 3.11): the special cases C's pow leaves to the platform, then pow
 * with ERANGE overflow reported as OverflowError(34, 'Numerical result out of range'). */
int rh__float_pow(rh_runtime *rt, double a, double b, double *out) {
    if (b == 0) { *out = 1.0; return 0; }
    if (isnan(a)) { *out = a; return 0; }
    if (isnan(b)) { *out = a == 1.0 ? 1.0 : b; return 0; }
    if (isinf(b)) {
        double m = fabs(a);
        *out = m == 1.0 ? 1.0 : ((b > 0) == (m > 1.0) ? fabs(b) : 0.0);
        return 0;
    }
    if (isinf(a)) {
        int odd = odd_integer(b);
        *out = b > 0 ? (odd ? a : fabs(a)) : (odd ? copysign(0.0, a) : 0.0);
        return 0;
    }
    if (a == 0) {
        if (b < 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "0.0 cannot be raised to a negative power");
            return -1;
        }
        *out = odd_integer(b) ? a : 0.0;
        return 0;
    }
    int negate = 0;
    if (a < 0) {
        if (b != floor(b)) {
            rh_err_set(rt, RH_EXC_UNSUPPORTED,
                       "complex result (negative number to a fractional power) is outside refheap's model");
            return -1;
        }
        a = -a;
        negate = odd_integer(b);
    }
    if (a == 1.0) {
        *out = negate ? -1.0 : 1.0;
        return 0;
    }
    errno = 0;
    double r = pow(a, b);
    if (errno == 0 && isinf(r)) errno = ERANGE;
    else if (errno == ERANGE && r == 0) errno = 0; /* underflow to zero is fine */
    if (errno) {
        int e = errno;
        rh_err_set(rt, e == ERANGE ? RH_EXC_OVERFLOW : RH_EXC_VALUE, "(%d, '%s')", e,
                   e == ERANGE ? "Numerical result out of range" : "Numerical argument out of domain");
        return -1;
    }
    *out = negate ? -r : r;
    return 0;
}

/* ---------------------------------------------------------------- slots (Objects/floatobject.c) */

static int float_repr_into(rh__sb *b, rh_object *o) {
    char buf[RH_FLOAT_REPR_MAX];
    size_t n = rh__float_repr(rh_float_value(o), buf);
    return rh__sb_putn(b, buf, n);
}

/* float_str: the repr in 3.x; 2.7's PyOS_double_to_string(x, 'g', 12, Py_DTSF_ADD_DOT_0) — 12
 * significant digits and ".0" when the text would read as an int — in profiles with float_str_digits. */
static rh_object *float_str(rh_runtime *rt, rh_object *o) {
    int digits = (int)rt->profile->float_str_digits;
    double v = rh_float_value(o);
    char buf[64];
    if (!digits) return rh__repr_by_builder(rt, o);
    if (isnan(v)) return rh_str_from_cstr(rt, "nan");
    if (isinf(v)) return rh_str_from_cstr(rt, v < 0 ? "-inf" : "inf");
    /* format_float_short's 'g' with Py_DTSF_ADD_DOT_0: an exponent once the decimal point would come after
     * precision - 1 digits (C's %g waits one digit more), so that the ".0" keeps within the precision */
    snprintf(buf, sizeof buf - 2, "%.*e", digits - 1, v);
    char *e = strchr(buf, 'e');
    if (e && atoi(e + 1) == digits - 1) {
        char *m = e; /* the mantissa without its trailing zeros (and point), as %g writes it */
        while (m > buf && m[-1] == '0') m--;
        if (m > buf && m[-1] == '.') m--;
        memmove(m, e, strlen(e) + 1);
    } else {
        snprintf(buf, sizeof buf - 2, "%.*g", digits, v);
    }
    if (!strpbrk(buf, ".e")) strcat(buf, ".0");
    return rh_str_from_cstr(rt, buf);
}

static int64_t float_hash(rh_runtime *rt, rh_object *o) { return rh__float_hash(o, rh_float_value(o)); }

static int is_int(const rh_object *o) { return o->type->kind == RH_K_INT || o->type->kind == RH_K_BOOL; }

/* CONVERT_TO_DOUBLE: a float or an int operand as a double; 0 when the operand is neither, -1 with
 * OverflowError for an int too large for a float */
static int as_double(rh_runtime *rt, rh_object *o, double *d) {
    if (o->type->kind == RH_K_FLOAT) *d = rh_float_value(o);
    else if (is_int(o)) return rh_int_as_double(rt, o, d) ? -1 : 1;
    else return 0;
    return 1;
}

enum { CMP_UNORDERED = 2 };

/* cmp(v, d) exactly: -1, 0, 1, or CMP_UNORDERED for NaN (float_richcompare's int branch: the int is
 * never rounded) */
static int int_float_cmp(rh_object *v, double d) {
    if (isnan(d)) return CMP_UNORDERED;
    return rh__int_cmp_double(v, d);
}

/* float_richcompare: a float against a float or an int; NaN is unordered (only != holds) */
static rh_object *float_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    double x = rh_float_value(a);
    int c;
    if (b->type->kind == RH_K_FLOAT) {
        double y = rh_float_value(b);
        c = isnan(x) || isnan(y) ? CMP_UNORDERED : x < y ? -1 : x > y;
    } else if (is_int(b)) {
        c = int_float_cmp(b, x);
        if (c != CMP_UNORDERED) c = -c;
    } else {
        return rh__notimpl(rt);
    }
    if (c == CMP_UNORDERED) return rh_bool(rt, op == RH_CMP_NE);
    return rh__cmp_result(rt, op, c);
}

/* float_pow's negative base to a fractional power (after its special cases: both finite, x < 0, y not
 * integral): Python 3 hands it to complex's nb_power, 2.7 raises ValueError. 1 when it applies (*res set:
 * a new complex or NULL with the error), else 0. */
static int negative_fractional_pow(rh_runtime *rt, double x, double y, rh_object **res) {
    if (!(x < 0 && isfinite(x) && isfinite(y) && y != floor(y))) return 0;
    if (rt->profile->python2) {
        rh_err_set(rt, RH_EXC_VALUE, "negative number cannot be raised to a fractional power");
        *res = NULL;
        return 1;
    }
    double re = 0, im = 0;
    int rc = rh_complex_compute(RH_BINOP_POW, x, 0.0, y, 0.0, &re, &im);
    if (rc == RH_COMPLEX_POW_OVERFLOW) rh_err_set(rt, RH_EXC_OVERFLOW, "complex exponentiation");
    *res = rc ? NULL : rh_complex_new(rt, re, im); /* a finite nonzero base: no ZeroDivisionError */
    return 1;
}

/* a float kernel's result: kernel(rt, x, y, &out) returned rc (out read only after the call) */
static rh_object *float_result(rh_runtime *rt, int rc, const double *out) { return rc ? NULL : rh_float_new(rt, *out); }

static rh_object *float_arith(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) {
    double x, y, r = 0;
    int ka = as_double(rt, a, &x), kb = ka > 0 ? as_double(rt, b, &y) : 0;
    if (ka < 0 || kb < 0) return NULL;
    if (!ka || !kb) return rh__notimpl(rt);
    switch (op) {
    case RH_BINOP_ADD: return rh_float_new(rt, x + y);
    case RH_BINOP_SUB: return rh_float_new(rt, x - y);
    case RH_BINOP_MUL: return rh_float_new(rt, x * y);
    case RH_BINOP_TRUEDIV:
        if (y == 0) {
            rh_err_set(rt, RH_EXC_ZERODIVISION, "float division by zero");
            return NULL;
        }
        return rh_float_new(rt, x / y);
    case RH_BINOP_FLOORDIV: return float_result(rt, rh__float_floordiv(rt, x, y, &r), &r);
    case RH_BINOP_MOD: return float_result(rt, rh__float_mod(rt, x, y, &r), &r);
    default: {
        rh_object *c;
        if (negative_fractional_pow(rt, x, y, &c)) return c;
        return float_result(rt, rh__float_pow(rt, x, y, &r), &r);
    }
    }
}

#define FLOAT_BINARY(fn, OP)                                                                               \
    static rh_object *fn(rh_runtime *rt, rh_object *a, rh_object *b) { return float_arith(rt, OP, a, b); }
FLOAT_BINARY(float_add, RH_BINOP_ADD)
FLOAT_BINARY(float_sub, RH_BINOP_SUB)
FLOAT_BINARY(float_mul, RH_BINOP_MUL)
FLOAT_BINARY(float_div, RH_BINOP_TRUEDIV)
FLOAT_BINARY(float_floor_div, RH_BINOP_FLOORDIV)
FLOAT_BINARY(float_rem, RH_BINOP_MOD)
#undef FLOAT_BINARY

/* float_divmod: (a // b, a % b) as floats */
static rh_object *float_divmod_slot(rh_runtime *rt, rh_object *a, rh_object *b) {
    rh_object *q = float_floor_div(rt, a, b);
    if (q == rh_notimplemented(rt) || !q) return q;
    rh_object *r = float_rem(rt, a, b), *t = r ? rh_tuple_pack(rt, 2, q, r) : NULL;
    rh_decref(rt, q);
    rh_xdecref(rt, r);
    return t;
}

static rh_object *float_pow(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *mod) {
    if (mod != rh_none(rt)) {
        rh_err_set(rt, RH_EXC_TYPE, "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    return float_arith(rt, RH_BINOP_POW, a, b);
}

/* float_float / float_pos: an exact float is returned as it is */
static rh_object *float_float(rh_runtime *rt, rh_object *o) {
    rh_incref(o);
    return o;
}
static rh_object *float_neg(rh_runtime *rt, rh_object *o) { return rh_float_new(rt, -rh_float_value(o)); }
static rh_object *float_abs(rh_runtime *rt, rh_object *o) { return rh_float_new(rt, fabs(rh_float_value(o))); }
static int float_bool(rh_runtime *rt, rh_object *o) { return rh_float_value(o) != 0.0; }

/* float___trunc___impl */
static rh_object *float_int(rh_runtime *rt, rh_object *o) {
    double v = rh_float_value(o);
    if (isnan(v)) {
        rh_err_set(rt, RH_EXC_VALUE, "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(v)) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "cannot convert float infinity to integer");
        return NULL;
    }
    return rh_int_from_double(rt, v);
}

static const rh_number_methods float_as_number = {
    .nb_add = float_add, .nb_subtract = float_sub, .nb_multiply = float_mul, .nb_remainder = float_rem, .nb_divmod = float_divmod_slot,
    .nb_power = float_pow, .nb_negative = float_neg, .nb_positive = float_float, .nb_absolute = float_abs,
    .nb_bool = float_bool, .nb_int = float_int, .nb_float = float_float, .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};
