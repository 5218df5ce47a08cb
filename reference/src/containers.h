/* containers.h — private interface between the container files (t_tuple.c, t_list.c, t_dict.c, t_range.c,
 * t_class.c). Not installed; other modules use the public API in refheap/types.h.
 *
 * Map: CPython 3.11 constants of the containers; rh_class (the heap type object of a `class`); the GC
 * helper rh__may_be_tracked (_PyObject_GC_MAY_BE_TRACKED); release of parked freelist objects; the dict
 * internals that instances share with dicts (key-sharing "values" arrays, shared keys, split dicts).
 *
 * Key sharing (3.11, Objects/dictobject.c): a class with instance dicts owns one "shared keys" table
 * (kind SPLIT, 64 slots, at most 30 names). An instance keeps its attribute values in a separate values
 * array whose slot i belongs to shared key i. In front of the array lies a byte prefix (size rounded up to
 * a multiple of 8): the last byte is the prefix size, the byte before it the number of attributes set, and
 * below that one byte per attribute giving its key index in insertion order. A split dict (a materialised
 * instance __dict__) points at the shared keys and owns such a values array.
 */
#ifndef REFHEAP_CONTAINERS_H
#define REFHEAP_CONTAINERS_H
#include "internal.h"

/* ---- sizes of CPython 3.11 objects that refheap models without their layout ---- */
#define RH_HEAPTYPE_BASICSIZE 904 /* sizeof(PyHeapTypeObject): type.__basicsize__ */
#define RH_HEAPTYPE_ITEMSIZE 40   /* sizeof(PyMemberDef): type.__itemsize__ */
#define RH_STATIC_TYPE_SIZE 408   /* sizeof(PyTypeObject): __sizeof__ of a static type */

/* ---- dict constants (Objects/dictobject.c, Include/internal/pycore_dict.h, 3.11) ---- */
#define RH_DICT_LOG_MINSIZE 3
#define RH_DICT_MINSIZE 8
#define RH_DKIX_EMPTY ((intptr_t)-1)
#define RH_DKIX_DUMMY ((intptr_t)-2)
#define RH_DKIX_ERROR ((intptr_t)-3)
#define RH_SHARED_KEYS_MAX_SIZE 30
#define RH_NEXT_LOG2_SHARED_KEYS_MAX_SIZE 6
#define RH_USABLE_FRACTION(n) (((n) << 1) / 3)

/* ---- classes ----
 * The object behind a `class` statement: an rh_type (kind RH_K_INSTANCE: its instances are instances)
 * plus the fields CPython keeps in PyHeapTypeObject. Allocated as 904 + 40 * (nslots + 1) bytes like
 * CPython's PyType_GenericAlloc(type, nslots), so its memory footprint matches; t.cached_keys holds the
 * class's shared keys (an rh_dictkeys *, not an object) or NULL. */
typedef struct rh_class {
    rh_type t;
    size_t dictoffset;     /* offset of a __dict__ pointer slot (profiles without managed_dict), or 0, or
                            * RH_DICTOFFSET_AT_END */
    size_t slotoffset;     /* offset of this class's first own __slots__ member */
    rh_object *slot_names; /* tuple of own slot names, sorted and mangled (ht_slots), or NULL */
    size_t alloc_size;     /* bytes allocated for the class object, pre-header excluded */
} rh_class;

/* dictoffset of a class over a variable-size base (int) with a __dict__ word: the object's last word,
 * CPython's negative tp_dictoffset */
#define RH_DICTOFFSET_AT_END ((size_t)-1)

static inline int rh__is_heap_class(const rh_object *o) {
    return o->type->kind == RH_K_TYPE && (((const rh_type *)(const void *)o)->flags & RH_TPFLAG_HEAPTYPE);
}
static inline rh_class *rh__as_class(rh_object *o) { return (rh_class *)(void *)o; }
/* An instance of a class (a heap type): of a plain class, or of one deriving from a built-in type (a list
 * subclass has the list's kind; only exact built-in objects use freelists and the type's own trashcan). */
static inline int rh__is_subclass_instance(const rh_object *o) { return (o->type->flags & RH_TPFLAG_HEAPTYPE) != 0; }
static inline rh_dictkeys *rh__class_keys(const rh_type *t) { return (rh_dictkeys *)(void *)t->cached_keys; }

/* ---- GC helpers ---- */

/* _PyObject_GC_MAY_BE_TRACKED: non-GC objects never are; a tuple only while it is tracked; any other GC
 * object (even a currently untracked dict) may become tracked. */
static inline int rh__may_be_tracked(rh_object *o) {
    if (!rh_is_gc(o)) return 0;
    if (o->type->kind == RH_K_TUPLE) return rh__gc_is_tracked(o);
    return 1;
}

/* Free the memory of an object parked on a freelist (already counted as freed when it was parked):
 * PyObject_GC_Del from a freelist clear, which lowers gc count0 like any GC deallocation. */
static inline void rh__release_parked(rh_runtime *rt, rh_object *o, size_t size) {
    size_t pre = rh_presize(rt, o->type);
    if (rh_is_gc(o) && rt->gc.gen[0].count > 0) rt->gc.gen[0].count--;
    rh_mem_free(rt, (char *)o - pre, size + pre);
}

/* A linked free list (rh_linked_freelist): objects of `size` bytes chained through the pointer field at
 * byte offset `link`. park: a dead object joins it when it holds fewer than cap (1), else 0 and the caller
 * frees it. take: the last one parked, reborn as kind with its fields past the header zeroed, or NULL.
 * clear: every one freed (PyObject_GC_Del from a freelist clear). */
#define RH__LFL_LINK(o, link) (*(rh_object **)((char *)(o) + (link)))
static inline int rh__lfl_park(rh_runtime *rt, rh_linked_freelist *fl, rh_object *o, size_t link, uint32_t cap) {
    if (fl->n >= cap) return 0;
    RH__LFL_LINK(o, link) = fl->head;
    fl->head = o;
    fl->n++;
    rh__object_to_freelist(rt, o);
    return 1;
}
static inline rh_object *rh__lfl_take(rh_runtime *rt, rh_linked_freelist *fl, rh_kind kind, size_t size, size_t link) {
    rh_object *o = fl->head;
    if (!o) return NULL;
    fl->head = RH__LFL_LINK(o, link);
    fl->n--;
    rh__object_reuse(rt, o, rh_builtin_type(rt, kind));
    memset((char *)o + sizeof(rh_object), 0, size - sizeof(rh_object));
    return o;
}
static inline void rh__lfl_clear(rh_runtime *rt, rh_linked_freelist *fl, size_t size, size_t link) {
    while (fl->head) {
        rh_object *o = fl->head;
        fl->head = RH__LFL_LINK(o, link);
        fl->n--;
        rh__release_parked(rt, o, size);
    }
}

/* ---- dict internals shared with instances (t_dict.c) ---- */

/* A values array of `size` slots, all NULL, empty insertion order (new_values). NULL + MemoryError. */
rh_object **rh__values_new(rh_runtime *rt, size_t size);
void rh__values_free(rh_runtime *rt, rh_object **values);
/* Insertion order kept in the prefix (_PyDictValues_AddToInsertionOrder / delete_index_from_values). */
void rh__values_order_add(rh_object **values, size_t ix);
void rh__values_order_del(rh_object **values, size_t ix);
size_t rh__values_order_len(rh_object **values);
size_t rh__values_order_at(rh_object **values, size_t i);

/* nentries + usable of a shared-keys table: the size of values arrays made for it now. */
static inline size_t rh__shared_keys_usable_size(const rh_dictkeys *k) {
    return (size_t)(k->dk_nentries + k->dk_usable);
}
/* Index of str `name` in a unicode/split keys table, or RH_DKIX_EMPTY; RH_DKIX_ERROR with the error set
 * if hashing fails. */
intptr_t rh__dictkeys_lookup_str(rh_runtime *rt, rh_dictkeys *k, rh_object *name);
/* Dict-backed attribute hints (3.11's LOAD_ATTR_WITH_HINT / STORE_ATTR_WITH_HINT): rh__dict_hint is the
 * entry index of str key name in combined unicode dict d (-1: absent, another table kind; no error left);
 * rh__dict_hinted the value there (borrowed) while that entry still holds name, else NULL;
 * rh__dict_hint_replace stores v (borrowed) over that entry's value: 1, or 0 when the hint is stale. */
intptr_t rh__dict_hint(rh_runtime *rt, rh_object *d, rh_object *name);
rh_object *rh__dict_hinted(rh_object *d, rh_object *name, intptr_t hint);
int rh__dict_hint_replace(rh_runtime *rt, rh_object *d, rh_object *name, intptr_t hint, rh_object *v);
/* insert_into_dictkeys: index of `name` in the shared keys, adding it (with a new reference) when absent
 * and room is left; RH_DKIX_EMPTY when the table is full or hashing fails (error cleared). */
intptr_t rh__dictkeys_insert_str(rh_runtime *rt, rh_dictkeys *k, rh_object *name);
rh_object *rh__dictkeys_key_at(const rh_dictkeys *k, size_t ix);  /* borrowed key of entry ix */
static inline void rh__dictkeys_incref(rh_dictkeys *k) { k->dk_refcnt++; }
/* make_dict_from_instance_attributes: a split dict over keys `k` that takes over `values` (owned by the
 * caller until success). Tracked if any value may be tracked. New reference or NULL. */
rh_object *rh__dict_from_values(rh_runtime *rt, rh_dictkeys *k, rh_object **values);
/* new_dict_with_shared_keys: an empty split dict with a fresh values array. New reference or NULL. */
rh_object *rh__dict_new_shared(rh_runtime *rt, rh_dictkeys *k);
/* The empty-dict fields of a freshly allocated (zeroed) dict-shaped object: a dict subclass's instance. */
void rh__dict_init_body(rh_runtime *rt, rh_object *o);
/* PyDict_Copy. New reference or NULL. */
rh_object *rh__dict_copy(rh_runtime *rt, rh_object *d);
/* Reverse iteration (t_dict.c; the dict iterators of t_dictview.c): rh__dict_last_pos is where it starts,
 * rh__dict_prev the next entry back (1 with borrowed *k, *v) or 0 at the front. */
intptr_t rh__dict_last_pos(rh_object *d);
int rh__dict_prev(rh_object *d, intptr_t *pos, rh_object **k, rh_object **v);
/* Set d[key] = v; on failure with KeyError from a delete path, the caller converts (v NULL: delete). */
int rh__dict_setdel(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *v);
/* Hash of a dict key, using a str's cached hash (0, or -1 with the error set). */
int rh__key_hash(rh_runtime *rt, rh_object *key, int64_t *out);
/* Set KeyError with repr(key) as the message (_PyErr_SetKeyError). */
void rh__set_key_error(rh_runtime *rt, rh_object *key);
/* What collections.OrderedDict reads of its dict (t_dict.c, for t_odict.c): the keys table as an identity,
 * its slot count, a key's entry index (dk_nentries when absent, -1 with the error set), and store/delete
 * with the hash known (key and value borrowed; 0 or -1). */
const void *rh__dict_keys_ident(rh_object *d);
size_t rh__dict_keys_slots(rh_object *d);
intptr_t rh__dict_entry_index(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash);
int rh__dict_set_hash(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object *v);
int rh__dict_del_hash(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash);

/* ---- tuple internals (t_tuple.c) ---- */
/* The bytes of an instance o of a class deriving from tuple (pre-header excluded): PyType_GenericAlloc's
 * _PyObject_VAR_SIZE(type, n + 1) for the n items tuple_subtype_new asked for. */
size_t rh__tuple_subtype_bytes(const rh_object *o);
/* Offset of the __dict__ word of such an instance whose class has a negative tp_dictoffset: the last word
 * of _PyObject_VAR_SIZE(type, n) (_PyObject_ComputedDictPointer, Objects/object.c). */
size_t rh__tuple_subtype_dict_offset(const rh_object *o);
/* list_richcompare / tuplerichcompare (one algorithm; the tp_richcompare of both): NotImplemented unless
 * both are the same kind; the first differing item decides. New reference or NULL. */
rh_object *rh__seq_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op);

/* ---- list internals (t_list.c) ---- */
/* list_resize (profile's growth rule). 0, or -1 with MemoryError and the list unchanged. */
int rh__list_resize(rh_runtime *rt, rh_object *l, size_t newsize);
/* A tracked empty list (PyList_New(0)) with an array of exactly n > 0 slots. New reference or NULL. */
rh_object *rh__list_new_prealloc(rh_runtime *rt, size_t n);
/* stringlib's SPLIT_ADD: v (borrowed) stored in the next of the slots rh__list_new_prealloc made
 * (PyList_SET_ITEM, no list_resize), appended once they are full. 0 or -1. */
int rh__list_add_prealloc(rh_runtime *rt, rh_object *l, rh_object *v);
/* The first n items of iterating o (a list, tuple, str, dict or range holding at least n), as new
 * references in dst[0..n). 0, or -1 with the error set and nothing left in dst. */
int rh__iterable_fill(rh_runtime *rt, rh_object *o, rh_object **dst, size_t n);
/* len(o) for a list, tuple, str, dict or range; -1 for any other kind. */
int64_t rh__iterable_count(rh_object *o);
/* t_rangeiter.c: a range_iterator handing out start, start+step, ... (len values; none overflows), and a
 * longrange_iterator over int objects (borrowed; it keeps new references). New reference or NULL. */
rh_object *rh__rangeiter_new(rh_runtime *rt, int64_t start, int64_t step, int64_t len);
rh_object *rh__longrangeiter_new(rh_runtime *rt, rh_object *start, rh_object *step, rh_object *len);

/* ---- str helpers on the internal layout (no allocation) ---- */
static inline int rh__is_str(const rh_object *o) { return o->type->kind == RH_K_STR; }
/* PyUnicode_CheckExact: a str that is not a subclass's instance (the dict's unicode-key paths) */
static inline int rh__is_str_exact(const rh_object *o) {
    return o->type->kind == RH_K_STR && !(o->type->flags & RH_TPFLAG_HEAPTYPE);
}
int rh__str_equal(rh_runtime *rt, rh_object *a, rh_object *b);  /* both str: same code points */

#endif
