// bench_gc.cc — cyclic-collector microbenchmarks on a librefheap runtime (pymalloc, py311):
//   full_collect_2cycles/N    gc.collect() of N/2 dead 2-cycles of lists (N objects)
//   full_collect_random/N     gc.collect() of an N-node random graph of lists (2 edges each), all dead
//   full_collect_rings/N      gc.collect() of N instances in rings of 10
//   gen0_pause_old/N          gc.collect(0) with 700 young lists beside N old (live) ones
//   gen0_pause_frozen/N       the same with the old ones frozen (gc.freeze)
// The same shapes are timed on CPython by cpython_gc.py in the same make bench run.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
#include "refheap/refheap.h"
}

namespace {

rh_runtime *g_rt;  // benchmark-process state

rh_object *new_list() { return rh_list_new(g_rt, 0); }

void append(rh_object *l, rh_object *v) { rh_list_append(g_rt, l, v); }

// build N/2 dead 2-cycles: a = []; b = [a]; a.append(b); del a, b
void build_2cycles(int64_t n) {
    for (int64_t i = 0; i < n / 2; i++) {
        rh_object *a = new_list(), *b = new_list();
        append(b, a);
        append(a, b);
        rh_decref(g_rt, a);
        rh_decref(g_rt, b);
    }
}

// N list nodes, each with 2 edges to pseudo-random nodes (same LCG as workloads/scale/random_graph.py)
void build_random(int64_t n) {
    std::vector<rh_object *> nodes(n);
    for (int64_t i = 0; i < n; i++) nodes[i] = new_list();
    uint64_t state = 12345;
    for (int64_t i = 0; i < n; i++) {
        for (int e = 0; e < 2; e++) {
            state = (state * 1103515245 + 12345) % 2147483648ULL;
            append(nodes[i], nodes[state % n]);
        }
    }
    for (int64_t i = 0; i < n; i++) rh_decref(g_rt, nodes[i]);
}

rh_object *g_node_cls;
rh_object *g_next_name;

void build_rings(int64_t n) {
    const int k = 10;
    for (int64_t r = 0; r < n / k; r++) {
        rh_object *first = rh_instance_new(g_rt, g_node_cls), *cur = first;
        rh_incref(cur);
        for (int i = 1; i < k; i++) {
            rh_object *nx = rh_instance_new(g_rt, g_node_cls);
            rh_setattr(g_rt, cur, g_next_name, nx);
            rh_decref(g_rt, cur);
            cur = nx;
        }
        rh_setattr(g_rt, cur, g_next_name, first);
        rh_decref(g_rt, cur);
        rh_decref(g_rt, first);
    }
}

void full_collect(benchmark::State &st, void (*build)(int64_t)) {
    int64_t n = st.range(0);
    rh_gc_disable(g_rt);
    for (auto _ : st) {
        st.PauseTiming();
        rh_gc_collect(g_rt, 2);
        build(n);
        st.ResumeTiming();
        int64_t got = rh_gc_collect(g_rt, 2);
        benchmark::DoNotOptimize(got);
        if (got <= 0) {
            st.SkipWithError("collector found nothing to collect");
            break;
        }
    }
    rh_gc_enable(g_rt);
    st.SetItemsProcessed(st.iterations() * n);
}

void gen0_pause(benchmark::State &st, bool frozen) {
    int64_t n = st.range(0);
    rh_gc_disable(g_rt);
    rh_gc_collect(g_rt, 2);
    rh_object *old = rh_list_new(g_rt, 0);
    for (int64_t i = 0; i < n; i++) {
        rh_object *x = new_list();
        append(old, x);
        rh_decref(g_rt, x);
    }
    rh_gc_collect(g_rt, 2);  // the old ones move to generation 2
    if (frozen) rh_gc_freeze(g_rt);
    for (auto _ : st) {
        st.PauseTiming();
        rh_object *young = rh_list_new(g_rt, 0);
        for (int i = 0; i < 699; i++) {
            rh_object *x = new_list();
            append(young, x);
            rh_decref(g_rt, x);
        }
        st.ResumeTiming();
        rh_gc_collect(g_rt, 0);
        st.PauseTiming();
        rh_decref(g_rt, young);
        st.ResumeTiming();
    }
    if (frozen) rh_gc_unfreeze(g_rt);
    rh_decref(g_rt, old);
    rh_gc_collect(g_rt, 2);
    rh_gc_enable(g_rt);
}

}  // namespace

int main(int argc, char **argv) {
    int64_t max_n = 1000000;
    int rargc = 0;
    std::vector<char *> rargv;
    for (int i = 0; i < argc; i++) {
        if (!strncmp(argv[i], "--max=", 6)) max_n = atoll(argv[i] + 6);
        else rargv.push_back(argv[i]);
    }
    rargc = (int)rargv.size();
    benchmark::Initialize(&rargc, rargv.data());
    rh_config cfg{};
    char err[256];
    g_rt = rh_runtime_new(&cfg, err, sizeof err);
    if (!g_rt) {
        fprintf(stderr, "bench_gc: %s\n", err);
        return 1;
    }
    rh_object *name = rh_str_from_cstr(g_rt, "Node"), *ns = rh_dict_new(g_rt);
    rh_object *bases = rh_empty_tuple(g_rt);
    rh_incref(bases);
    g_node_cls = rh_class_new(g_rt, name, bases, ns);
    g_next_name = rh_str_intern_utf8(g_rt, "next", 4);
    rh_decref(g_rt, name);
    rh_decref(g_rt, ns);
    rh_decref(g_rt, bases);
    std::vector<int64_t> sizes;
    for (int64_t n = 10000; n <= max_n; n *= 10) sizes.push_back(n);
    for (int64_t n : sizes) {
        benchmark::RegisterBenchmark("full_collect_2cycles",
                                     [](benchmark::State &s) { full_collect(s, build_2cycles); })
            ->Arg(n)->Unit(benchmark::kMillisecond)->Iterations(n >= 1000000 ? 3 : 10);
        benchmark::RegisterBenchmark("full_collect_random",
                                     [](benchmark::State &s) { full_collect(s, build_random); })
            ->Arg(n)->Unit(benchmark::kMillisecond)->Iterations(n >= 1000000 ? 3 : 10);
        benchmark::RegisterBenchmark("full_collect_rings",
                                     [](benchmark::State &s) { full_collect(s, build_rings); })
            ->Arg(n)->Unit(benchmark::kMillisecond)->Iterations(n >= 1000000 ? 3 : 10);
    }
    for (int64_t n : std::vector<int64_t>{0, 10000, 100000, 1000000}) {
        if (n > max_n) continue;
        benchmark::RegisterBenchmark("gen0_pause_old",
                                     [](benchmark::State &s) { gen0_pause(s, false); })
            ->Arg(n)->Unit(benchmark::kMicrosecond)->Iterations(50);
        benchmark::RegisterBenchmark("gen0_pause_frozen",
                                     [](benchmark::State &s) { gen0_pause(s, true); })
            ->Arg(n)->Unit(benchmark::kMicrosecond)->Iterations(50);
    }
    benchmark::AddCustomContext("refheap_version", REFHEAP_VERSION);
    benchmark::AddCustomContext("allocator", "pymalloc");
    benchmark::AddCustomContext("profile", "py311");
    benchmark::AddCustomContext("build_type", RH_BUILD_TYPE);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    rh_decref(g_rt, g_next_name);
    rh_decref(g_rt, g_node_cls);
    rh_runtime_free(g_rt);
    return 0;
}
