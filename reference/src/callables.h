/* callables.h — what the callable and namespace types share (t_function.c, t_method.c, t_builtin.c,
 * t_module.c, t_iter.c): allocation, clearing, visiting and type set-up.
 *
 * Invariants of all five types: each is a GC type and its objects are tracked from creation until their
 * dealloc untracks them (as PyFunction_New / PyMethod_New / PyCFunction_New / PyModule_New); a cleared
 * object (tp_clear) has NULL in the cleared fields and is still safe to dealloc. Functions, methods,
 * built-in functions and modules are weak-referenceable (weaklistoffset as CPython's); their deallocs
 * clear weakrefs before any field is cleared.
 */
#ifndef RH_CALLABLES_H
#define RH_CALLABLES_H
#include <string.h>

#include "gc_internal.h" /* rh__weakref_clear_all */
#include "internal.h"
#include "scalars.h"
#include "refheap/func.h"

static inline rh_object *new_gc(rh_runtime *rt, rh_kind k, size_t size) {
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, k), size);
    if (o) memset((char *)o + sizeof(rh_object), 0, size - sizeof(rh_object));
    return o;
}

static inline void clear_slot(rh_runtime *rt, rh_object **slot) {
    rh_object *old = *slot;
    *slot = NULL;
    rh_xdecref(rt, old);
}

#define VISIT(x) do { if (x) { int r_ = visit((x), arg); if (r_) return r_; } } while (0)

/* a name held by a function/module (may be NULL after tp_clear) */
static inline int put_name(rh__sb *b, rh_object *name) {
    return name && name->type->kind == RH_K_STR ? rh__sb_put_str(b, name) : rh__sb_putc(b, '?');
}
static inline rh_object *func_qualname(rh_object *f) { return rh_func_qualname(f) ? rh_func_qualname(f) : rh_func_name(f); }

static inline void set_type(rh_type *t, const char *name, size_t size, size_t weakoff,
                     void (*dealloc)(rh_runtime *, rh_object *),
                     int (*traverse)(rh_object *, rh_visitproc, void *), int (*clear)(rh_runtime *, rh_object *)) {
    t->name = name;
    t->flags = RH_TPFLAG_GC;
    t->basicsize = size;
    t->itemsize = 0;
    t->weaklistoffset = weakoff;
    if (weakoff) t->flags |= RH_TPFLAG_WEAKREFABLE;
    t->dealloc = dealloc;
    t->traverse = traverse;
    t->clear = clear;
    t->size_of = NULL;
    t->tp_repr = rh__repr_by_builder;
}


#endif
