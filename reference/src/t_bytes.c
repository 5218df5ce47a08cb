/* t_bytes.c — bytes, bytearray and their iterators (CPython 3.11 Objects/bytesobject.c,
 * Objects/bytearrayobject.c, Objects/bytes_methods.c).
 *
 * Owns the kinds RH_K_BYTES ("bytes"), RH_K_BYTESITER ("bytes_iterator"), RH_K_BYTEARRAY ("bytearray"),
 * RH_K_BYTEARRAYITER ("bytearray_iterator"), rh__bytes_init (the singletons) and refheap/bytes.h. The
 * methods that parse arguments (decode, split, join, ...) are the interpreter's (harness/src/builtins_bytes.c).
 *
 * Layout:
 *  - bytes is PyBytesObject: PyObject_VAR_HEAD, ob_shash, then the bytes and a NUL: 33 + len bytes
 *    (getsizeof(b'') == 33, b'abc' == 36 in every 3.x); not a GC type;
 *  - bytearray is PyByteArrayObject: PyObject_VAR_HEAD, ob_alloc, ob_bytes, ob_start, ob_exports: 56
 *    bytes (2.7's has no ob_start: 48), plus its buffer of ob_alloc bytes from the object allocator
 *    (PyObject_Malloc/Realloc in 3.x), counted by __sizeof__; not a GC type;
 *  - each iterator is GC-tracked, 32 bytes + GC head (striterobject / bytesiterobject).
 *
 * Invariants:
 *  - the empty bytes and the 256 one-byte bytes are statics (3.11's bytes_empty / characters[], which
 *    _Py_STR singletons made static): PyBytes_FromStringAndSize with data returns them for lengths 0 and 1
 *    (rh_bytes_from); a bytes made to be written (rh_bytes_new: PyBytes_FromStringAndSize(NULL, n)) is the
 *    empty static for n == 0 and otherwise always fresh — so b'abc'[::3] is not b'a' while b'abc'[:1] is;
 *  - ob_shash is -1 until computed; the hash is str's function over the same bytes (so, as CPython's
 *    shared _Py_HashBytes, hash(b'abc') == hash('abc'));
 *  - a bytearray's ob_bytes is NULL exactly when ob_alloc is 0; otherwise its data starts at ob_start
 *    (3.x: ob_bytes + the logical offset a deletion at the front made, as bytearray_setslice_linear) and
 *    is followed by a NUL; 2.7's object ends before ob_start and ob_exports, which are then never touched
 *    (has_start: told by the type's basicsize, so accessors need no runtime);
 *  - an iterator drops its sequence when exhausted, as CPython's do.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "callables.h"
#include "containers.h" /* rh__list_new_prealloc */
#include "refheap/bytes.h"

typedef struct rh_bytesobj {
    rh_varobject ob;
    int64_t ob_shash;
    char ob_sval[1];
} rh_bytesobj;
#define BYTES_HEADER offsetof(rh_bytesobj, ob_sval) /* 32: PyBytesObject_SIZE is this + 1 */

typedef struct rh_bytearrayobj {
    rh_varobject ob;
    intptr_t ob_alloc;
    char *ob_bytes;
    char *ob_start;          /* 3.x only (== ob_bytes); 2.7's object ends before it */
    int ob_exports;          /* 3.x only: buffers exported (memoryviews' managed buffers) */
} rh_bytearrayobj; /* 56, as PyByteArrayObject */

typedef struct rh_bytesiter {
    rh_object ob;
    intptr_t it_index;
    rh_object *it_seq;
} rh_bytesiter; /* 32, as striterobject / bytesiterobject */

static inline rh_bytesobj *B(rh_object *o) { return (rh_bytesobj *)(void *)o; }
static inline rh_bytearrayobj *BA(rh_object *o) { return (rh_bytearrayobj *)(void *)o; }
static inline int is_bytes(const rh_object *o) { return o->type->kind == RH_K_BYTES; }
static inline int is_bytearray(const rh_object *o) { return o->type->kind == RH_K_BYTEARRAY; }
static size_t bytes_alloc_size(size_t n) { return BYTES_HEADER + n + 1; }
static int has_start(const rh_object *o) { return o->type->basicsize >= sizeof(rh_bytearrayobj); }
static char *ba_start(rh_object *o) { return has_start(o) ? BA(o)->ob_start : BA(o)->ob_bytes; }
static size_t bytearray_basic(rh_runtime *rt) {
    return rt->profile->version_hex >= 0x0300 ? sizeof(rh_bytearrayobj) : 48;
}

/* ---------------------------------------------------------------- bytes: creation */

static void bytes_header(rh_object *o, size_t n) {
    B(o)->ob.size = (intptr_t)n;
    B(o)->ob_shash = -1;
    B(o)->ob_sval[n] = '\0';
}

/* The static singletons (3.11 bytes_get_empty / characters[]): statics live as long as the runtime. */
int rh__bytes_init(rh_runtime *rt) {
    rh_type *t = rh_builtin_type(rt, RH_K_BYTES);
    rh_object *e = (rh_object *)rt->statics->empty_bytes;
    rh__static_init(rt, e, t);
    bytes_header(e, 0);
    for (unsigned c = 0; c < 256; c++) {
        rh_object *o = (rh_object *)rt->statics->byte_chars[c];
        rh_assert(bytes_alloc_size(1) <= RH_BYTES_STATIC_BYTES);
        rh__static_init(rt, o, t);
        bytes_header(o, 1);
        B(o)->ob_sval[0] = (char)c;
    }
    return 0;
}

static rh_object *static_ref(rh_object *o) {
    rh_incref(o);
    return o;
}

/* _PyBytes_FromSize(n, 0): n == 0 the empty static, else a fresh zeroed bytes. New reference. */
rh_object *rh_bytes_new(rh_runtime *rt, size_t n) {
    if (n == 0) return static_ref((rh_object *)rt->statics->empty_bytes);
    if (n > (size_t)RH_SSIZE_MAX - BYTES_HEADER - 1) {
        rh_err_set(rt, RH_EXC_OVERFLOW, "byte string is too large");
        return NULL;
    }
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, RH_K_BYTES), bytes_alloc_size(n));
    if (!o) return NULL;
    memset(B(o)->ob_sval, 0, n);
    bytes_header(o, n);
    return o;
}

/* PyBytes_FromStringAndSize(data, n): the statics for n <= 1. New reference. */
rh_object *rh_bytes_from(rh_runtime *rt, const void *data, size_t n) {
    if (n == 0) return static_ref((rh_object *)rt->statics->empty_bytes);
    if (n == 1) return static_ref((rh_object *)rt->statics->byte_chars[*(const unsigned char *)data]);
    rh_object *o = rh_bytes_new(rt, n);
    if (o) memcpy(B(o)->ob_sval, data, n);
    return o;
}

char *rh_bytes_wdata(rh_object *o) { return B(o)->ob_sval; }

/* _PyBytes_Resize of the only reference *pv (3.11 Objects/bytesobject.c): to 0, the empty bytes; from the
 * empty bytes, a new one; else the object's block is reallocated (PyObject_Realloc: pymalloc may keep it
 * or move it), the hash forgotten and a NUL put after the new end. On failure *pv is released and NULL
 * (MemoryError). 0 or -1. */
int rh__bytes_resize(rh_runtime *rt, rh_object **pv, size_t newsize) {
    rh_object *v = *pv;
    size_t oldsize = rh_bytes_len(v);
    if (oldsize == newsize) return 0;
    if (oldsize == 0) {
        *pv = rh_bytes_new(rt, newsize);
        rh_decref(rt, v);
        return *pv ? 0 : -1;
    }
    if (newsize == 0) {
        *pv = static_ref((rh_object *)rt->statics->empty_bytes);
        rh_decref(rt, v);
        return 0;
    }
    rh_assert(v->refcnt == 1);
    char *block = newsize <= (size_t)RH_SSIZE_MAX - BYTES_HEADER - 1
                      ? rh_mem_realloc(rt, v, bytes_alloc_size(oldsize), bytes_alloc_size(newsize)) : NULL;
    if (!block) {
        if (!rh_err_occurred(rt)) rh_err_nomemory(rt);
        rh_decref(rt, v);
        *pv = NULL;
        return -1;
    }
    v = (rh_object *)(void *)block;
    B(v)->ob.size = (intptr_t)newsize;
    bytes_header(v, newsize);
    *pv = v;
    return 0;
}

int rh_is_byteslike(rh_object *o) { return is_bytes(o) || is_bytearray(o); }

const char *rh_bytes_data(rh_object *o) {
    if (is_bytes(o)) return B(o)->ob_sval;
    return BA(o)->ob_bytes ? ba_start(o) : "";
}

size_t rh_bytes_len(rh_object *o) { return (size_t)((rh_varobject *)o)->size; }

static void bytes_dealloc(rh_runtime *rt, rh_object *o) { rh__object_free(rt, o, bytes_alloc_size(rh_bytes_len(o))); }

static size_t bytes_size_of(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return bytes_alloc_size(rh_bytes_len(o));
}

/* ---------------------------------------------------------------- shared by both types */

/* PyBytes_Repr / bytearray_repr: b'...' with ' unless the data has ' and no " (smartquotes). bytes
 * escapes the quote it chose; bytearray_repr always escapes ' (and never ") whichever quote it chose. */
static int put_bytes_repr(rh__sb *b, const char *d, size_t n, int bytearray) {
    char quote = '\'';
    if (memchr(d, '\'', n) && !memchr(d, '"', n)) quote = '"';
    char escq = bytearray ? '\'' : quote;
    if (rh__sb_putc(b, 'b') || rh__sb_putc(b, quote)) return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        char esc[5] = {'\\', 0, 0, 0, 0};
        if (c == (unsigned char)escq || c == '\\') esc[1] = (char)c;
        else if (c == '\t') esc[1] = 't';
        else if (c == '\n') esc[1] = 'n';
        else if (c == '\r') esc[1] = 'r';
        else if (c < ' ' || c >= 0x7f) {
            static const char hex[] = "0123456789abcdef";
            esc[1] = 'x';
            esc[2] = hex[c >> 4];
            esc[3] = hex[c & 15];
        } else {
            if (rh__sb_putc(b, (char)c)) return -1;
            continue;
        }
        if (rh__sb_puts(b, esc)) return -1;
    }
    return rh__sb_putc(b, quote);
}

static int bytes_repr_into(rh__sb *b, rh_object *o) { return put_bytes_repr(b, rh_bytes_data(o), rh_bytes_len(o), 0); }

static int bytearray_repr_into(rh__sb *b, rh_object *o) {
    if (rh__sb_puts(b, "bytearray(") || put_bytes_repr(b, rh_bytes_data(o), rh_bytes_len(o), 1)) return -1;
    return rh__sb_putc(b, ')');
}

/* bytes_richcompare / bytearray_richcompare: both operands bytes-like, else NotImplemented (so
 * b'a' == 'a' is False by identity). Ordering is memcmp over the common length, then the length. */
/* 2.7: a str compares with a bytearray as its bytes (code points below 256; b'' literals are such strs).
 * A copy of them in *tmp (libc scratch, freed by the caller); 0, or -1 when o is not such a str. */
static int str27_view(rh_runtime *rt, rh_object *o, const char **d, size_t *n, char **tmp) {
    if (!rt->profile->python2 || o->type->kind != RH_K_STR) return -1;
    size_t len = rh_str_len(o);
    char *buf = malloc(len + 1);
    if (!buf) return -1;
    for (size_t i = 0; i < len; i++) {
        uint32_t c = rh_str_char_at(o, i);
        if (c > 0xFF) { free(buf); return -1; }
        buf[i] = (char)c;
    }
    *d = *tmp = buf;
    *n = len;
    return 0;
}

static rh_object *compare_data(rh_runtime *rt, const char *da, size_t la, const char *db, size_t lb, int op) {
    if ((op == RH_CMP_EQ || op == RH_CMP_NE) && la != lb) return rh_bool(rt, op == RH_CMP_NE);
    int c = memcmp(da, db, la < lb ? la : lb);
    if (c == 0) c = la < lb ? -1 : la > lb;
    return rh__cmp_result(rt, op, c);
}

static rh_object *byteslike_richcompare(rh_runtime *rt, rh_object *a, rh_object *b, int op) {
    const char *da, *db;
    size_t la, lb;
    char *tmp = NULL;
    if (rh_is_byteslike(a)) da = rh_bytes_data(a), la = rh_bytes_len(a);
    else if (str27_view(rt, a, &da, &la, &tmp)) return rh__notimpl(rt);
    if (rh_is_byteslike(b)) db = rh_bytes_data(b), lb = rh_bytes_len(b);
    else if (tmp || str27_view(rt, b, &db, &lb, &tmp)) { free(tmp); return rh__notimpl(rt); }
    rh_object *r = compare_data(rt, da, la, db, lb, op);
    free(tmp);
    return r;
}

static intptr_t byteslike_length(rh_runtime *rt, rh_object *o) {
    (void)rt;
    return (intptr_t)rh_bytes_len(o);
}

/* bytes_concat / bytearray_concat: the other operand must export a simple buffer (bytes, bytearray, a
 * C-contiguous memoryview); the result has the left's type */
static rh_object *byteslike_concat(rh_runtime *rt, rh_object *a, rh_object *b) {
    const char *db;
    size_t lb;
    if (!rh_is_byteslike(a) || rh_buffer_simple(b, &db, &lb)) {
        rh_err_set(rt, RH_EXC_TYPE, "can't concat %s to %s", rh_type_name(b), rh_type_name(a));
        return NULL;
    }
    size_t la = rh_bytes_len(a);
    if (is_bytes(a)) { /* bytes_concat's end cases: an empty side returns the other exact bytes */
        if (la == 0 && is_bytes(b)) return static_ref(b);
        if (lb == 0) return static_ref(a);
    }
    if (la > (size_t)RH_SSIZE_MAX - lb) {
        rh_err_nomemory(rt);
        return NULL;
    }
    rh_object *r = is_bytes(a) ? rh_bytes_new(rt, la + lb) : rh_bytearray_from(rt, NULL, la + lb);
    if (!r) return NULL;
    char *d = is_bytes(a) ? rh_bytes_wdata(r) : rh_bytearray_wdata(r);
    if (la + lb) {
        memcpy(d, rh_bytes_data(a), la);
        memcpy(d + la, db, lb);
    }
    return r;
}

/* bytes_repeat / bytearray_repeat: n < 0 counts as 0; a bytes repeated once is itself; otherwise always
 * a fresh object (3.11 mallocs even for n == 0) */
static rh_object *byteslike_repeat(rh_runtime *rt, rh_object *a, intptr_t n) {
    size_t len = rh_bytes_len(a);
    if (n < 0) n = 0;
    if (n > 0 && len > (size_t)RH_SSIZE_MAX / (size_t)n) {
        if (is_bytes(a)) rh_err_set(rt, RH_EXC_OVERFLOW, "repeated bytes are too long");
        else rh_err_nomemory(rt);
        return NULL;
    }
    size_t size = len * (size_t)n;
    if (is_bytes(a) && size == len) return static_ref(a);
    rh_object *r;
    char *d;
    if (is_bytes(a)) {
        r = rh__object_alloc(rt, rh_builtin_type(rt, RH_K_BYTES), bytes_alloc_size(size));
        if (!r) return NULL;
        bytes_header(r, size);
        d = rh_bytes_wdata(r);
    } else {
        if (!(r = rh_bytearray_from(rt, NULL, size))) return NULL;
        d = rh_bytearray_wdata(r);
    }
    for (size_t i = 0; i < size; i += len) memcpy(d + i, rh_bytes_data(a), len);
    return r;
}

/* bytes_item: the byte as an int */
static rh_object *byteslike_item(rh_runtime *rt, rh_object *o, intptr_t i) {
    if (i < 0 || (size_t)i >= rh_bytes_len(o)) {
        rh_err_set(rt, RH_EXC_INDEX, is_bytes(o) ? "index out of range" : "bytearray index out of range");
        return NULL;
    }
    return rh_int_from_i64(rt, (unsigned char)rh_bytes_data(o)[i]);
}

static rh_object *byteslike_subscript(rh_runtime *rt, rh_object *o, rh_object *key) {
    int64_t i;
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "%s indices must be integers or slices, not %s",
                   is_bytes(o) ? "byte" : "bytearray", rh_type_name(key));
        return NULL;
    }
    if (rh_index_value(rt, key, &i) != 0) return NULL;
    return byteslike_item(rt, o, (intptr_t)(i < 0 ? i + (int64_t)rh_bytes_len(o) : i));
}

rh_object *rh_bytes_slice(rh_runtime *rt, rh_object *o, int64_t start, int64_t stop, int64_t step) {
    int64_t len = (int64_t)rh_bytes_len(o), count;
    if (step > 0) count = start < stop ? (stop - start - 1) / step + 1 : 0;
    else count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    const char *d = rh_bytes_data(o);
    if (is_bytearray(o)) {
        rh_object *r = rh_bytearray_from(rt, NULL, (size_t)count);
        for (int64_t k = 0; r && k < count; k++) rh_bytearray_wdata(r)[k] = d[start + k * step];
        return r;
    }
    if (count <= 0) return rh_bytes_new(rt, 0);
    if (start == 0 && step == 1 && count == len) return static_ref(o);
    if (step == 1) return rh_bytes_from(rt, d + start, (size_t)count);
    rh_object *r = rh_bytes_new(rt, (size_t)count); /* written into: never a singleton */
    for (int64_t k = 0; r && k < count; k++) rh_bytes_wdata(r)[k] = d[start + k * step];
    return r;
}

/* _Py_bytes_contains: an int is a byte value (range-checked), anything else must be bytes-like */
static int byteslike_contains(rh_runtime *rt, rh_object *o, rh_object *v) {
    const char *d = rh_bytes_data(o);
    size_t n = rh_bytes_len(o);
    if (v->type->as_number.nb_index) {
        int64_t x;
        if (rh_index_value(rt, v, &x) != 0) return -1;
        if (x < 0 || x > 255) {
            rh_err_set(rt, RH_EXC_VALUE, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(d, (int)x, n) != NULL;
    }
    if (!rh_is_byteslike(v)) {
        rh_err_set(rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", rh_type_name(v));
        return -1;
    }
    size_t m = rh_bytes_len(v);
    if (m == 0) return 1;
    for (size_t i = 0; m <= n && i <= n - m; i++)
        if (memcmp(d + i, rh_bytes_data(v), m) == 0) return 1;
    return 0;
}

/* bytes_hash: cached; _Py_HashBytes, which str's hash also is (rh__hash_bytes, t_str.c) */
static int64_t bytes_hash(rh_runtime *rt, rh_object *o) {
    (void)rt;
    if (B(o)->ob_shash == -1) B(o)->ob_shash = rh__hash_bytes(B(o)->ob_sval, rh_bytes_len(o));
    return B(o)->ob_shash;
}

/* ---------------------------------------------------------------- iterators */

static rh_object *iter_new(rh_runtime *rt, rh_kind k, rh_object *seq) {
    rh_bytesiter *it = (rh_bytesiter *)new_gc(rt, k, sizeof(rh_bytesiter));
    if (!it) return NULL;
    it->it_seq = seq;
    rh_incref(seq);
    rh__gc_track(rt, &it->ob);
    return &it->ob;
}

static rh_object *bytes_iter(rh_runtime *rt, rh_object *o) { return iter_new(rt, RH_K_BYTESITER, o); }
static rh_object *bytearray_iter(rh_runtime *rt, rh_object *o) { return iter_new(rt, RH_K_BYTEARRAYITER, o); }

static int iter_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(((rh_bytesiter *)o)->it_seq);
    return 0;
}

static int iter_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &((rh_bytesiter *)o)->it_seq);
    return 0;
}

static void iter_dealloc(rh_runtime *rt, rh_object *o) {
    rh__gc_untrack(rt, o);
    iter_clear(rt, o);
    rh__object_free(rt, o, sizeof(rh_bytesiter));
}

/* striter_next / bytearrayiter_next: the next byte as an int; the sequence dropped at the end (a
 * bytearray's current length is read each time) */
static rh_object *iter_next(rh_runtime *rt, rh_object *o) {
    rh_bytesiter *it = (rh_bytesiter *)o;
    if (!it->it_seq) return NULL;
    if ((size_t)it->it_index < rh_bytes_len(it->it_seq))
        return rh_int_from_i64(rt, (unsigned char)rh_bytes_data(it->it_seq)[it->it_index++]);
    clear_slot(rt, &it->it_seq);
    return NULL;
}

static rh_object *iter_self(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

/* striter_len / bytearrayiter_length_hint: what is left, 0 once exhausted */
static int64_t iter_length_hint(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_bytesiter *it = (rh_bytesiter *)(void *)o;
    if (!it->it_seq) return 0;
    int64_t n = (int64_t)rh_bytes_len(it->it_seq) - it->it_index;
    return n < 0 ? 0 : n;
}

static void iter_type(rh_type *t, const char *name) {
    set_type(t, name, sizeof(rh_bytesiter), 0, iter_dealloc, iter_traverse, iter_clear);
    t->base = NULL;
    t->tp_iter = iter_self;
    t->tp_iternext = iter_next;
    t->length_hint = iter_length_hint;
}

void rh__type_init_bytesiter(rh_runtime *rt, rh_type *t) {
    iter_type(t, "bytes_iterator");
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
}

void rh__type_init_bytearrayiter(rh_runtime *rt, rh_type *t) {
    iter_type(t, "bytearray_iterator");
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
}

/* ---------------------------------------------------------------- bytearray */

/* PyByteArray_FromStringAndSize(data, n): a new bytearray of n bytes (copied from data when not NULL,
 * else zeroed), its buffer exactly n + 1 bytes (none when n is 0). New reference. */
rh_object *rh_bytearray_from(rh_runtime *rt, const void *data, size_t n) {
    if (n >= (size_t)RH_SSIZE_MAX) {
        rh_err_nomemory(rt);
        return NULL;
    }
    rh_object *o = rh__object_alloc(rt, rh_builtin_type(rt, RH_K_BYTEARRAY), bytearray_basic(rt));
    if (!o) return NULL;
    rh_bytearrayobj *a = BA(o);
    a->ob.size = 0;
    a->ob_alloc = 0;
    a->ob_bytes = NULL;
    if (rt->profile->version_hex >= 0x0300) { /* fields 2.7's 48-byte object does not have */
        a->ob_start = NULL;
        a->ob_exports = 0;
    }
    if (n) {
        if (!(a->ob_bytes = rh_mem_malloc(rt, n + 1))) {
            rh__object_free(rt, o, bytearray_basic(rt));
            return NULL;
        }
        if (rt->profile->version_hex >= 0x0300) a->ob_start = a->ob_bytes;
        a->ob_alloc = (intptr_t)n + 1;
        a->ob.size = (intptr_t)n;
        if (data) memcpy(a->ob_bytes, data, n);
        else memset(a->ob_bytes, 0, n);
        a->ob_bytes[n] = '\0';
    }
    return o;
}

/* _canresize: no buffer exported (a memoryview holds one), else BufferError */
static int can_resize(rh_runtime *rt, rh_object *o) {
    if (!has_start(o) || BA(o)->ob_exports <= 0) return 1;
    rh_err_set(rt, RH_EXC_BUFFER, "Existing exports of data: object cannot be re-sized");
    return 0;
}

void rh__bytearray_export(rh_object *o, int delta) { BA(o)->ob_exports += delta; }

char *rh_bytearray_wdata(rh_object *o) { return BA(o)->ob_bytes ? ba_start(o) : NULL; }

/* PyByteArray_Resize (3.11): shrinking keeps the buffer unless below half of it (then exact); growing
 * past the buffer (counting the logical offset) over-allocates by an eighth (+3, or +6 from 9 bytes) when
 * within 1.125x of it, else allocates exactly n + 1. With a logical offset the data moves to a new block
 * (PyObject_Malloc + copy), otherwise the block is reallocated. */
int rh_bytearray_resize(rh_runtime *rt, rh_object *o, size_t n) {
    rh_bytearrayobj *a = BA(o);
    size_t alloc = (size_t)a->ob_alloc, len = rh_bytes_len(o);
    size_t offset = a->ob_bytes && has_start(o) ? (size_t)(a->ob_start - a->ob_bytes) : 0;
    if (n == len) return 0;
    if (!can_resize(rt, o)) return -1;
    if (n + offset + 1 <= alloc) {
        if (n >= alloc / 2) {
            a->ob.size = (intptr_t)n;
            ba_start(o)[n] = '\0';
            return 0;
        }
        alloc = n + 1;
    } else if ((double)n <= (double)alloc * 1.125) {
        alloc = n + (n >> 3) + (n < 9 ? 3 : 6);
    } else {
        alloc = n + 1;
    }
    if (alloc > (size_t)RH_SSIZE_MAX) {
        rh_err_nomemory(rt);
        return -1;
    }
    char *p;
    if (offset) {
        if (!(p = rh_mem_malloc(rt, alloc))) return -1;
        memcpy(p, a->ob_start, n < len ? n : len);
        rh_mem_free(rt, a->ob_bytes, (size_t)a->ob_alloc);
    } else if (!(p = rh_mem_realloc(rt, a->ob_bytes, (size_t)a->ob_alloc, alloc))) {
        return -1;
    }
    a->ob_bytes = p;
    if (has_start(o)) a->ob_start = p;
    a->ob_alloc = (intptr_t)alloc;
    a->ob.size = (intptr_t)n;
    p[n] = '\0';
    return 0;
}

static void bytearray_dealloc(rh_runtime *rt, rh_object *o) {
    if (BA(o)->ob_bytes) rh_mem_free(rt, BA(o)->ob_bytes, (size_t)BA(o)->ob_alloc);
    rh__object_free(rt, o, bytearray_basic(rt));
}

/* bytearray___sizeof___impl: the object plus its whole buffer */
static size_t bytearray_size_of(rh_runtime *rt, rh_object *o) { return bytearray_basic(rt) + (size_t)BA(o)->ob_alloc; }

/* a byte value from an int (_getbytevalue) */
static int byte_value(rh_runtime *rt, rh_object *v, int *out) {
    int64_t x;
    if (!v->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", rh_type_name(v));
        return -1;
    }
    if (rh_index_value(rt, v, &x) != 0) {
        if (rh_err_occurred(rt) != RH_EXC_OVERFLOW) return -1;
        rh_err_clear(rt);
        x = -1;
    }
    if (x < 0 || x > 255) {
        rh_err_set(rt, RH_EXC_VALUE, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* bytearray_ass_subscript for an index: b[i] = v, or del b[i] (v NULL) */
static int bytearray_ass_subscript(rh_runtime *rt, rh_object *o, rh_object *key, rh_object *v) {
    int64_t i, len = (int64_t)rh_bytes_len(o);
    int val = 0;
    if (!key->type->as_number.nb_index) {
        rh_err_set(rt, RH_EXC_TYPE, "bytearray indices must be integers or slices, not %s", rh_type_name(key));
        return -1;
    }
    if (rh_index_value(rt, key, &i) != 0) return -1;
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        rh_err_set(rt, RH_EXC_INDEX, "bytearray index out of range");
        return -1;
    }
    if (v) {
        if (byte_value(rt, v, &val)) return -1;
        ba_start(o)[i] = (char)val;
        return 0;
    }
    return rh_bytearray_ass_slice(rt, o, i, i + 1, 1, NULL); /* bytearray_setslice_linear(i, i + 1) */
}

/* bytearray_irepeat: b *= n in place (n < 0 counts as 0), the buffer resized by PyByteArray_Resize */
static rh_object *bytearray_irepeat(rh_runtime *rt, rh_object *a, intptr_t n) {
    size_t len = rh_bytes_len(a);
    if (n < 0) n = 0;
    if (n > 0 && len > (size_t)RH_SSIZE_MAX / (size_t)n) {
        rh_err_nomemory(rt);
        return NULL;
    }
    size_t size = len * (size_t)n;
    if (rh_bytearray_resize(rt, a, size)) return NULL;
    for (size_t i = len; len && i < size; i += len) memcpy(ba_start(a) + i, ba_start(a), len);
    rh_incref(a);
    return a;
}

/* bytearray_iconcat: b += other (bytes-like) in place */
static rh_object *bytearray_iconcat(rh_runtime *rt, rh_object *a, rh_object *b) {
    const char *db;
    size_t lb;
    if (rh_buffer_simple(b, &db, &lb)) {
        rh_err_set(rt, RH_EXC_TYPE, "can't concat %s to %s", rh_type_name(b), rh_type_name(a));
        return NULL;
    }
    size_t la = rh_bytes_len(a);
    if (lb) { /* a view of a itself holds an export: the resize refuses before the data could move */
        rh_object *keep = b == a ? rh_bytes_from(rt, db, lb) : (rh_incref(b), b);
        if (!keep) return NULL;
        int rc = rh_bytearray_resize(rt, a, la + lb);
        if (rc == 0) memcpy(ba_start(a) + la, b == a ? rh_bytes_data(keep) : db, lb);
        rh_decref(rt, keep);
        if (rc) return NULL;
    }
    rh_incref(a);
    return a;
}

/* bytearray_str: the repr in 3.x; 2.7's str(bytearray) is its bytes as a str (code points = byte values) */
static rh_object *bytearray_str(rh_runtime *rt, rh_object *o) {
    if (!rt->profile->python2) return rh__repr_by_builder(rt, o);
    size_t n = rh_bytes_len(o), k = 0;
    char *u = rh_mem_malloc(rt, n * 2 + 1);
    if (!u) return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)rh_bytes_data(o)[i];
        if (c < 0x80) u[k++] = (char)c;
        else u[k++] = (char)(0xC0 | (c >> 6)), u[k++] = (char)(0x80 | (c & 0x3F));
    }
    rh_object *r = rh_str_from_utf8(rt, u, k);
    rh_mem_free(rt, u, n * 2 + 1);
    return r;
}

/* bytes_mod / bytearray_mod: printf-style formatting of bytes is outside the model: refused, not wrong */
static rh_object *byteslike_mod(rh_runtime *rt, rh_object *a, rh_object *b) {
    if (!rh_is_byteslike(a)) return rh__notimpl(rt);
    rh_err_set(rt, RH_EXC_UNSUPPORTED, "%s %% formatting (printf-style formatting of bytes)", rh_type_name(a));
    return NULL;
}

/* ---------------------------------------------------------------- types */

void rh__type_init_bytes(rh_runtime *rt, rh_type *t) {
    t->name = "bytes";
    t->kind = RH_K_BYTES;
    t->flags = RH_TPFLAG_BASETYPE;
    t->basicsize = BYTES_HEADER + 1; /* PyBytesObject_SIZE: 33 */
    t->itemsize = 1;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = bytes_dealloc;
    t->size_of = bytes_size_of;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = bytes_repr_into;
    t->tp_str = rh__repr_by_builder; /* bytes_str: the repr (no -b warnings in the model) */
    t->tp_hash = bytes_hash;
    t->tp_richcompare = byteslike_richcompare;
    t->tp_iter = bytes_iter;
    t->as_number.nb_remainder = byteslike_mod;
    t->as_sequence = (rh_sequence_methods){.sq_length = byteslike_length, .sq_concat = byteslike_concat,
                                           .sq_repeat = byteslike_repeat, .sq_item = byteslike_item,
                                           .sq_contains = byteslike_contains};
    t->as_mapping = (rh_mapping_methods){.mp_length = byteslike_length, .mp_subscript = byteslike_subscript};
}

void rh__type_init_bytearray(rh_runtime *rt, rh_type *t) {
    t->name = "bytearray";
    t->kind = RH_K_BYTEARRAY;
    t->flags = RH_TPFLAG_BASETYPE;
    t->basicsize = bytearray_basic(rt);
    t->itemsize = 0;
    t->base = rh_builtin_type(rt, RH_K_OBJECT);
    t->dealloc = bytearray_dealloc;
    t->size_of = bytearray_size_of;
    t->tp_repr = rh__repr_by_builder;
    t->repr_into = bytearray_repr_into;
    t->tp_str = bytearray_str;
    t->tp_hash = rh__hash_not_implemented; /* unhashable */
    t->tp_richcompare = byteslike_richcompare;
    t->tp_iter = bytearray_iter;
    t->as_number.nb_remainder = byteslike_mod;
    t->as_sequence = (rh_sequence_methods){.sq_length = byteslike_length, .sq_concat = byteslike_concat,
                                           .sq_repeat = byteslike_repeat, .sq_item = byteslike_item,
                                           .sq_contains = byteslike_contains,
                                           .sq_inplace_concat = bytearray_iconcat,
                                           .sq_inplace_repeat = bytearray_irepeat};
    t->as_mapping = (rh_mapping_methods){.mp_length = byteslike_length, .mp_subscript = byteslike_subscript,
                                         .mp_ass_subscript = bytearray_ass_subscript};
}

/* ---------------------------------------------------------------- split (Objects/stringlib/split.h) */

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); } /* Py_ISSPACE */

/* SPLIT_ADD: d[i:j] appended to l, as the same type as s (bytes: PyBytes_FromStringAndSize, so 0- and
 * 1-byte pieces are the singletons) */
static int split_add(rh_runtime *rt, rh_object *l, rh_object *s, size_t i, size_t j) {
    const char *d = rh_bytes_data(s) + i;
    rh_object *part = is_bytearray(s) ? rh_bytearray_from(rt, d, j - i) : rh_bytes_from(rt, d, j - i);
    if (!part) return -1;
    int rc = rh__list_add_prealloc(rt, l, part);
    rh_decref(rt, part);
    return rc;
}

/* nothing split off an exact bytes: the list holds s itself (#ifndef STRINGLIB_MUTABLE) */
static int split_whole(rh_runtime *rt, rh_object *l, rh_object *s) {
    if (is_bytearray(s)) return split_add(rt, l, s, 0, rh_bytes_len(s));
    return rh__list_add_prealloc(rt, l, s);
}

/* split_whitespace / rsplit_whitespace */
static int split_ws(rh_runtime *rt, rh_object *l, rh_object *s, int64_t maxcount, int right) {
    const unsigned char *d = (const unsigned char *)rh_bytes_data(s);
    size_t n = rh_bytes_len(s);
    if (!right) {
        size_t i = 0, j;
        while (maxcount-- > 0) {
            while (i < n && is_space(d[i])) i++;
            if (i == n) break;
            j = i++;
            while (i < n && !is_space(d[i])) i++;
            if (j == 0 && i == n) return split_whole(rt, l, s);
            if (split_add(rt, l, s, j, i)) return -1;
        }
        while (i < n && is_space(d[i])) i++;
        return i < n ? split_add(rt, l, s, i, n) : 0;
    }
    size_t i = n, j;
    while (maxcount-- > 0) {
        while (i > 0 && is_space(d[i - 1])) i--;
        if (i == 0) break;
        j = i--;
        while (i > 0 && !is_space(d[i - 1])) i--;
        if (j == n && i == 0) return split_whole(rt, l, s);
        if (split_add(rt, l, s, i, j)) return -1;
    }
    while (i > 0 && is_space(d[i - 1])) i--;
    return i > 0 ? split_add(rt, l, s, 0, i) : 0;
}

static size_t find_at(const char *d, size_t n, const char *p, size_t m, size_t from) {
    for (size_t i = from; i + m <= n; i++)
        if (memcmp(d + i, p, m) == 0) return i;
    return SIZE_MAX;
}

static size_t rfind_before(const char *d, const char *p, size_t m, size_t end) {
    for (size_t i = end; i >= m; i--)
        if (memcmp(d + i - m, p, m) == 0) return i - m;
    return SIZE_MAX;
}

/* split / rsplit with a separator */
static int split_sep(rh_runtime *rt, rh_object *l, rh_object *s, const char *p, size_t m, int64_t maxcount, int right) {
    const char *d = rh_bytes_data(s);
    size_t n = rh_bytes_len(s), count = 0, at;
    if (!right) {
        size_t i = 0;
        while (maxcount-- > 0 && (at = find_at(d, n, p, m, i)) != SIZE_MAX) {
            if (split_add(rt, l, s, i, at)) return -1;
            count++;
            i = at + m;
        }
        return count == 0 ? split_whole(rt, l, s) : split_add(rt, l, s, i, n);
    }
    size_t j = n;
    while (maxcount-- > 0 && (at = rfind_before(d, p, m, j)) != SIZE_MAX) {
        if (split_add(rt, l, s, at + m, j)) return -1;
        count++;
        j = at;
    }
    return count == 0 ? split_whole(rt, l, s) : split_add(rt, l, s, 0, j);
}

rh_object *rh_bytes_split(rh_runtime *rt, rh_object *s, const char *sep, size_t seplen, int64_t maxsplit, int right) {
    if (sep && seplen == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "empty separator");
        return NULL;
    }
    if (maxsplit < 0) maxsplit = RH_SSIZE_MAX;
    rh_object *l = rh__list_new_prealloc(rt, maxsplit >= 12 ? 12 : (size_t)maxsplit + 1); /* PREALLOC_SIZE */
    if (!l) return NULL;
    int rc = sep ? split_sep(rt, l, s, sep, seplen, maxsplit, right) : split_ws(rt, l, s, maxsplit, right);
    if (rc == 0 && right) rc = rh_list_reverse(rt, l);
    if (rc) {
        rh_decref(rt, l);
        return NULL;
    }
    return l;
}

/* ---------------------------------------------------------------- bytearray slice assignment */

/* bytearray_setslice_linear (step 1) and bytearray_ass_subscript's extended-slice branches: b[start:stop:step]
 * = v (a bytes-like, not b itself: the caller copies) or del (v NULL), bounds as rh_slice_indices left them.
 * The buffer grows or shrinks through PyByteArray_Resize, so its allocation follows CPython's. */
int rh_bytearray_ass_slice(rh_runtime *rt, rh_object *o, int64_t start, int64_t stop, int64_t step, rh_object *v) {
    size_t len = rh_bytes_len(o), needed = v ? rh_bytes_len(v) : 0;
    const char *src = v ? rh_bytes_data(v) : NULL;
    if (step == 1) {
        size_t lo = (size_t)start, hi = stop < start ? lo : (size_t)stop;
        if (needed != hi - lo && !can_resize(rt, o)) return -1; /* bytearray_setslice_linear, before any move */
        if (needed < hi - lo) { /* shrink: at the front by advancing the logical start (3.x), else move the tail */
            if (lo == 0 && has_start(o)) BA(o)->ob_start += hi - lo - needed;
            else memmove(ba_start(o) + lo + needed, ba_start(o) + hi, len - hi);
            if (rh_bytearray_resize(rt, o, len - (hi - lo) + needed)) return -1;
        } else if (needed > hi - lo) {
            if (rh_bytearray_resize(rt, o, len + needed - (hi - lo))) return -1;
            memmove(ba_start(o) + lo + needed, ba_start(o) + hi, len - hi);
        }
        if (needed) memcpy(ba_start(o) + lo, src, needed);
        return 0;
    }
    size_t count = 0;
    if (step > 0 ? start < stop : stop < start)
        count = (size_t)((step > 0 ? stop - start - 1 : start - stop - 1) / (step > 0 ? step : -step)) + 1;
    if (v) {
        if (needed != count) {
            rh_err_set(rt, RH_EXC_VALUE, "attempt to assign bytes of size %zu to extended slice of size %zu", needed, count);
            return -1;
        }
        for (size_t k = 0; k < count; k++) ba_start(o)[start + (int64_t)k * step] = src[k];
        return 0;
    }
    if (!can_resize(rt, o)) return -1; /* bytearray_ass_subscript's deletion */
    if (count == 0) return 0;
    if (step < 0) { /* the same items walked upwards */
        start = start + step * (int64_t)(count - 1);
        step = -step;
    }
    char *d = ba_start(o);
    size_t w = (size_t)start;
    for (size_t r = (size_t)start, k = 0; r < len; r++) {
        if (k < count && r == (size_t)(start + (int64_t)k * step)) { k++; continue; }
        d[w++] = d[r];
    }
    return rh_bytearray_resize(rt, o, len - count);
}
