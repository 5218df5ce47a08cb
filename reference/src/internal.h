/* internal.h — private types and cross-file functions of librefheap. Not installed.
 *
 * Map: object layouts (rh_long, rh_float, rh_str*, rh_tuple, rh_list, rh_dict, rh_dictkeys, rh_range,
 * rh_instance), the runtime struct (rh_runtime: allocator, profile, errors, statics, freelists, gc state,
 * trashcan), then cross-file functions grouped by the file that defines them. Cross-file internals are
 * named rh__*; file-local helpers are static.
 */
#ifndef REFHEAP_INTERNAL_H
#define REFHEAP_INTERNAL_H
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "refheap/refheap.h"

/* ---------------------------------------------------------------- assertion tiers, one RH_DEBUG level */
#ifndef RH_DEBUG
#define RH_DEBUG 0 /* 0 release, 1 internal checks, 2 expensive checks */
#endif
#include <assert.h>
#define rh_assert(x) assert(x)
#if RH_DEBUG >= 1
#define rh_assert_internal(x) assert(x)
#else
#define rh_assert_internal(x) ((void)0)
#endif
#if RH_DEBUG >= 2
#define rh_assert_expensive(x) assert(x)
#else
#define rh_assert_expensive(x) ((void)0)
#endif

#define RH_SSIZE_MAX ((size_t)INTPTR_MAX)

/* ---------------------------------------------------------------- object layouts (64-bit 3.11)
 * Field sizes mirror CPython so that sizes, offsets and allocation sizes are CPython's. */

/* int: PyLongObject. ob.size = sign * ndigits (0 for zero); digits are 30-bit in uint32_t, any number.
 * Allocation size: offsetof(rh_long, digit) + 4 * max(1, allocated digits) = 24 + 4n (28 for 0 and 1
 * digit); the allocated count can exceed |ob.size| (rh_int_slack below, t_int.c). */
#define RH_DIGIT_BITS 30
#define RH_DIGIT_MASK ((uint32_t)((1u << RH_DIGIT_BITS) - 1))
typedef struct rh_long {
    rh_varobject ob;
    uint32_t digit[1]; /* really ndigits */
} rh_long;
#define RH_LONG_HEADER offsetof(rh_long, digit) /* 24 */
typedef struct rh_long_static { /* storage of one static small int (1 digit) */
    rh_varobject ob;
    uint32_t digit[2];
} rh_long_static;

/* float: PyFloatObject, 24 bytes. */
typedef struct rh_float {
    rh_object ob;
    double value;
} rh_float;

/* str: PyASCIIObject (48 bytes in 3.11) and PyCompactUnicodeObject (72). The characters start at
 * profile->str_ascii_header (ASCII) or profile->str_compact_header (others) — use rh__str_data(); an
 * instance of a str subclass is a non-compact PyUnicodeObject (80): compact = 0, its characters in a
 * separate block whose pointer sits at profile->str_compact_header (data_offset);
 * the wstr fields are never read (they do not exist in the py312 layout). */
enum { RH_STR_KIND_1 = 1, RH_STR_KIND_2 = 2, RH_STR_KIND_4 = 4 };
enum { RH_SSTATE_NOT_INTERNED = 0, RH_SSTATE_INTERNED_MORTAL = 1, RH_SSTATE_INTERNED_IMMORTAL = 2 };
typedef struct rh_str {
    rh_object ob;
    intptr_t length;      /* code points */
    int64_t hash;         /* -1 until computed */
    struct {
        unsigned interned : 2;
        unsigned kind : 3;     /* 1, 2, 4 bytes per character */
        unsigned compact : 1;
        unsigned ascii : 1;
        unsigned ready : 1;
        unsigned data_offset : 8; /* where the characters start (t_str.c): the header size; non-compact:
                                   * where the data pointer sits */
        unsigned hash27 : 1;      /* hashed as 2.7 hashes the str's UTF-8 bytes (profile->str_hash_py27) */
        unsigned : 15;
    } state;
    uint32_t pad_;        /* layout only; py27's 36-byte PyStringObject header keeps characters here */
    void *wstr_;          /* layout only */
} rh_strobj;               /* 48 */
typedef struct rh_str_compact {
    rh_strobj base;
    intptr_t utf8_length;
    char *utf8;           /* cached UTF-8 of a non-ASCII string (rh_mem_malloc'd), or NULL */
    intptr_t wstr_length_;
} rh_strobj_compact;         /* 72 */
#define RH_STR_STATIC_BYTES 80 /* room for one static 1-character string of any kind */
#define RH_BYTES_STATIC_BYTES 48 /* room for one static bytes of length <= 1 (t_bytes.c) */

/* tuple: PyTupleObject, 24 + 8n. */
typedef struct rh_tuple {
    rh_varobject ob;
    rh_object *item[1];
} rh_tuple;
#define RH_TUPLE_HEADER offsetof(rh_tuple, item) /* 24 */

/* list: PyListObject, 40 bytes; items in a separate allocation of 8*allocated. */
typedef struct rh_list {
    rh_varobject ob;
    rh_object **item;
    intptr_t allocated;
} rh_list;

/* dict keys: PyDictKeysObject (3.11): 32-byte header, 2**log2_index_bytes of indices, then
 * USABLE_FRACTION(2**log2_size) entries of 16 (unicode keys: key, value) or 24 (hash, key, value). */
enum { RH_DICT_KEYS_GENERAL = 0, RH_DICT_KEYS_UNICODE = 1, RH_DICT_KEYS_SPLIT = 2 };
typedef struct rh_dictkeys {
    intptr_t dk_refcnt;
    uint8_t dk_log2_size;
    uint8_t dk_log2_index_bytes;
    uint8_t dk_kind;
    uint8_t dk_extra_header : 7; /* profile->dictkeys_extra_header: bytes the version's header has beyond
                              * these 32 (py310: 8), allocated after the entries, counted by the size */
    uint8_t dk_str_lookup : 1; /* 3.10 (general entries only): dk_lookup is still one of lookdict_unicode's,
                              * no key but an exact str was ever stored (insertdict), so dict_traverse
                              * visits the values alone; 0 once lookdict (kept across resizes) */
    uint32_t dk_version;
    intptr_t dk_usable;
    intptr_t dk_nentries;
    char dk_indices[];
} rh_dictkeys;
typedef struct rh_dict_entry { int64_t hash; rh_object *key; rh_object *value; } rh_dict_entry;
typedef struct rh_dict_uentry { rh_object *key; rh_object *value; } rh_dict_uentry;

/* dict: PyDictObject, 48 bytes. values != NULL: split table (instance dicts sharing class keys). */
typedef struct rh_dict {
    rh_object ob;
    intptr_t used;
    uint64_t version_tag;
    rh_dictkeys *keys;
    rh_object **values;
} rh_dict;

/* range: 48 bytes, start/stop/step/length as int objects (as 3.11). */
typedef struct rh_range {
    rh_object ob;
    rh_object *start, *stop, *step, *length;
} rh_range;

/* instance of a class: header + weakref slot (24) in 3.11, __slots__ after; attributes in the managed
 * pre-header (values array + dict pointer) — see t_class.c. */
typedef struct rh_instance {
    rh_object ob;
    rh_object *weakreflist;
} rh_instance;
/* The two pre-header words in front of the GC head (RH_TPFLAG_MANAGED_DICT or RH_TPFLAG_MANAGED_WEAKREF):
 * 3.12's layout (Include/internal/pycore_object.h: MANAGED_WEAKREF_OFFSET -4 words, MANAGED_DICT_OFFSET
 * -3 words, _PyDictOrValues): the weakref list of a class with a managed __weakref__ (3.12+), then one
 * word holding either the materialised __dict__ or, tagged with its low bit, the values array (never both:
 * making the dict takes the values over). 3.11 keeps values and dict in two words and the weakref list in
 * the object; the first word is then unused, the size the same. Read them with rh__md_values/rh__md_dict. */
typedef struct rh_managed_dict { struct rh_weakref *weaklist; rh_object *dict; } rh_managed_dict;
static inline rh_managed_dict *rh__managed_dict(rh_object *o) {
    return (rh_managed_dict *)((char *)o - sizeof(rh_gchead) - sizeof(rh_managed_dict));
}
/* the values array, or NULL (then md->dict is the dict or NULL) */
static inline rh_object **rh__md_values(const rh_managed_dict *md) {
    uintptr_t w = (uintptr_t)md->dict;
    return (w & 1u) ? (rh_object **)(w & ~(uintptr_t)1u) : NULL;
}
/* the materialised dict, or NULL */
static inline rh_object *rh__md_dict(const rh_managed_dict *md) {
    return ((uintptr_t)md->dict & 1u) ? NULL : md->dict;
}
/* replace the word by the values array (NULL: neither values nor dict) */
static inline void rh__md_set_values(rh_managed_dict *md, rh_object **values) {
    md->dict = values ? (rh_object *)(void *)((uintptr_t)values | 1u) : NULL;
}

/* ---------------------------------------------------------------- GC state (owned by gc*.c) */
#define RH_NUM_GENERATIONS 3
typedef struct rh_gc_generation {
    rh_gchead head;       /* circular list of tracked objects' GC heads */
    int threshold;
    int count;
} rh_gc_generation;
typedef struct rh_gc_gen_stats {
    uint64_t collections, collected, uncollectable;
} rh_gc_gen_stats;
typedef struct rh_gc_state {
    rh_gc_generation gen[RH_NUM_GENERATIONS];
    rh_gc_generation permanent;
    rh_gc_gen_stats stats[RH_NUM_GENERATIONS];
    int enabled;
    int collecting;
    int debug;
    int64_t long_lived_total;
    int64_t long_lived_pending;
    uint64_t tracked;       /* objects on the generation lists (gen + permanent) */
    /* gc.c / gc_policy.c / gc_api.c (docs/gc.md) */
    int scheduled;          /* py312+: count0 passed threshold0; rh_gc_run_scheduled collects */
    int finalizing;         /* runtime teardown (rh__gc_fini): no Python code runs, so a legacy finalizer
                             * (py27) no longer keeps its cycle: everything is freed */
    rh_object *garbage;     /* gc.garbage (list, created on first use) */
    rh_object *callbacks;   /* gc.callbacks (list, created on first use) */
    rh_call_fn call_fn;     /* interpreter's caller hook (weakref callbacks, gc.callbacks) */
    rh_call1_fn call1_fn;   /* its one-argument form (weakref callbacks), or NULL */
    void *call_ctx;
    rh_gc_pause pauses[256];/* ring of pause records not yet taken */
    uint32_t pause_first, pause_n;
    char check_msg[160];    /* first violation found by rh__gc_check */
    uint64_t check_budget;  /* objects examined since the last automatic rh__gc_check (RH_DEBUG) */
} rh_gc_state;

/* ---------------------------------------------------------------- freelists (3.11 struct _Py_*_state) */
#define RH_FREELIST_CAP 128      /* >= any profile's list/dict/dictkeys limit */
/* py27 profile: 2.7's int blocks and their unbounded free list (intblock.c) */
typedef struct rh_intblocks {
    void *blocks;            /* chain of 992-byte blocks through their first word */
    rh_object *free;         /* free slots, linked through ob.type */
    uint64_t free_n, nblocks;
    uint32_t per_block;      /* ints per block, set at the first fill */
} rh_intblocks;
/* A free list of dead objects chained through one of their pointer fields (containers.h rh__lfl_*) */
typedef struct rh_linked_freelist { rh_object *head; uint32_t n; } rh_linked_freelist;
typedef struct rh_freelists {
    rh_object *float_head;  uint32_t float_n;        /* linked through ob.type */
    rh_object *tuple_head[RH_TUPLE_FREELIST_MAX];    /* linked through item[0] */
    uint32_t tuple_n[RH_TUPLE_FREELIST_MAX];
    rh_object *list[RH_FREELIST_CAP];   uint32_t list_n;
    rh_object *dict[RH_FREELIST_CAP];   uint32_t dict_n;
    rh_dictkeys *keys[RH_FREELIST_CAP]; uint32_t keys_n;
    rh_intblocks int27, float27;                     /* py27 profile: unbounded */
    rh_object *frame_head; uint32_t frame_n;         /* frame_per_call: dead frames, linked through f_back */
    rh_linked_freelist method, cfunc;                /* py27: bound methods, built-in functions (linked through self) */
    struct rh_frame_slot **frame_slots;              /* the code units' zombie slots (libc memory) */
    size_t frame_slots_n, frame_slots_cap;
} rh_freelists;

/* ints whose block holds more digits than max(1, |ob_size|): object address -> allocated digits
 * (t_int.c; libc memory, bookkeeping). unknown: an entry could not be stored, int frees pass size 0. */
typedef struct rh_int_slack_entry { uintptr_t key; size_t ndigits; } rh_int_slack_entry;
typedef struct rh_int_slack {
    rh_int_slack_entry *e;
    size_t cap, n;
    int unknown;
} rh_int_slack;

/* ---------------------------------------------------------------- the runtime */
#define RH_NSMALLINTS_MAX 512
/* One entry of the type attribute cache (Objects/typeobject.c: _PyType_Lookup's method cache, 2**12
 * entries). The result of looking `name` up along `type`'s MRO, valid while `epoch` equals the runtime's
 * type_epoch. attr is borrowed: every change that could free it or change the result (a class made,
 * cleared or freed, a class attribute set or deleted, an interned string freed) moves the epoch on, as
 * PyType_Modified invalidates version tags. Only interned names are cached (MCACHE_CACHEABLE_NAME). The
 * cache holds no references, so it changes no count a program can see. */
#define RH_TYPE_CACHE_SIZE 4096u
typedef struct rh_type_cache_entry {
    const rh_type *type;
    const rh_object *name;
    rh_object *attr;
    size_t slot_off;
    uint64_t epoch;
    int found;
} rh_type_cache_entry;

/* One entry of the special-method cache: lookup_special's (t_class.c) result for a C-string name on a
 * class's MRO, the same scheme as the type attribute cache (valid while `epoch` is the runtime's
 * type_epoch, attr borrowed, no reference held), keyed by the name's address: the slot wrappers pass
 * string literals (callers must pass names of static storage). A NULL attr caches an absent method too
 * (object.__new__'s callers ask every time). */
#define RH_SPECIAL_CACHE_SIZE 1024u
typedef struct rh_special_cache_entry {
    const rh_type *type;
    const char *name;
    rh_object *attr;
    uint64_t epoch;
} rh_special_cache_entry;

/* Byte offsets of an exception's fields in this profile (0: the profile's exceptions lack it), t_exc.c */
typedef struct rh_exc_fields {
    uint16_t dict, args, notes, traceback, context, cause, suppress_context, extra;
    uint16_t message;                             /* 2.x's BaseException.message, 0 in 3.x */
    uint8_t extra_objects[RH_EXC_LAYOUT__COUNT]; /* object-valued extra words per layout */
} rh_exc_fields;

/* Generator frames' side words (t_gen.c: the words that do not fit in the object, plain C memory, not
 * the model's): buffers of (class + 1) * 8 words kept for reuse, up to RH_GEN_SIDE_KEEP per class, so a
 * generator expression does not pay a calloc and a free; freed with the runtime (rh__gen_side_fini) */
#define RH_GEN_SIDE_CLASSES 8
#define RH_GEN_SIDE_KEEP 4
typedef struct rh_gen_side_cache {
    void *buf[RH_GEN_SIDE_CLASSES][RH_GEN_SIDE_KEEP];
    uint8_t n[RH_GEN_SIDE_CLASSES];
} rh_gen_side_cache;

struct rh_runtime {
    const rh_profile *profile;
    rh_allocator alloc;
    rh_hooks hooks;
    uint64_t type_epoch;              /* starts at 1, so zeroed entries are empty */
    rh_type_cache_entry type_cache[RH_TYPE_CACHE_SIZE];
    rh_special_cache_entry special_cache[RH_SPECIAL_CACHE_SIZE];
    rh_gen_side_cache gen_side;
    uint32_t next_keys_version;       /* the next dict keys version to hand out (t_dict.c), from 2 */

    /* pending error: a kind and a message (err_value NULL), or an exception object err_value (owned;
     * err_kind then its nearest built-in kind); err_tb the traceback built while it propagates (owned) */
    rh_exc err_kind;
    struct rh__subclassed { rh_type *t; int at_start; } *static_subclassed; /* built-in types whose
                                       * tp_subclasses container was made (t_class.c) */
    size_t n_static_subclassed, cap_static_subclassed;
    char err_msg[512];
    rh_object *err_value;
    rh_object *err_tb;
    rh_object *exc_handled;           /* the exception being handled (owned), NULL: none */
    rh_object *exc_handled_tb;        /* 2.x: its traceback (tstate->exc_traceback; owned), NULL: none */
    rh_exc_fields exc_fields;         /* where this profile's exceptions keep their fields (t_exc.c) */
    rh_object *exc_group_class;       /* ExceptionGroup (owned, NULL: none), rh_exc_set_group_class */

    /* statics: never freed; refcnt starts at profile->static_refcnt. [statics_lo, statics_hi) covers
     * every static object so rh_is_static is a range check. */
    char *statics_lo, *statics_hi;
    struct rh_statics {
        struct { rh_gchead gc_; rh_type t; } types[RH_K__COUNT]; /* built-in type objects (types.c) */
        struct { rh_gchead gc_; rh_type t; } exc_types[RH_EXC__COUNT]; /* exception types but
                                                                       * BaseException (types[RH_K_EXCEPTION]) */
        struct { rh_gchead gc_; rh_type t; } structseq_types[RH_SS__COUNT]; /* sys.version_info... (t_structseq.c) */
        struct { rh_gchead gc_; rh_type t; } weakcallproxy_type; /* weakref.CallableProxyType (t_weakref.c) */
        rh_object none;
        rh_object notimplemented;        /* NotImplemented (t_none_bool.c) */
        rh_object ellipsis;              /* Ellipsis, the value of `...` (t_none_bool.c) */
        rh_long_static false_, true_;
        rh_gchead empty_tuple_gc_;       /* ()'s GC head: stays zero (never tracked) — t_tuple.c */
        rh_tuple empty_tuple;            /* () : 24 bytes used; GC head unused (never tracked) */
        alignas(16) unsigned char empty_str[RH_STR_STATIC_BYTES];
        alignas(16) unsigned char latin1[256][RH_STR_STATIC_BYTES];
        alignas(16) unsigned char empty_bytes[RH_BYTES_STATIC_BYTES];     /* b'' (t_bytes.c) */
        alignas(16) unsigned char byte_chars[256][RH_BYTES_STATIC_BYTES]; /* b'\x00'..b'\xff' */
        rh_long_static small_ints[RH_NSMALLINTS_MAX];
    } *statics;
    int64_t small_int_min, small_int_max;

    /* interned strings: open-addressing set of borrowed rh_str* (libc memory: the table itself is
     * bookkeeping, as CPython's interned dict refs are uncounted) */
    rh_object **interned;
    size_t interned_cap, interned_n;

    rh_freelists fl;
    rh_object *slice_cache; /* t_slice.c: interp->slice_cache, one parked slice (profile->slice_cache) */
    rh_int_slack int_slack;
    rh_gc_state gc;

    /* trashcan (CPython's tstate->trash_delete_nesting / trash_delete_later) */
    uint32_t trash_nesting;
    rh_object *trash_later;
    struct rh_trash_frame *trash_frames; /* del_frame_in_trashcan: deposited __del__ frames (object.c) */

    /* repr recursion guard (Py_ReprEnter): the thread state's dict, made at the first container repr,
     * holding under "Py_Repr" the list of the containers being repr'd (both owned; abstract.c) */
    rh_object *repr_dict, *repr_list;
    int repr_print;                   /* rh_repr_set_print: 2.7's tp_print of containers under way */
    /* the recursion depth (CPython 3.11's recursion_limit - recursion_remaining): the interpreter's
     * Python frames and the C-level guards of comparison and repr, one count against one settable
     * limit (rh_recursion_enter, abstract.c) */
    int rec_depth;
    int rec_limit;
    uintptr_t stack_base;   /* the C stack where depth 0 was entered */
    size_t stack_budget;    /* C stack bytes the levels may use beyond it (runtime.c) */

    /* t_dict.c: Py_EMPTY_KEYS of this runtime (an rh_dictkeys header + 8 index bytes), shared by every
     * empty dict; its count never reaches zero */
    alignas(8) unsigned char dict_empty_keys[48];

    /* accounting (object.c): one counter per event, so making or freeing an object costs one increment;
     * live counts and totals are derived when read (rh_object_counts_get) */
    struct rh_counts {
        uint64_t made[RH_K__COUNT];   /* objects allocated or taken off a freelist, per kind */
        uint64_t freed[RH_K__COUNT];  /* objects freed or parked on a freelist, per kind */
        uint64_t dealloc_deferred;    /* trashcan deposits */
    } counts;
};

/* ---------------------------------------------------------------- cross-file functions */

/* The runtime's built-in type object of a kind (rh_builtin_type without the range check). */
static inline rh_type *rh__builtin(rh_runtime *rt, rh_kind k) { return &rt->statics->types[k].t; }

/* object.c — allocation of objects, dealloc dispatch, trashcan */
/* The live-object accounting of one object of kind k made (or taken off a freelist) / freed (or parked);
 * invariants in object.c. Inline: it runs once per object. */
static inline void rh__count_alloc(rh_runtime *rt, rh_kind k) { rt->counts.made[k]++; }
static inline void rh__count_free(rh_runtime *rt, rh_kind k) {
    rh_assert(rt->counts.made[k] > rt->counts.freed[k]);
    rt->counts.freed[k]++;
}
/* Allocate an object of `size` bytes (type's basicsize + items) with the type's pre-header, zeroed
 * pre-header, refcnt 1, type set (a class type gets a reference). GC objects are NOT tracked and bump
 * gc count0 (_PyObject_GC_Link), which may run a collection. NULL + MemoryError on failure. */
rh_object *rh__object_alloc(rh_runtime *rt, rh_type *t, size_t size);
/* Give the memory of a dead object back (PyObject_GC_Del / PyObject_Free): count0-- for GC types.
 * `size` is the object's allocation size without the pre-header (0 if unknown). */
void rh__object_free(rh_runtime *rt, rh_object *o, size_t size);
/* Count an object coming back from / going to a freelist (no allocator traffic, no gc count). */
void rh__object_reuse(rh_runtime *rt, rh_object *o, rh_type *t);
void rh__method_freelist_clear(rh_runtime *rt); /* t_method.c, t_builtin.c: py27's free lists */
void rh__list_freelist_trim(rh_runtime *rt, uint32_t keep); /* t_list.c, t_dict.c: down to `keep` entries */
void rh__dict_freelist_trim(rh_runtime *rt, uint32_t keep);
void rh__cfunc_freelist_clear(rh_runtime *rt);
void rh__object_to_freelist(rh_runtime *rt, rh_object *o);
/* Trashcan: call at the start of a GC container's dealloc (after untracking). Returns 1 when the object
 * was deposited for later (the dealloc must return at once), else 0 and the body runs; the body must end
 * with rh__trash_end. Mirrors Py_TRASHCAN_BEGIN/END (3.11) with profile->trashcan_unwind_level. */
int rh__trash_begin(rh_runtime *rt, rh_object *o);
/* t_class.c — PyObject_GenericGetAttr / PyObject_GenericSetAttr of instances of classes (types that
 * override tp_getattro fall back to these for their classes' instances) */
rh_object *rh__object_getattro(rh_runtime *rt, rh_object *o, rh_object *name);
int rh__object_setattro(rh_runtime *rt, rh_object *o, rh_object *name, rh_object *v);
void rh__trash_end(rh_runtime *rt);
/* profile->del_frame_in_trashcan: the frame that just ran self's __del__ is released at trashcan depth
 * >= unwind level, so (as 2.7's trashcan-guarded frame_dealloc) it is deposited still holding self: self
 * gets one reference, dropped when the chain unwinds to this deposit. Returns 1 when deposited. */
int rh__trash_defer_frame(rh_runtime *rt, rh_object *self);
/* runtime.c — PyMem_Malloc's domain (list arrays, dict tables): the object allocator, except in profiles
 * with pymem_is_raw (2.7) over the built-in pymalloc, where it is the C library. Free with rh_mem_free. */
void *rh__pymem_malloc(rh_runtime *rt, size_t n);
void *rh__pymem_calloc(rh_runtime *rt, size_t nelem, size_t elsize);
void *rh__pymem_realloc(rh_runtime *rt, void *p, size_t old_size, size_t new_size);
/* Initialise a static object's header. */
void rh__static_init(rh_runtime *rt, rh_object *o, rh_type *t);

/* t_bytes.c — _PyBytes_Resize of the only reference *pv (the empty bytes in and out as CPython's); on
 * failure *pv is released and NULL, MemoryError set. 0 or -1. */
int rh__bytes_resize(rh_runtime *rt, rh_object **pv, size_t newsize);
/* gc_list.c — generation lists and tracking (the collector proper arrives in gc.c) */
void rh__gc_init(rh_runtime *rt);
void rh__gc_track(rh_runtime *rt, rh_object *o);
void rh__gc_untrack(rh_runtime *rt, rh_object *o);
static inline bool rh__gc_is_tracked(rh_object *o) { return rh_as_gc(o)->gc_next != 0; }
/* Called after count0 was incremented: runs the automatic collection policy (no-op until gc.c). */
void rh__gc_on_alloc(rh_runtime *rt);
void rh__gc_fini(rh_runtime *rt);          /* teardown: hooks off, gc.garbage / gc.callbacks dropped */
void rh__repr_fini(rh_runtime *rt);         /* abstract.c: teardown: Py_ReprEnter's dict and list dropped */

/* abstract.c — helpers the type slots share */
/* t_union.c: _Py_union_type_or, the nb_or of type, types.GenericAlias and types.UnionType (a new reference,
 * NotImplemented unless both operands are None, classes, aliases or unions) */
rh_object *rh__union_type_or(rh_runtime *rt, rh_object *a, rh_object *b);
rh_object *rh__notimpl(rh_runtime *rt);                 /* new reference to NotImplemented */
int rh__type_is_subtype(const rh_type *a, const rh_type *b);  /* PyType_IsSubtype (mro, then tp_base chain) */
/* PyObject_RichCompare: a new reference or NULL (recursion-guarded); op an rh_cmp_kind. */
rh_object *rh__richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op);
/* PyObject_RichCompareBool: 1, 0, -1; identical objects are equal without a call. */
int rh__richcompare_bool(rh_runtime *rt, rh_object *a, rh_object *b, int op);
/* Py_RETURN_RICHCOMPARE over a three-way result c (<0, 0, >0): a new reference to True or False. */
rh_object *rh__cmp_result(rh_runtime *rt, int op, int c);
/* PyObject_HashNotImplemented: TypeError "unhashable type: 'list'", returns -1. A tp_hash. */
int64_t rh__hash_not_implemented(rh_runtime *rt, rh_object *o);
/* tp_call of functions, methods and built-ins: rh_hooks.call, or RH_EXC_UNSUPPORTED without it. */
rh_object *rh__call_hook(rh_runtime *rt, rh_object *callable, rh_object *const *args, size_t nargs);
/* The tp_repr of built-in types: their repr_into run over one string builder. */
rh_object *rh__repr_by_builder(rh_runtime *rt, rh_object *o);
/* t_structseq.c: the struct-sequence types, set up once after the built-in types (rh_runtime_new) */
void rh__structseq_init(rh_runtime *rt);
/* t_weakref.c: weakref.CallableProxyType, a copy of ProxyType's slots made after the built-in types */
void rh__weakcallproxy_init(rh_runtime *rt);

/* t_bytes.c / t_array.c — buffer exports (bytearray_getbuffer / bytearray_releasebuffer,
 * array_buffer_getbuf / array_buffer_relbuf): ob_exports += delta; while it is above 0 a size change is
 * refused with BufferError (bytearray: _canresize; array: array_resize). t_memoryview.c counts them. */
void rh__bytearray_export(rh_object *o, int delta);
void rh__array_export(rh_object *a, int delta);

/* types.c — the built-in type table (one line per type) and slot inheritance. Each type's file defines
 * `void rh__type_init_<x>(rh_runtime *rt, rh_type *t)` (declared by the table in types.c). */
void rh__types_init(rh_runtime *rt);
/* t_class.c: dropping every built-in type's tp_subclasses container at teardown */
void rh__subclasses_fini(rh_runtime *rt);
/* inherit_slots: every NULL slot of t takes its nearest base's (classes call it when they are made). */
void rh__type_inherit(rh_type *t);
/* Re-run the setup of the registered types of kinds lo..hi (rh_func_types_init). */
void rh__types_setup_range(rh_runtime *rt, rh_kind lo, rh_kind hi);
/* The name rh_stats_json reports a kind's live count under ("instance" for classes' instances). */
const char *rh__kind_name(rh_kind k);

/* t_int.c / t_str.c — statics set-up (called once from rh_runtime_new, in this order) */
int rh__small_ints_init(rh_runtime *rt);
int rh__strings_init(rh_runtime *rt);     /* '' and the 256 latin-1 characters */
int rh__bytes_init(rh_runtime *rt);       /* b'' and the 256 one-byte bytes (t_bytes.c) */
void rh__interned_fini(rh_runtime *rt);
void rh__str_forget_interned(rh_runtime *rt, rh_object *s);  /* from str dealloc */
/* The characters: after the header of a compact string, behind the data pointer (at data_offset) of a
 * non-compact one (a str subclass's instance, unicode_subtype_new) */
static inline char *rh__str_data(const rh_runtime *rt, rh_object *o) {
    const rh_strobj *s = (const rh_strobj *)o;
    (void)rt;
    char *p = (char *)o + s->state.data_offset;
    return __builtin_expect(s->state.compact, 1) ? p : *(char **)(void *)p;
}

/* freelists (each in its type's file); rh__freelists_clear runs at full collections and teardown */
void rh__float_freelist_clear(rh_runtime *rt);
void rh__tuple_freelist_clear(rh_runtime *rt);
void rh__list_freelist_clear(rh_runtime *rt);
void rh__dict_freelist_clear(rh_runtime *rt);
void rh__int_freelist_clear(rh_runtime *rt);
void rh__frame_freelist_clear(rh_runtime *rt);
void rh__frame_zombies_fini(rh_runtime *rt); /* t_frame.c: every code unit's zombie frame (rh_runtime_free) */
void rh__int_slack_free(rh_runtime *rt); /* the slack table's memory (rh_runtime_free) */
void rh__freelists_clear(rh_runtime *rt);
void rh__gen_side_fini(rh_runtime *rt); /* t_gen.c: the kept side-word buffers (rh_runtime_free) */
void rh__slice_cache_clear(rh_runtime *rt); /* t_slice.c: teardown only (_PySlice_Fini) */

/* intblock.c — 2.7's int and float blocks (py27). pop: a free 24-byte slot from blocks of block_size
 * (NULL + MemoryError); push: park a dead object; clear: Py{Int,Float}_ClearFreeList (blocks with no live
 * object of live_type go back); fini: free every block. */
rh_object *rh__intblock_pop(rh_runtime *rt, rh_intblocks *b, uint32_t block_size);
void rh__intblock_push(rh_intblocks *b, rh_object *o);
void rh__intblock_clear(rh_runtime *rt, rh_intblocks *b, const rh_type *int_type);
void rh__intblock_fini(rh_runtime *rt, rh_intblocks *b);

/* t_dict.c — the key table, shared with instances (t_class.c) */
rh_dictkeys *rh__dictkeys_new_shared(rh_runtime *rt);    /* class cached keys */
void rh__dictkeys_decref(rh_runtime *rt, rh_dictkeys *k);
size_t rh__dictkeys_size(const rh_dictkeys *k);          /* _PyDict_KeysSize */

/* The type attribute cache is stale from here on (PyType_Modified): t_class.c, t_str.c. */
static inline void rh__types_modified(rh_runtime *rt) { rt->type_epoch++; }

#endif
