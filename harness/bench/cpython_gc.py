#!/usr/bin/python3
"""The shapes of bench_gc.cc timed on CPython (run with Debian's /usr/bin/python3 in the same make bench
run), written as google-benchmark-style JSON (results/cpython_gc.json) so summarize.py can form ratios.
Run names match bench_gc.cc: full_collect_2cycles/N, full_collect_random/N, full_collect_rings/N,
gen0_pause_old/N, gen0_pause_frozen/N; times are medians of CPU time over the iterations."""
import gc
import json
import sys
import time


class Node:
    def __init__(self):
        self.next = None


def build_2cycles(n):
    for _ in range(n // 2):
        a = []
        b = [a]
        a.append(b)


def build_random(n):
    nodes = [[] for _ in range(n)]
    state = 12345
    for i in range(n):
        for _ in range(2):
            state = (state * 1103515245 + 12345) % 2147483648
            nodes[i].append(nodes[state % n])


def build_rings(n):
    for _ in range(n // 10):
        first = cur = Node()
        for _ in range(9):
            nx = Node()
            cur.next = nx
            cur = nx
        cur.next = first


def median(xs):
    xs = sorted(xs)
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def entry(name, samples_ns, unit):
    scale = {"ms": 1e6, "us": 1e3}[unit]
    cpu = median([s[0] for s in samples_ns]) / scale
    real = median([s[1] for s in samples_ns]) / scale
    return {"name": name, "run_name": name, "run_type": "aggregate", "aggregate_name": "median",
            "iterations": len(samples_ns), "real_time": real, "cpu_time": cpu, "time_unit": unit}


def timed(fn):
    c0, r0 = time.process_time_ns(), time.perf_counter_ns()
    fn()
    return (time.process_time_ns() - c0, time.perf_counter_ns() - r0)


def main():
    max_n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    out = sys.argv[2] if len(sys.argv) > 2 else "cpython_gc.json"
    benches = []
    gc.disable()
    n = 10000
    while n <= max_n:
        iters = 3 if n >= 1000000 else 10
        for name, build in (("full_collect_2cycles", build_2cycles), ("full_collect_random", build_random),
                            ("full_collect_rings", build_rings)):
            samples = []
            for _ in range(iters):
                gc.collect()
                build(n)
                samples.append(timed(gc.collect))
            benches.append(entry("%s/%d" % (name, n), samples, "ms"))
        n *= 10
    for n in (0, 10000, 100000, 1000000):
        if n > max_n:
            continue
        for frozen in (False, True):
            gc.collect()
            old = [[] for _ in range(n)]
            gc.collect()
            if frozen:
                gc.freeze()
            samples = []
            for _ in range(50):
                young = [[] for _ in range(699)]
                samples.append(timed(lambda: gc.collect(0)))
                del young
            if frozen:
                gc.unfreeze()
            del old
            benches.append(entry("%s/%d" % ("gen0_pause_frozen" if frozen else "gen0_pause_old", n), samples, "us"))
    gc.enable()
    doc = {"context": {"executable": sys.executable, "python_version": sys.version.split()[0],
                       "allocator": "cpython", "build_type": "Debian release"}, "benchmarks": benches}
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
