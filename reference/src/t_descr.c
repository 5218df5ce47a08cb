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
 * broken by clearing the class). The type objects have kind RH_K_OTHER and the descriptor's first two
 * fields sit where the native box keeps its value and type name (t_function.c), so code that reads an
 * RH_K_OTHER object as a box sees the class and "getset_descriptor"/"member_descriptor".
 */
#include <stddef.h>

#include "gc_internal.h"
#include "refheap/func.h"
#include "t_descr.h"

typedef struct rh_descr {
    rh_object ob;
    rh_object *d_type;      /* the owning class (counted); where a box keeps its value */
    const char *type_name;  /* the descriptor type's name; where a box keeps its type name */
    rh_object *d_name;      /* str (counted) */
    uintptr_t what;         /* (offset << 2) | kind: the d_getset / d_member word */
} rh_descr;

_Static_assert(sizeof(rh_descr) == 48, "PyGetSetDescrObject / PyMemberDescrObject are 48 bytes in 3.11");
_Static_assert(offsetof(rh_descr, d_type) == 16 && offsetof(rh_descr, type_name) == 24,
               "box-compatible value and type-name words");

enum { GETSET = 0, MEMBER = 1 };

static rh_type *descr_type(rh_runtime *rt, int which) { return &rt->statics->descr_types[which].t; }

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

static void init_one(rh_runtime *rt, rh_type *t, const char *name) {
    rh__static_init(rt, &t->ob.ob, rh_builtin_type(rt, RH_K_TYPE));
    t->name = name;
    t->kind = RH_K_OTHER;
    t->flags = RH_TPFLAG_GC;
    t->basicsize = sizeof(rh_descr);
    t->itemsize = 0;
    t->weaklistoffset = 0;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = descr_dealloc;
    t->traverse = descr_traverse;
    t->clear = NULL; /* descriptors have no tp_clear */
    t->size_of = NULL;
}

void rh__descr_types_init(rh_runtime *rt) {
    init_one(rt, descr_type(rt, GETSET), "getset_descriptor");
    init_one(rt, descr_type(rt, MEMBER), "member_descriptor");
}

rh_object *rh__descr_new(rh_runtime *rt, rh_descr_kind kind, rh_object *cls, rh_object *name, size_t offset) {
    rh_type *t = descr_type(rt, kind == RH_DESCR_MEMBER ? MEMBER : GETSET);
    rh_descr *d = (rh_descr *)(void *)rh__object_alloc(rt, t, sizeof(rh_descr));
    if (!d) return NULL;
    rh_incref(cls);
    d->d_type = cls;
    d->type_name = t->name;
    rh_incref(name);
    d->d_name = name;
    d->what = ((uintptr_t)offset << 2) | (uintptr_t)kind;
    rh__gc_track(rt, &d->ob);
    return &d->ob;
}

rh_descr_kind rh__descr_kind(rh_object *o) {
    rh_type *t = o->type;
    if (t->dealloc != descr_dealloc) return 0;
    return (rh_descr_kind)(((rh_descr *)(void *)o)->what & 3u);
}
