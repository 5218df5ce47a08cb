// bench_alloc.cc — allocator microbenchmarks: malloc+free pairs and batches per size class, for every
// allocator available in this process (pymalloc, cpython = CPython's own obmalloc, mimalloc, malloc;
// jemalloc/tcmalloc when the driver preloads them), all through the same rh_allocator table so the call
// overhead is identical. Usage: bench_alloc --allocators=a,b,c [--sizes=all] [google-benchmark flags]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" {
#include "refheap/refheap.h"
}

namespace {

struct Alloc {
    std::string name;
    rh_allocator a;
};

std::vector<Alloc> &allocs() {
    static std::vector<Alloc> v;  // benchmark-process state; the library itself has none
    return v;
}

void pair(benchmark::State &st, rh_allocator *a, size_t size) {
    for (auto _ : st) {
        void *p = a->malloc(a->ctx, size);
        benchmark::DoNotOptimize(p);
        *(volatile char *)p = 1;  // touch, as an object initialiser would
        a->free(a->ctx, p, size);
    }
    st.SetItemsProcessed(st.iterations());
}

// allocate n blocks, then free them in allocation order or shuffled
void batch(benchmark::State &st, rh_allocator *a, size_t size, size_t n, bool shuffled) {
    std::vector<void *> ptrs(n);
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; i++) order[i] = i;
    std::mt19937_64 rng(12345);
    if (shuffled) std::shuffle(order.begin(), order.end(), rng);
    for (auto _ : st) {
        for (size_t i = 0; i < n; i++) {
            ptrs[i] = a->malloc(a->ctx, size);
            *(volatile char *)ptrs[i] = 1;
        }
        for (size_t i = 0; i < n; i++) a->free(a->ctx, ptrs[order[i]], size);
    }
    st.SetItemsProcessed(st.iterations() * (int64_t)n);
}

std::vector<std::string> split(const std::string &s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

}  // namespace

int main(int argc, char **argv) {
    std::string names = "pymalloc,cpython,mimalloc,malloc";
    bool all_sizes = false;
    std::vector<char *> rest;
    for (int i = 0; i < argc; i++) {
        if (!strncmp(argv[i], "--allocators=", 13)) names = argv[i] + 13;
        else if (!strcmp(argv[i], "--sizes=all")) all_sizes = true;
        else rest.push_back(argv[i]);
    }
    int rargc = (int)rest.size();
    benchmark::Initialize(&rargc, rest.data());

    const rh_profile *prof = rh_profile_get(nullptr);
    for (const std::string &n : split(names)) {
        Alloc al;
        al.name = n;
        char err[256] = "";
        if (rh_allocator_create(&al.a, n.c_str(), prof, err, sizeof err) != 0) {
            fprintf(stderr, "bench_alloc: skipping allocator %s: %s\n", n.c_str(), err);
            continue;
        }
        allocs().push_back(al);
    }
    if (allocs().empty()) {
        fprintf(stderr, "bench_alloc: no allocator could be created\n");
        return 1;
    }
    std::vector<size_t> sizes = {16, 32, 64, 128, 256, 512};
    if (all_sizes) {
        sizes.clear();
        for (size_t s = 16; s <= 512; s += 16) sizes.push_back(s);
    }
    std::string used;
    for (Alloc &al : allocs()) {
        used += (used.empty() ? "" : ",") + al.name;
        rh_allocator *a = &al.a;
        for (size_t sz : sizes) {
            benchmark::RegisterBenchmark(("pair/" + al.name + "/" + std::to_string(sz)).c_str(),
                                         [a, sz](benchmark::State &st) { pair(st, a, sz); });
        }
        for (bool sh : {false, true}) {
            for (size_t sz : {32, 256}) {
                std::string nm = std::string(sh ? "batch_shuffled/" : "batch_inorder/") + al.name + "/" +
                                 std::to_string(sz) + "/100000";
                benchmark::RegisterBenchmark(nm.c_str(), [a, sz, sh](benchmark::State &st) {
                    batch(st, a, sz, 100000, sh);
                });
            }
        }
    }
    benchmark::AddCustomContext("refheap_version", REFHEAP_VERSION);
    benchmark::AddCustomContext("allocators", used);
    benchmark::AddCustomContext("profile", prof->name);
    benchmark::AddCustomContext("build_type", RH_BUILD_TYPE);
    benchmark::AddCustomContext("allocator_abi", std::to_string(RH_ALLOCATOR_ABI_VERSION));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    for (Alloc &al : allocs()) rh_allocator_destroy(&al.a);
    return 0;
}
