/* builtins_iter.c — the iterator built-ins, sets, and the small built-ins real programs use.
 *
 * Owns: enumerate, zip, map, filter, reversed, set and frozenset (bound as their type objects, called
 * through hx_builtins_iter_constructor), iter, next, ord, chr, hex, oct, bin, round, issubclass, getattr,
 * setattr, hasattr, delattr; the methods of set and frozenset; dict.fromkeys; sys.stdout / sys.stderr
 * for print(file=...). The objects themselves are the library's (reference/src/t_set.c, t_enumerate.c,
 * t_zipmap.c); this file parses arguments and words errors as CPython 3.11's Python/bltinmodule.c and
 * Objects/setobject.c do. Every function has the hx_cfn signature: arguments borrowed, a new reference
 * or NULL with the runtime error set. Registered from one place: hx_builtins_init calls
 * hx_builtins_iter_init.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self; (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }

/* "f() takes no keyword arguments" unless nkw is 0 */
static int no_kw(hx_interp *I, const char *f, int nkw) {
    if (nkw == 0) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", f);
    return -1;
}

/* the argument-count errors of METH_O / METH_VARARGS built-ins (Python/getargs.c, bltinmodule.c) */
static int nargs(hx_interp *I, const char *f, int n, int lo, int hi) {
    if (n >= lo && n <= hi) return 0;
    if (lo == 1 && hi == 1)
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", f, n);
    else if (n < lo)
        rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %s%d argument%s, got %d", f, lo == hi ? "" : "at least ", lo,
                   lo == 1 ? "" : "s", n);
    else
        rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", f, hi, hi == 1 ? "" : "s", n);
    return -1;
}

static int py2_lists(hx_interp *I) { return rh_runtime_profile(I->rt)->iter_builtins_return_lists; }

/* A list of everything an iterator yields (the py27 forms of zip/map/filter). Steals it. */
static rh_object *drain(hx_interp *I, rh_object *it) {
    if (!it) return NULL;
    rh_object *l = rh_list_new(I->rt, 0), *x;
    while (l && (x = rh_iternext(I->rt, it))) {
        int rc = rh_list_append(I->rt, l, x);
        rh_decref(I->rt, x);
        if (rc) { rh_decref(I->rt, l); l = NULL; }
    }
    if (l && rh_err_occurred(I->rt)) { rh_decref(I->rt, l); l = NULL; }
    rh_decref(I->rt, it);
    return l;
}

/* ---------------------------------------------------------------- iterator constructors */

FN(bi_enumerate) {
    UNUSED_ARGS;
    rh_object *start = n > 1 ? a[1] : NULL;
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kwn[k], "start") && !start) { start = kwv[k]; continue; }
        if (!strcmp(kwn[k], "iterable") && n == 0) { a = &kwv[k]; n = 1; continue; }
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for enumerate()", kwn[k]);
        return NULL;
    }
    if (n < 1) { rh_err_set(I->rt, RH_EXC_TYPE, "enumerate() missing required argument 'iterable' (pos 1)"); return NULL; }
    if (n > 2) { rh_err_set(I->rt, RH_EXC_TYPE, "enumerate() takes at most 2 arguments (%d given)", n); return NULL; }
    int64_t s = 0;
    if (start) {
        if (!start->type->as_number.nb_index) {
            rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(start));
            return NULL;
        }
        if (rh_index_value(I->rt, start, &s)) return NULL;
    }
    if (rh_runtime_profile(I->rt)->enumerate_vectorcall) return rh_enumerate_new(I->rt, a[0], s);
    rh_object *args = n == 2 ? rh_tuple_pack(I->rt, 2, a[0], a[1]) : rh_tuple_pack(I->rt, 1, a[0]);
    rh_object *e = args ? rh_enumerate_new(I->rt, a[0], s) : NULL; /* type_call: tp_new(type, args) */
    rh_xdecref(I->rt, args);
    return e;
}

FN(bi_zip) {
    UNUSED_ARGS;
    for (int k = 0; k < nkw; k++)
        if (strcmp(kwn[k], "strict") || rh_truthy(I->rt, kwv[k])) {
            rh_err_set(I->rt, strcmp(kwn[k], "strict") ? RH_EXC_TYPE : RH_EXC_UNSUPPORTED,
                       strcmp(kwn[k], "strict") ? "zip() got an unexpected keyword argument '%s'" : "zip(%s=True)", kwn[k]);
            return NULL;
        }
    rh_object *z = rh_zip_new(I->rt, a, (size_t)n);
    return py2_lists(I) ? drain(I, z) : z;
}

FN(bi_map) {
    UNUSED_ARGS;
    if (no_kw(I, "map", nkw)) return NULL;
    if (n < 2) { rh_err_set(I->rt, RH_EXC_TYPE, "map() must have at least two arguments."); return NULL; }
    rh_object *m = rh_map_new(I->rt, a[0], a + 1, (size_t)(n - 1));
    return py2_lists(I) ? drain(I, m) : m;
}

FN(bi_filter) {
    UNUSED_ARGS;
    if (no_kw(I, "filter", nkw) || nargs(I, "filter", n, 2, 2)) return NULL;
    rh_object *f = rh_filter_new(I->rt, a[0], a[1]);
    if (!py2_lists(I) || !f) return f;
    rh_object *l = drain(I, f); /* 2.7's filter keeps a tuple a tuple (filtertuple) */
    if (!l || rh_kind_of(a[1]) != RH_K_TUPLE) return l;
    rh_object *t = rh_tuple_new(I->rt, rh_list_len(l));
    for (size_t i = 0; t && i < rh_list_len(l); i++) rh_tuple_set(t, i, newref(rh_list_get(l, i)));
    rh_decref(I->rt, l);
    return t;
}

/* reversed_new_impl: _PyObject_LookupSpecial(seq, "__reversed__") on a class's instance first (None:
 * "not reversible"), called as it is; else the sequence protocol (t_enumerate.c) */
FN(bi_reversed) {
    UNUSED_ARGS;
    if (no_kw(I, "reversed", nkw) || nargs(I, "reversed", n, 1, 1)) return NULL;
    rh_kind k = rh_kind_of(a[0]);
    const rh_builtin_def *rd = rh_type_of(a[0]) == rh_builtin_type(I->rt, k) && (k == RH_K_MAPPINGPROXY || k == RH_K_DICT || rh_dictview_is_view(a[0]))
                                   ? hx_kind_method_def(I, k, "__reversed__") : NULL;
    if (rd) /* the type's __reversed__: mappingproxy's reversed(mapping), dict's and its views' reverse iterators (3.8+) */
        return hx_call_def(I, rd, a[0], NULL, 0, NULL, NULL, 0);
    /* a class's __reversed__ and the sequence protocol: reversed_new_impl (t_enumerate.c) */
    return rh_reversed_new(I->rt, a[0]);
}

FN(bi_set) {
    UNUSED_ARGS;
    if (no_kw(I, "set", nkw) || nargs(I, "set", n, 0, 1)) return NULL;
    return rh_set_new(I->rt, n ? a[0] : NULL);
}

FN(bi_frozenset) {
    UNUSED_ARGS;
    if (no_kw(I, "frozenset", nkw) || nargs(I, "frozenset", n, 0, 1)) return NULL;
    return rh_frozenset_new(I->rt, n ? a[0] : NULL);
}

/* ---------------------------------------------------------------- iter, next */

FN(bi_iter) {
    UNUSED_ARGS;
    if (no_kw(I, "iter", nkw) || nargs(I, "iter", n, 1, 2)) return NULL;
    if (n == 2) { /* builtin_iter: a callable_iterator (Objects/iterobject.c) */
        if (rh_kind_of(a[0]) != RH_K_WEAKREF && !rh_type_of(a[0])->tp_call) {
            rh_err_set(I->rt, RH_EXC_TYPE, RH_API(I, "builtins", "msg:iter-object-sentinel")
                                               ? "iter(object, sentinel): object must be callable" : "iter(v, w): v must be callable");
            return NULL;
        }
        return rh_calliter_new(I->rt, a[0], a[1]);
    }
    return rh_getiter(I->rt, a[0]);
}

FN(bi_next) {
    UNUSED_ARGS;
    if (no_kw(I, "next", nkw) || nargs(I, "next", n, 1, 2)) return NULL;
    if (!a[0]->type->tp_iternext) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object is not an iterator", hx_tname(a[0]));
        return NULL;
    }
    /* builtin_next (Python/bltinmodule.c): tp_iternext itself, so the iterator's StopIteration (and its
     * value) is what propagates; a default replaces only a StopIteration */
    rh_object *r = a[0]->type->tp_iternext(I->rt, a[0]);
    if (r) return r;
    rh_exc pending = rh_err_occurred(I->rt);
    if (n == 2 && (!pending || pending == RH_EXC_STOPITERATION)) {
        rh_err_clear(I->rt);
        return newref(a[1]);
    }
    if (!pending) rh_err_set(I->rt, RH_EXC_STOPITERATION, "%s", "");
    return NULL;
}

/* ---------------------------------------------------------------- characters and number text */

FN(bi_ord) {
    UNUSED_ARGS;
    if (no_kw(I, "ord", nkw) || nargs(I, "ord", n, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "ord() expected string of length 1, but %s found", hx_tname(a[0]));
        return NULL;
    }
    size_t len = rh_str_len(a[0]);
    if (len != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "ord() expected a character, but string of length %zu found", len);
        return NULL;
    }
    return rh_int_from_i64(I->rt, rh_str_char_at(a[0], 0));
}

FN(bi_chr) {
    UNUSED_ARGS;
    if (no_kw(I, "chr", nkw) || nargs(I, "chr", n, 1, 1)) return NULL;
    int64_t c;
    if (!hx_is_intlike(a[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(a[0]));
        return NULL;
    }
    if (rh_int_as_i64(I->rt, a[0], &c)) { rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C int"); return NULL; }
    if (c < 0 || c > 0x10ffff) { rh_err_set(I->rt, RH_EXC_VALUE, "chr() arg not in range(0x110000)"); return NULL; }
    if (c >= 0xd800 && c <= 0xdfff) { rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "chr() of a surrogate"); return NULL; }
    char u[4];
    size_t k;
    if (c < 0x80) u[0] = (char)c, k = 1;
    else if (c < 0x800) u[0] = (char)(0xc0 | (c >> 6)), u[1] = (char)(0x80 | (c & 0x3f)), k = 2;
    else if (c < 0x10000) u[0] = (char)(0xe0 | (c >> 12)), u[1] = (char)(0x80 | ((c >> 6) & 0x3f)), u[2] = (char)(0x80 | (c & 0x3f)), k = 3;
    else u[0] = (char)(0xf0 | (c >> 18)), u[1] = (char)(0x80 | ((c >> 12) & 0x3f)), u[2] = (char)(0x80 | ((c >> 6) & 0x3f)), u[3] = (char)(0x80 | (c & 0x3f)), k = 4;
    return rh_str_from_utf8(I->rt, u, k);
}

static rh_object *to_base(hx_interp *I, const char *f, rh_object **a, int n, int nkw, int base) {
    if (no_kw(I, f, nkw) || nargs(I, f, n, 1, 1)) return NULL;
    if (!hx_is_intlike(a[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(a[0]));
        return NULL;
    }
    return rh_int_to_base(I->rt, a[0], base);
}
FN(bi_hex) { UNUSED_ARGS; return to_base(I, "hex", a, n, nkw, 16); }
FN(bi_oct) { UNUSED_ARGS; return to_base(I, "oct", a, n, nkw, 8); }
FN(bi_bin) { UNUSED_ARGS; return to_base(I, "bin", a, n, nkw, 2); }

/* float_round: round half to even to an int without ndigits; with ndigits the correctly rounded decimal
 * (CPython's double_round via _Py_dg_dtoa mode 3; glibc's printf rounds the exact binary value the same
 * way), read back. int: itself, or rounded to 10**-ndigits half to even (long_round). */
static rh_object *round_float(hx_interp *I, double x, rh_object *nd) {
    if (!nd) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
        return rh_int_from_double(I->rt, r);
    }
    int64_t ndigits;
    if (rh_index_value(I->rt, nd, &ndigits)) return NULL;
    if (!isfinite(x) || ndigits > 323) return rh_float_new(I->rt, x);
    if (ndigits < -308) return rh_float_new(I->rt, 0.0 * x);
    if (ndigits < 0) { rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "round(float, negative ndigits)"); return NULL; }
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
    double r = strtod(buf, NULL);
    if (r == 0.0) r = copysign(0.0, x);
    return rh_float_new(I->rt, r);
}

/* long_long: an exact int is itself, a bool or a subclass's instance the plain int of its value (int's own
 * nb_int, not a subclass's __int__) */
static rh_object *int_of(hx_interp *I, rh_object *x) {
    return rh_builtin_type(I->rt, RH_K_INT)->as_number.nb_int(I->rt, x);
}

static rh_object *round_int(hx_interp *I, rh_object *x, rh_object *nd) {
    int64_t ndigits, v;
    if (rh_index_value(I->rt, nd, &ndigits)) return NULL;
    if (ndigits >= 0) return int_of(I, x);
    if (rh_int_as_i64(I->rt, x, &v)) return NULL;
    if (ndigits < -18) return rh_int_from_i64(I->rt, 0);
    int64_t p = 1;
    for (int64_t i = 0; i < -ndigits; i++) p *= 10;
    int64_t q = v / p, r = v % p;
    if (r < 0) { r += p; q--; }                      /* floor division */
    if (2 * r > p || (2 * r == p && (q & 1))) q++;   /* half to even */
    return rh_int_from_i64(I->rt, q * p);
}

/* 2.7's builtin_round: always a float, halves away from zero (round(x * 10**n) / 10**n, as 2.7's
 * fallback; the correctly rounded text is used where no tie is exact) */
static rh_object *round27(hx_interp *I, rh_object *x, rh_object *nd) {
    double v;
    int64_t ndigits = 0;
    if (rh_kind_of(x) == RH_K_FLOAT) v = rh_float_value(x);
    else if (!hx_is_intlike(x) || rh_int_as_double(I->rt, x, &v)) {
        if (!rh_err_occurred(I->rt)) rh_err_set(I->rt, RH_EXC_TYPE, "a float is required");
        return NULL;
    }
    if (nd && rh_index_value(I->rt, nd, &ndigits)) return NULL;
    if (!isfinite(v) || ndigits > 22 || ndigits < -22) return rh_float_new(I->rt, v);
    double p = pow(10.0, (double)(ndigits < 0 ? -ndigits : ndigits));
    double y = ndigits >= 0 ? v * p : v / p, z = round(y);
    if (fabs(y - z) == 0.5) z = y + copysign(0.5, y);
    double r = ndigits >= 0 ? z / p : z * p;
    if (ndigits > 0) { /* _Py_double_round: the exact value's decimal digits, a tie away from zero */
        char buf[128];
        int len = snprintf(buf, sizeof buf, "%.*f", (int)ndigits + 60, v), cut = len - 60, tie = buf[cut] == '5';
        for (int i = cut + 1; tie && i < len; i++) tie = buf[i] == '0';
        /* an exact tie is moved one ulp away from zero, so printf's half-even rounding goes that way */
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, tie ? nextafter(v, copysign(INFINITY, v)) : v);
        r = strtod(buf, NULL);
    }
    return rh_float_new(I->rt, r);
}

FN(bi_round) {
    UNUSED_ARGS;
    rh_object *nd = n > 1 ? a[1] : NULL;
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kwn[k], "ndigits")) { nd = kwv[k]; continue; }
        rh_err_set(I->rt, RH_EXC_TYPE, "round() got an unexpected keyword argument '%s'", kwn[k]);
        return NULL;
    }
    if (nargs(I, "round", n, 1, 2)) return NULL;
    if (nd == rh_none(I->rt)) nd = NULL;
    if (rh_runtime_profile(I->rt)->python2) return round27(I, a[0], nd);
    if (rh_kind_of(a[0]) == RH_K_FLOAT) return round_float(I, rh_float_value(a[0]), nd);
    if (hx_is_intlike(a[0])) {
        if (!nd) return int_of(I, a[0]);
        return round_int(I, a[0], nd);
    }
    int found; /* builtin_round_impl: the type's __round__(), or __round__(ndigits) */
    rh_object *r = rh_call_special(I->rt, a[0], "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
    if (!found && !rh_err_occurred(I->rt))
        rh_err_set(I->rt, RH_EXC_TYPE, "type %s doesn't define __round__ method", hx_tname(a[0]));
    return r;
}

/* ---------------------------------------------------------------- classes and attributes */

/* issubclass: Objects/abstract.c object_issubclass (type's own check, a union's args from 3.11, tuples, then
 * type(cls).__subclasscheck__) and recursive_issubclass's check_class. 1/0, -1 with the error set. */
static int subclass_of(hx_interp *I, rh_object *c, rh_object *cls) {
    int r;
    if (rh_kind_of(cls) != RH_K_TYPE) {
        if (rh_union_check(cls) && !RH_API(I, "types.UnionType", "__subclasscheck__")) cls = rh_union_args(cls);
        if (rh_kind_of(cls) == RH_K_TUPLE) {
            for (size_t i = 0; i < rh_tuple_len(cls); i++)
                if ((r = subclass_of(I, c, rh_tuple_get(cls, i)))) return r;
            return 0;
        }
    }
    if ((r = hx_meta_check(I, cls, "__subclasscheck__", c)) != 2) return r; /* type(cls).__subclasscheck__ */
    if (rh_kind_of(c) != RH_K_TYPE) { /* recursive_issubclass's check_class, arg 1 first */
        rh_err_set(I->rt, RH_EXC_TYPE, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (rh_kind_of(cls) != RH_K_TYPE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    rh_type *t = (rh_type *)c;
    if (((rh_type *)cls)->kind == RH_K_OBJECT) return 1;
    for (rh_type *b = t; b; b = b->base)
        if ((rh_object *)b == cls) return 1;
    if (t->mro)
        for (size_t i = 0; i < rh_tuple_len(t->mro); i++)
            if (rh_tuple_get(t->mro, i) == cls) return 1;
    return 0;
}

int hx_issubclass(hx_interp *I, rh_object *c, rh_object *cls) { return subclass_of(I, c, cls); }

FN(bi_issubclass) {
    UNUSED_ARGS;
    if (no_kw(I, "issubclass", nkw) || nargs(I, "issubclass", n, 2, 2)) return NULL;
    int r = subclass_of(I, a[0], a[1]);
    return r < 0 ? NULL : rh_bool(I->rt, r);
}

static int attr_name(hx_interp *I, const char *f, rh_object *name) {
    if (rh_kind_of(name) == RH_K_STR) return 0;
    (void)f;
    rh_err_set(I->rt, RH_EXC_TYPE, "attribute name must be string, not '%s'", hx_tname(name));
    return -1;
}

FN(bi_getattr) {
    UNUSED_ARGS;
    if (no_kw(I, "getattr", nkw) || nargs(I, "getattr", n, 2, 3) || attr_name(I, "getattr", a[1])) return NULL;
    rh_object *r = hx_getattr_obj(I, a[0], a[1]);
    if (!r && n == 2) rh_err_name_context(I->rt, a[0], a[1]); /* PyObject_GetAttr (with a default: _PyObject_LookupAttr) */
    if (r || n == 2) return r;
    hx_py27_err_matches(I, RH_EXC_ATTRIBUTE); /* 2.7's builtin_getattr: PyErr_ExceptionMatches */
    if (rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return r;
    rh_err_clear(I->rt);
    return newref(a[2]);
}

FN(bi_hasattr) {
    UNUSED_ARGS;
    if (no_kw(I, "hasattr", nkw) || nargs(I, "hasattr", n, 2, 2) || attr_name(I, "hasattr", a[1])) return NULL;
    rh_object *r = hx_getattr_obj(I, a[0], a[1]);
    if (r) { rh_decref(I->rt, r); return rh_bool(I->rt, 1); }
    hx_py27_err_matches(I, RH_EXC_EXCEPTION); /* 2.7's builtin_hasattr: PyErr_ExceptionMatches(PyExc_Exception) */
    if (rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return NULL;
    rh_err_clear(I->rt);
    return rh_bool(I->rt, 0);
}

FN(bi_setattr) {
    UNUSED_ARGS;
    if (no_kw(I, "setattr", nkw) || nargs(I, "setattr", n, 3, 3) || attr_name(I, "setattr", a[1])) return NULL;
    return hx_setattr(I, a[0], a[1], a[2]) ? NULL : none(I);
}

FN(bi_delattr) {
    UNUSED_ARGS;
    if (no_kw(I, "delattr", nkw) || nargs(I, "delattr", n, 2, 2) || attr_name(I, "delattr", a[1])) return NULL;
    return hx_delattr(I, a[0], a[1]) ? NULL : none(I);
}

/* ---------------------------------------------------------------- dict.fromkeys */

/* dict_fromkeys (3.11 _PyDict_FromKeys; 2.7 dict_fromkeys): the class called for a new dict (not the
 * freelist's), its table presized for a dict or set source's length; any other iterable fills it item by
 * item. */
FN(d_fromkeys) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (no_kw(I, "fromkeys", nkw) || nargs(I, "fromkeys", n, 1, 2)) return NULL;
    rh_object *v = n == 2 ? a[1] : rh_none(rt), *src = a[0];
    int exact = !self || self == (rh_object *)rh_builtin_type(rt, RH_K_DICT); /* a subclass: cls() and __setitem__ */
    int sized = exact && (rh_kind_of(src) == RH_K_DICT || rh_set_is_anyset(src));
    size_t len = !sized ? 0 : rh_kind_of(src) == RH_K_DICT ? rh_dict_len(src) : rh_set_len(src);
    rh_object *d = exact ? rh_dict_new_fromkeys(rt, len) : hx_call_borrowed(I, self, NULL, 0);
    rh_object *it = d ? rh_getiter(rt, src) : NULL, *k;
    if (!it) { rh_xdecref(rt, d); return NULL; }
    while ((k = rh_iternext(rt, it))) {
        int rc = exact ? rh_dict_set(rt, d, k, v) : hx_store_subscr(I, d, k, v);
        rh_decref(rt, k);
        if (rc) break;
    }
    rh_decref(rt, it);
    if (rh_err_occurred(rt)) { rh_decref(rt, d); return NULL; }
    return d;
}

static const rh_builtin_def m_d_fromkeys = {"fromkeys", (void (*)(void))d_fromkeys, 0};

const rh_builtin_def *hx_type_classmethod_at(hx_interp *I, rh_kind k, size_t i) {
    static const struct { rh_kind kind; const rh_builtin_def *def; } classmethods[] = {{RH_K_DICT, &m_d_fromkeys},
        {RH_K_INT, &hx_int_from_bytes_def}, {RH_K_BOOL, &hx_int_from_bytes_def}}; /* int.from_bytes: builtins.c */
    for (size_t j = 0; j < sizeof classmethods / sizeof classmethods[0]; j++)
        if (classmethods[j].kind == k && (classmethods[j].def != &hx_int_from_bytes_def || RH_API(I, "int", "from_bytes"))
            && i-- == 0) return classmethods[j].def;
    if (hx_kind_is_generic(k) && i == 0 && !rh_runtime_profile(I->rt)->python2)
        return &hx_class_getitem_def; /* builtins_proxy.c (PEP 585, 3.9) */
    return NULL;
}

/* A classmethod of the built-in base b looked up on its subclass cls (or on an instance of b or of one of
 * its subclasses, cls its type), bound to cls: int.from_bytes and dict.fromkeys call the subclass, as
 * int_from_bytes_impl and _PyDict_FromKeys do. New or NULL (no error). */
rh_object *hx_base_classmethod(hx_interp *I, rh_type *b, rh_object *cls, rh_object *name) {
    const rh_builtin_def *cm;
    for (size_t i = 0; (cm = hx_type_classmethod_at(I, b->kind, i)); i++)
        if (cm != &hx_class_getitem_def && rh_str_eq_cstr(name, cm->name)) return rh_builtin_new(I->rt, cm, cls);
    return NULL;
}

rh_object *hx_builtin_type_attr(hx_interp *I, rh_object *type, rh_object *name) {
    const rh_builtin_def *cm;
    for (size_t i = 0; (cm = hx_type_classmethod_at(I, ((rh_type *)type)->kind, i)); i++)
        if (rh_str_eq_cstr(name, cm->name)) return rh_builtin_new(I->rt, cm, type); /* a classmethod: bound to the type */
    rh_object *r = hx_bytes_type_attr(I, type, name); /* bytes.fromhex (builtins_bytes.c) */
    if (r || rh_err_occurred(I->rt)) return r;
    if ((r = hx_str_type_attr(I, type, name))) return r; /* str.maketrans (builtins_str.c) */
    return hx_itertools_type_attr(I, type, name); /* chain.from_iterable (mod_itertools.c) */
}

/* ---------------------------------------------------------------- set methods (Objects/setobject.c) */

/* set_remove's _PyErr_SetKeyError(key): KeyError(key), the key itself its one argument */
static rh_object *key_error(hx_interp *I, rh_object *key) {
    rh_err_set_key(I->rt, key);
    return NULL;
}

FN(s_add) {
    UNUSED_ARGS;
    if (nargs(I, "add", n, 1, 1)) return NULL;
    return rh_set_add(I->rt, self, a[0]) ? NULL : none(I);
}

FN(s_discard) {
    UNUSED_ARGS;
    if (nargs(I, "discard", n, 1, 1)) return NULL;
    return rh_set_discard(I->rt, self, a[0]) < 0 ? NULL : none(I);
}

FN(s_remove) {
    UNUSED_ARGS;
    if (nargs(I, "remove", n, 1, 1)) return NULL;
    int r = rh_set_discard(I->rt, self, a[0]);
    if (r < 0) return NULL;
    return r ? none(I) : key_error(I, a[0]);
}

FN(s_pop) {
    UNUSED_ARGS;
    (void)a;
    if (nargs(I, "pop", n, 0, 0)) return NULL;
    return rh_set_pop(I->rt, self);
}

FN(s_clear) {
    UNUSED_ARGS;
    (void)a;
    if (nargs(I, "clear", n, 0, 0)) return NULL;
    return rh_set_clear(I->rt, self) ? NULL : none(I);
}

/* set.copy makes a new set; frozenset.copy of an exact frozenset returns it */
FN(s_copy) {
    UNUSED_ARGS;
    (void)a;
    if (nargs(I, "copy", n, 0, 0)) return NULL;
    if (rh_kind_of(self) == RH_K_FROZENSET) return newref(self);
    return rh_set_copy(I->rt, self);
}

/* union(*others) and intersection/difference(*others): the first other makes the result, each further
 * one is applied to it (set_union copies and updates; set_intersection_multi / set_difference_multi) */
static rh_object *multi(hx_interp *I, rh_object *self, rh_object **a, int n, rh_set_op op) {
    if (n == 0) return op == RH_SETOP_UNION || op == RH_SETOP_INTERSECTION || op == RH_SETOP_DIFFERENCE
                          ? rh_set_copy(I->rt, self) : NULL;
    if (op == RH_SETOP_UNION) {
        rh_object *r = rh_set_copy(I->rt, self);
        for (int i = 0; r && i < n; i++)
            if (a[i] != self && rh_set_update(I->rt, r, a[i])) { rh_decref(I->rt, r); r = NULL; }
        return r;
    }
    rh_object *r = rh_set_operation(I->rt, op, self, a[0]);
    for (int i = 1; r && i < n; i++) {
        if (op == RH_SETOP_DIFFERENCE) { /* set_difference_multi: the rest removed from the one result */
            if (rh_set_update_op(I->rt, op, r, a[i])) { rh_decref(I->rt, r); r = NULL; }
            continue;
        }
        rh_object *t = rh_set_operation(I->rt, op, r, a[i]); /* set_intersection_multi: a new set each time */
        rh_decref(I->rt, r);
        r = t;
    }
    return r;
}

FN(s_union) { UNUSED_ARGS; return multi(I, self, a, n, RH_SETOP_UNION); }
FN(s_intersection) { UNUSED_ARGS; return multi(I, self, a, n, RH_SETOP_INTERSECTION); }
FN(s_difference) { UNUSED_ARGS; return multi(I, self, a, n, RH_SETOP_DIFFERENCE); }
FN(s_symmetric_difference) {
    UNUSED_ARGS;
    if (nargs(I, "symmetric_difference", n, 1, 1)) return NULL;
    return rh_set_operation(I->rt, RH_SETOP_SYMMETRIC_DIFFERENCE, self, a[0]);
}

static rh_object *update_multi(hx_interp *I, rh_object *self, rh_object **a, int n, rh_set_op op) {
    for (int i = 0; i < n; i++)
        if (rh_set_update_op(I->rt, op, self, a[i])) return NULL;
    return none(I);
}
FN(s_update) { UNUSED_ARGS; return update_multi(I, self, a, n, RH_SETOP_UNION); }
FN(s_intersection_update) { UNUSED_ARGS; return update_multi(I, self, a, n, RH_SETOP_INTERSECTION); }
FN(s_difference_update) { UNUSED_ARGS; return update_multi(I, self, a, n, RH_SETOP_DIFFERENCE); }
FN(s_symmetric_difference_update) {
    UNUSED_ARGS;
    if (nargs(I, "symmetric_difference_update", n, 1, 1)) return NULL;
    return update_multi(I, self, a, n, RH_SETOP_SYMMETRIC_DIFFERENCE);
}

static rh_object *bool_or_null(hx_interp *I, int r) { return r < 0 ? NULL : rh_bool(I->rt, r); }
FN(s_issubset) { UNUSED_ARGS; return nargs(I, "issubset", n, 1, 1) ? NULL : bool_or_null(I, rh_set_issubset(I->rt, self, a[0])); }
FN(s_issuperset) { UNUSED_ARGS; return nargs(I, "issuperset", n, 1, 1) ? NULL : bool_or_null(I, rh_set_issuperset(I->rt, self, a[0])); }

/* set_isdisjoint: no item of the smaller (or of the iterable) is in the set */
FN(s_isdisjoint) {
    UNUSED_ARGS;
    if (nargs(I, "isdisjoint", n, 1, 1)) return NULL;
    rh_object *r = rh_set_operation(I->rt, RH_SETOP_INTERSECTION, self, a[0]);
    if (!r) return NULL;
    int empty = rh_set_len(r) == 0;
    rh_decref(I->rt, r);
    return rh_bool(I->rt, empty);
}

#define DEF(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, 0}
/* METH_VARARGS (set_union, set_intersection_multi, set_difference_multi, set_update and the _update forms
 * taking *others); the rest are METH_O or METH_NOARGS */
#define DEF_VA(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, HX_METH_VARARGS}
DEF(m_s_add, "add", s_add); DEF(m_s_discard, "discard", s_discard); DEF(m_s_remove, "remove", s_remove);
DEF(m_s_pop, "pop", s_pop); DEF(m_s_clear, "clear", s_clear); DEF(m_s_copy, "copy", s_copy);
DEF_VA(m_s_union, "union", s_union); DEF_VA(m_s_intersection, "intersection", s_intersection);
DEF_VA(m_s_difference, "difference", s_difference);
DEF(m_s_symmetric_difference, "symmetric_difference", s_symmetric_difference);
DEF_VA(m_s_update, "update", s_update); DEF_VA(m_s_intersection_update, "intersection_update", s_intersection_update);
DEF_VA(m_s_difference_update, "difference_update", s_difference_update);
DEF(m_s_symmetric_difference_update, "symmetric_difference_update", s_symmetric_difference_update);
DEF(m_s_issubset, "issubset", s_issubset); DEF(m_s_issuperset, "issuperset", s_issuperset);
DEF(m_s_isdisjoint, "isdisjoint", s_isdisjoint);

/* methods of both types, then the mutating ones only a set has */
static const rh_builtin_def *const set_methods[] = {
    &m_s_copy, &m_s_union, &m_s_intersection, &m_s_difference, &m_s_symmetric_difference, &m_s_issubset,
    &m_s_issuperset, &m_s_isdisjoint, NULL,
    &m_s_add, &m_s_discard, &m_s_remove, &m_s_pop, &m_s_clear, &m_s_update, &m_s_intersection_update,
    &m_s_difference_update, &m_s_symmetric_difference_update, NULL};

/* __length_hint__ of the built-in iterators (listiter_len, setiter_len, reversed_len, striter_len,
 * rangeiter_len, dequeiter_len ...): the type's length_hint slot; NotImplemented where it gives no hint */
FN(it_length_hint) {
    UNUSED_ARGS;
    (void)a;
    if (nkw || n) {
        rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "%s.__length_hint__() takes no keyword arguments"
                                            : "%s.__length_hint__() takes no arguments (%d given)", rh_type_name(self), n);
        return NULL;
    }
    int64_t h = rh_type_of(self)->length_hint ? rh_type_of(self)->length_hint(I->rt, self) : -2;
    if (h == -1) return NULL;
    return h == -2 ? newref(rh_notimplemented(I->rt)) : rh_int_from_i64(I->rt, h);
}
static const rh_builtin_def iter_methods[] = {{"__length_hint__", (void (*)(void))it_length_hint, 0}, {NULL, NULL, 0}};
int hx_iter_method_tables(rh_kind kind, hx_mtab out[2]) {
    (void)kind;
    out[0] = (hx_mtab){NULL, iter_methods};
    return 1;
}

int hx_set_method_tables(rh_kind kind, hx_mtab out[2]) {
    size_t mutating = 0;
    while (set_methods[mutating]) mutating++;
    out[0] = (hx_mtab){set_methods, NULL};
    if (kind == RH_K_FROZENSET) return 1;
    out[1] = (hx_mtab){set_methods + mutating + 1, NULL};
    return 2;
}

/* ---------------------------------------------------------------- sys.stdout, sys.stderr */

/* Two distinct static names, so print(file=...) knows the stream by the box's type-name pointer. */
static const char stdout_name[] = "_io.TextIOWrapper", stderr_name[] = "_io.TextIOWrapper";

rh_object *hx_std_stream_new(hx_interp *I, int err) { return rh_box_new(I->rt, err ? stderr_name : stdout_name, NULL); }

FILE *hx_std_stream_file(rh_object *o) {
    if (rh_kind_of(o) != RH_K_FILE) return NULL;
    const char *nm = rh_box_type_name(o);
    return nm == stdout_name ? stdout : nm == stderr_name ? stderr : NULL;
}

/* ---------------------------------------------------------------- registration */

DEF(b_enumerate, "enumerate", bi_enumerate); DEF_VA(b_zip, "zip", bi_zip) /* zip has no vectorcall: type_call */; DEF(b_map, "map", bi_map);
DEF(b_filter, "filter", bi_filter); DEF(b_reversed, "reversed", bi_reversed); DEF(b_set, "set", bi_set);
DEF(b_frozenset, "frozenset", bi_frozenset); DEF(b_iter, "iter", bi_iter); DEF(b_next, "next", bi_next);
DEF(b_ord, "ord", bi_ord); DEF(b_chr, "chr", bi_chr); DEF(b_hex, "hex", bi_hex); DEF(b_oct, "oct", bi_oct);
DEF(b_bin, "bin", bi_bin); DEF(b_round, "round", bi_round); DEF(b_issubclass, "issubclass", bi_issubclass);
DEF(b_getattr, "getattr", bi_getattr); DEF(b_setattr, "setattr", bi_setattr); DEF(b_hasattr, "hasattr", bi_hasattr);
DEF(b_delattr, "delattr", bi_delattr);

/* Types bound under their names (type(x) is them); calling one runs its constructor. In py27 zip, map and
 * filter are functions returning lists. */
static const struct { rh_kind kind; const rh_builtin_def *ctor; int py3_type; } iter_types[] = {
    {RH_K_SET, &b_set, 0}, {RH_K_FROZENSET, &b_frozenset, 0}, {RH_K_ENUMERATE, &b_enumerate, 0},
    {RH_K_REVERSED, &b_reversed, 0}, {RH_K_ZIP, &b_zip, 1}, {RH_K_MAP, &b_map, 1}, {RH_K_FILTER, &b_filter, 1},
    {RH_K_NONE, NULL, 0}};

static const rh_builtin_def *const iter_functions[] = {
    &b_iter, &b_next, &b_ord, &b_chr, &b_hex, &b_oct, &b_bin, &b_round, &b_issubclass, &b_getattr, &b_setattr,
    &b_hasattr, &b_delattr, NULL};

const rh_builtin_def *hx_builtins_iter_constructor(rh_object *type) {
    for (int i = 0; iter_types[i].ctor; i++)
        if (((rh_type *)type)->kind == iter_types[i].kind) return iter_types[i].ctor;
    return hx_builtins_func_constructor(type); /* builtins_func.c */
}

static int bind(hx_interp *I, const char *name, rh_object *v) {
    rh_object *k = rh_str_intern_utf8(I->rt, name, strlen(name));
    int rc = k ? rh_dict_set(I->rt, I->builtins, k, v) : -1;
    rh_xdecref(I->rt, k);
    return rc;
}

int hx_builtins_iter_init(hx_interp *I) {
    rh_runtime *rt = I->rt;
    for (int i = 0; iter_types[i].ctor; i++) {
        const rh_builtin_def *d = iter_types[i].ctor;
        if (iter_types[i].py3_type && py2_lists(I)) { /* 2.7: a built-in function */
            rh_object *f = rh_builtin_new(rt, d, NULL);
            int rc = f ? bind(I, d->name, f) : -1;
            rh_xdecref(rt, f);
            if (rc) return -1;
        } else if (bind(I, d->name, (rh_object *)rh_builtin_type(rt, iter_types[i].kind))) {
            return -1;
        }
    }
    for (int i = 0; iter_functions[i]; i++) {
        rh_object *f = rh_builtin_new(rt, iter_functions[i], NULL);
        int rc = f ? bind(I, iter_functions[i]->name, f) : -1;
        rh_xdecref(rt, f);
        if (rc) return -1;
    }
    return hx_builtins_func_init(I); /* builtins_func.c */
}
