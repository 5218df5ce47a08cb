/* refheap/func.h — callable and namespace objects the workload interpreter creates: Python functions,
 * bound methods, built-in functions (with an optional bound self), modules, and a small native "box"
 * (the file object of open()). Library-side types with CPython 3.11's 64-bit sizes, GC-tracked as
 * CPython tracks them, with traverse/clear for the collector (reference/src/t_function.c, t_method.c, t_builtin.c, t_module.c, t_iter.c).
 *
 * Sizes (sys.getsizeof, 3.11): function 152 (PyFunctionObject 136 + GC head), method 64, builtin
 * function 72 (PyCFunctionObject 56 + GC head), module 72 (PyModuleObject 56 + GC head).
 */
#ifndef REFHEAP_FUNC_H
#define REFHEAP_FUNC_H
#include <stdint.h>

#include "refheap/object.h"
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Set up (again) the type objects of RH_K_FUNCTION .. RH_K_FILE (function, method, builtin, module,
 * iterator, file) in this runtime. rh_runtime_new already did (types.c); embedders need not call it. */
void rh_func_types_init(rh_runtime *rt);

/* ---- functions: PyFunctionObject. `code` is the embedder's code pointer (not an object; the embedder
 * keeps it alive longer than every function). globals (dict), name, qualname (str) and defaults (tuple or
 * NULL) are borrowed and get a new reference each. Returns a new, GC-tracked reference. */
rh_object *rh_func_new(rh_runtime *rt, void *code, rh_object *globals, rh_object *name, rh_object *qualname,
                       rh_object *defaults);
void *rh_func_code(rh_object *f);
rh_object *rh_func_globals(rh_object *f);   /* borrowed, may be NULL after tp_clear */
rh_object *rh_func_name(rh_object *f);      /* borrowed str */
rh_object *rh_func_qualname(rh_object *f);  /* borrowed str */
rh_object *rh_func_defaults(rh_object *f);  /* borrowed tuple or NULL */
/* func_closure (a tuple of cells or NULL) and func_kwdefaults (a dict or NULL): borrowed; the setters take
 * a new reference to v (may be NULL) and drop the old value, as func_set_kwdefaults does. */
rh_object *rh_func_closure(rh_object *f);
void rh_func_set_closure(rh_runtime *rt, rh_object *f, rh_object *v);
rh_object *rh_func_kwdefaults(rh_object *f);
void rh_func_set_kwdefaults(rh_runtime *rt, rh_object *f, rh_object *v);
void rh_func_set_defaults(rh_runtime *rt, rh_object *f, rh_object *v);
/* func_annotations (Objects/funcobject.c): NULL, the tuple of name/value pairs MAKE_FUNCTION gave, or
 * the dict __annotations__ made of it. Borrowed; the setter takes a new reference to v (may be NULL). */
rh_object *rh_func_annotations(rh_object *f);
void rh_func_set_annotations(rh_runtime *rt, rh_object *f, rh_object *v);
/* func_doc: borrowed, NULL until set (the embedder sets the docstring or None when it makes the function) */
rh_object *rh_func_doc(rh_object *f);
void rh_func_set_doc(rh_runtime *rt, rh_object *f, rh_object *v);
/* func_set_name / func_set_qualname: v (borrowed, a str: the caller checks) replaces the function's name */
void rh_func_set_name(rh_runtime *rt, rh_object *f, rh_object *v);
void rh_func_set_qualname(rh_runtime *rt, rh_object *f, rh_object *v);
/* The function's __dict__ (func.attr = x): made on first use, as _PyObject_GetDictPtr's caller does.
 * Borrowed, or NULL with MemoryError. rh_func_dict_peek: the dict if it exists yet (borrowed) or NULL. */
rh_object *rh_func_dict(rh_runtime *rt, rh_object *f);
rh_object *rh_func_dict_peek(rh_object *f);
/* func_set_dict: d (borrowed dict; a reference is taken) replaces the function's __dict__ */
void rh_func_set_dict(rh_runtime *rt, rh_object *f, rh_object *d);

/* ---- cells: PyCellObject (Objects/cellobject.c), 24 bytes + GC head, GC-tracked from creation. v (may
 * be NULL: an empty cell) is borrowed; a new reference is taken. */
rh_object *rh_cell_new(rh_runtime *rt, rh_object *v);
rh_object *rh_cell_get(rh_object *cell);    /* borrowed, NULL when empty */
void rh_cell_set(rh_runtime *rt, rh_object *cell, rh_object *v); /* no steal; NULL empties the cell */

/* ---- staticmethod / classmethod (Objects/funcobject.c: sm_callable, sm_dict; 32 bytes + GC head) and
 * property (Objects/descrobject.c: fget, fset, fdel, doc, name; 64 bytes + GC head). Arguments borrowed
 * (NULL or None: absent), new references taken; each returns a new GC-tracked reference. Their
 * tp_descr_get / tp_descr_set are CPython's (sm_descr_get, cm_descr_get, property_descr_get/set); a
 * property's getter/setter/deleter are called through rh_call_object. */
rh_object *rh_staticmethod_new(rh_runtime *rt, rh_object *callable);
rh_object *rh_classmethod_new(rh_runtime *rt, rh_object *callable);
rh_object *rh_funcdescr_callable(rh_object *o); /* borrowed: a staticmethod's or classmethod's function */
rh_object *rh_property_new(rh_runtime *rt, rh_object *fget, rh_object *fset, rh_object *fdel, rh_object *doc);
/* which: 0 fget, 1 fset, 2 fdel, 3 doc, 4 name. Borrowed or NULL. */
rh_object *rh_property_part(rh_object *p, int which);
/* property.getter/setter/deleter (property_copy): a new property with part `which` (0..2) replaced by f,
 * the name carried over. New reference. */
rh_object *rh_property_copy(rh_runtime *rt, rh_object *p, int which, rh_object *f);
/* property.__set_name__: the name used in its error messages (borrowed str; a reference is taken). */
void rh_property_set_name(rh_runtime *rt, rh_object *p, rh_object *name);
/* property.__doc__ = doc (borrowed; a reference is taken, the old doc released) */
void rh_property_set_doc(rh_runtime *rt, rh_object *p, rh_object *doc);
/* _collections._tuplegetter(index, doc) (t_tuplegetter.c): new reference; doc borrowed (counted inside).
 * Its __doc__ is read with rh_tuplegetter_doc (borrowed) and replaced with rh_tuplegetter_set_doc. */
rh_object *rh_tuplegetter_new(rh_runtime *rt, int64_t index, rh_object *doc);
int64_t rh_tuplegetter_index(rh_object *g);
rh_object *rh_tuplegetter_doc(rh_object *g);
void rh_tuplegetter_set_doc(rh_runtime *rt, rh_object *g, rh_object *doc);

/* ---- super (Objects/typeobject.c: superobject, 40 bytes + GC head): super(type, obj) after
 * supercheck (obj an instance or a subclass of type, else TypeError). Borrowed arguments; obj may be
 * NULL (unbound super). Attribute lookup (tp_getattro) walks obj's MRO after `type` and binds with the
 * found attribute's tp_descr_get, as super_getattro. New reference or NULL with the error set. */
rh_object *rh_super_new(rh_runtime *rt, rh_object *type, rh_object *obj);
rh_object *rh_super_obj(rh_object *s);       /* borrowed or NULL */
rh_object *rh_super_obj_type(rh_object *s);  /* supercheck's result: where the MRO walk starts (borrowed or NULL) */
rh_object *rh_super_type(rh_object *s);      /* the type argument: the walk goes past it (borrowed) */

/* ---- bound methods: PyMethodObject. func and self are borrowed (new references taken). */
rh_object *rh_method_new(rh_runtime *rt, rh_object *func, rh_object *self);
rh_object *rh_method_func(rh_object *m);    /* borrowed */
rh_object *rh_method_self(rh_object *m);    /* borrowed */

/* ---- built-in functions: PyCFunctionObject. def is static storage of the embedder; self (borrowed, may
 * be NULL) is the bound object (a module for module functions, the receiver for methods). */
typedef struct rh_builtin_def {
    const char *name;
    void (*fn)(void);    /* the embedder's function, cast to its real signature when called */
    int flags;
} rh_builtin_def;
rh_object *rh_builtin_new(rh_runtime *rt, const rh_builtin_def *def, rh_object *self);
const rh_builtin_def *rh_builtin_get_def(rh_object *b);
rh_object *rh_builtin_self(rh_object *b);   /* borrowed or NULL */

/* ---- code (t_code.c): a function's __code__, PyCodeObject as programs see it. Not GC-tracked,
 * weak-referenceable; sys.getsizeof is 3.11's 184 + 2 per code unit, rounded up to 8. unit is the
 * embedder's compiled unit (borrowed: it must outlive the object); name and filename are borrowed (a
 * reference to each is taken) and make its repr. New reference or NULL (MemoryError). */
rh_object *rh_code_new(rh_runtime *rt, void *unit, size_t units, rh_object *name, rh_object *filename,
                       int firstlineno);
void *rh_code_unit(rh_object *code);
rh_object *rh_code_filename(rh_object *code); /* borrowed */

/* ---- method_descriptor (t_descr.c): a method of a built-in type read from the type (list.append), as
 * PyDescr_NewMethod makes them for tp_dict (Objects/descrobject.c): 56 bytes + GC head, tracked, holding
 * a reference to its type. Its __get__ on an instance of the type (or a subtype) is the built-in method
 * bound to it; on None or the type, the descriptor itself.
 * rh_method_descr_new: type and def borrowed (def: static storage). New reference or NULL.
 * rh_method_descr_check: 0 when obj is an instance of the descriptor's type, else -1 with CPython's
 * TypeError ("descriptor 'append' for 'list' objects doesn't apply to a 'int' object"). */
rh_object *rh_method_descr_new(rh_runtime *rt, rh_type *type, const rh_builtin_def *def);
/* classmethod_descriptor (PyDescr_NewClassMethod: dict.__dict__['fromkeys']): the same 56-byte layout, bound
 * to the type on __get__. type and def borrowed; new reference or NULL. */
rh_object *rh_classmethod_descr_new(rh_runtime *rt, rh_type *type, const rh_builtin_def *def);
/* The getset_descriptor (member 0) or member_descriptor (member 1) of a built-in type's field, as its
 * tp_getset / tp_members put in tp_dict (function.__code__, function.__globals__): 64 bytes with the GC head,
 * tracked; __get__ on an instance reads the field through rh_hooks.getattr. type borrowed; new reference. */
rh_object *rh_builtin_field_descr_new(rh_runtime *rt, rh_type *type, const char *name, int member);
/* Any descriptor of PyDescr_COMMON's layout (getset, member, method, classmethod descriptors): its
 * __objclass__ (d_type) and __name__ (d_name), both borrowed */
rh_type *rh_descr_objclass(rh_object *d);
rh_object *rh_descr_name(rh_object *d);
rh_type *rh_method_descr_type(rh_object *d);               /* borrowed */
const rh_builtin_def *rh_method_descr_def(rh_object *d);
int rh_method_descr_check(rh_runtime *rt, rh_object *d, rh_object *obj);

/* ---- method-wrapper (t_wrapper.c): self.<name> for a special method a slot of self's type answers
 * (__iter__: tp_iter, __next__: tp_iternext, __len__: sq_length/mp_length), as PyWrapper_New binds the
 * type's wrapper_descriptor: 32 bytes + GC head, tracked. Calling it calls the slot (__next__ at the end
 * raises StopIteration). self borrowed. New reference; NULL without an error when the type has no such
 * slot (or name is no such special method), NULL with the error set when the allocation failed. */
rh_object *rh_slot_wrapper_new(rh_runtime *rt, rh_object *self, rh_object *name);
/* ---- wrapper_descriptor (t_wrapper.c): what add_operators puts in built-in type t's dict for the special
 * method `name` when t has that slot of its own (not the same as its tp_base's): `int.__add__`, calling
 * t's slot on an instance of t (`int.__add__(I(3), 1)` runs int's, not the subclass's), bound by __get__
 * to a method-wrapper. 56 bytes + GC head (48 in 2.7), tracked. For a hash slot that is
 * PyObject_HashNotImplemented the dict holds None, returned instead. name borrowed. New reference, made
 * at each call (the caller keeps it as the type dict's entry); NULL without an error when t's dict has no
 * such entry, NULL with MemoryError when the allocation failed. */
rh_object *rh_wrapper_descr_new(rh_runtime *rt, rh_type *t, rh_object *name);
/* A method-wrapper of __call__ (wrap_call, `f.__call__`): its self, borrowed, which a call with keywords goes
 * to directly (wrapper_call passes kwds on); NULL for any other object. */
rh_object *rh_method_wrapper_call_self(rh_object *o);
/* The i-th special method name with a slot wrapper in the profile's version, in slotdefs' order (a name may
 * come twice: __add__ for nb_add and sq_concat; "" for a row the version lacks), NULL past the last */
const char *rh_slot_wrapper_name_at(rh_runtime *rt, size_t i);

/* ---- modules: PyModuleObject with a dict. name is borrowed. New reference, GC-tracked. */
rh_object *rh_module_new(rh_runtime *rt, rh_object *name);
/* A module over an existing namespace dict (borrowed; the module holds a reference), __name__ set in it
 * when missing: the builtins module over the interpreter's builtins dict (_PyBuiltin_Init). */
rh_object *rh_module_new_with_dict(rh_runtime *rt, rh_object *name, rh_object *dict);
rh_object *rh_module_dict(rh_object *m);    /* borrowed */
rh_object *rh_module_name(rh_object *m);    /* borrowed str */

/* ---- iterators: the GC-tracked iterator a `for` loop holds over a list, tuple, str or dict
 * (listiterobject & co., 32 bytes + GC head). seq is borrowed (a new reference is taken); the index is
 * the embedder's cursor. rh_iter_exhaust drops the sequence as CPython's iterators do at their end. */
rh_object *rh_iter_new(rh_runtime *rt, rh_object *seq);
rh_object *rh_iter_seq(rh_object *it);      /* borrowed, NULL once exhausted */
int64_t *rh_iter_index(rh_object *it);
void rh_iter_exhaust(rh_runtime *rt, rh_object *it);
/* Whether o is one of those iterators (kind RH_K_ITER, or list_iterator, tuple_iterator, str_iterator,
 * str_ascii_iterator: the type rh_iter_new chose for its sequence and profile). */
static inline int rh_is_seqiter(const rh_object *o) {
    rh_kind k = o->type->kind;
    return k == RH_K_ITER || (k >= RH_K_LISTITER && k <= RH_K_STRASCIIITER);
}

/* ---- box: the file object (kind RH_K_FILE, reference/src/t_file.c): one object reference and the type
 * name it reprs with (an open() file: "_io.TextIOWrapper" holding the text read). Never GC-tracked.
 * value is borrowed (a new reference taken), type_name is static storage. */
rh_object *rh_box_new(rh_runtime *rt, const char *type_name, rh_object *value);
rh_object *rh_box_value(rh_object *b);      /* borrowed, may be NULL */
void rh_box_set(rh_runtime *rt, rh_object *b, rh_object *value); /* no steal; NULL clears */
const char *rh_box_type_name(rh_object *b);

#ifdef __cplusplus
}
#endif
#endif
