/* builtins_complex.c — the complex constructor, complex's methods and attributes and the name `complex`
 * in builtins (CPython 3.11 Objects/complexobject.c: complex_new_impl, try_complex_special_method,
 * complex_conjugate_impl, complex___getnewargs___impl, complex___complex___impl, complex_members).
 *
 * Owns hx_complex_constructor (asked by builtins.c's hx_type_constructor), hx_complex_method_tables (by
 * kind_methods), hx_complex_getattr (.real / .imag, by interp.c's hx_getattr) and hx_builtins_complex_init.
 * The objects are the library's (reference/src/t_complex.c). Every function has the hx_cfn signature:
 * arguments borrowed, a new reference or NULL with the error set.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static int is_complex(rh_object *o) { return rh_kind_of(o) == RH_K_COMPLEX; }

/* ---------------------------------------------------------------- complex(real=0, imag=0) */

/* complex_new's Argument Clinic parsing: real and imag, positional or by name; out[i] NULL when absent */
static int ctor_args(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, rh_object **out) {
    static const char *const names[] = {"real", "imag"};
    rh_runtime *rt = I->rt;
    out[0] = n > 0 ? a[0] : NULL;
    out[1] = n > 1 ? a[1] : NULL;
    if (n + nkw > 2) {
        rh_err_set(rt, RH_EXC_TYPE, "complex() takes at most 2 arguments (%d given)", n + nkw);
        return -1;
    }
    for (int k = 0; k < nkw; k++) {
        int j = !strcmp(kwn[k], "real") ? 0 : !strcmp(kwn[k], "imag") ? 1 : -1;
        if (j < 0 && rh_runtime_profile(rt)->version_hex >= 0x030D) { /* 3.13's Argument Clinic wording */
            rh_err_set(rt, RH_EXC_TYPE, "complex() got an unexpected keyword argument '%s'", kwn[k]);
            return -1;
        }
        if (j < 0) {
            rh_err_set(rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for complex()", kwn[k]);
            return -1;
        }
        if (out[j]) {
            rh_err_set(rt, RH_EXC_TYPE, "argument for complex() given by name ('%s') and position (%d)", names[j], j + 1);
            return -1;
        }
        out[j] = kwv[k];
    }
    return 0;
}

/* try_complex_special_method: r.__complex__() when type(r) defines it (1 and *out, a complex), 0 when it
 * does not, -1 on an error ("__complex__ returned non-complex (type X)") */
static int complex_special(hx_interp *I, rh_object *r, rh_object **out) {
    int found = 0;
    rh_object *res = rh_call_special(I->rt, r, "__complex__", NULL, 0, &found);
    if (!found) return rh_err_occurred(I->rt) ? -1 : 0;
    if (!res) return -1;
    if (!is_complex(res)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "__complex__ returned non-complex (type %s)", hx_tname(res));
        rh_decref(I->rt, res);
        return -1;
    }
    *out = res;
    return 1;
}

/* a number argument: a complex, an object with __index__ or with __float__ (nb_float) */
static int is_number(rh_object *o) {
    const rh_number_methods *m = &rh_type_of(o)->as_number;
    return is_complex(o) || m->nb_index || m->nb_float;
}

/* PyNumber_Float(o) as a double: 0 or -1 */
static int float_part(hx_interp *I, rh_object *o, double *d) {
    rh_object *f = hx_number_float(I, o); /* builtins.c */
    if (!f) return -1;
    *d = rh_float_value(f);
    rh_decref(I->rt, f);
    return 0;
}

/* complex_new_impl: a string alone is parsed; otherwise real + imag*1j where either may itself be complex
 * (a complex real part's imaginary part is added to imag, a complex imag's real part taken from real) */
FN(ctor_complex) {
    (void)self;
    rh_runtime *rt = I->rt;
    rh_object *v[2], *r, *i, *owned = NULL;
    if (ctor_args(I, a, n, kwn, kwv, nkw, v)) return NULL;
    r = v[0];
    i = v[1];
    if (r && is_complex(r) && !i) {
        rh_incref(r);
        return r;
    }
    if (r && rh_kind_of(r) == RH_K_STR) {
        if (i) {
            rh_err_set(rt, RH_EXC_TYPE, "complex() can't take second arg if first is a string");
            return NULL;
        }
        size_t len;
        const char *u = rh_str_utf8(rt, r, &len);
        return u ? rh_complex_from_text(rt, r, u, len) : NULL;
    }
    if (i && rh_kind_of(i) == RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "complex() second arg can't be a string");
        return NULL;
    }
    int got = r ? complex_special(I, r, &owned) : 0; /* an absent real part is the int 0 */
    if (got < 0) return NULL;
    if (got) r = owned;
    if (r && !is_number(r)) {
        rh_err_set(rt, RH_EXC_TYPE, "complex() first argument must be a string or a number, not '%s'", hx_tname(r));
        rh_xdecref(rt, owned);
        return NULL;
    }
    if (i && !is_number(i)) {
        rh_err_set(rt, RH_EXC_TYPE, "complex() second argument must be a number, not '%s'", hx_tname(i));
        rh_xdecref(rt, owned);
        return NULL;
    }
    double crr = 0.0, cri = 0.0, cir, cii = 0.0;
    int r_complex = r && is_complex(r), rc = 0;
    if (!r) {
    } else if (r_complex) {
        crr = rh_complex_real(r);
        cri = rh_complex_imag(r);
    } else {
        rc = float_part(I, r, &crr);
    }
    rh_xdecref(rt, owned);
    if (rc) return NULL;
    if (!i) {
        cir = cri;
    } else if (is_complex(i)) {
        cir = rh_complex_real(i);
        cii = rh_complex_imag(i);
        crr -= cii;
    } else if (float_part(I, i, &cir)) {
        return NULL;
    }
    if (r_complex && i) cir += cri;
    return rh_complex_new(rt, crr, cir);
}

/* complex has no vectorcall in 3.11: type_call packs the arguments (HX_METH_VARARGS) */
static const rh_builtin_def complex_ctor = {"complex", (void (*)(void))ctor_complex, HX_METH_VARARGS};
const rh_builtin_def *hx_complex_constructor(void) { return &complex_ctor; }

/* ---------------------------------------------------------------- methods and members */

static int noargs(hx_interp *I, const char *fn, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n); return -1; }
    return 0;
}

/* complex.conjugate(): a new complex (real, -imag) */
FN(m_conjugate) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "complex.conjugate", n, nkw)) return NULL;
    return rh_complex_new(I->rt, rh_complex_real(self), -rh_complex_imag(self));
}

/* complex.__getnewargs__(): (real, imag) as two new floats */
FN(m___getnewargs__) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "complex.__getnewargs__", n, nkw)) return NULL;
    rh_object *re = rh_float_new(I->rt, rh_complex_real(self));
    rh_object *im = re ? rh_float_new(I->rt, rh_complex_imag(self)) : NULL;
    rh_object *t = im ? rh_tuple_pack(I->rt, 2, re, im) : NULL;
    rh_xdecref(I->rt, re);
    rh_xdecref(I->rt, im);
    return t;
}

/* complex.__complex__() (3.11+): an exact complex itself */
FN(m___complex__) {
    (void)a; (void)kwn; (void)kwv;
    if (noargs(I, "complex.__complex__", n, nkw)) return NULL;
    rh_incref(self);
    return self;
}

static const rh_builtin_def complex_methods[] = {
    {"conjugate", (void (*)(void))m_conjugate, 0},
    {"__getnewargs__", (void (*)(void))m___getnewargs__, 0},
    {"__complex__", (void (*)(void))m___complex__, 0},
    {NULL, NULL, 0}};

/* complex_methods (__complex__ only from 3.11: apilevel.c gates it by name) */
int hx_complex_method_tables(rh_kind kind, hx_mtab out[2]) {
    (void)kind;
    out[0] = (hx_mtab){NULL, complex_methods};
    return 1;
}

/* complex_members: real and imag, read-only doubles (new floats on each read) */
int hx_complex_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    if (strcmp(name, "real") && strcmp(name, "imag")) return 0;
    *out = rh_float_new(I->rt, name[0] == 'r' ? rh_complex_real(o) : rh_complex_imag(o));
    return *out ? 1 : -1;
}

int hx_builtins_complex_init(hx_interp *I) {
    return rh_dict_set_cstr(I->rt, I->builtins, "complex", (rh_object *)rh_builtin_type(I->rt, RH_K_COMPLEX));
}
