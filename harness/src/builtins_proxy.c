/* builtins_proxy.c — the types that types.py names from what the interpreter hands out: mappingproxy (a
 * class's __dict__, types.MappingProxyType) and types.SimpleNamespace (sys.implementation).
 *
 * Owns their constructors (argument parsing; the objects are the library's: reference/src/t_mappingproxy.c,
 * t_namespace.c), sys.implementation, and the method table of mappingproxy (CPython 3.11 Objects/descrobject.c mappingproxy_methods: get,
 * keys, values, items, copy, __reversed__), each of which calls the mapping's method of the same name as
 * CPython does (PyObject_VectorcallMethod: on a dict, the dict's method runs with no bound method made).
 * The object itself is the library's (reference/src/t_mappingproxy.c). Every function has the hx_cfn
 * signature: arguments borrowed, a new reference or NULL with the runtime error set.
 */
#include <stdio.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

/* mapping.<name>(*a): the method found as LOAD_METHOD finds it on a built-in, else through getattr */
static rh_object *forward(hx_interp *I, rh_object *self, const char *name, rh_object **a, int n) {
    rh_object *m = rh_mappingproxy_mapping(self);
    const rh_builtin_def *d = rh_builtin_type(I->rt, rh_kind_of(m)) == m->type ? hx_find_method_def(I, m, name) : NULL;
    if (d) return hx_call_def(I, d, m, a, n, NULL, NULL, 0);
    rh_object *nm = hx_name(I, name), *bound = nm ? hx_getattr_obj(I, m, nm) : NULL;
    rh_object *r = bound ? hx_call(I, bound, a, n, NULL, NULL, 0) : NULL;
    rh_xdecref(I->rt, bound);
    return r;
}

/* "name() takes no keyword arguments", and the METH_NOARGS / get's argument counts */
static int check_args(hx_interp *I, const char *name, int n, int lo, int hi, int nkw) {
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (n >= lo && n <= hi) return 0;
    if (hi == 0)
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", name, n);
    else if (n < lo)
        rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at least %d argument%s, got %d", name, lo, lo == 1 ? "" : "s", n);
    else
        rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", name, hi, hi == 1 ? "" : "s", n);
    return -1;
}

#define NOARGS_FORWARD(fn, nm)                                                        \
    FN(fn) {                                                                          \
        (void)kwn; (void)kwv;                                                         \
        return check_args(I, nm, n, 0, 0, nkw) ? NULL : forward(I, self, nm, a, n);   \
    }
NOARGS_FORWARD(mp_keys, "keys")
NOARGS_FORWARD(mp_values, "values")
NOARGS_FORWARD(mp_items, "items")
NOARGS_FORWARD(mp_copy, "copy")

/* mappingproxy_get: get(key, default=None, /) */
FN(mp_get) {
    (void)kwn; (void)kwv;
    return check_args(I, "get", n, 1, 2, nkw) ? NULL : forward(I, self, "get", a, n);
}

/* mappingproxy_reversed: reversed(mapping) */
FN(mp_reversed) {
    (void)kwn; (void)kwv;
    if (check_args(I, "__reversed__", n, 0, 0, nkw)) return NULL;
    rh_object *fn = rh_dict_get_cstr(I->rt, I->builtins, "reversed"), *m = rh_mappingproxy_mapping(self);
    if (!fn) {
        if (!rh_err_occurred(I->rt)) rh_err_set(I->rt, RH_EXC_NAME, "name 'reversed' is not defined");
        return NULL;
    }
    return hx_call(I, fn, &m, 1, NULL, NULL, 0);
}

static const rh_builtin_def proxy_methods[] = {
    {"get", (void (*)(void))mp_get, 0},       {"keys", (void (*)(void))mp_keys, 0},
    {"values", (void (*)(void))mp_values, 0}, {"items", (void (*)(void))mp_items, 0},
    {"copy", (void (*)(void))mp_copy, 0},     {"__reversed__", (void (*)(void))mp_reversed, 0},
    {NULL, NULL, 0},
};

int hx_proxy_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){NULL, proxy_methods};
    return 1;
}

/* mappingproxy(mapping): mappingproxy_new's argument parsing, then the type's tp_new */
FN(proxy_ctor) {
    (void)self;
    rh_object *arg = n ? a[0] : NULL;
    for (int i = 0; i < nkw; i++) {
        if (strcmp(kwn[i], "mapping") || arg) {
            rh_err_set(I->rt, RH_EXC_TYPE, strcmp(kwn[i], "mapping") ? "mappingproxy() got an unexpected keyword argument '%s'"
                                                                    : "argument for mappingproxy() given by name ('%s') and position (1)", kwn[i]);
            return NULL;
        }
        arg = kwv[i];
    }
    if (n > 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "mappingproxy() takes at most 1 argument (%d given)", n);
        return NULL;
    }
    rh_type *t = rh_builtin_type(I->rt, RH_K_MAPPINGPROXY);
    return t->tp_new(I->rt, t, &arg, arg ? 1 : 0);
}

/* SimpleNamespace(**kwargs) (namespace_init); 3.13 also takes one mapping or iterable of pairs first */
FN(namespace_ctor) {
    (void)self;
    rh_runtime *rt = I->rt;
    int positional = rh_runtime_profile(rt)->version_hex >= 0x030D;
    if (n > (positional ? 1 : 0)) {
        if (positional) rh_err_set(rt, RH_EXC_TYPE, "SimpleNamespace expected at most 1 argument, got %d", n);
        else rh_err_set(rt, RH_EXC_TYPE, "no positional arguments expected");
        return NULL;
    }
    rh_object *dict_type = (rh_object *)rh_builtin_type(rt, RH_K_DICT);
    rh_object *d = n ? hx_call_borrowed(I, dict_type, a, 1) : rh_dict_new(rt);
    for (int i = 0; d && i < nkw; i++)
        if (rh_dict_set_cstr(rt, d, kwn[i], kwv[i])) rh_setref(rt, &d, NULL);
    rh_object *ns = d ? rh_namespace_new(rt, d) : NULL;
    rh_xdecref(rt, d);
    return ns;
}

static const rh_builtin_def proxy_ctor_def = {"mappingproxy", (void (*)(void))proxy_ctor, 0};
static const rh_builtin_def namespace_ctor_def = {"SimpleNamespace", (void (*)(void))namespace_ctor, 0};

const rh_builtin_def *hx_proxy_constructor(rh_object *type) {
    rh_kind k = ((rh_type *)type)->kind;
    return k == RH_K_MAPPINGPROXY ? &proxy_ctor_def : k == RH_K_NAMESPACE ? &namespace_ctor_def : NULL;
}

/* sys.implementation (make_impl_info): name, cache_tag, version, hexversion, _multiarch; none in 2.7 */
rh_object *hx_sys_implementation(hx_interp *I, rh_object *version_info) {
    rh_runtime *rt = I->rt;
    const rh_profile *p = rh_runtime_profile(rt);
    char tag[32];
    snprintf(tag, sizeof tag, "cpython-%u%u", (unsigned)(p->hexversion >> 24), (unsigned)((p->hexversion >> 16) & 0xFF));
    rh_object *d = rh_dict_new(rt), *v;
    const char *names[] = {"name", "cache_tag", "version", "hexversion", "_multiarch"};
    for (int i = 0; d && i < 5; i++) {
        v = i == 0 ? rh_str_from_cstr(rt, "cpython") : i == 1 ? rh_str_from_cstr(rt, tag)
          : i == 2 ? (rh_incref(version_info), version_info) : i == 3 ? rh_int_from_i64(rt, p->hexversion)
          : rh_str_from_cstr(rt, "x86_64-linux-gnu");
        if (!v || rh_dict_set_cstr(rt, d, names[i], v)) rh_setref(rt, &d, NULL);
        rh_xdecref(rt, v);
    }
    rh_object *ns = d ? rh_namespace_new(rt, d) : NULL;
    rh_xdecref(rt, d);
    return ns;
}

/* ---------------------------------------------------------------- types.GenericAlias (genericaliasobject.c) */

/* The built-in types whose __class_getitem__ is Py_GenericAlias (PEP 585, 3.9+): list, dict, tuple, set,
 * frozenset, type, enumerate, collections.deque, re.Pattern, re.Match, os.DirEntry */
int hx_kind_is_generic(rh_kind k) {
    static const rh_kind generic[] = {RH_K_LIST, RH_K_DICT, RH_K_TUPLE, RH_K_SET, RH_K_FROZENSET, RH_K_TYPE,
                                      RH_K_ENUMERATE, RH_K_DEQUE, RH_K_SRE_PATTERN, RH_K_SRE_MATCH,
                                      RH_K_DIRENTRY, RH_K_WEAKREF};
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if (generic[i] == k) return 1;
    return 0;
}

/* cls.__class_getitem__(args): Py_GenericAlias(cls, args) */
FN(class_getitem) {
    (void)kwn; (void)kwv;
    if (check_args(I, "__class_getitem__", n, 1, 1, nkw)) return NULL;
    return rh_genericalias_new(I->rt, self, a[0]);
}
const rh_builtin_def hx_class_getitem_def = {"__class_getitem__", (void (*)(void))class_getitem, 0};

/* ga_mro_entries: (origin,) */
FN(ga_mro_entries) {
    (void)kwn; (void)kwv;
    if (check_args(I, "__mro_entries__", n, 1, 1, nkw)) return NULL;
    return rh_tuple_pack(I->rt, 1, rh_genericalias_origin(self));
}

/* ga_instancecheck / ga_subclasscheck */
FN(ga_check) {
    (void)self; (void)a; (void)n; (void)kwn; (void)kwv; (void)nkw;
    rh_err_set(I->rt, RH_EXC_TYPE, "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}
FN(ga_subcheck) {
    (void)self; (void)a; (void)n; (void)kwn; (void)kwv; (void)nkw;
    rh_err_set(I->rt, RH_EXC_TYPE, "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}
static const rh_builtin_def ga_methods[] = {
    {"__mro_entries__", (void (*)(void))ga_mro_entries, 0},
    {"__instancecheck__", (void (*)(void))ga_check, 0},
    {"__subclasscheck__", (void (*)(void))ga_subcheck, 0},
    {NULL, NULL, 0},
};

int hx_genericalias_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){NULL, ga_methods};
    return 1;
}

/* ga_new (types.GenericAlias.__new__, and calling the type or a class deriving from it without a __new__ of
 * its own): no keywords, exactly origin and args, then the alias of type sub */
rh_object *hx_genericalias_tp_new(hx_interp *I, rh_object *sub, rh_object **a, int n, int nkw) {
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "GenericAlias() takes no keyword arguments");
        return NULL;
    }
    if (n != 2) {
        rh_err_set(I->rt, RH_EXC_TYPE, "GenericAlias expected 2 arguments, got %d", n);
        return NULL;
    }
    return rh_genericalias_new_type(I->rt, sub, a[0], a[1]);
}

/* types.GenericAlias(origin, args): type_call's ga_new on the type itself */
FN(ga_ctor) {
    (void)self, (void)kwn, (void)kwv;
    return hx_genericalias_tp_new(I, (rh_object *)rh_builtin_type(I->rt, RH_K_GENERICALIAS), a, n, nkw);
}
static const rh_builtin_def ga_ctor_def = {"GenericAlias", (void (*)(void))ga_ctor, 0};
const rh_builtin_def *hx_genericalias_constructor(void) { return &ga_ctor_def; }

/* _Py_make_parameters: the type variables among the arguments args (borrowed tuple; an argument with
 * __typing_subst__, or an alias's own __parameters__), each once, in order; a new tuple */
static rh_object *make_parameters(hx_interp *I, rh_object *args) {
    rh_runtime *rt = I->rt;
    rh_object *params = rh_list_new(rt, 0);
    rh_object *subst = hx_name(I, "__typing_subst__"), *pname = hx_name(I, "__parameters__");
    for (size_t i = 0; params && i < rh_tuple_len(args); i++) {
        rh_object *t = rh_tuple_get(args, i), *sub = NULL;
        if (rh_kind_of(t) == RH_K_TYPE) continue; /* a class is no type variable */
        rh_object *probe = hx_getattr_obj(I, t, subst);
        if (probe) sub = rh_tuple_pack(rt, 1, t);
        else if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
            rh_err_clear(rt);
            if ((sub = hx_getattr_obj(I, t, pname)) && rh_kind_of(sub) != RH_K_TUPLE) rh_setref(rt, &sub, NULL);
            if (!sub && rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) rh_err_clear(rt);
        }
        rh_xdecref(rt, probe);
        if (rh_err_occurred(rt)) rh_setref(rt, &params, NULL);
        for (size_t j = 0; params && sub && j < rh_tuple_len(sub); j++) {
            int in = rh_contains(rt, params, rh_tuple_get(sub, j));
            if (in < 0 || (!in && rh_list_append(rt, params, rh_tuple_get(sub, j)))) rh_setref(rt, &params, NULL);
        }
        rh_xdecref(rt, sub);
    }
    if (!params) return NULL;
    rh_object *t = rh_tuple_new(rt, rh_list_len(params));
    for (size_t i = 0; t && i < rh_list_len(params); i++) rh_tuple_set(t, i, (rh_incref(rh_list_get(params, i)), rh_list_get(params, i)));
    rh_decref(rt, params);
    return t;
}

/* ga_getattro on an instance of a class deriving from GenericAlias: a name of attr_exceptions goes through
 * PyObject_GenericGetAttr, so the class's own attribute (its __reduce__) comes first; 1 found (*out new), 0
 * not the class's, -1 error */
static int ga_subclass_attr(hx_interp *I, rh_object *o, rh_object *name, const char *s, rh_object **out) {
    static const char *const generic[] = {"__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__",
                                          "__deepcopy__", "__typing_unpacked_tuple_args__", NULL};
    if (!(rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE)) return 0;
    int i = 0;
    while (generic[i] && strcmp(generic[i], s)) i++;
    if (!generic[i]) return 0;
    rh_object *cls = (rh_object *)rh_type_of(o), *v = rh_class_lookup(I->rt, cls, name);
    if (!v) return rh_err_occurred(I->rt) ? -1 : 0;
    *out = rh_kind_of(v) == RH_K_FUNCTION ? rh_method_new(I->rt, v, o) : (rh_incref(v), v);
    return *out ? 1 : -1;
}

/* ga_getattro: its own members and methods, then (outside attr_exceptions) the origin's attribute */
rh_object *hx_genericalias_getattr(hx_interp *I, rh_object *o, rh_object *name) {
    rh_runtime *rt = I->rt;
    const char *s = hx_cstr(I, name);
    rh_object *r;
    int got = ga_subclass_attr(I, o, name, s, &r);
    if (got) return got > 0 ? r : NULL;
    if (!strcmp(s, "__origin__")) return (rh_incref(rh_genericalias_origin(o)), rh_genericalias_origin(o));
    if (!strcmp(s, "__args__")) return (rh_incref(rh_genericalias_args(o)), rh_genericalias_args(o));
    if (!strcmp(s, "__class__") && rh_runtime_profile(rt)->version_hex >= 0x030B) /* attr_exceptions from 3.11 */
        return (rh_incref((rh_object *)o->type), (rh_object *)o->type);
    if (!strcmp(s, "__unpacked__") && rh_runtime_profile(rt)->version_hex >= 0x030B) return rh_bool(rt, 0);
    if (!strcmp(s, "__parameters__")) {
        rh_object **slot = rh_genericalias_parameters_slot(o);
        if (!*slot && !(*slot = make_parameters(I, rh_genericalias_args(o)))) return NULL;
        rh_incref(*slot);
        return *slot;
    }
    const rh_builtin_def *d = hx_kind_method_def(I, RH_K_GENERICALIAS, s);
    if (d) return rh_builtin_new(rt, d, o);
    static const char *const exceptions[] = {"__typing_unpacked_tuple_args__", "__reduce_ex__", "__reduce__",
                                             "__copy__", "__deepcopy__", NULL};
    for (int i = 0; exceptions[i]; i++)
        if (!strcmp(s, exceptions[i])) {
            rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", hx_tname(o), s);
            return NULL;
        }
    return hx_getattr_obj(I, rh_genericalias_origin(o), name);
}

/* ga_call: origin(*args, **kw), then result.__orig_class__ = alias where the result lets it be set */
rh_object *hx_genericalias_call(hx_interp *I, rh_object *ga, rh_object **args, int nargs, char **kwn, rh_object **kwv,
                                int nkw) {
    rh_runtime *rt = I->rt;
    rh_incref(ga);
    rh_object *r = hx_call(I, rh_genericalias_origin(ga), args, nargs, kwn, kwv, nkw);
    rh_object *name = r ? hx_name(I, "__orig_class__") : NULL;
    if (name && hx_setattr(I, r, name, ga)) {
        rh_exc e = rh_err_occurred(rt);
        if (e != RH_EXC_ATTRIBUTE && e != RH_EXC_TYPE) rh_setref(rt, &r, NULL);
        else rh_err_clear(rt);
    }
    rh_decref(rt, ga);
    return r;
}

/* ---------------------------------------------------------------- types.UnionType (unionobject.c) */

/* union_instancecheck / union_subclasscheck (3.10 only: 3.11's isinstance reads the union's args itself,
 * abstract.c object_recursive_isinstance): refused when an argument is an alias, else any class argument
 * matching (PyObject_IsInstance / PyObject_IsSubclass) */
static int union_has_alias(hx_interp *I, rh_object *u, const char *fn) {
    rh_object *args = rh_union_args(u);
    for (size_t i = 0; i < rh_tuple_len(args); i++)
        if (rh_kind_of(rh_tuple_get(args, i)) == RH_K_GENERICALIAS) {
            rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument 2 cannot contain a parameterized generic", fn);
            return 1;
        }
    return 0;
}
static rh_object *union_check(hx_interp *I, rh_object *u, rh_object *x, int sub) {
    if (sub && rh_kind_of(x) != RH_K_TYPE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "issubclass() arg 1 must be a class");
        return NULL;
    }
    if (union_has_alias(I, u, sub ? "issubclass" : "isinstance")) return NULL;
    rh_object *args = rh_union_args(u);
    for (size_t i = 0; i < rh_tuple_len(args); i++) {
        rh_object *c = rh_tuple_get(args, i);
        if (rh_kind_of(c) != RH_K_TYPE) continue;
        int r = sub ? hx_issubclass(I, x, c) : hx_isinstance(I, x, c);
        if (r) return r < 0 ? NULL : rh_bool(I->rt, 1);
    }
    return rh_bool(I->rt, 0);
}
FN(union_instancecheck) {
    (void)kwn; (void)kwv;
    if (check_args(I, "__instancecheck__", n, 1, 1, nkw)) return NULL;
    return union_check(I, self, a[0], 0);
}
FN(union_subclasscheck) {
    (void)kwn; (void)kwv;
    if (check_args(I, "__subclasscheck__", n, 1, 1, nkw)) return NULL;
    return union_check(I, self, a[0], 1);
}
static const rh_builtin_def union_methods[] = {
    {"__instancecheck__", (void (*)(void))union_instancecheck, 0}, /* apilevel.c: 3.10 only */
    {"__subclasscheck__", (void (*)(void))union_subclasscheck, 0},
    {NULL, NULL, 0},
};

int hx_union_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){NULL, union_methods};
    return 1;
}

/* union_getattro: __module__ from the type; the members (__args__) and getset (__parameters__, computed
 * once as _Py_make_parameters); 0 for anything else (the generic lookup: methods, slot wrappers) */
int hx_union_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    const char *s = hx_cstr(I, name);
    if (!strcmp(s, "__module__")) return (*out = hx_getattr_obj(I, (rh_object *)o->type, name)) ? 1 : -1;
    if (!strcmp(s, "__args__")) return (*out = (rh_incref(rh_union_args(o)), rh_union_args(o))), 1;
    if (strcmp(s, "__parameters__")) return 0;
    rh_object **slot = rh_union_parameters_slot(o);
    if (!*slot && !(*slot = make_parameters(I, rh_union_args(o)))) return -1;
    rh_incref(*slot);
    *out = *slot;
    return 1;
}
