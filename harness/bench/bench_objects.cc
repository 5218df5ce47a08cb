// bench_objects.cc — object-level microbenchmarks on a librefheap runtime: incref/decref, building and
// releasing list(range(n)) (the seed's story in miniature), and freeing a deeply nested list through
// the trashcan. Usage: bench_objects --allocator=NAME [--deep=N] [google-benchmark flags]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>

extern "C" {
#include "refheap/refheap.h"
}

namespace {

rh_runtime *make_runtime(const std::string &alloc) {
    rh_config cfg{};
    cfg.profile = rh_profile_get(nullptr);
    char err[256] = "";
    if (rh_allocator_create(&cfg.allocator, alloc.c_str(), cfg.profile, err, sizeof err) != 0) {
        fprintf(stderr, "bench_objects: allocator %s: %s\n", alloc.c_str(), err);
        return nullptr;
    }
    rh_runtime *rt = rh_runtime_new(&cfg, err, sizeof err);
    if (!rt) fprintf(stderr, "bench_objects: runtime: %s\n", err);
    return rt;
}

void incref_decref(benchmark::State &st, rh_runtime *rt) {
    rh_object *o = rh_list_new(rt, 0);
    for (auto _ : st) {
        rh_incref(o);
        benchmark::DoNotOptimize(o->refcnt);
        rh_decref(rt, o);
    }
    rh_decref(rt, o);
    st.SetItemsProcessed(st.iterations());
}

// list(range(n)) then drop it: n int objects + one pointer array, freed last to first
void list_range_build_free(benchmark::State &st, rh_runtime *rt) {
    int64_t n = st.range(0);
    for (auto _ : st) {
        rh_object *l = rh_list_from_range(rt, 0, n, 1);
        if (!l) {
            st.SkipWithError("MemoryError");
            break;
        }
        rh_decref(rt, l);
    }
    st.SetItemsProcessed(st.iterations() * n);
}

// t = []; for i in range(n): t = [t]; del t   — timed: the del only
void deep_nested_free(benchmark::State &st, rh_runtime *rt) {
    int64_t n = st.range(0);
    for (auto _ : st) {
        st.PauseTiming();
        rh_object *t = rh_list_new(rt, 0);
        for (int64_t i = 0; i < n && t; i++) {
            rh_object *outer = rh_list_new(rt, 1);
            rh_list_set_init(outer, 0, t);
            t = outer;
        }
        st.ResumeTiming();
        rh_decref(rt, t);
    }
    st.SetItemsProcessed(st.iterations() * n);
}

}  // namespace

int main(int argc, char **argv) {
    std::string alloc = "pymalloc";
    int64_t deep = 10000000;
    int rargc = 0;
    char **rargv = new char *[argc + 1];
    for (int i = 0; i < argc; i++) {
        if (!strncmp(argv[i], "--allocator=", 12)) alloc = argv[i] + 12;
        else if (!strncmp(argv[i], "--deep=", 7)) deep = atoll(argv[i] + 7);
        else rargv[rargc++] = argv[i];
    }
    benchmark::Initialize(&rargc, rargv);
    rh_runtime *rt = make_runtime(alloc);
    if (!rt) return 1;
    benchmark::RegisterBenchmark(("incref_decref/" + alloc).c_str(),
                                 [rt](benchmark::State &st) { incref_decref(st, rt); });
    benchmark::RegisterBenchmark(("list_range_build_free/" + alloc).c_str(),
                                 [rt](benchmark::State &st) { list_range_build_free(st, rt); })
        ->Arg(1000000)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("deep_nested_list_free/" + alloc).c_str(),
                                 [rt](benchmark::State &st) { deep_nested_free(st, rt); })
        ->Arg(deep)->Unit(benchmark::kMillisecond)->Iterations(1);
    benchmark::AddCustomContext("refheap_version", REFHEAP_VERSION);
    benchmark::AddCustomContext("allocator", alloc);
    benchmark::AddCustomContext("profile", rh_runtime_profile(rt)->name);
    benchmark::AddCustomContext("build_type", RH_BUILD_TYPE);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    rh_runtime_free(rt);
    delete[] rargv;
    return 0;
}
