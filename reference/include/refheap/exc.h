/* refheap/exc.h — exception objects, traceback objects and frame objects, and the pending error made of them.
 *
 * CPython 3.11's model (Objects/exceptions.c, Python/traceback.c, Objects/frameobject.c, Python/errors.c):
 *  - an exception is an object of a type in the built-in hierarchy (runtime.h RH_EXC_TABLE) or of a class
 *    deriving from one; it holds its args tuple, a __dict__ made on first use, and (3.x) its traceback,
 *    context and cause. Sizes come from the profile (exc_base_size, exc_extra_words, exc_subclass_extra);
 *  - a traceback object links one frame object and a line to the next (inner) traceback;
 *  - a frame object stands for an executing code unit that something needs as an object (a traceback, for
 *    now). While its code runs the frame object borrows the executor's locals; when the code unit
 *    finishes while the frame object is still referenced, the frame object takes the locals over
 *    (3.11's take_ownership), so an exception that keeps its traceback keeps every local of every frame
 *    it passed through, and only the collector frees such a cycle.
 * The pending error (runtime.h) is either a kind and a message (CPython's un-normalized (type, str)) or an
 * exception object, plus the traceback built while it propagates. rh_err_fetch normalizes it.
 */
#ifndef REFHEAP_EXC_H
#define REFHEAP_EXC_H
#include "refheap/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- exception types ---- */
/* The built-in exception type of `kind` (borrowed; a static type object). */
rh_type *rh_exc_type(rh_runtime *rt, rh_exc kind);
/* The kind of the nearest built-in exception type of an exception class or instance; RH_EXC_NONE when o is
 * neither. */
rh_exc rh_exc_kind_of(const rh_object *o);
int rh_is_exc_class(const rh_object *o);     /* a type deriving from BaseException */
int rh_is_exc_instance(const rh_object *o);  /* an instance of such a type */
/* issubclass(cls, base) for two classes (1/0); base may also be a tuple of classes (any of them). */
int rh_exc_class_matches(rh_object *cls, rh_object *base);

/* ---- exception objects ---- */
/* cls(*args) as BaseException_new + BaseException_init: a new instance of exception class cls (args
 * borrowed, become its args tuple). New reference, or NULL with the error set. */
rh_object *rh_exc_new(rh_runtime *rt, rh_object *cls, rh_object *const *args, size_t nargs);
/* The class BaseExceptionGroup(msg, excs) makes when every item is an Exception: ExceptionGroup, a class the
 * embedder makes (3.11 makes it in _PyExc_InitTypes with PyErr_NewException) over BaseExceptionGroup and
 * Exception. cls borrowed (the runtime keeps a reference until rh_runtime_free; NULL drops it). */
void rh_exc_set_group_class(rh_runtime *rt, rh_object *cls);
/* rh_exc_new does BaseException_new and BaseException_init's work; for a class whose own __init__ runs next,
 * this puts back what BaseException_new alone leaves where they differ (2.7: `message` is the empty string
 * until BaseException_init is given one argument; 3.x: nothing). */
void rh_exc_new_only(rh_runtime *rt, rh_object *e);
/* BaseException.__init__(*args): replace the args tuple. 0 or -1. */
int rh_exc_init(rh_runtime *rt, rh_object *e, rh_object *const *args, size_t nargs);
/* Fields (borrowed; NULL when unset or when the profile's exceptions lack the field). */
rh_object *rh_exc_args(rh_object *e);
rh_object *rh_exc_traceback(rh_runtime *rt, rh_object *e);
rh_object *rh_exc_context(rh_runtime *rt, rh_object *e);
rh_object *rh_exc_cause(rh_runtime *rt, rh_object *e);
int rh_exc_suppress_context(rh_runtime *rt, rh_object *e);
/* Setters: tb and value borrowed (NULL or None clears). set_cause also sets __suppress_context__. */
void rh_exc_set_traceback(rh_runtime *rt, rh_object *e, rh_object *tb);
void rh_exc_set_context(rh_runtime *rt, rh_object *e, rh_object *ctx);
void rh_exc_set_cause(rh_runtime *rt, rh_object *e, rh_object *cause);
/* _PyErr_SetObject's implicit chaining: e.__context__ = handled, unless that is e itself; a context chain
 * leading back to e is cut first, as CPython does, so no context loop forms. handled borrowed. */
void rh_exc_chain(rh_runtime *rt, rh_object *e, rh_object *handled);
/* ImportError's name attribute (3.x; ImportError_init's name= keyword): name borrowed, stored. No-op for
 * other exceptions or where the profile's ImportError has no such field. */
void rh_exc_set_import_name(rh_runtime *rt, rh_object *e, rh_object *name);
/* ImportError's path attribute (ImportError_init's path= keyword), as rh_exc_set_import_name. */
void rh_exc_set_import_path(rh_runtime *rt, rh_object *e, rh_object *path);
/* str(e) / repr(e) as BaseException_str / BaseException_repr (KeyError_str for KeyError). New str. */
rh_object *rh_exc_str(rh_runtime *rt, rh_object *e);

/* ---- the pending error, as objects ---- */
/* Raise exception instance e (stolen): it becomes the pending error, with no traceback yet. */
void rh_err_set_object(rh_runtime *rt, rh_object *e);
/* KeyError(key) (key borrowed), as _PyErr_SetKeyError: the message is repr(key). */
void rh_err_set_key(rh_runtime *rt, rh_object *key);
/* Normalize the pending error into an exception object if it is still a kind and a message
 * (PyErr_NormalizeException); 0, or -1 when that failed (the pending error is then a MemoryError). */
int rh_err_normalize(rh_runtime *rt);
/* The pending exception (borrowed, normalized first), or NULL when none / normalization failed. */
rh_object *rh_err_value(rh_runtime *rt);
/* Take the pending error: its exception object (new reference) with the traceback attached as
 * __traceback__ (3.x) — what ceval's exception_unwind pushes for a handler. Clears the error. NULL when
 * none is pending. */
rh_object *rh_err_fetch(rh_runtime *rt);
/* As rh_err_fetch, but the traceback is handed to the caller (*tb: new reference or NULL) instead of being
 * attached: 2.x's PyErr_Fetch + PyErr_NormalizeException, whose exceptions hold no traceback. */
rh_object *rh_err_fetch_tb(rh_runtime *rt, rh_object **tb);
/* The pending traceback (borrowed, NULL when none yet). */
rh_object *rh_err_traceback(rh_runtime *rt);
/* Restore a pending traceback (stolen; for RERAISE, which re-raises an exception with its own traceback). */
void rh_err_set_traceback(rh_runtime *rt, rh_object *tb);

/* Restore exception e (stolen) and its traceback (stolen, may be NULL) as the pending error without
 * chaining: _PyErr_Restore, for RERAISE and bare `raise`. */
void rh_err_restore(rh_runtime *rt, rh_object *e, rh_object *tb);
/* The whole pending error, moved out (PyErr_Fetch) and back (PyErr_Restore) around code that must run
 * with no error set: __del__, weakref callbacks. */
typedef struct rh_err_state { rh_exc kind; char msg[512]; rh_object *value, *tb; } rh_err_state;
void rh_err_save(rh_runtime *rt, rh_err_state *s);
void rh_err_restore_state(rh_runtime *rt, rh_err_state *s);

/* ---- the exception being handled (3.11's tstate->exc_info->exc_value) ---- */
/* Borrowed, NULL when no exception is being handled. */
rh_object *rh_exc_handled(rh_runtime *rt);
/* Make e (stolen, NULL: none) the exception being handled; returns the previous one (owned, may be NULL). */
rh_object *rh_exc_handled_swap(rh_runtime *rt, rh_object *e);
/* 2.x keeps the traceback of the exception being handled beside it (tstate->exc_traceback; a 3.x exception
 * holds its own): borrowed, NULL when none; the swap steals tb and returns the previous one (owned). */
rh_object *rh_exc_handled_tb(rh_runtime *rt);
rh_object *rh_exc_handled_tb_swap(rh_runtime *rt, rh_object *tb);

/* ---- traceback objects (40 bytes + GC head, tracked) ---- */
/* PyTraceBack_Here: a new traceback for frame (borrowed) at lasti/lineno in front of the pending one. 0 or
 * -1 (MemoryError then replaces nothing: the pending error stays, without this entry). */
int rh_err_add_traceback(rh_runtime *rt, rh_object *frame, int lasti, int lineno);
/* 3.10+: a failed attribute lookup of `name` (borrowed) on obj (borrowed) gives the pending AttributeError
 * its name and obj (set_attribute_error_context); with obj NULL, a failed name lookup gives a pending
 * NameError its name. Normalises the pending error; nothing when it is of another type. */
void rh_err_name_context(rh_runtime *rt, rh_object *obj, rh_object *name);
/* NameError.name / AttributeError.name (obj 0) or AttributeError.obj (obj 1) of exception e: borrowed or
 * NULL (unset, another type, or a version without them) */
rh_object *rh_exc_name_field(rh_runtime *rt, rh_object *e, int obj);
rh_object *rh_tb_next(rh_object *tb);   /* borrowed or NULL */
rh_object *rh_tb_frame(rh_object *tb);  /* borrowed */
int rh_tb_lineno(rh_object *tb);
int rh_tb_lasti(rh_object *tb);   /* the instruction index given to rh_err_add_traceback */

/* ---- frame objects ---- */
/* A frame object for a running code unit named name (borrowed str, e.g. the function's __name__ or
 * "<module>") with nlocals local slots and room for stacksize more (frame_sizeof: the profile's
 * frame_obj_base + items). func and globals (borrowed, func may be NULL) are what the frame keeps alive
 * once it owns its data. `owner` is the embedder's executing frame and `unit` its compiled code unit
 * (both opaque; unit must outlive the frame object: f_code is made from it). Created untracked, as
 * _PyFrame_New_NoTrack. New reference or NULL. */
rh_object *rh_frame_new(rh_runtime *rt, void *owner, void *unit, rh_object *name, rh_object *func,
                        rh_object *globals, int nlocals, int stacksize);
void *rh_frame_owner(rh_object *f);         /* the executing frame, NULL once the frame object owns its data */
rh_object *rh_frame_name(rh_object *f);     /* borrowed str */
void *rh_frame_unit(rh_object *f);          /* the code unit given to rh_frame_new */
/* Local slot i of a frame object that owns its data (borrowed; NULL: unbound, out of range, or still running) */
rh_object *rh_frame_local(rh_object *f, int i);
rh_object *rh_frame_back(rh_object *f);     /* borrowed, NULL when none */
rh_object *rh_frame_globals(rh_object *f);  /* borrowed: the f_globals the frame was made with */
int rh_frame_lineno(rh_object *f);
void rh_frame_set_lineno(rh_object *f, int lineno);
/* A generator's frame object: the generator (borrowed: it holds the frame object) whose suspended frame
 * f is, NULL for any other frame and once the generator's frame is cleared (take_ownership clears it) */
rh_object *rh_frame_gen(rh_object *f);
void rh_frame_set_gen(rh_object *f, rh_object *gen);
int rh_frame_owned(rh_object *f);           /* 1 once the frame object owns its locals (take_ownership) */
/* f_lasti as the embedder last recorded it: a code-unit index (-1: none; f_lasti reports twice it) */
int rh_frame_lasti(rh_object *f);
void rh_frame_set_lasti(rh_object *f, int lasti);
/* f_trace: borrowed, NULL for None; the setter takes its own reference (v NULL: None) */
rh_object *rh_frame_trace(rh_object *f);
void rh_frame_set_trace(rh_runtime *rt, rh_object *f, rh_object *v);
/* f_trace_lines (opcodes 0) / f_trace_opcodes (1), T_BOOL members (3.7+) */
void rh_frame_set_trace_flag(rh_object *f, int opcodes, int v);
/* frame_tp_clear: drops f_trace and, once the frame object owns them, the locals. 0. */
int rh_frame_clear_locals(rh_runtime *rt, rh_object *f);
/* take_ownership (Python/frame.c): the code unit finished while f is still referenced. The nlocals
 * references at locals move into f (the caller's array is left NULL), back (borrowed, may be NULL)
 * becomes f_back, and f is tracked by the collector. */
void rh_frame_take_ownership(rh_runtime *rt, rh_object *f, rh_object **locals, int nlocals, rh_object *back);

/* ---- frame objects made for every call (profiles with frame_per_call: 3.10 and 2.7) ----
 * 3.10's and 2.7's Objects/frameobject.c frame_alloc / frame_dealloc: each code unit keeps the last frame
 * object it ran in as a "zombie" (co_zombieframe), and other dead frames wait on a free list of at most
 * 200 (PyFrame_MAXFREELIST) that a full collection empties (clear_freelists). A frame taken from either
 * is not counted by the collector; only a new allocation is (PyObject_GC_NewVar). A frame is untracked
 * while it runs (3.10's _PyFrame_New_NoTrack; 2.7's PyFrame_New tracks it at once) and tracked when it
 * outlives its call. The slot belongs to the embedder's code unit, which must outlive the runtime (the
 * runtime frees the zombies of every slot it was given when it is freed). */
typedef struct rh_frame_slot {
    rh_object *zombie;       /* the unit's zombie frame, not a live object; NULL: none */
    int registered;          /* the runtime has this slot on its list (set by t_frame.c) */
} rh_frame_slot;
/* frame_alloc: a running frame object for a call of unit (as rh_frame_new), taken from slot's zombie,
 * else from the free list (grown to fit), else allocated. back (borrowed, may be NULL) is the caller's
 * frame object, which f_back keeps alive. New reference, or NULL with MemoryError. */
rh_object *rh_frame_acquire(rh_runtime *rt, rh_frame_slot *slot, void *owner, void *unit, rh_object *name,
                            rh_object *func, rh_object *globals, rh_object *back, int nlocals, int stacksize);
/* f_back := back (borrowed, may be NULL; the frame keeps its own reference): gen_send_ex sets a generator
 * frame's f_back to its caller while it runs and clears it after. */
void rh_frame_set_back(rh_runtime *rt, rh_object *f, rh_object *back);
/* A running frame object becomes a generator's (make_coro): gen (borrowed) holds it from now on; f_back
 * is dropped and the frame is tracked. */
void rh_frame_give_to_gen(rh_runtime *rt, rh_object *f, rh_object *gen);

#ifdef __cplusplus
}
#endif
#endif
