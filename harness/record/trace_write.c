/* trace_write.c — encoding trace records (trace.h) into a zstd stream.
 *
 * Owns struct rh_trace_writer: a raw buffer of encoded records and a compressed output buffer. Records
 * are appended to `raw`; when it passes RAW_FLUSH the buffer goes through ZSTD_compressStream2 and the
 * output is written to the file. Runs inside allocator hooks: uses only libc (stdio, malloc), never
 * Python; the first I/O or compression error is kept and reported by rh_trace_writer_close.
 * Invariant: `raw_len + RAW_SLACK <= RAW_CAP` before every fixed-size record is encoded (a record is at
 * most 1 + 6*10 bytes plus its text, and text goes through put_bytes, which flushes as it fills).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "trace.h"

#define RAW_CAP (256u << 10)
#define RAW_SLACK 80u
#define RAW_FLUSH (RAW_CAP - RAW_SLACK)

struct rh_trace_writer {
    int fd;                /* written with write(2): no stdio buffer a forked child could flush */
    ZSTD_CCtx *cz;
    uint64_t last_t;
    uint64_t written;      /* compressed bytes written, header included */
    char err[200];         /* first error, empty when none */
    size_t raw_len;
    unsigned char *out;
    size_t out_cap;
    unsigned char raw[RAW_CAP];
};

static void w_error(rh_trace_writer *w, const char *what, const char *why) {
    if (!w->err[0]) snprintf(w->err, sizeof w->err, "%s: %s", what, why);
}

static int write_all(int fd, const unsigned char *p, size_t n) {
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Compress what is in raw (mode ZSTD_e_continue) or finish the frame (ZSTD_e_end) and write it out. */
static void w_drain(rh_trace_writer *w, ZSTD_EndDirective mode) {
    ZSTD_inBuffer in = {w->raw, w->raw_len, 0};
    for (;;) {
        ZSTD_outBuffer out = {w->out, w->out_cap, 0};
        size_t left = ZSTD_compressStream2(w->cz, &out, &in, mode);
        if (ZSTD_isError(left)) {
            w_error(w, "zstd", ZSTD_getErrorName(left));
            break;
        }
        if (out.pos && !w->err[0]) {
            if (write_all(w->fd, w->out, out.pos) != 0) w_error(w, "write", strerror(errno));
            w->written += out.pos;
        }
        if (mode == ZSTD_e_end ? left == 0 : in.pos == in.size) break;
    }
    w->raw_len = 0;
}

static inline void put_varint(rh_trace_writer *w, uint64_t v) {
    unsigned char *p = w->raw + w->raw_len;
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    w->raw_len = (size_t)(p - w->raw);
}

static void put_bytes(rh_trace_writer *w, const char *s, size_t n) {
    while (n) {
        size_t room = RAW_CAP - w->raw_len, k = n < room ? n : room;
        memcpy(w->raw + w->raw_len, s, k);
        w->raw_len += k;
        s += k;
        n -= k;
        if (w->raw_len == RAW_CAP) w_drain(w, ZSTD_e_continue);
    }
}

/* The tag and the clock delta; a clock that went backwards (another thread's older stamp) is 0. */
static inline void put_head(rh_trace_writer *w, int kind, int domain, uint64_t t_ns) {
    if (w->raw_len > RAW_FLUSH) w_drain(w, ZSTD_e_continue);
    w->raw[w->raw_len++] = (unsigned char)((kind & 7) | ((domain & 3) << 3));
    put_varint(w, t_ns > w->last_t ? t_ns - w->last_t : 0);
    if (t_ns > w->last_t) w->last_t = t_ns;
}

void rh_trace_put_op(rh_trace_writer *w, int kind, int domain, uint64_t t_ns, uint64_t id, uint64_t id2,
                     uint64_t size, uint64_t nelem) {
    put_head(w, kind, domain, t_ns);
    put_varint(w, id);
    switch (kind) {
    case RH_TR_MALLOC: put_varint(w, size); break;
    case RH_TR_CALLOC: put_varint(w, nelem); put_varint(w, size); break;
    case RH_TR_REALLOC: put_varint(w, id2); put_varint(w, size); break;
    default: break; /* FREE: the id only */
    }
}

static const uint8_t event_fields[] = {
#define X(n, v, f, ver, d) [v] = f,
    RH_TRACE_EVENTS(X)
#undef X
};

void rh_trace_put_event(rh_trace_writer *w, int event, uint64_t t_ns, uint64_t a, uint64_t b, uint64_t c,
                        const char *text, size_t textlen) {
    put_head(w, RH_TR_EVENT, 0, t_ns);
    put_varint(w, (uint64_t)event);
    uint8_t fields = event < (int)(sizeof event_fields / sizeof event_fields[0]) ? event_fields[event] : 0;
    if (fields == RH_EVF_TEXT) {
        if (textlen > RH_TRACE_MAX_TEXT) textlen = RH_TRACE_MAX_TEXT;
        put_varint(w, textlen);
        put_bytes(w, text, textlen);
        return;
    }
    put_varint(w, a);
    if (fields >= RH_EVF_AB) put_varint(w, b);
    if (fields >= RH_EVF_ABC) put_varint(w, c);
}

static void put_le32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

rh_trace_writer *rh_trace_writer_open(const char *path, int zstd_level, char *err, size_t errlen) {
    rh_trace_writer *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    w->out_cap = ZSTD_CStreamOutSize();
    w->out = malloc(w->out_cap);
    w->cz = ZSTD_createCCtx();
    w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (w->fd < 0 || !w->out || !w->cz) {
        snprintf(err, errlen, "%s: cannot create: %s", path, w->fd >= 0 ? "out of memory" : strerror(errno));
        if (w->fd >= 0) close(w->fd);
        ZSTD_freeCCtx(w->cz);
        free(w->out);
        free(w);
        return NULL;
    }
    ZSTD_CCtx_setParameter(w->cz, ZSTD_c_compressionLevel, zstd_level);
    ZSTD_CCtx_setParameter(w->cz, ZSTD_c_checksumFlag, 1); /* corruption is detected, not replayed */
    unsigned char hdr[RH_TRACE_HEADER_SIZE];
    memcpy(hdr, RH_TRACE_MAGIC, 8);
    put_le32(hdr + 8, RH_TRACE_VERSION);
    put_le32(hdr + 12, 0);
    if (write_all(w->fd, hdr, sizeof hdr) != 0) w_error(w, "write", strerror(errno));
    w->written = sizeof hdr;
    return w;
}

int rh_trace_writer_close(rh_trace_writer *w, uint64_t *compressed_bytes, char *err, size_t errlen) {
    w_drain(w, ZSTD_e_end);
    if (close(w->fd) != 0) w_error(w, "close", strerror(errno));
    if (compressed_bytes) *compressed_bytes = w->written;
    int rc = w->err[0] ? -1 : 0;
    if (rc) snprintf(err, errlen, "%s", w->err);
    ZSTD_freeCCtx(w->cz);
    free(w->out);
    free(w);
    return rc;
}

void rh_trace_writer_abandon(rh_trace_writer *w) {
    (void)w; /* the child has copies of the parent's buffers and the same file offset: never write */
}
