/* builtins_memview.c — memoryview's methods and attributes (CPython 3.11 Objects/memoryobject.c:
 * memory_methods, memory_getsetlist and their clinic parsers in Objects/clinic/memoryobject.c.h), over the
 * type in reference/src/t_memoryview.c.
 *
 * Owns the argument parsing and error words of release, tobytes, tolist, hex, cast, toreadonly,
 * __enter__ and __exit__, and the attributes obj, nbytes, readonly, itemsize, format, ndim, shape,
 * strides, suboffsets, c_contiguous, f_contiguous and contiguous (each refused on a released view).
 * Asked by builtins.c (kind_methods) and interp.c (getattr).
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *none(hx_interp *I) {
    rh_incref(rh_none(I->rt));
    return rh_none(I->rt);
}

static int noargs(hx_interp *I, const char *fn, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n); return -1; }
    return 0;
}

/* memoryview_release_impl */
FN(mv_release) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "release", n, nkw)) return NULL;
    return rh_memoryview_release(I->rt, self) ? NULL : none(I);
}

/* memory_enter: the view itself, unless released */
FN(mv_enter) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "__enter__", n, nkw)) return NULL;
    rh_memoryview_view v;
    if (rh_memoryview_info(I->rt, self, &v)) return NULL;
    rh_incref(self);
    return self;
}

/* memory_exit (METH_VARARGS): release */
FN(mv_exit) {
    (void)a; (void)n; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "__exit__() takes no keyword arguments"); return NULL; }
    return rh_memoryview_release(I->rt, self) ? NULL : none(I);
}

/* memoryview_tobytes_impl: order 'C' (default, or None), 'F' or 'A' */
FN(mv_tobytes) {
    static const char *const names[] = {"order"};
    rh_object *v[1];
    if (hx_parse_kw(I, "tobytes", names, 1, 1, 0, a, n, kwn, kwv, nkw, v)) return NULL;
    char order = 'C';
    if (v[0] && v[0] != rh_none(I->rt)) {
        if (rh_kind_of(v[0]) != RH_K_STR) {
            rh_err_set(I->rt, RH_EXC_TYPE, "tobytes() argument 'order' must be str or None, not %s", hx_tname(v[0]));
            return NULL;
        }
        const char *s = hx_cstr(I, v[0]);
        if (!strcmp(s, "F")) order = 'F';
        else if (!strcmp(s, "A")) order = 'A';
        else if (strcmp(s, "C")) {
            rh_err_set(I->rt, RH_EXC_VALUE, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
    }
    return rh_memoryview_tobytes(I->rt, self, order);
}

FN(mv_tolist) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "tolist", n, nkw)) return NULL;
    return rh_memoryview_tolist(I->rt, self);
}

/* memoryview_hex_impl without a separator (as bytes.hex here): the bytes in C order as hex digits */
FN(mv_hex) {
    (void)a; (void)kwn; (void)kwv;
    if (n || nkw) { rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "memoryview.hex() with a separator"); return NULL; }
    rh_memoryview_view v;
    if (rh_memoryview_info(I->rt, self, &v)) return NULL;
    static const char digits[] = "0123456789abcdef";
    size_t len = (size_t)v.nbytes;
    char *raw = malloc(len ? len : 1), *buf = malloc(len * 2 + 1);
    if (!raw || !buf) abort();
    rh_memoryview_copy(I->rt, self, raw, 'C');
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)raw[i];
        buf[2 * i] = digits[b >> 4];
        buf[2 * i + 1] = digits[b & 15];
    }
    rh_object *r = rh_str_from_utf8(I->rt, buf, len * 2);
    free(raw);
    free(buf);
    return r;
}

/* memoryview_cast_impl's clinic: cast(format, shape=<unrepresentable>) */
FN(mv_cast) {
    static const char *const names[] = {"format", "shape"};
    rh_object *v[2];
    if (hx_parse_kw(I, "cast", names, 2, 2, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    if (rh_kind_of(v[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "cast() argument 'format' must be str, not %s", hx_tname(v[0]));
        return NULL;
    }
    rh_memoryview_view info;
    if (rh_memoryview_info(I->rt, self, &info)) return NULL;
    for (size_t i = 0; i < rh_str_len(v[0]); i++) /* PyUnicode_AsASCIIString */
        if (rh_str_char_at(v[0], i) > 127) {
            rh_err_set(I->rt, RH_EXC_UNICODEENCODE, "'ascii' codec can't encode character '\\u%04x' in position %zu: ordinal not in range(128)",
                       (unsigned)rh_str_char_at(v[0], i), i);
            return NULL;
        }
    return rh_memoryview_cast(I->rt, self, hx_cstr(I, v[0]), v[1]);
}

FN(mv_toreadonly) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "toreadonly", n, nkw)) return NULL;
    return rh_memoryview_toreadonly(I->rt, self);
}

#define D(nm, name) static const rh_builtin_def m_##nm = {name, (void (*)(void))mv_##nm, 0};
D(release, "release") D(tobytes, "tobytes") D(tolist, "tolist") D(hex, "hex") D(cast, "cast")
D(toreadonly, "toreadonly") D(enter, "__enter__") D(exit, "__exit__")
#undef D
static const rh_builtin_def *const memview_methods[] = {
    &m_release, &m_tobytes, &m_hex, &m_tolist, &m_cast, &m_toreadonly, &m_enter, &m_exit, NULL};

int hx_memview_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){memview_methods, NULL};
    return 1;
}

/* a tuple of n ints (_IntTupleFromSsizet: () for NULL) */
static rh_object *int_tuple(hx_interp *I, const intptr_t *v, int n) {
    if (!v) n = 0;
    rh_object *t = rh_tuple_new(I->rt, (size_t)n);
    for (int i = 0; t && i < n; i++) {
        rh_object *x = rh_int_from_i64(I->rt, v[i]);
        if (!x) {
            for (int j = i; j < n; j++) { rh_incref(rh_none(I->rt)); rh_tuple_set(t, (size_t)j, rh_none(I->rt)); }
            rh_decref(I->rt, t);
            return NULL;
        }
        rh_tuple_set(t, (size_t)i, x);
    }
    return t;
}

/* memory_getsetlist: 1 and *out, 0 for another name, -1 with the error set (a released view) */
int hx_memview_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    static const char *const names[] = {"obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape",
                                        "strides", "suboffsets", "c_contiguous", "f_contiguous", "contiguous", NULL};
    int k = 0;
    while (names[k] && strcmp(names[k], name)) k++;
    if (!names[k]) return 0;
    rh_memoryview_view v;
    if (rh_memoryview_info(I->rt, o, &v)) return -1;
    rh_runtime *rt = I->rt;
    switch (k) {
    case 0: *out = v.obj ? v.obj : rh_none(rt); rh_incref(*out); break;
    case 1: *out = rh_int_from_i64(rt, v.nbytes); break;
    case 2: *out = rh_bool(rt, v.readonly); break;
    case 3: *out = rh_int_from_i64(rt, v.itemsize); break;
    case 4: *out = rh_str_from_cstr(rt, v.format); break;
    case 5: *out = rh_int_from_i64(rt, v.ndim); break;
    case 6: *out = int_tuple(I, v.shape, v.ndim); break;
    case 7: *out = int_tuple(I, v.strides, v.ndim); break;
    case 8: *out = int_tuple(I, v.suboffsets, v.ndim); break;
    case 9: *out = rh_bool(rt, v.c_contiguous); break;
    case 10: *out = rh_bool(rt, v.f_contiguous); break;
    default: *out = rh_bool(rt, v.contiguous); break;
    }
    return *out ? 1 : -1;
}
