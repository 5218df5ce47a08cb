/* t_dict.c — the dict type and its key tables: PyDictObject / PyDictKeysObject of CPython 3.11
 * (Objects/dictobject.c, Include/internal/pycore_dict.h).
 *
 * Owns: the dict type object, the per-runtime empty keys table (Py_EMPTY_KEYS), key tables (combined
 * unicode, combined general, shared/split), the dict and keys freelists, lookup/insert/delete/resize,
 * iteration, copies, GC tracking of dicts (MAINTAIN_TRACKING, _PyDict_MaybeUntrack), and the key-sharing
 * values arrays used by instances (see containers.h for their layout).
 *
 * Invariants:
 *  - a keys table of 2**s slots is one allocation: a 32-byte header, 2**s indices of 1/2/4/8 bytes
 *    (s < 8 / < 16 / < 32 / else), then USABLE_FRACTION(2**s) entries of 16 bytes (unicode and split
 *    tables: key, value) or 24 bytes (general: hash, key, value); index -1 is empty, -2 a deleted entry;
 *  - dk_usable + dk_nentries <= USABLE_FRACTION(size); entries are appended in insertion order and a
 *    deleted entry stays as a NULL-valued hole until the next resize;
 *  - an empty dict shares rt's empty keys (log2 size 0, never freed: its count only goes up and down);
 *    every other combined table has dk_refcnt == 1; a split dict's keys are its class's shared keys,
 *    counted once per dict and once by the class;
 *  - a dict is created untracked and becomes tracked when an object that may be tracked is stored in it;
 *  - keys tables of 8 slots with unicode keys are parked on rt->fl.keys (at most dictkeys_freelist) and
 *    dict objects on rt->fl.dict (at most dict_freelist) instead of being freed;
 *  - deallocation releases entries in insertion order, key before value (free_keys_object).
 *
 * With profile->dict_smalltable (py27) every dict is instead 2.7's PyDictObject with its own table
 * (t_dict27.c): the public functions below hand such dicts to rh__dict27_*; the dict objects, their
 * freelist and the type slots stay here. 2.7 has no key-sharing dicts, so none are split.
 */
#include "containers.h"
#include "scalars.h"
#include "dict27.h"

static inline rh_dict *as_dict(rh_object *o) { return (rh_dict *)(void *)o; }
static inline rh_dictkeys *empty_keys(rh_runtime *rt) { return (rh_dictkeys *)(void *)rt->dict_empty_keys; }
static inline int table27(const rh_runtime *rt) { return rt->profile->dict_smalltable != 0; }
/* Bytes of a dict object without the GC head: 3.x PyDictObject, or 2.7's with its smalltable. */
static size_t dict_basicsize(const rh_runtime *rt) {
    return table27(rt) ? sizeof(rh_dict27) : sizeof(rh_dict);
}

/* ---------------------------------------------------------------- key tables */

static inline size_t dk_size(const rh_dictkeys *k) { return (size_t)1 << k->dk_log2_size; }
static inline int dk_is_unicode(const rh_dictkeys *k) { return k->dk_kind != RH_DICT_KEYS_GENERAL; }
static inline char *dk_entries_base(rh_dictkeys *k) {
    return k->dk_indices + ((size_t)1 << k->dk_log2_index_bytes);
}
static inline rh_dict_entry *dk_entries(rh_dictkeys *k) {
    return (rh_dict_entry *)(void *)dk_entries_base(k);
}
static inline rh_dict_uentry *dk_uentries(rh_dictkeys *k) {
    return (rh_dict_uentry *)(void *)dk_entries_base(k);
}

static intptr_t get_index(const rh_dictkeys *k, size_t i) {
    unsigned s = k->dk_log2_size;
    const void *ix = k->dk_indices;
    if (s < 8) return ((const int8_t *)ix)[i];
    if (s < 16) return ((const int16_t *)ix)[i];
    if (s >= 32) return ((const int64_t *)ix)[i];
    return ((const int32_t *)ix)[i];
}

static void set_index(rh_dictkeys *k, size_t i, intptr_t v) {
    unsigned s = k->dk_log2_size;
    void *ix = k->dk_indices;
    if (s < 8) ((int8_t *)ix)[i] = (int8_t)v;
    else if (s < 16) ((int16_t *)ix)[i] = (int16_t)v;
    else if (s >= 32) ((int64_t *)ix)[i] = (int64_t)v;
    else ((int32_t *)ix)[i] = (int32_t)v;
}

static size_t entry_size(int kind) {
    return kind == RH_DICT_KEYS_GENERAL ? sizeof(rh_dict_entry) : sizeof(rh_dict_uentry);
}

size_t rh__dictkeys_size(const rh_dictkeys *k) { /* _PyDict_KeysSize */
    return sizeof(rh_dictkeys) + k->dk_extra_header + ((size_t)1 << k->dk_log2_index_bytes) +
           RH_USABLE_FRACTION(dk_size(k)) * entry_size(k->dk_kind);
}

/* calculate_log2_keysize, bit-length form of 64-bit builds: (minsize | 8) - 1, then bit length of
 * that | 7 (so an exact power of two >= 16 gets the next size up, as in CPython). */
static uint8_t calculate_log2_keysize(size_t minsize) {
    uint64_t m = ((uint64_t)minsize | RH_DICT_MINSIZE) - 1;
    m |= RH_DICT_MINSIZE - 1;
    return (uint8_t)(64 - __builtin_clzll(m));
}
static uint8_t estimate_log2_keysize(size_t n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

/* Whether a new table may store str keys without their hash: DICT_KEYS_UNICODE is 3.11's; 3.10's entries
 * always carry the hash (profile->dict_unicode_keys 0). */
static int keys_unicode(const rh_runtime *rt, int unicode) { return unicode && rt->profile->dict_unicode_keys; }

/* The keys freelist: 3.11 keeps only 8-slot unicode tables, 3.10 any 8-slot table. */
static int keys_freelist_kind(const rh_runtime *rt, int unicode) { return unicode || !rt->profile->dict_unicode_keys; }

/* new_keys_object: NULL + MemoryError on failure */
static rh_dictkeys *new_keys(rh_runtime *rt, uint8_t log2_size, int unicode) {
    size_t usable = RH_USABLE_FRACTION((size_t)1 << log2_size);
    uint8_t log2_bytes = log2_size < 8 ? log2_size : log2_size < 16 ? log2_size + 1
                         : log2_size >= 32 ? log2_size + 3 : log2_size + 2;
    size_t es = unicode ? sizeof(rh_dict_uentry) : sizeof(rh_dict_entry);
    size_t extra = rt->profile->dictkeys_extra_header;
    rh_dictkeys *k;
    if (log2_size == RH_DICT_LOG_MINSIZE && keys_freelist_kind(rt, unicode) && rt->fl.keys_n > 0) {
        k = rt->fl.keys[--rt->fl.keys_n];
    } else {
        if (log2_bytes >= 63 || usable > (RH_SSIZE_MAX >> log2_bytes) / es) {
            rh_err_nomemory(rt);
            return NULL;
        }
        k = rh_mem_malloc(rt, sizeof(rh_dictkeys) + extra + ((size_t)1 << log2_bytes) + es * usable);
        if (!k) return NULL;
    }
    k->dk_refcnt = 1;
    k->dk_log2_size = log2_size;
    k->dk_log2_index_bytes = log2_bytes;
    k->dk_kind = unicode ? RH_DICT_KEYS_UNICODE : RH_DICT_KEYS_GENERAL;
    k->dk_extra_header = (uint8_t)extra;
    k->dk_str_lookup = !unicode && !rt->profile->dict_unicode_keys; /* 3.10 new_keys_object: unicode_nodummy */
    k->dk_version = 0;
    k->dk_usable = (intptr_t)usable;
    k->dk_nentries = 0;
    memset(k->dk_indices, 0xff, (size_t)1 << log2_bytes);
    memset(dk_entries_base(k), 0, es * usable);
    return k;
}

/* Give a keys table's memory back (entries already released or moved). */
static void keys_release_memory(rh_runtime *rt, rh_dictkeys *k) {
    rh_assert(k != empty_keys(rt));
    if (k->dk_log2_size == RH_DICT_LOG_MINSIZE && keys_freelist_kind(rt, dk_is_unicode(k)) &&
        k->dk_kind != RH_DICT_KEYS_SPLIT && rt->fl.keys_n < RH_FREELIST_CAP &&
        rt->fl.keys_n < rt->profile->dictkeys_freelist) {
        rt->fl.keys[rt->fl.keys_n++] = k;
        return;
    }
    rh_mem_free(rt, k, rh__dictkeys_size(k));
}

/* free_keys_object: entries in insertion order, key then value */
static void free_keys(rh_runtime *rt, rh_dictkeys *k) {
    size_t n = (size_t)k->dk_nentries;
    if (dk_is_unicode(k)) {
        rh_dict_uentry *e = dk_uentries(k);
        for (size_t i = 0; i < n; i++) {
            rh_xdecref(rt, e[i].key);
            rh_xdecref(rt, e[i].value);
        }
    } else {
        rh_dict_entry *e = dk_entries(k);
        for (size_t i = 0; i < n; i++) {
            rh_xdecref(rt, e[i].key);
            rh_xdecref(rt, e[i].value);
        }
    }
    keys_release_memory(rt, k);
}

void rh__dictkeys_decref(rh_runtime *rt, rh_dictkeys *k) {
    rh_assert(k->dk_refcnt > 0);
    if (k == empty_keys(rt)) { /* Py_EMPTY_KEYS: counted, never freed */
        k->dk_refcnt--;
        return;
    }
    if (--k->dk_refcnt == 0) free_keys(rt, k);
}

/* _PyDict_NewKeysForClass: 64 slots, kind SPLIT, at most SHARED_KEYS_MAX_SIZE names (usable is set to
 * 30 and drops by one per new instance while above 1, see t_class.c). */
rh_dictkeys *rh__dictkeys_new_shared(rh_runtime *rt) {
    rh_dictkeys *k = new_keys(rt, RH_NEXT_LOG2_SHARED_KEYS_MAX_SIZE, 1);
    if (!k) return NULL;
    k->dk_usable = RH_SHARED_KEYS_MAX_SIZE;
    k->dk_kind = RH_DICT_KEYS_SPLIT;
    return k;
}

rh_object *rh__dictkeys_key_at(const rh_dictkeys *k, size_t ix) {
    return dk_uentries((rh_dictkeys *)k)[ix].key;
}

/* ---------------------------------------------------------------- values arrays (new_values) */

rh_object **rh__values_new(rh_runtime *rt, size_t size) {
    size_t prefix = (size + 2 + 7) & ~(size_t)7;
    rh_assert(prefix < 256);
    uint8_t *mem = rh_mem_malloc(rt, prefix + size * sizeof(rh_object *));
    if (!mem) return NULL;
    mem[prefix - 1] = (uint8_t)prefix;
    mem[prefix - 2] = 0;
    rh_object **values = (rh_object **)(void *)(mem + prefix);
    for (size_t i = 0; i < size; i++) values[i] = NULL;
    return values;
}

void rh__values_free(rh_runtime *rt, rh_object **values) {
    uint8_t prefix = ((uint8_t *)values)[-1];
    rh_mem_free(rt, (uint8_t *)values - prefix, 0); /* the slot count is not recorded; size unknown */
}

void rh__values_order_add(rh_object **values, size_t ix) {
    uint8_t *size_ptr = (uint8_t *)values - 2;
    int size = *size_ptr + 1;
    rh_assert(ix < RH_SHARED_KEYS_MAX_SIZE && size + 2 <= ((uint8_t *)values)[-1]);
    size_ptr[-size] = (uint8_t)ix;
    *size_ptr = (uint8_t)size;
}

void rh__values_order_del(rh_object **values, size_t ix) {
    uint8_t *size_ptr = (uint8_t *)values - 2;
    int size = *size_ptr, i = 1;
    while (size_ptr[-i] != ix) {
        i++;
        rh_assert(i <= size);
    }
    for (; i < size; i++) size_ptr[-i] = size_ptr[-i - 1];
    *size_ptr = (uint8_t)(size - 1);
}

size_t rh__values_order_len(rh_object **values) { return ((uint8_t *)values)[-2]; }
size_t rh__values_order_at(rh_object **values, size_t i) { return ((uint8_t *)values)[-3 - (intptr_t)i]; }

/* ---------------------------------------------------------------- hashing and comparing keys */

int rh__str_equal(rh_runtime *rt, rh_object *a, rh_object *b) {
    const rh_strobj *x = (const rh_strobj *)(const void *)a, *y = (const rh_strobj *)(const void *)b;
    if (a == b) return 1;
    if (x->length != y->length || x->state.kind != y->state.kind) return 0;
    return memcmp(rh__str_data(rt, a), rh__str_data(rt, b), (size_t)x->length * x->state.kind) == 0;
}

int rh__key_hash(rh_runtime *rt, rh_object *key, int64_t *out) {
    if (rh__is_str_exact(key) && ((rh_strobj *)(void *)key)->hash != -1) {
        *out = ((rh_strobj *)(void *)key)->hash;
        return 0;
    }
    return rh_hash(rt, key, out);
}

static int64_t str_hash(rh_object *s) { return ((rh_strobj *)(void *)s)->hash; }

void rh__set_key_error(rh_runtime *rt, rh_object *key) { rh_err_set_key(rt, key); }

/* ---------------------------------------------------------------- lookup */

#define PERTURB_SHIFT 5
#define DKIX_KEY_CHANGED ((intptr_t)-4)

/* str key in a unicode or split table (unicodekeys_lookup_unicode); inlined where _Py_dict_lookup
 * calls it, as 3.12's Py_ALWAYS_INLINE do_lookup is */
RH_ALWAYS_INLINE intptr_t lookup_unicode(rh_runtime *rt, rh_dictkeys *dk, rh_object *key, int64_t hash) {
    rh_dict_uentry *ep0 = dk_uentries(dk);
    size_t mask = dk_size(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        intptr_t ix = get_index(dk, i);
        if (ix >= 0) {
            rh_object *k = ep0[ix].key;
            if (k == key || (str_hash(k) == hash && rh__str_equal(rt, k, key))) return ix;
        } else if (ix == RH_DKIX_EMPTY) {
            return RH_DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* Compare a stored key with `key` under Python's ==: 1 equal, 0 not, -1 error, -2 when the comparison
 * changed the table (the lookup restarts, as DKIX_KEY_CHANGED). */
static int compare_stored(rh_runtime *rt, rh_dict *mp, rh_dictkeys *dk, rh_object **slot, rh_object *key) {
    rh_object *start = *slot;
    rh_incref(start);
    int cmp = rh_equal(rt, start, key);
    rh_decref(rt, start);
    if (cmp < 0) return -1;
    if (dk != mp->keys || *slot != start) return -2;
    return cmp > 0;
}

static intptr_t compared_result(int c, intptr_t ix) {
    return c == 1 ? ix : c == -1 ? RH_DKIX_ERROR : DKIX_KEY_CHANGED;
}

/* non-str key in a unicode or split table (unicodekeys_lookup_generic) */
static intptr_t lookup_unicode_generic(rh_runtime *rt, rh_dict *mp, rh_dictkeys *dk, rh_object *key,
                                       int64_t hash) {
    rh_dict_uentry *ep0 = dk_uentries(dk);
    size_t mask = dk_size(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        intptr_t ix = get_index(dk, i);
        if (ix >= 0) {
            if (ep0[ix].key == key) return ix;
            if (str_hash(ep0[ix].key) == hash) {
                int c = compare_stored(rt, mp, dk, &ep0[ix].key, key);
                if (c != 0) return compared_result(c, ix);
            }
        } else if (ix == RH_DKIX_EMPTY) {
            return RH_DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* any key in a general table (dictkeys_generic_lookup) */
static intptr_t lookup_general(rh_runtime *rt, rh_dict *mp, rh_dictkeys *dk, rh_object *key, int64_t hash) {
    rh_dict_entry *ep0 = dk_entries(dk);
    size_t mask = dk_size(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        intptr_t ix = get_index(dk, i);
        if (ix >= 0) {
            if (ep0[ix].key == key) return ix;
            if (ep0[ix].hash == hash) {
                int c = compare_stored(rt, mp, dk, &ep0[ix].key, key);
                if (c != 0) return compared_result(c, ix);
            }
        } else if (ix == RH_DKIX_EMPTY) {
            return RH_DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* _Py_dict_lookup: entry index (value in *value, NULL for a split dict's unset slot), RH_DKIX_EMPTY, or
 * RH_DKIX_ERROR with the error set. The common case (a str key in a str-keyed table) is inlined into its
 * callers; the rest, which may call __eq__ and restart, is dict_lookup_any. */
static intptr_t dict_lookup_any(rh_runtime *rt, rh_dict *mp, rh_object *key, int64_t hash, rh_object **value) {
    for (;;) {
        rh_dictkeys *dk = mp->keys;
        intptr_t ix;
        if (dk_is_unicode(dk)) {
            ix = rh__is_str_exact(key) ? lookup_unicode(rt, dk, key, hash)
                                 : lookup_unicode_generic(rt, mp, dk, key, hash);
            if (ix == DKIX_KEY_CHANGED) continue;
            *value = ix < 0 ? NULL : mp->values ? mp->values[ix] : dk_uentries(dk)[ix].value;
        } else {
            ix = lookup_general(rt, mp, dk, key, hash);
            if (ix == DKIX_KEY_CHANGED) continue;
            *value = ix < 0 ? NULL : dk_entries(dk)[ix].value;
        }
        return ix;
    }
}

RH_ALWAYS_INLINE intptr_t dict_lookup(rh_runtime *rt, rh_dict *mp, rh_object *key, int64_t hash, rh_object **value) {
    rh_dictkeys *dk = mp->keys;
    if (!dk_is_unicode(dk) || !rh__is_str_exact(key)) return dict_lookup_any(rt, mp, key, hash, value);
    intptr_t ix = lookup_unicode(rt, dk, key, hash);
    *value = ix < 0 ? NULL : mp->values ? mp->values[ix] : dk_uentries(dk)[ix].value;
    return ix;
}

intptr_t rh__dictkeys_lookup_str(rh_runtime *rt, rh_dictkeys *k, rh_object *name) {
    int64_t hash;
    if (!rh__is_str(name) || k->dk_kind == RH_DICT_KEYS_GENERAL) return RH_DKIX_EMPTY;
    if (rh__key_hash(rt, name, &hash) < 0) return RH_DKIX_ERROR;
    return lookup_unicode(rt, k, name, hash);
}

/* LOAD_ATTR_WITH_HINT / STORE_ATTR_WITH_HINT's checks (Python/ceval.c): entry `hint` of combined unicode
 * dict d still holds key `name` (identity) with a value. */
static rh_dict_uentry *hinted_entry(rh_object *d, rh_object *name, intptr_t hint) {
    rh_dict *mp = as_dict(d);
    rh_dictkeys *k = mp->keys;
    if (mp->values || k->dk_kind != RH_DICT_KEYS_UNICODE || hint >= k->dk_nentries) return NULL;
    rh_dict_uentry *e = &dk_uentries(k)[hint];
    return e->key == name && e->value ? e : NULL;
}

intptr_t rh__dict_hint(rh_runtime *rt, rh_object *d, rh_object *name) {
    rh_dict *mp = as_dict(d);
    if (mp->values || mp->keys->dk_kind != RH_DICT_KEYS_UNICODE) return -1;
    intptr_t ix = rh__dictkeys_lookup_str(rt, mp->keys, name);
    if (ix < 0) rh_err_clear(rt);
    return ix < 0 || !hinted_entry(d, name, ix) ? -1 : ix;
}

rh_object *rh__dict_hinted(rh_object *d, rh_object *name, intptr_t hint) {
    rh_dict_uentry *e = hinted_entry(d, name, hint);
    return e ? e->value : NULL;
}

int rh__dict_hint_replace(rh_runtime *rt, rh_object *d, rh_object *name, intptr_t hint, rh_object *v) {
    rh_dict_uentry *e = hinted_entry(d, name, hint);
    if (!e) return 0;
    rh_object *old = e->value;
    rh_incref(v);
    e->value = v;
    rh_decref(rt, old);
    if (!rh__gc_is_tracked(d) && rh__may_be_tracked(v)) rh__gc_track(rt, d); /* as STORE_ATTR_WITH_HINT */
    return 1;
}

/* lookdict_index: the slot holding entry index `index` */
static size_t lookup_slot_of(rh_dictkeys *k, int64_t hash, intptr_t index) {
    size_t mask = dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        intptr_t ix = get_index(k, i);
        if (ix == index) return i;
        rh_assert(ix != RH_DKIX_EMPTY);
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
}

/* find_empty_slot: first empty or deleted slot on the key's probe sequence */
static size_t find_empty_slot(rh_dictkeys *k, int64_t hash) {
    size_t mask = dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = mask & (i * 5 + perturb + 1);
    }
    return i;
}

intptr_t rh__dictkeys_insert_str(rh_runtime *rt, rh_dictkeys *k, rh_object *name) {
    int64_t hash;
    if (rh__key_hash(rt, name, &hash) < 0) {
        rh_err_clear(rt);
        return RH_DKIX_EMPTY;
    }
    intptr_t ix = lookup_unicode(rt, k, name, hash);
    if (ix == RH_DKIX_EMPTY) {
        if (k->dk_usable <= 0) return RH_DKIX_EMPTY;
        rh_incref(name);
        k->dk_version = 0;
        size_t pos = find_empty_slot(k, hash);
        ix = k->dk_nentries;
        set_index(k, pos, ix);
        dk_uentries(k)[ix].key = name;
        k->dk_usable--;
        k->dk_nentries++;
    }
    rh_assert(ix < RH_SHARED_KEYS_MAX_SIZE);
    return ix;
}

/* ---------------------------------------------------------------- dict objects */

/* A dict object for keys/values: from the freelist (new_dict) or, with use_freelist 0, a fresh GC
 * allocation (PyObject_GC_New). Consumes the reference to keys; NULL on failure (values freed if asked). */
static rh_object *dict_object(rh_runtime *rt, rh_dictkeys *keys, rh_object **values, intptr_t used,
                              int free_values_on_failure, int use_freelist) {
    rh_type *t = rh_builtin_type(rt, RH_K_DICT);
    rh_object *o;
    if (use_freelist && rt->fl.dict_n > 0) {
        o = rt->fl.dict[--rt->fl.dict_n];
        rh__object_reuse(rt, o, t);
    } else {
        o = rh__object_alloc(rt, t, dict_basicsize(rt));
        if (!o) {
            rh__dictkeys_decref(rt, keys);
            if (free_values_on_failure) rh__values_free(rt, values);
            return NULL;
        }
    }
    rh_dict *mp = as_dict(o);
    mp->keys = keys;
    mp->values = values;
    mp->used = used;
    mp->version_tag = 0;
    return o;
}

static rh_object *new_dict(rh_runtime *rt, rh_dictkeys *keys, rh_object **values, intptr_t used,
                           int free_values_on_failure) {
    return dict_object(rt, keys, values, used, free_values_on_failure, 1);
}

void rh__dict_freelist_trim(rh_runtime *rt, uint32_t keep) {
    while (rt->fl.dict_n > keep) rh__release_parked(rt, rt->fl.dict[--rt->fl.dict_n], dict_basicsize(rt));
}

void rh__dict_freelist_clear(rh_runtime *rt) {
    while (rt->fl.dict_n > 0) rh__release_parked(rt, rt->fl.dict[--rt->fl.dict_n], dict_basicsize(rt));
    while (rt->fl.keys_n > 0) {
        rh_dictkeys *k = rt->fl.keys[--rt->fl.keys_n];
        rh_mem_free(rt, k, rh__dictkeys_size(k));
    }
}

/* PyDict_New of 2.7: a dict object (freelist first, unless use_freelist is 0) with an empty smalltable */
static rh_object *dict_new27(rh_runtime *rt, int use_freelist) {
    rh_type *t = rh_builtin_type(rt, RH_K_DICT);
    rh_object *o;
    if (use_freelist && rt->fl.dict_n > 0) {
        o = rt->fl.dict[--rt->fl.dict_n];
        rh__object_reuse(rt, o, t);
    } else if (!(o = rh__object_alloc(rt, t, sizeof(rh_dict27)))) {
        return NULL;
    }
    rh__dict27_init(o);
    return o;
}

void rh__dict_init_body(rh_runtime *rt, rh_object *o) {
    if (table27(rt)) {
        rh__dict27_init(o);
        return;
    }
    rh__dictkeys_incref(empty_keys(rt));
    as_dict(o)->keys = empty_keys(rt);
    as_dict(o)->values = NULL;
    as_dict(o)->used = 0;
    as_dict(o)->version_tag = 0;
}

rh_object *rh_dict_new(rh_runtime *rt) {
    if (table27(rt)) return dict_new27(rt, 1);
    rh__dictkeys_incref(empty_keys(rt));
    return new_dict(rt, empty_keys(rt), NULL, 0, 0);
}

rh_object *rh_dict_new_fresh(rh_runtime *rt) {
    if (table27(rt)) return dict_new27(rt, 0);
    rh__dictkeys_incref(empty_keys(rt));
    return dict_object(rt, empty_keys(rt), NULL, 0, 0, 0);
}

/* dict_new_presized; fresh: dict_new's tp_alloc instead of the freelist (dict.fromkeys) */
static rh_object *dict_new_presized(rh_runtime *rt, size_t minused, int unicode, int fresh) {
    const uint8_t log2_max_presize = 17;
    if (table27(rt)) {
        rh_object *d = dict_new27(rt, !fresh);
        if (d && rh__dict27_presize(rt, d, minused) < 0) rh_setref(rt, &d, NULL);
        return d;
    }
    if (minused <= RH_USABLE_FRACTION((size_t)RH_DICT_MINSIZE)) return fresh ? rh_dict_new_fresh(rt) : rh_dict_new(rt);
    uint8_t log2 = minused > RH_USABLE_FRACTION((size_t)1 << log2_max_presize)
                       ? log2_max_presize
                       : estimate_log2_keysize(minused);
    rh_dictkeys *k = new_keys(rt, log2, keys_unicode(rt, unicode));
    if (!k) return NULL;
    return dict_object(rt, k, NULL, 0, 0, !fresh);
}

rh_object *rh_dict_new_presized(rh_runtime *rt, size_t n) { return dict_new_presized(rt, n, 0, 0); }
rh_object *rh_dict_new_fromkeys(rh_runtime *rt, size_t n) { return dict_new_presized(rt, n, 0, 1); }

rh_object *rh__dict_new_shared(rh_runtime *rt, rh_dictkeys *k) {
    rh_assert(!table27(rt));
    size_t size = rh__shared_keys_usable_size(k);
    rh__dictkeys_incref(k);
    rh_object **values = rh__values_new(rt, size);
    if (!values) {
        rh__dictkeys_decref(rt, k);
        return NULL;
    }
    return new_dict(rt, k, values, 0, 1);
}

rh_object *rh__dict_from_values(rh_runtime *rt, rh_dictkeys *k, rh_object **values) {
    rh_assert(!table27(rt));
    rh__dictkeys_incref(k);
    intptr_t used = 0;
    int track = 0;
    for (size_t i = 0; i < rh__shared_keys_usable_size(k); i++) {
        if (values[i]) {
            used++;
            track |= rh__may_be_tracked(values[i]);
        }
    }
    rh_object *d = new_dict(rt, k, values, used, 0);
    if (d && track) rh__gc_track(rt, d);
    return d;
}

size_t rh_dict_len(rh_object *d) { return (size_t)as_dict(d)->used; }

static void maintain_tracking(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *value) {
    if (!rh__gc_is_tracked(d) && (rh__may_be_tracked(key) || rh__may_be_tracked(value))) rh__gc_track(rt, d);
}

/* dictresize: rebuild into a combined table of 2**log2_newsize slots (split tables become combined) */
static int dictresize(rh_runtime *rt, rh_dict *mp, uint8_t log2_newsize, int unicode) {
    if (log2_newsize >= 64) {
        rh_err_nomemory(rt);
        return -1;
    }
    rh_dictkeys *oldkeys = mp->keys;
    rh_object **oldvalues = mp->values;
    if (!dk_is_unicode(oldkeys)) unicode = 0;
    unicode = keys_unicode(rt, unicode);
    rh_dictkeys *nk = new_keys(rt, log2_newsize, unicode);
    if (!nk) return -1;
    if (oldkeys->dk_kind == RH_DICT_KEYS_GENERAL && !oldkeys->dk_str_lookup)
        nk->dk_str_lookup = 0; /* 3.10 dictresize: a lookdict table stays lookdict */
    rh_assert(nk->dk_usable >= mp->used);
    size_t n = (size_t)mp->used;
    if (oldvalues) { /* split -> combined: keys gain a reference, values move */
        rh_dict_uentry *old = dk_uentries(oldkeys);
        for (size_t i = 0; i < n; i++) {
            size_t index = rh__values_order_at(oldvalues, i);
            rh_object *key = old[index].key;
            rh_incref(key);
            if (unicode) {
                dk_uentries(nk)[i] = (rh_dict_uentry){key, oldvalues[index]};
            } else {
                dk_entries(nk)[i] = (rh_dict_entry){str_hash(key), key, oldvalues[index]};
            }
        }
        mp->keys = nk;
        mp->values = NULL;
        rh__dictkeys_decref(rt, oldkeys);
        rh__values_free(rt, oldvalues);
    } else { /* combined -> combined: entries move in order, holes dropped */
        size_t j = 0;
        for (size_t i = 0; j < n; i++) {
            rh_object *key, *value;
            int64_t hash;
            if (dk_is_unicode(oldkeys)) {
                rh_dict_uentry *e = &dk_uentries(oldkeys)[i];
                key = e->key, value = e->value, hash = value ? str_hash(key) : 0;
            } else {
                rh_dict_entry *e = &dk_entries(oldkeys)[i];
                key = e->key, value = e->value, hash = e->hash;
            }
            if (!value) continue;
            if (unicode) dk_uentries(nk)[j++] = (rh_dict_uentry){key, value};
            else dk_entries(nk)[j++] = (rh_dict_entry){hash, key, value};
        }
        mp->keys = nk;
        if (oldkeys == empty_keys(rt)) oldkeys->dk_refcnt--;
        else keys_release_memory(rt, oldkeys);
    }
    /* build_indices */
    size_t mask = dk_size(nk) - 1;
    for (size_t ix = 0; ix < n; ix++) {
        int64_t hash = unicode ? str_hash(dk_uentries(nk)[ix].key) : dk_entries(nk)[ix].hash;
        size_t i = (size_t)hash & mask, perturb = (size_t)hash;
        while (get_index(nk, i) != RH_DKIX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        set_index(nk, i, (intptr_t)ix);
    }
    nk->dk_usable -= (intptr_t)n;
    nk->dk_nentries = (intptr_t)n;
    return 0;
}

static int insertion_resize(rh_runtime *rt, rh_dict *mp, int unicode) {
    return dictresize(rt, mp, calculate_log2_keysize((size_t)mp->used * 3), unicode);
}

/* insert_to_emptydict: consumes key and value */
static int insert_to_empty(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object *value) {
    rh_dict *mp = as_dict(d);
    int unicode = keys_unicode(rt, rh__is_str_exact(key));
    rh_dictkeys *nk = new_keys(rt, RH_DICT_LOG_MINSIZE, unicode);
    if (!nk) {
        rh_decref(rt, key);
        rh_decref(rt, value);
        return -1;
    }
    rh__dictkeys_decref(rt, mp->keys);
    mp->keys = nk;
    mp->values = NULL;
    maintain_tracking(rt, d, key, value);
    set_index(nk, (size_t)hash & (RH_DICT_MINSIZE - 1), 0);
    if (unicode) dk_uentries(nk)[0] = (rh_dict_uentry){key, value};
    else dk_entries(nk)[0] = (rh_dict_entry){hash, key, value};
    if (!rh__is_str_exact(key)) nk->dk_str_lookup = 0; /* 3.10 insert_to_emptydict: dk_lookup = lookdict */
    mp->used++;
    nk->dk_usable--;
    nk->dk_nentries++;
    return 0;
}

/* insertdict: consumes key and value; the dict is unchanged on failure */
static int insertdict(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object *value) {
    rh_dict *mp = as_dict(d);
    rh_object *old_value;
    if (mp->keys == empty_keys(rt)) return insert_to_empty(rt, d, key, hash, value);
    if (dk_is_unicode(mp->keys) && !rh__is_str_exact(key) && insertion_resize(rt, mp, 0) < 0) goto fail;
    intptr_t ix = dict_lookup(rt, mp, key, hash, &old_value);
    if (ix == RH_DKIX_ERROR) goto fail;
    if (ix == RH_DKIX_EMPTY) {
        rh_dictkeys *k = mp->keys;
        if (k->dk_usable <= 0) {
            if (insertion_resize(rt, mp, 1) < 0) goto fail;
            k = mp->keys;
        }
        maintain_tracking(rt, d, key, value);
        k->dk_version = 0;
        size_t pos = find_empty_slot(k, hash);
        intptr_t at = k->dk_nentries;
        set_index(k, pos, at);
        if (dk_is_unicode(k)) {
            dk_uentries(k)[at].key = key;
            if (mp->values) {
                rh__values_order_add(mp->values, (size_t)at);
                mp->values[at] = value;
            } else {
                dk_uentries(k)[at].value = value;
            }
        } else {
            dk_entries(k)[at] = (rh_dict_entry){hash, key, value};
            if (!rh__is_str_exact(key)) k->dk_str_lookup = 0; /* 3.10 insertdict: dk_lookup = lookdict */
        }
        mp->used++;
        k->dk_usable--;
        k->dk_nentries++;
        return 0;
    }
    maintain_tracking(rt, d, key, value);
    if (old_value != value) {
        if (mp->values) {
            mp->values[ix] = value;
            if (!old_value) {
                rh__values_order_add(mp->values, (size_t)ix);
                mp->used++;
            }
        } else if (dk_is_unicode(mp->keys)) {
            dk_uentries(mp->keys)[ix].value = value;
        } else {
            dk_entries(mp->keys)[ix].value = value;
        }
    }
    rh_xdecref(rt, old_value); /* may re-enter */
    rh_decref(rt, key);
    return 0;
fail:
    rh_decref(rt, value);
    rh_decref(rt, key);
    return -1;
}

int rh_dict_set(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *v) {
    int64_t hash;
    if (rh__key_hash(rt, key, &hash) < 0) return -1;
    if (table27(rt)) return rh__dict27_set(rt, d, key, hash, v);
    rh_incref(key);
    rh_incref(v);
    return insertdict(rt, d, key, hash, v);
}

rh_object *rh_dict_get(rh_runtime *rt, rh_object *d, rh_object *key) {
    int64_t hash;
    rh_object *v;
    if (rh__key_hash(rt, key, &hash) < 0) return NULL;
    if (table27(rt)) return rh__dict27_lookup(rt, d, key, hash, &v) < 0 ? NULL : v;
    if (dict_lookup(rt, as_dict(d), key, hash, &v) == RH_DKIX_ERROR) return NULL;
    return v;
}

rh_object *rh_dict_subscript(rh_runtime *rt, rh_object *d, rh_object *key) {
    rh_object *v = rh_dict_get(rt, d, key);
    if (v) return rh_incref(v), v;
    if (!rh_err_occurred(rt)) rh__set_key_error(rt, key);
    return NULL;
}

/* delitem_common: the entry becomes a hole (combined) or its value slot is emptied (split) */
static void delitem_common(rh_runtime *rt, rh_dict *mp, int64_t hash, intptr_t ix, rh_object *old_value) {
    size_t pos = lookup_slot_of(mp->keys, hash, ix);
    mp->used--;
    if (mp->values) {
        mp->values[ix] = NULL;
        rh__values_order_del(mp->values, (size_t)ix);
    } else {
        rh_object *old_key;
        mp->keys->dk_version = 0;
        set_index(mp->keys, pos, RH_DKIX_DUMMY);
        if (dk_is_unicode(mp->keys)) {
            rh_dict_uentry *e = &dk_uentries(mp->keys)[ix];
            old_key = e->key;
            e->key = e->value = NULL;
        } else {
            rh_dict_entry *e = &dk_entries(mp->keys)[ix];
            old_key = e->key;
            *e = (rh_dict_entry){0, NULL, NULL};
        }
        rh_decref(rt, old_key);
    }
    rh_decref(rt, old_value);
}

int rh_dict_del(rh_runtime *rt, rh_object *d, rh_object *key) {
    int64_t hash;
    rh_object *old;
    if (rh__key_hash(rt, key, &hash) < 0) return -1;
    if (table27(rt)) {
        int r = rh__dict27_pop(rt, d, key, hash, &old);
        if (r == 0) rh__set_key_error(rt, key);
        if (r <= 0) return -1;
        rh_decref(rt, old);
        return 0;
    }
    intptr_t ix = dict_lookup(rt, as_dict(d), key, hash, &old);
    if (ix == RH_DKIX_ERROR) return -1;
    if (ix == RH_DKIX_EMPTY || !old) {
        rh__set_key_error(rt, key);
        return -1;
    }
    delitem_common(rt, as_dict(d), hash, ix, old);
    return 0;
}

int rh__dict_setdel(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *v) {
    return v ? rh_dict_set(rt, d, key, v) : rh_dict_del(rt, d, key);
}

static rh_object *dict_pop27(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *dflt) {
    int64_t hash;
    rh_object *old = NULL;
    int r = 0;
    if (rh_dict_len(d) > 0) {
        if (rh__key_hash(rt, key, &hash) < 0) return NULL;
        if ((r = rh__dict27_pop(rt, d, key, hash, &old)) < 0) return NULL;
    }
    if (r) return old;
    if (dflt) {
        rh_incref(dflt);
        return dflt;
    }
    rh__set_key_error(rt, key);
    return NULL;
}

rh_object *rh_dict_pop(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *dflt) {
    rh_dict *mp = as_dict(d);
    int64_t hash;
    rh_object *old;
    intptr_t ix = RH_DKIX_EMPTY;
    if (table27(rt)) return dict_pop27(rt, d, key, dflt);
    if (mp->used > 0) {
        if (rh__key_hash(rt, key, &hash) < 0) return NULL;
        ix = dict_lookup(rt, mp, key, hash, &old);
        if (ix == RH_DKIX_ERROR) return NULL;
    }
    if (ix == RH_DKIX_EMPTY || !old) {
        if (dflt) {
            rh_incref(dflt);
            return dflt;
        }
        rh__set_key_error(rt, key);
        return NULL;
    }
    rh_incref(old);
    delitem_common(rt, mp, hash, ix, old);
    return old;
}

/* PyDict_Clear: switch to the empty keys first, then release the old contents */
int rh_dict_clear(rh_runtime *rt, rh_object *d) {
    if (table27(rt)) return rh__dict27_clear(rt, d);
    rh_dict *mp = as_dict(d);
    rh_dictkeys *oldkeys = mp->keys;
    rh_object **oldvalues = mp->values;
    if (oldkeys == empty_keys(rt)) return 0;
    rh__dictkeys_incref(empty_keys(rt));
    mp->keys = empty_keys(rt);
    mp->values = NULL;
    mp->used = 0;
    if (oldvalues) {
        for (size_t i = 0, n = (size_t)oldkeys->dk_nentries; i < n; i++) rh_setref(rt, &oldvalues[i], NULL);
        rh__values_free(rt, oldvalues);
    }
    rh__dictkeys_decref(rt, oldkeys);
    return 0;
}

/* _PyDict_Next */
int rh_dict_next(rh_object *d, size_t *pos, rh_object **k, rh_object **v) {
    if (rh__dict27_is(d)) return rh__dict27_next(d, pos, k, v);
    rh_dict *mp = as_dict(d);
    size_t i = *pos;
    rh_object *key, *value;
    if (mp->values) {
        if (i >= (size_t)mp->used) return 0;
        size_t index = rh__values_order_at(mp->values, i);
        value = mp->values[index];
        key = dk_uentries(mp->keys)[index].key;
    } else {
        size_t n = (size_t)mp->keys->dk_nentries;
        if (dk_is_unicode(mp->keys)) {
            rh_dict_uentry *e = dk_uentries(mp->keys);
            while (i < n && !e[i].value) i++;
            if (i >= n) return 0;
            key = e[i].key, value = e[i].value;
        } else {
            rh_dict_entry *e = dk_entries(mp->keys);
            while (i < n && !e[i].value) i++;
            if (i >= n) return 0;
            key = e[i].key, value = e[i].value;
        }
    }
    *pos = i + 1;
    if (k) *k = key;
    if (v) *v = value;
    return 1;
}

/* The starting position of a reverse iteration (dictiter_new for the reverse types, 3.8+): the last
 * entry of a combined table, the last of the insertion order of a split one; -1 when empty. */
intptr_t rh__dict_last_pos(rh_object *d) {
    if (rh__dict27_is(d)) return -1; /* 2.7 dicts have no order to reverse (no reversed(dict) there) */
    rh_dict *mp = as_dict(d);
    return mp->values ? mp->used - 1 : mp->keys->dk_nentries - 1;
}

/* dictreviter_iternext's walk: the entry at or before *pos that holds a value; 1 with borrowed *k, *v and
 * *pos moved before it, or 0 when none is left. */
int rh__dict_prev(rh_object *d, intptr_t *pos, rh_object **k, rh_object **v) {
    if (rh__dict27_is(d)) return 0;
    rh_dict *mp = as_dict(d);
    intptr_t i = *pos;
    rh_object *key, *value;
    if (i < 0) return 0;
    if (mp->values) {
        if (i >= mp->used) return 0;
        size_t index = rh__values_order_at(mp->values, (size_t)i);
        key = dk_uentries(mp->keys)[index].key, value = mp->values[index];
    } else if (dk_is_unicode(mp->keys)) {
        rh_dict_uentry *e = dk_uentries(mp->keys);
        while (i >= 0 && !e[i].value) i--;
        if (i < 0) return 0;
        key = e[i].key, value = e[i].value;
    } else {
        rh_dict_entry *e = dk_entries(mp->keys);
        while (i >= 0 && !e[i].value) i--;
        if (i < 0) return 0;
        key = e[i].key, value = e[i].value;
    }
    *pos = i - 1;
    if (k) *k = key;
    if (v) *v = value;
    return 1;
}

/* ---- versions of key sets, for an interpreter's global-name cache (Objects/dictobject.c:
 * _PyDictKeys_GetVersionForCurrentState). Every change of a table's keys in place (insertdict,
 * rh__dictkeys_insert_str, delitem_common) zeroes dk_version; a new table starts at 0; the empty keys are 1.
 * A version once handed out is never handed out again (a cloned table keeps its source's, with the same
 * keys at the same indices), so equal versions mean the same keys at the same entries. */

static rh_dictkeys *versioned_keys(const rh_object *d) {
    if (rh__dict27_is(d)) return NULL;
    const rh_dict *mp = (const rh_dict *)(const void *)d;
    return !mp->values && mp->keys->dk_kind == RH_DICT_KEYS_UNICODE ? mp->keys : NULL;
}

uint32_t rh_dict_keys_version(rh_runtime *rt, rh_object *d) {
    rh_dictkeys *k = versioned_keys(d);
    if (!k) return 0;
    if (k->dk_version == 0 && rt->next_keys_version != 0) k->dk_version = rt->next_keys_version++;
    return k->dk_version; /* 0 once the counter wrapped: no more caching, as CPython */
}

intptr_t rh_dict_key_index(rh_runtime *rt, rh_object *d, rh_object *key) {
    rh_dictkeys *k = versioned_keys(d);
    if (!k || !rh__is_str(key)) return -1;
    intptr_t ix = rh__dictkeys_lookup_str(rt, k, key);
    if (ix < 0) rh_err_clear(rt);
    return ix < 0 ? -1 : ix;
}

int rh_dict_keys_at_version(const rh_object *d, uint32_t version) {
    return !rh__dict27_is(d) && ((const rh_dict *)(const void *)d)->keys->dk_version == version;
}

rh_object *rh_dict_versioned_value(const rh_object *d, uint32_t version, intptr_t ix) {
    if (rh__dict27_is(d)) return NULL;
    rh_dictkeys *k = ((const rh_dict *)(const void *)d)->keys;
    return k->dk_version == version ? dk_uentries(k)[ix].value : NULL;
}

rh_object *rh_dict_keys_list(rh_runtime *rt, rh_object *d) {
    rh_object *l = rh_list_new(rt, rh_dict_len(d));
    if (!l) return NULL;
    size_t pos = 0, j = 0;
    rh_object *k;
    while (rh_dict_next(d, &pos, &k, NULL)) {
        rh_incref(k);
        rh_list_set_init(l, j++, k);
    }
    return l;
}

rh_object *rh_dict_items_list(rh_runtime *rt, rh_object *d) {
    size_t n = rh_dict_len(d);
    rh_object *l = rh_list_new(rt, n);
    if (!l) return NULL;
    for (size_t i = 0; i < n; i++) { /* dict_items: all tuples first, then fill */
        rh_object *t = rh_tuple_new(rt, 2);
        if (!t) {
            rh_decref(rt, l);
            return NULL;
        }
        rh_list_set_init(l, i, t);
    }
    size_t pos = 0, j = 0;
    rh_object *k, *v;
    while (rh_dict_next(d, &pos, &k, &v)) {
        rh_object *t = rh_list_get(l, j++);
        rh_incref(k);
        rh_incref(v);
        rh_tuple_set(t, 0, k);
        rh_tuple_set(t, 1, v);
    }
    return l;
}

rh_object *rh_dict_get_cstr(rh_runtime *rt, rh_object *d, const char *key) {
    rh_object *k = rh_str_from_cstr(rt, key);
    if (!k) return NULL;
    rh_object *v = rh_dict_get(rt, d, k);
    rh_decref(rt, k);
    return v;
}

int rh_dict_set_cstr(rh_runtime *rt, rh_object *d, const char *key, rh_object *v) {
    rh_object *k = rh_str_from_cstr(rt, key);
    if (!k) return -1;
    int r = rh_dict_set(rt, d, k, v);
    rh_decref(rt, k);
    return r;
}

static int dict_maybe_untrack27(rh_runtime *rt, rh_object *d) {
    size_t pos = 0;
    rh_object *k, *v;
    while (rh__dict27_next(d, &pos, &k, &v))
        if (rh__may_be_tracked(v) || rh__may_be_tracked(k)) return 0;
    rh__gc_untrack(rt, d);
    return 1;
}

/* _PyDict_MaybeUntrack */
int rh_dict_maybe_untrack(rh_runtime *rt, rh_object *d) {
    rh_dict *mp = as_dict(d);
    if (d->type->kind != RH_K_DICT || rh__is_subclass_instance(d) || !rh__gc_is_tracked(d)) return 0;
    if (table27(rt)) return dict_maybe_untrack27(rt, d);
    size_t n = (size_t)mp->keys->dk_nentries;
    for (size_t i = 0; i < n; i++) {
        if (mp->values) {
            if (mp->values[i] && rh__may_be_tracked(mp->values[i])) return 0;
        } else if (dk_is_unicode(mp->keys)) {
            rh_object *v = dk_uentries(mp->keys)[i].value;
            if (v && rh__may_be_tracked(v)) return 0;
        } else {
            rh_dict_entry *e = &dk_entries(mp->keys)[i];
            if (e->value && (rh__may_be_tracked(e->value) || rh__may_be_tracked(e->key))) return 0;
        }
    }
    rh__gc_untrack(rt, d);
    return 1;
}

/* {k: v, ...}: _PyDict_FromItems for displays of up to 15 items (BUILD_MAP / BUILD_CONST_KEY_MAP);
 * CPython 3.11's compiler builds larger displays from an empty dict with MAP_ADD. */
/* _PyDict_FromItems(keys, keys_offset, values, values_offset, n): the items every `stride` pointers. */
static rh_object *dict_from_items(rh_runtime *rt, rh_object *const *keys, rh_object *const *values, size_t stride,
                                  size_t n) {
    rh_object *d;
    if (n <= 15 || table27(rt)) { /* 2.7: BUILD_MAP n presizes every display */
        int unicode = 1;
        for (size_t i = 0; i < n && unicode; i++) unicode = rh__is_str_exact(keys[i * stride]);
        d = dict_new_presized(rt, n, unicode, 0);
    } else {
        d = rh_dict_new(rt);
    }
    if (!d) return NULL;
    for (size_t i = 0; i < n; i++) {
        if (rh_dict_set(rt, d, keys[i * stride], values[i * stride]) < 0) {
            rh_decref(rt, d);
            return NULL;
        }
    }
    return d;
}

rh_object *rh_dict_from_items(rh_runtime *rt, rh_object *const *keys, rh_object *const *values, size_t n) {
    return dict_from_items(rt, keys, values, 1, n);
}

rh_object *rh_dict_from_pairs(rh_runtime *rt, rh_object *const *kv, size_t n) {
    return dict_from_items(rt, kv, kv + 1, 2, n);
}

/* clone_combined_dict_keys: an exact copy of a combined table, with new references to its entries */
static rh_dictkeys *clone_keys(rh_runtime *rt, rh_dictkeys *src) {
    size_t size = rh__dictkeys_size(src);
    rh_dictkeys *k = rh_mem_malloc(rt, size);
    if (!k) return NULL;
    memcpy(k, src, size);
    for (size_t i = 0, n = (size_t)k->dk_nentries; i < n; i++) {
        rh_object *key = dk_is_unicode(k) ? dk_uentries(k)[i].key : dk_entries(k)[i].key;
        rh_object *value = dk_is_unicode(k) ? dk_uentries(k)[i].value : dk_entries(k)[i].value;
        if (value) {
            rh_incref(value);
            rh_incref(key);
        }
    }
    return k;
}

rh_object *rh_dict_copy(rh_runtime *rt, rh_object *d) { return rh__dict_copy(rt, d); }

int rh_dict_merge(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (table27(rt)) return a == b ? 0 : rh__dict27_merge_into(rt, a, b);
    rh_dict *mp = as_dict(a), *other = as_dict(b);
    if (a == b || other->used == 0) return 0;
    rh_dictkeys *ok = other->keys;
    if (mp->used == 0 && !mp->values && !other->values && other->used == ok->dk_nentries &&
        (ok->dk_log2_size == RH_DICT_LOG_MINSIZE ||
         RH_USABLE_FRACTION(dk_size(ok) / 2) < (size_t)other->used)) { /* clean and just big enough: clone */
        rh_dictkeys *k = clone_keys(rt, ok);
        if (!k) return -1;
        rh__dictkeys_decref(rt, mp->keys);
        mp->keys = k;
        mp->used = other->used;
        if (rh__gc_is_tracked(b) && !rh__gc_is_tracked(a)) rh__gc_track(rt, a);
        return 0;
    }
    if (RH_USABLE_FRACTION(dk_size(mp->keys)) < (size_t)other->used &&
        dictresize(rt, mp, estimate_log2_keysize((size_t)(mp->used + other->used)), dk_is_unicode(ok)) < 0)
        return -1;
    size_t pos = 0;
    rh_object *k, *v;
    while (rh_dict_next(b, &pos, &k, &v)) {
        rh_incref(k); /* a __del__ run by the replaced value may change b: hold the pair */
        rh_incref(v);
        int rc = rh_dict_set(rt, a, k, v);
        rh_decref(rt, k);
        rh_decref(rt, v);
        if (rc < 0) return -1;
    }
    return 0;
}

rh_object *rh__dict_copy(rh_runtime *rt, rh_object *d) {
    if (table27(rt)) { /* 2.7 dict_copy: PyDict_Merge into a new dict */
        rh_object *r = dict_new27(rt, 1);
        if (r && rh__dict27_merge_into(rt, r, d) < 0) rh_setref(rt, &r, NULL);
        return r;
    }
    rh_dict *mp = as_dict(d);
    if (mp->used == 0) return rh_dict_new(rt);
    rh_object *r;
    if (mp->values) { /* split: share the keys, copy the values and their order */
        size_t size = rh__shared_keys_usable_size(mp->keys);
        rh_object **nv = rh__values_new(rt, size);
        if (!nv) return NULL;
        /* the order bytes end the prefix; the new array is no larger than the old one */
        uint8_t prefix = ((uint8_t *)nv)[-1];
        memcpy((uint8_t *)nv - prefix, (uint8_t *)mp->values - prefix, prefix - 1u);
        rh__dictkeys_incref(mp->keys);
        r = dict_object(rt, mp->keys, nv, mp->used, 1, 0); /* PyObject_GC_New */
        if (!r) return NULL;
        for (size_t i = 0; i < size; i++) rh_xincref(nv[i] = mp->values[i]);
    } else if (mp->used >= mp->keys->dk_nentries * 2 / 3) { /* fast copy of a compact table */
        rh_dictkeys *k = clone_keys(rt, mp->keys);
        if (!k) return NULL;
        r = new_dict(rt, k, NULL, mp->used, 0); /* on failure new_dict releases k and its entries */
        if (!r) return NULL;
    } else { /* PyDict_Merge into a new dict: one resize, then insertions in order */
        r = rh_dict_new(rt);
        if (!r) return NULL;
        if (dictresize(rt, as_dict(r), estimate_log2_keysize((size_t)mp->used), dk_is_unicode(mp->keys)) <
            0) {
            rh_decref(rt, r);
            return NULL;
        }
        size_t pos = 0;
        rh_object *k, *v;
        while (rh_dict_next(d, &pos, &k, &v)) {
            if (rh_dict_set(rt, r, k, v) < 0) {
                rh_decref(rt, r);
                return NULL;
            }
        }
        return r;
    }
    if (rh__gc_is_tracked(d)) rh__gc_track(rt, r);
    return r;
}

/* ---------------------------------------------------------------- type slots */

static void dict_dealloc(rh_runtime *rt, rh_object *o) {
    rh_dict *mp = as_dict(o);
    int exact = !rh__is_subclass_instance(o); /* as list_dealloc: a subclass's dealloc holds the trashcan */
    rh__gc_untrack(rt, o);
    if (exact && rh__trash_begin(rt, o)) return;
    if (table27(rt)) {
        rh__dict27_release(rt, o);
    } else if (mp->values) {
        for (size_t i = 0, n = (size_t)mp->keys->dk_nentries; i < n; i++) rh_xdecref(rt, mp->values[i]);
        rh__values_free(rt, mp->values);
        rh__dictkeys_decref(rt, mp->keys);
    } else if (mp->keys) {
        rh__dictkeys_decref(rt, mp->keys);
    }
    if (exact && rt->fl.dict_n < rt->profile->dict_freelist && rt->fl.dict_n < RH_FREELIST_CAP) {
        rt->fl.dict[rt->fl.dict_n++] = o;
        rh__object_to_freelist(rt, o);
    } else {
        rh__object_free(rt, o, o->type->basicsize);
    }
    if (exact) rh__trash_end(rt);
}

static int dict_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    if (rh__dict27_is(o)) return rh__dict27_traverse(o, visit, arg);
    rh_dict *mp = as_dict(o);
    rh_dictkeys *k = mp->keys;
    size_t n = (size_t)k->dk_nentries;
    int r;
    for (size_t i = 0; i < n; i++) {
        if (dk_is_unicode(k)) {
            rh_object *v = mp->values ? mp->values[i] : dk_uentries(k)[i].value;
            if (v && (r = visit(v, arg))) return r;
        } else {
            rh_dict_entry *e = &dk_entries(k)[i]; /* 3.10: lookdict_unicode tables visit no key */
            if (e->value && ((r = visit(e->value, arg)) || (!k->dk_str_lookup && (r = visit(e->key, arg))))) return r;
        }
    }
    return 0;
}

static int dict_tp_clear(rh_runtime *rt, rh_object *o) { return rh_dict_clear(rt, o); }

/* _PyDict_SizeOf: the keys count only when this dict owns them alone */
static size_t dict_size_of(rh_runtime *rt, rh_object *o) {
    /* dict___sizeof__ starts from the type's basicsize: a subclass's extra words count */
    if (table27(rt)) return rh__dict27_size_of(o) - sizeof(rh_dict27) + o->type->basicsize;
    rh_dict *mp = as_dict(o);
    size_t res = o->type->basicsize;
    if (mp->values) res += rh__shared_keys_usable_size(mp->keys) * sizeof(rh_object *);
    if (mp->keys->dk_refcnt == 1) res += rh__dictkeys_size(mp->keys);
    return res;
}

static void dict_slots(rh_type *t);

static int is_dict(const rh_object *o);

/* dict_or: a copy of a (a plain dict, as PyDict_Copy makes) updated with b; NotImplemented unless both
 * are dicts */
static rh_object *dict_or(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_dict(a) || !is_dict(b)) return rh__notimpl(rt);
    rh_object *r = rh_dict_copy(rt, a);
    if (r && rh_dict_merge(rt, r, b)) rh_setref(rt, &r, NULL);
    return r;
}

/* dict_ior: a updated in place with b. CPython's dict_update_arg also takes any mapping or iterable of
 * pairs here; the model takes dicts (anything else: NotImplemented, so TypeError) */
static rh_object *dict_ior(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_dict(b)) return rh__notimpl(rt);
    if (rh_dict_merge(rt, a, b)) return NULL;
    rh_incref(a);
    return a;
}

void rh__type_init_dict(rh_runtime *rt, rh_type *t) {
    t->name = "dict";
    t->flags = RH_TPFLAG_GC | RH_TPFLAG_BASETYPE;
    t->basicsize = dict_basicsize(rt);
    rh_assert(!table27(rt) || rt->profile->dict_smalltable == RH_DICT27_MINSIZE);
    t->dealloc = dict_dealloc;
    t->traverse = dict_traverse;
    t->clear = dict_tp_clear;
    t->size_of = dict_size_of;
    dict_slots(t);
    if (!rt->profile->python2) { /* PEP 584 (3.9): dict | other, dict |= other */
        t->as_number.nb_or = dict_or;
        t->as_number.nb_inplace_or = dict_ior;
    }
    /* Py_EMPTY_KEYS: one index slot (log2 size 0), empty, no room; kind unicode */
    _Static_assert(sizeof rt->dict_empty_keys >= sizeof(rh_dictkeys) + 8, "room for the empty keys");
    rh_dictkeys *e = empty_keys(rt);
    memset(e, 0, sizeof(rh_dictkeys));
    e->dk_refcnt = 1;
    e->dk_kind = RH_DICT_KEYS_UNICODE;
    e->dk_version = 1;
    memset(e->dk_indices, 0xff, 8);
}

/* ---------------------------------------------------------------- slots (Objects/dictobject.c) */

static int is_dict(const rh_object *o) { return o->type->kind == RH_K_DICT; }

static int dict_items_repr(rh__sb *b, rh_object *o) {
    size_t pos = 0, i = 0;
    rh_object *key, *val, *pieces = NULL;
    if (rh_dict_len(o) && rh__repr_pieces(b->rt, 0, &pieces) != 0) return -1;
    int rc = rh__sb_putc(b, '{');
    while (rc == 0 && rh_dict_next(o, &pos, &key, &val)) {
        if (i++) rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = rh__repr_into(b, key);
        if (rc == 0) rc = rh__sb_puts(b, ": ");
        if (rc == 0) rc = rh__repr_into(b, val);
    }
    rh_xdecref(b->rt, pieces);
    return rc ? rc : rh__sb_putc(b, '}');
}
static int dict_repr_into(rh__sb *b, rh_object *o) { return rh__repr_guarded(b, o, "{...}", dict_items_repr); }

/* dict_equal: same length, and every key of a maps to an equal value in b */
static int dict_equal(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (rh_dict_len(a) != rh_dict_len(b)) return 0;
    size_t pos = 0;
    rh_object *k, *v;
    while (rh_dict_next(a, &pos, &k, &v)) {
        rh_object *bv = rh_dict_get(rt, b, k);
        if (!bv) return rh_err_occurred(rt) ? -1 : 0;
        int r = rh__richcompare_bool(rt, v, bv, RH_CMP_EQ);
        if (r != 1) return r;
    }
    return 1;
}

/* dict_richcompare: == and != only */
static rh_object *dict_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (!is_dict(a) || !is_dict(b) || (op != RH_CMP_EQ && op != RH_CMP_NE)) return rh__notimpl(rt);
    int r = dict_equal(rt, a, b);
    return r < 0 ? NULL : rh_bool(rt, r == (op == RH_CMP_EQ));
}

static intptr_t dict_length(rh_runtime *rt, rh_object *o) { return (intptr_t)rh_dict_len(o); }

/* dict_subscript's absent key in a subclass: its __missing__ looked up on the type (_PyObject_LookupSpecial:
 * bound through the descriptor's tp_descr_get, so a function becomes a bound method for the call, as
 * CPython makes one) and called with the key. *found 0 when the class has none. New reference or NULL. */
static rh_object *dict_missing(rh_runtime *rt, rh_object *o, rh_object *key, int *found) {
    rh_object *m = rh_class_special(rt, (rh_object *)o->type, "__missing__"), *bound, *r;
    *found = m != NULL || rh_err_occurred(rt); /* a failed lookup is the error */
    if (!m) return NULL;
    if (m->type->tp_descr_get) bound = m->type->tp_descr_get(rt, m, o, (rh_object *)o->type);
    else rh_incref(bound = m);
    if (!bound) return NULL;
    r = rh_call(rt, bound, &key, 1);
    rh_decref(rt, bound);
    return r;
}

/* dict_subscript: KeyError(key) when absent, unless a subclass defines __missing__ */
static rh_object *dict_subscript(rh_runtime *rt, rh_object *o, rh_object *key) {
    rh_object *v = rh_dict_get(rt, o, key);
    if (!v) {
        if (rh_err_occurred(rt)) return NULL;
        if (o->type->flags & RH_TPFLAG_HEAPTYPE) { /* !PyDict_CheckExact */
            int found;
            rh_object *r = dict_missing(rt, o, key, &found);
            if (found) return r;
        }
        rh__set_key_error(rt, key);
        return NULL;
    }
    rh_incref(v);
    return v;
}

static int dict_ass_sub(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v) {
    return v ? rh_dict_set(rt, o, key, v) : rh_dict_del(rt, o, key);
}

/* dict_contains */
static int dict_contains(rh_runtime *rt, rh_object *o, rh_object *key) {
    if (rh_dict_get(rt, o, key)) return 1;
    return rh_err_occurred(rt) ? -1 : 0;
}

/* dict_iter: a dict_keyiterator (t_dictview.c) */
static rh_object *dict_iter(rh_runtime *rt, rh_object *o) { return rh_dictiter_new(rt, o, RH_K_DICTITER_KEY); }

static void dict_slots(rh_type *t) {
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = dict_repr_into;
    t->tp_hash = rh__hash_not_implemented;
    t->tp_richcompare = dict_richcompare;
    t->tp_iter = dict_iter;
    t->as_sequence.sq_contains = dict_contains;
    t->as_mapping = (rh_mapping_methods){.mp_length = dict_length, .mp_subscript = dict_subscript,
                                         .mp_ass_subscript = dict_ass_sub};
}

/* ---------------------------------------------------------------- what collections.OrderedDict reads
 * (t_odict.c over Objects/odictobject.c's use of dict internals: _odict_get_index_raw, _odict_resize,
 * PyODict_SetItem's _PyDict_SetItem_KnownHash, PyODict_DelItem's _PyDict_DelItem_KnownHash). 3.x
 * tables only. */

/* ma_keys as an identity (od_resize_sentinel) */
const void *rh__dict_keys_ident(rh_object *d) { return as_dict(d)->keys; }
/* dk_size */
size_t rh__dict_keys_slots(rh_object *d) { return dk_size(as_dict(d)->keys); }

/* _odict_get_index_raw: key's entry index, dk_nentries when absent (where it would go), -1 with the
 * error set */
intptr_t rh__dict_entry_index(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash) {
    rh_object *v;
    rh_dictkeys *k = as_dict(d)->keys;
    intptr_t ix = dict_lookup(rt, as_dict(d), key, hash, &v);
    if (ix == RH_DKIX_EMPTY) return k->dk_nentries;
    return ix < 0 ? -1 : ix;
}

/* _PyDict_SetItem_KnownHash: 0 or -1 (key and value borrowed) */
int rh__dict_set_hash(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object *v) {
    rh_incref(key);
    rh_incref(v);
    return insertdict(rt, d, key, hash, v);
}

/* _PyDict_DelItem_KnownHash: 0, or -1 (KeyError when absent) */
int rh__dict_del_hash(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash) {
    rh_object *old;
    intptr_t ix = dict_lookup(rt, as_dict(d), key, hash, &old);
    if (ix == RH_DKIX_ERROR) return -1;
    if (ix == RH_DKIX_EMPTY || !old) {
        rh__set_key_error(rt, key);
        return -1;
    }
    delitem_common(rt, as_dict(d), hash, ix, old);
    return 0;
}
