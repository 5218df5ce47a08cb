/* builtins_bytes.c — the bytes and bytearray constructors and methods, and str.encode (CPython 3.11
 * Objects/bytesobject.c, Objects/bytearrayobject.c, Objects/bytes_methods.c, Objects/stringlib/).
 *
 * Owns hx_bytes_find_method (asked by builtins.c's hx_find_method_def for both types), the constructors
 * (hx_bytes_constructor), bytes.fromhex / bytearray.fromhex (hx_bytes_type_attr), str.encode
 * (hx_str_encode) and the names `bytes` / `bytearray` in builtins (hx_builtins_bytes_init; in py27 `bytes`
 * is str). The objects are the library's (reference/src/t_bytes.c, refheap/bytes.h). Every function has
 * the hx_cfn signature: arguments borrowed, a new reference or NULL with the error set.
 * Identity, as CPython: a method with nothing to do on an exact bytes returns it (strip, replace, split
 * of an unsplit bytes, join of one bytes); pieces copied out of a bytes are PyBytes_FromStringAndSize's
 * singletons when 0 or 1 byte long; results written into a new buffer (upper, lower, replace, join,
 * bytes(n)) are fresh but for the empty bytes. A bytearray's results are always new bytearrays.
 * Codecs: utf-8, ascii and latin-1 with errors='strict'; UnicodeDecodeError / UnicodeEncodeError carry
 * CPython's message only (no encoding/object/start/end attributes: docs/conformance.md).
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static int is_ba(rh_object *o) { return rh_kind_of(o) == RH_K_BYTEARRAY; }
static const char *D(rh_object *o) { return rh_bytes_data(o); }
static size_t L(rh_object *o) { return rh_bytes_len(o); }

/* ---------------------------------------------------------------- arguments */

/* Gathers positional and keyword arguments into out[0..hi) by the names kw (NULL: positional-only).
 * Messages: Argument Clinic's ("split() takes at most 2 arguments (3 given)", "strip expected at most 1
 * argument, got 2") or PyArg_ParseTuple's for the find family (old != 0). */
static int args(hx_interp *I, const char *fn, int old, int lo, int hi, const char *const *kw, rh_object **a,
                int n, char **kwn, rh_object **kwv, int nkw, rh_object **out) {
    rh_runtime *rt = I->rt;
    for (int i = 0; i < hi; i++) out[i] = i < n ? a[i] : NULL;
    if (kw && (nkw || n < lo || n > hi) && hx_kwtuple_once(I, fn, kw, -1)) return -1; /* a clinic parser */
    if (nkw && !kw) { rh_err_set(rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n + nkw > hi) {
        if (kw || old) rh_err_set(rt, RH_EXC_TYPE, "%s() takes at most %d argument%s (%d given)", fn, hi, hi == 1 ? "" : "s", n + nkw);
        else rh_err_set(rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", fn, hi, hi == 1 ? "" : "s", n);
        return -1;
    }
    for (int k = 0; k < nkw; k++) {
        int j = 0;
        while (kw[j] && strcmp(kw[j], kwn[k]) != 0) j++;
        if (!kw[j]) { rh_err_set(rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for %s()", kwn[k], fn); return -1; }
        if (out[j]) { rh_err_set(rt, RH_EXC_TYPE, "argument for %s() given by name ('%s') and position (%d)", fn, kw[j], j + 1); return -1; }
        out[j] = kwv[k];
    }
    if (n + nkw >= lo) return 0;
    if (old) rh_err_set(rt, RH_EXC_TYPE, "%s() takes at least %d argument (%d given)", fn, lo, n);
    else if (lo == 1 && hi == 1) rh_err_set(rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
    else rh_err_set(rt, RH_EXC_TYPE, "%s expected at least %d argument%s, got %d", fn, lo, lo == 1 ? "" : "s", n);
    return -1;
}
#define ARGS(fn, old, lo, hi, kw, out) args(I, fn, old, lo, hi, kw, a, n, kwn, kwv, nkw, out)

static int noargs(hx_interp *I, const char *fn, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n); return -1; }
    return 0;
}

/* a bytes-like argument (PyObject_GetBuffer): "a bytes-like object is required, not 'str'" */
static int need_buf(hx_interp *I, rh_object *o) {
    if (rh_is_byteslike(o)) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(o));
    return -1;
}

/* ---------------------------------------------------------------- results */

/* d[0:n] as self's type: PyBytes_FromStringAndSize (singletons) or a new bytearray */
static rh_object *copy_as(hx_interp *I, rh_object *self, const char *d, size_t n) {
    return is_ba(self) ? rh_bytearray_from(I->rt, d, n) : rh_bytes_from(I->rt, d, n);
}

/* a result of n bytes to be written (PyBytes_FromStringAndSize(NULL, n)): *w receives its buffer */
static rh_object *fresh_as(hx_interp *I, rh_object *self, size_t n, char **w) {
    static char none[1]; /* an empty bytearray has no buffer: writes of 0 bytes go here */
    rh_object *r = is_ba(self) ? rh_bytearray_from(I->rt, NULL, n) : rh_bytes_new(I->rt, n);
    if (r) *w = is_ba(self) ? (n ? rh_bytearray_wdata(r) : none) : rh_bytes_wdata(r);
    return r;
}

/* return_self: an exact bytes itself, a bytearray a copy */
static rh_object *unchanged(hx_interp *I, rh_object *self) {
    return is_ba(self) ? rh_bytearray_from(I->rt, D(self), L(self)) : newref(self);
}

/* ---------------------------------------------------------------- codecs */

typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_RAW_UNICODE_ESCAPE, CODEC_UNKNOWN } codec;

/* The codec an encoding name means (Lib/encodings/aliases.py, normalised as encodings.normalize_encoding) */
static codec codec_of(const char *name) {
    char b[32];
    size_t k = 0;
    for (; name[k] && k < sizeof b - 1; k++) {
        char c = name[k];
        b[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == '-' || c == ' ' ? '_' : c;
    }
    b[k] = 0;
    if (name[k]) return CODEC_UNKNOWN;
    if (!strcmp(b, "utf_8") || !strcmp(b, "utf8") || !strcmp(b, "u8") || !strcmp(b, "utf")) return CODEC_UTF8;
    if (!strcmp(b, "ascii") || !strcmp(b, "us_ascii") || !strcmp(b, "646")) return CODEC_ASCII;
    if (!strcmp(b, "latin_1") || !strcmp(b, "latin1") || !strcmp(b, "iso_8859_1") || !strcmp(b, "iso8859_1") ||
        !strcmp(b, "l1") || !strcmp(b, "8859") || !strcmp(b, "cp819") || !strcmp(b, "latin"))
        return CODEC_LATIN1;
    if (!strcmp(b, "raw_unicode_escape")) return CODEC_RAW_UNICODE_ESCAPE; /* pickle's protocol 0 text */
    return CODEC_UNKNOWN;
}

/* encoding / errors arguments: str or absent. -1 with the error set; *c the codec */
static int codec_args(hx_interp *I, const char *fn, int argn, rh_object *enc, rh_object *errs, codec *c) {
    rh_runtime *rt = I->rt;
    *c = CODEC_UTF8;
    if (enc && rh_kind_of(enc) != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() argument %d must be str, not %s", fn, argn, hx_tname(enc));
        return -1;
    }
    if (errs && rh_kind_of(errs) != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() argument %d must be str, not %s", fn, argn + 1, hx_tname(errs));
        return -1;
    }
    if (enc && (*c = codec_of(hx_cstr(I, enc))) == CODEC_UNKNOWN) {
        rh_err_set(rt, RH_EXC_LOOKUP, "unknown encoding: %s", hx_cstr(I, enc));
        return -1;
    }
    /* surrogateescape (PEP 383, what os.py's environ and fsencode use) is strict's result for UTF-8 when
     * nothing needs escaping: accepted for UTF-8, m_decode refusing the data it would have to escape */
    /* surrogatepass (pickle's save_str / load_binunicode) likewise: UTF-8 of the code points, surrogates
     * included, which is what refheap's UTF-8 encoder writes; a decode needing it is refused as above */
    int lenient = errs && (rh_str_eq_cstr(errs, "replace") || rh_str_eq_cstr(errs, "ignore")) &&
                  *c != CODEC_RAW_UNICODE_ESCAPE;
    if (errs && !rh_str_eq_cstr(errs, "strict") && !lenient &&
        !(*c == CODEC_UTF8 && (rh_str_eq_cstr(errs, "surrogateescape") || rh_str_eq_cstr(errs, "surrogatepass")))) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "errors='%s' (refheap's codecs are strict only)", hx_cstr(I, errs));
        return -1;
    }
    return 0;
}

/* code point ch as UTF-8 at u; its length */
static size_t put_utf8(char *u, uint32_t ch) {
    if (ch < 0x80) { u[0] = (char)ch; return 1; }
    if (ch < 0x800) { u[0] = (char)(0xC0 | (ch >> 6)); u[1] = (char)(0x80 | (ch & 0x3F)); return 2; }
    if (ch < 0x10000) {
        u[0] = (char)(0xE0 | (ch >> 12)); u[1] = (char)(0x80 | ((ch >> 6) & 0x3F)); u[2] = (char)(0x80 | (ch & 0x3F));
        return 3;
    }
    u[0] = (char)(0xF0 | (ch >> 18)); u[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((ch >> 6) & 0x3F)); u[3] = (char)(0x80 | (ch & 0x3F));
    return 4;
}

/* _PyUnicode_DecodeRawUnicodeEscape (Objects/unicodeobject.c): bytes are code points, except a backslash
 * followed by u (4 hex digits) or U (8); any other backslash pair is kept as it is */
static rh_object *decode_raw_unicode_escape(hx_interp *I, const char *d, size_t n) {
    rh_runtime *rt = I->rt;
    char *u = malloc(n * 2 + 1), *w = u; /* each byte or escape takes at most two UTF-8 bytes per input byte */
    if (!u) abort();
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)d[i++];
        if (c != '\\' || i >= n || (d[i] != 'u' && d[i] != 'U')) {
            w += put_utf8(w, c);
            if (c == '\\' && i < n) w += put_utf8(w, (unsigned char)d[i++]);
            continue;
        }
        size_t start = i - 1, count = d[i++] == 'u' ? 4 : 8, got = 0;
        uint32_t ch = 0;
        for (; got < count && i < n; got++, i++) {
            int h = (d[i] >= '0' && d[i] <= '9') ? d[i] - '0' : (d[i] >= 'a' && d[i] <= 'f') ? d[i] - 'a' + 10
                  : (d[i] >= 'A' && d[i] <= 'F') ? d[i] - 'A' + 10 : -1;
            if (h < 0) break;
            ch = (ch << 4) | (uint32_t)h;
        }
        const char *why = got < count ? (count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape")
                        : ch > 0x10FFFF ? "\\Uxxxxxxxx out of range" : NULL;
        if (why) {
            free(u);
            rh_err_set(rt, RH_EXC_UNICODEDECODE, "'rawunicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                       start, i - 1, why);
            return NULL;
        }
        w += put_utf8(w, ch);
    }
    rh_object *r = rh_str_from_utf8(rt, u, (size_t)(w - u));
    free(u);
    return r;
}

/* PyUnicode_AsRawUnicodeEscapeString: code points below 256 as bytes, the others as \\uXXXX / \\UXXXXXXXX */
static rh_object *encode_raw_unicode_escape(hx_interp *I, rh_object *s) {
    size_t len = rh_str_len(s), k = 0;
    char *buf = malloc(len * 10 + 1);
    if (!buf) abort();
    for (size_t i = 0; i < len; i++) {
        uint32_t ch = rh_str_char_at(s, i);
        if (ch < 0x100) buf[k++] = (char)ch;
        else k += (size_t)snprintf(buf + k, 11, ch < 0x10000 ? "\\u%04x" : "\\U%08x", ch);
    }
    rh_object *r = rh_bytes_from(I->rt, buf, k);
    free(buf);
    return r;
}

/* The well-formed UTF-8 sequence at p (rem bytes left): its length, or 0 when there is none, with *bad the
 * length of its maximal subpart (the bytes one U+FFFD replaces: a lead byte and the continuation bytes
 * that still fit it, as the decoder of Objects/stringlib/codecs.h reports errors) */
static size_t utf8_valid(const unsigned char *p, size_t rem, size_t *bad) {
    unsigned char b = p[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* the second byte's range (Unicode's Table 3-7) */
    *bad = 1;
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) need = 2;
    else if (b >= 0xE0 && b <= 0xEF) need = 3, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    else if (b >= 0xF0 && b <= 0xF4) need = 4, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    for (size_t k = 1; k < need; k++) {
        if (k >= rem || p[k] < (k == 1 ? lo : 0x80) || p[k] > (k == 1 ? hi : 0xBF)) return 0;
        *bad = k + 1;
    }
    return need;
}

/* PyUnicode_Decode with errors='replace' (U+FFFD for each maximal invalid subpart; ASCII: each byte past
 * 0x7F) or 'ignore' (dropped), for UTF-8 and ASCII */
static rh_object *decode_lenient(hx_interp *I, const char *d, size_t n, codec c, int replace) {
    char *u = malloc(n * 3 + 1), *w = u;
    if (!u) return rh_err_nomemory(I->rt), NULL;
    const unsigned char *p = (const unsigned char *)d;
    for (size_t i = 0; i < n;) {
        size_t bad = 1, ok = c == CODEC_ASCII ? (p[i] < 0x80) : utf8_valid(p + i, n - i, &bad);
        if (ok) {
            memcpy(w, p + i, ok);
            w += ok;
            i += ok;
            continue;
        }
        if (replace) w += put_utf8(w, 0xFFFD);
        i += bad;
    }
    rh_object *r = rh_str_from_utf8(I->rt, u, (size_t)(w - u));
    free(u);
    return r;
}

/* PyUnicode_Decode for the codecs; a str */
static rh_object *decode(hx_interp *I, const char *d, size_t n, codec c) {
    rh_runtime *rt = I->rt;
    if (c == CODEC_UTF8) return rh_str_from_utf8(rt, d, n);
    if (c == CODEC_RAW_UNICODE_ESCAPE) return decode_raw_unicode_escape(I, d, n);
    if (c == CODEC_ASCII) {
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)d[i] >= 0x80) {
                rh_err_set(rt, RH_EXC_UNICODEDECODE, "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in range(128)",
                           (unsigned char)d[i], i);
                return NULL;
            }
        return rh_str_from_utf8(rt, d, n);
    }
    char *u = malloc(n * 2 + 1); /* latin-1: each byte is its code point (scratch UTF-8) */
    size_t k = 0;
    if (!u) abort();
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)d[i];
        if (b < 0x80) u[k++] = (char)b;
        else { u[k++] = (char)(0xC0 | (b >> 6)); u[k++] = (char)(0x80 | (b & 0x3F)); }
    }
    rh_object *r = rh_str_from_utf8(rt, u, k);
    free(u);
    return r;
}

/* PyUnicode_AsEncodedString for the three codecs: a bytes from the encoded data
 * (PyBytes_FromStringAndSize: singletons for 0 and 1 byte). The str keeps no UTF-8 form. */
static rh_object *encode(hx_interp *I, rh_object *s, codec c, int lenient) {
    rh_runtime *rt = I->rt;
    size_t len = rh_str_len(s), limit = c == CODEC_ASCII ? 0x80 : 0x100;
    if (c == CODEC_RAW_UNICODE_ESCAPE) return encode_raw_unicode_escape(I, s);
    if (c == CODEC_UTF8) {
        size_t need = rh_str_utf8_copy(s, NULL, 0);
        char *buf = malloc(need + 1);
        if (!buf) abort();
        rh_str_utf8_copy(s, buf, need + 1);
        rh_object *r = rh_bytes_from(rt, buf, need);
        free(buf);
        return r;
    }
    char *buf = malloc(len + 1);
    if (!buf) abort();
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t ch = rh_str_char_at(s, i);
        if (ch >= limit && lenient) { /* errors='replace': '?'; 'ignore': nothing */
            if (lenient == 'r') buf[k++] = '?';
            continue;
        }
        if (ch >= limit) {
            free(buf);
            const char *fmt = ch < 0x100 ? "\\x%02x" : ch < 0x10000 ? "\\u%04x" : "\\U%08x";
            char esc[16];
            snprintf(esc, sizeof esc, fmt, ch);
            rh_err_set(rt, RH_EXC_UNICODEENCODE, "'%s' codec can't encode character '%s' in position %zu: ordinal not in range(%zu)",
                       c == CODEC_ASCII ? "ascii" : "latin-1", esc, i, limit);
            return NULL;
        }
        buf[k++] = (char)ch;
    }
    rh_object *r = rh_bytes_from(rt, buf, k);
    free(buf);
    return r;
}

static const char *const kw_codec[] = {"encoding", "errors", NULL};

/* str.encode(encoding='utf-8', errors='strict') */
rh_object *hx_str_encode(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_object *v[2];
    codec c;
    if (ARGS("encode", 0, 0, 2, kw_codec, v) || codec_args(I, "encode", 1, v[0], v[1], &c)) return NULL;
    int lenient = !v[1] ? 0 : rh_str_eq_cstr(v[1], "replace") ? 'r' : rh_str_eq_cstr(v[1], "ignore") ? 'i' : 0;
    return encode(I, self, c, lenient);
}

FN(m_decode) {
    rh_object *v[2];
    codec c;
    if (ARGS("decode", 0, 0, 2, kw_codec, v) || codec_args(I, "decode", 1, v[0], v[1], &c)) return NULL;
    int replace = v[1] && rh_str_eq_cstr(v[1], "replace");
    if ((replace || (v[1] && rh_str_eq_cstr(v[1], "ignore"))) && (c == CODEC_UTF8 || c == CODEC_ASCII))
        return decode_lenient(I, D(self), L(self), c, replace);
    rh_object *r = decode(I, D(self), L(self), c);
    if (!r && v[1] && (rh_str_eq_cstr(v[1], "surrogateescape") || rh_str_eq_cstr(v[1], "surrogatepass")) &&
        rh_err_occurred(I->rt) == RH_EXC_UNICODEDECODE)
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "errors='%s' on undecodable bytes (lone surrogates not modelled)", hx_cstr(I, v[1]));
    return r;
}

/* ---------------------------------------------------------------- hex / fromhex */

FN(m_hex) {
    (void)kwn; (void)kwv;
    if (n || nkw) { rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "bytes.hex() with a separator"); return NULL; }
    static const char digits[] = "0123456789abcdef";
    size_t len = L(self);
    char *buf = malloc(len * 2 + 1);
    if (!buf) abort();
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)D(self)[i];
        buf[2 * i] = digits[b >> 4];
        buf[2 * i + 1] = digits[b & 15];
    }
    rh_object *r = rh_str_from_utf8(I->rt, buf, len * 2);
    free(buf);
    return r;
}

static int hexdigit(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

/* _PyBytes_FromHex: pairs of hex digits, ASCII whitespace between pairs; self is the type (classmethod) */
FN(t_fromhex) {
    rh_object *v[1];
    if (ARGS("fromhex", 0, 1, 1, NULL, v)) return NULL;
    if (rh_kind_of(v[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "fromhex() argument must be str, not %s", hx_tname(v[0]));
        return NULL;
    }
    size_t len = rh_str_len(v[0]), k = 0;
    char *buf = malloc(len / 2 + 1);
    if (!buf) abort();
    for (size_t i = 0; i < len;) {
        uint32_t c = rh_str_char_at(v[0], i);
        if (c == ' ' || (c >= '\t' && c <= '\r')) { i++; continue; }
        int hi = hexdigit(c), lo = i + 1 < len ? hexdigit(rh_str_char_at(v[0], i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            free(buf);
            rh_err_set(I->rt, RH_EXC_VALUE, "non-hexadecimal number found in fromhex() arg at position %zu", hi < 0 ? i : i + 1);
            return NULL;
        }
        buf[k++] = (char)(hi * 16 + lo);
        i += 2;
    }
    rh_object *r = ((rh_type *)self)->kind == RH_K_BYTEARRAY ? rh_bytearray_from(I->rt, buf, k) : rh_bytes_from(I->rt, buf, k);
    free(buf);
    return r;
}

static const rh_builtin_def t_fromhex_def = {"fromhex", (void (*)(void))t_fromhex, 0};
FN(t_maketrans); /* below, with translate */
static const rh_builtin_def t_maketrans_def = {"maketrans", (void (*)(void))t_maketrans, 0};

rh_object *hx_bytes_type_attr(hx_interp *I, rh_object *type, rh_object *name) {
    rh_kind k = ((rh_type *)type)->kind;
    if ((k == RH_K_BYTES || k == RH_K_BYTEARRAY) && rh_str_eq_cstr(name, "fromhex"))
        return rh_builtin_new(I->rt, &t_fromhex_def, type); /* a classmethod: bound to the type */
    if ((k == RH_K_BYTES || k == RH_K_BYTEARRAY) && rh_str_eq_cstr(name, "maketrans"))
        return rh_builtin_new(I->rt, &t_maketrans_def, type); /* a staticmethod: self unused */
    return NULL;
}

/* ---------------------------------------------------------------- translate / maketrans */

/* A bytes-like argument of translate/maketrans (PyObject_GetBuffer PyBUF_SIMPLE): 0, or -1 with TypeError */
static int buffer_arg(hx_interp *I, rh_object *o) {
    if (rh_is_byteslike(o)) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(o));
    return -1;
}

/* bytes.translate(table, /, delete=b'') / bytearray.translate (bytes_translate_impl, bytearray_translate_impl,
 * 3.11): table None or 256 bytes, each byte of self mapped through it unless it is in delete. An exact bytes
 * that nothing changed is returned itself; otherwise the output is written into a buffer of self's length
 * (a new object, the empty bytes when self is empty) cut to what was kept. A bytearray gets a new one. */
FN(m_translate) {
    static const char *const kw[] = {"", "delete", NULL};
    const char *fn = "translate";
    rh_object *v[2];
    if (n + nkw > 2) { /* _PyArg_UnpackKeywords: the count, then the positional-only table, then names */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes at most 2 arguments (%d given)", fn, n + nkw);
        return NULL;
    }
    if (n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes at least 1 positional argument (%d given)", fn, n);
        return NULL;
    }
    for (int k = 0; k < 2; k++) v[k] = k < n ? a[k] : NULL;
    for (int k = 0; k < nkw; k++) {
        if (strcmp(kwn[k], kw[1]) != 0) {
            rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for %s()", kwn[k], fn);
            return NULL;
        }
        if (v[1]) { rh_err_set(I->rt, RH_EXC_TYPE, "argument for %s() given by name ('delete') and position (2)", fn); return NULL; }
        v[1] = kwv[k];
    }
    rh_object *table = v[0] == rh_none(I->rt) ? NULL : v[0];
    if (table && buffer_arg(I, table)) return NULL;
    if (table && L(table) != 256) {
        rh_err_set(I->rt, RH_EXC_VALUE, "translation table must be 256 characters long");
        return NULL;
    }
    if (v[1] && buffer_arg(I, v[1])) return NULL;
    int map[256];
    for (int c = 0; c < 256; c++) map[c] = table ? (unsigned char)D(table)[c] : c;
    for (size_t i = 0; v[1] && i < L(v[1]); i++) map[(unsigned char)D(v[1])[i]] = -1;
    size_t len = L(self), out = 0;
    char *buf = malloc(len + 1);
    if (!buf) abort();
    int changed = 0;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)D(self)[i];
        if (map[c] >= 0) buf[out++] = (char)map[c];
        changed |= map[c] != c;
    }
    rh_object *r;
    if (!changed && rh_kind_of(self) == RH_K_BYTES && !(rh_type_of(self)->flags & RH_TPFLAG_HEAPTYPE)) {
        r = newref(self);
    } else if (is_ba(self)) {
        r = rh_bytearray_from(I->rt, NULL, len); /* PyByteArray_FromStringAndSize(NULL, len), then resized */
        if (r && len) {
            memcpy(rh_bytearray_wdata(r), buf, out);
            if (out != len && rh_bytearray_resize(I->rt, r, out)) { rh_decref(I->rt, r); r = NULL; }
        }
    } else {
        r = rh_bytes_new(I->rt, out); /* _PyBytes_Resize: a new object unless empty */
        if (r && out) memcpy(rh_bytes_wdata(r), buf, out);
    }
    free(buf);
    return r;
}

/* bytes.maketrans(frm, to, /) (_Py_bytes_maketrans, Objects/bytes_methods.c): a static method; a new
 * 256-byte bytes mapping each byte of frm to the byte of to at the same place */
FN(t_maketrans) {
    (void)kwv;
    (void)kwn;
    if (nkw) { /* _PyArg_NoKwnames, then _PyArg_CheckPositional */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s.maketrans() takes no keyword arguments", ((rh_type *)self)->kind == RH_K_BYTEARRAY ? "bytearray" : "bytes");
        return NULL;
    }
    if (n != 2) { rh_err_set(I->rt, RH_EXC_TYPE, "maketrans expected 2 arguments, got %d", n); return NULL; }
    if (buffer_arg(I, a[0]) || buffer_arg(I, a[1])) return NULL;
    if (L(a[0]) != L(a[1])) {
        rh_err_set(I->rt, RH_EXC_VALUE, "maketrans arguments must have same length");
        return NULL;
    }
    rh_object *r = rh_bytes_new(I->rt, 256);
    if (!r) return NULL;
    char *w = rh_bytes_wdata(r);
    for (int c = 0; c < 256; c++) w[c] = (char)c;
    for (size_t i = 0; i < L(a[0]); i++) w[(unsigned char)D(a[0])[i]] = D(a[1])[i];
    return r;
}

/* ---------------------------------------------------------------- join / split / strip */

FN(m_join) {
    rh_object *v[1];
    if (ARGS(is_ba(self) ? "bytearray.join" : "bytes.join", 0, 1, 1, NULL, v)) return NULL;
    rh_object *src = hx_iter_list(I, v[0]);
    if (!src) {
        if (rh_err_occurred(I->rt) == RH_EXC_TYPE) {
            rh_err_clear(I->rt);
            rh_err_set(I->rt, RH_EXC_TYPE, "can only join an iterable");
        }
        return NULL;
    }
    int tup = rh_kind_of(src) == RH_K_TUPLE;
    size_t cnt = tup ? rh_tuple_len(src) : rh_list_len(src), total = 0;
    rh_object *r = NULL;
    for (size_t i = 0; i < cnt; i++) { /* each item a simple buffer (bytes, bytearray, contiguous memoryview) */
        rh_object *it = tup ? rh_tuple_get(src, i) : rh_list_get(src, i);
        const char *p;
        size_t m;
        if (rh_buffer_simple(it, &p, &m)) {
            rh_err_set(I->rt, RH_EXC_TYPE, "sequence item %zu: expected a bytes-like object, %s found", i, hx_tname(it));
            goto done;
        }
        total += m + (i ? L(self) : 0);
    }
    if (cnt == 1 && !is_ba(self) && rh_kind_of(tup ? rh_tuple_get(src, 0) : rh_list_get(src, 0)) == RH_K_BYTES) {
        r = newref(tup ? rh_tuple_get(src, 0) : rh_list_get(src, 0)); /* stringlib join: the one exact bytes */
        goto done;
    }
    char *w;
    if (!(r = fresh_as(I, self, total, &w))) goto done;
    for (size_t i = 0, at = 0; i < cnt; i++) {
        rh_object *it = tup ? rh_tuple_get(src, i) : rh_list_get(src, i);
        const char *p;
        size_t m;
        rh_buffer_simple(it, &p, &m);
        if (i) { memcpy(w + at, D(self), L(self)); at += L(self); }
        memcpy(w + at, p, m);
        at += m;
    }
done:
    rh_decref(I->rt, src);
    return r;
}

static const char *const kw_split[] = {"sep", "maxsplit", NULL};
static rh_object *split_common(hx_interp *I, const char *fn, int right, rh_object *self, rh_object **a, int n,
                               char **kwn, rh_object **kwv, int nkw) {
    rh_object *v[2];
    int64_t maxsplit = -1;
    if (ARGS(fn, 0, 0, 2, kw_split, v)) return NULL;
    if (v[1] && rh_index_value(I->rt, v[1], &maxsplit)) return NULL;
    rh_object *sep = v[0] && v[0] != rh_none(I->rt) ? v[0] : NULL;
    if (sep && need_buf(I, sep)) return NULL;
    return rh_bytes_split(I->rt, self, sep ? D(sep) : NULL, sep ? L(sep) : 0, maxsplit, right);
}
FN(m_split) { return split_common(I, "split", 0, self, a, n, kwn, kwv, nkw); }
FN(m_rsplit) { return split_common(I, "rsplit", 1, self, a, n, kwn, kwv, nkw); }

static int in_set(const char *set, size_t m, unsigned char c) {
    if (!set) return c == ' ' || (c >= '\t' && c <= '\r');
    return memchr(set, c, m) != NULL;
}

/* do_xstrip / do_strip: left (1), right (2) or both (3) */
static rh_object *strip_common(hx_interp *I, const char *fn, int how, rh_object *self, rh_object **a, int n,
                               char **kwn, rh_object **kwv, int nkw) {
    rh_object *v[1];
    if (ARGS(fn, 0, 0, 1, NULL, v)) return NULL;
    rh_object *chars = v[0] && v[0] != rh_none(I->rt) ? v[0] : NULL;
    if (chars && need_buf(I, chars)) return NULL;
    const char *set = chars ? D(chars) : NULL;
    size_t m = chars ? L(chars) : 0, i = 0, j = L(self);
    const unsigned char *d = (const unsigned char *)D(self);
    if (how & 1) while (i < j && in_set(set, m, d[i])) i++;
    if (how & 2) while (j > i && in_set(set, m, d[j - 1])) j--;
    if (i == 0 && j == L(self)) return unchanged(I, self);
    return copy_as(I, self, D(self) + i, j - i);
}
FN(m_strip) { return strip_common(I, "strip", 3, self, a, n, kwn, kwv, nkw); }
FN(m_lstrip) { return strip_common(I, "lstrip", 1, self, a, n, kwn, kwv, nkw); }
FN(m_rstrip) { return strip_common(I, "rstrip", 2, self, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- find family */

/* start/end of the find family (None or an index), adjusted as ADJUST_INDICES */
static int bounds(hx_interp *I, rh_object *so, rh_object *eo, size_t len, size_t *st, size_t *en) {
    int64_t s = 0, e = (int64_t)len;
    if (so && so != rh_none(I->rt) && rh_index_value(I->rt, so, &s)) return -1;
    if (eo && eo != rh_none(I->rt) && rh_index_value(I->rt, eo, &e)) return -1;
    if (e > (int64_t)len) e = (int64_t)len;
    else if (e < 0) { e += (int64_t)len; if (e < 0) e = 0; }
    if (s < 0) { s += (int64_t)len; if (s < 0) s = 0; }
    *st = (size_t)s;
    *en = (size_t)e;
    return 0;
}

/* the sub argument: an int byte value or bytes-like (parse_args_finds_byte) */
static int sub_arg(hx_interp *I, rh_object *o, char *byte, const char **p, size_t *m) {
    if (rh_is_byteslike(o)) { *p = D(o); *m = L(o); return 0; }
    if (!rh_type_of(o)->as_number.nb_index) {
        rh_err_set(I->rt, RH_EXC_TYPE, "argument should be integer or bytes-like object, not '%s'", hx_tname(o));
        return -1;
    }
    int64_t x;
    if (rh_index_value(I->rt, o, &x)) return -1;
    if (x < 0 || x > 255) { rh_err_set(I->rt, RH_EXC_VALUE, "byte must be in range(0, 256)"); return -1; }
    *byte = (char)x;
    *p = byte;
    *m = 1;
    return 0;
}

/* find (dir 1) / rfind (dir -1) / count (dir 0): the index (or -1), or the count */
static int find_common(hx_interp *I, const char *fn, int dir, rh_object *self, rh_object **a, int n, char **kwn,
                       rh_object **kwv, int nkw, int64_t *out) {
    rh_object *v[3];
    char byte;
    const char *p;
    size_t m, st, en;
    if (ARGS(fn, 1, 1, 3, NULL, v) || sub_arg(I, v[0], &byte, &p, &m) || bounds(I, v[1], v[2], L(self), &st, &en)) return -1;
    const char *d = D(self);
    int64_t r = dir ? -1 : 0;
    if (st > en || en - st < m) { *out = r; return 0; }
    if (dir == 0) {
        if (m == 0) { *out = (int64_t)(en - st) + 1; return 0; }
        for (size_t i = st; i + m <= en;) {
            if (memcmp(d + i, p, m) == 0) { r++; i += m; }
            else i++;
        }
    } else if (dir > 0) {
        for (size_t i = st; i + m <= en; i++)
            if (memcmp(d + i, p, m) == 0) { r = (int64_t)i; break; }
    } else {
        for (size_t i = en - m + 1; i-- > st;)
            if (memcmp(d + i, p, m) == 0) { r = (int64_t)i; break; }
    }
    *out = r;
    return 0;
}
#define FIND_FN(name, fn, dir, must)                                                       \
    FN(name) {                                                                             \
        int64_t r;                                                                         \
        if (find_common(I, fn, dir, self, a, n, kwn, kwv, nkw, &r)) return NULL;           \
        if (must && r < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "subsection not found"); return NULL; } \
        return rh_int_from_i64(I->rt, r);                                                  \
    }
FIND_FN(m_find, "find", 1, 0)
FIND_FN(m_rfind, "rfind", -1, 0)
FIND_FN(m_index, "index", 1, 1)
FIND_FN(m_rindex, "rindex", -1, 1)
FIND_FN(m_count, "count", 0, 0)

/* startswith / endswith (_Py_bytes_tailmatch): a bytes-like or a tuple of them */
static rh_object *tailmatch(hx_interp *I, const char *fn, int end, rh_object *self, rh_object **a, int n, char **kwn,
                            rh_object **kwv, int nkw) {
    rh_object *v[3];
    size_t st, en;
    if (ARGS(fn, 1, 1, 3, NULL, v) || bounds(I, v[1], v[2], L(self), &st, &en)) return NULL;
    int tup = rh_kind_of(v[0]) == RH_K_TUPLE;
    size_t cnt = tup ? rh_tuple_len(v[0]) : 1;
    for (size_t i = 0; i < cnt; i++) {
        rh_object *x = tup ? rh_tuple_get(v[0], i) : v[0];
        if (!rh_is_byteslike(x)) {
            if (tup) rh_err_set(I->rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(x));
            else rh_err_set(I->rt, RH_EXC_TYPE, "%s first arg must be bytes or a tuple of bytes, not %s", fn, hx_tname(x));
            return NULL;
        }
        size_t m = L(x);
        if (st > L(self) || en < st || en - st < m) continue;
        if (memcmp(D(self) + (end ? en - m : st), D(x), m) == 0) return rh_bool(I->rt, 1);
    }
    return rh_bool(I->rt, 0);
}
FN(m_startswith) { return tailmatch(I, "startswith", 0, self, a, n, kwn, kwv, nkw); }
FN(m_endswith) { return tailmatch(I, "endswith", 1, self, a, n, kwn, kwv, nkw); }

/* replace(old, new, count=-1) (stringlib/transmogrify.h replace): no occurrence (or count 0) returns an
 * exact bytes itself; otherwise a new buffer of the result's length */
FN(m_replace) {
    rh_object *v[3];
    int64_t maxcount = -1;
    if (ARGS("replace", 0, 2, 3, NULL, v) || need_buf(I, v[0]) || need_buf(I, v[1])) return NULL;
    if (v[2] && rh_index_value(I->rt, v[2], &maxcount)) return NULL;
    const char *d = D(self), *o = D(v[0]), *w = D(v[1]);
    size_t len = L(self), m = L(v[0]), k = L(v[1]), hits = 0;
    if (maxcount < 0) maxcount = INT64_MAX;
    if (m == 0) hits = len + 1 < (uint64_t)maxcount ? len + 1 : (size_t)maxcount;
    else
        for (size_t i = 0; i + m <= len && (int64_t)hits < maxcount;)
            if (memcmp(d + i, o, m) == 0) { hits++; i += m; }
            else i++;
    if (hits == 0) return unchanged(I, self);
    size_t total = len - hits * m + hits * k;
    char *out;
    rh_object *r = fresh_as(I, self, total, &out);
    if (!r) return NULL;
    size_t at = 0, i = 0;
    for (size_t h = 0; h < hits; h++) {
        size_t j = i;
        if (m) while (memcmp(d + j, o, m) != 0) j++;
        memcpy(out + at, d + i, j - i);
        at += j - i;
        memcpy(out + at, w, k);
        at += k;
        i = j + m;
        if (!m && h + 1 < hits && i < len) { out[at++] = d[i]; i++; }
    }
    memcpy(out + at, d + i, len - i);
    return r;
}

/* ---------------------------------------------------------------- case and classes (bytes_methods.c) */

static rh_object *map_case(hx_interp *I, const char *fn, int upper, rh_object *self, int n, int nkw) {
    if (noargs(I, fn, n, nkw)) return NULL;
    char *w;
    size_t len = L(self);
    rh_object *r = fresh_as(I, self, len, &w);
    for (size_t i = 0; r && i < len; i++) {
        char c = D(self)[i];
        if (upper && c >= 'a' && c <= 'z') c = (char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z') c = (char)(c + 32);
        w[i] = c;
    }
    return r;
}
FN(m_upper) { (void)a; (void)kwn; (void)kwv; return map_case(I, "upper", 1, self, n, nkw); }
FN(m_lower) { (void)a; (void)kwn; (void)kwv; return map_case(I, "lower", 0, self, n, nkw); }

enum { K_DIGIT, K_ALPHA, K_ALNUM, K_SPACE };
static int byte_is(int k, unsigned char c) {
    int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'), digit = c >= '0' && c <= '9';
    switch (k) {
    case K_DIGIT: return digit;
    case K_ALPHA: return alpha;
    case K_ALNUM: return alpha || digit;
    default: return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
static rh_object *classify(hx_interp *I, const char *fn, int k, rh_object *self, int n, int nkw) {
    if (noargs(I, fn, n, nkw)) return NULL;
    size_t len = L(self);
    int ok = len > 0;
    for (size_t i = 0; ok && i < len; i++) ok = byte_is(k, (unsigned char)D(self)[i]);
    return rh_bool(I->rt, ok);
}
FN(m_isdigit) { (void)a; (void)kwn; (void)kwv; return classify(I, "isdigit", K_DIGIT, self, n, nkw); }
FN(m_isalpha) { (void)a; (void)kwn; (void)kwv; return classify(I, "isalpha", K_ALPHA, self, n, nkw); }
FN(m_isalnum) { (void)a; (void)kwn; (void)kwv; return classify(I, "isalnum", K_ALNUM, self, n, nkw); }
FN(m_isspace) { (void)a; (void)kwn; (void)kwv; return classify(I, "isspace", K_SPACE, self, n, nkw); }

/* isupper / islower: some cased byte and none of the other case */
static rh_object *is_case(hx_interp *I, const char *fn, int upper, rh_object *self, int n, int nkw) {
    if (noargs(I, fn, n, nkw)) return NULL;
    int cased = 0;
    for (size_t i = 0; i < L(self); i++) {
        char c = D(self)[i];
        if (c >= 'a' && c <= 'z') { if (upper) return rh_bool(I->rt, 0); cased = 1; }
        if (c >= 'A' && c <= 'Z') { if (!upper) return rh_bool(I->rt, 0); cased = 1; }
    }
    return rh_bool(I->rt, cased);
}
FN(m_isupper) { (void)a; (void)kwn; (void)kwv; return is_case(I, "isupper", 1, self, n, nkw); }
FN(m_islower) { (void)a; (void)kwn; (void)kwv; return is_case(I, "islower", 0, self, n, nkw); }

/* center / ljust / rjust / zfill (stringlib/transmogrify.h pad): a width not above the length returns an
 * exact bytes itself; the fill is one byte (a bytes or bytearray of length 1) */
static rh_object *pad_common(hx_interp *I, const char *fn, int how, rh_object *self, rh_object **a, int n, char **kwn,
                             rh_object **kwv, int nkw) {
    rh_object *v[2] = {NULL, NULL};
    int64_t width;
    char fill = how == 3 ? '0' : ' ';
    if (ARGS(fn, 0, 1, how == 3 ? 1 : 2, NULL, v) || rh_index_value(I->rt, v[0], &width)) return NULL;
    if (v[1]) {
        if (!rh_is_byteslike(v[1]) || L(v[1]) != 1) {
            rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument 2 must be a byte string of length 1, not %s", fn, hx_tname(v[1]));
            return NULL;
        }
        fill = D(v[1])[0];
    }
    size_t len = L(self);
    if (width <= (int64_t)len) return unchanged(I, self);
    size_t total = (size_t)width, marg = total - len, left;
    if (how == 0) left = marg / 2 + (marg & total & 1); /* center */
    else left = how == 1 ? 0 : marg;                     /* ljust: 0, rjust / zfill: all */
    char *w;
    rh_object *r = fresh_as(I, self, total, &w);
    if (!r) return NULL;
    memset(w, fill, left);
    memcpy(w + left, D(self), len);
    memset(w + left + len, fill, total - left - len);
    if (how == 3 && len && (D(self)[0] == '+' || D(self)[0] == '-')) { /* zfill: the sign first */
        w[0] = D(self)[0];
        w[left] = '0';
    }
    return r;
}
FN(m_center) { return pad_common(I, "center", 0, self, a, n, kwn, kwv, nkw); }
FN(m_ljust) { return pad_common(I, "ljust", 1, self, a, n, kwn, kwv, nkw); }
FN(m_rjust) { return pad_common(I, "rjust", 2, self, a, n, kwn, kwv, nkw); }
FN(m_zfill) { return pad_common(I, "zfill", 3, self, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- bytearray's own */

/* _getbytevalue */
static int byte_arg(hx_interp *I, rh_object *v, const char *range_msg, int *out) {
    int64_t x;
    if (!rh_type_of(v)->as_number.nb_index) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(v));
        return -1;
    }
    if (rh_index_value(I->rt, v, &x)) {
        if (rh_err_occurred(I->rt) != RH_EXC_OVERFLOW) return -1;
        rh_err_clear(I->rt);
        x = -1;
    }
    if (x < 0 || x > 255) { rh_err_set(I->rt, RH_EXC_VALUE, "%s", range_msg); return -1; }
    *out = (int)x;
    return 0;
}

/* bytearray_append: one byte, the buffer grown by PyByteArray_Resize */
static int append_byte(hx_interp *I, rh_object *ba, int b) {
    size_t len = L(ba);
    if (rh_bytearray_resize(I->rt, ba, len + 1)) return -1;
    rh_bytearray_wdata(ba)[len] = (char)b;
    return 0;
}

FN(m_append) {
    rh_object *v[1];
    int b;
    if (ARGS("append", 0, 1, 1, NULL, v) || byte_arg(I, v[0], "byte must be in range(0, 256)", &b)) return NULL;
    if (append_byte(I, self, b)) return NULL;
    return newref(rh_none(I->rt));
}

/* The byte values of an iterable of ints appended to the bytearray `into` one by one (bytearray_init's
 * and bytearray_extend's loops). -1 with the error set (into keeps what was appended). */
static int append_ints(hx_interp *I, rh_object *into, rh_object *iterable, const char *range_msg,
                       const char *not_iterable) {
    rh_object *it = rh_getiter(I->rt, iterable);
    if (!it) {
        if (rh_err_occurred(I->rt) == RH_EXC_TYPE) {
            rh_err_clear(I->rt);
            rh_err_set(I->rt, RH_EXC_TYPE, not_iterable, hx_tname(iterable));
        }
        return -1;
    }
    rh_object *x;
    int b, rc = 0;
    while (rc == 0 && (x = rh_iternext(I->rt, it))) {
        rc = byte_arg(I, x, range_msg, &b) || append_byte(I, into, b) ? -1 : 0;
        rh_decref(I->rt, x);
    }
    rh_decref(I->rt, it);
    return rc || rh_err_occurred(I->rt) ? -1 : 0;
}

/* bytearray_extend: a bytes-like is copied in with one resize; any other iterable of ints is first
 * gathered into a temporary bytearray, then copied in */
FN(m_extend) {
    rh_object *v[1];
    if (ARGS("extend", 0, 1, 1, NULL, v)) return NULL;
    rh_object *src = v[0];
    if (rh_kind_of(src) == RH_K_STR && rh_runtime_profile(I->rt)->version_hex >= 0x030D) { /* 3.13's check */
        rh_err_set(I->rt, RH_EXC_TYPE, "expected iterable of integers; got: 'str'");
        return NULL;
    }
    if (!rh_is_byteslike(src)) {
        rh_object *tmp = rh_bytearray_from(I->rt, NULL, 0);
        if (!tmp) return NULL;
        if (append_ints(I, tmp, src, "byte must be in range(0, 256)", "can't extend bytearray with %s")) {
            rh_decref(I->rt, tmp);
            return NULL;
        }
        src = tmp;
    } else {
        rh_incref(src);
    }
    size_t len = L(self), m = L(src);
    int rc = m ? rh_bytearray_resize(I->rt, self, len + m) : 0;
    if (rc == 0 && m) memmove(rh_bytearray_wdata(self) + len, D(src), m);
    rh_decref(I->rt, src);
    return rc ? NULL : newref(rh_none(I->rt));
}

FN(m_pop) {
    rh_object *v[1];
    int64_t i = -1;
    if (ARGS("pop", 0, 0, 1, NULL, v) || (v[0] && rh_index_value(I->rt, v[0], &i))) return NULL;
    int64_t len = (int64_t)L(self);
    if (len == 0) { rh_err_set(I->rt, RH_EXC_INDEX, "pop from empty bytearray"); return NULL; }
    if (i < 0) i += len;
    if (i < 0 || i >= len) { rh_err_set(I->rt, RH_EXC_INDEX, "pop index out of range"); return NULL; }
    char *w = rh_bytearray_wdata(self);
    int b = (unsigned char)w[i];
    memmove(w + i, w + i + 1, (size_t)(len - i - 1));
    if (rh_bytearray_resize(I->rt, self, (size_t)len - 1)) return NULL;
    return rh_int_from_i64(I->rt, b);
}

FN(m_clear) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "clear", n, nkw) || rh_bytearray_resize(I->rt, self, 0)) return NULL;
    return newref(rh_none(I->rt));
}

FN(m_copy) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "copy", n, nkw)) return NULL;
    return rh_bytearray_from(I->rt, D(self), L(self));
}

/* ---------------------------------------------------------------- constructors */

/* bytes_new / bytearray_init (3.11): (source, encoding, errors) */
static const char *const kw_new[] = {"source", "encoding", "errors", NULL};

static rh_object *from_ints(hx_interp *I, rh_object *src, int want_ba) {
    int exact_seq = rh_kind_of(src) == RH_K_LIST || rh_kind_of(src) == RH_K_TUPLE;
    if (want_ba && exact_seq && rh_runtime_profile(I->rt)->version_hex >= 0x030B) {
        /* 3.11 bytearray_init: a list or tuple sizes the buffer once, then fills it */
        size_t cnt = rh_kind_of(src) == RH_K_LIST ? rh_list_len(src) : rh_tuple_len(src);
        rh_object *r = rh_bytearray_from(I->rt, NULL, cnt);
        for (size_t i = 0; r && i < cnt; i++) {
            int b;
            rh_object *x = rh_kind_of(src) == RH_K_LIST ? rh_list_get(src, i) : rh_tuple_get(src, i);
            if (byte_arg(I, x, "byte must be in range(0, 256)", &b)) { rh_decref(I->rt, r); return NULL; }
            rh_bytearray_wdata(r)[i] = (char)b;
        }
        return r;
    }
    rh_object *tmp = rh_bytearray_from(I->rt, NULL, 0);
    if (!tmp) return NULL;
    if (append_ints(I, tmp, src, want_ba ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)",
                    want_ba ? "cannot convert '%s' object to bytearray" : "cannot convert '%s' object to bytes")) {
        rh_decref(I->rt, tmp);
        return NULL;
    }
    if (want_ba) return tmp;
    rh_object *r = rh_bytes_from(I->rt, D(tmp), L(tmp)); /* _PyBytesWriter_Finish: PyBytes_FromStringAndSize */
    rh_decref(I->rt, tmp);
    return r;
}

static rh_object *construct(hx_interp *I, int want_ba, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    const char *name = want_ba ? "bytearray" : "bytes";
    rh_object *v[3];
    if (args(I, name, 0, 0, 3, kw_new, a, n, kwn, kwv, nkw, v)) return NULL;
    rh_object *src = v[0], *enc = v[1], *errs = v[2];
    if (!src) {
        if (enc || errs) {
            rh_err_set(rt, RH_EXC_TYPE, want_ba ? "encoding or errors without sequence argument"
                                                : "encoding or errors without sequence argument");
            return NULL;
        }
        return want_ba ? rh_bytearray_from(rt, NULL, 0) : rh_bytes_new(rt, 0);
    }
    if (!want_ba && !enc && !errs && (rh_type_of(src)->flags & RH_TPFLAG_HEAPTYPE)) {
        int found; /* bytes_new_impl: _PyObject_LookupSpecial(x, __bytes__) before anything else */
        rh_object *r = rh_call_special(rt, src, "__bytes__", NULL, 0, &found);
        if (r && rh_kind_of(r) != RH_K_BYTES) {
            rh_err_set(rt, RH_EXC_TYPE, "__bytes__ returned non-bytes (type %s)", hx_tname(r));
            rh_decref(rt, r);
            return NULL;
        }
        if (found || rh_err_occurred(rt)) return r;
    }
    if (rh_kind_of(src) == RH_K_STR && rh_runtime_profile(rt)->python2 && !enc && !errs) {
        rh_object *b = encode(I, src, CODEC_LATIN1, 0); /* 2.7: a str is its bytes (b'' literals: latin-1 code points) */
        if (!b && rh_err_occurred(rt) == RH_EXC_UNICODEENCODE) { rh_err_clear(rt); b = encode(I, src, CODEC_UTF8, 0); }
        rh_object *r = b ? rh_bytearray_from(rt, D(b), L(b)) : NULL;
        rh_xdecref(rt, b);
        return r;
    }
    if (rh_kind_of(src) == RH_K_STR) {
        codec c;
        if (!enc) { rh_err_set(rt, RH_EXC_TYPE, "string argument without an encoding"); return NULL; }
        if (codec_args(I, name, 2, enc, errs, &c)) return NULL;
        int lenient = !errs ? 0 : rh_str_eq_cstr(errs, "replace") ? 'r' : rh_str_eq_cstr(errs, "ignore") ? 'i' : 0;
        rh_object *b = encode(I, src, c, lenient);
        if (!b || !want_ba) return b;
        rh_object *r = rh_bytearray_from(rt, D(b), L(b));
        rh_decref(rt, b);
        return r;
    }
    if (enc) { rh_err_set(rt, RH_EXC_TYPE, "encoding without a string argument"); return NULL; }
    if (errs) { rh_err_set(rt, RH_EXC_TYPE, "errors without a string argument"); return NULL; }
    if (rh_is_byteslike(src)) {
        if (want_ba) return rh_bytearray_from(rt, D(src), L(src));
        if (rh_kind_of(src) == RH_K_BYTES) return newref(src); /* PyBytes_FromObject: an exact bytes is itself */
        rh_object *r = rh_bytes_new(rt, L(src)); /* _PyBytes_FromBuffer: written into, never a singleton */
        if (r && L(src)) memcpy(rh_bytes_wdata(r), D(src), L(src));
        return r;
    }
    if (rh_kind_of(src) == RH_K_MEMORYVIEW) { /* _PyBytes_FromBuffer / bytearray_init: the view's bytes, C order */
        rh_memoryview_view v;
        if (rh_memoryview_info(rt, src, &v)) return NULL;
        size_t len = (size_t)v.nbytes;
        rh_object *r = want_ba ? rh_bytearray_from(rt, NULL, len) : rh_bytes_new(rt, len);
        if (r && len) rh_memoryview_copy(rt, src, want_ba ? rh_bytearray_wdata(r) : rh_bytes_wdata(r), 'C');
        return r;
    }
    if (rh_type_of(src)->as_number.nb_index && rh_kind_of(src) != RH_K_FLOAT) {
        int64_t cnt;
        if (rh_index_value(rt, src, &cnt)) return NULL;
        if (cnt < 0) { rh_err_set(rt, RH_EXC_VALUE, "negative count"); return NULL; }
        return want_ba ? rh_bytearray_from(rt, NULL, (size_t)cnt) : rh_bytes_new(rt, (size_t)cnt);
    }
    return from_ints(I, src, want_ba);
}

/* PyObject_Bytes (Objects/object.c 3.11): an exact bytes is itself, a __bytes__ answers, else
 * PyBytes_FromObject: a buffer's copy, an iterable of ints; str refused ("cannot convert 'str' object to
 * bytes"), as anything not iterable. For int.from_bytes. New reference or NULL. */
rh_object *hx_object_bytes(hx_interp *I, rh_object *o) {
    if (rh_kind_of(o) == RH_K_BYTES && !(rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE)) return newref(o);
    if (rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE) {
        int found;
        rh_object *r = rh_call_special(I->rt, o, "__bytes__", NULL, 0, &found);
        if (r && rh_kind_of(r) != RH_K_BYTES) {
            rh_err_set(I->rt, RH_EXC_TYPE, "__bytes__ returned non-bytes (type %s)", hx_tname(r));
            rh_decref(I->rt, r);
            return NULL;
        }
        if (found || rh_err_occurred(I->rt)) return r;
    }
    if (rh_is_byteslike(o)) return rh_bytes_from(I->rt, D(o), L(o));
    if (rh_kind_of(o) == RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "cannot convert '%s' object to bytes", hx_tname(o));
        return NULL;
    }
    return from_ints(I, o, 0);
}

FN(ctor_bytes) { (void)self; return construct(I, 0, a, n, kwn, kwv, nkw); }
FN(ctor_bytearray) { (void)self; return construct(I, 1, a, n, kwn, kwv, nkw); }

/* neither type has a vectorcall in 3.11: type_call packs the arguments (HX_METH_VARARGS) */
static const rh_builtin_def bytes_ctor = {"bytes", (void (*)(void))ctor_bytes, HX_METH_VARARGS};
static const rh_builtin_def bytearray_ctor = {"bytearray", (void (*)(void))ctor_bytearray, HX_METH_VARARGS};

/* memoryview(object) (memoryview_impl): the argument is checked as CPython's clinic does, then
 * PyMemoryView_FromObject (reference/src/t_memoryview.c). 2.7's memoryview (no managed buffer) is not
 * modelled: its profile refuses an exporter. */
FN(ctor_memoryview) {
    (void)self;
    rh_runtime *rt = I->rt;
    int py2 = rh_runtime_profile(rt)->python2;
    rh_object *obj = n ? a[0] : NULL;
    for (int i = 0; i < nkw; i++)
        if (!strcmp(kwn[i], "object") && !n) obj = kwv[i];
    if (n + nkw > 1 && obj) {
        rh_err_set(rt, RH_EXC_TYPE, "memoryview() takes at most 1 argument (%d given)", n + nkw);
        return NULL;
    }
    if (!obj) {
        rh_err_set(rt, RH_EXC_TYPE, py2 ? "Required argument 'object' (pos 1) not found"
                                        : "memoryview() missing required argument 'object' (pos 1)");
        return NULL;
    }
    rh_kind k = rh_kind_of(obj);
    if (py2) {
        if (!rh_is_byteslike(obj) && k != RH_K_ARRAY && k != RH_K_STR && k != RH_K_MEMORYVIEW)
            rh_err_set(rt, RH_EXC_TYPE, "cannot make memory view because object does not have the buffer interface");
        else rh_err_set(rt, RH_EXC_UNSUPPORTED, "memoryview in 2.7 (no managed buffer)");
        return NULL;
    }
    return rh_memoryview_new(rt, obj);
}
static const rh_builtin_def memoryview_ctor = {"memoryview", (void (*)(void))ctor_memoryview, HX_METH_VARARGS}; /* no vectorcall: type_call packs */

const rh_builtin_def *hx_bytes_constructor(rh_object *type) {
    rh_kind k = ((rh_type *)type)->kind;
    return k == RH_K_BYTES ? &bytes_ctor : k == RH_K_BYTEARRAY ? &bytearray_ctor : k == RH_K_MEMORYVIEW ? &memoryview_ctor : NULL;
}

rh_object *hx_bytes_slice_value(hx_interp *I, rh_object *ba, rh_object *v) {
    if (v == ba) return rh_bytearray_from(I->rt, D(v), L(v));
    if (rh_is_byteslike(v)) return newref(v);
    if (rh_kind_of(v) == RH_K_STR || rh_type_of(v)->as_number.nb_index || rh_kind_of(v) == RH_K_FLOAT) {
        rh_err_set(I->rt, RH_EXC_TYPE, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return NULL;
    }
    return from_ints(I, v, 1); /* PyByteArray_FromObject */
}

/* ---------------------------------------------------------------- tables */

#define DEF(nm) {#nm, (void (*)(void))m_##nm, 0}
#define DEF_VA(nm) {#nm, (void (*)(void))m_##nm, HX_METH_VARARGS_TO312} /* METH_VARARGS up to 3.12 */
static const rh_builtin_def shared_methods[] = {
    DEF(decode), DEF(hex), DEF(join), DEF(split), DEF(rsplit), DEF(strip), DEF(lstrip), DEF(rstrip),
    DEF_VA(startswith), DEF_VA(endswith), DEF_VA(find), DEF_VA(rfind), DEF_VA(index), DEF_VA(rindex),
    DEF_VA(count), DEF(replace), DEF(upper), DEF(lower), DEF(isdigit), DEF(isalpha), DEF(isalnum),
    DEF(isspace), DEF(isupper), DEF(islower), DEF(center), DEF(ljust), DEF(rjust), DEF(zfill), DEF(translate),
    {NULL, NULL, 0}};
static const rh_builtin_def bytearray_methods[] = {
    DEF(append), DEF(extend), DEF(pop), DEF(clear), DEF(copy), {NULL, NULL, 0}};

int hx_bytes_method_tables(rh_kind kind, hx_mtab out[2]) {
    int n = 0;
    if (kind == RH_K_BYTEARRAY) out[n++] = (hx_mtab){NULL, bytearray_methods};
    out[n++] = (hx_mtab){NULL, shared_methods};
    return n;
}

/* builtins.bytes (in py27 the str type: 2.7's str is its bytes) and builtins.bytearray */
int hx_builtins_bytes_init(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_kind bk = rh_runtime_profile(rt)->python2 ? RH_K_STR : RH_K_BYTES;
    if (rh_dict_set_cstr(rt, I->builtins, "bytes", (rh_object *)rh_builtin_type(rt, bk))) return -1;
    if (rh_dict_set_cstr(rt, I->builtins, "memoryview", (rh_object *)rh_builtin_type(rt, RH_K_MEMORYVIEW))) return -1;
    return rh_dict_set_cstr(rt, I->builtins, "bytearray", (rh_object *)rh_builtin_type(rt, RH_K_BYTEARRAY));
}
