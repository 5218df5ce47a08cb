/* t_code.c — code objects as programs see them: a function's __code__ (CPython 3.11 Objects/codeobject.c
 * PyCodeObject, code_dealloc, code_sizeof, code_repr).
 *
 * Owns the type RH_K_CODE: allocation, dealloc, size and repr. What the object describes — the compiled
 * unit, its names and flags — is the embedder's (harness/src/builtins_func.c reads it through
 * rh_code_unit); the library keeps only the strings the repr needs.
 *
 * Invariants: a code object is not a GC type (PyCode_Type has no Py_TPFLAGS_HAVE_GC) and is
 * weak-referenceable (co_weakreflist). Its size is 3.11's: tp_basicsize 184 (offsetof co_code_adaptive)
 * plus two bytes per code unit, rounded up to 8 as _PyObject_VAR_SIZE does; the memory the model
 * allocates for it is that size, so a program that reads many __code__ pays what CPython pays.
 */
#include <stddef.h>

#include "callables.h"
#include "refheap/func.h"

typedef struct rh_code {
    rh_varobject ob;             /* ob_size: the code units */
    void *unit;                  /* the embedder's compiled unit (borrowed; outlives the object) */
    rh_object *name, *filename;  /* co_name, co_filename (counted) */
    rh_object *weakreflist;
    int firstlineno;
} rh_code;

#define CODE_BASICSIZE 184 /* 3.11: offsetof(PyCodeObject, co_code_adaptive) */

static rh_code *C(rh_object *o) { return (rh_code *)(void *)o; }

static size_t code_bytes(intptr_t units) { return ((size_t)CODE_BASICSIZE + 2u * (size_t)units + 7u) & ~(size_t)7; }

rh_object *rh_code_new(rh_runtime *rt, void *unit, size_t units, rh_object *name, rh_object *filename,
                       int firstlineno) {
    size_t size = code_bytes((intptr_t)units);
    rh_code *c = (rh_code *)(void *)rh__object_alloc(rt, rh_builtin_type(rt, RH_K_CODE), size);
    if (!c) return NULL;
    memset((char *)c + sizeof(rh_object), 0, sizeof(rh_code) - sizeof(rh_object));
    c->ob.size = (intptr_t)units;
    c->unit = unit;
    rh_incref(name);
    c->name = name;
    rh_incref(filename);
    c->filename = filename;
    c->firstlineno = firstlineno;
    return &c->ob.ob;
}

void *rh_code_unit(rh_object *code) { return C(code)->unit; }
rh_object *rh_code_filename(rh_object *code) { return C(code)->filename; }

static void code_dealloc(rh_runtime *rt, rh_object *o) {
    if (C(o)->weakreflist) rh__weakref_clear_all(rt, o);
    rh_decref(rt, C(o)->name);
    rh_decref(rt, C(o)->filename);
    rh__object_free(rt, o, code_bytes(C(o)->ob.size));
}

static size_t code_sizeof(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return code_bytes(C(o)->ob.size);
}

/* code_repr: <code object f at 0x..., file "x.py", line 2> */
static int code_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<code object %s at %p, file \"%s\", line %d>", rh_str_utf8(b->rt, C(o)->name, NULL),
                         (void *)o, rh_str_utf8(b->rt, C(o)->filename, NULL), C(o)->firstlineno);
}

void rh__type_init_code(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "code", sizeof(rh_code), offsetof(rh_code, weakreflist), code_dealloc, NULL, NULL);
    t->flags &= ~RH_TPFLAG_GC;
    t->basicsize = CODE_BASICSIZE;
    t->itemsize = 2;
    t->size_of = code_sizeof;
    t->repr_into = code_repr_into;
}
