#!/usr/bin/python3
"""The `interpreter` bench step: real programs on `refheap run` and on Debian's /usr/bin/python3 (CPython 3.11)
in the same run: pyperformance's benchmark programs unchanged (workloads/pyperformance/, suite `pyperformance`)
and refheap's own implementations of classic benchmarks (workloads/programs/, suite `programs`); plus the seed
workload's user/kernel CPU split.

Called by run_bench.py; writes results/interpreter.json (docs/benchmarks.md describes it):
  {"scale", "repetitions", "shared_machine", "loadavg_before", "loadavg_after",
   "startup": {"refheap": {...}, "cpython": {...}},
   "programs": {name: {"suite", "size", "output_match", "refheap": {...}, "cpython": {...}, "ratio_cpu", "ratio_wall",
                       "ratio_cpu_net"}},
   "geomean_ratio_cpu", "geomean_ratio_wall", "geomean_ratio_cpu_net", "geomean_ratio_cpu_by_suite",
   "seed": {"workload", "n", "refheap": {phase: {...}}, "cpython": {phase: {...}}}}
Per program and interpreter: the runs' user, sys (kernel) and wall seconds, and their medians; CPU = user + sys
of the child process, from os.wait4's rusage, so preemption by other processes on a shared machine does not
inflate it (wall time does). Each repetition runs every program once on each interpreter, the programs in a
freshly shuffled (seeded) order and the two runs of a program back to back; ratio_cpu is the median of the
repetitions' refheap/CPython ratios ("ratios_cpu"), so a change of the machine's speed between repetitions
cancels out. Every program runs at its bench size (its `SIZE = ...` line); stdout of the two
interpreters is compared on every run, and a mismatch is recorded (output_match false) and fails the step.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
PROGRAMS = os.path.join(ROOT, "workloads", "programs")
SEED = "workloads/seed/seed_01_range_del_collect.py"


PYPERFORMANCE = os.path.join(ROOT, "workloads", "pyperformance")


def program_size(name):
    with open(os.path.join(PROGRAMS, name + ".py")) as f:
        for line in f:
            if line.startswith("SIZE = "):
                return line.split("=", 1)[1].split("#")[0].strip()
    return None


def pyperformance_rows():
    """workloads/pyperformance/MANIFEST.tsv: name, gc_counts, bench_loops, note (bench_loops 0: not benched)."""
    rows = []
    with open(os.path.join(PYPERFORMANCE, "MANIFEST.tsv")) as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2].strip().isdigit() and int(cols[2]) > 0:
                rows.append((cols[0], int(cols[2])))
    return rows


def programs(only):
    """Every benched program: {key: (suite, directory, argv after the interpreter, size)}. The suite
    `programs` is refheap's own implementations (workloads/programs/, at their SIZE line); `pyperformance`
    is pyperformance's programs unchanged (workloads/pyperformance/, `--loops N` of the pyperf stand-in,
    N from MANIFEST.tsv's bench_loops)."""
    out = {}
    for f in sorted(os.listdir(PROGRAMS)):
        if f.endswith(".py"):
            out[f[:-3]] = ("programs", PROGRAMS, [f], program_size(f[:-3]))
    for name, loops in pyperformance_rows():
        out["pyperformance." + name] = ("pyperformance", PYPERFORMANCE, ["bm_%s.py" % name, "--loops", str(loops)],
                                        "%d loops" % loops)
    return {k: v for k, v in out.items() if not only or only in k}


def timed(argv, cwd):
    """Run argv; return (exit status, stdout bytes, user s, sys s, wall s) of that child alone."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return p.returncode, out.read(), ru.ru_utime, ru.ru_stime, wall


def summary(runs):
    cpu = [r["user_s"] + r["sys_s"] for r in runs]
    return {"user_s": [r["user_s"] for r in runs], "sys_s": [r["sys_s"] for r in runs],
            "wall_s": [r["wall_s"] for r in runs], "cpu_s": cpu,
            "median_cpu_s": statistics.median(cpu), "median_user_s": statistics.median(r["user_s"] for r in runs),
            "median_sys_s": statistics.median(r["sys_s"] for r in runs),
            "median_wall_s": statistics.median(r["wall_s"] for r in runs),
            "min_cpu_s": min(cpu), "max_cpu_s": max(cpu)}


def bench_programs(build, reps, only, rng):
    refheap = os.path.join(build, "refheap")
    progs = programs(only)
    names = list(progs)
    interps = {"refheap": lambda a: [refheap, "run"] + a, "cpython": lambda a: [PY] + a}
    runs = {n: {i: [] for i in interps} for n in names}
    outputs = {n: {} for n in names}
    failures = []
    for rep in range(reps):
        # programs in a shuffled order, the two interpreters of a program back to back (which first is
        # random), so that a change of the machine's speed during the run (another tenant of the host, a
        # frequency step) falls on both sides of a pair: the ratios are taken per pair
        order = []
        for n in rng.sample(names, len(names)):
            order += [(n, i) for i in sorted(interps, key=lambda _: rng.random())]
        for n, i in order:
            rc, out, user, sys_, wall = timed(interps[i](progs[n][2]), progs[n][1])
            print("[interpreter] rep %d/%d %-30s %-8s cpu %.2f s wall %.2f s%s" % (
                rep + 1, reps, n, i, user + sys_, wall, "" if rc == 0 else " EXIT %d" % rc), flush=True)
            if rc != 0:
                failures.append("%s on %s: exit %d" % (n, i, rc))
                continue
            runs[n][i].append({"user_s": user, "sys_s": sys_, "wall_s": wall})
            outputs[n].setdefault(i, set()).add(out)
    # start-up: the same interpreters on an empty program, interleaved the same way (subtracted in
    # ratio_cpu_net, so the interpreters' different start-up costs do not skew the per-program ratios)
    start = {i: [] for i in interps}
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.py")
        with open(empty, "w") as f:
            f.write("pass\n")
        for rep in range(reps * 2):
            for i in sorted(interps, key=lambda _: rng.random()):
                rc, _, user, sys_, wall = timed(interps[i]([empty]), tmp)
                if rc == 0:
                    start[i].append({"user_s": user, "sys_s": sys_, "wall_s": wall})
    startup = {i: summary(start[i]) for i in interps if start[i]}
    result = {}
    for n in names:
        doc = {"suite": progs[n][0], "size": progs[n][3]}
        outs = outputs[n]
        doc["output_match"] = (len(outs.get("refheap", ())) == 1 and outs.get("refheap") == outs.get("cpython"))
        if not doc["output_match"]:
            failures.append("%s: refheap's stdout differs from CPython's" % n)
        for i in interps:
            if runs[n][i]:
                doc[i] = summary(runs[n][i])
        if "refheap" in doc and "cpython" in doc:
            pairs = list(zip(runs[n]["refheap"], runs[n]["cpython"])) if len(runs[n]["refheap"]) == len(runs[n]["cpython"]) else []
            if pairs:  # the median of the repetitions' ratios (each pair ran back to back)
                doc["ratios_cpu"] = [(a["user_s"] + a["sys_s"]) / (b["user_s"] + b["sys_s"]) for a, b in pairs]
                doc["ratio_cpu"] = statistics.median(doc["ratios_cpu"])
                doc["ratio_wall"] = statistics.median(a["wall_s"] / b["wall_s"] for a, b in pairs)
            else:  # a run failed on one side: the ratio of the medians
                doc["ratio_cpu"] = doc["refheap"]["median_cpu_s"] / doc["cpython"]["median_cpu_s"]
                doc["ratio_wall"] = doc["refheap"]["median_wall_s"] / doc["cpython"]["median_wall_s"]
            if len(startup) == 2:
                doc["ratio_cpu_net"] = ((doc["refheap"]["median_cpu_s"] - startup["refheap"]["median_cpu_s"])
                                        / (doc["cpython"]["median_cpu_s"] - startup["cpython"]["median_cpu_s"]))
        result[n] = doc
    return result, startup, failures


def bench_seed(build, reps, n, rng):
    """seed_01 (list(range(N)), del, gc.collect()) per phase: user and kernel CPU from the per-statement JSON of
    `refheap run --json` and of the oracle runner (harness/oracle/run_oracle.py) on CPython, both pymalloc."""
    sys.path.insert(0, HERE)
    import workload_bench
    refheap = os.path.join(build, "refheap")
    oracle = os.path.join(ROOT, "harness", "oracle", "run_oracle.py")
    per = {"refheap": [], "cpython": []}
    with tempfile.TemporaryDirectory() as tmp:
        f = workload_bench.scaled_copy(SEED, n, tmp)
        j = os.path.join(tmp, "out.json")
        argv = {"refheap": [refheap, "run", f, "--json", j],
                "cpython": [PY, oracle, f, "--json", j, "--allocator", "pymalloc"]}
        for rep in range(reps):
            order = list(argv)
            rng.shuffle(order)
            for i in order:
                p = subprocess.run(argv[i], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                if p.returncode != 0:
                    sys.stderr.write("seed on %s failed: %s\n" % (i, p.stderr[-500:]))
                    continue
                with open(j) as fh:
                    per[i].append(workload_bench.summarize_run(json.load(fh))["phases"])
    out = {"workload": SEED, "n": n, "repetitions": reps}
    for i, phase_runs in per.items():
        phases = {}
        for label in (phase_runs[0] if phase_runs else {}):
            rows = [r[label] for r in phase_runs if label in r]
            phases[label] = {k: statistics.median(r[k] for r in rows) for k in ("user_ns", "sys_ns", "wall_ns",
                                                                                  "minflt")}
        out[i] = phases
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--results", default=os.path.join(ROOT, "results"))
    ap.add_argument("--scale", default="quick", choices=["quick", "full"])
    ap.add_argument("--only", default="", help="keep the programs whose name contains this")
    ap.add_argument("--repetitions", type=int, default=None)
    args = ap.parse_args()
    reps = args.repetitions or (5 if args.scale == "quick" else 9)
    rng = random.Random(20240611)
    load0 = os.getloadavg()
    t0 = time.monotonic()
    progs, startup, failures = bench_programs(args.build, reps, args.only, rng)
    seed = bench_seed(args.build, reps, 10**7 if args.scale == "quick" else 10**8, rng)
    load1 = os.getloadavg()
    ratios = [d["ratio_cpu"] for d in progs.values() if "ratio_cpu" in d]
    walls = [d["ratio_wall"] for d in progs.values() if "ratio_wall" in d]
    nets = [d["ratio_cpu_net"] for d in progs.values() if "ratio_cpu_net" in d]
    doc = {"scale": args.scale, "repetitions": reps, "cpus": os.cpu_count(),
           "loadavg_before": load0, "loadavg_after": load1,
           # more runnable processes than cores while we ran: other people's jobs shared the machine
           "shared_machine": max(load0[0], load1[0]) > 1.0,
           "seconds": round(time.monotonic() - t0, 1),
           "refheap": os.path.join(args.build, "refheap"), "cpython": PY,
           "cpython_version": subprocess.run([PY, "-c", "import sys; print(sys.version.split()[0])"],
                                             capture_output=True, text=True).stdout.strip(),
           "startup": startup, "programs": progs,
           "geomean_ratio_cpu": statistics.geometric_mean(ratios) if ratios else None,
           "geomean_ratio_wall": statistics.geometric_mean(walls) if walls else None,
           "geomean_ratio_cpu_net": statistics.geometric_mean(nets) if nets else None,
           "geomean_ratio_cpu_by_suite": {
               suite: statistics.geometric_mean(rs) for suite in ("programs", "pyperformance")
               for rs in [[d["ratio_cpu"] for d in progs.values() if d.get("suite") == suite and "ratio_cpu" in d]]
               if rs},
           "failures": failures, "seed": seed}
    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, "interpreter.json"), "w") as f:
        json.dump(doc, f, indent=1)
    for n, d in progs.items():
        if "ratio_cpu" in d:
            print("[interpreter] %-30s refheap %.2f s  CPython %.2f s  %.2f×" % (
                n, d["refheap"]["median_cpu_s"], d["cpython"]["median_cpu_s"], d["ratio_cpu"]))
    if doc["geomean_ratio_cpu"]:
        print("[interpreter] geometric mean of CPU-time ratios: %.2f× (%s)" % (doc["geomean_ratio_cpu"], ", ".join(
            "%s %.2f×" % kv for kv in sorted(doc["geomean_ratio_cpu_by_suite"].items()))))
    for msg in failures:
        print("[interpreter] FAILED: " + msg, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
