/* mod_array.c — the array module (CPython 3.11 Modules/arraymodule.c): the array.array constructor
 * (array_new), its methods and attributes, over the type in reference/src/t_array.c.
 *
 * Owns the argument parsing and error words of array_new and of append, extend, insert, pop, remove,
 * index, count, reverse, tolist, fromlist, buffer_info, tounicode, fromunicode, typecode and itemsize.
 * Invariant: every method converts an item before it changes the array, as CPython's ins1 and setitem do,
 * except extend from an iterable, which appends item by item (array_iter_extend) and keeps what it added
 * before a failure; fromlist is all-or-nothing (array_array_fromlist restores the old size).
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }

static int nokw(hx_interp *I, const char *fn, int nkw) {
    if (!nkw) return 0;
    rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn);
    return -1;
}

static int nargs(hx_interp *I, const char *fn, int n, int lo, int hi) {
    if (n >= lo && n <= hi) return 0;
    if (lo == hi && lo == 0) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n);
    else if (lo == hi && lo == 1) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
    else if (n < lo) rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at least %d argument%s, got %d", fn, lo, lo == 1 ? "" : "s", n);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", fn, hi, hi == 1 ? "" : "s", n);
    return -1;
}

/* array_iter_extend: append each item of an iterable (ins1 at the end) */
static int iter_extend(hx_interp *I, rh_object *self, rh_object *iterable) {
    rh_object *it = rh_getiter(I->rt, iterable), *v;
    if (!it) return -1;
    while ((v = rh_iternext(I->rt, it))) {
        int rc = rh_array_insert(I->rt, self, (int64_t)rh_array_len(self), v);
        rh_decref(I->rt, v);
        if (rc) { rh_decref(I->rt, it); return -1; }
    }
    rh_decref(I->rt, it);
    return rh_err_occurred(I->rt) ? -1 : 0;
}

/* fromunicode: the characters of a str, for typecode 'u' */
static int from_unicode(hx_interp *I, rh_object *self, rh_object *s) {
    size_t old = rh_array_len(self), len = rh_str_len(s);
    if (rh_array_resize(I->rt, self, old + len)) return -1;
    for (size_t i = 0; i < len; i++) {
        rh_object *c = rh_str_getitem(I->rt, s, (int64_t)i);
        int rc = c ? rh_array_set(I->rt, self, old + i, c) : -1;
        rh_xdecref(I->rt, c);
        if (rc) return -1;
    }
    return 0;
}

/* array_new: array(typecode[, initializer]) */
FN(arr_new) {
    UNUSED; (void)self;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "array.array() takes no keyword arguments"); return NULL; }
    if (n < 1) { rh_err_set(rt, RH_EXC_TYPE, "array() takes at least 1 argument (0 given)"); return NULL; }
    if (n > 2) { rh_err_set(rt, RH_EXC_TYPE, "array() takes at most 2 arguments (%d given)", n); return NULL; }
    if (rh_kind_of(a[0]) != RH_K_STR || rh_str_len(a[0]) != 1) {
        rh_err_set(rt, RH_EXC_TYPE, "array() argument 1 must be a unicode character, not %s", hx_tname(a[0]));
        return NULL;
    }
    uint32_t c = rh_str_char_at(a[0], 0);
    char tc = c < 128 && strchr(RH_ARRAY_TYPECODES, (int)c) ? (char)c : 'z';
    rh_object *init = n == 2 ? a[1] : NULL;
    rh_kind k = init ? rh_kind_of(init) : RH_K_NONE;
    if (init && k == RH_K_STR && tc != 'u') {
        rh_err_set(rt, RH_EXC_TYPE, "cannot use a str to initialize an array with typecode '%s'", hx_cstr(I, a[0]));
        return NULL;
    }
    rh_object *it = NULL;
    int direct = !init || k == RH_K_LIST || k == RH_K_TUPLE || (tc == 'u' && k == RH_K_STR) ||
                 (k == RH_K_ARRAY && rh_array_typecode(init) == tc);
    if (!direct) { /* anything else is iterated (PyObject_GetIter before the typecode is checked) */
        if (!(it = rh_getiter(rt, init))) return NULL;
        init = NULL;
        k = RH_K_NONE;
    }
    size_t len = k == RH_K_LIST ? rh_list_len(init) : k == RH_K_TUPLE ? rh_tuple_len(init)
               : k == RH_K_ARRAY ? rh_array_len(init) : 0;
    if (k == RH_K_STR) len = rh_str_len(init); /* PyUnicode_AsWideCharString's block becomes the items */
    rh_object *r = rh_array_new(rt, tc, len);
    if (!r) { rh_xdecref(rt, it); return NULL; }
    for (size_t i = 0; i < len && (k == RH_K_LIST || k == RH_K_TUPLE); i++) {
        rh_object *v = k == RH_K_LIST ? rh_list_get(init, i) : rh_tuple_get(init, i);
        if (rh_array_set(rt, r, i, v)) { rh_decref(rt, r); rh_xdecref(rt, it); return NULL; }
    }
    if (k == RH_K_ARRAY && len) {
        rh_object *all = rh_array_slice(rt, init, 0, (int64_t)len, 1);
        int rc = all ? rh_array_ass_slice(rt, r, 0, (int64_t)len, 1, all) : -1;
        rh_xdecref(rt, all);
        if (rc) { rh_decref(rt, r); return NULL; }
    }
    for (size_t i = 0; k == RH_K_STR && i < len; i++) {
        rh_object *ch = rh_str_getitem(rt, init, (int64_t)i);
        if (!ch || rh_array_set(rt, r, i, ch)) { rh_xdecref(rt, ch); rh_decref(rt, r); return NULL; }
        rh_decref(rt, ch);
    }
    if (it) {
        int rc = iter_extend(I, r, it);
        rh_decref(rt, it);
        if (rc) { rh_decref(rt, r); return NULL; }
    }
    return r;
}

/* ---------------------------------------------------------------- methods */

FN(arr_append) {
    UNUSED;
    if (nokw(I, "append", nkw) || nargs(I, "append", n, 1, 1)) return NULL;
    return rh_array_insert(I->rt, self, (int64_t)rh_array_len(self), a[0]) ? NULL : none(I);
}
/* array_array_extend: an array (same typecode) at once, else item by item */
FN(arr_extend) {
    UNUSED;
    if (nokw(I, "extend", nkw) || nargs(I, "extend", n, 1, 1)) return NULL;
    int rc = rh_kind_of(a[0]) == RH_K_ARRAY ? rh_array_extend_array(I->rt, self, a[0]) : iter_extend(I, self, a[0]);
    return rc ? NULL : none(I);
}
FN(arr_insert) {
    UNUSED;
    int64_t i;
    if (nokw(I, "insert", nkw) || nargs(I, "insert", n, 2, 2)) return NULL;
    if (rh_index_value(I->rt, a[0], &i)) return NULL;
    return rh_array_insert(I->rt, self, i, a[1]) ? NULL : none(I);
}
FN(arr_pop) {
    UNUSED;
    int64_t i = -1, len = (int64_t)rh_array_len(self);
    if (nokw(I, "pop", nkw) || nargs(I, "pop", n, 0, 1)) return NULL;
    if (n == 1 && rh_index_value(I->rt, a[0], &i)) return NULL;
    if (len == 0) { rh_err_set(I->rt, RH_EXC_INDEX, "pop from empty array"); return NULL; }
    if (i < 0) i += len;
    if (i < 0 || i >= len) { rh_err_set(I->rt, RH_EXC_INDEX, "pop index out of range"); return NULL; }
    rh_object *v = rh_array_get(I->rt, self, (size_t)i);
    if (v && rh_array_ass_slice(I->rt, self, i, i + 1, 1, NULL)) { rh_decref(I->rt, v); return NULL; }
    return v;
}
/* The first index in [lo, hi) whose item equals v: >= 0, -1 not found, -2 error. */
static int64_t find(hx_interp *I, rh_object *self, rh_object *v, int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi && i < (int64_t)rh_array_len(self); i++) {
        rh_object *x = rh_array_get(I->rt, self, (size_t)i);
        int eq = x ? rh_equal(I->rt, x, v) : -1;
        rh_xdecref(I->rt, x);
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}
FN(arr_remove) {
    UNUSED;
    if (nokw(I, "remove", nkw) || nargs(I, "remove", n, 1, 1)) return NULL;
    int64_t i = find(I, self, a[0], 0, (int64_t)rh_array_len(self));
    if (i == -2) return NULL;
    if (i < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "array.remove(x): x not in array"); return NULL; }
    return rh_array_ass_slice(I->rt, self, i, i + 1, 1, NULL) ? NULL : none(I);
}
/* array_array_index_impl (3.10+: start and stop, clamped as list.index) */
FN(arr_index) {
    UNUSED;
    int64_t len = (int64_t)rh_array_len(self), b[2] = {0, len};
    if (nokw(I, "index", nkw) || nargs(I, "index", n, 1, 3)) return NULL;
    for (int q = 1; q < n; q++) {
        if (rh_index_value(I->rt, a[q], &b[q - 1])) return NULL;
        if (b[q - 1] < 0) { b[q - 1] += len; if (b[q - 1] < 0) b[q - 1] = 0; }
    }
    int64_t i = find(I, self, a[0], b[0], b[1]);
    if (i == -2) return NULL;
    if (i < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "array.index(x): x not in array"); return NULL; }
    return rh_int_from_i64(I->rt, i);
}
FN(arr_count) {
    UNUSED;
    if (nokw(I, "count", nkw) || nargs(I, "count", n, 1, 1)) return NULL;
    int64_t c = 0;
    for (size_t i = 0; i < rh_array_len(self); i++) {
        rh_object *x = rh_array_get(I->rt, self, i);
        int eq = x ? rh_equal(I->rt, x, a[0]) : -1;
        rh_xdecref(I->rt, x);
        if (eq < 0) return NULL;
        c += eq;
    }
    return rh_int_from_i64(I->rt, c);
}
FN(arr_reverse) {
    UNUSED; (void)a;
    if (nokw(I, "reverse", nkw) || nargs(I, "reverse", n, 0, 0)) return NULL;
    rh_array_reverse(self);
    return none(I);
}
FN(arr_tolist) {
    UNUSED; (void)a;
    if (nokw(I, "tolist", nkw) || nargs(I, "tolist", n, 0, 0)) return NULL;
    rh_object *l = rh_list_new(I->rt, rh_array_len(self));
    for (size_t i = 0; l && i < rh_array_len(self); i++) {
        rh_object *x = rh_array_get(I->rt, self, i);
        if (!x) { /* the unfilled slots get None so the list can go */
            for (size_t j = i; j < rh_array_len(self); j++) rh_list_set_init(l, j, none(I));
            rh_decref(I->rt, l);
            return NULL;
        }
        rh_list_set_init(l, i, x);
    }
    return l;
}
FN(arr_fromlist) {
    UNUSED;
    if (nokw(I, "fromlist", nkw) || nargs(I, "fromlist", n, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_LIST) { rh_err_set(I->rt, RH_EXC_TYPE, "arg must be list"); return NULL; }
    size_t old = rh_array_len(self), m = rh_list_len(a[0]);
    if (m == 0) return none(I);
    if (rh_array_resize(I->rt, self, old + m)) return NULL;
    for (size_t i = 0; i < m; i++)
        if (rh_array_set(I->rt, self, old + i, rh_list_get(a[0], i))) {
            rh_array_resize(I->rt, self, old);
            return NULL;
        }
    return none(I);
}
FN(arr_buffer_info) {
    UNUSED; (void)a;
    if (nokw(I, "buffer_info", nkw) || nargs(I, "buffer_info", n, 0, 0)) return NULL;
    rh_object *p = rh_int_from_i64(I->rt, (int64_t)rh_array_address(self));
    rh_object *l = p ? rh_int_from_i64(I->rt, (int64_t)rh_array_len(self)) : NULL;
    rh_object *t = l ? rh_tuple_pack(I->rt, 2, p, l) : NULL;
    rh_xdecref(I->rt, p);
    rh_xdecref(I->rt, l);
    return t;
}
FN(arr_tounicode) {
    UNUSED; (void)a;
    if (nokw(I, "tounicode", nkw) || nargs(I, "tounicode", n, 0, 0)) return NULL;
    if (rh_array_typecode(self) != 'u') {
        rh_err_set(I->rt, RH_EXC_VALUE, "tounicode() may only be called on unicode type arrays");
        return NULL;
    }
    rh_object *parts = arr_tolist(I, self, NULL, 0, NULL, NULL, 0);
    rh_object *empty = parts ? rh_str_from_cstr(I->rt, "") : NULL;
    rh_object *r = empty ? rh_str_join(I->rt, empty, parts) : NULL;
    rh_xdecref(I->rt, parts);
    rh_xdecref(I->rt, empty);
    return r;
}
FN(arr_fromunicode) {
    UNUSED;
    if (nokw(I, "fromunicode", nkw) || nargs(I, "fromunicode", n, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "fromunicode() argument must be str, not %s", hx_tname(a[0]));
        return NULL;
    }
    if (rh_array_typecode(self) != 'u') {
        rh_err_set(I->rt, RH_EXC_VALUE, "fromunicode() may only be called on unicode type arrays");
        return NULL;
    }
    return from_unicode(I, self, a[0]) ? NULL : none(I);
}

#define D(nm) static const rh_builtin_def m_##nm = {#nm, (void (*)(void))arr_##nm, 0};
D(append) D(extend) D(insert) D(pop) D(remove) D(index) D(count) D(reverse) D(tolist) D(fromlist)
D(buffer_info) D(tounicode) D(fromunicode)
#undef D
static const rh_builtin_def *const array_methods[] = {
    &m_append, &m_extend, &m_insert, &m_pop, &m_remove, &m_index, &m_count, &m_reverse, &m_tolist,
    &m_fromlist, &m_buffer_info, &m_tounicode, &m_fromunicode, NULL};

int hx_array_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){array_methods, NULL};
    return 1;
}

/* a.typecode, a.itemsize: 1 and *out, or 0 for another name */
int hx_array_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    if (!strcmp(name, "typecode")) {
        char tc[2] = {rh_array_typecode(o), 0};
        *out = rh_str_from_cstr(I->rt, tc);
        return *out ? 1 : -1;
    }
    if (!strcmp(name, "itemsize")) {
        *out = rh_int_from_i64(I->rt, (int64_t)rh_array_itemsize(o));
        return *out ? 1 : -1;
    }
    return 0;
}

/* array has no vectorcall in 3.11: type_call packs the arguments (HX_METH_VARARGS) */
static const rh_builtin_def array_ctor = {"array", (void (*)(void))arr_new, HX_METH_VARARGS};
const rh_builtin_def *hx_array_constructor(void) { return &array_ctor; }

static const rh_builtin_def array_defs[] = {{NULL, NULL, 0}};

/* The module: array (and its old name ArrayType) the type, typecodes the codes in CPython's order. */
rh_object *hx_module_array(hx_interp *I) {
    rh_object *m = hx_make_module(I, "array", array_defs);
    if (!m) return NULL;
    rh_object *t = (rh_object *)rh_builtin_type(I->rt, RH_K_ARRAY);
    rh_object *codes = rh_str_from_cstr(I->rt, RH_ARRAY_TYPECODES);
    rh_object *d = rh_module_dict(m);
    if (!codes || rh_dict_set_cstr(I->rt, d, "array", t) || rh_dict_set_cstr(I->rt, d, "ArrayType", t) ||
        rh_dict_set_cstr(I->rt, d, "typecodes", codes)) {
        rh_xdecref(I->rt, codes);
        rh_decref(I->rt, m);
        return NULL;
    }
    rh_decref(I->rt, codes);
    return m;
}
