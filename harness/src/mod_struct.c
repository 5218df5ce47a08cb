/* mod_struct.c — _struct (CPython 3.11 Modules/_struct.c) under Lib's struct.py (`from _struct import *`).
 *
 * Owns the module functions pack, pack_into, unpack, unpack_from, iter_unpack, calcsize, _clearcache, the
 * struct.error class, and the methods and attributes of _struct.Struct (its objects: reference/src/
 * t_struct.c). A format is parsed as prepare_s parses it (byte order prefix, repeat counts, whitespace,
 * native alignment) each time it is used; packing follows the per-code functions of the native table and
 * of the little- and big-endian tables, with the little-endian table's entries replaced by the native
 * ones where the sizes agree (_structmodule_exec on a little-endian host), which is where CPython's
 * messages come from ("short format requires ..." for '<h', "'h' format requires ..." for '>h').
 * The module functions go through the Struct cache as cache_struct_converter does (a dict from format
 * to Struct made at first use, cleared when it holds MAXCACHE = 100 entries, dropped by _clearcache;
 * hx_interp.struct_cache).
 * Per profile: 3.10 prints the SHRT_MIN/USHRT_MAX macro text in np_short/np_ushort messages; 3.12+ one
 * "'c' format requires lo <= number <= hi" for every integer code; 3.13 _clearcache empties the dict.
 * Differences (docs/conformance.md): iter_unpack unpacks eagerly and returns a list_iterator over the
 * tuples, not a _struct.unpack_iterator; buffers are bytes and bytearray (read-write: bytearray) only.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "interp.h"
#include "refheap/bytes.h"
#include "refheap/exc.h"
#include "refheap/modtypes.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_struct *ST(rh_object *o) { return (rh_struct *)(void *)o; }

/* ---------------------------------------------------------------- errors */

/* PyErr_SetString(state->StructError, msg) with a printf-style message; NULL */
static rh_object *struct_error(hx_interp *I, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static rh_object *struct_error(hx_interp *I, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!I->struct_error) { rh_err_set(I->rt, RH_EXC_RUNTIME, "%s", buf); return NULL; }
    rh_object *msg = rh_str_from_cstr(I->rt, buf);
    rh_object *e = msg ? rh_exc_new(I->rt, I->struct_error, &msg, 1) : NULL;
    rh_xdecref(I->rt, msg);
    if (e) rh_err_set_object(I->rt, e);
    return NULL;
}

/* ---------------------------------------------------------------- formats */

enum { ORD_NATIVE, ORD_LITTLE, ORD_BIG }; /* '@' (or none); '<' and '='; '>' and '!' */

/* the size of code c in byte order ord (natives also its alignment), or 0 when the table has no c */
static int code_size(int ord, char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return ord == ORD_NATIVE ? (int)sizeof(long) : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return ord == ORD_NATIVE ? 8 : 0;
    default: return 0;
    }
}

typedef struct {
    const char *s, *end; /* what is left of the format */
    int ord;
} fmt_cursor;

static void cursor_init(fmt_cursor *f, rh_object *fmt) {
    const char *s = rh_bytes_data(fmt);
    f->end = s + rh_bytes_len(fmt);
    f->ord = ORD_NATIVE;
    switch (*s) {
    case '<': case '=': f->ord = ORD_LITTLE; s++; break;
    case '>': case '!': f->ord = ORD_BIG; s++; break;
    case '@': s++; break;
    default: break;
    }
    f->s = s;
}

/* the next code (prepare_s's loop): 1 with *c, *num, *size; 0 at the end; -1 with struct.error */
static int next_code(hx_interp *I, fmt_cursor *f, char *c, int64_t *num, int *size) {
    while (f->s < f->end && (*f->s == ' ' || (*f->s >= '\t' && *f->s <= '\r'))) f->s++;
    if (f->s >= f->end) return 0;
    int64_t k = 1;
    if (*f->s >= '0' && *f->s <= '9') {
        k = 0;
        while (f->s < f->end && *f->s >= '0' && *f->s <= '9') {
            int d = *f->s++ - '0';
            if (k > (INT64_MAX - d) / 10) { struct_error(I, "total struct size too long"); return -1; }
            k = k * 10 + d;
        }
        if (f->s >= f->end) { struct_error(I, "repeat count given without format specifier"); return -1; }
    }
    *c = *f->s++;
    *size = code_size(f->ord, *c);
    if (!*size) { struct_error(I, "bad char in struct format"); return -1; }
    *num = k;
    return 1;
}

/* align(): a native code starts at a multiple of its size */
static int64_t align_to(int ord, int64_t at, int size) {
    if (ord != ORD_NATIVE || size <= 1) return at;
    return (at + size - 1) / size * size;
}

typedef struct { int64_t size, len; size_t ncodes; } fmt_info;

/* prepare_s: the packed size, the number of items and of formatcodes; 0, or -1 with struct.error */
static int measure(hx_interp *I, rh_object *fmt, fmt_info *out) {
    fmt_cursor f;
    cursor_init(&f, fmt);
    out->size = out->len = 0;
    out->ncodes = 0;
    char c;
    int64_t num;
    int size, r;
    while ((r = next_code(I, &f, &c, &num, &size)) > 0) {
        if (c == 's' || c == 'p') { out->len++; out->ncodes++; }
        else if (c != 'x') { out->len += num; if (num) out->ncodes++; }
        out->size = align_to(f.ord, out->size, size);
        if (num > (INT64_MAX - out->size) / size) { struct_error(I, "total struct size too long"); return -1; }
        out->size += num * size;
    }
    return r;
}

/* ---------------------------------------------------------------- integers */

/* an int's value: *neg and its magnitude-bearing 64 bits (*u holds the two's complement for negative
 * values that fit int64); 0 fits in 64 bits, 1 does not; -1 with struct.error when v is no integer
 * (get_pylong: ints, else __index__) */
static int int_bits(hx_interp *I, rh_object *v, int *neg, uint64_t *u) {
    rh_runtime *rt = I->rt;
    rh_object *iv;
    if (rh_kind_of(v) == RH_K_INT || rh_kind_of(v) == RH_K_BOOL) iv = newref(v);
    else if (rh_kind_of(v) != RH_K_FLOAT && rh_type_of(v)->as_number.nb_index) {
        if (!(iv = rh_type_of(v)->as_number.nb_index(rt, v))) return -1;
    } else {
        struct_error(I, "required argument is not an integer");
        return -1;
    }
    int64_t s;
    int rc = 0;
    if (rh_int_as_i64(rt, iv, &s) == 0) { *neg = s < 0; *u = (uint64_t)s; }
    else {
        rh_err_clear(rt);
        rh_object *hex = rh_int_to_base(rt, iv, 16); /* "0x..." or "-0x...": >= 2**63 or < -2**63 */
        const char *t = hex ? rh_str_utf8(rt, hex, NULL) : NULL;
        if (!t) rc = -1;
        else {
            *neg = t[0] == '-';
            rc = *neg || rh_int_bit_length(iv) > 64 ? 1 : 0;
            if (!rc) *u = strtoull(t + 2, NULL, 16);
        }
        rh_xdecref(rt, hex);
    }
    rh_decref(rt, iv);
    return rc;
}

/* how packing code c in byte order ord reports a value it cannot take (the table functions of 3.11) */
typedef struct {
    int size, is_signed;
    const char *name;  /* "byte", "short"...: np_byte/np_short's "<name> format requires ..."; NULL: "'c' format requires ..." */
    int ulong;         /* get_ulong: a negative value is "argument out of range" */
    int too_large;     /* _PyLong_AsByteArray / PyLong_AsVoidPtr: overflow is "int too large to convert" */
} int_rule;

static int int_rule_of(int ord, char c, int_rule *r) {
    memset(r, 0, sizeof *r);
    r->size = code_size(ord, c);
    r->is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n' || c == 'P';
    int be = ord == ORD_BIG;
    switch (c) {
    case 'b': r->name = "byte"; break;
    case 'B': r->name = "ubyte"; break;
    case 'h': r->name = be ? NULL : "short"; break;
    case 'H': r->name = be ? NULL : "ushort"; r->ulong = be; break;
    case 'I': case 'L': case 'Q': case 'N': r->ulong = 1; break;
    default: break;
    }
    r->too_large = c == 'P' || (be && (c == 'q' || c == 'Q'));
    return 0;
}

/* the value checked against the rule: 0 and the bytes' two's complement in *out, or -1 with the error */
static uint32_t version(hx_interp *I) { return rh_runtime_profile(I->rt)->version_hex; }

/* 3.12+ (_range_error for every integer code): "'c' format requires lo <= number <= hi", the code's range */
static int range_error_312(hx_interp *I, char c, const int_rule *r) {
    int bits = r->size * 8;
    long long lo = r->is_signed ? (bits == 64 ? INT64_MIN : -((long long)1 << (bits - 1))) : 0;
    unsigned long long hi = r->is_signed ? (bits == 64 ? (unsigned long long)INT64_MAX : ((1ULL << (bits - 1)) - 1))
                                         : (bits == 64 ? UINT64_MAX : ((1ULL << bits) - 1));
    struct_error(I, "'%c' format requires %lld <= number <= %llu", c, lo, hi);
    return -1;
}

/* np_short / np_ushort's message; 3.10 prints the SHRT_MIN / USHRT_MAX macro text */
static int named_range_error(hx_interp *I, const int_rule *r, long long lo, long long hi) {
    if (version(I) < 0x030B && !strcmp(r->name, "short"))
        return struct_error(I, "short format requires (-0x7fff - 1) <= number <= 0x7fff"), -1;
    if (version(I) < 0x030B && !strcmp(r->name, "ushort"))
        return struct_error(I, "ushort format requires 0 <= number <= (0x7fff * 2 + 1)"), -1;
    struct_error(I, "%s format requires %lld <= number <= %lld", r->name, lo, hi);
    return -1;
}

static int pack_int_value(hx_interp *I, char c, const int_rule *r, rh_object *v, uint64_t *out) {
    int neg;
    uint64_t u;
    int rc = int_bits(I, v, &neg, &u);
    if (rc < 0) return -1;
    if (version(I) >= 0x030C && c != 'P') { /* 3.12: one range check and message for every integer code */
        int bits = r->size * 8;
        int bad = rc > 0;
        if (!bad && r->is_signed && !neg && u > (uint64_t)INT64_MAX) bad = 1;
        if (!bad && !r->is_signed && neg) bad = 1;
        if (!bad && bits < 64) {
            int64_t s = (int64_t)u;
            bad = r->is_signed ? s < -((int64_t)1 << (bits - 1)) || s > ((int64_t)1 << (bits - 1)) - 1 : u > ((1ULL << bits) - 1);
        }
        if (bad) return range_error_312(I, c, r);
        *out = u;
        return 0;
    }
    const char *oor = r->too_large ? "int too large to convert" : "argument out of range";
    if (rc > 0) { struct_error(I, "%s", oor); return -1; }
    if (c == 'P') { *out = u; return 0; } /* PyLong_AsVoidPtr: any value of long or unsigned long */
    if (r->is_signed && !neg && u > (uint64_t)INT64_MAX) { struct_error(I, "%s", r->size == 8 ? oor : "argument out of range"); return -1; }
    if (!r->is_signed && neg && (r->ulong || r->size == 8)) { struct_error(I, "%s", oor); return -1; }
    if (r->size < 8) {
        int bits = r->size * 8;
        int64_t lo = r->is_signed ? -((int64_t)1 << (bits - 1)) : 0;
        int64_t hi = r->is_signed ? ((int64_t)1 << (bits - 1)) - 1 : (int64_t)(((uint64_t)1 << bits) - 1);
        int64_t s = (int64_t)u;
        if (s < lo || s > hi) {
            if (r->name) return named_range_error(I, r, (long long)lo, (long long)hi);
            else struct_error(I, "'%c' format requires %lld <= number <= %lld", c, (long long)lo, (long long)hi);
            return -1;
        }
    }
    *out = u;
    return 0;
}

static void put_bytes(unsigned char *p, uint64_t x, int size, int big) {
    for (int i = 0; i < size; i++) p[big ? size - 1 - i : i] = (unsigned char)(x >> (8 * i));
}
static uint64_t get_bytes(const unsigned char *p, int size, int big) {
    uint64_t x = 0;
    for (int i = 0; i < size; i++) x |= (uint64_t)p[big ? size - 1 - i : i] << (8 * i);
    return x;
}

/* an unpacked integer: new reference */
static rh_object *int_result(hx_interp *I, uint64_t x, int size, int is_signed) {
    if (is_signed) {
        if (size < 8 && (x >> (size * 8 - 1)) & 1) x |= ~(uint64_t)0 << (size * 8);
        return rh_int_from_i64(I->rt, (int64_t)x);
    }
    if (x <= (uint64_t)INT64_MAX) return rh_int_from_i64(I->rt, (int64_t)x);
    char t[24];
    int k = snprintf(t, sizeof t, "%llu", (unsigned long long)x);
    return rh_int_from_text(I->rt, t, (size_t)k);
}

/* ---------------------------------------------------------------- floats */

/* PyFloat_AsDouble: floats, ints, nb_float, nb_index; any failure is "required argument is not a float" */
static int float_arg(hx_interp *I, rh_object *v, double *d) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(v) == RH_K_FLOAT) { *d = rh_float_value(v); return 0; }
    int rc = -1;
    if (rh_kind_of(v) == RH_K_INT || rh_kind_of(v) == RH_K_BOOL) rc = rh_int_as_double(rt, v, d);
    else {
        const rh_number_methods *m = &rh_type_of(v)->as_number;
        rh_object *r = m->nb_float ? m->nb_float(rt, v) : m->nb_index ? m->nb_index(rt, v) : NULL;
        if (r && rh_kind_of(r) == RH_K_FLOAT) { *d = rh_float_value(r); rc = 0; }
        else if (r && (rh_kind_of(r) == RH_K_INT || rh_kind_of(r) == RH_K_BOOL)) rc = rh_int_as_double(rt, r, d);
        rh_xdecref(rt, r);
    }
    if (rc) { rh_err_clear(rt); struct_error(I, "required argument is not a float"); }
    return rc;
}

/* PyFloat_Pack2: IEEE half precision, rounding half to even; 0 or -1 with OverflowError */
static int pack_half(hx_interp *I, double x, uint16_t *out) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) { *out = sign | 0x7e00; return 0; }
    if (isinf(x)) { *out = sign | 0x7c00; return 0; }
    x = fabs(x);
    if (x == 0) { *out = sign; return 0; }
    int e;
    double f = frexp(x, &e); /* x = f * 2**e, 0.5 <= f < 1 */
    if (e > 16) goto overflow;
    uint32_t bits;
    int exp;
    if (e < -13) { f = ldexp(f, e + 14); exp = 0; }   /* subnormal: units of 2**-24 */
    else { f -= 0.5; f *= 2.0; exp = e + 14; }        /* normal: 1.f with 10 fraction bits */
    f *= 1024.0;
    bits = (uint32_t)f;
    double rest = f - bits;
    if (rest > 0.5 || (rest == 0.5 && (bits & 1))) {
        bits++;
        if (bits == 1024) { bits = 0; exp++; if (exp == 31) goto overflow; }
    }
    *out = sign | (uint16_t)(exp << 10) | (uint16_t)bits;
    return 0;
overflow:
    rh_err_set(I->rt, RH_EXC_OVERFLOW, "float too large to pack with e format");
    return -1;
}

/* PyFloat_Unpack2 */
static double unpack_half(uint16_t h) {
    int sign = h >> 15, e = (h >> 10) & 0x1f;
    unsigned f = h & 0x3ff;
    double x;
    if (e == 0x1f) x = f ? NAN : INFINITY;
    else if (e == 0) x = ldexp((double)f, -24);
    else x = ldexp((double)(f | 0x400), e - 25);
    return sign ? -x : x;
}

/* ---------------------------------------------------------------- pack / unpack of one item */

/* bytes or bytearray's data (s_pack_internal's 's'/'p': "argument for 's' must be a bytes object") */
static int bytes_arg(hx_interp *I, rh_object *v, char c, const char **p, size_t *len) {
    if (rh_kind_of(v) != RH_K_BYTES && rh_kind_of(v) != RH_K_BYTEARRAY) {
        struct_error(I, "argument for '%c' must be a bytes object", c);
        return -1;
    }
    *p = rh_bytes_data(v);
    *len = rh_bytes_len(v);
    return 0;
}

/* pack v as code c of size `size` (one item; for 's'/'p' the whole field) at p (zeroed); 0 or -1 */
static int pack_one(hx_interp *I, int ord, char c, int64_t size, rh_object *v, unsigned char *p) {
    int big = ord == ORD_BIG;
    const char *src;
    size_t len;
    switch (c) {
    case 's':
        if (bytes_arg(I, v, c, &src, &len)) return -1;
        memcpy(p, src, (size_t)size < len ? (size_t)size : len);
        return 0;
    case 'p': {
        if (bytes_arg(I, v, c, &src, &len)) return -1;
        size_t k = size > 0 && len > (size_t)size - 1 ? (size_t)size - 1 : len;
        if (size > 0) memcpy(p + 1, src, k);
        if (size > 0) p[0] = (unsigned char)(k > 255 ? 255 : k);
        return 0;
    }
    case 'c':
        if (rh_kind_of(v) != RH_K_BYTES || rh_bytes_len(v) != 1) { struct_error(I, "char format requires a bytes object of length 1"); return -1; }
        p[0] = (unsigned char)rh_bytes_data(v)[0];
        return 0;
    case '?': {
        int t = rh_truthy(I->rt, v);
        if (t < 0) return -1;
        p[0] = (unsigned char)t;
        return 0;
    }
    case 'e': case 'f': case 'd': {
        double d;
        if (float_arg(I, v, &d)) return -1;
        if (c == 'e') {
            uint16_t h;
            if (pack_half(I, d, &h)) return -1;
            put_bytes(p, h, 2, big);
        } else if (c == 'f') {
            float x = (float)d;
            if (ord != ORD_NATIVE && isinf(x) && !isinf(d)) { /* PyFloat_Pack4; np_float does not check */
                rh_err_set(I->rt, RH_EXC_OVERFLOW, "float too large to pack with f format");
                return -1;
            }
            uint32_t w;
            memcpy(&w, &x, 4);
            put_bytes(p, w, 4, big);
        } else {
            uint64_t w;
            memcpy(&w, &d, 8);
            put_bytes(p, w, 8, big);
        }
        return 0;
    }
    default: {
        int_rule r;
        int_rule_of(ord, c, &r);
        uint64_t x;
        if (pack_int_value(I, c, &r, v, &x)) return -1;
        put_bytes(p, x, r.size, big);
        return 0;
    }
    }
}

/* the item code c of size `size` at p: new reference */
static rh_object *unpack_one(hx_interp *I, int ord, char c, int64_t size, const unsigned char *p) {
    int big = ord == ORD_BIG;
    switch (c) {
    case 's': return rh_bytes_from(I->rt, p, (size_t)size);
    case 'p': {
        int64_t k = size > 0 ? p[0] : 0;
        if (k >= size) k = size - 1;
        return rh_bytes_from(I->rt, p + 1, k > 0 ? (size_t)k : 0);
    }
    case 'c': return rh_bytes_from(I->rt, p, 1);
    case '?': return newref(rh_bool(I->rt, p[0] != 0));
    case 'e': return rh_float_new(I->rt, unpack_half((uint16_t)get_bytes(p, 2, big)));
    case 'f': {
        uint32_t w = (uint32_t)get_bytes(p, 4, big);
        float x;
        memcpy(&x, &w, 4);
        return rh_float_new(I->rt, x);
    }
    case 'd': {
        uint64_t w = get_bytes(p, 8, big);
        double x;
        memcpy(&x, &w, 8);
        return rh_float_new(I->rt, x);
    }
    default: {
        int sz = code_size(ord, c);
        int is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
        return int_result(I, get_bytes(p, sz, big), sz, is_signed);
    }
    }
}

/* s_pack_internal: the items v[0..s_len) into buf (s_size bytes, zeroed); 0 or -1 */
static int pack_items(hx_interp *I, rh_object *st, rh_object **v, unsigned char *buf) {
    fmt_cursor f;
    cursor_init(&f, ST(st)->s_format);
    char c;
    int64_t num, at = 0;
    int size, r;
    while ((r = next_code(I, &f, &c, &num, &size)) > 0) {
        at = align_to(f.ord, at, size);
        if (c == 'x') { at += num; continue; }
        if (c == 's' || c == 'p') {
            if (pack_one(I, f.ord, c, num, *v++, buf + at)) return -1;
            at += num;
            continue;
        }
        for (int64_t k = 0; k < num; k++, at += size)
            if (pack_one(I, f.ord, c, size, *v++, buf + at)) return -1;
    }
    return r;
}

/* s_unpack_internal: a new tuple of s_len items from buf, or NULL */
static rh_object *unpack_items(hx_interp *I, rh_object *st, const unsigned char *buf) {
    rh_object *t = rh_tuple_new(I->rt, (size_t)ST(st)->s_len);
    if (!t) return NULL;
    fmt_cursor f;
    cursor_init(&f, ST(st)->s_format);
    char c;
    int64_t num, at = 0;
    size_t i = 0;
    int size, r;
    while ((r = next_code(I, &f, &c, &num, &size)) > 0) {
        at = align_to(f.ord, at, size);
        if (c == 'x') { at += num; continue; }
        int whole = c == 's' || c == 'p';
        for (int64_t k = 0; k < (whole ? 1 : num); k++) {
            rh_object *x = unpack_one(I, f.ord, c, whole ? num : size, buf + at);
            if (!x) { rh_decref(I->rt, t); return NULL; }
            rh_tuple_set(t, i++, x);
            at += whole ? num : size;
        }
    }
    if (r < 0) { rh_decref(I->rt, t); return NULL; }
    return t;
}

/* ---------------------------------------------------------------- Struct objects and the cache */

/* Struct___init___impl: a new Struct of format (str: ASCII-encoded; bytes), or NULL */
static rh_object *struct_make(hx_interp *I, rh_object *format) {
    rh_runtime *rt = I->rt;
    rh_object *fb;
    if (rh_kind_of(format) == RH_K_STR) {
        size_t n;
        const char *s = rh_str_utf8(rt, format, &n);
        if (!s || !(fb = rh_bytes_from(rt, s, n))) return NULL;
    } else if (rh_kind_of(format) == RH_K_BYTES) fb = newref(format);
    else {
        rh_err_set(rt, RH_EXC_TYPE, "Struct() argument 1 must be a str or bytes object, not %s", hx_tname(format));
        return NULL;
    }
    fmt_info fi;
    rh_object *st = measure(I, fb, &fi) ? NULL : rh_struct_new(rt, fb, fi.size, fi.len, fi.ncodes);
    rh_decref(rt, fb);
    return st;
}

/* cache_struct_converter: the cached Struct of format (new reference), made and entered when absent */
static rh_object *cached_struct(hx_interp *I, rh_object *format) {
    rh_runtime *rt = I->rt;
    if (!I->struct_cache && !(I->struct_cache = rh_dict_new(rt))) return NULL;
    rh_object *st = rh_dict_get(rt, I->struct_cache, format);
    if (st) return newref(st);
    if (rh_err_occurred(rt)) return NULL;
    if (!(st = struct_make(I, format))) return NULL;
    if (rh_dict_len(I->struct_cache) >= 100) rh_dict_clear(rt, I->struct_cache); /* MAXCACHE */
    if (rh_dict_set(rt, I->struct_cache, format, st)) { rh_decref(rt, st); return NULL; }
    return st;
}

/* ---------------------------------------------------------------- buffers */

/* a readable buffer (bytes, bytearray): 0 with *p, *len; -1 with TypeError */
static int read_buffer(hx_interp *I, rh_object *b, const unsigned char **p, int64_t *len) {
    if (rh_kind_of(b) != RH_K_BYTES && rh_kind_of(b) != RH_K_BYTEARRAY) {
        rh_err_set(I->rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(b));
        return -1;
    }
    *p = (const unsigned char *)rh_bytes_data(b);
    *len = (int64_t)rh_bytes_len(b);
    return 0;
}

/* ---------------------------------------------------------------- the operations, on a Struct */

static rh_object *do_pack(hx_interp *I, rh_object *st, rh_object **v, int n) {
    if (n != ST(st)->s_len) return struct_error(I, "pack expected %lld items for packing (got %d)", (long long)ST(st)->s_len, n);
    if (ST(st)->s_size <= 1) { /* 3.11 gives the shared empty or 1-byte bytes for these (identity as CPython's) */
        unsigned char small[1] = {0};
        return pack_items(I, st, v, small) ? NULL : rh_bytes_from(I->rt, small, (size_t)ST(st)->s_size);
    }
    rh_object *b = rh_bytes_new(I->rt, (size_t)ST(st)->s_size);
    if (!b) return NULL;
    if (pack_items(I, st, v, (unsigned char *)rh_bytes_wdata(b))) { rh_decref(I->rt, b); return NULL; }
    return b;
}

static rh_object *do_unpack(hx_interp *I, rh_object *st, rh_object *buffer) {
    const unsigned char *p;
    int64_t len;
    if (read_buffer(I, buffer, &p, &len)) return NULL;
    if (len != ST(st)->s_size) return struct_error(I, "unpack requires a buffer of %lld bytes", (long long)ST(st)->s_size);
    return unpack_items(I, st, p);
}

static rh_object *do_unpack_from(hx_interp *I, rh_object *st, rh_object *buffer, rh_object *off) {
    const unsigned char *p;
    int64_t len, offset = 0, size = ST(st)->s_size;
    if (read_buffer(I, buffer, &p, &len)) return NULL;
    if (off && rh_index_value(I->rt, off, &offset)) return NULL;
    if (offset < 0) {
        if (offset + len < 0) return struct_error(I, "offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)len);
        if (offset + size > 0) return struct_error(I, "not enough data to unpack %lld bytes at offset %lld", (long long)size, (long long)offset);
        offset += len;
    }
    if (len - offset < size)
        return struct_error(I, "unpack_from requires a buffer of at least %llu bytes for unpacking %lld bytes at offset %lld (actual buffer size is %lld)",
                            (unsigned long long)(size + offset), (long long)size, (long long)offset, (long long)len);
    return unpack_items(I, st, p + offset);
}

/* pack_into(buffer, offset, *v): a[0] buffer, a[1] offset, then the items */
static rh_object *do_pack_into(hx_interp *I, rh_object *st, rh_object **a, int n) {
    int64_t size = ST(st)->s_size, offset, len;
    if (n != ST(st)->s_len + 2) {
        if (n == 0) return struct_error(I, "pack_into expected buffer argument");
        if (n == 1) return struct_error(I, "pack_into expected offset argument");
        return struct_error(I, "pack_into expected %lld items for packing (got %d)", (long long)ST(st)->s_len, n - 2);
    }
    if (rh_kind_of(a[0]) != RH_K_BYTEARRAY) {
        rh_err_set(I->rt, RH_EXC_TYPE, "argument must be read-write bytes-like object, not %s", hx_tname(a[0]));
        return NULL;
    }
    len = (int64_t)rh_bytes_len(a[0]);
    if (rh_index_value(I->rt, a[1], &offset)) return NULL;
    if (offset < 0) {
        if (offset + size > 0) return struct_error(I, "no space to pack %lld bytes at offset %lld", (long long)size, (long long)offset);
        if (offset + len < 0) return struct_error(I, "offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)len);
        offset += len;
    }
    if (len - offset < size)
        return struct_error(I, "pack_into requires a buffer of at least %llu bytes for packing %lld bytes at offset %lld (actual buffer size is %lld)",
                            (unsigned long long)(size + offset), (long long)size, (long long)offset, (long long)len);
    /* pack into a zeroed scratch first: CPython zeroes the target range (memset) before packing */
    unsigned char *dst = (unsigned char *)rh_bytearray_wdata(a[0]) + offset;
    if (size) memset(dst, 0, (size_t)size);
    if (pack_items(I, st, a + 2, dst)) return NULL;
    return newref(rh_none(I->rt));
}

/* iter_unpack: the tuples of each s_size-long piece, through a list_iterator (see the file comment) */
static rh_object *do_iter_unpack(hx_interp *I, rh_object *st, rh_object *buffer) {
    const unsigned char *p;
    int64_t len, size = ST(st)->s_size;
    if (size == 0) return struct_error(I, "cannot iteratively unpack with a struct of length 0");
    if (read_buffer(I, buffer, &p, &len)) return NULL;
    if (len % size) return struct_error(I, "iterative unpacking requires a buffer of a multiple of %lld bytes", (long long)size);
    rh_object *l = rh_list_new(I->rt, 0);
    for (int64_t at = 0; l && at < len; at += size) {
        rh_object *t = unpack_items(I, st, p + at);
        if (!t || rh_list_append(I->rt, l, t)) rh_setref(I->rt, &l, NULL);
        rh_xdecref(I->rt, t);
    }
    if (!l) return NULL;
    rh_object *it = rh_getiter(I->rt, l);
    rh_decref(I->rt, l);
    return it;
}

/* ---------------------------------------------------------------- module functions */

static int no_kw(hx_interp *I, const char *fn, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    return 0;
}
static int exact_args(hx_interp *I, const char *fn, int n, int want) {
    if (n == want) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %d argument%s, got %d", fn, want, want == 1 ? "" : "s", n);
    return -1;
}

FN(m_pack) {
    (void)self; (void)kwn; (void)kwv;
    if (no_kw(I, "pack", nkw)) return NULL;
    if (n < 1) { rh_err_set(I->rt, RH_EXC_TYPE, "missing format argument"); return NULL; }
    rh_object *st = cached_struct(I, a[0]);
    rh_object *r = st ? do_pack(I, st, a + 1, n - 1) : NULL;
    rh_xdecref(I->rt, st);
    return r;
}
FN(m_pack_into) {
    (void)self; (void)kwn; (void)kwv;
    if (no_kw(I, "pack_into", nkw)) return NULL;
    if (n < 1) { rh_err_set(I->rt, RH_EXC_TYPE, "missing format argument"); return NULL; }
    rh_object *st = cached_struct(I, a[0]);
    rh_object *r = st ? do_pack_into(I, st, a + 1, n - 1) : NULL;
    rh_xdecref(I->rt, st);
    return r;
}
FN(m_unpack) {
    (void)self; (void)kwn; (void)kwv;
    if (no_kw(I, "unpack", nkw) || exact_args(I, "unpack", n, 2)) return NULL;
    rh_object *st = cached_struct(I, a[0]);
    rh_object *r = st ? do_unpack(I, st, a[1]) : NULL;
    rh_xdecref(I->rt, st);
    return r;
}
FN(m_iter_unpack) {
    (void)self; (void)kwn; (void)kwv;
    if (no_kw(I, "iter_unpack", nkw) || exact_args(I, "iter_unpack", n, 2)) return NULL;
    rh_object *st = cached_struct(I, a[0]);
    rh_object *r = st ? do_iter_unpack(I, st, a[1]) : NULL;
    rh_xdecref(I->rt, st);
    return r;
}
FN(m_calcsize) {
    (void)self; (void)kwn; (void)kwv;
    if (no_kw(I, "calcsize", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "calcsize() takes exactly one argument (%d given)", n); return NULL; }
    rh_object *st = cached_struct(I, a[0]);
    rh_object *r = st ? rh_int_from_i64(I->rt, ST(st)->s_size) : NULL;
    rh_xdecref(I->rt, st);
    return r;
}
FN(m_clearcache) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    if (n || nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "_clearcache() takes no arguments (%d given)", n); return NULL; }
    if (version(I) >= 0x030D && I->struct_cache) rh_dict_clear(I->rt, I->struct_cache); /* 3.13: PyDict_Clear */
    else rh_setref(I->rt, &I->struct_cache, NULL); /* Py_CLEAR(state->cache): made again at the next use */
    return newref(rh_none(I->rt));
}

/* (buffer, offset=0) by position or name, for unpack_from: a[first..] */
static int parse_buffer_offset(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw,
                               rh_object **buf, rh_object **off) {
    *buf = n > 0 ? a[0] : NULL;
    *off = n > 1 ? a[1] : NULL;
    if (n > 2) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes at most 2 arguments (%d given)", fn, n); return -1; }
    for (int q = 0; q < nkw; q++) {
        rh_object **slot = !strcmp(kwn[q], "buffer") ? buf : !strcmp(kwn[q], "offset") ? off : NULL;
        if (!slot) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", fn, kwn[q]); return -1; }
        if (*slot) { rh_err_set(I->rt, RH_EXC_TYPE, "argument for %s() given by name ('%s') and position (%d)", fn, kwn[q], slot == buf ? 1 : 2); return -1; }
        *slot = kwv[q];
    }
    if (!*buf) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() missing required argument 'buffer' (pos 1)", fn); return -1; }
    return 0;
}

FN(m_unpack_from) {
    (void)self;
    if (n < 1) { rh_err_set(I->rt, RH_EXC_TYPE, "unpack_from() missing required argument 'format' (pos 1)"); return NULL; }
    rh_object *buf, *off;
    if (parse_buffer_offset(I, "unpack_from", a + 1, n - 1, kwn, kwv, nkw, &buf, &off)) return NULL;
    rh_object *st = cached_struct(I, a[0]);
    rh_object *r = st ? do_unpack_from(I, st, buf, off) : NULL;
    rh_xdecref(I->rt, st);
    return r;
}

/* ---------------------------------------------------------------- Struct methods */

FN(s_pack) { (void)kwn; (void)kwv; return no_kw(I, "pack", nkw) ? NULL : do_pack(I, self, a, n); }
FN(s_pack_into) { (void)kwn; (void)kwv; return no_kw(I, "pack_into", nkw) ? NULL : do_pack_into(I, self, a, n); }
FN(s_unpack) {
    (void)kwn; (void)kwv;
    if (no_kw(I, "unpack", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "Struct.unpack() takes exactly one argument (%d given)", n); return NULL; }
    return do_unpack(I, self, a[0]);
}
FN(s_iter_unpack) {
    (void)kwn; (void)kwv;
    if (no_kw(I, "iter_unpack", nkw)) return NULL;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "Struct.iter_unpack() takes exactly one argument (%d given)", n); return NULL; }
    return do_iter_unpack(I, self, a[0]);
}
FN(s_unpack_from) {
    rh_object *buf, *off;
    if (parse_buffer_offset(I, "unpack_from", a, n, kwn, kwv, nkw, &buf, &off)) return NULL;
    return do_unpack_from(I, self, buf, off);
}

/* s_sizeof */
FN(s_sizeof) {
    (void)a; (void)kwn; (void)kwv;
    if (n || nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "Struct.__sizeof__() takes no arguments (%d given)", n + nkw); return NULL; }
    return rh_int_from_i64(I->rt, (int64_t)rh_type_of(self)->size_of(I->rt, self));
}

#define D(py, fn) {py, (void (*)(void))fn, 0}
static const rh_builtin_def struct_methods[] = {
    D("__sizeof__", s_sizeof),
    D("pack", s_pack), D("pack_into", s_pack_into), D("unpack", s_unpack), D("unpack_from", s_unpack_from),
    D("iter_unpack", s_iter_unpack), {NULL, NULL, 0}};
static const rh_builtin_def struct_defs[] = {
    D("_clearcache", m_clearcache), D("calcsize", m_calcsize), D("iter_unpack", m_iter_unpack), D("pack", m_pack),
    D("pack_into", m_pack_into), D("unpack", m_unpack), D("unpack_from", m_unpack_from), {NULL, NULL, 0}};
#undef D

int hx_struct_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){NULL, struct_methods};
    return 1;
}

/* Struct.format (the format as str) and Struct.size: 1 with *out, 0 not one of them, -1 error */
int hx_struct_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    if (!strcmp(name, "size")) *out = rh_int_from_i64(I->rt, ST(o)->s_size);
    else if (!strcmp(name, "format")) {
        rh_object *f = ST(o)->s_format;
        *out = rh_str_from_utf8(I->rt, rh_bytes_data(f), rh_bytes_len(f));
    } else return 0;
    return *out ? 1 : -1;
}

/* Struct(format) */
FN(s_new) {
    (void)self; (void)kwn;
    rh_object *fmt = n == 1 ? a[0] : nkw == 1 && n == 0 && !strcmp(kwn[0], "format") ? kwv[0] : NULL;
    if (!fmt) {
        rh_err_set(I->rt, RH_EXC_TYPE, n + nkw == 0 ? "Struct() missing required argument 'format' (pos 1)"
                                                    : "Struct() takes at most 1 argument (%d given)", n + nkw);
        return NULL;
    }
    return struct_make(I, fmt);
}
static const rh_builtin_def struct_ctor = {"Struct", (void (*)(void))s_new, 0};
const rh_builtin_def *hx_struct_constructor(void) { return &struct_ctor; }

/* ---------------------------------------------------------------- the module */

static const char struct_doc[] =
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n"
    "\n"
    "The optional first format char indicates byte order, size and alignment:\n"
    "  @: native order, size & alignment (default)\n"
    "  =: native order, std. size & alignment\n"
    "  <: little-endian, std. size & alignment\n"
    "  >: big-endian, std. size & alignment\n"
    "  !: same as >\n"
    "\n"
    "The remaining chars indicate types of args and must match exactly;\n"
    "these can be preceded by a decimal repeat count:\n"
    "  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n"
    "  ?: _Bool (requires C99; if not available, char is used instead)\n"
    "  h:short; H:unsigned short; i:int; I:unsigned int;\n"
    "  l:long; L:unsigned long; f:float; d:double; e:half-float.\n"
    "Special cases (preceding decimal count indicates length):\n"
    "  s:string (array of char); p: pascal string (with count byte).\n"
    "Special cases (only available in native format):\n"
    "  n:ssize_t; N:size_t;\n"
    "  P:an integer type that is wide enough to hold a pointer.\n"
    "Special case (not in native mode unless 'long long' in platform C):\n"
    "  q:long long; Q:unsigned long long\n"
    "Whitespace between formats is ignored.\n"
    "\n"
    "The variable struct.error is an exception raised on errors.\n";

/* struct.error: PyErr_NewException("struct.error", NULL, NULL): a class `error(Exception)` of module struct */
static rh_object *make_error_class(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *ns = rh_dict_new(rt), *modname = ns ? rh_str_from_cstr(rt, "struct") : NULL;
    rh_object *name = modname ? rh_str_from_cstr(rt, "error") : NULL, *bases = name ? rh_tuple_new(rt, 1) : NULL, *cls = NULL;
    if (bases) {
        rh_tuple_set(bases, 0, newref((rh_object *)rh_exc_type(rt, RH_EXC_EXCEPTION)));
        if (!rh_dict_set_cstr(rt, ns, "__module__", modname)) cls = rh_class_new(rt, name, bases, ns);
    }
    rh_xdecref(rt, bases);
    rh_xdecref(rt, name);
    rh_xdecref(rt, modname);
    rh_xdecref(rt, ns);
    return cls;
}

rh_object *hx_module__struct(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *m = hx_make_module(I, "_struct", struct_defs);
    if (!m) return NULL;
    rh_object *d = rh_module_dict(m), *doc = rh_str_from_cstr(rt, struct_doc);
    if (!I->struct_error) I->struct_error = make_error_class(I);
    int rc = !doc || !I->struct_error || rh_dict_set_cstr(rt, d, "__doc__", doc) ||
             rh_dict_set_cstr(rt, d, "Struct", (rh_object *)rh_builtin_type(rt, RH_K_STRUCT)) ||
             rh_dict_set_cstr(rt, d, "error", I->struct_error);
    rh_xdecref(rt, doc);
    if (rc) rh_setref(rt, &m, NULL);
    return m;
}
