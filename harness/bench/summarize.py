#!/usr/bin/python3
"""Regenerate results/README.md from the JSON that make bench wrote: summary tables with ratios
against CPython (its own obmalloc, measured in the same run) and against glibc malloc, plus the
machine line. Only numbers present in results/*.json are reported; a missing one says so."""
import argparse
import glob
import re
import json
import os
import platform
import subprocess
import time


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


TIME_FIELD = "cpu_time"  # single-threaded benchmarks on a shared 2-core machine: CPU time is robust to
                         # preemption by other processes; real_time is in the JSON too


def norm(run_name):
    """google benchmark appends /iterations:N (fixed iteration counts) to run names; drop it."""
    return re.sub(r"/iterations:\d+", "", run_name)


def medians(doc):
    """{benchmark run_name: median cpu_time (ns) } from google-benchmark JSON with aggregates."""
    out = {}
    if not doc:
        return out
    for b in doc.get("benchmarks", []):
        if b.get("aggregate_name") == "median":
            unit = b.get("time_unit", "ns")
            scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]
            out[norm(b["run_name"])] = b[TIME_FIELD] * scale
        elif "aggregate_name" not in b and b.get("run_type") == "iteration":
            unit = b.get("time_unit", "ns")
            scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]
            out.setdefault(norm(b["run_name"]), b[TIME_FIELD] * scale)
    return out


def cvs(doc):
    out = {}
    for b in (doc or {}).get("benchmarks", []):
        if b.get("aggregate_name") == "cv":
            out[norm(b["run_name"])] = b[TIME_FIELD]
    return out


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine_line(context):
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip() or platform.processor()
    thp = sh("cat /sys/kernel/mm/transparent_hugepage/enabled") or "unknown"
    glibc = " ".join(platform.libc_ver())
    vers = []
    for pkg in ("libmimalloc2.0", "libjemalloc2", "libtcmalloc-minimal4", "libpython3.11"):
        v = sh("dpkg-query -W -f='${Version}' %s 2>/dev/null" % pkg)
        vers.append("%s %s" % (pkg, v or "absent"))
    return ("CPU: %s (%s cores); kernel %s; THP %s; %s; %s; build %s" % (
        cpu, os.cpu_count(), platform.release(), thp, glibc, ", ".join(vers),
        (context or {}).get("build_type", "?")))


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return "%.2f×" % (a / b)


def gc_section(L, r):
    rh = medians(load(os.path.join(r, "micro_gc.json")))
    cp = medians(load(os.path.join(r, "cpython_gc.json")))
    L.append("## Cyclic GC: refheap (pymalloc, py311) vs CPython 3.11, same run")
    L.append("")
    if not rh:
        L.append("_micro_gc.json missing._")
        L.append("")
        return
    L.append("| benchmark | refheap | CPython | ratio |")
    L.append("|---|---|---|---|")
    for name in sorted(rh, key=lambda k: (k.split("/")[0], int(k.split("/")[1]))):
        base = "/".join(name.split("/")[:2])
        v, c = rh[name], cp.get(base)
        unit, div = ("µs", 1e3) if name.startswith("gen0") else ("ms", 1e6)
        L.append("| %s | %.3f %s | %s | %s |" % (base, v / div, unit,
                                               "%.3f %s" % (c / div, unit) if c else "n/a", fmt_ratio(v, c)))
    L.append("")


def workload_section(L, r):
    doc = load(os.path.join(r, "workloads.json"))
    L.append("## Workloads: refheap run vs CPython 3.11, same allocator matrix, same run")
    L.append("")
    if not doc:
        L.append("_workloads.json missing._")
        L.append("")
        return
    L.append("Scale `%s`, %d interleaved repetitions, medians (min–max). Release = from the start of the "
             "freeing statement until RSS is within %g MiB of its level at the first mark, polled every ms "
             "for up to %g s. Ratios: against cpython/pymalloc and against refheap/malloc." % (
                 doc["scale"], doc["repetitions"], doc["tolerance_mb"], doc["deadline_s"]))
    L.append("")
    for w, wd in doc["workloads"].items():
        cfgs = wd["configs"]
        L.append("### %s (N = %s)" % (w, wd.get("n")))
        L.append("")
        L.append("| config | phase | time ms | ×CPython | ×glibc | peak RSS MiB | release |")
        L.append("|---|---|---|---|---|---|---|")
        ref_c = cfgs.get("cpython/pymalloc", {}).get("phases", {})
        ref_g = cfgs.get("refheap/malloc", {}).get("phases", {})
        for cfg in sorted(cfgs):
            agg = cfgs[cfg]
            if not agg.get("n"):
                L.append("| %s | — | failed (%d runs) | | | | |" % (cfg, agg.get("failed", 0)))
                continue
            for label, ph in agg.get("phases", {}).items():
                rel = ph.get("release")
                rel_s = ""
                if rel:
                    rel_s = ("%.1f ms" % (rel["latency_ns"] / 1e6)) if rel.get("latency_ns") is not None else rel["outcome"]
                    if rel.get("not_released"):
                        rel_s += " (%d not released)" % rel["not_released"]
                pk = ph.get("peak_rss_bytes")
                L.append("| %s | %s | %.1f (%.1f–%.1f) | %s | %s | %s | %s |" % (
                    cfg, label, ph["wall_ns"] / 1e6, (ph.get("wall_ns_min") or 0) / 1e6, (ph.get("wall_ns_max") or 0) / 1e6,
                    fmt_ratio(ph["wall_ns"], ref_c.get(label, {}).get("wall_ns")),
                    fmt_ratio(ph["wall_ns"], ref_g.get(label, {}).get("wall_ns")),
                    "%.0f" % (pk / 2**20) if pk else "n/a", rel_s))
        pauses = [(cfg, g, p) for cfg, agg in sorted(cfgs.items()) for g, p in sorted((agg.get("gc_pauses") or {}).items())]
        if pauses:
            L.append("")
            L.append("GC pauses: " + "; ".join("%s gen%s n=%d p50 %.1f µs p99 %.1f µs max %.1f µs" % (
                cfg, g, p["count"], p["p50_ns"] / 1e3, p["p99_ns"] / 1e3, p["max_ns"] / 1e3) for cfg, g, p in pauses))
        L.append("")


def targets_section(L, r, micro):
    L.append("## Targets (ratios from this run; a missed target says so)")
    L.append("")
    doc = load(os.path.join(r, "workloads.json")) or {"workloads": {}}
    seed = doc["workloads"].get("seed_01_range_del_collect", {}).get("configs", {})
    rp = seed.get("refheap/pymalloc", {}).get("phases", {})
    cp = seed.get("cpython/pymalloc", {}).get("phases", {})
    n = doc["workloads"].get("seed_01_range_del_collect", {}).get("n")

    def line(what, v, c, limit, fmt="%.2f×"):
        if v is None or c in (None, 0):
            L.append("- %s: not measured in this run" % what)
            return
        ratio = v / c
        ok = ratio <= limit
        L.append("- %s: " % what + fmt % ratio + " — " + ("met" if ok else "MISSED (target ≤ %g×)" % limit))

    line("build list(range(%s)) on refheap/pymalloc vs CPython (≤ 0.5×)" % n,
         rp.get("build", {}).get("wall_ns"), cp.get("build", {}).get("wall_ns"), 0.5)
    for ph in ("build", "del"):
        a, b = rp.get(ph, {}), cp.get(ph, {})
        if a.get("user_ns") is not None and b.get("user_ns") is not None:
            L.append("  - %s phase CPU split: refheap user %.0f ms + kernel %.0f ms (%d minor faults) vs CPython "
                     "user %.0f ms + kernel %.0f ms (%d minor faults); user-space ratio %s" % (
                         ph, a["user_ns"] / 1e6, a["sys_ns"] / 1e6, a.get("minflt") or 0, b["user_ns"] / 1e6,
                         b["sys_ns"] / 1e6, b.get("minflt") or 0, fmt_ratio(a["user_ns"], b["user_ns"])))
    rr = rp.get("del", {}).get("release") or {}
    cr = cp.get("del", {}).get("release") or {}
    line("its del until RSS is back, refheap vs CPython (≤ 0.5×)", rr.get("latency_ns"), cr.get("latency_ns"), 0.5)
    rb, cb = rp.get("build", {}), cp.get("build", {})
    if rb.get("peak_rss_bytes") and cb.get("peak_rss_bytes"):
        dr = rb["peak_rss_bytes"] - rb["rss_start_bytes"]
        dc = cb["peak_rss_bytes"] - cb["rss_start_bytes"]
        dev = (dr - dc) / dc * 100 if dc else 0
        L.append("- peak ΔRSS of the build, refheap vs CPython (±3%%): %+.1f%% (%.0f vs %.0f MiB) — %s" % (
            dev, dr / 2**20, dc / 2**20, "met" if abs(dev) <= 3 else "MISSED"))
    else:
        L.append("- peak ΔRSS of the build: not measured in this run")
    rh = medians(load(os.path.join(r, "micro_gc.json")))
    cpg = medians(load(os.path.join(r, "cpython_gc.json")))
    for shape in ("full_collect_2cycles", "full_collect_random"):
        ns = sorted(int(k.split("/")[1]) for k in rh if k.startswith(shape + "/"))
        if ns:
            big = ns[-1]
            key = "%s/%d" % (shape, big)
            line("%s at N=%d vs CPython (≤ 0.5×)" % (shape, big),
                 rh.get(key), cpg.get(key), 0.5)
    g = sorted((int(k.split("/")[1]), v) for k, v in rh.items() if k.startswith("gen0_pause_old/"))
    if g:
        flat = max(v for _, v in g) / min(v for _, v in g)
        L.append("- gen0 pause flat in old-generation size: max/min over N=%s is %.2f — %s" % (
            ",".join(str(n) for n, _ in g), flat, "met" if flat <= 1.5 else "MISSED (> 1.5)"))
        big = g[-1]
        line("gen0 pause beside %d old objects vs CPython (≤ 1.0×)" % big[0], big[1],
             cpg.get("gen0_pause_old/%d" % big[0]), 1.0)
    p, c = micro.get("pair/pymalloc/32"), micro.get("pair/cpython/32")
    line("pymalloc alloc+free pair (32 B) vs CPython's obmalloc (≤ 1.0×)", p, c, 1.0)
    L.append("")


def seed_section(L, r):
    """The seed story (harness/bench/seed_story.py): how many model-vs-real rows agree, per scale."""
    found = False
    for stem, what in (("seed_quick", "this run"), ("seed", "the seed's own N, docs/seed.md")):
        doc = load(os.path.join(r, stem + ".json"))
        if not doc or not doc.get("rows"):
            continue
        if not found:
            L += ["", "## The seed story (`a = range(N)`, `del a`, `gc.collect()`: refheap vs real 2.7.18 / 3.11)", ""]
            found = True
        rows = [x for x in doc["rows"] if x.get("model") and x.get("real") and x["model"].get("n") and x["real"].get("n")]

        def growth_diff(x):  # largest |model - real| growth over each side's own base, MiB
            m, c = x["model"]["rss"], x["real"]["rss"]
            return max(abs((m[k] - m["base"]) - (c[k] - c["base"])) for k in ("build", "del", "collect")) / 2**20

        close = [growth_diff(x) for x in rows if growth_diff(x) <= 16]
        L.append("- N = %s (%s, `%s.md`): in %d of %d configurations the model's RSS growth is within %.1f MiB of "
                 "the real interpreter's at build, del and collect%s." % (
                     format(doc["n"], ","), what, stem, len(close), len(rows), max(close) if close else 0.0,
                     "" if len(close) == len(rows) else " (the others: see the file)"))


def replay_section(L, r):
    """refheap record / replay of real programs (replay.json from replay_bench.py)."""
    doc = load(os.path.join(r, "replay.json"))
    L.append("")
    L.append("## Real programs recorded on CPython 3.11 and replayed on every allocator (`refheap replay`)")
    L.append("")
    if not doc:
        L.append("_replay.json missing: run `make bench ONLY=replay`._")
        return
    L.append("Each program ran on Debian's python3 under `refheap record` (PEP 445 hooks on RAW, MEM and OBJ "
             "from before start-up); its trace was replayed in this run once per configuration, writing every "
             "allocated byte. RAW-domain requests go to the process's malloc in every configuration, as in "
             "CPython. RSS includes the replayer's own baseline (a few MiB, shown). *exit* is the RSS when the "
             "program ended (before interpreter finalization); *release* is the median time for RSS to fall by "
             "half the freed bytes after a large drop in live bytes (`n/m`: drops released within 0.5 s). "
             "Ratios are to the pymalloc model in the same run. `model_check`: pools and blocks per size "
             "class and arenas equal to the real interpreter's `sys._debugmallocstats()` at exit. "
             "docs/record-replay.md explains each column.")
    for prog in doc.get("programs", []):
        L.append("")
        L.append("### %s (`%s`)" % (prog["name"], prog["program"]))
        L.append("")
        L.append("%s operations; trace %.1f MB, %.2f bytes/op; program %.2f s plain, %.2f s recorded "
                 "(%.1f× — %.0f ns of recording per operation)." % (
                     "{:,}".format(prog.get("ops", 0)), prog["trace_bytes"] / 1e6, prog.get("bytes_per_op") or 0,
                     prog["plain_s"], prog["record_s"], prog["record_overhead"], prog.get("record_ns_per_op") or 0))
        runs = prog["runs"]
        base = next((x for x in runs if x["label"] == "pymalloc"), None)
        if runs:
            L.append("Real run: peak %.1f MiB, at exit %.1f MiB (whole process: interpreter, libraries)." % (
                runs[0]["real_peak_rss_kb"] / 1024, runs[0]["real_final_rss_kb"] / 1024))
        L.append("")
        L.append("| configuration | peak RSS MiB | exit RSS MiB | ns/op | release | model_check |")
        L.append("|---|---|---|---|---|---|")
        for x in runs:
            def cell(key, fmt, scale=1.0):
                v = x[key]
                b = base[key] if base else None
                return (fmt % (v / scale)) + (" (%s)" % fmt_ratio(v, b) if b else "")
            rel = "n/a" if not x["releases"] else "%s (%d/%d)" % (
                "%.2f ms" % x["release_latency_ms_median"] if x["release_latency_ms_median"] is not None
                else "none", x["released"], x["releases"])
            mc = {True: "matches", False: "differs (%s)" % x["model_differences"], None: "—"}[x["model_check"]]
            L.append("| %s | %s | %s | %s | %s | %s |" % (x["label"], cell("peak_rss_kb", "%.1f", 1024),
                                                           cell("final_rss_kb", "%.1f", 1024),
                                                           cell("ns_per_op", "%.1f"), rel, mc))
        for label, err in sorted(prog.get("failed", {}).items()):
            L.append("| %s | failed: %s | | | | |" % (label, err.replace("|", "/")[:120]))
        L.append("")
        L.append("![RSS over the stream](replay_rss_%s.png)" % prog["name"])

def interpreter_section(L, r):
    """The `interpreter` step (harness/bench/interpreter_bench.py): real programs, refheap vs CPython."""
    import statistics
    doc = load(os.path.join(r, "interpreter.json"))
    L.append("## Interpreter: real programs on `refheap run` vs CPython 3.11, CPU time, same run")
    L.append("")
    if not doc:
        L.append("_interpreter.json missing: run `make bench ONLY=interpreter`._")
        L.append("")
        return
    la, lb = doc.get("loadavg_before") or [0], doc.get("loadavg_after") or [0]
    L.append("pyperformance's programs unchanged (workloads/pyperformance/, `--loops N`) and refheap's own "
             "implementations (workloads/programs/) at their bench size; %d interleaved repetitions; medians of user+sys CPU time of "
             "the process (min–max); wall time in the JSON. Ratio = refheap / CPython (%s), the median of the repetitions' ratios (the two runs of a program back to back). %s" % (
                 doc["repetitions"], doc.get("cpython_version", "?"),
                 ("The machine was shared during this run (load average %.1f before, %.1f after, %d cores): "
                  "CPU times are robust to that, wall times are not." % (la[0], lb[0], doc.get("cpus") or 0))
                 if doc.get("shared_machine") else "Load average %.1f before, %.1f after." % (la[0], lb[0])))
    L.append("")
    st = doc.get("startup") or {}
    if st.get("refheap") and st.get("cpython"):
        L.append("Start-up (an empty program, same run): refheap %.3f s, CPython %.3f s CPU; the last column "
                 "subtracts it from both sides." % (st["refheap"]["median_cpu_s"], st["cpython"]["median_cpu_s"]))
        L.append("")
    L.append("| program | size | refheap CPU s | CPython CPU s | ratio | ratio without start-up | output |")
    L.append("|---|---|---|---|---|---|---|")
    ratios, nets = [], []
    for name, d in sorted(doc["programs"].items()):
        rh, cp = d.get("refheap"), d.get("cpython")
        if not rh or not cp:
            L.append("| %s | %s | %s | %s | n/a | n/a | failed |" % (name, d.get("size"), "—" if not rh else "%.2f" % rh["median_cpu_s"],
                                                              "—" if not cp else "%.2f" % cp["median_cpu_s"]))
            continue
        ratios.append(rh["median_cpu_s"] / cp["median_cpu_s"])
        if d.get("ratio_cpu_net"):
            nets.append(d["ratio_cpu_net"])
        L.append("| %s | %s | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %s | %s | %s |" % (
            name, d.get("size"), rh["median_cpu_s"], rh["min_cpu_s"], rh["max_cpu_s"], cp["median_cpu_s"],
            cp["min_cpu_s"], cp["max_cpu_s"], fmt_ratio(rh["median_cpu_s"], cp["median_cpu_s"]),
            "%.2f×" % d["ratio_cpu_net"] if d.get("ratio_cpu_net") else "n/a",
            "same" if d.get("output_match") else "DIFFERS"))
    if ratios:
        L.append("| **geometric mean** | | | | **%.2f×** | %s | |" % (
            statistics.geometric_mean(ratios), "**%.2f×**" % statistics.geometric_mean(nets) if nets else "n/a"))
        for suite, g in sorted((doc.get("geomean_ratio_cpu_by_suite") or {}).items()):
            L.append("| geometric mean, %s | | | | %.2f× | | |" % (suite, g))
    L.append("")
    seed = doc.get("seed") or {}
    rp, cp = seed.get("refheap") or {}, seed.get("cpython") or {}
    if rp and cp:
        L.append("Seed workload `%s` at N = %s (pymalloc, medians of %d runs), CPU per phase:" % (
            seed["workload"], format(seed["n"], ","), seed.get("repetitions", 0)))
        L.append("")
        L.append("| phase | refheap user ms | refheap kernel ms | CPython user ms | CPython kernel ms | user ratio |")
        L.append("|---|---|---|---|---|---|")
        for ph in rp:
            a, b = rp[ph], cp.get(ph)
            if not b:
                continue
            L.append("| %s | %.0f | %.0f | %.0f | %.0f | %s |" % (ph, a["user_ns"] / 1e6, a["sys_ns"] / 1e6,
                                                           b["user_ns"] / 1e6, b["sys_ns"] / 1e6,
                                                           fmt_ratio(a["user_ns"], b["user_ns"])))
        L.append("")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--build", default="build")
    args = ap.parse_args()
    r = args.results
    micro = load(os.path.join(r, "micro_alloc.json"))
    med = medians(micro)
    cv = cvs(micro)
    for extra in glob.glob(os.path.join(r, "micro_alloc_*.json")):
        d = load(extra)
        med.update(medians(d))
        cv.update(cvs(d))
    allocs = []
    sizes = set()
    for name in med:
        parts = name.split("/")
        if parts[0] == "pair":
            if parts[1] not in allocs:
                allocs.append(parts[1])
            sizes.add(int(parts[2]))
    order = [a for a in ("pymalloc", "cpython", "mimalloc", "malloc", "jemalloc", "tcmalloc") if a in allocs]
    order += [a for a in allocs if a not in order]
    sizes = sorted(sizes)
    L = []
    L.append("# refheap benchmark results")
    L.append("")
    L.append("Regenerated by `make bench` (harness/bench/run_bench.py → summarize.py) on %s." %
             time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    L.append("")
    L.append("Machine: " + machine_line((micro or {}).get("context")))
    L.append("")
    L.append("Numbers are medians of CPU time over interleaved repetitions (google benchmark "
             "`--benchmark_enable_random_interleaving`); the coefficient of variation is shown as ±. "
             "Ratios compare allocators measured in the same run. CI-class machine: compare ratios, "
             "not absolute times (docs/benchmarks.md).")
    L.append("")
    L.append("## Allocator: malloc+free pair, ns (ratio to CPython's own obmalloc | to glibc malloc)")
    L.append("")
    if not order:
        L.append("_micro_alloc.json missing: run `make bench`._")
    else:
        L.append("| size | " + " | ".join(order) + " |")
        L.append("|---|" + "---|" * len(order))
        for s in sizes:
            row = ["%d" % s]
            for a in order:
                v = med.get("pair/%s/%d" % (a, s))
                if v is None:
                    row.append("n/a")
                    continue
                c = cv.get("pair/%s/%d" % (a, s))
                cell = "%.1f" % v + (" ±%.0f%%" % (100 * c) if c is not None else "")
                cell += " (%s | %s)" % (fmt_ratio(v, med.get("pair/cpython/%d" % s)),
                                        fmt_ratio(v, med.get("pair/malloc/%d" % s)))
                row.append(cell)
            L.append("| " + " | ".join(row) + " |")
        L.append("")
        L.append("## Allocator: batches of 100,000 (allocate all, then free all), ns per block")
        L.append("")
        L.append("| benchmark | " + " | ".join(order) + " |")
        L.append("|---|" + "---|" * len(order))
        for kind in ("batch_inorder", "batch_shuffled"):
            for s in (32, 256):
                row = ["%s %d B" % (kind, s)]
                for a in order:
                    v = med.get("%s/%s/%d/100000" % (kind, a, s))
                    row.append("n/a" if v is None else "%.1f (%s)" % (
                        v / 100000, fmt_ratio(v, med.get("%s/cpython/%d/100000" % (kind, s)))))
                L.append("| " + " | ".join(row) + " |")
    L.append("")
    L.append("## Objects on a librefheap runtime")
    L.append("")
    L.append("| benchmark | allocator | median |")
    L.append("|---|---|---|")
    for path in sorted(glob.glob(os.path.join(r, "micro_objects_*.json"))):
        d = load(path)
        alloc = ((d or {}).get("context") or {}).get("allocator", "?")
        for name, v in sorted(medians(d).items()):
            unit = "ms" if v > 1e6 else "ns"
            L.append("| %s | %s | %s |" % (name.split("/")[0], alloc,
                                          "%.1f ms" % (v / 1e6) if unit == "ms" else "%.2f ns" % v))
    cpy_obj = medians(load(os.path.join(r, "cpython_objects.json")))
    for name, v in sorted(cpy_obj.items()):
        L.append("| %s | CPython 3.11 (same run) | %.1f ms |" % (name.split("/")[0], v / 1e6))
    L.append("")
    gc_section(L, r)
    workload_section(L, r)
    targets_section(L, r, med)
    seed_section(L, r)
    replay_section(L, r)
    L.append("")
    interpreter_section(L, r)
    L.append("")
    L.append("Raw data: `micro_alloc*.json`, `micro_objects_*.json`, `micro_gc.json` (google benchmark JSON), "
             "`cpython_gc.json`, `cpython_objects.json` (the same shapes on CPython, same format), "
             "`workloads.json` (per workload and configuration: phases, release, GC pauses), "
             "`hyperfine_*.json` (whole-process times), `replay.json` (record/replay of real programs), "
             "`interpreter.json` (real programs, refheap vs CPython), "
             "`bench_log.json` (steps, commands, durations). "
             "Plots: `alloc_pair_ns.png`, `rss_<workload>.png`, `release_latency.png`, `gc_pause_vs_heap.png`, `replay_rss_<program>.png`.")
    with open(os.path.join(r, "README.md"), "w") as f:
        f.write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
