/* fuzz_trace.c — libFuzzer entry point: any byte string as a trace file must decode to records or to one
 * clear error, never crash or hang (build: see record.cmake; run: build-fuzz/fuzz_trace corpus/). */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[] = "/tmp/refheap-fuzz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    if (write(fd, data, size) != (ssize_t)size) { close(fd); unlink(path); return 0; }
    close(fd);
    char err[600];
    rh_trace_reader *r = rh_trace_reader_open(path, err, sizeof err);
    if (r) {
        rh_trace_rec rec;
        while (rh_trace_next(r, &rec) == 1) {}
        rh_trace_reader_close(r);
    }
    unlink(path);
    return 0;
}
