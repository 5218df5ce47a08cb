/* trace.h — the refheap allocation trace: a versioned, streaming, zstd-compressed record of a real
 * CPython process's heap (docs/trace-format.md is the specification; this header is its C form).
 *
 * Written by the record launcher (launcher.c, linked against libpython) through rh_trace_writer and read
 * by `refheap replay` (replay.c) through rh_trace_reader. Neither side allocates through Python: the
 * writer runs inside PEP 445 allocator hooks and uses only libc.
 *
 * File layout: a 16-byte plain header (magic "RHTRACE\n", u32 format version, u32 flags, little endian),
 * then one zstd frame holding the records back to back. A record is
 *     tag byte (bits 0-2 kind, bits 3-4 domain for operations / 0 for events)
 *     varint dt     nanoseconds since the previous record (CLOCK_MONOTONIC)
 *     fields        by kind, each an unsigned LEB128 varint (see below)
 * and the stream ends with exactly one END event. Block ids are small integers the recorder hands out
 * and recycles (LIFO), so that a new id is never above the highest id used so far + 1.
 */
#ifndef REFHEAP_TRACE_H
#define REFHEAP_TRACE_H
#include <stddef.h>
#include <stdint.h>

#define RH_TRACE_MAGIC "RHTRACE\n"
#define RH_TRACE_VERSION 2u     /* written; 2 added the ARENA_* events */
#define RH_TRACE_VERSION_MIN 1u /* oldest read (version 1: the same records without ARENA_*) */
#define RH_TRACE_HEADER_SIZE 16u
#define RH_TRACE_MAX_TEXT (16u << 20) /* longest string field a reader accepts */

/* Record kinds (tag bits 0-2) and their fields:
 *   MALLOC  id size            id 0: the allocation failed (returned NULL)
 *   CALLOC  id nelem elsize
 *   REALLOC old_id new_id size  old_id 0: realloc(NULL); new_id 0: failed, the old block is still live
 *   FREE    id
 *   EVENT   event-type, then the event's fields (rh_trace_event) */
#define RH_TRACE_KINDS(X) X(MALLOC, 0) X(CALLOC, 1) X(REALLOC, 2) X(FREE, 3) X(EVENT, 7)
typedef enum rh_trace_kind {
#define X(n, v) RH_TR_##n = v,
    RH_TRACE_KINDS(X)
#undef X
} rh_trace_kind;

/* PEP 445 domains (tag bits 3-4), as PyMemAllocatorDomain numbers them. */
#define RH_TRACE_DOMAINS(X) X(RAW, 0, "raw") X(MEM, 1, "mem") X(OBJ, 2, "obj")
typedef enum rh_trace_domain {
#define X(n, v, s) RH_DOM_##n = v,
    RH_TRACE_DOMAINS(X)
#undef X
    RH_DOM_COUNT = 3
} rh_trace_domain;

/* Events: name, number, fields (RH_EVF_TEXT: a varint length + bytes; otherwise that many varints a, b, c),
 * the oldest format version that has it, and what the fields mean. */
enum { RH_EVF_TEXT = 0, RH_EVF_A = 1, RH_EVF_AB = 2, RH_EVF_ABC = 3 };
#define RH_TRACE_EVENTS(X)                                                                          \
    X(META, 1, RH_EVF_TEXT, 1, "text: key=value lines (python version, executable, argv, pid)")     \
    X(RSS, 2, RH_EVF_A, 1, "a: resident set size in KiB (/proc/self/statm)")                        \
    X(GC_START, 3, RH_EVF_A, 1, "a: generation")                                                    \
    X(GC_STOP, 4, RH_EVF_ABC, 1, "a: generation, b: collected, c: uncollectable")                   \
    X(MARK, 5, RH_EVF_TEXT, 1, "text: the label given to refheap.mark()")                           \
    X(STATS, 6, RH_EVF_TEXT, 1, "text: sys._debugmallocstats() output at exit (before finalization)") \
    X(END, 7, RH_EVF_ABC, 1, "a: exit status (zigzag), b: operations recorded, c: frees of unknown blocks") \
    X(ARENA_ALLOC, 8, RH_EVF_AB, 2, "a: address of an arena pymalloc obtained, b: its size")         \
    X(ARENA_FREE, 9, RH_EVF_AB, 2, "a: address of an arena pymalloc gave back, b: its size")
typedef enum rh_trace_event {
#define X(n, v, f, ver, d) RH_EV_##n = v,
    RH_TRACE_EVENTS(X)
#undef X
} rh_trace_event;

/* One decoded record. Strings are borrowed from the reader and valid until the next rh_trace_next. */
typedef struct rh_trace_rec {
    uint8_t kind, domain, event;
    uint64_t t_ns;      /* since the start of recording (the reader sums the deltas) */
    uint64_t id, id2;   /* MALLOC/CALLOC/FREE: id; REALLOC: id = old, id2 = new */
    uint64_t size;      /* MALLOC/REALLOC: size; CALLOC: elsize */
    uint64_t nelem;     /* CALLOC */
    uint64_t a, b, c;   /* event fields */
    const char *text;
    size_t textlen;
} rh_trace_rec;

/* ---- writer (the launcher). Not thread-safe: the caller serialises. */
typedef struct rh_trace_writer rh_trace_writer;
/* Create `path` and write the header. Returns NULL with a one-line reason in err. */
rh_trace_writer *rh_trace_writer_open(const char *path, int zstd_level, char *err, size_t errlen);
void rh_trace_put_op(rh_trace_writer *w, int kind, int domain, uint64_t t_ns, uint64_t id, uint64_t id2,
                     uint64_t size, uint64_t nelem);
void rh_trace_put_event(rh_trace_writer *w, int event, uint64_t t_ns, uint64_t a, uint64_t b, uint64_t c,
                        const char *text, size_t textlen);
/* Finish the zstd frame, close the file, free w. Returns 0, or -1 with a reason (an I/O error at any
 * point of the recording is reported here). compressed_bytes gets the file's size if not NULL. */
int rh_trace_writer_close(rh_trace_writer *w, uint64_t *compressed_bytes, char *err, size_t errlen);
/* For a forked child: free nothing, write nothing, never touch the parent's file again. */
void rh_trace_writer_abandon(rh_trace_writer *w);

/* ---- reader (replay) */
typedef struct rh_trace_reader rh_trace_reader;
/* Open and check the header. Returns NULL with "FILE: offset N: reason" in err. */
rh_trace_reader *rh_trace_reader_open(const char *path, char *err, size_t errlen);
/* 1: *rec filled; 0: the END record was read before and the stream is complete; -1: error (message by
 * rh_trace_error: "FILE: offset N: record K: reason"). After END, next returns 0. */
int rh_trace_next(rh_trace_reader *r, rh_trace_rec *rec);
const char *rh_trace_error(const rh_trace_reader *r);
/* Set an error at the current record (for semantic checks by the caller); returns -1. */
int rh_trace_fail(rh_trace_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
uint64_t rh_trace_records(const rh_trace_reader *r);      /* records returned so far */
uint64_t rh_trace_file_bytes(const rh_trace_reader *r);   /* compressed bytes consumed so far */
void rh_trace_reader_close(rh_trace_reader *r);

const char *rh_trace_event_name(int event);
const char *rh_trace_domain_name(int domain);

#endif
