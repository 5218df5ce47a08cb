/* refheap/typeslots.h — the slot table of a type: what an object does, as function pointers the generic
 * operations (refheap/abstract.h, object.h) dispatch through. Modelled on CPython 3.11's PyTypeObject
 * (Include/cpython/object.h: tp_repr ... tp_finalize, PyNumberMethods, PySequenceMethods,
 * PyMappingMethods), with the runtime passed first to every slot.
 *
 * Ownership, for every slot below: object arguments are borrowed; a slot returning rh_object* returns a
 * new reference, or NULL with the runtime error set (rh_err_set). Binary number slots and tp_richcompare
 * may instead return rh_notimplemented(rt) (a new reference to NotImplemented) to let the other operand
 * try, exactly as CPython's binary_op1 / do_richcompare expect. A NULL slot means "not supported".
 *
 * Inheritance: a built-in type fills the slots it defines; rh_runtime_new then copies every slot still
 * NULL from the nearest base that has it (PyType_Ready's inherit_slots), so `bool` answers with int's
 * number slots and every type answers hash/compare/repr with object's. Classes (heap types) are filled the
 * same way when they are made, then their special methods (__eq__, __add__, __len__, ...) become slot
 * wrappers when the embedder installed a call hook (rh_hooks.call, runtime.h; reference/src/t_class.c).
 * Included by refheap/object.h; not meant to be included alone.
 */
#ifndef REFHEAP_TYPESLOTS_H
#define REFHEAP_TYPESLOTS_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rh_runtime rh_runtime;
typedef struct rh_type rh_type;
typedef struct rh_object rh_object;
struct rh__sb; /* the library's string builder (opaque outside reference/src) */

/* ---- slot signatures (CPython's names without the Py prefix) ---- */
typedef rh_object *(*rh_unaryfunc)(rh_runtime *rt, rh_object *o);
typedef rh_object *(*rh_binaryfunc)(rh_runtime *rt, rh_object *a, rh_object *b);
/* nb_power: a ** b (c is None: the model has no three-argument pow) */
typedef rh_object *(*rh_ternaryfunc)(rh_runtime *rt, rh_object *a, rh_object *b, rh_object *c);
/* nb_bool: 1 true, 0 false, -1 with the error set */
typedef int (*rh_inquiry)(rh_runtime *rt, rh_object *o);
/* sq_length / mp_length: >= 0, or -1 with the error set */
typedef intptr_t (*rh_lenfunc)(rh_runtime *rt, rh_object *o);
/* sq_item (i already adjusted for negative indexes by the caller), sq_repeat */
typedef rh_object *(*rh_ssizeargfunc)(rh_runtime *rt, rh_object *o, intptr_t i);
/* sq_contains: 1, 0, or -1 with the error set */
typedef int (*rh_objobjproc)(rh_runtime *rt, rh_object *o, rh_object *v);
/* mp_ass_subscript: o[k] = v, or del o[k] when v is NULL. 0, or -1 with the error set. No steal. */
typedef int (*rh_objobjargproc)(rh_runtime *rt, rh_object *o, rh_object *k, rh_object *v);
/* tp_repr, tp_str: a new str */
typedef rh_object *(*rh_reprfunc)(rh_runtime *rt, rh_object *o);
/* repr_into (refheap's own slot, built-in types only): append repr(o) to a string builder without making
 * an intermediate str, so a container's repr allocates what it always did. 0, or -1 with the error set. */
typedef int (*rh_reprintofunc)(struct rh__sb *b, rh_object *o);
/* tp_hash: the hash, or -1 with the error set (a real hash of -1 is reported as -2, as CPython does) */
typedef int64_t (*rh_hashfunc)(rh_runtime *rt, rh_object *o);
/* tp_richcompare: op is an rh_cmp_kind (Py_LT..Py_GE); a new reference (any object, NotImplemented
 * included) or NULL with the error set */
typedef rh_object *(*rh_richcmpfunc)(rh_runtime *rt, rh_object *a, rh_object *b, int op);
/* tp_iter: a new iterator. tp_iternext: the next item (new reference), or NULL: exhausted when no error
 * is set (CPython's NULL without StopIteration), failed when one is. */
typedef rh_object *(*rh_getiterfunc)(rh_runtime *rt, rh_object *o);
typedef rh_object *(*rh_iternextfunc)(rh_runtime *rt, rh_object *o);
/* length_hint (refheap's own, built-in iterators: CPython puts __length_hint__ in their tp_methods, e.g.
 * listiter_len): how many items are left, >= 0; -2 for no hint (NotImplemented), -1 with the error set */
typedef int64_t (*rh_hintfunc)(rh_runtime *rt, rh_object *o);
/* tp_call: callable(*args) (vectorcall-style: nargs borrowed positional arguments, no keywords) */
typedef rh_object *(*rh_callfunc)(rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs);
/* tp_getattro: o.name (name a str), new reference or NULL with AttributeError set when absent */
typedef rh_object *(*rh_getattrofunc)(rh_runtime *rt, rh_object *o, rh_object *name);
/* tp_setattro: o.name = v, or del o.name when v is NULL. 0 or -1. No steal. */
typedef int (*rh_setattrofunc)(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v);
/* tp_descr_get: descr.__get__(obj, type) (obj NULL: looked up on the type). New reference or NULL. */
typedef rh_object *(*rh_descrgetfunc)(rh_runtime *rt, rh_object *descr, rh_object *obj, rh_object *type);
/* tp_descr_set: descr.__set__(obj, v), or __delete__ when v is NULL. 0 or -1. No steal. */
typedef int (*rh_descrsetfunc)(rh_runtime *rt, rh_object *descr, rh_object *obj, rh_object *v);
/* tp_new: a new instance of type (new reference or NULL). tp_init: initialise self; 0 or -1. */
typedef rh_object *(*rh_newfunc)(rh_runtime *rt, rh_type *type, rh_object *const *args, size_t nargs);
typedef int (*rh_initproc)(rh_runtime *rt, rh_object *self, rh_object *const *args, size_t nargs);
/* tp_finalize (PEP 442 __del__): called with o resurrected (refcount >= 1) by the dealloc; a failure is
 * reported as unraisable by the slot itself, which leaves no error set. */
typedef void (*rh_finalizefunc)(rh_runtime *rt, rh_object *o);

/* ---- method tables (PyNumberMethods, PySequenceMethods, PyMappingMethods; only what refheap models).
 * Each is an X-macro list X(signature, name) written once: the struct, inheritance (types.c) and the
 * tests that check which slots a type has all expand it. */
#define RH_NUMBER_SLOTS(X)                                                                                 \
    X(rh_binaryfunc, nb_add) X(rh_binaryfunc, nb_subtract) X(rh_binaryfunc, nb_multiply)                 \
    X(rh_binaryfunc, nb_remainder) X(rh_ternaryfunc, nb_power) X(rh_unaryfunc, nb_negative)              \
    X(rh_unaryfunc, nb_positive) X(rh_unaryfunc, nb_absolute) X(rh_inquiry, nb_bool)                     \
    X(rh_unaryfunc, nb_invert) X(rh_binaryfunc, nb_lshift) X(rh_binaryfunc, nb_rshift)                   \
    X(rh_binaryfunc, nb_and) X(rh_binaryfunc, nb_xor) X(rh_binaryfunc, nb_or) X(rh_unaryfunc, nb_int)    \
    X(rh_unaryfunc, nb_float) X(rh_binaryfunc, nb_inplace_add) X(rh_binaryfunc, nb_inplace_subtract)     \
    X(rh_binaryfunc, nb_inplace_multiply) X(rh_binaryfunc, nb_inplace_remainder)                         \
    X(rh_ternaryfunc, nb_inplace_power) X(rh_binaryfunc, nb_inplace_lshift)                              \
    X(rh_binaryfunc, nb_inplace_rshift) X(rh_binaryfunc, nb_inplace_and) X(rh_binaryfunc, nb_inplace_xor) \
    X(rh_binaryfunc, nb_inplace_or) X(rh_binaryfunc, nb_floor_divide) X(rh_binaryfunc, nb_true_divide)   \
    X(rh_binaryfunc, nb_inplace_floor_divide) X(rh_binaryfunc, nb_inplace_true_divide)                   \
    X(rh_unaryfunc, nb_index) X(rh_binaryfunc, nb_matrix_multiply) X(rh_binaryfunc, nb_inplace_matrix_multiply) \
    X(rh_binaryfunc, nb_divmod)

#define RH_SEQUENCE_SLOTS(X)                                                                               \
    X(rh_lenfunc, sq_length) X(rh_binaryfunc, sq_concat) X(rh_ssizeargfunc, sq_repeat)                   \
    X(rh_ssizeargfunc, sq_item) X(rh_objobjproc, sq_contains) X(rh_binaryfunc, sq_inplace_concat)        \
    X(rh_ssizeargfunc, sq_inplace_repeat)

#define RH_MAPPING_SLOTS(X) X(rh_lenfunc, mp_length) X(rh_binaryfunc, mp_subscript) X(rh_objobjargproc, mp_ass_subscript)

/* The slots of struct rh_type itself, beside dealloc/traverse/clear/size_of. repr_into and length_hint
 * are refheap's own (built-in types; NULL for a class whose __repr__ is a slot wrapper). */
#define RH_TYPE_SLOTS(X)                                                                                   \
    X(rh_reprfunc, tp_repr) X(rh_reprintofunc, repr_into) X(rh_reprfunc, tp_str) X(rh_hashfunc, tp_hash) \
    X(rh_richcmpfunc, tp_richcompare) X(rh_getiterfunc, tp_iter) X(rh_iternextfunc, tp_iternext)         \
    X(rh_callfunc, tp_call) X(rh_getattrofunc, tp_getattro) X(rh_setattrofunc, tp_setattro)              \
    X(rh_descrgetfunc, tp_descr_get) X(rh_descrsetfunc, tp_descr_set) X(rh_newfunc, tp_new)              \
    X(rh_initproc, tp_init) X(rh_finalizefunc, tp_finalize)                        \
    X(rh_layoutdata, tp_members) X(rh_hintfunc, length_hint)

/* tp_members: data describing the type's own fields (refheap's stand-in for PyMemberDef tables), read by
 * its slots; inherited like the slots. Exceptions: the profile's field offsets (t_exc.c). */
typedef const void *rh_layoutdata;

#define RH_X_SLOT_FIELD(sig, name) sig name;
typedef struct rh_number_methods { RH_NUMBER_SLOTS(RH_X_SLOT_FIELD) } rh_number_methods;
typedef struct rh_sequence_methods { RH_SEQUENCE_SLOTS(RH_X_SLOT_FIELD) } rh_sequence_methods;
typedef struct rh_mapping_methods { RH_MAPPING_SLOTS(RH_X_SLOT_FIELD) } rh_mapping_methods;

#ifdef __cplusplus
}
#endif
#endif
