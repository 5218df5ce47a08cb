/* t_structseq.c — struct sequences (CPython 3.11 Objects/structseq.c): the runtime's own named tuples,
 * sys.version_info.
 *
 * Owns the struct-sequence types (rt->statics->structseq_types, one per row of RH_STRUCTSEQS below: a
 * static type deriving from tuple, set up by rh__structseq_init after the built-in types), their objects
 * and slots. An object is a tuple in memory (PyStructSequence_New: PyObject_GC_NewVar of the type, never
 * tracked; 2.7's type is no GC type at all, so it has no GC head) whose kind is RH_K_TUPLE: everything a
 * tuple does (indexing, slicing to a plain tuple, comparing with tuples, hashing, iterating, unpacking,
 * index/count) it does with tuple's slots. Its own: the type (type(v) is sys.version_info), the repr
 * "sys.version_info(major=3, ...)" (structseq_repr), the fields as attributes (the type's member
 * descriptors: tp_getattro here) and the dealloc (structseq_dealloc: no tuple freelist). No hidden fields.
 */
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "scalars.h"

/* One struct-sequence type: its tp_name and its field names (all in the sequence). The one list. */
typedef struct structseq_desc {
    const char *name;
    size_t nfields;
    const char *const *fields;
} structseq_desc;

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};

static const structseq_desc structseqs[RH_SS__COUNT] = {
    [RH_SS_VERSION_INFO] = {"sys.version_info", 5, version_info_fields},
};

static const structseq_desc *desc_of(const rh_object *o) { return (const structseq_desc *)o->type->tp_members; }
static rh_object **items(rh_object *o) { return ((rh_tuple *)(void *)o)->item; }

rh_type *rh_structseq_type(rh_runtime *rt, rh_structseq_kind k) { return &rt->statics->structseq_types[k].t; }

/* PyStructSequence_New + the items (borrowed, desc->nfields of them): a new reference, untracked. */
rh_object *rh_structseq_new(rh_runtime *rt, rh_structseq_kind k, rh_object *const *values) {
    rh_type *t = rh_structseq_type(rt, k);
    size_t n = structseqs[k].nfields;
    rh_object *o = rh__object_alloc(rt, t, RH_TUPLE_HEADER + n * sizeof(rh_object *));
    if (!o) return NULL;
    ((rh_varobject *)o)->size = (intptr_t)n;
    for (size_t i = 0; i < n; i++) {
        rh_incref(values[i]);
        items(o)[i] = values[i];
    }
    return o;
}

/* structseq_dealloc: untrack, drop the items, free (a struct sequence never goes to tuple's freelist) */
static void structseq_dealloc(rh_runtime *rt, rh_object *o) {
    size_t n = (size_t)((rh_varobject *)o)->size;
    if (o->type->flags & RH_TPFLAG_GC) rh__gc_untrack(rt, o);
    for (size_t i = n; i-- > 0;) rh_xdecref(rt, items(o)[i]);
    rh__object_free(rt, o, RH_TUPLE_HEADER + n * sizeof(rh_object *));
}

/* structseq_repr: "<tp_name>(field=repr, ...)" */
static int structseq_repr_into(rh__sb *b, rh_object *o) {
    const structseq_desc *d = desc_of(o);
    if (rh__sb_puts(b, o->type->name) || rh__sb_putc(b, '(')) return -1;
    for (size_t i = 0; i < d->nfields; i++)
        if ((i && rh__sb_puts(b, ", ")) || rh__sb_puts(b, d->fields[i]) || rh__sb_putc(b, '=') ||
            rh__repr_into(b, items(o)[i]))
            return -1;
    return rh__sb_putc(b, ')');
}

/* the type's member descriptors (structseq's PyMemberDef per field), then AttributeError */
static rh_object *structseq_getattro(rh_runtime *rt, rh_object *o, rh_object *name) {
    const structseq_desc *d = desc_of(o);
    for (size_t i = 0; i < d->nfields; i++)
        if (rh_str_eq_cstr(name, d->fields[i])) {
            rh_incref(items(o)[i]);
            return items(o)[i];
        }
    rh_err_set(rt, RH_EXC_ATTRIBUTE, "'%s' object has no attribute '%s'", o->type->name, rh_str_utf8(rt, name, NULL));
    return NULL;
}

/* PyStructSequence_InitType2: each type a copy of tuple's (its slots, sizes, header) with its own name,
 * base tuple, no subclassing, no weak references to it yet, the slots above; 2.7's is no GC type. */
void rh__structseq_init(rh_runtime *rt) {
    rh_type *tuple = rh__builtin(rt, RH_K_TUPLE);
    for (int k = 0; k < RH_SS__COUNT; k++) {
        rh_type *t = rh_structseq_type(rt, (rh_structseq_kind)k);
        *t = *tuple;
        t->name = structseqs[k].name;
        t->base = tuple;
        t->weaklist = NULL;
        t->flags &= ~RH_TPFLAG_BASETYPE;
        if (rt->profile->python2) t->flags &= ~RH_TPFLAG_GC;
        t->dealloc = structseq_dealloc;
        t->tp_repr = rh__repr_by_builder;
        t->repr_into = structseq_repr_into;
        t->tp_getattro = structseq_getattro;
        t->tp_members = &structseqs[k];
    }
}
