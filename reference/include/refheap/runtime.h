/* refheap/runtime.h — one runtime: a heap, its allocator, its profile, its singletons and its errors.
 *
 * All mutable state lives in an rh_runtime; there are no mutable globals, so two runtimes (for example
 * with different allocators) can live in one process. A runtime is used by one thread at a time.
 */
#ifndef REFHEAP_RUNTIME_H
#define REFHEAP_RUNTIME_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "refheap/alloc.h"
#include "refheap/object.h"
#include "refheap/profile.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The built-in exceptions, one row each, in the order of CPython's hierarchy (Objects/exceptions.c,
 * Lib/test/exception_hierarchy.txt): X(kind suffix, name, base kind suffix, layout). The layout names the
 * fields the type adds to BaseException's (refheap/exc.h); the profile gives their sizes. refheap's own
 * Unsupported derives from BaseException, so `except Exception` never swallows a construct outside the
 * model. This is the one list: the enum, the names, the type objects and the built-in names are made
 * from it. */
#define RH_EXC_TABLE(X)                                                                                 \
    X(BASE, "BaseException", NONE, PLAIN)                                                               \
    /* 3.11 (PEP 654; apilevel.c): ExceptionGroup, its subclass that is also an Exception, is a heap class \
     * the embedder makes (rh_exc_set_group_class) */                                                   \
    X(BASEEXCEPTIONGROUP, "BaseExceptionGroup", BASE, GROUP)                                            \
    X(SYSTEMEXIT, "SystemExit", BASE, SYSTEMEXIT)                                                       \
    X(KEYBOARDINTERRUPT, "KeyboardInterrupt", BASE, PLAIN)                                              \
    X(GENERATOREXIT, "GeneratorExit", BASE, PLAIN)                                                      \
    X(EXCEPTION, "Exception", BASE, PLAIN)                                                              \
    X(STOPITERATION, "StopIteration", EXCEPTION, STOPITERATION)                                         \
    X(STOPASYNCITERATION, "StopAsyncIteration", EXCEPTION, PLAIN) /* 3.5+ (apilevel.c) */               \
    X(ARITHMETIC, "ArithmeticError", EXCEPTION, PLAIN)                                                  \
    X(FLOATINGPOINT, "FloatingPointError", ARITHMETIC, PLAIN)                                           \
    X(OVERFLOW, "OverflowError", ARITHMETIC, PLAIN)                                                     \
    X(ZERODIVISION, "ZeroDivisionError", ARITHMETIC, PLAIN)                                             \
    X(ASSERTION, "AssertionError", EXCEPTION, PLAIN)                                                    \
    X(ATTRIBUTE, "AttributeError", EXCEPTION, ATTRIBUTE)                                                \
    X(BUFFER, "BufferError", EXCEPTION, PLAIN)                                                          \
    X(EOF, "EOFError", EXCEPTION, PLAIN)                                                                \
    X(IMPORT, "ImportError", EXCEPTION, IMPORT)                                                         \
    X(MODULENOTFOUND, "ModuleNotFoundError", IMPORT, IMPORT)                                            \
    X(LOOKUP, "LookupError", EXCEPTION, PLAIN)                                                          \
    X(INDEX, "IndexError", LOOKUP, PLAIN)                                                               \
    X(KEY, "KeyError", LOOKUP, PLAIN)                                                                   \
    X(MEMORY, "MemoryError", EXCEPTION, PLAIN)                                                          \
    X(NAME, "NameError", EXCEPTION, NAME)                                                               \
    X(UNBOUNDLOCAL, "UnboundLocalError", NAME, NAME)                                                    \
    X(OS, "OSError", EXCEPTION, OS)                                                                     \
    /* 3.3 (PEP 3151): OSError's subclasses, chosen by errno when OSError itself is called (apilevel.c) */  \
    X(BLOCKINGIO, "BlockingIOError", OS, OS)                                                            \
    X(CHILDPROCESS, "ChildProcessError", OS, OS)                                                        \
    X(CONNECTION, "ConnectionError", OS, OS)                                                            \
    X(BROKENPIPE, "BrokenPipeError", CONNECTION, OS)                                                    \
    X(CONNECTIONABORTED, "ConnectionAbortedError", CONNECTION, OS)                                      \
    X(CONNECTIONREFUSED, "ConnectionRefusedError", CONNECTION, OS)                                      \
    X(CONNECTIONRESET, "ConnectionResetError", CONNECTION, OS)                                          \
    X(FILEEXISTS, "FileExistsError", OS, OS)                                                            \
    X(FILENOTFOUND, "FileNotFoundError", OS, OS)                                                        \
    X(INTERRUPTED, "InterruptedError", OS, OS)                                                          \
    X(ISADIRECTORY, "IsADirectoryError", OS, OS)                                                        \
    X(NOTADIRECTORY, "NotADirectoryError", OS, OS)                                                      \
    X(PERMISSION, "PermissionError", OS, OS)                                                            \
    X(PROCESSLOOKUP, "ProcessLookupError", OS, OS)                                                      \
    X(TIMEOUT, "TimeoutError", OS, OS)                                                                  \
    X(REFERENCE, "ReferenceError", EXCEPTION, PLAIN) /* a dead weakref.proxy's referent (t_weakref.c) */   \
    X(RUNTIME, "RuntimeError", EXCEPTION, PLAIN)                                                        \
    X(NOTIMPLEMENTED, "NotImplementedError", RUNTIME, PLAIN)                                            \
    X(RECURSION, "RecursionError", RUNTIME, PLAIN)                                                      \
    X(SYNTAX, "SyntaxError", EXCEPTION, SYNTAX)                                                         \
    X(INDENTATION, "IndentationError", SYNTAX, SYNTAX)                                                  \
    X(TAB, "TabError", INDENTATION, SYNTAX)                                                             \
    X(SYSTEM, "SystemError", EXCEPTION, PLAIN)                                                          \
    X(TYPE, "TypeError", EXCEPTION, PLAIN)                                                              \
    X(VALUE, "ValueError", EXCEPTION, PLAIN)                                                            \
    X(UNICODE, "UnicodeError", VALUE, PLAIN)                                                            \
    X(UNICODEDECODE, "UnicodeDecodeError", UNICODE, PLAIN) /* message only: no encoding/object/start/end */ \
    X(UNICODEENCODE, "UnicodeEncodeError", UNICODE, PLAIN)                                              \
    X(UNICODETRANSLATE, "UnicodeTranslateError", UNICODE, PLAIN)                                        \
    X(WARNING, "Warning", EXCEPTION, PLAIN)                                                             \
    X(BYTESWARNING, "BytesWarning", WARNING, PLAIN)                                                     \
    X(DEPRECATIONWARNING, "DeprecationWarning", WARNING, PLAIN)                                         \
    X(ENCODINGWARNING, "EncodingWarning", WARNING, PLAIN) /* 3.10+ (apilevel.c) */                      \
    X(FUTUREWARNING, "FutureWarning", WARNING, PLAIN)                                                   \
    X(IMPORTWARNING, "ImportWarning", WARNING, PLAIN)                                                   \
    X(PENDINGDEPRECATIONWARNING, "PendingDeprecationWarning", WARNING, PLAIN)                           \
    X(RESOURCEWARNING, "ResourceWarning", WARNING, PLAIN) /* 3.2+ */                                    \
    X(RUNTIMEWARNING, "RuntimeWarning", WARNING, PLAIN)                                                 \
    X(SYNTAXWARNING, "SyntaxWarning", WARNING, PLAIN)                                                   \
    X(UNICODEWARNING, "UnicodeWarning", WARNING, PLAIN)                                                 \
    X(USERWARNING, "UserWarning", WARNING, PLAIN)                                                       \
    /* 2.7 only (apilevel.c): StandardError above the errors, EnvironmentError above IOError and OSError, as
     * t_exc.c's py27_base rebases them; in 3.x EnvironmentError and IOError are OSError's aliases */    \
    X(STANDARD, "StandardError", EXCEPTION, PLAIN)                                                      \
    X(ENVIRONMENT, "EnvironmentError", STANDARD, OS)                                                    \
    X(IO, "IOError", ENVIRONMENT, OS)                                                                   \
    X(UNSUPPORTED, "refheap.Unsupported", BASE, PLAIN)

/* Exceptions the model raises: one kind per built-in exception. The runtime holds at most one pending
 * error: a kind and a message, or an exception object (refheap/exc.h), and a traceback. */
typedef enum rh_exc {
    RH_EXC_NONE = 0,
#define RH_X_EXC_ENUM(k, name, base, layout) RH_EXC_##k,
    RH_EXC_TABLE(RH_X_EXC_ENUM)
#undef RH_X_EXC_ENUM
    RH_EXC__COUNT
} rh_exc;

/* Hooks the embedding program (the workload interpreter) provides. All optional.
 * call_del: run Python-level __del__ of `self` (borrowed). Returns 0, or -1 with the runtime error set;
 *           the runtime then reports the error as unraisable and clears it (CPython: "Exception ignored in").
 * unraisable: report an error that cannot propagate (from __del__ or a weakref callback), then the runtime
 *           clears it. `where` is the object the error is attributed to (borrowed, may be NULL).
 * output:   the only way the library prints (diagnostics); default writes to stderr.
 * call:     call `callable` (borrowed: a function, bound method, built-in or any object the embedder can
 *           call) with nargs positional arguments (borrowed array); return a new reference, or NULL with
 *           the runtime error set. The library calls it for Python code it does not run itself: the slot
 *           wrappers of classes (a special method such as __eq__ or __add__ found on the class's MRO is
 *           called with self first, t_class.c) and tp_call of functions, methods and built-ins. Without
 *           it, classes keep object's behaviour for every special method (except __del__: call_del).
 * call_tuple: PyObject_Call(callable, args) as 2.x's C code makes it (args: a tuple, borrowed): a function's
 *           frame takes its own references to the tuple's items (function_call), a bound method of a
 *           function first packs self and the items into a new tuple (instancemethod_call). Used by the
 *           python2 profiles' slot wrappers; NULL: `call` with the tuple's items.
 * gen_resume: run a generator's frame (refheap/gen.h) as below. */
/* What rh_hooks.gen_resume is asked to do with a generator (refheap/gen.h): NEXT is tp_iternext (the
 * next value, or NULL: exhausted without an error, or failed with one — a returned value other than None
 * raises StopIteration(value), as gen_iternext); FINALIZE is _PyGen_Finalize (close a suspended
 * generator, report a failure as unraisable; returns NULL, no error left set). */
enum { RH_GEN_RESUME_NEXT = 0, RH_GEN_RESUME_FINALIZE = 1 };

typedef struct rh_hooks {
    void *ctx;
    int (*call_del)(void *ctx, rh_runtime *rt, rh_object *self);
    void (*unraisable)(void *ctx, rh_runtime *rt, rh_exc kind, const char *msg, rh_object *where);
    void (*output)(void *ctx, const char *text);
    rh_object *(*call)(void *ctx, rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs);
    rh_object *(*gen_resume)(void *ctx, rh_runtime *rt, rh_object *gen, int what); /* RH_GEN_RESUME_* */
    rh_object *(*call_tuple)(void *ctx, rh_runtime *rt, rh_object *callable, rh_object *args);
    /* o.name as the embedder reads attributes (a built-in type's field descriptor's __get__): new reference
     * or NULL with the error set */
    rh_object *(*getattr)(void *ctx, rh_runtime *rt, rh_object *o, rh_object *name);
    /* PyErr_GivenExceptionMatches(raised, cls) as the embedder's interpreter runs it where the library
     * tests an error it then clears (2.7: the bound type.__subclasscheck__ and argument tuple it allocates,
     * as a seqiter ends on IndexError); NULL: nothing to model. 0, or -1 with the error set. */
    int (*exc_matches)(void *ctx, rh_runtime *rt, rh_exc raised, rh_exc cls);
} rh_hooks;

typedef struct rh_config {
    const rh_profile *profile;   /* NULL: py311 */
    /* The object allocator, moved into the runtime (the runtime destroys it with itself).
     * abi_version == 0 (a zeroed struct): pymalloc with the profile's parameters over mmap arenas. */
    rh_allocator allocator;
    rh_hooks hooks;
} rh_config;

/* Create a runtime. On failure returns NULL and writes a reason into err. The allocator in cfg is
 * taken over in every case (destroyed on failure too). */
rh_runtime *rh_runtime_new(const rh_config *cfg, char *err, size_t errlen);
/* The embedder's start-up is over and the program begins: gc.garbage and gc.callbacks exist, and the list
 * and dict free lists take the lengths the profile's interpreter leaves at that point (profile
 * startup_freelists) plus more_lists / more_dicts, what compiling this program leaves beyond the
 * smallest program (2.7; the embedder works them out, 0 otherwise), at most the free lists' capacity; made
 * or dropped without counting in any generation. 0, or -1 with MemoryError. */
int rh_runtime_startup_done(rh_runtime *rt, unsigned more_lists, unsigned more_dicts);
/* Tear down: drops the runtime's own references, runs a last full collection without finalizers, clears
 * the freelists and destroys the allocator (pymalloc unmaps every arena). Objects the embedder still
 * holds at this point are its leak: their small blocks vanish with the arenas, their large ones stay with
 * libc (rh_object_counts before the call shows them). */
void rh_runtime_free(rh_runtime *rt);

const rh_profile *rh_runtime_profile(const rh_runtime *rt);
rh_allocator *rh_runtime_allocator(rh_runtime *rt);

/* ---- allocation through the runtime's allocator (the only way objects get memory) ----
 * On failure these set MemoryError and return NULL. Sizes above PY_SSIZE_T_MAX fail at once. */
void *rh_mem_malloc(rh_runtime *rt, size_t n);
void *rh_mem_calloc(rh_runtime *rt, size_t nelem, size_t elsize);
void *rh_mem_realloc(rh_runtime *rt, void *p, size_t old_size, size_t new_size);
void rh_mem_free(rh_runtime *rt, void *p, size_t size);

/* ---- errors ---- */
void rh_err_set(rh_runtime *rt, rh_exc kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void rh_err_nomemory(rh_runtime *rt);
rh_exc rh_err_occurred(const rh_runtime *rt);
const char *rh_err_message(const rh_runtime *rt);   /* borrowed; "" when none */
const char *rh_exc_name(rh_exc kind);                 /* "MemoryError" */
void rh_err_clear(rh_runtime *rt);
/* Report the pending error through hooks.unraisable (or output) and clear it. */
void rh_err_write_unraisable(rh_runtime *rt, rh_object *where);

/* ---- recursion depth (CPython 3.11's tstate->recursion_remaining): one count shared by the Python
 * frames of an interpreter built on the library and the library's C-level guards (comparisons, repr of
 * containers), against one limit, 1000 at start (sys.getrecursionlimit()). */
/* Py_EnterRecursiveCall(where): 0 and one level more, or -1 with RecursionError "maximum recursion
 * depth exceeded<where>" when the depth has reached the limit (the level is then not counted). */
int rh_recursion_enter(rh_runtime *rt, const char *where);
void rh_recursion_leave(rh_runtime *rt);              /* Py_LeaveRecursiveCall: one level less */
int rh_recursion_depth(const rh_runtime *rt);
int rh_recursion_limit(const rh_runtime *rt);         /* sys.getrecursionlimit() */
/* sys.setrecursionlimit(limit) called at recursion depth `depth`: 0, or -1 with ValueError (limit < 1)
 * or RecursionError (depth >= limit), CPython 3.11's messages (sys_setrecursionlimit_impl). */
int rh_recursion_set_limit(rh_runtime *rt, int limit, int depth);

/* ---- singletons and identity (reference/src/runtime.c; rh_is_static in object.c) ---- */
rh_object *rh_none(rh_runtime *rt);    /* borrowed */
rh_object *rh_true(rh_runtime *rt);    /* borrowed */
rh_object *rh_false(rh_runtime *rt);   /* borrowed */
rh_object *rh_bool(rh_runtime *rt, int v); /* new reference */
rh_object *rh_empty_tuple(rh_runtime *rt); /* borrowed */
rh_object *rh_empty_str(rh_runtime *rt);   /* borrowed */
/* NotImplemented (borrowed): what a binary number slot or tp_richcompare returns (as a new reference)
 * to let the other operand try (typeslots.h). */
rh_object *rh_notimplemented(rh_runtime *rt);
/* Ellipsis (borrowed): the value of `...`, the one instance of type `ellipsis` (a static, as None). */
rh_object *rh_ellipsis(rh_runtime *rt);
/* Whether o is one of the runtime's statically allocated objects (singletons, small ints, latin-1
 * characters, built-in types): never freed, refcount starts at profile->static_refcnt. */
int rh_is_static(const rh_runtime *rt, const rh_object *o);

/* Built-in type objects of this runtime (borrowed). */
rh_type *rh_builtin_type(rh_runtime *rt, rh_kind kind);

/* ---- live-object accounting (reference/src/object.c) ---- */
typedef struct rh_object_counts {
    uint64_t live[RH_K__COUNT];       /* heap objects alive per kind (statics excluded) */
    uint64_t live_total;
    uint64_t allocated_total;         /* heap objects ever created (freelist reuse included) */
    uint64_t freed_total;
    uint64_t dealloc_deferred;        /* trashcan deposits */
} rh_object_counts;
void rh_object_counts_get(const rh_runtime *rt, rh_object_counts *out);

#ifdef __cplusplus
}
#endif
#endif
