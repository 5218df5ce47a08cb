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

/* ---- modules: PyModuleObject with a dict. name is borrowed. New reference, GC-tracked. */
rh_object *rh_module_new(rh_runtime *rt, rh_object *name);
rh_object *rh_module_dict(rh_object *m);    /* borrowed */
rh_object *rh_module_name(rh_object *m);    /* borrowed str */

/* ---- iterators: the GC-tracked iterator a `for` loop holds over a list, tuple, str or dict
 * (listiterobject & co., 32 bytes + GC head). seq is borrowed (a new reference is taken); the index is
 * the embedder's cursor. rh_iter_exhaust drops the sequence as CPython's iterators do at their end. */
rh_object *rh_iter_new(rh_runtime *rt, rh_object *seq);
rh_object *rh_iter_seq(rh_object *it);      /* borrowed, NULL once exhausted */
int64_t *rh_iter_index(rh_object *it);
void rh_iter_exhaust(rh_runtime *rt, rh_object *it);

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
