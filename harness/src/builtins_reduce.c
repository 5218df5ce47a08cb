/* builtins_reduce.c — object.__reduce_ex__, object.__reduce__ and object.__getstate__ (CPython 3.11
 * Objects/typeobject.c: object___reduce_ex___impl, _common_reduce, reduce_newobj, _PyObject_GetNewArguments,
 * object_getstate_default, _PyType_GetSlotNames, _PyObject_GetItemsIter), which Lib/copy.py and Lib/copyreg.py
 * call to copy instances of classes.
 *
 * Owns those three methods of object (entries of I->object_methods, interp.c). Protocol 2 and up build
 * (copyreg.__newobj__ or __newobj_ex__, args, state, listitems, dictitems) here; protocols 0 and 1 call
 * copyreg._reduce_ex as CPython does. The slot names come from the class's own __slotnames__ entry or
 * copyreg._slotnames (which caches them there).
 * Limits: __getnewargs__ / __getnewargs_ex__ are looked up as getattr does (CPython: on the type only), and
 * refheap's int, float, str, tuple ... have no __getnewargs__ of their own yet, so instances of classes
 * deriving from them (namedtuples and complex excepted) cannot be reduced.
 * Every function takes borrowed arguments and returns a new reference or NULL with the runtime error set.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }

/* Called bound (self the instance, from hx_object_method_bound), the arguments become object.<name>(self, ...)'s */
#define SELF_FIRST(buf)                                                     \
    do {                                                                    \
        if (self) {                                                         \
            buf[0] = self;                                                  \
            for (int i_ = 0; i_ < n && i_ < 2; i_++) buf[i_ + 1] = a[i_];   \
            a = buf;                                                        \
            n++;                                                            \
        }                                                                   \
    } while (0)

/* object.<fn>(self[, arg]) called unbound or bound: want counts self; 0 or -1 with TypeError */
static int self_args(hx_interp *I, const char *fn, int n, int lo, int hi, int nkw) {
    if (n < 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, "unbound method object.%s() needs an argument", fn);
        return -1;
    }
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "object.%s() takes no keyword arguments", fn); return -1; }
    if (n - 1 < lo - 1 || n > hi) {
        if (hi == 1) rh_err_set(I->rt, RH_EXC_TYPE, "object.%s() takes no arguments (%d given)", fn, n - 1);
        else rh_err_set(I->rt, RH_EXC_TYPE, "object.%s() takes exactly one argument (%d given)", fn, n - 1);
        return -1;
    }
    return 0;
}

/* getattr(module copyreg, name): new reference or NULL */
static rh_object *copyreg_attr(hx_interp *I, const char *name) {
    rh_object *m = hx_import_module(I, "copyreg");
    if (!m) return NULL;
    rh_object *nm = hx_name(I, name), *r = nm ? hx_getattr_obj(I, m, nm) : NULL;
    rh_decref(I->rt, m);
    return r;
}

/* fn(args...) with borrowed arguments (hx_call steals them) */
static rh_object *call_borrowed(hx_interp *I, rh_object *fn, rh_object **args, int n) {
    rh_object *own[4];
    for (int i = 0; i < n; i++) own[i] = newref(args[i]);
    return hx_call(I, fn, own, n, NULL, NULL, 0);
}

/* _PyType_GetSlotNames: cls.__dict__['__slotnames__'] when it is a list or None, else copyreg._slotnames(cls) */
static rh_object *slot_names(hx_interp *I, rh_object *cls) {
    rh_runtime *rt = I->rt;
    rh_object *d = ((rh_type *)cls)->dict;
    rh_object *v = d ? rh_dict_get_cstr(rt, d, "__slotnames__") : NULL;
    if (v && (rh_kind_of(v) == RH_K_LIST || v == rh_none(rt))) return newref(v);
    rh_object *f = copyreg_attr(I, "_slotnames");
    rh_object *r = f ? call_borrowed(I, f, &cls, 1) : NULL;
    rh_xdecref(rt, f);
    if (r && r != rh_none(rt) && rh_kind_of(r) != RH_K_LIST) {
        rh_err_set(rt, RH_EXC_TYPE, "copyreg._slotnames didn't return a list or None");
        rh_decref(rt, r);
        return NULL;
    }
    return r;
}

/* object_getstate_default's check that nothing but __dict__, __weakref__ and the slots extend object */
static int check_picklable_layout(hx_interp *I, rh_object *obj, rh_object *names) {
    rh_type *t = rh_type_of(obj);
    size_t size = rh_builtin_type(I->rt, RH_K_OBJECT)->basicsize;
    if (rh_class_dictoffset((rh_object *)t)) size += sizeof(rh_object *);
    if (t->weaklistoffset && !(t->flags & RH_TPFLAG_MANAGED_WEAKREF)) /* 3.12: tp_weaklistoffset > 0 */
        size += sizeof(rh_object *);
    if (names != rh_none(I->rt)) size += sizeof(rh_object *) * rh_list_len(names);
    if (t->basicsize > size) {
        rh_err_set(I->rt, RH_EXC_TYPE, "cannot pickle '%s' object", t->name);
        return -1;
    }
    return 0;
}

/* {name: value} of the slots that hold a value, or NULL with an error; *out None when none do */
static rh_object *slot_values(hx_interp *I, rh_object *obj, rh_object *names) {
    rh_runtime *rt = I->rt;
    rh_object *slots = rh_dict_new(rt);
    if (!slots) return NULL;
    for (size_t i = 0; i < rh_list_len(names); i++) {
        rh_object *nm = rh_list_get(names, i), *v = hx_getattr_obj(I, obj, nm);
        if (!v) {
            if (rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) { rh_decref(rt, slots); return NULL; }
            rh_err_clear(rt);
            continue;
        }
        int rc = rh_dict_set(rt, slots, nm, v);
        rh_decref(rt, v);
        if (rc) { rh_decref(rt, slots); return NULL; }
    }
    return slots;
}

/* object_getstate_default: None or the instance's __dict__, paired with a dict of the slots' values when
 * some slot holds one; required: refuse objects whose state is more than that */
static rh_object *getstate_default(hx_interp *I, rh_object *obj, int required) {
    rh_runtime *rt = I->rt;
    rh_type *t = rh_type_of(obj);
    if (required && t->itemsize) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot pickle '%s' object", t->name);
        return NULL;
    }
    rh_object *state = rh_instance_dict_is_empty(obj) ? newref(rh_none(rt)) : rh_instance_dict(rt, obj);
    if (!state) return NULL;
    if (!hx_is_heap_class((rh_object *)t)) return state; /* a built-in type: no slot names to gather */
    rh_object *names = slot_names(I, (rh_object *)t);
    if (!names || (required && check_picklable_layout(I, obj, names))) goto fail;
    if (names != rh_none(rt) && rh_list_len(names) > 0) {
        rh_object *slots = slot_values(I, obj, names);
        if (!slots) goto fail;
        if (rh_dict_len(slots) > 0) {
            rh_object *pair[2] = {state, slots}, *t2 = rh_tuple_pack(rt, 2, pair[0], pair[1]);
            rh_decref(rt, slots);
            if (!t2) goto fail;
            rh_decref(rt, state);
            state = t2;
        } else {
            rh_decref(rt, slots);
        }
    }
    rh_decref(rt, names);
    return state;
fail:
    rh_xdecref(rt, names);
    rh_decref(rt, state);
    return NULL;
}

/* object_getstate: obj.__getstate__(), or the default directly when that is object's own */
static rh_object *getstate(hx_interp *I, rh_object *obj, int required) {
    int found = 0;
    rh_object *r = rh_call_special(I->rt, obj, "__getstate__", NULL, 0, &found);
    if (found || r) return r;
    if (rh_err_occurred(I->rt)) return NULL;
    return getstate_default(I, obj, required);
}

/* obj.<name>() when obj has such an attribute (*found 1), else NULL with *found 0 and no error; the
 * attribute is looked up as getattr does, so the built-in types' own methods (complex, a namedtuple's
 * __getnewargs__) are found too */
static rh_object *call_if_defined(hx_interp *I, rh_object *obj, const char *name, int *found) {
    rh_object *nm = hx_name(I, name), *m = nm ? hx_getattr_obj(I, obj, nm) : NULL;
    *found = m != NULL;
    if (!m) {
        if (rh_err_occurred(I->rt) == RH_EXC_ATTRIBUTE) rh_err_clear(I->rt);
        else *found = rh_err_occurred(I->rt) != RH_EXC_NONE;
        return NULL;
    }
    rh_object *r = hx_call(I, m, NULL, 0, NULL, NULL, 0);
    rh_decref(I->rt, m);
    return r;
}

/* _PyObject_GetNewArguments: *args (tuple or NULL), *kwargs (dict or NULL); 0 or -1 */
static int new_arguments(hx_interp *I, rh_object *obj, rh_object **args, rh_object **kwargs) {
    rh_runtime *rt = I->rt;
    int found = 0;
    *args = *kwargs = NULL;
    rh_object *r = call_if_defined(I, obj, "__getnewargs_ex__", &found);
    if (found) {
        if (!r) return -1;
        const char *bad = NULL;
        if (rh_kind_of(r) != RH_K_TUPLE)
            rh_err_set(rt, RH_EXC_TYPE, "__getnewargs_ex__ should return a tuple, not '%s'", hx_tname(r)), bad = "";
        else if (rh_tuple_len(r) != 2)
            rh_err_set(rt, RH_EXC_VALUE, "__getnewargs_ex__ should return a tuple of length 2, not %zu", rh_tuple_len(r)), bad = "";
        else if (rh_kind_of(rh_tuple_get(r, 0)) != RH_K_TUPLE)
            rh_err_set(rt, RH_EXC_TYPE, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                       hx_tname(rh_tuple_get(r, 0))), bad = "";
        else if (rh_kind_of(rh_tuple_get(r, 1)) != RH_K_DICT)
            rh_err_set(rt, RH_EXC_TYPE, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                       hx_tname(rh_tuple_get(r, 1))), bad = "";
        if (bad) { rh_decref(rt, r); return -1; }
        *args = newref(rh_tuple_get(r, 0));
        *kwargs = newref(rh_tuple_get(r, 1));
        rh_decref(rt, r);
        return 0;
    }
    if (rh_err_occurred(rt)) return -1;
    r = call_if_defined(I, obj, "__getnewargs__", &found);
    if (!found) return rh_err_occurred(rt) ? -1 : 0;
    if (!r) return -1;
    if (rh_kind_of(r) != RH_K_TUPLE) {
        rh_err_set(rt, RH_EXC_TYPE, "__getnewargs__ should return a tuple, not '%s'", hx_tname(r));
        rh_decref(rt, r);
        return -1;
    }
    *args = r;
    return 0;
}

/* _PyObject_GetItemsIter: iter(obj) for a list, iter(obj.items()) for a dict, else None */
static int items_iters(hx_interp *I, rh_object *obj, rh_object **listitems, rh_object **dictitems) {
    rh_runtime *rt = I->rt;
    *listitems = *dictitems = NULL;
    rh_object *it = NULL;
    if (rh_kind_of(obj) == RH_K_LIST) it = rh_getiter(rt, obj);
    else if (rh_kind_of(obj) == RH_K_DICT) {
        rh_object *nm = hx_name(I, "items"), *m = nm ? hx_getattr_obj(I, obj, nm) : NULL;
        rh_object *items = m ? hx_call(I, m, NULL, 0, NULL, NULL, 0) : NULL;
        rh_xdecref(rt, m);
        it = items ? rh_getiter(rt, items) : NULL;
        rh_xdecref(rt, items);
    } else {
        *listitems = newref(rh_none(rt));
        *dictitems = newref(rh_none(rt));
        return 0;
    }
    if (!it) return -1;
    int is_list = rh_kind_of(obj) == RH_K_LIST;
    *listitems = is_list ? it : newref(rh_none(rt));
    *dictitems = is_list ? newref(rh_none(rt)) : it;
    return 0;
}

/* reduce_newobj: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems), or __newobj_ex__'s
 * (cls, args, kwargs) when __getnewargs_ex__ gave keywords */
static rh_object *reduce_newobj(hx_interp *I, rh_object *obj) {
    rh_runtime *rt = I->rt;
    rh_object *cls = (rh_object *)rh_type_of(obj), *args, *kwargs;
    if (!hx_is_heap_class(cls) && rh_kind_of(obj) != RH_K_OBJECT && !hx_type_constructor(cls)) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot pickle '%s' object", hx_tname(obj));
        return NULL;
    }
    if (new_arguments(I, obj, &args, &kwargs)) return NULL;
    int hasargs = args != NULL;
    rh_object *newobj = NULL, *newargs = NULL, *state = NULL, *li = NULL, *di = NULL, *res = NULL;
    if (!kwargs || rh_dict_len(kwargs) == 0) {
        newobj = copyreg_attr(I, "__newobj__");
        size_t k = args ? rh_tuple_len(args) : 0;
        newargs = newobj ? rh_tuple_new(rt, k + 1) : NULL;
        if (newargs) {
            rh_tuple_set(newargs, 0, newref(cls));
            for (size_t i = 0; i < k; i++) rh_tuple_set(newargs, i + 1, newref(rh_tuple_get(args, i)));
        }
    } else {
        newobj = copyreg_attr(I, "__newobj_ex__");
        newargs = newobj ? rh_tuple_pack(rt, 3, cls, args, kwargs) : NULL;
    }
    if (!newargs) goto done;
    int kind = rh_kind_of(obj);
    state = getstate(I, obj, !(hasargs || kind == RH_K_LIST || kind == RH_K_DICT));
    if (!state || items_iters(I, obj, &li, &di)) goto done;
    rh_object *parts[5] = {newobj, newargs, state, li, di};
    res = rh_tuple_pack(rt, 5, parts[0], parts[1], parts[2], parts[3], parts[4]);
done:
    rh_xdecref(rt, args);
    rh_xdecref(rt, kwargs);
    rh_xdecref(rt, newobj);
    rh_xdecref(rt, newargs);
    rh_xdecref(rt, state);
    rh_xdecref(rt, li);
    rh_xdecref(rt, di);
    return res;
}

/* _common_reduce: reduce_newobj for protocol 2 and up, copyreg._reduce_ex(obj, proto) below */
static rh_object *common_reduce(hx_interp *I, rh_object *obj, int64_t proto) {
    if (proto >= 2) return reduce_newobj(I, obj);
    rh_object *f = copyreg_attr(I, "_reduce_ex");
    rh_object *p = f ? rh_int_from_i64(I->rt, proto) : NULL;
    rh_object *args[2] = {newref(obj), p};
    rh_object *r = p ? hx_call(I, f, args, 2, NULL, NULL, 0) : NULL;
    if (!p) rh_decref(I->rt, obj);
    rh_xdecref(I->rt, f);
    return r;
}

/* object.__reduce_ex__(protocol): a __reduce__ the class overrides wins, else _common_reduce */
FN(object_reduce_ex) {
    (void)kwn, (void)kwv;
    rh_object *buf[3];
    SELF_FIRST(buf);
    if (self_args(I, "__reduce_ex__", n, 2, 2, nkw)) return NULL;
    int64_t proto;
    if (rh_kind_of(a[1]) != RH_K_INT && rh_kind_of(a[1]) != RH_K_BOOL) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(a[1]));
        return NULL;
    }
    if (rh_index_value(I->rt, a[1], &proto)) return NULL;
    if (hx_is_heap_class((rh_object *)rh_type_of(a[0])) && rh_class_special(I->rt, (rh_object *)rh_type_of(a[0]), "__reduce__")) {
        rh_object *nm = hx_name(I, "__reduce__"), *m = nm ? hx_getattr_obj(I, a[0], nm) : NULL;
        rh_object *r = m ? hx_call(I, m, NULL, 0, NULL, NULL, 0) : NULL;
        rh_xdecref(I->rt, m);
        return r;
    }
    return common_reduce(I, a[0], proto);
}

/* object.__reduce__(): _common_reduce with protocol 0 */
FN(object_reduce) {
    (void)kwn, (void)kwv;
    rh_object *buf[3];
    SELF_FIRST(buf);
    if (self_args(I, "__reduce__", n, 1, 1, nkw)) return NULL;
    return common_reduce(I, a[0], 0);
}

/* object.__getstate__(): object_getstate_default, not required */
FN(object_getstate) {
    (void)kwn, (void)kwv;
    rh_object *buf[3];
    SELF_FIRST(buf);
    if (self_args(I, "__getstate__", n, 1, 1, nkw)) return NULL;
    return getstate_default(I, a[0], 0);
}

/* object.__init__ bound to an instance whose class (and built-in base) defines no __init__ (object_init):
 * extra arguments are refused only when the type's tp_new is object's too (3.10's enum.py calls
 * member.__init__(*args) on every member) */
FN(object_init_instance) {
    (void)a, (void)kwn, (void)kwv;
    if ((n || nkw) && self && !hx_is_builtin_subclass_instance(self) &&
        !rh_class_special(I->rt, (rh_object *)rh_type_of(self), "__new__")) {
        rh_err_set(I->rt, RH_EXC_TYPE, "%s.__init__() takes exactly one argument (the instance to initialize)",
                   rh_type_of(self)->name);
        return NULL;
    }
    return newref(rh_none(I->rt));
}

static const rh_builtin_def object_init_def = {"__init__", (void (*)(void))object_init_instance, 0};

const rh_builtin_def hx_object_reduce_defs[] = {
    {"__reduce_ex__", (void (*)(void))object_reduce_ex, 0},
    {"__reduce__", (void (*)(void))object_reduce, 0},
    {"__getstate__", (void (*)(void))object_getstate, 0},
    {NULL, NULL, 0}};

/* The def of object's method `name` among these (bound to an instance whose class defines no such
 * attribute, as object's method descriptor's __get__ binds it), or NULL for another name */
const rh_builtin_def *hx_object_method_def(hx_interp *I, rh_object *name) {
    if (rh_str_eq_cstr(name, "__init__")) return &object_init_def;
    for (const rh_builtin_def *d = hx_object_reduce_defs; d->name; d++)
        if (rh_str_eq_cstr(name, d->name) && RH_API_DYN(I, "object", d->name)) return d;
    return NULL;
}
