/* rh_fixtures.h — fixtures shared by the unit tests (conformance/unit/test_*.c): a counting, failing
 * libc-backed allocator, runtime constructors, and small probes (live objects, gc count0, int value).
 *
 * Like rh_test.h this header never allocates for itself: its state is static storage (one copy per test
 * executable; cases run one at a time), and the allocator below only forwards the runtime's own requests
 * to libc. Everything is static or static inline, so a test file pays only for what it uses.
 * Files that need a behaviour of their own (hooks, an allocator by name, extra bookkeeping) wrap these in
 * a small local function rather than copying them.
 */
#ifndef RH_FIXTURES_H
#define RH_FIXTURES_H
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/refheap.h"

/* ---- the failing allocator ----------------------------------------------------------------------
 * What it is for: driving the MemoryError paths of object constructors. It is malloc/calloc/realloc/free
 * from libc behind an rh_allocator table, plus a counter: every malloc, calloc and realloc is one request,
 * numbered from 1; once fail_from is non-zero, the request numbered fail_from and every later one returns
 * NULL (free always works). Tests arm it by writing fa.fail_from (e.g. fa.requests + 1: "the next request
 * fails"), or with rh_fx_fail_after(n): "the first n requests from now succeed, the rest fail".
 * max_request records the largest byte count asked for (failed requests included), so a test can check
 * that no oversized request reached the allocator at all.
 * refuse_overflow chooses how a calloc whose count * size overflows is treated: 1 refuses it up front
 * without counting it as a request (an overflow is not a request for memory); 0 counts it like any other
 * and lets libc's calloc refuse it. Zero-byte requests are served as one byte (a distinct non-NULL
 * pointer, as PEP 445 asks of an allocator). */
typedef struct rh_fx_fa_state {
    uint64_t requests;  /* malloc/calloc/realloc calls so far */
    uint64_t fail_from; /* 0: never fail; else requests numbered >= fail_from return NULL */
    size_t max_request; /* largest request in bytes */
    int refuse_overflow;
} rh_fx_fa_state;
static rh_fx_fa_state fa;

/* Count one request of n bytes; 1 if it must fail. */
static inline int rh_fx_fa_fail(size_t n) {
    fa.requests++;
    if (n > fa.max_request) fa.max_request = n;
    return fa.fail_from && fa.requests >= fa.fail_from;
}
static inline void *rh_fx_fa_malloc(void *c, size_t n) {
    (void)c;
    return rh_fx_fa_fail(n) ? NULL : malloc(n ? n : 1);
}
static inline void *rh_fx_fa_calloc(void *c, size_t a, size_t b) {
    (void)c;
    int overflow = b && a > SIZE_MAX / b;
    if (overflow && fa.refuse_overflow) return NULL;
    return rh_fx_fa_fail(overflow ? SIZE_MAX : a * b) ? NULL : calloc(a ? a : 1, b ? b : 1);
}
static inline void *rh_fx_fa_realloc(void *c, void *p, size_t o, size_t n) {
    (void)c, (void)o;
    return rh_fx_fa_fail(n) ? NULL : realloc(p, n ? n : 1);
}
static inline void rh_fx_fa_free(void *c, void *p, size_t n) { (void)c, (void)n; free(p); }

/* The failing allocator's table, with its counters reset and nothing armed. */
static inline rh_allocator rh_fx_failing_allocator(int refuse_overflow) {
    memset(&fa, 0, sizeof fa);
    fa.refuse_overflow = refuse_overflow;
    return (rh_allocator){RH_ALLOCATOR_ABI_VERSION, sizeof(rh_allocator), "failing", NULL, rh_fx_fa_malloc,
                          rh_fx_fa_calloc, rh_fx_fa_realloc, rh_fx_fa_free, NULL, NULL, NULL};
}

/* Restart the count: the next `allowed` requests succeed, every later one fails; UINT64_MAX: none fails. */
static inline void rh_fx_fail_after(uint64_t allowed) {
    fa.requests = 0;
    fa.fail_from = allowed + 1; /* UINT64_MAX + 1 wraps to 0, "never" */
}

/* ---- runtimes -------------------------------------------------------------------------------------
 * What they are for: every test starts from a fresh runtime. rh_fx_runtime_new is the general form:
 * profile by name (NULL: the default, py311), an allocator table or NULL for the default (pymalloc),
 * hooks or NULL, and gc_off to disable automatic collection (for tests that observe count0 or object
 * counts exactly, or that build long chains where collections would only add time). On failure it
 * prints the runtime's reason to stderr and returns NULL (the test's own check then fails). */
static inline rh_runtime *rh_fx_runtime_new(const char *profile, const rh_allocator *alloc, const rh_hooks *hooks,
                                            int gc_off) {
    rh_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.profile = rh_profile_get(profile);
    if (alloc) cfg.allocator = *alloc;
    if (hooks) cfg.hooks = *hooks;
    char err[256] = "";
    rh_runtime *rt = rh_runtime_new(&cfg, err, sizeof err);
    if (!rt) fprintf(stderr, "  runtime (%s): %s\n", profile ? profile : "default", err);
    if (rt && gc_off) rh_gc_disable(rt);
    return rt;
}

/* A runtime on the default allocator, collector as configured by the profile. */
static inline rh_runtime *rh_fx_runtime(const char *profile) { return rh_fx_runtime_new(profile, NULL, NULL, 0); }

/* A runtime on the failing allocator (counters reset, nothing armed; see refuse_overflow above). */
static inline rh_runtime *rh_fx_failing_runtime(const char *profile, int refuse_overflow, int gc_off) {
    rh_allocator a = rh_fx_failing_allocator(refuse_overflow);
    return rh_fx_runtime_new(profile, &a, NULL, gc_off);
}

/* A runtime on the failing allocator armed before the runtime exists: the first `allowed` requests from
 * its creation on succeed, every later one fails (UINT64_MAX: none fails); an overflowing calloc counts
 * as a request; the collector as the profile sets it. For "what happens when memory runs out at once". */
static inline rh_runtime *rh_fx_runtime_failing_after(const char *profile, uint64_t allowed) {
    rh_allocator a = rh_fx_failing_allocator(0);
    rh_fx_fail_after(allowed);
    return rh_fx_runtime_new(profile, &a, NULL, 0);
}

/* ---- probes ---------------------------------------------------------------------------------------- */

/* Live objects of the runtime (rh_object_counts live_total): a test records it at the start and checks
 * it again at the end, so any leak or double free shows as a different number. */
static inline uint64_t live(rh_runtime *rt) {
    rh_object_counts c;
    rh_object_counts_get(rt, &c);
    return c.live_total;
}

/* The int value of attribute `name` (a str) of o, or `missing` when o has none (the error is left set).
 * What it is for: __del__ hooks that record which numbered instance is being finalized. */
static inline int64_t rh_fx_attr_i64(rh_runtime *rt, rh_object *o, rh_object *name, int64_t missing) {
    int64_t n = missing;
    rh_object *v = rh_getattr(rt, o, name);
    if (v) {
        rh_int_as_i64(rt, v, &n);
        rh_decref(rt, v);
    }
    return n;
}

/* ns["__slots__"] = a tuple of new strs from the NULL-terminated names. What it is for: class builders
 * that declare __slots__ in the namespace they pass to rh_class_new. */
static inline void rh_fx_set_slots(rh_runtime *rt, rh_object *ns, const char *const *names) {
    size_t n = 0;
    while (names[n]) n++;
    rh_object *t = rh_tuple_new(rt, n);
    for (size_t i = 0; i < n; i++) rh_tuple_set(t, i, rh_str_from_cstr(rt, names[i]));
    rh_dict_set_cstr(rt, ns, "__slots__", t);
    rh_decref(rt, t);
}

/* Generation-0 count (gc.get_count()[0]): allocations minus deallocations of tracked objects. */
static inline int count0(rh_runtime *rt) {
    int c[3];
    rh_gc_get_count(rt, c);
    return c[0];
}

/* The value of an int object, or -999 when o is NULL or not representable (a value no test expects). */
static inline int64_t ival(rh_runtime *rt, rh_object *o) {
    int64_t v = -999;
    if (o) rh_int_as_i64(rt, o, &v);
    return v;
}


/* ---- build facts -------------------------------------------------------------------------------------
 * asan_build: 1 in an AddressSanitizer build. What it is for: skipping, with the reason, cases that cannot
 * run under ASan (LD_PRELOAD of another malloc cannot be combined with ASan's). */
static inline int asan_build(void) {
#ifdef __SANITIZE_ADDRESS__
    return 1;
#else
    return 0;
#endif
}

/* ---- result checks (opt-in: #define RH_FX_RESULT_CHECKS before the #include) -------------------------
 * What they are for: checking a constructor or operator result in one RH_CHECK, by its repr or by the
 * exact error it raised. Both consume o (a new reference or NULL) and print what they got on mismatch.
 * Opt-in because some files keep differently shaped checks under the same names. */
#ifdef RH_FX_RESULT_CHECKS
/* o is non-NULL and repr(o) == want; a NULL o prints the pending error and clears it. */
static inline int repr_is(rh_runtime *rt, rh_object *o, const char *want) {
    if (!o) {
        fprintf(stderr, "  NULL (%s: %s), wanted %s\n", rh_exc_name(rh_err_occurred(rt)), rh_err_message(rt), want);
        rh_err_clear(rt);
        return 0;
    }
    rh_object *r = rh_repr(rt, o);
    int ok = r && strcmp(rh_str_utf8(rt, r, NULL), want) == 0;
    if (!ok) fprintf(stderr, "  repr %s, wanted %s\n", r ? rh_str_utf8(rt, r, NULL) : "(null)", want);
    rh_xdecref(rt, r);
    rh_decref(rt, o);
    return ok;
}
/* o is NULL and the pending error is exactly (kind, msg); the error is cleared either way. */
static inline int error_is(rh_runtime *rt, rh_object *o, rh_exc kind, const char *msg) {
    int ok = o == NULL && rh_err_occurred(rt) == kind && strcmp(rh_err_message(rt), msg) == 0;
    if (!ok) fprintf(stderr, "  got %s: '%s', wanted %s: '%s'\n", rh_exc_name(rh_err_occurred(rt)),
                     rh_err_message(rt), rh_exc_name(kind), msg);
    rh_xdecref(rt, o);
    rh_err_clear(rt);
    return ok;
}
#endif

/* ---- the kept pool (opt-in: #define RH_FX_KEPT_POOL before the #include) ------------------------------
 * What it is for: tests that build many small operands inline, e.g. rh_binop(rt, op, S(rt, "a"), I(rt, 1)).
 * K(o) records a new reference in a static pool (512 entries; beyond that it is not recorded, and the leak
 * shows in live()) and returns it; release_all drops every recorded reference, last first. S, I, F make a
 * kept str, int, float; T and L a kept tuple and list of n borrowed items. Opt-in because of the
 * one-letter names. */
#ifdef RH_FX_KEPT_POOL
static rh_object *kept[512];
static int nkept;
static inline rh_object *K(rh_object *o) {
    if (o && nkept < 512) kept[nkept++] = o;
    return o;
}
static inline void release_all(rh_runtime *rt) {
    while (nkept) rh_decref(rt, kept[--nkept]);
}
static inline rh_object *S(rh_runtime *rt, const char *s) { return K(rh_str_from_cstr(rt, s)); }
static inline rh_object *I(rh_runtime *rt, int64_t v) { return K(rh_int_from_i64(rt, v)); }
static inline rh_object *F(rh_runtime *rt, double v) { return K(rh_float_new(rt, v)); }
/* A new tuple (is_list 0) or list (1) of n items, each a new reference to a borrowed item from the
 * variadic list; kept. T(rt, n, items...) and L(rt, n, items...) spell it. */
static inline rh_object *rh_fx_kept_sequence(rh_runtime *rt, int is_list, size_t n, ...) {
    va_list ap;
    va_start(ap, n);
    rh_object *s = is_list ? rh_list_new(rt, n) : rh_tuple_new(rt, n);
    for (size_t i = 0; s && i < n; i++) {
        rh_object *it = va_arg(ap, rh_object *);
        rh_incref(it);
        if (is_list) rh_list_set_init(s, i, it);
        else rh_tuple_set(s, i, it);
    }
    va_end(ap);
    return K(s);
}
#define T(rt, ...) rh_fx_kept_sequence((rt), 0, __VA_ARGS__)
#define L(rt, ...) rh_fx_kept_sequence((rt), 1, __VA_ARGS__)
#endif

#endif
