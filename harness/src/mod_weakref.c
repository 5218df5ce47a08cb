/* mod_weakref.c — _weakref (CPython 3.11 Modules/_weakref.c), the module Lib's weakref.py and _weakrefset.py
 * import from. In the 3.x profiles `import weakref` is Lib's weakref.py over this module (import.c); py27
 * and runs without a standard library keep refheap's own native `weakref` module (modules.c).
 *
 * Owns the _weakref module (ref / ReferenceType, getweakrefcount, getweakrefs, _remove_dead_weakref, proxy,
 * ProxyType, CallableProxyType), the constructor of weakref.ReferenceType (weakref___new__'s argument
 * checks), ref.__new__ for a class deriving from ref (KeyedRef, WeakMethod: hx_weakref_subtype_new),
 * weakref___init__'s checks and ref's methods reached from the type or through super() (__call__,
 * __hash__; __eq__/__ne__ are weakref_richcompare through builtins.c's slot table). The weak references
 * themselves are the library's (reference/src/t_weakref.c), shared with refheap's own `weakref` module, so
 * a ref made through either is the same callback-less ref of its referent.
 * proxy / ProxyType / CallableProxyType: attribute get/set/del through the proxy (interp.c), calling a
 * CallableProxyType (t_weakref.c proxy_call), repr, unhashable; not modelled: the proxy's other forwarded
 * slots (arithmetic, len, iteration, comparison, str).
 * Invariants: messages are 3.11's (PyArg_UnpackTuple "__new__", METH_O "_weakref.<name>()", clinic's
 * "argument 1 must be dict"); functions take borrowed arguments and return a new reference or NULL with the
 * runtime error set.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self; (void)kwn; (void)kwv

static rh_object *none(hx_interp *I) { rh_incref(rh_none(I->rt)); return rh_none(I->rt); }

/* METH_O's check: "_weakref.<fn>() takes exactly one argument (N given)" */
static int one_arg(hx_interp *I, const char *fn, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "_weakref.%s() takes no keyword arguments", fn); return -1; }
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "_weakref.%s() takes exactly one argument (%d given)", fn, n); return -1; }
    return 0;
}

/* weakref___new__ (ReferenceType(ob[, callback])): keywords refused as weakref___init__'s
 * _PyArg_NoKeywords does, the count as PyArg_UnpackTuple("__new__", 1, 2) */
FN(ref_new) {
    UNUSED_ARGS;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "ref() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "__new__ expected at least 1 argument, got %d"
                                             : "__new__ expected at most 2 arguments, got %d", n);
        return NULL;
    }
    return rh_weakref_new(I->rt, a[0], n == 2 ? a[1] : NULL);
}
static const rh_builtin_def ref_ctor = {"ReferenceType", (void (*)(void))ref_new, HX_METH_VARARGS};
const rh_builtin_def *hx_weakref_constructor(void) { return &ref_ctor; }

/* weakref___new__ for a class deriving from ref (cls borrowed, arguments borrowed): Lib/weakref.py's KeyedRef
 * and WeakMethod call ref.__new__(type, ob, callback); a class without a __new__ of its own gets here from
 * type_call. PyArg_UnpackTuple("__new__", 1, 2) as for ref itself. */
rh_object *hx_weakref_subtype_new(hx_interp *I, rh_object *cls, rh_object **a, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "ref() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "__new__ expected at least 1 argument, got %d"
                                             : "__new__ expected at most 2 arguments, got %d", n);
        return NULL;
    }
    return rh_weakref_new_type(I->rt, cls, a[0], n == 2 ? a[1] : NULL);
}

/* weakref___init__: the arguments checked again (PyArg_UnpackTuple("__init__", 1, 2), no keywords), nothing
 * else: the referent and callback were taken by __new__. 0 or -1. */
int hx_weakref_init(hx_interp *I, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "ref() takes no keyword arguments"); return -1; }
    if (n < 1 || n > 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, n < 1 ? "__init__ expected at least 1 argument, got %d"
                                             : "__init__ expected at most 2 arguments, got %d", n);
        return -1;
    }
    return 0;
}

/* ref.__call__ (weakref_vectorcall: no arguments, _PyArg_CheckPositional("weakref", n, 0, 0)): the referent
 * or None. What WeakMethod.__call__'s super().__call__() reaches. */
FN(ref_call) {
    (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "weakref() takes no keyword arguments"); return NULL; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "weakref expected 0 arguments, got %d", n); return NULL; }
    (void)a;
    rh_object *r = rh_weakref_get(I->rt, self);
    rh_incref(r);
    return r;
}

/* ref.__hash__ (weakref_hash through wrap_hashfunc): the referent's hash, kept once computed; WeakMethod
 * sets __hash__ = ref.__hash__ */
FN(ref_hash) {
    (void)kwn; (void)kwv; (void)a;
    if (n || nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "expected 0 arguments, got %d", n + nkw); return NULL; }
    int64_t h = rh_builtin_type(I->rt, RH_K_WEAKREF)->tp_hash(I->rt, self);
    if (h == -1 && rh_err_occurred(I->rt)) return NULL;
    return rh_int_from_i64(I->rt, h);
}

static const rh_builtin_def ref_methods[] = {
    {"__call__", (void (*)(void))ref_call, 0}, {"__hash__", (void (*)(void))ref_hash, 0}, {NULL, NULL, 0}};

int hx_weakref_method_tables(rh_kind kind, hx_mtab out[2]) {
    if (kind != RH_K_WEAKREF) return 0;
    out[0] = (hx_mtab){NULL, ref_methods};
    return 1;
}

FN(w_getweakrefcount) {
    UNUSED_ARGS;
    if (one_arg(I, "getweakrefcount", n, nkw)) return NULL;
    return rh_int_from_i64(I->rt, rh_weakref_count(a[0]));
}
FN(w_getweakrefs) {
    UNUSED_ARGS;
    if (one_arg(I, "getweakrefs", n, nkw)) return NULL;
    return rh_weakref_list(I->rt, a[0]);
}

/* _weakref__remove_dead_weakref_impl: del dct[key] when its value is a dead weakref; a missing key is
 * fine, a value that is no weakref a TypeError (is_dead_weakref) */
FN(w_remove_dead_weakref) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "_remove_dead_weakref() takes no keyword arguments"); return NULL; }
    if (n != 2) {
        rh_err_set(rt, RH_EXC_TYPE, "_remove_dead_weakref expected 2 arguments, got %d", n);
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_DICT) {
        rh_err_set(rt, RH_EXC_TYPE, "_remove_dead_weakref() argument 1 must be dict, not %s", rh_type_name(a[0]));
        return NULL;
    }
    rh_object *v = rh_dict_get(rt, a[0], a[1]);
    if (!v) return rh_err_occurred(rt) ? NULL : none(I);
    if (rh_kind_of(v) != RH_K_WEAKREF) { rh_err_set(rt, RH_EXC_TYPE, "not a weakref"); return NULL; }
    if (rh_weakref_get(rt, v) == rh_none(rt) && rh_dict_del(rt, a[0], a[1])) return NULL;
    return none(I);
}

/* _weakref.proxy(object[, callback]) (Modules/_weakref.c weakref_proxy): PyArg_UnpackTuple("proxy", 1, 2),
 * no keywords; the ProxyType object is the library's (t_weakref.c rh_weakproxy_new) */
FN(w_proxy) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "proxy() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 2) {
        rh_err_set(rt, RH_EXC_TYPE, n < 1 ? "proxy expected at least 1 argument, got %d"
                                          : "proxy expected at most 2 arguments, got %d", n);
        return NULL;
    }
    return rh_weakproxy_new(rt, a[0], n == 2 ? a[1] : NULL);
}

/* the same function for refheap's own `weakref` module (modules.c) */
const rh_builtin_def *hx_weakref_proxy_def(void) {
    static const rh_builtin_def d = {"proxy", (void (*)(void))w_proxy, 0};
    return &d;
}

#define D(py, fn) {py, (void (*)(void))fn, 0}
static const rh_builtin_def weakref_defs[] = {
    D("getweakrefcount", w_getweakrefcount), D("getweakrefs", w_getweakrefs),
    D("_remove_dead_weakref", w_remove_dead_weakref), D("proxy", w_proxy), {NULL, NULL, 0}};
#undef D

/* _weakref: a new module, or NULL; ref and ReferenceType are the library's weakref type */
rh_object *hx_module__weakref(hx_interp *I) {
    rh_object *m = hx_make_module(I, "_weakref", weakref_defs);
    if (!m) return NULL;
    rh_object *d = rh_module_dict(m), *t = (rh_object *)rh_builtin_type(I->rt, RH_K_WEAKREF);
    rh_object *pt = (rh_object *)rh_builtin_type(I->rt, RH_K_WEAKPROXY);
    if (rh_dict_set_cstr(I->rt, d, "ref", t) || rh_dict_set_cstr(I->rt, d, "ReferenceType", t) ||
        rh_dict_set_cstr(I->rt, d, "ProxyType", pt) ||
        rh_dict_set_cstr(I->rt, d, "CallableProxyType", (rh_object *)rh_weakcallproxy_type(I->rt))) {
        rh_decref(I->rt, m);
        return NULL;
    }
    return m;
}
