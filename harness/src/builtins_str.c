/* builtins_str.c — the methods of str (Objects/unicodeobject.c and Objects/stringlib/ of CPython 3.11).
 *
 * Owns the str method table (hx_str_find_method, asked by builtins.c's hx_find_method_def) and the
 * character classes those methods need. Every method has the hx_cfn signature: arguments borrowed, the
 * result a new reference or NULL with the error set; messages are CPython 3.11's, in the three argument
 * styles its methods have (Argument Clinic positional-only, Clinic with keywords, the older
 * PyArg_ParseTuple of the find family).
 * Identity, as unicodeobject.c's unicode_result_unchanged: a method with nothing to do returns the str
 * itself (strip/replace/center/ljust/rjust/zfill/expandtabs/removeprefix..., split/partition of an
 * unsplit str); 0- and 1-character results are the shared singletons (the empty str, the latin-1 cache).
 * Character classes: exact for Latin-1, the Greek and Cyrillic alphabets and the common letterless blocks
 * (CJK, kana, Hangul: letters without case; punctuation, symbols, box drawing, emoji: neither); a
 * classifying method meeting any other character raises refheap.Unsupported rather than guess
 * (Unicode's full database, Objects/unicodetype_db.h, is outside the model).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "ucase.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static int is_str(rh_object *o) { return rh_kind_of(o) == RH_K_STR; }
static uint32_t ch(rh_object *s, size_t i) { return rh_str_char_at(s, i); }

/* ---------------------------------------------------------------- argument styles */

typedef enum {
    ST_POS,  /* Argument Clinic, positional-only: "center expected at least 1 argument, got 0" */
    ST_KW,   /* Argument Clinic with keyword parameters: "split() takes at most 2 arguments (3 given)" */
    ST_OLD,  /* PyArg_ParseTuple (find family): "find() takes at least 1 argument (0 given)" */
} arg_style;

/* Gathers n positional and nkw keyword arguments into out[0..hi) (NULL where not given) by the
 * parameter names kw (NULL-terminated; NULL list: positional-only). 0, or -1 with TypeError. */
static int args(hx_interp *I, const char *fn, arg_style st, int lo, int hi, const char *const *kw, rh_object **a,
                int n, char **kwn, rh_object **kwv, int nkw, rh_object **out) {
    rh_runtime *rt = I->rt;
    for (int i = 0; i < hi; i++) out[i] = i < n ? a[i] : NULL;
    int v313 = RH_API(I, "str", "msg:clinic-313");
    if (st == ST_KW && kw && (nkw || n < lo || n > hi) && hx_kwtuple_once(I, fn, kw, -1)) return -1;
    if (nkw && !kw) { rh_err_set(rt, RH_EXC_TYPE, "str.%s() takes no keyword arguments", fn); return -1; }
    if (n + nkw > hi || n > hi) {
        if (hi == 1 && lo == 1 && st == ST_POS) rh_err_set(rt, RH_EXC_TYPE, "str.%s() takes exactly one argument (%d given)", fn, n + nkw);
        else if (st == ST_POS) rh_err_set(rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", fn, hi, hi == 1 ? "" : "s", n);
        else rh_err_set(rt, RH_EXC_TYPE, "%s() takes at most %d argument%s (%d given)", fn, hi, hi == 1 ? "" : "s", n + nkw);
        return -1;
    }
    for (int k = 0; k < nkw; k++) {
        int j = 0;
        while (kw[j] && strcmp(kw[j], kwn[k]) != 0) j++;
        if (!kw[j]) {
            if (v313) rh_err_set(rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", fn, kwn[k]);
            else rh_err_set(rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for %s()", kwn[k], fn);
            return -1;
        }
        if (out[j]) {
            rh_err_set(rt, RH_EXC_TYPE, "argument for %s() given by name ('%s') and position (%d)", fn, kw[j], j + 1);
            return -1;
        }
        out[j] = kwv[k];
    }
    int given = 0;
    while (given < hi && out[given]) given++;
    if (given >= lo) return 0;
    if (hi == 1 && lo == 1 && st == ST_POS) rh_err_set(rt, RH_EXC_TYPE, "str.%s() takes exactly one argument (%d given)", fn, n);
    else if (st == ST_POS) rh_err_set(rt, RH_EXC_TYPE, "%s expected at least %d argument%s, got %d", fn, lo, lo == 1 ? "" : "s", n);
    else if (st == ST_OLD) rh_err_set(rt, RH_EXC_TYPE, "%s() takes at least %d argument (%d given)", fn, lo, n);
    else rh_err_set(rt, RH_EXC_TYPE, "%s() missing required argument '%s' (pos %d)", fn, kw[given], given + 1);
    return -1;
}
#define ARGS(fn, st, lo, hi, kw, out) args(I, fn, st, lo, hi, kw, a, n, kwn, kwv, nkw, out)

static int noargs(hx_interp *I, const char *fn, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "str.%s() takes no keyword arguments", fn); return -1; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "str.%s() takes no arguments (%d given)", fn, n); return -1; }
    return 0;
}

static int int_arg(hx_interp *I, rh_object *o, int64_t dflt, int64_t *v) {
    if (!o) { *v = dflt; return 0; }
    return rh_index_value(I->rt, o, v);
}

/* A str argument of the find family / partition: "must be str, not int". */
static int need_str(hx_interp *I, rh_object *o) {
    if (is_str(o)) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "must be str, not %s", hx_tname(o));
    return -1;
}

/* ---------------------------------------------------------------- character classes */

enum { C_UPPER = 1, C_LOWER = 2, C_ALPHA = 4, C_DECIMAL = 8, C_DIGIT = 16, C_NUMERIC = 32, C_SPACE = 64,
       C_PRINT = 128, C_KNOWN = 256 };

static int is_ws(uint32_t c) {
    if (c < 0x100) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0;
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

static int latin1_class(uint32_t c) {
    int f = C_KNOWN;
    if (is_ws(c)) return f | C_SPACE | (c == ' ' ? C_PRINT : 0);
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD) return f;
    f |= C_PRINT;
    if (c >= 'A' && c <= 'Z') return f | C_UPPER | C_ALPHA;
    if (c >= 'a' && c <= 'z') return f | C_LOWER | C_ALPHA;
    if (c >= '0' && c <= '9') return f | C_DECIMAL | C_DIGIT | C_NUMERIC;
    if (c == 0xB2 || c == 0xB3 || c == 0xB9) return f | C_DIGIT | C_NUMERIC;
    if (c >= 0xBC && c <= 0xBE) return f | C_NUMERIC;
    if (c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xDF || (c >= 0xE0 && c != 0xF7)) return f | C_LOWER | C_ALPHA;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return f | C_UPPER | C_ALPHA;
    return f;
}

/* The class of c, or 0 where the model does not know it. */
static int uclass(uint32_t c) {
    if (c < 0x100) return latin1_class(c);
    int k = C_KNOWN | C_PRINT;
    if (is_ws(c)) return C_KNOWN | C_SPACE;
    if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x400 && c <= 0x42F)) return k | C_UPPER | C_ALPHA;
    if ((c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F)) return k | C_LOWER | C_ALPHA;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
        (c >= 0xAC00 && c <= 0xD7A3))
        return k | C_ALPHA;
    if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20C0) ||
        (c >= 0x2190 && c <= 0x23FF) || (c >= 0x2500 && c <= 0x27BF) || (c >= 0x3001 && c <= 0x3003) ||
        (c >= 0x1F300 && c <= 0x1FAFF))
        return k;
    return 0;
}

static int cls(hx_interp *I, const char *fn, uint32_t c) {
    int f = uclass(c);
    if (!f) rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "str.%s() of U+%04X: outside refheap's character classes", fn, c);
    return f;
}


/* ---------------------------------------------------------------- building results */

/* Results longer than this many characters raise MemoryError before any work (CPython would fail to
 * allocate them, or take minutes filling them). */
#define STR_MAX_RESULT ((int64_t)1 << 31)

static rh_object *too_long(hx_interp *I) { rh_err_nomemory(I->rt); return NULL; }

typedef struct { uint32_t *v; size_t n, cap; } cpbuf;

static void cp_put(cpbuf *b, uint32_t c) {
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->v = realloc(b->v, b->cap * sizeof *b->v);
        if (!b->v) abort();
    }
    b->v[b->n++] = c;
}
static void cp_put_range(cpbuf *b, rh_object *s, size_t from, size_t to) {
    if (to <= from) return;
    if (b->n + (to - from) > b->cap) {
        while (b->n + (to - from) > b->cap) b->cap = b->cap ? b->cap * 2 : 64;
        b->v = realloc(b->v, b->cap * sizeof *b->v);
        if (!b->v) abort();
    }
    int kind;
    const void *raw = rh_str_raw(s, &kind);
    uint32_t *out = b->v + b->n;
    for (size_t i = from; i < to; i++)
        *out++ = kind == 1 ? ((const uint8_t *)raw)[i] : kind == 2 ? ((const uint16_t *)raw)[i] : ((const uint32_t *)raw)[i];
    b->n += to - from;
}
static void cp_put_str(cpbuf *b, rh_object *s) { cp_put_range(b, s, 0, rh_str_len(s)); }

/* The str of the buffer (in the narrowest kind; the singleton for no character, and for one latin-1
 * character when share_char); frees it. */
static rh_object *cp_finish_as(hx_interp *I, cpbuf *b, int share_char) {
    char *u = malloc(b->n * 4 + 1);
    if (!u) abort();
    size_t k = 0;
    for (size_t i = 0; i < b->n; i++) {
        uint32_t c = b->v[i];
        if (c < 0x80) u[k++] = (char)c;
        else if (c < 0x800) { u[k++] = (char)(0xC0 | (c >> 6)); u[k++] = (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) {
            u[k++] = (char)(0xE0 | (c >> 12)); u[k++] = (char)(0x80 | ((c >> 6) & 0x3F)); u[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            u[k++] = (char)(0xF0 | (c >> 18)); u[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            u[k++] = (char)(0x80 | ((c >> 6) & 0x3F)); u[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    free(b->v);
    b->v = NULL;
    rh_object *r = share_char ? rh_str_from_utf8(I->rt, u, k) : rh_str_from_utf8_fresh(I->rt, u, k);
    free(u);
    return r;
}
static rh_object *cp_finish(hx_interp *I, cpbuf *b) { return cp_finish_as(I, b, 1); }

static rh_object *sub(hx_interp *I, rh_object *s, size_t from, size_t to) {
    return rh_str_slice(I->rt, s, (int64_t)from, (int64_t)to, 1);
}

/* ---------------------------------------------------------------- searching */

/* p occurs in s at i (1 <= len(p), i + len(p) <= len(s)) */
static int match_at(rh_object *s, size_t i, rh_object *p) {
    return rh_str_search(s, (int64_t)i, (int64_t)(i + rh_str_len(p)), p, 1) == (int64_t)i;
}

/* ADJUST_INDICES (Objects/unicodeobject.c): start/end of the find family, None meaning the default */
static int slice_bounds(hx_interp *I, rh_object *so, rh_object *eo, size_t len, int64_t *start, int64_t *end) {
    int64_t L = (int64_t)len;
    *start = 0;
    *end = L;
    rh_object *none = rh_none(I->rt);
    for (int k = 0; k < 2; k++) {
        rh_object *o = k ? eo : so;
        if (!o || o == none) continue;
        int64_t v;
        if (rh_index_value(I->rt, o, &v)) {
            if (rh_err_occurred(I->rt) != RH_EXC_TYPE) return -1;
            rh_err_clear(I->rt); /* _PyEval_SliceIndex's message */
            rh_err_set(I->rt, RH_EXC_TYPE, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        *(k ? end : start) = v;
    }
    if (*end > L) *end = L;
    else if (*end < 0 && (*end += L) < 0) *end = 0;
    if (*start < 0 && (*start += L) < 0) *start = 0;
    return 0;
}

/* find/rfind/index/rindex/count: dir 1 first, -1 last, 0 count */
static rh_object *find_common(hx_interp *I, const char *fn, int dir, int raise, rh_object *self, rh_object **a, int n,
                              char **kwn, rh_object **kwv, int nkw) {
    rh_object *v[3];
    int v313 = RH_API(I, "str", "msg:clinic-313");
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, RH_API(I, "str", "msg:find-no-kw-with-type") ? "str.%s() takes no keyword arguments"
                                                                                  : "%s() takes no keyword arguments", fn);
        return NULL;
    }
    if (ARGS(fn, v313 ? ST_POS : ST_OLD, 1, 3, NULL, v)) return NULL;
    if (v313 && !is_str(v[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument 1 must be str, not %s", fn, hx_tname(v[0]));
        return NULL;
    }
    if (need_str(I, v[0])) return NULL;
    int64_t st, en;
    size_t len = rh_str_len(self), m = rh_str_len(v[0]);
    if (slice_bounds(I, v[1], v[2], len, &st, &en)) return NULL;
    int64_t r = dir ? -1 : 0;
    if (en - st >= (int64_t)m) {
        if (m == 0) r = dir == 0 ? en - st + 1 : dir > 0 ? st : en;
        else r = rh_str_search(self, st, en, v[0], dir);
    }
    if (dir == 0) return rh_int_from_i64(I->rt, r);
    if (r < 0 && raise) { rh_err_set(I->rt, RH_EXC_VALUE, "substring not found"); return NULL; }
    return rh_int_from_i64(I->rt, r);
}
FN(s_find) { return find_common(I, "find", 1, 0, self, a, n, kwn, kwv, nkw); }
FN(s_rfind) { return find_common(I, "rfind", -1, 0, self, a, n, kwn, kwv, nkw); }
FN(s_index) { return find_common(I, "index", 1, 1, self, a, n, kwn, kwv, nkw); }
FN(s_rindex) { return find_common(I, "rindex", -1, 1, self, a, n, kwn, kwv, nkw); }
FN(s_count) { return find_common(I, "count", 0, 0, self, a, n, kwn, kwv, nkw); }

/* tailmatch (Objects/unicodeobject.c) */
static int tailmatch(rh_object *s, rh_object *p, int64_t st, int64_t en, int start) {
    int64_t m = (int64_t)rh_str_len(p);
    en -= m;
    if (en < st) return 0;
    if (m == 0) return 1;
    return match_at(s, (size_t)(start ? st : en), p);
}
static rh_object *affix(hx_interp *I, const char *fn, int start, rh_object *self, rh_object **a, int n, char **kwn,
                        rh_object **kwv, int nkw) {
    rh_object *v[3];
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "str.%s() takes no keyword arguments", fn); return NULL; }
    if (ARGS(fn, ST_OLD, 1, 3, NULL, v)) return NULL;
    int64_t st, en;
    if (slice_bounds(I, v[1], v[2], rh_str_len(self), &st, &en)) return NULL;
    if (rh_kind_of(v[0]) == RH_K_TUPLE) {
        for (size_t i = 0; i < rh_tuple_len(v[0]); i++) {
            rh_object *p = rh_tuple_get(v[0], i);
            if (!is_str(p)) {
                rh_err_set(I->rt, RH_EXC_TYPE, "tuple for %s must only contain str, not %s", fn, hx_tname(p));
                return NULL;
            }
            if (tailmatch(self, p, st, en, start)) return rh_bool(I->rt, 1);
        }
        return rh_bool(I->rt, 0);
    }
    if (!is_str(v[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s first arg must be str or a tuple of str, not %s", fn, hx_tname(v[0]));
        return NULL;
    }
    return rh_bool(I->rt, tailmatch(self, v[0], st, en, start));
}
FN(s_startswith) { return affix(I, "startswith", 1, self, a, n, kwn, kwv, nkw); }
FN(s_endswith) { return affix(I, "endswith", 0, self, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- split, join, partition */

static const char *const kw_split[] = {"sep", "maxsplit", NULL};
static rh_object *split_common(hx_interp *I, const char *fn, int right, rh_object *self, rh_object **a, int n,
                               char **kwn, rh_object **kwv, int nkw) {
    rh_object *v[2];
    int64_t maxsplit;
    if (ARGS(fn, ST_KW, 0, 2, kw_split, v) || int_arg(I, v[1], -1, &maxsplit)) return NULL;
    rh_object *sep = v[0] && v[0] != rh_none(I->rt) ? v[0] : NULL;
    if (sep && !is_str(sep)) { rh_err_set(I->rt, RH_EXC_TYPE, "must be str or None, not %s", hx_tname(sep)); return NULL; }
    return right ? rh_str_rsplit(I->rt, self, sep, maxsplit) : rh_str_split(I->rt, self, sep, maxsplit);
}
FN(s_split) { return split_common(I, "split", 0, self, a, n, kwn, kwv, nkw); }
FN(s_rsplit) { return split_common(I, "rsplit", 1, self, a, n, kwn, kwv, nkw); }

FN(s_join) {
    rh_object *v[1];
    if (ARGS("join", ST_POS, 1, 1, NULL, v)) return NULL;
    rh_object *src = hx_iter_list(I, v[0]);
    if (!src) {
        if (rh_err_occurred(I->rt) == RH_EXC_TYPE) { /* PySequence_Fast's message */
            rh_err_clear(I->rt);
            rh_err_set(I->rt, RH_EXC_TYPE, "can only join an iterable");
        }
        return NULL;
    }
    rh_object *r = rh_str_join(I->rt, self, src);
    rh_decref(I->rt, src);
    return r;
}

/* Line boundaries of str.splitlines (Objects/unicodeobject.c, Py_UNICODE_ISLINEBREAK) */
static int is_linebreak(uint32_t c) {
    return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029;
}
static const char *const kw_splitlines[] = {"keepends", NULL};
FN(s_splitlines) {
    rh_object *v[1];
    if (ARGS("splitlines", ST_KW, 0, 1, kw_splitlines, v)) return NULL;
    int keep = 0;
    if (v[0]) {
        int64_t k;
        if (rh_index_value(I->rt, v[0], &k)) return NULL;
        keep = k != 0;
    }
    size_t len = rh_str_len(self);
    rh_object *l = rh_list_new(I->rt, 0);
    for (size_t i = 0; l && i < len;) {
        size_t j = i;
        while (i < len && !is_linebreak(ch(self, i))) i++;
        size_t eol = i;
        if (i < len) {
            i += ch(self, i) == '\r' && i + 1 < len && ch(self, i + 1) == '\n' ? 2 : 1;
            if (keep) eol = i;
        }
        /* stringlib splitlines: a str that is one line without a line end is itself the only item */
        rh_object *part = j == 0 && eol == len ? rh_str_exact(I->rt, self) : sub(I, self, j, eol);
        if (!part || rh_list_append(I->rt, l, part)) { rh_xdecref(I->rt, part); rh_decref(I->rt, l); return NULL; }
        rh_decref(I->rt, part);
    }
    return l;
}

/* partition / rpartition (Objects/stringlib/partition.h): not found gives (s, '', '') / ('', '', s) */
static rh_object *partition(hx_interp *I, const char *fn, int right, rh_object *self, rh_object **a, int n, char **kwn,
                            rh_object **kwv, int nkw) {
    rh_object *v[1];
    if (ARGS(fn, ST_POS, 1, 1, NULL, v) || need_str(I, v[0])) return NULL;
    rh_object *sep = v[0], *e = rh_empty_str(I->rt);
    size_t len = rh_str_len(self), m = rh_str_len(sep);
    if (m == 0) { rh_err_set(I->rt, RH_EXC_VALUE, "empty separator"); return NULL; }
    int64_t at = m <= len ? rh_str_search(self, 0, (int64_t)len, sep, right ? -1 : 1) : -1;
    if (at < 0) return right ? rh_tuple_pack(I->rt, 3, e, e, self) : rh_tuple_pack(I->rt, 3, self, e, e);
    rh_object *l = sub(I, self, 0, (size_t)at), *r = l ? sub(I, self, (size_t)at + m, len) : NULL;
    rh_object *t = r ? rh_tuple_pack(I->rt, 3, l, sep, r) : NULL;
    rh_xdecref(I->rt, l);
    rh_xdecref(I->rt, r);
    return t;
}
FN(s_partition) { return partition(I, "partition", 0, self, a, n, kwn, kwv, nkw); }
FN(s_rpartition) { return partition(I, "rpartition", 1, self, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- replace, strip, padding */

FN(s_replace) {
    rh_object *v[3];
    int64_t count;
    if (n < 2 && RH_API(I, "str", "msg:clinic-313")) { /* 3.13: count became a keyword parameter */
        rh_err_set(I->rt, RH_EXC_TYPE, "replace() takes at least 2 positional arguments (%d given)", n);
        return NULL;
    }
    if (ARGS("replace", ST_POS, 2, 3, NULL, v)) return NULL;
    for (int k = 0; k < 2; k++)
        if (!is_str(v[k])) {
            rh_err_set(I->rt, RH_EXC_TYPE, "replace() argument %d must be str, not %s", k + 1, hx_tname(v[k]));
            return NULL;
        }
    if (int_arg(I, v[2], -1, &count)) return NULL;
    rh_object *old = v[0], *nw = v[1];
    size_t len = rh_str_len(self), m = rh_str_len(old);
    if (count < 0) count = INT64_MAX;
    if (count == 0 || old == nw || m > len) return rh_str_exact(I->rt, self); /* replace(): goto nothing (unicode_result_unchanged) */
    if ((int64_t)rh_str_len(nw) > STR_MAX_RESULT / (int64_t)(len + 1)) return too_long(I);
    cpbuf b = {0};
    int64_t done = 0;
    size_t i = 0;
    if (m == 0) { /* an empty pattern: new before every character and at the end, count times */
        for (; i <= len && done < count; i++, done++) {
            cp_put_str(&b, nw);
            if (i < len) cp_put(&b, ch(self, i));
        }
        if (i <= len) cp_put_range(&b, self, i, len);
        return cp_finish(I, &b);
    }
    while (done < count && i + m <= len) {
        int64_t at = rh_str_search(self, (int64_t)i, (int64_t)len, old, 1);
        if (at < 0) break;
        cp_put_range(&b, self, i, (size_t)at);
        cp_put_str(&b, nw);
        i = (size_t)at + m;
        done++;
    }
    if (done > 0 && i < len) cp_put_range(&b, self, i, len);
    if (done == 0) { free(b.v); return rh_str_exact(I->rt, self); }
    return cp_finish(I, &b);
}

static int cset_has(rh_object *set, size_t n, uint32_t c) {
    for (size_t i = 0; i < n; i++)
        if (ch(set, i) == c) return 1;
    return 0;
}

/* do_strip / do_argstrip: chars NULL strips whitespace */
static rh_object *strip_common(hx_interp *I, const char *fn, int left, int right, rh_object *self, rh_object **a,
                               int n, char **kwn, rh_object **kwv, int nkw) {
    rh_object *v[1];
    if (ARGS(fn, ST_POS, 0, 1, NULL, v)) return NULL;
    rh_object *chars = v[0] && v[0] != rh_none(I->rt) ? v[0] : NULL;
    if (chars && !is_str(chars)) { rh_err_set(I->rt, RH_EXC_TYPE, "%s arg must be None or str", fn); return NULL; }
    size_t len = rh_str_len(self), b = 0, e = len, cn = chars ? rh_str_len(chars) : 0;
#define STRIPS(c) (chars ? cset_has(chars, cn, c) : is_ws(c))
    while (left && b < e && STRIPS(ch(self, b))) b++;
    while (right && e > b && STRIPS(ch(self, e - 1))) e--;
#undef STRIPS
    return sub(I, self, b, e); /* the whole: the str itself (unicode_result_unchanged) */
}
FN(s_strip) { return strip_common(I, "strip", 1, 1, self, a, n, kwn, kwv, nkw); }
FN(s_lstrip) { return strip_common(I, "lstrip", 1, 0, self, a, n, kwn, kwv, nkw); }
FN(s_rstrip) { return strip_common(I, "rstrip", 0, 1, self, a, n, kwn, kwv, nkw); }

/* pad(): left and right fill; nothing to add returns the str itself */
static rh_object *pad(hx_interp *I, rh_object *self, int64_t left, int64_t right, uint32_t fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return rh_str_exact(I->rt, self);
    if (left > STR_MAX_RESULT || right > STR_MAX_RESULT) return too_long(I);
    cpbuf b = {0};
    for (int64_t i = 0; i < left; i++) cp_put(&b, fill);
    cp_put_str(&b, self);
    for (int64_t i = 0; i < right; i++) cp_put(&b, fill);
    return cp_finish(I, &b);
}
static rh_object *justify(hx_interp *I, const char *fn, int how, rh_object *self, rh_object **a, int n, char **kwn,
                          rh_object **kwv, int nkw) {
    rh_object *v[2];
    int64_t width;
    if (ARGS(fn, ST_POS, 1, 2, NULL, v) || int_arg(I, v[0], 0, &width)) return NULL;
    uint32_t fill = ' ';
    if (v[1]) {
        if (!is_str(v[1])) {
            rh_err_set(I->rt, RH_EXC_TYPE, "The fill character must be a unicode character, not %s", hx_tname(v[1]));
            return NULL;
        }
        if (rh_str_len(v[1]) != 1) {
            rh_err_set(I->rt, RH_EXC_TYPE, "The fill character must be exactly one character long");
            return NULL;
        }
        fill = ch(v[1], 0);
    }
    int64_t len = (int64_t)rh_str_len(self);
    if (len >= width) return rh_str_exact(I->rt, self);
    int64_t marg = width - len;
    if (how < 0) return pad(I, self, 0, marg, fill);
    if (how > 0) return pad(I, self, marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1); /* unicode_center_impl */
    return pad(I, self, left, marg - left, fill);
}
FN(s_ljust) { return justify(I, "ljust", -1, self, a, n, kwn, kwv, nkw); }
FN(s_rjust) { return justify(I, "rjust", 1, self, a, n, kwn, kwv, nkw); }
FN(s_center) { return justify(I, "center", 0, self, a, n, kwn, kwv, nkw); }

FN(s_zfill) {
    rh_object *v[1];
    int64_t width;
    if (ARGS("zfill", ST_POS, 1, 1, NULL, v) || int_arg(I, v[0], 0, &width)) return NULL;
    int64_t len = (int64_t)rh_str_len(self);
    if (len >= width) return rh_str_exact(I->rt, self);
    if (width > STR_MAX_RESULT) return too_long(I);
    cpbuf b = {0};
    size_t at = 0;
    if (len > 0 && (ch(self, 0) == '+' || ch(self, 0) == '-')) cp_put(&b, ch(self, at++));
    for (int64_t i = 0; i < width - len; i++) cp_put(&b, '0');
    cp_put_range(&b, self, at, (size_t)len);
    return cp_finish(I, &b);
}

static const char *const kw_expandtabs[] = {"tabsize", NULL};
FN(s_expandtabs) {
    rh_object *v[1];
    int64_t tab;
    if (ARGS("expandtabs", ST_KW, 0, 1, kw_expandtabs, v) || int_arg(I, v[0], 8, &tab)) return NULL;
    if (tab > INT32_MAX || tab < INT32_MIN) { /* the tabsize is a C int */
        rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C int");
        return NULL;
    }
    size_t len = rh_str_len(self);
    int found = 0;
    for (size_t i = 0; i < len; i++) found |= ch(self, i) == '\t';
    if (!found) return rh_str_exact(I->rt, self);
    if (tab > STR_MAX_RESULT / (int64_t)(len + 1)) return too_long(I);
    cpbuf b = {0};
    int64_t col = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t c = ch(self, i);
        if (c == '\t') {
            if (tab > 0) {
                int64_t k = tab - col % tab;
                col += k;
                while (k--) cp_put(&b, ' ');
            }
        } else {
            cp_put(&b, c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    return cp_finish(I, &b);
}

static rh_object *remove_affix(hx_interp *I, const char *fn, int prefix, rh_object *self, rh_object **a, int n,
                               char **kwn, rh_object **kwv, int nkw) {
    rh_object *v[1];
    if (ARGS(fn, ST_POS, 1, 1, NULL, v)) return NULL;
    if (!is_str(v[0])) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument must be str, not %s", fn, hx_tname(v[0])); return NULL; }
    size_t len = rh_str_len(self), m = rh_str_len(v[0]);
    if (m == 0 || m > len || !match_at(self, prefix ? 0 : len - m, v[0])) return rh_str_exact(I->rt, self);
    return prefix ? sub(I, self, m, len) : sub(I, self, 0, len - m);
}
FN(s_removeprefix) { return remove_affix(I, "removeprefix", 1, self, a, n, kwn, kwv, nkw); }
FN(s_removesuffix) { return remove_affix(I, "removesuffix", 0, self, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- case */

typedef enum { CS_UPPER, CS_LOWER, CS_SWAP, CS_FOLD, CS_TITLE, CS_CAPITALIZE } case_op;

/* The full mapping of c under op into b (ß: "SS" upper, "Ss" title, "ss" folded; final sigma). */
static void case_full(cpbuf *b, uint32_t c, int upper, int title, int fold) {
    if (c == 0xDF && (upper || title)) { cp_put(b, 'S'); cp_put(b, upper ? 'S' : 's'); return; }
    if (c == 0xDF && fold) { cp_put(b, 's'); cp_put(b, 's'); return; }
    if (fold && c == 0xB5) { cp_put(b, 0x3BC); return; }
    if (fold && c == 0x3C2) { cp_put(b, 0x3C3); return; }
    cp_put(b, upper || title ? hx_ucase_upper(c) : fold ? hx_ucase_lower(c) : c);
}

/* handle_capital_sigma: Σ lowercases to ς after a cased letter and before none */
static uint32_t lower_sigma(rh_object *s, size_t i) {
    size_t len = rh_str_len(s);
    int before = i > 0 && (uclass(ch(s, i - 1)) & (C_UPPER | C_LOWER));
    int after = i + 1 < len && (uclass(ch(s, i + 1)) & (C_UPPER | C_LOWER));
    return before && !after ? 0x3C2 : 0x3C3;
}

static rh_object *case_common(hx_interp *I, const char *fn, case_op op, rh_object *self, int n, int nkw) {
    if (noargs(I, fn, n, nkw)) return NULL;
    size_t len = rh_str_len(self);
    cpbuf b = {0};
    int prev_cased = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t c = ch(self, i);
        int f = cls(I, fn, c);
        if (!f) { free(b.v); return NULL; }
        int up = f & C_UPPER, lo = f & C_LOWER;
        int want_upper = op == CS_UPPER || (op == CS_SWAP && lo);
        int want_lower = op == CS_LOWER || (op == CS_SWAP && up) || op == CS_FOLD;
        if (op == CS_TITLE) { want_upper = 0; want_lower = prev_cased; }
        if (op == CS_CAPITALIZE) want_lower = i > 0;
        int title = (op == CS_TITLE && !prev_cased) || (op == CS_CAPITALIZE && i == 0);
        if (want_lower && c == 0x3A3) cp_put(&b, op == CS_FOLD ? 0x3C3 : lower_sigma(self, i));
        else if (want_lower) case_full(&b, op == CS_FOLD ? c : hx_ucase_lower(c), 0, 0, op == CS_FOLD);
        else case_full(&b, c, want_upper, title, 0);
        prev_cased = (f & (C_UPPER | C_LOWER)) != 0; /* _PyUnicode_IsCased */
    }
    /* the result is a new buffer, never a shared character: ascii_upper_or_lower and case_operation fill
     * PyUnicode_New(n, maxchar) (3.x), string_lower and its kind PyString_FromStringAndSize(NULL, n) (2.7) */
    return cp_finish_as(I, &b, 0);
}
FN(s_upper) { (void)a; (void)kwn; (void)kwv; return case_common(I, "upper", CS_UPPER, self, n, nkw); }
FN(s_lower) { (void)a; (void)kwn; (void)kwv; return case_common(I, "lower", CS_LOWER, self, n, nkw); }
FN(s_swapcase) { (void)a; (void)kwn; (void)kwv; return case_common(I, "swapcase", CS_SWAP, self, n, nkw); }
FN(s_casefold) { (void)a; (void)kwn; (void)kwv; return case_common(I, "casefold", CS_FOLD, self, n, nkw); }
FN(s_title) { (void)a; (void)kwn; (void)kwv; return case_common(I, "title", CS_TITLE, self, n, nkw); }
FN(s_capitalize) { (void)a; (void)kwn; (void)kwv; return case_common(I, "capitalize", CS_CAPITALIZE, self, n, nkw); }

/* ---------------------------------------------------------------- predicates */

/* every character has one of `all`, and the str is not empty */
static rh_object *every(hx_interp *I, const char *fn, int all, rh_object *self, int n, int nkw) {
    if (noargs(I, fn, n, nkw)) return NULL;
    size_t len = rh_str_len(self);
    int r = len > 0;
    for (size_t i = 0; i < len && r; i++) {
        int f = cls(I, fn, ch(self, i));
        if (!f) return NULL;
        r = (f & all) != 0;
    }
    return rh_bool(I->rt, r);
}
#define EVERY(name, flags) FN(s_##name) { (void)a; (void)kwn; (void)kwv; return every(I, #name, flags, self, n, nkw); }
EVERY(isdigit, C_DIGIT)
EVERY(isdecimal, C_DECIMAL)
EVERY(isnumeric, C_NUMERIC)
EVERY(isalpha, C_ALPHA)
EVERY(isalnum, C_ALPHA | C_NUMERIC)
EVERY(isspace, C_SPACE)

FN(s_isprintable) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "isprintable", n, nkw)) return NULL;
    for (size_t i = 0; i < rh_str_len(self); i++) {
        int f = cls(I, "isprintable", ch(self, i));
        if (!f) return NULL;
        if (!(f & C_PRINT)) return rh_bool(I->rt, 0);
    }
    return rh_bool(I->rt, 1); /* the empty str is printable */
}
FN(s_isascii) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "isascii", n, nkw)) return NULL;
    for (size_t i = 0; i < rh_str_len(self); i++)
        if (ch(self, i) >= 0x80) return rh_bool(I->rt, 0);
    return rh_bool(I->rt, 1);
}

/* islower/isupper: some cased character, none of the other case */
static rh_object *is_case(hx_interp *I, const char *fn, int want, int other, rh_object *self, int n, int nkw) {
    if (noargs(I, fn, n, nkw)) return NULL;
    int cased = 0;
    for (size_t i = 0; i < rh_str_len(self); i++) {
        int f = cls(I, fn, ch(self, i));
        if (!f) return NULL;
        if (f & other) return rh_bool(I->rt, 0);
        cased |= (f & want) != 0;
    }
    return rh_bool(I->rt, cased);
}
FN(s_islower) { (void)a; (void)kwn; (void)kwv; return is_case(I, "islower", C_LOWER, C_UPPER, self, n, nkw); }
FN(s_isupper) { (void)a; (void)kwn; (void)kwv; return is_case(I, "isupper", C_UPPER, C_LOWER, self, n, nkw); }

/* unicode_istitle_impl */
FN(s_istitle) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "istitle", n, nkw)) return NULL;
    int cased = 0, prev = 0;
    for (size_t i = 0; i < rh_str_len(self); i++) {
        uint32_t c = ch(self, i);
        int f = cls(I, "istitle", c);
        if (!f) return NULL;
        int lower = (f & C_LOWER) != 0;
        if (f & C_UPPER) {
            if (prev) return rh_bool(I->rt, 0);
            prev = cased = 1;
        } else if (lower) {
            if (!prev) return rh_bool(I->rt, 0);
            prev = cased = 1;
        } else {
            prev = 0;
        }
    }
    return rh_bool(I->rt, cased);
}

/* PyUnicode_IsIdentifier: XID_Start or '_', then XID_Continue */
FN(s_isidentifier) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "isidentifier", n, nkw)) return NULL;
    size_t len = rh_str_len(self);
    if (len == 0) return rh_bool(I->rt, 0);
    for (size_t i = 0; i < len; i++) {
        uint32_t c = ch(self, i);
        int f = cls(I, "isidentifier", c);
        if (!f) return NULL;
        int ok = c == '_' || (f & C_ALPHA) || (i > 0 && ((f & C_DECIMAL) || c == 0xB7));
        if (!ok) return rh_bool(I->rt, 0);
    }
    return rh_bool(I->rt, 1);
}

/* unicode_getnewargs: (a copy of the characters,), what object.__reduce_ex__ hands copyreg.__newobj__ for
 * an instance of a str subclass. refheap's copy is str's own result for an exact str (CPython makes a new
 * object even then: only `is` tells them apart). */
FN(s___getnewargs__) {
    if (noargs(I, "__getnewargs__", n, nkw)) return NULL;
    (void)a, (void)kwn, (void)kwv;
    rh_object *c = rh_str_exact(I->rt, self);
    if (!c) return NULL;
    rh_object *t = rh_tuple_pack(I->rt, 1, c);
    rh_decref(I->rt, c);
    return t;
}

/* ---------------------------------------------------------------- translate / maketrans */

/* One character through the table (charmaptranslate_lookup): 1 with *out a new reference (None: delete,
 * an int, a str), 0 when the table has no entry (LookupError: keep the character), -1 on error. */
static int trans_lookup(hx_interp *I, rh_object *table, uint32_t c, rh_object **out) {
    rh_runtime *rt = I->rt;
    rh_object *k = rh_int_from_i64(rt, c);
    *out = k ? rh_getitem(rt, table, k) : NULL;
    rh_xdecref(rt, k);
    if (*out) return 1;
    rh_exc e = rh_err_occurred(rt);
    if (k && e != RH_EXC_NONE &&
        rh_exc_class_matches((rh_object *)rh_exc_type(rt, e), (rh_object *)rh_exc_type(rt, RH_EXC_LOOKUP))) {
        rh_err_clear(rt);
        return 0;
    }
    return -1;
}

/* The mapped value into b (charmaptranslate_output): 0, or -1 with the error set. */
static int trans_put(hx_interp *I, cpbuf *b, rh_object *v) {
    int64_t x;
    if (v == rh_none(I->rt)) return 0;
    if (hx_is_intlike(v)) {
        if (rh_int_as_i64(I->rt, v, &x) || x < 0 || x > 0x10FFFF) {
            rh_err_set(I->rt, RH_EXC_VALUE, "character mapping must be in range(0x110000)");
            return -1;
        }
        cp_put(b, (uint32_t)x);
        return 0;
    }
    if (is_str(v)) { cp_put_str(b, v); return 0; }
    rh_err_set(I->rt, RH_EXC_TYPE, "character mapping must return integer, None or str");
    return -1;
}

/* str.translate(table, /) (unicode_translate -> _PyUnicode_TranslateCharmap): each character looked up as
 * table[ord(c)]; always a new str, as CPython builds one even when nothing changes. */
FN(s_translate) {
    rh_object *t[1];
    if (ARGS("translate", ST_POS, 1, 1, NULL, t)) return NULL;
    size_t len = rh_str_len(self);
    cpbuf b = {0};
    for (size_t i = 0; i < len; i++) {
        rh_object *v;
        int rc = trans_lookup(I, t[0], ch(self, i), &v);
        if (rc == 0) cp_put(&b, ch(self, i));
        else if (rc < 0 || (rc = trans_put(I, &b, v), rh_decref(I->rt, v), rc < 0)) { free(b.v); return NULL; }
    }
    return cp_finish(I, &b);
}

/* str.maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /) (unicode_maketrans_impl): a static method
 * returning a new dict from ordinals to ordinals, strs or None. */
static rh_object *maketrans_dict(hx_interp *I, rh_object *x) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(x) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, "if you give only one argument to maketrans it must be a dict");
        return NULL;
    }
    rh_object *d = rh_dict_new(rt), *k, *v;
    size_t pos = 0;
    while (d && rh_dict_next(x, &pos, &k, &v)) {
        rh_object *key = NULL;
        if (is_str(k) && rh_str_len(k) != 1)
            rh_err_set(rt, RH_EXC_VALUE, "string keys in translate table must be of length 1");
        else if (is_str(k)) key = rh_int_from_i64(rt, ch(k, 0));
        else if (hx_is_intlike(k)) key = (rh_incref(k), k);
        else rh_err_set(rt, RH_EXC_TYPE, "keys in translate table must be strings or integers");
        if (!key || rh_dict_set(rt, d, key, v)) { rh_xdecref(rt, key); rh_decref(rt, d); return NULL; }
        rh_decref(rt, key);
    }
    return d;
}

static int maketrans_set(hx_interp *I, rh_object *d, uint32_t c, rh_object *v) {
    rh_object *k = rh_int_from_i64(I->rt, c);
    int rc = k && v ? rh_dict_set(I->rt, d, k, v) : -1;
    rh_xdecref(I->rt, k);
    return rc;
}

static rh_object *maketrans_strs(hx_interp *I, rh_object *x, rh_object *y, rh_object *z) {
    rh_runtime *rt = I->rt;
    size_t n = rh_str_len(x);
    if (n != rh_str_len(y)) {
        rh_err_set(rt, RH_EXC_VALUE, "the first two maketrans arguments must have equal length");
        return NULL;
    }
    rh_object *d = rh_dict_new(rt);
    for (size_t i = 0; d && i < n; i++) {
        rh_object *v = rh_int_from_i64(rt, ch(y, i));
        int rc = maketrans_set(I, d, ch(x, i), v);
        rh_xdecref(rt, v);
        if (rc) { rh_decref(rt, d); return NULL; }
    }
    for (size_t i = 0; d && z && i < rh_str_len(z); i++)
        if (maketrans_set(I, d, ch(z, i), rh_none(rt))) { rh_decref(rt, d); return NULL; }
    return d;
}

static rh_object *s_maketrans(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    (void)self;
    rh_object *v[3];
    if (ARGS("maketrans", ST_POS, 1, 3, NULL, v)) return NULL;
    if (!v[1]) return maketrans_dict(I, v[0]);
    if (!is_str(v[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "first maketrans argument must be a string if there is a second argument");
        return NULL;
    }
    for (int i = 1; i < 3; i++)
        if (v[i] && !is_str(v[i])) {
            rh_err_set(I->rt, RH_EXC_TYPE, "maketrans() argument %d must be str, not %s", i + 1, hx_tname(v[i]));
            return NULL;
        }
    return maketrans_strs(I, v[0], v[1], v[2]);
}

static const rh_builtin_def s_maketrans_def = {"maketrans", (void (*)(void))s_maketrans, 0};

rh_object *hx_str_type_attr(hx_interp *I, rh_object *type, rh_object *name) {
    if (((rh_type *)type)->kind != RH_K_STR || !rh_str_eq_cstr(name, "maketrans")) return NULL;
    return rh_builtin_new(I->rt, &s_maketrans_def, type); /* a staticmethod: self unused */
}

/* ---------------------------------------------------------------- the table */

#define DEF(nm) {#nm, (void (*)(void))s_##nm, 0}
#define DEF_VA(nm) {#nm, (void (*)(void))s_##nm, HX_METH_VARARGS_TO312} /* METH_VARARGS up to 3.12 */
static const rh_builtin_def str_methods[] = {
    DEF(split), DEF(rsplit), DEF(splitlines), DEF(join), DEF(replace), DEF_VA(find), DEF_VA(rfind), DEF_VA(index),
    DEF_VA(rindex), DEF_VA(count), DEF_VA(startswith), DEF_VA(endswith), DEF(strip), DEF(lstrip), DEF(rstrip),
    DEF(upper), DEF(lower), DEF(title), DEF(capitalize), DEF(swapcase), DEF(casefold), DEF(isdigit),
    DEF(isdecimal), DEF(isnumeric), DEF(isalpha), DEF(isalnum), DEF(isspace), DEF(isupper), DEF(islower),
    DEF(istitle), DEF(isidentifier), DEF(isprintable), DEF(isascii), DEF(center), DEF(ljust), DEF(rjust),
    DEF(zfill), DEF(translate), {"maketrans", (void (*)(void))s_maketrans, 0}, /* static: self unused */
    DEF(partition), DEF(rpartition), DEF(expandtabs), DEF(removeprefix), DEF(removesuffix),
    {"encode", (void (*)(void))hx_str_encode, 0}, /* builtins_bytes.c */
    DEF(__getnewargs__),
    {NULL, NULL, 0}};

int hx_str_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){NULL, str_methods};
    out[1] = (hx_mtab){NULL, hx_str_format_methods}; /* builtins_fmt.c: format, format_map */
    return 2;
}
