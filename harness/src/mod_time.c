/* mod_time.c — the time module's clocks, native as CPython's (Modules/timemodule.c, Python/pytime.c).
 *
 * Owns time, time_ns, perf_counter(_ns), monotonic(_ns), process_time(_ns) and sleep. Each clock is the
 * POSIX clock CPython reads on Linux (CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID) taken
 * as integer nanoseconds first; the float forms divide by 1e9 as _PyTime_AsSecondsDouble does.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <time.h>

#include "interp.h"

#define FN(name) static rh_object *name(hx_interp *I, rh_object *self, rh_object **a, int n, char **kwn, rh_object **kwv, int nkw)

static int noargs(hx_interp *I, const char *fn, int n, int nkw) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "time.%s() takes no keyword arguments", fn); return -1; }
    if (n) { rh_err_set(I->rt, RH_EXC_TYPE, "time.%s() takes no arguments (%d given)", fn, n); return -1; }
    return 0;
}

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define CLOCK_FN(name, id)                                                                         \
    FN(t_##name) {                                                                                 \
        (void)self; (void)a; (void)kwn; (void)kwv;                                                 \
        if (noargs(I, #name, n, nkw)) return NULL;                                                 \
        return rh_float_new(I->rt, (double)clock_ns(id) / 1e9);                                    \
    }                                                                                              \
    FN(t_##name##_ns) {                                                                            \
        (void)self; (void)a; (void)kwn; (void)kwv;                                                 \
        if (noargs(I, #name "_ns", n, nkw)) return NULL;                                           \
        return rh_int_from_i64(I->rt, clock_ns(id));                                               \
    }
CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FN(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* time_sleep: a float or int of seconds, never negative; resumed after signals until the deadline */
FN(t_sleep) {
    (void)self; (void)kwn; (void)kwv;
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "time.sleep() takes no keyword arguments"); return NULL; }
    if (n != 1) { rh_err_set(I->rt, RH_EXC_TYPE, "time.sleep() takes exactly one argument (%d given)", n); return NULL; }
    double s;
    if (rh_kind_of(a[0]) == RH_K_FLOAT) s = rh_float_value(a[0]);
    else if (rh_kind_of(a[0]) == RH_K_INT || rh_kind_of(a[0]) == RH_K_BOOL) { if (rh_int_as_double(I->rt, a[0], &s)) return NULL; }
    else { rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(a[0])); return NULL; }
    if (isnan(s)) { rh_err_set(I->rt, RH_EXC_VALUE, "Invalid value NaN (not a number)"); return NULL; }
    if (s < 0) { rh_err_set(I->rt, RH_EXC_VALUE, "sleep length must be non-negative"); return NULL; }
    struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
    rh_object *none = rh_none(I->rt);
    rh_incref(none);
    return none;
}

#define D(nm) {#nm, (void (*)(void))t_##nm, 0}
static const rh_builtin_def time_defs[] = {
    D(time), D(time_ns), D(perf_counter), D(perf_counter_ns), D(monotonic), D(monotonic_ns), D(process_time),
    D(process_time_ns), D(thread_time), D(thread_time_ns), D(sleep), {NULL, NULL, 0}};

rh_object *hx_module_time(hx_interp *I) { return hx_make_module(I, "time", time_defs); }
