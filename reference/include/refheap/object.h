/* refheap/object.h — the object header, type objects, reference counting and generic operations.
 *
 * Memory layout of one object, as CPython 3.11 on 64-bit (Include/object.h, pycore_gc.h,
 * pycore_object.h:_PyType_PreHeaderSize):
 *
 *     [weaklist*][dict*]   16 bytes, only for types with RH_TPFLAG_MANAGED_DICT (3.11+ instances) or
 *                          RH_TPFLAG_MANAGED_WEAKREF (3.12+); the dict word holds the values array until
 *                          a dict is made (reference/src/internal.h rh_managed_dict)
 *     [gc_next][gc_prev]   16 bytes (32 allocated in py27), only for RH_TPFLAG_GC types
 *     [refcnt][type]       rh_object: 16 bytes          <- rh_object* points here
 *     [size]               rh_varobject adds 8
 *     ... type-specific fields, then items
 *
 * One allocation holds pre-header + object; rh_object* is that allocation + presize. sys.getsizeof is the
 * type's size plus the pre-header, whether or not a GC object is currently tracked.
 *
 * Ownership words used on every function in these headers:
 *   "new reference"  the caller owns one reference to the result and must rh_decref it;
 *   "borrowed"       the result stays valid only while its owner holds it; do not decref;
 *   "steals"         the function takes over the caller's reference to that argument, even on failure.
 * A function that can fail returns NULL or -1 and sets the runtime's error (refheap/runtime.h).
 */
#ifndef REFHEAP_OBJECT_H
#define REFHEAP_OBJECT_H
#include <stddef.h>
#include <stdint.h>

#include "refheap/typeslots.h"

#ifdef __cplusplus
extern "C" {
#endif

struct rh_object {
    intptr_t refcnt;   /* ob_refcnt; low 32 bits all ones = immortal (py312 rule, harmless in py311) */
    rh_type *type;     /* ob_type: a borrowed pointer for static types, a counted reference for classes */
};

typedef struct rh_varobject {
    rh_object ob;
    intptr_t size;     /* ob_size: items (tuple, list), signed digit count (int), bytes... per type */
} rh_varobject;

/* The GC header, directly in front of a GC object (gc_next == 0: not tracked). Low bits of gc_prev are
 * flags: bit 0 FINALIZED (__del__ already ran), bit 1 COLLECTING; the rest holds gc_refs during a
 * collection. Owned by the collector (reference/src/gc*.c). */
typedef struct rh_gchead {
    uintptr_t gc_next;
    uintptr_t gc_prev;
} rh_gchead;
#define RH_GC_PREV_FINALIZED  ((uintptr_t)1)
#define RH_GC_PREV_COLLECTING ((uintptr_t)2)
#define RH_GC_PREV_SHIFT 2

static inline rh_gchead *rh_as_gc(rh_object *o) { return (rh_gchead *)o - 1; }

/* Kind tag of every built-in type, for fast type checks (as CPython's PyList_Check & co.) and per-kind
 * live counts. Behaviour is never dispatched on the kind: it lives in the type's slots (typeslots.h).
 * Classes (user types) are RH_K_INSTANCE. Each built-in type is registered once, with its kind, in
 * reference/src/types.c. */
typedef enum rh_kind {
    RH_K_TYPE = 0, RH_K_NONE, RH_K_BOOL, RH_K_INT, RH_K_FLOAT, RH_K_STR, RH_K_TUPLE, RH_K_LIST,
    RH_K_DICT, RH_K_RANGE, RH_K_INSTANCE, RH_K_OBJECT, RH_K_FUNCTION, RH_K_METHOD, RH_K_BUILTIN,
    RH_K_MODULE, RH_K_WEAKREF, RH_K_CELL, RH_K_ITER,
    RH_K_FILE,             /* the file object of open() (t_file.c; refheap/func.h's rh_box_*) */
    RH_K_GETSET_DESCR,     /* getset_descriptor: a class's __dict__ / __weakref__ (t_descr.c) */
    RH_K_MEMBER_DESCR,     /* member_descriptor: one per __slots__ name (t_descr.c) */
    RH_K_CLASSIC_INSTANCE, /* py27 `instance`: what type() says of a classic instance (t_class.c) */
    RH_K_CLASSIC_CLASS,    /* py27 `classobj`: what type() says of a classic class (t_class.c) */
    RH_K_NOTIMPLEMENTED,   /* NotImplementedType and its one static instance (t_none_bool.c) */
    RH_K_EXCEPTION,        /* BaseException and every exception type and class (t_exc.c; refheap/exc.h) */
    RH_K_TRACEBACK,        /* traceback objects (t_traceback.c) */
    RH_K_FRAME,            /* frame objects, made lazily as 3.11's (t_frame.c) */
    RH_K_SET,              /* set (t_set.c) */
    RH_K_FROZENSET,        /* frozenset (t_set.c) */
    RH_K_SETITER,          /* set_iterator (t_set.c) */
    RH_K_ENUMERATE,        /* enumerate (t_enumerate.c) */
    RH_K_REVERSED,         /* reversed over a sequence (t_enumerate.c) */
    RH_K_LISTREVITER,      /* list_reverseiterator: reversed(list) (t_enumerate.c) */
    RH_K_ZIP,              /* zip (t_zipmap.c) */
    RH_K_MAP,              /* map (t_zipmap.c) */
    RH_K_FILTER,           /* filter (t_zipmap.c) */
    RH_K_STATICMETHOD,     /* staticmethod (t_funcdescr.c) */
    RH_K_CLASSMETHOD,      /* classmethod (t_funcdescr.c) */
    RH_K_PROPERTY,         /* property (t_funcdescr.c) */
    RH_K_SUPER,            /* super (t_funcdescr.c) */
    RH_K_GENERATOR,        /* generator (t_gen.c; refheap/gen.h) */
    RH_K_COROUTINE,        /* coroutine (t_gen.c) */
    /* itertools (t_itertools.c, t_combinatorics.c; refheap/itertools.h) */
    RH_K_IT_COUNT, RH_K_IT_CYCLE, RH_K_IT_REPEAT, RH_K_IT_ACCUMULATE, RH_K_IT_CHAIN, RH_K_IT_COMPRESS,
    RH_K_IT_DROPWHILE, RH_K_IT_TAKEWHILE, RH_K_IT_FILTERFALSE, RH_K_IT_GROUPBY, RH_K_IT_GROUPER,
    RH_K_IT_ISLICE, RH_K_IT_PAIRWISE, RH_K_IT_STARMAP, RH_K_IT_TEE, RH_K_IT_TEEDATA, RH_K_IT_ZIPLONGEST,
    RH_K_IT_PRODUCT, RH_K_IT_PERMUTATIONS, RH_K_IT_COMBINATIONS, RH_K_IT_CWR,
    /* _collections (t_deque.c) */
    RH_K_DEQUE, RH_K_DEQUEITER, RH_K_DEQUEREVITER,
    RH_K_ARRAY,            /* array.array (t_array.c; refheap/modtypes.h) */
    RH_K_ARRAYITER,        /* array.arrayiterator (t_array.c) */
    RH_K_STRINGIO,         /* _io.StringIO (t_stringio.c) */
    RH_K_RANDOM,           /* random.Random (t_random.c) */
    RH_K_BYTES,            /* bytes (t_bytes.c; refheap/bytes.h) */
    RH_K_BYTESITER,        /* bytes_iterator (t_bytes.c) */
    RH_K_BYTEARRAY,        /* bytearray (t_bytes.c) */
    RH_K_BYTEARRAYITER,    /* bytearray_iterator (t_bytes.c) */
    RH_K_METHOD_WRAPPER,   /* method-wrapper: a slot's special method bound to an object (t_wrapper.c) */
    RH_K_ELLIPSIS,         /* ellipsis: the type of the one static Ellipsis (t_none_bool.c) */
    RH_K_ASYNC_GENERATOR,  /* async_generator (t_gen.c; refheap/gen.h) */
    RH_K_ASYNC_GEN_ASEND,  /* async_generator_asend: the awaitable of __anext__ / asend (t_agen.c) */
    RH_K_ASYNC_GEN_ATHROW, /* async_generator_athrow: the awaitable of athrow / aclose (t_agen.c) */
    RH_K_SRE_PATTERN,      /* re.Pattern (t_sre.c; harness/src/mod_sre.c) */
    RH_K_SRE_MATCH,        /* re.Match (t_sre.c) */
    RH_K_METHOD_DESCR,     /* method_descriptor: a built-in type's method read from the type (t_descr.c) */
    RH_K_CODE,             /* code: a function's __code__ (t_code.c; the unit is the embedder's) */
    RH_K_THREAD_LOCK,      /* _thread.lock (t_thread.c; harness/src/mod_thread.c) */
    RH_K_THREAD_RLOCK,     /* _thread.RLock (t_thread.c) */
    RH_K_MAPPINGPROXY,     /* mappingproxy: a class's __dict__, types.MappingProxyType (t_mappingproxy.c) */
    RH_K_NAMESPACE,        /* types.SimpleNamespace: sys.implementation (t_namespace.c) */
    RH_K_CLASSMETHOD_DESCR, /* classmethod_descriptor: dict.__dict__['fromkeys'] (t_descr.c) */
    RH_K_STRUCT,           /* _struct.Struct (t_struct.c; harness/src/mod_struct.c) */
    RH_K_COMPLEX,          /* complex (t_complex.c) */
    RH_K_GENERICALIAS,     /* types.GenericAlias: list[int] (t_genericalias.c) */
    RH_K_UNION,            /* types.UnionType: int | str (t_union.c) */
    RH_K_SLICE,            /* slice: a[i:j:k] (t_slice.c) */
    RH_K_FORMATTERITER, RH_K_FIELDNAMEITER, /* _string's iterators (t_fmtiter.c) */
    RH_K_RANGEITER,        /* range_iterator: iter(range(n)) (t_rangeiter.c) */
    RH_K_LONGRANGEITER,    /* longrange_iterator: iter(range(1 << 100)) (t_rangeiter.c) */
    /* dict views and dict iterators (t_dictview.c); the six iterator kinds stay in this order */
    RH_K_DICTKEYS, RH_K_DICTVALUES, RH_K_DICTITEMS,
    RH_K_DICTITER_KEY, RH_K_DICTITER_VALUE, RH_K_DICTITER_ITEM,
    RH_K_DICTREVITER_KEY, RH_K_DICTREVITER_VALUE, RH_K_DICTREVITER_ITEM,
    RH_K_MEMORYVIEW,       /* memoryview (t_memoryview.c) */
    RH_K_WEAKPROXY,        /* weakref.ProxyType: _weakref.proxy(o) (t_weakref.c) */
    RH_K_TUPLEGETTER,      /* _collections._tuplegetter: namedtuple's fields (t_tuplegetter.c) */
    RH_K_SRE_SCANNER,      /* _sre.SRE_Scanner: Pattern.scanner(), behind finditer (t_sre.c) */
    RH_K_SRE_TEMPLATE,     /* _sre.SRE_Template: 3.12+'s compiled sub() replacement (t_sre.c) */
    RH_K_CALLITER,         /* callable_iterator: iter(callable, sentinel) (t_calliter.c) */
    RH_K_SCANDIR_ITER,     /* posix.ScandirIterator: os.scandir() (t_scandir.c; harness/src/mod_posix.c) */
    RH_K_DIRENTRY,         /* posix.DirEntry (t_scandir.c) */
    RH_K_ODICTITER,        /* odict_iterator: collections.OrderedDict's iterators (t_odict.c) */
    RH_K_ODICTKEYS, RH_K_ODICTVALUES, RH_K_ODICTITEMS, /* odict_keys ...: its views (t_dictview.c) */
    RH_K_MANAGEDBUFFER,    /* managedbuffer: a memoryview's snapshot of its exporter's buffer (t_memoryview.c) */
    RH_K_MEMORYITER,       /* memory_iterator: iter(memoryview), 3.10+ (t_memoryview.c) */
    RH_K_BYTESIO,          /* _io.BytesIO (t_bytesio.c; harness/src/mod_bytesio.c) */
    /* the sequence iterators beside RH_K_ITER (the generic seqiter, "iterator"), one type each as in CPython
     * (t_iter.c; rh_is_seqiter in refheap/func.h): these four stay together and in this order */
    RH_K_LISTITER,         /* list_iterator (2.7: listiterator): iter(list), Objects/listobject.c */
    RH_K_TUPLEITER,        /* tuple_iterator (2.7: tupleiterator): iter(tuple), Objects/tupleobject.c */
    RH_K_STRITER,          /* str_iterator: iter(str) in 3.x (2.7's str has no tp_iter: its seqiter) */
    RH_K_STRASCIIITER,     /* str_ascii_iterator: iter() of a compact ASCII str, 3.11+ (unicode_iter) */
    RH_K_WRAPPER_DESCR,    /* wrapper_descriptor: a built-in type's slot in its dict, int.__add__ (t_wrapper.c) */
    RH_K__COUNT
} rh_kind;

/* type flags */
#define RH_TPFLAG_GC            (1u << 0)  /* GC header in front; may be tracked */
#define RH_TPFLAG_MANAGED_DICT  (1u << 1)  /* 2 pre-header words: values array + materialised dict */
#define RH_TPFLAG_HEAPTYPE      (1u << 2)  /* a class made by a `class` statement; refcounted by instances */
#define RH_TPFLAG_BASETYPE      (1u << 3)  /* may be subclassed */
#define RH_TPFLAG_HAS_DEL       (1u << 4)  /* class or a base defines __del__ (tp_finalize) */
#define RH_TPFLAG_LEGACY_DEL    (1u << 5)  /* py27: __del__ is tp_del (uncollectable in cycles) */
#define RH_TPFLAG_WEAKREFABLE   (1u << 6)
#define RH_TPFLAG_CLASSIC       (1u << 8)  /* py27: a classic (old-style) class; instances are 2.7 `instance`s */
#define RH_TPFLAG_IS_ABSTRACT   (1u << 9)  /* Py_TPFLAGS_IS_ABSTRACT: set only by assigning __abstractmethods__ */
#define RH_TPFLAG_INT_WORD      (1u << 7)  /* py27 int/bool: 2.7's PyIntObject, the value in ob_size's word */
#define RH_TPFLAG_ODICT         (1u << 10) /* collections.OrderedDict or a subclass: PyODictObject's fields (t_odict.c) */
#define RH_TPFLAG_MANAGED_WEAKREF (1u << 11) /* 3.12+: the weakref list is the first pre-header word, not a word of
                                            * the object (Py_TPFLAGS_MANAGED_WEAKREF); weaklistoffset is then
                                            * RH_WEAKLIST_MANAGED */
#define RH_WEAKLIST_MANAGED     ((size_t)-1) /* weaklistoffset of a RH_TPFLAG_MANAGED_WEAKREF type (CPython: -32) */

typedef int (*rh_visitproc)(rh_object *o, void *arg);

/* A type object. Built-in types live inside their runtime (one copy per runtime, never freed before it);
 * classes are heap objects of type `type`, GC-tracked, freed when the last instance and name go.
 * Fields after `kind` are filled by the type's module and read-only to everyone else. */
struct rh_type {
    rh_varobject ob;
    const char *name;          /* tp_name; for classes points into name_obj */
    rh_kind kind;
    uint32_t flags;
    size_t basicsize;          /* tp_basicsize: bytes from rh_object* to the items */
    size_t itemsize;           /* tp_itemsize */
    size_t weaklistoffset;     /* 0: no weakref slot */
    rh_type *base;             /* tp_base: borrowed for static types, counted for classes */
    rh_object *bases;          /* tuple of classes, classes only (new reference held) */
    rh_object *mro;            /* tuple, classes only */
    rh_object *dict;           /* class namespace (dict), classes only */
    rh_object *name_obj;       /* str, classes only */
    rh_object *qualname_obj;   /* ht_qualname: str, classes only; NULL means the name */
    rh_object *cached_keys;    /* shared-keys object for instances (3.11 key sharing), or NULL */
    uint32_t nslots;           /* __slots__ count, classes only */

    void (*dealloc)(rh_runtime *rt, rh_object *o);                  /* tp_dealloc */
    int (*traverse)(rh_object *o, rh_visitproc visit, void *arg);   /* tp_traverse, GC types */
    int (*clear)(rh_runtime *rt, rh_object *o);                     /* tp_clear, GC types */
    size_t (*size_of)(rh_runtime *rt, rh_object *o);                /* __sizeof__ (no pre-header) */
    rh_object *weaklist;       /* tp_weaklist: weak references to this type object (types are weakrefable) */
    rh_object *subclasses;     /* tp_subclasses: NULL until the first class names this type among its bases;
                                * then a dict {id(subclass): weakref to it} (3.x, add_subclass), or a list of
                                * such weakrefs (2.7); counted, for built-in types too (t_class.c) */

    /* the slot table (refheap/typeslots.h): tp_repr ... tp_finalize, then the three method tables */
    RH_TYPE_SLOTS(RH_X_SLOT_FIELD)
    rh_number_methods as_number;
    rh_sequence_methods as_sequence;
    rh_mapping_methods as_mapping;
};

/* ---- reference counting ----
 * Always inlined: the interpreter's instruction loop is one large function, where GCC's growth limits
 * would otherwise leave these out of line (a call per reference count change). */
#define RH_ALWAYS_INLINE static inline __attribute__((always_inline))

/* Immortal objects (3.12+: the static objects and interned strings) start at RH_REFCNT_IMMORTAL (2^58) and
 * are known by a count of at least RH_REFCNT_IMMORTAL_MIN. Increments and decrements change their count
 * like any other (no program holds or drops 2^57 references), so neither needs a test on the hot path;
 * what a program sees of them (rh_refcount) is 3.12's saturated count, 0xFFFFFFFF (_Py_IMMORTAL_REFCNT),
 * which never moves, as CPython 3.12's Py_INCREF/Py_DECREF leave it. */
#define RH_REFCNT_IMMORTAL ((intptr_t)1 << 58)
#define RH_REFCNT_IMMORTAL_MIN ((intptr_t)1 << 57)
#define RH_REFCNT_IMMORTAL_SEEN ((intptr_t)0xFFFFFFFF)
static inline int rh_is_immortal(const rh_object *o) { return o->refcnt >= RH_REFCNT_IMMORTAL_MIN; }

/* Add one reference. */
RH_ALWAYS_INLINE void rh_incref(rh_object *o) { o->refcnt++; }
RH_ALWAYS_INLINE void rh_xincref(rh_object *o) { if (o) rh_incref(o); }

/* Deallocate `o`, whose refcount just reached zero (tp_dealloc through the trashcan). */
void rh_dealloc(rh_runtime *rt, rh_object *o);

/* Drop one reference; at zero the object is deallocated (its __del__ may run, see runtime.h hooks). */
RH_ALWAYS_INLINE void rh_decref(rh_runtime *rt, rh_object *o) {
    if (--o->refcnt == 0) rh_dealloc(rt, o);
}
RH_ALWAYS_INLINE void rh_xdecref(rh_runtime *rt, rh_object *o) { if (o) rh_decref(rt, o); }
/* Replace *slot with v (steals v), dropping the old value after the store, as Py_SETREF. */
static inline void rh_setref(rh_runtime *rt, rh_object **slot, rh_object *v) {
    rh_object *old = *slot; *slot = v; rh_xdecref(rt, old);
}

/* sys.getrefcount(o) minus nothing: the caller's own reference is already in the count. */
static inline intptr_t rh_refcount(const rh_object *o) {
    return rh_is_immortal(o) ? RH_REFCNT_IMMORTAL_SEEN : o->refcnt;
}

/* ---- generic operations (reference/src/object.c) ---- */

static inline rh_type *rh_type_of(const rh_object *o) { return o->type; }
static inline rh_kind rh_kind_of(const rh_object *o) { return o->type->kind; }
/* _PyObject_IS_GC: the type has the GC flag and, for type objects, the type is a class (CPython's
 * type_is_gc: static built-in types are not GC objects, so a tuple like (object,) can be untracked). */
static inline int rh_is_gc(const rh_object *o) {
    if (!(o->type->flags & RH_TPFLAG_GC)) return 0;
    return o->type->kind != RH_K_TYPE || (((const rh_type *)o)->flags & RH_TPFLAG_HEAPTYPE) != 0;
}

/* Bytes in front of the object (GC head + managed-dict words) for this runtime's profile. */
size_t rh_presize(rh_runtime *rt, const rh_type *t);
/* sys.getsizeof(o): __sizeof__ + pre-header. */
size_t rh_sizeof(rh_runtime *rt, rh_object *o);
/* id(o) */
static inline uintptr_t rh_id(const rh_object *o) { return (uintptr_t)o; }

/* Hash (as CPython's for int/float/str/tuple/None/bool; identity-based for the rest).
 * Returns 0 and sets *out, or -1 (TypeError: unhashable). */
int rh_hash(rh_runtime *rt, rh_object *o, int64_t *out);
/* a == b: 1, 0, or -1 on error. Identity implies equality (as PyObject_RichCompareBool). */
int rh_equal(rh_runtime *rt, rh_object *a, rh_object *b);
/* truth value: 1, 0, or -1 on error */
int rh_truthy(rh_runtime *rt, rh_object *o);
/* repr(o) / str(o): new reference to a str, or NULL. Formats as CPython 3.11 for the built-in types
 * (floats use the shortest repr that round-trips). Instances: "<__main__.C object at 0x...>". */
rh_object *rh_repr(rh_runtime *rt, rh_object *o);
/* repr(o) through type's slot (an ancestor of o's type): list.__repr__(x). New reference or NULL. */
rh_object *rh_repr_as(rh_runtime *rt, rh_type *type, rh_object *o);
rh_object *rh_str(rh_runtime *rt, rh_object *o);
/* type(o).__name__: borrowed C string. */
const char *rh_type_name(const rh_object *o);

#ifdef __cplusplus
}
#endif
#endif
