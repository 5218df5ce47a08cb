/* refheap/profile.h — version profiles: the parameters that differ between CPython versions, as data.
 *
 * A profile is a plain struct. Code reads its fields; it never tests a version name. The built-in
 * profiles are py27, py310, py311 (default), py312 and py313 (values and their CPython sources in
 * docs/profiles.md; docs/design.md §Profiles).
 */
#ifndef REFHEAP_PROFILE_H
#define REFHEAP_PROFILE_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What an exception type adds to BaseException's fields (Include/cpython/pyerrors.h): nothing, SystemExit's
 * code, StopIteration's value, NameError's name, AttributeError's obj and name, ImportError's msg, name,
 * path (3.12: name_from), OSError's errno, strerror, filename, filename2, written. */
#define RH_EXC_LAYOUTS(X) X(PLAIN) X(SYSTEMEXIT) X(STOPITERATION) X(NAME) X(ATTRIBUTE) X(IMPORT) X(OS) X(SYNTAX) X(GROUP)
typedef enum rh_exc_layout {
#define RH_X_LAYOUT(l) RH_EXC_LAYOUT_##l,
    RH_EXC_LAYOUTS(RH_X_LAYOUT)
#undef RH_X_LAYOUT
    RH_EXC_LAYOUT__COUNT
} rh_exc_layout;

typedef struct rh_profile {
    const char *name;             /* "py311" */
    const char *python_version;   /* "3.11" — what sys.version_info would start with */
    /* the sys module of the interpreter the profile mirrors (Python/sysmodule.c, Include/patchlevel.h):
     * sys.version as it prints it, sys.hexversion (PY_VERSION_HEX), sys.platform, getdefaultencoding() */
    const char *sys_version;
    uint32_t hexversion;
    const char *sys_platform;
    const char *default_encoding;

    /* pymalloc (Objects/obmalloc.c) */
    uint32_t alignment;           /* 16 (8 in py27) */
    uint32_t small_request_threshold; /* 512 */
    uint32_t pool_size;           /* 16 KiB (4 KiB in py27) */
    uint32_t arena_size;          /* 1 MiB (256 KiB in py27) */
    uint32_t pool_overhead;       /* sizeof(pool_header) rounded to alignment: 48 (py27: 48) */
    int keep_one_empty_arena;     /* 3.9+: a wholly free arena that is last in usable_arenas is kept */
    int pymem_is_raw;             /* py27: PyMem_MALLOC is the C library's malloc, so list arrays and dict
                                   * tables bypass pymalloc (3.6+: PyMem_Malloc is pymalloc) */

    /* object layout (sys.getsizeof) */
    uint32_t gc_head_size;        /* 16 (32 in py27) */
    int managed_dict;             /* 3.11+: instances carry 2 pre-header words, no __dict__ slot */
    int managed_weakref;          /* 3.12+: a class's __weakref__ is the first pre-header word
                                   * (Py_TPFLAGS_MANAGED_WEAKREF), not a word of the instance */
    int managed_dict_varsize;     /* 3.12+: so do instances of a class over a variable-size base (int);
                                   * 3.10/3.11: a __dict__ word ends the object (negative tp_dictoffset) */
    uint32_t weakref_size;        /* sizeof(PyWeakReference): 56 in 2.7 and 3.10, 64 from 3.11 (vectorcall) */
    uint8_t weakref_clear_tuple;  /* 3.13: PyObject_ClearWeakRefs parks even one callback in a (ref, callback)
                                   * tuple (a GC allocation); up to 3.12 a single one is called directly */
    uint32_t str_ascii_header;    /* PyASCIIObject: 48 in 3.11, 40 in 3.12+; py27: PyStringObject, 36 */
    uint32_t str_compact_header;  /* PyCompactUnicodeObject: 72 in 3.11, 56 in 3.12+ */
    uint8_t str_ascii_iterator;   /* 3.11+: iter() of a compact ASCII str is a str_ascii_iterator, another type */
    int int_zero_has_digit;       /* 3.11+: getsizeof(0) counts one digit (28) */
    uint32_t dict_smalltable;     /* py27: 8 — PyDictObject holds an 8-slot table (248 bytes + GC head);
                                   * a bigger table is one (mask+1)*24-byte allocation, sized by 2.7's
                                   * resize rule (t_dict.c); 0: 3.x PyDictKeysObject */
    int dict_unicode_keys;        /* 3.11+: str-keyed tables drop the hash (16-byte entries,
                                   * DICT_KEYS_UNICODE); 3.10: every entry is 24 bytes */
    uint32_t dictkeys_extra_header; /* bytes PyDictKeysObject's header has beyond 3.11's 32: 8 in 3.10
                                   * (dk_size, dk_lookup, dk_usable, dk_nentries as words) */
    int str_hash_py27;            /* py27: str hashes are 2.7's string_hash over the UTF-8 bytes (with
                                   * dict_smalltable, dicts iterate in 2.7's order); 0: refheap's own */

    /* freelists (0 disables one) */
    uint32_t float_freelist;      /* 100 */
    uint32_t tuple_freelist_sizes;/* PyTuple_MAXSAVESIZE: 20 */
    uint32_t tuple_freelist_per_size; /* 2000 */
    uint32_t tuple_freelist_pop_max;  /* 3.11 quirk: pop only size < 20 -> 19; 3.12: 20 */
    uint32_t list_freelist;       /* 80 */
    uint32_t dict_freelist;       /* 80 */
    uint32_t dictkeys_freelist;   /* 80 */
    uint32_t slice_cache;         /* 3.x: one dead slice kept for the next (interp->slice_cache); 2.7: 0 */
    int slice_hashable;           /* 3.12+: slices hash (slice_hash); before: unhashable */
    uint32_t float_block_size;    /* py27: 1000 — floats come from 2.7's PyFloatBlocks the same way
                                   * (Objects/floatobject.c); float_freelist is then unused */
    uint32_t int_block_size;      /* py27: 1000 — ints are 2.7's 24-byte PyIntObject (value in one word),
                                   * carved from blocks of this size and kept on an unbounded free list
                                   * until a full collection (Objects/intobject.c); 0: 3.x PyLongObject */

    /* list_resize over-allocation: py3 (n + n/8 + 6) & ~3, py27 n + n/8 + (n < 9 ? 3 : 6) */
    int list_growth_py27;
    int list_extend_exact;        /* 3.x: list_extend into a list without an array allocates exactly the
                                   * source's length rounded up to even (list_preallocate_exact); py27:
                                   * list_resize(len + n) like any other extend */
    int list_extend_dict_resizes; /* 3.13: list_extend_dict takes a dict's keys with list_resize even into
                                   * an empty list */
    int list_append_resizes;      /* 2.7-3.10: append goes through list_resize (app1), which shrinks an array more
                                   * than twice the new size; 3.11+ _PyList_AppendTakeRef stores in place when
                                   * there is room */
    int list_pop_clears;          /* 3.12+: a pop() that empties the list frees its array (list_pop_impl calls
                                   * _list_clear); before, list_resize(0) keeps a zero-byte array */
    int str_split_short_single;   /* 3.x: s.split(sep) with sep longer than s (or of a wider kind) is
                                   * PyList_New(1) holding s (unicodeobject.c split); py27 preallocates */
    int str_split_prealloc_by_length; /* 3.12+: an unlimited split preallocates for the most splits the
                                   * text can hold, not MAX_PREALLOC (12) slots */

    /* identity */
    int64_t small_int_min;        /* -5 */
    int64_t small_int_max;        /* 256 */
    int64_t static_refcnt;        /* initial refcount of static objects: 999999999 (3.11); 0xFFFFFFFF (3.12: _Py_IMMORTAL_REFCNT) makes them immortal (object.h) */
    int interned_immortal;        /* 3.12: sys.intern makes the string immortal */
    int odict_repr_dict;          /* 3.12: repr(OrderedDict) is "OrderedDict({...})" of PyDict_Copy(self) */
    int compare_guarded;          /* 3.10: every COMPARE_OP is PyObject_RichCompare (no specialized int compare), so
                                   * a comparison made at the recursion limit raises RecursionError "maximum
                                   * recursion depth exceeded in comparison" (Py_EnterRecursiveCall) */
    int delattr_missing_name_only; /* 3.10: deleting an attribute missing from an instance's or class's __dict__
                                   * raises AttributeError(name) (_PyObject_GenericSetAttrWithDict turns the
                                   * dict's KeyError into it); 3.11 words it as getattr does */
    uint32_t sre_magic;           /* _sre.MAGIC (Modules/_sre/sre_constants.h SRE_MAGIC): the code format _sre.compile
                                   * loads: 3.11 20220615, 3.12 20221023, 3.13 20230612 (the same opcodes); 3.10
                                   * 20171005 (Lib/sre_constants.py's numbering, renumbered into the engine's as
                                   * the code is loaded; MAXGROUPS INT32_MAX); 0: 3.11's */

    /* classes (t_class.c: add_subclass / remove_subclass of Objects/typeobject.c) */
    int subclasses_list;          /* py27: tp_subclasses is a list of weakrefs, a dead one's slot reused by the next
                                   * subclass and never removed; 3.x: a dict keyed by the subclass's address */
    int subclasses_clear_empty;   /* 3.11+: remove_subclass drops the dict once it is empty (3.10 keeps it) */
    const char *subclassed_at_start; /* tp_names of the built-in types whose tp_subclasses exists when a program
                                   * starts (measured: the first class deriving from the type makes no container),
                                   * space-separated with a space at each end */
    int super_args_tuple;         /* 3.10 and 2.7: super has no vectorcall (3.11 super_vectorcall), so super(t, o)
                                   * (and 3.10's type_new_init_subclass) packs its arguments into a tuple for
                                   * type_call (_PyObject_MakeTpCall) */
    int mro_merge_list;           /* 3.x: mro_implementation merges several bases into a list that mro_invoke
                                   * turns into the tuple (one transient list); one base is copied directly */

    /* cyclic GC */
    int gc_threshold[3];          /* 700, 10, 10 (2000, 10, 10 in 3.13) */
    int legacy_finalizers;        /* py27: cycles with __del__ are uncollectable, go to gc.garbage */
    int gc_trigger_at_alloc;      /* 3.11: collect inside the allocation; 3.12+: at the next statement */
    uint8_t gc_keeps_container_freelists; /* 2.7: a full collection's clear_freelists leaves the list and
                                   * dict free lists alone (3.x: _PyGC_ClearAllFreeLists empties them) */

    /* language */
    uint32_t version_hex;         /* 0x030B for 3.11, 0x0207 for 2.7: which APIs exist (each gate names the
                                   * version that added the API, as CPython's docs do) */
    int python2;                  /* py27: a Python 2 program — `print` needs `from __future__ import
                                   * print_function`, int / int floors without `division`, a class
                                   * statement without bases makes an old-style class */
    int range_returns_list;       /* py27 */
    uint32_t float_str_digits;    /* py27: 12 — str(float) is '%.12g' plus ".0" (float_str, 2.7); 0: the repr */
    uint32_t trashcan_unwind_level; /* 50 */
    int call_args_stolen;         /* 3.11+: a Python call's frame takes over the caller's stack references
                                   * to the arguments; 3.10 and 2.7 add one (getrefcount sees one more) */
    uint8_t quicken_delay;        /* 3.11: a code object is quickened at its 8th RESUME or JUMP_BACKWARD
                                   * (QUICKENING_WARMUP_DELAY, _PyCode_Warmup) and an adaptive instruction
                                   * specializes at its next run; 0: no such warm-up */
    uint8_t site_warmup;          /* 3.12: a CALL specializes at its run after this many runs (the adaptive
                                   * counter starts at ADAPTIVE_WARMUP_VALUE, 1); 0: none modelled */
    uint8_t call_alloc_enter_init; /* 3.13: a CALL of a plain class whose __init__ is a simple Python function
                                   * taking exactly the arguments specializes (site_warmup) to
                                   * CALL_ALLOC_AND_ENTER_INIT: no argument tuple, the frame takes the
                                   * stack's references, the class's is dropped before __init__ runs */
    int call_ex_inline;           /* 3.12+: f(*args, **kw) of a Python function pushes the frame and drops the
                                   * argument tuple and dict before the callee runs (_PyEvalFramePushAndInit_Ex) */
    int print_args_tuple;         /* 3.11+ and 2.7: print()'s positional arguments are packed into a tuple
                                   * alive for the call (3.11's Argument Clinic *args; 2.7's METH_VARARGS) */
    int str_int_args_tuple;       /* up to 3.12: str(x) and int(x) have no vectorcall, so the call packs the
                                   * arguments into a tuple for type_call (Objects/call.c _PyObject_MakeTpCall) */
    uint8_t kwparser_lazy_tuple;  /* 3.10/3.11: a native function's keyword parser makes its keyword-name
                                   * tuple at its first keyword call, one GC allocation kept for good
                                   * (Python/getargs.c parser_init); 3.12+: static tuples; 2.7: none */
    int varargs_find_minmax;      /* up to 3.12: min/max and str.find/rfind/index/rindex/count/startswith/
                                   * endswith are METH_VARARGS (3.13's Argument Clinic makes them FASTCALL) */
    /* sets and the iterator built-ins (Objects/setobject.c, Objects/enumobject.c, Python/bltinmodule.c) */
    int set_table_py27;           /* py27: 2.7's set table — probes by perturbation alone (no linear
                                   * probing), the table grows when fill*3 >= size*2 (3.x: fill*5 >=
                                   * mask*3), frozenset's hash is 2.7's */
    int enumerate_vectorcall;     /* 3.11+: enumerate(x) is made without an argument tuple (enum_vectorcall);
                                   * 3.10 and 2.7 call tp_new with one (type_call), which a collection-
                                   * cleared tuple freelist then keeps */
    uint32_t range_iter_size;     /* sizeof(rangeiterobject) and longrangeiterobject: 48 up to 3.11 (the index
                                   * field), 40 from 3.12 */
    uint32_t enumerate_size;      /* sizeof(enumobject): 56 in 3.11+ (the `one` field), 48 before */
    int iter_result_retrack;      /* 3.x: enumerate and zip re-track the result tuple they reuse when the
                                   * collector had untracked it (bpo-42536); py27 leaves it untracked */
    int iter_builtins_return_lists; /* py27: zip(), map() and filter() return lists, not iterators */
    int del_frame_in_trashcan;    /* py27: the frame that ran __del__ is freed under the trashcan
                                   * (frame_dealloc's Py_TRASHCAN_SAFE_BEGIN); at depth it is deposited
                                   * still holding self, which dies - and runs __del__ - again later */

    /* exceptions, tracebacks and frame objects (t_exc.c, t_frame.c) */
    uint32_t exc_base_size;       /* BaseException's tp_basicsize: 72 in 3.11+ (dict, args, notes, traceback,
                                   * context, cause, suppress_context), 64 in 3.10 (no notes), 40 in 2.7
                                   * (dict, args, message) */
    uint8_t exc_extra_words[RH_EXC_LAYOUT__COUNT]; /* pointer-sized fields each layout adds */
    uint32_t exc_subclass_extra;  /* bytes a class deriving from an exception adds: its __weakref__ slot (8);
                                   * 3.12+: the managed weakref pre-header (16) */
    uint32_t frame_obj_base;      /* frame_sizeof without the items: 120 in 3.11/3.12
                                   * (offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame,
                                   * localsplus)), 136 in 3.13, 352 in 3.10, 376 in 2.7 */
    uint8_t frame_per_call;       /* 3.10/2.7: every call makes a frame object (frame_alloc: the code's zombie
                                   * frame, a free list of 200), t_frame.c rh_frame_acquire; 3.11+: frame
                                   * objects are made lazily */
    uint16_t method_freelist;     /* 2.7: PyMethod_MAXFREELIST (256) bound methods kept for reuse (classobject.c);
                                   * 3.x: none */
    uint16_t cfunc_freelist;      /* 2.7: PyCFunction_MAXFREELIST (256) built-in function/method objects kept
                                   * (methodobject.c); 3.x: none. 2.7's clear_freelists empties both */
    uint8_t startup_freelists;    /* 2.7: the program begins with the list and dict free lists at the lengths
                                   * below (rh_runtime_startup_done); 2.7's collections keep those free lists,
                                   * so the start-up state shows. 3.x: 0, not modelled (the first full
                                   * collection empties its free lists) */
    uint8_t repr_pieces;          /* 2.7: list_repr and dict_repr of a non-empty container gather the items' reprs in
                                   * a new list, tuplerepr in a new tuple of its length, joined at the end
                                   * (Objects/listobject.c, dictobject.c, tupleobject.c); 3.x: a _PyUnicodeWriter */
    uint8_t compile_list_pool, compile_dict_pool; /* 2.7: the lists (7) and dicts (14) in the free lists when
                                   * 2.7.18 begins compiling the program (measured; the harness works out what
                                   * the compile of the program leaves beyond a one-block program's) */
    uint8_t startup_list_freelist, startup_dict_freelist; /* 2.7: lists (4) and dicts (0) in the free lists
                                   * once 2.7.18's start-up (with or without site) and the program's
                                   * `from __future__ import print_function` are over (measured as the first
                                   * allocations that do not count in gc.get_count()); __future__'s seven
                                   * _Feature instance dicts take the five start-up leaves */
    uint8_t call_unpacks_bound_method; /* 2.7 call_function, 3.11+ CALL: a bound method called replaces
                                   * itself on the stack by its function and self and is dropped before the
                                   * call; 3.10's CALL_FUNCTION calls it (method_vectorcall), alive meanwhile */
    uint8_t frame_track_new;      /* 2.7: PyFrame_New tracks the frame at once (3.10: untracked while running) */
    /* generators and coroutines (t_gen.c) */
    uint32_t gen_base;            /* sizeof(PyGenObject) without the GC head (and without the embedded
                                   * frame's localsplus): 152 in 3.11 (gi_code ... gi_iframe's header), 144
                                   * in 3.12/3.13 (no gi_code), 88 in 3.10, 48 in 2.7 */
    uint8_t gen_frame_inline;     /* 3.11+: the frame lives in the generator, one word per local and stack
                                   * slot (make_gen's PyObject_GC_NewVar); 3.10/2.7: a separate frame */
    uint8_t gen_min_stack;        /* 3.12+: co_stacksize is at least 2 in a generator (the
                                   * INTRINSIC_STOPITERATION_ERROR handler pushes lasti and the exception) */
    uint8_t coro_extra;           /* 3.10: bytes a coroutine adds to a generator (cr_origin): 8 */
    uint8_t gen_close_skips_unstarted; /* 3.12+: gen_close marks a never-started generator completed without
                                   * running its frame (3.11 and 3.10 throw GeneratorExit into it, which
                                   * clears the frame and so drops its arguments at once) */
} rh_profile;

/* The profile named `name`, or NULL. NULL name gives the default (py311). Returns static storage. */
const rh_profile *rh_profile_get(const char *name);
/* NULL-terminated list of profile names. */
const char *const *rh_profile_names(void);

#ifdef __cplusplus
}
#endif
#endif
