/* mod_abc.c — _abc (CPython 3.11 Modules/_abc.c), the C half of Lib/abc.py's ABCMeta, which runs unchanged.
 *
 * Owns: the _abc_data objects (_abc_impl of each ABC: registry, positive and negative caches as sets of
 * weak references made on first use, the negative cache's version), the invalidation counter behind
 * get_cache_token(), compute_abstract_methods, and _abc_init/_abc_register/_abc_instancecheck/
 * _abc_subclasscheck/_get_dump/_reset_registry/_reset_caches with _abc.c's steps in its order (cache,
 * negative cache, __subclasshook__, the MRO, the registry, __subclasses__), so the calls a program can see
 * (its __subclasshook__, __subclasscheck__ ...) happen as in CPython.
 * _abc_data is a class with four __slots__ made with the module (48-byte GC instances, as _abc_data's
 * PyObject_HEAD + three set pointers + the version); its version slot holds an int. Every set entry is a
 * weak reference whose callback (_destroy, bound to a weak reference to the set) drops it from the set.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED_ARGS (void)self; (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* abc_invalidation_counter: one per process, as one interpreter runs per process */
static int64_t abc_invalidation_counter;

/* The _abc_data slots, in the sorted order of their names (type_new_slots sorts them) */
enum { D_CACHE, D_NEG, D_NEG_VERSION, D_REGISTRY };
static rh_object **data_slot(rh_object *d, int i) { return (rh_object **)(void *)((char *)d + sizeof(rh_object)) + i; }

static int one_arg(hx_interp *I, const char *fn, int n, int want, int nkw) {
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn);
        return -1;
    }
    if (n != want) {
        if (want == 1) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
        else rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %d arguments, got %d", fn, want, n);
        return -1;
    }
    return 0;
}

static rh_object *data_class(hx_interp *I) { return rh_dict_get_cstr(I->rt, rh_module_dict(I->mod__abc), "_abc_data"); }

/* _get_impl: self._abc_impl, which must be an _abc_data. New reference or NULL. */
static rh_object *get_impl(hx_interp *I, rh_object *self) {
    rh_object *k = hx_name(I, "_abc_impl"), *impl = k ? hx_getattr_obj(I, self, k) : NULL;
    if (impl && (rh_object *)rh_type_of(impl) != data_class(I)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "_abc_impl is set to a wrong type");
        rh_setref(I->rt, &impl, NULL);
    }
    return impl;
}

/* _in_weak_set: 1, 0 (also for an object no weak reference can name), -1 */
static int in_weak_set(hx_interp *I, rh_object *set, rh_object *obj) {
    if (!set || rh_set_len(set) == 0) return 0;
    rh_object *ref = rh_weakref_new(I->rt, obj, NULL);
    if (!ref) {
        if (rh_err_occurred(I->rt) != RH_EXC_TYPE) return -1;
        rh_err_clear(I->rt);
        return 0;
    }
    int r = rh_set_contains(I->rt, set, ref);
    rh_decref(I->rt, ref);
    return r;
}

/* _destroy(setweakref, objweakref): the dead referent's entry leaves the set, if the set still lives */
FN(abc_destroy) {
    UNUSED_ARGS;
    if (n != 1) return newref(rh_none(I->rt));
    rh_object *set = rh_weakref_get(I->rt, self);
    if (set == rh_none(I->rt)) return newref(rh_none(I->rt));
    rh_incref(set);
    int r = rh_set_discard(I->rt, set, a[0]);
    rh_decref(I->rt, set);
    return r < 0 ? NULL : newref(rh_none(I->rt));
}
static const rh_builtin_def destroy_def = {"_destroy", (void (*)(void))abc_destroy, 0};

/* _add_to_weak_set: the set made on first use, then a weak reference to obj whose callback is _destroy
 * bound to a weak reference to the set. 0 or -1. */
static int add_to_weak_set(hx_interp *I, rh_object **pset, rh_object *obj) {
    rh_runtime *rt = I->rt;
    if (!*pset && !(*pset = rh_set_new(rt, NULL))) return -1;
    rh_object *set = *pset, *wr = rh_weakref_new(rt, set, NULL);
    if (!wr) return -1;
    rh_object *cb = rh_builtin_new(rt, &destroy_def, wr);
    rh_object *ref = cb ? rh_weakref_new(rt, obj, cb) : NULL;
    rh_xdecref(rt, cb);
    int rc = ref ? rh_set_add(rt, set, ref) : -1;
    rh_decref(rt, wr);
    rh_xdecref(rt, ref);
    return rc;
}

/* _PyObject_IsAbstract: value.__isabstractmethod__ is true (classmethod/staticmethod: their function's;
 * property: any of its functions'); 1, 0, -1 */
static int is_abstract(hx_interp *I, rh_object *v) {
    rh_kind k = rh_kind_of(v);
    if (k == RH_K_CLASSMETHOD || k == RH_K_STATICMETHOD) return is_abstract(I, rh_funcdescr_callable(v));
    if (k == RH_K_PROPERTY) {
        for (int i = 0; i < 3; i++) {
            rh_object *f = rh_property_part(v, i);
            int r = f && f != rh_none(I->rt) ? is_abstract(I, f) : 0;
            if (r) return r;
        }
        return 0;
    }
    rh_object *key = hx_name(I, "__isabstractmethod__"), *r = key ? hx_getattr_obj(I, v, key) : NULL;
    if (!r) {
        if (!key || rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return -1;
        rh_err_clear(I->rt);
        return 0;
    }
    int t = rh_truthy(I->rt, r);
    rh_decref(I->rt, r);
    return t;
}

/* getattr(o, name) with AttributeError as *out NULL: 0, or -1 on another error (_PyObject_LookupAttr) */
static int lookup_attr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out) {
    *out = hx_getattr_obj(I, o, name);
    if (*out) return 0;
    if (rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return -1;
    rh_err_clear(I->rt);
    return 0;
}

/* compute_abstract_methods: the namespace's abstract names (over a list of its items), then the bases'
 * __abstractmethods__ still abstract on self, as a frozenset in self.__abstractmethods__. 0 or -1. */
static int compute_abstract_methods(hx_interp *I, rh_object *self) {
    rh_runtime *rt = I->rt;
    rh_object *abstracts = rh_frozenset_new(rt, NULL), *items = NULL, *name = hx_name(I, "__abstractmethods__");
    int rc = -1;
    if (!abstracts || !name) goto out;
    rh_object *ns = ((rh_type *)self)->dict;
    if (ns && !(items = rh_dict_items_list(rt, ns))) goto out;
    for (size_t i = 0; items && i < rh_list_len(items); i++) {
        rh_object *it = rh_list_get(items, i), *key = newref(rh_tuple_get(it, 0));
        int ab = is_abstract(I, rh_tuple_get(it, 1));
        if (ab > 0 && rh_set_add(rt, abstracts, key) < 0) ab = -1;
        rh_decref(rt, key);
        if (ab < 0) goto out;
    }
    rh_object *bases = ((rh_type *)self)->bases;
    for (size_t b = 0; bases && b < rh_tuple_len(bases); b++) {
        rh_object *base_abstracts, *it, *key;
        if (lookup_attr(I, rh_tuple_get(bases, b), name, &base_abstracts) < 0) goto out;
        if (!base_abstracts) continue;
        it = rh_getiter(rt, base_abstracts);
        rh_decref(rt, base_abstracts);
        if (!it) goto out;
        while ((key = rh_iternext(rt, it)) != NULL) {
            rh_object *value;
            int ab = rh_kind_of(key) == RH_K_STR ? lookup_attr(I, self, key, &value) : -1;
            if (ab == 0 && value) {
                ab = is_abstract(I, value);
                rh_decref(rt, value);
                if (ab > 0 && rh_set_add(rt, abstracts, key) < 0) ab = -1;
            }
            rh_decref(rt, key);
            if (ab < 0) {
                if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_TYPE, "attribute name must be string");
                rh_decref(rt, it);
                goto out;
            }
        }
        rh_decref(rt, it);
        if (rh_err_occurred(rt)) goto out;
    }
    rc = hx_setattr(I, self, name, abstracts);
out:
    rh_xdecref(rt, abstracts);
    rh_xdecref(rt, items);
    return rc;
}

FN(abc_init) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (one_arg(I, "_abc_init", n, 1, nkw) || compute_abstract_methods(I, a[0]) < 0) return NULL;
    rh_object *cls = data_class(I), *data = cls ? rh_instance_new(rt, cls) : NULL; /* abc_data_new */
    rh_object *ver = data ? rh_int_from_i64(rt, abc_invalidation_counter) : NULL;
    if (!ver) {
        rh_xdecref(rt, data);
        return NULL;
    }
    *data_slot(data, D_NEG_VERSION) = ver;
    rh_object *k = hx_name(I, "_abc_impl");
    int rc = k ? hx_setattr(I, a[0], k, data) : -1;
    rh_decref(rt, data);
    if (rc < 0) return NULL;
    /* __abc_tpflags__ (collections.abc's Sequence and Mapping) leaves the class's namespace; the flags
     * only steer the match statement, which refheap does not have */
    rh_object *flags = hx_name(I, "__abc_tpflags__");
    rh_object *ns = rh_kind_of(a[0]) == RH_K_TYPE ? ((rh_type *)a[0])->dict : NULL;
    if (ns && flags && rh_dict_get(rt, ns, flags) && rh_dict_del(rt, ns, flags) < 0) return NULL;
    return newref(rh_none(rt));
}

FN(abc_register) {
    UNUSED_ARGS;
    if (one_arg(I, "_abc_register", n, 2, nkw)) return NULL;
    rh_object *cls = a[0], *sub = a[1];
    if (rh_kind_of(sub) != RH_K_TYPE) {
        rh_err_set(I->rt, RH_EXC_TYPE, "Can only register classes");
        return NULL;
    }
    int r = hx_issubclass(I, sub, cls);
    if (r) return r > 0 ? newref(sub) : NULL; /* already a subclass */
    if ((r = hx_issubclass(I, cls, sub)) != 0) {
        if (r > 0) rh_err_set(I->rt, RH_EXC_RUNTIME, "Refusing to create an inheritance cycle");
        return NULL;
    }
    rh_object *impl = get_impl(I, cls);
    if (!impl) return NULL;
    r = add_to_weak_set(I, data_slot(impl, D_REGISTRY), sub);
    rh_decref(I->rt, impl);
    if (r < 0) return NULL;
    abc_invalidation_counter++; /* invalidate the negative caches */
    return newref(sub);
}

/* PyObject_CallMethodOneArg(self, name, arg): the bound method made, called, dropped */
static rh_object *call_method(hx_interp *I, rh_object *self, const char *name, rh_object *arg) {
    rh_object *k = hx_name(I, name), *m = k ? hx_getattr_obj(I, self, k) : NULL;
    if (!m) return NULL;
    rh_object *x = newref(arg), *r = hx_call(I, m, &x, 1, NULL, NULL, 0);
    rh_decref(I->rt, m);
    return r;
}

FN(abc_instancecheck) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (one_arg(I, "_abc_instancecheck", n, 2, nkw)) return NULL;
    rh_object *impl = get_impl(I, a[0]), *result = NULL, *subclass = NULL;
    if (!impl) return NULL;
    if (!(subclass = hx_getattr_obj(I, a[1], I->s_class))) goto end;
    int incache = in_weak_set(I, *data_slot(impl, D_CACHE), subclass);
    if (incache) {
        if (incache > 0) result = newref(rh_true(rt));
        goto end;
    }
    rh_object *subtype = (rh_object *)rh_type_of(a[1]);
    if (subtype == subclass) {
        int64_t v = 0;
        (void)rh_int_as_i64(rt, *data_slot(impl, D_NEG_VERSION), &v);
        if (v == abc_invalidation_counter) {
            incache = in_weak_set(I, *data_slot(impl, D_NEG), subclass);
            if (incache) {
                if (incache > 0) result = newref(rh_false(rt));
                goto end;
            }
        }
        result = call_method(I, a[0], "__subclasscheck__", subclass); /* fall back to the subclass check */
        goto end;
    }
    result = call_method(I, a[0], "__subclasscheck__", subclass);
    if (!result) goto end;
    int t = rh_truthy(rt, result);
    if (t < 0) rh_setref(rt, &result, NULL);
    else if (t == 0) {
        rh_decref(rt, result);
        result = call_method(I, a[0], "__subclasscheck__", subtype);
    }
end:
    rh_decref(rt, impl);
    rh_xdecref(rt, subclass);
    return result;
}

/* subclasscheck_check_registry: 1 (*result set), 0, -1 */
static int check_registry(hx_interp *I, rh_object *impl, rh_object *subclass, rh_object **result) {
    rh_runtime *rt = I->rt;
    rh_object *reg = *data_slot(impl, D_REGISTRY);
    int ret = in_weak_set(I, reg, subclass);
    if (ret) {
        if (ret > 0) *result = rh_true(rt);
        return ret;
    }
    if (!reg || rh_set_len(reg) == 0) return 0;
    size_t n = rh_set_len(reg), i = 0, pos = 0; /* a snapshot: a callback may shrink the registry */
    rh_object **copy = rh_mem_malloc(rt, n * sizeof *copy), *key;
    if (!copy) return -1;
    while (i < n && rh_set_next(reg, &pos, &key)) copy[i++] = newref(key);
    for (i = 0; i < n && ret == 0; i++) {
        rh_object *rkey = rh_weakref_get(rt, copy[i]);
        if (rkey == rh_none(rt)) continue;
        rh_incref(rkey);
        int r = hx_issubclass(I, subclass, rkey);
        rh_decref(rt, rkey);
        if (r < 0) ret = -1;
        else if (r > 0) {
            ret = add_to_weak_set(I, data_slot(impl, D_CACHE), subclass) < 0 ? -1 : 1;
            if (ret > 0) *result = rh_true(rt);
        }
    }
    for (i = 0; i < n; i++) rh_decref(rt, copy[i]);
    rh_mem_free(rt, copy, n * sizeof *copy);
    return ret;
}

FN(abc_subclasscheck) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (one_arg(I, "_abc_subclasscheck", n, 2, nkw)) return NULL;
    rh_object *abc = a[0], *subclass = a[1], *result = NULL, *subclasses = NULL;
    if (rh_kind_of(subclass) != RH_K_TYPE) {
        rh_err_set(rt, RH_EXC_TYPE, "issubclass() arg 1 must be a class");
        return NULL;
    }
    rh_object *impl = get_impl(I, abc);
    if (!impl) return NULL;
    int incache = in_weak_set(I, *data_slot(impl, D_CACHE), subclass); /* 1. the cache */
    if (incache) {
        if (incache > 0) result = rh_true(rt);
        goto end;
    }
    int64_t v = 0; /* 2. the negative cache, cleared when the counter moved on */
    (void)rh_int_as_i64(rt, *data_slot(impl, D_NEG_VERSION), &v);
    if (v < abc_invalidation_counter) {
        if (*data_slot(impl, D_NEG) && rh_set_clear(rt, *data_slot(impl, D_NEG)) < 0) goto end;
        rh_object *ver = rh_int_from_i64(rt, abc_invalidation_counter);
        if (!ver) goto end;
        rh_setref(rt, data_slot(impl, D_NEG_VERSION), ver);
    } else if ((incache = in_weak_set(I, *data_slot(impl, D_NEG), subclass)) != 0) {
        if (incache > 0) result = rh_false(rt);
        goto end;
    }
    rh_object *ok = call_method(I, abc, "__subclasshook__", subclass); /* 3. the subclass hook */
    if (!ok) goto end;
    if (ok == rh_true(rt) || ok == rh_false(rt)) {
        int t = ok == rh_true(rt);
        rh_decref(rt, ok);
        if (add_to_weak_set(I, data_slot(impl, t ? D_CACHE : D_NEG), subclass) == 0) result = t ? rh_true(rt) : rh_false(rt);
        goto end;
    }
    int notimpl = ok == rh_notimplemented(rt);
    rh_decref(rt, ok);
    if (!notimpl) {
        rh_err_set(rt, RH_EXC_ASSERTION, "__subclasshook__ must return either False, True, or NotImplemented");
        goto end;
    }
    rh_object *mro = ((rh_type *)subclass)->mro; /* 4. a direct subclass */
    for (size_t i = 0; mro && i < rh_tuple_len(mro); i++)
        if (rh_tuple_get(mro, i) == abc) {
            if (add_to_weak_set(I, data_slot(impl, D_CACHE), subclass) == 0) result = rh_true(rt);
            goto end;
        }
    if (check_registry(I, impl, subclass, &result)) goto end; /* 5. a registered class's subclass */
    rh_object *k = hx_name(I, "__subclasses__"), *m = k ? hx_getattr_obj(I, abc, k) : NULL; /* 6. */
    subclasses = m ? hx_call(I, m, NULL, 0, NULL, NULL, 0) : NULL;
    rh_xdecref(rt, m);
    if (!subclasses) goto end;
    if (rh_kind_of(subclasses) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "__subclasses__() must return a list");
        goto end;
    }
    for (size_t i = 0; i < rh_list_len(subclasses); i++) {
        rh_object *scls = newref(rh_list_get(subclasses, i));
        int r = hx_issubclass(I, subclass, scls);
        rh_decref(rt, scls);
        if (r < 0) goto end;
        if (r > 0) {
            if (add_to_weak_set(I, data_slot(impl, D_CACHE), subclass) == 0) result = rh_true(rt);
            goto end;
        }
    }
    if (add_to_weak_set(I, data_slot(impl, D_NEG), subclass) == 0) result = rh_false(rt); /* no dice */
end:
    rh_decref(rt, impl);
    rh_xdecref(rt, subclasses);
    return result ? newref(result) : NULL;
}

FN(abc_get_cache_token) {
    UNUSED_ARGS;
    (void)a;
    if (one_arg(I, "get_cache_token", n, 0, nkw)) return NULL;
    return rh_int_from_i64(I->rt, abc_invalidation_counter);
}

/* _get_dump: shallow copies of the registry and both caches, and the negative cache's version */
FN(abc_get_dump) {
    UNUSED_ARGS;
    rh_runtime *rt = I->rt;
    if (one_arg(I, "_get_dump", n, 1, nkw)) return NULL;
    rh_object *impl = get_impl(I, a[0]);
    if (!impl) return NULL;
    rh_object *s[3] = {NULL, NULL, NULL}, *r = NULL;
    static const int which[3] = {D_REGISTRY, D_CACHE, D_NEG};
    int i;
    for (i = 0; i < 3; i++)
        if (!(s[i] = rh_set_new(rt, *data_slot(impl, which[i])))) break;
    if (i == 3) r = rh_tuple_pack(rt, 4, s[0], s[1], s[2], *data_slot(impl, D_NEG_VERSION));
    for (i = 0; i < 3; i++) rh_xdecref(rt, s[i]);
    rh_decref(rt, impl);
    return r;
}

static rh_object *reset(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int caches) {
    if (one_arg(I, fn, n, 1, nkw)) return NULL;
    rh_object *impl = get_impl(I, a[0]);
    if (!impl) return NULL;
    int rc = 0;
    for (int i = 0; i < 2 && rc == 0; i++) {
        rh_object *set = *data_slot(impl, caches ? (i ? D_NEG : D_CACHE) : D_REGISTRY);
        if (set && (caches || i == 0)) rc = rh_set_clear(I->rt, set);
    }
    rh_decref(I->rt, impl);
    return rc < 0 ? NULL : newref(rh_none(I->rt));
}
FN(abc_reset_registry) { UNUSED_ARGS; return reset(I, "_reset_registry", a, n, nkw, 0); }
FN(abc_reset_caches) { UNUSED_ARGS; return reset(I, "_reset_caches", a, n, nkw, 1); }

static const rh_builtin_def abc_defs[] = {
    {"get_cache_token", (void (*)(void))abc_get_cache_token, 0},
    {"_abc_init", (void (*)(void))abc_init, 0},
    {"_abc_register", (void (*)(void))abc_register, 0},
    {"_abc_instancecheck", (void (*)(void))abc_instancecheck, 0},
    {"_abc_subclasscheck", (void (*)(void))abc_subclasscheck, 0},
    {"_get_dump", (void (*)(void))abc_get_dump, 0},
    {"_reset_registry", (void (*)(void))abc_reset_registry, 0},
    {"_reset_caches", (void (*)(void))abc_reset_caches, 0},
    {NULL, NULL, 0},
};

/* The module and its _abc_data class (four sorted __slots__, no __dict__ or __weakref__) */
rh_object *hx_module_abc(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *m = hx_make_module(I, "_abc", abc_defs);
    rh_object *slots = m ? rh_tuple_new(rt, 4) : NULL, *ns = slots ? rh_dict_new(rt) : NULL, *cls = NULL;
    static const char *const names[4] = {"_abc_registry", "_abc_cache", "_abc_negative_cache",
                                         "_abc_negative_cache_version"};
    int filled = 0; /* a name that could not be made leaves a hole: no class from that tuple */
    for (; ns && filled < 4; filled++) {
        rh_object *k = hx_name(I, names[filled]);
        if (!k) break;
        rh_tuple_set(slots, (size_t)filled, newref(k));
    }
    rh_object *nm = filled == 4 ? hx_name(I, "_abc_data") : NULL, *modname = nm ? hx_name(I, "_abc") : NULL;
    if (modname && rh_dict_set_cstr(rt, ns, "__module__", modname) == 0 && rh_dict_set_cstr(rt, ns, "__slots__", slots) == 0)
        cls = rh_class_new(rt, nm, rh_empty_tuple(rt), ns);
    if (!cls || rh_dict_set_cstr(rt, rh_module_dict(m), "_abc_data", cls) != 0) rh_setref(rt, &m, NULL);
    rh_xdecref(rt, cls);
    rh_xdecref(rt, ns);
    rh_xdecref(rt, slots);
    return m;
}
