/* mod_collections.c — the _collections module (CPython 3.11 Modules/_collectionsmodule.c): deque, and a
 * native `collections` exporting it (CPython's collections is a Python package in Lib; this stands in for
 * it until that package runs on refheap: docs/conformance.md).
 *
 * Owns the deque constructor (deque_new + deque_init: the object first, then the arguments parsed, as
 * type_call runs tp_new then tp_init with the argument tuple it made), the deque methods with CPython's
 * argument errors ("deque.append() takes exactly one argument (0 given)", "deque.pop() takes no
 * arguments (1 given)", "index() takes at least 1 argument (0 given)"), and deque.maxlen. The object is
 * the library's (reference/src/t_deque.c).
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

static rh_object *none(hx_interp *I) { rh_incref(rh_none(I->rt)); return rh_none(I->rt); }

/* METH_O / METH_NOARGS / keyword-free checks, worded as methodobject.c's */
static int meth_args(hx_interp *I, const char *m, int n, int nkw, int want) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "deque.%s() takes no keyword arguments", m); return -1; }
    if (n == want) return 0;
    if (want == 0) rh_err_set(I->rt, RH_EXC_TYPE, "deque.%s() takes no arguments (%d given)", m, n);
    else rh_err_set(I->rt, RH_EXC_TYPE, "deque.%s() takes exactly one argument (%d given)", m, n);
    return -1;
}

/* deque(iterable=(), maxlen=None) */
FN(col_deque) {
    (void)self;
    rh_object *t = rh_tuple_new(I->rt, (size_t)n), *d = NULL, *kw = NULL;
    if (!t) return NULL;
    for (int i = 0; i < n; i++) { rh_incref(a[i]); rh_tuple_set(t, (size_t)i, a[i]); }
    if (nkw && !(kw = rh_dict_new(I->rt))) goto out;
    for (int k = 0; k < nkw; k++)
        if (rh_dict_set_cstr(I->rt, kw, kwn[k], kwv[k])) goto out;
    if (!(d = rh_deque_new(I->rt, NULL, -1))) goto out;
    rh_object *iterable = n > 0 ? a[0] : NULL, *maxlen = n > 1 ? a[1] : NULL;
    int64_t ml = -1;
    if (n + nkw > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, "deque() takes at most 2 arguments (%d given)", n + nkw);
        goto fail;
    }
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kwn[k], "iterable") && n < 1) iterable = kwv[k];
        else if (!strcmp(kwn[k], "maxlen") && n < 2) maxlen = kwv[k];
        else if (!strcmp(kwn[k], "iterable") || !strcmp(kwn[k], "maxlen")) {
            rh_err_set(I->rt, RH_EXC_TYPE, "argument for deque() given by name ('%s') and position (%d)", kwn[k],
                       strcmp(kwn[k], "iterable") ? 2 : 1);
            goto fail;
        } else {
            rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for deque()", kwn[k]);
            goto fail;
        }
    }
    if (maxlen && maxlen != rh_none(I->rt)) {
        if (!hx_is_intlike(maxlen)) { rh_err_set(I->rt, RH_EXC_TYPE, "an integer is required"); goto fail; }
        if (rh_int_as_i64(I->rt, maxlen, &ml)) {
            rh_err_clear(I->rt);
            rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
            goto fail;
        }
        if (ml < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "maxlen must be non-negative"); goto fail; }
    }
    if (rh_deque_init(I->rt, d, iterable, ml) == 0) goto out;
fail:
    rh_decref(I->rt, d);
    d = NULL;
out:
    rh_decref(I->rt, t);
    rh_xdecref(I->rt, kw);
    return d;
}

FN(dq_append) { UNUSED; return meth_args(I, "append", n, nkw, 1) || rh_deque_append(I->rt, self, a[0], 0) ? NULL : none(I); }
FN(dq_appendleft) { UNUSED; return meth_args(I, "appendleft", n, nkw, 1) || rh_deque_append(I->rt, self, a[0], 1) ? NULL : none(I); }
FN(dq_extend) { UNUSED; return meth_args(I, "extend", n, nkw, 1) || rh_deque_extend(I->rt, self, a[0], 0) ? NULL : none(I); }
FN(dq_extendleft) { UNUSED; return meth_args(I, "extendleft", n, nkw, 1) || rh_deque_extend(I->rt, self, a[0], 1) ? NULL : none(I); }
FN(dq_remove) { UNUSED; return meth_args(I, "remove", n, nkw, 1) || rh_deque_remove(I->rt, self, a[0]) ? NULL : none(I); }
FN(dq_pop) { UNUSED; (void)a; return meth_args(I, "pop", n, nkw, 0) ? NULL : rh_deque_pop(I->rt, self, 0); }
FN(dq_popleft) { UNUSED; (void)a; return meth_args(I, "popleft", n, nkw, 0) ? NULL : rh_deque_pop(I->rt, self, 1); }
FN(dq_clear) { UNUSED; (void)a; if (meth_args(I, "clear", n, nkw, 0)) return NULL; rh_deque_clear(I->rt, self); return none(I); }
FN(dq_reverse) { UNUSED; (void)a; if (meth_args(I, "reverse", n, nkw, 0)) return NULL; rh_deque_reverse(self); return none(I); }
FN(dq_copy) { UNUSED; (void)a; return meth_args(I, "copy", n, nkw, 0) ? NULL : rh_deque_copy(I->rt, self); }
FN(dq___copy__) { UNUSED; (void)a; return meth_args(I, "__copy__", n, nkw, 0) ? NULL : rh_deque_copy(I->rt, self); }
FN(dq_count) {
    UNUSED;
    if (meth_args(I, "count", n, nkw, 1)) return NULL;
    int64_t c = rh_deque_count(I->rt, self, a[0]);
    return c < 0 ? NULL : rh_int_from_i64(I->rt, c);
}
/* a Py_ssize_t argument (_PyNumber_Index) */
static int ssize_arg(hx_interp *I, rh_object *o, int64_t *v) {
    if (!o->type->as_number.nb_index) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(o));
        return -1;
    }
    return rh_index_value(I->rt, o, v);
}
FN(dq_rotate) {
    UNUSED;
    int64_t k = 1;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "deque.rotate() takes no keyword arguments"); return NULL; }
    if (n > 1) { rh_err_set(I->rt, RH_EXC_TYPE, "deque.rotate expected at most 1 argument, got %d", n); return NULL; }
    if (n == 1 && ssize_arg(I, a[0], &k)) return NULL;
    return rh_deque_rotate(I->rt, self, k) ? NULL : none(I);
}
/* deque_index: "O|O&O&:index" with _PyEval_SliceIndexNotNone bounds */
FN(dq_index) {
    UNUSED;
    int64_t b[2] = {0, INT64_MAX};
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "deque.index() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 3) {
        rh_err_set(I->rt, RH_EXC_TYPE, "index() takes at %s %d argument%s (%d given)", n < 1 ? "least" : "most",
                   n < 1 ? 1 : 3, n < 1 ? "" : "s", n);
        return NULL;
    }
    for (int i = 1; i < n; i++) {
        if (!a[i]->type->as_number.nb_index) {
            rh_err_set(I->rt, RH_EXC_TYPE, "slice indices must be integers or have an __index__ method");
            return NULL;
        }
        if (rh_index_value(I->rt, a[i], &b[i - 1])) { /* _PyEval_SliceIndex clamps what does not fit */
            rh_err_clear(I->rt);
            rh_object *zero = rh_int_from_i64(I->rt, 0);
            if (!zero) return NULL;
            int neg = rh_richcompare(I->rt, RH_CMP_LT, a[i], zero);
            rh_decref(I->rt, zero);
            if (neg < 0) return NULL;
            b[i - 1] = neg ? INT64_MIN : INT64_MAX;
        }
    }
    int64_t r = rh_deque_index(I->rt, self, a[0], b[0], b[1]);
    return r < 0 ? NULL : rh_int_from_i64(I->rt, r);
}
FN(dq_insert) {
    UNUSED;
    int64_t i;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "deque.insert() takes no keyword arguments"); return NULL; }
    if (n != 2) { rh_err_set(I->rt, RH_EXC_TYPE, "insert() takes exactly 2 arguments (%d given)", n); return NULL; }
    if (ssize_arg(I, a[0], &i)) return NULL;
    return rh_deque_insert(I->rt, self, i, a[1]) ? NULL : none(I);
}

#define DEF(var, nm, fn) static const rh_builtin_def var = {nm, (void (*)(void))fn, 0}
DEF(d_append, "append", dq_append); DEF(d_appendleft, "appendleft", dq_appendleft); DEF(d_extend, "extend", dq_extend);
DEF(d_extendleft, "extendleft", dq_extendleft); DEF(d_remove, "remove", dq_remove); DEF(d_pop, "pop", dq_pop);
DEF(d_popleft, "popleft", dq_popleft); DEF(d_clear, "clear", dq_clear); DEF(d_reverse, "reverse", dq_reverse);
DEF(d_copy, "copy", dq_copy); DEF(d_copy2, "__copy__", dq___copy__); DEF(d_count, "count", dq_count);
DEF(d_rotate, "rotate", dq_rotate); DEF(d_index, "index", dq_index); DEF(d_insert, "insert", dq_insert);
DEF(d_deque, "deque", col_deque);

static const rh_builtin_def *const deque_methods[] = {
    &d_append, &d_appendleft, &d_extend, &d_extendleft, &d_remove, &d_pop, &d_popleft, &d_clear, &d_reverse,
    &d_copy, &d_copy2, &d_count, &d_rotate, &d_index, &d_insert, NULL};

const rh_builtin_def *hx_deque_find_method(const char *name) {
    for (int i = 0; deque_methods[i]; i++)
        if (!strcmp(deque_methods[i]->name, name)) return deque_methods[i];
    return NULL;
}

/* deque.maxlen (a getset: None or the int): 1 and *out, or 0 when o is no deque or name is another */
int hx_collections_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    if (!rh_is_deque(o) || !rh_str_eq_cstr(name, "maxlen")) return 0;
    int64_t m = rh_deque_maxlen(o);
    *out = m < 0 ? none(I) : rh_int_from_i64(I->rt, m);
    return *out ? 1 : -1;
}

const rh_builtin_def *hx_collections_constructor(rh_object *type) {
    return ((rh_type *)type)->kind == RH_K_DEQUE ? &d_deque : NULL;
}

static const rh_builtin_def no_defs[] = {{NULL, NULL, 0}};

/* _collections and (for now) collections: deque */
static rh_object *make(hx_interp *I, const char *name) {
    rh_object *m = hx_make_module(I, name, no_defs);
    if (m && rh_dict_set_cstr(I->rt, rh_module_dict(m), "deque", (rh_object *)rh_builtin_type(I->rt, RH_K_DEQUE))) {
        rh_decref(I->rt, m);
        return NULL;
    }
    return m;
}
rh_object *hx_module__collections(hx_interp *I) { return make(I, "_collections"); }
rh_object *hx_module_collections(hx_interp *I) { return make(I, "collections"); }
