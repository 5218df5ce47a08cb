/* typeobj.c — `type` as a metaclass (CPython 3.11 Objects/typeobject.c, Objects/abstract.c).
 *
 * Owns: type_new reached through a metaclass (type.__new__(mcls, name, bases, ns, **kw), and a metaclass
 * without __new__ of its own), type's methods a class or super() reaches (type.__new__, __call__,
 * __init__, __prepare__, __instancecheck__, __subclasscheck__, mro), the metaclass's attributes as its
 * classes see them (type_getattro's meta_attribute), and isinstance()/issubclass() with a metaclass's
 * __instancecheck__/__subclasscheck__ (object_recursive_isinstance, object_issubclass).
 * Every function: arguments borrowed unless said, results new references or NULL with the error set.
 */
#include <string.h>

#include "interp.h"

static rh_object *newref(rh_object *o) {
    rh_incref(o);
    return o;
}

/* t is a type whose instances are types: `type` or a class deriving from it (a metaclass) */
int hx_is_metatype(rh_object *t) { return rh_kind_of(t) == RH_K_TYPE && ((rh_type *)t)->kind == RH_K_TYPE; }

/* ---------------------------------------------------------------- type_new */

/* The class keywords as a dict (NULL when there are none). 0 or -1. */
static int kw_dict(hx_interp *I, char **kwn, rh_object **kwv, int nkw, rh_object **out) {
    *out = NULL;
    if (!nkw) return 0;
    if (!(*out = rh_dict_new(I->rt))) return -1;
    for (int i = 0; i < nkw; i++) {
        rh_object *k = hx_name(I, kwn[i]);
        if (!k || rh_dict_set(I->rt, *out, k, kwv[i]) != 0) return -1;
    }
    return 0;
}

/* type_new_set_classcell: the namespace's __classcell__ (a cell, else TypeError) leaves the class's copy of
 * the namespace; the cell is set once the class exists. *cell borrowed from orig or NULL. 0 or -1. */
static int take_classcell(hx_interp *I, rh_object *ns, rh_object *orig, rh_object **cell) {
    rh_object *k = hx_name(I, "__classcell__");
    *cell = k ? rh_dict_get(I->rt, orig, k) : NULL;
    if (!*cell) return k && !rh_err_occurred(I->rt) ? 0 : -1;
    if (rh_kind_of(*cell) != RH_K_CELL) {
        rh_err_set(I->rt, RH_EXC_TYPE, "__classcell__ must be a nonlocal cell, not <class '%s'>", hx_tname(*cell));
        return -1;
    }
    return rh_dict_del(I->rt, ns, k);
}

rh_object *hx_type_new(hx_interp *I, rh_object *meta, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    if (n != 3) {
        rh_err_set(rt, RH_EXC_TYPE, "type.__new__() takes exactly 3 arguments (%d given)", n);
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_STR || rh_kind_of(a[1]) != RH_K_TUPLE || rh_kind_of(a[2]) != RH_K_DICT)
        return rh_class_new(rt, a[0], a[1], a[2]); /* its "type.__new__() argument N must be ..." */
    rh_object *winner = rh_type_calculate_metaclass(rt, meta, a[1]);
    if (!winner) return NULL;
    if (winner != meta && rh_class_special(rt, winner, "__new__")) { /* winner->tp_new != type_new */
        rh_object *nf = rh_class_special(rt, winner, "__new__"), *args[RH_ARGS_MAX], *kv[RH_ARGS_MAX];
        if (rh_kind_of(nf) == RH_K_STATICMETHOD) nf = rh_funcdescr_callable(nf);
        args[0] = newref(winner);
        for (int i = 0; i < 3; i++) args[i + 1] = newref(a[i]);
        for (int i = 0; i < nkw; i++) kv[i] = newref(kwv[i]);
        return hx_call(I, nf, args, 4, kwn, kv, nkw);
    }
    rh_object *ns = rh_dict_copy(rt, a[2]), *kw = NULL, *cls = NULL, *cell = NULL;
    rh_object *g = I->frame ? I->frame->globals : I->globals;
    rh_object *modname = g ? rh_dict_get(rt, g, I->s_name) : NULL;
    int rc = ns ? kw_dict(I, kwn, kwv, nkw, &kw) : -1;
    if (rc == 0 && modname && !rh_dict_get(rt, ns, I->s_module)) rc = rh_dict_set(rt, ns, I->s_module, modname);
    if (rc == 0) rc = take_classcell(I, ns, a[2], &cell);
    if (rc == 0) cls = rh_class_new_meta(rt, winner, a[0], a[1], ns);
    if (cls && cell) rh_cell_set(rt, cell, cls);
    if (cls && hx_class_finish(I, cls, ns, kw) < 0) rh_setref(rt, &cls, NULL);
    rh_xdecref(rt, kw);
    rh_xdecref(rt, ns);
    return cls;
}

/* ---------------------------------------------------------------- type's methods */

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

/* An unbound call (type.__call__(C, ...)) names the receiver first: *self becomes it, a and n the rest.
 * "descriptor 'x' of 'type' object needs an argument" / "... doesn't apply to a 'int' object". 0 or -1. */
static int receiver(hx_interp *I, const char *name, rh_object **self, rh_object ***a, int *n) {
    if (*self) return 0;
    if (*n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '%s' of 'type' object needs an argument", name);
        return -1;
    }
    if (rh_kind_of((*a)[0]) != RH_K_TYPE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "descriptor '%s' for 'type' objects doesn't apply to a '%s' object", name,
                   hx_tname((*a)[0]));
        return -1;
    }
    *self = (*a)[0];
    (*a)++;
    (*n)--;
    return 0;
}

/* tp_new_wrapper for type: type.__new__(X, name, bases, ns, **kw) with X type or a metaclass */
FN(type_new_method) {
    (void)self;
    if (n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type.__new__(): not enough arguments");
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_TYPE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type.__new__(X): X is not a type object (%s)", hx_tname(a[0]));
        return NULL;
    }
    if (!hx_is_metatype(a[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type.__new__(%s): %s is not a subtype of type", ((rh_type *)a[0])->name,
                   ((rh_type *)a[0])->name);
        return NULL;
    }
    return hx_type_new(I, a[0], a + 1, n - 1, kwn, kwv, nkw);
}

/* type.__call__: type_call (vm.c) */
FN(type_call_method) {
    if (receiver(I, "__call__", &self, &a, &n) < 0) return NULL;
    rh_object *args[RH_ARGS_MAX], *kv[RH_ARGS_MAX];
    if (n > RH_ARGS_MAX) n = RH_ARGS_MAX;
    for (int i = 0; i < n; i++) args[i] = newref(a[i]);
    for (int i = 0; i < nkw; i++) kv[i] = newref(kwv[i]);
    return hx_type_call(I, self, args, n, kwn, kv, nkw);
}

/* type_init: 1 or 3 arguments, keywords only with 3 */
FN(type_init_method) {
    (void)kwn, (void)kwv;
    if (receiver(I, "__init__", &self, &a, &n) < 0) return NULL;
    if (nkw && n == 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type.__init__() takes no keyword arguments");
        return NULL;
    }
    if (n != 1 && n != 3) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type.__init__() takes 1 or 3 arguments");
        return NULL;
    }
    return newref(rh_none(I->rt));
}

/* type.__prepare__(name, bases, **kw): a new empty dict, whatever the arguments */
FN(type_prepare_method) {
    (void)self, (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return rh_dict_new(I->rt);
}

/* type.__instancecheck__(cls, inst): object_isinstance, without any hook */
FN(type_instancecheck_method) {
    (void)kwn, (void)kwv;
    if (receiver(I, "__instancecheck__", &self, &a, &n) < 0) return NULL;
    if (nkw || n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type.__instancecheck__() takes exactly one argument (%d given)", n);
        return NULL;
    }
    return rh_bool(I->rt, hx_subtype((rh_object *)rh_type_of(a[0]), self));
}

/* type.__subclasscheck__(cls, sub): recursive_issubclass */
FN(type_subclasscheck_method) {
    (void)kwn, (void)kwv;
    if (receiver(I, "__subclasscheck__", &self, &a, &n) < 0) return NULL;
    if (nkw || n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "type.__subclasscheck__() takes exactly one argument (%d given)", n);
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_TYPE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "issubclass() arg 1 must be a class");
        return NULL;
    }
    return rh_bool(I->rt, hx_subtype(a[0], self));
}

/* type.mro(): the class's MRO as a new list (mro_implementation gives what __mro__ holds) */
FN(type_mro_method) {
    (void)kwn, (void)kwv, (void)nkw;
    if (receiver(I, "mro", &self, &a, &n) < 0) return NULL;
    rh_type *t = (rh_type *)self;
    if (t->mro) return rh_list_from_iterable(I->rt, t->mro, 0);
    size_t k = 0;
    for (rh_type *b = t; b; b = b->base) k++;
    rh_object *l = rh_list_new(I->rt, k);
    k = 0;
    for (rh_type *b = t; l && b; b = b->base) rh_list_set_init(l, k++, newref(&b->ob.ob));
    return l;
}

/* type.__subclasses__(): the live subclasses, oldest first */
FN(type_subclasses_method) {
    (void)kwn, (void)kwv, (void)nkw;
    if (receiver(I, "__subclasses__", &self, &a, &n) < 0) return NULL;
    return rh_class_subclasses(I->rt, self);
}

/* type.__setattr__(cls, name, value) / type.__delattr__(cls, name): type_setattro itself, past any
 * metaclass override (what a metaclass's own __setattr__/__delattr__ reaches through super()). */
static rh_object *type_setattr_common(hx_interp *I, const char *fn, rh_object *self, rh_object **a, int n, int nkw,
                                      int want) {
    if (receiver(I, fn, &self, &a, &n) < 0) return NULL;
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn);
        return NULL;
    }
    if (n != want) {
        rh_err_set(I->rt, RH_EXC_TYPE, "expected %d argument%s, got %d", want, want == 1 ? "" : "s", n);
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(I->rt, RH_EXC_TYPE, "attribute name must be string, not '%s'", hx_tname(a[0]));
        return NULL;
    }
    rh_type *tt = rh_builtin_type(I->rt, RH_K_TYPE);
    return tt->tp_setattro(I->rt, self, a[0], want == 2 ? a[1] : NULL) ? NULL : newref(rh_none(I->rt));
}

FN(type_setattr_method) {
    (void)kwn, (void)kwv;
    return type_setattr_common(I, "__setattr__", self, a, n, nkw, 2);
}

FN(type_delattr_method) {
    (void)kwn, (void)kwv;
    return type_setattr_common(I, "__delattr__", self, a, n, nkw, 1);
}

/* object.__subclasshook__ (a classmethod of object): NotImplemented, whatever it is given */
FN(object_subclasshook_method) {
    (void)self, (void)a, (void)n, (void)kwn, (void)kwv, (void)nkw;
    return newref(rh_notimplemented(I->rt));
}
static const rh_builtin_def object_subclasshook_def = {"__subclasshook__", (void (*)(void))object_subclasshook_method, 0};

rh_object *hx_object_subclasshook(hx_interp *I, rh_object *cls) {
    return rh_builtin_new(I->rt, &object_subclasshook_def, cls);
}

static const rh_builtin_def type_method_defs[] = {
    {"__subclasses__", (void (*)(void))type_subclasses_method, 0},
    {"__new__", (void (*)(void))type_new_method, HX_METH_VARARGS},
    {"__call__", (void (*)(void))type_call_method, 0},
    {"__init__", (void (*)(void))type_init_method, HX_METH_VARARGS},
    {"__prepare__", (void (*)(void))type_prepare_method, 0},
    {"__instancecheck__", (void (*)(void))type_instancecheck_method, 0},
    {"__subclasscheck__", (void (*)(void))type_subclasscheck_method, 0},
    {"mro", (void (*)(void))type_mro_method, 0},
    {"__setattr__", (void (*)(void))type_setattr_method, 0},
    {"__delattr__", (void (*)(void))type_delattr_method, 0},
};

static const rh_builtin_def *type_method_def(hx_interp *I, rh_object *name) {
    const char *nm = hx_cstr(I, name);
    for (size_t i = 0; i < sizeof type_method_defs / sizeof type_method_defs[0]; i++)
        if (!strcmp(type_method_defs[i].name, nm)) return &type_method_defs[i];
    return NULL;
}

rh_object *hx_type_method(hx_interp *I, rh_object *self, rh_object *name) {
    const rh_builtin_def *d = type_method_def(I, name);
    if (!d) return NULL;
    if (d->fn == (void (*)(void))type_new_method) self = NULL; /* a static method */
    return rh_builtin_new(I->rt, d, self);
}

/* ---------------------------------------------------------------- tp_new_wrapper */

/* The built-in type whose tp_new t has, as tp_new_wrapper compares them: NULL for slot_tp_new (a class
 * whose MRO defines __new__ in Python), else the nearest built-in type on t's tp_base chain (a class
 * without __new__ inherits its static base's tp_new). */
static rh_type *tp_new_of(hx_interp *I, rh_type *t) {
    if ((t->flags & RH_TPFLAG_HEAPTYPE) && rh_class_special(I->rt, &t->ob.ob, "__new__")) return NULL;
    while (t->flags & RH_TPFLAG_HEAPTYPE) t = t->base;
    return t;
}

int hx_tp_new_check(hx_interp *I, rh_type *type, rh_object **a, int n) {
    rh_runtime *rt = I->rt;
    if (n < 1) {
        rh_err_set(rt, RH_EXC_TYPE, "%s.__new__(): not enough arguments", type->name);
        return -1;
    }
    if (rh_kind_of(a[0]) != RH_K_TYPE) {
        rh_err_set(rt, RH_EXC_TYPE, "%s.__new__(X): X is not a type object (%s)", type->name, hx_tname(a[0]));
        return -1;
    }
    rh_type *sub = (rh_type *)a[0], *staticbase = sub;
    if (!hx_subtype(a[0], (rh_object *)type)) {
        rh_err_set(rt, RH_EXC_TYPE, "%s.__new__(%s): %s is not a subtype of %s", type->name, sub->name, sub->name,
                   type->name);
        return -1;
    }
    while (staticbase && !tp_new_of(I, staticbase)) staticbase = staticbase->base; /* past slot_tp_new */
    if (staticbase && tp_new_of(I, staticbase) != type) {
        rh_err_set(rt, RH_EXC_TYPE, "%s.__new__(%s) is not safe, use %s.__new__()", type->name, sub->name,
                   staticbase->name);
        return -1;
    }
    return 0;
}

/* The types whose tp_new makes an empty object that tp_init fills (PyType_GenericNew, dict_new, set_new):
 * list.__new__(list, [1]) is [] */
static int filled_by_init(rh_kind k) {
    return k == RH_K_LIST || k == RH_K_DICT || k == RH_K_SET || k == RH_K_BYTEARRAY || k == RH_K_DEQUE;
}

/* tuple_subtype_new: tuple(*a) made first, its items copied into the class's instance */
static rh_object *tuple_subtype_new(hx_interp *I, rh_object *sub, rh_object **a, int n, char **kwn,
                                    rh_object **kwv, int nkw) {
    rh_object *t = hx_call_def(I, hx_type_constructor((rh_object *)rh_builtin_type(I->rt, RH_K_TUPLE)), NULL, a, n, kwn,
                               kwv, nkw);
    if (!t) return NULL;
    rh_object *r = rh_tuple_subtype_new(I->rt, sub, (rh_object *const *)(void *)((rh_varobject *)t + 1), rh_tuple_len(t));
    rh_decref(I->rt, t);
    return r;
}

rh_object *hx_builtin_tp_new(hx_interp *I, rh_type *type, rh_object *sub, rh_object **a, int n, char **kwn,
                             rh_object **kwv, int nkw) {
    if (type->kind == RH_K_GENERICALIAS) return hx_genericalias_tp_new(I, sub, a, n, nkw);
    if (sub != (rh_object *)type) { /* a class's instance: the built-in's body, as rh_instance_new lays it out */
        if (type->kind == RH_K_LIST || type->kind == RH_K_DICT) return rh_instance_new(I->rt, sub);
        if (type->kind == RH_K_TUPLE) return tuple_subtype_new(I, sub, a, n, kwn, kwv, nkw);
        if (type->kind == RH_K_WEAKREF) return hx_weakref_subtype_new(I, sub, a, n, nkw); /* mod_weakref.c */
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "%s.__new__ for a class deriving from it", type->name);
        return NULL;
    }
    const rh_builtin_def *d = hx_type_constructor(sub);
    if (!d) {
        rh_err_set(I->rt, RH_EXC_TYPE, "cannot create '%s' instances", type->name);
        return NULL;
    }
    if (filled_by_init(type->kind)) return hx_call_def(I, d, NULL, a, 0, NULL, NULL, 0);
    return hx_call_def(I, d, NULL, a, n, kwn, kwv, nkw);
}

/* tp_new_wrapper: X.__new__(S, *args, **kw) for the built-in type X (self), after its checks */
FN(tp_new_wrapper) {
    rh_type *type = (rh_type *)self;
    if (hx_tp_new_check(I, type, a, n)) return NULL;
    /* args = PyTuple_GetSlice(args, 1, n): the arguments after S as a tuple of their own (the empty tuple
     * when none), alive while X's tp_new runs */
    rh_object *rest = rh_tuple_new(I->rt, (size_t)(n - 1));
    if (!rest) return NULL;
    for (int i = 1; i < n; i++) {
        rh_incref(a[i]);
        rh_tuple_set(rest, (size_t)(i - 1), a[i]);
    }
    rh_object *r = hx_builtin_tp_new(I, type, a[0], a + 1, n - 1, kwn, kwv, nkw);
    rh_decref(I->rt, rest);
    return r;
}
static const rh_builtin_def tp_new_wrapper_def = {"__new__", (void (*)(void))tp_new_wrapper, HX_METH_VARARGS};

rh_object *hx_tp_new_wrapper(hx_interp *I, rh_type *t) {
    rh_kind k = t->kind;
    if ((t->flags & RH_TPFLAG_HEAPTYPE) || k == RH_K_OBJECT || k == RH_K_TYPE || rh_is_exc_class(&t->ob.ob))
        return NULL; /* object's and type's are their own (interp.c, above); exceptions: object's path */
    if (k != RH_K_GENERICALIAS && !hx_type_constructor(&t->ob.ob)) return NULL;
    return rh_builtin_new(I->rt, &tp_new_wrapper_def, &t->ob.ob);
}

/* ---------------------------------------------------------------- the metaclass's attributes */

static int is_data_descriptor(rh_object *v) {
    return rh_type_of(v)->tp_descr_get && rh_type_of(v)->tp_descr_set;
}

rh_object *hx_meta_data_attr(hx_interp *I, rh_object *cls, rh_object *name) {
    rh_object *meta = (rh_object *)rh_type_of(cls);
    if (!hx_is_heap_class(meta)) return NULL;
    rh_object *v = rh_class_lookup(I->rt, meta, name);
    if (!v || !is_data_descriptor(v)) return NULL;
    return rh_descr_get(I->rt, v, cls, meta);
}

rh_object *hx_meta_attr(hx_interp *I, rh_object *cls, rh_object *name) {
    rh_runtime *rt = I->rt;
    rh_object *meta = (rh_object *)rh_type_of(cls);
    if (hx_is_heap_class(meta)) {
        rh_object *v = rh_class_lookup(rt, meta, name);
        if (v && rh_kind_of(v) == RH_K_FUNCTION) return rh_method_new(rt, v, cls); /* meta_get: bound to cls */
        if (v && rh_type_of(v)->tp_descr_get) return rh_descr_get(rt, v, cls, meta);
        if (v) return newref(v);
        if (rh_err_occurred(rt)) return NULL;
    }
    /* type's own methods: unbound when cls is itself a metatype (type.__call__), else bound to cls */
    return hx_type_method(I, hx_is_metatype(cls) ? NULL : cls, name);
}

/* ---------------------------------------------------------------- isinstance / issubclass */

int hx_subtype(rh_object *c, rh_object *cls) {
    rh_type *t = (rh_type *)c;
    if (((rh_type *)cls)->kind == RH_K_OBJECT && !(((rh_type *)cls)->flags & RH_TPFLAG_HEAPTYPE)) return 1;
    for (rh_type *b = t; b; b = b->base)
        if ((rh_object *)b == cls) return 1;
    if (t->mro)
        for (size_t i = 0; i < rh_tuple_len(t->mro); i++)
            if (rh_tuple_get(t->mro, i) == cls) return 1;
    return 0;
}

/* type(cls)'s own __instancecheck__ / __subclasscheck__ (a function of a heap class on its MRO, or a method
 * of a built-in type's table), called bound to cls (_PyObject_LookupSpecial makes the bound method) within the recursion limit:
 * 1/0 from the result's truth, -1 error; 2 when the metaclass has none (type's own check applies). */
int hx_meta_check(hx_interp *I, rh_object *cls, const char *hook, rh_object *arg) {
    rh_runtime *rt = I->rt;
    rh_object *meta = (rh_object *)rh_type_of(cls), *m;
    if (hx_py27_check_hook(I, cls, hook, arg) < 0) return -1; /* (2.7: type's own hook, allocations only) */
    if (hx_is_heap_class(meta)) {
        rh_object *f = rh_class_special(rt, meta, hook);
        if (!f) return 2;
        m = rh_kind_of(f) == RH_K_FUNCTION ? rh_method_new(rt, f, cls) : newref(f);
    } else { /* a built-in type's method (ga_instancecheck; 3.10's union_instancecheck) */
        const rh_builtin_def *d = hx_kind_method_def(I, rh_kind_of(cls), hook);
        if (!d) return 2;
        m = rh_builtin_new(rt, d, cls);
    }
    if (!m) return -1;
    if (rh_recursion_enter(rt, strcmp(hook, "__instancecheck__") == 0 ? " in __instancecheck__"
                                                                       : " in __subclasscheck__") != 0) {
        rh_decref(rt, m);
        return -1;
    }
    rh_object *x = newref(arg);
    rh_object *r = hx_call(I, m, &x, 1, NULL, NULL, 0);
    rh_recursion_leave(rt);
    rh_decref(rt, m);
    if (!r) return -1;
    int ok = rh_truthy(rt, r);
    rh_decref(rt, r);
    return ok;
}

int hx_py27_check_hook(hx_interp *I, rh_object *cls, const char *hook, rh_object *arg) {
    rh_runtime *rt = I->rt;
    if (!rh_runtime_profile(rt)->python2 || rh_kind_of(cls) != RH_K_TYPE || hx_is_heap_class((rh_object *)rh_type_of(cls)))
        return 0;
    rh_object *nm = hx_name(I, hook), *m = nm ? hx_type_method(I, cls, nm) : NULL;
    rh_object *t = m ? rh_tuple_pack(rt, 1, arg) : NULL;
    rh_xdecref(rt, t);
    rh_xdecref(rt, m);
    return t ? 0 : -1;
}

void hx_py27_err_matches(hx_interp *I, rh_exc cls) {
    rh_runtime *rt = I->rt;
    if (!rh_runtime_profile(rt)->python2 || !rh_err_occurred(rt)) return;
    rh_err_state st; /* moved aside unnormalized: 2.7 reads curexc_type, and a failed allocation keeps it */
    rh_err_save(rt, &st);
    rh_object *type = st.value ? (rh_object *)rh_type_of(st.value) : (rh_object *)rh_exc_type(rt, st.kind);
    if (hx_py27_check_hook(I, (rh_object *)rh_exc_type(rt, cls), "__subclasscheck__", type) < 0) rh_err_clear(rt);
    rh_err_restore_state(rt, &st);
}

/* ---------------------------------------------------------------- abstract classes */

int hx_abstract_error(hx_interp *I, rh_object *cls) {
    rh_runtime *rt = I->rt;
    rh_type *t = (rh_type *)cls;
    if (!(t->flags & RH_TPFLAG_IS_ABSTRACT) || !hx_is_heap_class(cls) || !t->dict) return 0;
    rh_object *am = rh_dict_get(rt, t->dict, I->s_abstractmethods); /* type_abstractmethods */
    if (!am) return 0;
    rh_object *l = rh_list_from_iterable(rt, am, 1), *sep = NULL, *joined = NULL;
    int v312 = rh_runtime_profile(rt)->version_hex >= 0x030C;
    if (l && rh_list_sort(rt, l) == 0 && (sep = rh_str_from_cstr(rt, v312 ? "', '" : ", ")))
        joined = rh_str_join(rt, sep, l);
    if (joined) {
        size_t n = rh_list_len(l);
        if (v312) /* 3.12: "without an implementation for abstract method 'f'" */
            rh_err_set(rt, RH_EXC_TYPE, "Can't instantiate abstract class %s without an implementation for abstract "
                       "method%s '%s'", t->name, n > 1 ? "s" : "", hx_cstr(I, joined));
        else
            rh_err_set(rt, RH_EXC_TYPE, "Can't instantiate abstract class %s with abstract method%s %s", t->name,
                       n > 1 ? "s" : "", hx_cstr(I, joined));
    }
    rh_xdecref(rt, joined);
    rh_xdecref(rt, sep);
    rh_xdecref(rt, l);
    return 1;
}
