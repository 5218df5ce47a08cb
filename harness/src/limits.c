/* limits.c — the watchdog behind `refheap run --max-rss MB --timeout S`, so that a hostile workload cannot
 * take the machine: one detached thread samples the resident set size (/proc/self/statm, as the report
 * does) and the wall clock every 10 ms, and ends the process when either passes its limit.
 *
 * Owns: the watchdog thread and its two limits (set once before it starts, read-only after).
 * Why a thread and not setrlimit: RLIMIT_AS / RLIMIT_DATA count address space, not resident memory, and
 * would break the sanitizer build (ASan reserves terabytes of shadow); SIGALRM would interrupt the VM at
 * an arbitrary instruction. The VM is never touched: the watchdog ends the process with _exit, after
 * flushing the program's stdout if no other thread holds it, so stdout holds a prefix of the output.
 * A memory limit that raises a clean MemoryError instead is --max-heap (the fault-injection allocator).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "limits.h"

static long long rss_limit_kb;
static double time_limit_s;
static struct timespec started;

static long long rss_kb(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return 0;
    long long size = 0, resident = 0;
    int n = fscanf(f, "%lld %lld", &size, &resident);
    fclose(f);
    return n == 2 ? resident * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

static double elapsed_s(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - started.tv_sec) + (double)(now.tv_nsec - started.tv_nsec) / 1e9;
}

static void stop(const char *what) {
    if (ftrylockfile(stdout) == 0) fflush_unlocked(stdout); /* never wait for the program's thread */
    char msg[160];
    int n = snprintf(msg, sizeof msg, "refheap: stopped: %s\n", what);
    if (n > 0 && write(2, msg, (size_t)n) < 0) {}
    _exit(RH_EXIT_LIMIT);
}

static void *watch(void *arg) {
    (void)arg;
    char what[120];
    for (;;) {
        struct timespec tick = {0, 10 * 1000 * 1000};
        nanosleep(&tick, NULL);
        long long kb = rss_limit_kb ? rss_kb() : 0;
        if (rss_limit_kb && kb > rss_limit_kb) {
            snprintf(what, sizeof what, "resident set size %lld MB above --max-rss %lld", kb >> 10, rss_limit_kb >> 10);
            stop(what);
        }
        if (time_limit_s > 0 && elapsed_s() > time_limit_s) {
            snprintf(what, sizeof what, "running longer than --timeout %g s", time_limit_s);
            stop(what);
        }
    }
    return NULL;
}

int rh_limits_start(long long max_rss_mb, double timeout_s) {
    if (max_rss_mb <= 0 && timeout_s <= 0) return 0;
    rss_limit_kb = max_rss_mb > 0 ? max_rss_mb << 10 : 0;
    time_limit_s = timeout_s;
    clock_gettime(CLOCK_MONOTONIC, &started);
    pthread_t t;
    if (pthread_create(&t, NULL, watch, NULL) != 0) return -1;
    pthread_detach(t);
    return 0;
}
