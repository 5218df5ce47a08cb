/* mod_time.c — the time module's clocks and calendar conversions, native as CPython's (Modules/timemodule.c,
 * Python/pytime.c).
 *
 * Owns time, time_ns, perf_counter(_ns), monotonic(_ns), process_time(_ns), sleep, and gmtime, localtime,
 * mktime and strftime over time.struct_time (reference/src/t_structseq.c). Each clock is the
 * POSIX clock CPython reads on Linux (CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID) taken
 * as integer nanoseconds first; the float forms divide by 1e9 as _PyTime_AsSecondsDouble does.
 */
#define _DEFAULT_SOURCE /* glibc: POSIX 2008 and struct tm's tm_zone, tm_gmtoff */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
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

/* _PyTime_ObjectToTime_t (_PyTime_ROUND_FLOOR): None or nothing is now; an int or a float, floored */
static int time_arg(hx_interp *I, rh_object **a, int n, time_t *t) {
    if (n == 0 || a[0] == rh_none(I->rt)) {
        *t = time(NULL);
        return 0;
    }
    double d;
    if (rh_kind_of(a[0]) == RH_K_FLOAT) {
        d = floor(rh_float_value(a[0]));
        if (isnan(d)) { rh_err_set(I->rt, RH_EXC_VALUE, "Invalid value NaN (not a number)"); return -1; }
    } else if (hx_is_intlike(a[0])) {
        int64_t v;
        if (rh_int_as_i64(I->rt, a[0], &v)) { rh_err_clear(I->rt); d = HUGE_VAL; }
        else d = (double)v;
    } else {
        rh_err_set(I->rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(a[0]));
        return -1;
    }
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
        rh_err_set(I->rt, RH_EXC_OVERFLOW, "timestamp out of range for platform time_t");
        return -1;
    }
    *t = (time_t)d;
    return 0;
}

/* tmtotuple: a struct_time of tm (Python's months 1-12, Monday 0, yday from 1), zone and gmtoff hidden */
static rh_object *tm_to_struct(hx_interp *I, const struct tm *tm) {
    rh_runtime *rt = I->rt;
    int64_t iv[9] = {tm->tm_year + 1900LL, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
                     (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst};
    rh_object *v[11] = {NULL};
    int ok = 1;
    for (int i = 0; i < 9; i++) ok = ok && (v[i] = rh_int_from_i64(rt, iv[i])) != NULL;
    ok = ok && (v[9] = tm->tm_zone ? rh_str_from_cstr(rt, tm->tm_zone) : (rh_incref(rh_none(rt)), rh_none(rt))) != NULL;
    ok = ok && (v[10] = rh_int_from_i64(rt, tm->tm_gmtoff)) != NULL;
    rh_object *r = ok ? rh_structseq_new(rt, RH_SS_STRUCT_TIME, v) : NULL;
    for (int i = 0; i < 11; i++) rh_xdecref(rt, v[i]);
    return r;
}

static rh_object *convert(hx_interp *I, const char *fn, rh_object **a, int n, int nkw, int local) {
    if (nkw) { rh_err_set(I->rt, RH_EXC_TYPE, "%s() takes no keyword arguments", fn); return NULL; }
    if (n > 1) { rh_err_set(I->rt, RH_EXC_TYPE, "%s expected at most 1 argument, got %d", fn, n); return NULL; }
    time_t t;
    struct tm tm;
    if (time_arg(I, a, n, &t)) return NULL;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
        rh_err_set(I->rt, errno == EOVERFLOW ? RH_EXC_OVERFLOW : RH_EXC_OS, "timestamp out of range for platform time_t");
        return NULL;
    }
    return tm_to_struct(I, &tm);
}
FN(t_gmtime) { (void)self; (void)kwn; (void)kwv; return convert(I, "gmtime", a, n, nkw, 0); }
FN(t_localtime) { (void)self; (void)kwn; (void)kwv; return convert(I, "localtime", a, n, nkw, 1); }

/* gettmarg: a struct_time or a 9-tuple of ints back into a struct tm (Python's fields converted back) */
static int tuple_to_tm(hx_interp *I, const char *fn, rh_object *t, struct tm *tm) {
    rh_runtime *rt = I->rt;
    if (rh_kind_of(t) != RH_K_TUPLE) {
        rh_err_set(rt, RH_EXC_TYPE, "Tuple or struct_time argument required");
        return -1;
    }
    if (rh_tuple_len(t) != 9) {
        rh_err_set(rt, RH_EXC_TYPE, "%s(): illegal time tuple argument", fn);
        return -1;
    }
    int64_t v[9];
    for (size_t i = 0; i < 9; i++) {
        rh_object *x = rh_tuple_get(t, i);
        if (!hx_is_intlike(x)) {
            rh_err_set(rt, RH_EXC_TYPE, "'%s' object cannot be interpreted as an integer", hx_tname(x));
            return -1;
        }
        if (rh_int_as_i64(rt, x, &v[i]) || v[i] < INT32_MIN || v[i] > INT32_MAX) {
            rh_err_clear(rt);
            rh_err_set(rt, RH_EXC_OVERFLOW, "Python int too large to convert to C int");
            return -1;
        }
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(v[0] - 1900);
    tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    if (rh_type_of(t) == rh_structseq_type(rt, RH_SS_STRUCT_TIME)) { /* its hidden zone and offset */
        rh_object *zone = rh_structseq_hidden_item(t, 9), *off = rh_structseq_hidden_item(t, 10);
        int64_t g;
        if (zone && rh_kind_of(zone) == RH_K_STR) tm->tm_zone = rh_str_utf8(rt, zone, NULL);
        if (off && hx_is_intlike(off) && rh_int_as_i64(rt, off, &g) == 0) tm->tm_gmtoff = (long)g;
        rh_err_clear(rt);
    }
    return 0;
}

/* checktm + strftime's own bounds (time_strftime): month 1-12 ("month out of range") and so on; 0 months,
 * days and yday are accepted as 1 (strftime's "0 are accepted" rule) */
static int check_tm(hx_interp *I, struct tm *tm) {
    static const struct { int lo, hi; const char *what; } b[] = {{0, 11, "month"}, {1, 31, "day of month"},
        {0, 23, "hour"}, {0, 61, "seconds"}, {0, 6, "day of week"}, {0, 365, "day of year"}};
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    if (tm->tm_mday == 0) tm->tm_mday = 1;
    if (tm->tm_yday == -1) tm->tm_yday = 0;
    int vals[6] = {tm->tm_mon, tm->tm_mday, tm->tm_hour, tm->tm_sec, tm->tm_wday, tm->tm_yday};
    for (int i = 0; i < 6; i++)
        if (vals[i] < b[i].lo || vals[i] > b[i].hi) {
            rh_err_set(I->rt, RH_EXC_VALUE, "%s out of range", b[i].what);
            return -1;
        }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        rh_err_set(I->rt, RH_EXC_VALUE, "minute out of range");
        return -1;
    }
    if (tm->tm_wday < 0) tm->tm_wday += 7;
    if (tm->tm_isdst < -1) tm->tm_isdst = -1;
    else if (tm->tm_isdst > 1) tm->tm_isdst = 1;
    return 0;
}

/* time_strftime(format, tuple=localtime()): the C library's strftime into a growing buffer */
FN(t_strftime) {
    (void)self; (void)kwn; (void)kwv;
    rh_runtime *rt = I->rt;
    if (nkw) { rh_err_set(rt, RH_EXC_TYPE, "strftime() takes no keyword arguments"); return NULL; }
    if (n < 1 || n > 2) {
        rh_err_set(rt, RH_EXC_TYPE, "strftime expected %s 2 arguments, got %d", n < 1 ? "at least" : "at most", n);
        if (n < 1) rh_err_set(rt, RH_EXC_TYPE, "strftime expected at least 1 argument, got 0");
        return NULL;
    }
    if (rh_kind_of(a[0]) != RH_K_STR) {
        rh_err_set(rt, RH_EXC_TYPE, "strftime() argument 1 must be str, not %s", hx_tname(a[0]));
        return NULL;
    }
    struct tm tm;
    if (n == 2) {
        if (tuple_to_tm(I, "strftime", a[1], &tm) || check_tm(I, &tm)) return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    size_t flen;
    const char *fmt = rh_str_utf8(rt, a[0], &flen);
    if (!fmt) return NULL;
    if (strlen(fmt) != flen) {
        rh_err_set(rt, RH_EXC_VALUE, "embedded null character");
        return NULL;
    }
    for (size_t cap = 1024 + 4 * flen;; cap *= 2) { /* 256 * fmtlen is CPython's limit on growth */
        char *buf = malloc(cap);
        if (!buf) { rh_err_nomemory(rt); return NULL; }
        size_t k = strftime(buf, cap, fmt, &tm);
        if (k > 0 || flen == 0 || cap > 256 * flen + 1024) {
            rh_object *r = rh_str_from_utf8(rt, buf, k);
            free(buf);
            return r;
        }
        free(buf);
    }
}

/* time_mktime: the local time tuple back to seconds since the epoch, a float */
FN(t_mktime) {
    (void)self; (void)kwn; (void)kwv;
    if (nkw || n != 1) {
        rh_err_set(I->rt, RH_EXC_TYPE, nkw ? "time.mktime() takes no keyword arguments"
                                           : "time.mktime() takes exactly one argument (%d given)", n);
        return NULL;
    }
    struct tm tm;
    if (tuple_to_tm(I, "mktime", a[0], &tm)) return NULL;
    tm.tm_wday = -1; /* sentinel; original value ignored */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        rh_err_set(I->rt, RH_EXC_OVERFLOW, "mktime argument out of range");
        return NULL;
    }
    return rh_float_new(I->rt, (double)t);
}

#define D(nm) {#nm, (void (*)(void))t_##nm, 0}
static const rh_builtin_def time_defs[] = {
    D(time), D(time_ns), D(perf_counter), D(perf_counter_ns), D(monotonic), D(monotonic_ns), D(process_time),
    D(process_time_ns), D(thread_time), D(thread_time_ns), D(sleep), D(gmtime), D(localtime), D(strftime), D(mktime),
    {NULL, NULL, 0}};

rh_object *hx_module_time(hx_interp *I) {
    rh_object *m = hx_make_module(I, "time", time_defs);
    if (m && rh_dict_set_cstr(I->rt, rh_module_dict(m), "struct_time", (rh_object *)rh_structseq_type(I->rt, RH_SS_STRUCT_TIME))) {
        rh_decref(I->rt, m);
        return NULL;
    }
    return m;
}
