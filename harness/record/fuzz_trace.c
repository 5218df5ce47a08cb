/* fuzz_trace.c — libFuzzer entry point: any byte string as a trace file must decode to records or to one
 * clear error, never crash or hang (build: harness/fuzz/fuzz.cmake; run: `make fuzz`, scripts/fuzz.sh).
 *
 * Two kinds of input, so that mutations reach the record decoder and not only zstd's frame checks:
 *   - starting with the magic "RHTRACE\n": the whole trace file as it is (header and zstd frame);
 *   - anything else: an uncompressed record stream, which the entry point puts behind a valid header and
 *     compresses into one zstd frame (scripts/fuzz.sh seeds these from real traces, decompressed). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zstd.h>

#include "trace.h"

/* One compression context and one memfd per process, reused for every input: a fresh ZSTD_CCtx and a
 * temporary file per input cost more than the decoding under test. */
static ZSTD_CCtx *cctx;
static int src_fd = -1;
static char src_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    cctx = ZSTD_createCCtx();
    src_fd = memfd_create("refheap-fuzz.rht", 0);
    if (!cctx || src_fd < 0) abort();
    snprintf(src_path, sizeof src_path, "/proc/self/fd/%d", src_fd);
    return 0;
}

static size_t wrap(const uint8_t *data, size_t size, uint8_t **out) {
    size_t cap = RH_TRACE_HEADER_SIZE + ZSTD_compressBound(size);
    uint8_t *buf = malloc(cap);
    if (!buf) return 0;
    memcpy(buf, RH_TRACE_MAGIC, 8);
    uint32_t v = RH_TRACE_VERSION, flags = 0;
    for (int i = 0; i < 4; i++) buf[8 + i] = (uint8_t)(v >> (8 * i)), buf[12 + i] = (uint8_t)(flags >> (8 * i));
    size_t n = ZSTD_compressCCtx(cctx, buf + RH_TRACE_HEADER_SIZE, cap - RH_TRACE_HEADER_SIZE, data, size, 1);
    if (ZSTD_isError(n)) { free(buf); return 0; }
    *out = buf;
    return RH_TRACE_HEADER_SIZE + n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t *wrapped = NULL;
    if (size < 8 || memcmp(data, RH_TRACE_MAGIC, 8) != 0) {
        size = wrap(data, size, &wrapped);
        if (!wrapped) return 0;
        data = wrapped;
    }
    ssize_t w = -1;
    if (ftruncate(src_fd, 0) == 0) w = pwrite(src_fd, data, size, 0);
    free(wrapped);
    if (w != (ssize_t)size) return 0;
    char err[600];
    rh_trace_reader *r = rh_trace_reader_open(src_path, err, sizeof err);
    if (r) {
        rh_trace_rec rec;
        /* A small zstd frame can expand to megabytes of identical records; past the first 64 Ki records
         * an input only repeats paths already taken, so the cap buys executions, not lost coverage. */
        for (long n = 0; n < 65536 && rh_trace_next(r, &rec) == 1; n++) {}
        rh_trace_reader_close(r);
    }
    return 0;
}
