/* mod_bisect.c — _bisect (CPython 3.11 Modules/_bisectmodule.c) and _heapq (Modules/_heapqmodule.c).
 *
 * Owns bisect_left/right and insort_left/right (lo, hi, key as 3.10+) and heappush, heappop, heapify,
 * heapreplace, heappushpop. `bisect` and `heapq` are CPython's Lib/bisect.py and Lib/heapq.py, found on the
 * search path: they bind these C functions by `from _bisect import *` / `from _heapq import *` as in CPython.
 * Invariants: the comparisons are CPython's, in its order (item < a[mid] for right, a[mid] < item for
 * left; siftdown/siftup's newitem < parent and a[child] < a[child+1]), so programs whose __lt__ counts or
 * prints see the same calls; a heap's size change during a comparison raises RuntimeError as CPython's.
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }

/* ---------------------------------------------------------------- bisect */

typedef struct { rh_object *a, *x, *key; int64_t lo, hi; } bisect_args;

/* (a, x, lo=0, hi=None, *, key=None) as the argument clinic parses them */
static int parse_bisect(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, bisect_args *b) {
    static const char *const names[] = {"a", "x", "lo", "hi", "key"};
    rh_object *v[5] = {NULL, NULL, NULL, NULL, NULL};
    if (n > 4) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes at most 4 positional arguments (%d given)", fn, n); return -1; }
    for (int i = 0; i < n; i++) v[i] = a[i];
    for (int q = 0; q < nkw; q++) {
        int j = 0;
        while (j < 5 && strcmp(names[j], kwn[q])) j++;
        if (j == 5) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() got an unexpected keyword argument '%s'", fn, kwn[q]); return -1; }
        if (v[j]) { rh_err_set(I->rt, RH_EXC_TYPE, "argument for %s() given by name ('%s') and position (%d)", fn, kwn[q], j + 1); return -1; }
        v[j] = kwv[q];
    }
    for (int j = 0; j < 2; j++)
        if (!v[j]) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() missing required argument '%s' (pos %d)", fn, names[j], j + 1); return -1; }
    b->a = v[0];
    b->x = v[1];
    b->key = v[4] && v[4] != rh_none(I->rt) ? v[4] : NULL;
    b->lo = 0;
    b->hi = -1;
    if (v[2] && rh_index_value(I->rt, v[2], &b->lo)) return -1;
    if (v[3] && v[3] != rh_none(I->rt) && rh_index_value(I->rt, v[3], &b->hi)) return -1;
    return 0;
}

/* a[mid], through key when there is one: new reference */
static rh_object *probe(hx_interp *I, rh_object *seq, int64_t mid, rh_object *key) {
    rh_object *k = rh_int_from_i64(I->rt, mid), *item = k ? hx_subscr(I, seq, k) : NULL;
    rh_xdecref(I->rt, k);
    if (!item || !key) return item;
    rh_object *r = hx_call_borrowed(I, key, &item, 1);
    rh_decref(I->rt, item);
    return r;
}

/* internal_bisect_right / internal_bisect_left: >= 0, or -1 with the error set */
static int64_t bisect_impl(hx_interp *I, bisect_args *b, rh_object *item, int right) {
    int64_t lo = b->lo, hi = b->hi;
    if (lo < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "lo must be non-negative"); return -1; }
    if (hi == -1 && (hi = rh_len(I->rt, b->a)) < 0) return -1;
    while (lo < hi) {
        int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
        rh_object *litem = probe(I, b->a, mid, b->key);
        if (!litem) return -1;
        int res = right ? rh_richcompare(I->rt, RH_CMP_LT, item, litem) : rh_richcompare(I->rt, RH_CMP_LT, litem, item);
        rh_decref(I->rt, litem);
        if (res < 0) return -1;
        if (right ? res : !res) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

static rh_object *do_bisect(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, int right) {
    bisect_args b;
    if (parse_bisect(I, fn, a, n, kwn, kwv, nkw, &b)) return NULL;
    int64_t i = bisect_impl(I, &b, b.x, right);
    return i < 0 ? NULL : rh_int_from_i64(I->rt, i);
}

/* insort: bisect on key(x) when key is given, then list.insert (a.insert(...) for other sequences) */
static rh_object *do_insort(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw, int right) {
    bisect_args b;
    if (parse_bisect(I, fn, a, n, kwn, kwv, nkw, &b)) return NULL;
    rh_object *kx = b.x;
    if (b.key) {
        if (!(kx = hx_call_borrowed(I, b.key, &b.x, 1))) return NULL;
    }
    int64_t i = bisect_impl(I, &b, kx, right);
    if (b.key) rh_decref(I->rt, kx);
    if (i < 0) return NULL;
    if (rh_kind_of(b.a) == RH_K_LIST) return rh_list_insert(I->rt, b.a, i, b.x) ? NULL : none(I);
    rh_object *name = hx_name(I, "insert"), *m = name ? hx_getattr_obj(I, b.a, name) : NULL;
    if (!m) return NULL;
    rh_object *args[2] = {rh_int_from_i64(I->rt, i), newref(b.x)};
    if (!args[0]) { rh_decref(I->rt, args[1]); rh_decref(I->rt, m); return NULL; }
    rh_object *r = hx_call(I, m, args, 2, NULL, NULL, 0);
    rh_decref(I->rt, m);
    if (!r) return NULL;
    rh_decref(I->rt, r);
    return none(I);
}

FN(b_bisect_right) { (void)self; return do_bisect(I, "bisect_right", a, n, kwn, kwv, nkw, 1); }
FN(b_bisect_left) { (void)self; return do_bisect(I, "bisect_left", a, n, kwn, kwv, nkw, 0); }
FN(b_insort_right) { (void)self; return do_insort(I, "insort_right", a, n, kwn, kwv, nkw, 1); }
FN(b_insort_left) { (void)self; return do_insort(I, "insort_left", a, n, kwn, kwv, nkw, 0); }

/* ---------------------------------------------------------------- heapq */

static int heap_arg(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int want) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n != want) {
        if (want == 1) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
        else rh_err_set(I->rt, RH_EXC_TYPE, "%s expected %d arguments, got %d", fn, want, n);
        return -1;
    }
    if (rh_kind_of(a[0]) != RH_K_LIST) { /* the argument clinic's subclass_of check */
        rh_err_set(I->rt, RH_EXC_TYPE, "%s() argument%s must be list, not %s", fn, want == 1 ? "" : " 1", hx_tname(a[0]));
        return -1;
    }
    return 0;
}

static void swap(hx_interp *I, rh_object *heap, size_t i, size_t j) {
    rh_object *x = newref(rh_list_get(heap, i)), *y = newref(rh_list_get(heap, j));
    rh_list_setitem(I->rt, heap, (int64_t)i, y);
    rh_list_setitem(I->rt, heap, (int64_t)j, x);
    rh_decref(I->rt, x);
    rh_decref(I->rt, y);
}

/* heap[i] < heap[j] (a max-heap, the _max functions: heap[j] < heap[i], as siftdown_max/siftup_max compare),
 * both kept alive across the comparison; the size must not change */
static int less(hx_interp *I, rh_object *heap, size_t i, size_t j, int max) {
    size_t size = rh_list_len(heap);
    if (max) { size_t t = i; i = j; j = t; }
    rh_object *x = newref(rh_list_get(heap, i)), *y = newref(rh_list_get(heap, j));
    int r = rh_richcompare(I->rt, RH_CMP_LT, x, y);
    rh_decref(I->rt, x);
    rh_decref(I->rt, y);
    if (r >= 0 && size != rh_list_len(heap)) {
        rh_err_set(I->rt, RH_EXC_RUNTIME, "list changed size during iteration");
        return -1;
    }
    return r;
}

/* siftdown (siftdown_max): move heap[pos] up towards startpos while it is smaller (larger) than its parent */
static int siftdown(hx_interp *I, rh_object *heap, size_t startpos, size_t pos, int max) {
    while (pos > startpos) {
        size_t parent = (pos - 1) >> 1;
        int c = less(I, heap, pos, parent, max);
        if (c < 0) return -1;
        if (c == 0) break;
        swap(I, heap, parent, pos);
        pos = parent;
    }
    return 0;
}

/* siftup (siftup_max): the smaller (larger) child moves up until a leaf, then siftdown from there */
static int siftup(hx_interp *I, rh_object *heap, size_t pos, int max) {
    size_t endpos = rh_list_len(heap), startpos = pos, limit = endpos >> 1;
    while (pos < limit) {
        size_t child = 2 * pos + 1;
        if (child + 1 < endpos) {
            int c = less(I, heap, child, child + 1, max);
            if (c < 0) return -1;
            child += (size_t)(c ^ 1);
        }
        if (endpos != rh_list_len(heap)) {
            rh_err_set(I->rt, RH_EXC_RUNTIME, "list changed size during iteration");
            return -1;
        }
        swap(I, heap, child, pos);
        pos = child;
    }
    return siftdown(I, heap, startpos, pos, max);
}

FN(h_heappush) {
    (void)self; (void)kwn; (void)kwv;
    if (heap_arg(I, "heappush", a, n, nkw, 2)) return NULL;
    if (rh_list_append(I->rt, a[0], a[1])) return NULL;
    return siftdown(I, a[0], 0, rh_list_len(a[0]) - 1, 0) ? NULL : none(I);
}
/* heappop_internal: the top (new reference), the last item moved there and sifted */
static rh_object *pop_top(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int max) {
    if (heap_arg(I, fn, a, n, nkw, 1)) return NULL;
    size_t len = rh_list_len(a[0]);
    if (len == 0) { rh_err_set(I->rt, RH_EXC_INDEX, "index out of range"); return NULL; }
    rh_object *last = rh_list_pop(I->rt, a[0], (int64_t)len - 1);
    if (!last || len == 1) return last;
    rh_object *ret = newref(rh_list_get(a[0], 0));
    rh_list_setitem(I->rt, a[0], 0, last);
    rh_decref(I->rt, last);
    if (siftup(I, a[0], 0, max)) { rh_decref(I->rt, ret); return NULL; }
    return ret;
}
FN(h_heappop) { (void)self; (void)kwn; (void)kwv; return pop_top(I, "heappop", a, n, nkw, 0); }
FN(h_heappop_max) { (void)self; (void)kwn; (void)kwv; return pop_top(I, "_heappop_max", a, n, nkw, 1); }

/* the old top (new reference); item (borrowed) put in its place and sifted */
static rh_object *replace_top(hx_interp *I, rh_object *heap, rh_object *item, int max) {
    rh_object *ret = newref(rh_list_get(heap, 0));
    rh_list_setitem(I->rt, heap, 0, item);
    if (siftup(I, heap, 0, max)) { rh_decref(I->rt, ret); return NULL; }
    return ret;
}
/* heapreplace_internal */
static rh_object *do_replace(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int max) {
    if (heap_arg(I, fn, a, n, nkw, 2)) return NULL;
    if (rh_list_len(a[0]) == 0) { rh_err_set(I->rt, RH_EXC_INDEX, "index out of range"); return NULL; }
    return replace_top(I, a[0], a[1], max);
}
FN(h_heapreplace) { (void)self; (void)kwn; (void)kwv; return do_replace(I, "heapreplace", a, n, nkw, 0); }
FN(h_heapreplace_max) { (void)self; (void)kwn; (void)kwv; return do_replace(I, "_heapreplace_max", a, n, nkw, 1); }
FN(h_heappushpop) {
    (void)self; (void)kwn; (void)kwv;
    if (heap_arg(I, "heappushpop", a, n, nkw, 2)) return NULL;
    if (rh_list_len(a[0]) == 0) return newref(a[1]);
    rh_object *top = newref(rh_list_get(a[0], 0));
    int c = rh_richcompare(I->rt, RH_CMP_LT, top, a[1]);
    rh_decref(I->rt, top);
    if (c < 0) return NULL;
    if (c == 0) return newref(a[1]);
    if (rh_list_len(a[0]) == 0) { rh_err_set(I->rt, RH_EXC_INDEX, "index out of range"); return NULL; }
    return replace_top(I, a[0], a[1], 0);
}

static size_t keep_top_bit(size_t n) {
    int i = 0;
    while (n > 1) { n >>= 1; i++; }
    return n << i;
}

/* heapify_internal: siftup from the last parent back to the root; beyond 2500 items CPython's
 * cache_friendly_heapify order (each subtree finished before its parent's siblings); None (new) or NULL */
static rh_object *do_heapify(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int max) {
    if (heap_arg(I, fn, a, n, nkw, 1)) return NULL;
    size_t len = rh_list_len(a[0]);
    if (len > 2500) {
        /* m: first childless node; leftmost: first node of m's row; each pair of children is followed at
         * once by its parents while the child is a right one (odd index) */
        int64_t m = (int64_t)(len >> 1), leftmost = (int64_t)keep_top_bit((size_t)m + 1) - 1, mhalf = m >> 1;
        int64_t ranges[2][2] = {{leftmost - 1, mhalf}, {m - 1, leftmost}};
        for (int r = 0; r < 2; r++)
            for (int64_t i = ranges[r][0]; i >= ranges[r][1]; i--)
                for (int64_t j = i;; j >>= 1) {
                    if (siftup(I, a[0], (size_t)j, max)) return NULL;
                    if (!(j & 1)) break;
                }
        return none(I);
    }
    for (int64_t i = (int64_t)(len >> 1) - 1; i >= 0; i--)
        if (siftup(I, a[0], (size_t)i, max)) return NULL;
    return none(I);
}
FN(h_heapify) { (void)self; (void)kwn; (void)kwv; return do_heapify(I, "heapify", a, n, nkw, 0); }
FN(h_heapify_max) { (void)self; (void)kwn; (void)kwv; return do_heapify(I, "_heapify_max", a, n, nkw, 1); }

/* ---------------------------------------------------------------- modules */

#define D(py, fn) {py, (void (*)(void))fn, 0}
static const rh_builtin_def bisect_defs[] = {
    D("bisect_right", b_bisect_right), D("bisect_left", b_bisect_left), D("insort_right", b_insort_right),
    D("insort_left", b_insort_left), {NULL, NULL, 0}};
static const rh_builtin_def heapq_defs[] = {
    D("heappush", h_heappush), D("heappop", h_heappop), D("heapify", h_heapify), D("heapreplace", h_heapreplace),
    D("heappushpop", h_heappushpop), D("_heappop_max", h_heappop_max), D("_heapify_max", h_heapify_max),
    D("_heapreplace_max", h_heapreplace_max), {NULL, NULL, 0}};
#undef D

/* _bisect and _heapq: new modules; bisect and heapq are Lib's bisect.py and heapq.py, which import them */
rh_object *hx_module_bisect(hx_interp *I) { return hx_make_module(I, "_bisect", bisect_defs); }

rh_object *hx_module_heapq(hx_interp *I) { return hx_make_module(I, "_heapq", heapq_defs); }
