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
#include <stdio.h>
#include <stdlib.h>
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

/* ---------------------------------------------------------------- defaultdict
 * CPython's defaultdict (Modules/_collectionsmodule.c, defdictobject) is a static subtype of dict adding
 * one field, default_factory: 56 bytes + GC head. refheap makes it once per module as a class deriving
 * from dict with __slots__ = ('default_factory',): the same layout (the field right after the dict's, a
 * member descriptor as defdict_members' T_OBJECT), GC-tracked from creation as dict_new's subtype
 * allocation. Its subscript, repr and __init__ slots are defdict's; copy, __copy__ and __missing__ are
 * its methods (hx_defaultdict_find_method). A defaultdict made without a factory holds None, where
 * CPython holds NULL (default_factory reads None either way). */

static rh_object *dd_subscript(rh_runtime *rt, rh_object *o, rh_object *key);

/* Is o a defaultdict (or an instance of a subclass)? The defaultdict class is the heap class on o's tp_base
 * chain whose base is dict and whose subscript slot is dd_subscript. */
static int dd_is(rh_object *o) {
    if (rh_kind_of(o) != RH_K_DICT) return 0;
    for (rh_type *t = rh_type_of(o); t && (t->flags & RH_TPFLAG_HEAPTYPE); t = t->base)
        if (t->as_mapping.mp_subscript == dd_subscript && t->base && !(t->base->flags & RH_TPFLAG_HEAPTYPE)) return 1;
    return 0;
}

/* the default_factory field: the first slot after the dict's own fields (borrowed pointer to it) */
static rh_object **dd_factory(rh_runtime *rt, rh_object *o) {
    return (rh_object **)(void *)((char *)o + rh_builtin_type(rt, RH_K_DICT)->basicsize);
}

/* defdict_missing: KeyError(key) without a factory, else factory() stored under key (PyObject_SetItem) and
 * returned. New reference or NULL. */
static rh_object *dd_missing(rh_runtime *rt, rh_object *o, rh_object *key) {
    rh_object *factory = *dd_factory(rt, o);
    if (!factory || factory == rh_none(rt)) {
        rh_err_set_key(rt, key);
        return NULL;
    }
    rh_incref(factory);
    rh_object *value = rh_call(rt, factory, NULL, 0);
    rh_decref(rt, factory);
    if (value && rh_setitem(rt, o, key, value)) rh_setref(rt, &value, NULL);
    return value;
}

FN(dd_missing_m) {
    UNUSED;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "defaultdict.__missing__() takes no keyword arguments"); return NULL; }
    if (n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "defaultdict.__missing__() takes exactly one argument (%d given)", n);
        return NULL;
    }
    return dd_missing(I->rt, self, a[0]);
}
static const rh_builtin_def dd_missing_def = {"__missing__", (void (*)(void))dd_missing_m, 0};

/* dict_subscript on a defaultdict: the item, else __missing__ as _PyObject_LookupSpecial finds it: a
 * subclass's own (dict's subscript calls it), or defaultdict's, bound to o for the call (the built-in
 * method object CPython's lookup makes lives across the call). New reference or NULL. */
static rh_object *dd_subscript(rh_runtime *rt, rh_object *o, rh_object *key) {
    if (rh_class_special(rt, (rh_object *)rh_type_of(o), "__missing__"))
        return rh_builtin_type(rt, RH_K_DICT)->as_mapping.mp_subscript(rt, o, key);
    rh_object *v = rh_dict_get(rt, o, key);
    if (v) { rh_incref(v); return v; }
    if (rh_err_occurred(rt)) return NULL;
    rh_object *bound = rh_builtin_new(rt, &dd_missing_def, o);
    if (!bound) return NULL;
    v = dd_missing(rt, o, key);
    rh_decref(rt, bound);
    return v;
}

/* defdict_repr: "%s(%U, %U)" of the type's name, repr(default_factory) ("None" without one) and dict's
 * repr. New str or NULL. */
static rh_object *dd_repr(rh_runtime *rt, rh_object *o) {
    rh_object *base = rh_repr_as(rt, rh_builtin_type(rt, RH_K_DICT), o), *fr = NULL, *r = NULL;
    rh_object *factory = *dd_factory(rt, o);
    if (base && factory && factory != rh_none(rt)) fr = rh_repr(rt, factory);
    if (base && (fr || !factory || factory == rh_none(rt))) {
        size_t nb, nf;
        const char *b = rh_str_utf8(rt, base, &nb), *f = fr ? rh_str_utf8(rt, fr, &nf) : "None";
        if (!fr) nf = 4;
        const char *tn = rh_type_of(o)->name;
        size_t len = strlen(tn) + nf + nb + 4;
        char *buf = b && f ? malloc(len + 1) : NULL;
        if (buf) {
            snprintf(buf, len + 1, "%s(%s, %s)", tn, f, b);
            r = rh_str_from_utf8(rt, buf, len);
            free(buf);
        } else if (b && f) {
            rh_err_set(rt, RH_EXC_MEMORY, "%s", "");
        }
    }
    rh_xdecref(rt, fr);
    rh_xdecref(rt, base);
    return r;
}

/* defdict_copy: type(self)(default_factory, self) */
FN(dd_copy) {
    UNUSED;
    (void)a;
    if (nkw || n) { rh_err_set(I->rt, RH_EXC_TYPE, "copy() takes no arguments (%d given)", n + nkw); return NULL; }
    rh_object *factory = *dd_factory(I->rt, self);
    rh_object *args[2] = {factory ? factory : rh_none(I->rt), self};
    rh_incref(args[0]);
    rh_incref(args[1]);
    rh_object *cls = (rh_object *)rh_type_of(self);
    rh_incref(cls);
    rh_object *r = hx_call(I, cls, args, 2, NULL, NULL, 0);
    rh_decref(I->rt, cls);
    return r;
}
static const rh_builtin_def dd_copy_def = {"copy", (void (*)(void))dd_copy, 0};
static const rh_builtin_def dd_copy2_def = {"__copy__", (void (*)(void))dd_copy, 0};
static const rh_builtin_def *const dd_methods[] = {&dd_copy_def, &dd_copy2_def, &dd_missing_def, NULL};

const rh_builtin_def *hx_defaultdict_find_method(rh_object *self, const char *name) {
    if (!dd_is(self)) return NULL;
    for (int i = 0; dd_methods[i]; i++)
        if (!strcmp(dd_methods[i]->name, name)) return dd_methods[i];
    return NULL;
}

/* defdict_init's part before dict's __init__: the first positional argument, when there is one, is the
 * new default_factory (callable or None: PyCallable_Check), the rest go to dict's __init__ as the tuple
 * PySequence_GetSlice(args, 1, n) makes (*rest, owned, NULL when it is the empty tuple; the caller drops it
 * after dict's __init__). Returns how many arguments it took (0 or 1; 0 when self is no defaultdict), -1
 * with the error set. */
int hx_defaultdict_init(hx_interp *I, rh_object *self, rh_object **a, int n, rh_object **rest) {
    *rest = NULL;
    if (!dd_is(self)) return 0;
    rh_object *nf = n > 0 ? a[0] : rh_none(I->rt);
    if (nf != rh_none(I->rt) && !rh_type_of(nf)->tp_call && rh_kind_of(nf) != RH_K_WEAKREF) {
        rh_err_set(I->rt, RH_EXC_TYPE, "first argument must be callable or None");
        return -1;
    }
    if (n > 1) {
        if (!(*rest = rh_tuple_new(I->rt, (size_t)n - 1))) return -1;
        for (int i = 1; i < n; i++) { rh_incref(a[i]); rh_tuple_set(*rest, (size_t)i - 1, a[i]); }
    }
    rh_incref(nf);
    rh_setref(I->rt, dd_factory(I->rt, self), nf);
    return n > 0;
}

/* The defaultdict class: `class defaultdict(dict): __slots__ = ('default_factory',)` in module
 * collections, then defdict's slots. New reference or NULL. */
static rh_object *make_defaultdict(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *name = rh_str_intern_utf8(rt, "defaultdict", 11), *ns = rh_dict_new(rt), *cls = NULL;
    rh_object *bases = rh_tuple_pack(rt, 1, (rh_object *)rh_builtin_type(rt, RH_K_DICT));
    rh_object *mod = rh_str_intern_utf8(rt, "collections", 11), *fld = rh_str_intern_utf8(rt, "default_factory", 15);
    rh_object *slots = fld ? rh_tuple_pack(rt, 1, fld) : NULL;
    if (name && ns && bases && mod && slots && !rh_dict_set_cstr(rt, ns, "__module__", mod) &&
        !rh_dict_set_cstr(rt, ns, "__slots__", slots))
        cls = rh_class_new(rt, name, bases, ns);
    if (cls) {
        rh_type *t = (rh_type *)cls;
        t->as_mapping.mp_subscript = dd_subscript;
        t->tp_repr = dd_repr;
        t->repr_into = NULL;
    }
    rh_xdecref(rt, name); rh_xdecref(rt, ns); rh_xdecref(rt, bases); rh_xdecref(rt, mod); rh_xdecref(rt, fld);
    rh_xdecref(rt, slots);
    return cls;
}

static const rh_builtin_def no_defs[] = {{NULL, NULL, 0}};

/* _collections and (for now) collections: deque, defaultdict */
static rh_object *make(hx_interp *I, const char *name) {
    rh_object *m = hx_make_module(I, name, no_defs);
    if (m && rh_dict_set_cstr(I->rt, rh_module_dict(m), "deque", (rh_object *)rh_builtin_type(I->rt, RH_K_DEQUE))) {
        rh_decref(I->rt, m);
        return NULL;
    }
    rh_object *dd = NULL;
    if (m && !strcmp(name, "_collections")) {
        dd = make_defaultdict(I);
    } else if (m) { /* collections takes _collections's class (`from _collections import defaultdict`) */
        rh_object *c = hx_import_module(I, "_collections");
        dd = c ? rh_dict_get(I->rt, rh_module_dict(c), I->s_defaultdict) : NULL;
        rh_xincref(dd);
        rh_xdecref(I->rt, c);
    }
    if (m && (!dd || rh_dict_set_cstr(I->rt, rh_module_dict(m), "defaultdict", dd))) rh_setref(I->rt, &m, NULL);
    rh_xdecref(I->rt, dd);
    return m;
}
rh_object *hx_module__collections(hx_interp *I) { return make(I, "_collections"); }
rh_object *hx_module_collections(hx_interp *I) { return make(I, "collections"); }
