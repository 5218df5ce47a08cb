#!/usr/bin/python3
"""Workload benchmarks: every workload on refheap under every allocator and on CPython 3.11 under the
same allocator matrix, interleaved, repeated; per-phase time, peak RSS, release latency and GC pauses.

Called by run_bench.py (step "workloads"); writes results/workloads.json:
  {"scale":..., "repetitions":..., "tolerance_mb":..., "deadline_s":...,
   "workloads": {name: {config: {"runs": [per-run summary], "median": {...}}}}}
A config is "<tool>/<allocator>": tool refheap or cpython. CPython gets the allocator matrix with
PYTHONMALLOC=malloc plus LD_PRELOAD of the allocator's library (its default pymalloc as "pymalloc").
Every figure is computed from the per-statement JSON (docs/results-schema.md) of one process run.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PY = "/usr/bin/python3"
PYPY = "/usr/bin/pypy3"  # used when installed (Debian's pypy3); not a dependency

# workload -> (path, N for quick, N for full)
WORKLOADS = {
    "seed_01_range_del_collect": ("workloads/seed/seed_01_range_del_collect.py", 10**7, 10**8),
    "large_range": ("workloads/scale/large_range.py", 10**7, 10**8),
    "alias_churn": ("workloads/scale/alias_churn.py", 300000, 1000000),
    "cyclic_rings": ("workloads/scale/cyclic_rings.py", 200000, 1000000),
    "random_graph": ("workloads/scale/random_graph.py", 200000, 1000000),
    "fragmentation": ("workloads/scale/fragmentation.py", 1000000, 4000000),
}


def cache_value(build, key):
    try:
        with open(os.path.join(build, "CMakeCache.txt")) as f:
            for line in f:
                if line.startswith(key + ":"):
                    v = line.split("=", 1)[1].strip()
                    return None if not v or v.endswith("NOTFOUND") else v
    except OSError:
        pass
    return None


def configs(build):
    """[(name, argv_prefix_fn, env)]: how to run one workload file under each config."""
    refheap = os.path.join(build, "refheap")
    libs = {"jemalloc": cache_value(build, "JEMALLOC_SO"), "tcmalloc": cache_value(build, "TCMALLOC_SO"),
            "mimalloc": cache_value(build, "MIMALLOC_LIB")}
    out = []
    for alloc in ("pymalloc", "malloc", "mimalloc", "jemalloc", "tcmalloc"):
        if alloc in libs and not libs[alloc]:
            continue
        out.append(("refheap/" + alloc, lambda f, j, a=alloc: [refheap, "run", f, "--allocator", a, "--json", j,
                                                               "--release-tolerance-mb", str(TOL), "--release-deadline-s", str(DEADLINE)], {}))
    oracle = os.path.join(ROOT, "harness", "oracle", "run_oracle.py")
    for alloc in ("pymalloc", "malloc", "mimalloc", "jemalloc", "tcmalloc"):
        env = {}
        if alloc != "pymalloc":
            env["PYTHONMALLOC"] = "malloc"
        if alloc in libs:
            if not libs[alloc]:
                continue
            env["LD_PRELOAD"] = os.path.realpath(libs[alloc])
        out.append(("cpython/" + alloc, lambda f, j, a=alloc: [PY, oracle, f, "--json", j, "--gc-pauses", "--allocator", a,
                                                              "--release-tolerance-mb", str(TOL), "--release-deadline-s", str(DEADLINE)], env))
    if os.path.exists(PYPY):
        out.append(("pypy3/default", lambda f, j: [PY, oracle, f, "--python", PYPY, "--json", j, "--allocator", "pypy",
                                                  "--release-tolerance-mb", str(TOL), "--release-deadline-s", str(DEADLINE)], {}))
    return out


def scaled_copy(path, n, tmp):
    with open(os.path.join(ROOT, path)) as f:
        src = f.read()
    src2, k = re.subn(r"(?m)^N = .*$", "N = %d" % n, src, count=1)
    if k != 1:
        raise SystemExit("workload %s has no 'N = ' line" % path)
    out = os.path.join(tmp, os.path.basename(path))
    with open(out, "w") as f:
        f.write(src2)
    return out


def summarize_run(doc):
    """Per-phase figures from one results document: phases are delimited by refheap.mark()."""
    st = doc.get("statements", [])
    marks = doc.get("marks", [])
    bounds = [(m["label"], m["statement_index"]) for m in marks]
    phases = {}
    for k, (label, start) in enumerate(bounds):
        end = bounds[k + 1][1] if k + 1 < len(bounds) else len(st)
        rows = st[start:end]
        ph = {"wall_ns": sum(r["wall_ns"] for r in rows),
              "user_ns": sum(r.get("user_ns", 0) for r in rows), "sys_ns": sum(r.get("sys_ns", 0) for r in rows),
              "minflt": sum(r.get("minflt", 0) for r in rows),
              "rss_start_bytes": marks[k]["rss_bytes"],
              "rss_end_bytes": rows[-1]["rss_bytes"] if rows else marks[k]["rss_bytes"]}
        if k + 1 < len(marks) and marks[k + 1].get("peak_rss_before_bytes", -1) > 0:
            ph["peak_rss_bytes"] = marks[k + 1]["peak_rss_before_bytes"]
        elif k + 1 == len(marks) and doc.get("totals", {}).get("peak_rss_last_phase_bytes", -1) > 0:
            ph["peak_rss_bytes"] = doc["totals"]["peak_rss_last_phase_bytes"]
        rel = [r["release"] for r in rows if "release" in r]
        if rel:
            ph["release"] = rel[0]
        phases[label] = ph
    pauses = doc.get("gc_pauses") or []
    by_gen = {}
    for p in pauses:
        by_gen.setdefault(str(p["generation"]), []).append(p["duration_ns"])
    return {"exit_status": doc.get("exit_status"), "wall_ns": doc.get("totals", {}).get("wall_ns"),
            "peak_rss_bytes": doc.get("totals", {}).get("peak_rss_bytes"), "phases": phases,
            "gc_pause_ns": {g: sorted(v) for g, v in by_gen.items()},
            "rss_series": [r["rss_bytes"] for r in st]}


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def aggregate(runs):
    ok = [r for r in runs if r["exit_status"] == 0]
    agg = {"n": len(ok), "failed": len(runs) - len(ok)}
    if not ok:
        return agg
    agg["wall_ns"] = median(r["wall_ns"] for r in ok)
    agg["wall_ns_min"] = min(r["wall_ns"] for r in ok)
    agg["wall_ns_max"] = max(r["wall_ns"] for r in ok)
    agg["peak_rss_bytes"] = median(r["peak_rss_bytes"] for r in ok)
    phases = {}
    for label in ok[0]["phases"]:
        rows = [r["phases"].get(label, {}) for r in ok]
        ph = {"wall_ns": median(p.get("wall_ns") for p in rows),
              "wall_ns_min": min((p.get("wall_ns") for p in rows if p.get("wall_ns") is not None), default=None),
              "wall_ns_max": max((p.get("wall_ns") for p in rows if p.get("wall_ns") is not None), default=None),
              "peak_rss_bytes": median(p.get("peak_rss_bytes") for p in rows),
              "user_ns": median(p.get("user_ns") for p in rows), "sys_ns": median(p.get("sys_ns") for p in rows),
              "minflt": median(p.get("minflt") for p in rows),
              "rss_start_bytes": median(p.get("rss_start_bytes") for p in rows),
              "rss_end_bytes": median(p.get("rss_end_bytes") for p in rows)}
        rel = [p.get("release") for p in rows if p.get("release")]
        if rel:
            released = [x["latency_ns"] for x in rel if x["outcome"] == "released"]
            ph["release"] = {"released": len(released), "not_released": len(rel) - len(released),
                             "latency_ns": median(released) if released else None,
                             "outcome": "released" if len(released) == len(rel) else rel[-1]["outcome"]}
        phases[label] = ph
    agg["phases"] = phases
    pauses = {}
    for r in ok:
        for g, v in r["gc_pause_ns"].items():
            pauses.setdefault(g, []).extend(v)
    agg["gc_pauses"] = {g: {"count": len(v), "p50_ns": pct(v, 50), "p99_ns": pct(v, 99), "max_ns": max(v)}
                        for g, v in pauses.items()}
    agg["rss_series"] = ok[len(ok) // 2]["rss_series"]
    return agg


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * (len(xs) - 1)))))
    return xs[k]


def main():
    global TOL, DEADLINE
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--scale", default="quick")
    ap.add_argument("--only", default="")
    ap.add_argument("--reps", type=int, default=None)
    ap.add_argument("--tolerance-mb", type=float, default=20.0)
    ap.add_argument("--deadline-s", type=float, default=None, help="default 1 s (quick), 5 s (full)")
    args = ap.parse_args()
    TOL = args.tolerance_mb
    DEADLINE = args.deadline_s if args.deadline_s is not None else (1.0 if args.scale == "quick" else 5.0)
    reps = args.reps or (3 if args.scale == "quick" else 5)
    cfgs = configs(args.build)
    todo = [(w, spec) for w, spec in WORKLOADS.items() if args.only in w or args.only in "workloads"]
    tmp = tempfile.mkdtemp(prefix="rh-wl-")
    rng = random.Random(2026)
    result = {"scale": args.scale, "repetitions": reps, "tolerance_mb": TOL, "deadline_s": DEADLINE,
              "configs": [c[0] for c in cfgs], "workloads": {}}
    total = len(todo) * reps * len(cfgs)
    done = 0
    for w, (path, nq, nf) in todo:
        f = scaled_copy(path, nq if args.scale == "quick" else nf, tmp)
        runs = {c[0]: [] for c in cfgs}
        for rep in range(reps):
            order = list(cfgs)
            rng.shuffle(order)  # interleave configurations so drift hits all of them alike
            for name, argv_fn, env in order:
                done += 1
                j = os.path.join(tmp, "r.json")
                if os.path.exists(j):
                    os.remove(j)
                e = dict(os.environ)
                e.update(env)
                print("  [workloads %d/%d] %s %s rep %d" % (done, total, w, name, rep + 1), flush=True)
                p = subprocess.run(argv_fn(f, j), env=e, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, timeout=1800)
                try:
                    with open(j) as fh:
                        doc = json.load(fh)
                    doc["exit_status"] = p.returncode
                    runs[name].append(summarize_run(doc))
                except (OSError, ValueError):
                    print("    no results from %s (exit %d): %s" % (name, p.returncode, p.stderr[-300:].strip()),
                          flush=True)
                    runs[name].append({"exit_status": p.returncode if p.returncode else -1, "phases": {},
                                       "gc_pause_ns": {}, "rss_series": [], "wall_ns": None,
                                       "peak_rss_bytes": None})
        result["workloads"][w] = {"n": nq if args.scale == "quick" else nf,
                                  "configs": {c: aggregate(r) for c, r in runs.items()}}
    os.makedirs(args.results, exist_ok=True)
    out = os.path.join(args.results, "workloads.json")
    with open(out, "w") as fh:
        json.dump(result, fh, indent=1)
    print("workloads: wrote %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
