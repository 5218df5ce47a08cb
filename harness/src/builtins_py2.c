/* builtins_py2.c — the built-in functions only Python 2.7 has (Python/bltinmodule.c of 2.7): reduce,
 * apply, intern and cmp, bound by hx_builtins_py2_init under a profile whose apilevel table
 * (apilevel.c: "builtins", until 0x0300) keeps them. Every function has the hx_cfn signature: arguments
 * borrowed, a new reference or NULL with the error set. Each is METH_VARARGS in 2.7, so its call packs an
 * argument tuple (vm.c py27_varargs), and PyArg_UnpackTuple's messages say "arguments" whatever the count.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self, (void)kwn, (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* PyArg_UnpackTuple's checks, 2.7's wording; a METH_VARARGS function refuses keywords. 0 or -1. */
static int unpack(hx_interp *I, const char *name, int n, int nkw, int lo, int hi) {
    if (nkw) return rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", name), -1;
    if (n < lo) return rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %s%d arguments, got %d", name, lo == hi ? "" : "at least ", lo, n), -1;
    if (n > hi) return rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %s%d arguments, got %d", name, lo == hi ? "" : "at most ", hi, n), -1;
    return 0;
}

/* builtin_reduce: function(function(initial, x0), x1)...; one 2-tuple holds the pair of each call (the
 * previous pair kept until replaced, a new tuple only when the callee kept the old one) */
FN(b_reduce) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (unpack(I, "reduce", n, nkw, 2, 3)) return NULL;
    rh_object *fn = a[0], *result = n == 3 ? newref(a[2]) : NULL;
    rh_object *it = rh_getiter(rt, a[1]);
    if (!it) {
        if (rh_err_occurred(rt) == RH_EXC_TYPE) {
            rh_err_clear(rt);
            rh_err_set(rt, RH_EXC_TYPE, "reduce() arg 2 must support iteration");
        }
        rh_xdecref(rt, result);
        return NULL;
    }
    rh_object *args = rh_tuple_new(rt, 2);
    while (args) {
        if (args->refcnt > 1) {
            rh_decref(rt, args);
            if (!(args = rh_tuple_new(rt, 2))) break;
        }
        rh_object *x = rh_iternext(rt, it);
        if (!x) break;
        if (!result) {
            result = x;
            continue;
        }
        for (size_t i = 0; i < 2; i++) { /* PyTuple_SetItem: the old item released */
            rh_object *old = rh_tuple_get(args, i);
            rh_tuple_set(args, i, i ? x : result);
            rh_xdecref(rt, old);
        }
        rh_object *pair[2] = {rh_tuple_get(args, 0), rh_tuple_get(args, 1)};
        if (!(result = hx_call_borrowed(I, fn, pair, 2))) break;
    }
    rh_xdecref(rt, args);
    rh_decref(rt, it);
    if (rh_err_occurred(rt)) {
        rh_xdecref(rt, result);
        return NULL;
    }
    if (!result) rh_err_set(rt, RH_EXC_TYPE, "reduce() of empty sequence with no initial value");
    return result;
}

/* builtin_apply: function(*args, **kwargs), args a sequence and kwargs a dict (PyEval_CallObjectWithKeywords
 * as CALL_FUNCTION_EX calls: vm.c hx_call_ex) */
FN(b_apply) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (unpack(I, "apply", n, nkw, 1, 3)) return NULL;
    rh_object *alist = n > 1 ? a[1] : NULL, *kw = n > 2 ? a[2] : NULL;
    if (alist && rh_kind_of(alist) != RH_K_TUPLE && (rh_kind_of(alist) == RH_K_DICT || !rh_type_of(alist)->as_sequence.sq_item)) {
        rh_err_set(rt, RH_EXC_TYPE, "apply() arg 2 expected sequence, found %s", hx_tname(alist));
        return NULL;
    }
    if (kw && rh_kind_of(kw) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, "apply() arg 3 expected dictionary, found %s", hx_tname(kw));
        return NULL;
    }
    rh_object *seq = alist ? alist : rh_empty_tuple(rt);
    rh_incref(seq);
    if (kw) rh_incref(kw);
    return hx_call_ex(I, a[0], seq, kw);
}

/* builtin_intern: an exact str ("S:intern"), interned in place */
FN(b_intern) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (nkw) return rh_err_set(rt, RH_EXC_TYPE, "intern() takes no keyword arguments"), NULL;
    if (n != 1) return rh_err_set(rt, RH_EXC_TYPE, "intern() takes exactly 1 argument (%d given)", n), NULL;
    if (rh_kind_of(a[0]) != RH_K_STR)
        return rh_err_set(rt, RH_EXC_TYPE, "intern() argument 1 must be string, not %s", hx_tname(a[0])), NULL;
    if (rh_type_of(a[0]) != rh_builtin_type(rt, RH_K_STR))
        return rh_err_set(rt, RH_EXC_TYPE, "can't intern subclass of string"), NULL;
    rh_object *s = newref(a[0]);
    if (rh_str_intern_in_place(rt, &s) != 0) {
        rh_decref(rt, s);
        return NULL;
    }
    return s;
}

/* builtin_cmp: PyObject_Cmp's -1, 0 or 1, as do_cmp finds it without __cmp__: ==, then <, then > (the
 * rich comparisons, whose ordering falls back on default_3way_compare under 2.7: abstract.c) */
FN(b_cmp) {
    UNUSED_ARGS;
    if (unpack(I, "cmp", n, nkw, 2, 2)) return NULL;
    static const struct { int op, outcome; } tries[] = {{CMP_EQ, 0}, {CMP_LT, -1}, {CMP_GT, 1}};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        int r = hx_compare(I, tries[i].op, a[0], a[1]);
        if (r < 0) return NULL;
        if (r) return rh_int_from_i64(I->rt, tries[i].outcome);
    }
    return rh_int_from_i64(I->rt, 1); /* incomparable both ways (NaN): default_3way_compare's "not equal" */
}

static const rh_builtin_def py2_defs[] = {
    {"reduce", (void (*)(void))b_reduce, 0}, {"apply", (void (*)(void))b_apply, 0},
    {"intern", (void (*)(void))b_intern, 0}, {"cmp", (void (*)(void))b_cmp, 0},
};

int hx_builtins_py2_init(hx_interp *I) {
    for (size_t i = 0; i < sizeof py2_defs / sizeof py2_defs[0]; i++) {
        if (!RH_API_DYN(I, "builtins", py2_defs[i].name)) continue;
        rh_object *f = rh_builtin_new(I->rt, &py2_defs[i], NULL);
        int rc = f ? rh_dict_set_cstr(I->rt, I->builtins, py2_defs[i].name, f) : -1;
        rh_xdecref(I->rt, f);
        if (rc) return -1;
    }
    return 0;
}
