/* t_dictview.c — dict views and dict iterators (CPython 3.11 Objects/dictobject.c: _PyDictViewObject,
 * _PyDictView_New, dictview_dealloc, dictview_traverse, dictview_len, dictview_repr, dictkeys_contains,
 * dictitems_contains, dictview_richcompare, all_contained_in, dictviews_to_set, dictviews_sub,
 * _PyDictView_Intersect, dictviews_or, dictviews_xor, dictitems_xor, dictviews_isdisjoint; dictiterobject,
 * dictiter_new, dictiter_dealloc, dictiter_traverse, dictiter_len, dictiter_iternextkey / value / item,
 * dictreviter_iternext; Python 2.7's dictview objects (viewkeys ...) and dictionary-keyiterator & co.).
 *
 * Owns the types RH_K_DICTKEYS, RH_K_DICTVALUES, RH_K_DICTITEMS (dict_keys / dict_values / dict_items)
 * and the six iterator types RH_K_DICTITER_KEY .. RH_K_DICTREVITER_ITEM (dict_keyiterator ...,
 * dict_reversekeyiterator ...; 2.7: dictionary-keyiterator ...): layout, allocation, dealloc, traversal
 * and the slots (len, in, iter, next, ==/</<=..., & | - ^, repr, hash). The methods isdisjoint and
 * __reversed__ and the attribute `mapping` are the embedder's (harness/src/builtins_dictview.c), on
 * top of rh_dictview_isdisjoint / rh_dictview_reversed here.
 *
 * Invariants: a view is 24 bytes (header and one counted reference to its dict) with the GC head in
 * front, so sys.getsizeof is 40 (56 in 2.7); it is tracked from creation to its dealloc, visits its
 * dict, has no tp_clear, and never changes the dict. An iterator is 56 bytes (getsizeof 72; 2.7: 88):
 * its dict (dropped at the end, as CPython), the dict's size when it started (a change of size is
 * RuntimeError "dictionary changed size during iteration", and the iterator stays failed), its
 * position, the remaining length, and for items iterators a 2-tuple made at creation and reused while
 * nobody else holds it (re-tracked when the collector had untracked it). Keys and items views are
 * unhashable and compare as sets; values views neither (identity).
 */
#include <stddef.h>

#include "callables.h"
#include "containers.h"
#include "refheap/abstract.h"
#include "refheap/profile.h"

typedef struct rh_dictview {
    rh_object ob;
    rh_object *dict; /* counted */
} rh_dictview;

typedef struct rh_dictiter {
    rh_object ob;
    rh_object *dict;   /* counted; NULL once exhausted */
    intptr_t used;     /* the dict's size at creation; -1 after a "changed size" error */
    intptr_t pos;
    rh_object *result; /* items iterators: the reusable (key, value) tuple */
    intptr_t len;
} rh_dictiter;

_Static_assert(sizeof(rh_dictview) == 24, "_PyDictViewObject is 24 bytes");
_Static_assert(sizeof(rh_dictiter) == 56, "dictiterobject is 56 bytes");

static rh_dictview *DV(rh_object *o) { return (rh_dictview *)(void *)o; }
static rh_dictiter *DI(rh_object *o) { return (rh_dictiter *)(void *)o; }

static int is_kind(rh_runtime *rt, rh_object *o, rh_kind k) {
    return rh_kind_of(o) == k || rh__type_is_subtype(o->type, rh_builtin_type(rt, k));
}

/* an OrderedDict's view (odict_keys, odict_values, odict_items: subtypes of the dict views) */
static int is_odict_view(rh_kind k) { return k == RH_K_ODICTKEYS || k == RH_K_ODICTVALUES || k == RH_K_ODICTITEMS; }

int rh_dictview_is_view(rh_object *o) {
    rh_kind k = rh_kind_of(o);
    return k == RH_K_DICTKEYS || k == RH_K_DICTVALUES || k == RH_K_DICTITEMS || is_odict_view(k);
}

/* PyDictViewSet_Check: a keys or items view */
static int is_setlike_view(rh_object *o) {
    rh_kind k = rh_kind_of(o);
    return k == RH_K_DICTKEYS || k == RH_K_DICTITEMS || k == RH_K_ODICTKEYS || k == RH_K_ODICTITEMS;
}

/* ---------------------------------------------------------------- iterators */

static int iter_is_items(rh_kind k) { return k == RH_K_DICTITER_ITEM || k == RH_K_DICTREVITER_ITEM; }
static int iter_is_reverse(rh_kind k) { return k >= RH_K_DICTREVITER_KEY && k <= RH_K_DICTREVITER_ITEM; }

/* dictiter_new: new reference; dict borrowed (a dict or a dict subclass's instance) */
rh_object *rh_dictiter_new(rh_runtime *rt, rh_object *dict, rh_kind kind) {
    rh_object *o = new_gc(rt, kind, sizeof(rh_dictiter));
    if (!o) return NULL;
    rh_incref(dict);
    DI(o)->dict = dict;
    DI(o)->used = DI(o)->len = (intptr_t)rh_dict_len(dict);
    DI(o)->pos = iter_is_reverse(kind) ? rh__dict_last_pos(dict) : 0;
    if (iter_is_items(kind) && !(DI(o)->result = rh_tuple_pack(rt, 2, rh_none(rt), rh_none(rt)))) {
        rh_decref(rt, o); /* dealloc of an untracked object: untrack is a no-op */
        return NULL;
    }
    rh__gc_track(rt, o);
    return o;
}

static void iter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, DI(o)->dict);
    rh_xdecref(rt, DI(o)->result);
    rh__object_free(rt, o, sizeof(rh_dictiter));
}

static int iter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(DI(o)->dict);
    VISIT(DI(o)->result);
    return 0;
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* dictiter_len (__length_hint__): what is left while the dict kept its size, else 0 */
int64_t rh_dictiter_len(rh_object *it) {
    rh_dictiter *di = DI(it);
    return di->dict && di->used == (intptr_t)rh_dict_len(di->dict) ? (int64_t)di->len : 0;
}

/* The item the iterator hands out for a key/value pair: the key, the value, or the (key, value) tuple —
 * the iterator's own when it holds the only reference (refilled in place), else a new one. */
static rh_object *iter_result(rh_runtime *rt, rh_dictiter *di, rh_kind kind, rh_object *k, rh_object *v) {
    if (kind == RH_K_DICTITER_KEY || kind == RH_K_DICTREVITER_KEY) return (rh_incref(k), k);
    if (kind == RH_K_DICTITER_VALUE || kind == RH_K_DICTREVITER_VALUE) return (rh_incref(v), v);
    rh_object *r = di->result;
    rh_incref(k);
    rh_incref(v);
    if (r->refcnt == 1) {
        rh_object *ok = rh_tuple_get(r, 0), *ov = rh_tuple_get(r, 1);
        rh_tuple_set(r, 0, k);
        rh_tuple_set(r, 1, v);
        rh_incref(r);
        rh_decref(rt, ok);
        rh_decref(rt, ov);
        if (!rh__gc_is_tracked(r)) rh__gc_track(rt, r); /* the collector may have untracked it */
        return r;
    }
    if (!(r = rh_tuple_new(rt, 2))) {
        rh_decref(rt, k);
        rh_decref(rt, v);
        return NULL;
    }
    rh_tuple_set(r, 0, k);
    rh_tuple_set(r, 1, v);
    return r;
}

/* dictiter_iternext* / dictreviter_iternext: the next item, or NULL (an error set, or the end, where the
 * dict is dropped) */
static rh_object *iter_next(rh_runtime *rt, rh_object *o) {
    rh_dictiter *di = DI(o);
    rh_object *d = di->dict, *k, *v;
    if (!d) return NULL;
    if (di->used != (intptr_t)rh_dict_len(d)) {
        rh_err_set(rt, RH_EXC_RUNTIME, "dictionary changed size during iteration");
        di->used = -1; /* sticky */
        return NULL;
    }
    rh_kind kind = rh_kind_of(o);
    int found;
    if (iter_is_reverse(kind)) {
        found = rh__dict_prev(d, &di->pos, &k, &v);
    } else {
        size_t pos = (size_t)di->pos;
        found = rh_dict_next(d, &pos, &k, &v);
        if (found) di->pos = (intptr_t)pos;
    }
    if (found && di->len == 0) { /* as many entries as at the start, but others */
        rh_err_set(rt, RH_EXC_RUNTIME, "dictionary keys changed during iteration");
        found = 0;
    }
    if (!found) {
        di->dict = NULL;
        rh_decref(rt, d);
        return NULL;
    }
    di->len--;
    return iter_result(rt, di, kind, k, v);
}

/* ---------------------------------------------------------------- views */

/* _PyDictView_New: new reference; dict borrowed */
rh_object *rh_dictview_new(rh_runtime *rt, rh_object *dict, rh_kind kind) {
    rh_object *o = new_gc(rt, kind, sizeof(rh_dictview));
    if (!o) return NULL;
    rh_incref(dict);
    DV(o)->dict = dict;
    rh__gc_track(rt, o);
    return o;
}

rh_object *rh_dictview_dict(rh_object *view) { return DV(view)->dict; }

static void view_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    rh_xdecref(rt, DV(o)->dict);
    rh__object_free(rt, o, sizeof(rh_dictview));
}

static int view_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(DV(o)->dict);
    return 0;
}

static intptr_t view_len(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return DV(o)->dict ? (intptr_t)rh_dict_len(DV(o)->dict) : 0;
}

static rh_kind iter_kind_of(rh_kind view, int reverse) {
    rh_kind k = view == RH_K_DICTKEYS ? RH_K_DICTITER_KEY : view == RH_K_DICTVALUES ? RH_K_DICTITER_VALUE : RH_K_DICTITER_ITEM;
    return reverse ? (rh_kind)(k + (RH_K_DICTREVITER_KEY - RH_K_DICTITER_KEY)) : k;
}

/* odictkeys_iter / odictvalues_iter / odictitems_iter (and their __reversed__): an odict_iterator */
static rh_object *odict_view_iter(rh_runtime *rt, rh_object *o, int reverse) {
    rh_kind k = rh_kind_of(o);
    int kind = k == RH_K_ODICTKEYS ? RH_ODICT_ITER_KEYS
             : k == RH_K_ODICTVALUES ? RH_ODICT_ITER_VALUES : RH_ODICT_ITER_KEYS | RH_ODICT_ITER_VALUES;
    if (!DV(o)->dict) rh_err_set(rt, RH_EXC_SYSTEM, "bad internal call");
    return DV(o)->dict ? rh_odictiter_new(rt, DV(o)->dict, kind | (reverse ? RH_ODICT_ITER_REVERSED : 0)) : NULL;
}

/* dictkeys_iter / dictvalues_iter / dictitems_iter */
static rh_object *view_iter(rh_runtime *rt, rh_object *o) {
    if (is_odict_view(rh_kind_of(o))) return odict_view_iter(rt, o, 0);
    return rh_dictiter_new(rt, DV(o)->dict, iter_kind_of(rh_kind_of(o), 0));
}

/* dictkeys_reversed / dictvalues_reversed / dictitems_reversed (3.8+) */
rh_object *rh_dictview_reversed(rh_runtime *rt, rh_object *view) {
    if (is_odict_view(rh_kind_of(view))) return odict_view_iter(rt, view, 1);
    return rh_dictiter_new(rt, DV(view)->dict, iter_kind_of(rh_kind_of(view), 1));
}

/* dictkeys_contains: key in dict */
static int keys_contains(rh_runtime *rt, rh_object *o, rh_object *key) { return rh_contains(rt, DV(o)->dict, key); }

/* dictitems_contains: a 2-tuple whose key is in the dict with an equal value */
static int items_contains(rh_runtime *rt, rh_object *o, rh_object *item) {
    if (rh_kind_of(item) != RH_K_TUPLE && !is_kind(rt, item, RH_K_TUPLE)) return 0;
    if (rh_tuple_len(item) != 2) return 0;
    rh_object *found = rh_dict_get(rt, DV(o)->dict, rh_tuple_get(item, 0));
    if (!found) return rh_err_occurred(rt) ? -1 : 0;
    rh_incref(found);
    int r = rh__richcompare_bool(rt, found, rh_tuple_get(item, 1), RH_CMP_EQ);
    rh_decref(rt, found);
    return r;
}

/* dictview_repr: dict_keys([...]); a view already being repr'd is "..." */
static int view_items_repr(rh__sb *b, rh_object *o) {
    if (rh__sb_puts(b, o->type->name) || rh__sb_puts(b, "([")) return -1;
    rh_object *it = view_iter(b->rt, o), *x;
    if (!it) return -1;
    int rc = 0, first = 1;
    while (!rc && (x = rh_iternext(b->rt, it))) {
        rc = (!first && rh__sb_puts(b, ", ")) || rh__repr_into(b, x);
        first = 0;
        rh_decref(b->rt, x);
    }
    rh_decref(b->rt, it);
    if (rc || rh_err_occurred(b->rt)) return -1;
    return rh__sb_puts(b, "])");
}

static int view_repr_into(rh__sb *b, rh_object *o) { return rh__repr_guarded(b, o, "...", view_items_repr); }

/* all_contained_in: every item of self is in other. 1, 0, -1. */
static int all_contained_in(rh_runtime *rt, rh_object *self, rh_object *other) {
    rh_object *it = rh_getiter(rt, self), *x;
    if (!it) return -1;
    int ok = 1;
    while (ok == 1 && (x = rh_iternext(rt, it))) {
        ok = rh_contains(rt, other, x);
        rh_decref(rt, x);
    }
    rh_decref(rt, it);
    return ok == 1 && rh_err_occurred(rt) ? -1 : ok;
}

/* dictview_richcompare: against a set, frozenset or keys/items view, as sets (by size, then containment) */
static rh_object *view_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (!rh_set_is_anyset(b) && !is_setlike_view(b)) return rh__notimpl(rt);
    int64_t la = rh_len(rt, a), lb = la < 0 ? -1 : rh_len(rt, b);
    if (la < 0 || lb < 0) return NULL;
    int ok = 0;
    switch (op) {
    case RH_CMP_EQ: case RH_CMP_NE:
        if (la == lb) ok = all_contained_in(rt, a, b);
        if (op == RH_CMP_NE && ok >= 0) ok = !ok;
        break;
    case RH_CMP_LT: if (la < lb) ok = all_contained_in(rt, a, b); break;
    case RH_CMP_LE: if (la <= lb) ok = all_contained_in(rt, a, b); break;
    case RH_CMP_GT: if (la > lb) ok = all_contained_in(rt, b, a); break;
    case RH_CMP_GE: if (la >= lb) ok = all_contained_in(rt, b, a); break;
    default: break;
    }
    return ok < 0 ? NULL : rh_bool(rt, ok);
}

/* dictviews_to_set: set(dict) for a keys view (iterating the dict itself), else set(o) */
static rh_object *to_set(rh_runtime *rt, rh_object *o) {
    return rh_set_new(rt, rh_kind_of(o) == RH_K_DICTKEYS ? DV(o)->dict : o);
}

/* dictviews_or / dictviews_sub / the generic dictviews_xor: set(self), then updated in place with other */
static rh_object *set_then(rh_runtime *rt, rh_object *a, rh_object *b, rh_set_op op) {
    rh_object *r = to_set(rt, a);
    if (r && rh_set_update_op(rt, op, r, b)) rh_setref(rt, &r, NULL);
    return r;
}

static rh_object *views_or(rh_runtime *rt, rh_object *a, rh_object *b) { return set_then(rt, a, b, RH_SETOP_UNION); }
static rh_object *views_sub(rh_runtime *rt, rh_object *a, rh_object *b) { return set_then(rt, a, b, RH_SETOP_DIFFERENCE); }

/* dictitems_xor (3.10.?+/3.11): both items views: pairs of other not equal in a copy of self's dict,
 * then what is left of that copy */
static rh_object *items_xor(rh_runtime *rt, rh_object *a, rh_object *b) {
    rh_object *tmp = rh_dict_copy(rt, DV(a)->dict), *r = tmp ? rh_set_new(rt, NULL) : NULL;
    rh_object *it = r ? rh_getiter(rt, b) : NULL, *item, *rest = NULL;
    int rc = it ? 0 : -1;
    while (!rc && (item = rh_iternext(rt, it))) {
        rh_object *k = rh_tuple_get(item, 0), *v2 = rh_tuple_get(item, 1);
        rh_incref(k);
        rh_incref(v2);
        rh_object *v1 = rh_dict_get(rt, tmp, k);
        int del = 0;
        if (v1) {
            rh_incref(v1);
            del = rh__richcompare_bool(rt, v1, v2, RH_CMP_EQ);
            rh_decref(rt, v1);
        } else if (rh_err_occurred(rt)) {
            del = -1;
        }
        rc = del < 0 ? -1 : del ? rh_dict_del(rt, tmp, k) : rh_set_add(rt, r, item);
        rh_decref(rt, k);
        rh_decref(rt, v2);
        rh_decref(rt, item);
    }
    if (!rc && rh_err_occurred(rt)) rc = -1;
    if (!rc) rc = !(rest = rh_dictview_new(rt, tmp, RH_K_DICTITEMS)) || rh_set_update(rt, r, rest);
    rh_xdecref(rt, rest);
    rh_xdecref(rt, it);
    rh_xdecref(rt, tmp);
    if (rc && r) rh_setref(rt, &r, NULL);
    return r;
}

static rh_object *views_xor(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (rh_kind_of(a) == RH_K_DICTITEMS && rh_kind_of(b) == RH_K_DICTITEMS &&
        rh_runtime_profile(rt)->version_hex >= 0x030B)
        return items_xor(rt, a, b);
    return set_then(rt, a, b, RH_SETOP_SYMMETRIC_DIFFERENCE);
}

/* _PyDictView_Intersect: the view on the left (& is symmetric); a larger set answers through its own
 * intersection; else the items of other (or of the smaller view) that the view contains */
static rh_object *views_and(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_setlike_view(a)) {
        rh_object *t = a;
        a = b, b = t;
    }
    int64_t la = view_len(rt, a);
    if (rh_kind_of(b) == RH_K_SET) {
        int64_t lb = rh_len(rt, b);
        if (la <= lb) return rh_set_operation(rt, RH_SETOP_INTERSECTION, b, a);
    }
    if (is_setlike_view(b) && view_len(rt, b) > la) {
        rh_object *t = a;
        a = b, b = t;
    }
    rh_object *r = rh_set_new(rt, NULL), *it = r ? rh_getiter(rt, b) : NULL, *x;
    int rc = it ? 0 : -1;
    int (*contains)(rh_runtime *, rh_object *, rh_object *) = rh_kind_of(a) == RH_K_DICTKEYS ? keys_contains : items_contains;
    while (!rc && (x = rh_iternext(rt, it))) {
        int c = contains(rt, a, x);
        rc = c < 0 ? -1 : c ? rh_set_add(rt, r, x) : 0;
        rh_decref(rt, x);
    }
    if (!rc && rh_err_occurred(rt)) rc = -1;
    rh_xdecref(rt, it);
    if (rc && r) rh_setref(rt, &r, NULL);
    return r;
}

/* dictviews_isdisjoint: 1, 0, -1 */
int rh_dictview_isdisjoint(rh_runtime *rt, rh_object *self, rh_object *other) {
    if (self == other) return view_len(rt, self) == 0;
    if (rh_set_is_anyset(other) || is_setlike_view(other)) { /* iterate over the shorter one */
        int64_t lo = rh_len(rt, other);
        if (lo < 0) return -1;
        if (lo > view_len(rt, self)) {
            rh_object *t = self;
            self = other, other = t;
        }
    }
    rh_object *it = rh_getiter(rt, other), *x;
    if (!it) return -1;
    int c = 0;
    while (c == 0 && (x = rh_iternext(rt, it))) {
        c = rh_contains(rt, self, x);
        rh_decref(rt, x);
    }
    rh_decref(rt, it);
    if (c == 0 && rh_err_occurred(rt)) return -1;
    return c < 0 ? -1 : !c;
}

/* ---------------------------------------------------------------- types */

static void view_type(rh_runtime *rt, rh_type *t, const char *name) {
    set_type(t, name, sizeof(rh_dictview), 0, view_dealloc, view_traverse, NULL);
    t->repr_into = view_repr_into;
    t->tp_iter = view_iter;
    t->as_sequence.sq_length = view_len;
    (void)rt;
}

/* keys and items: set-like (dictviews_as_number, dictview_richcompare, unhashable) */
static void setlike_slots(rh_runtime *rt, rh_type *t) {
    t->tp_richcompare = view_richcompare;
    t->tp_hash = rh__hash_not_implemented;
    t->as_number.nb_and = views_and;
    t->as_number.nb_or = views_or;
    t->as_number.nb_xor = views_xor;
    t->as_number.nb_subtract = views_sub;
    (void)rt;
}

void rh__type_init_dictkeys(rh_runtime *rt, rh_type *t) {
    view_type(rt, t, "dict_keys");
    setlike_slots(rt, t);
    t->as_sequence.sq_contains = keys_contains;
}

void rh__type_init_dictitems(rh_runtime *rt, rh_type *t) {
    view_type(rt, t, "dict_items");
    setlike_slots(rt, t);
    t->as_sequence.sq_contains = items_contains;
}

/* dict_values: no sq_contains (in iterates), no richcompare, object's hash */
void rh__type_init_dictvalues(rh_runtime *rt, rh_type *t) { view_type(rt, t, "dict_values"); }

/* PyODictKeys_Type / PyODictValues_Type / PyODictItems_Type: subtypes of the dict views whose iterators
 * follow the OrderedDict's order (odictkeys_iter ...) */
void rh__type_init_odictkeys(rh_runtime *rt, rh_type *t) {
    rh__type_init_dictkeys(rt, t);
    t->name = "odict_keys";
    t->base = rh_builtin_type(rt, RH_K_DICTKEYS);
}
void rh__type_init_odictvalues(rh_runtime *rt, rh_type *t) {
    rh__type_init_dictvalues(rt, t);
    t->name = "odict_values";
    t->base = rh_builtin_type(rt, RH_K_DICTVALUES);
}
void rh__type_init_odictitems(rh_runtime *rt, rh_type *t) {
    rh__type_init_dictitems(rt, t);
    t->name = "odict_items";
    t->base = rh_builtin_type(rt, RH_K_DICTITEMS);
}

static int64_t iter_length_hint(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return rh_dictiter_len(o);
}

static void iter_type(rh_runtime *rt, rh_type *t, const char *name3, const char *name2) {
    set_type(t, rh_runtime_profile(rt)->python2 ? name2 : name3, sizeof(rh_dictiter), 0, iter_dealloc,
             iter_traverse, NULL);
    t->tp_iter = iter_self;
    t->tp_iternext = iter_next;
    t->length_hint = iter_length_hint;
}

void rh__type_init_dictiter_key(rh_runtime *rt, rh_type *t) { iter_type(rt, t, "dict_keyiterator", "dictionary-keyiterator"); }
void rh__type_init_dictiter_value(rh_runtime *rt, rh_type *t) { iter_type(rt, t, "dict_valueiterator", "dictionary-valueiterator"); }
void rh__type_init_dictiter_item(rh_runtime *rt, rh_type *t) { iter_type(rt, t, "dict_itemiterator", "dictionary-itemiterator"); }
void rh__type_init_dictreviter_key(rh_runtime *rt, rh_type *t) { iter_type(rt, t, "dict_reversekeyiterator", "dict_reversekeyiterator"); }
void rh__type_init_dictreviter_value(rh_runtime *rt, rh_type *t) { iter_type(rt, t, "dict_reversevalueiterator", "dict_reversevalueiterator"); }
void rh__type_init_dictreviter_item(rh_runtime *rt, rh_type *t) { iter_type(rt, t, "dict_reverseitemiterator", "dict_reverseitemiterator"); }
