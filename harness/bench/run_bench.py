#!/usr/bin/python3
"""make bench driver: runs every benchmark step, shows progress (n of m), writes results/*.json and
regenerates results/README.md (harness/bench/summarize.py).

Steps are data (STEPS below); --only PATTERN keeps the steps whose name contains PATTERN.
--scale quick (default, minutes on 2 cores) or full (seed-sized runs).
Uses Debian's /usr/bin/python3 only (no third-party modules here; plots use python3-matplotlib).
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"


def preload_path(name):
    """Path of the LD_PRELOAD library for jemalloc/tcmalloc, from the CMake cache."""
    cache = os.path.join(ARGS.build, "CMakeCache.txt")
    key = {"jemalloc": "JEMALLOC_SO", "tcmalloc": "TCMALLOC_SO"}[name]
    try:
        with open(cache) as f:
            for line in f:
                if line.startswith(key + ":"):
                    val = line.split("=", 1)[1].strip()
                    return val if val and not val.endswith("NOTFOUND") else None
    except OSError:
        return None
    return None


def gbench_args(out, reps):
    return ["--benchmark_out=" + out, "--benchmark_out_format=json",
            "--benchmark_repetitions=%d" % reps, "--benchmark_enable_random_interleaving=true",
            "--benchmark_report_aggregates_only=true", "--benchmark_min_time=0.05"]


def steps():
    b = ARGS.build
    res = ARGS.results
    reps = 5 if ARGS.scale == "quick" else 9
    sizes = [] if ARGS.scale == "quick" else ["--sizes=all"]
    deep = "10000000"  # the 10^7-deep nesting of the foundation issue; ~1 s per build on 2 cores
    out = []
    out.append(("micro_alloc", [os.path.join(b, "bench_alloc"), "--allocators=pymalloc,cpython,mimalloc,malloc"]
                + sizes + gbench_args(os.path.join(res, "micro_alloc.json"), reps), {}))
    for name in ("jemalloc", "tcmalloc"):
        lib = preload_path(name)
        if lib:
            out.append(("micro_alloc_" + name, [os.path.join(b, "bench_alloc"), "--allocators=" + name] + sizes
                        + gbench_args(os.path.join(res, "micro_alloc_%s.json" % name), reps),
                        {"LD_PRELOAD": lib}))
    for name in ("pymalloc", "malloc", "mimalloc"):
        out.append(("micro_objects_" + name,
                    [os.path.join(b, "bench_objects"), "--allocator=" + name, "--deep=" + deep]
                    + gbench_args(os.path.join(res, "micro_objects_%s.json" % name), 3), {}))
    gc_max = "1000000"  # the GC targets name 10^6 objects
    out.append(("micro_gc", [os.path.join(b, "bench_gc"), "--max=" + gc_max,
                             "--benchmark_out=" + os.path.join(res, "micro_gc.json"),
                             "--benchmark_out_format=json"], {}))
    out.append(("cpython_gc", [PY, os.path.join(HERE, "cpython_gc.py"), gc_max,
                               os.path.join(res, "cpython_gc.json")], {}))
    out.append(("cpython_deep_free", [PY, os.path.join(HERE, "cpython_objects.py"), deep,
                                      os.path.join(res, "cpython_objects.json")], {}))
    out.append(("workloads", [PY, os.path.join(HERE, "workload_bench.py"), "--build", b, "--results", res,
                              "--scale", ARGS.scale, "--only", WL_ONLY], {}))
    out.append(("hyperfine", [PY, os.path.join(HERE, "hyperfine_runs.py"), "--build", b, "--results", res,
                              "--scale", ARGS.scale, "--only", WL_ONLY], {}))
    out.append(("seed_story", [PY, os.path.join(HERE, "seed_story.py"), "--build", b, "--results", res,
                               "--scale", ARGS.scale], {}))
    out.append(("replay", [PY, os.path.join(HERE, "replay_bench.py"), "--build", b, "--results", res,
                           "--scale", ARGS.scale], {}))
    out.append(("interpreter", [PY, os.path.join(HERE, "interpreter_bench.py"), "--build", b, "--results", res,
                                "--scale", ARGS.scale], {}))
    out.append(("plots", [PY, os.path.join(ROOT, "harness", "plot", "plots.py"), "--results", res], {}))
    return out


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--results", default=os.path.join(ROOT, "results"))
    ap.add_argument("--scale", default="quick", choices=["quick", "full"])
    ap.add_argument("--only", default="")
    ARGS = ap.parse_args()
    ARGS.build = os.path.abspath(ARGS.build)
    os.makedirs(ARGS.results, exist_ok=True)
    # ONLY selects steps by name; a workload's name selects the workload steps for that workload alone
    global WL_ONLY
    sys.path.insert(0, HERE)
    import workload_bench
    wl_match = ARGS.only and any(ARGS.only in w for w in workload_bench.WORKLOADS)
    WL_ONLY = ARGS.only if wl_match else ""
    todo = [s for s in steps() if ARGS.only in s[0] or (wl_match and s[0] in ("workloads", "hyperfine", "plots"))]
    if not todo:
        print("bench: no step matches --only %r" % ARGS.only)
        return 2
    failed = []
    log = {"scale": ARGS.scale, "steps": []}
    t_all = time.monotonic()
    for i, (name, cmd, env) in enumerate(todo, 1):
        print("[bench %d/%d] %s ..." % (i, len(todo), name), flush=True)
        t0 = time.monotonic()
        e = dict(os.environ)
        e.update(env)
        stream = name in ("workloads", "hyperfine", "seed_story", "replay")
        p = subprocess.run(cmd, env=e, stdout=None if stream else subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
        dt = time.monotonic() - t0
        status = "ok" if p.returncode == 0 else "failed (exit %d)" % p.returncode
        print("[bench %d/%d] %s %s in %.1f s" % (i, len(todo), name, status, dt), flush=True)
        if p.returncode != 0:
            failed.append(name)
            sys.stderr.write(p.stderr[-2000:])
        log["steps"].append({"name": name, "cmd": cmd, "env": env, "seconds": round(dt, 2),
                             "status": status})
    with open(os.path.join(ARGS.results, "bench_log.json"), "w") as f:
        json.dump(log, f, indent=1)
    subprocess.run([sys.executable, os.path.join(ROOT, "harness", "bench", "summarize.py"),
                    "--results", ARGS.results, "--build", ARGS.build], check=False)
    print("bench: %d steps in %.0f s; results in %s (summary: %s)" % (
        len(todo), time.monotonic() - t_all, ARGS.results, os.path.join(ARGS.results, "README.md")))
    if failed:
        print("bench: FAILED steps: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
