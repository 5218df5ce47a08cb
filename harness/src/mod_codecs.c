/* mod_codecs.c — _codecs (CPython 3.11 Modules/_codecsmodule.c over Python/codecs.c), what Lib's codecs.py
 * and encodings package import.
 *
 * Owns the _codecs module: the codec search-function registry (register, unregister, lookup:
 * codecs.c's codec_search_path and codec_search_cache), encode/decode through a looked-up codec, the
 * error-handler registry (lookup_error, register_error: codec_error_registry with the built-in handler
 * names) and the codec functions of the common codecs (utf_8_*, ascii_*, latin_1_*), each returning
 * (result, consumed) and doing its work with str.encode / bytes.decode (builtins_str.c,
 * builtins_bytes.c): no second encoder.
 *
 * State: a tuple (search path list, cache dict, error registry dict) made with the module and bound as
 * each function's self, so it dies with the module. As CPython's _PyCodecRegistry_Init, the first lookup
 * with no search function imports `encodings`, which registers its search function.
 * refheap's UnicodeEncodeError/UnicodeDecodeError carry a message only (no object/start/end), so the
 * built-in handlers other than 'strict' exist under their names (codecs.py binds them at import) but
 * are applied only inside str.encode/bytes.decode; calling one directly raises refheap's unsupported error.
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "refheap/bytes.h"
#include "refheap/exc.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *search_path(rh_object *st) { return rh_tuple_get(st, 0); }
static rh_object *cache(rh_object *st) { return rh_tuple_get(st, 1); }
static rh_object *errors_registry(rh_object *st) { return rh_tuple_get(st, 2); }

static int want_str(hx_interp *I, const char *fn, int pos, rh_object *o) {
    if (rh_kind_of(o) == RH_K_STR) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument %d must be str, not %s", fn, pos, hx_tname(o));
    return -1;
}
static int callable(rh_object *o) { return rh_kind_of(o) == RH_K_WEAKREF || rh_type_of(o)->tp_call != NULL; }

/* ---------------------------------------------------------------- the search registry (Python/codecs.c) */

FN(c_register) {
    (void)kwn; (void)kwv;
    if (nkw || n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "register() takes no keyword arguments" : "register() takes exactly one argument (%d given)", n); return NULL; }
    if (!callable(a[0])) { rh_err_set(I->rt, RH_EXC_TYPE, "argument must be callable"); return NULL; }
    if (rh_list_append(I->rt, search_path(self), a[0])) return NULL;
    return newref(rh_none(I->rt));
}
/* PyCodec_Unregister: drop the first entry that is the function (identity) and empty the cache */
FN(c_unregister) {
    (void)kwn; (void)kwv;
    if (nkw || n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "unregister() takes no keyword arguments" : "unregister() takes exactly one argument (%d given)", n); return NULL; }
    rh_object *l = search_path(self);
    for (size_t i = 0; i < rh_list_len(l); i++)
        if (rh_list_get(l, i) == a[0]) {
            rh_dict_clear(I->rt, cache(self));
            if (rh_list_delitem(I->rt, l, (int64_t)i)) return NULL;
            break;
        }
    return newref(rh_none(I->rt));
}

/* normalizestring (3.11): ASCII letters lowered, spaces and hyphens to underscores ('UTF 8', 'utf-8' and
 * 'utf_8' share one cache entry) */
static rh_object *normalize(hx_interp *I, rh_object *name) {
    size_t len;
    const char *s = rh_str_utf8(I->rt, name, &len);
    if (!s) return NULL;
    char *b = malloc(len + 1);
    if (!b) { rh_err_set(I->rt, RH_EXC_MEMORY, NULL); return NULL; }
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        b[i] = c == ' ' || c == '-' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    rh_object *r = rh_str_from_utf8(I->rt, b, len);
    free(b);
    return r;
}

/* _PyCodec_Lookup: the cached CodecInfo, or each search function's answer (None: next) cached under the
 * normalized name; LookupError "unknown encoding: <name>". New reference. */
static rh_object *lookup(hx_interp *I, rh_object *st, rh_object *encoding) {
    if (rh_list_len(search_path(st)) == 0) { /* _PyCodecRegistry_Init: import encodings */
        rh_object *m = hx_import_module(I, "encodings");
        if (!m) return NULL;
        rh_decref(I->rt, m);
    }
    rh_object *key = normalize(I, encoding);
    if (!key) return NULL;
    rh_object *hit = rh_dict_get(I->rt, cache(st), key);
    if (hit) { rh_decref(I->rt, key); return newref(hit); }
    if (rh_list_len(search_path(st)) == 0) {
        rh_decref(I->rt, key);
        rh_err_set(I->rt, RH_EXC_LOOKUP, "no codec search functions registered: can't find encoding");
        return NULL;
    }
    for (size_t i = 0; i < rh_list_len(search_path(st)); i++) {
        rh_object *fn = newref(rh_list_get(search_path(st), i)), *arg = newref(key);
        rh_object *r = hx_call(I, fn, &arg, 1, NULL, NULL, 0);
        rh_decref(I->rt, fn);
        if (!r) { rh_decref(I->rt, key); return NULL; }
        if (r == rh_none(I->rt)) { rh_decref(I->rt, r); continue; }
        if (rh_kind_of(r) != RH_K_TUPLE || rh_len(I->rt, r) != 4) {
            rh_decref(I->rt, r);
            rh_decref(I->rt, key);
            rh_err_set(I->rt, RH_EXC_TYPE, "codec search functions must return 4-tuples");
            return NULL;
        }
        int rc = rh_dict_set(I->rt, cache(st), key, r);
        rh_decref(I->rt, key);
        if (rc) { rh_decref(I->rt, r); return NULL; }
        return r;
    }
    rh_decref(I->rt, key);
    rh_err_set(I->rt, RH_EXC_LOOKUP, "unknown encoding: %s", rh_str_utf8(I->rt, encoding, NULL));
    return NULL;
}
FN(c_lookup) {
    (void)kwn; (void)kwv;
    if (nkw || n != 1) { /* METH_O */
        rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "_codecs.lookup() takes no keyword arguments" : "_codecs.lookup() takes exactly one argument (%d given)", n);
        return NULL;
    }
    rh_object *v[1] = {a[0]};
    if (rh_kind_of(v[0]) != RH_K_STR) { rh_err_set(I->rt, RH_EXC_TYPE, "lookup() argument must be str, not %s", hx_tname(v[0])); return NULL; }
    return lookup(I, self, v[0]);
}
/* _PyCodec_Encode/_PyCodec_Decode: codec[0 or 1](obj, errors), which must give (object, integer) */
static rh_object *coder(hx_interp *I, rh_object *self, int decode, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    static const char *const names[] = {"obj", "encoding", "errors"};
    const char *fn = decode ? "decode" : "encode";
    rh_object *v[3];
    if (hx_parse_kw(I, fn, names, 3, 3, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    if ((v[1] && want_str(I, fn, 2, v[1])) || (v[2] && want_str(I, fn, 3, v[2]))) return NULL;
    rh_object *enc = v[1] ? newref(v[1]) : rh_str_from_cstr(I->rt, "utf-8");
    rh_object *info = enc ? lookup(I, self, enc) : NULL;
    rh_xdecref(I->rt, enc);
    if (!info) return NULL;
    rh_object *f = newref(rh_tuple_get(info, decode ? 1 : 0));
    rh_decref(I->rt, info);
    rh_object *args[2] = {newref(v[0]), v[2] ? newref(v[2]) : rh_str_from_cstr(I->rt, "strict")};
    if (!args[1]) { rh_decref(I->rt, args[0]); rh_decref(I->rt, f); return NULL; }
    rh_object *r = hx_call(I, f, args, 2, NULL, NULL, 0);
    rh_decref(I->rt, f);
    if (!r) return NULL;
    if (rh_kind_of(r) != RH_K_TUPLE || rh_len(I->rt, r) != 2) {
        rh_decref(I->rt, r);
        rh_err_set(I->rt, RH_EXC_TYPE, decode ? "decoder must return a tuple (object,integer)" : "encoder must return a tuple (object, integer)");
        return NULL;
    }
    rh_object *out = newref(rh_tuple_get(r, 0));
    rh_decref(I->rt, r);
    return out;
}
FN(c_encode) { return coder(I, self, 0, a, n, kwn, kwv, nkw); }
FN(c_decode) { return coder(I, self, 1, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- error handlers */

/* strict_errors: raise the exception it is given */
FN(h_strict) {
    (void)self; (void)kwn; (void)kwv;
    if (nkw || n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "strict_errors() takes exactly one argument (%d given)", n); return NULL; }
    if (!rh_is_exc_instance(a[0])) { rh_err_set(I->rt, RH_EXC_TYPE, "codec must pass exception instance"); return NULL; }
    rh_err_set_object(I->rt, newref(a[0]));
    return NULL;
}
/* the other built-in handlers: their names resolve (codecs.py binds them); they run inside
 * str.encode/bytes.decode only, refheap's Unicode errors having no object/start/end to work on */
FN(h_other) {
    (void)self; (void)a; (void)n; (void)kwn; (void)kwv; (void)nkw;
    rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "refheap: the built-in codec error handlers other than 'strict' apply inside str.encode/bytes.decode only (its Unicode errors carry no object/start/end)");
    return NULL;
}
static const rh_builtin_def handler_defs[] = {
    {"strict_errors", (void (*)(void))h_strict, 0}, {"ignore_errors", (void (*)(void))h_other, 0},
    {"replace_errors", (void (*)(void))h_other, 0}, {"xmlcharrefreplace_errors", (void (*)(void))h_other, 0},
    {"backslashreplace_errors", (void (*)(void))h_other, 0}, {"namereplace_errors", (void (*)(void))h_other, 0},
    {"surrogateescape", (void (*)(void))h_other, 0}, {"surrogatepass", (void (*)(void))h_other, 0}, {NULL, NULL, 0}};
static const char *const handler_names[] = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
                                            "namereplace", "surrogateescape", "surrogatepass"};

FN(c_lookup_error) {
    (void)kwn; (void)kwv;
    if (nkw || n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "lookup_error() takes no keyword arguments" : "lookup_error() takes exactly one argument (%d given)", n); return NULL; }
    if (want_str(I, "lookup_error", 1, a[0])) return NULL;
    rh_object *h = rh_dict_get(I->rt, errors_registry(self), a[0]);
    if (h) return newref(h);
    rh_err_set(I->rt, RH_EXC_LOOKUP, "unknown error handler name '%s'", rh_str_utf8(I->rt, a[0], NULL));
    return NULL;
}
FN(c_register_error) {
    (void)kwn; (void)kwv;
    if (nkw || n != 2) { rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "register_error() takes no keyword arguments" : "register_error expected 2 arguments, got %d", n); return NULL; }
    if (want_str(I, "register_error", 1, a[0])) return NULL;
    if (!callable(a[1])) { rh_err_set(I->rt, RH_EXC_TYPE, "handler must be callable"); return NULL; }
    if (rh_dict_set(I->rt, errors_registry(self), a[0], a[1])) return NULL;
    return newref(rh_none(I->rt));
}

/* ---------------------------------------------------------------- the codec functions */

/* obj.<meth>(encoding, errors) (str.encode / bytes.decode): new reference or NULL */
static rh_object *call_method(hx_interp *I, rh_object *obj, const char *meth, const char *encoding, rh_object *errors) {
    rh_object *name = rh_str_from_cstr(I->rt, meth), *f = name ? hx_getattr_obj(I, obj, name) : NULL;
    rh_xdecref(I->rt, name);
    if (!f) return NULL;
    rh_object *args[2] = {rh_str_from_cstr(I->rt, encoding), errors && errors != rh_none(I->rt) ? newref(errors) : rh_str_from_cstr(I->rt, "strict")};
    if (!args[0] || !args[1]) { rh_xdecref(I->rt, args[0]); rh_xdecref(I->rt, args[1]); rh_decref(I->rt, f); return NULL; }
    rh_object *r = hx_call(I, f, args, 2, NULL, NULL, 0);
    rh_decref(I->rt, f);
    return r;
}
static rh_object *pair(hx_interp *I, rh_object *r, int64_t consumed) {
    if (!r) return NULL;
    rh_object *c = rh_int_from_i64(I->rt, consumed), *t = c ? rh_tuple_pack(I->rt, 2, r, c) : NULL;
    rh_xdecref(I->rt, c);
    rh_decref(I->rt, r);
    return t;
}
/* <codec>_encode(str, errors=None, /) -> (bytes, len(str)) */
static rh_object *encode_fn(hx_interp *I, const char *fn, const char *codec, rh_object **a, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return NULL; }
    if (n < 1 || n > 2) { rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "%s expected at least 1 argument, got %d" : "%s expected at most 2 arguments, got %d", fn, n); return NULL; }
    if (want_str(I, fn, 1, a[0]) || (n > 1 && a[1] != rh_none(I->rt) && want_str(I, fn, 2, a[1]))) return NULL;
    return pair(I, call_method(I, a[0], "encode", codec, n > 1 ? a[1] : NULL), (int64_t)rh_str_len(a[0]));
}
/* the length of data's longest prefix that ends on a UTF-8 sequence boundary: a truncated but so far
 * valid sequence at the end waits for more input (final=False, as the incremental decoder needs) */
static size_t utf8_complete(const unsigned char *s, size_t len) {
    for (size_t back = 1; back <= 3 && back <= len; back++) {
        unsigned char c = s[len - back];
        if ((c & 0xC0) == 0x80) continue;
        size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
        return need > back ? len - back : len;
    }
    return len;
}
/* <codec>_decode(data, errors=None, final=False, /) -> (str, bytes consumed) */
static rh_object *decode_fn(hx_interp *I, const char *fn, const char *codec, int has_final, rh_object **a, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return NULL; }
    int hi = has_final ? 3 : 2;
    if (n < 1 || n > hi) { rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "%s expected at least 1 argument, got %d" : "%s expected at most %d arguments, got %d", fn, n < 1 ? n : hi, n); return NULL; }
    rh_kind k = rh_kind_of(a[0]);
    if (k != RH_K_BYTES && k != RH_K_BYTEARRAY) {
        rh_err_set(I->rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(a[0]));
        return NULL;
    }
    if (n > 1 && a[1] != rh_none(I->rt) && want_str(I, fn, 2, a[1])) return NULL;
    int final = 0;
    if (n > 2 && (final = rh_truthy(I->rt, a[2])) < 0) return NULL;
    size_t len = rh_bytes_len(a[0]), use = len;
    if (has_final && !final) use = utf8_complete((const unsigned char *)rh_bytes_data(a[0]), len);
    rh_object *data = newref(a[0]);
    if (use != len) { /* the complete prefix */
        rh_xdecref(I->rt, data);
        data = rh_bytes_new(I->rt, use);
        if (data) memcpy(rh_bytes_wdata(data), rh_bytes_data(a[0]), use);
        if (!data) return NULL;
    }
    rh_object *r = call_method(I, data, "decode", codec, n > 1 ? a[1] : NULL);
    rh_decref(I->rt, data);
    return pair(I, r, (int64_t)use);
}
FN(c_utf_8_encode) { (void)self; (void)kwn; (void)kwv; return encode_fn(I, "utf_8_encode", "utf-8", a, n, nkw); }
FN(c_utf_8_decode) { (void)self; (void)kwn; (void)kwv; return decode_fn(I, "utf_8_decode", "utf-8", 1, a, n, nkw); }
FN(c_ascii_encode) { (void)self; (void)kwn; (void)kwv; return encode_fn(I, "ascii_encode", "ascii", a, n, nkw); }
FN(c_ascii_decode) { (void)self; (void)kwn; (void)kwv; return decode_fn(I, "ascii_decode", "ascii", 0, a, n, nkw); }
FN(c_latin_1_encode) { (void)self; (void)kwn; (void)kwv; return encode_fn(I, "latin_1_encode", "latin-1", a, n, nkw); }
FN(c_latin_1_decode) { (void)self; (void)kwn; (void)kwv; return decode_fn(I, "latin_1_decode", "latin-1", 0, a, n, nkw); }

#define D(py, fn) {py, (void (*)(void))fn, 0}
static const rh_builtin_def codecs_defs[] = {
    D("register", c_register), D("unregister", c_unregister), D("lookup", c_lookup), D("encode", c_encode),
    D("decode", c_decode), D("lookup_error", c_lookup_error),
    D("register_error", c_register_error), D("utf_8_encode", c_utf_8_encode), D("utf_8_decode", c_utf_8_decode),
    D("ascii_encode", c_ascii_encode), D("ascii_decode", c_ascii_decode), D("latin_1_encode", c_latin_1_encode),
    D("latin_1_decode", c_latin_1_decode), {NULL, NULL, 0}};
#undef D

/* _codecs: a new module, or NULL */
rh_object *hx_module__codecs(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (rh_runtime_profile(rt)->python2) {
        rh_err_set(rt, RH_EXC_IMPORT, "No module named _codecs (refheap models 3.x's _codecs only)");
        return NULL;
    }
    static const rh_builtin_def none_defs[] = {{NULL, NULL, 0}}; /* the functions are added below, bound to the state */
    rh_object *m = hx_make_module(I, "_codecs", none_defs);
    rh_object *l = rh_list_new(rt, 0), *c = rh_dict_new(rt), *e = rh_dict_new(rt);
    rh_object *st = m && l && c && e ? rh_tuple_pack(rt, 3, l, c, e) : NULL;
    rh_xdecref(rt, l);
    rh_xdecref(rt, c);
    rh_xdecref(rt, e);
    int rc = st ? 0 : -1;
    for (int i = 0; rc == 0 && codecs_defs[i].name; i++) { /* each function's self is the state */
        rh_object *f = rh_builtin_new(rt, &codecs_defs[i], st);
        rc = f ? rh_dict_set_cstr(rt, rh_module_dict(m), codecs_defs[i].name, f) : -1;
        rh_xdecref(rt, f);
    }
    for (int i = 0; rc == 0 && handler_defs[i].name; i++) { /* codecs.c _PyCodecRegistry_Init's methods */
        rh_object *f = rh_builtin_new(rt, &handler_defs[i], NULL);
        rh_object *k = f ? rh_str_from_cstr(rt, handler_names[i]) : NULL;
        rc = k ? rh_dict_set(rt, e, k, f) : -1;
        rh_xdecref(rt, k);
        rh_xdecref(rt, f);
    }
    rh_xdecref(rt, st);
    if (rc) { rh_xdecref(rt, m); return NULL; }
    return m;
}
