/* builtins_fmt.c — the format-spec mini-language, format(), str.format / str.format_map and
 * PyObject_Format (CPython 3.11: Python/formatter_unicode.c, Objects/stringlib/unicode_format.h,
 * Objects/abstract.c PyObject_Format).
 *
 * Owns hx_format (format(value, spec) for any value: int, bool, float and str by the built-in formatters
 * here; a class's own __format__ through its slot; object.__format__ otherwise) and the str.format
 * parser, which also drives the _string module's iterators (formatter_parser, formatter_field_name_split:
 * hx_module__string; the iterator objects are reference/src/t_fmtiter.c's). Results are built in a byte buffer and made into a str once, as _PyUnicodeWriter_Finish does:
 * 0- and 1-character results are the shared singletons, the rest new strs of the narrowest kind.
 * Floats are printed by the C library's correctly rounded printf (%.*e/%.*f/%.*g), which gives
 * PyOS_double_to_string's digits for these types; no type and no precision is repr (float_repr).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static int is_str(rh_object *o) { return rh_kind_of(o) == RH_K_STR; }

/* ---------------------------------------------------------------- a byte buffer */

typedef struct { char *p; size_t n, cap; } buf;

static void put(buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) abort();
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }
static void putcp(buf *b, uint32_t c) {
    char u[4];
    size_t k = 0;
    if (c < 0x80) u[k++] = (char)c;
    else if (c < 0x800) { u[k++] = (char)(0xC0 | (c >> 6)); u[k++] = (char)(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) { u[k++] = (char)(0xE0 | (c >> 12)); u[k++] = (char)(0x80 | ((c >> 6) & 0x3F)); u[k++] = (char)(0x80 | (c & 0x3F)); }
    else {
        u[k++] = (char)(0xF0 | (c >> 18)); u[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[k++] = (char)(0x80 | ((c >> 6) & 0x3F)); u[k++] = (char)(0x80 | (c & 0x3F));
    }
    put(b, u, k);
}
static void putfill(buf *b, uint32_t c, int64_t k) { while (k-- > 0) putcp(b, c); }
static int put_strobj(hx_interp *I, buf *b, rh_object *s) {
    size_t len;
    const char *u = rh_str_utf8(I->rt, s, &len);
    if (!u) return -1;
    put(b, u, len);
    return 0;
}
static rh_object *finish(hx_interp *I, buf *b) {
    rh_object *r = rh_str_from_utf8(I->rt, b->p ? b->p : "", b->n);
    free(b->p);
    b->p = NULL;
    return r;
}

/* ---------------------------------------------------------------- the spec (parse_internal_render_format_spec) */

typedef struct {
    uint32_t fill;
    char align, sign, grouping, type; /* 0 when not given */
    int alt, z, fill_given;
    int64_t width, prec;              /* -1 when not given */
} fspec;

static int spec_digits(hx_interp *I, rh_object *s, size_t *i, int64_t *v) {
    size_t len = rh_str_len(s), st = *i;
    *v = 0;
    while (*i < len && rh_str_char_at(s, *i) >= '0' && rh_str_char_at(s, *i) <= '9') {
        if (*v > (INT64_MAX - 9) / 10) { rh_err_set(I->rt, RH_EXC_VALUE, "Too many decimal digits in format string"); return -1; }
        *v = *v * 10 + (rh_str_char_at(s, (*i)++) - '0');
    }
    return *i > st;
}
static int is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* A width or precision past this raises MemoryError at once (CPython would fail to allocate the result). */
#define FMT_MAX_WIDTH ((int64_t)1 << 31)

static int parse_spec(hx_interp *I, rh_object *s, char dflt_type, char dflt_align, const char *tname, fspec *f) {
    size_t len = rh_str_len(s), i = 0;
    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->width = f->prec = -1;
    f->align = dflt_align;
#define AT(k) (i + (k) < len ? rh_str_char_at(s, i + (k)) : 0)
    if (len - i >= 2 && is_align(AT(1))) { f->fill = AT(0); f->align = (char)AT(1); f->fill_given = 1; i += 2; }
    else if (len - i >= 1 && is_align(AT(0))) { f->align = (char)AT(0); i++; f->fill_given = -1; }
    if (AT(0) == '+' || AT(0) == '-' || AT(0) == ' ') f->sign = (char)AT(0), i++;
    if (AT(0) == 'z' && RH_API(I, "format", "z")) f->z = 1, i++;
    if (AT(0) == '#') f->alt = 1, i++;
    if (f->fill_given <= 0 && AT(0) == '0') {
        f->fill = '0';
        if (f->fill_given == 0 && dflt_align == '>') f->align = '=';
        i++;
    }
    int64_t v;
    int r = spec_digits(I, s, &i, &v);
    if (r < 0) return -1;
    if (r) f->width = v;
    if (AT(0) == ',') f->grouping = ',', i++;
    if (AT(0) == '_') {
        if (f->grouping) { rh_err_set(I->rt, RH_EXC_VALUE, "Cannot specify both ',' and '_'."); return -1; }
        f->grouping = '_', i++;
    }
    if (AT(0) == ',') { rh_err_set(I->rt, RH_EXC_VALUE, "Cannot specify both ',' and '_'."); return -1; }
    if (AT(0) == '.') {
        i++;
        if ((r = spec_digits(I, s, &i, &v)) < 0) return -1;
        if (!r) { rh_err_set(I->rt, RH_EXC_VALUE, "Format specifier missing precision"); return -1; }
        f->prec = v;
    }
    if (len - i > 1) {
        if (RH_API(I, "format", "msg:invalid-spec-names-type"))
            rh_err_set(I->rt, RH_EXC_VALUE, "Invalid format specifier '%s' for object of type '%s'", hx_cstr(I, s), tname);
        else
            rh_err_set(I->rt, RH_EXC_VALUE, "Invalid format specifier");
        return -1;
    }
    if (f->width > FMT_MAX_WIDTH || f->prec > FMT_MAX_WIDTH) { rh_err_nomemory(I->rt); return -1; }
    f->type = len - i == 1 ? (char)AT(0) : dflt_type;
    if (len - i == 1 && AT(0) >= 0x80) f->type = '?';
#undef AT
    if (f->grouping) { /* PEP 378 / PEP 515: which types take a separator */
        const char *ok = f->grouping == ',' ? "deEfFgG%" : "deEfFgG%boxX";
        if (f->type && !strchr(ok, f->type)) {
            if ((unsigned char)f->type < 0x80) rh_err_set(I->rt, RH_EXC_VALUE, "Cannot specify '%c' with '%c'.", f->grouping, f->type);
            else rh_err_set(I->rt, RH_EXC_VALUE, "Cannot specify '%c' with '\\x%x'.", f->grouping, (unsigned)(unsigned char)f->type);
            return -1;
        }
    }
    return 0;
}

static int unknown_code(hx_interp *I, char type, const char *tname) {
    if ((unsigned char)type > 32 && (unsigned char)type < 127)
        rh_err_set(I->rt, RH_EXC_VALUE, "Unknown format code '%c' for object of type '%s'", type, tname);
    else
        rh_err_set(I->rt, RH_EXC_VALUE, "Unknown format code '\\x%x' for object of type '%s'", (unsigned)(unsigned char)type, tname);
    return -1;
}

/* ---------------------------------------------------------------- numbers (calc_number_widths, fill_number) */

/* digits (ASCII, no sign) grouped by `every` with sep, left-padded with '0' to at least min_width
 * characters (_PyUnicode_InsertThousandsGrouping): a separator is never the first character. */
static void put_grouped(buf *b, const char *d, size_t nd, char sep, int every, int64_t min_width) {
    size_t cap = (nd + (size_t)(min_width > 0 ? min_width : 0)) * 2 + 2, k = cap;
    char *out = malloc(cap);
    if (!out) abort();
    int64_t total = 0;
    int count = 0;
    size_t i = nd;
    while (i > 0 || total < min_width) {
        if (sep && count == every) { out[--k] = sep; total++; count = 0; }
        out[--k] = i > 0 ? d[--i] : '0';
        total++;
        count++;
    }
    put(b, out + k, cap - k);
    free(out);
}

/* Lays out [sign][prefix][digits grouped][rest] in the spec's width, fill and alignment. */
static rh_object *number_out(hx_interp *I, const fspec *f, int neg, const char *prefix, const char *digits,
                             size_t nd, const char *rest) {
    char sign[2] = {0, 0};
    if (neg) sign[0] = '-';
    else if (f->sign == '+' || f->sign == ' ') sign[0] = f->sign;
    size_t lead = strlen(sign) + strlen(prefix), nrest = strlen(rest);
    int every = f->grouping == '_' && strchr("boxX", f->type) ? 4 : 3;
    int64_t min_width = 0;
    if (f->fill == '0' && f->align == '=' && f->width > 0) min_width = f->width - (int64_t)(lead + nrest);
    buf body = {0};
    put_grouped(&body, digits, nd, f->grouping, every, f->grouping ? min_width : 0);
    int64_t total = (int64_t)(lead + body.n + nrest), padn = f->width > total ? f->width - total : 0;
    buf b = {0};
    int64_t left = f->align == '<' || f->align == '=' ? 0 : f->align == '^' ? padn / 2 : padn;
    putfill(&b, f->fill, left);
    puts_(&b, sign);
    puts_(&b, prefix);
    if (f->align == '=') putfill(&b, f->fill, padn);
    put(&b, body.p ? body.p : "", body.n);
    puts_(&b, rest);
    if (f->align == '<' || f->align == '^') putfill(&b, f->fill, padn - left);
    free(body.p);
    return finish(I, &b);
}

static rh_object *format_float_value(hx_interp *I, double v, const fspec *f0, rh_object *orig);

/* format_long_internal */
static rh_object *format_int(hx_interp *I, rh_object *v, rh_object *spec, const char *tname) {
    fspec f;
    if (parse_spec(I, spec, 'd', '>', tname, &f)) return NULL;
    if (f.type && strchr("eEfFgGn%", f.type) && f.type != 'n') {
        double d;
        if (rh_int_as_double(I->rt, v, &d)) return NULL;
        return format_float_value(I, d, &f, NULL);
    }
    if (!strchr("bcdoxXn", f.type)) return unknown_code(I, f.type, tname), NULL;
    if (f.prec >= 0) { rh_err_set(I->rt, RH_EXC_VALUE, "Precision not allowed in integer format specifier"); return NULL; }
    if (f.type == 'n' && f.grouping) { rh_err_set(I->rt, RH_EXC_VALUE, "Cannot specify ',' with 'n'."); return NULL; }
    if (f.z) { rh_err_set(I->rt, RH_EXC_VALUE, "Negative zero coercion (z) not allowed in integer format specifier"); return NULL; }
    if (f.type == 'c') {
        if (f.sign) { rh_err_set(I->rt, RH_EXC_VALUE, "Sign not allowed with integer format specifier 'c'"); return NULL; }
        if (f.alt) { rh_err_set(I->rt, RH_EXC_VALUE, "Alternate form (#) not allowed with integer format specifier 'c'"); return NULL; }
        int64_t c;
        if (rh_int_as_i64(I->rt, v, &c) || c < 0 || c > 0x10FFFF) {
            rh_err_clear(I->rt);
            rh_err_set(I->rt, RH_EXC_OVERFLOW, "%%c arg not in range(0x110000)");
            return NULL;
        }
        buf b = {0};
        int64_t padn = f.width > 1 ? f.width - 1 : 0, left = f.align == '<' ? 0 : f.align == '^' ? padn / 2 : padn;
        putfill(&b, f.fill, left);
        putcp(&b, (uint32_t)c);
        putfill(&b, f.fill, padn - left);
        return finish(I, &b);
    }
    int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
    rh_object *t;
    if (rh_kind_of(v) == RH_K_BOOL) { /* bool formats as the int it is */
        rh_object *iv = rh_int_from_i64(I->rt, v == rh_true(I->rt));
        t = !iv ? NULL : base == 10 ? hx_obj_str(I, iv) : rh_int_to_base(I->rt, iv, base);
        rh_xdecref(I->rt, iv);
    } else {
        t = base == 10 ? hx_obj_str(I, v) : rh_int_to_base(I->rt, v, base);
    }
    if (!t) return NULL;
    size_t len;
    const char *u = rh_str_utf8(I->rt, t, &len);
    int neg = u[0] == '-';
    size_t skip = (size_t)neg + (base == 10 ? 0 : 2);
    char *d = malloc(len + 1);
    if (!d) abort();
    size_t nd = len - skip;
    memcpy(d, u + skip, nd);
    if (f.type == 'X') for (size_t i = 0; i < nd; i++) if (d[i] >= 'a' && d[i] <= 'f') d[i] = (char)(d[i] - 32);
    rh_decref(I->rt, t);
    char prefix[3] = {0};
    if (f.alt && base != 10) { prefix[0] = '0'; prefix[1] = f.type; }
    rh_object *r = number_out(I, &f, neg, prefix, d, nd, "");
    free(d);
    return r;
}

/* format_float_internal: v's digits by PyOS_double_to_string's rules for the type */
static rh_object *format_float_value(hx_interp *I, double v, const fspec *f0, rh_object *orig) {
    fspec f = *f0;
    char type = f.type;
    int add_dot0 = 0, pct = 0;
    int64_t prec = f.prec;
    if (type == 0) { add_dot0 = 1; type = prec < 0 ? 'r' : 'g'; }
    if (type == 'n') type = 'g';
    if (type == '%') { v *= 100; type = 'f'; pct = 1; }
    if (prec < 0) prec = 6;
    if (prec > 2147483647) { rh_err_set(I->rt, RH_EXC_VALUE, "precision too big"); return NULL; }
    int neg = signbit(v) != 0;
    char *txt;
    char small[64];
    buf big = {0};
    int upper = type == 'E' || type == 'F' || type == 'G';
    if (isnan(v) || isinf(v)) {
        snprintf(small, sizeof small, "%s", isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        txt = small;
        if (isnan(v)) neg = 0;
    } else if (type == 'r') {
        rh_object *fl = orig ? newref(orig) : rh_float_new(I->rt, v);
        rh_object *rep = fl ? hx_obj_repr(I, fl) : NULL;
        rh_xdecref(I->rt, fl);
        if (!rep) return NULL;
        puts_(&big, hx_cstr(I, rep));
        rh_decref(I->rt, rep);
        txt = big.p;
    } else {
        char cf[8];
        char lt = (char)(type | 0x20);
        if (lt == 'g' && prec == 0) prec = 1;
        snprintf(cf, sizeof cf, "%%%s.*%c", f.alt ? "#" : "", lt);
        int need = snprintf(NULL, 0, cf, (int)prec, fabs(v));
        big.p = malloc((size_t)need + (size_t)prec + 32); /* room for ".0" or the exponent form below */
        if (!big.p) abort();
        snprintf(big.p, (size_t)need + 1, cf, (int)prec, fabs(v));
        big.n = (size_t)need;
        if (add_dot0 && !f.alt && !strchr(big.p, 'e') && big.p[0] != '0' &&
            (int64_t)strcspn(big.p, ".") == prec) {
            /* format_float_short: with Py_DTSF_ADD_DOT_0 the exponent form starts one digit earlier
             * (decpt > precision - 1): 1e16 with precision 17 is '1e+16' */
            snprintf(big.p, (size_t)need + (size_t)prec + 32, "%.*e", (int)prec - 1, fabs(v));
            char *e = strchr(big.p, 'e'), *m = e;
            while (m > big.p && m[-1] == '0') m--;
            if (m > big.p && m[-1] == '.') m--;
            memmove(m, e, strlen(e) + 1);
        }
        if (upper) for (char *p = big.p; *p; p++) if (*p == 'e') *p = 'E';
        if (add_dot0 && !strpbrk(big.p, ".eE")) strcat(big.p, ".0");
        txt = big.p;
    }
    if (type == 'r' && txt[0] == '-') txt++;
    if (f.z && neg) { /* 'z': a negative zero after rounding loses its sign */
        int zero = 1;
        for (const char *p = txt; *p && *p != 'e' && *p != 'E'; p++) zero &= !(*p >= '1' && *p <= '9');
        if (zero) neg = 0;
    }
    size_t nd = strspn(txt, "0123456789");
    if (isnan(v) || isinf(v)) nd = 0;
    buf rest = {0};
    puts_(&rest, txt + nd);
    if (pct) puts_(&rest, "%");
    rh_object *r = number_out(I, &f, neg, "", txt, nd, rest.p ? rest.p : "");
    free(rest.p);
    free(big.p);
    return r;
}

static rh_object *format_float(hx_interp *I, rh_object *v, rh_object *spec) {
    fspec f;
    if (parse_spec(I, spec, 0, '>', "float", &f)) return NULL;
    if (f.type && !strchr("eEfFgGn%", f.type)) return unknown_code(I, f.type, "float"), NULL;
    return format_float_value(I, rh_float_value(v), &f, v);
}

/* format_string_internal */
static rh_object *format_text(hx_interp *I, rh_object *v, rh_object *spec) {
    fspec f;
    if (parse_spec(I, spec, 's', '<', "str", &f)) return NULL;
    if (f.type != 's') return unknown_code(I, f.type, "str"), NULL;
    if (f.sign) { rh_err_set(I->rt, RH_EXC_VALUE, "Sign not allowed in string format specifier"); return NULL; }
    if (f.z) { rh_err_set(I->rt, RH_EXC_VALUE, "Negative zero coercion (z) not allowed in format specifier"); return NULL; }
    if (f.alt) { rh_err_set(I->rt, RH_EXC_VALUE, "Alternate form (#) not allowed in string format specifier"); return NULL; }
    if (f.align == '=') { rh_err_set(I->rt, RH_EXC_VALUE, "'=' alignment not allowed in string format specifier"); return NULL; }
    if (f.grouping) { rh_err_set(I->rt, RH_EXC_VALUE, "Cannot specify '%c' with 's'.", f.grouping); return NULL; }
    int64_t len = (int64_t)rh_str_len(v);
    if ((f.width < 0 || f.width <= len) && (f.prec < 0 || f.prec >= len)) return newref(v); /* the fast path */
    if (f.prec >= 0 && f.prec < len) len = f.prec;
    rh_object *part = rh_str_slice(I->rt, v, 0, len, 1);
    if (!part) return NULL;
    int64_t padn = f.width > len ? f.width - len : 0, left = f.align == '>' ? padn : f.align == '^' ? padn / 2 : 0;
    buf b = {0};
    putfill(&b, f.fill, left);
    int rc = put_strobj(I, &b, part);
    rh_decref(I->rt, part);
    putfill(&b, f.fill, padn - left);
    if (rc) { free(b.p); return NULL; }
    return finish(I, &b);
}

/* ---------------------------------------------------------------- PyObject_Format */

rh_object *hx_int_format(hx_interp *I, rh_object *v, rh_object *spec) {
    return rh_str_len(spec) == 0 ? hx_obj_str(I, v) : format_int(I, v, spec, hx_tname(v));
}

/* unicode___format__ (_PyUnicode_FormatAdvancedWriter): an empty spec is str(v) (an exact str itself, a
 * subclass's instance through PyObject_Str and so its own __str__) */
rh_object *hx_str_format(hx_interp *I, rh_object *v, rh_object *spec) {
    return rh_str_len(spec) == 0 ? hx_obj_str(I, v) : format_text(I, v, spec);
}

rh_object *hx_format(hx_interp *I, rh_object *v, rh_object *spec) {
    rh_runtime *rt = I->rt;
    rh_type *t = rh_type_of(v);
    int empty = rh_str_len(spec) == 0;
    if (empty && (rh_kind_of(v) == RH_K_STR) && !(t->flags & RH_TPFLAG_HEAPTYPE)) return newref(v);
    if (empty && rh_kind_of(v) == RH_K_INT && !(t->flags & RH_TPFLAG_HEAPTYPE)) return hx_obj_str(I, v);
    if (t->flags & RH_TPFLAG_HEAPTYPE) { /* a class's own __format__ (slot lookup along the MRO) */
        rh_object *name = rh_str_intern_utf8(rt, "__format__", 10);
        if (!name) return NULL;
        rh_object *fn = rh_class_lookup(rt, (rh_object *)t, name);
        rh_decref(rt, name);
        if (fn && rh_kind_of(fn) == RH_K_FUNCTION) {
            rh_object *args[2] = {v, spec};
            rh_object *r = hx_call_borrowed(I, fn, args, 2);
            if (r && !is_str(r)) {
                rh_err_set(rt, RH_EXC_TYPE, "__format__ must return a str, not %s", hx_tname(r));
                rh_decref(rt, r);
                return NULL;
            }
            return r;
        }
        if (rh_err_occurred(rt)) return NULL;
    }
    switch (rh_kind_of(v)) {
    case RH_K_STR: return hx_str_format(I, v, spec);
    case RH_K_BOOL:
    case RH_K_INT: return empty ? hx_obj_str(I, v) : format_int(I, v, spec, hx_tname(v));
    case RH_K_FLOAT: return empty ? hx_obj_str(I, v) : format_float(I, v, spec);
    default:
        if (!empty) { /* object.__format__ */
            rh_err_set(rt, RH_EXC_TYPE, "unsupported format string passed to %s.__format__", hx_tname(v));
            return NULL;
        }
        return hx_obj_str(I, v);
    }
}

/* ---------------------------------------------------------------- str.format (unicode_format.h) */

typedef struct {
    hx_interp *I;
    rh_object *fmt;
    rh_object **pos;
    int npos;
    char **kwn;
    rh_object **kwv;
    int nkw;
    rh_object *mapping; /* format_map */
    int auto_idx;       /* next automatic number; -1 once manual numbering is used */
    int manual;
} fmtctx;

static rh_object *lookup_kw(fmtctx *c, rh_object *key) {
    hx_interp *I = c->I;
    if (c->mapping) {
        rh_object *r = rh_getitem(I->rt, c->mapping, key);
        return r;
    }
    for (int k = 0; k < c->nkw; k++)
        if (rh_str_eq_cstr(key, c->kwn[k])) return newref(c->kwv[k]);
    rh_object *e = rh_exc_new(I->rt, (rh_object *)rh_exc_type(I->rt, RH_EXC_KEY), &key, 1); /* KeyError(key) */
    if (e) rh_err_set_object(I->rt, e);
    return NULL;
}

static int parse_index(rh_object *s, size_t from, size_t to, int64_t *v) {
    if (from == to) return 0;
    *v = 0;
    for (size_t i = from; i < to; i++) {
        uint32_t c = rh_str_char_at(s, i);
        if (c < '0' || c > '9') return 0;
        if (*v > INT32_MAX / 10) return 0;
        *v = *v * 10 + (c - '0');
    }
    return 1;
}

/* get_field_object: the argument named by fmt[from:to] with its .attr and [key] parts */
static rh_object *field_object(fmtctx *c, rh_object *fmt, size_t from, size_t to) {
    hx_interp *I = c->I;
    size_t e = from;
    while (e < to && rh_str_char_at(fmt, e) != '.' && rh_str_char_at(fmt, e) != '[') e++;
    int64_t idx;
    rh_object *obj;
    int numeric = parse_index(fmt, from, e, &idx);
    if (from == e) { /* automatic numbering */
        if (c->manual) {
            rh_err_set(I->rt, RH_EXC_VALUE, "cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        c->auto_idx++;
        idx = c->auto_idx - 1;
        numeric = 1;
    } else if (numeric) {
        if (c->auto_idx > 0) {
            rh_err_set(I->rt, RH_EXC_VALUE, "cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        c->manual = 1;
    }
    if (numeric) {
        if (c->mapping) { rh_err_set(I->rt, RH_EXC_VALUE, "Format string contains positional fields"); return NULL; }
        if (idx >= c->npos) {
            rh_err_set(I->rt, RH_EXC_INDEX, "Replacement index %d out of range for positional args tuple", (int)idx);
            return NULL;
        }
        obj = newref(c->pos[idx]);
    } else {
        rh_object *key = rh_str_slice(I->rt, fmt, (int64_t)from, (int64_t)e, 1);
        if (!key) return NULL;
        obj = lookup_kw(c, key);
        rh_decref(I->rt, key);
        if (!obj) return NULL;
    }
    while (e < to) {
        uint32_t k = rh_str_char_at(fmt, e++);
        size_t st = e;
        if (k == '.') {
            while (e < to && rh_str_char_at(fmt, e) != '.' && rh_str_char_at(fmt, e) != '[') e++;
            if (e == st) { rh_err_set(I->rt, RH_EXC_VALUE, "Empty attribute in format string"); goto fail; }
            rh_object *name = rh_str_slice(I->rt, fmt, (int64_t)st, (int64_t)e, 1);
            rh_object *nx = name ? hx_getattr_obj(I, obj, name) : NULL;
            rh_xdecref(I->rt, name);
            rh_decref(I->rt, obj);
            if (!(obj = nx)) return NULL;
        } else if (k == '[') {
            while (e < to && rh_str_char_at(fmt, e) != ']') e++;
            if (e == st) { rh_err_set(I->rt, RH_EXC_VALUE, "Empty attribute in format string"); goto fail; }
            if (e == to) { rh_err_set(I->rt, RH_EXC_VALUE, "Missing ']' in format string"); goto fail; }
            rh_object *key = parse_index(fmt, st, e, &idx) ? rh_int_from_i64(I->rt, idx)
                                                          : rh_str_slice(I->rt, fmt, (int64_t)st, (int64_t)e, 1);
            rh_object *nx = key ? hx_subscr(I, obj, key) : NULL;
            rh_xdecref(I->rt, key);
            rh_decref(I->rt, obj);
            if (!(obj = nx)) return NULL;
            e++;
            if (e < to && rh_str_char_at(fmt, e) != '.' && rh_str_char_at(fmt, e) != '[') {
                rh_err_set(I->rt, RH_EXC_VALUE, "Only '.' or '[' may follow ']' in format field specifier");
                goto fail;
            }
        } else {
            rh_err_set(I->rt, RH_EXC_VALUE, "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
    }
    return obj;
fail:
    rh_decref(I->rt, obj);
    return NULL;
}

/* parse_field: after a '{' at *i, the field name [name_from, name_end), the conversion and the spec
 * [spec_from, spec_to) when has_spec; *i moves past the closing '}'. 0, or -1 with ValueError. */
typedef struct { size_t name_from, name_end, spec_from, spec_to; uint32_t conv; int has_spec; } field_t;

static int parse_field(rh_runtime *rt, rh_object *fmt, size_t *i, size_t to, field_t *f) {
    uint32_t c = 0;
    memset(f, 0, sizeof *f);
    f->name_from = *i;
    while (*i < to) {
        c = rh_str_char_at(fmt, (*i)++);
        if (c == '{') { rh_err_set(rt, RH_EXC_VALUE, "unexpected '{' in field name"); return -1; }
        if (c == '[') {
            while (*i < to && rh_str_char_at(fmt, *i) != ']') (*i)++;
            c = 0;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
        c = 0;
    }
    f->name_end = c ? *i - 1 : *i;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (*i >= to) { rh_err_set(rt, RH_EXC_VALUE, "end of string while looking for conversion specifier"); return -1; }
            f->conv = rh_str_char_at(fmt, (*i)++);
            if (*i < to) {
                c = rh_str_char_at(fmt, (*i)++);
                if (c == '}') return 0;
                if (c != ':') { rh_err_set(rt, RH_EXC_VALUE, "expected ':' after conversion specifier"); return -1; }
            }
        }
        f->has_spec = 1;
        f->spec_from = *i;
        int count = 1;
        while (*i < to) {
            c = rh_str_char_at(fmt, (*i)++);
            if (c == '{') count++;
            else if (c == '}' && --count == 0) { f->spec_to = *i - 1; return 0; }
        }
        rh_err_set(rt, RH_EXC_VALUE, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}') { rh_err_set(rt, RH_EXC_VALUE, "expected '}' before end of string"); return -1; }
    return 0;
}

static rh_object *build(fmtctx *c, rh_object *fmt, size_t from, size_t to, int depth);

/* output_markup: the field's formatted str (new reference) */
static rh_object *markup(fmtctx *c, rh_object *fmt, const field_t *f, int depth) {
    hx_interp *I = c->I;
    rh_object *obj = field_object(c, fmt, f->name_from, f->name_end);
    if (!obj) return NULL;
    if (f->conv) {
        uint32_t conv = f->conv;
        rh_object *cv = conv == 'r' ? hx_obj_repr(I, obj) : conv == 's' ? hx_obj_str(I, obj)
                      : conv == 'a' ? rh_ascii(I->rt, obj) : NULL;
        if (!cv && !rh_err_occurred(I->rt)) {
            if (conv > 32 && conv < 127) rh_err_set(I->rt, RH_EXC_VALUE, "Unknown conversion specifier %c", (char)conv);
            else rh_err_set(I->rt, RH_EXC_VALUE, "Unknown conversion specifier \\x%x", conv);
        }
        rh_decref(I->rt, obj);
        if (!(obj = cv)) return NULL;
    }
    rh_object *spec = f->has_spec ? build(c, fmt, f->spec_from, f->spec_to, depth - 1) : newref(rh_empty_str(I->rt));
    rh_object *r = spec ? hx_format(I, obj, spec) : NULL;
    rh_xdecref(I->rt, spec);
    rh_decref(I->rt, obj);
    return r;
}

/* build_string / do_markup over fmt[from:to]. As _PyUnicodeWriter's read-only case: a template that is
 * only literal text without braces is returned itself, one that is a single field gives that field's
 * str itself. */
static rh_object *build(fmtctx *c, rh_object *fmt, size_t from, size_t to, int depth) {
    hx_interp *I = c->I;
    if (depth <= 0) { rh_err_set(I->rt, RH_EXC_VALUE, "Max string recursion exceeded"); return NULL; }
    buf out = {0};
    int pieces = 0;
    rh_object *only = NULL;
    for (size_t i = from; i < to;) {
        uint32_t ch = 0;
        size_t lit = i;
        while (i < to && (ch = rh_str_char_at(fmt, i)) != '{' && ch != '}') i++;
        int brace = i < to;
        if (brace && ch == '}' && (i + 1 >= to || rh_str_char_at(fmt, i + 1) != '}')) {
            rh_err_set(I->rt, RH_EXC_VALUE, "Single '}' encountered in format string");
            goto fail;
        }
        if (brace && ch == '{' && i + 1 >= to) {
            rh_err_set(I->rt, RH_EXC_VALUE, "Single '{' encountered in format string");
            goto fail;
        }
        int escaped = brace && rh_str_char_at(fmt, i + 1) == ch;
        size_t lit_end = escaped ? i + 1 : i;
        if (lit_end > lit) {
            if (lit == 0 && lit_end == rh_str_len(fmt) && pieces == 0) { free(out.p); return newref(fmt); }
            for (size_t k = lit; k < lit_end; k++) putcp(&out, rh_str_char_at(fmt, k));
            pieces++;
        }
        if (!brace) break;
        i += escaped ? 2 : 1;
        if (escaped) continue;
        field_t f;
        if (parse_field(I->rt, fmt, &i, to, &f)) goto fail;
        rh_object *r = markup(c, fmt, &f, depth);
        if (!r) goto fail;
        if (pieces == 0 && i == to) { only = r; break; } /* the whole template was this field */
        int rc = put_strobj(I, &out, r);
        rh_decref(I->rt, r);
        if (rc) goto fail;
        pieces++;
    }
    if (only) { free(out.p); return only; }
    return finish(I, &out);
fail:
    free(out.p);
    return NULL;
}

static rh_object *do_format(fmtctx *c) { return build(c, c->fmt, 0, rh_str_len(c->fmt), 2); }

FN(s_format) {
    fmtctx c = {I, self, a, n, kwn, kwv, nkw, NULL, 0, 0};
    return do_format(&c);
}
FN(s_format_map) {
    (void)kwv;
    (void)kwn;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "str.format_map() takes no keyword arguments"); return NULL; }
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "str.format_map() takes exactly one argument (%d given)", n); return NULL; }
    fmtctx c = {I, self, NULL, 0, NULL, NULL, 0, a[0], 0, 0};
    return do_format(&c);
}

const rh_builtin_def hx_str_format_methods[] = {{"format", (void (*)(void))s_format, HX_METH_VARARGS},
                                                {"format_map", (void (*)(void))s_format_map, 0},
                                                {NULL, NULL, 0}};

/* BUILD_STRING: _PyUnicode_JoinArray with an empty separator; one exact str is its own result */
rh_object *hx_join_strs(hx_interp *I, rh_object **items, int n) {
    if (n == 1 && !(rh_type_of(items[0])->flags & RH_TPFLAG_HEAPTYPE)) return newref(items[0]);
    buf b = {0};
    for (int i = 0; i < n; i++)
        if (put_strobj(I, &b, items[i])) { free(b.p); return NULL; }
    return finish(I, &b);
}

/* format(value, format_spec='') (Python/bltinmodule.c builtin_format_impl) */
FN(bi_format) {
    (void)self;
    rh_object *spec = n >= 2 ? a[1] : NULL;
    if (n < 1 || n > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "format expected at least 1 argument, got %d" : "format expected at most 2 arguments, got %d", n);
        return NULL;
    }
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "format() takes no keyword arguments"); (void)kwn; (void)kwv; return NULL; }
    if (spec && !is_str(spec)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "format() argument 2 must be str, not %s", hx_tname(spec));
        return NULL;
    }
    return hx_format(I, a[0], spec ? spec : rh_empty_str(I->rt));
}

static const rh_builtin_def b_format = {"format", (void (*)(void))bi_format, 0};

int hx_builtins_fmt_init(hx_interp *I) {
    rh_object *f = rh_builtin_new(I->rt, &b_format, NULL);
    rh_object *k = f ? rh_str_intern_utf8(I->rt, "format", 6) : NULL;
    int rc = k ? rh_dict_set(I->rt, I->builtins, k, f) : -1;
    rh_xdecref(I->rt, k);
    rh_xdecref(I->rt, f);
    return rc;
}

/* ---------------------------------------------------------------- _string (unicode_format.h) */

/* a new str fmt[from:to] */
static rh_object *sub(rh_runtime *rt, rh_object *fmt, int64_t from, int64_t to) {
    return rh_str_slice(rt, fmt, from, to, 1);
}

/* MarkupIterator_next over fmt[c[0]:c[1]]: the literal text before the next field (or the end) as
 * [*lit_from, *lit_to), the field itself in *f when *field; 1 an item, 0 the end, -1 ValueError */
static int markup_next(rh_runtime *rt, rh_object *fmt, int64_t *c, int64_t *lit_from, int64_t *lit_to,
                       field_t *f, int *field) {
    int64_t end = c[1];
    uint32_t ch = 0;
    int markup = 0;
    *field = 0;
    if (c[0] >= end) return 0;
    *lit_from = c[0];
    while (c[0] < end) {
        ch = rh_str_char_at(fmt, (size_t)c[0]++);
        if (ch == '{' || ch == '}') { markup = 1; break; }
    }
    int at_end = c[0] >= end;
    int64_t len = c[0] - *lit_from;
    if (ch == '}' && (at_end || rh_str_char_at(fmt, (size_t)c[0]) != '}')) {
        rh_err_set(rt, RH_EXC_VALUE, "Single '}' encountered in format string");
        return -1;
    }
    if (at_end && ch == '{') {
        rh_err_set(rt, RH_EXC_VALUE, "Single '{' encountered in format string");
        return -1;
    }
    if (!at_end) {
        if (rh_str_char_at(fmt, (size_t)c[0]) == ch) { c[0]++; markup = 0; } /* {{ or }}: literal only */
        else len--;
    }
    *lit_to = *lit_from + len;
    if (!markup) return 1;
    *field = 1;
    size_t i = (size_t)c[0];
    int rc = parse_field(rt, fmt, &i, (size_t)end, f);
    c[0] = (int64_t)i;
    return rc ? -1 : 1;
}

/* formatteriter_next: (literal, field_name, format_spec, conversion); None for the last three when the
 * item is literal text only; format_spec '' for a field without one, conversion None without '!' */
static rh_object *formatteriter_next(rh_runtime *rt, rh_object *it) {
    rh_object *fmt = rh_fmtiter_str(it), *none = rh_none(rt);
    int64_t lf = 0, lt = 0;
    field_t f;
    int field;
    int rc = markup_next(rt, fmt, rh_fmtiter_cursor(it), &lf, &lt, &f, &field);
    if (rc <= 0) return NULL;
    rh_object *p[4] = {sub(rt, fmt, lf, lt), NULL, NULL, NULL}, *t = NULL;
    if (!field) {
        p[1] = newref(none), p[2] = newref(none), p[3] = newref(none);
    } else if (p[0] && (p[1] = sub(rt, fmt, (int64_t)f.name_from, (int64_t)f.name_end))) {
        p[2] = f.has_spec ? sub(rt, fmt, (int64_t)f.spec_from, (int64_t)f.spec_to) : newref(rh_empty_str(rt));
        int64_t cv = (int64_t)f.name_end + 1; /* the conversion character follows the "!" */
        p[3] = !p[2] ? NULL : f.conv ? sub(rt, fmt, cv, cv + 1) : newref(none);
    }
    if (p[3]) t = rh_tuple_pack(rt, 4, p[0], p[1], p[2], p[3]);
    for (int k = 0; k < 4; k++) rh_xdecref(rt, p[k]);
    return t;
}

/* get_integer over fmt[from:to]: 1 and *v when all decimal digits (not empty), 0 otherwise; -1 with
 * ValueError when the number overflows a Py_ssize_t */
static int field_integer(rh_runtime *rt, rh_object *fmt, int64_t from, int64_t to, int64_t *v) {
    if (from >= to) return 0;
    *v = 0;
    for (int64_t i = from; i < to; i++) {
        uint32_t ch = rh_str_char_at(fmt, (size_t)i);
        if (ch < '0' || ch > '9') return 0;
    }
    for (int64_t i = from; i < to; i++) {
        int d = (int)(rh_str_char_at(fmt, (size_t)i) - '0');
        if (*v > (INT64_MAX - d) / 10) {
            rh_err_set(rt, RH_EXC_VALUE, "Too many decimal digits in format string");
            return -1;
        }
        *v = *v * 10 + d;
    }
    return 1;
}

/* an int when fmt[from:to] is all digits, else that str (new reference) */
static rh_object *field_key(rh_runtime *rt, rh_object *fmt, int64_t from, int64_t to) {
    int64_t v;
    int k = field_integer(rt, fmt, from, to, &v);
    return k < 0 ? NULL : k ? rh_int_from_i64(rt, v) : sub(rt, fmt, from, to);
}

/* FieldNameIterator_next: (is_attribute, key) for the next .name or [key], NULL at the end or with
 * ValueError */
static rh_object *fieldnameiter_next(rh_runtime *rt, rh_object *it) {
    rh_object *fmt = rh_fmtiter_str(it);
    int64_t *c = rh_fmtiter_cursor(it), end = c[1], from, to;
    if (c[2] >= end) return NULL;
    uint32_t ch = rh_str_char_at(fmt, (size_t)c[2]++);
    int attr = ch == '.';
    if (ch != '.' && ch != '[') {
        rh_err_set(rt, RH_EXC_VALUE, "Only '.' or '[' may follow ']' in format field specifier");
        return NULL;
    }
    from = c[2];
    if (attr) { /* _FieldNameIterator_attr: up to the next '.' or '[' (left for the next call) */
        while (c[2] < end && (ch = rh_str_char_at(fmt, (size_t)c[2])) != '.' && ch != '[') c[2]++;
        to = c[2];
    } else { /* _FieldNameIterator_item: up to the ']' (consumed) */
        while (c[2] < end && rh_str_char_at(fmt, (size_t)c[2]) != ']') c[2]++;
        if (c[2] >= end) {
            rh_err_set(rt, RH_EXC_VALUE, "Missing ']' in format string");
            return NULL;
        }
        to = c[2]++;
    }
    if (from == to) {
        rh_err_set(rt, RH_EXC_VALUE, "Empty attribute in format string");
        return NULL;
    }
    rh_object *key = attr ? sub(rt, fmt, from, to) : field_key(rt, fmt, from, to);
    rh_object *t = key ? rh_tuple_pack(rt, 2, rh_bool(rt, attr), key) : NULL;
    rh_xdecref(rt, key);
    return t;
}

static int want_str(hx_interp *I, rh_object *o, int n, const char *fn) {
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
        return -1;
    }
    if (is_str(o)) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "expected str, got %s", hx_tname(o));
    return -1;
}

/* _string.formatter_parser(str): a formatteriterator over the whole str */
FN(m_formatter_parser) {
    (void)self; (void)kwn; (void)kwv; (void)nkw;
    if (want_str(I, n ? a[0] : NULL, n, "formatter_parser")) return NULL;
    return rh_fmtiter_new(I->rt, RH_K_FORMATTERITER, a[0], 0, (int64_t)rh_str_len(a[0]));
}

/* _string.formatter_field_name_split(str): (first, fieldnameiterator over the rest); first an int when
 * it is all digits */
FN(m_formatter_field_name_split) {
    (void)self; (void)kwn; (void)kwv; (void)nkw;
    rh_runtime *rt = I->rt;
    if (want_str(I, n ? a[0] : NULL, n, "formatter_field_name_split")) return NULL;
    rh_object *s = a[0];
    int64_t len = (int64_t)rh_str_len(s), e = 0;
    uint32_t ch;
    while (e < len && (ch = rh_str_char_at(s, (size_t)e)) != '.' && ch != '[') e++;
    rh_object *it = rh_fmtiter_new(rt, RH_K_FIELDNAMEITER, s, e, len);
    rh_object *first = it ? field_key(rt, s, 0, e) : NULL;
    rh_object *t = first ? rh_tuple_pack(rt, 2, first, it) : NULL;
    rh_xdecref(rt, first);
    rh_xdecref(rt, it);
    return t;
}

static const rh_builtin_def string_defs[] = {
    {"formatter_field_name_split", (void (*)(void))m_formatter_field_name_split, 0},
    {"formatter_parser", (void (*)(void))m_formatter_parser, 0},
    {NULL, NULL, 0}};

/* _string: a new module; the iterators' tp_iternext are this file's parsers */
rh_object *hx_module__string(hx_interp *I) {
    rh_builtin_type(I->rt, RH_K_FORMATTERITER)->tp_iternext = formatteriter_next;
    rh_builtin_type(I->rt, RH_K_FIELDNAMEITER)->tp_iternext = fieldnameiter_next;
    return hx_make_module(I, "_string", string_defs);
}
