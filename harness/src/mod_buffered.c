/* mod_buffered.c — _io.BufferedReader, BufferedWriter and BufferedRandom over a raw stream (CPython 3.11
 * Modules/_io/bufferedio.c).
 *
 * Owns the three classes (made as the _io bases are, deriving from _io._BufferedIOBase; mod_iobase.c) and
 * their methods: __init__, read, read1, readline, peek, readinto, write, flush, seek, tell, truncate, close,
 * detach, fileno, isatty, readable, writable, seekable, __repr__; the raw/closed/name/mode getters.
 * The model: a read-ahead buffer (bytes not yet returned; the raw stream stands past them) and a pending
 * write buffer (a bytearray flushed when it reaches buffer_size, on flush, seek, tell's neighbours, close).
 * CPython keeps one buffer for both with positions; the bytes that reach the raw stream and when are the
 * same for sequential use. Differences a program can see (docs/conformance.md, io): the state lives in the
 * instance's __dict__ (`__buf_raw`, `__buf_rd`, `__buf_wr`, `__buf_size`), sys.getsizeof is a class
 * instance's (CPython's BufferedReader is 4264 with its 4096-byte buffer counted).
 *
 * Ownership: every FN takes borrowed arguments and returns a new reference or NULL with the error set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)
#define UNUSED (void)kwn; (void)kwv

enum { B_READ = 1, B_WRITE = 2 };

#define arity hx_io_arity
#define attr hx_io_attr
#define set_attr hx_io_set_attr
#define call hx_io_call  /* mod_iobase.c */
static rh_object *newref(rh_object *o) { rh_incref(o); return o; }
static rh_object *none(hx_interp *I) { return newref(rh_none(I->rt)); }


static rh_object *call_i(hx_interp *I, rh_object *o, const char *name, int64_t v) {
    rh_object *x = rh_int_from_i64(I->rt, v), *r = x ? call(I, o, name, &x, 1) : NULL;
    rh_xdecref(I->rt, x);
    return r;
}
/* o.name() as a truth value: 0/1, -1 */
static int call_bool(hx_interp *I, rh_object *o, const char *name) {
    rh_object *r = call(I, o, name, NULL, 0);
    int t = r ? rh_truthy(I->rt, r) : -1;
    rh_xdecref(I->rt, r);
    return t;
}

/* ---------------------------------------------------------------- the state */

typedef struct {
    rh_object *raw;  /* owned; NULL once detached */
    rh_object *rd;   /* owned bytes: read ahead, not yet returned */
    rh_object *wr;   /* owned bytearray: written, not yet flushed */
    int64_t size, kind;
} buf;

static void release(hx_interp *I, buf *b) {
    rh_xdecref(I->rt, b->raw);
    rh_xdecref(I->rt, b->rd);
    rh_xdecref(I->rt, b->wr);
}

/* the state of self; 0, or -1: ValueError "raw stream has been detached" (CPython's CHECK_INITIALIZED) */
static int load(hx_interp *I, rh_object *self, buf *b) {
    rh_runtime *rt = I->rt;
    *b = (buf){0};
    rh_object *raw = attr(I, self, "__buf_raw");
    if (!raw) {
        if (rh_err_occurred(rt) == RH_EXC_ATTRIBUTE) {
            rh_err_clear(rt);
            rh_err_set(rt, RH_EXC_VALUE, "I/O operation on uninitialized object");
        }
        return -1;
    }
    if (raw == rh_none(rt)) {
        rh_decref(rt, raw);
        rh_err_set(rt, RH_EXC_VALUE, "raw stream has been detached");
        return -1;
    }
    b->raw = raw;
    rh_object *sz = attr(I, self, "__buf_size"), *kd = sz ? attr(I, self, "__buf_kind") : NULL;
    b->rd = kd ? attr(I, self, "__buf_rd") : NULL;
    b->wr = b->rd ? attr(I, self, "__buf_wr") : NULL;
    int bad = !b->wr || rh_int_as_i64(rt, sz, &b->size) || rh_int_as_i64(rt, kd, &b->kind);
    rh_xdecref(rt, sz);
    rh_xdecref(rt, kd);
    if (bad) { release(I, b); return -1; }
    return 0;
}
/* self.__buf_rd = bytes(p[0:len]) */
static int set_rd(hx_interp *I, rh_object *self, buf *b, const char *p, size_t len) {
    rh_object *v = rh_bytes_from(I->rt, len ? p : "", len);
    if (!v || set_attr(I, self, "__buf_rd", v)) { rh_xdecref(I->rt, v); return -1; }
    rh_setref(I->rt, &b->rd, v);
    return 0;
}

/* raw.closed as a truth value */
static int raw_closed(hx_interp *I, buf *b) {
    rh_object *c = attr(I, b->raw, "closed");
    int t = c ? rh_truthy(I->rt, c) : -1;
    rh_xdecref(I->rt, c);
    return t;
}
/* CHECK_CLOSED: ValueError(msg) once the raw stream is closed and nothing is left to read; 0/-1 */
static int check_closed(hx_interp *I, buf *b, const char *msg) {
    int c = raw_closed(I, b);
    if (c < 0) return -1;
    if (c && !(msg[0] == 'r' && rh_bytes_len(b->rd))) { rh_err_set(I->rt, RH_EXC_VALUE, "%s", msg); return -1; }
    return 0;
}

/* _bufferedwriter_flush_unlocked: the pending bytes written to raw (partial writes retried) */
static int flush_pending(hx_interp *I, buf *b) {
    rh_runtime *rt = I->rt;
    size_t len = rh_bytes_len(b->wr), done = 0;
    while (done < len) {
        rh_object *chunk = rh_bytes_from(rt, rh_bytearray_wdata(b->wr) + done, len - done);
        rh_object *r = chunk ? call(I, b->raw, "write", &chunk, 1) : NULL;
        rh_xdecref(rt, chunk);
        if (!r) return -1;
        int64_t w = (int64_t)(len - done);
        int rc = r == rh_none(rt) ? 0 : rh_int_as_i64(rt, r, &w);
        rh_decref(rt, r);
        if (rc) return -1;
        if (w <= 0) { rh_err_set(rt, RH_EXC_BLOCKINGIO, "write could not complete without blocking"); return -1; }
        done += (size_t)w;
    }
    return len ? rh_bytearray_resize(rt, b->wr, 0) : 0;
}
/* drop the read-ahead: the raw stream goes back to the logical position (_bufferedreader_reset_buf + a
 * relative raw seek) */
static int drop_readahead(hx_interp *I, rh_object *self, buf *b) {
    size_t len = rh_bytes_len(b->rd);
    if (!len) return 0;
    rh_object *off = rh_int_from_i64(I->rt, -(int64_t)len), *wh = off ? rh_int_from_i64(I->rt, 1) : NULL;
    rh_object *args[2] = {off, wh}, *r = wh ? call(I, b->raw, "seek", args, 2) : NULL;
    rh_xdecref(I->rt, off);
    rh_xdecref(I->rt, wh);
    if (!r) return -1;
    rh_decref(I->rt, r);
    return set_rd(I, self, b, "", 0);
}

/* raw.read(n) as bytes (None -> NULL with *blocked); new reference or NULL */
static rh_object *raw_read(hx_interp *I, buf *b, int64_t n, int *blocked) {
    rh_object *r = n < 0 ? call(I, b->raw, "readall", NULL, 0) : call_i(I, b->raw, "read", n);
    *blocked = 0;
    if (r == rh_none(I->rt)) { rh_decref(I->rt, r); *blocked = 1; return NULL; }
    if (r && rh_kind_of(r) != RH_K_BYTES) {
        rh_err_set(I->rt, RH_EXC_TYPE, "read() should return bytes");
        rh_setref(I->rt, &r, NULL);
    }
    return r;
}

/* append raw.read(want) to the read-ahead; 1 something came, 0 EOF, -1 error */
static int fill(hx_interp *I, rh_object *self, buf *b, int64_t want) {
    int blocked;
    rh_object *c = raw_read(I, b, want, &blocked);
    if (!c) return blocked ? 0 : -1;
    size_t cl = rh_bytes_len(c), rl = rh_bytes_len(b->rd);
    if (!cl) { rh_decref(I->rt, c); return 0; }
    rh_object *joined = rh_bytes_new(I->rt, rl + cl);
    if (joined) {
        memcpy(rh_bytes_wdata(joined), rh_bytes_data(b->rd), rl);
        memcpy(rh_bytes_wdata(joined) + rl, rh_bytes_data(c), cl);
    }
    rh_decref(I->rt, c);
    int rc = joined ? set_attr(I, self, "__buf_rd", joined) : -1;
    if (!rc) rh_setref(I->rt, &b->rd, newref(joined));
    rh_xdecref(I->rt, joined);
    return rc ? -1 : 1;
}

/* take the first k bytes of the read-ahead as the result */
static rh_object *take(hx_interp *I, rh_object *self, buf *b, size_t k) {
    size_t rl = rh_bytes_len(b->rd);
    if (k > rl) k = rl;
    rh_object *r = k == rl ? newref(b->rd) : rh_bytes_from(I->rt, rh_bytes_data(b->rd), k);
    if (r && set_rd(I, self, b, rh_bytes_data(b->rd) + k, rl - k)) rh_setref(I->rt, &r, NULL);
    return r;
}

/* ---------------------------------------------------------------- __init__ */

static const char *const kind_names[4] = {NULL, "BufferedReader", "BufferedWriter", "BufferedRandom"};

/* _io_BufferedReader___init___impl / BufferedWriter / BufferedRandom (raw, buffer_size=DEFAULT_BUFFER_SIZE) */
static rh_object *init(hx_interp *I, rh_object *self, int kind, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw) {
    rh_runtime *rt = I->rt;
    static const char *const names[] = {"raw", "buffer_size"};
    rh_object *v[2];
    if (hx_parse_kw(I, kind_names[kind], names, 2, 2, 1, a, n, kwn, kwv, nkw, v)) return NULL;
    int64_t size = 8 * 1024;
    if (v[1] && rh_index_value(rt, v[1], &size)) return NULL;
    if (kind & B_READ) {
        int t = call_bool(I, v[0], "readable");
        if (t < 0) return NULL;
        if (!t) return hx_io_unsupported(I, "File or stream is not readable.");
    }
    if (kind & B_WRITE) {
        int t = call_bool(I, v[0], "writable");
        if (t < 0) return NULL;
        if (!t) return hx_io_unsupported(I, "File or stream is not writable.");
    }
    if (kind == (B_READ | B_WRITE)) {
        int t = call_bool(I, v[0], "seekable");
        if (t < 0) return NULL;
        if (!t) return hx_io_unsupported(I, "File or stream is not seekable.");
    }
    if (size <= 0) { rh_err_set(rt, RH_EXC_VALUE, "buffer size must be strictly positive"); return NULL; }
    rh_object *sz = rh_int_from_i64(rt, size), *kd = sz ? rh_int_from_i64(rt, kind) : NULL;
    rh_object *wr = kd ? rh_bytearray_from(rt, "", 0) : NULL, *e = wr ? rh_bytes_from(rt, "", 0) : NULL;
    int bad = !e || set_attr(I, self, "__buf_raw", v[0]) || set_attr(I, self, "__buf_rd", e) ||
              set_attr(I, self, "__buf_wr", wr) || set_attr(I, self, "__buf_size", sz) || set_attr(I, self, "__buf_kind", kd);
    rh_xdecref(rt, sz);
    rh_xdecref(rt, kd);
    rh_xdecref(rt, wr);
    rh_xdecref(rt, e);
    return bad ? NULL : none(I);
}
FN(br_init) { return init(I, self, B_READ, a, n, kwn, kwv, nkw); }
FN(bw_init) { return init(I, self, B_WRITE, a, n, kwn, kwv, nkw); }
FN(brw_init) { return init(I, self, B_READ | B_WRITE, a, n, kwn, kwv, nkw); }

/* ---------------------------------------------------------------- reading */

/* optional size argument (None or absent: -1) */
static int opt_size(hx_interp *I, rh_object **a, int n, int64_t *v) {
    *v = -1;
    if (!n || a[0] == rh_none(I->rt)) return 0;
    if (!hx_is_intlike(a[0])) {
        rh_err_set(I->rt, RH_EXC_TYPE, "argument should be integer or None, not '%s'", hx_tname(a[0]));
        return -1;
    }
    return rh_index_value(I->rt, a[0], v);
}

/* the common start of a read: state loaded, the stream checked, pending writes flushed */
static int read_start(hx_interp *I, rh_object *self, buf *b, const char *what) {
    if (load(I, self, b)) return -1;
    if (!(b->kind & B_READ)) { release(I, b); hx_io_unsupported(I, what); return -1; }
    char msg[40];
    snprintf(msg, sizeof msg, "%s of closed file", what);
    if (check_closed(I, b, msg) || flush_pending(I, b)) { release(I, b); return -1; }
    return 0;
}

/* _io__Buffered_read_impl(size=-1): all that is left for size < 0, else size bytes (fewer at EOF) */
FN(b_read) {
    UNUSED;
    int64_t size;
    buf b;
    if (arity(I, "read", n, nkw, 0, 1) || opt_size(I, a, n, &size)) return NULL;
    if (size < -1) { rh_err_set(I->rt, RH_EXC_VALUE, "read length must be non-negative or -1"); return NULL; }
    if (read_start(I, self, &b, "read")) return NULL;
    int rc = 1;
    if (size < 0) while ((rc = fill(I, self, &b, -1)) > 0) {}
    else while ((int64_t)rh_bytes_len(b.rd) < size && (rc = fill(I, self, &b, size - (int64_t)rh_bytes_len(b.rd) > b.size ? size - (int64_t)rh_bytes_len(b.rd) : b.size)) > 0) {}
    rh_object *r = rc < 0 ? NULL : take(I, self, &b, size < 0 ? rh_bytes_len(b.rd) : (size_t)size);
    release(I, &b);
    return r;
}

/* _io__Buffered_read1_impl(size=-1): at most one raw read, none when bytes are buffered */
FN(b_read1) {
    UNUSED;
    int64_t size;
    buf b;
    if (arity(I, "read1", n, nkw, 0, 1) || opt_size(I, a, n, &size) || read_start(I, self, &b, "read")) return NULL;
    if (size < 0) size = b.size;
    int rc = 0;
    if (size && !rh_bytes_len(b.rd)) rc = fill(I, self, &b, size > b.size ? size : b.size);
    rh_object *r = rc < 0 ? NULL : take(I, self, &b, (size_t)size);
    release(I, &b);
    return r;
}

/* _io__Buffered_peek_impl(size=0): the buffered bytes, one raw read made when there are none */
FN(b_peek) {
    UNUSED;
    buf b;
    if (arity(I, "peek", n, nkw, 0, 1) || read_start(I, self, &b, "peek")) return NULL;
    int rc = rh_bytes_len(b.rd) ? 0 : fill(I, self, &b, b.size);
    rh_object *r = rc < 0 ? NULL : newref(b.rd);
    release(I, &b);
    return r;
}

/* _buffered_readline(limit): up to and including b'\n', at most limit bytes */
FN(b_readline) {
    UNUSED;
    int64_t limit;
    buf b;
    if (arity(I, "readline", n, nkw, 0, 1) || opt_size(I, a, n, &limit) || read_start(I, self, &b, "readline")) return NULL;
    size_t scanned = 0;
    int rc = 1;
    for (;;) {
        size_t rl = rh_bytes_len(b.rd);
        const char *p = rh_bytes_data(b.rd), *nl = rl > scanned ? memchr(p + scanned, '\n', rl - scanned) : NULL;
        if (nl) { scanned = (size_t)(nl - p) + 1; break; }
        scanned = rl;
        if (limit >= 0 && (int64_t)rl >= limit) break;
        if ((rc = fill(I, self, &b, b.size)) <= 0) break;
    }
    if (limit >= 0 && (int64_t)scanned > limit) scanned = (size_t)limit;
    rh_object *r = rc < 0 ? NULL : take(I, self, &b, scanned);
    release(I, &b);
    return r;
}

/* _io__Buffered_readinto_impl: read(len(buffer)) copied into a bytearray */
FN(b_readinto) {
    UNUSED;
    rh_runtime *rt = I->rt;
    if (arity(I, "readinto", n, nkw, 1, 1)) return NULL;
    if (rh_kind_of(a[0]) != RH_K_BYTEARRAY) {
        rh_err_set(rt, RH_EXC_TYPE, "readinto() argument must be read-write bytes-like object, not %s", hx_tname(a[0]));
        return NULL;
    }
    size_t cap = rh_bytes_len(a[0]);
    rh_object *len = rh_int_from_i64(rt, (int64_t)cap), *data = len ? b_read(I, self, &len, 1, NULL, NULL, 0) : NULL;
    rh_xdecref(rt, len);
    if (!data) return NULL;
    size_t dl = rh_bytes_len(data);
    if (dl) memcpy(rh_bytearray_wdata(a[0]), rh_bytes_data(data), dl);
    rh_decref(rt, data);
    return rh_int_from_i64(rt, (int64_t)dl);
}

/* ---------------------------------------------------------------- writing and positioning */

/* _io_BufferedWriter_write_impl(b): buffered; flushed once buffer_size is reached; len(b) */
FN(b_write) {
    UNUSED;
    rh_runtime *rt = I->rt;
    buf b;
    if (arity(I, "write", n, nkw, 1, 1) || load(I, self, &b)) return NULL;
    rh_object *r = NULL;
    if (!(b.kind & B_WRITE)) { hx_io_unsupported(I, "write"); goto out; }
    if (!rh_is_byteslike(a[0])) {
        rh_err_set(rt, RH_EXC_TYPE, "a bytes-like object is required, not '%s'", hx_tname(a[0]));
        goto out;
    }
    if (check_closed(I, &b, "write to closed file") || drop_readahead(I, self, &b)) goto out;
    size_t len = rh_bytes_len(a[0]), old = rh_bytes_len(b.wr);
    if (rh_bytearray_resize(rt, b.wr, old + len)) goto out;
    if (len) memcpy(rh_bytearray_wdata(b.wr) + old, rh_bytes_data(a[0]), len);
    if ((int64_t)(old + len) >= b.size && flush_pending(I, &b)) goto out;
    r = rh_int_from_i64(rt, (int64_t)len);
out:
    release(I, &b);
    return r;
}

/* buffered_flush: pending bytes to raw, then raw.flush() */
FN(b_flush) {
    UNUSED; (void)a;
    buf b;
    if (arity(I, "flush", n, nkw, 0, 0) || load(I, self, &b)) return NULL;
    rh_object *r = check_closed(I, &b, "flush of closed file") || flush_pending(I, &b) ? NULL : call(I, b.raw, "flush", NULL, 0);
    release(I, &b);
    return r;
}

/* _io__Buffered_seek_impl(target, whence=0): flushed, the read-ahead accounted for, raw.seek */
FN(b_seek) {
    UNUSED;
    rh_runtime *rt = I->rt;
    int64_t pos, whence = 0;
    buf b;
    if (arity(I, "seek", n, nkw, 1, 2) || rh_index_value(rt, a[0], &pos) || (n > 1 && rh_index_value(rt, a[1], &whence))) return NULL;
    if (whence < 0 || whence > 2) { rh_err_set(rt, RH_EXC_VALUE, "whence value %lld unsupported", (long long)whence); return NULL; }
    if (load(I, self, &b)) return NULL;
    rh_object *r = NULL;
    if (check_closed(I, &b, "seek of closed file") || flush_pending(I, &b)) goto out;
    if (whence == 1) pos -= (int64_t)rh_bytes_len(b.rd);
    if (set_rd(I, self, &b, "", 0)) goto out;
    {
        rh_object *p = rh_int_from_i64(rt, pos), *w = p ? rh_int_from_i64(rt, whence) : NULL, *args[2] = {p, w};
        r = w ? call(I, b.raw, "seek", args, 2) : NULL;
        rh_xdecref(rt, p);
        rh_xdecref(rt, w);
    }
out:
    release(I, &b);
    return r;
}

/* _io__Buffered_tell_impl: raw.tell() less the read-ahead, plus the pending bytes */
FN(b_tell) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    buf b;
    if (arity(I, "tell", n, nkw, 0, 0) || load(I, self, &b)) return NULL;
    rh_object *t = call(I, b.raw, "tell", NULL, 0), *r = NULL;
    int64_t pos;
    if (t && !rh_int_as_i64(rt, t, &pos)) {
        pos += (int64_t)rh_bytes_len(b.wr) - (int64_t)rh_bytes_len(b.rd);
        r = rh_int_from_i64(rt, pos < 0 ? 0 : pos);
    }
    rh_xdecref(rt, t);
    release(I, &b);
    return r;
}

/* _io__Buffered_truncate_impl(pos=None): flushed, the raw stream at the logical position, raw.truncate */
FN(b_truncate) {
    UNUSED;
    buf b;
    if (arity(I, "truncate", n, nkw, 0, 1) || load(I, self, &b)) return NULL;
    rh_object *r = NULL;
    if (!(b.kind & B_WRITE)) { hx_io_unsupported(I, "truncate"); goto out; }
    if (check_closed(I, &b, "truncate of closed file") || flush_pending(I, &b) || drop_readahead(I, self, &b)) goto out;
    r = call(I, b.raw, "truncate", n ? a : NULL, n);
out:
    release(I, &b);
    return r;
}

/* ---------------------------------------------------------------- close and the rest */

/* buffered_close: nothing when closed; flush (its error kept), then raw.close() */
FN(b_close) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    buf b;
    if (arity(I, "close", n, nkw, 0, 0) || load(I, self, &b)) return NULL;
    int c = raw_closed(I, &b);
    rh_object *r = NULL;
    if (c) { r = c < 0 ? NULL : none(I); goto out; }
    rh_object *fl = b_flush(I, self, NULL, 0, NULL, NULL, 0);
    rh_object *exc = fl ? NULL : rh_err_fetch(rt);
    rh_xdecref(rt, fl);
    r = call(I, b.raw, "close", NULL, 0);
    if (exc) {
        if (r) { rh_setref(rt, &r, NULL); rh_err_set_object(rt, exc); }
        else rh_decref(rt, exc);
    }
    if (r && set_rd(I, self, &b, "", 0)) rh_setref(rt, &r, NULL);
out:
    release(I, &b);
    return r;
}

/* _io__Buffered_detach_impl: flushed; the raw stream returned and let go */
FN(b_detach) {
    UNUSED; (void)a;
    buf b;
    if (arity(I, "detach", n, nkw, 0, 0) || load(I, self, &b)) return NULL;
    rh_object *fl = b_flush(I, self, NULL, 0, NULL, NULL, 0), *r = NULL;
    if (fl && !set_attr(I, self, "__buf_raw", rh_none(I->rt))) r = newref(b.raw);
    rh_xdecref(I->rt, fl);
    release(I, &b);
    return r;
}

/* fileno/isatty/readable/writable/seekable: the raw stream's */
static rh_object *forward(hx_interp *I, rh_object *self, int n, int nkw, const char *fn) {
    buf b;
    if (arity(I, fn, n, nkw, 0, 0) || load(I, self, &b)) return NULL;
    rh_object *r = call(I, b.raw, fn, NULL, 0);
    release(I, &b);
    return r;
}
FN(b_fileno) { UNUSED; (void)a; return forward(I, self, n, nkw, "fileno"); }
FN(b_isatty) { UNUSED; (void)a; return forward(I, self, n, nkw, "isatty"); }
FN(b_readable) { UNUSED; (void)a; return forward(I, self, n, nkw, "readable"); }
FN(b_writable) { UNUSED; (void)a; return forward(I, self, n, nkw, "writable"); }
FN(b_seekable) { UNUSED; (void)a; return forward(I, self, n, nkw, "seekable"); }

/* buffered_repr: <T name=R>, or <T> when reading name fails with an Exception (ValueError, AttributeError) */
FN(b_repr) {
    UNUSED; (void)a;
    rh_runtime *rt = I->rt;
    if (arity(I, "__repr__", n, nkw, 0, 0)) return NULL;
    const char *tn = hx_tname(self);
    rh_object *name = attr(I, self, "name"), *r = name ? rh_repr(rt, name) : NULL, *s = NULL;
    if (!name) {
        rh_exc k = rh_err_occurred(rt);
        if (k != RH_EXC_VALUE && k != RH_EXC_ATTRIBUTE) return NULL;
        rh_err_clear(rt);
    }
    size_t tl = strlen(tn), nl = r ? strlen(hx_cstr(I, r)) : 0;
    char *tmp = malloc(tl + nl + 16);
    if (tmp) {
        if (r) snprintf(tmp, tl + nl + 16, "<%s name=%s>", tn, hx_cstr(I, r));
        else snprintf(tmp, tl + nl + 16, "<%s>", tn);
        s = rh_str_from_utf8(rt, tmp, strlen(tmp));
        free(tmp);
    } else if (!rh_err_occurred(rt)) rh_err_set(rt, RH_EXC_MEMORY, "%s", "");
    rh_xdecref(rt, name);
    rh_xdecref(rt, r);
    return s;
}

/* the getters: raw, closed, name, mode (the last three the raw stream's) */
static rh_object *raw_getter(hx_interp *I, rh_object **a, int n, const char *name) {
    buf b;
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "getter takes one argument"); return NULL; }
    if (load(I, a[0], &b)) return NULL;
    rh_object *r = name ? attr(I, b.raw, name) : newref(b.raw);
    release(I, &b);
    return r;
}
FN(g_raw) { UNUSED; (void)self; (void)nkw; return raw_getter(I, a, n, NULL); }
FN(g_closed) { UNUSED; (void)self; (void)nkw; return raw_getter(I, a, n, "closed"); }
FN(g_name) { UNUSED; (void)self; (void)nkw; return raw_getter(I, a, n, "name"); }
FN(g_mode) { UNUSED; (void)self; (void)nkw; return raw_getter(I, a, n, "mode"); }

#define COMMON(initfn)                                                                                    \
    {"__init__", (void (*)(void))initfn, 0}, {"read", (void (*)(void))b_read, 0},                      \
    {"read1", (void (*)(void))b_read1, 0}, {"peek", (void (*)(void))b_peek, 0},                        \
    {"readline", (void (*)(void))b_readline, 0}, {"readinto", (void (*)(void))b_readinto, 0},          \
    {"write", (void (*)(void))b_write, 0}, {"flush", (void (*)(void))b_flush, 0},                      \
    {"seek", (void (*)(void))b_seek, 0}, {"tell", (void (*)(void))b_tell, 0},                          \
    {"truncate", (void (*)(void))b_truncate, 0}, {"close", (void (*)(void))b_close, 0},                \
    {"detach", (void (*)(void))b_detach, 0}, {"fileno", (void (*)(void))b_fileno, 0},                  \
    {"isatty", (void (*)(void))b_isatty, 0}, {"readable", (void (*)(void))b_readable, 0},              \
    {"writable", (void (*)(void))b_writable, 0}, {"seekable", (void (*)(void))b_seekable, 0},          \
    {"__repr__", (void (*)(void))b_repr, 0}, {NULL, NULL, 0}
static const rh_builtin_def reader_defs[] = {COMMON(br_init)};
static const rh_builtin_def writer_defs[] = {COMMON(bw_init)};
static const rh_builtin_def random_defs[] = {COMMON(brw_init)};
#undef COMMON

static const rh_builtin_def getters[] = {
    {"raw", (void (*)(void))g_raw, 0}, {"closed", (void (*)(void))g_closed, 0},
    {"name", (void (*)(void))g_name, 0}, {"mode", (void (*)(void))g_mode, 0}};

int hx_io_add_buffered(hx_interp *I, rh_object *d) {
    rh_object *base = rh_dict_get_cstr(I->rt, d, "_BufferedIOBase");
    static const char *const names[3][2] = {{"BufferedReader", "_io.BufferedReader"},
                                            {"BufferedWriter", "_io.BufferedWriter"},
                                            {"BufferedRandom", "_io.BufferedRandom"}};
    const rh_builtin_def *defs[3] = {reader_defs, writer_defs, random_defs};
    for (int i = 0; i < 3; i++) {
        rh_object *cls = base ? hx_io_make_class(I, names[i][0], names[i][1], base, defs[i]) : NULL;
        int rc = !cls;
        for (int g = 0; !rc && g < 4; g++) rc = hx_io_add_property(I, cls, &getters[g]);
        rc = rc || rh_dict_set_cstr(I->rt, d, names[i][0], cls);
        rh_xdecref(I->rt, cls);
        if (rc) return -1;
    }
    return 0;
}
