/* mod_atexit.c — atexit (CPython 3.11 Modules/atexitmodule.c): functions the program registers to run at
 * interpreter exit, last registered first, before the shutdown collection (Py_FinalizeEx's _PyAtExit_Call).
 *
 * Owns the atexit module (register, unregister, _run_exitfuncs, _clear, _ncallbacks) and the callback
 * array in the interpreter (I->atexit_cbs: malloc'd C memory, as atexit_state's PyMem_Malloc'd one, so
 * registering allocates no GC object besides the args tuple CPython also makes).
 * Invariants: an entry holds owned references to its function, its args tuple and its kwargs dict (NULL
 * when none); unregister empties entries in place (NULL function) and the array shrinks only when cleared;
 * a callback that raises is reported "Exception ignored in atexit callback: <repr>" and the rest still run.
 */
#include <stdlib.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self; (void)kwn; (void)kwv

struct hx_atexit_cb {
    rh_object *func, *args, *kwargs;
};

static void cb_release(hx_interp *I, struct hx_atexit_cb *cb) {
    rh_object *f = cb->func, *t = cb->args, *k = cb->kwargs;
    cb->func = cb->args = cb->kwargs = NULL; /* before the decrefs: a finalizer may reenter the module */
    rh_xdecref(I->rt, f);
    rh_xdecref(I->rt, t);
    rh_xdecref(I->rt, k);
}

/* atexit_cleanup: every entry released, the array emptied */
static void clear_all(hx_interp *I) {
    for (int i = 0; i < I->atexit_n; i++) cb_release(I, &I->atexit_cbs[i]);
    I->atexit_n = 0;
}

/* One call: its kwargs dict's keys as the call's keyword names (they stay alive in the dict meanwhile) */
static rh_object *call_cb(hx_interp *I, struct hx_atexit_cb *cb) {
    int na = (int)rh_tuple_len(cb->args), nk = cb->kwargs ? (int)rh_dict_len(cb->kwargs) : 0;
    if (na > RH_ARGS_MAX || nk > RH_ARGS_MAX) {
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "an atexit callback with more than %d arguments", RH_ARGS_MAX);
        return NULL;
    }
    rh_object *a[RH_ARGS_MAX], *kv[RH_ARGS_MAX], *k, *v;
    char *kn[RH_ARGS_MAX];
    for (int i = 0; i < na; i++) a[i] = rh_tuple_get(cb->args, (size_t)i), rh_incref(a[i]);
    size_t pos = 0;
    for (int i = 0; i < nk && rh_dict_next(cb->kwargs, &pos, &k, &v); i++)
        kn[i] = (char *)rh_str_utf8(I->rt, k, NULL), kv[i] = v, rh_incref(v);
    return hx_call(I, cb->func, a, na, kn, kv, nk);
}

/* atexit_callfuncs: last registered first; the function kept alive across its call (it may unregister
 * itself); then atexit_cleanup */
void hx_atexit_call(hx_interp *I) {
    for (int i = I->atexit_n - 1; i >= 0; i--) {
        if (i >= I->atexit_n || !I->atexit_cbs[i].func) continue;
        struct hx_atexit_cb cb = I->atexit_cbs[i];
        rh_object *fn = cb.func;
        rh_incref(fn);
        rh_incref(cb.args);
        if (cb.kwargs) rh_incref(cb.kwargs);
        rh_object *r = call_cb(I, &cb);
        if (r) rh_decref(I->rt, r);
        else hx_write_unraisable_msg(I, "in atexit callback", fn);
        rh_decref(I->rt, fn);
        rh_decref(I->rt, cb.args);
        rh_xdecref(I->rt, cb.kwargs);
    }
    clear_all(I);
}

void hx_atexit_free(hx_interp *I) {
    clear_all(I);
    free(I->atexit_cbs);
    I->atexit_cbs = NULL;
    I->atexit_cap = 0;
}

/* atexit.register(func, *args, **kwargs): func, returned (a decorator) */
FN(ax_register) {
    (void)self;
    rh_runtime *rt = I->rt;
    if (n < 1) {
        rh_err_set(rt, RH_EXC_TYPE, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_WEAKREF && !rh_type_of(a[0])->tp_call) {
        rh_err_set(rt, RH_EXC_TYPE, "the first argument must be callable");
        return NULL;
    }
    if (I->atexit_n == I->atexit_cap) {
        int cap = I->atexit_cap ? I->atexit_cap * 2 : 32; /* atexit_state's initial callback_len */
        struct hx_atexit_cb *p = realloc(I->atexit_cbs, (size_t)cap * sizeof *p);
        if (!p) {
            rh_err_nomemory(rt);
            return NULL;
        }
        I->atexit_cbs = p, I->atexit_cap = cap;
    }
    rh_object *args = rh_tuple_new(rt, (size_t)(n - 1)), *kwargs = NULL;
    for (int i = 1; args && i < n; i++) rh_incref(a[i]), rh_tuple_set(args, (size_t)(i - 1), a[i]);
    if (args && nkw && (kwargs = rh_dict_new(rt)))
        for (int i = 0; i < nkw; i++)
            if (rh_dict_set_cstr(rt, kwargs, kwn[i], kwv[i])) {
                rh_decref(rt, kwargs);
                kwargs = NULL;
                break;
            }
    if (!args || (nkw && !kwargs)) {
        rh_xdecref(rt, args);
        return NULL;
    }
    rh_incref(a[0]);
    I->atexit_cbs[I->atexit_n++] = (struct hx_atexit_cb){a[0], args, kwargs};
    rh_incref(a[0]);
    return a[0];
}

/* atexit.unregister(func): every entry whose function == func emptied (PyObject_RichCompareBool) */
FN(ax_unregister) {
    UNUSED_ARGS;
    if (nkw || n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "atexit.unregister() takes no keyword arguments"
                                           : "atexit.unregister() takes exactly one argument (%d given)", n);
        return NULL;
    }
    for (int i = 0; i < I->atexit_n; i++) {
        rh_object *f = I->atexit_cbs[i].func;
        if (!f) continue;
        int eq = f == a[0] ? 1 : hx_compare(I, CMP_EQ, f, a[0]);
        if (eq < 0) return NULL;
        if (eq) cb_release(I, &I->atexit_cbs[i]);
    }
    rh_incref(rh_none(I->rt));
    return rh_none(I->rt);
}

static int no_args(hx_interp *I, const char *fn, int n, int nkw) {
    if (!n && !nkw) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "atexit.%s() takes no arguments (%d given)", fn, n + nkw);
    return -1;
}

FN(ax_run_exitfuncs) {
    UNUSED_ARGS; (void)a;
    if (no_args(I, "_run_exitfuncs", n, nkw)) return NULL;
    hx_atexit_call(I);
    rh_incref(rh_none(I->rt));
    return rh_none(I->rt);
}

FN(ax_clear) {
    UNUSED_ARGS; (void)a;
    if (no_args(I, "_clear", n, nkw)) return NULL;
    clear_all(I);
    rh_incref(rh_none(I->rt));
    return rh_none(I->rt);
}

/* atexit._ncallbacks(): the entries registered, emptied ones included (atexit_state.ncallbacks) */
FN(ax_ncallbacks) {
    UNUSED_ARGS; (void)a;
    if (no_args(I, "_ncallbacks", n, nkw)) return NULL;
    return rh_int_from_i64(I->rt, I->atexit_n);
}

static const rh_builtin_def atexit_defs[] = {
    {"register", (void (*)(void))ax_register, HX_METH_VARARGS},
    {"unregister", (void (*)(void))ax_unregister, 0},
    {"_run_exitfuncs", (void (*)(void))ax_run_exitfuncs, 0},
    {"_clear", (void (*)(void))ax_clear, 0},
    {"_ncallbacks", (void (*)(void))ax_ncallbacks, 0},
    {NULL, NULL, 0}};

rh_object *hx_module_atexit(hx_interp *I) { return hx_make_module(I, "atexit", atexit_defs); }
