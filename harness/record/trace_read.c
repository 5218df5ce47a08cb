/* trace_read.c — decoding a trace (trace.h, docs/trace-format.md) one record at a time.
 *
 * Owns struct rh_trace_reader: the file, a zstd decompression stream, and a window `buf[pos, len)` of
 * decompressed bytes not yet decoded. Invariants:
 *  - every record returned was fully inside the window when decoded (a record that straddles the window's
 *    end is moved to its front and more is decompressed; the window grows for long strings, up to
 *    RH_TRACE_MAX_TEXT plus a record head);
 *  - `stream_off` is the decompressed offset of buf[0], so an error names the exact decompressed offset
 *    of the record (and the compressed bytes consumed);
 *  - after the END event, the frame must be complete and nothing may follow; then next() returns 0.
 * Bad input never crashes: varints longer than 10 bytes, unknown kinds/events, strings past the limit,
 * a truncated or corrupt frame (zstd's checksum) each end the stream with a message.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "trace.h"

struct rh_trace_reader {
    FILE *f;
    char *path;
    ZSTD_DCtx *dz;
    unsigned char *in;
    size_t in_cap;
    ZSTD_inBuffer zin;
    int file_eof;
    int frame_done;        /* ZSTD_decompressStream returned 0: the frame ended */
    int ended;             /* END read */
    int failed;
    uint32_t version;      /* the header's format version */
    uint64_t file_off;     /* compressed bytes consumed (header included) */
    uint64_t stream_off;   /* decompressed offset of buf[0] */
    uint64_t rec_off;      /* decompressed offset of the record being decoded */
    uint64_t records;
    uint64_t t_ns;
    unsigned char *buf;
    size_t pos, len, cap;
    char err[512];
};

static const char *const event_names[] = {
#define X(n, v, f, ver, d) [v] = #n,
    RH_TRACE_EVENTS(X)
#undef X
};

/* Each event's fields and the format version that introduced it (0: no such event). */
static const struct { uint8_t fields, since; } event_shape[] = {
#define X(n, v, f, ver, d) [v] = {f, ver},
    RH_TRACE_EVENTS(X)
#undef X
};

const char *rh_trace_event_name(int event) {
    if (event < 0 || event >= (int)(sizeof event_names / sizeof event_names[0]) || !event_names[event])
        return "?";
    return event_names[event];
}

const char *rh_trace_domain_name(int domain) {
    static const char *const names[] = {
#define X(n, v, s) [v] = s,
        RH_TRACE_DOMAINS(X)
#undef X
    };
    return domain >= 0 && domain < RH_DOM_COUNT ? names[domain] : "?";
}

int rh_trace_fail(rh_trace_reader *r, const char *fmt, ...) {
    if (r->failed) return -1;
    r->failed = 1;
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(r->err, sizeof r->err, "%s: offset %llu: record %llu: %s (decompressed offset; %llu compressed "
             "bytes read)", r->path, (unsigned long long)r->rec_off, (unsigned long long)r->records + 1, msg,
             (unsigned long long)r->file_off);
    return -1;
}

const char *rh_trace_error(const rh_trace_reader *r) { return r->err; }
uint64_t rh_trace_records(const rh_trace_reader *r) { return r->records; }
uint64_t rh_trace_file_bytes(const rh_trace_reader *r) { return r->file_off; }

static uint32_t get_le32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

rh_trace_reader *rh_trace_reader_open(const char *path, char *err, size_t errlen) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    unsigned char hdr[RH_TRACE_HEADER_SIZE];
    size_t n = fread(hdr, 1, sizeof hdr, f);
    const char *why = NULL;
    unsigned off = 0;
    if (n < 8 || memcmp(hdr, RH_TRACE_MAGIC, 8) != 0) why = "not a refheap trace (no RHTRACE magic)";
    else if (n < sizeof hdr) why = "truncated header", off = (unsigned)n;
    if (why) {
        snprintf(err, errlen, "%s: offset %u: %s", path, off, why);
        fclose(f);
        return NULL;
    }
    uint32_t version = get_le32(hdr + 8);
    if (version < RH_TRACE_VERSION_MIN || version > RH_TRACE_VERSION) {
        snprintf(err, errlen, "%s: offset 8: trace format version %u; this refheap reads versions %u to %u "
                 "(record it again with this refheap)", path, version, RH_TRACE_VERSION_MIN, RH_TRACE_VERSION);
        fclose(f);
        return NULL;
    }
    rh_trace_reader *r = calloc(1, sizeof *r);
    if (r) {
        r->in_cap = ZSTD_DStreamInSize();
        r->in = malloc(r->in_cap);
        r->cap = 1u << 18;
        r->buf = malloc(r->cap);
        r->dz = ZSTD_createDCtx();
        r->path = strdup(path);
    }
    if (!r || !r->in || !r->buf || !r->dz || !r->path) {
        snprintf(err, errlen, "%s: out of memory", path);
        fclose(f);
        if (r) { ZSTD_freeDCtx(r->dz); free(r->in); free(r->buf); free(r->path); free(r); }
        return NULL;
    }
    r->f = f;
    r->version = version;
    r->file_off = RH_TRACE_HEADER_SIZE;
    return r;
}

void rh_trace_reader_close(rh_trace_reader *r) {
    if (!r) return;
    fclose(r->f);
    ZSTD_freeDCtx(r->dz);
    free(r->in);
    free(r->buf);
    free(r->path);
    free(r);
}

/* Make at least `need` bytes available at buf+pos. Returns 1, 0 at a clean end of input (nothing more
 * can be decompressed), -1 on error. */
static int fill(rh_trace_reader *r, size_t need) {
    while (r->len - r->pos < need) {
        if (r->pos) { /* keep the window at the front */
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->stream_off += r->pos;
            r->pos = 0;
        }
        if (need > r->cap) {
            size_t cap = r->cap;
            while (cap < need) cap *= 2;
            unsigned char *b = realloc(r->buf, cap);
            if (!b) return rh_trace_fail(r, "out of memory for a %zu-byte record", need);
            r->buf = b;
            r->cap = cap;
        }
        if (r->zin.pos == r->zin.size && !r->file_eof && !r->frame_done) {
            size_t n = fread(r->in, 1, r->in_cap, r->f);
            if (n == 0 && ferror(r->f)) return rh_trace_fail(r, "read error: %s", strerror(errno));
            if (n == 0) r->file_eof = 1;
            r->zin = (ZSTD_inBuffer){r->in, n, 0};
        }
        if (r->frame_done) return 0;
        /* called even without new input: the decoder may still hold output it could not flush before */
        ZSTD_outBuffer out = {r->buf, r->cap, r->len};
        size_t before = r->zin.pos;
        size_t rc = ZSTD_decompressStream(r->dz, &out, &r->zin);
        r->file_off += r->zin.pos - before;
        if (ZSTD_isError(rc)) return rh_trace_fail(r, "corrupt compressed data: %s", ZSTD_getErrorName(rc));
        int progress = out.pos > r->len || r->zin.pos > before;
        r->len = out.pos;
        if (rc == 0) r->frame_done = 1;
        else if (!progress && r->file_eof) return 0; /* input exhausted mid-frame */
    }
    return 1;
}

/* The data ran out inside a record: the compressed frame stopped early (the recording was cut short), or
 * it ended cleanly with a malformed last record. */
static int fail_short(rh_trace_reader *r, const char *what) {
    if (!r->frame_done)
        return rh_trace_fail(r, "truncated trace: the compressed data stops inside %s (the recording was cut "
                                "short: killed, disk full, or os._exit())", what);
    return rh_trace_fail(r, "truncated %s", what);
}

/* A varint from the window (the caller made sure the record is there or the window holds all there is). */
static int get_varint(rh_trace_reader *r, uint64_t *v) {
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
        if (r->pos >= r->len) return fail_short(r, "a record");
        unsigned char b = r->buf[r->pos++];
        if (shift == 63 && b > 1) break;
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = x;
            return 0;
        }
    }
    return rh_trace_fail(r, "malformed varint (more than 64 bits)");
}

static int get_text(rh_trace_reader *r, rh_trace_rec *rec) {
    uint64_t n;
    if (get_varint(r, &n) != 0) return -1;
    if (n > RH_TRACE_MAX_TEXT) return rh_trace_fail(r, "string of %llu bytes (limit %u)", (unsigned long long)n,
                                                    RH_TRACE_MAX_TEXT);
    size_t head = r->pos - (size_t)(r->rec_off - r->stream_off);
    size_t start = r->pos;
    /* the whole record, head and text, must be in the window: fill from the record's start */
    r->pos = (size_t)(r->rec_off - r->stream_off);
    int got = fill(r, head + (size_t)n);
    if (got <= 0) return got < 0 ? -1 : rh_trace_fail(r, "truncated string (%llu bytes announced)",
                                                      (unsigned long long)n);
    start = r->pos + head;
    rec->text = (const char *)r->buf + start;
    rec->textlen = (size_t)n;
    r->pos = start + (size_t)n;
    return 0;
}

#define MAX_FIXED_RECORD 64u /* tag + 6 varints of at most 10 bytes */

static int decode(rh_trace_reader *r, rh_trace_rec *rec) {
    unsigned char tag = r->buf[r->pos++];
    int kind = tag & 7, domain = (tag >> 3) & 3;
    if (tag >> 5) return rh_trace_fail(r, "tag byte 0x%02x has reserved bits set", tag);
    memset(rec, 0, sizeof *rec);
    rec->kind = (uint8_t)kind;
    rec->domain = (uint8_t)domain;
    uint64_t dt, ev;
    if (get_varint(r, &dt) != 0) return -1;
    r->t_ns += dt;
    rec->t_ns = r->t_ns;
    if (kind != RH_TR_EVENT && domain >= RH_DOM_COUNT) return rh_trace_fail(r, "unknown domain %d", domain);
    switch (kind) {
    case RH_TR_MALLOC:
        return get_varint(r, &rec->id) || get_varint(r, &rec->size) ? -1 : 0;
    case RH_TR_CALLOC:
        return get_varint(r, &rec->id) || get_varint(r, &rec->nelem) || get_varint(r, &rec->size) ? -1 : 0;
    case RH_TR_REALLOC:
        return get_varint(r, &rec->id) || get_varint(r, &rec->id2) || get_varint(r, &rec->size) ? -1 : 0;
    case RH_TR_FREE:
        return get_varint(r, &rec->id);
    case RH_TR_EVENT:
        if (domain) return rh_trace_fail(r, "event with domain bits %d", domain);
        if (get_varint(r, &ev) != 0) return -1;
        rec->event = (uint8_t)ev;
        if (ev >= sizeof event_shape / sizeof event_shape[0] || !event_shape[ev].since)
            return rh_trace_fail(r, "unknown event type %llu", (unsigned long long)ev);
        if (event_shape[ev].since > r->version)
            return rh_trace_fail(r, "%s event in a version %u trace", event_names[ev], r->version);
        switch (event_shape[ev].fields) {
        case RH_EVF_TEXT: return get_text(r, rec);
        case RH_EVF_A: return get_varint(r, &rec->a);
        case RH_EVF_AB: return get_varint(r, &rec->a) || get_varint(r, &rec->b) ? -1 : 0;
        default: return get_varint(r, &rec->a) || get_varint(r, &rec->b) || get_varint(r, &rec->c) ? -1 : 0;
        }
    default:
        return rh_trace_fail(r, "unknown record kind %d", kind);
    }
}

int rh_trace_next(rh_trace_reader *r, rh_trace_rec *rec) {
    if (r->failed) return -1;
    int got = fill(r, MAX_FIXED_RECORD);
    if (got < 0) return -1;
    r->rec_off = r->stream_off + r->pos;
    if (r->ended) {
        if (r->pos < r->len) return rh_trace_fail(r, "data after the end record");
        if (!r->frame_done) return rh_trace_fail(r, "the compressed frame does not end after the end record");
        return 0;
    }
    if (r->pos == r->len) {
        if (!r->frame_done)
            return rh_trace_fail(r, "truncated trace: the compressed data stops mid-frame (the recording was "
                                    "cut short: killed, disk full, or os._exit())");
        return rh_trace_fail(r, "truncated trace: no end record (the recording was cut short)");
    }
    if (decode(r, rec) != 0) return -1;
    r->records++;
    if (rec->kind == RH_TR_EVENT && rec->event == RH_EV_END) r->ended = 1;
    return 1;
}
