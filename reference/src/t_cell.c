/* t_cell.c — cell objects (PyCellObject, Objects/cellobject.c): the boxes closures share a variable
 * through.
 *
 * Owns the type RH_K_CELL: its layout (24 bytes: the header and ob_ref, plus the GC head, so
 * sys.getsizeof is 40 in 3.x and 56 in 2.7), slots (repr "<cell at 0x..: int object at 0x..>" or
 * "<cell at 0x..: empty>", cell_repr; traverse/clear of ob_ref) and registration (types.c).
 * Invariants: a cell is GC-tracked from PyCell_New to its dealloc; it holds one counted reference to its
 * content or NULL (empty); it is not weak-referenceable (no tp_weaklistoffset). Invariants of every
 * callable/namespace type: callables.h.
 */
#include <stddef.h>

#include "callables.h"

typedef struct rh_cell {
    rh_object ob;
    rh_object *ref;
} rh_cell;

_Static_assert(sizeof(rh_cell) == 24, "PyCellObject is 24 bytes");

static int cell_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_cell *)o)->ref);
    return 0;
}

static int cell_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_cell *)o)->ref);
    return 0;
}

static void cell_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    cell_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_cell));
}

/* PyCell_New: tracked at once */
rh_object *rh_cell_new(rh_runtime *rt, rh_object *v) {
    rh_cell *c = (rh_cell *)new_gc(rt, RH_K_CELL, sizeof(rh_cell));
    if (!c) return NULL;
    rh_xincref(v);
    c->ref = v;
    rh__gc_track(rt, &c->ob);
    return &c->ob;
}

rh_object *rh_cell_get(rh_object *cell) { return ((rh_cell *)cell)->ref; }

/* PyCell_SET as STORE_DEREF / DELETE_DEREF use it: the old content is released after the new is in */
void rh_cell_set(rh_runtime *rt, rh_object *cell, rh_object *v) {
    rh_cell *c = (rh_cell *)cell;
    rh_xincref(v);
    rh_object *old = c->ref;
    c->ref = v;
    rh_xdecref(rt, old);
}

/* cell_repr */
static int cell_repr_into(rh__sb *b, rh_object *o) {
    rh_object *v = ((rh_cell *)o)->ref;
    if (!v) return rh__sb_printf(b, "<cell at %p: empty>", (void *)o);
    return rh__sb_printf(b, "<cell at %p: %s object at %p>", (void *)o, rh_type_name(v), (void *)v);
}

void rh__type_init_cell(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "cell", sizeof(rh_cell), 0, cell_dealloc, cell_traverse, cell_clear);
    t->repr_into = cell_repr_into;
}
