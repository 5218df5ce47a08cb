/* t_range.c — the range type: rangeobject of CPython 3.11 (Objects/rangeobject.c).
 *
 * Owns: the range type object and range construction.
 *
 * Invariants: a range is a 48-byte non-GC object holding four int objects (start, stop, step, length;
 * step != 0; length = max(0, ceil((stop - start) / step)) as compute_range_length), all owned references,
 * released in that order by the dealloc (range_dealloc). A range is "long" when one of the four does not
 * fit an int64 (rh_range_is_long): its slots then compute on the int objects, as CPython does for every
 * range; the others (the fast path) on int64s. len() of a range whose length does not fit is an
 * OverflowError (PyLong_AsSsize_t); iterating one makes a longrange_iterator (t_rangeiter.c).
 */
#include <stdio.h>

#include "containers.h"
#include "scalars.h"

static inline rh_range *as_range(rh_object *o) { return (rh_range *)(void *)o; }

/* The value of an int object of at most 64 magnitude bits, as two's complement (its digits, 30 bits each). */
static uint64_t int_bits(rh_object *o) {
    const rh_long *x = (const rh_long *)(const void *)o;
    if (o->type->flags & RH_TPFLAG_INT_WORD) return (uint64_t)x->ob.size; /* py27 PyIntObject */
    intptr_t n = x->ob.size < 0 ? -x->ob.size : x->ob.size;
    uint64_t v = 0;
    for (intptr_t i = n; i-- > 0;) v = (v << RH_DIGIT_BITS) | x->digit[i];
    return x->ob.size < 0 ? (uint64_t)0 - v : v;
}

static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
    __int128 lo = start, hi = stop, st = step;
    if (st < 0) {
        lo = stop;
        hi = start;
        st = -st;
    }
    return lo < hi ? (uint64_t)((hi - lo - 1) / st + 1) : 0;
}

static rh_object *int_from_u64(rh_runtime *rt, uint64_t v) {
    if (v <= (uint64_t)INT64_MAX) return rh_int_from_i64(rt, (int64_t)v);
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
    return rh_int_from_text(rt, buf, (size_t)n);
}

rh_object *rh_range_new(rh_runtime *rt, int64_t start, int64_t stop, int64_t step) {
    if (step == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "range() arg 3 must not be zero");
        return NULL;
    }
    rh_object *f[4] = {rh_int_from_i64(rt, start), NULL, NULL, NULL};
    if (f[0]) f[1] = rh_int_from_i64(rt, stop);
    if (f[1]) f[2] = rh_int_from_i64(rt, step);
    if (f[2]) f[3] = int_from_u64(rt, range_length(start, stop, step));
    rh_object *r = f[3] ? rh__object_alloc(rt, rh_builtin_type(rt, RH_K_RANGE), sizeof(rh_range)) : NULL;
    if (!r) {
        for (int i = 0; i < 4; i++) rh_xdecref(rt, f[i]);
        return NULL;
    }
    as_range(r)->start = f[0];
    as_range(r)->stop = f[1];
    as_range(r)->step = f[2];
    as_range(r)->length = f[3];
    return r;
}

static int fits(rh_object *o) {
    int64_t v;
    return rh__int_i64(o, &v);
}

int rh_range_is_long(rh_object *r) {
    rh_range *g = as_range(r);
    return !fits(g->start) || !fits(g->stop) || !fits(g->step) || !fits(g->length);
}

static rh_object *int_op(rh_runtime *rt, rh_binop_kind op, rh_object *a, rh_object *b) { return rh_binop(rt, op, a, b); }

/* compute_range_length on int objects: lo, hi, step as the sign of step orders them; (hi - lo - 1) // step + 1
 * when lo < hi, else 0. New reference or NULL. */
static rh_object *long_length(rh_runtime *rt, rh_object *start, rh_object *stop, rh_object *step) {
    int neg = rh__int_sign(step) < 0;
    rh_object *lo = neg ? stop : start, *hi = neg ? start : stop;
    int ge = rh__richcompare_bool(rt, lo, hi, RH_CMP_GE);
    if (ge < 0) return NULL;
    if (ge) return rh_int_from_i64(rt, 0);
    rh_object *one = rh_int_from_i64(rt, 1), *st = NULL, *diff = NULL, *d1 = NULL, *q = NULL, *r = NULL;
    if (one) st = neg ? rh_unop(rt, RH_UNOP_NEG, step) : (rh_incref(step), step);
    if (st) diff = int_op(rt, RH_BINOP_SUB, hi, lo);
    if (diff) d1 = int_op(rt, RH_BINOP_SUB, diff, one);
    if (d1) q = int_op(rt, RH_BINOP_FLOORDIV, d1, st);
    if (q) r = int_op(rt, RH_BINOP_ADD, q, one);
    rh_object *tmp[] = {one, st, diff, d1, q};
    for (size_t i = 0; i < sizeof tmp / sizeof *tmp; i++) rh_xdecref(rt, tmp[i]);
    return r;
}

rh_object *rh_range_from_ints(rh_runtime *rt, rh_object *start, rh_object *stop, rh_object *step) {
    int64_t a, b, c;
    if (rh__int_i64(start, &a) && rh__int_i64(stop, &b) && rh__int_i64(step, &c)) {
        uint64_t n = range_length(a, b, c);
        if (n <= (uint64_t)INT64_MAX) return rh_range_new(rt, a, b, c);
    }
    if (rh__int_sign(step) == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "range() arg 3 must not be zero");
        return NULL;
    }
    rh_object *len = long_length(rt, start, stop, step);
    rh_object *r = len ? rh__object_alloc(rt, rh_builtin_type(rt, RH_K_RANGE), sizeof(rh_range)) : NULL;
    if (!r) {
        rh_xdecref(rt, len);
        return NULL;
    }
    rh_incref(start), as_range(r)->start = start;
    rh_incref(stop), as_range(r)->stop = stop;
    rh_incref(step), as_range(r)->step = step;
    as_range(r)->length = len;
    return r;
}

rh_object *rh_range_field(rh_object *r, int i) {
    rh_range *g = as_range(r);
    return i == 0 ? g->start : i == 1 ? g->stop : g->step;
}

int64_t rh_range_len(rh_object *r) {
    uint64_t n = int_bits(as_range(r)->length);
    return n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n;
}

int64_t rh_range_item(rh_object *r, int64_t i) {
    uint64_t start = int_bits(as_range(r)->start), step = int_bits(as_range(r)->step);
    return (int64_t)(start + (uint64_t)i * step);
}

int64_t rh_range_step(rh_object *r) { return (int64_t)int_bits(as_range(r)->step); }

static void range_dealloc(rh_runtime *rt, rh_object *o) {
    rh_decref(rt, as_range(o)->start);
    rh_decref(rt, as_range(o)->stop);
    rh_decref(rt, as_range(o)->step);
    rh_decref(rt, as_range(o)->length);
    rh__object_free(rt, o, sizeof(rh_range));
}

/* ---------------------------------------------------------------- slots (Objects/rangeobject.c) */

/* a field of a range that is not long (rh_range_is_long) */
static int64_t field(rh_object *f) {
    int64_t v = 0;
    (void)rh__int_i64(f, &v);
    return v;
}

static int put_int(rh__sb *b, rh_object *o) { return rh__int_repr_into(b, o); }

static int is_one(rh_object *o) {
    int64_t v;
    return rh__int_i64(o, &v) && v == 1;
}

/* range_repr: range(start, stop) or range(start, stop, step) */
static int range_repr_into(rh__sb *b, rh_object *r) {
    rh_range *g = as_range(r);
    int rc = rh__sb_puts(b, "range(");
    if (rc == 0) rc = put_int(b, g->start);
    if (rc == 0) rc = rh__sb_puts(b, ", ");
    if (rc == 0) rc = put_int(b, g->stop);
    if (rc == 0 && !is_one(g->step)) {
        rc = rh__sb_puts(b, ", ");
        if (rc == 0) rc = put_int(b, g->step);
    }
    return rc ? rc : rh__sb_putc(b, ')');
}

/* length 0, 1 or more, whatever its size */
static int len_class(rh_object *length) {
    int64_t v;
    if (!rh__int_i64(length, &v)) return 2;
    return v < 2 ? (int)v : 2;
}

/* range_hash: hash((len, start, step)), with None for the parts that do not matter */
static int64_t range_hash(rh_runtime *rt, rh_object *r) {
    rh_range *g = as_range(r);
    int n = len_class(g->length);
    int64_t none = rh__hash_pointer(rh_none(rt));
    uint64_t acc = rh__xx_round(RH_XXPRIME_5, rh__int_hash_obj(g->length));
    acc = rh__xx_round(acc, n == 0 ? none : rh__int_hash_obj(g->start));
    acc = rh__xx_round(acc, n <= 1 ? none : rh__int_hash_obj(g->step));
    return rh__xx_finish(acc, 3);
}

static int int_eq(rh_runtime *rt, rh_object *a, rh_object *b) { return rh__richcompare_bool(rt, a, b, RH_CMP_EQ); }

/* range_equals: same length, and the same start and step where they matter */
static int range_equals(rh_runtime *rt, rh_object *a, rh_object *b) {
    rh_range *x = as_range(a), *y = as_range(b);
    if (a == b) return 1;
    int c = int_eq(rt, x->length, y->length), n = len_class(x->length);
    if (c <= 0 || n == 0) return c;
    if ((c = int_eq(rt, x->start, y->start)) <= 0 || n == 1) return c;
    return int_eq(rt, x->step, y->step);
}

static rh_object *range_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    if (b->type->kind != RH_K_RANGE || (op != RH_CMP_EQ && op != RH_CMP_NE)) return rh__notimpl(rt);
    int c = range_equals(rt, a, b);
    return c < 0 ? NULL : rh_bool(rt, c == (op == RH_CMP_EQ));
}

static int range_bool(rh_runtime *rt, rh_object *r) { return rh__int_sign(as_range(r)->length) != 0; }

/* range_length: PyLong_AsSsize_t of the length */
static intptr_t range_length_slot(rh_runtime *rt, rh_object *r) {
    int64_t n;
    if (rh__int_i64(as_range(r)->length, &n)) return (intptr_t)n;
    rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C ssize_t");
    return -1;
}

static rh_object *index_error(rh_runtime *rt) {
    rh_err_set(rt, RH_EXC_INDEX, rt->profile->python2 ? "xrange object index out of range" : "range object index out of range");
    return NULL;
}

/* compute_range_item on int objects: i (negative: counted from the end) must lie in [0, length); the value
 * is start + i * step */
static rh_object *long_item(rh_runtime *rt, rh_object *r, rh_object *i) {
    rh_range *g = as_range(r);
    rh_object *k = rh__int_sign(i) < 0 ? int_op(rt, RH_BINOP_ADD, g->length, i) : (rh_incref(i), i);
    if (!k) return NULL;
    int in = rh__int_sign(k) >= 0 ? rh__richcompare_bool(rt, k, g->length, RH_CMP_LT) : 0;
    rh_object *prod = in > 0 ? int_op(rt, RH_BINOP_MUL, k, g->step) : NULL;
    rh_decref(rt, k);
    if (in == 0) return index_error(rt);
    rh_object *v = prod ? int_op(rt, RH_BINOP_ADD, g->start, prod) : NULL;
    rh_xdecref(rt, prod);
    return v;
}

static rh_object *range_item(rh_runtime *rt, rh_object *r, intptr_t i) {
    if (rh_range_is_long(r)) {
        rh_object *k = rh_int_from_i64(rt, i), *v = k ? long_item(rt, r, k) : NULL;
        rh_xdecref(rt, k);
        return v;
    }
    if (i < 0 || i >= rh_range_len(r)) return index_error(rt);
    return rh_int_from_i64(rt, rh_range_item(r, i));
}

/* range_contains_long: start <= v < stop (stop < v <= start for a negative step) and (v - start) % step == 0 */
static int long_contains(rh_runtime *rt, rh_object *r, rh_object *v) {
    rh_range *g = as_range(r);
    int up = rh__int_sign(g->step) > 0;
    int c = up ? rh__richcompare_bool(rt, g->start, v, RH_CMP_LE) : rh__richcompare_bool(rt, v, g->start, RH_CMP_LE);
    if (c > 0) c = up ? rh__richcompare_bool(rt, v, g->stop, RH_CMP_LT) : rh__richcompare_bool(rt, g->stop, v, RH_CMP_LT);
    if (c <= 0) return c;
    rh_object *d = int_op(rt, RH_BINOP_SUB, v, g->start), *m = d ? int_op(rt, RH_BINOP_MOD, d, g->step) : NULL;
    rh_xdecref(rt, d);
    if (!m) return -1;
    c = rh__int_sign(m) == 0;
    rh_decref(rt, m);
    return c;
}

/* range_contains for ints (range_contains_long); other values compare item by item */
static int range_contains(rh_runtime *rt, rh_object *r, rh_object *v) {
    int is_int = v->type->kind == RH_K_INT || v->type->kind == RH_K_BOOL;
    int64_t x;
    if (is_int && (rh_range_is_long(r) || !rh__int_i64(v, &x))) return long_contains(rt, r, v);
    int64_t n = rh_range_len(r), start = field(as_range(r)->start), step = field(as_range(r)->step);
    if (is_int) {
        __int128 off = (__int128)x - start;
        if (n == 0 || off % step != 0) return 0;
        __int128 k = off / step;
        return k >= 0 && k < n;
    }
    for (int64_t i = 0; i < n; i++) {
        rh_object *item = rh_int_from_i64(rt, rh_range_item(r, i));
        if (!item) return -1;
        int c = rh__richcompare_bool(rt, item, v, RH_CMP_EQ);
        rh_decref(rt, item);
        if (c) return c;
    }
    return 0;
}

/* compute_item: start + i * step, for i within the range (no bounds check). New reference or NULL. */
static rh_object *item_at(rh_runtime *rt, rh_object *r, rh_object *i) {
    rh_object *prod = int_op(rt, RH_BINOP_MUL, i, as_range(r)->step);
    rh_object *v = prod ? int_op(rt, RH_BINOP_ADD, as_range(r)->start, prod) : NULL;
    rh_xdecref(rt, prod);
    return v;
}

/* compute_slice: the slice's bounds adjusted to the length on int objects (_PySlice_GetLongIndices), then
 * range(item(start), item(stop), step * r.step) */
static rh_object *slice_of(rh_runtime *rt, rh_object *r, rh_object *slice) {
    rh_object *b[3], *part[3] = {NULL, NULL, NULL}, *res = NULL;
    if (rh_slice_long_indices(rt, slice, as_range(r)->length, b)) return NULL;
    part[2] = int_op(rt, RH_BINOP_MUL, as_range(r)->step, b[2]);
    if (part[2]) part[0] = item_at(rt, r, b[0]);
    if (part[0]) part[1] = item_at(rt, r, b[1]);
    if (part[1]) res = rh_range_from_ints(rt, part[0], part[1], part[2]);
    for (int i = 0; i < 3; i++) rh_decref(rt, b[i]), rh_xdecref(rt, part[i]);
    return res;
}

/* range_subscript: a slice (compute_slice) or an index (PyNumber_Index, then compute_range_item) */
static rh_object *range_subscript(rh_runtime *rt, rh_object *r, rh_object *key) {
    if (key->type->kind == RH_K_SLICE) return slice_of(rt, r, key);
    rh_unaryfunc f = key->type->as_number.nb_index;
    if (!f) {
        rh_err_set(rt, RH_EXC_TYPE, "range indices must be integers or slices, not %s", rh_type_name(key));
        return NULL;
    }
    int is_int = key->type->kind == RH_K_INT || key->type->kind == RH_K_BOOL;
    rh_object *k = is_int ? (rh_incref(key), key) : f(rt, key);
    if (!k) return NULL;
    if (k->type->kind != RH_K_INT && k->type->kind != RH_K_BOOL) {
        rh_err_set(rt, RH_EXC_TYPE, "__index__ returned non-int (type %s)", rh_type_name(k));
        rh_decref(rt, k);
        return NULL;
    }
    int64_t i;
    rh_object *v;
    if (!rh_range_is_long(r) && rh__int_i64(k, &i)) v = range_item(rt, r, i < 0 ? i + rh_range_len(r) : i);
    else v = long_item(rt, r, k);
    rh_decref(rt, k);
    return v;
}

/* item_at for an int64 index. New reference or NULL. */
static rh_object *value_at(rh_runtime *rt, rh_object *r, int64_t i) {
    rh_object *k = rh_int_from_i64(rt, i), *v = k ? item_at(rt, r, k) : NULL;
    rh_xdecref(rt, k);
    return v;
}

static int fits128(__int128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

/* compute_slice for adjusted int64 bounds: on int64s when the new start, stop and step fit, else on ints */
rh_object *rh_range_slice(rh_runtime *rt, rh_object *r, int64_t st, int64_t sp, int64_t step) {
    if (!rh_range_is_long(r)) {
        __int128 start = field(as_range(r)->start), rstep = field(as_range(r)->step);
        __int128 a = start + st * rstep, b = start + sp * rstep, c = step * rstep;
        if (fits128(a) && fits128(b) && fits128(c)) return rh_range_new(rt, (int64_t)a, (int64_t)b, (int64_t)c);
    }
    rh_object *a = value_at(rt, r, st), *b = a ? value_at(rt, r, sp) : NULL, *k = b ? rh_int_from_i64(rt, step) : NULL;
    rh_object *c = k ? int_op(rt, RH_BINOP_MUL, k, as_range(r)->step) : NULL;
    rh_object *res = c ? rh_range_from_ints(rt, a, b, c) : NULL;
    rh_object *tmp[] = {a, b, k, c};
    for (size_t i = 0; i < sizeof tmp / sizeof *tmp; i++) rh_xdecref(rt, tmp[i]);
    return res;
}

/* _PySequence_IterSearch over a range: the items start, start + step, ... compared with v (item == v) in
 * order; the number equal (count) or the position of the first (index, -1 when none). -2 on error. */
static int64_t iter_search(rh_runtime *rt, rh_object *r, rh_object *v, int count) {
    int64_t n, found = count ? 0 : -1, i = 0;
    int bounded = rh__int_i64(as_range(r)->length, &n); /* else more items than a search can visit */
    rh_object *item = as_range(r)->start;
    rh_incref(item);
    for (; !bounded || i < n; i++) {
        int c = rh__richcompare_bool(rt, item, v, RH_CMP_EQ);
        rh_object *next = c >= 0 ? int_op(rt, RH_BINOP_ADD, item, as_range(r)->step) : NULL;
        rh_decref(rt, item);
        if (!next) return -2;
        item = next;
        if (c && !count) {
            found = i;
            break;
        }
        found += c;
    }
    rh_decref(rt, item);
    return found;
}

rh_object *rh_range_count(rh_runtime *rt, rh_object *r, rh_object *v) {
    int64_t n;
    if (v->type->kind == RH_K_INT || v->type->kind == RH_K_BOOL) {
        n = range_contains(rt, r, v);
        if (n < 0) return NULL;
    } else if ((n = iter_search(rt, r, v, 1)) < 0) {
        return NULL;
    }
    return rh_int_from_i64(rt, n);
}

/* range_index's "%R is not in range": the repr of an int or bool */
static void not_in_range(rh_runtime *rt, rh_object *v) {
    if (v->type->kind == RH_K_BOOL) {
        rh_err_set(rt, RH_EXC_VALUE, "%s is not in range", v == rh_true(rt) ? "True" : "False");
        return;
    }
    rh__sb b;
    rh__sb_init(&b, rt);
    if (rh__int_repr_into(&b, v) == 0 && rh__sb_putc(&b, 0) == 0) /* else MemoryError is set */
        rh_err_set(rt, RH_EXC_VALUE, "%s is not in range", b.buf);
    rh__sb_free(&b);
}

rh_object *rh_range_index(rh_runtime *rt, rh_object *r, rh_object *v) {
    if (v->type->kind != RH_K_INT && v->type->kind != RH_K_BOOL) {
        int64_t i = iter_search(rt, r, v, 0);
        if (i == -1) rh_err_set(rt, RH_EXC_VALUE, "sequence.index(x): x not in sequence");
        return i < 0 ? NULL : rh_int_from_i64(rt, i);
    }
    int c = range_contains(rt, r, v);
    if (c <= 0) {
        if (c == 0) not_in_range(rt, v);
        return NULL;
    }
    rh_object *d = int_op(rt, RH_BINOP_SUB, v, as_range(r)->start);
    rh_object *i = d ? int_op(rt, RH_BINOP_FLOORDIV, d, as_range(r)->step) : NULL;
    rh_xdecref(rt, d);
    return i;
}

/* range_iter: a range_iterator when start, stop, step and the length fit and start + len * step cannot
 * overflow; else a longrange_iterator over the int objects */
static rh_object *range_iter(rh_runtime *rt, rh_object *r) {
    rh_range *g = as_range(r);
    if (!rh_range_is_long(r)) {
        int64_t stop = field(g->stop), step = field(g->step), len = field(g->length);
        int ok = len == 0 || (step > 0 ? stop <= INT64_MAX - (step - 1) : stop >= INT64_MIN + (-1 - step));
        if (ok) return rh__rangeiter_new(rt, field(g->start), step, len);
    }
    return rh__longrangeiter_new(rt, g->start, g->step, g->length);
}

/* range_reverse: range(start + (n-1)*step, start - step, -step) as an iterator; the int64 one when start,
 * stop, step, -step, start - step and the length fit */
rh_object *rh_range_reversed(rh_runtime *rt, rh_object *r) {
    rh_range *g = as_range(r);
    if (!rh_range_is_long(r)) {
        int64_t start = field(g->start), step = field(g->step), len = field(g->length);
        int ok = step != INT64_MIN &&
                 (step > 0 ? (uint64_t)start - (uint64_t)INT64_MIN >= (uint64_t)step
                           : (uint64_t)INT64_MAX - (uint64_t)start >= (uint64_t)0 - (uint64_t)step);
        if (ok) {
            uint64_t new_stop = (uint64_t)start - (uint64_t)step;
            return rh__rangeiter_new(rt, (int64_t)(new_stop + (uint64_t)len * (uint64_t)step), -step, len);
        }
    }
    rh_object *one = rh_int_from_i64(rt, 1), *last = one ? int_op(rt, RH_BINOP_SUB, g->length, one) : NULL;
    rh_object *prod = last ? int_op(rt, RH_BINOP_MUL, last, g->step) : NULL;
    rh_object *first = prod ? int_op(rt, RH_BINOP_ADD, g->start, prod) : NULL;
    rh_object *neg = first ? rh_unop(rt, RH_UNOP_NEG, g->step) : NULL;
    rh_object *it = neg ? rh__longrangeiter_new(rt, first, neg, g->length) : NULL;
    rh_object *tmp[] = {one, last, prod, first, neg};
    for (size_t i = 0; i < sizeof tmp / sizeof *tmp; i++) rh_xdecref(rt, tmp[i]);
    return it;
}

/* 2.7's xrange_repr: the stop normalized to start + len * step, the parts that are defaults left out */
static int xrange_repr_into(rh__sb *b, rh_object *r) {
    rh_range *g = as_range(r);
    int64_t start = field(g->start), step = field(g->step), stop = start + field(g->length) * step;
    char buf[96];
    if (start == 0 && step == 1) snprintf(buf, sizeof buf, "xrange(%lld)", (long long)stop);
    else if (step == 1) snprintf(buf, sizeof buf, "xrange(%lld, %lld)", (long long)start, (long long)stop);
    else snprintf(buf, sizeof buf, "xrange(%lld, %lld, %lld)", (long long)start, (long long)stop, (long long)step);
    return rh__sb_puts(b, buf);
}

/* 2.7's xrange (Objects/rangeobject.c of 2.7, PyRange_Type "xrange"): C longs only (bi_range refuses
 * more), no comparison or hash of its own (object's identity), sq_item but no mp_subscript (no slices:
 * "sequence index must be integer"), no members, no sq_contains (`in` iterates: the same answers) */
static void as_xrange(rh_type *t) {
    t->name = "xrange";
    t->repr_into = xrange_repr_into;
    t->tp_hash = NULL;
    t->tp_richcompare = NULL;
    t->as_sequence.sq_contains = NULL;
    t->as_mapping = (rh_mapping_methods){0};
}

void rh__type_init_range(rh_runtime *rt, rh_type *t) {
    t->name = "range";
    t->flags = 0;
    t->basicsize = sizeof(rh_range);
    t->dealloc = range_dealloc;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = range_repr_into;
    t->tp_hash = range_hash;
    t->tp_richcompare = range_richcompare;
    t->tp_iter = range_iter;
    t->as_number.nb_bool = range_bool;
    t->as_sequence = (rh_sequence_methods){.sq_length = range_length_slot, .sq_item = range_item,
                                           .sq_contains = range_contains};
    t->as_mapping = (rh_mapping_methods){.mp_length = range_length_slot, .mp_subscript = range_subscript};
    if (rt->profile->python2) as_xrange(t);
}
