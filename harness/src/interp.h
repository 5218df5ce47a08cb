/* interp.h — the workload interpreter's state and the functions its files share.
 *
 * Owns hx_interp (one run: runtime, module code, globals, builtins, constants, traceback, marks, report
 * hooks) and hx_frame (one executing code unit). Invariants: every rh_object* held in hx_interp or a
 * frame is an owned (counted) reference unless its comment says "borrowed"; evaluation functions return
 * new references or NULL with the runtime error set (refheap/runtime.h) — the exception model of the
 * subset is exactly "one pending error". Reference discipline mirrors CPython 3.11's value stack: a
 * temporary lives from its evaluation until its consumer is done; arguments of a Python-level call move
 * into the callee's fast locals; fast locals are released (in slot order) before the caller continues.
 */
#ifndef RH_HARNESS_INTERP_H
#define RH_HARNESS_INTERP_H
#include <stdatomic.h>
#include <stdio.h>

#include "ast.h"
#include "refheap/refheap.h"

/* The interned strings the interpreter keeps at hand (field, text): made by hx_interp_init, dropped at
 * teardown (main.c); the one list of them. */
#define HX_INTERNED_NAMES(X)                                                                            \
    X(s_init, "__init__") X(s_del, "__del__") X(s_name, "__name__") X(s_module, "__module__")         \
    X(s_qualname, "__qualname__") X(s_main, "__main__") X(s_callback, "__callback__")                 \
    X(s_dict, "__dict__") X(s_class, "__class__") X(s_listcomp, "<listcomp>") X(s_call, "__call__")     \
    X(s_code, "code") X(s_enter, "__enter__") X(s_exit, "__exit__") X(s_setcomp, "<setcomp>")   \
    X(s_dictcomp, "<dictcomp>") X(s_defaultdict, "defaultdict") X(s_abstractmethods, "__abstractmethods__") \
    X(s_aenter, "__aenter__") X(s_aexit, "__aexit__")

/* The native modules (modules.c; math, time, random in mod_*.c), each kept in I->mod_<name>, in the order
 * exit clears their dicts; found before the search path, as sys.builtin_module_names. The one list. */
#define HX_NATIVE_MODULES(X) X(gc) X(sys) X(weakref) X(refheap) X(math) X(time) X(random) \
    X(itertools) X(_collections) X(collections) \
    X(array) X(_io) X(io) X(_bisect) X(_heapq) X(_abc) X(builtins) X(_sre) X(_thread) X(errno) X(_struct) \
    X(_string) X(_weakref) X(atexit) X(posix) X(_codecs) X(_imp) X(_warnings) X(marshal) X(_ast)

/* The C cursor of a for loop (hx_get_iter, hx_for_iter): over a range, the next value, the items left and
 * the step; over a list, tuple or str iterator, cur[1] is the str's length (0 otherwise); over any other
 * iterator cur[1] is HX_ITER_GENERIC. */
#define HX_LOOP_WORDS 3
#define HX_ITER_GENERIC (-1)

typedef struct hx_frame {
    hx_code *code;
    rh_object **fast;        /* code->nslots owned references (NULL = unbound), then the value stack */
    int64_t *loops;          /* HX_LOOP_WORDS cursor words per nested for loop (vm.c), not objects */
    rh_object *ns;           /* class body namespace (borrowed) or NULL */
    rh_object *globals;      /* borrowed */
    rh_object *retval;       /* owned, set by RETURN_VALUE */
    rh_object *func;         /* the function being run (borrowed; NULL: module or class body) */
    rh_object *closure;      /* class body: its closure tuple (borrowed; COPY_FREE_VARS), else NULL */
    rh_object *frame_obj;    /* the frame object, once something needed one (owned; t_frame.c) */
    int line;                /* line of the failing instruction, once the frame has failed */
    const hx_instr *call_ip; /* past its last CALL / CALL_FUNCTION_EX (NULL: none yet): the line a caller's
                              * frame object reports while the callee runs (3.11 saves prev_instr there too) */
    struct hx_frame *back;
    /* a generator's frame (vm.c): where run_frame continues (instruction index, stack depth), and whether
     * it starts by raising the pending error there (gen.throw); all 0 for a new frame */
    int resume, resume_sp, throwing;
    rh_object *gen;          /* the generator whose frame this is (borrowed), or NULL */
} hx_frame;

/* A module written in Python (import.c): a `name.py` file or a package's `__init__.py`, found on the search
 * path (a submodule: in its parent package's directory); read and parsed before the program runs when an
 * unconditional top-level import names it, else at the import statement that first runs for it. */
typedef struct hx_modfile {
    char *name;              /* the module's full (dotted) name */
    char *path, *abspath;    /* where it was found (dir/name.py, dir/name/__init__.py), and its realpath */
    char *pkgdir;            /* a package: its directory, the one entry of __path__ (owned); else NULL */
    char *src;               /* source text */
    size_t len;
    hx_code *code;           /* its module unit */
    int compiled;            /* resolved and compiled (hx_prepare, hx_compile) */
    int initializing;        /* its body is running (import_from's "partially initialized module") */
    rh_object *module;       /* the module object while sys.modules holds it (borrowed), else NULL */
    const void *last_dict;   /* identity of the dict its body last ran in (never dereferenced): a failed
                              * import's frames still name this file while a traceback keeps them */
    int imported, order;     /* executed once; 1-based position in import order */
    struct hx_modfile *next;
} hx_modfile;

#define HX_IMPORT_DIRS_MAX 32
/* The search path and every module file the program has found (import.c). */
typedef struct hx_imports {
    char *dirs[HX_IMPORT_DIRS_MAX]; /* the program's directory, PYTHONPATH's entries, the profile's Lib */
    int ndirs;
    const char *stdlib;             /* the last of dirs when the standard library is on the path, else NULL */
    const char *source_encoding;    /* a file's encoding without a coding declaration (the profile's default) */
    hx_modfile *files, **tail;
    int nimported;
} hx_imports;

/* Per-statement measurement hook (report.c); NULL when --report/--json are off. */
typedef struct hx_report hx_report;

typedef struct hx_interp {
    rh_runtime *rt;
    const char *filename;
    char **args;             /* the program's arguments after its file (sys.argv[1:]; borrowed from main's argv) */
    int nargs;
    char *abspath;           /* realpath of the workload, as CPython's tracebacks show it (owned) */
    char *src;               /* whole source text */
    size_t srclen;
    hx_code *module;
    int classic_division;    /* py27 without `from __future__ import division`: int / int floors */
    int frame_per_call;      /* the profile's frame_per_call (3.10, 2.7): every call makes its frame object */
    int imp_lock_count;      /* _imp.acquire_lock()s not yet released (mod_imp.c) */
    int exc_py2;             /* the profile's 2.x exception state (vm.c set_exc_info / reset_exc_info) */
    /* 2.x's f_exc_value / f_exc_traceback (vm.c set_exc_info): for each running frame that caught an exception,
     * innermost last, the exception (and traceback) the thread was handling before (owned; NULL: none),
     * given back when that frame returns, fails or yields (reset_exc_info). Frames end in LIFO order, so a
     * frame saved its state when the last entry is its own; kept here so that hx_frame stays small. */
    struct hx_py2saved { struct hx_frame *frame; rh_object *value, *tb; } *py2saved;
    int npy2saved, cappy2saved;
    rh_object *py2_tb;       /* 2.x: the traceback exception_unwind fetched for a handler that keeps no index under
                              * the exception, until its first instruction (PUSH_EXC_INFO) takes it (owned) */
    int compare_guarded;     /* the profile's compare_guarded (COMPARE_OP's int fast path checks the depth) */
    rh_object *globals;      /* dict */
    rh_object *builtins;     /* dict of builtin functions */
    rh_object **consts;      /* merged constants (owned) */
    int nconsts, capconsts;
    /* References a CPython run holds on constants: the parser's AST arena (one per constant, dropped after
     * the module body ran: I->consts itself), each code object's co_consts (module and class bodies:
     * dropped after the module body, `early`; functions: kept to teardown, `late`). Owned. */
    rh_object **early, **late;
    int nearly, nlate, capearly, caplate;
    int consts_released;
    /* resolve.c's index over consts: chains by a hash of the constant's value (const_head: capacity
     * const_hcap, a power of two, -1 = empty; const_next/const_hash parallel to consts) */
    int *const_head, *const_next, const_hcap;
    uint32_t *const_hash;
    unsigned char *const_cfg; /* parallel to consts: 1 when no AST node holds the constant (a tuple only the
                               * CFG optimizer made: I->consts has no reference to it, co_consts have) */
    int *const_file, const_file_cur; /* parallel to consts: the source file (hx_prepare call) that made it; a
                               * compilation merges equal constants within its own file only (compile.c's
                               * c_const_cache is per compiler) */
    rh_object **names;       /* interned names held by the code (owned) */
    int nnames, capnames;
    rh_object **name_set;    /* resolve.c: names as an open-addressing set of pointers, at most half full */
    int name_setcap;
    hx_frame *frame;         /* innermost executing frame (borrowed chain) */
    /* LIFO arena for frames' fast locals (plain C memory, not objects); full -> calloc fallback */
    rh_object **arena;
    size_t arena_cap, arena_top;
    int depth;
    /* interned strings used by the VM (owned) */
#define HX_NAME_FIELD(field, text) rh_object *field;
    HX_INTERNED_NAMES(HX_NAME_FIELD)
#undef HX_NAME_FIELD
#define HX_MOD_FIELD(name) rh_object *mod_##name;
    HX_NATIVE_MODULES(HX_MOD_FIELD)      /* owned, created at first import (modules.c, mod_*.c) */
#undef HX_MOD_FIELD
    rh_object *struct_cache, *struct_error; /* _struct's Struct cache (dict) and struct.error (owned; mod_struct.c) */
    rh_object *io_unsupported; /* io.UnsupportedOperation (owned; mod_iobase.c) */
    void *random_state;                                        /* the random module's generator (mod_random.c) */
    struct hx_atexit_cb *atexit_cbs;  /* atexit's registered callbacks (mod_atexit.c): malloc'd, atexit_n used */
    int atexit_n, atexit_cap;
    rh_object *object_methods; /* owned dict: object.__getattribute__/__setattr__/__delattr__ (interp.c) */
    /* owned dict: built-in type -> {name: method_descriptor}, the part of CPython's tp_dict that programs
     * have read, made on first use (typeobj.c hx_method_descr) */
    rh_object *static_tp_dicts;
    rh_object *code_objs;    /* owned list: the code objects __code__ made, one per unit (builtins_func.c) */
    /* refheap.mark labels (owned list) */
    rh_object *marks;
    hx_report *report;
    hx_imports *imports;     /* module files (borrowed from main.c) */
    rh_object *sys_modules;  /* sys.modules: the imported Python modules by name (owned; made at first import) */
    int exiting;             /* 1: finalizing __main__; 2: tearing down (no more Python code) */
    rh_object *class_closure; /* the closure tuple HX_BUILD_CLASS_CLOSURE hands to the class body (borrowed) */
    rh_object *ex_release[2]; /* 3.12+: CALL_FUNCTION_EX's tuple and dict, dropped once the callee is bound (owned) */
    /* 3.10/2.7: the frame objects of the comprehensions running now (vm.c HX_COMP_FRAME), innermost last:
     * the executing frame that runs each inline, its co_comps index, the frame object (owned) */
    struct hx_compframe { struct hx_frame *owner; int k; rh_object *fo; } *compframes;
    int ncompframes, capcompframes;
    int ex_steal;            /* 3.10/2.7 CALL_FUNCTION_EX of a function: its frame takes the argument references
                              * call_ex made (CPython passes the tuple's items as they are); read once by call_pyfunc */
    int spec_str;            /* the str(x) call being made runs at a site the specializer rewrote (3.11
                              * PRECALL_NO_KW_STR_1, 3.12 CALL_NO_KW_STR_1): no argument tuple (vm.c, builtins.c) */
    int ext_prepacked;       /* 2.7's ext_do_call: the call being made hands its argument tuple and keyword dict
                             * over as they are (PyObject_Call), so the built-in or type reached takes none of its
                             * own (vm.c call_ex, hx_call_def_packed, instantiate_packed; builtins.c args_tuple);
                             * read once, cleared by a Python frame */
    rh_object *py27_ext;     /* 2.7: the copies of C modules' dicts its `extensions` table keeps (a list; made at
                              * start-up, dropped after the modules at finalization; modules.c py27_fixup) */
    rh_object *py2_raised;   /* 2.7: the exception last raised as an instance (do_raise, a re-raise), by identity
                              * and without a reference: the handler that catches it normalizes an instance,
                              * which costs PyObject_IsSubclass (vm.c py2_push_exc_info) */
    rh_object *call_kwdict;  /* 2.7: the keyword dict the call being made packed or was handed (borrowed), for a
                              * built-in that merges it whole (dict_init's PyDict_Merge(self, kwds)); set by
                              * hx_call_def_packed and call_ex for the callee's first instructions only */
    int arg0_borrowed;       /* how many leading arguments the next call_pyfunc gets without a reference of the
                              * caller's to drop: 1 for 3.10's method_vectorcall (self), all for its
                              * _PyObject_Call_Prepend (vm.c hx_call, call_prepend); read once */
    struct hx_kwtuple { const char *const *names; const char *fn; rh_object *tuple; } *kwtuples; /* args.c (owned tuples) */
    int nkwtuples, capkwtuples;
} hx_interp;

/* ---- interp.c: state, traceback, object protocols */
int hx_interp_init(hx_interp *I, rh_runtime *rt);
/* Write the pending error as CPython does (PyErr_Print: its chain of causes and contexts, each with its
 * traceback) on stderr, stdout flushed first. The error stays pending. */
void hx_print_traceback(hx_interp *I);
/* Write exception e (borrowed) with traceback tb (borrowed, NULL: none) and its chain as _PyErr_Display does,
 * on stderr, stdout flushed first; the pending error is not touched. */
void hx_print_exception(hx_interp *I, rh_object *e, rh_object *tb);
/* Report and clear an error raised inside __del__ / a callback (CPython's "Exception ignored in"). */
void hx_write_unraisable(hx_interp *I, rh_object *where_fn);
/* The same with _PyErr_WriteUnraisableMsg's message: "Exception ignored <msg>: <repr of where_fn>" */
void hx_write_unraisable_msg(hx_interp *I, const char *msg, rh_object *where_fn);
/* mod_atexit.c: the atexit module; run the registered callbacks (Py_FinalizeEx's _PyAtExit_Call), release them */
rh_object *hx_module_atexit(hx_interp *I);
void hx_atexit_call(hx_interp *I);
void hx_atexit_free(hx_interp *I);
void hx_interp_finalize(hx_interp *I);
void hx_release_module_consts(hx_interp *I);
/* The interned str `name`, kept alive by the interpreter to teardown (I->names): borrowed, NULL on OOM. */
rh_object *hx_name(hx_interp *I, const char *name);
/* The frame object of f, made on first use (_PyFrame_GetFrameObject): borrowed, NULL with the error set. */
rh_object *hx_frame_object(hx_interp *I, hx_frame *f);
/* A frame's block of `words` pointer-sized words from the LIFO arena, the first `zeroed` of them zero. */
rh_object **hx_frame_alloc(hx_interp *I, size_t words, size_t zeroed);
void hx_frame_free(hx_interp *I, rh_object **p);
rh_object *hx_getattr_obj(hx_interp *I, rh_object *o, rh_object *name);  /* new ref or NULL */
/* builtins.c: the names object.__dir__ / type.__dir__ / a module's __dir__ give for o (borrowed), unsorted:
 * a new list or NULL */
rh_object *hx_generic_dir(hx_interp *I, rh_object *o);
int hx_setattr(hx_interp *I, rh_object *o, rh_object *name, rh_object *v); /* borrowed v; 0 or -1 */
int hx_delattr(hx_interp *I, rh_object *o, rh_object *name);
rh_object *hx_subscr(hx_interp *I, rh_object *o, rh_object *idx);          /* o[idx]: new ref */
int hx_store_subscr(hx_interp *I, rh_object *o, rh_object *idx, rh_object *v);
int hx_del_subscr(hx_interp *I, rh_object *o, rh_object *idx);
/* BINARY_SLICE/STORE_SLICE/DELETE_SLICE may skip the slice object (interp.c): 1 yes, 0 build it */
int hx_slice_fast(hx_interp *I, rh_object *o, unsigned mask);
/* o[start:stop:step], del o[...] and o[...] = v: b holds the bounds given where has[k] (start, stop, step). */
rh_object *hx_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3]);
int hx_del_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3]);
int hx_store_slice(hx_interp *I, rh_object *o, const int64_t b[3], const int has[3], rh_object *v); /* o[...] = v */
/* A global name: the globals dict (may be NULL), then the builtins; NameError when absent. New ref. */
rh_object *hx_load_global(hx_interp *I, rh_object *globals, hx_gcache *gc);
/* GET_ITER on *top (replaced by the iterator) and FOR_ITER (1 item, 0 end, -1 error); cur: loop slot. */
int hx_get_iter(hx_interp *I, rh_object **top, int64_t *cur);
int hx_for_iter(hx_interp *I, rh_object *it, int64_t *cur, rh_object **out);
rh_object *hx_iter_list(hx_interp *I, rh_object *o); /* a list or tuple snapshot to iterate: new ref */
const char *hx_tname(rh_object *o);  /* type name as CPython prints it */

/* builtins.c: isinstance(o, cls) (PyObject_IsInstance): 1, 0, -1 with the error set */
int hx_isinstance(hx_interp *I, rh_object *o, rh_object *cls);
/* ---- match.c: structural pattern matching's run-time checks (MATCH_* instructions; borrowed arguments) */
int hx_match_is_sequence(rh_object *o);
int hx_match_is_mapping(rh_object *o);
rh_object *hx_match_keys(hx_interp *I, rh_object *map, rh_object *keys); /* new tuple / None, NULL error */
rh_object *hx_match_class(hx_interp *I, rh_object *subject, rh_object *type, int nargs, rh_object *names); /* new
                          * tuple; NULL: no match (no error) or the error set */

/* ---- compile.c: bytecode for the resolved module and every unit nested in it. 0, or -1 with *err. */
int hx_compile(hx_interp *I, hx_code *module, hx_cerr *err);
void hx_dis(FILE *out, const hx_code *c);   /* the bytecode of c and its nested units, readable */

/* ---- vm.c: frames, the instruction loop, calls */
/* Execute the module body. Returns 0, or -1 with an uncaught error pending. */
int hx_interp_run(hx_interp *I);
/* Call a callable: args are owned references and are always consumed (stolen). kwnames/kwvals may be
 * NULL (nkw 0); kwvals are stolen too. Returns a new reference or NULL. */
rh_object *hx_call(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwnames,
                   rh_object **kwvals, int nkw);
/* interp.c: the call of an object whose type has tp_call (an instance of a class defining __call__),
 * as _PyObject_MakeTpCall does it: the positional arguments in a tuple alive for the call, then
 * slot_tp_call. Arguments consumed as hx_call's. */
rh_object *hx_call_slot(hx_interp *I, rh_object *fn, rh_object **args, int nargs, char **kwn, rh_object **kwv,
                        int nkw);
/* The same with borrowed arguments. */
rh_object *hx_call_borrowed(hx_interp *I, rh_object *fn, rh_object **args, int nargs);
/* PyObject_Call(fn, args) as 2.x's C code makes it (args a borrowed tuple; vm.c). New reference or NULL. */
rh_object *hx_call_tuple27(hx_interp *I, rh_object *fn, rh_object *args);
/* fn(*seq, **kwargs) as CALL_FUNCTION_EX makes it (seq any iterable, kwargs a dict or NULL; both stolen):
 * 2.7's apply(). New reference or NULL. */
rh_object *hx_call_ex(hx_interp *I, rh_object *fn, rh_object *seq, rh_object *kwargs);
/* builtins_py2.c: reduce, apply, intern and cmp under a 2.7 profile. 0 or -1. */
int hx_builtins_py2_init(hx_interp *I);
/* vm.c: run a generator's or coroutine's frame (gen_send_ex2): send arg (borrowed; NULL: None), or, with
 * exc, raise the pending error at its yield. 1: it yielded *out, 0: it returned *out (its frame is
 * cleared), -1: error (the frame cleared when it was run). *out is a new reference. */
int hx_gen_send(hx_interp *I, rh_object *gen, rh_object *arg, int exc, rh_object **out);
/* vm.c: the subiterator a generator suspended in `yield from` / `await` delegates to (_PyGen_yf):
 * borrowed, or NULL */
/* One method table of a built-in type, as its module keeps it: an array of pointers ending in NULL (ptrs), or
 * an array of definitions ending in a NULL name (defs). Each module's hx_<x>_method_tables(kind, out) fills
 * out[] with the tables of that kind (a type may show two: bytearray's own and those it shares with bytes)
 * and returns how many; builtins.c's kind_methods is the one place that maps kinds to them. */
typedef struct hx_mtab {
    const rh_builtin_def *const *ptrs;
    const rh_builtin_def *defs;
} hx_mtab;
rh_object *hx_gen_yf(rh_object *gen);
const char *hx_gen_kind_word(rh_object *gen); /* "generator" / "coroutine" / "async generator" (gen.c) */
/* vm.c: a generator's return value as the StopIteration gen_send_ex raises (value stolen; None: no
 * argument); the error is set. */
void hx_set_stop_iteration(hx_interp *I, rh_object *value);

/* ---- gen.c: generator and coroutine methods and attributes, the library's gen_resume hook */
rh_object *hx_gen_getattr(hx_interp *I, rh_object *gen, rh_object *name);   /* new ref or NULL */
int hx_gen_method_tables(rh_kind kind, hx_mtab out[2]);
rh_object *hx_gen_resume_hook(void *ctx, rh_runtime *rt, rh_object *gen, int what);

/* ---- ops.c: operations on values (arguments borrowed; new reference / 1,0 / NULL,-1 with error) */
rh_object *hx_obj_str(hx_interp *I, rh_object *o);   /* str(o) */
rh_object *hx_obj_repr(hx_interp *I, rh_object *o);  /* repr(o) */
int hx_compare(hx_interp *I, int op, rh_object *a, rh_object *b); /* 1/0/-1 */
rh_object *hx_eval_binop(hx_interp *I, int op, rh_object *a, rh_object *b, int inplace);
rh_object *hx_eval_unary(hx_interp *I, rh_object *a, int op);
int hx_is_intlike(rh_object *o);                              /* int or bool */
const char *hx_cstr(hx_interp *I, rh_object *s);             /* UTF-8 of a str (borrowed), "?" if none */

/* ---- resolve.c: scope analysis, constant creation and folding (needs the runtime) */
int hx_prepare(hx_interp *I, hx_code *module, hx_cerr *err);

/* ---- builtins.c */
int hx_builtins_init(hx_interp *I);
/* The method table entry of a built-in receiver (list/dict/str/tuple/file), or NULL. */
/* The constructor of a built-in type object (int, str, list...), or NULL. */
const rh_builtin_def *hx_type_constructor(rh_object *type);
const rh_builtin_def *hx_find_method_def(hx_interp *I, rh_object *self, const char *name);
/* The method named name in the tables of the built-in type of kind k that the profile's version has, or NULL */
const rh_builtin_def *hx_kind_method_def(hx_interp *I, rh_kind k, const char *name);
/* The method_descriptor of the built-in type t named name (list.append), as CPython's tp_dict holds it: one
 * object per type and name, made at the first read and kept. New reference; NULL without an error when t
 * is a class or has no such method; NULL with the error set on allocation failure. (builtins.c) */
rh_object *hx_method_descr(hx_interp *I, rh_type *t, rh_object *name);
/* builtins.c: long_subtype_new, an instance of cls (a class deriving from int) with int(*a)'s value */
/* builtins_fmt.c: int.__format__(v, spec) for an int or bool v (str(v) for an empty spec) */
rh_object *hx_int_format(hx_interp *I, rh_object *v, rh_object *spec);
/* builtins_fmt.c: str.__format__(v, spec) for a str or a subclass's instance v (str(v) for an empty spec) */
rh_object *hx_str_format(hx_interp *I, rh_object *v, rh_object *spec);
/* builtins.c: unicode_subtype_new, an instance of cls (a class deriving from str) with str(*a)'s characters */
rh_object *hx_str_subtype_new(hx_interp *I, rh_object *cls, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw);
rh_object *hx_int_subtype_new(hx_interp *I, rh_object *cls, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw);
/* T.__dict__ of a static type: a new mappingproxy of the stand-in for its tp_dict, filled with a method
 * descriptor for every method of the type's tables (NULL without an error for a class). */
rh_object *hx_static_type_dict(hx_interp *I, rh_type *t);
/* builtins.c: list.__init__ / dict.__init__ on an instance of a subclass (no __init__ of its own). 0 or -1. */
int hx_builtin_base_init(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw);
/* builtins.c: list.<name> / dict.<name> (obj NULL) or super().<name> bound to obj, as a built-in; NULL with no
 * error when the type has no such method. */
rh_object *hx_builtin_descr(hx_interp *I, rh_object *type, rh_object *name, rh_object *obj);
/* The slot wrapper (wrapper_descriptor) of static type t for the special method name, from t's dict
 * (inherited 0) or the first of t's tp_base chain that has it (inherited 1): new reference; None for an
 * unhashable type's __hash__; NULL without an error when there is none (builtins.c) */
rh_object *hx_slot_descr(hx_interp *I, rh_type *t, rh_object *name, int inherited);
/* ---- builtins_iter.c: enumerate, zip, map, filter, reversed, set, frozenset, iter, next, ord, chr, hex, oct,
 * bin, round, issubclass, getattr/setattr/hasattr/delattr, set methods, dict.fromkeys, sys.stdout/stderr */
int hx_builtins_iter_init(hx_interp *I);                          /* binds them into I->builtins */
const rh_builtin_def *hx_builtins_iter_constructor(rh_object *type); /* set(), zip(), ... or NULL */
int hx_set_method_tables(rh_kind kind, hx_mtab out[2]); /* a set's or frozenset's */
int hx_iter_method_tables(rh_kind kind, hx_mtab out[2]); /* a built-in iterator's __length_hint__ */
rh_object *hx_builtin_type_attr(hx_interp *I, rh_object *type, rh_object *name); /* dict.fromkeys; NULL: none */
/* The i-th classmethod in the tp_dict of the built-in type of kind k (dict.fromkeys), NULL past the end
 * (builtins_iter.c; bytes.fromhex and chain.from_iterable are read from the type only) */
const rh_builtin_def *hx_type_classmethod_at(hx_interp *I, rh_kind k, size_t i);
rh_object *hx_std_stream_new(hx_interp *I, int err);  /* sys.stdout (0) / sys.stderr (1): new reference */
FILE *hx_std_stream_file(rh_object *o);                /* the C stream of such an object, else NULL */
/* ---- builtins_func.c: staticmethod, classmethod, property, super; attributes of functions and of those
 * objects (1: *out set to a new reference, 0: no such attribute here, -1: error set) */
int hx_builtins_func_init(hx_interp *I);
const rh_builtin_def *hx_builtins_func_constructor(rh_object *type);
int hx_property_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_code_method_tables(rh_kind kind, hx_mtab out[2]); /* builtins_func.c: co_lines, co_positions */
int hx_proxy_method_tables(rh_kind kind, hx_mtab out[2]); /* builtins_proxy.c: a mappingproxy's */
/* builtins_dictview.c: d.keys() & co. from 3.0 (a new view), dict's version-gated methods (2.7's view*,
 * iter*; __reversed__), the views' and dict iterators' methods, a view's `mapping` (1 with a new
 * reference in *out, 0: not that, -1: error) */
rh_object *hx_dict_view(hx_interp *I, rh_object *self, rh_kind kind);
const rh_builtin_def *hx_dict_extra_methods(void);
int hx_dictview_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_dictview_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out);
const rh_builtin_def *hx_proxy_constructor(rh_object *type);  /* mappingproxy, SimpleNamespace; else NULL */
/* types.GenericAlias (builtins_proxy.c): which built-in types' __class_getitem__ makes one (PEP 585), that
 * classmethod's def, the alias's methods, attributes (new reference or NULL) and call (steals the arguments) */
int hx_kind_is_generic(rh_kind k);
extern const rh_builtin_def hx_class_getitem_def;
int hx_genericalias_method_tables(rh_kind kind, hx_mtab out[2]);
rh_object *hx_genericalias_getattr(hx_interp *I, rh_object *o, rh_object *name);
/* ga_new for sub (GenericAlias or a class deriving from it; arguments borrowed), and the type's constructor */
rh_object *hx_genericalias_tp_new(hx_interp *I, rh_object *sub, rh_object **a, int n, int nkw);
const rh_builtin_def *hx_genericalias_constructor(void);
rh_object *hx_genericalias_call(hx_interp *I, rh_object *ga, rh_object **args, int nargs, char **kwn, rh_object **kwv,
                                int nkw);
/* types.UnionType (builtins_proxy.c): its methods (3.10's __instancecheck__/__subclasscheck__) and its own
 * attributes (1 and *out a new reference, 0 not one of them, -1 error) */
int hx_union_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_union_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out);
/* sys.implementation: a new SimpleNamespace holding version_info (borrowed), or NULL */
rh_object *hx_sys_implementation(hx_interp *I, rh_object *version_info);
int hx_func_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out);
/* builtins_func.c: the code object of unit c (co_filename from the module whose globals these are, NULL: the
 * main program), made at the first request and kept with the unit. New reference or NULL. */
rh_object *hx_code_object(hx_interp *I, hx_code *c, rh_object *globals);
/* builtins_exc.c: exception o's method `name` (__init__, with_traceback, add_note; a group's derive, split, subgroup)
 * bound to o: a new reference, or NULL without an error when it has none */
rh_object *hx_exc_method(hx_interp *I, rh_object *o, rh_object *name);
/* builtins_exc.c: the same method read from exception class cls (Exception.__init__), taking the instance first;
 * a new reference, or NULL without an error */
/* ImportError_init's keywords (3.3+) on exception e: name= and path= set those fields; any other keyword is
 * refused with PyArg_ParseTupleAndKeywords's message for "|$OO:ImportError". 0, or -1 with TypeError. */
int hx_import_error_keywords(hx_interp *I, rh_object *e, char **kwn, rh_object **kwv, int nkw);
rh_object *hx_exc_class_method(hx_interp *I, rh_object *cls, rh_object *name);
/* builtins_exc.c: builtins.ExceptionGroup (3.11+), the class BaseExceptionGroup(...) makes of Exceptions. 0/-1 */
int hx_exc_group_init(hx_interp *I);
int hx_func_setattr(hx_interp *I, rh_object *o, rh_object *name, rh_object *v); /* 0 or -1 */
int hx_funcobj_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out);
/* ---- builtins_str.c / builtins_fmt.c: str methods, the format-spec mini-language, format(), str.format */
int hx_str_method_tables(rh_kind kind, hx_mtab out[2]);
extern const rh_builtin_def hx_str_format_methods[]; /* builtins_fmt.c: format, format_map */
rh_object *hx_format(hx_interp *I, rh_object *v, rh_object *spec); /* PyObject_Format(v, spec): new ref */
int hx_builtins_fmt_init(hx_interp *I);                             /* binds format() into I->builtins */
rh_object *hx_join_strs(hx_interp *I, rh_object **items, int n);   /* BUILD_STRING (items borrowed): new ref */
/* apilevel.c: does `owner.name` exist in the Python version `version` (rh_profile.version_hex)? */
int hx_api_exists(uint32_t version, const char *owner, const char *name);
/* carets.c: the position line (3.11's `^^^^` / `~~^~~`) under source line `line` (len bytes, no newline)
 * for instruction word `at` of unit c, without indentation margin or newline; NULL when none is drawn
 * (the profile's version has none, no position, or it would underline the whole line). malloc'd. */
char *hx_caret_line(hx_interp *I, const hx_code *c, int at, const char *line, size_t len);

/* suggest.c: the name "Did you mean" offers for an uncaught AttributeError or NameError e (3.10+): new
 * reference, or NULL (none, or an error while looking: dropped, the pending error kept) */
rh_object *hx_suggestion(hx_interp *I, rh_object *e);
/* The same search over C strings (3.13's error_unexpected_keyword_arg over a parser's keyword names; ""
 * entries are skipped): the closest of names[0..n) to name, or NULL */
const char *hx_suggest_among(const char *const *names, int n, const char *name);

/* RH_API: whether the running profile has an API element (apilevel.c's table), memoised per call site, as
 * str.find asks at every call: a site keeps the last version it answered for, a valid bit and the answer
 * (bit 0) in one word; so a site must always ask about the same element (RH_API_DYN otherwise). */
static inline int hx_api_at(_Atomic uint64_t *site, uint32_t version, const char *owner, const char *name) {
    uint64_t s = atomic_load_explicit(site, memory_order_relaxed);
    if ((s >> 32) == version && (s & 2)) return (int)(s & 1);
    int r = hx_api_exists(version, owner, name) != 0;
    atomic_store_explicit(site, ((uint64_t)version << 32) | 2u | (uint64_t)r, memory_order_relaxed);
    return r;
}
#define RH_API(I, owner, name)                                                                            \
    __extension__({                                                                                       \
        static _Atomic uint64_t rh_api_site_;                                                             \
        hx_api_at(&rh_api_site_, rh_runtime_profile((I)->rt)->version_hex, "" owner, "" name);           \
    })
/* RH_API with owner or name computed at run time (a table's entries): not memoised, as one call site asks
 * about many names. RH_API itself takes string literals only (the "" concatenations reject anything else). */
#define RH_API_DYN(I, owner, name) (hx_api_exists(rh_runtime_profile((I)->rt)->version_hex, owner, name) != 0)

/* Signature of every rh_builtin_def.fn in the harness. args/kwv borrowed. */
typedef rh_object *(*hx_cfn)(hx_interp *I, rh_object *self, rh_object **args, int nargs, char **kwn,
                            rh_object **kwv, int nkw);
/* rh_builtin_def.flags: how CPython calls it. A METH_VARARGS function, or a type without vectorcall, gets its
 * positional arguments packed into a tuple and its keywords into a dict, both alive for the whole call
 * (Objects/call.c _PyObject_MakeTpCall; Objects/methodobject.c cfunction_call). The harness's function
 * still receives the array; the call site (hx_call_def) makes the tuple and the dict. */
#define HX_METH_VARARGS 1         /* in every version */
#define HX_METH_VARARGS_TO312 2   /* where the profile's varargs_find_minmax says so */
/* Call builtin def d with self (borrowed) and the arguments (borrowed), packing them as d->flags say. */
rh_object *hx_call_def(hx_interp *I, const rh_builtin_def *d, rh_object *self, rh_object **args, int nargs,
                       char **kwn, rh_object **kwv, int nkw);
/* The same, packing whatever d->flags say when force is set (2.7's type_call of a built-in type) */
rh_object *hx_call_def_packed(hx_interp *I, const rh_builtin_def *d, rh_object *self, rh_object **args, int nargs,
                              char **kwn, rh_object **kwv, int nkw, int force);

/* interp.c: a new dict of a function unit's bound locals (a cell's contents for a cell) in slot order, read
 * from live (a running frame's fast locals) or, when live is NULL, from frame object fo's own. New
 * reference or NULL. */
rh_object *hx_locals_dict(hx_interp *I, hx_code *c, rh_object **live, rh_object *fo);

/* ---- args.c: Python/getargs.c parser_init (3.10, 3.11: the profile's kwparser_lazy_tuple): a native
 * function's keyword parser makes the tuple of its keyword names (new_kwtuple: those after the
 * positional-only "" ones, interned) the first time it parses keywords and keeps it for the process, one GC
 * allocation at that first call (3.12+: the core's parsers have static tuples; 2.7 has none). `names`
 * (static storage, nnames of them, or NULL-terminated when nnames < 0) and the function's name identify the
 * parser. 0, or -1 with MemoryError. hx_kwtuples_free drops them all. */
int hx_kwtuple_once(hx_interp *I, const char *fn, const char *const *names, int nnames);
/* The same whatever the profile says: a parser whose kwtuple is lazy in other versions than the core's */
int hx_kwtuple_make(hx_interp *I, const char *fn, const char *const *names, int nnames);
void hx_kwtuples_free(hx_interp *I);

/* ---- args.c: keyword parsing as Argument Clinic's (_PyArg_UnpackKeywords). out[0..nnames) gets the
 * arguments for names (borrowed, NULL when absent) from a[0..n) then the keywords; the first npos may be
 * positional, the first nreq are required. 0, or -1 with CPython's TypeError. */
int hx_parse_kw(hx_interp *I, const char *fn, const char *const *names, int nnames, int npos, int nreq,
                rh_object *const *a, int n, char **kwn, rh_object **kwv, int nkw, rh_object **out);

/* ---- modules.c */
rh_object *hx_import_module(hx_interp *I, const char *name);   /* new ref or NULL */
/* The native modules CPython writes in C (mod_math.c, mod_time.c, mod_random.c): a new module, or NULL. */
rh_object *hx_module_math(hx_interp *I);
rh_object *hx_module_time(hx_interp *I);
rh_object *hx_module_random(hx_interp *I);
void hx_random_state_free(hx_interp *I);
/* mod_itertools.c: the itertools module, the constructor of one of its types (NULL: not one), and the
 * type attributes it has (chain.from_iterable: new reference; NULL without error: none) */
rh_object *hx_module_itertools(hx_interp *I);
const rh_builtin_def *hx_itertools_constructor(rh_object *type);
rh_object *hx_itertools_type_attr(hx_interp *I, rh_object *type, rh_object *name);
/* mod_collections.c: _collections and the native stand-in for collections (deque), deque's constructor
 * (NULL: not a deque type), its methods, and deque.maxlen (1: *out set, 0: not that, -1: error) */
rh_object *hx_module__collections(hx_interp *I);
rh_object *hx_module_collections(hx_interp *I);
const rh_builtin_def *hx_collections_constructor(rh_object *type);
int hx_deque_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_collections_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out);
/* mod_collections.c: defaultdict (a dict subclass made when _collections is imported): its methods (NULL
 * when self is no defaultdict or name not one of them), and the part of its __init__ before dict's (the
 * factory argument taken: 1, 0 (also when self is no defaultdict), -1 error; *rest the remaining
 * arguments' tuple to drop after dict's __init__, or NULL) */
const rh_builtin_def *hx_defaultdict_find_method(rh_object *self, const char *name);
int hx_defaultdict_init(hx_interp *I, rh_object *self, rh_object **a, int n, rh_object **rest);
/* mod_collections.c: OrderedDict's __init__ (odict_init: mutablemapping_update) when self is one: 1 with *r
 * its result (None, or NULL with the error set), else 0 */
int hx_odict_init(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw,
                  rh_object **r);
/* PyDict_Merge's fast path condition: a dict (or subclass instance) iterated by dict's own tp_iter (not an
 * OrderedDict, whose keys() order the merge must follow) */
/* t is collections.OrderedDict itself (the class with odict's slots, not a subclass) and below names a
 * class under it (or is NULL): its slots answer as a built-in type's do for the classes below it
 * (super().__setitem__ in a subclass, OrderedDict.__setitem__) */
static inline int hx_odict_answers_below(rh_type *t, rh_object *below) {
    if (!(t->flags & RH_TPFLAG_ODICT) || (t->base->flags & RH_TPFLAG_ODICT)) return 0;
    if (!below) return 1;
    for (rh_type *b = (rh_type *)below; b && b != t; b = b->base)
        if (!(b->flags & RH_TPFLAG_ODICT)) return 0;
    return (rh_type *)below != t;
}
static inline int hx_dict_iterates_plainly(hx_interp *I, rh_object *o) {
    return rh_kind_of(o) == RH_K_DICT && rh_type_of(o)->tp_iter == rh_builtin_type(I->rt, RH_K_DICT)->tp_iter;
}
/* mod_collections.c: a namedtuple instance's methods (_asdict, _replace, __getnewargs__), NULL otherwise */
const rh_builtin_def *hx_namedtuple_find_method(rh_object *self, const char *name);
/* mod_array.c, mod_io.c, mod_bisect.c, mod_random.c: array, _io/io (StringIO), _bisect, _heapq (bisect and heapq
 * are Lib's bisect.py and heapq.py over them, as CPython's),
 * and the methods, attributes and constructors of their objects (array.array, StringIO, random.Random) */
rh_object *hx_module_array(hx_interp *I);
rh_object *hx_module_io(hx_interp *I, const char *name);
/* mod_iobase.c: _io._IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase and UnsupportedOperation into dict d */
int hx_io_add_bases(hx_interp *I, rh_object *d);
/* mod_iobase.c helpers for the concrete classes: UnsupportedOperation(msg) raised (NULL); class <name>(<base>)
 * in module _io with defs as method_descriptors (new reference or NULL); cls.<getter> = property (0/-1) */
rh_object *hx_io_unsupported(hx_interp *I, const char *msg);
/* The io modules' shared helpers (mod_iobase.c): hx_io_arity is METH_NOARGS/METH_O's argument check (0 or -1
 * with TypeError); hx_io_attr getattr(o, name) (new or NULL); hx_io_set_attr setattr (0/-1); hx_io_call
 * o.name(*args) (new or NULL; args borrowed). */
int hx_io_arity(hx_interp *I, const char *fn, int n, int nkw, int lo, int hi);
/* _Py_convert_optional_to_ssize_t of the first of n arguments: an int's index, or -1 for None or no argument.
 * 0, or -1 with TypeError "argument should be integer or None, not 'str'" */
int hx_io_opt_size(hx_interp *I, rh_object **a, int n, int64_t *v);
rh_object *hx_io_attr(hx_interp *I, rh_object *o, const char *name);
int hx_io_set_attr(hx_interp *I, rh_object *o, const char *name, rh_object *v);
rh_object *hx_io_call(hx_interp *I, rh_object *o, const char *name, rh_object **args, int nargs);
rh_object *hx_io_make_class(hx_interp *I, const char *name, const char *tp_name, rh_object *base,
                            const rh_builtin_def *defs);
int hx_io_add_property(hx_interp *I, rh_object *cls, const rh_builtin_def *getter);
/* mod_fileio.c: _io.FileIO (a class over d's _RawIOBase) into dict d; 0/-1 */
int hx_io_add_fileio(hx_interp *I, rh_object *d);
/* mod_buffered.c: _io.BufferedReader/BufferedWriter/BufferedRandom (over d's _BufferedIOBase); 0/-1 */
int hx_io_add_buffered(hx_interp *I, rh_object *d);
/* mod_textio.c: _io.TextIOWrapper (over d's _TextIOBase); 0/-1. hx_io_open: _io.open = builtins.open
 * (arguments borrowed; new reference or NULL) */
int hx_io_add_textio(hx_interp *I, rh_object *d);
rh_object *hx_io_open(hx_interp *I, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw);
rh_object *hx_module_bisect(hx_interp *I);
rh_object *hx_module_heapq(hx_interp *I);
rh_object *hx_module_abc(hx_interp *I); /* mod_abc.c: _abc (Modules/_abc.c), under Lib's abc.py */
/* mod_sre.c: _sre (Modules/_sre/sre.c) under Lib's re package; re.Pattern / re.Match methods and attributes
 * (hx_sre_getattr: 1 found (*out new reference), 0 not an attribute it has, -1 error) */
rh_object *hx_module_sre(hx_interp *I);
int hx_sre_method_tables(rh_kind kind, hx_mtab out[2]);
/* mod_posix.c: os.scandir's ScandirIterator and DirEntry (reference/src/t_scandir.c): their methods, and
 * DirEntry's name/path (1 found (*out new reference), 0 not one of them) */
int hx_posix_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_posix_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out);
int hx_sre_getattr(hx_interp *I, rh_object *o, rh_object *name, rh_object **out);
/* mod_thread.c: _thread (Modules/_threadmodule.c, one thread); _thread.lock / RLock methods and constructors */
rh_object *hx_module__thread(hx_interp *I);
rh_object *hx_module__codecs(hx_interp *I); /* mod_codecs.c */
int hx_thread_method_tables(rh_kind kind, hx_mtab out[2]);
/* builtins_reduce.c: object.__reduce_ex__, __reduce__, __getstate__ (entries of I->object_methods) */
extern const rh_builtin_def hx_object_reduce_defs[];
const rh_builtin_def *hx_object_method_def(hx_interp *I, rh_object *name); /* NULL: not one of them */
/* mod_weakref.c: _weakref (Modules/_weakref.c) and weakref.ReferenceType's constructor */
rh_object *hx_module__weakref(hx_interp *I);
const rh_builtin_def *hx_weakref_constructor(void);
rh_object *hx_module__ast(hx_interp *I);      /* mod_ast.c: _ast, from harness/lib/_ast.py */
rh_object *hx_module__imp(hx_interp *I);      /* mod_imp.c: _imp (Python/import.c) */
rh_object *hx_module__warnings(hx_interp *I); /* mod_imp.c: _warnings, over Lib's warnings */
rh_object *hx_module_marshal(hx_interp *I);   /* mod_imp.c: marshal's version */
rh_object *hx_module_errno(hx_interp *I);   /* mod_errno.c: errno (Modules/errnomodule.c) */
rh_object *hx_module_posix(hx_interp *I);   /* mod_posix.c: posix (Modules/posixmodule.c), under Lib's os.py */
rh_object *hx_module__string(hx_interp *I); /* builtins_fmt.c: _string (Objects/stringlib/unicode_format.h) */
/* mod_struct.c: _struct (Modules/_struct.c) under Lib's struct.py; _struct.Struct's methods, format/size
 * (hx_struct_getattr: 1 found (*out new reference), 0 not one of them, -1 error) and constructor */
rh_object *hx_module__struct(hx_interp *I);
int hx_struct_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_struct_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out);
const rh_builtin_def *hx_struct_constructor(void);
const rh_builtin_def *hx_thread_constructor(rh_object *type); /* NULL: not a lock type */
int hx_array_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_stringio_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_random_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_array_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out);    /* 1 got, 0 none, -1 */
/* builtins_memview.c: memoryview's methods and attributes */
int hx_memview_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_memview_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out);  /* 1 got, 0 none, -1 */
int hx_stringio_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out); /* 1 got, 0 none, -1 */
const rh_builtin_def *hx_array_constructor(void);
const rh_builtin_def *hx_stringio_constructor(void);
/* mod_bytesio.c: _io.BytesIO's methods, `closed` (1 got, 0 none) and constructor */
int hx_bytesio_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_bytesio_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out);
const rh_builtin_def *hx_bytesio_constructor(void);
const rh_builtin_def *hx_random_constructor(void);
/* builtins_bytes.c: bytes / bytearray methods, constructors, bytes.fromhex, str.encode, their builtins names */
int hx_bytes_method_tables(rh_kind kind, hx_mtab out[2]);
const rh_builtin_def *hx_bytes_constructor(rh_object *type);
rh_object *hx_object_bytes(hx_interp *I, rh_object *o); /* PyObject_Bytes: new ref or NULL */
extern const rh_builtin_def hx_int_from_bytes_def; /* builtins.c: the classmethod int.from_bytes */
rh_object *hx_base_classmethod(hx_interp *I, rh_type *b, rh_object *cls, rh_object *name); /* builtins_iter.c */
rh_object *hx_bytes_type_attr(hx_interp *I, rh_object *type, rh_object *name); /* NULL: none (or error set) */
rh_object *hx_str_type_attr(hx_interp *I, rh_object *type, rh_object *name);   /* str.maketrans, as above */
rh_object *hx_str_encode(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw);
int hx_builtins_bytes_init(hx_interp *I);
/* builtins_complex.c: the complex constructor, methods, .real / .imag and its builtins name */
const rh_builtin_def *hx_complex_constructor(void);
int hx_complex_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_complex_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out); /* 1 got, 0 none, -1 */
/* slice (builtins_slice.c): constructor, methods, .start/.stop/.step (1 got, 0 none), a slice object's
 * bounds as BINARY_SLICE takes them (0, or -1 with TypeError), the builtins entry */
const rh_builtin_def *hx_slice_constructor(void);
int hx_slice_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_slice_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out);
int hx_slice_bounds(hx_interp *I, rh_object *s, int64_t v[3], int has[3]);
/* _PyEval_SliceIndex of a bound with __index__: 0 and *v (clipped to the int64 range), or -1 with the error */
int hx_slice_index(hx_interp *I, rh_object *o, int64_t *v);
int hx_builtins_slice_init(hx_interp *I);
/* range (builtins_range.c): its methods (count, index, __reversed__, __reduce__) */
int hx_range_method_tables(rh_kind kind, hx_mtab out[2]);
int hx_slice_setattr(hx_interp *I, rh_object *name); /* -1: a read-only member (error set), 0: not one */
int hx_builtins_complex_init(hx_interp *I);
/* builtins.c: float(o) for one argument (PyNumber_Float): new reference or NULL */
rh_object *hx_number_float(hx_interp *I, rh_object *o);
/* the value of ba[i:j] = v as a bytes-like (new reference: v itself, a copy when v is ba, or a bytearray of
 * an iterable of ints), or NULL with TypeError/ValueError */
rh_object *hx_bytes_slice_value(hx_interp *I, rh_object *ba, rh_object *v);
/* modules.c: a module named `name` holding the functions of defs (those the profile's version has). */
rh_object *hx_make_module(hx_interp *I, const char *name, const rh_builtin_def *defs);
void hx_hooks_install(hx_interp *I);
/* The rh_hooks table given to rh_runtime_new (runtime.h): __del__, unraisable errors and output. */
rh_hooks hx_interp_hooks(hx_interp *I);

/* ---- import.c: modules written in Python */
char *hx_read_file(const char *path, size_t *len);  /* malloc'd, NUL-terminated; NULL with errno */
/* search path: main's directory, PYTHONPATH, then stdlib (the profile's Lib directory; NULL or missing: none) */
void hx_imports_init(hx_imports *R, const char *main_file, const char *stdlib);
/* Find, read and parse every module the unconditional top-level imports of the program name, and theirs,
 * recursively. 0, or -1 with *err set and *errfile the file it is about (NULL: the main program). */
int hx_imports_load(hx_imports *R, hx_code *main_module, hx_cerr *err, const char **errfile);
int hx_imports_compile(hx_interp *I, hx_cerr *err, const char **errfile); /* resolve + compile each loaded */
hx_modfile *hx_imports_find(const hx_imports *R, const char *name);
char *hx_native_package_dir(const hx_imports *R, const char *name); /* Lib's directory of a native package, or NULL */
int hx_native_module_found(const hx_imports *R, const char *name);  /* 1: `import name` is the native module */
const rh_builtin_def *hx_weakref_proxy_def(void); /* mod_weakref.c: _weakref.proxy, also weakref.proxy */
/* mod_weakref.c: ref.__new__ for a class deriving from ref (new reference or NULL); ref.__init__'s checks
 * (0 or -1); ref's methods (__call__, __hash__) for builtins.c's kind_methods */
rh_object *hx_weakref_subtype_new(hx_interp *I, rh_object *cls, rh_object **a, int n, int nkw);
int hx_weakref_init(hx_interp *I, int n, int nkw);
int hx_weakref_method_tables(rh_kind kind, hx_mtab out[2]);
/* import.c: eval(source, globals) of a str source; new reference or NULL */
rh_object *hx_eval_source(hx_interp *I, const char *text, size_t len, rh_object *globals);
/* exec() of a str source (import.c): its statements run in globals, their top-level names in locals when that
 * is another dict (borrowed both). 0, or -1 with the error set (refheap.Unsupported for a source that cannot be
 * parsed: <string>:line:col). */
int hx_exec_source(hx_interp *I, const char *text, size_t len, rh_object *globals, rh_object *locals);
/* The main script's path as __file__, co_filename and tracebacks show it: absolute from 3.9 on, as given
 * on the command line before (2.7). Borrowed. */
const char *hx_script_path(const hx_interp *I);
/* mod_collections.c: _tuplegetter.__doc__ = v (v NULL: del); 1 when name is __doc__ (done), else 0 */
int hx_tuplegetter_setattr(hx_interp *I, rh_object *o, rh_object *name, rh_object *v);
void hx_imports_free(hx_imports *R);
/* IMPORT_NAME (Python/ceval.c import_name, Lib/importlib/_bootstrap.py __import__): name relative to
 * globals' package at level, fromlist NULL or the names joined by ','. New ref or NULL. */
rh_object *hx_import_name(hx_interp *I, rh_object *globals, const char *name, int level, const char *fromlist);
rh_object *hx_import_file(hx_interp *I, const char *name);      /* absolute name, executed at first import: new ref */
rh_object *hx_import_from(hx_interp *I, rh_object *module, const char *attr); /* IMPORT_FROM: new ref */
int hx_import_star(hx_interp *I, rh_object *ns, rh_object *module);          /* IMPORT_STAR: 0 or -1 */
rh_object *hx_sys_modules(hx_interp *I);   /* sys.modules (borrowed; made on first use) or NULL */
/* 2.x: sys.exc_type/exc_value/exc_traceback set from the exception being handled (modules.c) */
void hx_sys_exc_mirror(hx_interp *I);
rh_object *hx_sys_path(hx_interp *I);      /* a new list of the search path's directories, or NULL */
const hx_modfile *hx_imports_file_of_globals(hx_interp *I, rh_object *globals); /* NULL: the program */
/* finalize_modules for the imported modules: out of sys.modules (weak references kept: new list or NULL), then,
 * after the shutdown collection, the dicts of those still alive wiped, newest first (consumes the list). */
rh_object *hx_imports_remove(hx_interp *I);
void hx_imports_wipe(hx_interp *I, rh_object *weaklist);
/* modules.c: is `name` one of the native modules (gc, sys, ...)? */
int hx_native_module_exists(const char *name);
int hx_native_module_is_builtin(const char *name); /* a native module that is no stand-in for a Lib module */
void hx_native_module_names(char *out, size_t n);  /* "sys, gc, ..." */
/* interp.c: _PyModule_ClearDict — names to None, single-underscore names first, __builtins__ kept */
void hx_module_clear_dict(hx_interp *I, rh_object *d);
/* vm.c: run a module unit with `globals` as its namespace, its frame's caller the current frame. 0 / -1. */
int hx_run_module(hx_interp *I, hx_code *c, rh_object *globals);
/* ... with ns (borrowed, or NULL) as the frame's locals mapping: exec(source, globals, locals) */
int hx_run_module_ns(hx_interp *I, hx_code *c, rh_object *globals, rh_object *ns);

/* vm.c: object_new for the heap class cls (or object); excess: arguments beyond the type were given.
 * New reference or NULL. */
rh_object *hx_object_new(hx_interp *I, rh_object *cls, int excess);

/* vm.c: what type_new does once the class exists (3.x): type_new_set_names over the body's namespace ns,
 * then type_new_init_subclass with the class keywords kw (a dict or NULL). 0 or -1. */
int hx_class_finish(hx_interp *I, rh_object *cls, rh_object *ns, rh_object *kw);

/* ---- typeobj.c: `type` as a metaclass (arguments borrowed; new reference or NULL with the error set) */
int hx_is_metatype(rh_object *t);  /* t is `type` or a class deriving from it */
/* type_new with metatype meta: (name, bases, ns) in a[0..2], the class keywords (for __init_subclass__) */
rh_object *hx_type_new(hx_interp *I, rh_object *meta, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw);
/* type.<name> (__new__, __call__, __init__, __prepare__, __instancecheck__, __subclasscheck__, mro) bound to
 * self (NULL: unbound); NULL without an error when type has no such method */
rh_object *hx_type_method(hx_interp *I, rh_object *self, rh_object *name);
/* type_getattro's meta_attribute of the class cls: a data descriptor of its metaclass (looked up first;
 * NULL without an error: none), and any other attribute of the metaclass or of type (looked up after the
 * class's own MRO; NULL without an error: none) */
rh_object *hx_meta_data_attr(hx_interp *I, rh_object *cls, rh_object *name);
rh_object *hx_meta_attr(hx_interp *I, rh_object *cls, rh_object *name);
rh_object *hx_object_subclasshook(hx_interp *I, rh_object *cls); /* object.__subclasshook__ bound to cls */
int hx_subtype(rh_object *c, rh_object *cls);
/* tp_new_wrapper (Objects/typeobject.c) of the built-in type: hx_tp_new_check's TypeErrors for X.__new__(S,
 * ...) (no S, S not a type, not a subtype of X, or S's nearest static base past the classes defining
 * __new__ in Python not made by X's tp_new: "not safe"), 0 or -1; hx_builtin_tp_new is X's tp_new for S
 * (GenericAlias: ga_new; list, dict: the empty object; others for X itself only); hx_tp_new_wrapper is
 * X.__new__, a built-in bound to X (NULL without an error: X has none of its own, or object/type/exceptions) */
int hx_tp_new_check(hx_interp *I, rh_type *type, rh_object **a, int n);
rh_object *hx_builtin_tp_new(hx_interp *I, rh_type *type, rh_object *sub, rh_object **a, int n, char **kwn,
                             rh_object **kwv, int nkw);
rh_object *hx_tp_new_wrapper(hx_interp *I, rh_type *t);
/* object_new's Py_TPFLAGS_IS_ABSTRACT check: cls carries the flag (set only by assigning a true
 * __abstractmethods__ to the class, as type_set_abstractmethods does) -> TypeError set, 1; else 0 */
int hx_abstract_error(hx_interp *I, rh_object *cls);
int hx_issubclass(hx_interp *I, rh_object *c, rh_object *cls); /* builtins_iter.c: PyObject_IsSubclass */  /* PyType_IsSubtype over the tp_base chain and the MRO */
/* A metaclass's __instancecheck__/__subclasscheck__ (hook) of cls called with arg: 1, 0, -1 error, 2 none */
int hx_meta_check(hx_interp *I, rh_object *cls, const char *hook, rh_object *arg);
/* 2.7's PyObject_IsInstance / PyObject_IsSubclass on a class whose metaclass is type (no fast path before
 * 3.0): _PyObject_LookupSpecial binds type's own hook to cls (a built-in method, from its free list) and
 * PyObject_CallFunctionObjArgs packs arg into a 1-tuple; the tuple, then the method, are dropped after the
 * check. Makes and drops both (the caller computes the answer); 0, or -1 with MemoryError. Nothing in 3.x. */
int hx_py27_check_hook(hx_interp *I, rh_object *cls, const char *hook, rh_object *arg);
/* 2.7's PyErr_ExceptionMatches(cls) with an error pending: PyObject_IsSubclass(curexc_type, cls), whose
 * hook (hx_py27_check_hook) allocates. The pending error stays; nothing in 3.x or without an error. */
void hx_py27_err_matches(hx_interp *I, rh_exc cls);
/* vm.c: type_call of the type cls (arguments consumed as hx_call's), without its metaclass's __call__ */
rh_object *hx_type_call(hx_interp *I, rh_object *cls, rh_object **args, int nargs, char **kwn, rh_object **kwv,
                        int nkw);

/* builtins_func.c: object.__init_subclass__ bound to cls (borrowed). New reference or NULL. */
rh_object *hx_object_init_subclass(hx_interp *I, rh_object *cls);

/* ---- report.c */
void hx_report_stmt_begin(hx_interp *I, hx_node *stmt);
void hx_report_stmt_end(hx_interp *I, hx_node *stmt);

/* A class made by a `class` statement (heap type), as opposed to a built-in type object. */
static inline int hx_is_heap_class(rh_object *o) {
    return rh_kind_of(o) == RH_K_TYPE && (((rh_type *)o)->flags & RH_TPFLAG_HEAPTYPE) != 0;
}

/* An instance of a class deriving from a built-in type (list, dict): the built-in's kind, a heap type.
 * Its attributes go through the class (rh_getattr) before the built-in's methods, and the interpreter's
 * kind-keyed fast paths leave it to the type's slots, which the class may have overridden. */
static inline int hx_is_builtin_subclass_instance(rh_object *o) {
    return (rh_type_of(o)->flags & RH_TPFLAG_HEAPTYPE) && rh_kind_of(o) != RH_K_INSTANCE &&
           rh_kind_of(o) != RH_K_EXCEPTION && rh_kind_of(o) != RH_K_TYPE; /* a metaclass's class: a type */
}

/* interp.c: LOAD_METHOD's lookup on such an instance (_PyObject_GetMethod): 1 an unbound function of the
 * class (*fn new), 2 a method of the built-in (*def), 0 another attribute (*fn new), -1 error. */
int hx_builtin_subclass_method(hx_interp *I, rh_object *o, rh_object *name, rh_object **fn,
                               const rh_builtin_def **def);

#define RH_ARGS_MAX 64
#endif
