/* rh_test.h — a tiny test framework that never allocates (so it cannot disturb an allocator under test).
 *
 * Why not cmocka/Check/CUnit: they allocate from malloc for their own bookkeeping, and several suites here
 * run with jemalloc/tcmalloc preloaded as malloc and count that allocator's traffic. This header uses only
 * static storage and stdio writes to an unbuffered stream.
 *
 * Usage:
 *     RH_TEST(name) { RH_CHECK(x == 1); RH_CHECK_EQ_U(a, b); }
 *     RH_TEST_MAIN()        // argv[1] = case name runs one case; no argument runs all; --list lists
 * CMake registers every RH_TEST(name) as its own ctest case (conformance/CMakeLists.txt scans the source).
 * A failing check prints file:line and the expression, marks the case failed and returns from it.
 */
#ifndef RH_TEST_H
#define RH_TEST_H
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*rh_test_fn)(void);
typedef struct rh_test_case { const char *name; rh_test_fn fn; } rh_test_case;

#define RH_TEST_MAX 256
static rh_test_case rh_test_cases_[RH_TEST_MAX];
static int rh_test_ncases_;
static int rh_test_failed_;
/* extra argv for suites parameterised by the command line (e.g. the allocator name) */
static int rh_test_argc_;
static char **rh_test_argv_;

#define RH_TEST(name)                                                                 \
    static void rh_test_##name(void);                                                 \
    __attribute__((constructor)) static void rh_test_reg_##name(void) {               \
        if (rh_test_ncases_ < RH_TEST_MAX)                                            \
            rh_test_cases_[rh_test_ncases_++] = (rh_test_case){#name, rh_test_##name}; \
    }                                                                                 \
    static void rh_test_##name(void)

#define RH_FAIL_(fmt, ...)                                                            \
    do {                                                                              \
        fprintf(stderr, "%s:%d: check failed: " fmt "\n", __FILE__, __LINE__, __VA_ARGS__); \
        rh_test_failed_ = 1;                                                          \
        return;                                                                       \
    } while (0)
#define RH_CHECK(expr) do { if (!(expr)) RH_FAIL_("%s", #expr); } while (0)
#define RH_CHECK_MSG(expr, ...) do { if (!(expr)) { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); RH_FAIL_("%s", #expr); } } while (0)
#define RH_CHECK_EQ_U(a, b)                                                           \
    do {                                                                              \
        uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b);                              \
        if (a_ != b_) RH_FAIL_("%s == %s (%" PRIu64 " != %" PRIu64 ")", #a, #b, a_, b_); \
    } while (0)
#define RH_CHECK_EQ_I(a, b)                                                           \
    do {                                                                              \
        int64_t a_ = (int64_t)(a), b_ = (int64_t)(b);                                 \
        if (a_ != b_) RH_FAIL_("%s == %s (%" PRId64 " != %" PRId64 ")", #a, #b, a_, b_); \
    } while (0)
#define RH_CHECK_STR(a, b)                                                            \
    do {                                                                              \
        const char *a_ = (a), *b_ = (b);                                              \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) RH_FAIL_("%s == %s (\"%s\" != \"%s\")", #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    } while (0)
/* Skip the current case (ctest sees exit code 77 = skipped). */
#define RH_SKIP(why) do { fprintf(stderr, "SKIP: %s\n", why); exit(77); } while (0)

static int rh_test_run_one_(const rh_test_case *c) {
    rh_test_failed_ = 0;
    c->fn();
    fprintf(stderr, "%s %s\n", rh_test_failed_ ? "FAIL" : "ok  ", c->name);
    return rh_test_failed_;
}

static int rh_test_main_(int argc, char **argv) {
    setvbuf(stderr, NULL, _IONBF, 0);
    rh_test_argc_ = argc;
    rh_test_argv_ = argv;
    if (argc > 1 && strcmp(argv[1], "--list") == 0) {
        for (int i = 0; i < rh_test_ncases_; i++) printf("%s\n", rh_test_cases_[i].name);
        return 0;
    }
    int failures = 0, ran = 0;
    for (int i = 0; i < rh_test_ncases_; i++) {
        if (argc > 1 && strcmp(argv[1], "all") != 0 && strcmp(argv[1], rh_test_cases_[i].name) != 0) continue;
        failures += rh_test_run_one_(&rh_test_cases_[i]);
        ran++;
    }
    if (ran == 0) { fprintf(stderr, "no test case named %s\n", argc > 1 ? argv[1] : "(none)"); return 2; }
    return failures ? 1 : 0;
}
#define RH_TEST_MAIN() int main(int argc, char **argv) { return rh_test_main_(argc, argv); }
#endif
