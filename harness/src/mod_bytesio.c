/* mod_bytesio.c — _io.BytesIO's constructor, methods and attributes (CPython 3.11 Modules/_io/bytesio.c and
 * its argument clinic, Modules/_io/clinic/bytesio.c.h) over the type in reference/src/t_bytesio.c.
 *
 * Owns: BytesIO(initial_bytes=b''), write, writelines, getvalue, read, read1, readline, readlines, readinto,
 * seek, tell, truncate, close, flush, isatty, readable/writable/seekable, getbuffer, __enter__/__exit__
 * (_io._IOBase's), and the `closed` attribute; mod_io.c puts the type into _io and io.
 *
 * Bytes-like arguments are bytes and bytearray (refheap has no buffer protocol): an array.array, which
 * CPython accepts, raises refheap.Unsupported, and so does getbuffer() (no memoryview instances).
 * __getstate__/__setstate__ and the instance __dict__ are not modelled (docs/conformance.md).
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *int_or_null(hx_interp *I, int rc, int64_t v) { return rc ? NULL : rh_int_from_i64(I->rt, v); }

/* PyObject_GetBuffer(b, PyBUF_CONTIG_RO): 0 for bytes and bytearray, -1 with the error otherwise */
static int need_buffer(hx_interp *I, rh_object *o) {
    if (rh_is_byteslike(o)) return 0;
    if (rh_kind_of(o) == RH_K_ARRAY) rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "BytesIO with an array.array (no buffer protocol)");
    else rh_err_set(I->rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(o));
    return -1;
}

/* _io_BytesIO___init___impl(initial_bytes=b''): None is no initial value */
FN(bio_new) {
    (void)self;
    rh_object *init = n > 0 ? a[0] : NULL;
    if (n > 1) { rh_err_set(I->rt, RH_EXC_TYPE, "BytesIO() takes at most 1 argument (%d given)", n); return NULL; }
    for (int q = 0; q < nkw; q++) {
        if (!strcmp(kwn[q], "initial_bytes") && !init) init = kwv[q];
        else if (!strcmp(kwn[q], "initial_bytes")) {
            rh_err_set(I->rt, RH_EXC_TYPE, "argument for BytesIO() given by name ('initial_bytes') and position (1)");
            return NULL;
        } else {
            rh_err_set(I->rt, RH_EXC_TYPE, "'%s' is an invalid keyword argument for BytesIO()", kwn[q]);
            return NULL;
        }
    }
    if (init == rh_none(I->rt)) init = NULL;
    if (init && need_buffer(I, init)) return NULL;
    return rh_bytesio_new(I->rt, init);
}

/* _io_BytesIO_write: closed first, then the buffer */
FN(bio_write) {
    UNUSED;
    if (hx_io_arity(I, "write", n, nkw, 1, 1) || rh_bytesio_check_open(I->rt, self) || need_buffer(I, a[0])) return NULL;
    size_t len = rh_bytes_len(a[0]);
    return int_or_null(I, rh_bytesio_write(I->rt, self, rh_bytes_data(a[0]), len), (int64_t)len);
}

/* _io_BytesIO_writelines: write() of each item of the iterable */
FN(bio_writelines) {
    UNUSED;
    rh_runtime *rt = I->rt;
    if (hx_io_arity(I, "writelines", n, nkw, 1, 1) || rh_bytesio_check_open(rt, self)) return NULL;
    rh_object *it = rh_getiter(rt, a[0]), *item;
    if (!it) return NULL;
    while ((item = rh_iternext(rt, it))) {
        int bad = rh_bytesio_check_open(rt, self) || need_buffer(I, item) ||
                  rh_bytesio_write(rt, self, rh_bytes_data(item), rh_bytes_len(item));
        rh_decref(rt, item);
        if (bad) break;
    }
    rh_decref(rt, it);
    return rh_err_occurred(rt) ? NULL : newref(rh_none(rt));
}

FN(bio_getvalue) {
    UNUSED; (void)a;
    return hx_io_arity(I, "getvalue", n, nkw, 0, 0) ? NULL : rh_bytesio_getvalue(I->rt, self);
}

FN(bio_read) {
    UNUSED;
    int64_t size;
    if (hx_io_arity(I, "read", n, nkw, 0, 1) || hx_io_opt_size(I, a, n, &size)) return NULL;
    return rh_bytesio_read(I->rt, self, size);
}

FN(bio_read1) {
    UNUSED;
    int64_t size;
    if (hx_io_arity(I, "read1", n, nkw, 0, 1) || hx_io_opt_size(I, a, n, &size)) return NULL;
    return rh_bytesio_read(I->rt, self, size);
}

FN(bio_readline) {
    UNUSED;
    int64_t size;
    if (hx_io_arity(I, "readline", n, nkw, 0, 1) || hx_io_opt_size(I, a, n, &size)) return NULL;
    return rh_bytesio_readline(I->rt, self, size);
}

/* _io_BytesIO_readlines_impl(size=None): closed first, then an int or None */
FN(bio_readlines) {
    UNUSED;
    int64_t hint = -1;
    if (hx_io_arity(I, "readlines", n, nkw, 0, 1) || rh_bytesio_check_open(I->rt, self)) return NULL;
    if (n == 1 && a[0] != rh_none(I->rt)) {
        rh_kind k = rh_kind_of(a[0]);
        if (k != RH_K_INT && k != RH_K_BOOL) {
            rh_err_set(I->rt, RH_EXC_TYPE, "integer argument expected, got '%s'", hx_tname(a[0]));
            return NULL;
        }
        if (rh_index_value(I->rt, a[0], &hint)) return NULL;
    }
    return rh_bytesio_readlines(I->rt, self, hint);
}

/* _io_BytesIO_readinto_impl: the clinic takes a writable buffer ("w*": a bytearray here) before the
 * closed check */
FN(bio_readinto) {
    UNUSED;
    int64_t got = 0;
    if (hx_io_arity(I, "readinto", n, nkw, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) == RH_K_ARRAY) {
        rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "readinto() into an array.array");
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_BYTEARRAY) {
        rh_err_set(I->rt, RH_EXC_TYPE, "readinto() argument must be read-write bytes-like object, not %s", hx_tname(a[0]));
        return NULL;
    }
    size_t cap = rh_bytes_len(a[0]);
    int rc = rh_bytesio_readinto(I->rt, self, cap ? rh_bytearray_wdata(a[0]) : NULL, cap, &got);
    return int_or_null(I, rc, got);
}

FN(bio_tell) {
    UNUSED; (void)a;
    int64_t p = 0;
    if (hx_io_arity(I, "tell", n, nkw, 0, 0)) return NULL;
    int rc = rh_bytesio_tell(I->rt, self, &p);
    return int_or_null(I, rc, p);
}

/* _io_BytesIO_seek_impl(pos: Py_ssize_t, whence: int = 0) */
FN(bio_seek) {
    UNUSED;
    int64_t pos, whence = 0, out = 0;
    if (hx_io_arity(I, "seek", n, nkw, 1, 2)) return NULL;
    if (rh_index_value(I->rt, a[0], &pos) || (n > 1 && rh_index_value(I->rt, a[1], &whence))) return NULL;
    if (whence > INT32_MAX || whence < INT32_MIN) {
        rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C int");
        return NULL;
    }
    int rc = rh_bytesio_seek(I->rt, self, pos, (int)whence, &out);
    return int_or_null(I, rc, out);
}

/* _io_BytesIO_truncate_impl(size: Py_ssize_t(accept={int, NoneType}) = the position) */
FN(bio_truncate) {
    UNUSED;
    int64_t size = -1, out = 0;
    if (hx_io_arity(I, "truncate", n, nkw, 0, 1) || hx_io_opt_size(I, a, n, &size)) return NULL;
    if (rh_bytesio_check_open(I->rt, self)) return NULL;
    if (n == 1 && a[0] != rh_none(I->rt) && size < 0) {
        rh_err_set(I->rt, RH_EXC_VALUE, "negative size value %lld", (long long)size);
        return NULL;
    }
    int rc = rh_bytesio_truncate(I->rt, self, size, &out);
    return int_or_null(I, rc, out);
}

FN(bio_close) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "close", n, nkw, 0, 0)) return NULL;
    rh_bytesio_close(I->rt, self);
    return newref(rh_none(I->rt));
}

/* readable, writable, seekable (True), flush (None), isatty (False): each checks the object is open */
static rh_object *open_then(hx_interp *I, rh_object *self, int n, int nkw, const char *fn, rh_object *v) {
    if (hx_io_arity(I, fn, n, nkw, 0, 0) || rh_bytesio_check_open(I->rt, self)) return NULL;
    return newref(v);
}
FN(bio_readable) { UNUSED; (void)a; return open_then(I, self, n, nkw, "readable", rh_true(I->rt)); }
FN(bio_writable) { UNUSED; (void)a; return open_then(I, self, n, nkw, "writable", rh_true(I->rt)); }
FN(bio_seekable) { UNUSED; (void)a; return open_then(I, self, n, nkw, "seekable", rh_true(I->rt)); }
FN(bio_flush) { UNUSED; (void)a; return open_then(I, self, n, nkw, "flush", rh_none(I->rt)); }
FN(bio_isatty) { UNUSED; (void)a; return open_then(I, self, n, nkw, "isatty", rh_false(I->rt)); }

/* _io_BytesIO_getbuffer_impl: a memoryview over a bytesiobuf; refheap makes no memoryview */
FN(bio_getbuffer) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "getbuffer", n, nkw, 0, 0) || rh_bytesio_check_open(I->rt, self)) return NULL;
    rh_err_set(I->rt, RH_EXC_UNSUPPORTED, "BytesIO.getbuffer() (refheap has no memoryview instances)");
    return NULL;
}

/* _io._IOBase.__enter__ (the stream, checked open) and __exit__ (close) */
FN(bio_enter) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "__enter__", n, nkw, 0, 0) || rh_bytesio_check_open(I->rt, self)) return NULL;
    return newref(self);
}
FN(bio_exit) {
    UNUSED; (void)a; (void)n; (void)nkw;
    rh_bytesio_close(I->rt, self);
    return newref(rh_none(I->rt));
}

/* bytesio_sizeof: basicsize plus the unshared buffer (the GC head is sys.getsizeof's) */
FN(bio_sizeof) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "__sizeof__", n, nkw, 0, 0)) return NULL;
    return rh_int_from_i64(I->rt, (int64_t)(rh_sizeof(I->rt, self) - rh_presize(I->rt, rh_type_of(self))));
}

#define D(nm, py) static const rh_builtin_def m_##nm = {py, (void (*)(void))bio_##nm, 0};
D(readable, "readable") D(seekable, "seekable") D(writable, "writable") D(close, "close") D(flush, "flush")
D(isatty, "isatty") D(tell, "tell") D(write, "write") D(writelines, "writelines") D(read1, "read1")
D(readinto, "readinto") D(readline, "readline") D(readlines, "readlines") D(read, "read")
D(getbuffer, "getbuffer") D(getvalue, "getvalue") D(seek, "seek") D(truncate, "truncate")
D(enter, "__enter__") D(exit, "__exit__") D(sizeof, "__sizeof__")
#undef D
/* bytesio_methods' order */
static const rh_builtin_def *const bio_methods[] = {
    &m_readable, &m_seekable, &m_writable, &m_close, &m_flush, &m_isatty, &m_tell, &m_write, &m_writelines,
    &m_read1, &m_readinto, &m_readline, &m_readlines, &m_read, &m_getbuffer, &m_getvalue, &m_seek,
    &m_truncate, &m_sizeof, &m_enter, &m_exit, NULL};

int hx_bytesio_method_tables(rh_kind k, hx_mtab out[2]) {
    (void)k;
    out[0] = (hx_mtab){bio_methods, NULL};
    return 1;
}

/* bytesio_get_closed: 1 and *out, 0 another name */
int hx_bytesio_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    if (strcmp(name, "closed")) return 0;
    *out = newref(rh_bytesio_closed(o) ? rh_true(I->rt) : rh_false(I->rt));
    return 1;
}

/* _io.BytesIO has no vectorcall in 3.11: type_call packs the arguments (HX_METH_VARARGS) */
static const rh_builtin_def bio_ctor = {"BytesIO", (void (*)(void))bio_new, HX_METH_VARARGS};
const rh_builtin_def *hx_bytesio_constructor(void) { return &bio_ctor; }
