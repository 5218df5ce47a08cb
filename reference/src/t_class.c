/* t_class.c — classes and their instances, and the `type` and `object` types (CPython 3.11
 * Objects/typeobject.c: type_new, mro_implementation, subtype_dealloc/traverse/clear, type_dealloc;
 * Objects/object.c: PyObject_CallFinalizerFromDealloc, generic getattr/setattr; Objects/dictobject.c:
 * instance attribute values).
 *
 * Owns: rh_class objects (heap types), the C3 method resolution order, __slots__ layout, instance
 * creation and deallocation (with __del__), attribute lookup/assignment/deletion, rh_instance_dict, and
 * every type's tp_subclasses (add_subclass / remove_subclass: a dict of weak references, 2.7 a list).
 *
 * Invariants:
 *  - a class is in the tp_subclasses of each of its bases (built-in ones too) from its creation to its
 *    dealloc (3.x; 2.7 leaves its dead weak reference there), under its one callback-less weakref;
 *  - a class is a GC object of type `type`, tracked once built; it holds counted references to its name,
 *    bases tuple, mro tuple (whose first item is the class itself, a cycle only the collector breaks, as
 *    in CPython), namespace dict, tp_base, own slot names, and one count on its shared keys;
 *  - the namespace is left as type_new leaves it: __qualname__ consumed, then a member descriptor per own
 *    slot, the __dict__ / __weakref__ getset descriptors the class adds, and __doc__ (None unless given);
 *    each descriptor holds the class (more cycles for the collector). They act as data descriptors:
 *    instance lookup and assignment of a slot, __dict__ or __weakref__ never return or replace them;
 *  - an instance holds a counted reference to its class (taken by rh__object_alloc); its layout is
 *    [object header][base's slots and extras][own slots][__dict__ pointer, profiles without managed
 *    dicts][weakref slot], with the managed-dict words (values array, dict) in the pre-header in 3.11;
 *  - of the two managed-dict words at most one is non-NULL: attribute values live in the values array
 *    (key i of the class's shared keys -> slot i) until a dict is materialised, which takes the array over;
 *  - instance deallocation follows subtype_dealloc: untrack, trashcan, __del__ (once, PEP 442: FINALIZED
 *    bit; resurrection stops the dealloc), weakrefs, slots (subclass first), the dict or the values in
 *    key order, the memory, and last the reference to the class.
 *  - py27 (profile python2): a class statement whose bases are all classic (or none) makes a classic
 *    class (Objects/classobject.c, 2.7), flagged RH_TPFLAG_CLASSIC: __bases__ as written, a depth-first
 *    left-to-right MRO, no __slots__ layout and no __dict__/__weakref__ descriptors; its instances are
 *    PyInstanceObjects (16-byte header, in_class, in_dict, in_weakreflist: 40 bytes) whose dict is made
 *    with the instance (PyInstance_NewRaw), and instance_dealloc runs without the trashcan: untrack,
 *    weakrefs with callbacks, __del__ at every death (resurrection keeps it), then the class, the dict.
 */
#include <stdlib.h>
#include <threads.h>

#include "containers.h"
#include "gc_internal.h" /* rh__weakref_clear_all, rh__err_fetch/restore */
#include "scalars.h"
#include "t_descr.h"     /* getset/member descriptors in the class namespace */

_Static_assert(sizeof(rh_class) <= RH_HEAPTYPE_BASICSIZE, "rh_class fits a PyHeapTypeObject allocation");

static inline rh_type *type_type(rh_runtime *rt) { return rh_builtin_type(rt, RH_K_TYPE); }
static inline rh_type *object_type(rh_runtime *rt) { return rh_builtin_type(rt, RH_K_OBJECT); }
static inline rh_object **slot_at(rh_object *o, size_t off) {
    return (rh_object **)(void *)((char *)o + off);
}
static inline int is_type(const rh_object *o) { return o->type->kind == RH_K_TYPE; }
static inline rh_object *newref(rh_object *o) {
    rh_incref(o);
    return o;
}

int rh_is_class(rh_object *o) { return is_type(o); }

static int is_classic(const rh_object *c);

/* PyInstance_Type and PyClass_Type (2.7): what type() says of a classic instance and a classic class.
 * Static, instance-less type objects; the objects themselves keep their class as ob.type. */
static void classic_type_dealloc(rh_runtime *rt, rh_object *o) {
    (void)rt;
    (void)o;
    rh_assert(!"2.7's instance/classobj type objects have no instances of their own");
}

void rh__type_init_classic_instance(rh_runtime *rt, rh_type *t) {
    t->name = "instance";
    t->dealloc = classic_type_dealloc;
}

void rh__type_init_classic_class(rh_runtime *rt, rh_type *t) {
    t->name = "classobj";
    t->dealloc = classic_type_dealloc;
}

rh_object *rh_classic_type_of(rh_runtime *rt, rh_object *o) {
    if (is_classic(o)) return &rh_builtin_type(rt, RH_K_CLASSIC_CLASS)->ob.ob;
    if (o->type->flags & RH_TPFLAG_CLASSIC) return &rh_builtin_type(rt, RH_K_CLASSIC_INSTANCE)->ob.ob;
    return NULL;
}

/* str s equals the ASCII C string c (no allocation) */
static int str_is(rh_runtime *rt, rh_object *s, const char *c) {
    const rh_strobj *x = (const rh_strobj *)(const void *)s;
    size_t n = strlen(c);
    return rh__is_str(s) && x->state.ascii && (size_t)x->length == n &&
           memcmp(rh__str_data(rt, s), c, n) == 0;
}

static const char *str_cstr(rh_runtime *rt, rh_object *s) {
    const char *u = rh_str_utf8(rt, s, NULL);
    return u ? u : "?";
}

/* A class dict entry with an ASCII name, found without allocating (borrowed, or NULL). */
static rh_object *dict_find_cstr(rh_runtime *rt, rh_object *d, const char *name) {
    size_t pos = 0;
    rh_object *k, *v;
    while (rh_dict_next(d, &pos, &k, &v))
        if (rh__is_str(k) && str_is(rt, k, name)) return v;
    return NULL;
}

/* ---------------------------------------------------------------- the `object` type */

static void object_dealloc(rh_runtime *rt, rh_object *o) { rh__object_free(rt, o, sizeof(rh_object)); }

static int object_repr_into(rh__sb *b, rh_object *o);
static rh_object *object_str(rh_runtime *rt, rh_object *o);
static int64_t object_hash(rh_runtime *rt, rh_object *o);
static rh_object *object_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op);
static rh_object *object_getattro(rh_runtime *rt, rh_object *o, rh_object *name);
static int binds_itself(rh_object *attr);
static int object_setattro(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v);
static rh_object *object_new(rh_runtime *rt, rh_type *type, rh_object *const *args, size_t nargs);

void rh__type_init_object(rh_runtime *rt, rh_type *t) {
    (void)rt;
    t->name = "object";
    t->flags = RH_TPFLAG_BASETYPE;
    t->basicsize = sizeof(rh_object);
    t->base = NULL;
    t->dealloc = object_dealloc;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = object_repr_into;
    t->tp_str = object_str;
    t->tp_hash = object_hash;
    t->tp_richcompare = object_richcompare;
    t->tp_getattro = object_getattro;
    t->tp_setattro = object_setattro;
    t->tp_new = object_new;
}

/* ---------------------------------------------------------------- the `type` type (classes) */

/* ---- tp_subclasses (Objects/typeobject.c add_subclass, remove_subclass, _PyType_GetSubclasses; 2.7's
 * add_subclass and type_subclasses). Every base a new class names (built-in types too) keeps a container of
 * weak references to its subclasses, made at the first one: in 3.x a dict keyed by the subclass's address
 * (an int) whose values are the subclass's callback-less weakref (one object, shared by all its bases and
 * by weakref.ref(cls)); in 2.7 a list of those weakrefs, where a new subclass takes the slot of the last
 * dead one. type_dealloc takes the dying class out of its bases' dicts (3.x; 3.11+ drops a dict left
 * empty); 2.7 leaves the dead weakref in the list. A classic class (2.7) is no type: it has none, and is
 * in none. */

static int takes_subclasses(rh_object *b) { return is_type(b) && !is_classic(b); }

/* PyLong_FromVoidPtr(cls): the key of cls in its bases' dicts. New reference or NULL. */
static rh_object *subclass_key(rh_runtime *rt, rh_object *cls) {
    return rh_int_from_i64(rt, (int64_t)(uintptr_t)cls);
}

/* Static (built-in) types holding a container are remembered, to drop it when the runtime goes. at_start:
 * the container stands for one CPython has made before the program starts (see listed_at_start). */
static int remember_static(rh_runtime *rt, rh_type *t, int at_start) {
    for (size_t i = 0; i < rt->n_static_subclassed; i++)
        if (rt->static_subclassed[i].t == t) return 0;
    if (rt->n_static_subclassed == rt->cap_static_subclassed) {
        size_t cap = rt->cap_static_subclassed ? 2 * rt->cap_static_subclassed : 16;
        struct rh__subclassed *p = realloc(rt->static_subclassed, cap * sizeof *p);
        if (!p) {
            rh_err_nomemory(rt);
            return -1;
        }
        rt->static_subclassed = p;
        rt->cap_static_subclassed = cap;
    }
    rt->static_subclassed[rt->n_static_subclassed].t = t;
    rt->static_subclassed[rt->n_static_subclassed++].at_start = at_start;
    return 0;
}

/* The built-in types the profile names in subclassed_at_start: CPython has given them subclasses before the
 * program starts (bool, the exception hierarchy, site's classes), so their container exists and never
 * empties. refheap makes it when a program's class first derives from the type, as start-up state: no
 * count of the collector's, no object of the program's counts (rh__subclasses_fini counts it back as it
 * goes), and remove_subclass does not drop it. */
static int listed_at_start(rh_runtime *rt, rh_type *t) {
    const char *names = rt->profile->subclassed_at_start;
    if (!names || !t->name || (t->flags & RH_TPFLAG_HEAPTYPE)) return 0;
    size_t n = strlen(t->name);
    for (const char *p = strstr(names, t->name); p; p = strstr(p + 1, t->name))
        if (p > names && p[-1] == ' ' && p[n] == ' ') return 1;
    return 0;
}

static int made_at_start(rh_runtime *rt, rh_type *t) {
    if (t->flags & RH_TPFLAG_HEAPTYPE) return 0;
    for (size_t i = 0; i < rt->n_static_subclassed; i++)
        if (rt->static_subclassed[i].t == t) return rt->static_subclassed[i].at_start;
    return 0;
}

/* A new, empty container for base's tp_subclasses. 0 or -1. */
static int make_container(rh_runtime *rt, rh_type *base) {
    int at_start = listed_at_start(rt, base), count = rt->gc.gen[0].count, enabled = rt->gc.enabled;
    uint32_t nlists = rt->fl.list_n, ndicts = rt->fl.dict_n;
    if (at_start) { /* no collection from an allocation CPython made before the program, and no object taken
                     * from a free list the program's next list or dict would have had */
        rt->gc.enabled = 0;
        rt->fl.list_n = rt->fl.dict_n = 0;
    }
    rh_object *c = rt->profile->subclasses_list ? rh_list_new(rt, 0) : rh_dict_new(rt);
    rt->gc.enabled = enabled;
    if (at_start) {
        rt->fl.list_n = nlists;
        rt->fl.dict_n = ndicts;
    }
    if (!c) return -1;
    if (!(base->flags & RH_TPFLAG_HEAPTYPE) && remember_static(rt, base, at_start) < 0) {
        rh_decref(rt, c);
        return -1;
    }
    if (at_start) {
        rt->gc.gen[0].count = count;
        rt->counts.made[rh_kind_of(c)]--;
    }
    base->subclasses = c;
    return 0;
}

/* add_subclass(base, cls). 3.x: the key and the weakref first, then the dict if base has none; 2.7: the
 * list first, then the weakref, stored over the last dead one or appended. 0 or -1. */
static int add_subclass(rh_runtime *rt, rh_type *base, rh_object *cls) {
    if (rt->profile->subclasses_list) {
        if (!base->subclasses && make_container(rt, base) < 0) return -1;
        rh_object *ref = rh_weakref_new(rt, cls, NULL), *l = base->subclasses;
        if (!ref) return -1;
        for (size_t i = rh_list_len(l); i-- > 0;)
            if (rh_weakref_get(rt, rh_list_get(l, i)) == rh_none(rt)) {
                int rc = rh_list_setitem(rt, l, (int64_t)i, ref);
                rh_decref(rt, ref);
                return rc;
            }
        int rc = rh_list_append(rt, l, ref);
        rh_decref(rt, ref);
        return rc;
    }
    rh_object *key = subclass_key(rt, cls), *ref = key ? rh_weakref_new(rt, cls, NULL) : NULL;
    int rc = -1;
    if (ref && (base->subclasses || make_container(rt, base) == 0)) rc = rh_dict_set(rt, base->subclasses, key, ref);
    rh_xdecref(rt, ref);
    rh_xdecref(rt, key);
    return rc;
}

/* type_ready_add_subclasses: cls into the container of each type among its bases. 0 or -1. */
static int add_subclasses(rh_runtime *rt, rh_object *cls) {
    rh_object *bases = rh__as_class(cls)->t.bases;
    for (size_t i = 0; bases && i < rh_tuple_len(bases); i++) {
        rh_object *b = rh_tuple_get(bases, i);
        if (takes_subclasses(b) && add_subclass(rt, (rh_type *)(void *)b, cls) < 0) return -1;
    }
    return 0;
}

/* remove_all_subclasses (3.x type_dealloc, under PyErr_Fetch/Restore): cls's entry out of each base's
 * dict, a missing one (a class that failed before add_subclasses) ignored; 3.11+ then drops an empty dict.
 * Nothing in 2.7, whose PyObject_ClearWeakRefs leaves the dead weakref in the list. */
static void remove_subclasses(rh_runtime *rt, rh_object *cls) {
    rh_object *bases = rh__as_class(cls)->t.bases;
    if (rt->profile->subclasses_list || !bases) return;
    rh_err_state saved;
    rh_err_save(rt, &saved);
    for (size_t i = 0; i < rh_tuple_len(bases); i++) {
        rh_object *b = rh_tuple_get(bases, i);
        rh_type *t = (rh_type *)(void *)b;
        if (!takes_subclasses(b) || !t->subclasses) continue;
        rh_object *key = subclass_key(rt, cls);
        if (key && rh_dict_del(rt, t->subclasses, key) < 0) rh_err_clear(rt); /* KeyError, or no memory */
        if (!key) rh_err_clear(rt);
        rh_xdecref(rt, key);
        if (rt->profile->subclasses_clear_empty && t->subclasses && rh_dict_len(t->subclasses) == 0 &&
            !made_at_start(rt, t))
            rh_setref(rt, &t->subclasses, NULL); /* a static type's entry in rt->static_subclassed stays */
    }
    rh_err_restore_state(rt, &saved);
}

rh_object *rh_class_subclasses(rh_runtime *rt, rh_object *cls) {
    rh_object *l = rh_list_new(rt, 0), *c = is_type(cls) ? ((rh_type *)(void *)cls)->subclasses : NULL, *k, *ref;
    size_t pos = 0, i = 0;
    while (l && c) {
        if (rh_kind_of(c) == RH_K_LIST) {
            if (i >= rh_list_len(c)) break;
            ref = rh_list_get(c, i++);
        } else if (!rh_dict_next(c, &pos, &k, &ref)) {
            break;
        }
        rh_object *sub = rh_weakref_get(rt, ref);
        if (sub != rh_none(rt) && rh_list_append(rt, l, sub) < 0) rh_setref(rt, &l, NULL);
    }
    return l;
}

/* At teardown, after the last collection: the containers built-in types still hold. */
void rh__subclasses_fini(rh_runtime *rt) {
    for (size_t i = 0; i < rt->n_static_subclassed; i++) {
        rh_type *t = rt->static_subclassed[i].t;
        if (rt->static_subclassed[i].at_start && t->subclasses) rt->counts.made[rh_kind_of(t->subclasses)]++;
        rh_setref(rt, &t->subclasses, NULL);
    }
    free(rt->static_subclassed);
    rt->static_subclassed = NULL;
    rt->n_static_subclassed = rt->cap_static_subclassed = 0;
}

/* type_dealloc: classes are never in the trashcan */
static void class_dealloc(rh_runtime *rt, rh_object *o) {
    rh_class *c = rh__as_class(o);
    rh__types_modified(rt);
    rh_assert(c->t.flags & RH_TPFLAG_HEAPTYPE);
    rh__gc_untrack(rt, o);
    remove_subclasses(rt, o);     /* remove_all_subclasses, then PyObject_ClearWeakRefs, before any field goes */
    rh__weakref_clear_all(rt, o);
    rh_xdecref(rt, (rh_object *)c->t.base);
    rh_xdecref(rt, c->t.dict);
    rh_xdecref(rt, c->t.bases);
    rh_xdecref(rt, c->t.mro);
    rh_xdecref(rt, c->t.name_obj);
    rh_xdecref(rt, c->t.qualname_obj);
    rh_xdecref(rt, c->slot_names);
    if (c->t.cached_keys) rh__dictkeys_decref(rt, rh__class_keys(&c->t));
    rh_xdecref(rt, c->t.subclasses); /* only dead weakrefs are left in it (3.10, 2.7) */
    rh__object_free(rt, o, c->alloc_size);
}

/* type_traverse: dict, mro, bases, base */
static int class_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_type *t = (rh_type *)(void *)o;
    rh_object *refs[4] = {t->dict, t->mro, t->bases, (rh_object *)t->base};
    if (!(t->flags & RH_TPFLAG_HEAPTYPE)) return 0;
    for (int i = 0; i < 4; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r) return r;
    }
    return 0;
}

/* type_clear: empty the namespace and drop the mro (which holds the class itself). The shared keys stay:
 * instances being collected with the class still read them. */
static int class_clear(rh_runtime *rt, rh_object *o) {
    rh_type *t = (rh_type *)(void *)o;
    if (!(t->flags & RH_TPFLAG_HEAPTYPE)) return 0;
    rh__types_modified(rt);
    if (t->dict) rh_dict_clear(rt, t->dict);
    rh_setref(rt, &t->mro, NULL);
    return 0;
}

/* sizeof(PyClassObject), 2.7: header + bases, dict, name, getattr, setattr, delattr, weakreflist; and
 * sizeof(PyHeapTypeObject) in 2.7 (measured: getsizeof of a new-style class is 904 with the 32-byte GC
 * head). refheap allocates its own rh_class for both: the difference is memory only it uses. */
#define RH_CLASSIC_CLASS_SIZE 72
#define RH_PY27_HEAPTYPE_SIZE 872

/* type.__sizeof__: sizeof(PyHeapTypeObject) + the shared keys for classes, sizeof(PyTypeObject) else */
static size_t class_size_of(rh_runtime *rt, rh_object *o) {
    rh_type *t = (rh_type *)(void *)o;
    if (!(t->flags & RH_TPFLAG_HEAPTYPE)) return RH_STATIC_TYPE_SIZE;
    if (t->flags & RH_TPFLAG_CLASSIC) return RH_CLASSIC_CLASS_SIZE;
    if (rt->profile->python2) return RH_PY27_HEAPTYPE_SIZE;
    return RH_HEAPTYPE_BASICSIZE + (t->cached_keys ? rh__dictkeys_size(rh__class_keys(t)) : 0);
}

static int type_repr_into(rh__sb *b, rh_object *o);
static rh_object *type_str(rh_runtime *rt, rh_object *o);
static rh_object *type_getattr(rh_runtime *rt, rh_object *o, rh_object *name);
static int class_setattr(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v);
static rh_object *type_call(rh_runtime *rt, rh_object *cls, rh_object *const *args, size_t nargs);
static int is_dunder(rh_runtime *rt, rh_object *name);
static void class_update_slots(rh_runtime *rt, rh_type *t);

void rh__type_init_type(rh_runtime *rt, rh_type *t) {
    t->name = "type";
    t->flags = RH_TPFLAG_GC | RH_TPFLAG_BASETYPE | RH_TPFLAG_WEAKREFABLE;
    t->basicsize = RH_HEAPTYPE_BASICSIZE;
    t->itemsize = RH_HEAPTYPE_ITEMSIZE;
    t->weaklistoffset = offsetof(rh_type, weaklist); /* tp_weaklist: classes and built-in types */
    t->dealloc = class_dealloc;
    t->traverse = class_traverse;
    t->clear = class_clear;
    t->size_of = class_size_of;
    t->repr_into = type_repr_into;
    t->tp_str = type_str;
    t->tp_getattro = type_getattr;
    t->tp_setattro = class_setattr;
    t->tp_call = type_call;
    if (!rt->profile->python2) t->as_number.nb_or = rh__union_type_or; /* type_or (3.10, PEP 604): t_union.c */
}

/* ---------------------------------------------------------------- method resolution order */

/* The MRO of a base as an item array: a class's mro tuple, or a built-in type's tp_base chain (list,
 * object; object itself), kept in box. */
enum { MRO_BOX = 8 }; /* deeper than any built-in chain (OSError subclasses: 6) */
static rh_object **mro_items(rh_object **box, rh_object *base, size_t *n) {
    rh_type *t = (rh_type *)(void *)base;
    if (t->mro) {
        *n = rh_tuple_len(t->mro);
        return ((rh_tuple *)(void *)t->mro)->item;
    }
    *n = 0;
    for (; t && *n < MRO_BOX; t = t->base) box[(*n)++] = &t->ob.ob;
    return box;
}

typedef struct merge_seq { rh_object **items; size_t n, at; rh_object *box[MRO_BOX]; } merge_seq;

static int tail_contains(const merge_seq *s, rh_object *o) {
    for (size_t j = s->at + 1; j < s->n; j++)
        if (s->items[j] == o) return 1;
    return 0;
}

/* set_mro_error: the heads still waiting, each named once */
static void mro_error(rh_runtime *rt, merge_seq *seq, size_t nseq) {
    char buf[1000];
    int off =
        snprintf(buf, sizeof buf, "Cannot create a consistent method resolution\norder (MRO) for bases");
    int first = 1;
    for (size_t i = 0; i < nseq && off < (int)sizeof buf - 2; i++) {
        if (seq[i].at >= seq[i].n) continue;
        rh_object *c = seq[i].items[seq[i].at];
        int seen = 0;
        for (size_t j = 0; j < i; j++) seen |= seq[j].at < seq[j].n && seq[j].items[seq[j].at] == c;
        if (seen) continue;
        off += snprintf(buf + off, sizeof buf - (size_t)off, "%s %s", first ? "" : ",",
                        ((rh_type *)(void *)c)->name);
        first = 0;
    }
    rh_err_set(rt, RH_EXC_TYPE, "%s", buf);
}

/* pmerge (C3): merged order into acc (capacity enough), count in *nacc; -1 with TypeError if none */
static int c3_merge(rh_runtime *rt, merge_seq *seq, size_t nseq, rh_object **acc, size_t *nacc) {
    for (;;) {
        size_t empty = 0, i;
        for (i = 0; i < nseq; i++) {
            if (seq[i].at >= seq[i].n) {
                empty++;
                continue;
            }
            rh_object *cand = seq[i].items[seq[i].at];
            int blocked = 0;
            for (size_t j = 0; j < nseq && !blocked; j++) blocked = tail_contains(&seq[j], cand);
            if (blocked) continue;
            acc[(*nacc)++] = cand;
            for (size_t j = 0; j < nseq; j++)
                if (seq[j].at < seq[j].n && seq[j].items[seq[j].at] == cand) seq[j].at++;
            break;
        }
        if (i == nseq) { /* no candidate this round */
            if (empty == nseq) return 0;
            mro_error(rt, seq, nseq);
            return -1;
        }
    }
}

/* The classes a lookup visits, in order: the MRO, preceded for a classic class by the class itself. */
static size_t chain_len(const rh_type *t) {
    return (t->mro ? rh_tuple_len(t->mro) : 0) + ((t->flags & RH_TPFLAG_CLASSIC) != 0);
}
static rh_object *chain_at(const rh_type *t, size_t i) {
    if (t->flags & RH_TPFLAG_CLASSIC) {
        if (i == 0) return (rh_object *)(uintptr_t)t;
        i--;
    }
    return rh_tuple_get(t->mro, i);
}

static int is_classic(const rh_object *c) {
    return is_type(c) && (((const rh_type *)(const void *)c)->flags & RH_TPFLAG_CLASSIC) != 0;
}

/* class_lookup, 2.7: the class, then each base depth first, left to right; as a tuple with repeats
 * dropped (the first occurrence wins a lookup, so the order of first occurrences is the lookup order). */
static int classic_mro_add(rh_object *c, rh_object **acc, size_t *n, size_t cap) {
    for (size_t i = 0; i < *n; i++)
        if (acc[i] == c) return 0;
    if (*n == cap) return -1;
    acc[(*n)++] = c;
    rh_object *bases = ((rh_type *)(void *)c)->bases;
    for (size_t i = 0; bases && i < rh_tuple_len(bases); i++)
        if (classic_mro_add(rh_tuple_get(bases, i), acc, n, cap) < 0) return -1;
    return 0;
}

/* Without the class itself: a classic class has no __mro__ to hold it (and no self-reference from it);
 * lookups visit the class first through chain_at. */
static rh_object *classic_mro(rh_runtime *rt, rh_object *bases) {
    size_t cap = 1;
    for (size_t i = 0; i < rh_tuple_len(bases); i++) {
        rh_object *m = ((rh_type *)(void *)rh_tuple_get(bases, i))->mro;
        cap += (m ? rh_tuple_len(m) : 0) + 1;
    }
    rh_object **acc = rh_mem_malloc(rt, cap * sizeof *acc);
    if (!acc) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < rh_tuple_len(bases); i++) (void)classic_mro_add(rh_tuple_get(bases, i), acc, &n, cap);
    rh_object *mro = rh_tuple_new(rt, n);
    for (size_t i = 0; mro && i < n; i++) {
        rh_incref(acc[i]);
        rh_tuple_set(mro, i, acc[i]);
    }
    rh_mem_free(rt, acc, cap * sizeof *acc);
    return mro;
}

/* mro_implementation: (cls,) + base's mro for one base, C3 over the bases' mros and the bases else */
static rh_object *compute_mro(rh_runtime *rt, rh_object *cls, rh_object *bases) {
    size_t nb = rh_tuple_len(bases), total = nb;
    merge_seq *seq = rh_mem_malloc(rt, (nb + 1) * sizeof *seq);
    if (!seq) return NULL;
    for (size_t i = 0; i < nb; i++) {
        seq[i].items = mro_items(seq[i].box, rh_tuple_get(bases, i), &seq[i].n);
        seq[i].at = 0;
        total += seq[i].n;
    }
    seq[nb] = (merge_seq){((rh_tuple *)(void *)bases)->item, nb, 0, {NULL}};
    rh_object **acc = rh_mem_malloc(rt, (total + 1) * sizeof *acc);
    rh_object *mro = NULL;
    size_t nacc = 0;
    if (acc) {
        int ok = nb == 1 ? (memcpy(acc, seq[0].items, seq[0].n * sizeof *acc), nacc = seq[0].n, 0)
                         : c3_merge(rt, seq, nb + 1, acc, &nacc);
        rh_object *merged = NULL; /* mro_implementation's result list for several bases (mro_invoke's
                                   * PySequence_Tuple of it is the tuple below) */
        if (ok == 0 && nb > 1 && rt->profile->mro_merge_list) {
            if (!(merged = rh_list_new(rt, nacc + 1))) ok = -1;
            for (size_t i = 0; merged && i <= nacc; i++) rh_list_set_init(merged, i, newref(i ? acc[i - 1] : cls));
        }
        if (ok == 0 && (mro = rh_tuple_new(rt, nacc + 1))) {
            rh_incref(cls);
            rh_tuple_set(mro, 0, cls);
            for (size_t i = 0; i < nacc; i++) {
                rh_incref(acc[i]);
                rh_tuple_set(mro, i + 1, acc[i]);
            }
        }
        rh_xdecref(rt, merged);
        rh_mem_free(rt, acc, (total + 1) * sizeof *acc);
    }
    rh_mem_free(rt, seq, (nb + 1) * sizeof *seq);
    return mro;
}

static int is_subtype(rh_object *a, rh_object *b) {
    rh_type *t = (rh_type *)(void *)a;
    if (a == b) return 1;
    for (size_t i = 0; i < chain_len(t); i++)
        if (chain_at(t, i) == b) return 1;
    for (rh_type *s = t->mro ? NULL : t->base; s; s = s->base) /* a built-in type: its tp_base chain */
        if (&s->ob.ob == b) return 1;
    return b->type->kind == RH_K_TYPE && ((rh_type *)(void *)b)->kind == RH_K_OBJECT;
}

/* solid_base: the nearest type in the tp_base chain that adds instance fields (extra_ivars): a class with
 * __slots__ members, a built-in type larger than its base (BaseException over object; ArithmeticError and
 * ZeroDivisionError share BaseException's struct, so both have it as solid base); object at the end */
static rh_object *solid_base(rh_object *c) {
    for (;;) {
        rh_type *t = (rh_type *)(void *)c;
        if (rh__is_heap_class(c) ? rh__as_class(c)->t.nslots != 0
                                 : !t->base || t->basicsize != t->base->basicsize || t->itemsize != t->base->itemsize)
            return c;
        c = (rh_object *)t->base;
    }
}

/* best_base */
static rh_object *best_base(rh_runtime *rt, rh_object *bases) {
    rh_object *base = NULL, *winner = NULL;
    for (size_t i = 0; i < rh_tuple_len(bases); i++) {
        rh_object *b = rh_tuple_get(bases, i), *cand = solid_base(b);
        if (!winner) {
            winner = cand;
            base = b;
        } else if (is_subtype(winner, cand)) {
        } else if (is_subtype(cand, winner)) {
            winner = cand;
            base = b;
        } else {
            rh_err_set(rt, RH_EXC_TYPE, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ---------------------------------------------------------------- class creation */

typedef struct class_spec {
    rh_object *base;        /* best base (borrowed) */
    rh_object **slots;      /* own slot names, sorted and mangled (new references) */
    size_t nslots;
    int add_dict, add_weak; /* this class adds a __dict__ / a weakref slot */
    rh_object *slots_obj;   /* the namespace's __slots__ (borrowed), or NULL */
} class_spec;

static void spec_release(rh_runtime *rt, class_spec *s) {
    for (size_t i = 0; i < s->nslots; i++) rh_decref(rt, s->slots[i]);
    if (s->slots) rh_mem_free(rt, s->slots, s->nslots * sizeof *s->slots);
    s->slots = NULL;
    s->nslots = 0;
}

static int base_has_dict(rh_object *b) {
    if (((rh_type *)(void *)b)->kind == RH_K_EXCEPTION) return 1; /* BaseException's own dict field */
    if (((rh_type *)(void *)b)->kind == RH_K_TYPE) return 1;      /* type's tp_dictoffset (tp_dict) */
    if (((rh_type *)(void *)b)->kind == RH_K_CLASSMETHOD || ((rh_type *)(void *)b)->kind == RH_K_STATICMETHOD)
        return 1; /* cm_dict / sm_dict (3.10+) */
    return rh__is_heap_class(b) &&
           ((rh__as_class(b)->t.flags & RH_TPFLAG_MANAGED_DICT) || rh__as_class(b)->dictoffset);
}
static int base_has_weak(rh_object *b) { return ((rh_type *)(void *)b)->weaklistoffset != 0; }

/* _Py_Mangle: __name inside class _C_ -> _C___name (leading underscores of the class name stripped) */
static rh_object *mangle(rh_runtime *rt, rh_object *cls_name, rh_object *ident) {
    size_t n;
    const char *s = rh_str_utf8(rt, ident, &n), *c = rh_str_utf8(rt, cls_name, NULL);
    if (!s || !c || n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_') ||
        memchr(s, '.', n)) {
        rh_incref(ident);
        return ident;
    }
    while (*c == '_') c++;
    if (!*c) {
        rh_incref(ident);
        return ident;
    }
    size_t cl = strlen(c);
    char *buf = rh_mem_malloc(rt, cl + n + 2);
    if (!buf) return NULL;
    buf[0] = '_';
    memcpy(buf + 1, c, cl);
    memcpy(buf + 1 + cl, s, n);
    rh_object *r = rh_str_from_utf8(rt, buf, cl + n + 1);
    rh_mem_free(rt, buf, cl + n + 2);
    return r;
}

static int utf8_less(rh_runtime *rt, rh_object *a, rh_object *b) {
    return strcmp(str_cstr(rt, a), str_cstr(rt, b)) < 0;
}

static rh_type *builtin_base(rh_type *t);

/* type_new_slots / type_new_copy_slots: parse __slots__ of ns, or the defaults without it */
static int parse_slots(rh_runtime *rt, rh_object *name, rh_object *ns, class_spec *s) {
    rh_object *slots = dict_find_cstr(rt, ns, "__slots__");
    size_t itemsize = ((rh_type *)(void *)s->base)->itemsize;
    int may_dict = !base_has_dict(s->base), may_weak = !base_has_weak(s->base) && !itemsize;
    if (!slots) {
        s->add_dict = may_dict;
        s->add_weak = may_weak;
        return 0;
    }
    s->slots_obj = slots;
    rh_object **items, *one = slots;
    size_t n;
    if (rh__is_str(slots)) items = &one, n = 1;
    else if (slots->type->kind == RH_K_TUPLE)
        items = ((rh_tuple *)(void *)slots)->item, n = rh_tuple_len(slots);
    else if (slots->type->kind == RH_K_LIST) items = ((rh_list *)(void *)slots)->item, n = rh_list_len(slots);
    else {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not iterable", rh_type_name(slots));
        return -1;
    }
    if (n && itemsize) { /* type_new_slots_impl: a variable-size base (int, tuple, type) takes no slot at all,
                          * not even __dict__ or __weakref__, checked before any item is looked at */
        rh_err_set(rt, RH_EXC_TYPE, "nonempty __slots__ not supported for subtype of '%s'",
                   builtin_base((rh_type *)(void *)s->base)->name);
        return -1;
    }
    s->slots = n ? rh_mem_malloc(rt, n * sizeof *s->slots) : NULL;
    if (n && !s->slots) return -1;
    for (size_t i = 0; i < n; i++) {
        rh_object *it = items[i];
        if (!rh__is_str(it)) {
            rh_err_set(rt, RH_EXC_TYPE, "__slots__ items must be strings, not '%s'", rh_type_name(it));
            return -1;
        }
        if (str_is(rt, it, "__dict__")) {
            if (!may_dict || s->add_dict) {
                rh_err_set(rt, RH_EXC_TYPE, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            s->add_dict = 1;
            continue;
        }
        if (str_is(rt, it, "__weakref__")) {
            if (!may_weak || s->add_weak) {
                rh_err_set(rt, RH_EXC_TYPE,
                           "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                return -1;
            }
            s->add_weak = 1;
            continue;
        }
        rh_object *m = mangle(rt, name, it);
        if (!m) return -1;
        if (rh_dict_get(rt, ns, m)) {
            rh_err_set(rt, RH_EXC_VALUE, "'%s' in __slots__ conflicts with class variable", str_cstr(rt, it));
            rh_decref(rt, m);
            return -1;
        }
        size_t j = s->nslots++; /* insertion into sorted position (PyList_Sort of the names) */
        while (j > 0 && utf8_less(rt, m, s->slots[j - 1])) {
            s->slots[j] = s->slots[j - 1];
            j--;
        }
        s->slots[j] = m;
    }
    return 0;
}

static int class_has_del(rh_runtime *rt, rh_type *t) {
    for (size_t i = 0; i < chain_len(t); i++) {
        rh_object *c = chain_at(t, i);
        if (rh__is_heap_class(c) && ((rh_type *)(void *)c)->dict &&
            dict_find_cstr(rt, ((rh_type *)(void *)c)->dict, "__del__"))
            return 1;
    }
    return 0;
}

static void slot_tp_finalize(rh_runtime *rt, rh_object *o);

static void update_del_flags(rh_runtime *rt, rh_type *t) {
    t->flags &= ~(RH_TPFLAG_HAS_DEL | RH_TPFLAG_LEGACY_DEL);
    t->tp_finalize = NULL;
    if (class_has_del(rt, t)) {
        t->flags |= RH_TPFLAG_HAS_DEL | (rt->profile->legacy_finalizers ? RH_TPFLAG_LEGACY_DEL : 0);
        t->tp_finalize = slot_tp_finalize;
    }
}

static rh_type *builtin_base(rh_type *t);
static void instance_dealloc(rh_runtime *rt, rh_object *o);
static int instance_traverse(rh_object *o, rh_visitproc visit, void *arg);
static int instance_clear(rh_runtime *rt, rh_object *o);

/* PyInstanceObject, 2.7: header, in_class, in_dict, in_weakreflist */
#define RH_CLASSIC_INST_DICT (sizeof(rh_object) + sizeof(rh_object *))
#define RH_CLASSIC_INST_WEAK (RH_CLASSIC_INST_DICT + sizeof(rh_object *))
#define RH_CLASSIC_INST_SIZE (RH_CLASSIC_INST_WEAK + sizeof(rh_object *))

static void classic_dealloc(rh_runtime *rt, rh_object *o);

static void classic_layout(rh_class *c) {
    c->slotoffset = RH_CLASSIC_INST_SIZE;
    c->dictoffset = RH_CLASSIC_INST_DICT;
    c->t.weaklistoffset = RH_CLASSIC_INST_WEAK;
    c->t.flags = RH_TPFLAG_GC | RH_TPFLAG_HEAPTYPE | RH_TPFLAG_BASETYPE | RH_TPFLAG_CLASSIC | RH_TPFLAG_WEAKREFABLE;
    c->t.basicsize = RH_CLASSIC_INST_SIZE;
    c->t.itemsize = 0;
    c->t.nslots = 0;
    c->t.kind = RH_K_INSTANCE;
    c->t.dealloc = classic_dealloc;
    c->t.traverse = instance_traverse;
    c->t.clear = NULL; /* PyInstance_Type has no tp_clear: the collector clears the dict */
    c->t.size_of = NULL;
}

/* A class deriving from an exception (subtype of BaseException's layout): the base's fields and dict,
 * plus the weakref slot the first such class adds (exc_subclass_extra bytes: 3.12+ keeps it in a
 * two-word pre-header); the exception type's dealloc/traverse/clear serve it (t_exc.c). */
static void exception_layout(rh_runtime *rt, rh_class *c, rh_type *base) {
    c->dictoffset = ((const rh_exc_fields *)base->tp_members)->dict;
    c->slotoffset = base->basicsize;
    c->t.basicsize = base->basicsize;
    c->t.weaklistoffset = base->weaklistoffset;
    if (!base->weaklistoffset) {
        c->t.weaklistoffset = base->basicsize;
        c->t.basicsize += rt->profile->exc_subclass_extra;
    }
    c->t.flags = RH_TPFLAG_GC | RH_TPFLAG_HEAPTYPE | RH_TPFLAG_BASETYPE | RH_TPFLAG_WEAKREFABLE;
    c->t.kind = RH_K_EXCEPTION;
    c->t.dealloc = base->dealloc;
    c->t.traverse = base->traverse;
    c->t.clear = base->clear;
}

/* Fill the class's layout from its spec: slots, then __dict__ (without managed dicts), then __weakref__. */
static void class_layout(rh_runtime *rt, rh_class *c, const class_spec *s) {
    rh_type *base = (rh_type *)(void *)s->base;
    size_t size = base->basicsize;
    c->slotoffset = size;
    size += s->nslots * sizeof(rh_object *);
    c->dictoffset = rh__is_heap_class(s->base) ? rh__as_class(s->base)->dictoffset : 0;
    c->t.flags = RH_TPFLAG_GC | RH_TPFLAG_HEAPTYPE | RH_TPFLAG_BASETYPE |
                 (base->flags & (RH_TPFLAG_MANAGED_DICT | RH_TPFLAG_MANAGED_WEAKREF));
    if (s->add_dict) {
        if (rt->profile->managed_dict && (!base->itemsize || rt->profile->managed_dict_varsize)) {
            c->t.flags |= RH_TPFLAG_MANAGED_DICT;
        } else if (base->itemsize) { /* type_new_descriptors: tp_dictoffset = -sizeof(PyObject *) */
            c->dictoffset = RH_DICTOFFSET_AT_END;
            size += sizeof(rh_object *);
        } else {
            c->dictoffset = size;
            size += sizeof(rh_object *);
        }
    }
    c->t.weaklistoffset = base->weaklistoffset;
    if (s->add_weak && rt->profile->managed_weakref) { /* 3.12 type_new_descriptors: Py_TPFLAGS_MANAGED_WEAKREF */
        c->t.weaklistoffset = RH_WEAKLIST_MANAGED;
        c->t.flags |= RH_TPFLAG_MANAGED_WEAKREF;
    } else if (s->add_weak) {
        c->t.weaklistoffset = size;
        size += sizeof(rh_object *);
    }
    if (c->t.weaklistoffset) c->t.flags |= RH_TPFLAG_WEAKREFABLE;
    c->t.basicsize = size;
    c->t.itemsize = 0;
    c->t.nslots = (uint32_t)s->nslots;
    c->t.kind = RH_K_INSTANCE;
    c->t.dealloc = instance_dealloc;
    c->t.traverse = instance_traverse;
    c->t.clear = instance_clear;
    c->t.size_of = NULL;
    if (base->kind == RH_K_EXCEPTION) exception_layout(rt, c, base);
    else if (builtin_base(base)->kind != RH_K_OBJECT) { /* list, dict: the built-in's kind and __sizeof__ */
        c->t.kind = builtin_base(base)->kind;
        c->t.size_of = builtin_base(base)->size_of;
        if (base->flags & RH_TPFLAG_ODICT) { /* a subclass of collections.OrderedDict: odict_sizeof */
            c->t.flags |= RH_TPFLAG_ODICT;
            c->t.size_of = base->size_of;
        }
        c->t.flags |= builtin_base(base)->flags & RH_TPFLAG_INT_WORD; /* 2.7's PyIntObject layout */
        c->t.itemsize = base->itemsize; /* a metaclass: type's 40 per slot (PyHeapTypeObject's members) */
    }
}

/* The built-in types a class may derive from besides object and the exceptions: those whose dealloc,
 * traverse, clear and __sizeof__ read the size from the object's type (list_dealloc, dict_dealloc, ...),
 * so the class's instance is the built-in's struct followed by the class's own words, and every slot of
 * the built-in works on it; int's and tuple's instances are variable-size (long_subtype_new, t_int.c;
 * tuple_subtype_new, t_tuple.c), their __dict__ word, if any, ends the object; str's are non-compact strings (unicode_subtype_new, t_str.c: the class's
 * basicsize, the characters in a block of their own), 3.x only (2.7's str is a variable-size
 * PyStringObject: not modelled). */
static int builtin_base_modelled(rh_runtime *rt, rh_object *b) {
    rh_kind k = ((rh_type *)(void *)b)->kind;
    if (k == RH_K_STR) return !rt->profile->python2;
    /* type: a metaclass, whose instances are classes; classmethod, staticmethod and property: the class can
     * be made (Lib/abc.py's abstractclassmethod ...), its instances cannot (vm.c class_tp_new refuses) */
    return k == RH_K_LIST || k == RH_K_DICT || k == RH_K_INT || k == RH_K_TUPLE || k == RH_K_TYPE || k == RH_K_CLASSMETHOD ||
           k == RH_K_STATICMETHOD || k == RH_K_PROPERTY || k == RH_K_WEAKREF /* KeyedRef, WeakMethod */ ||
           k == RH_K_GENERICALIAS; /* GenericAlias:
                                                          _collections_abc._CallableGenericAlias */
}

/* The nearest built-in type on t's tp_base chain (object for plain classes) */
static rh_type *builtin_base(rh_type *t) {
    while (t->flags & RH_TPFLAG_HEAPTYPE) t = t->base;
    return t;
}

/* Validate the arguments and the bases; -1 with the error set. */
static int check_class_args(rh_runtime *rt, rh_object *name, rh_object *bases, rh_object *ns) {
    const char *bad = !rh__is_str(name)                 ? "1"
                      : bases->type->kind != RH_K_TUPLE ? "2"
                      : ns->type->kind != RH_K_DICT     ? "3"
                                                        : NULL;
    if (bad) {
        rh_object *arg = *bad == '1' ? name : *bad == '2' ? bases : ns;
        rh_err_set(rt, RH_EXC_TYPE, "type.__new__() argument %s must be %s, not %s", bad,
                   *bad == '1' ? "str" : *bad == '2' ? "tuple" : "dict", rh_type_name(arg));
        return -1;
    }
    size_t n = rh_tuple_len(bases);
    for (size_t i = 0; i < n; i++) {
        rh_object *b = rh_tuple_get(bases, i);
        if (!is_type(b)) {
            rh_err_set(rt, RH_EXC_TYPE, "bases must be types");
            return -1;
        }
        if (!(((rh_type *)(void *)b)->flags & RH_TPFLAG_BASETYPE)) { /* type_new_get_bases */
            rh_err_set(rt, RH_EXC_TYPE, "type '%s' is not an acceptable base type", ((rh_type *)(void *)b)->name);
            return -1;
        }
        if (!rh__is_heap_class(b) && b != (rh_object *)object_type(rt) && !rh_is_exc_class(b) &&
            !builtin_base_modelled(rt, b)) {
            rh_err_set(rt, RH_EXC_UNSUPPORTED,
                       "subclassing the built-in type '%s' is outside refheap's model",
                       ((rh_type *)(void *)b)->name);
            return -1;
        }
        for (size_t j = 0; j < i; j++) {
            if (rh_tuple_get(bases, j) == b) {
                rh_err_set(rt, RH_EXC_TYPE, "duplicate base class %s", ((rh_type *)(void *)b)->name);
                return -1;
            }
        }
    }
    return 0;
}

/* ns[name] = value under the interned ASCII name (no steal). 0 or -1. */
static int ns_set_cstr(rh_runtime *rt, rh_object *ns, const char *name, rh_object *value) {
    rh_object *k = rh_str_intern_utf8(rt, name, strlen(name));
    if (!k) return -1;
    int rc = rh_dict_set(rt, ns, k, value);
    rh_decref(rt, k);
    return rc;
}

/* A new descriptor of cls stored in its namespace under name (borrowed). 0 or -1. */
static int ns_add_descr(rh_runtime *rt, rh_class *c, rh_descr_kind kind, rh_object *name, size_t off) {
    rh_object *d = rh__descr_new(rt, kind, &c->t.ob.ob, name, off);
    if (!d) return -1;
    int rc = rh_dict_set(rt, c->t.dict, name, d);
    rh_decref(rt, d);
    return rc;
}

static int ns_add_getset(rh_runtime *rt, rh_class *c, rh_descr_kind kind, const char *name) {
    rh_object *k = rh_str_intern_utf8(rt, name, strlen(name));
    if (!k) return -1;
    int rc = ns_add_descr(rt, c, kind, k, 0);
    rh_decref(rt, k);
    return rc;
}

/* type_new_staticmethod / type_new_classmethod (Objects/typeobject.c, 3.11 type_new_set_attrs): a plain
 * function stored under name becomes a staticmethod (__new__) or classmethod (__init_subclass__,
 * __class_getitem__) in place, keeping its position in the namespace. 0 or -1. */
static int wrap_function(rh_runtime *rt, rh_object *ns, const char *name, rh_object *(*ctor)(rh_runtime *, rh_object *)) {
    rh_object *f = dict_find_cstr(rt, ns, name);
    if (!f || f->type->kind != RH_K_FUNCTION) return 0;
    rh_object *w = ctor(rt, f);
    int rc = w ? ns_set_cstr(rt, ns, name, w) : -1;
    rh_xdecref(rt, w);
    return rc;
}

/* type_new_set_ht_name / type_ready_fill_dict (add_members, add_getset) / type_new_set_doc, in the order
 * CPython 3.11 leaves the namespace: __qualname__ consumed, then one member descriptor per own slot (sorted
 * names), the __dict__ and __weakref__ getsets this class adds, and __doc__ = None when the body set none. */
static int fill_namespace(rh_runtime *rt, rh_class *c, const class_spec *s) {
    rh_object *ns = c->t.dict;
    rh_object *qn = dict_find_cstr(rt, ns, "__qualname__");
    if (qn) {
        if (qn->type->kind == RH_K_STR) { /* type_new_set_ht_name: ht_qualname */
            rh_incref(qn);
            c->t.qualname_obj = qn;
        }
        rh_object *k = rh_str_intern_utf8(rt, "__qualname__", 12);
        int rc = k ? rh__dict_setdel(rt, ns, k, NULL) : -1;
        rh_xdecref(rt, k);
        if (rc < 0) return -1;
    }
    if (!(c->t.flags & RH_TPFLAG_CLASSIC) &&
        (wrap_function(rt, ns, "__new__", rh_staticmethod_new) < 0 ||
         wrap_function(rt, ns, "__init_subclass__", rh_classmethod_new) < 0 ||
         wrap_function(rt, ns, "__class_getitem__", rh_classmethod_new) < 0))
        return -1;
    for (size_t i = 0; i < c->t.nslots; i++)
        if (ns_add_descr(rt, c, RH_DESCR_MEMBER, rh_tuple_get(c->slot_names, i),
                         c->slotoffset + i * sizeof(rh_object *)) < 0)
            return -1;
    if (c->t.flags & RH_TPFLAG_CLASSIC) /* class_new, 2.7: __doc__ only */
        return !dict_find_cstr(rt, ns, "__doc__") && ns_set_cstr(rt, ns, "__doc__", rh_none(rt)) < 0 ? -1 : 0;
    if (s->add_dict && ns_add_getset(rt, c, RH_DESCR_DICT, "__dict__") < 0) return -1;
    if (s->add_weak && ns_add_getset(rt, c, RH_DESCR_WEAKREF, "__weakref__") < 0) return -1;
    if (!dict_find_cstr(rt, ns, "__doc__") && ns_set_cstr(rt, ns, "__doc__", rh_none(rt)) < 0) return -1;
    return 0;
}

/* The objects type_new makes on its way to ht_slots and frees again (type_new_get_slots,
 * type_new_copy_slots; 2.7 type_new alike): __slots__ as a tuple when it is a str (PyTuple_Pack) or
 * another sequence (PySequence_Tuple), freed once ht_slots replaces it, and the list of the names that are
 * not __dict__/__weakref__, sorted and turned into ht_slots (PyList_AsTuple: refheap's slot_names tuple is
 * made while the list lives). *packed: the first (new reference, or NULL for a tuple); returns the list
 * (new reference) or NULL with the error set. */
static rh_object *slots_transients(rh_runtime *rt, const class_spec *s, rh_object **packed) {
    rh_object *o = s->slots_obj;
    *packed = NULL;
    if (rh__is_str(o)) {
        if (!(*packed = rh_tuple_pack(rt, 1, o))) return NULL;
    } else if (o->type->kind == RH_K_LIST) {
        if (!(*packed = rh_tuple_new(rt, rh_list_len(o)))) return NULL;
        for (size_t i = 0; i < rh_list_len(o); i++) rh_tuple_set(*packed, i, newref(rh_list_get(o, i)));
    }
    rh_object *l = rh_list_new(rt, s->nslots);
    for (size_t i = 0; l && i < s->nslots; i++) rh_list_set_init(l, i, newref(s->slots[i]));
    return l;
}

/* Everything after the allocation; on failure the caller drops the half-built class. */
static int class_fill(rh_runtime *rt, rh_class *c, rh_object *name, rh_object *bases, rh_object *ns,
                      class_spec *s) {
    rh_incref(name);
    c->t.name_obj = name;
    c->t.name = str_cstr(rt, name);
    rh_incref(s->base);
    c->t.base = (rh_type *)(void *)s->base;
    if (rh_tuple_len(bases) == 0 && !(c->t.flags & RH_TPFLAG_CLASSIC)) {
        if (!(c->t.bases = rh_tuple_pack(rt, 1, (rh_object *)object_type(rt)))) return -1;
    } else {
        rh_incref(bases);
        c->t.bases = bases;
    }
    rh_object *packed = NULL, *names = NULL;
    if (s->slots_obj && !(c->t.flags & RH_TPFLAG_CLASSIC) && !(names = slots_transients(rt, s, &packed))) {
        rh_xdecref(rt, packed);
        return -1;
    }
    if (s->nslots && !(c->slot_names = rh_tuple_new(rt, s->nslots))) {
        rh_xdecref(rt, names);
        rh_xdecref(rt, packed);
        return -1;
    }
    rh_xdecref(rt, names);
    rh_xdecref(rt, packed);
    if (s->nslots) {
        for (size_t i = 0; i < s->nslots; i++) {
            rh_tuple_set(c->slot_names, i, s->slots[i]);
            s->slots[i] = NULL;
        }
        rh_mem_free(rt, s->slots, s->nslots * sizeof *s->slots);
        s->slots = NULL;
        s->nslots = 0;
    }
    if (!(c->t.dict = rh__dict_copy(rt, ns))) return -1;
    c->t.mro = (c->t.flags & RH_TPFLAG_CLASSIC) ? classic_mro(rt, c->t.bases)
                                                : compute_mro(rt, &c->t.ob.ob, c->t.bases);
    if (!c->t.mro) return -1;
    /* key-sharing dicts are 3.3's (PEP 412): 2.7 instances have plain dicts */
    if (((c->t.flags & RH_TPFLAG_MANAGED_DICT) || c->dictoffset) && !rt->profile->python2 &&
        !(c->dictoffset == RH_DICTOFFSET_AT_END && rt->profile->managed_dict)) { /* 3.11: managed dicts only */
        rh_dictkeys *k = rh__dictkeys_new_shared(rt);
        if (!k) return -1;
        c->t.cached_keys = (rh_object *)(void *)k;
    }
    update_del_flags(rt, &c->t);
    if (fill_namespace(rt, c, s) < 0) return -1;
    /* type_ready_set_hash: with special methods dispatched (a call hook), a class defining __eq__ but
     * not __hash__ gets __hash__ = None, so it is unhashable as in CPython 3 (2.7 keeps object's hash) */
    if (rt->hooks.call && !rt->profile->python2 && dict_find_cstr(rt, c->t.dict, "__eq__") &&
        !dict_find_cstr(rt, c->t.dict, "__hash__") &&
        ns_set_cstr(rt, c->t.dict, "__hash__", rh_none(rt)) < 0)
        return -1;
    class_update_slots(rt, &c->t);
    return 0;
}

/* _PyType_CalculateMetaclass (Objects/typeobject.c): the most derived of meta and the types of the bases;
 * TypeError "metaclass conflict" when two are unrelated. Borrowed, or NULL. */
rh_object *rh_type_calculate_metaclass(rh_runtime *rt, rh_object *meta, rh_object *bases) {
    rh_type *winner = (rh_type *)(void *)meta;
    for (size_t i = 0; i < rh_tuple_len(bases); i++) {
        rh_type *t = rh_tuple_get(bases, i)->type;
        if (rh__type_is_subtype(winner, t)) continue;
        if (rh__type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        rh_err_set(rt, RH_EXC_TYPE, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                    "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return &winner->ob.ob;
}

rh_object *rh_class_new(rh_runtime *rt, rh_object *name, rh_object *bases, rh_object *ns) {
    return rh_class_new_meta(rt, (rh_object *)type_type(rt), name, bases, ns);
}

rh_object *rh_class_new_meta(rh_runtime *rt, rh_object *meta, rh_object *name, rh_object *bases, rh_object *ns) {
    if (check_class_args(rt, name, bases, ns) < 0) return NULL;
    class_spec s = {0};
    int classic = rt->profile->python2;
    for (size_t i = 0; i < rh_tuple_len(bases); i++) classic &= is_classic(rh_tuple_get(bases, i));
    if (rh_tuple_len(bases) == 0 || classic) s.base = (rh_object *)object_type(rt);
    else if (!(s.base = best_base(rt, bases))) return NULL;
    if (!classic && parse_slots(rt, name, ns, &s) < 0) {
        spec_release(rt, &s);
        return NULL;
    }
    if (((rh_type *)(void *)s.base)->kind == RH_K_EXCEPTION &&
        (s.nslots || dict_find_cstr(rt, ns, "__slots__") || dict_find_cstr(rt, ns, "__del__"))) {
        /* exception_layout serves the common case only: the instance is BaseException's plus a weakref */
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "__slots__ or __del__ in a class deriving from an exception");
        spec_release(rt, &s);
        return NULL;
    }
    /* PyType_GenericAlloc(type, nslots): 904 + 40 * (nslots + 1) bytes, zeroed */
    size_t size = RH_HEAPTYPE_BASICSIZE + RH_HEAPTYPE_ITEMSIZE * (s.nslots + 1);
    rh_object *o = rh__object_alloc(rt, (rh_type *)(void *)meta, size); /* metatype->tp_alloc */
    if (!o) {
        spec_release(rt, &s);
        return NULL;
    }
    memset((char *)o + sizeof(rh_object), 0, size - sizeof(rh_object));
    rh_class *c = rh__as_class(o);
    c->alloc_size = size;
    c->t.ob.size = (intptr_t)s.nslots;
    if (classic) classic_layout(c);
    else class_layout(rt, c, &s);
    if (class_fill(rt, c, name, bases, ns, &s) < 0 || (!classic && add_subclasses(rt, o) < 0)) {
        spec_release(rt, &s);
        rh_setref(rt, &c->t.mro, NULL); /* the mro holds the class: break that cycle first */
        if (c->t.dict) rh_dict_clear(rt, c->t.dict); /* and the descriptors already made */
        rh_decref(rt, o);
        return NULL;
    }
    rh__types_modified(rt);
    rh__gc_track(rt, o);
    return o;
}

/* ---------------------------------------------------------------- instances */

static rh_dictkeys *instance_keys(rh_object *o) { return rh__class_keys(o->type); }

/* PyInstance_NewRaw, 2.7: the dict first, then the instance, tracked at once */
static rh_object *classic_new(rh_runtime *rt, rh_type *t) {
    rh_object *d = rh_dict_new(rt);
    if (!d) return NULL;
    rh_object *o = rh__object_alloc(rt, t, t->basicsize);
    if (!o) {
        rh_decref(rt, d);
        return NULL;
    }
    memset((char *)o + sizeof(rh_object), 0, t->basicsize - sizeof(rh_object));
    *slot_at(o, RH_CLASSIC_INST_DICT) = d;
    rh__gc_track(rt, o);
    return o;
}

rh_object *rh_instance_new(rh_runtime *rt, rh_object *cls) {
    if (cls == (rh_object *)object_type(rt)) return rh__object_alloc(rt, object_type(rt), sizeof(rh_object));
    if (!rh__is_heap_class(cls)) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot create '%s' instances",
                   is_type(cls) ? ((rh_type *)(void *)cls)->name : rh_type_name(cls));
        return NULL;
    }
    rh_type *t = (rh_type *)(void *)cls;
    if (t->flags & RH_TPFLAG_CLASSIC) return classic_new(rt, t);
    rh_object *o = rh__object_alloc(rt, t, t->basicsize);
    if (!o) return NULL;
    memset((char *)o + sizeof(rh_object), 0, t->basicsize - sizeof(rh_object));
    if (t->kind == RH_K_DICT) rh__dict_init_body(rt, o); /* dict_new: the empty keys */
    rh__gc_track(rt, o); /* PyType_GenericAlloc tracks before object_new makes the values */
    if (t->kind != RH_K_INSTANCE) return o; /* list_new / dict_new (PyType_GenericNew): no inline values */
    rh_dictkeys *k = rh__class_keys(t);
    if ((t->flags & RH_TPFLAG_MANAGED_DICT) && k) { /* init_inline_values */
        if (k->dk_usable > 1) k->dk_usable--;
        rh_object **values = rh__values_new(rt, rh__shared_keys_usable_size(k));
        if (!values) {
            rh_decref(rt, o);
            return NULL;
        }
        rh__md_set_values(rh__managed_dict(o), values);
    }
    return o;
}

/* The instance's non-managed __dict__ slot, or NULL; a negative tp_dictoffset is the last word of the
 * variable-size object (_PyObject_ComputedDictPointer; the block's size is its base's to say) */
static rh_object **dict_slot(rh_object *o) {
    size_t off = rh__is_heap_class((rh_object *)o->type) ? rh__as_class((rh_object *)o->type)->dictoffset : 0;
    if (off == RH_DICTOFFSET_AT_END)
        off = o->type->kind == RH_K_TUPLE ? rh__tuple_subtype_dict_offset(o)
                                          : rh__int_subtype_bytes(o) - sizeof(rh_object *);
    return off ? slot_at(o, off) : NULL;
}

/* PyObject_CallFinalizerFromDealloc: resurrect for the call; 0 when the object stays dead, -1 when
 * __del__ resurrected it. In 3.x the FINALIZED bit makes __del__ run once per object; py27's tp_del
 * runs at every death. */
static int finalize_from_dealloc(rh_runtime *rt, rh_object *o) {
    rh_assert(o->refcnt == 0);
    o->refcnt = 1;
    int legacy = rt->profile->legacy_finalizers;
    rh_gchead *g = rh_as_gc(o);
    if (legacy || !(g->gc_prev & RH_GC_PREV_FINALIZED)) {
        if (o->type->tp_finalize) o->type->tp_finalize(rt, o);
        if (!legacy) g->gc_prev |= RH_GC_PREV_FINALIZED;
    }
    rh_assert(o->refcnt > 0);
    return --o->refcnt == 0 ? 0 : -1;
}

/* clear_slots for one class's own members */
static void clear_own_slots(rh_runtime *rt, rh_class *c, rh_object *o) {
    for (size_t i = 0; i < c->t.nslots; i++)
        rh_setref(rt, slot_at(o, c->slotoffset + i * sizeof(rh_object *)), NULL);
}

/* _PyObject_FreeInstanceAttributes: values in key order, then the array */
static void free_values_of(rh_runtime *rt, rh_object *o, rh_managed_dict *md) {
    rh_object **values = rh__md_values(md);
    rh__md_set_values(md, NULL);
    for (size_t i = 0, n = (size_t)instance_keys(o)->dk_nentries; i < n; i++) rh_xdecref(rt, values[i]);
    rh__values_free(rt, values);
}

/* subtype_dealloc */
static void instance_dealloc(rh_runtime *rt, rh_object *o) {
    rh_type *t = o->type;
    rh__gc_untrack(rt, o);
    if (rh__trash_begin(rt, o)) return;
    int legacy = rt->profile->legacy_finalizers;
    if (legacy) rh__weakref_clear_all(rt, o); /* 2.7 clears weakrefs before tp_del */
    if (t->flags & RH_TPFLAG_HAS_DEL) {
        rh__gc_track(rt, o);
        if (finalize_from_dealloc(rt, o) < 0) goto end; /* resurrected: stays tracked and alive */
        rh__gc_untrack(rt, o);
    }
    if (!legacy) {
        rh__weakref_clear_all(rt, o);
        rh_weakref **wl = rh__weakref_listptr(o); /* refs made by __del__ die without callbacks */
        if ((t->flags & RH_TPFLAG_HAS_DEL) && wl)
            while (*wl) rh__weakref_clear_ref(rt, *wl);
    }
    for (rh_object *c = (rh_object *)t; rh__is_heap_class(c); c = (rh_object *)rh__as_class(c)->t.base)
        clear_own_slots(rt, rh__as_class(c), o);
    if (t->flags & RH_TPFLAG_MANAGED_DICT) {
        rh_managed_dict *md = rh__managed_dict(o);
        if (rh__md_dict(md)) rh_setref(rt, &md->dict, NULL);
        else if (rh__md_values(md)) free_values_of(rt, o, md);
    } else if (dict_slot(o)) {
        rh_setref(rt, dict_slot(o), NULL);
    }
    if (t->flags & RH_TPFLAG_ODICT) rh_odict_clear_nodes(rt, o); /* odict_dealloc's _odict_clear_nodes */
    rh_type *bb = builtin_base(t);
    if (bb->kind == RH_K_OBJECT) {
        rh__object_free(rt, o, t->basicsize);
    } else { /* subtype_dealloc: re-track for the base's dealloc, which untracks, releases its own
              * fields and frees the object (t->basicsize bytes: it reads the size from o's type) */
        rh__gc_track(rt, o);
        bb->dealloc(rt, o);
    }
    rh_decref(rt, (rh_object *)t);
end:
    rh__trash_end(rt);
}

/* instance_dealloc, 2.7: no trashcan; weakrefs (callbacks run) before __del__, which runs at every death */
static void classic_dealloc(rh_runtime *rt, rh_object *o) {
    rh_type *t = o->type;
    rh__gc_untrack(rt, o);
    rh__weakref_clear_all(rt, o);
    if (t->flags & RH_TPFLAG_HAS_DEL) {
        rh__gc_track(rt, o);
        if (finalize_from_dealloc(rt, o) < 0) return; /* resurrected: as if the decref never happened */
        rh__gc_untrack(rt, o);
        rh_weakref **wl = rh__weakref_listptr(o); /* refs made by __del__ die without callbacks */
        while (wl && *wl) rh__weakref_clear_ref(rt, *wl);
    }
    rh_object *d = *slot_at(o, RH_CLASSIC_INST_DICT);
    rh__object_free(rt, o, t->basicsize);
    rh_decref(rt, (rh_object *)t);
    rh_xdecref(rt, d);
}

/* subtype_traverse: slots (subclass first), attribute values or dict, then the class */
static int instance_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    int r;
    for (rh_object *c = (rh_object *)o->type; rh__is_heap_class(c);
         c = (rh_object *)rh__as_class(c)->t.base) {
        rh_class *k = rh__as_class(c);
        for (size_t i = 0; i < k->t.nslots; i++) {
            rh_object *v = *slot_at(o, k->slotoffset + i * sizeof(rh_object *));
            if (v && (r = visit(v, arg))) return r;
        }
    }
    if (o->type->flags & RH_TPFLAG_MANAGED_DICT) {
        rh_managed_dict *md = rh__managed_dict(o);
        rh_object **values = rh__md_values(md);
        if (values) {
            for (size_t i = 0, n = (size_t)instance_keys(o)->dk_nentries; i < n; i++)
                if (values[i] && (r = visit(values[i], arg))) return r;
        }
        if (rh__md_dict(md) && (r = visit(md->dict, arg))) return r;
    } else if (dict_slot(o) && *dict_slot(o) && (r = visit(*dict_slot(o), arg))) {
        return r;
    }
    int odict = (o->type->flags & RH_TPFLAG_ODICT) != 0; /* OrderedDict's own instances: odict_traverse, */
    int own_type = !odict || (o->type->base->flags & RH_TPFLAG_ODICT); /* which does not visit the type */
    if (own_type && (r = visit((rh_object *)o->type, arg))) return r;
    if (odict && (r = rh_odict_traverse_nodes(o, visit, arg))) return r;
    rh_type *bb = builtin_base(o->type); /* subtype_traverse ends with the base's tp_traverse */
    return bb->traverse ? bb->traverse(o, visit, arg) : 0;
}

/* subtype_clear */
static int instance_clear(rh_runtime *rt, rh_object *o) {
    for (rh_object *c = (rh_object *)o->type; rh__is_heap_class(c); c = (rh_object *)rh__as_class(c)->t.base)
        clear_own_slots(rt, rh__as_class(c), o);
    if (o->type->flags & RH_TPFLAG_MANAGED_DICT) {
        rh_managed_dict *md = rh__managed_dict(o);
        rh_object **values = rh__md_values(md);
        if (values) /* _PyObject_ClearInstanceAttributes: the array itself stays */
            for (size_t i = 0, n = (size_t)instance_keys(o)->dk_nentries; i < n; i++)
                rh_setref(rt, &values[i], NULL);
        if (rh__md_dict(md)) rh_setref(rt, &md->dict, NULL);
    } else if (dict_slot(o)) {
        rh_setref(rt, dict_slot(o), NULL);
    }
    rh_type *bb = builtin_base(o->type); /* subtype_clear ends with the base's tp_clear */
    int r = bb->clear ? bb->clear(rt, o) : 0;
    if (o->type->flags & RH_TPFLAG_ODICT) rh_odict_clear_nodes(rt, o); /* odict_tp_clear */
    return r;
}

/* _PyObject_IsInstanceDictEmpty: no attribute in the values array or the __dict__, none materialised */
int rh_instance_dict_is_empty(rh_object *o) {
    rh_type *t = o->type;
    if (t->flags & RH_TPFLAG_MANAGED_DICT) {
        rh_managed_dict *md = rh__managed_dict(o);
        rh_object **values = rh__md_values(md);
        if (values) {
            for (size_t i = 0, n = (size_t)instance_keys(o)->dk_nentries; i < n; i++)
                if (values[i]) return 0;
            return 1;
        }
        return !md->dict || rh_dict_len(md->dict) == 0;
    }
    rh_object **slot = dict_slot(o);
    return !slot || !*slot || rh_dict_len(*slot) == 0;
}

size_t rh_class_dictoffset(rh_object *cls) {
    return rh__is_heap_class(cls) && !(((rh_type *)(void *)cls)->flags & RH_TPFLAG_MANAGED_DICT)
               ? rh__as_class(cls)->dictoffset : 0;
}

rh_object *rh_instance_dict(rh_runtime *rt, rh_object *o) {
    rh_type *t = o->type;
    rh_object **slot = NULL, *d;
    if (t->flags & RH_TPFLAG_MANAGED_DICT) { /* PyObject_GenericGetDict */
        rh_managed_dict *md = rh__managed_dict(o);
        rh_object **values = rh__md_values(md);
        if (values) {
            rh_object *made = rh__dict_from_values(rt, instance_keys(o), values);
            if (!made) return NULL;
            md->dict = made; /* the dict took the values over */
        } else if (!md->dict && !(md->dict = t->itemsize && instance_keys(o) /* 3.12: no inline values */
                                                   ? rh__dict_new_shared(rt, instance_keys(o))
                                                   : rh_dict_new(rt))) {
            return NULL;
        }
        d = md->dict;
    } else if ((slot = dict_slot(o))) {
        if (!*slot) {
            rh_dictkeys *k = instance_keys(o);
            if (!(*slot = k ? rh__dict_new_shared(rt, k) : rh_dict_new(rt))) return NULL;
        }
        d = *slot;
    } else {
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '__dict__'", rh_type_name(o));
        return NULL;
    }
    rh_incref(d);
    return d;
}

/* ---------------------------------------------------------------- attribute lookup */

/* find_name_in_mro: a __slots__ member (data descriptor: *slot_off set) or a class attribute (*attr,
 * borrowed). 1 found, 0 not, -1 error. */
typedef struct { uint64_t bits[2]; } slotdef_set; /* indices into slotdefs */
static slotdef_set slotdefs_named(const char *name);
static int static_type_defines(rh_runtime *rt, const rh_type *st, slotdef_set named);

static int mro_lookup(rh_runtime *rt, rh_type *t, rh_object *name, rh_object **attr, size_t *slot_off) {
    *attr = NULL;
    *slot_off = 0;
    const char *dunder = NULL; /* a special method's name: a built-in type on the MRO may own its slot */
    slotdef_set named = {{0, 0}};
    for (size_t i = 0; i < chain_len(t); i++) {
        rh_object *c = chain_at(t, i);
        if (!rh__is_heap_class(c)) {
            if (c == (rh_object *)object_type(rt) || !is_type(c)) continue;
            if (!dunder && rh__is_str(name) && ((rh_strobj *)(void *)name)->state.ascii && rh_str_len(name) > 4 &&
                rh_str_char_at(name, 0) == '_' && rh_str_char_at(name, 1) == '_')
                if ((dunder = rh_str_utf8(rt, name, NULL))) named = slotdefs_named(dunder);
            /* the built-in's tp_dict holds its slot wrapper (str.__hash__ before an Enum mixin's __hash__):
             * not found here, the embedder answers from the built-in's own table */
            if (dunder && static_type_defines(rt, (const rh_type *)(void *)c, named)) return 0;
            continue;
        }
        rh_class *k = rh__as_class(c);
        if (!k->t.dict || !(*attr = rh_dict_get(rt, k->t.dict, name))) {
            if (rh_err_occurred(rt)) return -1;
            continue;
        }
        /* the class's own member descriptor of a __slots__ name, unless the class attribute was replaced
         * (`C.a = property(...)`: then that object decides, as for any attribute) */
        if (rh__descr_kind(*attr) == RH_DESCR_MEMBER && (rh_object *)rh_descr_objclass(*attr) == c)
            for (size_t j = 0; j < k->t.nslots; j++)
                if (rh__str_equal(rt, rh_tuple_get(k->slot_names, j), name))
                    *slot_off = k->slotoffset + j * sizeof(rh_object *);
        return 1;
    }
    return 0;
}

/* _PyType_Lookup: the cache first (see rh_type_cache_entry in internal.h), else the MRO walk, whose
 * result is stored unless it failed. */
static int type_lookup(rh_runtime *rt, rh_type *t, rh_object *name, rh_object **attr, size_t *slot_off) {
    int cacheable = rh_str_is_interned(rt, name);
    rh_type_cache_entry *e = NULL;
    if (cacheable) {
        uintptr_t h = ((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3) ^ ((uintptr_t)name >> 15);
        e = &rt->type_cache[h & (RH_TYPE_CACHE_SIZE - 1)];
        if (e->epoch == rt->type_epoch && e->type == t && e->name == name) {
            *attr = e->attr;
            *slot_off = e->slot_off;
            return e->found;
        }
    }
    int found = mro_lookup(rt, t, name, attr, slot_off);
    if (e && found >= 0) {
        e->type = t;
        e->name = name;
        e->attr = *attr;
        e->slot_off = *slot_off;
        e->found = found;
        e->epoch = rt->type_epoch;
    }
    return found;
}

rh_object *rh_class_dict(rh_runtime *rt, rh_object *cls) {
    rh_type *t = (rh_type *)(void *)cls;
    return t->dict ? rh_mappingproxy_new(rt, t->dict) : NULL; /* type_dict: PyDictProxy_New per read */
}

rh_object *rh_class_lookup(rh_runtime *rt, rh_object *cls, rh_object *name) {
    rh_object *attr;
    size_t off;
    if (!is_type(cls)) return NULL;
    return type_lookup(rt, (rh_type *)(void *)cls, name, &attr, &off) > 0 ? attr : NULL;
}

/* The dict's KeyError of a failed delete as _PyObject_GenericSetAttrWithDict reports it: 3.10 raises
 * AttributeError(name), 3.11 the getattr wording */
static void no_attribute_to_delete(rh_runtime *rt, rh_object *o, rh_object *name);

static rh_object *no_attribute(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (is_type(o))
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "type object '%s' has no attribute '%s'",
                   ((rh_type *)(void *)o)->name, str_cstr(rt, name));
    else
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", rh_type_name(o),
                   str_cstr(rt, name));
    return NULL;
}

/* The instance's own attribute (borrowed) or NULL; -1 in *err on error */
static rh_object *own_attribute(rh_runtime *rt, rh_object *o, rh_object *name, int *err) {
    *err = 0;
    rh_object *d = NULL;
    if (o->type->flags & RH_TPFLAG_MANAGED_DICT) {
        rh_managed_dict *md = rh__managed_dict(o);
        rh_object **values = rh__md_values(md);
        if (values) { /* _PyObject_GetInstanceAttribute */
            intptr_t ix = rh__dictkeys_lookup_str(rt, instance_keys(o), name);
            if (ix == RH_DKIX_ERROR) *err = -1;
            return ix >= 0 ? values[ix] : NULL;
        }
        d = md->dict;
    } else if (dict_slot(o)) {
        d = *dict_slot(o);
    }
    if (!d) return NULL;
    rh_object *v = rh_dict_get(rt, d, name);
    if (!v && rh_err_occurred(rt)) *err = -1;
    return v;
}

static rh_object *new_ref(rh_object *o) {
    rh_incref(o);
    return o;
}

static rh_object *type_getattr(rh_runtime *rt, rh_object *o, rh_object *name) {
    rh_type *t = (rh_type *)(void *)o;
    if (str_is(rt, name, "__name__"))
        return t->name_obj ? new_ref(t->name_obj) : rh_str_from_cstr(rt, t->name);
    if (t->mro && !(t->flags & RH_TPFLAG_CLASSIC) && str_is(rt, name, "__mro__")) return new_ref(t->mro);
    if (t->bases && str_is(rt, name, "__bases__")) return new_ref(t->bases);
    if (t->dict && str_is(rt, name, "__dict__")) return rh_class_dict(rt, o); /* type's own __dict__ getset */
    rh_object *attr = rh_class_lookup(rt, o, name);
    if (attr && binds_itself(attr)) return rh_descr_get(rt, attr, NULL, o); /* type_getattro */
    if (attr) return new_ref(attr);
    return rh_err_occurred(rt) ? NULL : no_attribute(rt, o, name);
}

rh_object *rh_getattr(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (!rh__is_str(name)) {
        rh_err_set(rt, RH_EXC_TYPE, "attribute name must be string, not '%s'", rh_type_name(name));
        return NULL;
    }
    rh_getattrofunc f = o->type->tp_getattro;
    return f ? f(rt, o, name) : no_attribute(rt, o, name);
}

rh_object *rh_descr_get(rh_runtime *rt, rh_object *descr, rh_object *obj, rh_object *type) {
    rh_incref(descr);
    rh_object *r = descr->type->tp_descr_get(rt, descr, obj, type);
    rh_decref(rt, descr);
    return r;
}

/* tp_descr_set(descr, obj, v) with descr held for the call (_PyObject_GenericSetAttrWithDict). 0 or -1. */
static int descr_set(rh_runtime *rt, rh_object *descr, rh_object *obj, rh_object *v) {
    rh_incref(descr);
    int rc = descr->type->tp_descr_set(rt, descr, obj, v);
    rh_decref(rt, descr);
    return rc;
}

/* PyObject_GenericGetAttr's two descriptor cases: a data descriptor (PyDescr_IsData: its type has
 * tp_descr_set — a property, an instance of a class defining __set__ or __delete__) wins over the
 * instance's own attribute, read through tp_descr_get when it has one and replaced through tp_descr_set;
 * another descriptor (staticmethod, classmethod, a class defining only __get__) binds when the instance
 * has none. A plain function is the exception: the embedder binds it (or calls it without a bound
 * method, as LOAD_METHOD does), so it is returned as it is. The __dict__/__weakref__ getsets are handled
 * before (rh__descr_kind). */
static int is_data_descr(rh_object *attr) { return attr->type->tp_descr_set && !rh__descr_kind(attr); }
/* py27: a classic instance (classobject.c instance_getattr2 / instance_setattr) reads its dict first and
 * binds a class attribute through tp_descr_get after it; assignment always goes to the dict: no data
 * descriptor precedence */
static int is_classic_instance(const rh_object *o) { return (o->type->flags & RH_TPFLAG_CLASSIC) != 0; }
static int binds_itself(rh_object *attr) {
    return attr->type->tp_descr_get && attr->type->kind != RH_K_FUNCTION;
}

/* object's tp_getattro (PyObject_GenericGetAttr as refheap models it): instances of classes look in
 * their slots, __dict__ and class; other objects have no attributes the library knows */
static rh_object *object_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (!rh__is_heap_class((rh_object *)o->type)) return no_attribute(rt, o, name);
    if (str_is(rt, name, "__class__")) return new_ref((rh_object *)o->type);
    if (str_is(rt, name, "__dict__") && ((o->type->flags & RH_TPFLAG_MANAGED_DICT) || dict_slot(o)))
        return rh_instance_dict(rt, o);
    rh_object *attr;
    size_t off;
    int err, found = type_lookup(rt, o->type, name, &attr, &off);
    if (found < 0) return NULL;
    if (off) { /* member descriptor */
        rh_object *v = *slot_at(o, off);
        return v ? new_ref(v) : no_attribute(rt, o, name);
    }
    if (attr && rh__descr_kind(attr) == RH_DESCR_WEAKREF) { /* data descriptor: subtype_getweakref */
        rh_weakref **wl = rh__weakref_listptr(o);
        return new_ref(wl && *wl ? (rh_object *)*wl : rh_none(rt));
    }
    if (attr && rh__descr_kind(attr) == RH_DESCR_DICT) return rh_instance_dict(rt, o);
    if (attr && attr->type->tp_descr_get && is_data_descr(attr) && !is_classic_instance(o))
        return rh_descr_get(rt, attr, o, (rh_object *)o->type);
    rh_object *v = own_attribute(rt, o, name, &err);
    if (err) return NULL;
    if (v) return new_ref(v);
    if (attr && binds_itself(attr)) return rh_descr_get(rt, attr, o, (rh_object *)o->type);
    if (attr) return new_ref(attr);
    return no_attribute(rt, o, name);
}

rh_object *rh__object_getattro(rh_runtime *rt, rh_object *o, rh_object *name) { return object_getattro(rt, o, name); }

/* _PyObject_StoreInstanceAttribute (v NULL: delete) */
static int store_in_values(rh_runtime *rt, rh_object *o, rh_managed_dict *md, rh_object *name, rh_object *v) {
    rh_dictkeys *k = instance_keys(o);
    rh_object **values = rh__md_values(md);
    intptr_t ix = rh__dictkeys_insert_str(rt, k, name);
    if (ix == RH_DKIX_EMPTY) { /* the shared keys are full: this instance gets a real dict */
        rh_object *d = rh__dict_from_values(rt, k, values);
        if (!d) return -1;
        md->dict = d; /* replaces the values word */
        return rh__dict_setdel(rt, d, name, v);
    }
    rh_object *old = values[ix];
    rh_xincref(v);
    values[ix] = v;
    if (!old) {
        if (!v) {
            no_attribute(rt, o, name);
            return -1;
        }
        rh__values_order_add(values, (size_t)ix);
    } else {
        if (!v) rh__values_order_del(values, (size_t)ix);
        rh_decref(rt, old);
    }
    return 0;
}

/* ---------------------------------------------------------------- an interpreter's inline caches */

uint64_t rh_types_epoch(const rh_runtime *rt) { return rt->type_epoch; }

/* A class whose __getattribute__/__getattr__/__setattr__/__delattr__ is Python code answers through its
 * slot wrapper every time: none of the caches below applies to its instances. */
static int generic_attributes(const rh_type *t) {
    return t->tp_getattro == object_getattro && t->tp_setattro == object_setattro;
}

/* Whether getattr(o, name) reads o's own attributes: a managed-dict instance of a class with the generic
 * attribute protocol and no data descriptor of that name (no error left set). */
static int reads_own_attribute(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (!(o->type->flags & RH_TPFLAG_MANAGED_DICT) || !rh__is_heap_class((rh_object *)o->type)) return 0;
    if (!generic_attributes(o->type) || !rh__is_str(name)) return 0;
    rh_object *attr;
    size_t off;
    int found = type_lookup(rt, o->type, name, &attr, &off);
    if (found < 0) { rh_err_clear(rt); return 0; }
    /* a data descriptor on the class decides, not the instance's values */
    return !(off || (attr && (rh__descr_kind(attr) == RH_DESCR_WEAKREF || rh__descr_kind(attr) == RH_DESCR_DICT ||
                              attr->type->tp_descr_set)));
}

intptr_t rh_instance_value_index(rh_runtime *rt, rh_object *o, rh_object *name, const void **keys) {
    if (!reads_own_attribute(rt, o, name) || !rh__md_values(rh__managed_dict(o))) return -1;
    intptr_t ix = rh__dictkeys_lookup_str(rt, instance_keys(o), name);
    if (ix < 0) { rh_err_clear(rt); return -1; }
    *keys = instance_keys(o);
    return ix;
}

size_t rh_instance_slot_offset(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (!rh__is_heap_class((rh_object *)o->type) || !generic_attributes(o->type) || !rh__is_str(name)) return 0;
    rh_object *attr;
    size_t off = 0;
    if (type_lookup(rt, o->type, name, &attr, &off) < 0) { rh_err_clear(rt); return 0; }
    return off;
}

void rh_instance_slot_replace(rh_runtime *rt, rh_object *o, size_t off, rh_object *v) {
    rh_incref(v);
    rh_setref(rt, slot_at(o, off), v);
}

rh_object *rh_instance_value_cached(const rh_object *o, const void *keys, intptr_t ix) {
    if (!(o->type->flags & RH_TPFLAG_MANAGED_DICT) || instance_keys((rh_object *)o) != keys) return NULL;
    rh_object **values = rh__md_values(rh__managed_dict((rh_object *)o));
    return values ? values[ix] : NULL;
}

intptr_t rh_instance_dict_hint(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (!reads_own_attribute(rt, o, name)) return -1;
    rh_managed_dict *md = rh__managed_dict(o);
    return rh__md_dict(md) ? rh__dict_hint(rt, md->dict, name) : -1;
}

rh_object *rh_instance_dict_hinted(rh_object *o, rh_object *name, intptr_t hint) {
    if (!(o->type->flags & RH_TPFLAG_MANAGED_DICT)) return NULL;
    rh_managed_dict *md = rh__managed_dict(o);
    return rh__md_dict(md) ? rh__dict_hinted(md->dict, name, hint) : NULL;
}

int rh_instance_dict_hint_replace(rh_runtime *rt, rh_object *o, rh_object *name, intptr_t hint, rh_object *v) {
    if (!(o->type->flags & RH_TPFLAG_MANAGED_DICT) || !generic_attributes(o->type)) return 0;
    rh_managed_dict *md = rh__managed_dict(o);
    return rh__md_dict(md) ? rh__dict_hint_replace(rt, md->dict, name, hint, v) : 0;
}

int rh_instance_method_state(rh_runtime *rt, rh_object *o, rh_object *name, const void **keys, intptr_t *nentries) {
    if (!(o->type->flags & RH_TPFLAG_MANAGED_DICT) || !rh__is_heap_class((rh_object *)o->type)) return 0;
    if (!generic_attributes(o->type) || !rh__is_str(name)) return 0;
    rh_managed_dict *md = rh__managed_dict(o);
    if (!md->dict) { /* no attributes of its own yet (a built-in type's subclass: tp_new made none) */
        *keys = NULL;
        *nentries = -1;
        return 1;
    }
    if (!rh__md_values(md)) return 0;
    rh_dictkeys *k = instance_keys(o);
    intptr_t ix = rh__dictkeys_lookup_str(rt, k, name);
    if (ix != RH_DKIX_EMPTY) { rh_err_clear(rt); return 0; }
    *keys = k;
    *nentries = k->dk_nentries;
    return 1;
}

int rh_instance_state_same(const rh_object *o, const void *keys, intptr_t nentries) {
    if (!(o->type->flags & RH_TPFLAG_MANAGED_DICT)) return 0;
    if (!keys) return !rh__managed_dict((rh_object *)o)->dict; /* neither values nor a dict */
    const rh_dictkeys *k = instance_keys((rh_object *)o);
    return k == keys && k->dk_nentries == nentries && rh__md_values(rh__managed_dict((rh_object *)o)) != NULL;
}

int rh_instance_value_replace(rh_runtime *rt, rh_object *o, const void *keys, intptr_t ix, rh_object *v) {
    if (!(o->type->flags & RH_TPFLAG_MANAGED_DICT) || instance_keys(o) != keys) return 0;
    if (!generic_attributes(o->type)) return 0;
    rh_object **values = rh__md_values(rh__managed_dict(o));
    if (!values) return 0;
    rh_object *old = values[ix];
    rh_incref(v);
    values[ix] = v;
    /* store_in_values with the key already in the shared keys: a new attribute joins the insertion
     * order (STORE_ATTR_INSTANCE_VALUE's _PyDictValues_AddToInsertionOrder), a present one is replaced */
    if (!old) rh__values_order_add(values, (size_t)ix);
    else rh_decref(rt, old);
    return 1;
}

static int instance_setattr(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    rh_object *attr;
    size_t off;
    if (type_lookup(rt, o->type, name, &attr, &off) < 0) return -1;
    if (off) { /* member descriptor: PyMember_SetOne */
        rh_object **slot = slot_at(o, off);
        if (!v && !*slot) { /* T_OBJECT_EX delete of an empty member: the message is the bare name */
            rh_err_set(rt, RH_EXC_ATTRIBUTE, "%s", str_cstr(rt, name));
            return -1;
        }
        rh_xincref(v);
        rh_setref(rt, slot, v);
        return 0;
    }
    if (attr && is_data_descr(attr) && !is_classic_instance(o))
        return descr_set(rt, attr, o, v); /* a property, a class's __set__ */
    if (attr && rh__descr_kind(attr) == RH_DESCR_WEAKREF) { /* getset without a setter */
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "attribute '__weakref__' of '%s' objects is not writable",
                   rh_type_name(o));
        return -1;
    }
    rh_object **dslot = NULL;
    int rc;
    if (o->type->flags & RH_TPFLAG_MANAGED_DICT) {
        rh_managed_dict *md = rh__managed_dict(o);
        if (rh__md_values(md)) return store_in_values(rt, o, md, name, v);
        dslot = &md->dict;
    } else {
        dslot = dict_slot(o);
    }
    if (!dslot) {
        if (attr)
            rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object attribute '%s' is read-only", rh_type_name(o),
                       str_cstr(rt, name));
        else no_attribute(rt, o, name);
        return -1;
    }
    if (!*dslot) { /* _PyObjectDict_SetItem: a dict sharing the class's keys */
        rh_dictkeys *k = instance_keys(o);
        if (!(*dslot = k ? rh__dict_new_shared(rt, k) : rh_dict_new(rt))) return -1;
    }
    rc = rh__dict_setdel(rt, *dslot, name, v);
    if (rc < 0 && rh_err_occurred(rt) == RH_EXC_KEY) no_attribute_to_delete(rt, o, name);
    return rc;
}

static void no_attribute_to_delete(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (rt->profile->delattr_missing_name_only) rh_err_set(rt, RH_EXC_ATTRIBUTE, "%s", str_cstr(rt, name));
    else no_attribute(rt, o, name);
}

/* type_set_name / type_set_qualname: C.__name__ and (3.x) C.__qualname__ are the class's own fields, not
 * entries of its dict; a str only, never deleted (2.7's messages under py27). 0, or -1 with TypeError. */
static int set_type_name(rh_runtime *rt, rh_type *t, rh_object *attr, rh_object *v) {
    int qual = str_is(rt, attr, "__qualname__"), py2 = rt->profile->python2;
    const char *an = qual ? "__qualname__" : "__name__";
    if (!v) {
        if (py2) rh_err_set(rt, RH_EXC_TYPE, "can't delete %s.__name__", t->name);
        else rh_err_set(rt, RH_EXC_TYPE, "cannot delete '%s' attribute of immutable type '%s'", an, t->name);
        return -1;
    }
    if (!rh__is_str(v)) {
        rh_err_set(rt, RH_EXC_TYPE, "can only assign string to %s.%s, not '%s'", t->name, an, rh_type_name(v));
        return -1;
    }
    rh_incref(v);
    if (qual) {
        rh_setref(rt, &t->qualname_obj, v);
        return 0;
    }
    rh_object *old = t->name_obj;
    if (!py2 && !t->qualname_obj) rh_incref(t->qualname_obj = old); /* the qualname stays the old name */
    t->name_obj = v;
    t->name = str_cstr(rt, v);
    rh_xdecref(rt, old);
    return 0;
}

/* type_setattro on classes: a data descriptor on the metaclass's MRO decides (type_setattro goes
 * through _PyObject_GenericSetAttrWithDict), else __name__/__qualname__, else the namespace dict, then the
 * __del__ flag */
static int class_setattr(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    rh_type *t = (rh_type *)(void *)o;
    if (rh__is_heap_class((rh_object *)o->type)) {
        rh_object *attr;
        size_t off;
        if (type_lookup(rt, o->type, name, &attr, &off) < 0) return -1;
        if (attr && !off && is_data_descr(attr)) return descr_set(rt, attr, o, v);
    }
    if (!(t->flags & RH_TPFLAG_HEAPTYPE)) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot set '%s' attribute of immutable type '%s'", str_cstr(rt, name),
                   t->name);
        return -1;
    }
    if (!(t->flags & RH_TPFLAG_CLASSIC) && t->name_obj &&
        (str_is(rt, name, "__name__") || (!rt->profile->python2 && str_is(rt, name, "__qualname__"))))
        return set_type_name(rt, t, name, v);
    int abstract = 0; /* type_set_abstractmethods: the flag follows the value's truth (none on delete) */
    if (v && str_is(rt, name, "__abstractmethods__") && (abstract = rh_truthy(rt, v)) < 0) return -1;
    int rc = rh__dict_setdel(rt, t->dict, name, v);
    rh__types_modified(rt);
    if (rc == 0 && str_is(rt, name, "__abstractmethods__"))
        t->flags = abstract ? t->flags | RH_TPFLAG_IS_ABSTRACT : t->flags & ~RH_TPFLAG_IS_ABSTRACT;
    if (rc < 0 && rh_err_occurred(rt) == RH_EXC_KEY) no_attribute_to_delete(rt, o, name);
    if (rc == 0 && str_is(rt, name, "__del__")) update_del_flags(rt, t);
    /* update_slot: only a slotdefs name changes a slot (cls.__slotnames__ = [] keeps a namedtuple's C repr) */
    if (rc == 0 && is_dunder(rt, name) && rh_special_method_dispatched(str_cstr(rt, name))) class_update_slots(rt, t);
    return rc;
}

/* object's tp_setattro (PyObject_GenericSetAttr as refheap models it) */
static int object_setattro(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    if (!rh__is_heap_class((rh_object *)o->type)) {
        no_attribute(rt, o, name);
        return -1;
    }
    return instance_setattr(rt, o, name, v);
}

int rh__object_setattro(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    return object_setattro(rt, o, name, v);
}

static int setattr_common(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    if (!rh__is_str(name)) {
        rh_err_set(rt, RH_EXC_TYPE, "attribute name must be string, not '%s'", rh_type_name(name));
        return -1;
    }
    rh_setattrofunc f = o->type->tp_setattro;
    if (f) return f(rt, o, name, v);
    no_attribute(rt, o, name);
    return -1;
}

int rh_setattr(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    return setattr_common(rt, o, name, v);
}
int rh_delattr(rh_runtime *rt, rh_object *o, rh_object *name) { return setattr_common(rt, o, name, NULL); }

/* ---------------------------------------------------------------- object's and type's slots */

/* object_repr: "<mod.C object at 0x...>" for instances of classes, mod the class's __module__ as it is now
 * (type_module; a class made without one, through the library's API, shows __main__); a __module__ that is
 * no str or is "builtins" (2.7: "__builtin__") gives "<C object at 0x...>". 2.7's instance_repr for classic
 * instances; "<T object at 0x...>" for the rest. */
static int object_repr_into(rh__sb *b, rh_object *o) {
    const void *p = o;
    const rh_type *t = o->type;
    if (t->flags & RH_TPFLAG_CLASSIC) return rh__sb_printf(b, "<__main__.%s instance at %p>", rh_type_name(o), p);
    if (!(t->flags & RH_TPFLAG_HEAPTYPE)) return rh__sb_printf(b, "<%s object at %p>", rh_type_name(o), p);
    rh_object *mod = t->dict ? dict_find_cstr(b->rt, t->dict, "__module__") : NULL;
    int named = !mod || (rh__is_str(mod) && !rh_str_eq_cstr(mod, b->rt->profile->python2 ? "__builtin__" : "builtins"));
    if (!named) return rh__sb_printf(b, "<%s object at %p>", t->name, p);
    if (rh__sb_putc(b, '<') || (mod ? rh__sb_put_str(b, mod) : rh__sb_puts(b, "__main__")) || rh__sb_putc(b, '.') ||
        (t->qualname_obj ? rh__sb_put_str(b, t->qualname_obj) : rh__sb_puts(b, t->name)))
        return -1;
    return rh__sb_printf(b, " object at %p>", p);
}

rh_object *rh_object_repr(rh_runtime *rt, rh_object *o) {
    rh__sb b;
    rh__sb_init(&b, rt);
    if (object_repr_into(&b, o) != 0) {
        if (b.failed && !rh_err_occurred(rt)) rh_err_nomemory(rt);
        rh__sb_free(&b);
        return NULL;
    }
    return rh__sb_finish(&b);
}

/* object_str: str() is repr() (through the type's tp_repr, which may be a class's __repr__) */
static rh_object *object_str(rh_runtime *rt, rh_object *o) { return rh_repr(rt, o); }

static int64_t object_hash(rh_runtime *rt, rh_object *o) { return rh__hash_pointer(o); }

/* object_richcompare: == is identity, != inverts the type's own == (unless NotImplemented), the rest is
 * NotImplemented */
static rh_object *object_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (op == RH_CMP_EQ) return a == b ? rh_bool(rt, 1) : rh__notimpl(rt);
    if (op != RH_CMP_NE || !a->type->tp_richcompare) return rh__notimpl(rt);
    rh_object *r = a->type->tp_richcompare(rt, a, b, RH_CMP_EQ);
    if (!r || r == rh_notimplemented(rt)) return r;
    int t = r == rh_true(rt) ? 1 : r == rh_false(rt) ? 0 : rh_truthy(rt, r);
    rh_decref(rt, r);
    return t < 0 ? NULL : rh_bool(rt, !t);
}

/* object_new: the instance without attributes (rh_instance_new); arguments are tp_init's business */
static rh_object *object_new(rh_runtime *rt, rh_type *type, rh_object *const *args, size_t nargs) {
    return rh_instance_new(rt, &type->ob.ob);
}

/* type_repr (3.x), type_repr of 2.7 ("<type 'int'>") and class_repr of 2.7's classic classes */
static int type_repr_into(rh__sb *b, rh_object *o) {
    const rh_type *t = (const rh_type *)o;
    if (t->flags & RH_TPFLAG_CLASSIC) return rh__sb_printf(b, "<class __main__.%s at %p>", t->name, (void *)o);
    if (!(t->flags & RH_TPFLAG_HEAPTYPE) && b->rt->profile->python2) /* 2.7's exception types are "exceptions.X" */
        return rh__sb_printf(b, "<type '%s%s'>", rh_is_exc_class(o) ? "exceptions." : "", t->name);
    if (t->flags & RH_TPFLAG_HEAPTYPE) { /* type_module: the class's __module__ (a str), "builtins" left out;
                                          * a class made without one (the library's API) shows __main__ */
        rh_object *mod = t->dict ? dict_find_cstr(b->rt, t->dict, "__module__") : NULL;
        int named = !mod || (rh__is_str(mod) && !rh_str_eq_cstr(mod, "builtins"));
        if (rh__sb_puts(b, "<class '") ||
            (named && ((mod ? rh__sb_put_str(b, mod) : rh__sb_puts(b, "__main__")) || rh__sb_putc(b, '.'))) ||
            (t->qualname_obj ? rh__sb_put_str(b, t->qualname_obj) : rh__sb_puts(b, t->name)))
            return -1;
        return rh__sb_puts(b, "'>");
    }
    return rh__sb_printf(b, "<class '%s'>", t->name);
}

/* str() of a type: its repr, but 2.7's class_str of a classic class is "module.name" (the __module__ str;
 * the bare name when there is none) */
static rh_object *type_str(rh_runtime *rt, rh_object *o) {
    const rh_type *t = (const rh_type *)o;
    if (!(t->flags & RH_TPFLAG_CLASSIC)) return rh_repr(rt, o);
    rh_object *mod = t->dict ? dict_find_cstr(rt, t->dict, "__module__") : NULL;
    rh__sb b;
    rh__sb_init(&b, rt);
    if (mod && rh__is_str(mod)) {
        rh__sb_put_str(&b, mod);
        rh__sb_putc(&b, '.');
    }
    rh__sb_puts(&b, t->name);
    return rh__sb_finish(&b);
}

/* type_call: tp_new, then tp_init when the new object is an instance of the class */
static rh_object *type_call(rh_runtime *rt, rh_object *cls, rh_object *const *args, size_t nargs) {
    rh_type *t = (rh_type *)(void *)cls;
    if (!t->tp_new) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot create '%s' instances", t->name);
        return NULL;
    }
    rh_object *o = t->tp_new(rt, t, args, nargs);
    if (!o || o->type != t) return o;
    if (t->tp_init) {
        if (t->tp_init(rt, o, args, nargs) < 0) {
            rh_decref(rt, o);
            return NULL;
        }
    } else if (nargs) { /* object_init with arguments and no __init__ */
        rh_err_set(rt, RH_EXC_TYPE, "%s() takes no arguments", t->name);
        rh_decref(rt, o);
        return NULL;
    }
    return o;
}

/* ---------------------------------------------------------------- slot wrappers (Objects/typeobject.c)
 * A class's special method is data: when the class is made (or a dunder is assigned on it) each slot
 * whose special method is found on the MRO becomes a wrapper that looks the method up again and calls it
 * through rh_hooks.call (fixup_slot_dispatchers / update_one_slot); without the hook nothing changes. */

/* lookup_maybe_method: the special method on the type's MRO (heap classes' namespaces), borrowed.
 * Through the special-method cache (internal.h) unless a class on the way lent its namespace out. */
/* _PyType_Lookup of a special method along t's MRO: the first class defining it; a built-in type on the
 * way that has the slot of its own (str's __hash__ before an Enum mixin's: Lib/enum.py's StrEnum and
 * IntEnum) ends the search with NULL, so the slot t inherited from its base stays. */
static __attribute__((noinline)) rh_object *lookup_special_miss(rh_runtime *rt, rh_type *t, const char *name,
                                                                 rh_special_cache_entry *e) {
    rh_object *v = NULL;
    slotdef_set named = slotdefs_named(name);
    for (size_t i = 0; i < chain_len(t) && !v; i++) {
        rh_object *c = chain_at(t, i);
        if (!rh__is_heap_class(c) && is_type(c) && static_type_defines(rt, (const rh_type *)(void *)c, named)) break;
        if (!rh__is_heap_class(c) || !((rh_type *)(void *)c)->dict) continue;
        v = dict_find_cstr(rt, ((rh_type *)(void *)c)->dict, name);
    }
    *e = (rh_special_cache_entry){t, name, v, rt->type_epoch};
    return v;
}

static inline rh_object *lookup_special(rh_runtime *rt, rh_type *t, const char *name) {
    uintptr_t h = ((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 2) ^ ((uintptr_t)name >> 12);
    rh_special_cache_entry *e = &rt->special_cache[h & (RH_SPECIAL_CACHE_SIZE - 1)];
    if (e->epoch == rt->type_epoch && e->type == t && e->name == name) return e->attr;
    return lookup_special_miss(rt, t, name, e);
}

rh_object *rh_class_special(rh_runtime *rt, rh_object *cls, const char *name) {
    return is_type(cls) ? lookup_special(rt, (rh_type *)(void *)cls, name) : NULL;
}

/* call_method: self.name(*args) with the method found on type(self); *found = 0 (and NULL, no error)
 * when the type has none. A function is called with self first (the unbound-method shortcut), another
 * descriptor is bound with tp_descr_get first. New reference or NULL. */
static rh_object *call_special(rh_runtime *rt, rh_object *self, const char *name, rh_object *const *args,
                               size_t nargs, int *found) {
    rh_object *f = lookup_special(rt, self->type, name), *argv[4], *r;
    *found = f != NULL;
    if (!f) return NULL;
    if (!rt->hooks.call) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "calling %s needs the embedder's call hook", name);
        return NULL;
    }
    rh_assert(nargs <= 3);
    if (f->type->kind == RH_K_FUNCTION && rt->profile->python2) {
        /* 2.7's call_method / half_richcompare: lookup_method binds the function (a method object), the
         * arguments go into a tuple (Py_VaBuildValue, PyTuple_Pack) and PyObject_Call hands both to
         * instancemethod_call (the call_tuple hook); the tuple is dropped before the method */
        rh_object *bound = f->type->tp_descr_get(rt, f, self, (rh_object *)self->type), *t;
        if (!bound) return NULL;
        if (!(t = rh_tuple_new(rt, nargs))) {
            rh_decref(rt, bound);
            return NULL;
        }
        for (size_t i = 0; i < nargs; i++) rh_tuple_set(t, i, (rh_incref(args[i]), args[i]));
        r = rt->hooks.call_tuple ? rt->hooks.call_tuple(rt->hooks.ctx, rt, bound, t)
                                 : rt->hooks.call(rt->hooks.ctx, rt, bound, args, nargs);
        rh_decref(rt, t);
        rh_decref(rt, bound);
        return r;
    }
    if (f->type->kind == RH_K_FUNCTION) {
        argv[0] = self;
        for (size_t i = 0; i < nargs; i++) argv[i + 1] = args[i];
        return rt->hooks.call(rt->hooks.ctx, rt, f, argv, nargs + 1);
    }
    if (f->type->tp_descr_get) {
        rh_object *bound = f->type->tp_descr_get(rt, f, self, (rh_object *)self->type);
        if (!bound) return NULL;
        r = rt->hooks.call(rt->hooks.ctx, rt, bound, args, nargs);
        rh_decref(rt, bound);
        return r;
    }
    return rt->hooks.call(rt->hooks.ctx, rt, f, args, nargs);
}

rh_object *rh_call_special(rh_runtime *rt, rh_object *self, const char *name, rh_object *const *args, size_t nargs,
                           int *found) {
    return call_special(rt, self, name, args, nargs, found);
}

/* vectorcall_maybe: NotImplemented when the method is absent */
static rh_object *call_maybe(rh_runtime *rt, rh_object *self, const char *name, rh_object *const *args, size_t nargs) {
    int found;
    rh_object *r = call_special(rt, self, name, args, nargs, &found);
    return found ? r : rh__notimpl(rt);
}

/* call_special for a method the slot was installed for: its absence now is an AttributeError */
static rh_object *call_required(rh_runtime *rt, rh_object *self, const char *name, rh_object *const *args,
                                size_t nargs) {
    int found;
    rh_object *r = call_special(rt, self, name, args, nargs, &found);
    if (!found) rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", rh_type_name(self), name);
    return r;
}

static rh_object *slot_tp_repr(rh_runtime *rt, rh_object *o) { return call_required(rt, o, "__repr__", NULL, 0); }
static rh_object *slot_tp_str(rh_runtime *rt, rh_object *o) { return call_required(rt, o, "__str__", NULL, 0); }

/* slot_tp_hash: an int result, reduced as hash(int) when it does not fit; -1 becomes -2 */
static int64_t slot_tp_hash(rh_runtime *rt, rh_object *o) {
    rh_object *r = call_required(rt, o, "__hash__", NULL, 0);
    if (!r) return -1;
    if (r->type->kind != RH_K_INT && r->type->kind != RH_K_BOOL) {
        rh_err_set(rt, RH_EXC_TYPE, "__hash__ method should return an integer");
        rh_decref(rt, r);
        return -1;
    }
    int64_t v; /* PyLong_AsSsize_t, or long_hash when the value does not fit */
    if (!rh__int_i64(r, &v)) v = rh__int_hash_obj(r);
    else if (v == -1) v = -2;
    rh_decref(rt, r);
    return v;
}

static const char *const richcmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

/* A slot wrapper whose method the MRO finds only on `object` calls object's wrapper_descriptor
 * (object.__ne__, object.__delattr__ ...): _PyObject_MakeTpCall packs (self, *args) into a tuple, and
 * wrapperdescr_call (Objects/descrobject.c) slices self off into a second one; both live while object's C
 * function runs (so a Python __eq__ reached from object.__ne__ sees them), dropped slice first. */
typedef struct wrapper_call { rh_object *all, *rest; } wrapper_call;

static int wrapper_call_begin(rh_runtime *rt, wrapper_call *w, rh_object *self, rh_object *a1, rh_object *a2) {
    size_t n = a2 ? 2 : 1;
    w->rest = NULL;
    if (!(w->all = a2 ? rh_tuple_pack(rt, 3, self, a1, a2) : rh_tuple_pack(rt, 2, self, a1))) return -1;
    if ((w->rest = a2 ? rh_tuple_pack(rt, n, a1, a2) : rh_tuple_pack(rt, n, a1))) return 0;
    rh_decref(rt, w->all);
    return -1;
}

static void wrapper_call_end(rh_runtime *rt, wrapper_call *w) {
    rh_decref(rt, w->rest);
    rh_decref(rt, w->all);
}

/* slot_tp_richcompare: the method for op, or object's (object.__eq__ ... are on every MRO), called as the
 * wrapper descriptor it is */
static rh_object *slot_tp_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    int found;
    rh_object *r = call_special(rt, a, richcmp_names[op], &b, 1, &found);
    if (found) return r;
    wrapper_call w;
    if (wrapper_call_begin(rt, &w, a, b, NULL) < 0) return NULL;
    r = object_richcompare(rt, a, b, op);
    wrapper_call_end(rt, &w);
    return r;
}

static rh_object *slot_tp_iter(rh_runtime *rt, rh_object *o) { return call_required(rt, o, "__iter__", NULL, 0); }

/* slot_tp_iternext: __next__'s result; a StopIteration it raises stays set (its consumers clear it:
 * rh_iternext, FOR_ITER; next() and `yield from` keep it with its value) */
static rh_object *slot_tp_iternext(rh_runtime *rt, rh_object *o) { return call_required(rt, o, "__next__", NULL, 0); }

/* f(self, *args) through the hook for a method f found on type(self): a function gets self in front of
 * the arguments, another descriptor is bound first, anything else is called as it is. */
static rh_object *call_with_self(rh_runtime *rt, rh_object *f, rh_object *self, rh_object *const *args, size_t nargs) {
    if (f->type->kind != RH_K_FUNCTION) {
        if (!f->type->tp_descr_get) return rt->hooks.call(rt->hooks.ctx, rt, f, args, nargs);
        rh_object *bound = f->type->tp_descr_get(rt, f, self, (rh_object *)self->type);
        if (!bound) return NULL;
        rh_object *r = rt->hooks.call(rt->hooks.ctx, rt, bound, args, nargs);
        rh_decref(rt, bound);
        return r;
    }
    /* _PyObject_Call_Prepend: a small stack array, memory only past it */
    rh_object *small[8], **argv = nargs < 8 ? small : rh_mem_malloc(rt, (nargs + 1) * sizeof *argv);
    if (!argv) return NULL;
    argv[0] = self;
    for (size_t i = 0; i < nargs; i++) argv[i + 1] = args[i];
    rh_object *r = rt->hooks.call(rt->hooks.ctx, rt, f, argv, nargs + 1);
    if (argv != small) rh_mem_free(rt, argv, (nargs + 1) * sizeof *argv);
    return r;
}

/* slot_tp_call: self.__call__(*args) */
static rh_object *slot_tp_call(rh_runtime *rt, rh_object *self, rh_object *const *args, size_t nargs) {
    rh_object *f = lookup_special(rt, self->type, "__call__");
    if (!f || !rt->hooks.call) return call_required(rt, self, "__call__", NULL, 0);
    return call_with_self(rt, f, self, args, nargs);
}

/* call_attribute: attr bound to self first (a function makes a bound method), then called with name;
 * from 3.12 on a function (Py_TPFLAGS_METHOD_DESCRIPTOR) is called unbound, self first */
static rh_object *call_attribute(rh_runtime *rt, rh_object *self, rh_object *attr, rh_object *name) {
    rh_object *bound = NULL, *r;
    if (attr->type->kind == RH_K_FUNCTION && rt->profile->version_hex >= 0x030C)
        return call_with_self(rt, attr, self, &name, 1);
    if (attr->type->tp_descr_get && !(bound = attr->type->tp_descr_get(rt, attr, self, (rh_object *)self->type)))
        return NULL;
    r = rt->hooks.call(rt->hooks.ctx, rt, bound ? bound : attr, &name, 1);
    rh_xdecref(rt, bound);
    return r;
}

/* slot_tp_getattr_hook (a class defining __getattr__): its __getattribute__ when it has one of its own,
 * else object's generic lookup directly; then, when that raised AttributeError, __getattr__. Both are
 * called bound (call_attribute). slot_tp_getattro (only __getattribute__): the method, unbound. */
static rh_object *slot_tp_getattr_hook(rh_runtime *rt, rh_object *self, rh_object *name) {
    rh_object *ga = lookup_special(rt, self->type, "__getattribute__"), *gf, *r;
    if (!rt->hooks.call) return object_getattro(rt, self, name);
    if (!(gf = lookup_special(rt, self->type, "__getattr__"))) return call_with_self(rt, ga, self, &name, 1);
    r = ga ? call_attribute(rt, self, ga, name) : object_getattro(rt, self, name);
    if (r || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return r;
    rh_err_clear(rt);
    return call_attribute(rt, self, gf, name);
}

/* slot_tp_setattro: __setattr__(name, v), or __delattr__(name) when v is NULL; object's wrapper
 * descriptor when the MRO has no such method of its own (object defines both) */
static int slot_tp_setattro(rh_runtime *rt, rh_object *self, rh_object *name, rh_object *v) {
    rh_object *args[2] = {name, v}, *f = lookup_special(rt, self->type, v ? "__setattr__" : "__delattr__"), *r;
    if (!rt->hooks.call) return object_setattro(rt, self, name, v);
    if (!f) {
        wrapper_call w;
        if (wrapper_call_begin(rt, &w, self, name, v) < 0) return -1;
        int rc = object_setattro(rt, self, name, v);
        wrapper_call_end(rt, &w);
        return rc;
    }
    if (!(r = call_with_self(rt, f, self, args, v ? 2 : 1))) return -1;
    rh_decref(rt, r);
    return 0;
}

/* slot_tp_descr_get (Objects/typeobject.c): __get__(self, obj, type) found on type(self) and called as
 * it is, never bound (PyObject_CallFunctionObjArgs on _PyType_Lookup's result: three borrowed arguments
 * on a small stack, no tuple); a NULL obj (looked up on the class: type_getattro) is passed as None.
 * When __get__ has gone from the MRO since the slot was filled the descriptor is itself the value. */
static rh_object *slot_tp_descr_get(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *type) {
    rh_object *get = lookup_special(rt, self->type, "__get__");
    if (!get || !rt->hooks.call) return new_ref(self);
    rh_object *argv[3] = {self, obj ? obj : rh_none(rt), type ? type : rh_none(rt)};
    return rt->hooks.call(rt->hooks.ctx, rt, get, argv, 3);
}

/* slot_tp_descr_set: __set__(self, obj, v), or __delete__(self, obj) when v is NULL, through
 * vectorcall_method (a function is called with self first, another descriptor bound first). Absent, the
 * error is lookup_method's: AttributeError whose message is the bare name ("__delete__"). 0 or -1. */
static int slot_tp_descr_set(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *v) {
    const char *name = v ? "__set__" : "__delete__";
    rh_object *args[2] = {obj, v};
    int found;
    rh_object *r = call_special(rt, self, name, args, v ? 2 : 1, &found);
    if (!found) rh_err_set(rt, RH_EXC_ATTRIBUTE, "%s", name);
    if (!r) return -1;
    rh_decref(rt, r);
    return 0;
}

rh_object *rh_object_generic_getattr(rh_runtime *rt, rh_object *o, rh_object *name) {
    if (!rh__is_str(name)) {
        rh_err_set(rt, RH_EXC_TYPE, "attribute name must be string, not '%s'", rh_type_name(name));
        return NULL;
    }
    return object_getattro(rt, o, name);
}

int rh_object_generic_setattr(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v) {
    if (!rh__is_str(name)) {
        rh_err_set(rt, RH_EXC_TYPE, "attribute name must be string, not '%s'", rh_type_name(name));
        return -1;
    }
    return object_setattro(rt, o, name, v);
}

/* slot_tp_init: __init__ must return None */
static int slot_tp_init(rh_runtime *rt, rh_object *self, rh_object *const *args, size_t nargs) {
    rh_object *f = lookup_special(rt, self->type, "__init__"), *r;
    if (!f || !rt->hooks.call) return 0;
    r = call_with_self(rt, f, self, args, nargs);
    if (!r) return -1;
    int bad = r != rh_none(rt);
    if (bad) rh_err_set(rt, RH_EXC_TYPE, "__init__() should return None, not '%s'", rh_type_name(r));
    rh_decref(rt, r);
    return bad ? -1 : 0;
}

/* slot_tp_finalize: __del__ through the embedder's call_del hook, keeping the pending error and reporting
 * a failure as unraisable (PyObject_CallFinalizer) */
static void slot_tp_finalize(rh_runtime *rt, rh_object *o) {
    if (!rt->hooks.call_del) return;
    rh__saved_err saved;
    rh__err_fetch(rt, &saved);
    if (rt->hooks.call_del(rt->hooks.ctx, rt, o) < 0 || rh_err_occurred(rt)) rh_err_write_unraisable(rt, o);
    rh__err_restore(rt, &saved);
    (void)rh__trash_defer_frame(rt, o); /* py27: deep in the trashcan the frame keeps o alive */
}

/* slot_nb_bool: __bool__ must return a bool */
static int slot_nb_bool(rh_runtime *rt, rh_object *o) {
    rh_object *r = call_required(rt, o, "__bool__", NULL, 0);
    if (!r) return -1;
    int ok = r == rh_true(rt) ? 1 : r == rh_false(rt) ? 0 : -1;
    if (ok < 0) rh_err_set(rt, RH_EXC_TYPE, "__bool__ should return bool, returned %s", rh_type_name(r));
    rh_decref(rt, r);
    return ok;
}

/* slot_sq_length: __len__ must return a non-negative int */
static intptr_t slot_sq_length(rh_runtime *rt, rh_object *o) {
    rh_object *r = call_required(rt, o, "__len__", NULL, 0);
    int64_t n;
    if (!r) return -1;
    int rc = rh_index_value(rt, r, &n);
    rh_decref(rt, r);
    if (rc < 0) return -1;
    if (n < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "__len__() should return >= 0");
        return -1;
    }
    return (intptr_t)n;
}

static rh_object *slot_mp_subscript(rh_runtime *rt, rh_object *o, rh_object *k) {
    return call_required(rt, o, "__getitem__", &k, 1);
}

/* slot_sq_item: __getitem__(i) with i made an int (the sequence iterator's and `in`'s path) */
static rh_object *slot_sq_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    rh_object *k = rh_int_from_i64(rt, i);
    if (!k) return NULL;
    rh_object *r = call_required(rt, o, "__getitem__", &k, 1);
    rh_decref(rt, k);
    return r;
}

/* slot_mp_ass_subscript: __setitem__ or __delitem__ from the MRO; the one no class defines is the built-in
 * base's wrapper descriptor (a dict subclass defining only __delitem__, as Lib's Counter: dict's own
 * dict_ass_sub stores) */
static int slot_mp_ass_subscript(rh_runtime *rt, rh_object *o, rh_object *k, rh_object *v) {
    rh_object *args[2] = {k, v};
    int found;
    rh_object *r = call_special(rt, o, v ? "__setitem__" : "__delitem__", args, v ? 2 : 1, &found);
    if (!found) {
        rh_objobjargproc f = builtin_base(o->type)->as_mapping.mp_ass_subscript;
        if (f && f != slot_mp_ass_subscript) return f(rt, o, k, v);
        rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", rh_type_name(o), v ? "__setitem__" : "__delitem__");
    }
    if (!r) return -1;
    rh_decref(rt, r);
    return 0;
}

static int slot_sq_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    rh_object *r = call_required(rt, o, "__contains__", &v, 1);
    if (!r) return -1;
    int t = rh_truthy(rt, r);
    rh_decref(rt, r);
    return t;
}

#define SLOT_UNARY(fn, NAME) \
    static rh_object *fn(rh_runtime *rt, rh_object *o) { return call_required(rt, o, NAME, NULL, 0); }
SLOT_UNARY(slot_nb_negative, "__neg__")
SLOT_UNARY(slot_nb_positive, "__pos__")
SLOT_UNARY(slot_nb_absolute, "__abs__")
SLOT_UNARY(slot_nb_invert, "__invert__")
SLOT_UNARY(slot_nb_int, "__int__")
SLOT_UNARY(slot_nb_float, "__float__")
SLOT_UNARY(slot_nb_index, "__index__")
#undef SLOT_UNARY

/* SLOT1BINFULL: self.__op__(other), or other.__rop__(self) — the reflected one first when other's class
 * is a proper subclass of self's — each may answer NotImplemented. `off` locates the slot in
 * rh_number_methods and `me` is this wrapper (a slot holding it means "the class defines the method"). */
static int slot_is(const rh_type *t, size_t off, const void *me, size_t size) {
    return memcmp((const char *)&t->as_number + off, me, size) == 0;
}
static rh_object *slot_binary(rh_runtime *rt, rh_object *a, rh_object *b, size_t off, const void *me, size_t size,
                              const char *name, const char *rname) {
    int do_other = a->type != b->type && slot_is(b->type, off, me, size);
    rh_object *r;
    if (slot_is(a->type, off, me, size)) {
        if (do_other && rh__type_is_subtype(b->type, a->type)) {
            if ((r = call_maybe(rt, b, rname, &a, 1)) != rh_notimplemented(rt)) return r;
            rh_decref(rt, r);
            do_other = 0;
        }
        if ((r = call_maybe(rt, a, name, &b, 1)) != rh_notimplemented(rt) || a->type == b->type) return r;
        rh_decref(rt, r);
    }
    if (do_other) return call_maybe(rt, b, rname, &a, 1);
    return rh__notimpl(rt);
}

#define SLOT_BINARY(fn, SLOT, NAME, RNAME)                                                                  \
    static rh_object *fn(rh_runtime *rt, rh_object *a, rh_object *b) {                                      \
        static const rh_binaryfunc me = fn;                                                                  \
        return slot_binary(rt, a, b, offsetof(rh_number_methods, SLOT), &me, sizeof me, NAME, RNAME);        \
    }
SLOT_BINARY(slot_nb_add, nb_add, "__add__", "__radd__")
SLOT_BINARY(slot_nb_subtract, nb_subtract, "__sub__", "__rsub__")
SLOT_BINARY(slot_nb_multiply, nb_multiply, "__mul__", "__rmul__")
SLOT_BINARY(slot_nb_remainder, nb_remainder, "__mod__", "__rmod__")
SLOT_BINARY(slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__")
SLOT_BINARY(slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__")
SLOT_BINARY(slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__")
SLOT_BINARY(slot_nb_and, nb_and, "__and__", "__rand__")
SLOT_BINARY(slot_nb_xor, nb_xor, "__xor__", "__rxor__")
SLOT_BINARY(slot_nb_or, nb_or, "__or__", "__ror__")
SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, "__floordiv__", "__rfloordiv__")
SLOT_BINARY(slot_nb_true_divide, nb_true_divide, "__truediv__", "__rtruediv__")
SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, "__matmul__", "__rmatmul__")
#undef SLOT_BINARY

static rh_object *slot_nb_power(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *mod) {
    static const rh_ternaryfunc me = slot_nb_power;
    return slot_binary(rt, a, b, offsetof(rh_number_methods, nb_power), &me, sizeof me, "__pow__", "__rpow__");
}

/* SLOT1: the in-place forms, NotImplemented when absent */
#define SLOT_INPLACE(fn, NAME) \
    static rh_object *fn(rh_runtime *rt, rh_object *a, rh_object *b) { return call_maybe(rt, a, NAME, &b, 1); }
SLOT_INPLACE(slot_nb_inplace_add, "__iadd__")
SLOT_INPLACE(slot_nb_inplace_subtract, "__isub__")
SLOT_INPLACE(slot_nb_inplace_multiply, "__imul__")
SLOT_INPLACE(slot_nb_inplace_remainder, "__imod__")
SLOT_INPLACE(slot_nb_inplace_lshift, "__ilshift__")
SLOT_INPLACE(slot_nb_inplace_rshift, "__irshift__")
SLOT_INPLACE(slot_nb_inplace_and, "__iand__")
SLOT_INPLACE(slot_nb_inplace_xor, "__ixor__")
SLOT_INPLACE(slot_nb_inplace_or, "__ior__")
SLOT_INPLACE(slot_nb_inplace_floor_divide, "__ifloordiv__")
SLOT_INPLACE(slot_nb_inplace_true_divide, "__itruediv__")
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, "__imatmul__")
#undef SLOT_INPLACE
static rh_object *slot_nb_inplace_power(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *mod) {
    return call_maybe(rt, a, "__ipow__", &b, 1);
}

/* slotdefs: special method name -> the slot it fills and the wrapper that fills it. `where` is the slot
 * table's base (0 type, 1 number, 2 sequence, 3 mapping) and off the slot's offset inside it. */
typedef struct slotdef {
    const char *name;
    int where;
    size_t off;
    void (*wrapper)(void);
} slotdef;
#define TP(slot, fn, name) {name, 0, offsetof(rh_type, slot), (void (*)(void))fn}
#define NBS(slot, fn, name) {name, 1, offsetof(rh_number_methods, slot), (void (*)(void))fn}
#define SQ(slot, fn, name) {name, 2, offsetof(rh_sequence_methods, slot), (void (*)(void))fn}
#define MP(slot, fn, name) {name, 3, offsetof(rh_mapping_methods, slot), (void (*)(void))fn}
static const slotdef slotdefs[] = {
    TP(tp_repr, slot_tp_repr, "__repr__"), TP(tp_str, slot_tp_str, "__str__"), TP(tp_hash, slot_tp_hash, "__hash__"),
    TP(tp_richcompare, slot_tp_richcompare, "__lt__"), TP(tp_richcompare, slot_tp_richcompare, "__le__"),
    TP(tp_richcompare, slot_tp_richcompare, "__eq__"), TP(tp_richcompare, slot_tp_richcompare, "__ne__"),
    TP(tp_richcompare, slot_tp_richcompare, "__gt__"), TP(tp_richcompare, slot_tp_richcompare, "__ge__"),
    TP(tp_iter, slot_tp_iter, "__iter__"), TP(tp_iternext, slot_tp_iternext, "__next__"),
    TP(tp_call, slot_tp_call, "__call__"), TP(tp_init, slot_tp_init, "__init__"),
    TP(tp_getattro, slot_tp_getattr_hook, "__getattribute__"), TP(tp_getattro, slot_tp_getattr_hook, "__getattr__"),
    TP(tp_setattro, slot_tp_setattro, "__setattr__"), TP(tp_setattro, slot_tp_setattro, "__delattr__"),
    TP(tp_descr_get, slot_tp_descr_get, "__get__"), TP(tp_descr_set, slot_tp_descr_set, "__set__"),
    TP(tp_descr_set, slot_tp_descr_set, "__delete__"),
    NBS(nb_add, slot_nb_add, "__add__"), NBS(nb_add, slot_nb_add, "__radd__"),
    NBS(nb_subtract, slot_nb_subtract, "__sub__"), NBS(nb_subtract, slot_nb_subtract, "__rsub__"),
    NBS(nb_multiply, slot_nb_multiply, "__mul__"), NBS(nb_multiply, slot_nb_multiply, "__rmul__"),
    NBS(nb_remainder, slot_nb_remainder, "__mod__"), NBS(nb_remainder, slot_nb_remainder, "__rmod__"),
    NBS(nb_divmod, slot_nb_divmod, "__divmod__"), NBS(nb_divmod, slot_nb_divmod, "__rdivmod__"),
    NBS(nb_power, slot_nb_power, "__pow__"), NBS(nb_power, slot_nb_power, "__rpow__"),
    NBS(nb_lshift, slot_nb_lshift, "__lshift__"), NBS(nb_lshift, slot_nb_lshift, "__rlshift__"),
    NBS(nb_rshift, slot_nb_rshift, "__rshift__"), NBS(nb_rshift, slot_nb_rshift, "__rrshift__"),
    NBS(nb_and, slot_nb_and, "__and__"), NBS(nb_and, slot_nb_and, "__rand__"),
    NBS(nb_xor, slot_nb_xor, "__xor__"), NBS(nb_xor, slot_nb_xor, "__rxor__"),
    NBS(nb_or, slot_nb_or, "__or__"), NBS(nb_or, slot_nb_or, "__ror__"),
    NBS(nb_floor_divide, slot_nb_floor_divide, "__floordiv__"),
    NBS(nb_floor_divide, slot_nb_floor_divide, "__rfloordiv__"),
    NBS(nb_true_divide, slot_nb_true_divide, "__truediv__"), NBS(nb_true_divide, slot_nb_true_divide, "__rtruediv__"),
    NBS(nb_inplace_add, slot_nb_inplace_add, "__iadd__"), NBS(nb_inplace_subtract, slot_nb_inplace_subtract, "__isub__"),
    NBS(nb_inplace_multiply, slot_nb_inplace_multiply, "__imul__"),
    NBS(nb_inplace_remainder, slot_nb_inplace_remainder, "__imod__"),
    NBS(nb_inplace_power, slot_nb_inplace_power, "__ipow__"),
    NBS(nb_inplace_lshift, slot_nb_inplace_lshift, "__ilshift__"),
    NBS(nb_inplace_rshift, slot_nb_inplace_rshift, "__irshift__"), NBS(nb_inplace_and, slot_nb_inplace_and, "__iand__"),
    NBS(nb_inplace_xor, slot_nb_inplace_xor, "__ixor__"), NBS(nb_inplace_or, slot_nb_inplace_or, "__ior__"),
    NBS(nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "__ifloordiv__"),
    NBS(nb_inplace_true_divide, slot_nb_inplace_true_divide, "__itruediv__"),
    /* Objects/typeobject.c slotdefs: BINSLOT("__matmul__", nb_matrix_multiply, ...), RBINSLOT, IBSLOT */
    NBS(nb_matrix_multiply, slot_nb_matrix_multiply, "__matmul__"),
    NBS(nb_matrix_multiply, slot_nb_matrix_multiply, "__rmatmul__"),
    NBS(nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "__imatmul__"),
    NBS(nb_negative, slot_nb_negative, "__neg__"), NBS(nb_positive, slot_nb_positive, "__pos__"),
    NBS(nb_absolute, slot_nb_absolute, "__abs__"), NBS(nb_invert, slot_nb_invert, "__invert__"),
    NBS(nb_bool, slot_nb_bool, "__bool__"), NBS(nb_int, slot_nb_int, "__int__"),
    NBS(nb_float, slot_nb_float, "__float__"), NBS(nb_index, slot_nb_index, "__index__"),
    SQ(sq_length, slot_sq_length, "__len__"), SQ(sq_contains, slot_sq_contains, "__contains__"),
    MP(mp_length, slot_sq_length, "__len__"), MP(mp_subscript, slot_mp_subscript, "__getitem__"),
    SQ(sq_item, slot_sq_item, "__getitem__"),
    MP(mp_ass_subscript, slot_mp_ass_subscript, "__setitem__"),
    MP(mp_ass_subscript, slot_mp_ass_subscript, "__delitem__"),
};
#undef TP
#undef NBS
#undef SQ
#undef MP

static void *slot_address(rh_type *t, const slotdef *d);

#define N_SLOTDEFS (sizeof slotdefs / sizeof slotdefs[0])
_Static_assert(N_SLOTDEFS <= 128, "slotdef_set holds 128 indices");

/* Which slotdefs each special method name has (__len__: sq_length and mp_length): an open-addressing
 * table over the names, built once, as slotdefs never changes. */
#define SLOTDEF_NAMES_CAP 256
static struct { const char *name; slotdef_set set; } slotdef_names[SLOTDEF_NAMES_CAP];
static once_flag slotdef_names_once = ONCE_FLAG_INIT;

static size_t name_hash(const char *s) {
    size_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}
static void slotdef_names_build(void) {
    for (size_t i = 0; i < N_SLOTDEFS; i++) {
        size_t h = name_hash(slotdefs[i].name) & (SLOTDEF_NAMES_CAP - 1);
        while (slotdef_names[h].name && strcmp(slotdef_names[h].name, slotdefs[i].name))
            h = (h + 1) & (SLOTDEF_NAMES_CAP - 1);
        slotdef_names[h].name = slotdefs[i].name;
        slotdef_names[h].set.bits[i / 64] |= (uint64_t)1 << (i % 64);
    }
}
static slotdef_set slotdefs_named(const char *name) {
    call_once(&slotdef_names_once, slotdef_names_build);
    size_t h = name_hash(name) & (SLOTDEF_NAMES_CAP - 1);
    for (; slotdef_names[h].name; h = (h + 1) & (SLOTDEF_NAMES_CAP - 1))
        if (!strcmp(slotdef_names[h].name, name)) return slotdef_names[h].set;
    return (slotdef_set){{0, 0}};
}

/* Whether the built-in type st has a wrapper for a name in its tp_dict (add_operators): one of the name's
 * slots (`named`) that st fills with something else than object's (what a static type inherited from
 * object is not its own) */
static int static_type_defines(rh_runtime *rt, const rh_type *st, slotdef_set named) {
    rh_type *obj = object_type(rt);
    if (st == obj) return 0;
    for (size_t w = 0; w < 2; w++)
        for (uint64_t b = named.bits[w]; b; b &= b - 1) {
            const slotdef *d = &slotdefs[w * 64 + (size_t)__builtin_ctzll(b)];
            void (*fn)(void), (*ofn)(void);
            memcpy(&fn, slot_address((rh_type *)(uintptr_t)st, d), sizeof fn);
            memcpy(&ofn, slot_address(obj, d), sizeof ofn);
            if (fn && fn != ofn) return 1;
        }
    return 0;
}

int rh_special_method_dispatched(const char *name) {
    if (!strcmp(name, "__del__")) return 1; /* tp_finalize, through rh_hooks.call_del */
    slotdef_set s = slotdefs_named(name);
    return (s.bits[0] | s.bits[1]) != 0;
}

static int is_dunder(rh_runtime *rt, rh_object *name) {
    size_t n;
    const char *s = rh_str_utf8(rt, name, &n);
    return s && n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static void *slot_address(rh_type *t, const slotdef *d) {
    char *base = d->where == 0 ? (char *)t
                 : d->where == 1 ? (char *)&t->as_number
                 : d->where == 2 ? (char *)&t->as_sequence : (char *)&t->as_mapping;
    return base + d->off;
}

/* fixup_slot_dispatchers / update_slot: forget every inherited slot, inherit again from the base, then
 * put a wrapper in each slot whose special method the MRO defines (__hash__ = None: unhashable). */
static void class_update_slots(rh_runtime *rt, rh_type *t) {
#define RH_X_ZERO(sig, name) t->name = NULL;
    RH_TYPE_SLOTS(RH_X_ZERO)
#undef RH_X_ZERO
    memset(&t->as_number, 0, sizeof t->as_number);
    memset(&t->as_sequence, 0, sizeof t->as_sequence);
    memset(&t->as_mapping, 0, sizeof t->as_mapping);
    if (t->flags & RH_TPFLAG_HAS_DEL) t->tp_finalize = slot_tp_finalize;
    rh__type_inherit(t);
    if (!rt->hooks.call) return; /* no way to run Python code: object's behaviour for every special method */
    for (size_t i = 0; i < sizeof slotdefs / sizeof slotdefs[0]; i++) {
        const slotdef *d = &slotdefs[i];
        rh_object *m = lookup_special(rt, t, d->name);
        if (!m) continue;
        void (*fn)(void) = d->wrapper;
        if (m == rh_none(rt) && d->where == 0 && d->off == offsetof(rh_type, tp_hash))
            fn = (void (*)(void))rh__hash_not_implemented;
        memcpy(slot_address(t, d), &fn, sizeof fn);
        if (d->where == 0 && d->off == offsetof(rh_type, tp_repr)) t->repr_into = NULL;
    }
}
