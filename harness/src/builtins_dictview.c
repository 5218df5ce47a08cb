/* builtins_dictview.c — the Python-facing side of dict views and dict iterators (CPython 3.11
 * Objects/dictobject.c: dict_keys / dict_values / dict_items (dictkeys_new ...), dictkeys_methods
 * (isdisjoint, __reversed__), dictview_getset (mapping, 3.10+), dict___reversed___impl, dictiter_methods
 * (__length_hint__); Python 2.7's dict_viewkeys / viewvalues / viewitems and iterkeys / itervalues /
 * iteritems).
 *
 * Owns: what d.keys() / values() / items() return per profile (views from 3.0; 2.7's lists stay with
 * builtins.c), 2.7's view* and iter* methods, the views' and iterators' method tables and the views'
 * `mapping` attribute. The objects are the library's (reference/src/t_dictview.c). Every hx_cfn here:
 * arguments borrowed, a new reference or NULL with the runtime error set.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)kwn; (void)kwv; (void)a

/* METH_NOARGS / METH_O argument checks, with the method's qualified name as 3.11 words it */
static int noargs(hx_interp *I, rh_object *self, const char *name, int n, int nkw) {
    if (nkw) rh_err_set(I->rt, RH_EXC_TYPE, "%s.%s() takes no keyword arguments", rh_type_name(self), name);
    else if (n) rh_err_set(I->rt, RH_EXC_TYPE, "%s.%s() takes no arguments (%d given)", rh_type_name(self), name, n);
    return n || nkw ? -1 : 0;
}

/* dict_keys / dict_values / dict_items (3.x): a new view over self */
rh_object *hx_dict_view(hx_interp *I, rh_object *self, rh_kind kind) { return rh_dictview_new(I->rt, self, kind); }

/* 2.7's dict_viewkeys & co. (a view) and dict_iterkeys & co. (an iterator) */
FN(d_viewkeys) { UNUSED_ARGS; return noargs(I, self, "viewkeys", n, nkw) ? NULL : rh_dictview_new(I->rt, self, RH_K_DICTKEYS); }
FN(d_viewvalues) { UNUSED_ARGS; return noargs(I, self, "viewvalues", n, nkw) ? NULL : rh_dictview_new(I->rt, self, RH_K_DICTVALUES); }
FN(d_viewitems) { UNUSED_ARGS; return noargs(I, self, "viewitems", n, nkw) ? NULL : rh_dictview_new(I->rt, self, RH_K_DICTITEMS); }
FN(d_iterkeys) { UNUSED_ARGS; return noargs(I, self, "iterkeys", n, nkw) ? NULL : rh_dictiter_new(I->rt, self, RH_K_DICTITER_KEY); }
FN(d_itervalues) { UNUSED_ARGS; return noargs(I, self, "itervalues", n, nkw) ? NULL : rh_dictiter_new(I->rt, self, RH_K_DICTITER_VALUE); }
FN(d_iteritems) { UNUSED_ARGS; return noargs(I, self, "iteritems", n, nkw) ? NULL : rh_dictiter_new(I->rt, self, RH_K_DICTITER_ITEM); }
/* dict___reversed___impl (3.8+): a dict_reversekeyiterator */
FN(d_reversed) { UNUSED_ARGS; return noargs(I, self, "__reversed__", n, nkw) ? NULL : rh_dictiter_new(I->rt, self, RH_K_DICTREVITER_KEY); }

/* dict's methods that exist in some versions only (apilevel.c gates them under "dict") */
static const rh_builtin_def dict_extra[] = {
    {"viewkeys", (void (*)(void))d_viewkeys, 0},   {"viewvalues", (void (*)(void))d_viewvalues, 0},
    {"viewitems", (void (*)(void))d_viewitems, 0}, {"iterkeys", (void (*)(void))d_iterkeys, 0},
    {"itervalues", (void (*)(void))d_itervalues, 0}, {"iteritems", (void (*)(void))d_iteritems, 0},
    {"__reversed__", (void (*)(void))d_reversed, 0}, {NULL, NULL, 0},
};
const rh_builtin_def *hx_dict_extra_methods(void) { return dict_extra; }

/* dictviews_isdisjoint (METH_O) */
FN(v_isdisjoint) {
    (void)kwn; (void)kwv;
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s.isdisjoint() takes no keyword arguments", rh_type_name(self));
        return NULL;
    }
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s.isdisjoint() takes exactly one argument (%d given)", rh_type_name(self), n);
        return NULL;
    }
    int r = rh_dictview_isdisjoint(I->rt, self, a[0]);
    return r < 0 ? NULL : rh_bool(I->rt, r);
}

/* dictkeys_reversed / dictvalues_reversed / dictitems_reversed (3.8+) */
FN(v_reversed) { UNUSED_ARGS; return noargs(I, self, "__reversed__", n, nkw) ? NULL : rh_dictview_reversed(I->rt, self); }

/* dictiter_len: __length_hint__ */
FN(it_length_hint) { UNUSED_ARGS; return noargs(I, self, "__length_hint__", n, nkw) ? NULL : rh_int_from_i64(I->rt, rh_dictiter_len(self)); }

static const rh_builtin_def setlike_view_methods[] = {
    {"isdisjoint", (void (*)(void))v_isdisjoint, 0}, {"__reversed__", (void (*)(void))v_reversed, 0}, {NULL, NULL, 0},
};
static const rh_builtin_def values_view_methods[] = {{"__reversed__", (void (*)(void))v_reversed, 0}, {NULL, NULL, 0}};
static const rh_builtin_def iter_methods[] = {{"__length_hint__", (void (*)(void))it_length_hint, 0}, {NULL, NULL, 0}};

int hx_dictview_method_tables(rh_kind k, hx_mtab out[2]) {
    int values = k == RH_K_DICTVALUES || k == RH_K_ODICTVALUES; /* odict views: their own __reversed__ */
    int setlike = k == RH_K_DICTKEYS || k == RH_K_DICTITEMS || k == RH_K_ODICTKEYS || k == RH_K_ODICTITEMS;
    out[0] = (hx_mtab){NULL, values ? values_view_methods : setlike ? setlike_view_methods : iter_methods};
    return 1;
}

/* dictview_mapping (3.10+): a new mappingproxy of the view's dict. 1 with *out, 0 for another name. */
int hx_dictview_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    if (!rh_dictview_is_view(o) || !rh_str_eq_cstr(name, "mapping") || !RH_API(I, "dict_keys", "mapping")) return 0;
    *out = rh_mappingproxy_new(I->rt, rh_dictview_dict(o));
    return *out ? 1 : -1;
}
