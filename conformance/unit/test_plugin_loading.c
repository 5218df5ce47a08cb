/* test_plugin_loading.c — how allocators get into the process: user plug-ins by path (dlopen, the
 * rh_allocator_plugin_init symbol, the ABI checks, unloading) and the LD_PRELOAD built-ins (re-exec and
 * verification).
 *
 * Arguments (special.cmake): argv[2] the example plug-in (examples/plugin/bump_plugin.c), argv[3] the
 * directory holding the fixture plug-ins built from unit/plugin_fixture.c.
 * The shape being checked is PEP 445's (PyMemAllocatorEx, Include/cpython/pymem.h): one table of ctx +
 * callbacks, versioned here with abi_version/struct_size, refused with a precise reason when it does not fit.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refheap/refheap.h"
#include "rh_test.h"
#include "rh_fixtures.h"

static const char *example_path(void) { return rh_test_argc_ > 2 ? rh_test_argv_[2] : "(missing argument)"; }

static const char *fixture(const char *kind) {
    static char path[4096];
    snprintf(path, sizeof path, "%s/rh_fixture_plugin_%s.so", rh_test_argc_ > 3 ? rh_test_argv_[3] : ".", kind);
    return path;
}

static int loaded(const char *path) {
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
    if (h) dlclose(h);
    return h != NULL;
}

/* Loading by path gives the plug-in's own table behind the registry's wrapper; destroy unloads it. */
RH_TEST(example_plugin_loads_by_path_and_unloads_on_destroy) {
    rh_allocator a;
    char err[512] = "";
    RH_CHECK(!loaded(example_path()));
    RH_CHECK_MSG(rh_allocator_create(&a, example_path(), NULL, err, sizeof err) == 0, "%s", err);
    RH_CHECK_STR(a.name, "bump");
    RH_CHECK_EQ_U(a.abi_version, RH_ALLOCATOR_ABI_VERSION);
    RH_CHECK(a.trim && a.stats && a.destroy);
    RH_CHECK(loaded(example_path()));
    void *p = a.malloc(a.ctx, 100);
    RH_CHECK(p);
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    RH_CHECK(f);
    RH_CHECK(rh_allocator_stats_json(&a, f) == 0);
    fclose(f);
    RH_CHECK_MSG(strstr(text, "\"plugin\":") && strstr(text, "\"allocs\":1,") &&
                     strstr(text, "\"bytes_requested\":100,"), "%s", text);
    free(text);
    a.free(a.ctx, p, 0);
    rh_allocator_destroy(&a);
    RH_CHECK(!loaded(example_path()));
    RH_CHECK(a.malloc == NULL); /* the table was cleared */
}

RH_TEST(bad_path_fails_naming_the_path) {
    rh_allocator a;
    char err[512] = "";
    RH_CHECK(rh_allocator_create(&a, "/nonexistent/refheap/libnothing.so", NULL, err, sizeof err) == -1);
    RH_CHECK_MSG(strstr(err, "/nonexistent/refheap/libnothing.so") != NULL, "message: %s", err);
    RH_CHECK_MSG(strstr(err, "cannot load") != NULL, "message: %s", err);
    RH_CHECK_EQ_I(rh_allocator_available("/nonexistent/refheap/libnothing.so"), 0);
}

RH_TEST(name_without_slash_is_not_a_path) {
    rh_allocator a;
    char err[512] = "";
    RH_CHECK(rh_allocator_create(&a, "rh_example_plugin.so", NULL, err, sizeof err) == -1);
    RH_CHECK_MSG(strstr(err, "unknown allocator") != NULL, "message: %s", err);
}

RH_TEST(library_without_the_symbol_is_refused) {
    rh_allocator a;
    char err[512] = "";
    RH_CHECK(rh_allocator_create(&a, fixture("nosym"), NULL, err, sizeof err) == -1);
    RH_CHECK_MSG(strstr(err, RH_PLUGIN_SYMBOL) && strstr(err, fixture("nosym")), "message: %s", err);
    RH_CHECK(!loaded(fixture("nosym"))); /* unloaded again */
}

RH_TEST(abi_version_mismatch_is_refused) {
    rh_allocator a;
    char err[512] = "", want[128];
    RH_CHECK(rh_allocator_create(&a, fixture("abi"), NULL, err, sizeof err) == -1);
    snprintf(want, sizeof want, "abi_version %u, this refheap speaks %u", RH_ALLOCATOR_ABI_VERSION + 1,
             RH_ALLOCATOR_ABI_VERSION);
    RH_CHECK_MSG(strstr(err, want) != NULL, "message: %s", err);
    RH_CHECK(!loaded(fixture("abi")));
    RH_CHECK(rh_allocator_create(&a, fixture("refuse"), NULL, err, sizeof err) == -1);
    snprintf(want, sizeof want, "refused host ABI version %u (returned 7)", RH_ALLOCATOR_ABI_VERSION);
    RH_CHECK_MSG(strstr(err, want) != NULL, "message: %s", err);
}

RH_TEST(short_table_is_refused) {
    rh_allocator a;
    char err[512] = "";
    RH_CHECK(rh_allocator_create(&a, fixture("small"), NULL, err, sizeof err) == -1);
    RH_CHECK_MSG(strstr(err, "struct_size 8 is smaller") != NULL, "message: %s", err);
}

/* The message names each missing callback; the plug-in's destroy still runs (LeakSanitizer would report
 * its context otherwise). */
RH_TEST(missing_callbacks_are_named) {
    rh_allocator a;
    char err[512] = "";
    RH_CHECK(rh_allocator_create(&a, fixture("nofree"), NULL, err, sizeof err) == -1);
    RH_CHECK_MSG(strstr(err, "missing mandatory callback(s): realloc free") != NULL, "message: %s", err);
}

/* Two loads of one plug-in share one mapping but not their instances; each destroy drops one dlopen
 * reference, so the library is unmapped only after the last. */
RH_TEST(two_loads_of_one_plugin_are_independent) {
    rh_allocator a, b;
    char err[512] = "";
    RH_CHECK_MSG(rh_allocator_create(&a, example_path(), NULL, err, sizeof err) == 0, "%s", err);
    RH_CHECK_MSG(rh_allocator_create(&b, example_path(), NULL, err, sizeof err) == 0, "%s", err);
    void *p = a.malloc(a.ctx, 64), *q = b.malloc(b.ctx, 64);
    RH_CHECK(p && q && p != q);
    memset(q, 7, 64);
    a.free(a.ctx, p, 64);
    rh_allocator_destroy(&a);
    RH_CHECK(loaded(example_path()));
    RH_CHECK(((unsigned char *)q)[63] == 7);
    b.free(b.ctx, q, 64);
    rh_allocator_destroy(&b);
    RH_CHECK(!loaded(example_path()));
}

/* rh_preload_reexec restarts the process with the library preloaded; in the new process the library is
 * verified active and LD_PRELOAD is put back so children do not inherit it (docs/measurement.md §12). */
RH_TEST(preload_reexec_makes_jemalloc_the_malloc) {
    if (asan_build()) RH_SKIP("AddressSanitizer build: another malloc cannot be preloaded");
    if (!rh_preload_library("jemalloc")) RH_SKIP("jemalloc was not found when refheap was configured");
    const char *mark = getenv("RH_PRELOAD_REEXEC");
    char err[512] = "";
    if (rh_preload_verify("jemalloc", err, sizeof err) != 0) {
        RH_CHECK_MSG(mark == NULL, "re-executed but jemalloc is still not active: %s", err);
        const char *orig = getenv("LD_PRELOAD"); /* remembered for the new process to compare */
        RH_CHECK(setenv("RH_TEST_ORIG_LD_PRELOAD", orig ? orig : "", 1) == 0);
        rh_preload_reexec("jemalloc", rh_test_argv_);
        RH_FAIL_("%s", "rh_preload_reexec returned instead of re-executing");
    }
    RH_CHECK_STR(mark, "jemalloc");
    RH_CHECK_EQ_I(rh_preload_reexec("jemalloc", rh_test_argv_), 0); /* active: nothing to do */
    RH_CHECK(getenv("RH_PRELOAD_REEXEC") == NULL && getenv("RH_PRELOAD_SAVED") == NULL);
    const char *orig = getenv("RH_TEST_ORIG_LD_PRELOAD"), *now = getenv("LD_PRELOAD");
    RH_CHECK(orig != NULL);
    RH_CHECK_MSG(strcmp(now ? now : "", orig) == 0, "LD_PRELOAD not restored: \"%s\" vs \"%s\"", now ? now : "", orig);
    rh_allocator a;
    RH_CHECK_MSG(rh_allocator_create(&a, "jemalloc", NULL, err, sizeof err) == 0, "%s", err);
    void *p = a.malloc(a.ctx, 1000);
    RH_CHECK(p);
    a.free(a.ctx, p, 1000);
    RH_CHECK_EQ_I(a.trim(a.ctx), 0);
    rh_allocator_destroy(&a);
}

/* The loop guard: a process that was already re-executed for tcmalloc does not re-exec again. */
RH_TEST(preload_reexec_refuses_a_second_round) {
    if (rh_preload_verify("tcmalloc", NULL, 0) == 0) RH_SKIP("tcmalloc is preloaded in this process");
    RH_CHECK(setenv("RH_PRELOAD_REEXEC", "tcmalloc", 1) == 0);
    RH_CHECK_EQ_I(rh_preload_reexec("tcmalloc", rh_test_argv_), -1);
    unsetenv("RH_PRELOAD_REEXEC");
    RH_CHECK_EQ_I(rh_preload_reexec("malloc", rh_test_argv_), 0);   /* nothing to preload */
    RH_CHECK_EQ_I(rh_preload_reexec("pymalloc", rh_test_argv_), 0);
    RH_CHECK(rh_preload_library("malloc") == NULL);
}

RH_TEST_MAIN()
