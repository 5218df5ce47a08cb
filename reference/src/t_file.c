/* t_file.c — the file object open() returns (refheap/func.h: rh_box_*): a native object holding the text
 * read and the type name it reports (_io.TextIOWrapper). CPython's TextIOWrapper is far larger; refheap
 * models only its identity and the one reference it holds.
 *
 * Owns: the file type (RH_K_FILE, "TextIOWrapper"), its layout and slots.
 * Invariants: a file object is a GC type, never tracked (it holds an atomic str or nothing); value is a
 * counted reference or NULL once closed; type_name is static storage of the embedder.
 */
#include "internal.h"
#include "scalars.h"

typedef struct rh_box {
    rh_object ob;
    rh_object *value;
    const char *type_name;
} rh_box;

static int box_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_object *v = ((rh_box *)o)->value;
    return v ? visit(v, arg) : 0;
}

static int box_clear(rh_runtime *rt, rh_object *o) {
    rh_setref(rt, &((rh_box *)o)->value, NULL);
    return 0;
}

static void box_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    box_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_box));
}

/* object_repr with the embedder's type name: "<_io.TextIOWrapper object at 0x...>" */
static int box_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", ((rh_box *)o)->type_name, (void *)o);
}

void rh__type_init_file(rh_runtime *rt, rh_type *t) {
    t->name = "TextIOWrapper";
    t->flags = RH_TPFLAG_GC;
    t->basicsize = sizeof(rh_box);
    t->dealloc = box_dealloc;
    t->traverse = box_traverse;
    t->clear = box_clear;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = box_repr_into;
}

rh_object *rh_box_new(rh_runtime *rt, const char *type_name, rh_object *value) {
    rh_box *b = (rh_box *)rh__object_alloc(rt, rh_builtin_type(rt, RH_K_FILE), sizeof(rh_box));
    if (!b) return NULL;
    b->type_name = type_name;
    b->value = value;
    rh_xincref(value);
    return &b->ob;
}
rh_object *rh_box_value(rh_object *b) { return ((rh_box *)b)->value; }
void rh_box_set(rh_runtime *rt, rh_object *b, rh_object *value) {
    rh_xincref(value);
    rh_setref(rt, &((rh_box *)b)->value, value);
}
const char *rh_box_type_name(rh_object *b) { return ((rh_box *)b)->type_name; }
