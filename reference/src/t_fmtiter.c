/* t_fmtiter.c — the iterators of the _string module (Objects/stringlib/unicode_format.h: formatteriterobject,
 * fieldnameiterobject), what string.Formatter parses format strings with.
 *
 * Owns the types RH_K_FORMATTERITER ("formatteriterator", 48 bytes: the header, the str and a SubString
 * {str, start, end} of it) and RH_K_FIELDNAMEITER ("fieldnameiterator", 56 bytes: the same plus the
 * FieldNameIterator's index), their layout, dealloc and registration (types.c). Neither is a GC type (as
 * CPython's: Py_TPFLAGS_DEFAULT). What an item is belongs to the embedder, which parses with its own
 * str.format parser: it installs tp_iternext on both types (until then they are exhausted at once).
 * Invariants: the object holds one counted reference to its str; 0 <= start <= index <= end <= len(str)
 * is kept by the embedder that advances the cursor (rh_fmtiter_cursor).
 */
#include "internal.h"

typedef struct rh_fmtiter {
    rh_object ob;
    rh_object *str;        /* owned */
    rh_object *sub_str;    /* SubString.str: the same str, not counted again */
    int64_t cursor[3];     /* SubString start, end; the field name iterator's index */
} rh_fmtiter;

_Static_assert(offsetof(rh_fmtiter, cursor) + 2 * sizeof(int64_t) == 48, "formatteriterobject is 48 bytes");
_Static_assert(sizeof(rh_fmtiter) == 56, "fieldnameiterobject is 56 bytes");

static size_t fmtiter_size(rh_kind k) { return k == RH_K_FORMATTERITER ? 48 : sizeof(rh_fmtiter); }

rh_object *rh_fmtiter_new(rh_runtime *rt, rh_kind kind, rh_object *str, int64_t start, int64_t end) {
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, kind), fmtiter_size(kind));
    if (!o) return NULL;
    rh_fmtiter *f = (rh_fmtiter *)(void *)o;
    rh_incref(str);
    f->str = f->sub_str = str;
    f->cursor[0] = start;
    f->cursor[1] = end;
    if (kind == RH_K_FIELDNAMEITER) f->cursor[2] = start;
    return o;
}

rh_object *rh_fmtiter_str(rh_object *o) { return ((rh_fmtiter *)(void *)o)->str; }
int64_t *rh_fmtiter_cursor(rh_object *o) { return ((rh_fmtiter *)(void *)o)->cursor; }

static void fmtiter_dealloc(rh_runtime *rt, rh_object *o) {
    rh_decref(rt, ((rh_fmtiter *)(void *)o)->str); /* Py_XDECREF(it->str), then PyObject_Free */
    rh__object_free(rt, o, fmtiter_size(o->type->kind));
}

static rh_object *fmtiter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static rh_object *fmtiter_exhausted(rh_runtime *rt, rh_object *o) {
    (void)rt; (void)o;
    return NULL;
}

static void init_common(rh_type *t, const char *name, size_t size) {
    t->name = name;
    t->flags = 0;
    t->basicsize = size;
    t->dealloc = fmtiter_dealloc;
    t->tp_iter = fmtiter_self;
    t->tp_iternext = fmtiter_exhausted;
}

void rh__type_init_formatteriter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    init_common(t, "formatteriterator", 48);
}

void rh__type_init_fieldnameiter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    init_common(t, "fieldnameiterator", sizeof(rh_fmtiter));
}
