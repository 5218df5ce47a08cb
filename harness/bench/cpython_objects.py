#!/usr/bin/python3
"""CPython side of bench_objects.cc's deep_nested_list_free and list_range_build_free, timed in the same
make bench run (Debian's /usr/bin/python3), written as google-benchmark-style JSON."""
import json
import sys
import time


def median(xs):
    xs = sorted(xs)
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def main():
    deep = int(sys.argv[1])
    out = sys.argv[2]
    benches = []
    samples = []
    for _ in range(3):
        t = []
        for i in range(deep):
            t = [t]
        c0 = time.process_time_ns()
        del t
        samples.append(time.process_time_ns() - c0)
    benches.append({"name": "deep_nested_list_free/%d" % deep, "run_name": "deep_nested_list_free/%d" % deep,
                    "run_type": "aggregate", "aggregate_name": "median", "iterations": 3,
                    "cpu_time": median(samples) / 1e6, "real_time": median(samples) / 1e6, "time_unit": "ms"})
    samples = []
    for _ in range(5):
        c0 = time.process_time_ns()
        lst = list(range(1000000))
        del lst
        samples.append(time.process_time_ns() - c0)
    benches.append({"name": "list_range_build_free/1000000", "run_name": "list_range_build_free/1000000",
                    "run_type": "aggregate", "aggregate_name": "median", "iterations": 5,
                    "cpu_time": median(samples) / 1e6, "real_time": median(samples) / 1e6, "time_unit": "ms"})
    with open(out, "w") as f:
        json.dump({"context": {"executable": sys.executable, "allocator": "cpython"}, "benchmarks": benches}, f,
                  indent=1)


if __name__ == "__main__":
    main()
