/* t_bytesio.c — _io.BytesIO (CPython 3.11 Modules/_io/bytesio.c: bytesio, resize_buffer, unshare_buffer,
 * write_bytes, read_bytes, scan_eol, _io_BytesIO_getvalue_impl, the read/seek/tell/truncate/close methods,
 * bytesio_sizeof, bytesio_iternext; 2.7's Modules/_io/bytesio.c for the py27 profile).
 *
 * Owns the kind RH_K_BYTESIO; argument parsing is the interpreter's (harness/src/mod_bytesio.c).
 *
 * Layout (3.x): PyObject_HEAD, buf (a bytes object), pos, string_size, dict, weakreflist, exports: 64 bytes
 * plus the GC head. 2.7's struct has a char * buffer and buf_size instead of exports: 64 bytes too.
 *
 * Invariants:
 *  - buf is NULL exactly when the object is closed (check_closed); otherwise it is a bytes object whose
 *    length is the allocation (CPython's PyBytes_GET_SIZE(buf) == "alloc"), string_size <= that length
 *    except after an overseek, and the first string_size bytes are the stream's contents;
 *  - 3.x: buf is shared when its refcount is above 1 (SHARED_BUF): the initial bytes object given to the
 *    constructor, a getvalue() or read() result, or the empty bytes; a shared buf is never written: the first
 *    change copies it (unshare_buffer); sys.getsizeof counts buf only when it is not shared;
 *  - py27 (profile->python2): 2.7's buffer is a private PyMem block of buf_size bytes; refheap keeps it as a
 *    bytes object of that length that is never handed out (the constructor, getvalue and read copy), and
 *    sys.getsizeof adds buf_size (2.7's bytesio_sizeof). The block's allocation is a bytes object's (33 more
 *    bytes, the object domain) rather than 2.7's raw PyMem block (docs/conformance.md);
 *  - exports stays 0: refheap has no buffer protocol, so getbuffer() is refused by the interpreter;
 *  - GC-tracked from creation to dealloc (it has a __dict__ slot; refheap never fills it, as StringIO).
 */
#include <string.h>

#include "callables.h"
#include "refheap/bytes.h"
#include "refheap/modtypes.h"

typedef struct rh_bytesio {
    rh_object ob;
    rh_object *buf;
    intptr_t pos;
    intptr_t string_size;
    rh_object *dict;        /* never made */
    rh_object *weakreflist;
    intptr_t exports;       /* always 0 */
} rh_bytesio;

#define BYTESIO_BASICSIZE 64 /* tp_basicsize in 2.7 and every 3.x profile */

static rh_bytesio *as_bio(rh_object *o) { return (rh_bytesio *)(void *)o; }
static int py2(rh_runtime *rt) { return rt->profile->python2; }
static size_t alloc_of(const rh_bytesio *s) { return rh_bytes_len(s->buf); }
/* SHARED_BUF: 2.7's private buffer is never shared (its empty start is refheap's empty bytes, which holds
 * no data: any growth replaces it) */
static int shared(const rh_bytesio *s) { return s->buf->refcnt > 1; }

int rh_bytesio_check_open(rh_runtime *rt, rh_object *o) {
    if (as_bio(o)->buf) return 0;
    rh_err_set(rt, RH_EXC_VALUE, "I/O operation on closed file.");
    return -1;
}

int rh_bytesio_closed(rh_object *o) { return as_bio(o)->buf == NULL; }

/* unshare_buffer: a private copy of the first string_size bytes in a new bytes of `size` bytes */
static int unshare_buffer(rh_runtime *rt, rh_bytesio *s, size_t size) {
    rh_object *nb = rh_bytes_new(rt, size);
    if (!nb) return -1;
    if (s->string_size) memcpy(rh_bytes_wdata(nb), rh_bytes_data(s->buf), (size_t)s->string_size);
    rh_object *old = s->buf;
    s->buf = nb;
    rh_decref(rt, old);
    return 0;
}

/* resize_buffer: exact below half, overallocated by 1/8 for a moderate growth, exact + 1 for a major one;
 * a shared buffer is copied, an owned one reallocated in place (_PyBytes_Resize: on failure the buffer is
 * released and the object reads as closed, as in CPython) */
static int resize_buffer(rh_runtime *rt, rh_bytesio *s, size_t size) {
    size_t alloc = alloc_of(s);
    if (size > (size_t)RH_SSIZE_MAX) goto overflow;
    if (size < alloc / 2) alloc = size + 1;                      /* major downsize */
    else if (size < alloc) return 0;                             /* fits */
    else if ((double)size <= (double)alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
    else alloc = size + 1;                                       /* major upsize */
    if (shared(s)) return unshare_buffer(rt, s, alloc);
    return rh__bytes_resize(rt, &s->buf, alloc);
overflow:
    rh_err_set(rt, RH_EXC_OVERFLOW, "new buffer size too large");
    return -1;
}

/* write_bytes (after the closed check): len bytes at pos, padding an overseek with NULs; the buffer grows
 * when the end passes its allocation (2.7 and 3.x alike), a shared one is copied otherwise */
int rh_bytesio_write(rh_runtime *rt, rh_object *o, const void *data, size_t len) {
    rh_bytesio *s = as_bio(o);
    if (rh_bytesio_check_open(rt, o)) return -1;
    if (len == 0) return 0;
    size_t endpos = (size_t)s->pos + len;
    if (endpos > alloc_of(s)) {
        if (resize_buffer(rt, s, endpos)) return -1;
    } else if (shared(s)) {
        if (unshare_buffer(rt, s, endpos > (size_t)s->string_size ? endpos : (size_t)s->string_size)) return -1;
    }
    char *w = rh_bytes_wdata(s->buf);
    if (s->pos > s->string_size) memset(w + s->string_size, 0, (size_t)(s->pos - s->string_size));
    memmove(w + s->pos, data, len);
    s->pos = (intptr_t)endpos;
    if ((size_t)s->string_size < endpos) s->string_size = (intptr_t)endpos;
    return 0;
}

/* bytesio_new + _io_BytesIO___init___impl: buf starts as the empty bytes; an exact bytes initial value is
 * shared as the buffer (3.x), anything else (and everything in 2.7) is written and the position rewound */
rh_object *rh_bytesio_new(rh_runtime *rt, rh_object *initial) {
    rh_object *o = new_gc(rt, RH_K_BYTESIO, BYTESIO_BASICSIZE);
    if (!o) return NULL;
    rh_bytesio *s = as_bio(o);
    rh__gc_track(rt, o);
    s->buf = rh_bytes_new(rt, 0);
    if (!s->buf) goto fail;
    if (initial && rh_kind_of(initial) == RH_K_BYTES && rh_type_of(initial) == rh_builtin_type(rt, RH_K_BYTES) &&
        !py2(rt)) {
        rh_incref(initial);
        rh_setref(rt, &s->buf, initial);
        s->string_size = (intptr_t)rh_bytes_len(initial);
    } else if (initial) {
        if (rh_bytesio_write(rt, o, rh_bytes_data(initial), rh_bytes_len(initial))) goto fail;
        s->pos = 0;
    }
    return o;
fail:
    rh_decref(rt, o);
    return NULL;
}

/* _io_BytesIO_getvalue_impl: 3.x hands out the buffer itself, cut to string_size (a copy for 0 or 1 bytes,
 * PyBytes_FromStringAndSize's singletons); 2.7 always copies */
rh_object *rh_bytesio_getvalue(rh_runtime *rt, rh_object *o) {
    rh_bytesio *s = as_bio(o);
    if (rh_bytesio_check_open(rt, o)) return NULL;
    if (py2(rt) || s->string_size <= 1 || s->exports > 0)
        return rh_bytes_from(rt, rh_bytes_data(s->buf), (size_t)s->string_size);
    if ((size_t)s->string_size != alloc_of(s)) {
        if (shared(s) ? unshare_buffer(rt, s, (size_t)s->string_size) : rh__bytes_resize(rt, &s->buf, (size_t)s->string_size))
            return NULL;
    }
    rh_incref(s->buf);
    return s->buf;
}

/* read_bytes: size bytes from pos (size <= what is left); the whole buffer itself when read from 0 (3.x) */
static rh_object *read_bytes(rh_runtime *rt, rh_bytesio *s, int64_t size) {
    if (!py2(rt) && size > 1 && s->pos == 0 && (size_t)size == alloc_of(s) && s->exports == 0) {
        s->pos += (intptr_t)size;
        rh_incref(s->buf);
        return s->buf;
    }
    const char *p = size ? rh_bytes_data(s->buf) + s->pos : "";
    s->pos += (intptr_t)size;
    return rh_bytes_from(rt, p, (size_t)size);
}

rh_object *rh_bytesio_read(rh_runtime *rt, rh_object *o, int64_t size) {
    rh_bytesio *s = as_bio(o);
    if (rh_bytesio_check_open(rt, o)) return NULL;
    int64_t n = s->string_size - s->pos;
    if (size < 0 || size > n) size = n < 0 ? 0 : n;
    return read_bytes(rt, s, size);
}

/* scan_eol: the length from pos through the first b'\n', at most len (< 0: no limit) */
static int64_t scan_eol(rh_bytesio *s, int64_t len) {
    if (s->pos >= s->string_size) return 0;
    int64_t maxlen = s->string_size - s->pos;
    if (len < 0 || len > maxlen) len = maxlen;
    if (len) {
        const char *start = rh_bytes_data(s->buf) + s->pos, *nl = memchr(start, '\n', (size_t)len);
        if (nl) len = nl - start + 1;
    }
    return len;
}

rh_object *rh_bytesio_readline(rh_runtime *rt, rh_object *o, int64_t limit) {
    if (rh_bytesio_check_open(rt, o)) return NULL;
    return read_bytes(rt, as_bio(o), scan_eol(as_bio(o), limit));
}

/* _io_BytesIO_readlines_impl: new bytes for each line (never the buffer), until hint bytes (> 0) are read */
rh_object *rh_bytesio_readlines(rh_runtime *rt, rh_object *o, int64_t hint) {
    rh_bytesio *s = as_bio(o);
    if (rh_bytesio_check_open(rt, o)) return NULL;
    rh_object *l = rh_list_new(rt, 0);
    int64_t total = 0, n;
    while (l && (n = scan_eol(s, -1)) != 0) {
        rh_object *line = rh_bytes_from(rt, rh_bytes_data(s->buf) + s->pos, (size_t)n);
        s->pos += (intptr_t)n;
        int bad = !line || rh_list_append(rt, l, line);
        rh_xdecref(rt, line);
        if (bad) rh_setref(rt, &l, NULL);
        total += n;
        if (l && hint > 0 && total >= hint) break;
    }
    return l;
}

/* _io_BytesIO_readinto_impl: up to cap bytes from pos into dst; how many */
int rh_bytesio_readinto(rh_runtime *rt, rh_object *o, char *dst, size_t cap, int64_t *got) {
    rh_bytesio *s = as_bio(o);
    if (rh_bytesio_check_open(rt, o)) return -1;
    int64_t len = (int64_t)cap, n = s->string_size - s->pos;
    if (len > n) len = n < 0 ? 0 : n;
    if (len) memcpy(dst, rh_bytes_data(s->buf) + s->pos, (size_t)len);
    s->pos += (intptr_t)len;
    *got = len;
    return 0;
}

int rh_bytesio_tell(rh_runtime *rt, rh_object *o, int64_t *pos) {
    if (rh_bytesio_check_open(rt, o)) return -1;
    *pos = as_bio(o)->pos;
    return 0;
}

/* _io_BytesIO_seek_impl: a relative result below 0 is clamped to 0 */
int rh_bytesio_seek(rh_runtime *rt, rh_object *o, int64_t pos, int whence, int64_t *out) {
    rh_bytesio *s = as_bio(o);
    if (rh_bytesio_check_open(rt, o)) return -1;
    if (pos < 0 && whence == 0) {
        rh_err_set(rt, RH_EXC_VALUE, "negative seek value %lld", (long long)pos);
        return -1;
    }
    if (whence == 1 || whence == 2) {
        int64_t base = whence == 1 ? s->pos : s->string_size;
        if (pos > INTPTR_MAX - base) {
            rh_err_set(rt, RH_EXC_OVERFLOW, "new position too large");
            return -1;
        }
        pos += base;
    } else if (whence != 0) {
        rh_err_set(rt, RH_EXC_VALUE, "invalid whence (%d, should be 0, 1 or 2)", whence);
        return -1;
    }
    if (pos < 0) pos = 0;
    s->pos = (intptr_t)pos;
    *out = pos;
    return 0;
}

/* _io_BytesIO_truncate_impl (size checked >= 0 by the caller; < 0 here means the position) */
int rh_bytesio_truncate(rh_runtime *rt, rh_object *o, int64_t size, int64_t *out) {
    rh_bytesio *s = as_bio(o);
    if (rh_bytesio_check_open(rt, o)) return -1;
    if (size < 0) size = s->pos;
    if (size < s->string_size) {
        s->string_size = (intptr_t)size;
        if (resize_buffer(rt, s, (size_t)size)) return -1;
    }
    *out = size;
    return 0;
}

/* _io_BytesIO_close_impl: the buffer goes at once (closing twice is allowed) */
void rh_bytesio_close(rh_runtime *rt, rh_object *o) { clear_slot(rt, &as_bio(o)->buf); }

/* bytesio_sizeof: basicsize plus the buffer when not shared (3.x: the bytes object's size; 2.7: buf_size) */
static size_t bytesio_size_of(rh_runtime *rt, rh_object *o) {
    rh_bytesio *s = as_bio(o);
    size_t res = BYTESIO_BASICSIZE;
    if (s->buf && py2(rt)) res += alloc_of(s);
    else if (s->buf && !shared(s)) res += rh_sizeof(rt, s->buf);
    return res;
}

/* bytesio_traverse: 2.7-3.11's static type visits the dict only; 3.12+'s heap type also its type and
 * the buffer (gc.get_referents shows them; the bytes object is not GC) */
static int bytesio_traverse(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT(as_bio(o)->dict);
    return 0;
}

static int bytesio_traverse_heaptype(rh_object *o, rh_visitproc visit, void *arg) {
    VISIT((rh_object *)o->type);
    VISIT(as_bio(o)->dict);
    VISIT(as_bio(o)->buf);
    return 0;
}

static int bytesio_clear(rh_runtime *rt, rh_object *o) {
    clear_slot(rt, &as_bio(o)->dict);
    return 0;
}

static void bytesio_dealloc(rh_runtime *rt, rh_object *o) {
    rh_bytesio *s = as_bio(o);
    rh__gc_untrack(rt, o);
    clear_slot(rt, &s->buf);
    clear_slot(rt, &s->dict);
    if (s->weakreflist) rh__weakref_clear_all(rt, o);
    rh__object_free(rt, o, BYTESIO_BASICSIZE);
}

/* bytesio_iternext: the next line (read_bytes, so a whole one-line buffer is the buffer itself); the end
 * when nothing is left. tp_iter is PyObject_SelfIter: no closed check there. */
static rh_object *bytesio_iternext(rh_runtime *rt, rh_object *o) {
    if (rh_bytesio_check_open(rt, o)) return NULL;
    int64_t n = scan_eol(as_bio(o), -1);
    return n ? read_bytes(rt, as_bio(o), n) : NULL;
}

static rh_object *bytesio_iter(rh_runtime *rt, rh_object *o) {
    (void)rt;
    rh_incref(o);
    return o;
}

static int type_repr_into(rh__sb *b, rh_object *o) {
    return rh__sb_printf(b, "<%s object at %p>", o->type->name, (void *)o);
}

void rh__type_init_bytesio(rh_runtime *rt, rh_type *t) {
    set_type(t, "_io.BytesIO", BYTESIO_BASICSIZE, offsetof(rh_bytesio, weakreflist), bytesio_dealloc,
             rt->profile->version_hex >= 0x030C ? bytesio_traverse_heaptype : bytesio_traverse, bytesio_clear);
    t->flags |= RH_TPFLAG_BASETYPE;
    t->size_of = bytesio_size_of;
    t->repr_into = type_repr_into;
    t->tp_iter = bytesio_iter;
    t->tp_iternext = bytesio_iternext;
}
