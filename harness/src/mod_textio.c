/* mod_textio.c — _io.TextIOWrapper over a buffered binary stream (CPython 3.11 Modules/_io/textio.c) and
 * _io.open (Modules/_io/_iomodule.c _io_open_impl), which builtins.open is.
 *
 * Owns TextIOWrapper's methods (__init__, read, readline, write, flush, close, seek, tell, detach, fileno,
 * isatty, readable, writable, seekable, __next__, __repr__), its getters (buffer, name, closed, encoding,
 * errors, newlines, line_buffering, write_through), and hx_io_open.
 * The model: decoding goes through str/bytes' own codecs (bytes.decode / str.encode: the codecs refheap
 * has; an unknown one raises LookupError as CPython). Reading decodes what is left of the buffer at the
 * first read after a seek or write (CPython decodes chunk by chunk with an incremental decoder), keeping the
 * text and a position in it; newline translation and line splitting follow textio.c (None: universal,
 * '\r' and '\r\n' read as '\n'; '': lines end at any of the three, untranslated; '\n', '\r', '\r\n': lines
 * end there). tell() is the byte position (the text before the position encoded again), seek(cookie) a
 * byte position; CPython's cookie packs decoder state too — they agree where no decoder state is pending
 * (docs/conformance.md, io). The state lives in the instance's __dict__ (`__tx_*`).
 *
 * Ownership: every FN takes borrowed arguments and returns a new reference or NULL with the error set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

#define arity hx_io_arity
#define attr hx_io_attr
#define set_attr hx_io_set_attr
#define call hx_io_call  /* mod_iobase.c */
static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }

/* str from C text: new or NULL */
static rh_object *cstr(hx_interp *I, const char *s, size_t len) { return rh_str_from_utf8(I->rt, s, len); }

/* ---------------------------------------------------------------- the state */

typedef struct {
    rh_object *buffer;                 /* owned */
    rh_object *enc, *errors, *newline; /* owned: str, str, None or str */
    rh_object *text;                   /* owned: decoded, not yet returned (from pos), or None */
    int64_t pos, start, line_buffering;
} tx;

static void release(hx_interp *I, tx *t) {
    rh_xdecref(I->rt, t->buffer);
    rh_xdecref(I->rt, t->enc);
    rh_xdecref(I->rt, t->errors);
    rh_xdecref(I->rt, t->newline);
    rh_xdecref(I->rt, t->text);
}

static int get_i(hx_interp *I, rh_object *self, const char *name, int64_t *v) {
    rh_object *o = attr(I, self, name);
    int rc = o ? rh_int_as_i64(I->rt, o, v) : -1;
    rh_xdecref(I->rt, o);
    return rc;
}
static int set_i(hx_interp *I, rh_object *self, const char *name, int64_t v) {
    rh_object *o = rh_int_from_i64(I->rt, v);
    int rc = o ? set_attr(I, self, name, o) : -1;
    rh_xdecref(I->rt, o);
    return rc;
}

/* CHECK_ATTACHED: the state, or ValueError "underlying buffer has been detached"; 0/-1 */
static int load(hx_interp *I, rh_object *self, tx *t) {
    rh_runtime *rt = I->rt;
    *t = (tx){0};
    t->buffer = attr(I, self, "__tx_buffer");
    if (!t->buffer) {
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
            rh_err_clear(rt);
            rh_err_set(rt, RH_EXC_VALUE, "I/O operation on uninitialized object");
        }
        return -1;
    }
    if (t->buffer == rh_none(rt)) {
        release(I, t);
        rh_err_set(rt, RH_EXC_VALUE, "underlying buffer has been detached");
        return -1;
    }
    if (!(t->enc = attr(I, self, "__tx_encoding")) || !(t->errors = attr(I, self, "__tx_errors")) ||
        !(t->newline = attr(I, self, "__tx_newline")) || !(t->text = attr(I, self, "__tx_text")) ||
        get_i(I, self, "__tx_pos", &t->pos) || get_i(I, self, "__tx_start", &t->start) ||
        get_i(I, self, "__tx_line_buffering", &t->line_buffering)) {
        release(I, t);
        return -1;
    }
    return 0;
}

/* CHECK_CLOSED: ValueError "I/O operation on closed file." once buffer.closed; 0/-1 */
static int check_closed(hx_interp *I, tx *t) {
    rh_object *c = attr(I, t->buffer, "closed");
    int v = c ? rh_truthy(I->rt, c) : -1;
    rh_xdecref(I->rt, c);
    if (v > 0) { rh_err_set(I->rt, RH_EXC_VALUE, "I/O operation on closed file."); return -1; }
    return v < 0 ? -1 : 0;
}

/* forget the decoded text (after a seek or a write): the buffer goes back to the byte position of what
 * was returned so far */
static int drop_text(hx_interp *I, rh_object *self, tx *t) {
    rh_runtime *rt = I->rt;
    if (t->text == rh_none(rt)) return 0;
    size_t len = rh_str_len(t->text);
    int64_t back = 0;
    if ((size_t)t->pos < len) { /* the bytes of the text not returned */
        rh_object *rest = rh_str_slice(rt, t->text, t->pos, (int64_t)len, 1);
        rh_object *args[2] = {t->enc, t->errors}, *b = rest ? call(I, rest, "encode", args, 2) : NULL;
        rh_xdecref(rt, rest);
        if (!b) return -1;
        back = (int64_t)rh_bytes_len(b);
        rh_decref(rt, b);
    }
    if (back) {
        rh_object *o = rh_int_from_i64(rt, -back), *w = o ? rh_int_from_i64(rt, 1) : NULL, *args[2] = {o, w};
        rh_object *r = w ? call(I, t->buffer, "seek", args, 2) : NULL;
        rh_xdecref(rt, o);
        rh_xdecref(rt, w);
        if (!r) return -1;
        rh_decref(rt, r);
    }
    if (set_attr(I, self, "__tx_text", rh_none(rt)) || set_i(I, self, "__tx_pos", 0)) return -1;
    rh_setref(rt, &t->text, newref(rh_none(rt)));
    t->pos = 0;
    return 0;
}

/* universal newlines (newline None): "\r\n" and "\r" become "\n" (_PyIncrementalNewlineDecoder_decode) */
static rh_object *translate_in(hx_interp *I, rh_object *s) {
    size_t len;
    const char *p = rh_str_utf8(I->rt, s, &len);
    if (!p) return NULL;
    if (!memchr(p, '\r', len)) return newref(s);
    char *o = malloc(len ? len : 1);
    if (!o) { rh_err_set(I->rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '\r') {
            o[k++] = '\n';
            if (i + 1 < len && p[i + 1] == '\n') i++;
        } else o[k++] = p[i];
    }
    rh_object *r = cstr(I, o, k);
    free(o);
    return r;
}

/* the decoded text ready: what is left of the buffer read and decoded when there is none; 0/-1 */
static int fill_text(hx_interp *I, rh_object *self, tx *t) {
    rh_runtime *rt = I->rt;
    if (t->text != rh_none(rt)) return 0;
    rh_object *tl = call(I, t->buffer, "tell", NULL, 0);
    int64_t start = 0;
    if (tl) {
        int rc = rh_int_as_i64(rt, tl, &start);
        rh_decref(rt, tl);
        if (rc) return -1;
    } else rh_err_clear(rt); /* not seekable: tell() is then refused */
    rh_object *b = call(I, t->buffer, "read", NULL, 0);
    if (!b) return -1;
    if (b == rh_none(rt)) { rh_decref(rt, b); b = rh_bytes_from(rt, "", 0); }
    if (b && !rh_is_byteslike(b)) {
        rh_err_set(rt, RH_EXC_TYPE, "underlying read() should have returned a bytes-like object, not '%s'", hx_tname(b));
        rh_decref(rt, b);
        return -1;
    }
    rh_object *args[2] = {t->enc, t->errors}, *s = b ? call(I, b, "decode", args, 2) : NULL;
    rh_xdecref(rt, b);
    if (s && t->newline == rh_none(rt)) {
        rh_object *u = translate_in(I, s);
        rh_decref(rt, s);
        s = u;
    }
    int rc = !s || set_attr(I, self, "__tx_text", s) || set_i(I, self, "__tx_pos", 0) || set_i(I, self, "__tx_start", start);
    if (!rc) {
        rh_setref(rt, &t->text, newref(s));
        t->pos = 0;
        t->start = start;
    }
    rh_xdecref(rt, s);
    return rc ? -1 : 0;
}

/* the first k characters from pos returned, pos advanced */
static rh_object *take(hx_interp *I, rh_object *self, tx *t, int64_t k) {
    int64_t len = (int64_t)rh_str_len(t->text);
    if (k < 0 || t->pos + k > len) k = len - t->pos;
    rh_object *r = rh_str_slice(I->rt, t->text, t->pos, t->pos + k, 1);
    if (r && set_i(I, self, "__tx_pos", t->pos + k)) rh_setref(I->rt, &r, NULL);
    return r;
}

/* the common start of a read: attached, open, readable, flushed, the text ready */
static int read_start(hx_interp *I, rh_object *self, tx *t) {
    if (load(I, self, t)) return -1;
    if (check_closed(I, t)) goto fail;
    rh_object *r = call(I, t->buffer, "readable", NULL, 0);
    int ok = r ? rh_truthy(I->rt, r) : -1;
    rh_xdecref(I->rt, r);
    if (ok < 0) goto fail;
    if (!ok) { hx_io_unsupported(I, "not readable"); goto fail; }
    if (t->text == rh_none(I->rt)) {
        rh_object *f = call(I, t->buffer, "flush", NULL, 0);
        if (!f) goto fail;
        rh_decref(I->rt, f);
    }
    if (fill_text(I, self, t)) goto fail;
    return 0;
fail:
    release(I, t);
    return -1;
}

/* ---------------------------------------------------------------- __init__ */

static int is_str_or_none(hx_interp *I, rh_object *o) { return !o || o == rh_none(I->rt) || rh_kind_of(o) == RH_K_STR; }

/* _io_TextIOWrapper___init___impl(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
 * write_through=False) */
FN(tx_init) {
    UNUSED;
    rh_runtime *rt = I->rt;
    static const char *const names[] = {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"};
    rh_object *v[6];
    if (hx_parse_kw(I, "TextIOWrapper", names, 6, 6, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    for (int i = 1; i <= 3; i++)
        if (!is_str_or_none(I, v[i])) {
            rh_err_set(rt, RH_EXC_TYPE, "TextIOWrapper() argument '%s' must be str or None, not %s", names[i], hx_tname(v[i]));
            return NULL;
        }
    if (v[3] && v[3] != rh_none(rt)) {
        const char *s = hx_cstr(I, v[3]);
        if (strcmp(s, "") && strcmp(s, "\n") && strcmp(s, "\r") && strcmp(s, "\r\n")) {
            rh_object *r = rh_repr(rt, v[3]);
            rh_err_set(rt, RH_EXC_VALUE, "illegal newline value: %s", r ? hx_cstr(I, r) : "?");
            rh_xdecref(rt, r);
            return NULL;
        }
    }
    int lb = 0, wt = 0;
    if ((v[4] && (lb = rh_truthy(rt, v[4])) < 0) || (v[5] && (wt = rh_truthy(rt, v[5])) < 0)) return NULL;
    /* encoding: as given, else the locale's (UTF-8 here: CPython 3.11 under the C.UTF-8/UTF-8 locales);
     * checked by encoding nothing with it, which raises LookupError for an unknown codec */
    /* 3.10+: encoding="locale" is the locale's as None is (io.text_encoding's answer outside UTF-8 mode) */
    int locale = v[1] && rh_kind_of(v[1]) == RH_K_STR && rh_str_eq_cstr(v[1], "locale") &&
                 rh_runtime_profile(rt)->version_hex >= 0x030A;
    rh_object *enc = v[1] && v[1] != rh_none(rt) && !locale ? newref(v[1]) : cstr(I, "UTF-8", 5);
    rh_object *err = v[2] && v[2] != rh_none(rt) ? newref(v[2]) : cstr(I, "strict", 6);
    rh_object *empty = err ? cstr(I, "", 0) : NULL, *args[2] = {enc, err};
    rh_object *probe = empty ? call(I, empty, "encode", args, 2) : NULL;
    rh_object *nl = v[3] ? v[3] : rh_none(rt);
    int bad = !probe || set_attr(I, self, "__tx_buffer", v[0]) || set_attr(I, self, "__tx_encoding", enc) ||
              set_attr(I, self, "__tx_errors", err) || set_attr(I, self, "__tx_newline", nl) ||
              set_attr(I, self, "__tx_text", rh_none(rt)) || set_i(I, self, "__tx_pos", 0) ||
              set_i(I, self, "__tx_start", 0) || set_i(I, self, "__tx_line_buffering", lb) ||
              set_i(I, self, "__tx_write_through", wt);
    rh_xdecref(rt, probe);
    rh_xdecref(rt, empty);
    rh_xdecref(rt, enc);
    rh_xdecref(rt, err);
    return bad ? NULL : none(I);
}

/* ---------------------------------------------------------------- reading */

/* _io_TextIOWrapper_read_impl(size=-1) */
FN(tx_read) {
    UNUSED;
    rh_runtime *rt = I->rt;
    int64_t size = -1;
    tx t;
    if (arity(I, "read", n, nkw, 0, 1)) return NULL;
    if (n && a[0] != rh_none(rt)) {
        if (!hx_is_intlike(a[0])) {
            rh_err_set(rt, RH_EXC_TYPE, "argument should be integer or None, not '%s'", hx_tname(a[0]));
            return NULL;
        }
        if (rh_index_value(rt, a[0], &size)) return NULL;
    }
    if (read_start(I, self, &t)) return NULL;
    rh_object *r = take(I, self, &t, size);
    release(I, &t);
    return r;
}

/* the end of the line starting at p (exclusive), or 0 when none in [p, len) (_PyIO_find_line_ending) */
static size_t line_end(const char *s, size_t p, size_t len, rh_object *newline, hx_interp *I, int translated) {
    if (translated || newline == rh_none(I->rt)) {
        const char *q = memchr(s + p, '\n', len - p);
        return q ? (size_t)(q - s) + 1 : 0;
    }
    const char *nl = hx_cstr(I, newline);
    if (!*nl) { /* universal, untranslated */
        for (size_t i = p; i < len; i++) {
            if (s[i] == '\n') return i + 1;
            if (s[i] == '\r') return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
        }
        return 0;
    }
    size_t nll = strlen(nl);
    for (size_t i = p; i + nll <= len; i++)
        if (!memcmp(s + i, nl, nll)) return i + nll;
    return 0;
}

/* _textiowrapper_readline(limit): one line (with its ending), at most limit characters */
static rh_object *readline(hx_interp *I, rh_object *self, int64_t limit) {
    tx t;
    if (read_start(I, self, &t)) return NULL;
    size_t len;
    const char *s = rh_str_utf8(I->rt, t.text, &len);
    rh_object *r = NULL;
    if (s) {
        /* positions are characters; the UTF-8 offsets are found by walking */
        size_t bp = 0;
        for (int64_t c = 0; c < t.pos && bp < len; c++) do bp++; while (bp < len && ((unsigned char)s[bp] & 0xC0) == 0x80);
        size_t e = line_end(s, bp, len, t.newline, I, 0), chars = 0;
        if (!e) e = len;
        for (size_t i = bp; i < e; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
        if (limit >= 0 && (int64_t)chars > limit) chars = (size_t)limit;
        r = take(I, self, &t, (int64_t)chars);
    }
    release(I, &t);
    return r;
}
FN(tx_readline) {
    UNUSED;
    int64_t limit = -1;
    if (arity(I, "readline", n, nkw, 0, 1)) return NULL;
    if (n && a[0] != rh_none(I->rt)) {
        if (!hx_is_intlike(a[0])) {
            rh_err_set(I->rt, RH_EXC_TYPE, "argument should be integer or None, not '%s'", hx_tname(a[0]));
            return NULL;
        }
        if (rh_index_value(I->rt, a[0], &limit)) return NULL;
    }
    return readline(I, self, limit);
}
/* textiowrapper_iternext: readline(), StopIteration at "" */
FN(tx_next) {
    UNUSED; (void)a;
    if (arity(I, "__next__", n, nkw, 0, 0)) return NULL;
    rh_object *l = readline(I, self, -1);
    if (l && !rh_str_len(l)) {
        rh_decref(I->rt, l);
        rh_err_set(I->rt, RH_EXC_STOPITERATION, "%s", "");
        return NULL;
    }
    return l;
}

/* ---------------------------------------------------------------- writing */

/* '\n' replaced by the writer's newline ('\r' or '\r\n'); new or NULL */
static rh_object *translate_out(hx_interp *I, rh_object *s, const char *nl) {
    size_t len, nll = strlen(nl), count = 0;
    const char *p = rh_str_utf8(I->rt, s, &len);
    if (!p) return NULL;
    for (size_t i = 0; i < len; i++) count += p[i] == '\n';
    if (!count) return newref(s);
    char *o = malloc(len + count * nll);
    if (!o) { rh_err_set(I->rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '\n') { memcpy(o + k, nl, nll); k += nll; }
        else o[k++] = p[i];
    }
    rh_object *r = cstr(I, o, k);
    free(o);
    return r;
}

/* _io_TextIOWrapper_write_impl(text): translated, encoded, written to the buffer; flushed for
 * line_buffering when the text has a newline or '\r', or write_through; len(text) */
FN(tx_write) {
    UNUSED;
    rh_runtime *rt = I->rt;
    tx t;
    if (arity(I, "write", n, nkw, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "write() argument must be str, not %s", hx_tname(a[0]));
        return NULL;
    }
    if (load(I, self, &t)) return NULL;
    rh_object *r = NULL, *s = NULL, *b = NULL;
    if (check_closed(I, &t) || drop_text(I, self, &t)) goto out;
    const char *nl = t.newline == rh_none(rt) ? "\n" : hx_cstr(I, t.newline);
    int haslf = memchr(hx_cstr(I, a[0]), '\n', strlen(hx_cstr(I, a[0]))) != NULL;
    s = (*nl && strcmp(nl, "\n")) ? translate_out(I, a[0], nl) : newref(a[0]);
    rh_object *args[2] = {t.enc, t.errors};
    b = s ? call(I, s, "encode", args, 2) : NULL;
    rh_object *w = b ? call(I, t.buffer, "write", &b, 1) : NULL;
    if (!w) goto out;
    rh_decref(rt, w);
    int64_t wt = 0;
    if (get_i(I, self, "__tx_write_through", &wt)) goto out;
    if (wt || (t.line_buffering && (haslf || strchr(hx_cstr(I, a[0]), '\r')))) {
        rh_object *f = call(I, t.buffer, "flush", NULL, 0);
        if (!f) goto out;
        rh_decref(rt, f);
    }
    r = rh_int_from_i64(rt, (int64_t)rh_str_len(a[0]));
out:
    rh_xdecref(rt, s);
    rh_xdecref(rt, b);
    release(I, &t);
    return r;
}

/* ---------------------------------------------------------------- positioning, close, the rest */

/* _io_TextIOWrapper_tell_impl: the byte position of what was returned (see the header) */
FN(tx_tell) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    tx t;
    if (arity(I, "tell", n, nkw, 0, 0) || load(I, self, &t)) return NULL;
    rh_object *r = NULL;
    if (check_closed(I, &t)) goto out;
    rh_object *sk = call(I, t.buffer, "seekable", NULL, 0);
    int ok = sk ? rh_truthy(rt, sk) : -1;
    rh_xdecref(rt, sk);
    if (ok <= 0) { if (!ok) hx_io_unsupported(I, "underlying stream is not seekable"); goto out; }
    rh_object *f = call(I, self, "flush", NULL, 0);
    if (!f) goto out;
    rh_decref(rt, f);
    if (t.text == rh_none(rt) || t.pos >= (int64_t)rh_str_len(t.text)) { r = call(I, t.buffer, "tell", NULL, 0); goto out; }
    rh_object *done = rh_str_slice(rt, t.text, 0, t.pos, 1), *args[2] = {t.enc, t.errors};
    rh_object *b = done ? call(I, done, "encode", args, 2) : NULL;
    rh_xdecref(rt, done);
    if (b) r = rh_int_from_i64(rt, t.start + (int64_t)rh_bytes_len(b));
    rh_xdecref(rt, b);
out:
    release(I, &t);
    return r;
}

/* _io_TextIOWrapper_seek_impl(cookie, whence=0): whence 1 and 2 only with cookie 0 */
FN(tx_seek) {
    UNUSED;
    rh_runtime *rt = I->rt;
    int64_t whence = 0, cookie;
    tx t;
    if (arity(I, "seek", n, nkw, 1, 2) || (n > 1 && rh_index_value(rt, a[1], &whence)) || load(I, self, &t)) return NULL;
    rh_object *r = NULL;
    if (check_closed(I, &t)) goto out;
    rh_object *sk = call(I, t.buffer, "seekable", NULL, 0);
    int ok = sk ? rh_truthy(rt, sk) : -1;
    rh_xdecref(rt, sk);
    if (ok <= 0) { if (!ok) hx_io_unsupported(I, "underlying stream is not seekable"); goto out; }
    if (whence == 1 || whence == 2) {
        rh_object *z = rh_int_from_i64(rt, 0);
        int eq = z ? rh_richcompare(rt, RH_CMP_EQ, a[0], z) : -1;
        rh_xdecref(rt, z);
        if (eq < 0) goto out;
        if (!eq) { hx_io_unsupported(I, whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks"); goto out; }
    } else if (whence != 0) {
        rh_err_set(rt, RH_EXC_VALUE, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
        goto out;
    }
    if (whence == 1) { r = tx_tell(I, self, NULL, 0, NULL, NULL, 0); goto out; }
    if (whence == 0) {
        if (rh_kind_of(a[0]) == RH_K_FLOAT) { rh_err_set(rt, RH_EXC_TYPE, "an integer is required"); goto out; }
        if (rh_index_value(rt, a[0], &cookie)) goto out;
        if (cookie < 0) {
            rh_object *rr = rh_repr(rt, a[0]);
            rh_err_set(rt, RH_EXC_VALUE, "negative seek position %s", rr ? hx_cstr(I, rr) : "?");
            rh_xdecref(rt, rr);
            goto out;
        }
    }
    rh_object *f = call(I, self, "flush", NULL, 0);
    if (!f) goto out;
    rh_decref(rt, f);
    if (set_attr(I, self, "__tx_text", rh_none(rt)) || set_i(I, self, "__tx_pos", 0)) goto out;
    {
        rh_object *p = rh_int_from_i64(rt, whence ? 0 : cookie), *w = p ? rh_int_from_i64(rt, whence) : NULL, *args[2] = {p, w};
        r = w ? call(I, t.buffer, "seek", args, 2) : NULL;
        rh_xdecref(rt, p);
        rh_xdecref(rt, w);
    }
out:
    release(I, &t);
    return r;
}

/* _io_TextIOWrapper_flush_impl: the buffer's flush, checked open */
FN(tx_flush) {
    UNUSED; (void)a;
    tx t;
    if (arity(I, "flush", n, nkw, 0, 0) || load(I, self, &t)) return NULL;
    rh_object *r = check_closed(I, &t) ? NULL : call(I, t.buffer, "flush", NULL, 0);
    release(I, &t);
    return r;
}

/* _io_TextIOWrapper_close_impl: nothing when closed; flush (its error kept), then buffer.close() */
FN(tx_close) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    tx t;
    if (arity(I, "close", n, nkw, 0, 0) || load(I, self, &t)) return NULL;
    rh_object *c = attr(I, t.buffer, "closed"), *r = NULL;
    int closed = c ? rh_truthy(rt, c) : -1;
    rh_xdecref(rt, c);
    if (closed) { r = closed < 0 ? NULL : none(I); goto out; }
    rh_object *fl = call(I, self, "flush", NULL, 0), *exc = fl ? NULL : rh_err_fetch(rt);
    rh_xdecref(rt, fl);
    r = call(I, t.buffer, "close", NULL, 0);
    if (exc) {
        if (r) { rh_setref(rt, &r, NULL); rh_err_set_object(rt, exc); }
        else rh_decref(rt, exc);
    }
out:
    release(I, &t);
    return r;
}

/* _io_TextIOWrapper_detach_impl: flushed; the buffer returned and let go */
FN(tx_detach) {
    UNUSED; (void)a;
    tx t;
    if (arity(I, "detach", n, nkw, 0, 0) || load(I, self, &t)) return NULL;
    rh_object *f = call(I, self, "flush", NULL, 0), *r = NULL;
    if (f && !set_attr(I, self, "__tx_buffer", rh_none(I->rt))) r = newref(t.buffer);
    rh_xdecref(I->rt, f);
    release(I, &t);
    return r;
}

static rh_object *forward(hx_interp *I, rh_object *self, int n, int nkw, const char *fn) {
    tx t;
    if (arity(I, fn, n, nkw, 0, 0) || load(I, self, &t)) return NULL;
    rh_object *r = call(I, t.buffer, fn, NULL, 0);
    release(I, &t);
    return r;
}
FN(tx_fileno) { UNUSED; (void)a; return forward(I, self, n, nkw, "fileno"); }
FN(tx_isatty) { UNUSED; (void)a; return forward(I, self, n, nkw, "isatty"); }
FN(tx_readable) { UNUSED; (void)a; return forward(I, self, n, nkw, "readable"); }
FN(tx_writable) { UNUSED; (void)a; return forward(I, self, n, nkw, "writable"); }
FN(tx_seekable) { UNUSED; (void)a; return forward(I, self, n, nkw, "seekable"); }

/* textiowrapper_repr: <T name=R mode=R encoding=R>, name and mode left out when they cannot be read */
FN(tx_repr) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    if (arity(I, "__repr__", n, nkw, 0, 0)) return NULL;
    rh_object *enc = attr(I, self, "__tx_encoding");
    if (!enc) return NULL;
    const char *keys[2] = {"name", "mode"};
    rh_object *reps[3] = {0};
    for (int i = 0; i < 2; i++) {
        rh_object *v = attr(I, self, keys[i]);
        if (!v) {
            rh_exc k = rh_err_occurred(rt);
            if (k != RH_EXC_VALUE && k != RH_EXC_ATTRIBUTE) goto fail;
            rh_err_clear(rt);
            continue;
        }
        reps[i] = rh_repr(rt, v);
        rh_decref(rt, v);
        if (!reps[i]) goto fail;
    }
    if (!(reps[2] = rh_repr(rt, enc))) goto fail;
    {
        const char *tn = hx_tname(self);
        size_t cap = strlen(tn) + 64;
        for (int i = 0; i < 3; i++) cap += reps[i] ? strlen(hx_cstr(I, reps[i])) : 0;
        char *buf = malloc(cap);
        rh_object *s = NULL;
        if (buf) {
            int k = snprintf(buf, cap, "<%s", tn);
            if (reps[0]) k += snprintf(buf + k, cap - (size_t)k, " name=%s", hx_cstr(I, reps[0]));
            if (reps[1]) k += snprintf(buf + k, cap - (size_t)k, " mode=%s", hx_cstr(I, reps[1]));
            snprintf(buf + k, cap - (size_t)k, " encoding=%s>", hx_cstr(I, reps[2]));
            s = cstr(I, buf, strlen(buf));
            free(buf);
        } else rh_err_set(rt, RH_EXC_MEMORY, "%s", "");
        for (int i = 0; i < 3; i++) rh_xdecref(rt, reps[i]);
        rh_decref(rt, enc);
        return s;
    }
fail:
    for (int i = 0; i < 3; i++) rh_xdecref(rt, reps[i]);
    rh_decref(rt, enc);
    return NULL;
}

/* the getters */
static rh_object *state_getter(hx_interp *I, rh_object **a, int n, const char *key, const char *buffer_attr) {
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "getter takes one argument"); return NULL; }
    tx t;
    if (load(I, a[0], &t)) return NULL;
    rh_object *r = buffer_attr ? (*buffer_attr ? attr(I, t.buffer, buffer_attr) : newref(t.buffer)) : attr(I, a[0], key);
    release(I, &t);
    return r;
}
FN(g_buffer) { UNUSED; (void)self; (void)nkw; return state_getter(I, a, n, NULL, ""); }
FN(g_name) { UNUSED; (void)self; (void)nkw; return state_getter(I, a, n, NULL, "name"); }
FN(g_closed) { UNUSED; (void)self; (void)nkw; return state_getter(I, a, n, NULL, "closed"); }
FN(g_encoding) { UNUSED; (void)self; (void)nkw; return state_getter(I, a, n, "__tx_encoding", NULL); }
FN(g_errors) { UNUSED; (void)self; (void)nkw; return state_getter(I, a, n, "__tx_errors", NULL); }
FN(g_newlines) { UNUSED; (void)self; (void)nkw; (void)a; (void)n; return none(I); }
static rh_object *bool_getter(hx_interp *I, rh_object **a, int n, const char *key) {
    rh_object *v = state_getter(I, a, n, key, NULL);
    if (!v) return NULL;
    int t = rh_truthy(I->rt, v);
    rh_decref(I->rt, v);
    return t < 0 ? NULL : newref(t ? rh_true(I->rt) : rh_false(I->rt));
}
FN(g_line_buffering) { UNUSED; (void)self; (void)nkw; return bool_getter(I, a, n, "__tx_line_buffering"); }
FN(g_write_through) { UNUSED; (void)self; (void)nkw; return bool_getter(I, a, n, "__tx_write_through"); }

static const rh_builtin_def textio_defs[] = {
    {"__init__", (void (*)(void))tx_init, 0},
    {"read", (void (*)(void))tx_read, 0},
    {"readline", (void (*)(void))tx_readline, 0},
    {"write", (void (*)(void))tx_write, 0},
    {"flush", (void (*)(void))tx_flush, 0},
    {"close", (void (*)(void))tx_close, 0},
    {"seek", (void (*)(void))tx_seek, 0},
    {"tell", (void (*)(void))tx_tell, 0},
    {"detach", (void (*)(void))tx_detach, 0},
    {"fileno", (void (*)(void))tx_fileno, 0},
    {"isatty", (void (*)(void))tx_isatty, 0},
    {"readable", (void (*)(void))tx_readable, 0},
    {"writable", (void (*)(void))tx_writable, 0},
    {"seekable", (void (*)(void))tx_seekable, 0},
    {"__next__", (void (*)(void))tx_next, 0},
    {"__repr__", (void (*)(void))tx_repr, 0},
    {NULL, NULL, 0}};

static const rh_builtin_def textio_getters[] = {
    {"buffer", (void (*)(void))g_buffer, 0}, {"name", (void (*)(void))g_name, 0},
    {"closed", (void (*)(void))g_closed, 0}, {"encoding", (void (*)(void))g_encoding, 0},
    {"errors", (void (*)(void))g_errors, 0}, {"newlines", (void (*)(void))g_newlines, 0},
    {"line_buffering", (void (*)(void))g_line_buffering, 0}, {"write_through", (void (*)(void))g_write_through, 0},
    {NULL, NULL, 0}};

int hx_io_add_textio(hx_interp *I, rh_object *d) {
    rh_object *base = rh_dict_get_cstr(I->rt, d, "_TextIOBase");
    rh_object *cls = base ? hx_io_make_class(I, "TextIOWrapper", "_io.TextIOWrapper", base, textio_defs) : NULL;
    int rc = !cls;
    for (int g = 0; !rc && textio_getters[g].name; g++) rc = hx_io_add_property(I, cls, &textio_getters[g]);
    rc = rc || rh_dict_set_cstr(I->rt, d, "TextIOWrapper", cls);
    rh_xdecref(I->rt, cls);
    return rc ? -1 : 0;
}

/* ---------------------------------------------------------------- open() */

/* _io.<name>(args...) with _io's class; new or NULL */
static rh_object *make(hx_interp *I, const char *cls, rh_object **args, int nargs) {
    rh_object *m = hx_import_module(I, "_io");
    rh_object *c = m ? rh_dict_get_cstr(I->rt, rh_module_dict(m), cls) : NULL;
    rh_object *r = c ? hx_call_borrowed(I, c, args, nargs) : NULL;
    if (m && !c && !rh_err_occurred(I->rt)) rh_err_set(I->rt, RH_EXC_IMPORT, "_io.%s is missing", cls);
    rh_xdecref(I->rt, m);
    return r;
}

/* _io_open_impl(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
 * opener=None) */
rh_object *hx_io_open(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"};
    rh_object *v[8];
    if (hx_parse_kw(I, "open", names, 8, 8, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    rh_kind fk = rh_kind_of(v[0]);
    if (fk != RH_K_STR && fk != RH_K_BYTES && fk != RH_K_FLOAT && !hx_is_intlike(v[0])) { /* PyNumber_Check */
        rh_object *fs = hx_name(I, "__fspath__"), *m = fs && fk != RH_K_TYPE ? hx_getattr_obj(I, v[0], fs) : NULL;
        if (m) rh_decref(rt, m);
        else {
            if (rh_err_occurred(rt) && rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return NULL;
            rh_err_clear(rt);
            rh_object *r = rh_repr(rt, v[0]);
            rh_err_set(rt, RH_EXC_TYPE, "invalid file: %s", r ? hx_cstr(I, r) : "?");
            rh_xdecref(rt, r);
            return NULL;
        }
    }
    const char *mode = "r";
    if (v[1]) {
        if (rh_kind_of(v[1]) != RH_K_STR) { rh_err_set(rt, RH_EXC_TYPE, "open() argument 'mode' must be str, not %s", hx_tname(v[1])); return NULL; }
        mode = hx_cstr(I, v[1]);
    }
    int64_t buffering = -1;
    if (v[2] && rh_index_value(rt, v[2], &buffering)) return NULL;
    for (int i = 3; i <= 5; i++)
        if (!is_str_or_none(I, v[i])) {
            rh_err_set(rt, RH_EXC_TYPE, "open() argument '%s' must be str or None, not %s", names[i], hx_tname(v[i]));
            return NULL;
        }
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0, binary = 0;
    for (const char *s = mode; *s; s++) {
        if (!strchr("xrwa+tb", *s) || strchr(s + 1, *s)) { rh_err_set(rt, RH_EXC_VALUE, "invalid mode: '%s'", mode); return NULL; }
        switch (*s) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        default: binary = 1; break;
        }
    }
    char rawmode[4] = {0};
    rawmode[0] = creating ? 'x' : reading ? 'r' : writing ? 'w' : appending ? 'a' : 0;
    if (updating) rawmode[rawmode[0] ? 1 : 0] = '+';
    rh_object *nonestr = rh_none(rt);
    if (text && binary) { rh_err_set(rt, RH_EXC_VALUE, "can't have text and binary mode at once"); return NULL; }
    if (creating + reading + writing + appending > 1) {
        rh_err_set(rt, RH_EXC_VALUE, "must have exactly one of create/read/write/append mode");
        return NULL;
    }
    if (binary && v[3] && v[3] != nonestr) { rh_err_set(rt, RH_EXC_VALUE, "binary mode doesn't take an encoding argument"); return NULL; }
    if (binary && v[4] && v[4] != nonestr) { rh_err_set(rt, RH_EXC_VALUE, "binary mode doesn't take an errors argument"); return NULL; }
    if (binary && v[5] && v[5] != nonestr) { rh_err_set(rt, RH_EXC_VALUE, "binary mode doesn't take a newline argument"); return NULL; }
    rh_object *rm = cstr(I, rawmode, strlen(rawmode)), *cfd = v[6] ? v[6] : rh_true(rt), *op = v[7] ? v[7] : nonestr;
    rh_object *rargs[4] = {v[0], rm, cfd, op};
    rh_object *raw = rm ? make(I, "FileIO", rargs, 4) : NULL, *result = NULL, *buffer = NULL;
    rh_xdecref(rt, rm);
    if (!raw) return NULL;
    int line_buffering = buffering == 1;
    if (buffering < 0) {
        rh_object *tty = call(I, raw, "isatty", NULL, 0);
        int t = tty ? rh_truthy(rt, tty) : -1;
        rh_xdecref(rt, tty);
        if (t < 0) goto fail;
        line_buffering = t;
    }
    if (buffering == 1 || buffering < 0) {
        int64_t bs = 8 * 1024;
        rh_object *b = attr(I, raw, "_blksize");
        if (!b || rh_int_as_i64(rt, b, &bs)) { rh_xdecref(rt, b); goto fail; }
        rh_decref(rt, b);
        buffering = bs > 1 ? bs : 8 * 1024;
    }
    if (buffering == 0) {
        if (binary) return raw;
        rh_err_set(rt, RH_EXC_VALUE, "can't have unbuffered text I/O");
        goto fail;
    }
    const char *bcls = updating ? "BufferedRandom" : (creating || writing || appending) ? "BufferedWriter" : "BufferedReader";
    rh_object *bsz = rh_int_from_i64(rt, buffering), *bargs[2] = {raw, bsz};
    buffer = bsz ? make(I, bcls, bargs, 2) : NULL;
    rh_xdecref(rt, bsz);
    if (!buffer) goto fail;
    if (binary) { rh_decref(rt, raw); return buffer; }
    rh_object *lb = line_buffering ? rh_true(rt) : rh_false(rt);
    rh_object *targs[5] = {buffer, v[3] ? v[3] : nonestr, v[4] ? v[4] : nonestr, v[5] ? v[5] : nonestr, lb};
    result = make(I, "TextIOWrapper", targs, 5);
    rh_object *mo = result ? (v[1] ? newref(v[1]) : cstr(I, "r", 1)) : NULL;
    int bad = !mo || set_attr(I, result, "mode", mo);
    rh_xdecref(rt, mo);
    if (bad) goto fail;
    rh_decref(rt, buffer);
    rh_decref(rt, raw);
    return result;
fail: /* _io_open_impl's error path: the innermost object made is closed, its error kept */
    {
        rh_object *exc = rh_err_fetch(rt), *c = call(I, result ? result : buffer ? buffer : raw, "close", NULL, 0);
        rh_xdecref(rt, c);
        rh_err_clear(rt);
        if (exc) rh_err_set_object(rt, exc);
    }
    rh_xdecref(rt, result);
    rh_xdecref(rt, buffer);
    rh_decref(rt, raw);
    return NULL;
}
