/* t_array.c — array.array and its iterator (CPython 3.11 Modules/arraymodule.c: arrayobject,
 * arraydescr, array_resize, the *_setitem / *_getitem converters, array_repr, array_richcompare,
 * array_subscr / array_ass_subscr, arrayiterobject).
 *
 * Owns the kinds RH_K_ARRAY ("array.array") and RH_K_ARRAYITER ("array.arrayiterator"); the methods that
 * parse arguments (append, extend, pop, ...) are the interpreter's (harness/src/mod_array.c) over the
 * functions of refheap/modtypes.h.
 *
 * Invariants:
 *  - items live in one block from the PyMem domain (PyMem_NEW / PyMem_RESIZE: rh__pymem_*), exactly
 *    `allocated` items of the typecode's size, NULL when allocated is 0; sys.getsizeof counts them
 *    (array_sizeof);
 *  - 3.10+: array is a heap type with Py_TPFLAGS_HAVE_GC, tracked from creation (PyType_GenericAlloc);
 *    2.7: a static type without GC (56 bytes: no ob_exports). The flag comes from the profile's
 *    version_hex at type set-up;
 *  - an item is converted before anything changes (setitem with i < 0 only checks), so a failed append
 *    or insert leaves the array as it was.
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "callables.h"
#include "refheap/modtypes.h"

typedef enum { AK_SIGNED, AK_UNSIGNED, AK_FLOAT, AK_UNICODE } array_kind;

/* arraydescr: the typecode, item size and how values convert */
typedef struct {
    char typecode;
    uint8_t itemsize;
    uint8_t kind;
} array_descr;

static const array_descr descriptors[] = {
    {'b', 1, AK_SIGNED}, {'B', 1, AK_UNSIGNED}, {'u', 4, AK_UNICODE}, {'h', 2, AK_SIGNED},
    {'H', 2, AK_UNSIGNED}, {'i', 4, AK_SIGNED}, {'I', 4, AK_UNSIGNED}, {'l', 8, AK_SIGNED},
    {'L', 8, AK_UNSIGNED}, {'q', 8, AK_SIGNED}, {'Q', 8, AK_UNSIGNED}, {'f', 4, AK_FLOAT},
    {'d', 8, AK_FLOAT}};

typedef struct rh_array {
    rh_varobject ob;             /* ob_size: items in use */
    char *ob_item;
    intptr_t allocated;
    const array_descr *ob_descr;
    rh_object *weakreflist;
    intptr_t ob_exports;         /* buffer exports (memoryviews' managed buffers) */
} rh_array; /* 64, as arrayobject */

typedef struct rh_arrayiter {
    rh_object ob;
    intptr_t index;
    rh_object *ao;               /* the array, NULL once exhausted */
    void *getitem;               /* the descriptor's getitem in CPython: kept for the size */
} rh_arrayiter; /* 40, as arrayiterobject */

static rh_array *as_array(rh_object *o) { return (rh_array *)(void *)o; }
static size_t alen(rh_object *o) { return (size_t)as_array(o)->ob.size; }
static size_t isz(rh_object *o) { return as_array(o)->ob_descr->itemsize; }

static const array_descr *find_descr(char c) {
    for (size_t i = 0; i < sizeof descriptors / sizeof descriptors[0]; i++)
        if (descriptors[i].typecode == c) return &descriptors[i];
    return NULL;
}

static size_t basic_size(rh_runtime *rt) { return rt->profile->version_hex >= 0x0300 ? sizeof(rh_array) : 56; }

/* ---------------------------------------------------------------- allocation */

/* newarrayobject: exactly n items (uninitialised), untracked-then-tracked as PyType_GenericAlloc. */
static rh_object *array_alloc(rh_runtime *rt, const array_descr *d, size_t n) {
    if (n > (size_t)RH_SSIZE_MAX / d->itemsize) {
        rh_err_nomemory(rt);
        return NULL;
    }
    rh_type *t = rh_builtin_type(rt, RH_K_ARRAY);
    rh_object *o = rh__object_alloc(rt, t, basic_size(rt));
    if (!o) return NULL;
    rh_array *a = as_array(o);
    a->ob.size = (intptr_t)n;
    a->ob_descr = d;
    a->weakreflist = NULL;
    a->ob_exports = 0;
    a->allocated = (intptr_t)n;
    a->ob_item = NULL;
    if (n) {
        a->ob_item = rh__pymem_malloc(rt, n * d->itemsize);
        if (!a->ob_item) {
            a->allocated = 0;
            a->ob.size = 0;
            rh__object_free(rt, o, basic_size(rt));
            return NULL;
        }
    }
    if (t->flags & RH_TPFLAG_GC) rh__gc_track(rt, o);
    return o;
}

rh_object *rh_array_new(rh_runtime *rt, char typecode, size_t n) {
    const array_descr *d = find_descr(typecode);
    if (!d) {
        rh_err_set(rt, RH_EXC_VALUE, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    rh_object *o = array_alloc(rt, d, n);
    if (o && n) memset(as_array(o)->ob_item, 0, n * d->itemsize);
    return o;
}

static void array_dealloc(rh_runtime *rt, rh_object *o) {
    rh_array *a = as_array(o);
    if (o->type->flags & RH_TPFLAG_GC) rh__gc_untrack(rt, o);
    if (a->weakreflist) rh__weakref_clear_all(rt, o);
    if (a->ob_item) rh_mem_free(rt, a->ob_item, (size_t)a->allocated * a->ob_descr->itemsize);
    rh__object_free(rt, o, basic_size(rt));
}

/* array_tp_traverse: only its (heap) type, as a 3.10+ heap type's instances visit it */
static int array_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT((rh_object *)o->type);
    return 0;
}

/* array_resize: keep the block while it is big enough and not 16+ items too big; else reallocate to
 * newsize + newsize/16 + (3 if the array had fewer than 8 items else 7). */
int rh_array_resize(rh_runtime *rt, rh_object *o, size_t newsize) {
    rh_array *a = as_array(o);
    size_t size = alen(o), itemsize = isz(o);
    if (rt->profile->version_hex >= 0x0300 && a->ob_exports > 0 && newsize != size) { /* 2.7: no ob_exports */
        rh_err_set(rt, RH_EXC_BUFFER, "cannot resize an array that is exporting buffers");
        return -1;
    }
    if ((size_t)a->allocated >= newsize && size < newsize + 16 && a->ob_item) {
        a->ob.size = (intptr_t)newsize;
        return 0;
    }
    if (newsize == 0) {
        if (a->ob_item) rh_mem_free(rt, a->ob_item, (size_t)a->allocated * itemsize);
        a->ob_item = NULL;
        a->ob.size = 0;
        a->allocated = 0;
        return 0;
    }
    size_t n = (newsize >> 4) + (size < 8 ? 3 : 7) + newsize;
    if (n > (size_t)RH_SSIZE_MAX / itemsize) {
        rh_err_nomemory(rt);
        return -1;
    }
    char *items = rh__pymem_realloc(rt, a->ob_item, (size_t)a->allocated * itemsize, n * itemsize);
    if (!items) return -1;
    a->ob_item = items;
    a->ob.size = (intptr_t)newsize;
    a->allocated = (intptr_t)n;
    return 0;
}

/* ---------------------------------------------------------------- item conversion */

static int ovf(rh_runtime *rt, const char *msg) {
    rh_err_set(rt, RH_EXC_OVERFLOW, "%s", msg);
    return -1;
}

/* The value of an int beyond int64 as uint64 when it fits there: 1; 0 when it does not (any sign). */
static int big_as_u64(rh_runtime *rt, rh_object *v, uint64_t *out) {
    rh_object *two64 = rh_int_from_text_base(rt, "10000000000000000", 17, 16);
    rh_object *d = two64 ? rh_binop(rt, RH_BINOP_SUB, v, two64) : NULL;
    int64_t w;
    int ok = d && rh_int_as_i64(rt, d, &w) == 0 && w < 0;
    rh_xdecref(rt, two64);
    rh_xdecref(rt, d);
    rh_err_clear(rt);
    if (ok) *out = (uint64_t)w;
    return ok;
}

static int is_negative(rh_runtime *rt, rh_object *v) {
    rh_object *zero = rh_int_from_i64(rt, 0);
    int r = zero ? rh_richcompare(rt, RH_CMP_LT, v, zero) : -1;
    rh_xdecref(rt, zero);
    rh_err_clear(rt);
    return r == 1;
}

/* An integer item as the typecode's setitem reads it (b_setitem .. QQ_setitem): the PyArg_Parse format
 * or PyLong_As* call first, with its own overflow message, then the typecode's own range. */
static int int_item(rh_runtime *rt, char tc, rh_object *v, uint64_t *bits) {
    int64_t x;
    if (rh_index_value(rt, v, &x) == 0) {
        int neg = x < 0;
        switch (tc) {
        case 'b': /* "h" then the char range */
            if (x < SHRT_MIN) return ovf(rt, "signed short integer is less than minimum");
            if (x > SHRT_MAX) return ovf(rt, "signed short integer is greater than maximum");
            if (x < SCHAR_MIN) return ovf(rt, "signed char is less than minimum");
            if (x > SCHAR_MAX) return ovf(rt, "signed char is greater than maximum");
            break;
        case 'B': /* "b" */
            if (neg) return ovf(rt, "unsigned byte integer is less than minimum");
            if (x > UCHAR_MAX) return ovf(rt, "unsigned byte integer is greater than maximum");
            break;
        case 'h':
            if (x < SHRT_MIN) return ovf(rt, "signed short integer is less than minimum");
            if (x > SHRT_MAX) return ovf(rt, "signed short integer is greater than maximum");
            break;
        case 'H': /* "i" then the unsigned short range */
        case 'i':
            if (x < INT_MIN) return ovf(rt, "signed integer is less than minimum");
            if (x > INT_MAX) return ovf(rt, "signed integer is greater than maximum");
            if (tc == 'H' && neg) return ovf(rt, "unsigned short is less than minimum");
            if (tc == 'H' && x > USHRT_MAX) return ovf(rt, "unsigned short is greater than maximum");
            break;
        case 'I': case 'L': /* PyLong_AsUnsignedLong */
            if (neg) return ovf(rt, "can't convert negative value to unsigned int");
            if (tc == 'I' && x > (int64_t)UINT_MAX) return ovf(rt, "unsigned int is greater than maximum");
            break;
        case 'Q': /* PyLong_AsUnsignedLongLong */
            if (neg) return ovf(rt, "can't convert negative int to unsigned");
            break;
        default: break; /* 'l', 'q': any int64 */
        }
        *bits = (uint64_t)x;
        return 0;
    }
    if (rh_err_occurred(rt) != RH_EXC_OVERFLOW) return -1;
    rh_err_clear(rt);
    uint64_t u;
    switch (tc) {
    case 'q': return ovf(rt, "int too big to convert");
    case 'Q':
        if (is_negative(rt, v)) return ovf(rt, "can't convert negative int to unsigned");
        if (!big_as_u64(rt, v, &u)) return ovf(rt, "int too big to convert");
        *bits = u;
        return 0;
    case 'I': case 'L':
        if (is_negative(rt, v)) return ovf(rt, "can't convert negative value to unsigned int");
        if (!big_as_u64(rt, v, &u)) return ovf(rt, "Python int too large to convert to C unsigned long");
        if (tc == 'I') return ovf(rt, "unsigned int is greater than maximum");
        *bits = u;
        return 0;
    default: return ovf(rt, "Python int too large to convert to C long");
    }
}

static int float_item(rh_runtime *rt, rh_object *v, double *d) {
    rh_kind k = rh_kind_of(v);
    if (k == RH_K_FLOAT) { *d = rh_float_value(v); return 0; }
    if (k == RH_K_INT || k == RH_K_BOOL) return rh_int_as_double(rt, v, d);
    rh_err_set(rt, RH_EXC_TYPE, "must be real number, not %s", rh_type_name(v));
    return -1;
}

/* setitem(a, i, v): store v's value at item i; with i < 0 only check v. */
static int setitem(rh_runtime *rt, rh_object *o, intptr_t i, rh_object *v) {
    const array_descr *d = as_array(o)->ob_descr;
    char *p = i >= 0 ? as_array(o)->ob_item + (size_t)i * d->itemsize : NULL;
    if (d->kind == AK_FLOAT) {
        double x;
        if (float_item(rt, v, &x)) return -1;
        if (!p) return 0;
        if (d->itemsize == 4) { float f = (float)x; memcpy(p, &f, 4); }
        else memcpy(p, &x, 8);
        return 0;
    }
    if (d->kind == AK_UNICODE) {
        if (rh_kind_of(v) != RH_K_STR || rh_str_len(v) != 1) {
            rh_err_set(rt, RH_EXC_TYPE, "array item must be unicode character");
            return -1;
        }
        uint32_t c = rh_str_char_at(v, 0);
        if (p) memcpy(p, &c, 4);
        return 0;
    }
    uint64_t bits;
    if (int_item(rt, d->typecode, v, &bits)) return -1;
    if (!p) return 0;
    switch (d->itemsize) {
    case 1: { uint8_t b = (uint8_t)bits; memcpy(p, &b, 1); break; }
    case 2: { uint16_t h = (uint16_t)bits; memcpy(p, &h, 2); break; }
    case 4: { uint32_t w = (uint32_t)bits; memcpy(p, &w, 4); break; }
    default: memcpy(p, &bits, 8); break;
    }
    return 0;
}

static rh_object *u64_int(rh_runtime *rt, uint64_t u) {
    if (u <= INT64_MAX) return rh_int_from_i64(rt, (int64_t)u);
    char hex[17];
    int n = snprintf(hex, sizeof hex, "%llx", (unsigned long long)u);
    return rh_int_from_text_base(rt, hex, (size_t)n, 16);
}

/* getarrayitem: the value of item i as a new int, float or str */
rh_object *rh_array_get(rh_runtime *rt, rh_object *o, size_t i) {
    const array_descr *d = as_array(o)->ob_descr;
    const char *p = as_array(o)->ob_item + i * d->itemsize;
    switch (d->typecode) {
    case 'b': { int8_t v; memcpy(&v, p, 1); return rh_int_from_i64(rt, v); }
    case 'B': { uint8_t v; memcpy(&v, p, 1); return rh_int_from_i64(rt, v); }
    case 'h': { int16_t v; memcpy(&v, p, 2); return rh_int_from_i64(rt, v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return rh_int_from_i64(rt, v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return rh_int_from_i64(rt, v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return rh_int_from_i64(rt, v); }
    case 'l': case 'q': { int64_t v; memcpy(&v, p, 8); return rh_int_from_i64(rt, v); }
    case 'L': case 'Q': { uint64_t v; memcpy(&v, p, 8); return u64_int(rt, v); }
    case 'f': { float v; memcpy(&v, p, 4); return rh_float_new(rt, (double)v); }
    case 'd': { double v; memcpy(&v, p, 8); return rh_float_new(rt, v); }
    default: {
        uint32_t c;
        memcpy(&c, p, 4);
        char buf[4];
        size_t n;
        if (c < 0x80) { buf[0] = (char)c; n = 1; }
        else if (c < 0x800) { buf[0] = (char)(0xc0 | c >> 6); buf[1] = (char)(0x80 | (c & 0x3f)); n = 2; }
        else if (c < 0x10000) { buf[0] = (char)(0xe0 | c >> 12); buf[1] = (char)(0x80 | ((c >> 6) & 0x3f)); buf[2] = (char)(0x80 | (c & 0x3f)); n = 3; }
        else { buf[0] = (char)(0xf0 | c >> 18); buf[1] = (char)(0x80 | ((c >> 12) & 0x3f)); buf[2] = (char)(0x80 | ((c >> 6) & 0x3f)); buf[3] = (char)(0x80 | (c & 0x3f)); n = 4; }
        return rh_str_from_utf8(rt, buf, n);
    }
    }
}

int rh_array_set(rh_runtime *rt, rh_object *o, size_t i, rh_object *v) { return setitem(rt, o, (intptr_t)i, v); }

/* ins1 */
int rh_array_insert(rh_runtime *rt, rh_object *o, int64_t where, rh_object *v) {
    int64_t n = (int64_t)alen(o);
    if (setitem(rt, o, -1, v)) return -1;
    if (rh_array_resize(rt, o, (size_t)n + 1)) return -1;
    if (where < 0) { where += n; if (where < 0) where = 0; }
    if (where > n) where = n;
    size_t sz = isz(o);
    char *items = as_array(o)->ob_item;
    if (where != n) memmove(items + (size_t)(where + 1) * sz, items + (size_t)where * sz, (size_t)(n - where) * sz);
    return setitem(rt, o, (intptr_t)where, v);
}

void rh__array_export(rh_object *a, int delta) { as_array(a)->ob_exports += delta; }

char rh_array_typecode(rh_object *a) { return as_array(a)->ob_descr->typecode; }
size_t rh_array_itemsize(rh_object *a) { return isz(a); }
size_t rh_array_len(rh_object *a) { return alen(a); }
uintptr_t rh_array_address(rh_object *a) { return (uintptr_t)as_array(a)->ob_item; }

void rh_array_reverse(rh_object *o) {
    size_t n = alen(o), sz = isz(o);
    char *items = as_array(o)->ob_item, tmp[8];
    for (size_t i = 0, j = n; n && i < --j; i++) {
        memcpy(tmp, items + i * sz, sz);
        memcpy(items + i * sz, items + j * sz, sz);
        memcpy(items + j * sz, tmp, sz);
    }
}

/* ---------------------------------------------------------------- sequence slots */

static intptr_t array_length(rh_runtime *rt, rh_object *o) { (void)rt; return (intptr_t)alen(o); }

static rh_object *array_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    if (i < 0 || (size_t)i >= alen(o)) {
        rh_err_set(rt, RH_EXC_INDEX, "array index out of range");
        return NULL;
    }
    return rh_array_get(rt, o, (size_t)i);
}

static int is_array(rh_object *o) { return rh_kind_of(o) == RH_K_ARRAY; }

/* array_concat */
static rh_object *array_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_array(b)) {
        rh_err_set(rt, RH_EXC_TYPE, "can only append array (not \"%s\") to array", rh_type_name(b));
        return NULL;
    }
    if (as_array(a)->ob_descr != as_array(b)->ob_descr) {
        rh_err_set(rt, RH_EXC_TYPE, "bad argument type for built-in operation");
        return NULL;
    }
    size_t na = alen(a), nb = alen(b), sz = isz(a);
    rh_object *r = array_alloc(rt, as_array(a)->ob_descr, na + nb);
    if (!r) return NULL;
    if (na) memcpy(as_array(r)->ob_item, as_array(a)->ob_item, na * sz);
    if (nb) memcpy(as_array(r)->ob_item + na * sz, as_array(b)->ob_item, nb * sz);
    return r;
}

/* array_repeat: exactly n * len items */
static rh_object *array_repeat(rh_runtime *rt, rh_object *a, intptr_t n) {
    size_t len = alen(a), sz = isz(a);
    if (n < 0) n = 0;
    if (len && (size_t)n > (size_t)RH_SSIZE_MAX / len) {
        rh_err_nomemory(rt);
        return NULL;
    }
    rh_object *r = array_alloc(rt, as_array(a)->ob_descr, len * (size_t)n);
    if (!r) return NULL;
    for (intptr_t k = 0; k < n && len; k++) memcpy(as_array(r)->ob_item + (size_t)k * len * sz, as_array(a)->ob_item, len * sz);
    return r;
}

static int array_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    for (size_t i = 0; i < alen(o); i++) {
        rh_object *x = rh_array_get(rt, o, i);
        if (!x) return -1;
        int r = rh_equal(rt, x, v);
        rh_decref(rt, x);
        if (r) return r;
    }
    return 0;
}

/* array_do_extend */
int rh_array_extend_array(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (as_array(a)->ob_descr != as_array(b)->ob_descr) {
        rh_err_set(rt, RH_EXC_TYPE, "can only extend with array of same kind");
        return -1;
    }
    size_t na = alen(a), nb = alen(b), sz = isz(a);
    if (rh_array_resize(rt, a, na + nb)) return -1;
    if (nb) memcpy(as_array(a)->ob_item + na * sz, as_array(b)->ob_item, nb * sz); /* b may be a: nb read first */
    return 0;
}

static rh_object *array_inplace_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!is_array(b)) {
        rh_err_set(rt, RH_EXC_TYPE, "can only extend array with array (not \"%s\")", rh_type_name(b));
        return NULL;
    }
    if (rh_array_extend_array(rt, a, b)) return NULL;
    rh_incref(a);
    return a;
}

/* array_inplace_repeat */
static rh_object *array_inplace_repeat(rh_runtime *rt, rh_object *a, intptr_t n) {
    size_t len = alen(a), sz = isz(a);
    if (len && n > 0) {
        if ((size_t)n > (size_t)RH_SSIZE_MAX / len) { rh_err_nomemory(rt); return NULL; }
        if (rh_array_resize(rt, a, len * (size_t)n)) return NULL;
        for (intptr_t k = 1; k < n; k++) memcpy(as_array(a)->ob_item + (size_t)k * len * sz, as_array(a)->ob_item, len * sz);
    } else if (rh_array_resize(rt, a, 0)) {
        return NULL;
    }
    rh_incref(a);
    return a;
}

/* ---------------------------------------------------------------- subscripts and slices */

static int index_of(rh_runtime *rt, rh_object *o, rh_object *key, int64_t *i) {
    if (rh_kind_of(key) != RH_K_INT && rh_kind_of(key) != RH_K_BOOL) {
        rh_err_set(rt, RH_EXC_TYPE, "array indices must be integers");
        return -1;
    }
    if (rh_index_value(rt, key, i)) return -1;
    if (*i < 0) *i += (int64_t)alen(o);
    return 0;
}

static rh_object *array_subscr(rh_runtime *rt, rh_object *o, rh_object *key) {
    int64_t i;
    if (index_of(rt, o, key, &i)) return NULL;
    return array_item(rt, o, (intptr_t)i);
}

static int array_ass_subscr(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v) {
    int64_t i;
    if (index_of(rt, o, key, &i)) return -1;
    if (i < 0 || (uint64_t)i >= alen(o)) {
        rh_err_set(rt, RH_EXC_INDEX, "array assignment index out of range");
        return -1;
    }
    if (v) return setitem(rt, o, (intptr_t)i, v);
    return rh_array_ass_slice(rt, o, i, i + 1, 1, NULL);
}

static int64_t slice_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
    return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
}

rh_object *rh_array_slice(rh_runtime *rt, rh_object *o, int64_t start, int64_t stop, int64_t step) {
    int64_t n = slice_length(start, stop, step);
    size_t sz = isz(o);
    rh_object *r = array_alloc(rt, as_array(o)->ob_descr, (size_t)n);
    if (!r) return NULL;
    if (step == 1 && n) memcpy(as_array(r)->ob_item, as_array(o)->ob_item + (size_t)start * sz, (size_t)n * sz);
    else
        for (int64_t k = 0, cur = start; k < n; k++, cur += step)
            memcpy(as_array(r)->ob_item + (size_t)k * sz, as_array(o)->ob_item + (size_t)cur * sz, sz);
    return r;
}

/* array_ass_subscr for a slice: v an array of the same typecode (copied first when it is o), or NULL. */
int rh_array_ass_slice(rh_runtime *rt, rh_object *o, int64_t start, int64_t stop, int64_t step, rh_object *v) {
    rh_object *copy = NULL;
    int64_t needed = 0;
    size_t sz = isz(o);
    if (v) {
        if (!is_array(v)) {
            rh_err_set(rt, RH_EXC_TYPE, "can only assign array (not \"%s\") to array slice", rh_type_name(v));
            return -1;
        }
        if (v == o) {
            if (!(copy = rh_array_slice(rt, v, 0, (int64_t)alen(v), 1))) return -1;
            v = copy;
        }
        if (as_array(v)->ob_descr != as_array(o)->ob_descr) {
            rh_xdecref(rt, copy);
            rh_err_set(rt, RH_EXC_TYPE, "bad argument type for built-in operation");
            return -1;
        }
        needed = (int64_t)alen(v);
    }
    if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
    if (step < 0 && step != -1) { /* extended slices run on the positive form */ }
    int rc = 0;
    int64_t size = (int64_t)alen(o);
    if (step == 1) {
        int64_t slicelength = stop - start;
        char *item = as_array(o)->ob_item;
        if (slicelength > needed) {
            memmove(item + (size_t)(start + needed) * sz, item + (size_t)stop * sz, (size_t)(size - stop) * sz);
            rc = rh_array_resize(rt, o, (size_t)(size + needed - slicelength));
        } else if (slicelength < needed) {
            rc = rh_array_resize(rt, o, (size_t)(size + needed - slicelength));
            if (rc == 0) {
                item = as_array(o)->ob_item;
                memmove(item + (size_t)(start + needed) * sz, item + (size_t)stop * sz, (size_t)(size - start - slicelength) * sz);
            }
        }
        if (rc == 0 && needed > 0) memcpy(as_array(o)->ob_item + (size_t)start * sz, as_array(v)->ob_item, (size_t)needed * sz);
        rh_xdecref(rt, copy);
        return rc;
    }
    int64_t slicelength = slice_length(start, stop, step);
    if (needed == 0 && !v) {
        /* delete: walk the positive form, compacting (array_ass_subscr) */
        if (step < 0) { stop = start + 1; start = stop + step * (slicelength - 1) - 1; step = -step; }
        char *item = as_array(o)->ob_item;
        int64_t cur = start, i = 0;
        for (; i < slicelength; cur += step, i++) {
            int64_t lim = step - 1;
            if (cur + step >= size) lim = size - cur - 1;
            memmove(item + (size_t)(cur - i) * sz, item + (size_t)(cur + 1) * sz, (size_t)lim * sz);
        }
        cur = start + slicelength * step;
        if (cur < size) memmove(item + (size_t)(cur - slicelength) * sz, item + (size_t)cur * sz, (size_t)(size - cur) * sz);
        return slicelength ? rh_array_resize(rt, o, (size_t)(size - slicelength)) : 0;
    }
    if (needed != slicelength) {
        rh_xdecref(rt, copy);
        rh_err_set(rt, RH_EXC_VALUE, "attempt to assign array of size %lld to extended slice of size %lld",
                   (long long)needed, (long long)slicelength);
        return -1;
    }
    for (int64_t cur = start, i = 0; i < slicelength; cur += step, i++)
        memcpy(as_array(o)->ob_item + (size_t)cur * sz, as_array(v)->ob_item + (size_t)i * sz, sz);
    rh_xdecref(rt, copy);
    return 0;
}

/* ---------------------------------------------------------------- repr, compare, size */

/* array_repr: "array('d')", "array('u', 'ab')", else "array('d', " + repr(a.tolist()) + ")" */
static int array_repr_into(rh__sb *b, rh_object *o) {
    char tc = rh_array_typecode(o);
    if (alen(o) == 0) return rh__sb_printf(b, "%s('%c')", "array", tc);
    rh_runtime *rt = b->rt;
    rh_object *v;
    if (tc == 'u') {
        rh__sb s;
        rh__sb_init(&s, rt);
        for (size_t i = 0; i < alen(o); i++) {
            rh_object *c = rh_array_get(rt, o, i);
            if (!c || rh__sb_put_str(&s, c)) { rh_xdecref(rt, c); rh__sb_free(&s); return -1; }
            rh_decref(rt, c);
        }
        v = rh__sb_finish(&s);
    } else {
        v = rh_list_new(rt, alen(o));
        for (size_t i = 0; v && i < alen(o); i++) {
            rh_object *x = rh_array_get(rt, o, i);
            if (!x) { /* the unfilled slots get None so the list can go (a list's slots are never NULL) */
                for (size_t j = i; j < alen(o); j++) { rh_incref(rh_none(rt)); rh_list_set_init(v, j, rh_none(rt)); }
                rh_decref(rt, v);
                v = NULL;
                break;
            }
            rh_list_set_init(v, i, x);
        }
    }
    rh_object *r = v ? rh_repr(rt, v) : NULL;
    rh_xdecref(rt, v);
    if (!r) return -1;
    int rc = rh__sb_printf(b, "array('%c', ", tc);
    if (rc == 0) rc = rh__sb_put_str(b, r);
    if (rc == 0) rc = rh__sb_putc(b, ')');
    rh_decref(rt, r);
    return rc;
}

static rh_object *bool_obj(rh_runtime *rt, int v) {
    rh_object *r = v ? rh_true(rt) : rh_false(rt);
    rh_incref(r);
    return r;
}

static int cmp_sizes(int64_t a, int64_t b, int op) {
    switch (op) {
    case RH_CMP_LT: return a < b;
    case RH_CMP_LE: return a <= b;
    case RH_CMP_EQ: return a == b;
    case RH_CMP_NE: return a != b;
    case RH_CMP_GT: return a > b;
    default: return a >= b;
    }
}

/* array_richcompare: NotImplemented unless both are arrays; sizes first for == and !=; then the first
 * items that differ decide */
static rh_object *array_richcompare(rh_runtime *rt, rh_object *v, rh_object *w, int op) {
    if (!is_array(v) || !is_array(w)) return rh_notimplemented(rt);
    int64_t nv = (int64_t)alen(v), nw = (int64_t)alen(w);
    if (nv != nw && (op == RH_CMP_EQ || op == RH_CMP_NE)) return bool_obj(rt, op == RH_CMP_NE);
    for (int64_t i = 0; i < nv && i < nw; i++) {
        rh_object *vi = rh_array_get(rt, v, (size_t)i), *wi = vi ? rh_array_get(rt, w, (size_t)i) : NULL;
        int k = wi ? rh_equal(rt, vi, wi) : -1;
        if (k == 0) {
            int r = op == RH_CMP_EQ ? 0 : op == RH_CMP_NE ? 1 : rh_richcompare(rt, (rh_cmp_kind)op, vi, wi);
            rh_decref(rt, vi);
            rh_decref(rt, wi);
            return r < 0 ? NULL : bool_obj(rt, r);
        }
        rh_xdecref(rt, vi);
        rh_xdecref(rt, wi);
        if (k < 0) return NULL;
    }
    return bool_obj(rt, cmp_sizes(nv, nw, op));
}

/* array_sizeof: the object and its allocated items */
static size_t array_sizeof(rh_runtime *rt, rh_object *o) {
    return basic_size(rt) + (size_t)as_array(o)->allocated * isz(o);
}

/* ---------------------------------------------------------------- iterator */

static rh_object *array_iter(rh_runtime *rt, rh_object *o) {
    rh_arrayiter *it = (rh_arrayiter *)(void *)new_gc(rt, RH_K_ARRAYITER, sizeof(rh_arrayiter));
    if (!it) return NULL;
    rh_incref(o);
    it->ao = o;
    it->index = 0;
    rh__gc_track(rt, &it->ob);
    return &it->ob;
}

/* arrayiter_next: the array is dropped once exhausted */
static rh_object *arrayiter_next(rh_runtime *rt, rh_object *o) {
    rh_arrayiter *it = (rh_arrayiter *)(void *)o;
    if (!it->ao) return NULL;
    if ((size_t)it->index < alen(it->ao)) return rh_array_get(rt, it->ao, (size_t)it->index++);
    clear_slot(rt, &it->ao);
    return NULL;
}

static int arrayiter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT((rh_object *)o->type);
    VISIT(((rh_arrayiter *)(void *)o)->ao);
    return 0;
}

static void arrayiter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    clear_slot(rt, &((rh_arrayiter *)(void *)o)->ao);
    rh__object_free(rt, o, sizeof(rh_arrayiter));
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

/* ---------------------------------------------------------------- types */

void rh__type_init_array(rh_runtime *rt, rh_type *t) {
    int gc = rt->profile->version_hex >= 0x030A; /* 3.10: a heap type with Py_TPFLAGS_HAVE_GC */
    set_type(t, "array.array", basic_size(rt), offsetof(rh_array, weakreflist), array_dealloc,
             gc ? array_traverse : NULL, NULL);
    if (!gc) t->flags &= ~RH_TPFLAG_GC;
    t->flags |= RH_TPFLAG_BASETYPE;
    t->itemsize = 0;
    t->size_of = array_sizeof;
    t->repr_into = array_repr_into;
    t->tp_hash = rh__hash_not_implemented;
    t->tp_richcompare = array_richcompare;
    t->tp_iter = array_iter;
    t->as_sequence = (rh_sequence_methods){.sq_length = array_length, .sq_concat = array_concat,
                                           .sq_repeat = array_repeat, .sq_item = array_item,
                                           .sq_contains = array_contains, .sq_inplace_concat = array_inplace_concat,
                                           .sq_inplace_repeat = array_inplace_repeat};
    t->as_mapping = (rh_mapping_methods){.mp_length = array_length, .mp_subscript = array_subscr,
                                         .mp_ass_subscript = array_ass_subscr};
}

void rh__type_init_arrayiter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "array.arrayiterator", sizeof(rh_arrayiter), 0, arrayiter_dealloc, arrayiter_traverse, NULL);
    t->repr_into = type_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = arrayiter_next;
}
