/* mod_fileio.c — _io.FileIO, the raw file over a file descriptor (CPython 3.11 Modules/_io/fileio.c, its
 * argument clinic Modules/_io/clinic/fileio.c.h).
 *
 * Owns FileIO's methods (__init__, read, readall, readinto, write, seek, tell, truncate, close, fileno,
 * isatty, readable, writable, seekable, __repr__) and its closed/mode/closefd/_blksize getters.
 * FileIO is a class made as the _io bases are (mod_iobase.c explains why: they are classes here, not
 * built-in types), deriving from _io._RawIOBase, so readline/readlines/iteration/__enter__/__exit__ and
 * __del__ (iobase_finalize: close() when an unclosed instance dies) come from _IOBase as in CPython.
 * Differences a program can see (docs/conformance.md, io): the C struct's fields (fd, the mode flags,
 * closefd) live in the instance's __dict__ as `__fileio_fd` and `__fileio_flags`, so __dict__ shows them
 * beside `name`, and sys.getsizeof is a class instance's.
 *
 * Ownership: every FN takes borrowed arguments and returns a new reference or NULL with the error set.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

/* the fileio struct's flag fields */
enum { F_READ = 1, F_WRITE = 2, F_APPEND = 4, F_CREATE = 8, F_CLOSEFD = 16, F_SEEK_KNOWN = 32, F_SEEKABLE = 64 };

#define arity hx_io_arity  /* mod_iobase.c */
static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }


/* PyUnicode_FromFormat for the reprs: a new str or NULL */
static rh_object *fmt_str(hx_interp *I, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *buf = len >= 0 ? malloc((size_t)len + 1) : NULL;
    rh_object *s = NULL;
    if (buf) {
        vsnprintf(buf, (size_t)len + 1, fmt, ap2);
        s = rh_str_from_utf8(I->rt, buf, (size_t)len);
        free(buf);
    } else rh_err_set(I->rt, RH_EXC_MEMORY, "%s", "");
    va_end(ap2);
    return s;
}

/* ---------------------------------------------------------------- state in the instance */

/* an int attribute of self, dflt when absent; 0 or -1 */
static int get_int(hx_interp *I, rh_object *self, const char *name, int64_t dflt, int64_t *v) {
    rh_object *nm = hx_name(I, name), *o = nm ? hx_getattr_obj(I, self, nm) : NULL;
    *v = dflt;
    if (!o) {
        if (!nm || rh_err_occurred(I->rt) != RH_EXC_ATTRIBUTE) return -1;
        rh_err_clear(I->rt);
        return 0;
    }
    int rc = hx_is_intlike(o) ? rh_int_as_i64(I->rt, o, v) : 0;
    rh_decref(I->rt, o);
    return rc;
}
static int set_int(hx_interp *I, rh_object *self, const char *name, int64_t v) {
    rh_object *nm = hx_name(I, name), *o = nm ? rh_int_from_i64(I->rt, v) : NULL;
    int rc = o ? rh_setattr(I->rt, self, nm, o) : -1;
    rh_xdecref(I->rt, o);
    return rc;
}

typedef struct { int fd; unsigned flags; } fio;

/* the fd (-1: closed or never opened) and flags of self; 0 or -1 */
static int state(hx_interp *I, rh_object *self, fio *f) {
    int64_t fd, fl;
    if (get_int(I, self, "__fileio_fd", -1, &fd) || get_int(I, self, "__fileio_flags", 0, &fl)) return -1;
    f->fd = (int)fd;
    f->flags = (unsigned)fl;
    return 0;
}
static int save(hx_interp *I, rh_object *self, const fio *f) {
    return set_int(I, self, "__fileio_fd", f->fd) || set_int(I, self, "__fileio_flags", f->flags) ? -1 : 0;
}

/* err_closed: ValueError("I/O operation on closed file") (fileio's, without the full stop) */
static int err_closed(hx_interp *I) {
    rh_err_set(I->rt, RH_EXC_VALUE, "I/O operation on closed file");
    return -1;
}
/* the state of an open FileIO; 0, or -1 with err_closed */
static int open_state(hx_interp *I, rh_object *self, fio *f) {
    if (state(I, self, f)) return -1;
    return f->fd < 0 ? err_closed(I) : 0;
}
/* err_mode: UnsupportedOperation("File not open for <action>") */
static int err_mode(hx_interp *I, const char *action) {
    char msg[64];
    snprintf(msg, sizeof msg, "File not open for %s", action);
    hx_io_unsupported(I, msg);
    return -1;
}

/* PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, filename): OSError(errno, strerror[, filename]),
 * the subclass chosen by OSError's constructor; NULL */
static rh_object *errno_error(hx_interp *I, int err, rh_object *filename) {
    rh_runtime *rt = I->rt;
    rh_object *args[3] = {rh_int_from_i64(rt, err), rh_str_from_cstr(rt, strerror(err)), filename};
    rh_exc kind = rh_runtime_profile(rt)->python2 ? RH_EXC_IO : RH_EXC_OS; /* 2.7's _io raises IOError */
    rh_object *e = args[0] && args[1] ? rh_exc_new(rt, (rh_object *)rh_exc_type(rt, kind), args, filename ? 3 : 2) : NULL;
    rh_xdecref(rt, args[0]);
    rh_xdecref(rt, args[1]);
    if (e) rh_err_set_object(rt, e);
    return NULL;
}

/* ---------------------------------------------------------------- __init__ */

/* the mode loop of _io_FileIO___init___impl: the open(2) flags and the F_* flags; 0, or -1 ValueError */
static int parse_mode(hx_interp *I, const char *mode, int *oflags, unsigned *fl) {
    int rwa = 0, plus = 0;
    *oflags = 0;
    *fl = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x': case 'r': case 'w': case 'a':
            if (rwa) goto bad;
            rwa = 1;
            if (*s == 'x') *fl |= F_CREATE | F_WRITE, *oflags |= O_EXCL | O_CREAT;
            else if (*s == 'r') *fl |= F_READ;
            else if (*s == 'w') *fl |= F_WRITE, *oflags |= O_CREAT | O_TRUNC;
            else *fl |= F_WRITE | F_APPEND, *oflags |= O_APPEND | O_CREAT;
            break;
        case 'b': break;
        case '+':
            if (plus) goto bad;
            *fl |= F_READ | F_WRITE;
            plus = 1;
            break;
        default:
            rh_err_set(I->rt, RH_EXC_VALUE, "invalid mode: %.200s", mode);
            return -1;
        }
    }
    if (!rwa) goto bad;
    *oflags |= (*fl & F_READ) && (*fl & F_WRITE) ? O_RDWR : (*fl & F_READ) ? O_RDONLY : O_WRONLY;
    *oflags |= O_CLOEXEC;
    return 0;
bad:
    rh_err_set(I->rt, RH_EXC_VALUE, "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

/* os.fspath for FileIO's name: str/bytes, or __fspath__'s str/bytes (PyUnicode_FSConverter); new or NULL */
static rh_object *fspath(hx_interp *I, rh_object *o) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    if (k == RH_K_STR || k == RH_K_BYTES) return newref(o);
    rh_object *nm = hx_name(I, "__fspath__"), *m = nm && k != RH_K_TYPE ? hx_getattr_obj(I, o, nm) : NULL;
    if (!m) {
        if (rh_err_occurred(rt) && rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return NULL;
        rh_err_clear(rt);
        rh_err_set(rt, RH_EXC_TYPE, "expected str, bytes or os.PathLike object, not %s", hx_tname(o));
        return NULL;
    }
    rh_object *r = hx_call_borrowed(I, m, NULL, 0);
    rh_decref(rt, m);
    if (r && rh_kind_of(r) != RH_K_STR && rh_kind_of(r) != RH_K_BYTES) {
        rh_err_set(rt, RH_EXC_TYPE, "expected %s.__fspath__() to return str or bytes, not %s", hx_tname(o), hx_tname(r));
        rh_setref(rt, &r, NULL);
    }
    return r;
}

/* fd from opener(name, flags): an int >= 0; -1 with the error set */
static int call_opener(hx_interp *I, rh_object *opener, rh_object *name, int oflags) {
    rh_runtime *rt = I->rt;
    rh_object *fl = rh_int_from_i64(rt, oflags), *args[2] = {name, fl};
    rh_object *r = fl ? hx_call_borrowed(I, opener, args, 2) : NULL;
    rh_xdecref(rt, fl);
    if (!r) return -1;
    int64_t v = -1;
    int rc = hx_is_intlike(r) ? rh_int_as_i64(rt, r, &v) : -2;
    rh_decref(rt, r);
    if (rc == -2) { rh_err_set(rt, RH_EXC_TYPE, "expected integer from opener"); return -1; }
    if (rc) return -1;
    if (v < 0) {
        if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_VALUE, "opener returned %d", (int)v);
        return -1;
    }
    return (int)v;
}

/* _io_FileIO___init___impl(file, mode='r', closefd=True, opener=None) */
FN(fio_init) {
    UNUSED;
    rh_runtime *rt = I->rt;
    static const char *const names[] = {"file", "mode", "closefd", "opener"};
    rh_object *v[4];
    if (hx_parse_kw(I, "FileIO", names, 4, 4, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    fio f;
    if (state(I, self, &f)) return NULL;
    if (f.fd >= 0 && (f.flags & F_CLOSEFD)) close(f.fd); /* re-initialised: fileio's internal_close */
    f.fd = -1;
    const char *mode = "r";
    if (v[1]) {
        if (rh_kind_of(v[1]) != RH_K_STR) {
            rh_err_set(rt, RH_EXC_TYPE, "FileIO() argument 'mode' must be str, not %s", hx_tname(v[1]));
            return NULL;
        }
        mode = hx_cstr(I, v[1]);
    }
    int closefd = 1;
    if (v[2] && (closefd = rh_truthy(rt, v[2])) < 0) return NULL;
    int fd = -1;
    rh_object *name = NULL;
    if (hx_is_intlike(v[0])) {
        int64_t x;
        if (rh_int_as_i64(rt, v[0], &x)) return NULL;
        if (x < 0) { rh_err_set(rt, RH_EXC_VALUE, "negative file descriptor"); return NULL; }
        fd = (int)x;
    } else if (!(name = fspath(I, v[0]))) return NULL;
    int oflags;
    unsigned fl;
    if (parse_mode(I, mode, &oflags, &fl)) goto fail;
    if (fd >= 0) {
        if (closefd) fl |= F_CLOSEFD;
    } else {
        fl |= F_CLOSEFD;
        if (!closefd) { rh_err_set(rt, RH_EXC_VALUE, "Cannot use closefd=False with file name"); goto fail; }
        const char *path = rh_kind_of(name) == RH_K_BYTES ? rh_bytes_data(name) : hx_cstr(I, name);
        size_t len = rh_kind_of(name) == RH_K_BYTES ? rh_bytes_len(name) : 0;
        if (rh_kind_of(name) == RH_K_STR) rh_str_utf8(rt, name, &len);
        if (strlen(path) != len) { rh_err_set(rt, RH_EXC_VALUE, "embedded null byte"); goto fail; }
        if (v[3] && v[3] != rh_none(rt)) {
            if ((fd = call_opener(I, v[3], name, oflags)) < 0) goto fail;
        } else {
            do fd = open(path, oflags, 0666); while (fd < 0 && errno == EINTR);
            if (fd < 0) { errno_error(I, errno, v[0]); goto fail; }
        }
    }
    struct stat st;
    int64_t blksize = 8 * 1024;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            if (name) close(fd);
            errno_error(I, EISDIR, v[0]);
            goto fail;
        }
        if (st.st_blksize > 1) blksize = st.st_blksize;
    } else if (errno == EBADF) {
        errno_error(I, EBADF, NULL);
        goto fail;
    }
    f.fd = fd;
    f.flags = fl;
    /* the fd is owned once saved; name is set on the instance as CPython's PyObject_SetAttr(self, name) */
    if (save(I, self, &f) || set_int(I, self, "_blksize", blksize)) goto fail;
    {
        rh_object *nm = hx_name(I, "name");
        if (!nm || rh_setattr(rt, self, nm, v[0])) goto fail;
    }
    if ((fl & F_APPEND) && lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) { errno_error(I, errno, NULL); goto fail; }
    rh_xdecref(rt, name);
    return none(I);
fail:
    rh_xdecref(rt, name);
    return NULL;
}

/* ---------------------------------------------------------------- reading */

/* _io_FileIO_readall_impl: read() until EOF, the chunks growing as the file's remaining size suggests */
static rh_object *readall(hx_interp *I, const fio *f) {
    rh_runtime *rt = I->rt;
    size_t cap = 8192, len = 0;
    struct stat st;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos >= 0 && fstat(f->fd, &st) == 0 && st.st_size > pos) cap = (size_t)(st.st_size - pos) + 1;
    char *buf = malloc(cap);
    if (!buf) { rh_err_set(rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); rh_err_set(rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
            buf = nb;
        }
        ssize_t r = read(f->fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            if (e == EAGAIN && len == 0) return none(I);
            if (e == EAGAIN) break;
            return errno_error(I, e, NULL);
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    rh_object *b = rh_bytes_from(rt, buf, len);
    free(buf);
    return b;
}

static int check_readable(hx_interp *I, rh_object *self, fio *f) {
    if (open_state(I, self, f)) return -1;
    return (f->flags & F_READ) ? 0 : err_mode(I, "reading");
}

FN(fio_readall) {
    UNUSED; (void)a;
    fio f;
    if (arity(I, "readall", n, nkw, 0, 0) || open_state(I, self, &f)) return NULL;
    return readall(I, &f);
}

/* _io_FileIO_read_impl(size=-1): readall for size < 0; None when it would block */
FN(fio_read) {
    UNUSED;
    rh_runtime *rt = I->rt;
    fio f;
    int64_t size = -1;
    if (arity(I, "read", n, nkw, 0, 1)) return NULL;
    if (n && a[0] != rh_none(rt)) {
        if (!hx_is_intlike(a[0])) {
            rh_err_set(rt, RH_EXC_TYPE, "argument should be integer or None, not '%s'", hx_tname(a[0]));
            return NULL;
        }
        if (rh_index_value(rt, a[0], &size)) return NULL;
    }
    if (check_readable(I, self, &f)) return NULL;
    if (size < 0) return readall(I, &f);
    char *buf = malloc(size ? (size_t)size : 1);
    if (!buf) { rh_err_set(rt, RH_EXC_MEMORY, "%s", ""); return NULL; }
    ssize_t r;
    do r = read(f.fd, buf, (size_t)size); while (r < 0 && errno == EINTR);
    int e = errno;
    rh_object *b = r >= 0 ? rh_bytes_from(rt, buf, (size_t)r) : e == EAGAIN ? none(I) : errno_error(I, e, NULL);
    free(buf);
    return b;
}

/* _io_FileIO_readinto_impl(buffer): a bytearray ("w*") filled from the file; the count */
FN(fio_readinto) {
    UNUSED;
    rh_runtime *rt = I->rt;
    fio f;
    if (arity(I, "readinto", n, nkw, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_BYTEARRAY) {
        rh_err_set(rt, RH_EXC_TYPE, "readinto() argument must be read-write bytes-like object, not %s", hx_tname(a[0]));
        return NULL;
    }
    if (check_readable(I, self, &f)) return NULL;
    size_t cap = rh_bytes_len(a[0]);
    ssize_t r = 0;
    if (cap) do r = read(f.fd, rh_bytearray_wdata(a[0]), cap); while (r < 0 && errno == EINTR);
    if (r < 0) return errno == EAGAIN ? none(I) : errno_error(I, errno, NULL);
    return rh_int_from_i64(rt, r);
}

/* ---------------------------------------------------------------- writing and positioning */

/* _io_FileIO_write_impl(b): the bytes written (None when it would block) */
FN(fio_write) {
    UNUSED;
    rh_runtime *rt = I->rt;
    fio f;
    if (arity(I, "write", n, nkw, 1, 1)) return NULL;
    if (open_state(I, self, &f)) return NULL;
    if (!(f.flags & F_WRITE)) { err_mode(I, "writing"); return NULL; }
    if (!rh_is_byteslike(a[0])) {
        rh_err_set(rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(a[0]));
        return NULL;
    }
    size_t len = rh_bytes_len(a[0]);
    ssize_t r = 0;
    if (len) do r = write(f.fd, rh_bytes_data(a[0]), len); while (r < 0 && errno == EINTR);
    if (r < 0) return errno == EAGAIN ? none(I) : errno_error(I, errno, NULL);
    return rh_int_from_i64(rt, r);
}

/* portable_lseek: pos None is 0; the new position */
static rh_object *do_seek(hx_interp *I, const fio *f, rh_object *posobj, int whence) {
    rh_runtime *rt = I->rt;
    int64_t pos = 0;
    if (posobj && posobj != rh_none(rt) && rh_index_value(rt, posobj, &pos)) return NULL;
    off_t r = lseek(f->fd, (off_t)pos, whence);
    if (r < 0) return errno_error(I, errno, NULL);
    return rh_int_from_i64(rt, r);
}

/* _io_FileIO_seek_impl(pos, whence=0) */
FN(fio_seek) {
    UNUSED;
    fio f;
    int64_t whence = 0;
    if (arity(I, "seek", n, nkw, 1, 2)) return NULL;
    if (n > 1 && rh_index_value(I->rt, a[1], &whence)) return NULL;
    if (open_state(I, self, &f)) return NULL;
    return do_seek(I, &f, a[0], (int)whence);
}

FN(fio_tell) {
    UNUSED; (void)a;
    fio f;
    if (arity(I, "tell", n, nkw, 0, 0) || open_state(I, self, &f)) return NULL;
    return do_seek(I, &f, NULL, SEEK_CUR);
}

/* _io_FileIO_truncate_impl(size=None): size defaults to the position; the new size */
FN(fio_truncate) {
    UNUSED;
    rh_runtime *rt = I->rt;
    fio f;
    if (arity(I, "truncate", n, nkw, 0, 1) || open_state(I, self, &f)) return NULL;
    if (!(f.flags & F_WRITE)) { err_mode(I, "writing"); return NULL; }
    rh_object *size = n && a[0] != rh_none(rt) ? newref(a[0]) : do_seek(I, &f, NULL, SEEK_CUR);
    int64_t sz;
    if (!size || rh_index_value(rt, size, &sz)) { rh_xdecref(rt, size); return NULL; }
    if (ftruncate(f.fd, (off_t)sz) != 0) { rh_decref(rt, size); return errno_error(I, errno, NULL); }
    return size;
}

/* ---------------------------------------------------------------- close and queries */

/* _io_FileIO_close_impl: _RawIOBase.close(self) (flush, closed flag), then close(2) when closefd */
FN(fio_close) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    fio f;
    if (arity(I, "close", n, nkw, 0, 0) || state(I, self, &f)) return NULL;
    rh_object *iob = hx_import_module(I, "_io");
    rh_object *raw = iob ? rh_dict_get_cstr(rt, rh_module_dict(iob), "_RawIOBase") : NULL;
    rh_object *cn = raw ? hx_name(I, "close") : NULL, *m = cn ? hx_getattr_obj(I, raw, cn) : NULL;
    rh_object *res = m ? hx_call_borrowed(I, m, &self, 1) : NULL;
    rh_xdecref(rt, m);
    rh_xdecref(rt, iob);
    if (f.fd >= 0) {
        int err = 0;
        if ((f.flags & F_CLOSEFD) && close(f.fd) < 0) err = errno;
        f.fd = -1;
        if (save(I, self, &f)) { rh_xdecref(rt, res); return NULL; }
        if (err && res) { rh_setref(rt, &res, NULL); errno_error(I, err, NULL); }
    }
    return res;
}

FN(fio_fileno) {
    UNUSED; (void)a;
    fio f;
    if (arity(I, "fileno", n, nkw, 0, 0) || open_state(I, self, &f)) return NULL;
    return rh_int_from_i64(I->rt, f.fd);
}

FN(fio_isatty) {
    UNUSED; (void)a;
    fio f;
    if (arity(I, "isatty", n, nkw, 0, 0) || open_state(I, self, &f)) return NULL;
    return newref(isatty(f.fd) ? rh_true(I->rt) : rh_false(I->rt));
}

static rh_object *flag_query(hx_interp *I, rh_object *self, int n, int nkw, const char *fn, unsigned bit) {
    fio f;
    if (arity(I, fn, n, nkw, 0, 0) || open_state(I, self, &f)) return NULL;
    return newref((f.flags & bit) ? rh_true(I->rt) : rh_false(I->rt));
}
FN(fio_readable) { UNUSED; (void)a; return flag_query(I, self, n, nkw, "readable", F_READ); }
FN(fio_writable) { UNUSED; (void)a; return flag_query(I, self, n, nkw, "writable", F_WRITE); }

/* _io_FileIO_seekable_impl: whether lseek works, found once */
FN(fio_seekable) {
    UNUSED; (void)a;
    fio f;
    if (arity(I, "seekable", n, nkw, 0, 0) || open_state(I, self, &f)) return NULL;
    if (!(f.flags & F_SEEK_KNOWN)) {
        f.flags |= F_SEEK_KNOWN | (lseek(f.fd, 0, SEEK_CUR) < 0 ? 0 : F_SEEKABLE);
        if (save(I, self, &f)) return NULL;
    }
    return newref((f.flags & F_SEEKABLE) ? rh_true(I->rt) : rh_false(I->rt));
}

/* mode_string */
static const char *mode_string(unsigned fl) {
    if (fl & F_CREATE) return (fl & F_READ) ? "xb+" : "xb";
    if (fl & F_APPEND) return (fl & F_READ) ? "ab+" : "ab";
    if (fl & F_READ) return (fl & F_WRITE) ? "rb+" : "rb";
    return "wb";
}

/* fileio_repr: <T [closed]>, <T fd=N mode=... closefd=...> without a name, else <T name=R mode=... closefd=...> */
FN(fio_repr) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    fio f;
    if (arity(I, "__repr__", n, nkw, 0, 0) || state(I, self, &f)) return NULL;
    const char *tn = hx_tname(self), *cf = (f.flags & F_CLOSEFD) ? "True" : "False";
    if (f.fd < 0) return fmt_str(I, "<%s [closed]>", tn);
    rh_object *nm = hx_name(I, "name"), *name = nm ? hx_getattr_obj(I, self, nm) : NULL;
    if (!name) {
        if (!nm || rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return NULL;
        rh_err_clear(rt);
        return fmt_str(I, "<%s fd=%d mode='%s' closefd=%s>", tn, f.fd, mode_string(f.flags), cf);
    }
    rh_object *r = rh_repr(rt, name), *s = r ? fmt_str(I, "<%s name=%s mode='%s' closefd=%s>", tn,
                                                             hx_cstr(I, r), mode_string(f.flags), cf) : NULL;
    rh_decref(rt, name);
    rh_xdecref(rt, r);
    return s;
}

/* the getters: closed (fd < 0), mode (mode_string), closefd */
static rh_object *getter_self(hx_interp *I, rh_object **a, int n, fio *f) {
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "getter takes one argument"); return NULL; }
    return state(I, a[0], f) ? NULL : a[0];
}
FN(fio_closed_get) {
    UNUSED; (void)self; (void)nkw;
    fio f;
    if (!getter_self(I, a, n, &f)) return NULL;
    return newref(f.fd < 0 ? rh_true(I->rt) : rh_false(I->rt));
}
FN(fio_mode_get) {
    UNUSED; (void)self; (void)nkw;
    fio f;
    if (!getter_self(I, a, n, &f)) return NULL;
    return rh_str_from_cstr(I->rt, mode_string(f.flags));
}
FN(fio_closefd_get) {
    UNUSED; (void)self; (void)nkw;
    fio f;
    if (!getter_self(I, a, n, &f)) return NULL;
    return newref((f.flags & F_CLOSEFD) ? rh_true(I->rt) : rh_false(I->rt));
}

static const rh_builtin_def fileio_defs[] = {
    {"__init__", (void (*)(void))fio_init, 0},
    {"read", (void (*)(void))fio_read, 0},
    {"readall", (void (*)(void))fio_readall, 0},
    {"readinto", (void (*)(void))fio_readinto, 0},
    {"write", (void (*)(void))fio_write, 0},
    {"seek", (void (*)(void))fio_seek, 0},
    {"tell", (void (*)(void))fio_tell, 0},
    {"truncate", (void (*)(void))fio_truncate, 0},
    {"close", (void (*)(void))fio_close, 0},
    {"seekable", (void (*)(void))fio_seekable, 0},
    {"readable", (void (*)(void))fio_readable, 0},
    {"writable", (void (*)(void))fio_writable, 0},
    {"fileno", (void (*)(void))fio_fileno, 0},
    {"isatty", (void (*)(void))fio_isatty, 0},
    {"__repr__", (void (*)(void))fio_repr, 0},
    {NULL, NULL, 0}};

static const rh_builtin_def closed_getter = {"closed", (void (*)(void))fio_closed_get, 0};
static const rh_builtin_def mode_getter = {"mode", (void (*)(void))fio_mode_get, 0};
static const rh_builtin_def closefd_getter = {"closefd", (void (*)(void))fio_closefd_get, 0};

int hx_io_add_fileio(hx_interp *I, rh_object *d) {
    rh_object *raw = rh_dict_get_cstr(I->rt, d, "_RawIOBase");
    rh_object *cls = raw ? hx_io_make_class(I, "FileIO", "_io.FileIO", raw, fileio_defs) : NULL;
    int rc = !cls || hx_io_add_property(I, cls, &closed_getter) || hx_io_add_property(I, cls, &mode_getter) ||
             hx_io_add_property(I, cls, &closefd_getter) || rh_dict_set_cstr(I->rt, d, "FileIO", cls);
    rh_xdecref(I->rt, cls);
    return rc ? -1 : 0;
}
