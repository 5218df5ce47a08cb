/* t_memoryview.c — memoryview, its managed buffer and its iterator (CPython 3.11 Objects/memoryobject.c:
 * _PyManagedBufferObject and mbuf_*, PyMemoryViewObject and memory_*, memoryiterobject; the exporters'
 * getbuffer/releasebuffer of Objects/bytesobject.c, Objects/bytearrayobject.c, Modules/arraymodule.c).
 *
 * Owns the kinds RH_K_MEMORYVIEW ("memoryview"), RH_K_MANAGEDBUFFER ("managedbuffer") and RH_K_MEMORYITER
 * ("memory_iterator"), refheap's small buffer protocol (bytes, bytearray and array.array export; a
 * memoryview re-exports its view) and the memoryview part of refheap/bytes.h. Argument parsing, the
 * method table and the attributes are the interpreter's (harness/src/builtins_memview.c).
 *
 * Invariants:
 *  - a managed buffer is _PyManagedBufferObject: the header, flags, exports, the exporter's Py_buffer
 *    (80 bytes): 112 bytes, GC, tracked from creation until it is released (mbuf_release untracks it and
 *    drops the exporter's reference, after the exporter's releasebuffer: bytearray and array count their
 *    exports and refuse to resize while any is live);
 *  - a memoryview is PyMemoryViewObject: a var object of 144 bytes (header and size, mbuf, hash, flags,
 *    exports, its own Py_buffer, weakreflist at 136) whose 3 * ndim 8-byte items hold shape, strides and
 *    suboffsets; GC, tracked from creation. Every view holds one reference to its managed buffer and
 *    counts once in the buffer's exports until released; the view's obj is borrowed (init_shared_values);
 *    the last release of a buffer's views releases the buffer;
 *  - view.format always points at a static string (the exporters' formats and get_native_fmtstr's);
 *  - 2.7's memoryview (no managed buffer) is not modelled: its profile refuses the constructor.
 */
#include <math.h>
#include <string.h>

#include "callables.h"
#include "refheap/bytes.h"
#include "refheap/modtypes.h"
#include "refheap/profile.h"

/* Py_buffer */
typedef struct rh_pybuffer {
    char *buf;
    rh_object *obj;
    intptr_t len;
    intptr_t itemsize;
    int readonly;
    int ndim;
    const char *format;
    intptr_t *shape;
    intptr_t *strides;
    intptr_t *suboffsets;
    void *internal;
} rh_pybuffer; /* 80 */

typedef struct rh_mbuf {
    rh_object ob;
    int flags;
    intptr_t exports;
    rh_pybuffer master;
} rh_mbuf; /* 112, as _PyManagedBufferObject */

typedef struct rh_mview {
    rh_varobject ob;
    rh_mbuf *mbuf;
    int64_t hash;
    int flags;
    intptr_t exports;
    rh_pybuffer view;
    rh_object *weakreflist;
    intptr_t ob_array[];
} rh_mview; /* 144 + 8 * 3 * ndim, as PyMemoryViewObject */

typedef struct rh_mviter {
    rh_object ob;
    intptr_t it_index;
    rh_object *it_seq;
    intptr_t it_length;
    const char *it_fmt;
} rh_mviter; /* 48, as memoryiterobject */

_Static_assert(sizeof(rh_pybuffer) == 80, "Py_buffer");
_Static_assert(sizeof(rh_mbuf) == 112, "_PyManagedBufferObject");
_Static_assert(sizeof(rh_mview) == 144, "PyMemoryViewObject");
_Static_assert(offsetof(rh_mview, weakreflist) == 136, "weakreflist");
_Static_assert(sizeof(rh_mviter) == 48, "memoryiterobject");

enum { MBUF_RELEASED = 1 };
enum { MV_RELEASED = 1, MV_C = 2, MV_FORTRAN = 4, MV_SCALAR = 8, MV_PIL = 16 };
#define MAX_NDIM 64

static rh_mview *MV(rh_object *o) { return (rh_mview *)(void *)o; }
static rh_mbuf *MB(rh_object *o) { return (rh_mbuf *)(void *)o; }
static size_t mv_bytes(intptr_t items) { return sizeof(rh_mview) + (size_t)items * sizeof(intptr_t); }

/* BASE_INACCESSIBLE: the view, or (after the collector cleared it) its buffer, is released */
static int inaccessible(rh_object *o) {
    return (MV(o)->flags & MV_RELEASED) || !MV(o)->mbuf || (MV(o)->mbuf->flags & MBUF_RELEASED);
}

/* CHECK_RELEASED */
static int check_released(rh_runtime *rt, rh_object *o) {
    if (!inaccessible(o)) return 0;
    rh_err_set(rt, RH_EXC_VALUE, "operation forbidden on released memoryview object");
    return -1;
}

/* ---------------------------------------------------------------- formats */

/* get_native_fmtstr: the static string of a native single-character format ('@' kept), else NULL */
static const char *native_fmtstr(const char *fmt) {
    static const char chars[] = "cbBhHiIlLqQnNfde?P";
    static const char *const plain[] = {"c", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N",
                                        "f", "d", "e", "?", "P"};
    static const char *const at[] = {"@c", "@b", "@B", "@h", "@H", "@i", "@I", "@l", "@L", "@q", "@Q",
                                     "@n", "@N", "@f", "@d", "@e", "@?", "@P"};
    int a = fmt[0] == '@';
    const char *f = fmt + a;
    if (!f[0] || f[1]) return NULL;
    const char *p = strchr(chars, f[0]);
    if (!p) return NULL;
    return a ? at[p - chars] : plain[p - chars];
}

/* get_native_fmtchar: the item size of a native single-character format (and the character), else -1
 * ('e', half floats, is one from 3.12: the cast checks the profile) */
static intptr_t native_fmtchar(char *out, const char *fmt) {
    if (fmt[0] == '@') fmt++;
    intptr_t size = -1;
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': size = 1; break;
    case 'h': case 'H': case 'e': size = 2; break;
    case 'i': case 'I': case 'f': size = 4; break;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': size = 8; break;
    default: break;
    }
    if (size > 0 && fmt[1] == '\0') {
        *out = fmt[0];
        return size;
    }
    return -1;
}

static int is_byte_format(char f) { return f == 'b' || f == 'B' || f == 'c'; }

/* adjust_fmt: the format without its '@' when it is one character, else NotImplementedError */
static const char *adjust_fmt(rh_runtime *rt, const rh_pybuffer *v) {
    const char *f = v->format[0] == '@' ? v->format + 1 : v->format;
    if (f[0] && !f[1]) return f;
    rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "memoryview: unsupported format %s", v->format);
    return NULL;
}

/* the format strings array.array exports (arraydescr.formats; 3.11's 'u' is wchar_t: "w") */
static const char *array_format(char tc) {
    static const char codes[] = "bBuhHiIlLqQfd";
    static const char *const fmts[] = {"b", "B", "w", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"};
    const char *p = strchr(codes, tc);
    return p && tc ? fmts[p - codes] : "B";
}

/* ---------------------------------------------------------------- exporters (getbuffer / releasebuffer) */

/* PyObject_GetBuffer(o, view, PyBUF_FULL_RO) for the exporters refheap has: bytes (bytes_buffer_getbuffer:
 * read-only), bytearray (bytearray_getbuffer: counts an export), array.array (array_buffer_getbuf: counts
 * an export). view->obj gets a new reference. 0, or -1 with TypeError when o exports nothing. */
static int get_buffer(rh_runtime *rt, rh_object *o, rh_pybuffer *v) {
    memset(v, 0, sizeof *v);
    rh_kind k = rh_kind_of(o);
    if (k == RH_K_BYTES || k == RH_K_BYTEARRAY) {
        v->buf = (char *)(uintptr_t)rh_bytes_data(o);
        v->len = (intptr_t)rh_bytes_len(o);
        v->itemsize = 1;
        v->readonly = k == RH_K_BYTES;
        v->format = "B";
        if (k == RH_K_BYTEARRAY) rh__bytearray_export(o, 1);
    } else if (k == RH_K_ARRAY) {
        v->buf = (char *)rh_array_address(o);
        v->itemsize = (intptr_t)rh_array_itemsize(o);
        v->len = (intptr_t)rh_array_len(o) * v->itemsize;
        v->format = array_format(rh_array_typecode(o));
        rh__array_export(o, 1);
    } else {
        rh_err_set(rt, RH_EXC_TYPE, "memoryview: a bytes-like object is required, not '%s'", rh_type_name(o));
        return -1;
    }
    v->ndim = 1;
    /* bytes and bytearray: shape and strides point into the buffer itself (PyBuffer_FillInfo); an array's
     * shape is its ob_size (array_buffer_getbuf), which cannot change while exported */
    v->shape = k == RH_K_ARRAY ? &((rh_varobject *)o)->size : &v->len;
    v->strides = &v->itemsize;
    rh_incref(o);
    v->obj = o;
    return 0;
}

/* PyBuffer_Release: the exporter's releasebuffer, then its reference */
static void release_buffer(rh_runtime *rt, rh_pybuffer *v) {
    rh_object *o = v->obj;
    if (!o) return;
    v->obj = NULL;
    if (rh_kind_of(o) == RH_K_BYTEARRAY) rh__bytearray_export(o, -1);
    else if (rh_kind_of(o) == RH_K_ARRAY) rh__array_export(o, -1);
    rh_decref(rt, o);
}

/* ---------------------------------------------------------------- managed buffer */

/* mbuf_alloc + _PyManagedBuffer_FromObject: tracked before the exporter is asked */
static rh_object *mbuf_from_object(rh_runtime *rt, rh_object *base) {
    rh_object *o = new_gc(rt, RH_K_MANAGEDBUFFER, sizeof(rh_mbuf));
    if (!o) return NULL;
    rh__gc_track(rt, o);
    if (get_buffer(rt, base, &MB(o)->master)) {
        MB(o)->master.obj = NULL;
        rh_decref(rt, o);
        return NULL;
    }
    return o;
}

/* mbuf_release: once; untracks the buffer and gives the exporter's buffer back */
static void mbuf_release(rh_runtime *rt, rh_mbuf *m) {
    if (m->flags & MBUF_RELEASED) return;
    m->flags |= MBUF_RELEASED;
    rh__gc_untrack(rt, &m->ob);
    release_buffer(rt, &m->master);
}

static void mbuf_dealloc(rh_runtime *rt, rh_object *o) {
    mbuf_release(rt, MB(o));
    if (rh__gc_is_tracked(o)) rh__gc_untrack(rt, o); /* made but never filled (allocation failure) */
    rh__object_free(rt, o, sizeof(rh_mbuf));
}

static int mbuf_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(MB(o)->master.obj);
    return 0;
}

static int mbuf_clear(rh_runtime *rt, rh_object *o) {
    mbuf_release(rt, MB(o));
    return 0;
}

/* ---------------------------------------------------------------- view set-up */

/* PyBuffer_IsContiguous for 'C' or 'F' (no suboffsets) */
static int is_contiguous(const rh_pybuffer *v, char order) {
    if (v->len == 0 || !v->strides) return 1;
    intptr_t sd = v->itemsize;
    for (int k = 0; k < v->ndim; k++) {
        int i = order == 'C' ? v->ndim - 1 - k : k;
        if (v->shape[i] > 1 && v->strides[i] != sd) return 0;
        sd *= v->shape[i];
    }
    return 1;
}

/* init_flags */
static void init_flags(rh_mview *mv) {
    const rh_pybuffer *v = &mv->view;
    int flags = 0;
    if (v->ndim == 0) flags = MV_SCALAR | MV_C | MV_FORTRAN;
    else if (v->ndim == 1) {
        if (v->shape[0] == 1 || v->strides[0] == v->itemsize) flags = MV_C | MV_FORTRAN;
    } else {
        if (is_contiguous(v, 'C')) flags |= MV_C;
        if (is_contiguous(v, 'F')) flags |= MV_FORTRAN;
    }
    if (v->suboffsets) flags = (flags | MV_PIL) & ~(MV_C | MV_FORTRAN);
    mv->flags = flags;
}

/* memory_alloc: a view with room for ndim dimensions, tracked */
static rh_object *memory_alloc(rh_runtime *rt, int ndim) {
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, RH_K_MEMORYVIEW), mv_bytes(3 * ndim));
    if (!o) return NULL;
    rh_mview *mv = MV(o);
    mv->ob.size = 3 * ndim;
    mv->mbuf = NULL;
    mv->hash = -1;
    mv->flags = 0;
    mv->exports = 0;
    memset(&mv->view, 0, sizeof mv->view);
    mv->view.ndim = ndim;
    mv->view.shape = mv->ob_array;
    mv->view.strides = mv->ob_array + ndim;
    mv->view.suboffsets = mv->ob_array + 2 * ndim;
    mv->weakreflist = NULL;
    rh__gc_track(rt, o);
    return o;
}

/* init_shared_values: obj borrowed, format "B" when the exporter gives none */
static void init_shared(rh_pybuffer *d, const rh_pybuffer *s) {
    d->obj = s->obj;
    d->buf = s->buf;
    d->len = s->len;
    d->itemsize = s->itemsize;
    d->readonly = s->readonly;
    d->format = s->format ? s->format : "B";
    d->internal = s->internal;
}

/* mbuf_add_incomplete_view: registered with the buffer, shape and strides still to fill */
static rh_object *add_incomplete_view(rh_runtime *rt, rh_mbuf *m, const rh_pybuffer *src, int ndim) {
    rh_object *o = memory_alloc(rt, ndim);
    if (!o) return NULL;
    init_shared(&MV(o)->view, src ? src : &m->master);
    m->exports++;
    rh_incref(&m->ob);
    MV(o)->mbuf = m;
    return o;
}

/* mbuf_add_view: a view of src (the master when NULL) with its own shape, strides and suboffsets */
static rh_object *add_view(rh_runtime *rt, rh_mbuf *m, const rh_pybuffer *src) {
    if (!src) src = &m->master;
    rh_object *o = memory_alloc(rt, src->ndim);
    if (!o) return NULL;
    rh_pybuffer *d = &MV(o)->view;
    init_shared(d, src);
    for (int i = 0; i < src->ndim; i++) {
        d->shape[i] = src->shape ? src->shape[i] : src->len / src->itemsize;
        d->strides[i] = src->strides ? src->strides[i] : src->itemsize;
    }
    if (src->suboffsets) for (int i = 0; i < src->ndim; i++) d->suboffsets[i] = src->suboffsets[i];
    else d->suboffsets = NULL;
    init_flags(MV(o));
    m->exports++;
    rh_incref(&m->ob);
    MV(o)->mbuf = m;
    return o;
}

/* PyMemoryView_FromObject: a view of another view shares its managed buffer; an exporter gets a new one */
rh_object *rh_memoryview_new(rh_runtime *rt, rh_object *obj) {
    if (rh_kind_of(obj) == RH_K_MEMORYVIEW) {
        if (check_released(rt, obj)) return NULL;
        return add_view(rt, MV(obj)->mbuf, &MV(obj)->view);
    }
    rh_object *m = mbuf_from_object(rt, obj);
    if (!m) return NULL;
    rh_object *r = add_view(rt, MB(m), NULL);
    rh_decref(rt, m);
    return r;
}

/* ---------------------------------------------------------------- release, dealloc, gc */

/* _memory_release */
static int memory_release(rh_runtime *rt, rh_object *o) {
    rh_mview *mv = MV(o);
    if (mv->flags & MV_RELEASED) return 0;
    if (mv->exports == 0) {
        mv->flags |= MV_RELEASED;
        if (mv->mbuf && --mv->mbuf->exports == 0) mbuf_release(rt, mv->mbuf);
        return 0;
    }
    rh_err_set(rt, RH_EXC_BUFFER, "memoryview has %lld exported buffer%s", (long long)mv->exports, mv->exports == 1 ? "" : "s");
    return -1;
}

int rh_memoryview_release(rh_runtime *rt, rh_object *mv) { return memory_release(rt, mv); }

static void memory_dealloc(rh_runtime *rt, rh_object *o) {
    rh_mview *mv = MV(o);
    rh__gc_untrack(rt, o);
    (void)memory_release(rt, o);
    rh_object *m = (rh_object *)mv->mbuf;
    mv->mbuf = NULL;
    rh_xdecref(rt, m);
    if (mv->weakreflist) rh__weakref_clear_all(rt, o);
    rh__object_free(rt, o, mv_bytes(mv->ob.size));
}

static int memory_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT((rh_object *)MV(o)->mbuf);
    return 0;
}

static int memory_clear(rh_runtime *rt, rh_object *o) {
    (void)memory_release(rt, o);
    rh_object *m = (rh_object *)MV(o)->mbuf;
    MV(o)->mbuf = NULL;
    rh_xdecref(rt, m);
    return 0;
}

static size_t memory_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return mv_bytes(MV(o)->ob.size);
}

/* ---------------------------------------------------------------- items */

static rh_object *u64_int(rh_runtime *rt, uint64_t u) {
    if (u <= INT64_MAX) return rh_int_from_i64(rt, (int64_t)u);
    char hex[17];
    int n = snprintf(hex, sizeof hex, "%llx", (unsigned long long)u);
    return rh_int_from_text_base(rt, hex, (size_t)n, 16);
}

/* IEEE half to double (PyFloat_Unpack2, little-endian host) */
static double half_to_double(uint16_t h) {
    int e = (h >> 10) & 0x1f;
    double f = (double)(h & 0x3ff);
    double x;
    if (e == 0x1f) x = f == 0 ? INFINITY : NAN;
    else if (e == 0) x = ldexp(f, -24);
    else x = ldexp(f + 1024.0, e - 25);
    return (h & 0x8000) ? -x : x;
}

/* double to IEEE half, rounding half to even (PyFloat_Pack2): 0, or -1 when beyond the half range */
static int double_to_half(double x, uint16_t *out) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) { *out = sign | 0x7e00; return 0; }
    x = fabs(x);
    if (isinf(x)) { *out = sign | 0x7c00; return 0; }
    if (x == 0) { *out = sign; return 0; }
    int e;
    double f = frexp(x, &e) * 2.0; /* x = f * 2**(e-1), 1 <= f < 2 */
    e--;
    if (e >= 16) return -1;
    if (e < -25) { f = 0; e = 0; }             /* rounds to zero */
    else if (e < -14) { f = ldexp(f, 14 + e); e = 0; } /* subnormal */
    else { e += 15; f -= 1.0; }
    f *= 1024.0;
    unsigned bits = (unsigned)f;
    f -= bits;
    if (f > 0.5 || (f == 0.5 && (bits & 1))) {
        if (++bits == 1024) {
            bits = 0;
            if (++e == 31) return -1;
        }
    }
    *out = (uint16_t)(sign | (unsigned)e << 10 | bits);
    return 0;
}

/* unpack_single: the item at p as a Python object */
static rh_object *unpack_single(rh_runtime *rt, const char *p, const char *fmt) {
    switch (fmt[0]) {
    case 'B': { uint8_t v; memcpy(&v, p, 1); return rh_int_from_i64(rt, v); }
    case 'b': { int8_t v; memcpy(&v, p, 1); return rh_int_from_i64(rt, v); }
    case 'h': { int16_t v; memcpy(&v, p, 2); return rh_int_from_i64(rt, v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return rh_int_from_i64(rt, v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return rh_int_from_i64(rt, v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return rh_int_from_i64(rt, v); }
    case 'l': case 'q': case 'n': { int64_t v; memcpy(&v, p, 8); return rh_int_from_i64(rt, v); }
    case 'L': case 'Q': case 'N': case 'P': { uint64_t v; memcpy(&v, p, 8); return u64_int(rt, v); }
    case '?': { uint8_t v; memcpy(&v, p, 1); return rh_bool(rt, v != 0); }
    case 'c': return rh_bytes_from(rt, p, 1);
    case 'f': { float v; memcpy(&v, p, 4); return rh_float_new(rt, (double)v); }
    case 'd': { double v; memcpy(&v, p, 8); return rh_float_new(rt, v); }
    case 'e': { uint16_t v; memcpy(&v, p, 2); return rh_float_new(rt, half_to_double(v)); }
    default:
        rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "memoryview: format %s not supported", fmt);
        return NULL;
    }
}

static int type_error_int(rh_runtime *rt, const char *fmt) {
    rh_err_set(rt, RH_EXC_TYPE, "memoryview: invalid type for format '%s'", fmt);
    return -1;
}
static int value_error_int(rh_runtime *rt, const char *fmt) {
    rh_err_set(rt, RH_EXC_VALUE, "memoryview: invalid value for format '%s'", fmt);
    return -1;
}

/* fix_error_int: a failed conversion's TypeError becomes "invalid type", OverflowError / ValueError
 * "invalid value" */
static int fix_error_int(rh_runtime *rt, const char *fmt) {
    rh_exc e = rh_err_occurred(rt);
    if (e == RH_EXC_TYPE) { rh_err_clear(rt); return type_error_int(rt, fmt); }
    if (e == RH_EXC_OVERFLOW || e == RH_EXC_VALUE) { rh_err_clear(rt); return value_error_int(rt, fmt); }
    return -1;
}

/* pack_single: store v at p in format fmt (checked before anything is written) */
static int pack_single(rh_runtime *rt, char *p, rh_object *v, const char *fmt) {
    char f = fmt[0] == '@' ? fmt[1] : fmt[0];
    int64_t x = 0;
    switch (f) {
    case 'B': case 'b': case 'h': case 'H': case 'i': case 'I': case 'l': case 'L': case 'q': case 'Q':
    case 'n': case 'N': case 'P': {
        if (rh_index_value(rt, v, &x)) {
            if (rh_err_occurred(rt) != RH_EXC_OVERFLOW || !(f == 'L' || f == 'Q' || f == 'N' || f == 'P'))
                return fix_error_int(rt, fmt);
            rh_err_clear(rt); /* beyond int64: only the unsigned 8-byte formats take it */
            rh_object *i = rh_number_index(rt, v);
            rh_object *two64 = i ? rh_int_from_text_base(rt, "10000000000000000", 17, 16) : NULL;
            rh_object *d = two64 ? rh_binop(rt, RH_BINOP_SUB, i, two64) : NULL;
            int ok = d && rh_index_value(rt, d, &x) == 0 && x < 0;
            rh_xdecref(rt, i);
            rh_xdecref(rt, two64);
            rh_xdecref(rt, d);
            if (!ok) { rh_err_clear(rt); return value_error_int(rt, fmt); }
        } else {
            int bad = 0;
            switch (f) {
            case 'B': bad = x < 0 || x > 255; break;
            case 'b': bad = x < -128 || x > 127; break;
            case 'h': bad = x < INT16_MIN || x > INT16_MAX; break;
            case 'H': bad = x < 0 || x > UINT16_MAX; break;
            case 'i': bad = x < INT32_MIN || x > INT32_MAX; break;
            case 'I': bad = x < 0 || x > (int64_t)UINT32_MAX; break;
            case 'L': case 'Q': case 'N': case 'P': bad = x < 0; break;
            default: break;
            }
            if (bad) return value_error_int(rt, fmt);
        }
        switch (native_fmtchar(&f, fmt)) {
        case 1: { uint8_t b = (uint8_t)x; memcpy(p, &b, 1); break; }
        case 2: { uint16_t h = (uint16_t)x; memcpy(p, &h, 2); break; }
        case 4: { uint32_t w = (uint32_t)x; memcpy(p, &w, 4); break; }
        default: memcpy(p, &x, 8); break;
        }
        return 0;
    }
    case '?': {
        int t = rh_truthy(rt, v);
        if (t < 0) return -1;
        uint8_t b = (uint8_t)t;
        memcpy(p, &b, 1);
        return 0;
    }
    case 'c':
        if (rh_kind_of(v) != RH_K_BYTES) return type_error_int(rt, fmt);
        if (rh_bytes_len(v) != 1) return value_error_int(rt, fmt);
        *p = rh_bytes_data(v)[0];
        return 0;
    case 'f': case 'd': case 'e': {
        double d;
        rh_kind k = rh_kind_of(v);
        if (k == RH_K_FLOAT) d = rh_float_value(v); /* PyFloat_AsDouble; its errors as fix_error_int words them */
        else if (k == RH_K_INT || k == RH_K_BOOL) { if (rh_int_as_double(rt, v, &d)) return fix_error_int(rt, fmt); }
        else return type_error_int(rt, fmt);
        if (f == 'f') { float g = (float)d; memcpy(p, &g, 4); }
        else if (f == 'd') memcpy(p, &d, 8);
        else { /* PyFloat_Pack2's OverflowError becomes "invalid value" */
            uint16_t h;
            if (double_to_half(d, &h)) return value_error_int(rt, fmt);
            memcpy(p, &h, 2);
        }
        return 0;
    }
    default:
        rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "memoryview: format %s not supported", fmt);
        return -1;
    }
}

/* lookup_dimension / get_item_pointer for dimension 0 */
static char *item_pointer(rh_runtime *rt, const rh_pybuffer *v, char *base, int dim, int64_t i) {
    intptr_t n = v->shape[dim];
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        rh_err_set(rt, RH_EXC_INDEX, "index out of bounds on dimension %d", dim + 1);
        return NULL;
    }
    return base + v->strides[dim] * i;
}

/* memory_item */
static rh_object *memory_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    if (check_released(rt, o)) return NULL;
    const rh_pybuffer *v = &MV(o)->view;
    const char *fmt = adjust_fmt(rt, v);
    if (!fmt) return NULL;
    if (v->ndim == 0) {
        rh_err_set(rt, RH_EXC_TYPE, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (v->ndim != 1) {
        rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char *p = item_pointer(rt, v, v->buf, 0, i);
    return p ? unpack_single(rt, p, fmt) : NULL;
}

/* memory_length: a 0-dim view has length 1 up to 3.11; 3.12 refuses it */
static intptr_t memory_length(rh_runtime *rt, rh_object *o) {
    if (check_released(rt, o)) return -1;
    if (MV(o)->view.ndim == 0 && rt->profile->version_hex >= 0x030C) {
        rh_err_set(rt, RH_EXC_TYPE, "0-dim memory has no length");
        return -1;
    }
    return MV(o)->view.ndim == 0 ? 1 : MV(o)->view.shape[0];
}

static int is_index(rh_object *k) { return rh_type_of(k)->as_number.nb_index != NULL; }

/* PyNumber_AsSsize_t(key, PyExc_IndexError) */
static int key_index(rh_runtime *rt, rh_object *k, int64_t *i) {
    if (rh_index_value(rt, k, i) == 0) return 0;
    if (rh_err_occurred(rt) == RH_EXC_OVERFLOW) {
        rh_err_set(rt, RH_EXC_INDEX, "cannot fit '%s' into an index-sized integer", rh_type_name(k));
    }
    return -1;
}

/* is_multiindex: a tuple of indexes */
static int is_multiindex(rh_object *k) {
    if (rh_kind_of(k) != RH_K_TUPLE) return 0;
    for (size_t i = 0; i < rh_tuple_len(k); i++)
        if (!is_index(rh_tuple_get(k, i))) return 0;
    return 1;
}

static int is_multislice(rh_object *k) {
    if (rh_kind_of(k) != RH_K_TUPLE || rh_tuple_len(k) == 0) return 0;
    for (size_t i = 0; i < rh_tuple_len(k); i++)
        if (rh_kind_of(rh_tuple_get(k, i)) != RH_K_SLICE) return 0;
    return 1;
}

/* the pointer an index tuple names (ptr_from_tuple) */
static char *tuple_pointer(rh_runtime *rt, const rh_pybuffer *v, rh_object *key) {
    size_t n = rh_tuple_len(key);
    if ((int)n < v->ndim) {
        rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "sub-views are not implemented");
        return NULL;
    }
    if ((int)n > v->ndim) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot index %d-dimension view with %zu-element tuple", v->ndim, n);
        return NULL;
    }
    char *p = v->buf;
    for (size_t d = 0; d < n; d++) {
        int64_t i;
        if (key_index(rt, rh_tuple_get(key, d), &i)) return NULL;
        if (!(p = item_pointer(rt, v, p, (int)d, i))) return NULL;
    }
    return p;
}

/* the slice bounds of key against the view's first dimension: start, step and count */
static int slice_bounds(rh_runtime *rt, const rh_pybuffer *v, rh_object *key, int64_t *start, int64_t *step, int64_t *count) {
    rh_object *len = rh_int_from_i64(rt, v->shape[0]), *b[3];
    if (!len) return -1;
    int rc = rh_slice_long_indices(rt, key, len, b);
    rh_decref(rt, len);
    if (rc) return -1;
    int64_t st, sp, stp;
    rc = rh_index_value(rt, b[0], &st) || rh_index_value(rt, b[1], &sp) || rh_index_value(rt, b[2], &stp);
    for (int i = 0; i < 3; i++) rh_decref(rt, b[i]);
    if (rc) return -1;
    *start = st;
    *step = stp;
    if (stp > 0) *count = st < sp ? (sp - st - 1) / stp + 1 : 0;
    else *count = sp < st ? (st - sp - 1) / (-stp) + 1 : 0;
    return 0;
}

/* memory_subscript */
static rh_object *memory_subscript(rh_runtime *rt, rh_object *o, rh_object *key) {
    if (check_released(rt, o)) return NULL;
    rh_pybuffer *v = &MV(o)->view;
    if (v->ndim == 0) {
        if (rh_kind_of(key) == RH_K_ELLIPSIS) { rh_incref(o); return o; }
        if (rh_kind_of(key) == RH_K_TUPLE && rh_tuple_len(key) == 0) {
            const char *fmt = adjust_fmt(rt, v);
            return fmt ? unpack_single(rt, v->buf, fmt) : NULL;
        }
        rh_err_set(rt, RH_EXC_TYPE, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (is_index(key)) {
        int64_t i;
        if (key_index(rt, key, &i)) return NULL;
        if (i < INTPTR_MIN + 1) i = INTPTR_MIN + 1;
        return memory_item(rt, o, (intptr_t)i);
    }
    if (rh_kind_of(key) == RH_K_SLICE) {
        int64_t start, step, count;
        if (slice_bounds(rt, v, key, &start, &step, &count)) return NULL;
        rh_object *r = add_view(rt, MV(o)->mbuf, v);
        if (!r) return NULL;
        rh_pybuffer *d = &MV(r)->view;
        d->buf += d->strides[0] * start; /* init_slice */
        d->shape[0] = (intptr_t)count;
        d->strides[0] *= (intptr_t)step;
        intptr_t len = d->itemsize; /* init_len */
        for (int k = 0; k < d->ndim; k++) len *= d->shape[k];
        d->len = len;
        init_flags(MV(r));
        return r;
    }
    if (is_multiindex(key)) {
        const char *fmt = adjust_fmt(rt, v);
        char *p = fmt ? tuple_pointer(rt, v, key) : NULL;
        return p ? unpack_single(rt, p, fmt) : NULL;
    }
    if (is_multislice(key)) rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "multi-dimensional slicing is not implemented");
    else rh_err_set(rt, RH_EXC_TYPE, "memoryview: invalid slice key");
    return NULL;
}

/* memory_ass_sub */
static int memory_ass_sub(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *value) {
    if (check_released(rt, o)) return -1;
    rh_pybuffer *v = &MV(o)->view;
    if (v->readonly) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        rh_err_set(rt, RH_EXC_TYPE, "cannot delete memory");
        return -1;
    }
    if (v->ndim == 0) {
        if (rh_kind_of(key) == RH_K_ELLIPSIS || (rh_kind_of(key) == RH_K_TUPLE && rh_tuple_len(key) == 0))
            return pack_single(rt, v->buf, value, v->format);
        rh_err_set(rt, RH_EXC_TYPE, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (is_index(key)) {
        if (v->ndim > 1) {
            rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "sub-views are not implemented");
            return -1;
        }
        int64_t i;
        if (key_index(rt, key, &i)) return -1;
        char *p = item_pointer(rt, v, v->buf, 0, i);
        return p ? pack_single(rt, p, value, v->format) : -1;
    }
    if (rh_kind_of(key) == RH_K_SLICE && v->ndim == 1) {
        /* the value's buffer copied into the slice's items (copy_single): same format and count */
        rh_pybuffer src;
        rh_object *sv = NULL;
        if (rh_kind_of(value) == RH_K_MEMORYVIEW) {
            if (check_released(rt, value)) return -1;
            src = MV(value)->view;
        } else {
            if (get_buffer(rt, value, &src)) {
                if (rh_err_occurred(rt) == RH_EXC_TYPE)
                    rh_err_set(rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", rh_type_name(value));
                return -1;
            }
            sv = value;
        }
        int64_t start, step, count;
        int rc = slice_bounds(rt, v, key, &start, &step, &count);
        if (rc == 0) {
            const char *df = v->format[0] == '@' ? v->format + 1 : v->format;
            const char *sf = src.format[0] == '@' ? src.format + 1 : src.format;
            intptr_t scount = src.ndim == 0 ? -1 : src.shape[0];
            if (strcmp(df, sf) || v->itemsize != src.itemsize || src.ndim != 1 || scount != (intptr_t)count) {
                rh_err_set(rt, RH_EXC_VALUE, "memoryview assignment: lvalue and rvalue have different structures");
                rc = -1;
            }
        }
        if (rc == 0 && count) {
            /* through a temporary copy: source and destination may overlap */
            size_t isz = (size_t)v->itemsize, n = (size_t)count * isz;
            char *tmp = rh__pymem_malloc(rt, n);
            if (!tmp) rc = -1;
            else {
                for (int64_t k = 0; k < count; k++) memcpy(tmp + (size_t)k * isz, src.buf + src.strides[0] * k, isz);
                for (int64_t k = 0; k < count; k++)
                    memcpy(v->buf + v->strides[0] * (start + k * step), tmp + (size_t)k * isz, isz);
                rh_mem_free(rt, tmp, n);
            }
        }
        if (sv) release_buffer(rt, &src);
        return rc;
    }
    if (is_multiindex(key)) {
        char *p = tuple_pointer(rt, v, key);
        return p ? pack_single(rt, p, value, v->format) : -1;
    }
    if (rh_kind_of(key) == RH_K_SLICE || is_multislice(key))
        rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "memoryview slice assignments are currently restricted to ndim = 1");
    else rh_err_set(rt, RH_EXC_TYPE, "memoryview: invalid slice key");
    return -1;
}

/* ---------------------------------------------------------------- contiguous copies, tolist */

/* PyBuffer_ToContiguous: the items in C order ('F': Fortran order) into dst */
static void copy_items(const rh_pybuffer *v, char *dst, char order) {
    if (v->ndim == 0) { memcpy(dst, v->buf, (size_t)v->itemsize); return; }
    if ((order != 'F' && is_contiguous(v, 'C')) || (order == 'F' && is_contiguous(v, 'F')) ||
        (order == 'A' && is_contiguous(v, 'F'))) {
        memcpy(dst, v->buf, (size_t)v->len);
        return;
    }
    intptr_t idx[MAX_NDIM] = {0}, total = v->len / v->itemsize;
    for (intptr_t n = 0; n < total; n++) {
        char *p = v->buf;
        for (int d = 0; d < v->ndim; d++) p += idx[d] * v->strides[d];
        memcpy(dst + n * v->itemsize, p, (size_t)v->itemsize);
        if (order == 'F') {
            for (int d = 0; d < v->ndim && ++idx[d] == v->shape[d]; d++) idx[d] = 0;
        } else {
            for (int d = v->ndim - 1; d >= 0 && ++idx[d] == v->shape[d]; d--) idx[d] = 0;
        }
    }
}

size_t rh_memoryview_nbytes(rh_object *mv) { return (size_t)MV(mv)->view.len; }

int rh_memoryview_copy(rh_runtime *rt, rh_object *mv, char *dst, char order) {
    if (check_released(rt, mv)) return -1;
    copy_items(&MV(mv)->view, dst, order);
    return 0;
}

/* memoryview_tobytes_impl */
rh_object *rh_memoryview_tobytes(rh_runtime *rt, rh_object *mv, char order) {
    if (check_released(rt, mv)) return NULL;
    rh_object *b = rh_bytes_new(rt, (size_t)MV(mv)->view.len);
    if (b && MV(mv)->view.len) copy_items(&MV(mv)->view, rh_bytes_wdata(b), order);
    return b;
}

/* tolist_rec / tolist_base */
static rh_object *tolist_rec(rh_runtime *rt, const rh_pybuffer *v, char *p, int dim, const char *fmt) {
    intptr_t n = v->shape[dim];
    rh_object *l = rh_list_new(rt, (size_t)n);
    for (intptr_t i = 0; l && i < n; i++, p += v->strides[dim]) {
        rh_object *x = dim == v->ndim - 1 ? unpack_single(rt, p, fmt) : tolist_rec(rt, v, p, dim + 1, fmt);
        if (!x) { /* the unfilled slots get None so the list can go */
            for (intptr_t j = i; j < n; j++) { rh_incref(rh_none(rt)); rh_list_set_init(l, (size_t)j, rh_none(rt)); }
            rh_decref(rt, l);
            return NULL;
        }
        rh_list_set_init(l, (size_t)i, x);
    }
    return l;
}

/* memoryview_tolist_impl */
rh_object *rh_memoryview_tolist(rh_runtime *rt, rh_object *mv) {
    if (check_released(rt, mv)) return NULL;
    const rh_pybuffer *v = &MV(mv)->view;
    const char *fmt = adjust_fmt(rt, v);
    if (!fmt) return NULL;
    if (v->ndim == 0) return unpack_single(rt, v->buf, fmt);
    return tolist_rec(rt, v, v->buf, 0, fmt);
}

/* ---------------------------------------------------------------- cast, toreadonly */

/* memoryview_cast_impl (cast_to_1D, then cast_to_ND with a shape): a new view of the same buffer */
rh_object *rh_memoryview_cast(rh_runtime *rt, rh_object *o, const char *format, rh_object *shape) {
    if (check_released(rt, o)) return NULL;
    rh_pybuffer *v = &MV(o)->view;
    if (!(MV(o)->flags & (MV_SCALAR | MV_C))) {
        rh_err_set(rt, RH_EXC_TYPE, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    if (shape || v->ndim != 1) {
        for (int i = 0; i < v->ndim; i++)
            if (v->shape[i] == 0) {
                rh_err_set(rt, RH_EXC_TYPE, "memoryview: cannot cast view with zeros in shape or strides");
                return NULL;
            }
    }
    size_t ndim = 1;
    if (shape) {
        if (rh_kind_of(shape) != RH_K_LIST && rh_kind_of(shape) != RH_K_TUPLE) {
            rh_err_set(rt, RH_EXC_TYPE, "shape must be a list or a tuple");
            return NULL;
        }
        ndim = rh_kind_of(shape) == RH_K_LIST ? rh_list_len(shape) : rh_tuple_len(shape);
        if (ndim > MAX_NDIM) {
            rh_err_set(rt, RH_EXC_VALUE, "memoryview: number of dimensions must not exceed %d", MAX_NDIM);
            return NULL;
        }
        if (v->ndim != 1 && ndim != 1) {
            rh_err_set(rt, RH_EXC_TYPE, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
    }
    rh_object *r = add_incomplete_view(rt, MV(o)->mbuf, v, ndim == 0 ? 1 : (int)ndim);
    if (!r) return NULL;
    rh_pybuffer *d = &MV(r)->view;
    /* cast_to_1D */
    char destchar, srcchar;
    intptr_t itemsize = native_fmtchar(&destchar, format);
    if (itemsize > 0 && destchar == 'e' && rt->profile->version_hex < 0x030C) itemsize = -1; /* 'e': 3.12 */
    if (itemsize < 0) {
        rh_err_set(rt, RH_EXC_VALUE, "memoryview: destination format must be a native single character format "
                                     "prefixed with an optional '@'");
        goto fail;
    }
    if ((native_fmtchar(&srcchar, d->format) < 0 || !is_byte_format(srcchar)) && !is_byte_format(destchar)) {
        rh_err_set(rt, RH_EXC_TYPE, "memoryview: cannot cast between two non-byte formats");
        goto fail;
    }
    if (d->len % itemsize) {
        rh_err_set(rt, RH_EXC_TYPE, "memoryview: length is not a multiple of itemsize");
        goto fail;
    }
    d->format = native_fmtstr(format);
    d->itemsize = itemsize;
    d->ndim = 1;
    d->shape[0] = d->len / itemsize;
    d->strides[0] = itemsize;
    d->suboffsets = NULL;
    init_flags(MV(r));
    if (shape) { /* cast_to_ND */
        intptr_t len = d->itemsize;
        d->ndim = (int)ndim;
        if (ndim == 0) {
            d->shape = NULL;
            d->strides = NULL;
        } else {
            for (size_t i = 0; i < ndim; i++) { /* copy_shape */
                rh_object *x = rh_kind_of(shape) == RH_K_LIST ? rh_list_get(shape, i) : rh_tuple_get(shape, i);
                int64_t e;
                if (rh_kind_of(x) != RH_K_INT && rh_kind_of(x) != RH_K_BOOL) {
                    rh_err_set(rt, RH_EXC_TYPE, "memoryview.cast(): elements of shape must be integers");
                    goto fail;
                }
                if (rh_index_value(rt, x, &e)) goto fail;
                if (e <= 0) {
                    rh_err_set(rt, RH_EXC_VALUE, "memoryview.cast(): elements of shape must be integers > 0");
                    goto fail;
                }
                if (e > (int64_t)((size_t)RH_SSIZE_MAX / (size_t)len)) {
                    rh_err_set(rt, RH_EXC_VALUE, "memoryview.cast(): product(shape) > SSIZE_MAX");
                    goto fail;
                }
                len *= (intptr_t)e;
                d->shape[i] = (intptr_t)e;
            }
            intptr_t sd = d->itemsize; /* init_strides_from_shape */
            for (int i = d->ndim - 1; i >= 0; i--) {
                d->strides[i] = sd;
                sd *= d->shape[i];
            }
        }
        if (d->len != len) {
            rh_err_set(rt, RH_EXC_TYPE, "memoryview: product(shape) * itemsize != buffer size");
            goto fail;
        }
        init_flags(MV(r));
    }
    return r;
fail:
    rh_decref(rt, r);
    return NULL;
}

/* memoryview_toreadonly_impl */
rh_object *rh_memoryview_toreadonly(rh_runtime *rt, rh_object *o) {
    if (check_released(rt, o)) return NULL;
    rh_object *r = add_view(rt, MV(o)->mbuf, &MV(o)->view);
    if (r) MV(r)->view.readonly = 1;
    return r;
}

/* ---------------------------------------------------------------- what the attributes read */

int rh_memoryview_info(rh_runtime *rt, rh_object *o, rh_memoryview_view *out) {
    if (check_released(rt, o)) return -1;
    const rh_pybuffer *v = &MV(o)->view;
    out->obj = v->obj;
    out->buf = v->buf;
    out->nbytes = v->len;
    out->itemsize = v->itemsize;
    out->readonly = v->readonly;
    out->ndim = v->ndim;
    out->format = v->format;
    out->shape = v->shape;
    out->strides = v->strides;
    out->suboffsets = v->suboffsets;
    out->c_contiguous = (MV(o)->flags & (MV_SCALAR | MV_C)) != 0;
    out->f_contiguous = (MV(o)->flags & (MV_SCALAR | MV_FORTRAN)) != 0;
    out->contiguous = (MV(o)->flags & (MV_SCALAR | MV_C | MV_FORTRAN)) != 0;
    return 0;
}

int rh_memoryview_released(rh_object *mv) { return inaccessible(mv); }

int rh_buffer_simple(rh_object *o, const char **p, size_t *n) {
    if (rh_is_byteslike(o)) {
        *p = rh_bytes_data(o);
        *n = rh_bytes_len(o);
        return 0;
    }
    /* memory_getbuf without PyBUF_ND: a released or not C-contiguous view refuses */
    if (rh_kind_of(o) != RH_K_MEMORYVIEW || inaccessible(o) || !(MV(o)->flags & (MV_SCALAR | MV_C))) return -1;
    *p = MV(o)->view.buf;
    *n = (size_t)MV(o)->view.len;
    return 0;
}

/* ---------------------------------------------------------------- repr, hash, compare */

static int memory_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, inaccessible(o) ? "<released memory at %p>" : "<memory at %p>", (void *)o);
}

/* memory_hash: read-only byte-format views only, hashed as the bytes they show (cached) */
static int64_t memory_hash(rh_runtime *rt, rh_object *o) {
    rh_mview *mv = MV(o);
    if (mv->hash != -1) return mv->hash;
    if (check_released(rt, o)) return -1;
    const rh_pybuffer *v = &mv->view;
    char f;
    if (!v->readonly) {
        rh_err_set(rt, RH_EXC_VALUE, "cannot hash writable memoryview object");
        return -1;
    }
    if (native_fmtchar(&f, v->format) < 0 || !is_byte_format(f)) {
        rh_err_set(rt, RH_EXC_VALUE, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    int64_t oh;
    if (v->obj && rh_hash(rt, v->obj, &oh)) return -1; /* the exporter hashable (its error kept) */
    if (mv->flags & (MV_SCALAR | MV_C)) mv->hash = rh__hash_bytes(v->buf, (size_t)v->len);
    else {
        char *tmp = rh__pymem_malloc(rt, (size_t)v->len ? (size_t)v->len : 1);
        if (!tmp) return -1;
        copy_items(v, tmp, 'C');
        mv->hash = rh__hash_bytes(tmp, (size_t)v->len);
        rh_mem_free(rt, tmp, (size_t)v->len ? (size_t)v->len : 1);
    }
    if (mv->hash == -1) mv->hash = -2;
    return mv->hash;
}

/* equiv_shape */
static int equiv_shape(const rh_pybuffer *a, const rh_pybuffer *b) {
    if (a->ndim != b->ndim) return 0;
    for (int i = 0; i < a->ndim; i++) {
        intptr_t sa = a->shape ? a->shape[i] : a->len / a->itemsize, sb = b->shape ? b->shape[i] : b->len / b->itemsize;
        if (sa != sb) return 0;
        if (sa == 0) break;
    }
    return 1;
}

/* cmp_rec over unpacked items (the struct-module path and the fast path agree on values): 1, 0, -1 */
static int cmp_rec(rh_runtime *rt, const rh_pybuffer *a, char *pa, const char *fa, const rh_pybuffer *b,
                   char *pb, const char *fb, int dim) {
    if (a->ndim == 0) {
        rh_object *x = unpack_single(rt, pa, fa), *y = x ? unpack_single(rt, pb, fb) : NULL;
        int r = y ? rh_equal(rt, x, y) : -1;
        rh_xdecref(rt, x);
        rh_xdecref(rt, y);
        return r;
    }
    intptr_t n = a->shape[dim];
    int fast = !strcmp(fa, fb) && is_byte_format(fa[0]);
    for (intptr_t i = 0; i < n; i++, pa += a->strides[dim], pb += b->strides[dim]) {
        int r;
        if (dim < a->ndim - 1) r = cmp_rec(rt, a, pa, fa, b, pb, fb, dim + 1);
        else if (fast) r = *pa == *pb;
        else {
            rh_object *x = unpack_single(rt, pa, fa), *y = x ? unpack_single(rt, pb, fb) : NULL;
            r = y ? rh_equal(rt, x, y) : -1;
            rh_xdecref(rt, x);
            rh_xdecref(rt, y);
        }
        if (r <= 0) return r;
    }
    return 1;
}

/* memory_richcompare: == and != only; a released view equals only itself; another operand without a
 * buffer gives NotImplemented; shapes first, then the items' values */
static rh_object *memory_richcompare(rh_runtime *rt, rh_object *v, rh_object *w, int op) {
    if (op != RH_CMP_EQ && op != RH_CMP_NE) return rh_notimplemented(rt);
    if (rh_kind_of(v) != RH_K_MEMORYVIEW) { rh_object *t = v; v = w; w = t; }
    int equal;
    rh_pybuffer wbuf, *ww = NULL;
    if (inaccessible(v) || (rh_kind_of(w) == RH_K_MEMORYVIEW && inaccessible(w))) {
        equal = v == w;
    } else {
        if (rh_kind_of(w) == RH_K_MEMORYVIEW) ww = &MV(w)->view;
        else {
            if (rh_kind_of(w) != RH_K_BYTES && rh_kind_of(w) != RH_K_BYTEARRAY && rh_kind_of(w) != RH_K_ARRAY)
                return rh_notimplemented(rt);
            if (get_buffer(rt, w, &wbuf)) return NULL;
        }
        const rh_pybuffer *vv = &MV(v)->view, *wv = ww ? ww : &wbuf;
        if (!equiv_shape(vv, wv)) equal = 0;
        else {
            const char *fa = vv->format[0] == '@' ? vv->format + 1 : vv->format;
            const char *fb = wv->format[0] == '@' ? wv->format + 1 : wv->format;
            equal = cmp_rec(rt, vv, vv->buf, fa, wv, wv->buf, fb, 0);
        }
        if (!ww) release_buffer(rt, &wbuf);
        if (equal < 0) return NULL;
    }
    return rh_bool(rt, op == RH_CMP_EQ ? equal : !equal);
}

/* ---------------------------------------------------------------- iterator (3.10+) */

/* memory_iter */
static rh_object *memory_iter(rh_runtime *rt, rh_object *o) {
    const rh_pybuffer *v = &MV(o)->view;
    if (check_released(rt, o)) return NULL;
    if (v->ndim == 0) {
        rh_err_set(rt, RH_EXC_TYPE, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (v->ndim != 1) {
        rh_err_set(rt, RH_EXC_NOTIMPLEMENTED, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    const char *fmt = adjust_fmt(rt, v);
    if (!fmt) return NULL;
    rh_object *it = new_gc(rt, RH_K_MEMORYITER, sizeof(rh_mviter));
    if (!it) return NULL;
    rh_mviter *mi = (rh_mviter *)(void *)it;
    mi->it_fmt = fmt;
    mi->it_length = v->shape[0];
    mi->it_index = 0;
    rh_incref(o);
    mi->it_seq = o;
    rh__gc_track(rt, it);
    return it;
}

/* memoryiter_next: the view is dropped once exhausted */
static rh_object *memoryiter_next(rh_runtime *rt, rh_object *o) {
    rh_mviter *it = (rh_mviter *)(void *)o;
    rh_object *seq = it->it_seq;
    if (!seq) return NULL;
    if (it->it_index < it->it_length) {
        if (check_released(rt, seq)) return NULL;
        const rh_pybuffer *v = &MV(seq)->view;
        char *p = v->buf + v->strides[0] * it->it_index++;
        return unpack_single(rt, p, it->it_fmt);
    }
    clear_slot(rt, &it->it_seq);
    return NULL;
}

static int memoryiter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_mviter *)(void *)o)->it_seq);
    return 0;
}

static void memoryiter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    clear_slot(rt, &((rh_mviter *)(void *)o)->it_seq);
    rh__object_free(rt, o, sizeof(rh_mviter));
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static int default_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

/* ---------------------------------------------------------------- types */

void rh__type_init_memoryview(rh_runtime *rt, rh_type *t) {
    int py2 = rh_runtime_profile(rt)->python2;
    set_type(t, "memoryview", py2 ? 120 : sizeof(rh_mview), py2 ? 0 : offsetof(rh_mview, weakreflist),
             memory_dealloc, memory_traverse, memory_clear);
    t->itemsize = py2 ? 0 : sizeof(intptr_t);
    t->size_of = memory_size_of;
    t->repr_into = memory_repr_into;
    t->tp_hash = memory_hash;
    t->tp_richcompare = memory_richcompare;
    if (rt->profile->version_hex >= 0x030A) t->tp_iter = memory_iter;
    t->as_sequence = (rh_sequence_methods){.sq_length = memory_length, .sq_item = memory_item};
    t->as_mapping = (rh_mapping_methods){.mp_length = memory_length, .mp_subscript = memory_subscript,
                                         .mp_ass_subscript = memory_ass_sub};
}

void rh__type_init_managedbuffer(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "managedbuffer", sizeof(rh_mbuf), 0, mbuf_dealloc, mbuf_traverse, mbuf_clear);
    t->repr_into = default_repr_into;
}

void rh__type_init_memoryiter(rh_runtime *rt, rh_type *t) {
    (void)rt;
    set_type(t, "memory_iterator", sizeof(rh_mviter), 0, memoryiter_dealloc, memoryiter_traverse, NULL);
    t->repr_into = default_repr_into;
    t->tp_iter = iter_self;
    t->tp_iternext = memoryiter_next;
}
