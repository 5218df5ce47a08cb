/* builtins_slice.c — the slice built-in's Python face (Objects/sliceobject.c: slice_new, slice_members,
 * slice_indices, slice_reduce) over the library's slice objects (reference/src/t_slice.c).
 *
 * Owns hx_slice_constructor (asked by builtins.c's hx_type_constructor), hx_slice_method_tables (by
 * kind_methods), hx_slice_getattr (.start/.stop/.step, by interp.c's hx_getattr), hx_slice_bounds (a slice
 * object's bounds as the subscript paths take them) and hx_builtins_slice_init. Every function has the
 * hx_cfn signature: arguments borrowed, a new reference or NULL with the error set.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static int python2(hx_interp *I) { return rh_runtime_profile(I->rt)->python2; }

/* slice_new: slice(stop) or slice(start, stop[, step]); no keywords (PyArg_UnpackTuple's messages) */
FN(ctor_slice) {
    (void)self; (void)kwn; (void)kwv;
    rh_runtime *rt = I->rt;
    if (nkw) {
        rh_err_set(rt, RH_EXC_TYPE, python2(I) ? "slice() does not take keyword arguments"
                                               : "slice() takes no keyword arguments");
        return NULL;
    }
    if (n < 1 || n > 3) {
        if (n < 1) rh_err_set(rt, RH_EXC_TYPE, "slice expected at least 1 argument%s, got 0", python2(I) ? "s" : "");
        else rh_err_set(rt, RH_EXC_TYPE, "slice expected at most 3 arguments, got %d", n);
        return NULL;
    }
    if (n == 1) return rh_slice_new(rt, NULL, a[0], NULL);
    return rh_slice_new(rt, a[0], a[1], n > 2 ? a[2] : NULL);
}

/* slice has no vectorcall before 3.13: type_call packs the arguments (HX_METH_VARARGS) */
static const rh_builtin_def slice_ctor = {"slice", (void (*)(void))ctor_slice, HX_METH_VARARGS};
const rh_builtin_def *hx_slice_constructor(void) { return &slice_ctor; }

/* _PyEval_SliceIndex of each bound that is not None: has[k] set and v[k] its value (step 1, start and stop
 * 0 when absent); -1 with TypeError for a bound that is no integer */
int hx_slice_bounds(hx_interp *I, rh_object *s, int64_t v[3], int has[3]) {
    rh_object *parts[3] = {rh_slice_start(s), rh_slice_stop(s), rh_slice_step(s)};
    v[0] = v[1] = 0;
    v[2] = 1;
    for (int i = 0; i < 3; i++) {
        has[i] = parts[i] != rh_none(I->rt);
        if (!has[i]) continue;
        if (!hx_is_intlike(parts[i])) {
            rh_err_set(I->rt, RH_EXC_TYPE, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        if (hx_slice_index(I, parts[i], &v[i])) return -1;
    }
    return 0;
}

int hx_slice_index(hx_interp *I, rh_object *o, int64_t *v) {
    rh_kind k = rh_kind_of(o);
    if ((k == RH_K_INT || k == RH_K_BOOL) && rh_int_small_value(o, v)) return 0; /* fits: nothing to clip */
    rh_object *i = k == RH_K_INT || k == RH_K_BOOL ? (rh_incref(o), o) : rh_number_index(I->rt, o);
    if (!i) return -1;
    if (rh_index_value(I->rt, i, v)) { /* PyNumber_AsSsize_t(v, NULL): clipped to the Py_ssize_t range */
        rh_err_clear(I->rt);
        *v = ((rh_varobject *)i)->size < 0 ? INT64_MIN : INT64_MAX;
    }
    rh_decref(I->rt, i);
    return 0;
}

/* slice_indices from 3.0: on int objects of any size (_PySlice_GetLongIndices) */
static rh_object *long_indices(hx_interp *I, rh_object *self, rh_object *len) {
    rh_runtime *rt = I->rt;
    rh_object *length = rh_number_index(rt, len), *b[3], *t = NULL;
    if (!length) return NULL;
    if (((rh_varobject *)length)->size < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "length should not be negative");
    } else if (rh_slice_long_indices(rt, self, length, b) == 0) {
        t = rh_tuple_pack(rt, 3, b[0], b[1], b[2]);
        for (int i = 0; i < 3; i++) rh_decref(rt, b[i]);
    }
    rh_decref(rt, length);
    return t;
}

/* slice.indices(len): (start, stop, step) clipped to a sequence of length len (_PySlice_GetLongIndices) */
FN(m_indices) {
    (void)kwn; (void)kwv;
    rh_runtime *rt = I->rt;
    if (nkw || n != 1) {
        rh_err_set(rt, RH_EXC_TYPE, nkw ? "slice.indices() takes no keyword arguments"
                                        : "slice.indices() takes exactly one argument (%d given)", n);
        return NULL;
    }
    if (!python2(I)) return long_indices(I, self, a[0]);
    int64_t len, v[3];
    int has[3];
    if (rh_index_value(rt, a[0], &len)) return NULL;
    if (len < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "length should not be negative");
        return NULL;
    }
    if (hx_slice_bounds(I, self, v, has)) return NULL;
    if (v[2] == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "slice step cannot be zero");
        return NULL;
    }
    rh_slice_indices(len, has[0], &v[0], has[1], &v[1], v[2]);
    rh_object *r[3] = {NULL, NULL, NULL}, *t = NULL;
    for (int i = 0; i < 3 && (i == 0 || r[i - 1]); i++) r[i] = rh_int_from_i64(rt, v[i]);
    if (r[2]) t = rh_tuple_pack(rt, 3, r[0], r[1], r[2]);
    for (int i = 0; i < 3; i++) rh_xdecref(rt, r[i]);
    return t;
}

/* slice.__reduce__(): (slice, (start, stop, step)) */
FN(m_reduce) {
    (void)a; (void)kwn; (void)kwv;
    rh_runtime *rt = I->rt;
    if (n || nkw) {
        rh_err_set(rt, RH_EXC_TYPE, "slice.__reduce__() takes no arguments (%d given)", n + nkw);
        return NULL;
    }
    rh_object *args = rh_tuple_pack(rt, 3, rh_slice_start(self), rh_slice_stop(self), rh_slice_step(self));
    rh_object *r = args ? rh_tuple_pack(rt, 2, (rh_object *)rh_type_of(self), args) : NULL;
    rh_xdecref(rt, args);
    return r;
}

static const rh_builtin_def slice_methods[] = {
    {"indices", (void (*)(void))m_indices, 0},
    {"__reduce__", (void (*)(void))m_reduce, 0},
    {NULL, NULL, 0}};

int hx_slice_method_tables(rh_kind kind, hx_mtab out[2]) {
    (void)kind;
    out[0] = (hx_mtab){NULL, slice_methods};
    return 1;
}

/* slice_members: start, stop, step (read-only) */
int hx_slice_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    (void)I;
    rh_object *v = !strcmp(name, "start") ? rh_slice_start(o) : !strcmp(name, "stop") ? rh_slice_stop(o)
                 : !strcmp(name, "step") ? rh_slice_step(o) : NULL;
    if (!v) return 0;
    rh_incref(v);
    *out = v;
    return 1;
}

/* The builtins entry; and, where slices are cached, the slice CPython's start-up left parked (site and
 * the import system slice strings before the program runs), made outside the program's gc counts */
/* slice_members are READONLY: setting or deleting one is refused (PyMember_SetOne) */
int hx_slice_setattr(hx_interp *I, rh_object *name) {
    const char *s = hx_cstr(I, name);
    if (strcmp(s, "start") && strcmp(s, "stop") && strcmp(s, "step")) return 0;
    rh_err_set(I->rt, python2(I) ? RH_EXC_TYPE : RH_EXC_ATTRIBUTE, "readonly attribute");
    return -1;
}

int hx_builtins_slice_init(hx_interp *I) {
    rh_runtime *rt = I->rt;
    if (rh_runtime_profile(rt)->slice_cache && !rh_slice_cached(rt)) {
        rh_gc_startup save;
        rh_gc_startup_begin(rt, &save);
        rh_object *s = rh_slice_new(rt, NULL, NULL, NULL);
        rh_xdecref(rt, s);
        rh_gc_startup_end(rt, &save);
        if (!s) return -1;
    }
    return rh_dict_set_cstr(rt, I->builtins, "slice", (rh_object *)rh_builtin_type(rt, RH_K_SLICE));
}
