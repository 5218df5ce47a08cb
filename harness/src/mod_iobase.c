/* mod_iobase.c — _io's abstract base classes (CPython 3.11 Modules/_io/iobase.c: _IOBase, _RawIOBase;
 * Modules/_io/bufferedio.c: _BufferedIOBase; Modules/_io/textio.c: _TextIOBase) and io.UnsupportedOperation
 * (Modules/_io/_iomodule.c PyInit__io), the part of _io that Lib/io.py's ABCs and Lib/_compression.py,
 * shutil, tempfile build on.
 *
 * Why classes made here, not built-in types: CPython's are static types; refheap's built-in types are kinds
 * of the library (one method table per kind, no Python-level subclassing of most of them), while these four
 * exist to be subclassed in Python and to reach their subclass's methods by name (tell calls self.seek,
 * read calls self.readinto, close calls self.flush). So each is a class made with rh_class_new in module
 * _io, its methods method_descriptors of it (bound as CPython's are), `closed`/`encoding`/... properties
 * over built-in getters. The differences a program can see: the classes are heap types (their __flags__,
 * attributes settable), their instances are laid out as a class's (3.11's managed dict in front: 56 bytes
 * where iobase's own dict and weaklist words make 48), their getters are properties not getset_descriptors, and _io.StringIO (a built-in kind) does not derive from _TextIOBase (io.TextIOBase
 * registers it, as Lib/io.py does, so isinstance(StringIO(), io.TextIOBase) holds).
 * iobase_finalize is _IOBase.__del__ (CPython 3.11 exposes tp_finalize as that slot wrapper): an unclosed
 * instance is closed when it dies.
 *
 * Ownership: every FN takes borrowed arguments and returns a new reference or NULL with the error set.
 * I->io_unsupported owns the UnsupportedOperation class (released with the interpreter, main.c).
 */
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }

/* METH_NOARGS / METH_O checks, the message of mod_io.c's nargs */
int hx_io_arity(hx_interp *I, const char *fn, int n, int nkw, int lo, int hi) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return -1; }
    if (n >= lo && n <= hi) return 0;
    if (hi == 0) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments (%d given)", fn, n);
    else if (lo == hi) rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes exactly one argument (%d given)", fn, n);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most %d argument%s, got %d", fn, hi, hi == 1 ? "" : "s", n);
    return -1;
}

rh_object *hx_io_attr(hx_interp *I, rh_object *o, const char *name) {
    rh_object *nm = hx_name(I, name);
    return nm ? hx_getattr_obj(I, o, nm) : NULL;
}

int hx_io_set_attr(hx_interp *I, rh_object *o, const char *name, rh_object *v) {
    rh_object *nm = hx_name(I, name);
    return nm ? rh_setattr(I->rt, o, nm, v) : -1;
}

rh_object *hx_io_call(hx_interp *I, rh_object *o, const char *name, rh_object **args, int nargs) {
    rh_object *f = hx_io_attr(I, o, name);
    if (!f) return NULL;
    rh_object *r = hx_call_borrowed(I, f, args, nargs);
    rh_decref(I->rt, f);
    return r;
}

/* iobase_unsupported: UnsupportedOperation(message) raised; NULL (also for mod_fileio.c) */
rh_object *hx_io_unsupported(hx_interp *I, const char *msg) {
    if (!I->io_unsupported) { rh_err_set(I->rt, RH_EXC_OS, "%s", msg); return NULL; }
    rh_object *m = rh_str_from_cstr(I->rt, msg);
    rh_object *e = m ? rh_exc_new(I->rt, I->io_unsupported, &m, 1) : NULL;
    rh_xdecref(I->rt, m);
    if (e) rh_err_set_object(I->rt, e);
    return NULL;
}

/* self.<name>(*args): new reference or NULL */
static rh_object *call_method(hx_interp *I, rh_object *self, const char *name, rh_object **args, int nargs) {
    rh_object *nm = hx_name(I, name), *f = nm ? hx_getattr_obj(I, self, nm) : NULL;
    if (!f) return NULL;
    rh_object *r = hx_call_borrowed(I, f, args, nargs);
    rh_decref(I->rt, f);
    return r;
}

/* _PyObject_LookupAttr: 1 and *out (new), 0 when AttributeError (cleared), -1 on another error */
static int lookup_attr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    rh_object *nm = hx_name(I, name);
    *out = nm ? hx_getattr_obj(I, o, nm) : NULL;
    if (*out) return 1;
    if (!nm || rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return -1;
    rh_err_clear(I->rt);
    return 0;
}

/* iobase_is_closed: whether the instance has __IOBase_closed (set by close), -1 on error */
static int is_closed(hx_interp *I, rh_object *self) {
    rh_object *v;
    int rc = lookup_attr(I, self, "__IOBase_closed", &v);
    rh_xdecref(I->rt, v);
    return rc;
}

/* iobase_check_closed: ValueError when the (derived) `closed` attribute is true; 0, or -1 */
static int check_closed(hx_interp *I, rh_object *self) {
    rh_object *v;
    int rc = lookup_attr(I, self, "closed", &v);
    if (rc <= 0) return rc;
    rc = rh_truthy(I->rt, v);
    rh_decref(I->rt, v);
    if (rc > 0) { rh_err_set(I->rt, RH_EXC_VALUE, "I/O operation on closed file."); return -1; }
    return rc;
}

/* _Py_convert_optional_to_ssize_t: an int (its index), or None for the default -1 */
static int opt_ssize(hx_interp *I, rh_object *o, int64_t *v) {
    *v = -1;
    if (!o || o == rh_none(I->rt)) return 0;
    if (!hx_is_intlike(o)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "argument should be integer or None, not '%s'", hx_tname(o));
        return -1;
    }
    return rh_index_value(I->rt, o, v);
}
int hx_io_opt_size(hx_interp *I, rh_object **a, int n, int64_t *v) { return opt_ssize(I, n > 0 ? a[0] : NULL, v); }

/* ---------------------------------------------------------------- _IOBase (iobase.c) */

FN(iob_seek) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "seek"); }
FN(iob_truncate) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "truncate"); }
FN(iob_fileno) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "fileno", n, nkw, 0, 0)) return NULL;
    return hx_io_unsupported(I, "fileno");
}

/* _io__IOBase_tell_impl: self.seek(0, 1) */
FN(iob_tell) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "tell", n, nkw, 0, 0)) return NULL;
    rh_object *args[2] = {rh_int_from_i64(I->rt, 0), rh_int_from_i64(I->rt, 1)};
    rh_object *r = args[0] && args[1] ? call_method(I, self, "seek", args, 2) : NULL;
    rh_xdecref(I->rt, args[0]);
    rh_xdecref(I->rt, args[1]);
    return r;
}

/* _io__IOBase_flush_impl: None while open, ValueError once closed */
FN(iob_flush) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "flush", n, nkw, 0, 0)) return NULL;
    int c = is_closed(I, self);
    if (c < 0) return NULL;
    if (c) { rh_err_set(I->rt, RH_EXC_VALUE, "I/O operation on closed file."); return NULL; }
    return none(I);
}

/* _io__IOBase_close_impl: once; self.flush(), then __IOBase_closed = True even when flush raised */
FN(iob_close) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "close", n, nkw, 0, 0)) return NULL;
    int c = is_closed(I, self);
    if (c < 0) return NULL;
    if (c) return none(I);
    rh_object *res = call_method(I, self, "flush", NULL, 0), *nm;
    if (res) {
        rh_decref(I->rt, res);
        nm = hx_name(I, "__IOBase_closed");
        return nm && hx_setattr(I, self, nm, rh_true(I->rt)) == 0 ? none(I) : NULL;
    }
    rh_err_state saved; /* flush raised: the flag is set all the same, the flush error wins (chained in CPython) */
    rh_err_save(I->rt, &saved);
    nm = hx_name(I, "__IOBase_closed");
    if (!nm || hx_setattr(I, self, nm, rh_true(I->rt))) rh_err_clear(I->rt);
    rh_err_restore_state(I->rt, &saved);
    return NULL;
}

static rh_object *answer_false(hx_interp *I, const char *fn, int n, int nkw) {
    if (hx_io_arity(I, fn, n, nkw, 0, 0)) return NULL;
    return newref(rh_false(I->rt));
}
FN(iob_seekable) { UNUSED; (void)self; (void)a; return answer_false(I, "seekable", n, nkw); }
FN(iob_readable) { UNUSED; (void)self; (void)a; return answer_false(I, "readable", n, nkw); }
FN(iob_writable) { UNUSED; (void)self; (void)a; return answer_false(I, "writable", n, nkw); }

/* _PyIOBase_check_closed (METH_NOARGS|... in CPython: any args) */
FN(iob_check_closed) {
    UNUSED; (void)a; (void)n; (void)nkw;
    return check_closed(I, self) ? NULL : none(I);
}

/* _PyIOBase_check_seekable/readable/writable: self.<what>() must be True, else UnsupportedOperation */
static rh_object *check_able(hx_interp *I, rh_object *self, const char *what, const char *msg) {
    rh_object *r = call_method(I, self, what, NULL, 0);
    if (!r) return NULL;
    if (r != rh_true(I->rt)) {
        rh_decref(I->rt, r);
        return hx_io_unsupported(I, msg);
    }
    return r;
}
FN(iob_check_seekable) { UNUSED; (void)a; (void)n; (void)nkw; return check_able(I, self, "seekable", "File or stream is not seekable."); }
FN(iob_check_readable) { UNUSED; (void)a; (void)n; (void)nkw; return check_able(I, self, "readable", "File or stream is not readable."); }
FN(iob_check_writable) { UNUSED; (void)a; (void)n; (void)nkw; return check_able(I, self, "writable", "File or stream is not writable."); }

FN(iob_isatty) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "isatty", n, nkw, 0, 0) || check_closed(I, self)) return NULL;
    return newref(rh_false(I->rt));
}

/* iobase_enter: the stream itself, checked open; iobase_exit: self.close() */
FN(iob_enter) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "__enter__", n, nkw, 0, 0) || check_closed(I, self)) return NULL;
    return newref(self);
}
FN(iob_exit) { UNUSED; (void)a; (void)n; (void)nkw; return call_method(I, self, "close", NULL, 0); }

/* iobase_iter / iobase_iternext: the stream is its own iterator; a line per next, StopIteration at b"" */
FN(iob_iter) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "__iter__", n, nkw, 0, 0) || check_closed(I, self)) return NULL;
    return newref(self);
}
FN(iob_next) {
    UNUSED; (void)a;
    if (hx_io_arity(I, "__next__", n, nkw, 0, 0)) return NULL;
    rh_object *line = call_method(I, self, "readline", NULL, 0);
    if (!line) return NULL;
    int64_t len = rh_len(I->rt, line);
    if (len > 0) return line;
    rh_decref(I->rt, line);
    if (len == 0) rh_err_set(I->rt, RH_EXC_STOPITERATION, "%s", "");
    return NULL;
}

/* How many bytes of peek's readahead to read: up to and including the first newline, within limit */
static int64_t readahead_len(const char *buf, int64_t len, int64_t limit) {
    int64_t k = 0;
    for (;;) {
        if (k >= len || (limit >= 0 && k >= limit)) break;
        if (buf[k++] == '\n') break;
    }
    return k;
}

/* _io__IOBase_readline_impl: bytes, read one at a time (or as far as peek(1) shows a newline) */
FN(iob_readline) {
    UNUSED;
    rh_runtime *rt = I->rt;
    int64_t limit;
    if (hx_io_arity(I, "readline", n, nkw, 0, 1) || opt_ssize(I, n ? a[0] : NULL, &limit)) return NULL;
    rh_object *peek, *buf = NULL;
    if (lookup_attr(I, self, "peek", &peek) < 0) return NULL;
    if (!(buf = rh_bytearray_from(rt, "", 0))) goto fail;
    while (limit < 0 || (int64_t)rh_bytes_len(buf) < limit) {
        int64_t nread = 1;
        if (peek) {
            rh_object *one = rh_int_from_i64(rt, 1), *ra = one ? hx_call_borrowed(I, peek, &one, 1) : NULL;
            rh_xdecref(rt, one);
            if (!ra) goto fail;
            if (rh_kind_of(ra) != RH_K_BYTES) {
                rh_err_set(rt, RH_EXC_OS, "peek() should have returned a bytes object, not '%.200s'", hx_tname(ra));
                rh_decref(rt, ra);
                goto fail;
            }
            if (rh_bytes_len(ra) > 0) nread = readahead_len(rh_bytes_data(ra), (int64_t)rh_bytes_len(ra), limit);
            rh_decref(rt, ra);
        }
        rh_object *arg = rh_int_from_i64(rt, nread), *b = arg ? call_method(I, self, "read", &arg, 1) : NULL;
        rh_xdecref(rt, arg);
        if (!b) goto fail;
        if (rh_kind_of(b) != RH_K_BYTES) {
            rh_err_set(rt, RH_EXC_OS, "read() should have returned a bytes object, not '%.200s'", hx_tname(b));
            rh_decref(rt, b);
            goto fail;
        }
        size_t bl = rh_bytes_len(b), old = rh_bytes_len(buf);
        if (bl == 0) { rh_decref(rt, b); break; }
        if (rh_bytearray_resize(rt, buf, old + bl)) { rh_decref(rt, b); goto fail; }
        memcpy(rh_bytearray_wdata(buf) + old, rh_bytes_data(b), bl);
        rh_decref(rt, b);
        if (rh_bytearray_wdata(buf)[old + bl - 1] == '\n') break;
    }
    rh_object *r = rh_bytes_from(rt, rh_bytes_len(buf) ? rh_bytearray_wdata(buf) : "", rh_bytes_len(buf));
    rh_xdecref(rt, peek);
    rh_decref(rt, buf);
    return r;
fail:
    rh_xdecref(rt, peek);
    rh_xdecref(rt, buf);
    return NULL;
}

/* _io__IOBase_readlines_impl: the lines of iter(self); with hint > 0 stop once their length would pass it */
FN(iob_readlines) {
    UNUSED;
    rh_runtime *rt = I->rt;
    int64_t hint, length = 0;
    if (hx_io_arity(I, "readlines", n, nkw, 0, 1) || opt_ssize(I, n ? a[0] : NULL, &hint)) return NULL;
    rh_object *it = rh_getiter(rt, self), *l = it ? rh_list_new(rt, 0) : NULL, *line;
    if (!l) { rh_xdecref(rt, it); return NULL; }
    while ((line = rh_iternext(rt, it))) {
        int rc = rh_list_append(rt, l, line);
        int64_t ll = rc ? -1 : rh_len(rt, line);
        rh_decref(rt, line);
        if (ll < 0) goto fail;
        if (hint > 0 && ll > hint - length) break;
        length += ll;
    }
    if (rh_err_occurred(rt)) goto fail;
    rh_decref(rt, it);
    return l;
fail:
    rh_decref(rt, it);
    rh_decref(rt, l);
    return NULL;
}

/* _io__IOBase_writelines: self.write(line) for each line, checked open first */
FN(iob_writelines) {
    UNUSED;
    rh_runtime *rt = I->rt;
    if (hx_io_arity(I, "writelines", n, nkw, 1, 1) || check_closed(I, self)) return NULL;
    rh_object *it = rh_getiter(rt, a[0]), *line;
    if (!it) return NULL;
    while ((line = rh_iternext(rt, it))) {
        rh_object *r = call_method(I, self, "write", &line, 1);
        rh_decref(rt, line);
        if (!r) break;
        rh_decref(rt, r);
    }
    rh_decref(rt, it);
    return rh_err_occurred(rt) ? NULL : none(I);
}

/* iobase_closed_get: whether close() ran (the property's getter, called with the instance) */
FN(iob_closed_get) {
    UNUSED; (void)self; (void)nkw;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "closed getter takes one argument"); return NULL; }
    int c = is_closed(I, a[0]);
    return c < 0 ? NULL : newref(c ? rh_true(I->rt) : rh_false(I->rt));
}

/* iobase_finalize (3.11's tp_finalize, the slot wrapper _IOBase.__del__): unless `closed` reads true (or
 * cannot be read), self._finalizing = True and self.close(), their errors cleared (CPython reports them
 * only in dev mode) */
FN(iob_del) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    if (hx_io_arity(I, "__del__", n, nkw, 0, 0)) return NULL;
    rh_object *v;
    int closed = lookup_attr(I, self, "closed", &v);
    if (closed > 0) {
        closed = rh_truthy(rt, v);
        rh_decref(rt, v);
    }
    if (closed < 0 || (closed == 0 && rh_err_occurred(rt))) { rh_err_clear(rt); closed = -1; }
    if (closed == 0) {
        rh_object *nm = hx_name(I, "_finalizing");
        if (!nm || rh_setattr(rt, self, nm, rh_true(rt))) rh_err_clear(rt);
        rh_object *r = call_method(I, self, "close", NULL, 0);
        if (r) rh_decref(rt, r);
        else rh_err_clear(rt);
    }
    return none(I);
}

static const rh_builtin_def iobase_defs[] = {
    {"seek", (void (*)(void))iob_seek, HX_METH_VARARGS},
    {"tell", (void (*)(void))iob_tell, 0},
    {"truncate", (void (*)(void))iob_truncate, HX_METH_VARARGS},
    {"flush", (void (*)(void))iob_flush, 0},
    {"close", (void (*)(void))iob_close, 0},
    {"seekable", (void (*)(void))iob_seekable, 0},
    {"readable", (void (*)(void))iob_readable, 0},
    {"writable", (void (*)(void))iob_writable, 0},
    {"_checkClosed", (void (*)(void))iob_check_closed, HX_METH_VARARGS},
    {"_checkSeekable", (void (*)(void))iob_check_seekable, HX_METH_VARARGS},
    {"_checkReadable", (void (*)(void))iob_check_readable, HX_METH_VARARGS},
    {"_checkWritable", (void (*)(void))iob_check_writable, HX_METH_VARARGS},
    {"fileno", (void (*)(void))iob_fileno, 0},
    {"isatty", (void (*)(void))iob_isatty, 0},
    {"__enter__", (void (*)(void))iob_enter, 0},
    {"__exit__", (void (*)(void))iob_exit, HX_METH_VARARGS},
    {"readline", (void (*)(void))iob_readline, 0},
    {"readlines", (void (*)(void))iob_readlines, 0},
    {"writelines", (void (*)(void))iob_writelines, 0},
    {"__iter__", (void (*)(void))iob_iter, 0},
    {"__next__", (void (*)(void))iob_next, 0},
    {"__del__", (void (*)(void))iob_del, 0},
    {NULL, NULL, 0}};

/* ---------------------------------------------------------------- _RawIOBase (iobase.c) */

/* _io__RawIOBase_read_impl: readall() for n < 0, else self.readinto(bytearray(n)) and its first bytes */
FN(raw_read) {
    UNUSED;
    rh_runtime *rt = I->rt;
    int64_t size = -1;
    if (hx_io_arity(I, "read", n, nkw, 0, 1) || (n && rh_index_value(rt, a[0], &size))) return NULL;
    if (size < 0) return call_method(I, self, "readall", NULL, 0);
    rh_object *b = rh_bytearray_from(rt, "", 0);
    if (!b || rh_bytearray_resize(rt, b, (size_t)size)) { rh_xdecref(rt, b); return NULL; }
    if (size) memset(rh_bytearray_wdata(b), 0, (size_t)size);
    rh_object *res = call_method(I, self, "readinto", &b, 1);
    if (!res || res == rh_none(rt)) { rh_decref(rt, b); return res; }
    int64_t got;
    int rc = rh_index_value(rt, res, &got);
    rh_decref(rt, res);
    if (rc) { rh_decref(rt, b); return NULL; }
    if (got < 0 || got > (int64_t)rh_bytes_len(b)) {
        rh_err_set(rt, RH_EXC_VALUE, "readinto returned %lld outside buffer size %lld", (long long)got, (long long)size);
        rh_decref(rt, b);
        return NULL;
    }
    rh_object *r = rh_bytes_from(rt, got ? rh_bytearray_wdata(b) : "", (size_t)got);
    rh_decref(rt, b);
    return r;
}

/* _io__RawIOBase_readall_impl: read(DEFAULT_BUFFER_SIZE) until b"" (or None), joined */
FN(raw_readall) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    if (hx_io_arity(I, "readall", n, nkw, 0, 0)) return NULL;
    rh_object *acc = rh_bytearray_from(rt, "", 0), *chunk = rh_int_from_i64(rt, 8 * 1024), *r = NULL;
    int nchunks = 0;
    while (acc && chunk) {
        rh_object *data = call_method(I, self, "read", &chunk, 1);
        if (!data) goto done;
        if (data == rh_none(rt)) {
            if (!nchunks) { r = data; goto done; }
            rh_decref(rt, data);
            break;
        }
        if (rh_kind_of(data) != RH_K_BYTES) {
            rh_decref(rt, data);
            rh_err_set(rt, RH_EXC_TYPE, "read() should return bytes");
            goto done;
        }
        size_t dl = rh_bytes_len(data), old = rh_bytes_len(acc);
        if (!dl) { rh_decref(rt, data); break; }
        nchunks++;
        int rc = rh_bytearray_resize(rt, acc, old + dl);
        if (!rc) memcpy(rh_bytearray_wdata(acc) + old, rh_bytes_data(data), dl);
        rh_decref(rt, data);
        if (rc) goto done;
    }
    if (acc && chunk) r = rh_bytes_from(rt, rh_bytes_len(acc) ? rh_bytearray_wdata(acc) : "", rh_bytes_len(acc));
done:
    rh_xdecref(rt, acc);
    rh_xdecref(rt, chunk);
    return r;
}

/* rawiobase_readinto / rawiobase_write: NotImplementedError without a message */
FN(raw_not_implemented) {
    UNUSED; (void)self; (void)a; (void)n; (void)nkw;
    rh_err_set(I->rt, RH_EXC_NOTIMPLEMENTED, "%s", "");
    return NULL;
}

static const rh_builtin_def rawiobase_defs[] = {
    {"read", (void (*)(void))raw_read, 0},
    {"readall", (void (*)(void))raw_readall, 0},
    {"readinto", (void (*)(void))raw_not_implemented, HX_METH_VARARGS},
    {"write", (void (*)(void))raw_not_implemented, HX_METH_VARARGS},
    {NULL, NULL, 0}};

/* ---------------------------------------------------------------- _BufferedIOBase (bufferedio.c) */

FN(buf_detach) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "detach"); }
FN(buf_read) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "read"); }
FN(buf_read1) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "read1"); }
FN(buf_write) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "write"); }

/* _bufferediobase_readinto_generic: data = self.read(len(buffer)) (read1 for readinto1), copied in; its
 * length. The buffer must be writable ("w*": a bytearray here) */
static rh_object *readinto_generic(hx_interp *I, rh_object *self, rh_object **a, int n, int nkw, int one) {
    rh_runtime *rt = I->rt;
    const char *fn = one ? "readinto1" : "readinto";
    if (hx_io_arity(I, fn, n, nkw, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) == RH_K_ARRAY) {
        rh_err_set(rt, RH_EXC_UNSUPPORTED, "%s() into an array.array", fn);
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_BYTEARRAY) {
        rh_err_set(rt, RH_EXC_TYPE, "%s() argument must be read-write bytes-like object, not %s", fn, hx_tname(a[0]));
        return NULL;
    }
    size_t cap = rh_bytes_len(a[0]);
    rh_object *len = rh_int_from_i64(rt, (int64_t)cap), *data = len ? call_method(I, self, one ? "read1" : "read", &len, 1) : NULL;
    rh_xdecref(rt, len);
    if (!data) return NULL;
    if (rh_kind_of(data) != RH_K_BYTES) {
        rh_err_set(rt, RH_EXC_TYPE, "read() should return bytes");
        rh_decref(rt, data);
        return NULL;
    }
    size_t dl = rh_bytes_len(data);
    if (dl > cap) {
        rh_err_set(rt, RH_EXC_VALUE, "read() returned too much data: %zu bytes requested, %zu returned", cap, dl);
        rh_decref(rt, data);
        return NULL;
    }
    if (dl && rh_bytes_len(a[0]) >= dl) memcpy(rh_bytearray_wdata(a[0]), rh_bytes_data(data), dl);
    rh_decref(rt, data);
    return rh_int_from_i64(rt, (int64_t)dl);
}
FN(buf_readinto) { UNUSED; return readinto_generic(I, self, a, n, nkw, 0); }
FN(buf_readinto1) { UNUSED; return readinto_generic(I, self, a, n, nkw, 1); }

static const rh_builtin_def bufferediobase_defs[] = {
    {"detach", (void (*)(void))buf_detach, 0},
    {"read", (void (*)(void))buf_read, HX_METH_VARARGS},
    {"read1", (void (*)(void))buf_read1, HX_METH_VARARGS},
    {"readinto", (void (*)(void))buf_readinto, 0},
    {"readinto1", (void (*)(void))buf_readinto1, 0},
    {"write", (void (*)(void))buf_write, HX_METH_VARARGS},
    {NULL, NULL, 0}};

/* ---------------------------------------------------------------- _TextIOBase (textio.c) */

FN(txt_detach) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "detach"); }
FN(txt_read) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "read"); }
FN(txt_readline) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "readline"); }
FN(txt_write) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return hx_io_unsupported(I, "write"); }
/* textiobase_encoding_get / _newlines_get / _errors_get: None */
FN(txt_none_get) { UNUSED; (void)self; (void)a; (void)n; (void)nkw; return none(I); }

static const rh_builtin_def textiobase_defs[] = {
    {"detach", (void (*)(void))txt_detach, HX_METH_VARARGS},
    {"read", (void (*)(void))txt_read, HX_METH_VARARGS},
    {"readline", (void (*)(void))txt_readline, HX_METH_VARARGS},
    {"write", (void (*)(void))txt_write, HX_METH_VARARGS},
    {NULL, NULL, 0}};

static const rh_builtin_def closed_getter = {"closed", (void (*)(void))iob_closed_get, 0};
static const rh_builtin_def encoding_getter = {"encoding", (void (*)(void))txt_none_get, 0};
static const rh_builtin_def newlines_getter = {"newlines", (void (*)(void))txt_none_get, 0};
static const rh_builtin_def errors_getter = {"errors", (void (*)(void))txt_none_get, 0};

/* ---------------------------------------------------------------- the classes */

/* cls.<getter name> = property(<built-in getter>) */
int hx_io_add_property(hx_interp *I, rh_object *cls, const rh_builtin_def *getter) {
    rh_object *f = rh_builtin_new(I->rt, getter, NULL);
    rh_object *p = f ? rh_property_new(I->rt, f, NULL, NULL, NULL) : NULL;
    rh_object *nm = p ? hx_name(I, getter->name) : NULL;
    int rc = nm ? rh_setattr(I->rt, cls, nm, p) : -1;
    rh_xdecref(I->rt, f);
    rh_xdecref(I->rt, p);
    return rc;
}

/* class <name>(<base>) in module _io, its methods method_descriptors of it, its tp_name the static type's
 * "_io.<name>" (messages and method reprs say '_io._IOBase'; __name__ stays the class name). New reference
 * or NULL. */
rh_object *hx_io_make_class(hx_interp *I, const char *name, const char *tp_name, rh_object *base,
                            const rh_builtin_def *defs) {
    rh_runtime *rt = I->rt;
    rh_object *nm = hx_name(I, name), *ns = nm ? rh_dict_new(rt) : NULL, *mod = ns ? hx_name(I, "_io") : NULL;
    rh_object *bases = mod ? (base ? rh_tuple_pack(rt, 1, base) : newref(rh_empty_tuple(rt))) : NULL, *cls = NULL;
    if (bases && !rh_dict_set_cstr(rt, ns, "__module__", mod)) cls = rh_class_new(rt, nm, bases, ns);
    rh_xdecref(rt, ns);
    rh_xdecref(rt, bases);
    rh_type *t = (rh_type *)(void *)cls;
    if (cls && !t->qualname_obj) t->qualname_obj = newref(nm); /* the repr's <class '_io._IOBase'> */
    if (cls) t->name = tp_name;
    for (int i = 0; cls && defs[i].name; i++) {
        rh_object *d = rh_method_descr_new(rt, (rh_type *)(void *)cls, &defs[i]);
        rh_object *k = d ? hx_name(I, defs[i].name) : NULL;
        int rc = k ? rh_setattr(rt, cls, k, d) : -1;
        rh_xdecref(rt, d);
        if (rc) rh_setref(rt, &cls, NULL);
    }
    return cls;
}

/* io.UnsupportedOperation: PyErr_NewException("io.UnsupportedOperation", (OSError, ValueError), NULL);
 * 2.7's _iomodule.c makes it with the bases (ValueError, IOError) */
static rh_object *make_unsupported(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *nm = hx_name(I, "UnsupportedOperation"), *ns = nm ? rh_dict_new(rt) : NULL;
    rh_object *mod = ns ? hx_name(I, "io") : NULL, *cls = NULL;
    int py2 = rh_runtime_profile(rt)->python2;
    rh_object *os = (rh_object *)rh_exc_type(rt, py2 ? RH_EXC_IO : RH_EXC_OS), *val = (rh_object *)rh_exc_type(rt, RH_EXC_VALUE);
    rh_object *bases = mod ? (py2 ? rh_tuple_pack(rt, 2, val, os) : rh_tuple_pack(rt, 2, os, val)) : NULL;
    if (bases && !rh_dict_set_cstr(rt, ns, "__module__", mod)) cls = rh_class_new(rt, nm, bases, ns);
    rh_xdecref(rt, ns);
    rh_xdecref(rt, bases);
    return cls;
}

/* Fill module _io's dict d: _IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase, UnsupportedOperation. 0/-1 */
int hx_io_add_bases(hx_interp *I, rh_object *d) {
    rh_runtime *rt = I->rt;
    if (!I->io_unsupported && !(I->io_unsupported = make_unsupported(I))) return -1;
    rh_object *iob = hx_io_make_class(I, "_IOBase", "_io._IOBase", NULL, iobase_defs);
    rh_object *raw = iob ? hx_io_make_class(I, "_RawIOBase", "_io._RawIOBase", iob, rawiobase_defs) : NULL;
    rh_object *buf = raw ? hx_io_make_class(I, "_BufferedIOBase", "_io._BufferedIOBase", iob, bufferediobase_defs) : NULL;
    rh_object *txt = buf ? hx_io_make_class(I, "_TextIOBase", "_io._TextIOBase", iob, textiobase_defs) : NULL;
    int rc = !txt || hx_io_add_property(I, iob, &closed_getter) || hx_io_add_property(I, txt, &encoding_getter) ||
             hx_io_add_property(I, txt, &newlines_getter) || hx_io_add_property(I, txt, &errors_getter) ||
             rh_dict_set_cstr(rt, d, "_IOBase", iob) || rh_dict_set_cstr(rt, d, "_RawIOBase", raw) ||
             rh_dict_set_cstr(rt, d, "_BufferedIOBase", buf) || rh_dict_set_cstr(rt, d, "_TextIOBase", txt) ||
             rh_dict_set_cstr(rt, d, "UnsupportedOperation", I->io_unsupported);
    rh_xdecref(rt, iob);
    rh_xdecref(rt, raw);
    rh_xdecref(rt, buf);
    rh_xdecref(rt, txt);
    return rc ? -1 : 0;
}
