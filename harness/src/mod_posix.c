/* mod_posix.c — posix, the os module's native half (CPython 3.11 Modules/posixmodule.c): what Lib's os.py,
 * posixpath.py, genericpath.py and stat.py need, and the common calls (getcwd, stat, listdir, open/read/
 * write/close, mkdir/rmdir/unlink/rename, chdir, symlink, scandir, environ, fspath, urandom, ...).
 *
 * Owns the posix module. Its objects are the runtime's: stat results and terminal sizes are struct
 * sequences (os.stat_result / os.terminal_size, t_structseq.c), names str or bytes as the path given,
 * environ a dict of bytes to bytes made once at import (posixmodule.c convertenviron).
 * Errors: a failing call raises OSError(errno, strerror(errno)[, filename]) made through OSError's
 * constructor, so it becomes FileNotFoundError, PermissionError, ... by errno (posix_error / path_error ->
 * PyErr_SetFromErrnoWithFilenameObject). Keyword-only dir_fd is refused unless None (the HAVE_*AT
 * functions are not in _have_functions, so os.supports_dir_fd is empty); follow_symlinks=False is lstat.
 * Invariants: no C resource outlives a call (directory streams closed on every path); a path argument's
 * str/bytes form is held by the px_path for the call (path_cleanup).
 * scandir's iterator and entries (reference/src/t_scandir.c) get their methods here (hx_posix_method_tables,
 * hx_posix_getattr) and the iterator its tp_iternext when posix is imported.
 * Not here (yet): chmod, readlink, utime, fork/exec/wait, uname, times.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "interp.h"
#include "refheap/modtypes.h"

extern char **environ;

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define PX_MAXARGS 4

static rh_object *none_ref(hx_interp *I) {
    rh_incref(rh_none(I->rt));
    return rh_none(I->rt);
}

/* ---------------------------------------------------------------- arguments */

/* an int argument (_PyLong_AsInt and friends): 0 and *v, or -1 with TypeError/OverflowError */
static int px_int(hx_interp *I, rh_object *o, int64_t *v) {
    if (!hx_is_intlike(o)) {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", rh_type_name(o));
        return -1;
    }
    return rh_int_as_i64(I->rt, o, v);
}

static int px_int_or(hx_interp *I, rh_object *o, int64_t dflt, int64_t *v) {
    if (!o) { *v = dflt; return 0; }
    return px_int(I, o, v);
}

/* dir_fd=None is all this module accepts (argument_unavailable_error) */
static int px_no_dir_fd(hx_interp *I, const char *fn, rh_object *dir_fd) {
    if (!dir_fd || dir_fd == rh_none(I->rt)) return 0;
    rh_err_set(I->rt, RH_EXC_NOTIMPLEMENTED, "%s: dir_fd unavailable on this platform", fn);
    return -1;
}

/* ---------------------------------------------------------------- os.fspath and paths */

/* PyOS_FSPath: str or bytes itself, else type(o).__fspath__(o) checked to be str or bytes. New reference
 * or NULL with TypeError. (The method is read as an attribute of o; CPython looks it up on the type.) */
static rh_object *px_fspath(hx_interp *I, rh_object *o) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    if (k == RH_K_STR || k == RH_K_BYTES) {
        rh_incref(o);
        return o;
    }
    rh_object *name = rh_str_from_cstr(rt, "__fspath__");
    rh_object *m = name && rh_kind_of(o) != RH_K_TYPE ? hx_getattr_obj(I, o, name) : NULL;
    rh_xdecref(rt, name);
    if (!m) {
        if (rh_err_occurred(rt) && rh_err_occurred(rt) != RH_EXC_ATTRIBUTE) return NULL;
        rh_err_clear(rt);
        rh_err_set(rt, RH_EXC_TYPE, "expected str, bytes or os.PathLike object, not %s", rh_type_name(o));
        return NULL;
    }
    rh_object *r = hx_call(I, m, NULL, 0, NULL, NULL, 0);
    rh_decref(rt, m);
    if (r && rh_kind_of(r) != RH_K_STR && rh_kind_of(r) != RH_K_BYTES) {
        rh_err_set(rt, RH_EXC_TYPE, "expected %s.__fspath__() to return str or bytes, not %s", rh_type_name(o),
                   rh_type_name(r));
        rh_setref(rt, &r, NULL);
    }
    return r;
}

/* path_t: the argument (borrowed, for error filenames), its str/bytes form (owned), the C string, or an fd */
typedef struct px_path {
    rh_object *obj, *conv;
    const char *c;
    int fd, is_bytes;
} px_path;

static void path_cleanup(hx_interp *I, px_path *p) { rh_xdecref(I->rt, p->conv), p->conv = NULL; }

/* path_converter: o (NULL: the default ".") into p. allow_fd: an int is a file descriptor; nullable:
 * None is the default. 0, or -1 with TypeError/ValueError (the messages of posixmodule.c). */
static int path_conv(hx_interp *I, const char *fn, const char *arg, rh_object *o, int allow_fd, int nullable,
                     px_path *p) {
    rh_runtime *rt = I->rt;
    *p = (px_path){o, NULL, ".", -1, 0};
    if (!o || (nullable && o == rh_none(rt))) return 0;
    if (allow_fd && hx_is_intlike(o)) {
        int64_t v;
        if (rh_int_as_i64(rt, o, &v)) return -1;
        if (v < INT_MIN || v > INT_MAX) {
            rh_err_set(rt, RH_EXC_OVERFLOW, "fd is %s than %s", v < 0 ? "less" : "greater", v < 0 ? "minimum" : "maximum");
            return -1;
        }
        p->fd = (int)v;
        p->c = NULL;
        return 0;
    }
    rh_kind k = rh_kind_of(o);
    int pathlike = k == RH_K_STR || k == RH_K_BYTES;
    if (!pathlike && k != RH_K_TYPE && k != RH_K_NONE && k != RH_K_INT && k != RH_K_BOOL) {
        rh_object *name = rh_str_from_cstr(rt, "__fspath__"), *m = name ? hx_getattr_obj(I, o, name) : NULL;
        rh_xdecref(rt, name);
        if (m) pathlike = 1, rh_decref(rt, m);
        else if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) rh_err_clear(rt);
        else return -1;
    }
    if (!pathlike) {
        rh_err_set(rt, RH_EXC_TYPE, "%s: %s should be %s, not %s", fn, arg,
                   allow_fd && nullable ? "string, bytes, os.PathLike, integer or None"
                   : allow_fd          ? "string, bytes, os.PathLike or integer"
                   : nullable          ? "string, bytes, os.PathLike or None"
                                       : "string, bytes or os.PathLike",
                   rh_type_name(o));
        return -1;
    }
    if (!(p->conv = px_fspath(I, o))) return -1;
    size_t len;
    p->is_bytes = rh_kind_of(p->conv) == RH_K_BYTES;
    p->c = p->is_bytes ? rh_bytes_data(p->conv) : rh_str_utf8(rt, p->conv, &len);
    if (!p->c) return path_cleanup(I, p), -1;
    if (p->is_bytes) len = rh_bytes_len(p->conv);
    if (strlen(p->c) != len) { /* a str's from PyUnicode_FSConverter, a bytes' from path_converter */
        if (p->is_bytes) rh_err_set(rt, RH_EXC_VALUE, "%s: embedded null character in %s", fn, arg);
        else rh_err_set(rt, RH_EXC_VALUE, "embedded null byte");
        return path_cleanup(I, p), -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- errors */

/* PyErr_SetFromErrnoWithFilenameObjects: OSError(errno, strerror(errno)[, f1[, None, f2]]) through OSError's
 * constructor (the subclass by errno); NULL returned for the caller's convenience */
static rh_object *px_error2(hx_interp *I, int err, rh_object *f1, rh_object *f2) {
    rh_runtime *rt = I->rt;
    rh_object *args[5] = {rh_int_from_i64(rt, err), rh_str_from_cstr(rt, strerror(err)), f1, rh_none(rt), f2};
    int nargs = f2 ? 5 : f1 ? 3 : 2;
    rh_object *e = args[0] && args[1] ? rh_exc_new(rt, (rh_object *)rh_exc_type(rt, RH_EXC_OS), args, (size_t)nargs) : NULL;
    rh_xdecref(rt, args[0]);
    rh_xdecref(rt, args[1]);
    if (e) rh_err_set_object(rt, e);
    return NULL;
}
/* an error naming a path, from a type slot (no interpreter at hand) */
static rh_object *path_error_rt(rh_runtime *rt, rh_object *path) {
    rh_object *args[3] = {rh_int_from_i64(rt, errno), rh_str_from_cstr(rt, strerror(errno)), path};
    rh_object *e = args[0] && args[1] ? rh_exc_new(rt, (rh_object *)rh_exc_type(rt, RH_EXC_OS), args, path ? 3 : 2) : NULL;
    rh_xdecref(rt, args[0]);
    rh_xdecref(rt, args[1]);
    if (e) rh_err_set_object(rt, e);
    return NULL;
}
static rh_object *posix_error(hx_interp *I) { return px_error2(I, errno, NULL, NULL); }
static rh_object *path_error(hx_interp *I, px_path *p) { return px_error2(I, errno, p->obj, NULL); }

/* ---------------------------------------------------------------- process */

#define NOARG(fn, body)                                                                            \
    FN(fn) {                                                                                       \
        (void)self; (void)a; (void)kwn; (void)kwv;                                                 \
        if (n || nkw) {                                                                            \
            rh_err_set(I->rt, RH_EXC_TYPE, "posix.%s() takes no arguments (%d given)", #fn + 3, n + nkw); \
            return NULL;                                                                           \
        }                                                                                          \
        body                                                                                       \
    }

NOARG(px_getpid, return rh_int_from_i64(I->rt, getpid());)
NOARG(px_getppid, return rh_int_from_i64(I->rt, getppid());)
NOARG(px_getuid, return rh_int_from_i64(I->rt, getuid());)
NOARG(px_geteuid, return rh_int_from_i64(I->rt, geteuid());)
NOARG(px_getgid, return rh_int_from_i64(I->rt, getgid());)
NOARG(px_getegid, return rh_int_from_i64(I->rt, getegid());)
/* os_cpu_count_impl: sysconf(_SC_NPROCESSORS_ONLN), None when unknown */
NOARG(px_cpu_count, long c = sysconf(_SC_NPROCESSORS_ONLN); return c < 1 ? none_ref(I) : rh_int_from_i64(I->rt, c);)

/* getcwd / getcwdb (posix_getcwd): str or bytes */
static rh_object *cwd(hx_interp *I, int as_bytes) {
    char *buf = getcwd(NULL, 0);
    if (!buf) return posix_error(I);
    rh_object *r = as_bytes ? rh_bytes_from(I->rt, buf, strlen(buf)) : rh_str_from_utf8(I->rt, buf, strlen(buf));
    free(buf);
    return r;
}
NOARG(px_getcwd, return cwd(I, 0);)
NOARG(px_getcwdb, return cwd(I, 1);)

/* one int argument, named name */
static int one_int(hx_interp *I, const char *fn, const char *name, rh_object **a, int n, char **kwn, rh_object **kwv,
                   int nkw, int64_t *v) {
    const char *names[] = {name};
    rh_object *o[1];
    if (hx_parse_kw(I, fn, names, 1, 1, 1, a, n, kwn, kwv, nkw, o) || px_int(I, o[0], v)) return -1;
    if (strcmp(fn, "urandom") && (*v < INT_MIN || *v > INT_MAX)) { /* the clinic's C int converter */
        rh_err_set(I->rt, RH_EXC_OVERFLOW, "Python int too large to convert to C int");
        return -1;
    }
    return 0;
}

FN(px__exit) {
    (void)self;
    int64_t st;
    if (one_int(I, "_exit", "status", a, n, kwn, kwv, nkw, &st)) return NULL;
    _exit((int)st); /* no flush: what print() left in stdio's buffer is lost, as sys.stdout's is in CPython */
}

FN(px_umask) {
    (void)self;
    int64_t m;
    if (one_int(I, "umask", "mask", a, n, kwn, kwv, nkw, &m)) return NULL;
    return rh_int_from_i64(I->rt, umask((mode_t)m));
}

FN(px_strerror) {
    (void)self;
    int64_t c;
    if (one_int(I, "strerror", "code", a, n, kwn, kwv, nkw, &c)) return NULL;
    return rh_str_from_cstr(I->rt, strerror((int)c));
}

FN(px_isatty) {
    (void)self;
    int64_t fd;
    if (one_int(I, "isatty", "fd", a, n, kwn, kwv, nkw, &fd)) return NULL;
    return rh_bool(I->rt, isatty((int)fd));
}

/* os_device_encoding_impl: the locale's codeset for a terminal, else None */
FN(px_device_encoding) {
    (void)self;
    int64_t fd;
    if (one_int(I, "device_encoding", "fd", a, n, kwn, kwv, nkw, &fd)) return NULL;
    return isatty((int)fd) ? rh_str_from_cstr(I->rt, nl_langinfo(CODESET)) : none_ref(I);
}

/* os_urandom_impl: n bytes from getrandom(2) */
FN(px_urandom) {
    (void)self;
    int64_t size;
    if (one_int(I, "urandom", "size", a, n, kwn, kwv, nkw, &size)) return NULL;
    if (size < 0) {
        rh_err_set(I->rt, RH_EXC_VALUE, "negative argument not allowed");
        return NULL;
    }
    rh_object *b = rh_bytes_new(I->rt, (size_t)size);
    char *p = b ? rh_bytes_wdata(b) : NULL;
    for (int64_t got = 0; p && got < size;) {
        ssize_t r = getrandom(p + got, (size_t)(size - got), 0);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            rh_decref(I->rt, b);
            return posix_error(I);
        }
        got += r;
    }
    return b;
}

FN(px_fspath_fn) {
    (void)self;
    const char *names[] = {"path"};
    rh_object *o[1];
    if (hx_parse_kw(I, "fspath", names, 1, 1, 1, a, n, kwn, kwv, nkw, o)) return NULL;
    return px_fspath(I, o[0]);
}

/* ---------------------------------------------------------------- environment */

/* convertenviron: {b'NAME': b'value'} from the process environment (an entry without '=' is skipped, a
 * repeated name keeps its first value) */
static rh_object *convertenviron(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *d = rh_dict_new(rt);
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        rh_object *k = rh_bytes_from(rt, *e, (size_t)(eq - *e)), *v = k ? rh_bytes_from(rt, eq + 1, strlen(eq + 1)) : NULL;
        int rc = !v ? -1 : rh_dict_get(rt, d, k) ? 0 : rh_dict_set(rt, d, k, v);
        rh_xdecref(rt, k);
        rh_xdecref(rt, v);
        if (rc) rh_setref(rt, &d, NULL);
    }
    return d;
}

/* an environment name or value (PyUnicode_FSConverter): str (UTF-8) or bytes, no NUL; putenv's name also
 * without '=' (an empty one is left to setenv's EINVAL, as CPython does) */
static const char *env_arg(hx_interp *I, rh_object *o, int is_name) {
    rh_runtime *rt = I->rt;
    rh_kind k = rh_kind_of(o);
    size_t len;
    const char *s = k == RH_K_STR ? rh_str_utf8(rt, o, &len) : k == RH_K_BYTES ? rh_bytes_data(o) : NULL;
    if (!s) {
        if (!rh_err_occurred(rt))
            rh_err_set(rt, RH_EXC_TYPE, "expected str, bytes or os.PathLike object, not %s", rh_type_name(o));
        return NULL;
    }
    if (k == RH_K_BYTES) len = rh_bytes_len(o);
    if (strlen(s) != len) {
        rh_err_set(rt, RH_EXC_VALUE, "embedded null byte");
        return NULL;
    }
    if (is_name && strchr(s, '=')) {
        rh_err_set(rt, RH_EXC_VALUE, "illegal environment variable name");
        return NULL;
    }
    return s;
}

FN(px_putenv) {
    (void)self;
    const char *names[] = {"name", "value"};
    rh_object *o[2];
    if (hx_parse_kw(I, "putenv", names, 2, 2, 2, a, n, kwn, kwv, nkw, o)) return NULL;
    const char *k = env_arg(I, o[0], 1), *v = k ? env_arg(I, o[1], 0) : NULL;
    if (!v) return NULL;
    if (setenv(k, v, 1)) return posix_error(I);
    return none_ref(I);
}

FN(px_unsetenv) {
    (void)self;
    const char *names[] = {"name"};
    rh_object *o[1];
    if (hx_parse_kw(I, "unsetenv", names, 1, 1, 1, a, n, kwn, kwv, nkw, o)) return NULL;
    const char *k = env_arg(I, o[0], 0);
    if (!k) return NULL;
    if (unsetenv(k)) return posix_error(I);
    return none_ref(I);
}

/* ---------------------------------------------------------------- stat */

/* fill_time: the integer seconds at index i, the float at i+3, the nanoseconds at i+6 */
static int fill_time(hx_interp *I, rh_object **v, int i, struct timespec ts) {
    v[i] = rh_int_from_i64(I->rt, ts.tv_sec);
    v[i + 3] = rh_float_new(I->rt, (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
    v[i + 6] = rh_int_from_i64(I->rt, (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
    return v[i] && v[i + 3] && v[i + 6] ? 0 : -1;
}

/* _pystat_fromstructstat: an os.stat_result of 19 fields (10 in the sequence) */
static rh_object *stat_result(hx_interp *I, const struct stat *st) {
    rh_runtime *rt = I->rt;
    rh_object *v[19] = {0}, *r = NULL;
    int64_t ints[7] = {st->st_mode, (int64_t)st->st_ino, (int64_t)st->st_dev, (int64_t)st->st_nlink, st->st_uid,
                       st->st_gid, st->st_size};
    int ok = 1;
    for (int i = 0; i < 7; i++) ok = ok && (v[i] = rh_int_from_i64(rt, ints[i]));
    ok = ok && !fill_time(I, v, 7, st->st_atim) && !fill_time(I, v, 8, st->st_mtim) && !fill_time(I, v, 9, st->st_ctim);
    ok = ok && (v[16] = rh_int_from_i64(rt, st->st_blksize)) && (v[17] = rh_int_from_i64(rt, st->st_blocks)) &&
         (v[18] = rh_int_from_i64(rt, (int64_t)st->st_rdev));
    if (ok) r = rh_structseq_new(rt, RH_SS_STAT_RESULT, v);
    for (int i = 0; i < 19; i++) rh_xdecref(rt, v[i]);
    return r;
}

/* posix_do_stat: stat, lstat (or follow_symlinks=False), fstat for an fd */
static rh_object *do_stat(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw,
                          int lstat_) {
    const char *names[] = {"path", "dir_fd", "follow_symlinks"};
    rh_object *o[3] = {NULL, NULL, NULL}; /* lstat has no follow_symlinks */
    px_path p;
    if (hx_parse_kw(I, fn, names, lstat_ ? 2 : 3, 1, 1, a, n, kwn, kwv, nkw, o) || px_no_dir_fd(I, fn, o[1])) return NULL;
    int follow = 1;
    if (o[2] && (follow = rh_truthy(I->rt, o[2])) < 0) return NULL;
    if (path_conv(I, fn, "path", o[0], !lstat_, 0, &p)) return NULL;
    struct stat st;
    int rc = !p.c ? fstat(p.fd, &st) : lstat_ || !follow ? lstat(p.c, &st) : stat(p.c, &st);
    rh_object *r = rc ? path_error(I, &p) : stat_result(I, &st);
    path_cleanup(I, &p);
    return r;
}

FN(px_stat) { (void)self; return do_stat(I, "stat", a, n, kwn, kwv, nkw, 0); }
FN(px_lstat) { (void)self; return do_stat(I, "lstat", a, n, kwn, kwv, nkw, 1); }

FN(px_fstat) {
    (void)self;
    int64_t fd;
    struct stat st;
    if (one_int(I, "fstat", "fd", a, n, kwn, kwv, nkw, &fd)) return NULL;
    return fstat((int)fd, &st) ? posix_error(I) : stat_result(I, &st);
}

/* os_access_impl: access(2) as a bool (False on any failure) */
FN(px_access) {
    (void)self;
    const char *names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"};
    rh_object *o[5];
    px_path p;
    int64_t mode;
    if (hx_parse_kw(I, "access", names, 5, 2, 2, a, n, kwn, kwv, nkw, o) || px_no_dir_fd(I, "access", o[2]) ||
        px_int(I, o[1], &mode) || path_conv(I, "access", "path", o[0], 0, 0, &p))
        return NULL;
    int ok = access(p.c, (int)mode) == 0;
    path_cleanup(I, &p);
    return rh_bool(I->rt, ok);
}

/* ---------------------------------------------------------------- directories */

/* _posix_listdir: the names but '.' and '..', in readdir order, str or bytes as the path was (str for an
 * fd, read through a dup of it, rewound after, as CPython does) */
FN(px_listdir) {
    (void)self;
    rh_runtime *rt = I->rt;
    const char *names[] = {"path"};
    rh_object *o[1];
    px_path p;
    if (hx_parse_kw(I, "listdir", names, 1, 1, 0, a, n, kwn, kwv, nkw, o) ||
        path_conv(I, "listdir", "path", o[0], 1, 1, &p))
        return NULL;
    int fd = p.fd != -1 ? dup(p.fd) : -1; /* an fd of -1 lists ".", as _posix_listdir's path->fd != -1 test */
    DIR *d = p.fd == -1 ? opendir(p.c ? p.c : ".") : fd >= 0 ? fdopendir(fd) : NULL;
    if (!d && fd >= 0) close(fd);
    rh_object *l = d ? rh_list_new(rt, 0) : path_error(I, &p);
    struct dirent *e;
    while (l && (errno = 0, e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        size_t len = strlen(e->d_name);
        rh_object *s = p.is_bytes ? rh_bytes_from(rt, e->d_name, len) : rh_str_from_utf8(rt, e->d_name, len);
        if (!s || rh_list_append(rt, l, s)) rh_setref(rt, &l, NULL);
        rh_xdecref(rt, s);
    }
    if (l && errno) rh_setref(rt, &l, path_error(I, &p));
    if (d && p.fd != -1) rewinddir(d);
    if (d) closedir(d);
    path_cleanup(I, &p);
    return l;
}

/* chdir(path) (os_chdir_impl): a path, or an fd (fchdir) */
FN(px_chdir) {
    (void)self;
    const char *names[] = {"path"};
    rh_object *o[1];
    px_path p;
    if (hx_parse_kw(I, "chdir", names, 1, 1, 1, a, n, kwn, kwv, nkw, o) || path_conv(I, "chdir", "path", o[0], 1, 0, &p))
        return NULL;
    rh_object *r = (p.c ? chdir(p.c) : fchdir(p.fd)) ? path_error(I, &p) : none_ref(I);
    path_cleanup(I, &p);
    return r;
}

/* mkdir(path, mode=0o777, *, dir_fd=None) */
FN(px_mkdir) {
    (void)self;
    const char *names[] = {"path", "mode", "dir_fd"};
    rh_object *o[3];
    px_path p;
    int64_t mode;
    if (hx_parse_kw(I, "mkdir", names, 3, 2, 1, a, n, kwn, kwv, nkw, o) || px_no_dir_fd(I, "mkdir", o[2]) ||
        px_int_or(I, o[1], 0777, &mode) || path_conv(I, "mkdir", "path", o[0], 0, 0, &p))
        return NULL;
    rh_object *r = mkdir(p.c, (mode_t)mode) ? path_error(I, &p) : none_ref(I);
    path_cleanup(I, &p);
    return r;
}

/* rmdir / unlink / remove: one path, dir_fd=None */
static rh_object *path_call(hx_interp *I, const char *fn, int (*call)(const char *), rh_object **a, int n, char **kwn,
                            rh_object **kwv, int nkw) {
    const char *names[] = {"path", "dir_fd"};
    rh_object *o[2];
    px_path p;
    if (hx_parse_kw(I, fn, names, 2, 1, 1, a, n, kwn, kwv, nkw, o) || px_no_dir_fd(I, fn, o[1]) ||
        path_conv(I, fn, "path", o[0], 0, 0, &p))
        return NULL;
    rh_object *r = call(p.c) ? path_error(I, &p) : none_ref(I);
    path_cleanup(I, &p);
    return r;
}
FN(px_rmdir) { (void)self; return path_call(I, "rmdir", rmdir, a, n, kwn, kwv, nkw); }
FN(px_unlink) { (void)self; return path_call(I, "unlink", unlink, a, n, kwn, kwv, nkw); }
FN(px_remove) { (void)self; return path_call(I, "remove", unlink, a, n, kwn, kwv, nkw); }

/* internal_rename: the error names both paths (path_error2) */
static rh_object *do_rename(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    const char *names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd"};
    rh_object *o[4], *r = NULL;
    px_path s, d;
    if (hx_parse_kw(I, fn, names, 4, 2, 2, a, n, kwn, kwv, nkw, o) || px_no_dir_fd(I, fn, o[2]) ||
        px_no_dir_fd(I, fn, o[3]) || path_conv(I, fn, "src", o[0], 0, 0, &s))
        return NULL;
    if (path_conv(I, fn, "dst", o[1], 0, 0, &d)) return path_cleanup(I, &s), NULL;
    r = rename(s.c, d.c) ? px_error2(I, errno, s.obj, d.obj) : none_ref(I); /* str and bytes may mix (POSIX) */
    path_cleanup(I, &s);
    path_cleanup(I, &d);
    return r;
}
FN(px_rename) { (void)self; return do_rename(I, "rename", a, n, kwn, kwv, nkw); }
FN(px_replace) { (void)self; return do_rename(I, "replace", a, n, kwn, kwv, nkw); }

/* symlink(src, dst, target_is_directory=False, *, dir_fd=None) (os_symlink_impl): dst made a link to src;
 * errors name both; target_is_directory matters on Windows only */
FN(px_symlink) {
    (void)self;
    const char *names[] = {"src", "dst", "target_is_directory", "dir_fd"};
    rh_object *o[4], *r;
    px_path s, d;
    if (hx_parse_kw(I, "symlink", names, 4, 3, 2, a, n, kwn, kwv, nkw, o) || px_no_dir_fd(I, "symlink", o[3]) ||
        path_conv(I, "symlink", "src", o[0], 0, 0, &s))
        return NULL;
    if (path_conv(I, "symlink", "dst", o[1], 0, 0, &d)) return path_cleanup(I, &s), NULL;
    r = symlink(s.c, d.c) ? px_error2(I, errno, s.obj, d.obj) : none_ref(I); /* str and bytes may mix (POSIX) */
    path_cleanup(I, &s);
    path_cleanup(I, &d);
    return r;
}

/* ---------------------------------------------------------------- file descriptors */

/* open(path, flags, mode=0o777, *, dir_fd=None): the fd, opened non-inheritable (O_CLOEXEC, PEP 446) */
FN(px_open) {
    (void)self;
    const char *names[] = {"path", "flags", "mode", "dir_fd"};
    rh_object *o[4];
    px_path p;
    int64_t flags, mode;
    if (hx_parse_kw(I, "open", names, 4, 3, 2, a, n, kwn, kwv, nkw, o) || px_no_dir_fd(I, "open", o[3]) ||
        px_int(I, o[1], &flags) || px_int_or(I, o[2], 0777, &mode) || path_conv(I, "open", "path", o[0], 0, 0, &p))
        return NULL;
    int fd;
    do fd = open(p.c, (int)flags | O_CLOEXEC, (mode_t)mode);
    while (fd < 0 && errno == EINTR);
    rh_object *r = fd < 0 ? path_error(I, &p) : rh_int_from_i64(I->rt, fd);
    path_cleanup(I, &p);
    return r;
}

FN(px_close) {
    (void)self;
    int64_t fd;
    if (one_int(I, "close", "fd", a, n, kwn, kwv, nkw, &fd)) return NULL;
    return close((int)fd) ? posix_error(I) : none_ref(I);
}

/* read(fd, length): at most length bytes (fewer at end of file) */
FN(px_read) {
    (void)self;
    const char *names[] = {"fd", "length"};
    rh_object *o[2];
    int64_t fd, len;
    if (hx_parse_kw(I, "read", names, 2, 2, 2, a, n, kwn, kwv, nkw, o) || px_int(I, o[0], &fd) || px_int(I, o[1], &len))
        return NULL;
    if (len < 0) {
        errno = EINVAL;
        return posix_error(I);
    }
    char *buf = malloc(len ? (size_t)len : 1);
    if (!buf) return rh_err_nomemory(I->rt), NULL;
    ssize_t got;
    do got = read((int)fd, buf, (size_t)len);
    while (got < 0 && errno == EINTR);
    rh_object *r = got < 0 ? posix_error(I) : rh_bytes_from(I->rt, buf, (size_t)got);
    free(buf);
    return r;
}

/* write(fd, data): bytes written; data bytes or bytearray (a bytes-like object) */
FN(px_write) {
    (void)self;
    const char *names[] = {"fd", "data"};
    rh_object *o[2];
    int64_t fd;
    if (hx_parse_kw(I, "write", names, 2, 2, 2, a, n, kwn, kwv, nkw, o) || px_int(I, o[0], &fd)) return NULL;
    if (rh_kind_of(o[1]) != RH_K_BYTES && rh_kind_of(o[1]) != RH_K_BYTEARRAY) {
        rh_err_set(I->rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", rh_type_name(o[1]));
        return NULL;
    }
    ssize_t w;
    do w = write((int)fd, rh_bytes_data(o[1]), rh_bytes_len(o[1]));
    while (w < 0 && errno == EINTR);
    return w < 0 ? posix_error(I) : rh_int_from_i64(I->rt, w);
}

FN(px_lseek) {
    (void)self;
    const char *names[] = {"fd", "position", "whence"};
    rh_object *o[3];
    int64_t fd, pos, how;
    if (hx_parse_kw(I, "lseek", names, 3, 3, 3, a, n, kwn, kwv, nkw, o) || px_int(I, o[0], &fd) || px_int(I, o[1], &pos) ||
        px_int(I, o[2], &how))
        return NULL;
    off_t r = lseek((int)fd, (off_t)pos, (int)how);
    return r < 0 ? posix_error(I) : rh_int_from_i64(I->rt, r);
}

/* get_terminal_size(fd=1): os.terminal_size((columns, lines)) from TIOCGWINSZ */
FN(px_get_terminal_size) {
    (void)self;
    const char *names[] = {"fd"};
    rh_object *o[1];
    int64_t fd;
    if (hx_parse_kw(I, "get_terminal_size", names, 1, 1, 0, a, n, kwn, kwv, nkw, o) || px_int_or(I, o[0], 1, &fd)) return NULL;
    struct winsize w;
    if (ioctl((int)fd, TIOCGWINSZ, &w)) return posix_error(I);
    rh_object *v[2] = {rh_int_from_i64(I->rt, w.ws_col), rh_int_from_i64(I->rt, w.ws_row)};
    rh_object *r = v[0] && v[1] ? rh_structseq_new(I->rt, RH_SS_TERMINAL_SIZE, v) : NULL;
    rh_xdecref(I->rt, v[0]);
    rh_xdecref(I->rt, v[1]);
    return r;
}

/* ---------------------------------------------------------------- scandir (os_scandir_impl, DirEntry) */

static rh_scandir_iter *SI(rh_object *o) { return (rh_scandir_iter *)(void *)o; }
static rh_direntry *DE(rh_object *o) { return (rh_direntry *)(void *)o; }

/* a str or bytes name's C string (NULL with the error set) */
static const char *name_c(rh_runtime *rt, rh_object *s) {
    size_t len;
    return rh_kind_of(s) == RH_K_BYTES ? rh_bytes_data(s) : rh_str_utf8(rt, s, &len);
}

/* str (os.fsdecode) or bytes from n characters of c */
static rh_object *fs_obj(rh_runtime *rt, const char *c, size_t n, int as_bytes) {
    return as_bytes ? rh_bytes_from(rt, c, n) : rh_str_from_utf8(rt, c, n);
}

/* DirEntry_from_posix_info: name as the scan's path type (str for an fd scan); path joined to the
 * directory (join_path_filename: "." when scandir() had no path, one '/' between), or the name itself for
 * an fd scan, whose fd stat() then uses. New reference or NULL. */
static rh_object *direntry_make(rh_runtime *rt, rh_scandir_iter *it, const struct dirent *d) {
    rh_object *o = rh_direntry_new(rt);
    if (!o) return NULL;
    rh_direntry *e = DE(o);
    size_t nlen = strlen(d->d_name);
    e->d_type = d->d_type;
    e->d_ino = (uint64_t)d->d_ino;
    e->name = fs_obj(rt, d->d_name, nlen, it->is_bytes);
    if (e->name && it->fd != -1) {
        e->dir_fd = it->fd;
        rh_incref(e->name);
        e->path = e->name;
    } else if (e->name) {
        const char *dir = it->narrow ? it->narrow : ".";
        size_t dlen = strlen(dir), at = dlen;
        char *joined = malloc(dlen + nlen + 2);
        if (!joined) {
            rh_decref(rt, o);
            return rh_err_nomemory(rt), NULL;
        }
        memcpy(joined, dir, dlen);
        if (dlen && dir[dlen - 1] != '/') joined[at++] = '/';
        memcpy(joined + at, d->d_name, nlen + 1);
        e->path = fs_obj(rt, joined, at + nlen, it->is_bytes);
        free(joined);
    }
    if (!e->path) rh_setref(rt, &o, NULL);
    return o;
}

/* ScandirIterator_iternext: the next entry but '.' and '..'; at the end (or on a read error, which is
 * raised with the path) the stream is closed */
static rh_object *scandir_next(rh_runtime *rt, rh_object *o) {
    rh_scandir_iter *it = SI(o);
    while (it->dirp) {
        errno = 0;
        struct dirent *d = readdir(it->dirp);
        if (!d) {
            int err = errno;
            rh_scandir_iter_close(o);
            if (err) {
                errno = err;
                return path_error_rt(rt, it->path);
            }
            return NULL;
        }
        if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, "..")) continue;
        return direntry_make(rt, it, d);
    }
    return NULL;
}

/* scandir(path=None): a ScandirIterator over a path (str, bytes, os.PathLike; None: ".") or an fd (read
 * through a dup of it) */
FN(px_scandir) {
    (void)self;
    rh_runtime *rt = I->rt;
    const char *names[] = {"path"};
    rh_object *o[1];
    px_path p;
    if (hx_parse_kw(I, "scandir", names, 1, 1, 0, a, n, kwn, kwv, nkw, o) ||
        path_conv(I, "scandir", "path", o[0], 1, 1, &p))
        return NULL;
    rh_object *r = rh_scandir_iter_new(rt);
    if (!r) return path_cleanup(I, &p), NULL;
    rh_scandir_iter *it = SI(r);
    it->is_bytes = p.is_bytes;
    if (!p.c) { /* an fd: _Py_dup (non-inheritable), then fdopendir */
        it->fd = p.fd;
        it->dir_fd = fcntl(p.fd, F_DUPFD_CLOEXEC, 0);
        if (it->dir_fd < 0) {
            path_cleanup(I, &p);
            rh_decref(rt, r);
            return posix_error(I);
        }
        if (!(it->dirp = fdopendir(it->dir_fd))) {
            int err = errno;
            close(it->dir_fd);
            errno = err;
        }
    } else {
        it->dirp = opendir(p.c);
        if (p.conv) it->path = p.conv, it->narrow = p.c, p.conv = NULL; /* kept: entries join to it */
    }
    if (!it->dirp) {
        path_error(I, &p);
        rh_setref(rt, &r, NULL);
    }
    path_cleanup(I, &p);
    return r;
}

/* ScandirIterator.close(), __enter__(), __exit__(*args) */
FN(si_close) {
    (void)a; (void)kwn; (void)kwv;
    if (nkw || n) {
        rh_err_set(I->rt, RH_EXC_TYPE, "ScandirIterator.close() takes no arguments (%d given)", n + nkw);
        return NULL;
    }
    rh_scandir_iter_close(self);
    return none_ref(I);
}
FN(si_enter) {
    (void)a; (void)kwn; (void)kwv;
    if (nkw || n) {
        rh_err_set(I->rt, RH_EXC_TYPE, "ScandirIterator.__enter__() takes no arguments (%d given)", n + nkw);
        return NULL;
    }
    rh_incref(self);
    return self;
}
FN(si_exit) {
    (void)a; (void)n; (void)kwv;
    if (nkw) {
        rh_err_set(I->rt, RH_EXC_TYPE, "ScandirIterator.__exit__() takes no keyword arguments");
        (void)kwn;
        return NULL;
    }
    rh_scandir_iter_close(self);
    return none_ref(I);
}

/* DirEntry_fetch_stat: stat / lstat of the entry's path, or fstatat on an fd scan's fd; errors name the
 * entry's path */
static rh_object *direntry_fetch_stat(hx_interp *I, rh_object *o, int follow) {
    rh_direntry *e = DE(o);
    struct stat st;
    int rc;
    if (e->dir_fd != -1) {
        const char *c = name_c(I->rt, e->name);
        if (!c) return NULL;
        rc = fstatat(e->dir_fd, c, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    } else {
        const char *c = name_c(I->rt, e->path);
        if (!c) return NULL;
        rc = follow ? stat(c, &st) : lstat(c, &st);
    }
    return rc ? px_error2(I, errno, e->path, NULL) : stat_result(I, &st);
}

/* DirEntry_get_lstat / DirEntry_get_stat: fetched once and kept (a non-link's stat is its lstat).
 * Borrowed reference or NULL. */
static rh_object *direntry_lstat(hx_interp *I, rh_object *o) {
    rh_direntry *e = DE(o);
    if (!e->lstat) e->lstat = direntry_fetch_stat(I, o, 0);
    return e->lstat;
}
static int direntry_is_link(hx_interp *I, rh_object *o);
static rh_object *direntry_stat(hx_interp *I, rh_object *o, int follow) {
    rh_direntry *e = DE(o);
    if (!follow) return direntry_lstat(I, o);
    if (!e->stat) {
        int link = direntry_is_link(I, o);
        if (link < 0) return NULL;
        if (link) e->stat = direntry_fetch_stat(I, o, 1);
        else if ((e->stat = direntry_lstat(I, o))) rh_incref(e->stat);
    }
    return e->stat;
}

/* st_mode & S_IFMT == bits, of a stat result */
static int mode_is(hx_interp *I, rh_object *st, unsigned bits) {
    int64_t mode;
    if (rh_int_as_i64(I->rt, rh_tuple_get(st, 0), &mode)) return -1;
    return ((unsigned)mode & S_IFMT) == bits;
}

/* DirEntry_test_mode: from d_type when it is known (a link followed needs stat); a file gone since
 * (FileNotFoundError) is neither. 1, 0, -1. */
static int direntry_test_mode(hx_interp *I, rh_object *o, int follow, unsigned bits) {
    rh_direntry *e = DE(o);
    int is_link = e->d_type == DT_LNK;
    if (e->d_type == DT_UNKNOWN || (follow && is_link)) {
        rh_object *st = direntry_stat(I, o, follow);
        if (!st) {
            if (rh_err_occurred(I->rt) != RH_EXC_FILENOTFOUND) return -1;
            rh_err_clear(I->rt);
            return 0;
        }
        return mode_is(I, st, bits);
    }
    if (is_link) return bits == S_IFLNK;
    return bits == S_IFDIR ? e->d_type == DT_DIR : bits == S_IFREG ? e->d_type == DT_REG : 0;
}
static int direntry_is_link(hx_interp *I, rh_object *o) {
    rh_direntry *e = DE(o);
    return e->d_type != DT_UNKNOWN ? e->d_type == DT_LNK : direntry_test_mode(I, o, 0, S_IFLNK);
}

/* the keyword-only follow_symlinks=True of is_dir / is_file / stat: 0/1, or -1 */
static int follow_arg(hx_interp *I, const char *fn, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    const char *names[] = {"follow_symlinks"};
    rh_object *o[1];
    if (hx_parse_kw(I, fn, names, 1, 0, 0, a, n, kwn, kwv, nkw, o)) return -1;
    return o[0] ? rh_truthy(I->rt, o[0]) : 1;
}
static rh_object *bool_or_null(hx_interp *I, int r) { return r < 0 ? NULL : rh_bool(I->rt, r); }

FN(de_is_dir) {
    int f = follow_arg(I, "is_dir", a, n, kwn, kwv, nkw);
    return f < 0 ? NULL : bool_or_null(I, direntry_test_mode(I, self, f, S_IFDIR));
}
FN(de_is_file) {
    int f = follow_arg(I, "is_file", a, n, kwn, kwv, nkw);
    return f < 0 ? NULL : bool_or_null(I, direntry_test_mode(I, self, f, S_IFREG));
}
FN(de_stat) {
    int f = follow_arg(I, "stat", a, n, kwn, kwv, nkw);
    rh_object *st = f < 0 ? NULL : direntry_stat(I, self, f);
    if (st) rh_incref(st);
    return st;
}

/* DirEntry's methods without arguments: the clinic's (METH_METHOD, "is_symlink() takes no arguments") or,
 * plain (METH_NOARGS, __fspath__), "DirEntry.__fspath__() takes no arguments (1 given)" */
static int de_noargs(hx_interp *I, const char *fn, int n, int nkw, int plain) {
    if (!n && !nkw) return 0;
    if (plain) rh_err_set(I->rt, RH_EXC_TYPE, "DirEntry.%s() takes no arguments (%d given)", fn, n + nkw);
    else rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no arguments", fn);
    return -1;
}
FN(de_is_symlink) {
    (void)a; (void)kwn; (void)kwv;
    return de_noargs(I, "is_symlink", n, nkw, 0) ? NULL : bool_or_null(I, direntry_is_link(I, self));
}
/* DirEntry.is_junction() (3.12): always False where the system has no junctions (POSIX) */
FN(de_is_junction) {
    (void)self; (void)a; (void)kwn; (void)kwv;
    return de_noargs(I, "is_junction", n, nkw, 0) ? NULL : bool_or_null(I, 0);
}
FN(de_inode) {
    (void)a; (void)kwn; (void)kwv;
    if (de_noargs(I, "inode", n, nkw, 0)) return NULL;
    uint64_t ino = DE(self)->d_ino; /* little-endian bytes for an ino_t past int64 */
    return ino <= INT64_MAX ? rh_int_from_i64(I->rt, (int64_t)ino)
                            : rh_int_from_bytes(I->rt, (const unsigned char *)&ino, sizeof ino, 1, 0);
}
FN(de_fspath) {
    (void)a; (void)kwn; (void)kwv;
    if (de_noargs(I, "__fspath__", n, nkw, 1)) return NULL;
    rh_incref(DE(self)->path);
    return DE(self)->path;
}

#define DEF(fn, name) static const rh_builtin_def fn##_def = {name, (void (*)(void))fn, 0};
DEF(si_close, "close") DEF(si_enter, "__enter__") DEF(si_exit, "__exit__")
DEF(de_is_dir, "is_dir") DEF(de_is_file, "is_file") DEF(de_is_symlink, "is_symlink") DEF(de_stat, "stat")
DEF(de_inode, "inode") DEF(de_fspath, "__fspath__") DEF(de_is_junction, "is_junction")
#undef DEF
static const rh_builtin_def *const scandir_methods[] = {&si_close_def, &si_enter_def, &si_exit_def, NULL};
static const rh_builtin_def *const direntry_methods[] = {&de_is_dir_def, &de_is_file_def, &de_is_symlink_def,
    &de_stat_def, &de_inode_def, &de_fspath_def, &de_is_junction_def, NULL};

int hx_posix_method_tables(rh_kind kind, hx_mtab out[2]) {
    out[0] = (hx_mtab){kind == RH_K_DIRENTRY ? direntry_methods : scandir_methods, NULL};
    return 1;
}

/* DirEntry's members name and path (read-only) */
int hx_posix_getattr(hx_interp *I, rh_object *o, const char *name, rh_object **out) {
    if (rh_kind_of(o) != RH_K_DIRENTRY) return 0;
    if (!strcmp(name, "name")) *out = DE(o)->name;
    else if (!strcmp(name, "path")) *out = DE(o)->path;
    else return 0;
    rh_incref(*out);
    return 1;
}

/* ---------------------------------------------------------------- the module */

#define D(name, fn) {name, (void (*)(void))fn, 0},
static const rh_builtin_def posix_defs[] = {
    D("access", px_access) D("chdir", px_chdir) D("close", px_close) D("cpu_count", px_cpu_count) D("device_encoding", px_device_encoding)
    D("fspath", px_fspath_fn) D("fstat", px_fstat) D("get_terminal_size", px_get_terminal_size)
    D("getcwd", px_getcwd) D("getcwdb", px_getcwdb) D("getegid", px_getegid) D("geteuid", px_geteuid)
    D("getgid", px_getgid) D("getpid", px_getpid) D("getppid", px_getppid) D("getuid", px_getuid)
    D("isatty", px_isatty) D("listdir", px_listdir) D("lseek", px_lseek) D("lstat", px_lstat) D("mkdir", px_mkdir)
    D("open", px_open) D("putenv", px_putenv) D("read", px_read) D("remove", px_remove) D("rename", px_rename)
    D("replace", px_replace) D("rmdir", px_rmdir) D("scandir", px_scandir) D("stat", px_stat) D("strerror", px_strerror) D("symlink", px_symlink) D("umask", px_umask)
    D("unlink", px_unlink) D("unsetenv", px_unsetenv) D("urandom", px_urandom) D("write", px_write)
    D("_exit", px__exit)
    {NULL, NULL, 0}};
#undef D

/* all_ins: the constants os.py and its importers use (this platform's values) */
#define PX_CONSTANTS(X) \
    X(F_OK) X(R_OK) X(W_OK) X(X_OK) X(SEEK_DATA) X(SEEK_HOLE) \
    X(O_RDONLY) X(O_WRONLY) X(O_RDWR) X(O_APPEND) X(O_CREAT) X(O_EXCL) X(O_TRUNC) X(O_NONBLOCK) X(O_NDELAY) \
    X(O_SYNC) X(O_DSYNC) X(O_RSYNC) X(O_NOCTTY) X(O_CLOEXEC) X(O_DIRECTORY) X(O_NOFOLLOW) X(O_ACCMODE) \
    X(O_ASYNC) X(O_DIRECT) X(O_LARGEFILE) X(O_NOATIME) X(O_PATH) X(O_TMPFILE) \
    X(WNOHANG) X(WUNTRACED) X(WCONTINUED) X(TMP_MAX)

static int add_constants(hx_interp *I, rh_object *d) {
    static const struct { const char *name; int64_t v; } cs[] = {
#define PX_C(n) {#n, n},
        PX_CONSTANTS(PX_C)
#undef PX_C
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        rh_object *x = rh_int_from_i64(I->rt, cs[i].v);
        int rc = !x || rh_dict_set_cstr(I->rt, d, cs[i].name, x);
        rh_xdecref(I->rt, x);
        if (rc) return -1;
    }
    return 0;
}

/* d[name] = v, v stolen (NULL: failed already) */
static int set_new(hx_interp *I, rh_object *d, const char *name, rh_object *v) {
    int rc = !v || rh_dict_set_cstr(I->rt, d, name, v);
    rh_xdecref(I->rt, v);
    return rc ? -1 : 0;
}

rh_object *hx_module_posix(hx_interp *I) {
    rh_runtime *rt = I->rt;
    rh_object *m = hx_make_module(I, "posix", posix_defs);
    if (!m) return NULL;
    rh_object *d = rh_module_dict(m);
    /* _have_functions: none of the HAVE_* features os.py checks (dir_fd, fd and follow_symlinks variants) */
    int rc = add_constants(I, d) || set_new(I, d, "environ", convertenviron(I)) ||
             set_new(I, d, "_have_functions", rh_list_new(rt, 0)) ||
             rh_dict_set_cstr(rt, d, "stat_result", (rh_object *)rh_structseq_type(rt, RH_SS_STAT_RESULT)) ||
             rh_dict_set_cstr(rt, d, "DirEntry", (rh_object *)rh_builtin_type(rt, RH_K_DIRENTRY)) ||
             rh_dict_set_cstr(rt, d, "terminal_size", (rh_object *)rh_structseq_type(rt, RH_SS_TERMINAL_SIZE)) ||
             set_new(I, d, "error", (rh_incref((rh_object *)rh_exc_type(rt, RH_EXC_OS)), (rh_object *)rh_exc_type(rt, RH_EXC_OS)));
    if (rc) rh_setref(rt, &m, NULL);
    ((rh_type *)rh_builtin_type(rt, RH_K_SCANDIR_ITER))->tp_iternext = scandir_next;
    return m;
}
