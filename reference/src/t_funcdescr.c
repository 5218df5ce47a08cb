/* t_funcdescr.c — the descriptor types programs build methods with: staticmethod and classmethod
 * (Objects/funcobject.c: sm_descr_get, cm_descr_get, sm_call), property (Objects/descrobject.c:
 * property_descr_get, property_descr_set, property_copy) and super (Objects/typeobject.c: super_init's
 * supercheck, super_getattro, super_descr_get).
 *
 * Owns the types RH_K_STATICMETHOD, RH_K_CLASSMETHOD, RH_K_PROPERTY, RH_K_SUPER: layouts (CPython 3.11's,
 * field for field: 32, 32, 64 and 40 bytes plus the GC head; 2.7's property has no prop_name: 56 bytes),
 * slots and registration (types.c). Invariants: each object is GC-tracked from creation to its dealloc
 * and holds counted references to its fields (NULL: absent); what a descriptor does when found on a
 * class is its tp_descr_get / tp_descr_set, called by the attribute lookup (t_class.c), never by the
 * embedder's VM. Invariants of every callable type: callables.h.
 */
#include <stddef.h>

#include "callables.h"

/* ---------------------------------------------------------------- staticmethod / classmethod */

typedef struct rh_smobj {
    rh_object ob;
    rh_object *callable, *dict;
} rh_smobj;                      /* 32, as staticmethod / classmethod */

_Static_assert(sizeof(rh_smobj) == 32, "staticmethod is 32 bytes");

static int sm_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_smobj *)o)->callable);
    VISIT(((rh_smobj *)o)->dict);
    return 0;
}

static int sm_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_smobj *)o)->callable);
    clear_slot(rt, &((rh_smobj *)o)->dict);
    return 0;
}

static void sm_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    sm_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_smobj));
}

static rh_object *sm_new(rh_runtime *rt, rh_kind k, rh_object *callable) {
    rh_smobj *s = (rh_smobj *)new_gc(rt, k, sizeof(rh_smobj));
    if (!s) return NULL;
    rh_incref(callable);
    s->callable = callable;
    rh__gc_track(rt, &s->ob);
    return &s->ob;
}
rh_object *rh_staticmethod_new(rh_runtime *rt, rh_object *callable) { return sm_new(rt, RH_K_STATICMETHOD, callable); }
rh_object *rh_classmethod_new(rh_runtime *rt, rh_object *callable) { return sm_new(rt, RH_K_CLASSMETHOD, callable); }
rh_object *rh_funcdescr_callable(rh_object *o) { return ((rh_smobj *)o)->callable; }

static rh_object *uninitialized(rh_runtime *rt, const char *what) {
    rh_err_set(rt, RH_EXC_RUNTIME, "uninitialized %s object", what);
    return NULL;
}

/* sm_descr_get: the function itself, whoever asks */
static rh_object *sm_descr_get(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *type) {
    (void)obj, (void)type;
    rh_object *f = ((rh_smobj *)self)->callable;
    if (!f) return uninitialized(rt, "staticmethod");
    rh_incref(f);
    return f;
}

/* cm_descr_get (3.9-3.12): bound to the class — through the callable's own __get__ when it has one, as
 * a function does (a method whose __self__ is the class) */
static rh_object *cm_descr_get(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *type) {
    rh_object *f = ((rh_smobj *)self)->callable;
    if (!f) return uninitialized(rt, "classmethod");
    if (!type) type = (rh_object *)obj->type;
    if (f->type->tp_descr_get && rt->profile->version_hex >= 0x0309)
        return f->type->tp_descr_get(rt, f, type, (rh_object *)type->type);
    return rh_method_new(rt, f, type);
}

/* sm_call (3.10+): a staticmethod object is callable itself */
static rh_object *sm_call(rh_runtime *rt, rh_object *self, rh_object *const *args, size_t nargs) {
    rh_object *f = ((rh_smobj *)self)->callable;
    if (!f) return uninitialized(rt, "staticmethod");
    return rh_call_object(rt, f, args, nargs);
}

/* sm_repr (3.10+): "<staticmethod(<function f at 0x..>)>"; the "<classmethod object at 0x..>" of cm_repr
 * before 3.10 */
static int sm_repr_into(rh__sb *b, rh_object *o) {
    rh_object *f = ((rh_smobj *)o)->callable;
    const char *tn = o->type->name;
    if (b->rt->profile->version_hex < 0x030A || !f) return rh__sb_printf(b, "<%s object at %p>", tn, (void *)o);
    return rh__sb_printf(b, "<%s(", tn) || rh__repr_into(b, f) || rh__sb_puts(b, ")>");
}

/* sys.getsizeof under 2.7: staticmethod/classmethod have no sm_dict there (24 bytes) */
static size_t sm_size_of(rh_runtime *rt, rh_object *o) {
    (void)o;
    return rt->profile->python2 ? sizeof(rh_smobj) - sizeof(rh_object *) : sizeof(rh_smobj);
}

static void sm_type(rh_type *t, const char *name) {
    set_type(t, name, sizeof(rh_smobj), 0, sm_dealloc, sm_traverse, sm_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = sm_repr_into;
    t->size_of = sm_size_of;
}

void rh__type_init_staticmethod(rh_runtime *rt, rh_type *t) {
    (void)rt;
    sm_type(t, "staticmethod");
    t->tp_descr_get = sm_descr_get;
    if (rt->profile->version_hex >= 0x030A) t->tp_call = sm_call;
}

void rh__type_init_classmethod(rh_runtime *rt, rh_type *t) {
    (void)rt;
    sm_type(t, "classmethod");
    t->tp_descr_get = cm_descr_get;
}

/* ---------------------------------------------------------------- property */

typedef struct rh_propobj {
    rh_object ob;
    rh_object *part[5];          /* prop_get, prop_set, prop_del, prop_doc, prop_name */
    int getter_doc;
} rh_propobj;                    /* 64, as propertyobject (3.10+) */

_Static_assert(sizeof(rh_propobj) == 64, "property is 64 bytes");
#define PROP_PY27_SIZE 56        /* 2.7's propertyobject has no prop_name */

static size_t prop_size(rh_runtime *rt) { return rt->profile->python2 ? PROP_PY27_SIZE : sizeof(rh_propobj); }

static int prop_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_propobj *p = (rh_propobj *)o;
    for (int i = 0; i < 5; i++) VISIT(p->part[i]);
    return 0;
}

static int prop_clear(rh_runtime *rt, rh_object *o) {
    rh_propobj *p = (rh_propobj *)o;
    for (int i = 0; i < 5; i++) clear_slot(rt, &p->part[i]);
    return 0;
}

static void prop_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    prop_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_propobj));
}

/* property_init: absent parts are NULL (None given is stored as NULL too, as property_init does for
 * fget/fset/fdel); the doc stays NULL when not given (the embedder reads fget.__doc__ for it) */
rh_object *rh_property_new(rh_runtime *rt, rh_object *fget, rh_object *fset, rh_object *fdel, rh_object *doc) {
    rh_propobj *p = (rh_propobj *)new_gc(rt, RH_K_PROPERTY, sizeof(rh_propobj));
    if (!p) return NULL;
    rh_object *v[4] = {fget, fset, fdel, doc};
    for (int i = 0; i < 4; i++)
        if (v[i] && v[i] != rh_none(rt)) {
            rh_incref(v[i]);
            p->part[i] = v[i];
        }
    rh__gc_track(rt, &p->ob);
    return &p->ob;
}

rh_object *rh_property_part(rh_object *p, int which) { return ((rh_propobj *)p)->part[which]; }

void rh_property_set_name(rh_runtime *rt, rh_object *p, rh_object *name) {
    clear_slot(rt, &((rh_propobj *)p)->part[4]);
    rh_incref(name);
    ((rh_propobj *)p)->part[4] = name;
}

/* property.__doc__ = doc (the writable prop_doc member, Objects/descrobject.c property_members) */
void rh_property_set_doc(rh_runtime *rt, rh_object *p, rh_object *doc) {
    rh_incref(doc);
    clear_slot(rt, &((rh_propobj *)p)->part[3]);
    ((rh_propobj *)p)->part[3] = doc;
}

rh_object *rh_property_copy(rh_runtime *rt, rh_object *p, int which, rh_object *f) {
    rh_propobj *o = (rh_propobj *)p;
    rh_object *v[3] = {o->part[0], o->part[1], o->part[2]};
    v[which] = f;
    rh_object *n = rh_property_new(rt, v[0], v[1], v[2], o->part[3]);
    if (n && o->part[4]) rh_property_set_name(rt, n, o->part[4]);
    return n;
}

/* The AttributeError of a missing accessor: 3.11's "property 'x' of 'C' object has no getter" ("property of 'C'
 * object ..." for a property without a name), 3.10's "unreadable attribute 'x'" / "can't set attribute 'x'",
 * 2.7's without a name */
static void prop_missing(rh_runtime *rt, rh_object *self, rh_object *obj, int which) {
    static const char *const new_words[] = {"getter", "setter", "deleter"};
    static const char *const old_words[] = {"unreadable attribute", "can't set attribute", "can't delete attribute"};
    rh_object *name = ((rh_propobj *)self)->part[4];
    if (rt->profile->version_hex >= 0x030B && name)
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "property '%s' of '%s' object has no %s", rh_str_utf8(rt, name, NULL),
                   rh_type_name(obj), new_words[which]);
    else if (rt->profile->version_hex >= 0x030B)
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "property of '%s' object has no %s", rh_type_name(obj), new_words[which]);
    else if (rt->profile->version_hex >= 0x030A && name)
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "%s '%s'", old_words[which], rh_str_utf8(rt, name, NULL));
    else
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "%s", old_words[which]);
}

/* property_descr_get: fget(obj); looked up on the class, the property itself */
static rh_object *prop_descr_get(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *type) {
    (void)type;
    if (!obj || obj == rh_none(rt)) {
        rh_incref(self);
        return self;
    }
    rh_object *f = ((rh_propobj *)self)->part[0];
    if (!f) {
        prop_missing(rt, self, obj, 0);
        return NULL;
    }
    return rh_call_object(rt, f, &obj, 1);
}

/* property_descr_set: fset(obj, value), or fdel(obj) when value is NULL */
static int prop_descr_set(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *value) {
    rh_propobj *p = (rh_propobj *)self;
    rh_object *f = value ? p->part[1] : p->part[2];
    if (!f) {
        prop_missing(rt, self, obj, value ? 1 : 2);
        return -1;
    }
    rh_object *args[2] = {obj, value};
    rh_object *r = rh_call_object(rt, f, args, value ? 2 : 1);
    if (!r) return -1;
    rh_decref(rt, r);
    return 0;
}

static int prop_repr_into(rh__sb *b, rh_object *o) { return rh__sb_printf(b, "<property object at %p>", (void *)o); }

/* sys.getsizeof: 2.7's struct is one field shorter */
static size_t prop_size_of(rh_runtime *rt, rh_object *o) {
    (void)o;
    return prop_size(rt);
}

void rh__type_init_property(rh_runtime *rt, rh_type *t) {
    set_type(t, "property", sizeof(rh_propobj), 0, prop_dealloc, prop_traverse, prop_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = prop_repr_into;
    t->tp_descr_get = prop_descr_get;
    t->tp_descr_set = prop_descr_set;
    if (rt->profile->python2) t->size_of = prop_size_of;
}

/* ---------------------------------------------------------------- super */

typedef struct rh_superobj {
    rh_object ob;
    rh_object *type, *obj, *obj_type;
} rh_superobj;                   /* 40, as superobject */

_Static_assert(sizeof(rh_superobj) == 40, "super is 40 bytes");

static int super_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_superobj *s = (rh_superobj *)o;
    VISIT(s->obj);
    VISIT(s->type);
    VISIT(s->obj_type);
    return 0;
}

static int super_clear(rh_runtime *rt, rh_object *o) {
    rh_superobj *s = (rh_superobj *)o;
    clear_slot(rt, &s->obj);
    clear_slot(rt, &s->type);
    clear_slot(rt, &s->obj_type);
    return 0;
}

static void super_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    super_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_superobj));
}

/* supercheck: the type whose MRO the lookup walks — obj itself when it is a subclass of type, else
 * obj's class when obj is an instance of type (borrowed), else NULL with TypeError */
static rh_type *supercheck(rh_runtime *rt, rh_type *type, rh_object *obj) {
    if (obj->type->kind == RH_K_TYPE && rh__type_is_subtype((rh_type *)(void *)obj, type)) return (rh_type *)(void *)obj;
    if (rh__type_is_subtype(obj->type, type)) return obj->type;
    if (rt->profile->version_hex >= 0x030D) /* 3.13 names both */
        rh_err_set(rt, RH_EXC_TYPE, "super(type, obj): obj (%s %s) is not an instance or subtype of type (%s).",
                   obj->type->kind == RH_K_TYPE ? "type" : "instance of",
                   obj->type->kind == RH_K_TYPE ? ((rh_type *)(void *)obj)->name : rh_type_name(obj), type->name);
    else
        rh_err_set(rt, RH_EXC_TYPE, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

rh_object *rh_super_new(rh_runtime *rt, rh_object *type, rh_object *obj) {
    if (type->type->kind != RH_K_TYPE) {
        rh_err_set(rt, RH_EXC_TYPE, "super() argument 1 must be a type, not %s", rh_type_name(type));
        return NULL;
    }
    if (obj == rh_none(rt)) obj = NULL;
    rh_type *ot = NULL;
    if (obj && !(ot = supercheck(rt, (rh_type *)(void *)type, obj))) return NULL;
    rh_superobj *s = (rh_superobj *)new_gc(rt, RH_K_SUPER, sizeof(rh_superobj));
    if (!s) return NULL;
    rh_incref(type);
    s->type = type;
    rh_xincref(obj);
    s->obj = obj;
    rh_xincref((rh_object *)ot);
    s->obj_type = (rh_object *)ot;
    rh__gc_track(rt, &s->ob);
    return &s->ob;
}

rh_object *rh_super_obj(rh_object *s) { return ((rh_superobj *)s)->obj; }
rh_object *rh_super_obj_type(rh_object *s) { return ((rh_superobj *)s)->obj_type; }
rh_object *rh_super_type(rh_object *s) { return ((rh_superobj *)s)->type; }

/* super_getattro: the classes of obj_type's MRO after `type`, each one's own namespace; the attribute
 * found is bound with its tp_descr_get (obj NULL when obj is the class itself). __class__ and names no
 * class has are the super object's own (AttributeError here). */
static rh_object *super_getattro(rh_runtime *rt, rh_object *self, rh_object *name) {
    rh_superobj *s = (rh_superobj *)self;
    rh_type *start = (rh_type *)(void *)s->obj_type;
    if (start && start->mro && !rh_str_eq_cstr(name, "__class__")) {
        rh_object *mro = start->mro;
        size_t n = rh_tuple_len(mro), i = 0;
        while (i + 1 < n && rh_tuple_get(mro, i) != s->type) i++;
        for (i++; i < n; i++) {
            rh_type *k = (rh_type *)(void *)rh_tuple_get(mro, i);
            rh_object *res = k->dict ? rh_dict_get(rt, k->dict, name) : NULL;
            if (!res) {
                if (rh_err_occurred(rt)) return NULL;
                continue;
            }
            rh_descrgetfunc f = res->type->tp_descr_get;
            if (!f) {
                rh_incref(res);
                return res;
            }
            return f(rt, res, s->obj == (rh_object *)start ? NULL : s->obj, (rh_object *)start);
        }
    }
    if (rh_str_eq_cstr(name, "__class__")) {
        rh_incref((rh_object *)self->type);
        return (rh_object *)self->type;
    }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'super' object has no attribute '%s'", rh_str_utf8(rt, name, NULL));
    return NULL;
}

/* super_repr: "<super: <class 'D'>, <D object>>", "<super: <class 'D'>, NULL>" when unbound */
static int super_repr_into(rh__sb *b, rh_object *o) {
    rh_superobj *s = (rh_superobj *)o;
    const char *tn = s->type ? ((rh_type *)(void *)s->type)->name : "NULL";
    if (s->obj_type)
        return rh__sb_printf(b, "<super: <class '%s'>, <%s object>>", tn, ((rh_type *)(void *)s->obj_type)->name);
    return rh__sb_printf(b, "<super: <class '%s'>, NULL>", tn);
}

void rh__type_init_super(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "super", sizeof(rh_superobj), 0, super_dealloc, super_traverse, super_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = super_repr_into;
    t->tp_getattro = super_getattro;
}
