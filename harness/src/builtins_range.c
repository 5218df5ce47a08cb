/* builtins_range.c — the range built-in's methods (Objects/rangeobject.c range_methods: count, index,
 * __reversed__, __reduce__) over the library's range objects (reference/src/t_range.c). The profile's
 * version decides which exist: 2.7's xrange has only __reversed__ and __reduce__ (apilevel.c).
 *
 * Owns hx_range_method_tables (asked by builtins.c's kind_methods). Every function has the hx_cfn
 * signature: arguments borrowed, a new reference or NULL with the error set.
 */
#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

/* METH_O / METH_NOARGS argument errors: "range.count() takes exactly one argument (0 given)" */
static int arity(hx_interp *I, const char *name, int want, int n, int nkw) {
    if (nkw) rh_err_set(I->rt, RH_EXC_TYPE, "range.%s() takes no keyword arguments", name);
    else if (n != want && want) rh_err_set(I->rt, RH_EXC_TYPE, "range.%s() takes exactly one argument (%d given)", name, n);
    else if (n != want) rh_err_set(I->rt, RH_EXC_TYPE, "range.%s() takes no arguments (%d given)", name, n);
    else return 0;
    return -1;
}

FN(m_count) {
    (void)kwn; (void)kwv;
    return arity(I, "count", 1, n, nkw) ? NULL : rh_range_count(I->rt, self, a[0]);
}

FN(m_index) {
    (void)kwn; (void)kwv;
    return arity(I, "index", 1, n, nkw) ? NULL : rh_range_index(I->rt, self, a[0]);
}

FN(m_reversed) {
    (void)a; (void)kwn; (void)kwv;
    return arity(I, "__reversed__", 0, n, nkw) ? NULL : rh_range_reversed(I->rt, self);
}

/* range_reduce: (range, (start, stop, step)); 2.7's xrange_reduce gives the stop as start + len * step */
FN(m_reduce) {
    (void)a; (void)kwn; (void)kwv;
    rh_runtime *rt = I->rt;
    if (arity(I, "__reduce__", 0, n, nkw)) return NULL;
    rh_object *stop = rh_range_field(self, 1), *own = NULL;
    if (rh_runtime_profile(rt)->python2) {
        rh_object *len = rh_int_from_i64(rt, rh_range_len(self));
        rh_object *span = len ? rh_binop(rt, RH_BINOP_MUL, len, rh_range_field(self, 2)) : NULL;
        stop = own = span ? rh_binop(rt, RH_BINOP_ADD, rh_range_field(self, 0), span) : NULL;
        rh_xdecref(rt, len);
        rh_xdecref(rt, span);
        if (!stop) return NULL;
    }
    rh_object *args = rh_tuple_pack(rt, 3, rh_range_field(self, 0), stop, rh_range_field(self, 2));
    rh_object *r = args ? rh_tuple_pack(rt, 2, (rh_object *)rh_type_of(self), args) : NULL;
    rh_xdecref(rt, args);
    rh_xdecref(rt, own);
    return r;
}

static const rh_builtin_def range_methods[] = {
    {"__reversed__", (void (*)(void))m_reversed, 0},
    {"__reduce__", (void (*)(void))m_reduce, 0},
    {"count", (void (*)(void))m_count, 0},
    {"index", (void (*)(void))m_index, 0},
    {NULL, NULL, 0}};

int hx_range_method_tables(rh_kind kind, hx_mtab out[2]) {
    (void)kind;
    out[0] = (hx_mtab){NULL, range_methods};
    return 1;
}
