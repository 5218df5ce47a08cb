/* t_rangeiter.c — range_iterator and longrange_iterator (CPython Objects/rangeobject.c: rangeiterobject,
 * longrangeiterobject; made by range_iter and range_reverse in t_range.c).
 *
 * Owns the kinds RH_K_RANGEITER (the values as C int64s) and RH_K_LONGRANGEITER (the values as int objects,
 * for a range whose start, stop, step or length does not fit, or whose reversal would not). Neither is a
 * GC object (PyObject_New). Both keep the next value, the step and the count left (3.12's layout; 3.11 keeps
 * an index beside them and derives the value, which hands out the same ints); profile->range_iter_size bytes
 * are allocated and reported by sys.getsizeof: 48 up to 3.11 (the index word), 40 from 3.12.
 *
 * Invariants: len >= 0 counts the values still to come; at the end the iterator keeps its fields (CPython's
 * do not drop anything either). A longrange_iterator owns its three int objects.
 */
#include "containers.h"
#include "scalars.h"

typedef struct rh_rangeiter {
    rh_object ob;
    int64_t start, step, len;  /* the next value, the step, how many are left */
} rh_rangeiter;                /* 40; profile->range_iter_size allocated */

typedef struct rh_longrangeiter {
    rh_object ob;
    rh_object *start, *step, *len; /* int objects, owned */
} rh_longrangeiter;                /* 40; profile->range_iter_size allocated */

static size_t iter_size(rh_runtime *rt) { return rt->profile->range_iter_size; }

/* fast_range_iter: values start, start+step, ... (len of them; the caller checked that none overflows) */
rh_object *rh__rangeiter_new(rh_runtime *rt, int64_t start, int64_t step, int64_t len) {
    rh_rangeiter *it = (rh_rangeiter *)(void *)rh__object_alloc(rt, rh_builtin_type(rt, RH_K_RANGEITER), iter_size(rt));
    if (!it) return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    return &it->ob;
}

/* range_iter's long_range path: start, step and len borrowed (new references kept) */
rh_object *rh__longrangeiter_new(rh_runtime *rt, rh_object *start, rh_object *step, rh_object *len) {
    rh_longrangeiter *it =
        (rh_longrangeiter *)(void *)rh__object_alloc(rt, rh_builtin_type(rt, RH_K_LONGRANGEITER), iter_size(rt));
    if (!it) return NULL;
    rh_incref(start), it->start = start;
    rh_incref(step), it->step = step;
    rh_incref(len), it->len = len;
    return &it->ob;
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* rangeiter_next */
static rh_object *rangeiter_next(rh_runtime *rt, rh_object *o) {
    rh_rangeiter *it = (rh_rangeiter *)(void *)o;
    if (it->len <= 0) return NULL;
    int64_t v = it->start;
    it->start = (int64_t)((uint64_t)v + (uint64_t)it->step);
    it->len--;
    return rh_int_from_i64(rt, v);
}

static void rangeiter_dealloc(rh_runtime *rt, rh_object *o) { rh__object_free(rt, o, iter_size(rt)); }

/* longrangeiter_next: the value, then start += step and len -= 1 (new objects replace the old) */
static rh_object *longrangeiter_next(rh_runtime *rt, rh_object *o) {
    rh_longrangeiter *it = (rh_longrangeiter *)(void *)o;
    if (rh__int_sign(it->len) <= 0) return NULL;
    rh_object *one = rh_int_from_i64(rt, 1);
    rh_object *left = one ? rh_binop(rt, RH_BINOP_SUB, it->len, one) : NULL;
    rh_xdecref(rt, one);
    rh_object *next = left ? rh_binop(rt, RH_BINOP_ADD, it->start, it->step) : NULL;
    if (!next) {
        rh_xdecref(rt, left);
        return NULL;
    }
    rh_object *v = it->start;
    it->start = next;
    rh_decref(rt, it->len);
    it->len = left;
    return v;
}

static void longrangeiter_dealloc(rh_runtime *rt, rh_object *o) {
    rh_longrangeiter *it = (rh_longrangeiter *)(void *)o;
    rh_decref(rt, it->start);
    rh_decref(rt, it->step);
    rh_decref(rt, it->len);
    rh__object_free(rt, o, iter_size(rt));
}

/* rangeiter_len: how many values are left (a longrange_iterator's fits no int64: no hint here) */
static int64_t rangeiter_length_hint(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return o->type->kind == RH_K_RANGEITER ? ((rh_rangeiter *)(void *)o)->len : -2;
}

static void init_iter(rh_runtime *rt, rh_type *t, const char *name, void (*dealloc)(rh_runtime *, rh_object *),
                      rh_object *(*next)(rh_runtime *, rh_object *)) {
    t->name = name;
    t->flags = 0;
    t->basicsize = iter_size(rt);
    t->dealloc = dealloc;
    t->tp_iter = iter_self;
    t->tp_iternext = next;
    t->length_hint = rangeiter_length_hint;
}

void rh__type_init_rangeiter(rh_runtime *rt, rh_type *t) {
    init_iter(rt, t, rt->profile->python2 ? "rangeiterator" : "range_iterator", rangeiter_dealloc, rangeiter_next);
}

void rh__type_init_longrangeiter(rh_runtime *rt, rh_type *t) {
    init_iter(rt, t, "longrange_iterator", longrangeiter_dealloc, longrangeiter_next);
}
