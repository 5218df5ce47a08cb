/* t_dict27.c — Python 2.7's dict table (profile->dict_smalltable, py27): PyDictObject with its 8-slot
 * smalltable and open addressing over (hash, key, value) slots (Objects/dictobject.c, 2.7).
 *
 * Owns: the rh_dict27 layout and rh__dict27_*; t_dict.c's public functions hand a dict to these when the
 * runtime's profile asks for the 2.7 table (dict objects, freelist and type slots stay t_dict.c's).
 *
 * Layout: 248 bytes (+ the 32-byte GC head): used, fill, table, mask, an unused lookup-function word and
 * smalltable[8] of 24-byte entries. `used` sits where rh_dict keeps it, so rh_dict_len needs no profile.
 * A table of more than 8 slots is one (mask+1)*24-byte allocation, so getsizeof is 2.7's and so are the
 * bytes the allocator sees.
 *
 * Invariants:
 *  - a slot is unused (key NULL), dummy (key == DUMMY, value NULL: a deleted key, keeps probe chains),
 *    or active (key and value set, hash cached); fill = active + dummy, used = active;
 *  - fill * 3 < (mask + 1) * 2 after every public operation, so a probe always finds an unused slot;
 *  - probing is 2.7's: i = hash & mask, then i = 5i + perturb + 1 with perturb starting at the hash and
 *    shifted right by 5 after each step; an insert of a new key takes the first dummy on its probe path;
 *  - after an insert that added a key and left fill * 3 >= (mask + 1) * 2 the table is rebuilt with the
 *    smallest power of two > 4 * used (2 * used above 50000) slots, at least 8; the rebuild reinserts in
 *    old slot order; deletions never resize. Iteration is slot order — 2.7's dict order given 2.7 hashes;
 *  - the dummy is a sentinel address, not an object: it is never counted or released.
 */
#include "dict27.h"

static const char dummy_marker;
#define DUMMY ((rh_object *)(uintptr_t)&dummy_marker)
#define PERTURB_SHIFT 5
#define LOOKUP_CHANGED ((rh_dict_entry *)(uintptr_t)1)

static inline rh_dict27 *D(rh_object *o) { return (rh_dict27 *)(void *)o; }

void rh__dict27_init(rh_object *d) {
    rh_dict27 *mp = D(d);
    mp->used = mp->fill = 0;
    mp->table = mp->small;
    mp->mask = RH_DICT27_MINSIZE - 1;
    mp->lookup_ = NULL;
    memset(mp->small, 0, sizeof mp->small);
}

size_t rh__dict27_size_of(rh_object *d) {
    rh_dict27 *mp = D(d);
    return sizeof(rh_dict27) + (mp->table != mp->small ? (size_t)(mp->mask + 1) * sizeof(rh_dict_entry) : 0);
}

/* ---------------------------------------------------------------- lookup (lookdict) */

/* Compare a stored key with `key`: 1 equal, 0 not, -1 error, -2 the table changed under the compare. */
static int compare(rh_runtime *rt, rh_dict27 *mp, rh_dict_entry *table, rh_dict_entry *ep, rh_object *key) {
    rh_object *start = ep->key;
    if (rh__is_str(start) && rh__is_str(key)) return rh__str_equal(rt, start, key);
    rh_incref(start);
    int cmp = rh_equal(rt, start, key);
    rh_decref(rt, start);
    if (cmp < 0) return -1;
    if (mp->table != table || ep->key != start) return -2;
    return cmp > 0;
}

/* The slot holding key, else the slot a new key goes to (the first dummy on the path, or the unused slot
 * that ends it); NULL with the error set; LOOKUP_CHANGED to restart. */
static rh_dict_entry *lookdict_once(rh_runtime *rt, rh_dict27 *mp, rh_object *key, int64_t hash) {
    rh_dict_entry *table = mp->table, *freeslot = NULL;
    size_t mask = (size_t)mp->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        rh_dict_entry *ep = &table[i & mask];
        if (!ep->key) return freeslot ? freeslot : ep;
        if (ep->key == key) return ep;
        if (ep->key == DUMMY) {
            if (!freeslot) freeslot = ep;
        } else if (ep->hash == hash) {
            int c = compare(rt, mp, table, ep, key);
            if (c < 0) return c == -1 ? NULL : LOOKUP_CHANGED;
            if (c) return ep;
        }
        i = (i << 2) + i + perturb + 1;
        perturb >>= PERTURB_SHIFT;
    }
}

static rh_dict_entry *lookdict(rh_runtime *rt, rh_dict27 *mp, rh_object *key, int64_t hash) {
    for (;;) {
        rh_dict_entry *ep = lookdict_once(rt, mp, key, hash);
        if (ep != LOOKUP_CHANGED) return ep;
    }
}

int rh__dict27_lookup(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object **value) {
    rh_dict_entry *ep = lookdict(rt, D(d), key, hash);
    if (!ep) return -1;
    *value = ep->value;
    return 0;
}

/* ---------------------------------------------------------------- resize (dictresize) */

/* insertdict_clean: a key known to be absent, into a table without dummies */
static void insert_clean(rh_dict27 *mp, rh_object *key, int64_t hash, rh_object *value) {
    size_t mask = (size_t)mp->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    rh_dict_entry *ep = &mp->table[i];
    while (ep->key) {
        i = (i << 2) + i + perturb + 1;
        perturb >>= PERTURB_SHIFT;
        ep = &mp->table[i & mask];
    }
    mp->fill++;
    *ep = (rh_dict_entry){hash, key, value};
    mp->used++;
}

static int dictresize(rh_runtime *rt, rh_dict27 *mp, size_t minused) {
    size_t newsize = RH_DICT27_MINSIZE;
    while (newsize <= minused && newsize < ((size_t)1 << 58)) newsize <<= 1;
    if (newsize <= minused) {
        rh_err_nomemory(rt);
        return -1;
    }
    rh_dict_entry *old = mp->table, *newtable, small_copy[RH_DICT27_MINSIZE];
    int old_malloced = old != mp->small;
    size_t oldsize = (size_t)mp->mask + 1;
    if (newsize == RH_DICT27_MINSIZE) {
        newtable = mp->small;
        if (newtable == old) {
            if (mp->fill == mp->used) return 0; /* no dummies: nothing to do */
            memcpy(small_copy, old, sizeof small_copy);
            old = small_copy;
        }
    } else if (!(newtable = rh__pymem_malloc(rt, newsize * sizeof(rh_dict_entry)))) { /* PyMem_NEW */
        return -1;
    }
    mp->table = newtable;
    mp->mask = (intptr_t)newsize - 1;
    memset(newtable, 0, newsize * sizeof(rh_dict_entry));
    intptr_t left = mp->fill;
    mp->used = mp->fill = 0;
    for (rh_dict_entry *ep = old; left > 0; ep++) {
        if (!ep->key) continue;
        left--;
        if (ep->value) insert_clean(mp, ep->key, ep->hash, ep->value);
    }
    if (old_malloced) rh_mem_free(rt, old, oldsize * sizeof(rh_dict_entry));
    return 0;
}

static int resize_if_full(rh_runtime *rt, rh_dict27 *mp, intptr_t used_before) {
    if (!(mp->used > used_before && mp->fill * 3 >= (mp->mask + 1) * 2)) return 0;
    return dictresize(rt, mp, (size_t)(mp->used > 50000 ? 2 : 4) * (size_t)mp->used);
}

/* _PyDict_NewPresized: above 5 expected items, a table of the smallest power of two > n */
int rh__dict27_presize(rh_runtime *rt, rh_object *d, size_t n) {
    return n > 5 ? dictresize(rt, D(d), n) : 0;
}

/* ---------------------------------------------------------------- insert, delete, clear */

static void maintain_tracking(rh_runtime *rt, rh_object *d, rh_object *key, rh_object *value) {
    if (!rh__gc_is_tracked(d) && (rh__may_be_tracked(key) || rh__may_be_tracked(value))) rh__gc_track(rt, d);
}

/* PyDict_SetItem: insertdict, then the resize check. Borrows key and value. */
int rh__dict27_set(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object *value) {
    rh_dict27 *mp = D(d);
    intptr_t used_before = mp->used;
    rh_dict_entry *ep = lookdict(rt, mp, key, hash);
    if (!ep) return -1;
    maintain_tracking(rt, d, key, value);
    rh_incref(value);
    if (ep->value) {
        rh_object *old = ep->value;
        ep->value = value;
        rh_decref(rt, old); /* may re-enter */
        return 0;
    }
    if (!ep->key) mp->fill++;
    rh_incref(key);
    *ep = (rh_dict_entry){hash, key, value};
    mp->used++;
    return resize_if_full(rt, mp, used_before);
}

/* Remove key: 1 with the value's reference moved to *old, 0 if absent, -1 on error. */
int rh__dict27_pop(rh_runtime *rt, rh_object *d, rh_object *key, int64_t hash, rh_object **old) {
    rh_dict27 *mp = D(d);
    if (mp->used == 0) return 0;
    rh_dict_entry *ep = lookdict(rt, mp, key, hash);
    if (!ep) return -1;
    if (!ep->value) return 0;
    rh_object *old_key = ep->key;
    *old = ep->value;
    ep->key = DUMMY;
    ep->value = NULL;
    mp->used--;
    rh_decref(rt, old_key);
    return 1;
}

/* The entries of a table, released in slot order (dict_dealloc / PyDict_Clear). */
static void release_entries(rh_runtime *rt, rh_dict_entry *table, intptr_t fill) {
    for (rh_dict_entry *ep = table; fill > 0; ep++) {
        if (!ep->key) continue;
        fill--;
        if (ep->key == DUMMY) continue;
        rh_decref(rt, ep->key);
        rh_xdecref(rt, ep->value);
    }
}

/* PyDict_Clear: the dict is empty (smalltable) before any entry is released; a smalltable's entries
 * are copied out first, since a release may insert into this dict again. */
int rh__dict27_clear(rh_runtime *rt, rh_object *d) {
    rh_dict27 *mp = D(d);
    rh_dict_entry *table = mp->table, small_copy[RH_DICT27_MINSIZE];
    intptr_t fill = mp->fill, size = mp->mask + 1;
    int malloced = table != mp->small;
    if (fill == 0) return 0;
    if (!malloced) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    rh__dict27_init(d);
    release_entries(rt, table, fill);
    if (malloced) rh_mem_free(rt, table, (size_t)size * sizeof(rh_dict_entry));
    return 0;
}

/* dict_dealloc's part: entries in slot order, then the table */
void rh__dict27_release(rh_runtime *rt, rh_object *d) {
    rh_dict27 *mp = D(d);
    release_entries(rt, mp->table, mp->fill);
    if (mp->table != mp->small) rh_mem_free(rt, mp->table, (size_t)(mp->mask + 1) * sizeof(rh_dict_entry));
    mp->table = mp->small;
    mp->used = mp->fill = 0;
}

/* ---------------------------------------------------------------- iteration, copy, traverse */

int rh__dict27_next(rh_object *d, size_t *pos, rh_object **k, rh_object **v) {
    rh_dict27 *mp = D(d);
    size_t i = *pos, size = (size_t)mp->mask + 1;
    while (i < size && !mp->table[i].value) i++;
    if (i >= size) return 0;
    *pos = i + 1;
    if (k) *k = mp->table[i].key;
    if (v) *v = mp->table[i].value;
    return 1;
}

/* dict_copy = PyDict_Merge into a new dict: one resize to > 2 * used once 3 * used >= 16, then inserts
 * in slot order. `fresh` is the new, empty dict. */
int rh__dict27_merge_into(rh_runtime *rt, rh_object *fresh, rh_object *src) {
    rh_dict27 *mp = D(fresh), *other = D(src);
    if ((mp->fill + other->used) * 3 >= (mp->mask + 1) * 2 &&
        dictresize(rt, mp, (size_t)(mp->used + other->used) * 2) < 0)
        return -1;
    for (intptr_t i = 0; i <= other->mask; i++) {
        rh_dict_entry *ep = &other->table[i];
        if (ep->value && rh__dict27_set(rt, fresh, ep->key, ep->hash, ep->value) < 0) return -1;
    }
    return 0;
}

int rh__dict27_traverse(rh_object *d, rh_visitproc visit, void *arg) {
    rh_dict27 *mp = D(d);
    int r;
    for (intptr_t i = 0; i <= mp->mask; i++) {
        rh_dict_entry *ep = &mp->table[i];
        if (ep->value && ((r = visit(ep->value, arg)) || (r = visit(ep->key, arg)))) return r;
    }
    return 0;
}
