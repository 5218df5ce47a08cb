/* t_deque.c — collections.deque and its iterators (CPython 3.11 Modules/_collectionsmodule.c).
 *
 * Owns the types RH_K_DEQUE, RH_K_DEQUEITER, RH_K_DEQUEREVITER and the deque operations
 * (refheap/itertools.h).
 *
 * Invariants (as dequeobject):
 *  - items live in a doubly linked list of blocks of BLOCKLEN (64) slots, allocated with the runtime's
 *    raw allocator (PyMem_Malloc); leftblock/leftindex and rightblock/rightindex name the first and last
 *    item; an empty deque has one block with leftindex == rightindex + 1 (CENTER + 1, CENTER);
 *  - a deque keeps up to MAXFREEBLOCKS (16) emptied blocks of its own for reuse (3.11's per-deque freelist);
 *  - sys.getsizeof is basicsize (216) + GC head + one block (528) per block the items span, computed
 *    from leftindex and the length as deque_sizeof does;
 *  - `state` changes on every mutation; iterators and searches compare it to detect mutation;
 *  - the object is tracked from creation (tp_alloc); traverse visits every item; tp_clear empties it.
 */
#include <stddef.h>

#include "callables.h"
#include "mem_fast.h"
#include "refheap/itertools.h"

#define BLOCKLEN 64
#define CENTER ((BLOCKLEN - 1) / 2)
#define MAXFREEBLOCKS 16

typedef struct block {
    struct block *leftlink;
    rh_object *data[BLOCKLEN];
    struct block *rightlink;
} block; /* 528 */

typedef struct {
    rh_varobject ob;          /* size: the number of items */
    block *leftblock, *rightblock;
    int64_t leftindex, rightindex;
    size_t state;
    int64_t maxlen;           /* -1: unbounded */
    int64_t numfreeblocks;
    block *freeblocks[MAXFREEBLOCKS];
    rh_object *weakreflist;
} dequeobj; /* 216 */

typedef struct {
    rh_object ob;
    block *b;
    int64_t index;
    rh_object *deque;
    size_t state;
    int64_t counter;
} dequeiterobj; /* 56 */

#define DQ(o) ((dequeobj *)(void *)(o))
#define SIZE(d) ((d)->ob.size)

/* newblock: one of the deque's free blocks, else a new one (MemoryError) */
static block *newblock(rh_runtime *rt, dequeobj *d) {
    if (d->numfreeblocks) return d->freeblocks[--d->numfreeblocks];
    return rh__mem_malloc(rt, sizeof(block));
}
static void freeblock(rh_runtime *rt, dequeobj *d, block *b) {
    if (d->numfreeblocks < MAXFREEBLOCKS) d->freeblocks[d->numfreeblocks++] = b;
    else rh__mem_free(rt, b, sizeof(block));
}

/* deque_new: the object, then its first block */
static dequeobj *deque_alloc(rh_runtime *rt) {
    dequeobj *d = (dequeobj *)(void *)new_gc(rt, RH_K_DEQUE, sizeof(dequeobj));
    if (!d) return NULL;
    d->maxlen = -1;
    rh__gc_track(rt, &d->ob.ob);
    block *b = newblock(rt, d);
    if (!b) { rh_decref(rt, &d->ob.ob); return NULL; }
    b->leftlink = b->rightlink = NULL;
    d->leftblock = d->rightblock = b;
    d->leftindex = CENTER + 1;
    d->rightindex = CENTER;
    return d;
}

int rh_is_deque(rh_object *o) { return rh_kind_of(o) == RH_K_DEQUE; }
int64_t rh_deque_maxlen(rh_object *o) { return DQ(o)->maxlen; }

/* deque_pop / deque_popleft: new reference, IndexError when empty */
rh_object *rh_deque_pop(rh_runtime *rt, rh_object *o, int left) {
    dequeobj *d = DQ(o);
    rh_object *item;
    if (SIZE(d) == 0) { rh_err_set(rt, RH_EXC_INDEX, "pop from an empty deque"); return NULL; }
    d->state++;
    SIZE(d)--;
    if (!left) {
        item = d->rightblock->data[d->rightindex--];
        if (d->rightindex < 0) {
            if (SIZE(d)) {
                block *prev = d->rightblock->leftlink;
                freeblock(rt, d, d->rightblock);
                prev->rightlink = NULL;
                d->rightblock = prev;
                d->rightindex = BLOCKLEN - 1;
            } else {
                d->leftindex = CENTER + 1; /* re-center instead of freeing a block */
                d->rightindex = CENTER;
            }
        }
    } else {
        item = d->leftblock->data[d->leftindex++];
        if (d->leftindex == BLOCKLEN) {
            if (SIZE(d)) {
                block *prev = d->leftblock->rightlink;
                freeblock(rt, d, d->leftblock);
                prev->leftlink = NULL;
                d->leftblock = prev;
                d->leftindex = 0;
            } else {
                d->leftindex = CENTER + 1;
                d->rightindex = CENTER;
            }
        }
    }
    return item;
}

/* deque_append_internal / deque_appendleft_internal: steals item; trims the other end past maxlen */
static int append_internal(rh_runtime *rt, dequeobj *d, rh_object *item, int left) {
    if (!left && d->rightindex == BLOCKLEN - 1) {
        block *b = newblock(rt, d);
        if (!b) { rh_decref(rt, item); return -1; }
        b->leftlink = d->rightblock;
        d->rightblock->rightlink = b;
        d->rightblock = b;
        b->rightlink = NULL;
        d->rightindex = -1;
    } else if (left && d->leftindex == 0) {
        block *b = newblock(rt, d);
        if (!b) { rh_decref(rt, item); return -1; }
        b->rightlink = d->leftblock;
        d->leftblock->leftlink = b;
        d->leftblock = b;
        b->leftlink = NULL;
        d->leftindex = BLOCKLEN;
    }
    SIZE(d)++;
    if (left) d->leftblock->data[--d->leftindex] = item;
    else d->rightblock->data[++d->rightindex] = item;
    if ((size_t)d->maxlen < (size_t)SIZE(d)) { /* NEEDS_TRIM */
        rh_object *old = rh_deque_pop(rt, &d->ob.ob, !left);
        rh_decref(rt, old);
    } else {
        d->state++;
    }
    return 0;
}
/* deque.append(x) / appendleft(x): x borrowed. 0 or -1 */
int rh_deque_append(rh_runtime *rt, rh_object *o, rh_object *item, int left) {
    rh_incref(item);
    return append_internal(rt, DQ(o), item, left);
}

/* deque_extend / deque_extendleft: a deque extended by itself goes through a list of it first */
int rh_deque_extend(rh_runtime *rt, rh_object *o, rh_object *iterable, int left) {
    dequeobj *d = DQ(o);
    if (iterable == o) {
        rh_object *s = rh_list_from_iterable(rt, iterable, 1);
        if (!s) return -1;
        int rc = rh_deque_extend(rt, o, s, left);
        rh_decref(rt, s);
        return rc;
    }
    rh_object *it = rh_getiter(rt, iterable), *item;
    if (!it) return -1;
    if (d->maxlen == 0) { /* consume_iterator */
        while ((item = rh_iternext(rt, it))) rh_decref(rt, item);
    } else {
        if (SIZE(d) == 0) { /* space saving heuristic: start filling from the left (right) end */
            d->leftindex = left ? BLOCKLEN - 1 : 1;
            d->rightindex = left ? BLOCKLEN - 2 : 0;
        }
        while ((item = rh_iternext(rt, it)))
            if (append_internal(rt, d, item, left)) { rh_decref(rt, it); return -1; }
    }
    rh_decref(rt, it);
    return rh_err_occurred(rt) ? -1 : 0;
}

/* deque_clear (tp_clear too): the deque is emptied onto a new block first, then the old items are
 * dropped, so decrefs that run code see an empty deque; with no block to spare, pop one by one */
static int deque_clear(rh_runtime *rt, rh_object *o) {
    dequeobj *d = DQ(o);
    if (SIZE(d) == 0) return 0;
    block *b = newblock(rt, d);
    if (!b) {
        rh_err_clear(rt);
        while (SIZE(d)) rh_decref(rt, rh_deque_pop(rt, o, 0));
        return 0;
    }
    int64_t n = SIZE(d), leftindex = d->leftindex;
    block *lb = d->leftblock;
    b->leftlink = b->rightlink = NULL;
    SIZE(d) = 0;
    d->leftblock = d->rightblock = b;
    d->leftindex = CENTER + 1;
    d->rightindex = CENTER;
    d->state++;
    int64_t m = BLOCKLEN - leftindex > n ? n : BLOCKLEN - leftindex;
    rh_object **p = &lb->data[leftindex], **limit = p + m;
    n -= m;
    for (;;) {
        if (p == limit) {
            if (n == 0) break;
            block *prev = lb;
            lb = lb->rightlink;
            m = n > BLOCKLEN ? BLOCKLEN : n;
            p = lb->data;
            limit = p + m;
            n -= m;
            freeblock(rt, d, prev);
        }
        rh_decref(rt, *p++);
    }
    freeblock(rt, d, lb);
    return 0;
}
void rh_deque_clear(rh_runtime *rt, rh_object *o) { deque_clear(rt, o); }

/* deque_new + deque_init: maxlen -1 unbounded */
rh_object *rh_deque_new(rh_runtime *rt, rh_object *iterable, int64_t maxlen) {
    dequeobj *d = deque_alloc(rt);
    if (!d) return NULL;
    d->maxlen = maxlen;
    if (iterable && rh_deque_extend(rt, &d->ob.ob, iterable, 0)) { rh_decref(rt, &d->ob.ob); return NULL; }
    return &d->ob.ob;
}

/* deque_copy: an exact deque is rebuilt (one item appended, else extended from the old one) */
rh_object *rh_deque_copy(rh_runtime *rt, rh_object *o) {
    dequeobj *old = DQ(o), *d = deque_alloc(rt);
    if (!d) return NULL;
    d->maxlen = old->maxlen;
    int rc = SIZE(old) == 1 ? rh_deque_append(rt, &d->ob.ob, old->leftblock->data[old->leftindex], 0)
                            : rh_deque_extend(rt, &d->ob.ob, o, 0);
    if (rc) { rh_decref(rt, &d->ob.ob); return NULL; }
    return &d->ob.ob;
}

/* _deque_rotate: blocks of pointers moved from one end to the other (n > 0: right to left) */
int rh_deque_rotate(rh_runtime *rt, rh_object *o, int64_t n) {
    dequeobj *d = DQ(o);
    block *b = NULL, *lb = d->leftblock, *rb = d->rightblock;
    int64_t li = d->leftindex, ri = d->rightindex, len = SIZE(d), half = len >> 1;
    int rv = -1;
    if (len <= 1) return 0;
    if (n > half || n < -half) {
        n %= len;
        if (n > half) n -= len;
        else if (n < -half) n += len;
    }
    d->state++;
    while (n > 0) {
        if (li == 0) {
            if (!b && !(b = newblock(rt, d))) goto done;
            b->rightlink = lb;
            lb->leftlink = b;
            lb = b;
            b->leftlink = NULL;
            li = BLOCKLEN;
            b = NULL;
        }
        int64_t m = n;
        if (m > ri + 1) m = ri + 1;
        if (m > li) m = li;
        ri -= m;
        li -= m;
        n -= m;
        memcpy(&lb->data[li], &rb->data[ri + 1], (size_t)m * sizeof(rh_object *));
        if (ri < 0) {
            b = rb;
            rb = rb->leftlink;
            rb->rightlink = NULL;
            ri = BLOCKLEN - 1;
        }
    }
    while (n < 0) {
        if (ri == BLOCKLEN - 1) {
            if (!b && !(b = newblock(rt, d))) goto done;
            b->leftlink = rb;
            rb->rightlink = b;
            rb = b;
            b->rightlink = NULL;
            ri = -1;
            b = NULL;
        }
        int64_t m = -n;
        if (m > BLOCKLEN - li) m = BLOCKLEN - li;
        if (m > BLOCKLEN - 1 - ri) m = BLOCKLEN - 1 - ri;
        memcpy(&rb->data[ri + 1], &lb->data[li], (size_t)m * sizeof(rh_object *));
        li += m;
        ri += m;
        n += m;
        if (li == BLOCKLEN) {
            b = lb;
            lb = lb->rightlink;
            lb->leftlink = NULL;
            li = 0;
        }
    }
    rv = 0;
done:
    if (b) freeblock(rt, d, b);
    d->leftblock = lb;
    d->rightblock = rb;
    d->leftindex = li;
    d->rightindex = ri;
    return rv;
}

/* deque_reverse: swap from both ends inward */
void rh_deque_reverse(rh_object *o) {
    dequeobj *d = DQ(o);
    block *lb = d->leftblock, *rb = d->rightblock;
    int64_t li = d->leftindex, ri = d->rightindex, n = SIZE(d) >> 1;
    d->state++;
    while (--n >= 0) {
        rh_object *t = lb->data[li];
        lb->data[li] = rb->data[ri];
        rb->data[ri] = t;
        if (++li == BLOCKLEN) { lb = lb->rightlink; li = 0; }
        if (--ri < 0) { rb = rb->leftlink; ri = BLOCKLEN - 1; }
    }
}

/* the block and index of item i (0 <= i < len): walked from the nearer end, as deque_item */
static rh_object **slot_of(dequeobj *d, int64_t index) {
    block *b;
    int64_t len = SIZE(d);
    if (index == 0) return &d->leftblock->data[d->leftindex];
    if (index == len - 1) return &d->rightblock->data[d->rightindex];
    int64_t i = index + d->leftindex, n = i / BLOCKLEN;
    i %= BLOCKLEN;
    if (index < (len >> 1)) {
        b = d->leftblock;
        while (--n >= 0) b = b->rightlink;
    } else {
        n = (d->leftindex + len - 1) / BLOCKLEN - n;
        b = d->rightblock;
        while (--n >= 0) b = b->leftlink;
    }
    return &b->data[i];
}

/* deque_item (sq_item; i already made non-negative by the caller) */
static rh_object *deque_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    dequeobj *d = DQ(o);
    if (i < 0 || i >= SIZE(d)) { rh_err_set(rt, RH_EXC_INDEX, "deque index out of range"); return NULL; }
    rh_object *v = *slot_of(d, i);
    rh_incref(v);
    return v;
}

/* deque_del_item: rotate it to the left end, pop it, rotate back */
static int del_item(rh_runtime *rt, rh_object *o, int64_t i) {
    if (rh_deque_rotate(rt, o, -i)) return -1;
    rh_object *item = rh_deque_pop(rt, o, 1);
    int rv = rh_deque_rotate(rt, o, i);
    rh_decref(rt, item);
    return rv;
}

/* deque_ass_item through mp_ass_subscript: d[i] = v / del d[i] */
static int deque_ass_subscript(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v) {
    dequeobj *d = DQ(o);
    int64_t i;
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "sequence index must be integer, not '%s'", rh_type_name(key));
        return -1;
    }
    if (rh_index_value(rt, key, &i)) return -1;
    if (i < 0) i += SIZE(d);
    if (i < 0 || i >= SIZE(d)) { rh_err_set(rt, RH_EXC_INDEX, "deque index out of range"); return -1; }
    if (!v) return del_item(rt, o, i);
    rh_object **slot = slot_of(d, i), *old = *slot;
    rh_incref(v);
    *slot = v;
    rh_decref(rt, old);
    return 0;
}

/* a search over the items (count, index, remove, __contains__): calls f(item) with each item held, in
 * order from start; stops when f returns nonzero. RuntimeError / IndexError when the deque changes. */
static int64_t search(rh_runtime *rt, dequeobj *d, rh_object *v, int64_t start, int64_t stop, int count,
                      const char *mutated, rh_exc mutated_exc) {
    size_t state = d->state;
    int64_t hits = 0;
    for (int64_t i = start; i < stop && i < SIZE(d); i++) {
        rh_object *item = *slot_of(d, i);
        rh_incref(item);
        int cmp = rh_richcompare(rt, RH_CMP_EQ, item, v);
        rh_decref(rt, item);
        if (cmp < 0) return -2;
        if (state != d->state) { rh_err_set(rt, mutated_exc, "%s", mutated); return -2; }
        if (cmp > 0) {
            if (!count) return i;
            hits++;
        }
    }
    return count ? hits : -1;
}
/* d.count(v): >= 0 or -1 with the error set */
int64_t rh_deque_count(rh_runtime *rt, rh_object *o, rh_object *v) {
    int64_t r = search(rt, DQ(o), v, 0, SIZE(DQ(o)), 1, "deque mutated during iteration", RH_EXC_RUNTIME);
    return r < 0 ? -1 : r;
}
/* d.index(v, start, stop) with the bounds adjusted as deque_index does: >= 0, or -1 with the error set */
int64_t rh_deque_index(rh_runtime *rt, rh_object *o, rh_object *v, int64_t start, int64_t stop) {
    dequeobj *d = DQ(o);
    if (start < 0 && (start += SIZE(d)) < 0) start = 0;
    if (stop < 0 && (stop += SIZE(d)) < 0) stop = 0;
    if (stop > SIZE(d)) stop = SIZE(d);
    int64_t r = search(rt, d, v, start, stop, 0, "deque mutated during iteration", RH_EXC_RUNTIME);
    if (r == -1) {
        rh_object *rep = rh_repr(rt, v);
        if (rep) rh_err_set(rt, RH_EXC_VALUE, "%s is not in deque", rh_str_utf8(rt, rep, NULL));
        rh_xdecref(rt, rep);
    }
    return r < 0 ? -1 : r;
}
/* d.remove(v): 0 or -1 */
int rh_deque_remove(rh_runtime *rt, rh_object *o, rh_object *v) {
    int64_t i = search(rt, DQ(o), v, 0, SIZE(DQ(o)), 0, "deque mutated during remove().", RH_EXC_INDEX);
    if (i == -1) {
        rh_object *rep = rh_repr(rt, v);
        if (rep) rh_err_set(rt, RH_EXC_VALUE, "%s is not in deque", rh_str_utf8(rt, rep, NULL));
        rh_xdecref(rt, rep);
    }
    return i < 0 ? -1 : del_item(rt, o, i);
}
/* d.insert(i, v): 0 or -1 */
int rh_deque_insert(rh_runtime *rt, rh_object *o, int64_t index, rh_object *v) {
    dequeobj *d = DQ(o);
    int64_t n = SIZE(d);
    if (d->maxlen == n) { rh_err_set(rt, RH_EXC_INDEX, "deque already at its maximum size"); return -1; }
    if (index >= n) return rh_deque_append(rt, o, v, 0);
    if (index <= -n || index == 0) return rh_deque_append(rt, o, v, 1);
    if (rh_deque_rotate(rt, o, -index)) return -1;
    if (index < 0 ? rh_deque_append(rt, o, v, 0) : rh_deque_append(rt, o, v, 1)) return -1;
    return rh_deque_rotate(rt, o, index);
}

static int deque_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    int64_t r = search(rt, DQ(o), v, 0, SIZE(DQ(o)), 0, "deque mutated during iteration", RH_EXC_RUNTIME);
    return r == -2 ? -1 : r >= 0;
}
static intptr_t deque_len(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return SIZE(DQ(o));
}

/* deque_inplace_concat: d += iterable */
static rh_object *deque_inplace_concat(rh_runtime *rt, rh_object *o, rh_object *other) {
    if (rh_deque_extend(rt, o, other, 0)) return NULL;
    rh_incref(o);
    return o;
}

/* deque_repr: deque([...]) / deque([...], maxlen=n), through a list of the items (PySequence_List) */
static int deque_items_repr(rh__sb *b, rh_object *o) {
    rh_object *l = rh_list_from_iterable(b->rt, o, 1);
    if (!l) return -1;
    int rc = rh__sb_puts(b, "deque(") || rh__repr_into(b, l);
    rh_decref(b->rt, l);
    if (rc) return -1;
    if (DQ(o)->maxlen >= 0 && rh__sb_printf(b, ", maxlen=%lld", (long long)DQ(o)->maxlen)) return -1;
    return rh__sb_putc(b, ')');
}
static int deque_repr_into(rh__sb *b, rh_object *o) { return rh__repr_guarded(b, o, "[...]", deque_items_repr); }

/* deque_richcompare: deques only; sizes decide == and != first, then the first differing items */
static rh_object *deque_richcompare(rh_runtime *rt, rh_object *v, rh_object *w, int op) {
    if (!rh_is_deque(v) || !rh_is_deque(w)) return rh_notimplemented(rt);
    int64_t vs = SIZE(DQ(v)), ws = SIZE(DQ(w));
    if ((op == RH_CMP_EQ || op == RH_CMP_NE) && (v == w || vs != ws)) {
        return rh_bool(rt, (v == w) == (op == RH_CMP_EQ));
    }
    rh_object *it1 = rh_getiter(rt, v), *it2 = it1 ? rh_getiter(rt, w) : NULL, *x = NULL, *y = NULL, *r = NULL;
    if (!it2) goto done;
    for (;;) {
        x = rh_iternext(rt, it1);
        if (!x && rh_err_occurred(rt)) goto done;
        y = rh_iternext(rt, it2);
        if (!x || !y) break;
        int eq = rh_richcompare(rt, RH_CMP_EQ, x, y);
        if (eq == 0) {
            r = rh__richcompare(rt, x, y, op);
            rh_decref(rt, x);
            rh_decref(rt, y);
            x = y = NULL;
            goto done;
        }
        rh_decref(rt, x);
        rh_decref(rt, y);
        x = y = NULL;
        if (eq < 0) goto done;
    }
    if (!rh_err_occurred(rt)) {
        int c = 0;
        switch (op) {
        case RH_CMP_LT: c = y != NULL; break;
        case RH_CMP_LE: c = x == NULL; break;
        case RH_CMP_EQ: c = x == y; break;
        case RH_CMP_NE: c = x != y; break;
        case RH_CMP_GT: c = x != NULL; break;
        default: c = y == NULL; break;
        }
        r = rh_bool(rt, c);
    }
    rh_xdecref(rt, x);
    rh_xdecref(rt, y);
done:
    rh_xdecref(rt, it1);
    rh_xdecref(rt, it2);
    return r;
}

static int deque_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    dequeobj *d = DQ(o);
    block *b = d->leftblock;
    int64_t index = d->leftindex, n = SIZE(d);
    for (int64_t i = 0; i < n; i++) {
        VISIT(b->data[index]);
        if (++index == BLOCKLEN) { b = b->rightlink; index = 0; }
    }
    return 0;
}

/* deque_dealloc: weak references, the items, the last block and the free blocks */
static void deque_dealloc(rh_runtime *rt, rh_object *o) {
    dequeobj *d = DQ(o);
    rh__gc_untrack(rt, o);
    if (d->weakreflist) rh__weakref_clear_all(rt, o);
    if (d->leftblock) {
        deque_clear(rt, o);
        freeblock(rt, d, d->leftblock);
    }
    d->leftblock = d->rightblock = NULL;
    for (int64_t i = 0; i < d->numfreeblocks; i++) rh__mem_free(rt, d->freeblocks[i], sizeof(block));
    rh__object_free(rt, o, sizeof(dequeobj));
}

/* deque_sizeof */
static size_t deque_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    dequeobj *d = DQ(o);
    size_t blocks = (size_t)(d->leftindex + SIZE(d) + BLOCKLEN - 1) / BLOCKLEN;
    return sizeof(dequeobj) + blocks * sizeof(block);
}

/* deque_iter / deque_reviter */
static rh_object *deque_iterator(rh_runtime *rt, rh_object *o, int reverse) {
    dequeobj *d = DQ(o);
    dequeiterobj *it = (dequeiterobj *)(void *)new_gc(rt, reverse ? RH_K_DEQUEREVITER : RH_K_DEQUEITER, sizeof(dequeiterobj));
    if (!it) return NULL;
    it->b = reverse ? d->rightblock : d->leftblock;
    it->index = reverse ? d->rightindex : d->leftindex;
    rh_incref(o);
    it->deque = o;
    it->state = d->state;
    it->counter = SIZE(d);
    rh__gc_track(rt, &it->ob);
    return &it->ob;
}
static rh_object *deque_iter(rh_runtime *rt, rh_object *o) { return deque_iterator(rt, o, 0); }
rh_object *rh_deque_reversed(rh_runtime *rt, rh_object *o) { return deque_iterator(rt, o, 1); }

/* dequeiter_next / dequereviter_next */
static rh_object *dequeiter_step(rh_runtime *rt, rh_object *o, int reverse) {
    dequeiterobj *it = (dequeiterobj *)(void *)o;
    if (DQ(it->deque)->state != it->state) {
        it->counter = 0;
        rh_err_set(rt, RH_EXC_RUNTIME, "deque mutated during iteration");
        return NULL;
    }
    if (it->counter == 0) return NULL;
    rh_object *item = it->b->data[it->index];
    it->counter--;
    if (!reverse && ++it->index == BLOCKLEN && it->counter > 0) { it->b = it->b->rightlink; it->index = 0; }
    if (reverse && --it->index < 0 && it->counter > 0) { it->b = it->b->leftlink; it->index = BLOCKLEN - 1; }
    rh_incref(item);
    return item;
}
static rh_object *dequeiter_next(rh_runtime *rt, rh_object *o) { return dequeiter_step(rt, o, 0); }
static rh_object *dequereviter_next(rh_runtime *rt, rh_object *o) { return dequeiter_step(rt, o, 1); }
static int dequeiter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((dequeiterobj *)(void *)o)->deque);
    return 0;
}
static int dequeiter_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((dequeiterobj *)(void *)o)->deque);
    return 0;
}
static void dequeiter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    dequeiter_clear(rt, o);
    rh__object_free(rt, o, sizeof(dequeiterobj));
}
static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}
static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

void rh__type_init_deque(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "collections.deque", sizeof(dequeobj), offsetof(dequeobj, weakreflist), deque_dealloc, deque_traverse,
             deque_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->size_of = deque_size_of;
    t->repr_into = deque_repr_into;
    t->tp_hash = rh__hash_not_implemented;
    t->tp_richcompare = deque_richcompare;
    t->tp_iter = deque_iter;
    t->as_sequence.sq_length = deque_len;
    t->as_sequence.sq_item = deque_item;
    t->as_sequence.sq_contains = deque_contains;
    t->as_sequence.sq_inplace_concat = deque_inplace_concat;
    t->as_mapping.mp_ass_subscript = deque_ass_subscript;
}
/* dequeiter_len: the items left to hand out */
static int64_t dequeiter_length_hint(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return ((dequeiterobj *)(void *)o)->counter;
}

/* 2.7 Modules/_collectionsmodule.c names them "deque_iterator" and "deque_reverse_iterator", no module */
void rh__type_init_dequeiter(rh_runtime *rt, rh_type *t) {
    set_type(t, rh_runtime_profile(rt)->python2 ? "deque_iterator" : "_collections._deque_iterator", sizeof(dequeiterobj), 0, dequeiter_dealloc, dequeiter_traverse, dequeiter_clear);
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = dequeiter_next;
    t->length_hint = dequeiter_length_hint;
}
void rh__type_init_dequereviter(rh_runtime *rt, rh_type *t) {
    set_type(t, rh_runtime_profile(rt)->python2 ? "deque_reverse_iterator" : "_collections._deque_reverse_iterator", sizeof(dequeiterobj), 0, dequeiter_dealloc, dequeiter_traverse,
             dequeiter_clear);
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = dequereviter_next;
    t->length_hint = dequeiter_length_hint;
}

/* deque_init on a deque made by rh_deque_new(rt, NULL, -1): maxlen set, old items cleared, then
 * extended (deque.__init__ may run again on a full deque). 0 or -1. */
int rh_deque_init(rh_runtime *rt, rh_object *o, rh_object *iterable, int64_t maxlen) {
    DQ(o)->maxlen = maxlen;
    if (SIZE(DQ(o)) > 0) deque_clear(rt, o);
    return iterable ? rh_deque_extend(rt, o, iterable, 0) : 0;
}
