/* t_struct.c — _struct.Struct objects (CPython 3.11 Modules/_struct.c: PyStructObject, s_dealloc,
 * s_traverse, s_clear, s_sizeof, s_repr (3.13)).
 *
 * Owns the kind RH_K_STRUCT: allocation, dealloc, __sizeof__ and repr. Parsing the format and packing
 * (pack, unpack, calcsize...) is the interpreter's (harness/src/mod_struct.c).
 *
 * Invariants: 3.x Structs are GC objects tracked from creation (3.10+ a heap type with Py_TPFLAGS_HAVE_GC;
 * s_traverse visits s_format), weak-referenceable; basic size 56 (head, s_size, s_len, s_codes, s_format,
 * weakreflist) and s_sizeof adds one formatcode per code plus the terminator: 32 bytes each in 3.x
 * (fmtdef, offset, size, repeat), 24 in 2.7 (no repeat), where Struct is no GC type.
 */
#include "callables.h"
#include "refheap/modtypes.h"

static rh_struct *S(rh_object *o) { return (rh_struct *)(void *)o; }
static int is_gc(rh_runtime *rt) { return rt->profile->version_hex >= 0x0300; }

rh_object *rh_struct_new(rh_runtime *rt, rh_object *format, int64_t size, int64_t len, size_t ncodes) {
    rh_object *o = new_gc(rt, RH_K_STRUCT, sizeof(rh_struct));
    if (!o) return NULL;
    rh_incref(format);
    S(o)->s_format = format;
    S(o)->s_size = size;
    S(o)->s_len = len;
    S(o)->s_ncodes = ncodes;
    if (is_gc(rt)) rh__gc_track(rt, o);
    return o;
}

/* s_traverse: the format (a bytes object, no GC object, so nothing is ever reached through it) */
static int struct_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(S(o)->s_format);
    return 0;
}

/* s_dealloc: untrack, clear weakrefs, drop the format, free */
static void struct_dealloc(rh_runtime *rt, rh_object *o) {
    if (is_gc(rt)) rh__gc_untrack(rt, o);
    if (S(o)->weakreflist) rh__weakref_clear_all(rt, o);
    clear_slot(rt, &S(o)->s_format);
    rh__object_free(rt, o, sizeof(rh_struct));
}

/* s_sizeof: the object plus sizeof(formatcode) * (codes + 1) */
static size_t struct_sizeof(rh_runtime *rt, rh_object *o) {
    size_t fc = rt->profile->version_hex >= 0x0300 ? 32 : 24;
    return sizeof(rh_struct) + fc * (S(o)->s_ncodes + 1);
}

/* 3.13's s_repr: Struct('<format>'); before it object.__repr__ (2.7: "<Struct object at 0x...>") */
static int struct_repr_into(rh__sb *b, rh_object *o) {
    if (b->rt->profile->version_hex >= 0x030D)
        return rh__sb_printf(b, "Struct('%s')", rh_bytes_data(S(o)->s_format));
    return rh__sb_printf(b, "<%s object at %p>", b->rt->profile->python2 ? "Struct" : o->type->name, (void *)o);
}

void rh__type_init_struct(rh_runtime *rt, rh_type *t) {
    set_type(t, "_struct.Struct", sizeof(rh_struct), offsetof(rh_struct, weakreflist), struct_dealloc,
             is_gc(rt) ? struct_traverse : NULL, NULL);
    if (!is_gc(rt)) t->flags &= ~RH_TPFLAG_GC;
    t->size_of = struct_sizeof;
    t->repr_into = struct_repr_into;
}
