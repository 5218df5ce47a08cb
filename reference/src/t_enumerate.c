/* t_enumerate.c — enumerate, reversed and list_reverseiterator (CPython 3.11 Objects/enumobject.c and
 * Objects/listobject.c's listreviterobject).
 *
 * Owns the types RH_K_ENUMERATE, RH_K_REVERSED and RH_K_LISTREVITER and their constructors
 * (refheap/types.h: rh_enumerate_new, rh_reversed_new).
 *
 * Invariants:
 *  - each object is GC-tracked from creation to its dealloc (enum_new and reversed_new go through
 *    PyType_GenericAlloc, list___reversed__ tracks at once);
 *  - enumerate holds a result 2-tuple made at creation (PyTuple_Pack(2, None, None)); enum_next reuses it
 *    when nothing but the enumerate holds it (refcount 1), so a loop that drops each pair allocates one
 *    tuple in all; profile->iter_result_retrack re-tracks it if the collector had untracked it
 *    (bpo-42536). Its size is profile->enumerate_size (3.11 adds the `one` field);
 *  - reversed and list_reverseiterator drop their sequence when exhausted, index then -1.
 */
#include <stddef.h>

#include "callables.h"
#include "refheap/itertools.h"

typedef struct rh_enumobj {
    rh_object ob;
    int64_t index;         /* en_index: the next index */
    rh_object *sit;        /* the underlying iterator */
    rh_object *result;     /* the reusable result tuple */
    rh_object *longindex;  /* en_longindex: unused (indexes beyond int64 are out of the model) */
} rh_enumobj; /* 48; profile->enumerate_size bytes are allocated */

typedef struct rh_revobj {
    rh_object ob;
    int64_t index;         /* the next index, -1 once exhausted */
    rh_object *seq;        /* NULL once exhausted */
} rh_revobj; /* 32, as reversedobject and listreviterobject */

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* ---------------------------------------------------------------- enumerate */

/* enum_new_impl: the object first, then the iterator of the iterable, then the result tuple */
rh_object *rh_enumerate_new(rh_runtime *rt, rh_object *iterable, int64_t start) {
    rh_enumobj *en = (rh_enumobj *)(void *)new_gc(rt, RH_K_ENUMERATE, rt->profile->enumerate_size);
    if (!en) return NULL;
    en->index = start;
    rh__gc_track(rt, &en->ob);
    if (!(en->sit = rh_getiter(rt, iterable)) || !(en->result = rh_tuple_pack(rt, 2, rh_none(rt), rh_none(rt)))) {
        rh_decref(rt, &en->ob);
        return NULL;
    }
    return &en->ob;
}

/* enum_next */
static rh_object *enum_next(rh_runtime *rt, rh_object *o) {
    rh_enumobj *en = (rh_enumobj *)(void *)o;
    rh_object *item = rh_iternext(rt, en->sit);
    if (!item) return NULL;
    rh_object *index = rh_int_from_i64(rt, en->index);
    if (!index) {
        rh_decref(rt, item);
        return NULL;
    }
    en->index++;
    rh_object *result = en->result;
    if (result->refcnt == 1) {
        rh_incref(result);
        rh_object *old_index = rh_tuple_get(result, 0), *old_item = rh_tuple_get(result, 1);
        rh_tuple_set(result, 0, index);
        rh_tuple_set(result, 1, item);
        rh_decref(rt, old_index);
        rh_decref(rt, old_item);
        if (rt->profile->iter_result_retrack && !rh__gc_is_tracked(result)) rh__gc_track(rt, result);
        return result;
    }
    if (!(result = rh_tuple_new(rt, 2))) {
        rh_decref(rt, index);
        rh_decref(rt, item);
        return NULL;
    }
    rh_tuple_set(result, 0, index);
    rh_tuple_set(result, 1, item);
    return result;
}

static int enum_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    rh_enumobj *en = (rh_enumobj *)(void *)o;
    VISIT(en->sit);
    VISIT(en->result);
    VISIT(en->longindex);
    return 0;
}

static int enum_clear(rh_runtime *rt, rh_object *o) {
    rh_enumobj *en = (rh_enumobj *)(void *)o;
    clear_slot(rt, &en->sit);
    clear_slot(rt, &en->result);
    clear_slot(rt, &en->longindex);
    return 0;
}

static void enum_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    enum_clear(rt, o);
    rh__object_free(rt, o, rt->profile->enumerate_size);
}

static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

void rh__type_init_enumerate(rh_runtime *rt, rh_type *t) {
    set_type(t, "enumerate", rt->profile->enumerate_size, 0, enum_dealloc, enum_traverse, enum_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = enum_next;
}

/* ---------------------------------------------------------------- reversed, list_reverseiterator */

static rh_object *rev_new(rh_runtime *rt, rh_kind kind, rh_object *seq, int64_t n) {
    rh_revobj *ro = (rh_revobj *)(void *)new_gc(rt, kind, sizeof(rh_revobj));
    if (!ro) return NULL;
    ro->index = n - 1;
    rh_incref(seq);
    ro->seq = seq;
    rh__gc_track(rt, &ro->ob);
    return &ro->ob;
}

/* reversed_new_impl: a class's own __reversed__ is called (None: not reversible); a list answers
 * __reversed__ with its list_reverseiterator; any other sequence (sq_item and sq_length: tuple, str, range,
 * a class with __len__ and __getitem__) gets a reversed object indexing it from the end. */
rh_object *rh_reversed_new(rh_runtime *rt, rh_object *seq) {
    if (seq->type->flags & RH_TPFLAG_HEAPTYPE) {
        rh_object *m = rh_class_special(rt, (rh_object *)seq->type, "__reversed__");
        if (m == rh_none(rt)) {
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not reversible", rh_type_name(seq));
            return NULL;
        }
        int found;
        rh_object *r = m ? rh_call_special(rt, seq, "__reversed__", NULL, 0, &found) : NULL;
        if (m) return r;
    }
    if (seq->type->kind == RH_K_LIST) return rev_new(rt, RH_K_LISTREVITER, seq, (int64_t)rh_list_len(seq));
    if (rh_is_deque(seq)) return rh_deque_reversed(rt, seq); /* deque.__reversed__ (t_deque.c) */
    if (seq->type->kind == RH_K_RANGE) return rh_range_reversed(rt, seq); /* range.__reversed__ */
    const rh_sequence_methods *sq = &seq->type->as_sequence;
    if (seq->type->kind == RH_K_DICT) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "reversed() of a dict");
        return NULL;
    }
    if (!sq->sq_item || !sq->sq_length) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object is not reversible", rh_type_name(seq));
        return NULL;
    }
    intptr_t n = sq->sq_length(rt, seq);
    if (n < 0) return NULL;
    return rev_new(rt, RH_K_REVERSED, seq, n);
}

static void rev_exhaust(rh_runtime *rt, rh_revobj *ro) {
    ro->index = -1;
    clear_slot(rt, &ro->seq);
}

/* reversed_next: PySequence_GetItem from the end; an IndexError ends the iteration */
static rh_object *reversed_next(rh_runtime *rt, rh_object *o) {
    rh_revobj *ro = (rh_revobj *)(void *)o;
    if (ro->index >= 0 && ro->seq) {
        rh_object *item = ro->seq->type->as_sequence.sq_item(rt, ro->seq, ro->index);
        if (item) {
            ro->index--;
            return item;
        }
        if (rh_err_occurred(rt) != RH_EXC_INDEX) return NULL;
        rh_err_clear(rt);
    }
    rev_exhaust(rt, ro);
    return NULL;
}

/* listreviter_next: ends early when the list shrank below the index */
static rh_object *listreviter_next(rh_runtime *rt, rh_object *o) {
    rh_revobj *ro = (rh_revobj *)(void *)o;
    if (ro->seq && ro->index >= 0 && (size_t)ro->index < rh_list_len(ro->seq)) {
        rh_object *item = rh_list_get(ro->seq, (size_t)ro->index--);
        rh_incref(item);
        return item;
    }
    rev_exhaust(rt, ro);
    return NULL;
}

static int rev_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_revobj *)(void *)o)->seq);
    return 0;
}

static int rev_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_revobj *)(void *)o)->seq);
    return 0;
}

static void rev_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rev_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_revobj));
}

/* reversed_len / listreviter_len: the next index + 1, or 0 once exhausted or when the sequence shrank
 * below it */
static int64_t rev_length_hint(rh_runtime *rt, rh_object *o) {
    rh_revobj *ro = (rh_revobj *)(void *)o;
    if (!ro->seq) return 0;
    intptr_t n = ro->seq->type->as_sequence.sq_length ? ro->seq->type->as_sequence.sq_length(rt, ro->seq) : 0;
    if (n < 0) return -1;
    return n < ro->index + 1 ? 0 : ro->index + 1;
}

void rh__type_init_reversed(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "reversed", sizeof(rh_revobj), 0, rev_dealloc, rev_traverse, rev_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = reversed_next;
    t->length_hint = rev_length_hint;
}

void rh__type_init_listreviter(rh_runtime *rt, rh_type *t) {
    /* 2.7 Objects/listobject.c PyListRevIter_Type: "listreverseiterator" */
    set_type(t, rh_runtime_profile(rt)->python2 ? "listreverseiterator" : "list_reverseiterator", sizeof(rh_revobj), 0, rev_dealloc, rev_traverse, rev_clear);
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = listreviter_next;
    t->length_hint = rev_length_hint;
}
