/* t_descr.c — getset_descriptor and member_descriptor objects (CPython 3.11 Objects/descrobject.c:
 * descr_new, PyDescr_NewGetSet, PyDescr_NewMember, descr_dealloc, descr_traverse).
 *
 * Owns the two descriptor type objects (stored in the runtime statics) and the descriptor objects a
 * class puts in its namespace: `__dict__` / `__weakref__` getsets and one member per __slots__ name.
 *
 * Invariants: a descriptor is 48 bytes like PyGetSetDescrObject / PyMemberDescrObject (PyDescr_COMMON:
 * header, d_type, d_name, d_qualname; then d_getset / d_member), so sys.getsizeof is 64 with the GC head;
 * it is GC-tracked from creation to its dealloc and holds counted references to its class (d_type) and
 * its name, and traverses only d_type, as descr_traverse does; it has no tp_clear (cycles through it are
 * broken by clearing the class). Each is a type of its own (RH_K_GETSET_DESCR, RH_K_MEMBER_DESCR,
 * registered in types.c) whose tp_descr_get / tp_descr_set read and write what the descriptor names
 * (descr_get / member_get / getset_get); the layout is PyDescr_COMMON's (d_type, d_name, d_qualname).
 */
#include <stddef.h>
#include <string.h>

#include "gc_internal.h"
#include "scalars.h"
#include "refheap/func.h"
#include "t_descr.h"

typedef struct rh_descr {
    rh_object ob;
    rh_object *d_type;      /* the owning class (counted) */
    rh_object *d_name;      /* str (counted) */
    rh_object *d_qualname;  /* always NULL (computed on demand in CPython too) */
    uintptr_t what;         /* (offset << 3) | kind: the d_getset / d_member word */
} rh_descr;

_Static_assert(sizeof(rh_descr) == 48, "PyGetSetDescrObject / PyMemberDescrObject are 48 bytes in 3.11");

static rh_type *descr_type(rh_runtime *rt, rh_descr_kind kind) {
    return rh_builtin_type(rt, kind == RH_DESCR_MEMBER || kind == RH_DESCR_BUILTIN_MEMBER ? RH_K_MEMBER_DESCR
                                                                                      : RH_K_GETSET_DESCR);
}
static rh_descr *as_descr(rh_object *o) { return (rh_descr *)(void *)o; }
static size_t descr_offset(rh_object *o) { return (size_t)(as_descr(o)->what >> 3); }
static rh_descr_kind kind_of(rh_object *o) { return (rh_descr_kind)(as_descr(o)->what & 7u); }

static void descr_dealloc(rh_runtime *rt, rh_object *o) {
    rh_descr *d = (rh_descr *)(void *)o;
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, d->d_type);
    rh_xdecref(rt, d->d_name);
    rh__object_free(rt, o, sizeof(rh_descr));
}

static int descr_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_descr *d = (rh_descr *)(void *)o;
    return d->d_type ? visit(d->d_type, arg) : 0;
}

static int check_instance(rh_runtime *rt, rh_object *d, rh_object *obj) {
    if (rh__type_is_subtype(obj->type, (rh_type *)(void *)as_descr(d)->d_type)) return 0;
    rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
               rh_str_utf8(rt, as_descr(d)->d_name, NULL), ((rh_type *)(void *)as_descr(d)->d_type)->name,
               rh_type_name(obj));
    return -1;
}

/* A built-in type's field read through its descriptor: the embedder's attribute read of obj (the field's
 * getter or member lives with the embedder's objects), else unsupported */
static rh_object *builtin_field_get(rh_runtime *rt, rh_object *d, rh_object *obj) {
    if (check_instance(rt, d, obj) < 0) return NULL;
    if (rt->hooks.getattr) return rt->hooks.getattr(rt->hooks.ctx, rt, obj, as_descr(d)->d_name);
    rh_err_set(rt, RH_EXC_UNSUPPORTED, "reading a built-in type's field without an embedder");
    return NULL;
}

/* member_get (PyMember_GetOne, T_OBJECT_EX): the slot's value; looked up on the class, the descriptor */
static rh_object *member_get(rh_runtime *rt, rh_object *d, rh_object *obj, rh_object *type) {
    if (!obj) {
        rh_incref(d);
        return d;
    }
    if (kind_of(d) == RH_DESCR_BUILTIN_MEMBER) return builtin_field_get(rt, d, obj);
    if (check_instance(rt, d, obj) < 0) return NULL;
    rh_object *v = *(rh_object **)(void *)((char *)obj + descr_offset(d));
    if (!v) {
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", rh_type_name(obj),
                   rh_str_utf8(rt, as_descr(d)->d_name, NULL));
        return NULL;
    }
    rh_incref(v);
    return v;
}

/* member_set (PyMember_SetOne, T_OBJECT_EX): deleting an empty slot raises AttributeError(name) */
static int member_set(rh_runtime *rt, rh_object *d, rh_object *obj, rh_object *v) {
    if (check_instance(rt, d, obj) < 0) return -1;
    if (kind_of(d) == RH_DESCR_BUILTIN_MEMBER) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "setting a built-in type's field through its descriptor");
        return -1;
    }
    rh_object **slot = (rh_object **)(void *)((char *)obj + descr_offset(d));
    if (!v && !*slot) {
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "%s", rh_str_utf8(rt, as_descr(d)->d_name, NULL));
        return -1;
    }
    rh_xincref(v);
    rh_setref(rt, slot, v);
    return 0;
}

/* getset_get: subtype_dict (the instance __dict__) or subtype_getweakref (the first weakref, or None) */
static rh_object *getset_get(rh_runtime *rt, rh_object *d, rh_object *obj, rh_object *type) {
    if (!obj) {
        rh_incref(d);
        return d;
    }
    if (kind_of(d) == RH_DESCR_BUILTIN_GETSET) return builtin_field_get(rt, d, obj);
    if (check_instance(rt, d, obj) < 0) return NULL;
    if (kind_of(d) == RH_DESCR_DICT) return rh_instance_dict(rt, obj);
    rh_weakref **wl = rh__weakref_listptr(obj);
    rh_object *r = wl && *wl ? (rh_object *)*wl : rh_none(rt);
    rh_incref(r);
    return r;
}

/* getset_set: only __dict__ has a setter in CPython (subtype_setdict); refheap models neither */
static int getset_set(rh_runtime *rt, rh_object *d, rh_object *obj, rh_object *v) {
    if (kind_of(d) == RH_DESCR_BUILTIN_GETSET) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "setting a built-in type's field through its descriptor");
        return -1;
    }
    if (kind_of(d) == RH_DESCR_WEAKREF) {
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "attribute '__weakref__' of '%s' objects is not writable",
                   ((rh_type *)(void *)as_descr(d)->d_type)->name);
        return -1;
    }
    rh_err_set(rt, RH_EXC_UNSUPPORTED, "assigning __dict__ is outside refheap's model");
    return -1;
}

static void init_one(rh_type *t, const char *name) {
    t->name = name;
    t->flags = RH_TPFLAG_GC;
    t->basicsize = sizeof(rh_descr);
    t->itemsize = 0;
    t->weaklistoffset = 0;
    t->dealloc = descr_dealloc;
    t->traverse = descr_traverse;
    t->clear = NULL; /* descriptors have no tp_clear */
    t->size_of = NULL;
}

/* getset_repr / member_repr (descr_repr): <attribute '__dict__' of 'C' objects>, <member 'x' of 'C' objects> */
static int descr_repr_into(rh__sb *b, rh_object *o) {
    const char *what = o->type->kind == RH_K_MEMBER_DESCR ? "member" : "attribute";
    return rh__sb_printf(b, "<%s '", what) || rh__sb_put_str(b, as_descr(o)->d_name) ||
           rh__sb_printf(b, "' of '%s' objects>", ((rh_type *)(void *)as_descr(o)->d_type)->name);
}

rh_type *rh_descr_objclass(rh_object *d) { return (rh_type *)(void *)as_descr(d)->d_type; }
rh_object *rh_descr_name(rh_object *d) { return as_descr(d)->d_name; }

void rh__type_init_getset_descr(rh_runtime *rt, rh_type *t) {
    init_one(t, "getset_descriptor");
    t->repr_into = descr_repr_into;
    t->tp_descr_get = getset_get;
    t->tp_descr_set = getset_set;
}

void rh__type_init_member_descr(rh_runtime *rt, rh_type *t) {
    init_one(t, "member_descriptor");
    t->repr_into = descr_repr_into;
    t->tp_descr_get = member_get;
    t->tp_descr_set = member_set;
}

rh_object *rh__descr_new(rh_runtime *rt, rh_descr_kind kind, rh_object *cls, rh_object *name, size_t offset) {
    rh_type *t = descr_type(rt, kind);
    rh_descr *d = (rh_descr *)(void *)rh__object_alloc(rt, t, sizeof(rh_descr));
    if (!d) return NULL;
    rh_incref(cls);
    d->d_type = cls;
    d->d_qualname = NULL;
    rh_incref(name);
    d->d_name = name;
    d->what = ((uintptr_t)offset << 3) | (uintptr_t)kind;
    rh__gc_track(rt, &d->ob);
    return &d->ob;
}

rh_descr_kind rh__descr_kind(rh_object *o) {
    if (o->type->kind != RH_K_GETSET_DESCR && o->type->kind != RH_K_MEMBER_DESCR) return 0;
    return kind_of(o);
}

/* ---------------------------------------------------------------- method_descriptor */

/* PyMethodDescrObject: PyDescr_COMMON, then d_method and vectorcall (56 bytes). The common prefix is
 * rh_descr's, so check_instance reads d_type and d_name the same way. */
typedef struct rh_methdescr {
    rh_object ob;
    rh_object *d_type, *d_name, *d_qualname;
    const rh_builtin_def *d_method;
    void *vectorcall;
} rh_methdescr;

_Static_assert(sizeof(rh_methdescr) == 56, "PyMethodDescrObject is 56 bytes in 2.7-3.13");
_Static_assert(offsetof(rh_methdescr, d_name) == offsetof(rh_descr, d_name), "PyDescr_COMMON is shared");

static rh_methdescr *as_methdescr(rh_object *o) { return (rh_methdescr *)(void *)o; }

static void methdescr_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, as_methdescr(o)->d_type);
    rh_xdecref(rt, as_methdescr(o)->d_name);
    rh__object_free(rt, o, sizeof(rh_methdescr));
}

/* method_get: looked up on the type, the descriptor; on an instance of d_type (or a subtype), the
 * built-in method bound to it (PyCFunction_NewEx(d_method, obj, NULL)) */
static rh_object *methdescr_get(rh_runtime *rt, rh_object *d, rh_object *obj, rh_object *type) {
    (void)type;
    if (!obj || obj == rh_none(rt)) {
        rh_incref(d);
        return d;
    }
    if (check_instance(rt, d, obj) < 0) return NULL;
    return rh_builtin_new(rt, as_methdescr(d)->d_method, obj);
}

/* method_repr (descr_repr): <method 'append' of 'list' objects> */
static int methdescr_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<method '%s' of '%s' objects>", as_methdescr(o)->d_method->name,
                         ((rh_type *)(void *)as_methdescr(o)->d_type)->name);
}

void rh__type_init_method_descr(rh_runtime *rt, rh_type *t) {
    (void)rt;
    init_one(t, "method_descriptor");
    t->basicsize = sizeof(rh_methdescr);
    t->dealloc = methdescr_dealloc;
    t->tp_descr_get = methdescr_get;
    t->repr_into = methdescr_repr_into;
}

static rh_object *methdescr_new(rh_runtime *rt, rh_kind kind, rh_type *type, const rh_builtin_def *def) {
    rh_object *name = rh_str_intern_utf8(rt, def->name, strlen(def->name));
    if (!name) return NULL;
    rh_methdescr *d = (rh_methdescr *)(void *)rh__object_alloc(rt, rh_builtin_type(rt, kind),
                                                               sizeof(rh_methdescr));
    if (!d) {
        rh_decref(rt, name);
        return NULL;
    }
    rh_incref((rh_object *)type);
    d->d_type = (rh_object *)type;
    d->d_name = name;
    d->d_qualname = NULL;
    d->d_method = def;
    d->vectorcall = NULL;
    rh__gc_track(rt, &d->ob);
    return &d->ob;
}

/* classmethod_get: bound to the type it is read through (obj's type when read on an instance), which must be
 * d_type or a subtype: the built-in method with the type as its self (PyCFunction_NewEx(d_method, type)) */
static rh_object *classmethdescr_get(rh_runtime *rt, rh_object *d, rh_object *obj, rh_object *type) {
    rh_type *t = type ? (rh_type *)(void *)type : obj ? obj->type : NULL;
    rh_type *own = (rh_type *)(void *)as_methdescr(d)->d_type;
    const char *name = as_methdescr(d)->d_method->name;
    if (!t) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' for type '%s' needs either an object or a type", name, own->name);
        return NULL;
    }
    if (t->ob.ob.type->kind != RH_K_TYPE && !rh__type_is_subtype(t->ob.ob.type, rh_builtin_type(rt, RH_K_TYPE))) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2", name, own->name,
                   t->ob.ob.type->name);
        return NULL;
    }
    if (!rh__type_is_subtype(t, own)) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor '%s' requires a subtype of '%s' but received '%s'", name, own->name, t->name);
        return NULL;
    }
    return rh_builtin_new(rt, as_methdescr(d)->d_method, (rh_object *)t);
}

void rh__type_init_classmethod_descr(rh_runtime *rt, rh_type *t) {
    rh__type_init_method_descr(rt, t);
    t->name = "classmethod_descriptor";
    t->tp_descr_get = classmethdescr_get;
}

rh_object *rh_method_descr_new(rh_runtime *rt, rh_type *type, const rh_builtin_def *def) {
    return methdescr_new(rt, RH_K_METHOD_DESCR, type, def);
}

rh_object *rh_classmethod_descr_new(rh_runtime *rt, rh_type *type, const rh_builtin_def *def) {
    return methdescr_new(rt, RH_K_CLASSMETHOD_DESCR, type, def);
}

rh_type *rh_method_descr_type(rh_object *d) { return (rh_type *)(void *)as_methdescr(d)->d_type; }
const rh_builtin_def *rh_method_descr_def(rh_object *d) { return as_methdescr(d)->d_method; }
int rh_method_descr_check(rh_runtime *rt, rh_object *d, rh_object *obj) { return check_instance(rt, d, obj); }

rh_object *rh_builtin_field_descr_new(rh_runtime *rt, rh_type *type, const char *name, int member) {
    rh_object *n = rh_str_intern_utf8(rt, name, strlen(name));
    rh_object *d = n ? rh__descr_new(rt, member ? RH_DESCR_BUILTIN_MEMBER : RH_DESCR_BUILTIN_GETSET, (rh_object *)type, n, 0) : NULL;
    rh_xdecref(rt, n);
    return d;
}
