/* mod_collections.c — the _collections module (CPython 3.11 Modules/_collectionsmodule.c): deque,
 * defaultdict and _tuplegetter (its object: reference/src/t_tuplegetter.c), which Lib's collections package
 * imports; and the native `collections` that stands in for that package where the profile's Lib has no
 * collections directory (py27: import.c hx_native_module_found; docs/conformance.md).
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

int hx_deque_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){deque_methods, NULL};
    return 1;
}

/* deque.maxlen (a getset: None or the int): 1 and *out, or 0 when o is no deque or name is another */
static int tuplegetter_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out);
int hx_collections_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    if (rh_kind_of(o) == RH_K_TUPLEGETTER) return tuplegetter_getattr(I, o, name, out);
    if (!rh_is_deque(o) || !rh_str_eq_cstr(name, "maxlen")) return 0;
    int64_t m = rh_deque_maxlen(o);
    *out = m < 0 ? none(I) : rh_int_from_i64(I->rt, m);
    return *out ? 1 : -1;
}

/* ---------------------------------------------------------------- _tuplegetter
 * _collections._tuplegetter(index, doc, /) (tuplegetter_new_impl, through Argument Clinic: no keywords,
 * exactly two positionals, index a Py_ssize_t); the object is the library's (t_tuplegetter.c). */
FN(col_tuplegetter) {
    UNUSED;
    (void)self;
    int64_t index;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "_tuplegetter() takes no keyword arguments"); return NULL; }
    if (n != 2) { rh_err_set(I->rt, RH_EXC_TYPE, "_tuplegetter expected 2 arguments, got %d", n); return NULL; }
    if (ssize_arg(I, a[0], &index)) return NULL;
    return rh_tuplegetter_new(I->rt, index, a[1]);
}
DEF(d_tuplegetter, "_tuplegetter", col_tuplegetter);

/* _tuplegetter's __doc__ (tuplegetter_members: a writable T_OBJECT); 1 with *out, or 0 for another name */
static int tuplegetter_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    if (!rh_str_eq_cstr(name, "__doc__")) return 0;
    *out = rh_tuplegetter_doc(o);
    rh_incref(*out);
    return 1;
}

/* _tuplegetter.__doc__ = v (del: None, as a T_OBJECT member's delete stores NULL, read back as None) */
int hx_tuplegetter_setattr(hx_interp *I, rh_object *o, rh_object *name, rh_object *v) {
    if (!rh_str_eq_cstr(name, "__doc__")) return 0;
    rh_tuplegetter_set_doc(I->rt, o, v ? v : rh_none(I->rt));
    return 1;
}

const rh_builtin_def *hx_collections_constructor(rh_object *type) {
    rh_kind k = ((rh_type *)type)->kind;
    return k == RH_K_DEQUE ? &d_deque : k == RH_K_TUPLEGETTER ? &d_tuplegetter : NULL;
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
    if (rh_err_occurred(rt)) return NULL;
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


/* ---------------------------------------------------------------- OrderedDict
 * CPython 3.11's OrderedDict is the C type of Objects/odictobject.c (PyODict_Type), a dict subtype with a
 * linked list of key nodes. refheap makes it once per _collections module as `class OrderedDict(dict):
 * __slots__ = ()` in module collections and gives it PyODictObject's layout and its list, iterator and
 * views (rh_odict_class_layout; reference/src/t_odict.c): 112-byte instances with their __dict__ at 96,
 * the nodes and od_fast_nodes in PyMem memory (sys.getsizeof counts them as odict_sizeof). Its slots
 * (odict_mp_ass_sub, odict_iter, odict_repr, odict_richcompare, odict_or, odict_inplace_or) are set on the
 * class; its methods (odict_methods) are method descriptors in the class's namespace, fromkeys a
 * classmethod descriptor; a subclass's super().__setitem__ and OrderedDict.__setitem__(od, ...) reach the
 * class's slots as odict's wrapper descriptors (builtins_func.c, interp.c). Not modelled: the class is a
 * heap type (a GC object, with a __dict__ of its own), and OrderedDict.__dict__ lacks the slot wrappers. */

/* PyODict_Check: an instance of OrderedDict or of a subclass */
static int od_is(rh_object *o) { return rh_kind_of(o) == RH_K_DICT && (rh_type_of(o)->flags & RH_TPFLAG_ODICT); }
/* PyODict_CheckExact: the OrderedDict class itself (its own methods, not a subclass's overrides) */
static int od_exact(rh_object *o) { return od_is(o) && !(rh_type_of(o)->base->flags & RH_TPFLAG_ODICT); }

static rh_object *getattr_cstr(rh_runtime *rt, rh_object *o, const char *name, int *missing) {
    rh_object *n = rh_str_intern_utf8(rt, name, strlen(name));
    rh_object *r = n ? rh_getattr(rt, o, n) : NULL;
    rh_xdecref(rt, n);
    *missing = !r && rh_err_occurred(rt) == RH_EXC_ATTRIBUTE;
    if (*missing) rh_err_clear(rt);
    return r;
}

/* mutablemapping_add_pairs: each item of pairs unpacked through its iterator into key and value, then
 * self[key] = value. 0 or -1. */
static int od_add_pairs(rh_runtime *rt, rh_object *self, rh_object *pairs) {
    rh_object *it = rh_getiter(rt, pairs), *pair;
    if (!it) return -1;
    int res = 0;
    while (!res && (pair = rh_iternext(rt, it))) {
        rh_object *pit = rh_getiter(rt, pair), *key = NULL, *value = NULL, *other = NULL;
        rh_decref(rt, pair);
        res = -1;
        if (!pit) break;
        if (!(key = rh_iternext(rt, pit))) {
            if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_VALUE, "need more than 0 values to unpack");
        } else if (!(value = rh_iternext(rt, pit))) {
            if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_VALUE, "need more than 1 value to unpack");
        } else if ((other = rh_iternext(rt, pit))) {
            rh_decref(rt, other);
            rh_err_set(rt, RH_EXC_VALUE, "too many values to unpack (expected 2)");
        } else if (!rh_err_occurred(rt)) {
            res = rh_setitem(rt, self, key, value);
        }
        rh_xdecref(rt, key);
        rh_xdecref(rt, value);
        rh_decref(rt, pit);
    }
    rh_decref(rt, it);
    return res || rh_err_occurred(rt) ? -1 : 0;
}

/* mutablemapping_update_arg: an exact dict's items(); else arg.keys() and arg[key]; else arg.items();
 * else pairs. 0 or -1. */
static int od_update_arg(rh_runtime *rt, rh_object *self, rh_object *arg) {
    int missing, res = 0;
    if (rh_type_of(arg) == rh_builtin_type(rt, RH_K_DICT)) {
        rh_object *items = rh_dict_items_list(rt, arg);
        if (!items) return -1;
        res = od_add_pairs(rt, self, items);
        rh_decref(rt, items);
        return res;
    }
    rh_object *func = getattr_cstr(rt, arg, "keys", &missing);
    if (func) {
        rh_object *keys = rh_call(rt, func, NULL, 0), *it, *key;
        rh_decref(rt, func);
        it = keys ? rh_getiter(rt, keys) : NULL;
        rh_xdecref(rt, keys);
        if (!it) return -1;
        while (!res && (key = rh_iternext(rt, it))) {
            rh_object *value = rh_getitem(rt, arg, key);
            res = value ? rh_setitem(rt, self, key, value) : -1;
            rh_xdecref(rt, value);
            rh_decref(rt, key);
        }
        rh_decref(rt, it);
        return res || rh_err_occurred(rt) ? -1 : 0;
    }
    if (!missing) return -1;
    if ((func = getattr_cstr(rt, arg, "items", &missing))) {
        rh_object *items = rh_call(rt, func, NULL, 0);
        rh_decref(rt, func);
        if (!items) return -1;
        res = od_add_pairs(rt, self, items);
        rh_decref(rt, items);
        return res;
    }
    return missing ? od_add_pairs(rt, self, arg) : -1;
}

/* mutablemapping_update (odict_init and OrderedDict.update): at most one positional argument, then the
 * keywords' items. 0 or -1. */
static int od_update(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    if (n > 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "update() takes at most 1 positional argument (%d given)", n);
        return -1;
    }
    if (n == 1 && od_update_arg(I->rt, self, a[0])) return -1;
    if (!nkw) return 0;
    rh_object *kw = rh_dict_new(I->rt), *items = NULL; /* the call's kwargs dict, then PyDict_Items(kwargs) */
    int res = -1;
    if (!kw) return -1;
    for (int k = 0; k < nkw; k++)
        if (rh_dict_set_cstr(I->rt, kw, kwn[k], kwv[k])) goto out;
    if ((items = rh_dict_items_list(I->rt, kw))) res = od_add_pairs(I->rt, self, items);
out:
    rh_xdecref(I->rt, items);
    rh_decref(I->rt, kw);
    return res;
}

/* dict's __init__ on an OrderedDict is odict_init (builtins.c builtin_init): 1 handled (*r the result), 0
 * when self is no OrderedDict */
int hx_odict_init(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw,
                  rh_object **r) {
    if (!od_is(self)) return 0;
    if (n > 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "expected at most 1 arguments, got %d", n);
        *r = NULL;
        return 1;
    }
    *r = od_update(I, self, a, n, kwn, kwv, nkw) ? NULL : none(I);
    return 1;
}

FN(od_update_m) { return od_update(I, self, a, n, kwn, kwv, nkw) ? NULL : none(I); }

/* METH_NOARGS through a method descriptor: "OrderedDict.keys() takes no arguments (1 given)" */
static int od_noargs(hx_interp *I, const char *m, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "OrderedDict.%s() takes no keyword arguments", m); return -1; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "OrderedDict.%s() takes no arguments (%d given)", m, n); return -1; }
    return 0;
}

/* odictkeys_new / odictvalues_new / odictitems_new: views of the odict kinds (t_dictview.c) */
FN(od_keys) { UNUSED; (void)a; return od_noargs(I, "keys", n, nkw) ? NULL : rh_dictview_new(I->rt, self, RH_K_ODICTKEYS); }
FN(od_values) { UNUSED; (void)a; return od_noargs(I, "values", n, nkw) ? NULL : rh_dictview_new(I->rt, self, RH_K_ODICTVALUES); }
FN(od_items) { UNUSED; (void)a; return od_noargs(I, "items", n, nkw) ? NULL : rh_dictview_new(I->rt, self, RH_K_ODICTITEMS); }

/* odict_reversed */
FN(od_reversed) {
    UNUSED;
    (void)a;
    if (od_noargs(I, "__reversed__", n, nkw)) return NULL;
    return rh_odictiter_new(I->rt, self, RH_ODICT_ITER_KEYS | RH_ODICT_ITER_REVERSED);
}

/* odict_sizeof */
FN(od_sizeof) {
    UNUSED;
    (void)a;
    return od_noargs(I, "__sizeof__", n, nkw) ? NULL : rh_int_from_i64(I->rt, (int64_t)rh_odict_sizeof(I->rt, self));
}

/* odict_clear: dict's clear, then the nodes */
FN(od_clear) {
    UNUSED;
    (void)a;
    if (od_noargs(I, "clear", n, nkw)) return NULL;
    if (rh_dict_clear(I->rt, self)) return NULL;
    rh_odict_clear_nodes(I->rt, self);
    return none(I);
}

/* _odict_popkey_hash: the node first, then the dict's item (a subclass's own __contains__, __getitem__,
 * __delitem__ for it); the default, else KeyError(key). New reference or NULL. */
static rh_object *od_popkey(rh_runtime *rt, rh_object *self, rh_object *key, rh_object *dflt) {
    rh_object *value = NULL;
    if (od_exact(self)) {
        rh_object *v = rh_dict_get(rt, self, key);
        if (v) value = rh_odict_pop_known(rt, self, key);
        if (!value && rh_err_occurred(rt)) return NULL;
    } else {
        int exists = rh_contains(rt, self, key);
        if (exists < 0) return NULL;
        if (exists && (value = rh_getitem(rt, self, key)) && rh_delitem(rt, self, key)) rh_setref(rt, &value, NULL);
        if (!value && rh_err_occurred(rt)) return NULL;
    }
    if (value) return value;
    if (dflt) { rh_incref(dflt); return dflt; }
    rh_err_set_key(rt, key);
    return NULL;
}

/* OrderedDict.pop(key, default=<unrepresentable>) */
FN(od_pop) {
    static const char *const names[] = {"key", "default"};
    rh_object *args[2];
    if (hx_parse_kw(I, "pop", names, 2, 2, 1, a, n, kwn, kwv, nkw, args)) return NULL;
    return od_popkey(I->rt, self, args[0], args[1]);
}

/* the `last: bool = True` parameter (PyObject_IsTrue): 1, 0, -1 */
static int od_last(hx_interp *I, rh_object *v) { return v ? rh_truthy(I->rt, v) : 1; }

/* OrderedDict.popitem(last=True): KeyError "dictionary is empty", else the last (first) item */
FN(od_popitem) {
    static const char *const names[] = {"last"};
    rh_object *args[1];
    if (hx_parse_kw(I, "popitem", names, 1, 1, 0, a, n, kwn, kwv, nkw, args)) return NULL;
    int last = od_last(I, args[0]);
    if (last < 0) return NULL;
    rh_object *key = rh_odict_end_key(self, last);
    if (!key) {
        rh_err_set(I->rt, RH_EXC_KEY, "dictionary is empty");
        return NULL;
    }
    rh_incref(key);
    rh_object *value = od_popkey(I->rt, self, key, NULL), *item = NULL;
    if (value) item = rh_tuple_pack(I->rt, 2, key, value);
    rh_decref(I->rt, key);
    rh_xdecref(I->rt, value);
    return item;
}

/* OrderedDict.move_to_end(key, last=True) */
FN(od_move_to_end) {
    static const char *const names[] = {"key", "last"};
    rh_object *args[2];
    if (hx_parse_kw(I, "move_to_end", names, 2, 2, 1, a, n, kwn, kwv, nkw, args)) return NULL;
    int last = od_last(I, args[1]);
    if (last < 0 || rh_odict_move_to_end(I->rt, self, args[0], last)) return NULL;
    return none(I);
}

/* OrderedDict.setdefault(key, default=None): the item, else default stored (a subclass through its own
 * __contains__ / __getitem__ / __setitem__) */
FN(od_setdefault) {
    static const char *const names[] = {"key", "default"};
    rh_object *args[2];
    if (hx_parse_kw(I, "setdefault", names, 2, 2, 1, a, n, kwn, kwv, nkw, args)) return NULL;
    rh_runtime *rt = I->rt;
    rh_object *key = args[0], *dflt = args[1] ? args[1] : rh_none(rt);
    if (od_exact(self)) {
        rh_object *v = rh_dict_get(rt, self, key);
        if (v) { rh_incref(v); return v; }
        if (rh_err_occurred(rt) || rh_odict_setitem(rt, self, key, dflt)) return NULL;
        rh_incref(dflt);
        return dflt;
    }
    int exists = rh_contains(rt, self, key);
    if (exists < 0) return NULL;
    if (exists) return rh_getitem(rt, self, key);
    if (rh_setitem(rt, self, key, dflt)) return NULL;
    rh_incref(dflt);
    return dflt;
}

/* odict_copy: type(self)(), then each key in order stored with its value */
FN(od_copy) {
    UNUSED;
    (void)a;
    if (od_noargs(I, "copy", n, nkw)) return NULL;
    rh_runtime *rt = I->rt;
    rh_object *cls = (rh_object *)rh_type_of(self);
    rh_incref(cls);
    rh_object *copy = hx_call(I, cls, NULL, 0, NULL, NULL, 0);
    rh_decref(rt, cls);
    if (!copy) return NULL;
    rh_object *it = rh_odictiter_new(rt, self, RH_ODICT_ITER_KEYS), *key; /* _odict_FOREACH */
    int exact = od_exact(self), rc = it ? 0 : -1;
    while (!rc && it && (key = rh_iternext(rt, it))) {
        rh_object *v = exact ? rh_dict_get(rt, self, key) : rh_getitem(rt, self, key);
        if (!v && !rh_err_occurred(rt)) rh_err_set_key(rt, key);
        rc = !v ? -1 : exact ? rh_odict_setitem(rt, copy, key, v) : rh_setitem(rt, copy, key, v);
        if (v && !exact) rh_decref(rt, v);
        rh_decref(rt, key);
    }
    rh_xdecref(rt, it);
    if (rc || rh_err_occurred(rt)) rh_setref(rt, &copy, NULL);
    return copy;
}

/* odict_reduce: (type(self), (), self.__dict__ or None when empty, None, iter(self.items())) */
FN(od_reduce) {
    UNUSED;
    (void)a;
    if (od_noargs(I, "__reduce__", n, nkw)) return NULL;
    rh_runtime *rt = I->rt;
    int missing;
    rh_object *dict = getattr_cstr(rt, self, "__dict__", &missing), *args = NULL, *items = NULL, *it = NULL, *r = NULL;
    if (!dict) {
        if (missing) rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '__dict__'", rh_type_name(self));
        return NULL;
    }
    int64_t len = rh_len(rt, dict);
    if (len < 0) goto out;
    if (!len) rh_setref(rt, &dict, NULL);
    if (!(args = rh_tuple_new(rt, 0))) goto out;
    rh_object *f = getattr_cstr(rt, self, "items", &missing);
    if (!f) {
        if (missing) rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute 'items'", rh_type_name(self));
        goto out;
    }
    items = rh_call(rt, f, NULL, 0);
    rh_decref(rt, f);
    if (!items || !(it = rh_getiter(rt, items))) goto out;
    r = rh_tuple_pack(rt, 5, (rh_object *)rh_type_of(self), args, dict ? dict : rh_none(rt), rh_none(rt), it);
out:
    rh_xdecref(rt, dict);
    rh_xdecref(rt, args);
    rh_xdecref(rt, items);
    rh_xdecref(rt, it);
    return r;
}

/* OrderedDict.fromkeys(iterable, value=None), a classmethod: _PyDict_FromKeys on a dict subclass,
 * cls() then cls_instance[key] = value for each key */
FN(od_fromkeys) {
    static const char *const names[] = {"iterable", "value"};
    rh_object *args[2];
    if (hx_parse_kw(I, "fromkeys", names, 2, 2, 1, a, n, kwn, kwv, nkw, args)) return NULL;
    rh_runtime *rt = I->rt;
    rh_object *value = args[1] ? args[1] : rh_none(rt);
    rh_incref(self);
    rh_object *d = hx_call(I, self, NULL, 0, NULL, NULL, 0);
    rh_decref(rt, self);
    rh_object *it = d ? rh_getiter(rt, args[0]) : NULL, *k;
    if (!it) { rh_xdecref(rt, d); return NULL; }
    while ((k = rh_iternext(rt, it))) {
        int rc = rh_setitem(rt, d, k, value);
        rh_decref(rt, k);
        if (rc) break;
    }
    rh_decref(rt, it);
    if (rh_err_occurred(rt)) rh_setref(rt, &d, NULL);
    return d;
}

static const rh_builtin_def od_defs[] = {
    {"__reduce__", (void (*)(void))od_reduce, 0},      {"__sizeof__", (void (*)(void))od_sizeof, 0},
    {"setdefault", (void (*)(void))od_setdefault, 0},  {"pop", (void (*)(void))od_pop, 0},
    {"popitem", (void (*)(void))od_popitem, 0},        {"keys", (void (*)(void))od_keys, 0},
    {"values", (void (*)(void))od_values, 0},          {"items", (void (*)(void))od_items, 0},
    {"update", (void (*)(void))od_update_m, 0},        {"clear", (void (*)(void))od_clear, 0},
    {"copy", (void (*)(void))od_copy, 0},              {"__reversed__", (void (*)(void))od_reversed, 0},
    {"move_to_end", (void (*)(void))od_move_to_end, 0},
};
static const rh_builtin_def od_fromkeys_def = {"fromkeys", (void (*)(void))od_fromkeys, 0};

/* odict_repr: "OrderedDict()" when empty, else "OrderedDict([(k, v), ...])" of the pairs in order (a
 * subclass: list(self.items())), or from 3.12 "OrderedDict({k: v, ...})" of PyDict_Copy(self); "..."
 * inside itself. New str or NULL. */
/* "<type name>(<s>)": new str or NULL */
static rh_object *od_call_str(rh_runtime *rt, const char *tn, const char *s, size_t ns) {
    size_t len = strlen(tn) + ns + 2;
    char *buf = malloc(len + 1);
    if (!buf) { rh_err_set(rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
    snprintf(buf, len + 1, "%s(%.*s)", tn, (int)ns, s);
    rh_object *r = rh_str_from_utf8(rt, buf, len);
    free(buf);
    return r;
}

/* 3.12's odict_repr prints PyDict_Copy(self), a new dict filled by dict_merge's slow path (odict's tp_iter
 * is not dict's): PyMapping_Keys (o.keys() as a list: method_output_as_list), then o[k] for each key.
 * New dict or NULL. */
static rh_object *od_dict_copy(rh_runtime *rt, rh_object *o) {
    int missing;
    rh_object *d = rh_dict_new(rt), *f = d ? getattr_cstr(rt, o, "keys", &missing) : NULL;
    if (d && !f && missing) rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute 'keys'", rh_type_of(o)->name);
    rh_object *out = f ? rh_call(rt, f, NULL, 0) : NULL;
    rh_object *keys = out && rh_kind_of(out) != RH_K_LIST ? rh_list_from_iterable(rt, out, 1) : out;
    if (keys != out) rh_xdecref(rt, out);
    rh_object *it = keys ? rh_getiter(rt, keys) : NULL, *k;
    int rc = it ? 0 : -1;
    while (it && !rc && (k = rh_iternext(rt, it))) {
        rh_object *v = rh_getitem(rt, o, k);
        rc = v ? rh_dict_set(rt, d, k, v) : -1;
        rh_xdecref(rt, v);
        rh_decref(rt, k);
    }
    if (rc || rh_err_occurred(rt)) rh_setref(rt, &d, NULL);
    rh_xdecref(rt, it);
    rh_xdecref(rt, keys);
    rh_xdecref(rt, f);
    return d;
}

static rh_object *od_repr(rh_runtime *rt, rh_object *o) {
    const char *tn = rh_type_of(o)->name, *dot = strrchr(tn, '.'); /* _PyType_Name */
    if (dot) tn = dot + 1;
    if (!rh_dict_len(o)) return od_call_str(rt, tn, "", 0);
    int rc = rh_repr_enter(rt, o);
    if (rc) return rc > 0 ? rh_str_from_cstr(rt, "...") : NULL;
    rh_object *pieces = NULL, *r = NULL;
    if (rh_runtime_profile(rt)->odict_repr_dict) {
        pieces = od_dict_copy(rt, o);
    } else if (od_exact(o)) {
        pieces = rh_odict_pairs(rt, o);
    } else {
        int missing;
        rh_object *f = getattr_cstr(rt, o, "items", &missing), *items = f ? rh_call(rt, f, NULL, 0) : NULL;
        rh_xdecref(rt, f);
        if (!f && missing) rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute 'items'", tn);
        pieces = items ? rh_list_from_iterable(rt, items, 1) : NULL; /* PySequence_List */
        rh_xdecref(rt, items);
    }
    rh_object *pr = pieces && !rh_err_occurred(rt) ? rh_repr(rt, pieces) : NULL;
    if (pr) {
        size_t len;
        const char *s = rh_str_utf8(rt, pr, &len);
        r = s ? od_call_str(rt, tn, s, len) : NULL;
    }
    rh_xdecref(rt, pr);
    rh_xdecref(rt, pieces);
    rh_repr_leave(rt, o);
    return r;
}

/* odict_richcompare: == / != against a dict as dict's, and between two OrderedDicts the key orders too */
static rh_object *od_richcompare(rh_runtime *rt, rh_object *v, rh_object *w, int op) {
    if (!od_is(v) || rh_kind_of(w) != RH_K_DICT || (op != RH_CMP_EQ && op != RH_CMP_NE))
        return rh_notimplemented(rt); /* a new reference */
    rh_object *res = rh_builtin_type(rt, RH_K_DICT)->tp_richcompare(rt, v, w, op);
    if (!res || !od_is(w)) return res;
    int eq = res == (op == RH_CMP_EQ ? rh_true(rt) : rh_false(rt));
    rh_decref(rt, res);
    if (eq && (eq = rh_odict_keys_equal(rt, v, w)) < 0) return NULL;
    res = eq == (op == RH_CMP_EQ) ? rh_true(rt) : rh_false(rt);
    rh_incref(res);
    return res;
}

/* odict_or: type(od)(left) updated with right, when the other operand is a dict */
static rh_object *od_or(rh_runtime *rt, rh_object *left, rh_object *right) {
    rh_object *type = od_is(left) ? (rh_object *)rh_type_of(left) : (rh_object *)rh_type_of(right);
    rh_object *other = od_is(left) ? right : left;
    if (rh_kind_of(other) != RH_K_DICT) return rh_notimplemented(rt); /* a new reference */
    rh_object *r = rh_call(rt, type, &left, 1);
    if (r && od_update_arg(rt, r, right)) rh_setref(rt, &r, NULL);
    return r;
}

/* odict_inplace_or */
static rh_object *od_ior(rh_runtime *rt, rh_object *self, rh_object *other) {
    if (od_update_arg(rt, self, other)) return NULL;
    rh_incref(self);
    return self;
}

/* The OrderedDict class: `class OrderedDict(dict): __slots__ = ()` in module collections, given
 * PyODictObject's layout, odict's slots and its methods. New reference or NULL. */
static rh_object *make_odict(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *name = rh_str_intern_utf8(rt, "OrderedDict", 11), *ns = rh_dict_new(rt), *cls = NULL;
    rh_object *bases = rh_tuple_pack(rt, 1, (rh_object *)rh_builtin_type(rt, RH_K_DICT));
    rh_object *mod = rh_str_intern_utf8(rt, "collections", 11), *slots = rh_tuple_new(rt, 0);
    if (name && ns && bases && mod && slots && !rh_dict_set_cstr(rt, ns, "__module__", mod) &&
        !rh_dict_set_cstr(rt, ns, "__slots__", slots))
        cls = rh_class_new(rt, name, bases, ns);
    int ok = cls != NULL;
    if (ok) {
        rh_type *t = (rh_type *)cls;
        rh_odict_class_layout(rt, cls);
        t->name = "collections.OrderedDict"; /* PyODict_Type's tp_name (error messages); __name__ stays, */
        if (!t->qualname_obj) rh_incref(name), t->qualname_obj = name; /* and the repr shows __qualname__ */
        t->tp_repr = od_repr;
        t->repr_into = NULL;
        t->tp_richcompare = od_richcompare;
        t->as_number.nb_or = od_or;
        t->as_number.nb_inplace_or = od_ior;
        for (size_t i = 0; ok && i <= sizeof od_defs / sizeof od_defs[0]; i++) {
            int cm = i == sizeof od_defs / sizeof od_defs[0]; /* fromkeys: a classmethod descriptor */
            const rh_builtin_def *def = cm ? &od_fromkeys_def : &od_defs[i];
            rh_object *d = cm ? rh_classmethod_descr_new(rt, t, def) : rh_method_descr_new(rt, t, def);
            ok = d && !rh_dict_set_cstr(rt, t->dict, def->name, d);
            rh_xdecref(rt, d);
        }
    }
    if (!ok) rh_setref(rt, &cls, NULL);
    rh_xdecref(rt, name); rh_xdecref(rt, ns); rh_xdecref(rt, bases); rh_xdecref(rt, mod); rh_xdecref(rt, slots);
    return cls;
}


/* ---------------------------------------------------------------- namedtuple
 * CPython's namedtuple (Lib/collections/__init__.py) execs generated source for __new__ and builds the class
 * with type(typename, (tuple,), namespace). refheap builds the same class natively: a class deriving from
 * tuple with __slots__ = () (so an instance is a tuple of the class: 24 + 8 per field + GC head, tracked,
 * never untracked by the collector as exact tuples are), whose namespace holds __doc__, __slots__, _fields,
 * _field_defaults, __match_args__ (3.10+), __new__ (a staticmethod over nt_new, which binds the arguments
 * as the generated `def __new__(_cls, x, y)` would and makes the instance as `_tuple_new(_cls, (x, y))`),
 * _make (a classmethod) and one property per field (CPython's _tuplegetter descriptors; refheap's are
 * properties over a built-in getter). The repr slot is the generated __repr__'s; _asdict, _replace and
 * __getnewargs__ are methods (hx_namedtuple_find_method). Not modelled: rename=True. */

static rh_object *nt_repr(rh_runtime *rt, rh_object *o);

/* the namedtuple class on o's tp_base chain (the heap class deriving from tuple whose repr slot is nt_repr),
 * borrowed, or NULL */
static rh_object *nt_class(rh_object *o) {
    if (rh_kind_of(o) != RH_K_TUPLE) return NULL;
    for (rh_type *t = rh_type_of(o); t && (t->flags & RH_TPFLAG_HEAPTYPE); t = t->base)
        if (t->tp_repr == nt_repr && t->base && !(t->base->flags & RH_TPFLAG_HEAPTYPE)) return (rh_object *)t;
    return NULL;
}

/* cls.<name> found on the class (borrowed) or NULL */
static rh_object *nt_class_attr(rh_runtime *rt, rh_object *cls, const char *name) {
    rh_object *k = rh_str_intern_utf8(rt, name, strlen(name));
    rh_object *v = k ? rh_class_lookup(rt, cls, k) : NULL;
    rh_xdecref(rt, k);
    return v;
}

/* the generated __repr__: self.__class__.__name__ + '(x=%r, y=%r)' % self. New str or NULL. */
static rh_object *nt_repr(rh_runtime *rt, rh_object *o) {
    rh_object *fields = nt_class_attr(rt, nt_class(o), "_fields");
    size_t n = rh_tuple_len(o);
    if (!fields || fields->type->kind != RH_K_TUPLE || rh_tuple_len(fields) != n) {
        if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_TYPE, "not enough arguments for format string");
        return NULL;
    }
    const char *tn = rh_type_of(o)->name;
    size_t cap = strlen(tn) + 3, len = 0;
    char *buf = malloc(cap);
    if (!buf) { rh_err_set(rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
    len = (size_t)snprintf(buf, cap, "%s(", tn);
    for (size_t i = 0; i < n; i++) {
        rh_object *r = rh_repr(rt, rh_tuple_get(o, i));
        if (!r) { free(buf); return NULL; }
        size_t fl, rl;
        const char *f = rh_str_utf8(rt, rh_tuple_get(fields, i), &fl), *rs = rh_str_utf8(rt, r, &rl);
        char *nb = f && rs ? realloc(buf, cap + fl + rl + 4) : NULL;
        if (!nb) { rh_decref(rt, r); free(buf); rh_err_set(rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
        buf = nb;
        cap += fl + rl + 4;
        len += (size_t)snprintf(buf + len, cap - len, "%s%s=%s", i ? ", " : "", f, rs);
        rh_decref(rt, r);
    }
    len += (size_t)snprintf(buf + len, cap - len, ")");
    rh_object *s = rh_str_from_utf8(rt, buf, len);
    free(buf);
    return s;
}

/* "'x', 'y', and 'z'" as the argument errors of a Python function list missing names */
static void name_list(char *out, size_t cap, const char *const *names, int k) {
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < k && len < cap; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s'%s'", i == 0 ? "" : k == 2 ? " and " : i == k - 1 ? ", and " : ", ",
                                names[i]);
}

/* _tuple_new(cls, t) = tuple.__new__(cls, t) for a tuple t: the built-in tp_new_wrapper, METH_VARARGS, gets
 * (cls, t) packed and slices off (t,) for tuple_new (Objects/typeobject.c tp_new_wrapper), which copies t's
 * items into tuple_subtype_new's instance; both temporary tuples die before it returns. New ref or NULL. */
static rh_object *tuple_new_call(rh_runtime *rt, rh_object *cls, rh_object *t) {
    rh_object *packed = rh_tuple_pack(rt, 2, cls, t), *rest = packed ? rh_tuple_pack(rt, 1, t) : NULL, *r = NULL;
    if (rest) r = rh_tuple_subtype_new(rt, cls, (rh_object *const *)(void *)((rh_varobject *)t + 1), rh_tuple_len(t));
    rh_xdecref(rt, rest);
    rh_xdecref(rt, packed);
    return r;
}

/* the generated __new__(_cls, x, y): a[0] the class, then the arguments; binding errors as a Python
 * function's (Python/ceval.c: missing_arguments, too_many_positional, unexpected keyword, multiple values) */
FN(nt_new) {
    (void)self;
    rh_runtime *rt = I->rt;
    rh_object *cls = a[0], *fields = nt_class_attr(rt, cls, "_fields"), *defaults = nt_class_attr(rt, cls, "_field_defaults");
    if (!fields || fields->type->kind != RH_K_TUPLE) {
        if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_TYPE, "namedtuple class without _fields");
        return NULL;
    }
    int nf = (int)rh_tuple_len(fields), given = n - 1, ndef = defaults && rh_kind_of(defaults) == RH_K_DICT ? (int)rh_dict_len(defaults) : 0;
    const char *qn = rh_type_of(cls) ? ((rh_type *)cls)->name : "?";
    if (nf > RH_ARGS_MAX) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "a namedtuple of more than %d fields", RH_ARGS_MAX); return NULL; }
    if (given > nf) {
        if (ndef) rh_err_set(rt, RH_EXC_TYPE, "%s.__new__() takes from %d to %d positional arguments but %d were given", qn,
                             nf - ndef + 1, nf + 1, n);
        else rh_err_set(rt, RH_EXC_TYPE, "%s.__new__() takes %d positional argument%s but %d were given", qn, nf + 1,
                        nf + 1 == 1 ? "" : "s", n);
        return NULL;
    }
    rh_object *v[RH_ARGS_MAX] = {NULL};
    for (int i = 0; i < given; i++) v[i] = a[i + 1];
    for (int k = 0; k < nkw; k++) {
        int j = 0;
        while (j < nf && !rh_str_eq_cstr(rh_tuple_get(fields, (size_t)j), kwn[k])) j++;
        if (j == nf) { rh_err_set(rt, RH_EXC_TYPE, "%s.__new__() got an unexpected keyword argument '%s'", qn, kwn[k]); return NULL; }
        if (v[j]) { rh_err_set(rt, RH_EXC_TYPE, "%s.__new__() got multiple values for argument '%s'", qn, kwn[k]); return NULL; }
        v[j] = kwv[k];
    }
    const char *missing[RH_ARGS_MAX];
    int nmiss = 0;
    for (int j = 0; j < nf; j++) {
        if (v[j]) continue;
        rh_object *d = ndef ? rh_dict_get(rt, defaults, rh_tuple_get(fields, (size_t)j)) : NULL;
        if (d) v[j] = d;
        else missing[nmiss++] = hx_cstr(I, rh_tuple_get(fields, (size_t)j));
    }
    if (nmiss) {
        char names[512];
        name_list(names, sizeof names, missing, nmiss);
        rh_err_set(rt, RH_EXC_TYPE, "%s.__new__() missing %d required positional argument%s: %s", qn, nmiss,
                   nmiss == 1 ? "" : "s", names);
        return NULL;
    }
    rh_object *tmp = rh_tuple_new(rt, (size_t)nf); /* BUILD_TUPLE (x, y), then _tuple_new(_cls, it) */
    if (!tmp) return NULL;
    for (int j = 0; j < nf; j++) { rh_incref(v[j]); rh_tuple_set(tmp, (size_t)j, v[j]); }
    rh_object *r = tuple_new_call(rt, cls, tmp);
    rh_decref(rt, tmp);
    return r;
}

/* _make(cls, iterable): tuple.__new__(cls, iterable), then "Expected 2 arguments, got 3" */
FN(nt_make) {
    UNUSED;
    (void)self;
    rh_runtime *rt = I->rt;
    if (n != 2 || nkw) {
        rh_err_set(rt, RH_EXC_TYPE, "_make() takes 2 positional arguments but %d were given", n);
        return NULL;
    }
    rh_object *fields = nt_class_attr(rt, a[0], "_fields");
    if (!fields) { if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_TYPE, "namedtuple class without _fields"); return NULL; }
    rh_object *packed = rh_tuple_pack(rt, 2, a[0], a[1]), *rest = packed ? rh_tuple_pack(rt, 1, a[1]) : NULL;
    rh_object *tmp = rest ? rh_tuple_from_iterable(rt, a[1]) : NULL, *r = NULL; /* tuple_new: tuple(iterable) */
    if (tmp) r = rh_tuple_subtype_new(rt, a[0], (rh_object *const *)(void *)((rh_varobject *)tmp + 1), rh_tuple_len(tmp));
    rh_xdecref(rt, tmp);
    rh_xdecref(rt, rest);
    rh_xdecref(rt, packed);
    if (!r) return NULL;
    if (r && rh_tuple_len(r) != rh_tuple_len(fields)) {
        rh_err_set(rt, RH_EXC_TYPE, "Expected %zu arguments, got %zu", rh_tuple_len(fields), rh_tuple_len(r));
        rh_setref(rt, &r, NULL);
    }
    return r;
}

/* a field's getter: self of the built-in is the field's index (the _tuplegetter's), a[0] the instance */
FN(nt_get) {
    UNUSED;
    int64_t i;
    if (n != 1 || nkw || rh_int_as_i64(I->rt, self, &i)) {
        if (!rh_err_occurred(I->rt)) rh_err_set(I->rt, RH_EXC_TYPE, "expected 1 argument, got %d", n);
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_TUPLE || (size_t)i >= rh_tuple_len(a[0])) {
        rh_err_set(I->rt, RH_EXC_INDEX, "tuple index out of range");
        return NULL;
    }
    rh_object *v = rh_tuple_get(a[0], (size_t)i);
    rh_incref(v);
    return v;
}

/* _asdict(self): dict(zip(self._fields, self)) */
FN(nt_asdict) {
    UNUSED;
    (void)a;
    if (n || nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "_asdict() takes 1 positional argument but %d were given", n + 1); return NULL; }
    rh_object *fields = nt_class_attr(I->rt, nt_class(self), "_fields"), *d = rh_dict_new(I->rt);
    for (size_t i = 0; d && fields && i < rh_tuple_len(fields) && i < rh_tuple_len(self); i++)
        if (rh_dict_set(I->rt, d, rh_tuple_get(fields, i), rh_tuple_get(self, i))) rh_setref(I->rt, &d, NULL);
    return d;
}

/* _replace(self, /, **kwds): self._make(map(kwds.pop, fields, self)); leftover names are a ValueError */
FN(nt_replace) {
    (void)kwv;
    rh_runtime *rt = I->rt;
    if (n) { rh_err_set(rt, RH_EXC_TYPE, "_replace() takes 1 positional argument but %d were given", n + 1); return NULL; }
    rh_object *cls = (rh_object *)rh_type_of(self), *fields = nt_class_attr(rt, nt_class(self), "_fields");
    size_t nf = fields ? rh_tuple_len(fields) : 0;
    if (!fields || nf > RH_ARGS_MAX) { if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_UNSUPPORTED, "_replace of this namedtuple"); return NULL; }
    rh_object *v[RH_ARGS_MAX];
    int used[RH_ARGS_MAX] = {0};
    for (size_t j = 0; j < nf; j++) {
        v[j] = j < rh_tuple_len(self) ? rh_tuple_get(self, j) : NULL;
        for (int k = 0; k < nkw; k++)
            if (rh_str_eq_cstr(rh_tuple_get(fields, j), kwn[k])) v[j] = kwv[k], used[k] = 1;
    }
    char extra[512] = "[";
    size_t len = 1;
    for (int k = 0; k < nkw; k++)
        if (!used[k] && len < sizeof extra) len += (size_t)snprintf(extra + len, sizeof extra - len, "%s'%s'", len > 1 ? ", " : "", kwn[k]);
    if (len > 1) {
        rh_err_set(rt, RH_API(I, "namedtuple", "_replace:TypeError") ? RH_EXC_TYPE : RH_EXC_VALUE,
                   "Got unexpected field names: %s]", extra);
        return NULL;
    }
    return rh_tuple_subtype_new(rt, cls, v, nf);
}

/* __getnewargs__(self): tuple(self) */
FN(nt_getnewargs) {
    UNUSED;
    (void)a; (void)n; (void)nkw;
    return rh_tuple_from_iterable(I->rt, self);
}

static const rh_builtin_def nt_new_def = {"__new__", (void (*)(void))nt_new, 0};
static const rh_builtin_def nt_make_def = {"_make", (void (*)(void))nt_make, 0};
static const rh_builtin_def nt_get_def = {"_tuplegetter", (void (*)(void))nt_get, 0};
static const rh_builtin_def nt_asdict_def = {"_asdict", (void (*)(void))nt_asdict, 0};
static const rh_builtin_def nt_replace_def = {"_replace", (void (*)(void))nt_replace, 0};
static const rh_builtin_def nt_getnewargs_def = {"__getnewargs__", (void (*)(void))nt_getnewargs, 0};
static const rh_builtin_def *const nt_methods[] = {&nt_asdict_def, &nt_replace_def, &nt_getnewargs_def, NULL};

const rh_builtin_def *hx_namedtuple_find_method(rh_object *self, const char *name) {
    if (!nt_class(self)) return NULL;
    for (int i = 0; nt_methods[i]; i++)
        if (!strcmp(nt_methods[i]->name, name)) return nt_methods[i];
    return NULL;
}

/* str.isidentifier for ASCII names (refheap's field names), and keyword.iskeyword */
static int nt_identifier(const char *s) {
    if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))) return 0;
    for (s++; *s; s++)
        if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))) return 0;
    return 1;
}
static int nt_keyword(const char *s) {
    static const char *const kw[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                                     "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
                                     "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
                                     "raise", "return", "try", "while", "with", "yield", NULL};
    for (int i = 0; kw[i]; i++)
        if (!strcmp(kw[i], s)) return 1;
    return 0;
}

/* ns[name] = v (v stolen; NULL: fail). 0 or -1. */
static int ns_put(rh_runtime *rt, rh_object *ns, const char *name, rh_object *v) {
    int rc = v ? rh_dict_set_cstr(rt, ns, name, v) : -1;
    rh_xdecref(rt, v);
    return rc;
}

/* ValueError(fmt % repr(name)), namedtuple's message for a rejected name; repr's own error if it fails */
static void nt_name_error(hx_interp *I, rh_object *name, const char *fmt) {
    rh_object *r = hx_obj_repr(I, name);
    if (r) rh_err_set(I->rt, RH_EXC_VALUE, fmt, hx_cstr(I, r));
    rh_xdecref(I->rt, r);
}

/* the field names: a str split on commas and whitespace, else list(field_names); each checked as
 * namedtuple checks them. A new tuple of str, or NULL. */
static rh_object *nt_field_names(hx_interp *I, rh_object *typename, rh_object *spec) {
    rh_runtime *rt = I->rt;
    rh_object *names = rh_list_new(rt, 0);
    if (!names) return NULL;
    if (rh_kind_of(spec) == RH_K_STR) {
        size_t len;
        const char *s = rh_str_utf8(rt, spec, &len);
        for (size_t i = 0; s && i < len;) {
            while (i < len && (s[i] == ',' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
            size_t j = i;
            while (j < len && !(s[j] == ',' || s[j] == ' ' || s[j] == '\t' || s[j] == '\n')) j++;
            if (j > i) {
                rh_object *w = rh_str_intern_utf8(rt, s + i, j - i);
                if (!w || rh_list_append(rt, names, w)) { rh_xdecref(rt, w); rh_decref(rt, names); return NULL; }
                rh_decref(rt, w);
            }
            i = j;
        }
    } else {
        rh_object *t = rh_tuple_from_iterable(rt, spec);
        if (!t || rh_list_extend(rt, names, t)) { rh_xdecref(rt, t); rh_decref(rt, names); return NULL; }
        rh_decref(rt, t);
    }
    rh_object *all[RH_ARGS_MAX + 1];
    size_t nn = rh_list_len(names);
    if (nn > RH_ARGS_MAX) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "a namedtuple of more than %d fields", RH_ARGS_MAX); goto fail; }
    all[0] = typename;
    for (size_t i = 0; i < nn; i++) all[i + 1] = rh_list_get(names, i);
    for (size_t i = 0; i <= nn; i++) {
        if (rh_kind_of(all[i]) != RH_K_STR) { rh_err_set(rt, RH_EXC_TYPE, "Type names and field names must be strings"); goto fail; }
        const char *s = hx_cstr(I, all[i]);
        int bad = !nt_identifier(s) ? 1 : nt_keyword(s) ? 2 : 0;
        if (bad) {
            nt_name_error(I, all[i], bad == 1 ? "Type names and field names must be valid identifiers: %s"
                                              : "Type names and field names cannot be a keyword: %s");
            goto fail;
        }
    }
    for (size_t i = 1; i <= nn; i++) {
        const char *s = hx_cstr(I, all[i]);
        int bad = s[0] == '_';
        for (size_t j = 1; !bad && j < i; j++) bad = rh_str_eq_cstr(all[j], s) ? 2 : 0;
        if (bad) {
            nt_name_error(I, all[i], bad == 1 ? "Field names cannot start with an underscore: %s"
                                              : "Encountered duplicate field name: %s");
            goto fail;
        }
    }
    rh_object *t = rh_tuple_from_iterable(rt, names);
    rh_decref(rt, names);
    return t;
fail:
    rh_decref(rt, names);
    return NULL;
}

/* namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) */
FN(col_namedtuple) {
    (void)self;
    rh_runtime *rt = I->rt;
    rh_object *defaults = NULL, *module = NULL;
    if (n != 2) {
        rh_err_set(rt, RH_EXC_TYPE, n < 2 ? "namedtuple() missing %d required positional argument%s: %s"
                                          : "namedtuple() takes 2 positional arguments but %d were given",
                   n < 2 ? 2 - n : n, n == 0 ? "s" : "", n == 0 ? "'typename' and 'field_names'" : "'field_names'");
        return NULL;
    }
    for (int k = 0; k < nkw; k++) {
        if (!strcmp(kwn[k], "defaults")) defaults = kwv[k];
        else if (!strcmp(kwn[k], "module")) module = kwv[k];
        else if (!strcmp(kwn[k], "rename")) {
            int t = rh_truthy(rt, kwv[k]);
            if (t < 0) return NULL;
            if (t) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "namedtuple(rename=True)"); return NULL; }
        } else {
            rh_err_set(rt, RH_EXC_TYPE, "namedtuple() got an unexpected keyword argument '%s'", kwn[k]);
            return NULL;
        }
    }
    if (rh_kind_of(a[0]) != RH_K_STR) { rh_err_set(rt, RH_EXC_UNSUPPORTED, "a namedtuple type name that is not a str"); return NULL; }
    rh_object *typename = rh_str_intern_utf8(rt, hx_cstr(I, a[0]), strlen(hx_cstr(I, a[0])));
    rh_object *fields = typename ? nt_field_names(I, typename, a[1]) : NULL, *fd = NULL, *ns = NULL, *cls = NULL;
    rh_object *bases = NULL;
    if (!fields) goto out;
    size_t nf = rh_tuple_len(fields);
    if (!(fd = rh_dict_new(rt))) goto out;
    if (defaults && defaults != rh_none(rt)) {
        rh_object *dt = rh_tuple_from_iterable(rt, defaults);
        if (!dt) goto out;
        size_t nd = rh_tuple_len(dt);
        int rc = 0;
        if (nd > nf) { rh_err_set(rt, RH_EXC_TYPE, "Got more default values than field names"); rc = -1; }
        for (size_t i = 0; rc == 0 && i < nd; i++)
            rc = rh_dict_set(rt, fd, rh_tuple_get(fields, nf - nd + i), rh_tuple_get(dt, i));
        rh_decref(rt, dt);
        if (rc) goto out;
    }
    if (!(ns = rh_dict_new(rt))) goto out;
    /* __doc__ "Point(x, y)" */
    rh_object *sep = rh_str_from_cstr(rt, ", "), *joined = sep ? rh_str_join(rt, sep, fields) : NULL;
    rh_xdecref(rt, sep);
    if (!joined) goto out;
    size_t tl, jl;
    const char *ts = rh_str_utf8(rt, typename, &tl), *js = rh_str_utf8(rt, joined, &jl);
    char *doc = malloc(tl + jl + 3);
    if (doc) snprintf(doc, tl + jl + 3, "%s(%s)", ts, js);
    rh_decref(rt, joined);
    int rc = ns_put(rt, ns, "__doc__", doc ? rh_str_from_utf8(rt, doc, tl + jl + 2) : NULL);
    free(doc);
    rh_object *mod = module && module != rh_none(rt) ? module : NULL;
    if (!mod && I->frame && I->frame->globals) mod = rh_dict_get(rt, I->frame->globals, I->s_name);
    rh_xincref(mod);
    if (rc || ns_put(rt, ns, "__module__", mod ? mod : rh_str_from_cstr(rt, "__main__")) ||
        rh_dict_set_cstr(rt, ns, "__slots__", rh_empty_tuple(rt)) || rh_dict_set_cstr(rt, ns, "_fields", fields) ||
        rh_dict_set_cstr(rt, ns, "_field_defaults", fd))
        goto out;
    rh_object *f = rh_builtin_new(rt, &nt_new_def, NULL);
    if (ns_put(rt, ns, "__new__", f ? rh_staticmethod_new(rt, f) : NULL)) { rh_xdecref(rt, f); goto out; }
    rh_decref(rt, f);
    f = rh_builtin_new(rt, &nt_make_def, NULL);
    if (ns_put(rt, ns, "_make", f ? rh_classmethod_new(rt, f) : NULL)) { rh_xdecref(rt, f); goto out; }
    rh_decref(rt, f);
    if (RH_API(I, "namedtuple", "__match_args__") && rh_dict_set_cstr(rt, ns, "__match_args__", fields)) goto out;
    for (size_t i = 0; i < nf; i++) {
        char dbuf[64];
        snprintf(dbuf, sizeof dbuf, "Alias for field number %zu", i);
        rh_object *idx = rh_int_from_i64(rt, (int64_t)i), *g = idx ? rh_builtin_new(rt, &nt_get_def, idx) : NULL;
        rh_object *d = g ? rh_str_intern_utf8(rt, dbuf, strlen(dbuf)) : NULL;
        rh_object *p = d ? rh_property_new(rt, g, NULL, NULL, d) : NULL;
        rh_xdecref(rt, idx); rh_xdecref(rt, g); rh_xdecref(rt, d);
        if (!p || rh_dict_set(rt, ns, rh_tuple_get(fields, i), p)) { rh_xdecref(rt, p); goto out; }
        rh_decref(rt, p);
    }
    if (!(bases = rh_tuple_pack(rt, 1, (rh_object *)rh_builtin_type(rt, RH_K_TUPLE)))) goto out;
    cls = rh_class_new(rt, typename, bases, ns);
    if (cls) { /* the generated __repr__ */
        ((rh_type *)cls)->tp_repr = nt_repr;
        ((rh_type *)cls)->repr_into = NULL;
    }
out:
    rh_xdecref(rt, typename); rh_xdecref(rt, fields); rh_xdecref(rt, fd); rh_xdecref(rt, ns); rh_xdecref(rt, bases);
    return cls;
}
static const rh_builtin_def col_namedtuple_def = {"namedtuple", (void (*)(void))col_namedtuple, 0};

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
        if (dd && rh_dict_set_cstr(I->rt, rh_module_dict(m), "_tuplegetter",
                                   (rh_object *)rh_builtin_type(I->rt, RH_K_TUPLEGETTER)))
            rh_setref(I->rt, &m, NULL);
        if (m && dd && !rh_runtime_profile(I->rt)->python2) { /* 3.x: OrderedDict (2.7's is Lib's Python) */
            rh_object *od = make_odict(I);
            if (!od || rh_dict_set_cstr(I->rt, rh_module_dict(m), "OrderedDict", od)) rh_setref(I->rt, &m, NULL);
            rh_xdecref(I->rt, od);
        }
    } else if (m) { /* collections takes _collections's class (`from _collections import defaultdict`) */
        rh_object *c = hx_import_module(I, "_collections");
        dd = c ? rh_dict_get(I->rt, rh_module_dict(c), I->s_defaultdict) : NULL;
        rh_xincref(dd);
        rh_xdecref(I->rt, c);
    }
    if (m && (!dd || rh_dict_set_cstr(I->rt, rh_module_dict(m), "defaultdict", dd))) rh_setref(I->rt, &m, NULL);
    rh_xdecref(I->rt, dd);
    char *dir = m && strcmp(name, "_collections") ? hx_native_package_dir(I->imports, name) : NULL;
    if (dir) { /* a package (Lib/collections/): its __path__, where collections.abc is found (import.c) */
        rh_object *d = rh_str_from_cstr(I->rt, dir), *path = d ? rh_list_new(I->rt, 0) : NULL;
        if (!path || rh_list_append(I->rt, path, d) || rh_dict_set_cstr(I->rt, rh_module_dict(m), "__path__", path))
            rh_setref(I->rt, &m, NULL);
        rh_xdecref(I->rt, path);
        rh_xdecref(I->rt, d);
        free(dir);
    }
    if (m && strcmp(name, "_collections")) { /* collections.namedtuple (Lib/collections/__init__.py) */
        rh_object *f = rh_builtin_new(I->rt, &col_namedtuple_def, m);
        if (!f || rh_dict_set_cstr(I->rt, rh_module_dict(m), "namedtuple", f)) rh_setref(I->rt, &m, NULL);
        rh_xdecref(I->rt, f);
    }
    return m;
}
rh_object *hx_module__collections(hx_interp *I) { return make(I, "_collections"); }
rh_object *hx_module_collections(hx_interp *I) { return make(I, "collections"); }
