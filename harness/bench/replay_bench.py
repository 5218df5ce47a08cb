#!/usr/bin/python3
"""make bench step `replay`: record real programs on Debian's CPython 3.11 with `refheap record`, replay each
trace on every allocator and a few what-if settings with `refheap replay --json`, and write
results/replay.json plus one plot per program (results/replay_rss_<program>.png: RSS over the operation
stream per allocator, the real run's RSS beside them). summarize.py turns replay.json into the table of
results/README.md. Also measures the recording itself: the program's wall time with and without
`refheap record` (same run, alternated) and the trace's bytes per operation.

Programs: workloads/record/*.py (pyperformance-style, server-like waves, fragmentation).
Traces go to <build>/record-traces/ (not committed: tens of MB)."""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PY = "/usr/bin/python3"
SHIM = os.path.join(ROOT, "harness", "oracle")

# (label, allocator, [--set ...]); the first six are "every allocator", the rest what-ifs
CONFIGS = [
    ("pymalloc", "pymalloc", []),
    ("cpython", "cpython", []),
    ("malloc", "malloc", []),
    ("mimalloc", "mimalloc", []),
    ("jemalloc", "jemalloc", []),
    ("tcmalloc", "tcmalloc", []),
    ("pymalloc arena_size=256K", "pymalloc", ["arena_size=256K"]),
    ("pymalloc keep_empty_arena=0", "pymalloc", ["keep_empty_arena=0"]),
    ("malloc trim_after_full_gc=1", "malloc", ["trim_after_full_gc=1"]),
    ("malloc MALLOC_TRIM_THRESHOLD_=0", "malloc", ["MALLOC_TRIM_THRESHOLD_=0"]),
    ("jemalloc MALLOC_CONF=dirty_decay_ms:0,muzzy_decay_ms:0", "jemalloc",
     ["MALLOC_CONF=dirty_decay_ms:0,muzzy_decay_ms:0"]),
]
MAX_POINTS = 400


def wall(cmd, env=None):
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    return time.monotonic() - t0, p


def thin(timeline):
    """Keep marks, full collections and the exit point; thin the rest to MAX_POINTS."""
    keep = [p for p in timeline if p["kind"] in ("mark", "exit") or (p["kind"] == "gc" and p["generation"] == 2)]
    rest = [p for p in timeline if p not in keep]
    step = max(1, len(rest) // MAX_POINTS)
    pts = sorted(keep + rest[::step], key=lambda p: p["ops"])
    return [{k: p.get(k) for k in ("kind", "label", "ops", "t_real_ns", "t_replay_ns", "rss_kb", "real_rss_kb",
                                   "live_bytes")} for p in pts]


def record(refheap, prog, trace, reps):
    env = dict(os.environ, PYTHONPATH=SHIM)
    plain, rec = [], []
    for _ in range(reps):  # alternated, so both see the same machine load
        t, p = wall([PY, prog], env)
        if p.returncode != 0:
            raise SystemExit("replay_bench: %s failed under python3: %s" % (prog, p.stderr[-500:]))
        plain.append(t)
        t, p = wall([refheap, "record", "-q", "-o", trace, prog])
        if p.returncode != 0:
            raise SystemExit("replay_bench: refheap record %s failed: %s" % (prog, p.stderr[-500:]))
        rec.append(t)
    return statistics.median(plain), statistics.median(rec)


def replay(refheap, trace, alloc, sets, out):
    cmd = [refheap, "replay", trace, "--allocator", alloc, "--json", out]
    for s in sets:
        cmd += ["--set", s]
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        return None, p.stderr.strip()
    with open(out) as f:
        return json.load(f), None


def run_entry(label, alloc, sets, doc):
    lat = [r["latency_ns"] for r in doc["releases"]]
    done = [x for x in lat if x is not None]
    mc = doc["model_check"]
    return {
        "label": label, "allocator": alloc, "settings": sets, "ops": doc["ops"], "ns_per_op": doc["ns_per_op"],
        "peak_rss_kb": doc["peak_rss_kb"], "final_rss_kb": doc["final_rss_kb"],
        "baseline_rss_kb": doc["baseline_rss_kb"], "real_peak_rss_kb": doc["real_peak_rss_kb"],
        "real_final_rss_kb": doc["real_final_rss_kb"], "peak_live_bytes": doc["peak_live_bytes"],
        "releases": len(lat), "released": len(done),
        "release_latency_ms_median": statistics.median(done) / 1e6 if done else None,
        "model_check": mc.get("matches") if mc.get("available") else None,
        "model_differences": len(mc.get("differences", [])) if mc.get("available") else None,
        "timeline": thin(doc["timeline"]),
    }


def plot(results, prog):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("replay_bench: python3-matplotlib missing; no plot")
        return
    fig, ax = plt.subplots(figsize=(9, 5))
    real_done = False
    for run in prog["runs"]:
        if run["settings"]:
            continue
        tl = run["timeline"]
        x = [p["ops"] / 1e6 for p in tl]
        ax.plot(x, [p["rss_kb"] / 1024 for p in tl], label="replay: " + run["label"], linewidth=1.2)
        if not real_done:
            ax.plot(x, [p["real_rss_kb"] / 1024 for p in tl], "k--", label="real CPython 3.11 run", linewidth=1.5)
            ax.plot(x, [p["live_bytes"] / 1048576 for p in tl], "k:", label="live requested bytes", linewidth=1)
            real_done = True
    ax.set_xlabel("operations replayed (millions)")
    ax.set_ylabel("RSS (MiB)")
    ax.set_title("%s: RSS over the recorded allocation stream, per allocator (same run)" % prog["name"])
    ax.grid(alpha=0.3)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path = os.path.join(results, "replay_rss_%s.png" % prog["name"])
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--results", default=os.path.join(ROOT, "results"))
    ap.add_argument("--scale", default="quick", choices=["quick", "full"])
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    refheap = os.path.join(os.path.abspath(args.build), "refheap")
    traces = os.path.join(os.path.abspath(args.build), "record-traces")
    os.makedirs(traces, exist_ok=True)
    reps = 3 if args.scale == "quick" else 5
    out = {"schema": "refheap-replay-bench/1", "python": PY, "programs": []}
    progs = sorted(glob.glob(os.path.join(ROOT, "workloads", "record", "*.py")))
    progs = [p for p in progs if args.only in os.path.basename(p)] or progs
    for path in progs:
        name = os.path.splitext(os.path.basename(path))[0]
        trace = os.path.join(traces, name + ".trace")
        print("replay_bench: recording %s ..." % name, flush=True)
        plain, rec = record(refheap, path, trace, reps)
        prog = {"name": name, "program": os.path.relpath(path, ROOT), "plain_s": plain, "record_s": rec,
                "record_overhead": rec / plain, "trace_bytes": os.path.getsize(trace), "runs": [], "failed": {}}
        for label, alloc, sets in CONFIGS:
            doc, err = replay(refheap, trace, alloc, sets, os.path.join(traces, name + ".replay.json"))
            if doc is None:
                print("replay_bench:   %-50s FAILED: %s" % (label, err[-300:]), flush=True)
                prog["failed"][label] = err[-300:]
                continue
            run = run_entry(label, alloc, sets, doc)
            prog["runs"].append(run)
            print("replay_bench:   %-50s %6.1f ns/op  peak %7.1f MiB  exit %7.1f MiB  model_check %s" % (
                label, run["ns_per_op"], run["peak_rss_kb"] / 1024, run["final_rss_kb"] / 1024,
                run["model_check"]), flush=True)
        ops = prog["runs"][0]["ops"] if prog["runs"] else 0
        prog["ops"] = ops
        prog["bytes_per_op"] = prog["trace_bytes"] / ops if ops else None
        prog["record_ns_per_op"] = (rec - plain) * 1e9 / ops if ops else None
        out["programs"].append(prog)
        plot(args.results, prog)
    with open(os.path.join(args.results, "replay.json"), "w") as f:
        json.dump(out, f, indent=1)
    return 1 if any(p["failed"] for p in out["programs"]) else 0


if __name__ == "__main__":
    sys.exit(main())
