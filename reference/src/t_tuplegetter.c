/* t_tuplegetter.c — _collections._tuplegetter, the field descriptors of Lib's namedtuple classes (CPython
 * 3.11 Modules/_collectionsmodule.c: tuplegetterobject, tuplegetter_new_impl, tuplegetter_descr_get,
 * tuplegetter_descr_set, tuplegetter_repr, tuplegetter_members).
 *
 * Owns the type RH_K_TUPLEGETTER: index (Py_ssize_t) and doc, 32 bytes plus the GC head (sys.getsizeof
 * 48), GC-tracked from creation. Read on an instance, the item at index of a tuple (or tuple subclass);
 * read on the class, the descriptor itself; setting or deleting through an instance is refused
 * ("can't set attribute" / "can't delete attribute"). The doc is a counted reference (None when made so).
 */
#include "callables.h"
#include "scalars.h"

typedef struct rh_tuplegetter {
    rh_object ob;
    int64_t index;
    rh_object *doc;
} rh_tuplegetter; /* 32, as tuplegetterobject */

_Static_assert(sizeof(rh_tuplegetter) == 32, "_tuplegetter is 32 bytes");

static int tg_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_tuplegetter *)o)->doc);
    return 0;
}

static int tg_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_tuplegetter *)o)->doc);
    return 0;
}

static void tg_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    tg_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_tuplegetter));
}

/* tuplegetter_new_impl: doc (borrowed) is kept as given */
rh_object *rh_tuplegetter_new(rh_runtime *rt, int64_t index, rh_object *doc) {
    rh_tuplegetter *g = (rh_tuplegetter *)new_gc(rt, RH_K_TUPLEGETTER, sizeof(rh_tuplegetter));
    if (!g) return NULL;
    g->index = index;
    rh_incref(doc);
    g->doc = doc;
    rh__gc_track(rt, &g->ob);
    return &g->ob;
}

int64_t rh_tuplegetter_index(rh_object *g) { return ((rh_tuplegetter *)g)->index; }
rh_object *rh_tuplegetter_doc(rh_object *g) { return ((rh_tuplegetter *)g)->doc; }

/* the writable __doc__ member (tuplegetter_members: T_OBJECT "__doc__") */
void rh_tuplegetter_set_doc(rh_runtime *rt, rh_object *g, rh_object *doc) {
    rh_incref(doc);
    clear_slot(rt, &((rh_tuplegetter *)g)->doc);
    ((rh_tuplegetter *)g)->doc = doc;
}

/* tuplegetter_descr_get: the descriptor itself through the class, else obj[index] of a tuple */
static rh_object *tg_descr_get(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *type) {
    (void)type;
    rh_tuplegetter *g = (rh_tuplegetter *)self;
    if (!obj || obj == rh_none(rt)) {
        rh_incref(self);
        return self;
    }
    if (obj->type->kind != RH_K_TUPLE) {
        rh_err_set(rt, RH_EXC_TYPE, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                   (long long)g->index, rh_type_name(obj));
        return NULL;
    }
    if (g->index < 0 || (size_t)g->index >= rh_tuple_len(obj)) {
        rh_err_set(rt, RH_EXC_INDEX, "tuple index out of range");
        return NULL;
    }
    rh_object *v = rh_tuple_get(obj, (size_t)g->index);
    rh_incref(v);
    return v;
}

/* tuplegetter_descr_set: always refused (a data descriptor, so the instance's slots-less layout holds) */
static int tg_descr_set(rh_runtime *rt, rh_object *self, rh_object *obj, rh_object *value) {
    (void)self;
    (void)obj;
    rh_err_set(rt, RH_EXC_ATTRIBUTE, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

/* tuplegetter_repr: "_tuplegetter(%zd, %R)" — "_tuplegetter(0, 'Alias for field number 0')" */
static rh_object *tg_repr(rh_runtime *rt, rh_object *o) {
    rh_tuplegetter *g = (rh_tuplegetter *)o;
    rh_object *dr = rh_repr(rt, g->doc);
    if (!dr) return NULL;
    rh__sb b;
    rh__sb_init(&b, rt);
    rh__sb_printf(&b, "_tuplegetter(%lld, ", (long long)g->index);
    rh__sb_put_str(&b, dr);
    rh__sb_putc(&b, ')');
    rh_decref(rt, dr);
    return rh__sb_finish(&b);
}

void rh__type_init_tuplegetter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "_collections._tuplegetter", sizeof(rh_tuplegetter), 0, tg_dealloc, tg_traverse, tg_clear);
    t->tp_repr = tg_repr;
    t->tp_descr_get = tg_descr_get;
    t->tp_descr_set = tg_descr_set;
}
