/* fuzz_cli.c — libFuzzer entry points over the whole `refheap run` sequence of main.c, built twice
 * (harness/fuzz/fuzz.cmake):
 *   fuzz_compile  (RH_FUZZ_RUN 0)  source text -> lexer, parser, resolver, compiler: `refheap run --dis`
 *   fuzz_run      (RH_FUZZ_RUN 1)  source text -> the full run, with per-input caps
 *
 * main.c is compiled into the fuzzer with main renamed (-Dmain=rh_cli_main), so the fuzzer exercises the
 * exact start-up, error reporting and teardown of the command line, and a finding replays with the
 * normal binary and the same options (conformance/fuzz/, ctest label fuzz). The input reaches the CLI
 * as a file: one memfd per process, rewritten for every input, named /proc/self/fd/N.
 *
 * Caps of fuzz_run, so that a long program is not a finding: object-allocator requests beyond
 * RH_FUZZ_HEAP_MB of live bytes fail (--max-heap), and after RH_FUZZ_ALLOCS requests every request fails
 * (--fail-alloc N --fail-alloc-sticky): both end the program with a MemoryError. Recursion stops at the
 * VM's own call-depth limit (RecursionError). A loop that allocates nothing is caught by libFuzzer's
 * -timeout, which `make fuzz` runs in fork mode with timeouts ignored (scripts/fuzz.sh).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <fcntl.h>

#ifndef RH_FUZZ_RUN
#define RH_FUZZ_RUN 1
#endif
#define RH_FUZZ_HEAP_MB "64"
#define RH_FUZZ_ALLOCS "20000"

int rh_cli_main(int argc, char **argv);

static int src_fd = -1;
static char src_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    src_fd = memfd_create("refheap-fuzz.py", 0);
    if (src_fd < 0) abort();
    snprintf(src_path, sizeof src_path, "/proc/self/fd/%d", src_fd);
    /* no standard library: `import re` would compile Lib's re, enum, types ... at every input (seconds under
     * ASan, hitting -timeout) though that text never changes; native modules stay importable. A campaign
     * that wants Lib sets REFHEAP_STDLIB itself. */
    setenv("REFHEAP_STDLIB", "", 0);
    int null = open("/dev/null", O_WRONLY);   /* the program's stdout is not the fuzzer's business */
    if (null >= 0) { dup2(null, 1); close(null); }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (ftruncate(src_fd, 0) != 0 || pwrite(src_fd, data, size, 0) != (ssize_t)size) return 0;
#if RH_FUZZ_RUN
    char *argv[] = {"refheap", "run", src_path, "--max-heap", RH_FUZZ_HEAP_MB, "--fail-alloc", RH_FUZZ_ALLOCS,
                    "--fail-alloc-sticky", NULL};
#else
    char *argv[] = {"refheap", "run", src_path, "--dis", NULL};
#endif
    int argc = (int)(sizeof argv / sizeof argv[0]) - 1;
    /* 0 ok, 1 uncaught exception, 2 bad input, and any int a program passes to sys.exit (main.c uncaught,
     * as handle_system_exit): the status proves nothing; a crash, a sanitizer report or a leak is the finding */
    (void)rh_cli_main(argc, argv);
    return 0;
}
