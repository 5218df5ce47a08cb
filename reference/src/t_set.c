/* t_set.c — set, frozenset and the set iterator: PySetObject of CPython 3.11 (Objects/setobject.c).
 *
 * Owns the types RH_K_SET, RH_K_FROZENSET and RH_K_SETITER, the hash table, the set algebra and the
 * public rh_set_* functions (refheap/types.h).
 *
 * Invariants:
 *  - a set is one GC allocation of 200 bytes (PySetObject) plus the GC head; its first 8 entries live
 *    inside it (smalltable); a larger table is one PyMem allocation of 16 * (mask + 1) bytes, counted by
 *    sys.getsizeof (set_sizeof);
 *  - every set and frozenset is tracked from creation (make_new_set goes through PyType_GenericAlloc) until
 *    its dealloc; 3.11 has no set freelist;
 *  - an entry is empty (key NULL, hash 0), active, or a dummy (key DUMMY; 3.x: hash -1, so no lookup ever
 *    matches it; py27 keeps the old hash and tests the key). fill counts active + dummy, used active;
 *    at least one entry stays empty, so a failed search ends;
 *  - the probe sequence, the reuse of the first dummy an insert passed, the growth rule and the rebuild
 *    order are CPython's (set_add_entry, set_insert_clean, set_table_resize), so iteration (table order)
 *    and repr match CPython's; profile->set_table_py27 selects 2.7's variants (set_lookkey,
 *    set_insert_key, set_add_key's growth test).
 */
#include <stddef.h>

#include "containers.h"
#include "gc_internal.h"
#include "scalars.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9   /* 3.11 setobject.c */
#define PERTURB_SHIFT 5

typedef struct setentry {
    rh_object *key;
    int64_t hash;
} setentry;

typedef struct rh_setobj {
    rh_object ob;
    intptr_t fill;          /* active + dummy entries */
    intptr_t used;          /* active entries */
    intptr_t mask;          /* table size - 1 */
    setentry *table;        /* smalltable or a PyMem block */
    int64_t hash;           /* frozenset's cached hash, -1 until computed */
    intptr_t finger;        /* set.pop's search finger */
    setentry smalltable[SET_MINSIZE];
    rh_object *weakreflist;
} rh_setobj; /* 200, as PySetObject */

/* The dummy key: an address no object has, never dereferenced (CPython's _dummy_struct). */
static const char dummy_mark;
#define DUMMY ((rh_object *)(uintptr_t)&dummy_mark)

static inline rh_setobj *as_set(rh_object *o) { return (rh_setobj *)(void *)o; }
static inline int is_anyset(const rh_object *o) {
    return o->type->kind == RH_K_SET || o->type->kind == RH_K_FROZENSET;
}
static inline int py27(rh_runtime *rt) { return rt->profile->set_table_py27; }
static inline int is_active(const setentry *e) { return e->key && e->key != DUMMY; }

static int set_table_resize(rh_runtime *rt, rh_setobj *so, intptr_t minused);

/* ---------------------------------------------------------------- lookup */

/* Compare an entry's key with key of the same hash: 1 equal, 0 not, -1 error; 2 when the comparison
 * changed the table under us (the caller restarts, as CPython's set_lookkey does). */
static int entry_equal(rh_runtime *rt, rh_setobj *so, setentry *entry, rh_object *key) {
    rh_object *startkey = entry->key;
    if (startkey == key) return 1;
    if (rh__is_str_exact(startkey) && rh__is_str_exact(key)) return rh_str_eq(startkey, key); /* set_lookkey:
                                                                              PyUnicode_CheckExact both */
    setentry *table = so->table;
    rh_incref(startkey);
    int cmp = rh__richcompare_bool(rt, startkey, key, RH_CMP_EQ);
    rh_decref(rt, startkey);
    if (cmp < 0) return -1;
    if (table != so->table || entry->key != startkey) return 2;
    return cmp;
}

/* 3.11 set_lookkey / set_add_entry's search: the entry holding key; else the first dummy passed on the
 * way (set_add_entry's freeslot), or the empty entry where the search ended; NULL with the error set.
 * Dummies (hash -1) never match. */
static setentry *lookkey3(rh_runtime *rt, rh_setobj *so, rh_object *key, int64_t hash) {
restart:;
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    setentry *freeslot = NULL;
    for (;;) {
        setentry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) return freeslot ? freeslot : entry;
            if (entry->hash == -1 && !freeslot) freeslot = entry;
            if (entry->hash == hash) {
                int c = entry_equal(rt, so, entry, key);
                if (c < 0) return NULL;
                if (c == 2) goto restart;
                if (c) return entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* 2.7 set_lookkey: pure perturbation probing; a failed search returns the first dummy it passed, if any,
 * else the empty entry that ended it. */
static setentry *lookkey27(rh_runtime *rt, rh_setobj *so, rh_object *key, int64_t hash) {
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb;
    setentry *entry = &so->table[i], *freeslot = NULL;
    if (entry->key == NULL || entry->key == key) return entry;
    if (entry->key == DUMMY) freeslot = entry;
    else if (entry->hash == hash) {
        int c = entry_equal(rt, so, entry, key);
        if (c < 0) return NULL;
        if (c == 2) goto restart;
        if (c) return entry;
    }
    for (perturb = (size_t)hash;; perturb >>= PERTURB_SHIFT) {
        i = (i << 2) + i + perturb + 1;
        entry = &so->table[i & mask];
        if (entry->key == NULL) return freeslot ? freeslot : entry;
        if (entry->key == key) return entry;
        if (entry->hash == hash && entry->key != DUMMY) {
            int c = entry_equal(rt, so, entry, key);
            if (c < 0) return NULL;
            if (c == 2) goto restart;
            if (c) return entry;
        } else if (entry->key == DUMMY && !freeslot) {
            freeslot = entry;
        }
    }
}

/* The entry holding key, or a free one (key NULL or DUMMY: not present); NULL on error. */
static setentry *lookkey(rh_runtime *rt, rh_setobj *so, rh_object *key, int64_t hash) {
    return py27(rt) ? lookkey27(rt, so, key, hash) : lookkey3(rt, so, key, hash);
}

/* ---------------------------------------------------------------- insertion and resizing */

/* set_insert_clean: place a key known to be absent into a table without dummies. */
static void insert_clean(rh_runtime *rt, setentry *table, size_t mask, rh_object *key, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    setentry *entry;
    if (py27(rt)) {
        for (entry = &table[i]; entry->key; perturb >>= PERTURB_SHIFT) {
            i = (i << 2) + i + perturb + 1;
            entry = &table[i & mask];
        }
    } else {
        for (;;) {
            entry = &table[i];
            if (!entry->key) break;
            if (i + LINEAR_PROBES <= mask) {
                size_t j;
                for (j = 0; j < LINEAR_PROBES; j++)
                    if (!(++entry)->key) break;
                if (j < LINEAR_PROBES) break;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
    entry->key = key;
    entry->hash = hash;
}

static size_t table_bytes(size_t n) { return n * sizeof(setentry); }

/* set_table_resize: the smallest power of two > minused (at least 8); active entries are re-inserted in
 * table order, dummies dropped. A small table without dummies that would stay small is left alone. */
static int set_table_resize(rh_runtime *rt, rh_setobj *so, intptr_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    setentry *oldtable = so->table, *newtable;
    size_t oldmask = (size_t)so->mask;
    int old_malloced = oldtable != so->smalltable;
    setentry small_copy[SET_MINSIZE];
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0;
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        newtable = rh__pymem_malloc(rt, table_bytes(newsize));
        if (!newtable) return -1;
    }
    memset(newtable, 0, table_bytes(newsize));
    so->mask = (intptr_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (setentry *e = oldtable; e <= oldtable + oldmask; e++)
        if (is_active(e)) insert_clean(rt, newtable, newsize - 1, e->key, e->hash);
    if (old_malloced) rh_mem_free(rt, oldtable, table_bytes(oldmask + 1));
    return 0;
}

static int grow(rh_runtime *rt, rh_setobj *so) {
    return set_table_resize(rt, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* set_add_entry: add key (borrowed) of the given hash. 0, or -1 with the error set. */
static int add_entry(rh_runtime *rt, rh_setobj *so, rh_object *key, int64_t hash) {
    rh_incref(key); /* held across the comparisons, as CPython's pre-increment */
    setentry *entry = lookkey(rt, so, key, hash);
    if (!entry) {
        rh_decref(rt, key);
        return -1;
    }
    if (is_active(entry)) {
        rh_decref(rt, key);
        return 0;
    }
    if (entry->key == DUMMY) { /* the first dummy the search passed (freeslot): fill and size unchanged */
        entry->key = key;
        entry->hash = hash;
        so->used++;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if (py27(rt)) {
        if (so->fill * 3 < (so->mask + 1) * 2) return 0;
    } else if ((size_t)so->fill * 5 < (size_t)so->mask * 3) {
        return 0;
    }
    return grow(rt, so);
}

static int add_key(rh_runtime *rt, rh_setobj *so, rh_object *key) {
    int64_t h;
    if (rh_hash(rt, key, &h) != 0) return -1;
    return add_entry(rt, so, key, h);
}

/* set_discard_entry: 1 found and removed, 0 absent, -1 error. Never resizes. */
static int discard_entry(rh_runtime *rt, rh_setobj *so, rh_object *key, int64_t hash) {
    setentry *entry = lookkey(rt, so, key, hash);
    if (!entry) return -1;
    if (!is_active(entry)) return 0;
    rh_object *old = entry->key;
    entry->key = DUMMY;
    if (!py27(rt)) entry->hash = -1;
    so->used--;
    rh_decref(rt, old);
    return 1;
}

static int contains_entry(rh_runtime *rt, rh_setobj *so, rh_object *key, int64_t hash) {
    setentry *entry = lookkey(rt, so, key, hash);
    return entry ? is_active(entry) : -1;
}

static int contains_key(rh_runtime *rt, rh_setobj *so, rh_object *key) {
    int64_t h;
    if (rh_hash(rt, key, &h) != 0) return -1;
    return contains_entry(rt, so, key, h);
}

/* set_next: the next active entry at or after *pos. */
static int set_next(rh_setobj *so, size_t *pos, setentry **out) {
    size_t i = *pos;
    while (i <= (size_t)so->mask && !is_active(&so->table[i])) i++;
    *pos = i + 1;
    if (i > (size_t)so->mask) return 0;
    *out = &so->table[i];
    return 1;
}

/* set_empty_to_minsize + the release of the old entries (set_clear_internal): the set is emptied first,
 * then the keys are dropped in table order, then a malloc'd table is freed. */
static void clear_internal(rh_runtime *rt, rh_setobj *so) {
    setentry *table = so->table, small_copy[SET_MINSIZE];
    size_t oldsize = (size_t)so->mask + 1;
    intptr_t used = so->used;
    int malloced = table != so->smalltable;
    if (!malloced && so->fill == 0) return;
    if (!malloced) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = so->used = 0;
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
    for (setentry *e = table; used > 0; e++)
        if (is_active(e)) {
            used--;
            rh_decref(rt, e->key);
        }
    if (malloced) rh_mem_free(rt, table, table_bytes(oldsize));
}

/* ---------------------------------------------------------------- merging (set_update_internal) */

/* set_merge: other is a set or frozenset. One resize up front, then a pointer copy when the shapes
 * agree, clean insertion into an empty table, or ordinary adds. */
static int merge(rh_runtime *rt, rh_setobj *so, rh_setobj *other) {
    if (so == other || other->used == 0) return 0;
    if (py27(rt)) {
        if ((so->fill + other->used) * 3 >= (so->mask + 1) * 2 && set_table_resize(rt, so, (so->used + other->used) * 2))
            return -1;
    } else if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(rt, so, (so->used + other->used) * 2)) return -1;
    }
    if (!py27(rt) && so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (intptr_t i = 0; i <= other->mask; i++)
            if (other->table[i].key) {
                rh_incref(other->table[i].key);
                so->table[i] = other->table[i];
            }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (!py27(rt) && so->fill == 0) {
        so->fill = so->used = other->used;
        for (intptr_t i = 0; i <= other->mask; i++) {
            setentry *e = &other->table[i];
            if (is_active(e)) {
                rh_incref(e->key);
                insert_clean(rt, so->table, (size_t)so->mask, e->key, e->hash);
            }
        }
        return 0;
    }
    for (intptr_t i = 0; i <= other->mask; i++) {
        setentry *e = &other->table[i];
        if (is_active(e) && add_entry(rt, so, e->key, e->hash)) return -1;
    }
    return 0;
}

/* set_update_internal: a set, an exact dict (its keys, one resize up front), or any iterable. */
static int update_internal(rh_runtime *rt, rh_setobj *so, rh_object *other) {
    if (is_anyset(other)) return merge(rt, so, as_set(other));
    if (other->type->kind == RH_K_DICT) {
        intptr_t n = (intptr_t)rh_dict_len(other);
        int big = py27(rt) ? (so->fill + n) * 3 >= (so->mask + 1) * 2 : (so->fill + n) * 5 >= so->mask * 3;
        if (big && set_table_resize(rt, so, (so->used + n) * 2)) return -1;
        size_t pos = 0;
        rh_object *k, *v;
        while (rh_dict_next(other, &pos, &k, &v))
            if (add_key(rt, so, k)) return -1;
        return 0;
    }
    rh_object *it = rh_getiter(rt, other), *key;
    if (!it) return -1;
    while ((key = rh_iternext(rt, it))) {
        int rc = add_key(rt, so, key);
        rh_decref(rt, key);
        if (rc) {
            rh_decref(rt, it);
            return -1;
        }
    }
    rh_decref(rt, it);
    return rh_err_occurred(rt) ? -1 : 0;
}

/* ---------------------------------------------------------------- construction */

/* make_new_set: allocated and tracked first (PyType_GenericAlloc), then filled from iterable. */
static rh_object *make_new_set(rh_runtime *rt, rh_kind kind, rh_object *iterable) {
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, kind), sizeof(rh_setobj));
    if (!o) return NULL;
    rh_setobj *so = as_set(o);
    memset((char *)o + sizeof(rh_object), 0, sizeof(rh_setobj) - sizeof(rh_object));
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
    rh__gc_track(rt, o);
    if (iterable && update_internal(rt, so, iterable)) {
        rh_decref(rt, o);
        return NULL;
    }
    return o;
}

/* make_new_set_basetype: a set's results are sets, a frozenset's frozensets. */
static rh_object *new_like(rh_runtime *rt, rh_object *so, rh_object *iterable) {
    return make_new_set(rt, so->type->kind == RH_K_FROZENSET ? RH_K_FROZENSET : RH_K_SET, iterable);
}

rh_object *rh_set_new(rh_runtime *rt, rh_object *iterable) { return make_new_set(rt, RH_K_SET, iterable); }

/* frozenset_new: a frozenset argument is returned itself; py27 keeps one empty frozenset. */
rh_object *rh_frozenset_new(rh_runtime *rt, rh_object *iterable) {
    if (iterable && iterable->type->kind == RH_K_FROZENSET) {
        rh_incref(iterable);
        return iterable;
    }
    rh_object *r = make_new_set(rt, RH_K_FROZENSET, iterable);
    return r;
}

int rh_set_add(rh_runtime *rt, rh_object *s, rh_object *key) { return add_key(rt, as_set(s), key); }
int rh_set_update(rh_runtime *rt, rh_object *s, rh_object *iterable) { return update_internal(rt, as_set(s), iterable); }
size_t rh_set_len(rh_object *s) { return (size_t)as_set(s)->used; }
int rh_set_is_anyset(rh_object *o) { return is_anyset(o); }

int rh_set_next(rh_object *s, size_t *pos, rh_object **key) {
    setentry *e;
    if (!set_next(as_set(s), pos, &e)) return 0;
    *key = e->key;
    return 1;
}

int rh_set_discard(rh_runtime *rt, rh_object *s, rh_object *key) {
    int64_t h;
    if (rh_hash(rt, key, &h) != 0) return -1;
    return discard_entry(rt, as_set(s), key, h);
}

int rh_set_contains(rh_runtime *rt, rh_object *s, rh_object *key) { return contains_key(rt, as_set(s), key); }

int rh_set_clear(rh_runtime *rt, rh_object *s) {
    clear_internal(rt, as_set(s));
    return 0;
}

/* set_pop (3.11): from the finger on, the first active entry becomes a dummy. */
rh_object *rh_set_pop(rh_runtime *rt, rh_object *s) {
    rh_setobj *so = as_set(s);
    if (so->used == 0) {
        rh_err_set(rt, RH_EXC_KEY, "pop from an empty set");
        return NULL;
    }
    setentry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (!is_active(entry))
        if (++entry > limit) entry = so->table;
    rh_object *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

rh_object *rh_set_copy(rh_runtime *rt, rh_object *s) { return new_like(rt, s, s); }

/* ---------------------------------------------------------------- the algebra */

/* set_intersection */
static rh_object *intersection(rh_runtime *rt, rh_object *s, rh_object *other) {
    if (s == other) return new_like(rt, s, s);
    rh_object *result = new_like(rt, s, NULL);
    if (!result) return NULL;
    rh_setobj *so = as_set(s);
    if (is_anyset(other)) {
        rh_setobj *a = so, *b = as_set(other);
        if (b->used > a->used) {
            rh_setobj *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        setentry *e;
        while (set_next(b, &pos, &e)) {
            rh_object *key = e->key;
            int64_t hash = e->hash;
            rh_incref(key);
            int rv = contains_entry(rt, a, key, hash);
            if (rv > 0) rv = add_entry(rt, as_set(result), key, hash) ? -1 : 1;
            rh_decref(rt, key);
            if (rv < 0) {
                rh_decref(rt, result);
                return NULL;
            }
        }
        return result;
    }
    rh_object *it = rh_getiter(rt, other), *key;
    if (!it) {
        rh_decref(rt, result);
        return NULL;
    }
    while ((key = rh_iternext(rt, it))) {
        int64_t hash;
        int rv = rh_hash(rt, key, &hash) ? -1 : contains_entry(rt, so, key, hash);
        if (rv > 0) rv = add_entry(rt, as_set(result), key, hash) ? -1 : 1;
        rh_decref(rt, key);
        if (rv < 0) break;
    }
    rh_decref(rt, it);
    if (rh_err_occurred(rt)) {
        rh_decref(rt, result);
        return NULL;
    }
    return result;
}

/* set_difference_update_internal */
static int difference_update(rh_runtime *rt, rh_object *s, rh_object *other) {
    rh_setobj *so = as_set(s);
    if (s == other) {
        clear_internal(rt, so);
        return 0;
    }
    if (is_anyset(other)) {
        if ((as_set(other)->used >> 3) > so->used) {
            if (!(other = intersection(rt, s, other))) return -1;
        } else {
            rh_incref(other);
        }
        size_t pos = 0;
        setentry *e;
        int rc = 0;
        while (rc == 0 && set_next(as_set(other), &pos, &e)) {
            rh_object *key = e->key;
            rh_incref(key);
            rc = discard_entry(rt, so, key, e->hash) < 0 ? -1 : 0;
            rh_decref(rt, key);
        }
        rh_decref(rt, other);
        if (rc) return -1;
    } else {
        rh_object *it = rh_getiter(rt, other), *key;
        if (!it) return -1;
        while ((key = rh_iternext(rt, it))) {
            int rv = rh_set_discard(rt, s, key);
            rh_decref(rt, key);
            if (rv < 0) break;
        }
        rh_decref(rt, it);
        if (rh_err_occurred(rt)) return -1;
    }
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
    return grow(rt, so);
}

/* set_difference: iterate so over other's table when that is cheaper, else copy and remove */
static rh_object *difference(rh_runtime *rt, rh_object *s, rh_object *other) {
    rh_setobj *so = as_set(s);
    intptr_t other_size;
    if (is_anyset(other)) other_size = as_set(other)->used;
    else if (other->type->kind == RH_K_DICT) other_size = (intptr_t)rh_dict_len(other);
    else other_size = -1;
    if (other_size < 0 || (so->used >> 2) > other_size) {
        rh_object *r = new_like(rt, s, s);
        if (r && difference_update(rt, r, other)) {
            rh_decref(rt, r);
            return NULL;
        }
        return r;
    }
    rh_object *result = new_like(rt, s, NULL);
    if (!result) return NULL;
    size_t pos = 0;
    setentry *e;
    while (set_next(so, &pos, &e)) {
        rh_object *key = e->key;
        int64_t hash = e->hash;
        rh_incref(key);
        int rv;
        if (is_anyset(other)) {
            rv = contains_entry(rt, as_set(other), key, hash);
        } else {
            rh_object *v = rh_dict_get(rt, other, key);
            rv = v ? 1 : rh_err_occurred(rt) ? -1 : 0;
        }
        if (rv == 0) rv = add_entry(rt, as_set(result), key, hash) ? -1 : 0;
        rh_decref(rt, key);
        if (rv < 0) {
            rh_decref(rt, result);
            return NULL;
        }
    }
    return result;
}

/* set_symmetric_difference_update */
static int symmetric_difference_update(rh_runtime *rt, rh_object *s, rh_object *other) {
    rh_setobj *so = as_set(s);
    if (s == other) {
        clear_internal(rt, so);
        return 0;
    }
    rh_object *os;
    if (is_anyset(other)) {
        os = other;
        rh_incref(os);
    } else if (!(os = new_like(rt, s, other))) {
        return -1;
    }
    size_t pos = 0;
    setentry *e;
    int rc = 0;
    while (rc == 0 && set_next(as_set(os), &pos, &e)) {
        rh_object *key = e->key;
        int64_t hash = e->hash;
        rh_incref(key);
        int rv = discard_entry(rt, so, key, hash);
        if (rv == 0) rv = add_entry(rt, so, key, hash);
        rh_decref(rt, key);
        if (rv < 0) rc = -1;
    }
    rh_decref(rt, os);
    return rc;
}

/* set_swap_bodies: exchange the tables (and hashes) of a and b, as intersection_update does */
static void swap_bodies(rh_setobj *a, rh_setobj *b) {
    rh_setobj t;
    intptr_t fa = a->fill, ua = a->used, ma = a->mask;
    int64_t ha = a->hash;
    setentry *ta = a->table;
    memcpy(t.smalltable, a->smalltable, sizeof t.smalltable);
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    a->hash = b->hash;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    if (b->table == b->smalltable) memcpy(a->smalltable, b->smalltable, sizeof a->smalltable);
    b->fill = fa;
    b->used = ua;
    b->mask = ma;
    b->hash = ha;
    b->table = ta == a->smalltable ? b->smalltable : ta;
    if (ta == a->smalltable) memcpy(b->smalltable, t.smalltable, sizeof b->smalltable);
}

static int intersection_update(rh_runtime *rt, rh_object *s, rh_object *other) {
    rh_object *tmp = intersection(rt, s, other);
    if (!tmp) return -1;
    swap_bodies(as_set(s), as_set(tmp));
    rh_decref(rt, tmp);
    return 0;
}

rh_object *rh_set_operation(rh_runtime *rt, rh_set_op op, rh_object *s, rh_object *other) {
    rh_object *r;
    switch (op) {
    case RH_SETOP_UNION: /* set_union / set_or: a copy, then other merged in */
        r = new_like(rt, s, s);
        if (r && s != other && update_internal(rt, as_set(r), other)) {
            rh_decref(rt, r);
            return NULL;
        }
        return r;
    case RH_SETOP_INTERSECTION: return intersection(rt, s, other);
    case RH_SETOP_DIFFERENCE: return difference(rt, s, other);
    case RH_SETOP_SYMMETRIC_DIFFERENCE: /* set_symmetric_difference: a new set of other, then update */
        r = new_like(rt, s, other);
        if (r && symmetric_difference_update(rt, r, s)) {
            rh_decref(rt, r);
            return NULL;
        }
        return r;
    }
    return NULL;
}

int rh_set_update_op(rh_runtime *rt, rh_set_op op, rh_object *s, rh_object *other) {
    switch (op) {
    case RH_SETOP_UNION: return update_internal(rt, as_set(s), other);
    case RH_SETOP_INTERSECTION: return intersection_update(rt, s, other);
    case RH_SETOP_DIFFERENCE: return difference_update(rt, s, other);
    case RH_SETOP_SYMMETRIC_DIFFERENCE: return symmetric_difference_update(rt, s, other);
    }
    return -1;
}

/* set_issubset for two sets: 1, 0, -1 */
static int subset(rh_runtime *rt, rh_setobj *a, rh_setobj *b) {
    if (a->used > b->used) return 0;
    size_t pos = 0;
    setentry *e;
    while (set_next(a, &pos, &e)) {
        rh_object *key = e->key;
        rh_incref(key);
        int rv = contains_entry(rt, b, key, e->hash);
        rh_decref(rt, key);
        if (rv <= 0) return rv;
    }
    return 1;
}

int rh_set_issubset(rh_runtime *rt, rh_object *s, rh_object *other) {
    if (is_anyset(other)) return subset(rt, as_set(s), as_set(other));
    rh_object *tmp = make_new_set(rt, RH_K_SET, other);
    if (!tmp) return -1;
    int r = subset(rt, as_set(s), as_set(tmp));
    rh_decref(rt, tmp);
    return r;
}

int rh_set_issuperset(rh_runtime *rt, rh_object *s, rh_object *other) {
    if (is_anyset(other)) return subset(rt, as_set(other), as_set(s));
    rh_object *it = rh_getiter(rt, other), *key;
    if (!it) return -1;
    int r = 1;
    while (r == 1 && (key = rh_iternext(rt, it))) {
        r = contains_key(rt, as_set(s), key);
        rh_decref(rt, key);
    }
    rh_decref(rt, it);
    return rh_err_occurred(rt) ? -1 : r;
}

/* ---------------------------------------------------------------- type slots */

static void set_dealloc(rh_runtime *rt, rh_object *o) {
    rh_setobj *so = as_set(o);
    rh__gc_untrack(rt, o);
    if (rh__trash_begin(rt, o)) return;
    if (so->weakreflist) rh__weakref_clear_all(rt, o);
    intptr_t used = so->used;
    for (setentry *e = so->table; used > 0; e++)
        if (is_active(e)) {
            used--;
            rh_decref(rt, e->key);
        }
    if (so->table != so->smalltable) rh_mem_free(rt, so->table, table_bytes((size_t)so->mask + 1));
    rh__object_free(rt, o, sizeof(rh_setobj));
    rh__trash_end(rt);
}

static int set_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    size_t pos = 0;
    setentry *e;
    while (set_next(as_set(o), &pos, &e)) {
        int r = visit(e->key, arg);
        if (r) return r;
    }
    return 0;
}

static int set_tp_clear(rh_runtime *rt, rh_object *o) {
    clear_internal(rt, as_set(o));
    return 0;
}

static size_t set_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_setobj *so = as_set(o);
    size_t n = sizeof(rh_setobj);
    if (so->table != so->smalltable) n += table_bytes((size_t)so->mask + 1);
    return n;
}

/* 2.7's set_repr: set([1, 2]), frozenset([1]), set([]) — the repr of a list of the keys */
static int set_repr27(rh__sb *b, rh_object *o, int frozen) {
    rh_setobj *so = as_set(o);
    rh_object *l = rh_list_new(b->rt, (size_t)so->used);
    if (!l) return -1;
    size_t pos = 0, i = 0;
    setentry *e;
    while (set_next(so, &pos, &e)) {
        rh_incref(e->key);
        rh_list_set_init(l, i++, e->key);
    }
    int rc = rh__sb_puts(b, frozen ? "frozenset(" : "set(");
    if (rc == 0) rc = rh__repr_into(b, l);
    if (rc == 0) rc = rh__sb_putc(b, ')');
    rh_decref(b->rt, l);
    return rc;
}

/* set_repr: set() / frozenset() when empty, else {items} in table order (made through a list, as
 * PySequence_List), frozenset({...}); recursion prints set(...). */
static int set_items_repr(rh__sb *b, rh_object *o) {
    rh_setobj *so = as_set(o);
    int frozen = o->type->kind == RH_K_FROZENSET;
    if (b->rt->profile->python2) return set_repr27(b, o, frozen);
    if (so->used == 0) return rh__sb_puts(b, frozen ? "frozenset()" : "set()");
    rh_object *l = rh_list_new(b->rt, (size_t)so->used);
    if (!l) return -1;
    size_t pos = 0, i = 0;
    setentry *e;
    while (set_next(so, &pos, &e)) {
        rh_incref(e->key);
        rh_list_set_init(l, i++, e->key);
    }
    int rc = frozen ? rh__sb_puts(b, "frozenset({") : rh__sb_putc(b, '{');
    for (size_t k = 0; rc == 0 && k < rh_list_len(l); k++) {
        if (k) rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = rh__repr_into(b, rh_list_get(l, k));
    }
    if (rc == 0) rc = rh__sb_puts(b, frozen ? "})" : "}");
    rh_decref(b->rt, l);
    return rc;
}

static int set_repr_into(rh__sb *b, rh_object *o) {
    return rh__repr_guarded(b, o, o->type->kind == RH_K_FROZENSET ? "frozenset(...)" : "set(...)", set_items_repr);
}

/* frozenset_hash (3.11: shuffled entry hashes xor-ed over the whole table, corrected for the empty and
 * dummy entries; 2.7: over the active entries) */
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; }

static int64_t frozenset_hash(rh_runtime *rt, rh_object *o) {
    rh_setobj *so = as_set(o);
    if (so->hash != -1) return so->hash;
    uint64_t hash;
    if (py27(rt)) {
        hash = 1927868237u * ((uint64_t)so->used + 1);
        size_t pos = 0;
        setentry *e;
        while (set_next(so, &pos, &e)) {
            uint64_t h = (uint64_t)e->hash;
            hash ^= (h ^ (h << 16) ^ 89869747u) * 3644798167u;
        }
    } else {
        hash = 0;
        for (intptr_t i = 0; i <= so->mask; i++) hash ^= shuffle_bits((uint64_t)so->table[i].hash);
        if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
        if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
        hash ^= ((uint64_t)so->used + 1) * 1927868237u;
        hash ^= (hash >> 11) ^ (hash >> 25);
    }
    hash = hash * 69069u + 907133923u;
    if (hash == (uint64_t)-1) hash = 590923713u;
    so->hash = (int64_t)hash;
    return so->hash;
}

static rh_object *set_richcompare(rh_runtime *rt, rh_object *v, rh_object *w, int op) {
    if (!is_anyset(w)) return rh__notimpl(rt);
    rh_setobj *a = as_set(v), *b = as_set(w);
    int r;
    switch (op) {
    case RH_CMP_EQ:
    case RH_CMP_NE:
        if (a->used != b->used || (a->hash != -1 && b->hash != -1 && a->hash != b->hash)) r = 0;
        else r = subset(rt, a, b);
        if (r < 0) return NULL;
        return rh_bool(rt, op == RH_CMP_EQ ? r : !r);
    case RH_CMP_LE: r = subset(rt, a, b); break;
    case RH_CMP_GE: r = subset(rt, b, a); break;
    case RH_CMP_LT: r = a->used >= b->used ? 0 : subset(rt, a, b); break;
    case RH_CMP_GT: r = a->used <= b->used ? 0 : subset(rt, b, a); break;
    default: return rh__notimpl(rt);
    }
    return r < 0 ? NULL : rh_bool(rt, r);
}

static intptr_t set_length(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return as_set(o)->used;
}

/* set_contains: an unhashable set key is looked up as a frozenset of it */
static int set_contains(rh_runtime *rt, rh_object *o, rh_object *key) {
    int rv = contains_key(rt, as_set(o), key);
    if (rv < 0 && key->type->kind == RH_K_SET && rh_err_occurred(rt) == RH_EXC_TYPE) {
        rh_err_clear(rt);
        rh_object *tmp = make_new_set(rt, RH_K_FROZENSET, key);
        if (!tmp) return -1;
        rv = contains_key(rt, as_set(o), tmp);
        rh_decref(rt, tmp);
    }
    return rv;
}

/* set_or, set_and, set_sub, set_xor: NotImplemented unless both operands are sets */
static rh_object *binop(rh_runtime *rt, rh_set_op op, rh_object *a, rh_object *b) {
    if (!is_anyset(a) || !is_anyset(b)) return rh__notimpl(rt);
    return rh_set_operation(rt, op, a, b);
}
static rh_object *set_or(rh_runtime *rt, rh_object *a, rh_object *b) { return binop(rt, RH_SETOP_UNION, a, b); }
static rh_object *set_and(rh_runtime *rt, rh_object *a, rh_object *b) { return binop(rt, RH_SETOP_INTERSECTION, a, b); }
static rh_object *set_sub(rh_runtime *rt, rh_object *a, rh_object *b) { return binop(rt, RH_SETOP_DIFFERENCE, a, b); }
static rh_object *set_xor(rh_runtime *rt, rh_object *a, rh_object *b) {
    return binop(rt, RH_SETOP_SYMMETRIC_DIFFERENCE, a, b);
}

/* set_ior, set_iand, set_isub, set_ixor: a (a set) changed in place and returned */
static rh_object *inplace(rh_runtime *rt, rh_set_op op, rh_object *a, rh_object *b) {
    if (!is_anyset(b)) return rh__notimpl(rt);
    if (rh_set_update_op(rt, op, a, b)) return NULL;
    rh_incref(a);
    return a;
}
static rh_object *set_ior(rh_runtime *rt, rh_object *a, rh_object *b) { return inplace(rt, RH_SETOP_UNION, a, b); }
static rh_object *set_iand(rh_runtime *rt, rh_object *a, rh_object *b) { return inplace(rt, RH_SETOP_INTERSECTION, a, b); }
static rh_object *set_isub(rh_runtime *rt, rh_object *a, rh_object *b) { return inplace(rt, RH_SETOP_DIFFERENCE, a, b); }
static rh_object *set_ixor(rh_runtime *rt, rh_object *a, rh_object *b) {
    return inplace(rt, RH_SETOP_SYMMETRIC_DIFFERENCE, a, b);
}

/* ---------------------------------------------------------------- the iterator (setiterobject) */

typedef struct rh_setiter {
    rh_object ob;
    rh_object *set;     /* NULL once exhausted */
    intptr_t si_used;   /* the set's size at creation: a change raises RuntimeError */
    intptr_t pos;
    intptr_t len;
} rh_setiter; /* 48, as setiterobject */

static rh_object *set_iter(rh_runtime *rt, rh_object *o) {
    rh_setiter *it = (rh_setiter *)(void *)rh__object_alloc(rt, rh_builtin_type(rt, RH_K_SETITER), sizeof(rh_setiter));
    if (!it) return NULL;
    rh_incref(o);
    it->set = o;
    it->si_used = as_set(o)->used;
    it->pos = 0;
    it->len = as_set(o)->used;
    rh__gc_track(rt, &it->ob);
    return &it->ob;
}

static rh_object *setiter_next(rh_runtime *rt, rh_object *o) {
    rh_setiter *it = (rh_setiter *)(void *)o;
    rh_object *s = it->set;
    if (!s) return NULL;
    rh_setobj *so = as_set(s);
    if (it->si_used != so->used) {
        rh_err_set(rt, RH_EXC_RUNTIME, "Set changed size during iteration");
        it->si_used = -1;
        return NULL;
    }
    size_t pos = (size_t)it->pos;
    setentry *e;
    if (!set_next(so, &pos, &e)) {
        it->set = NULL;
        rh_decref(rt, s);
        return NULL;
    }
    it->pos = (intptr_t)pos;
    it->len--;
    rh_incref(e->key);
    return e->key;
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static void setiter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, ((rh_setiter *)(void *)o)->set);
    rh__object_free(rt, o, sizeof(rh_setiter));
}

static int setiter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_object *s = ((rh_setiter *)(void *)o)->set;
    return s ? visit(s, arg) : 0;
}

/* ---------------------------------------------------------------- type set-up */

static void anyset_init(rh_type *t, const char *name) {
    t->name = name;
    t->flags = RH_TPFLAG_GC | RH_TPFLAG_BASETYPE | RH_TPFLAG_WEAKREFABLE;
    t->basicsize = sizeof(rh_setobj);
    t->weaklistoffset = offsetof(rh_setobj, weakreflist);
    t->dealloc = set_dealloc;
    t->traverse = set_traverse;
    t->clear = set_tp_clear;
    t->size_of = set_size_of;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = set_repr_into;
    t->tp_richcompare = set_richcompare;
    t->tp_iter = set_iter;
    t->as_sequence = (rh_sequence_methods){.sq_length = set_length, .sq_contains = set_contains};
    t->as_number.nb_or = set_or;
    t->as_number.nb_and = set_and;
    t->as_number.nb_subtract = set_sub;
    t->as_number.nb_xor = set_xor;
}

void rh__type_init_set(rh_runtime *rt, rh_type *t) {
    (void)rt;
    anyset_init(t, "set");
    t->tp_hash = rh__hash_not_implemented;
    t->as_number.nb_inplace_or = set_ior;
    t->as_number.nb_inplace_and = set_iand;
    t->as_number.nb_inplace_subtract = set_isub;
    t->as_number.nb_inplace_xor = set_ixor;
}

void rh__type_init_frozenset(rh_runtime *rt, rh_type *t) {
    (void)rt;
    anyset_init(t, "frozenset");
    t->tp_hash = frozenset_hash;
}

/* setiter_len: what is left while the set kept its size, else 0 */
static int64_t setiter_length_hint(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_setiter *it = (rh_setiter *)(void *)o;
    return it->set && it->si_used == as_set(it->set)->used ? (int64_t)it->len : 0;
}

void rh__type_init_setiter(rh_runtime *rt, rh_type *t) {
    t->name = rh_runtime_profile(rt)->python2 ? "setiterator" : "set_iterator"; /* 2.7 PySetIter_Type */
    t->flags = RH_TPFLAG_GC;
    t->basicsize = sizeof(rh_setiter);
    t->dealloc = setiter_dealloc;
    t->traverse = setiter_traverse;
    t->tp_iter = iter_self;
    t->tp_iternext = setiter_next;
    t->length_hint = setiter_length_hint;
}
