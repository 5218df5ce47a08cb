/* t_iter.c — the sequence iterator (listiterobject & co., Objects/listobject.c, tupleobject.c,
 * unicodeobject.c, dictobject.c's key iterator, rangeobject.c).
 *
 * Owns the types of one GC-tracked iterator object (32 bytes + GC head, as listiterobject) over a list,
 * tuple, str, dict or range, or over any object with sq_item (a class with __getitem__ and no __iter__:
 * CPython's seqiterobject, Objects/iterobject.c), with tp_iter/tp_iternext: list_iterator,
 * tuple_iterator, str_iterator and str_ascii_iterator (the profile's names; iter_kind) for those
 * sequences, RH_K_ITER's "iterator" for the rest; the embedder may drive the index itself
 * (rh_iter_index). At its end it drops the sequence, as CPython's iterators do. Invariants: callables.h.
 */
#include <stddef.h>

#include "callables.h"

typedef struct rh_iterobj {
    rh_object ob;
    int64_t index;
    rh_object *seq;
} rh_iterobj;                    /* 32, as listiterobject */

/* ---------------------------------------------------------------- iterator */

static int iter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_iterobj *)o)->seq);
    return 0;
}

static int iter_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_iterobj *)o)->seq);
    return 0;
}

static void iter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    iter_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_iterobj));
}

/* The type CPython's tp_iter of seq's type gives (list_iter, tuple_iter, unicode_iter; 2.7's str has no
 * tp_iter, so PyObject_GetIter makes a seqiter): one layout, a kind and a name each. */
static rh_kind iter_kind(rh_runtime *rt, const rh_object *seq) {
    const rh_profile *p = rh_runtime_profile(rt);
    switch (seq->type->kind) {
    case RH_K_LIST: return RH_K_LISTITER;
    case RH_K_TUPLE: return RH_K_TUPLEITER;
    case RH_K_STR: {
        if (p->python2) return RH_K_ITER;
        const rh_strobj *s = (const rh_strobj *)(const void *)seq;
        return p->str_ascii_iterator && s->state.ascii && s->state.compact ? RH_K_STRASCIIITER : RH_K_STRITER;
    }
    default: return RH_K_ITER;
    }
}

rh_object *rh_iter_new(rh_runtime *rt, rh_object *seq) {
    rh_iterobj *it = (rh_iterobj *)new_gc(rt, iter_kind(rt, seq), sizeof(rh_iterobj));
    if (!it) return NULL;
    it->seq = seq; rh_incref(seq);
    rh__gc_track(rt, &it->ob);
    return &it->ob;
}
rh_object *rh_iter_seq(rh_object *it) { return ((rh_iterobj *)it)->seq; }
int64_t *rh_iter_index(rh_object *it) { return &((rh_iterobj *)it)->index; }
void rh_iter_exhaust(rh_runtime *rt, rh_object *it) { clear_slot(rt, &((rh_iterobj *)it)->seq); }

/* The iterator's next item: list, tuple and str by index, dict keys by table position (index), range
 * values; NULL without an error at the end, where the sequence is dropped (as CPython's iterators do). */
static rh_object *iter_iternext(rh_runtime *rt, rh_object *o) {
    rh_iterobj *it = (rh_iterobj *)o;
    rh_object *seq = it->seq, *k, *v, *r = NULL;
    if (!seq) return NULL;
    size_t pos = (size_t)it->index;
    switch (seq->type->kind) {
    case RH_K_LIST:
        if (pos < rh_list_len(seq)) r = rh_list_get(seq, pos), rh_incref(r);
        break;
    case RH_K_TUPLE:
        if (pos < rh_tuple_len(seq)) r = rh_tuple_get(seq, pos), rh_incref(r);
        break;
    case RH_K_STR:
        if (pos < rh_str_len(seq) && !(r = rh_str_getitem(rt, seq, (int64_t)pos))) return NULL;
        /* 2.7's str has no tp_iter: this is its seqiter, which ends on string_item's IndexError and tests
         * it with PyErr_ExceptionMatches before clearing it (Objects/iterobject.c iter_iternext) */
        if (!r && rt->profile->python2 && rt->hooks.exc_matches &&
            rt->hooks.exc_matches(rt->hooks.ctx, rt, RH_EXC_INDEX, RH_EXC_INDEX) < 0)
            return NULL;
        break;
    case RH_K_RANGE:
        if ((int64_t)pos < rh_range_len(seq) && !(r = rh_int_from_i64(rt, rh_range_item(seq, (int64_t)pos)))) return NULL;
        break;
    case RH_K_DICT:
        if (rh_dict_next(seq, &pos, &k, &v)) r = k, rh_incref(r);
        it->index = (int64_t)pos - 1;
        break;
    default: /* seqiterobject (Objects/iterobject.c iter_iternext): seq[i] until IndexError/StopIteration */
        if (!seq->type->as_sequence.sq_item) break;
        if (!(r = seq->type->as_sequence.sq_item(rt, seq, (intptr_t)pos))) {
            rh_exc k = rh_err_occurred(rt);
            if (k != RH_EXC_INDEX && k != RH_EXC_STOPITERATION) return NULL;
            /* 2.7's iter_iternext: PyErr_ExceptionMatches(IndexError), then StopIteration (not reached here
             * when the first matched) */
            if (rt->profile->python2 && rt->hooks.exc_matches) {
                rh_err_state st;
                rh_err_save(rt, &st);
                int bad = rt->hooks.exc_matches(rt->hooks.ctx, rt, k, RH_EXC_INDEX) < 0 ||
                          (k != RH_EXC_INDEX && rt->hooks.exc_matches(rt->hooks.ctx, rt, k, RH_EXC_STOPITERATION) < 0);
                if (bad) { rh_xdecref(rt, st.value); rh_xdecref(rt, st.tb); return NULL; }
                rh_err_restore_state(rt, &st);
            }
            rh_err_clear(rt);
        }
        break;
    }
    if (!r) {
        rh_iter_exhaust(rt, o);
        return NULL;
    }
    it->index++;
    return r;
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    rh_incref(o);
    return o;
}

/* listiter_len, tupleiter_len, unicodeiter_len, rangeiter_len: what is left of the sequence (0 once
 * exhausted); a seqiterobject's iter_len: the same when the sequence has a len, else NotImplemented */
static int64_t iter_length_hint(rh_runtime *rt, rh_object *o) {
    rh_iterobj *it = (rh_iterobj *)o;
    rh_object *seq = it->seq;
    if (!seq) return 0;
    int64_t n;
    switch (seq->type->kind) {
    case RH_K_LIST: n = (int64_t)rh_list_len(seq); break;
    case RH_K_TUPLE: n = (int64_t)rh_tuple_len(seq); break;
    case RH_K_STR: n = (int64_t)rh_str_len(seq); break;
    case RH_K_RANGE: n = rh_range_len(seq); break;
    case RH_K_DICT: return -2;
    default:
        if (!seq->type->as_sequence.sq_length) return -2;
        if ((n = seq->type->as_sequence.sq_length(rt, seq)) < 0) return -1;
        break;
    }
    n -= it->index;
    return n < 0 ? 0 : n;
}

static void seqiter_type(rh_type *t, const char *name) {
    set_type(t, name, sizeof(rh_iterobj), 0, iter_dealloc, iter_traverse, iter_clear);
    t->tp_iter = iter_self;
    t->tp_iternext = iter_iternext;
    t->length_hint = iter_length_hint;
}

void rh__type_init_iter(rh_runtime *rt, rh_type *t) { (void)rt; seqiter_type(t, "iterator"); }
void rh__type_init_listiter(rh_runtime *rt, rh_type *t) {
    seqiter_type(t, rh_runtime_profile(rt)->python2 ? "listiterator" : "list_iterator");
}
void rh__type_init_tupleiter(rh_runtime *rt, rh_type *t) {
    seqiter_type(t, rh_runtime_profile(rt)->python2 ? "tupleiterator" : "tuple_iterator");
}
void rh__type_init_striter(rh_runtime *rt, rh_type *t) { (void)rt; seqiter_type(t, "str_iterator"); }
void rh__type_init_strasciiiter(rh_runtime *rt, rh_type *t) { (void)rt; seqiter_type(t, "str_ascii_iterator"); }
