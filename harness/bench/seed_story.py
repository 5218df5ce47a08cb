#!/usr/bin/python3
"""The seed story, measured: RSS after `a = range(N)`, after `del a`, after `gc.collect()`, on refheap's
model (--profile py27 / py311) and on real CPython 2.7.18 / 3.11, under a matrix of allocators.

    seed_story.py [--build DIR] [--results DIR] [--scale quick|full] [--reps R] [--only TEXT]
                  [--docs FILE | --docs ''] [--report-only]

Owns: results/seed.json (every run and the medians), results/seed.md (tables and verdicts),
results/seed.png (grouped bars) — results/seed_quick.* for --scale quick — and the generated part of docs/seed.md (between the markers
<!-- seed:begin --> and <!-- seed:end -->; the prose around them is hand-written and left alone).
Called by run_bench.py (step "seed_story"); quick scale N = 10^7, full N = 10^8 (the seed's 10000*10000).

What is measured, per run (one process per run; reps interleaved: repetition k of every configuration
runs before repetition k+1 of any):
  RSS = resident pages of /proc/self/statm x page size, read inside the measured process
  base     at refheap.mark("build"), before the range is built
  build    at refheap.mark("del"), after `a = range(N)` / `a = list(range(N))` and print(len(a))
  del      at refheap.mark("collect"), right after `del a`
  collect  after `n = gc.collect()`: refheap: the RSS of that statement's row in `refheap run --json`;
           real CPython: read by the wrapper below right after the program's last statement (print(n))
  trim     real CPython only: after the wrapper calls glibc's malloc_trim(0) (ctypes), after `collect`
Workloads: workloads/seed/seed_07_range_literal.py (the seed's `a = range(N)`: a list on 2.7, lazy on 3)
and workloads/seed/seed_01_range_del_collect.py (`a = list(range(N))`), with their `N = ` line rewritten.
Real interpreters run the workload through WRAPPER (Python 2 and 3): it compiles the file itself (so a
non-ASCII comment needs no coding line on 2.7), hooks the refheap shim's mark() (harness/oracle/refheap.py)
and records which preloaded allocator is actually mapped (/proc/self/maps).
Medians are per field over the repetitions. A configuration whose runs all failed reads "failed" in the
tables and makes the exit status 1; a real interpreter that is not installed leaves its column "not run".
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workload_bench import cache_value  # noqa: E402  (the build's CMake cache: allocator paths)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
PY27 = "/root/.pyenv/versions/2.7.18/bin/python2.7"
PY311 = "/usr/bin/python3"
MIB = 1048576.0
NO_TCACHE = {"GLIBC_TUNABLES": "glibc.malloc.tcache_count=0"}
BEGIN, END = "<!-- seed:begin -->", "<!-- seed:end -->"

WORKLOADS = [  # (key, path, what it builds)
    ("literal", "workloads/seed/seed_07_range_literal.py", "a = range(N)"),
    ("list", "workloads/seed/seed_01_range_del_collect.py", "a = list(range(N))"),
]
WORLDS = [  # (key, refheap profile, real interpreter, its label)
    ("py27", "py27", PY27, "CPython 2.7.18"),
    ("py3", "py311", PY311, "CPython 3.11"),
]
# The workload each world's panel of the plot shows: what the seed ran there.
PLOT_WORKLOAD = {"py27": "literal", "py3": "list"}

WRAPPER = r'''
# Runs under Python 2.7 and 3. A mark must not leave a new malloc'd block behind: one live chunk at the top
# of glibc's heap (a list's item array, a fresh float block) stops the heap from shrinking and would make
# the measurement cause the retention it reports. So every mark writes into storage allocated before the
# first mark (arrays, a list of labels), and reads RSS with os.open/os.read (no FILE buffer).
import array, json, os, sys, time
W, OUT, SHIM = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, SHIM)
import refheap
_page = os.sysconf("SC_PAGE_SIZE")
_clock = getattr(time, "monotonic", time.time)
_labels = [None] * 16
_t = array.array("d", [0.0] * 16)
_r = array.array("d", [0.0] * 16)
_n = array.array("l", [0])
def _rss():
    fd = os.open("/proc/self/statm", os.O_RDONLY)
    b = os.read(fd, 200)
    os.close(fd)
    i = b.index(b" ")
    return int(b[i + 1:b.index(b" ", i + 1)]) * _page
def _hook(label):
    k = _n[0]
    _labels[k] = label
    _t[k] = _clock()
    _r[k] = _rss()
    _n[0] = k + 1
_hook("warm-up")  # creates the frames, floats and ints a mark needs, before anything is measured
_n[0] = 0
refheap._hook = _hook
f = open(W, "rb")
src = f.read()
f.close()
code = compile(src, W, "exec", 0, True)
g = {"__name__": "__main__", "__file__": W}
exec(code, g)
_hook("end")
import ctypes
ctypes.CDLL("libc.so.6").malloc_trim(0)
_hook("trim")
f = open("/proc/self/maps")
maps = f.read()
f.close()
mapped = [lib for lib in ("libjemalloc", "libmimalloc", "libtcmalloc") if lib in maps]
marks = [[_labels[k], _t[k], int(_r[k])] for k in range(_n[0])]
out = open(OUT, "w")
json.dump({"version": sys.version.split()[0], "marks": marks, "mapped": mapped}, out)
out.close()
'''


def setups(build):
    """The allocator setups. Each: key, label, refheap (allocator, env), real env per world (None: no run).

    "pymalloc*" setups keep the interpreter's own object allocator and change the C malloc under it
    (glibc, glibc without tcache, jemalloc or mimalloc by LD_PRELOAD) for the model and the real
    interpreter alike. The other setups make every object a malloc call: refheap --allocator NAME, and
    on 3.11 PYTHONMALLOC=malloc plus the preload. 2.7 has no PYTHONMALLOC, but its ints (992-byte
    blocks) and list arrays come from malloc anyway, so its real run there is the pymalloc* run with the
    same C malloc (the same process configuration, run once)."""
    je = cache_value(build, "JEMALLOC_SO") or "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
    mi = cache_value(build, "MIMALLOC_LIB") or "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"
    je = os.path.realpath(je) if os.path.exists(je) else None
    mi = os.path.realpath(mi) if os.path.exists(mi) else None
    pm = {"PYTHONMALLOC": "malloc"}
    out = [("pymalloc", "pymalloc over glibc malloc (default)", ("pymalloc", {}), {"py27": {}, "py3": {}}),
           ("pymalloc-notc", "pymalloc over glibc malloc, tcache off", ("pymalloc", NO_TCACHE),
            {"py27": NO_TCACHE, "py3": NO_TCACHE})]
    if je:
        ld = {"LD_PRELOAD": je}
        out.append(("pymalloc-je", "pymalloc over jemalloc (LD_PRELOAD)", ("pymalloc", ld), {"py27": ld, "py3": ld}))
    if mi:
        ld = {"LD_PRELOAD": mi}
        out.append(("pymalloc-mi", "pymalloc over mimalloc (LD_PRELOAD)", ("pymalloc", ld), {"py27": ld, "py3": ld}))
    out.append(("malloc", "every object from glibc malloc", ("malloc", {}), {"py27": {}, "py3": pm}))
    out.append(("malloc-notc", "every object from glibc malloc, tcache off", ("malloc", NO_TCACHE),
                {"py27": NO_TCACHE, "py3": dict(pm, **NO_TCACHE)}))
    if je:
        out.append(("jemalloc", "every object from jemalloc", ("jemalloc", {}),
                    {"py27": {"LD_PRELOAD": je}, "py3": dict(pm, LD_PRELOAD=je)}))
    if mi:
        out.append(("mimalloc", "every object from mimalloc", ("mimalloc", {}),
                    {"py27": {"LD_PRELOAD": mi}, "py3": dict(pm, LD_PRELOAD=mi)}))
    return out


def env_label(env):
    if not env:
        return "(default)"
    parts = []
    for k in sorted(env):
        v = env[k]
        parts.append("%s=%s" % (k, os.path.basename(v) if k == "LD_PRELOAD" else v))
    return " ".join(parts)


def scaled_copy(path, n, tmp):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        src = f.read()
    src2, k = re.subn(r"(?m)^N = .*$", "N = %d" % n, src, count=1)
    if k != 1:
        raise SystemExit("seed_story: %s has no 'N = ' line" % path)
    out = os.path.join(tmp, os.path.basename(path))
    with open(out, "w", encoding="utf-8") as f:
        f.write(src2)
    return out


# ---- one run -------------------------------------------------------------------------------------------

def run_refheap(build, prog, profile, alloc, env, tmp):
    j = os.path.join(tmp, "out.json")
    if os.path.exists(j):
        os.remove(j)
    cmd = [os.path.join(build, "refheap"), "run", prog, "--profile", profile, "--allocator", alloc, "--json", j]
    p = subprocess.run(cmd, env=dict(os.environ, **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        return {"ok": False, "error": (p.stderr or "exit %d" % p.returncode).strip()[-300:]}
    with open(j) as f:
        doc = json.load(f)
    marks = {m["label"]: m for m in doc["marks"]}
    rows = doc["statements"]
    after = rows[marks["collect"]["statement_index"] + 1]  # the `n = gc.collect()` row
    t = lambda m: marks[m]["t_ns"] / 1e9  # noqa: E731
    return {"ok": True, "stdout": p.stdout, "allocator": doc.get("allocator"), "profile": doc.get("profile"),
            "rss": {"base": marks["build"]["rss_bytes"], "build": marks["del"]["rss_bytes"],
                    "del": marks["collect"]["rss_bytes"], "collect": after["rss_bytes"]},
            "seconds": {"build": t("del") - t("build"), "del": t("collect") - t("del"),
                        "collect": (after["start_ns"] + after["wall_ns"]) / 1e9 - t("collect")},
            "machine": doc.get("machine")}


def run_real(python, prog, env, tmp):
    j = os.path.join(tmp, "real.json")
    if os.path.exists(j):
        os.remove(j)
    cmd = [python, "-B", "-c", WRAPPER, prog, j, os.path.join(ROOT, "harness", "oracle")]
    e = dict(os.environ, **env)
    e.pop("PYTHONPATH", None)
    p = subprocess.run(cmd, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0 or not os.path.exists(j):
        return {"ok": False, "error": (p.stderr or "exit %d" % p.returncode).strip()[-300:]}
    with open(j) as f:
        doc = json.load(f)
    m = {label: (t, r) for label, t, r in doc["marks"]}
    want = os.path.basename(env.get("LD_PRELOAD", "")).split(".so")[0]
    return {"ok": True, "stdout": p.stdout, "version": doc["version"], "mapped": doc["mapped"],
            "preload_active": (want in doc["mapped"]) if want else None,
            "rss": {"base": m["build"][1], "build": m["del"][1], "del": m["collect"][1], "collect": m["end"][1],
                    "trim": m["trim"][1]},
            "seconds": {"build": m["del"][0] - m["build"][0], "del": m["collect"][0] - m["del"][0],
                        "collect": m["end"][0] - m["collect"][0]}}


# ---- the matrix ----------------------------------------------------------------------------------------

def plan(build, only):
    """Every distinct process configuration: (id, world, workload, tool, setup keys, how to run)."""
    jobs = []
    seen = {}
    for wkey, profile, python, _ in WORLDS:
        for lkey, path, _ in WORKLOADS:
            for skey, _, (alloc, renv), real in setups(build):
                jid = "%s/%s/refheap/%s" % (wkey, lkey, skey)
                jobs.append({"id": jid, "world": wkey, "workload": lkey, "tool": "refheap", "setups": [skey],
                             "path": path, "profile": profile, "allocator": alloc, "env": renv})
                env = real.get(wkey)
                if env is None or not os.path.exists(python):
                    continue
                key = (wkey, lkey, tuple(sorted(env.items())))
                if key in seen:  # 2.7: the same process configuration serves two setups
                    seen[key]["setups"].append(skey)
                    continue
                job = {"id": "%s/%s/cpython/%s" % (wkey, lkey, skey), "world": wkey, "workload": lkey,
                       "tool": "cpython", "setups": [skey], "path": path, "python": python, "env": env}
                seen[key] = job
                jobs.append(job)
    return [j for j in jobs if only in j["id"]]


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def aggregate(job):
    ok = [r for r in job["runs"] if r["ok"]]
    agg = {"n": len(ok), "failed": len(job["runs"]) - len(ok)}
    if ok:
        agg["rss"] = {k: median(r["rss"].get(k) for r in ok) for k in ok[0]["rss"]}
        agg["seconds"] = {k: median(r["seconds"][k] for r in ok) for k in ok[0]["seconds"]}
        agg["rss_min"] = {k: min(r["rss"][k] for r in ok) for k in ok[0]["rss"]}
        agg["rss_max"] = {k: max(r["rss"][k] for r in ok) for k in ok[0]["rss"]}
    else:
        agg["error"] = job["runs"][-1].get("error") if job["runs"] else "not run"
    return agg


def measure(args, jobs, n):
    tmp = tempfile.mkdtemp(prefix="rh-seed-")
    progs = {path: scaled_copy(path, n, tmp) for _, path, _ in WORKLOADS}
    total = len(jobs) * args.reps
    k = 0
    t0 = time.monotonic()
    for rep in range(args.reps):
        for job in jobs:
            k += 1
            prog = progs[job["path"]]
            t = time.monotonic()
            if job["tool"] == "refheap":
                r = run_refheap(args.build, prog, job["profile"], job["allocator"], job["env"], tmp)
            else:
                r = run_real(job["python"], prog, job["env"], tmp)
            job.setdefault("runs", []).append(r)
            if r["ok"]:
                rs = r["rss"]
                msg = "base %.0f build %.0f del %.0f collect %.0f MiB" % tuple(
                    rs[x] / MIB for x in ("base", "build", "del", "collect"))
            else:
                msg = "FAILED: " + r["error"].splitlines()[-1] if r["error"] else "FAILED"
            print("[seed %d/%d] rep %d %s %s (%.1f s)" % (k, total, rep + 1, job["id"], msg, time.monotonic() - t),
                  flush=True)
    for job in jobs:
        job["median"] = aggregate(job)
    print("seed_story: %d runs in %.0f s" % (total, time.monotonic() - t0), flush=True)


# ---- verdicts on the seed's three sentences --------------------------------------------------------------

def growth(rss, key):
    return rss[key] - rss["base"]


def verdicts(rss, n):
    """The seed's sentences, judged on one configuration's medians.

    soars: "会发现内存飙升一个多G" — the build adds more than 1 GB (10^9 bytes) at N = 10^8 (linear
           extrapolation from N when N < 10^8);
    del:   "del a 或者a=[]都不能将内存降下来" — after `del a` at least half of the build's growth is still resident;
    collect: "gc.collect() ... 马上内存就释放了" — the growth still resident after `del` (at least half of it)
           is down to under 10 % after gc.collect()."""
    g = growth(rss, "build")
    if g < MIB:
        return {"soars": "no (nothing built)", "del": "n/a", "collect": "n/a"}
    per_1e8 = g * (1e8 / n)
    soars = "yes" if per_1e8 > 1e9 else "no"
    if n != 10**8:
        soars += " (%.1f GB at 10^8, extrapolated)" % (per_1e8 / 1e9)
    rd = growth(rss, "del") / g
    rc = growth(rss, "collect") / g
    d = "holds (%.0f %% kept)" % (100 * rd) if rd >= 0.5 else "no: del returned %.0f %%" % (100 * (1 - rd))
    if rd < 0.5:
        c = "no: nothing left to free" if rc < 0.1 else "no (%.0f %% kept)" % (100 * rc)
    elif rc < 0.1:
        c = "holds (%.0f %% kept)" % (100 * rc)
    else:
        c = "no: still %.0f %% kept" % (100 * rc)
    return {"soars": soars, "del": d, "collect": c}


# ---- reports -------------------------------------------------------------------------------------------

def mib(x):
    return "n/a" if x is None else "%.0f" % (x / MIB)


def rows_for(jobs, build):
    """Table rows: one per (world, workload, setup), the refheap job beside the real one."""
    by = {}
    for j in jobs:
        for s in j["setups"]:
            by[(j["world"], j["workload"], j["tool"], s)] = j
    rows = []
    for wkey, _, _, wlabel in WORLDS:
        for lkey, _, spelled in WORKLOADS:
            for skey, slabel, _, real in setups(build):
                m = by.get((wkey, lkey, "refheap", skey))
                c = by.get((wkey, lkey, "cpython", skey))
                if m is None and c is None:
                    continue
                rows.append({"world": wkey, "workload": lkey, "spelled": spelled, "setup": skey, "label": slabel,
                             "real_env": env_label(real.get(wkey) or {}), "real_label": wlabel,
                             "model": m and m["median"], "real": c and c["median"],
                             "real_job": c and c["id"], "real_setups": c and c["setups"]})
    return rows


def fmt_marks(agg, trim=False):
    if not agg or not agg.get("n"):
        return ["failed"] * (5 if trim else 4)
    r = agg["rss"]
    cells = [mib(r[k]) for k in ("base", "build", "del", "collect")]
    if trim:
        cells.append(mib(r.get("trim")))
    return cells


def agreement(row):
    m, c = row["model"], row["real"]
    if not (m and m.get("n") and c and c.get("n")):
        return "n/a"
    parts = []
    for k in ("build", "del", "collect"):
        d = round((growth(m["rss"], k) - growth(c["rss"], k)) / MIB)
        parts.append("%+d" % d if d else "0")
    gm, gc_ = growth(m["rss"], "build"), growth(c["rss"], "build")
    ratio = "%.2f×" % (gm / gc_) if gc_ > MIB else "–"
    vm, vc = verdicts(m["rss"], NSIZE), verdicts(c["rss"], NSIZE)
    same = all(vm[k].split(" ")[0].rstrip(":") == vc[k].split(" ")[0].rstrip(":") for k in ("del", "collect"))
    return "%s / %s / %s; build %s; verdicts %s" % (parts[0], parts[1], parts[2], ratio, "agree" if same else "DIFFER")


def tables(rows, n):
    L = []
    for wkey, _, _, wlabel in WORLDS:
        wl = "Python 2.7 world: refheap --profile py27 vs %s" % wlabel if wkey == "py27" else \
            "Python 3 world: refheap --profile py311 vs %s" % wlabel
        L.append("### %s" % wl)
        L.append("")
        for lkey, _, spelled in WORKLOADS:
            rs = [r for r in rows if r["world"] == wkey and r["workload"] == lkey]
            if not rs:
                continue
            L.append("`%s`, N = %s. RSS in MiB (median of the repetitions): base / after build / after `del a` / "
                     "after `gc.collect()`%s." % (spelled, "{:,}".format(n), " / after malloc_trim(0) (real only)"))
            L.append("")
            L.append("| setup | real run's environment | refheap (model) | real | model − real, growth over base "
                     "(build / del / collect, MiB); build growth ratio | seed: del keeps it (model · real) | "
                     "seed: gc.collect() frees it (model · real) |")
            L.append("|---|---|---|---|---|---|---|")
            for r in rs:
                mv = verdicts(r["model"]["rss"], n) if r["model"] and r["model"].get("n") else None
                cv = verdicts(r["real"]["rss"], n) if r["real"] and r["real"].get("n") else None
                L.append("| %s | %s | %s | %s | %s | %s · %s | %s · %s |" % (
                    r["label"], "`%s`" % r["real_env"] if r["real"] else "not run",
                    " / ".join(fmt_marks(r["model"])), " / ".join(fmt_marks(r["real"], trim=True)) if r["real"] else "–",
                    agreement(r), mv["del"] if mv else "–", cv["del"] if cv else "–",
                    mv["collect"] if mv else "–", cv["collect"] if cv else "–"))
            L.append("")
    return L


def summary(rows):
    """Generated sentences: how closely the model follows the real interpreter, over all compared rows."""
    both = [r for r in rows if r["model"] and r["model"].get("n") and r["real"] and r["real"].get("n")]
    if not both:
        return ["No row has both a model and a real measurement.", ""]
    worst, off = 0.0, []
    for r in both:
        m, c = r["model"], r["real"]
        d, k = max((abs(growth(m["rss"], k) - growth(c["rss"], k)), k) for k in ("build", "del", "collect"))
        if d <= 16 * MIB:
            worst = max(worst, d)
            continue
        # ranges over the repetitions, as growth over each side's median base
        lo_m, hi_m = m["rss_min"][k] - m["rss"]["base"], m["rss_max"][k] - m["rss"]["base"]
        lo_c, hi_c = c["rss_min"][k] - c["rss"]["base"], c["rss_max"][k] - c["rss"]["base"]
        overlap = lo_m <= hi_c and lo_c <= hi_m
        off.append("%s / `%s` / %s: %.0f MiB after %s (model %.0f–%.0f, real %.0f–%.0f MiB over the repetitions%s)"
                   % (r["world"], r["spelled"], r["label"], d / MIB, k, lo_m / MIB, hi_m / MIB, lo_c / MIB,
                      hi_c / MIB, ": the ranges overlap" if overlap else ""))
    L = ["**Model vs real, summary.** %d rows compare refheap with the real interpreter. In %d of them the model's "
         "RSS growth over its own base is within %.1f MiB of the real one at every mark (build, del, collect)."
         % (len(both), len(both) - len(off), worst / MIB)]
    if off:
        L.append(" Rows further apart (largest difference of the medians, growth over base):")
        L = ["".join(L), ""] + ["- " + o for o in off]
        return L + [""]
    return ["".join(L), ""]


def timing_table(rows):
    L = ["Phase times, seconds (median): `del a` · `gc.collect()`, model | real.", "",
         "| world | workload | setup | refheap del · collect | real del · collect |", "|---|---|---|---|---|"]
    for r in rows:
        if r["workload"] != PLOT_WORKLOAD[r["world"]]:
            continue
        cell = lambda a: "%.2f · %.2f" % (a["seconds"]["del"], a["seconds"]["collect"]) if a and a.get("n") else "–"  # noqa
        L.append("| %s | `%s` | %s | %s | %s |" % (r["world"], r["spelled"], r["label"], cell(r["model"]),
                                                   cell(r["real"])))
    L.append("")
    return L


def collect_returns(jobs):
    """What `print(n)` (n = gc.collect()) printed, over every successful run: the workloads' last line."""
    vals = sorted({r["stdout"].strip().splitlines()[-1] for j in jobs for r in j.get("runs", [])
                   if r.get("ok") and r.get("stdout", "").strip()})
    return ["`gc.collect()` returned %s in every successful run (the workloads print it)." % " or ".join(vals), ""]


def preload_notes(jobs):
    bad = [j["id"] for j in jobs if j["tool"] == "cpython"
           for r in j.get("runs", []) if r.get("ok") and r.get("preload_active") is False]
    if bad:
        return ["**Preload did not take** in: " + ", ".join(sorted(set(bad))), ""]
    pre = [j for j in jobs if j["tool"] == "cpython" and "LD_PRELOAD" in j["env"]]
    if pre:
        return ["Every real run with LD_PRELOAD had the library mapped (checked in /proc/self/maps).", ""]
    return []


def header(doc):
    return ["Generated by `harness/bench/seed_story.py --scale %s` on %s (%d repetitions, interleaved; "
            "refheap %s at `%s`)." % (doc["scale"], doc["generated"], doc["reps"], doc["refheap_git"], doc["build"]),
            "", "Machine: " + doc["machine_line"], ""] + (
        ["**The refheap binary was older than these sources:** " + ", ".join(doc["build_is_stale"]), ""]
        if doc.get("build_is_stale") else [])


def write_md(doc, rows, jobs, path):
    L = ["# The seed story, measured (`a = range(N)`; `del a`; `gc.collect()`)", ""] + header(doc)
    L += ["How it was measured and what it means: docs/seed.md.", ""]
    L += summary(rows) + tables(rows, doc["n"]) + timing_table(rows) + collect_returns(jobs) + preload_notes(jobs)
    with open(path, "w") as f:
        f.write("\n".join(L))


def update_docs(doc, rows, jobs, path):
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        print("seed_story: %s missing; table not embedded" % path)
        return
    if BEGIN not in text or END not in text:
        print("seed_story: %s has no %s … %s markers; table not embedded" % (path, BEGIN, END))
        return
    gen = header(doc) + summary(rows) + tables(rows, doc["n"]) + timing_table(rows) + collect_returns(jobs) + preload_notes(jobs)
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    with open(path, "w") as f:
        f.write(head + BEGIN + "\n" + "\n".join(gen) + "\n" + END + tail)


def plot(rows, doc, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("seed_story: matplotlib missing; no plot")
        return
    fig, axes = plt.subplots(2, 1, figsize=(15, 10))
    phases = [("build", "after build", "#c0392b"), ("del", "after del a", "#e67e22"),
              ("collect", "after gc.collect()", "#2e86c1")]
    for ax, (wkey, _, _, wlabel) in zip(axes, WORLDS):
        groups = []
        seen = set()
        for r in rows:
            if r["world"] != wkey or r["workload"] != PLOT_WORKLOAD[wkey]:
                continue
            if r["model"] and r["model"].get("n"):
                groups.append(("refheap\n" + r["setup"], r["model"]["rss"], "model"))
            if r["real"] and r["real"].get("n") and r["real_job"] not in seen:
                seen.add(r["real_job"])
                groups.append(("%s\n%s" % (wlabel.split()[1], "\n= ".join(r["real_setups"])), r["real"]["rss"], "real"))
        w = 0.26
        for k, (key, lab, col) in enumerate(phases):
            xs = [i + (k - 1) * w for i in range(len(groups))]
            ax.bar(xs, [g[1][key] / MIB for g in groups], w, color=col, label=lab,
                   edgecolor=["black" if g[2] == "real" else col for g in groups],
                   hatch=None)
        for i, g in enumerate(groups):
            ax.plot([i - 1.5 * w, i + 1.5 * w], [g[1]["base"] / MIB] * 2, color="black", lw=0.8)
        trims = [(i + w, g[1]["trim"] / MIB) for i, g in enumerate(groups) if g[1].get("trim") is not None]
        if trims:
            ax.scatter([t[0] for t in trims], [t[1] for t in trims], marker="v", color="black", s=18, zorder=3,
                       label="real: after malloc_trim(0)")
        ax.set_xticks(range(len(groups)))
        ax.set_xticklabels([g[0] for g in groups], fontsize=7)
        for lbl, g in zip(ax.get_xticklabels(), groups):
            lbl.set_fontweight("bold" if g[2] == "real" else "normal")
        spelled = dict((k, s) for k, _, s in WORKLOADS)[PLOT_WORKLOAD[wkey]]
        ax.set_title("%s world: `%s`, N = %s — refheap model (normal labels) vs real %s (bold)" % (
            "Python 2.7" if wkey == "py27" else "Python 3", spelled, "{:,}".format(doc["n"]), wlabel), fontsize=10)
        ax.set_ylabel("RSS (MiB)")
        top = max([g[1][key] for g in groups for key in ("build", "del", "collect")] + [MIB]) / MIB
        ax.set_ylim(0, top * 1.22)
        ax.legend(fontsize=8, loc="upper center", ncol=4)
        ax.grid(axis="y", alpha=0.3)
    fig.text(0.01, 0.005, "black tick: RSS before the build (base). " + doc["machine_line"][:160], fontsize=6)
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def stale_build(build):
    """Sources (reference/, harness/src/) newer than the refheap binary: the numbers may not be the tree's."""
    exe = os.path.getmtime(os.path.join(build, "refheap"))
    newer = []
    for top in ("reference", os.path.join("harness", "src")):
        for d, _, files in os.walk(os.path.join(ROOT, top)):
            newer += [os.path.relpath(os.path.join(d, f), ROOT) for f in files
                      if os.path.getmtime(os.path.join(d, f)) > exe]
    return sorted(newer)


def machine_line(build):
    sys.path.insert(0, HERE)
    try:
        import summarize
        return summarize.machine_line({"build_type": cache_value(build, "CMAKE_BUILD_TYPE") or "?"}) + \
            "; real interpreters %s, %s" % (PY27, PY311)
    except Exception as e:  # noqa: BLE001 — the line is informative only
        return "unknown (%s)" % e


def result_stem(scale):
    """results/seed.* hold the seed's own N (full scale), which docs/seed.md shows; a quick run (the make
    bench default, N = 10^7) writes results/seed_quick.* and leaves the docs alone."""
    return "seed" if scale == "full" else "seed_quick"


def emit(doc, args):
    """Everything derived from the measurements: seed.json, seed.md, seed.png and the docs section."""
    jobs = doc["jobs"]
    rows = rows_for(jobs, args.build)
    for r in rows:
        for side in ("model", "real"):
            if r[side] and r[side].get("n"):
                r[side + "_verdicts"] = verdicts(r[side]["rss"], doc["n"])
    doc["rows"] = rows
    os.makedirs(args.results, exist_ok=True)
    stem = os.path.join(args.results, result_stem(doc["scale"]))
    with open(stem + ".json", "w") as f:
        json.dump(doc, f, indent=1)
    write_md(doc, rows, jobs, stem + ".md")
    plot(rows, doc, stem + ".png")
    if args.docs:
        update_docs(doc, rows, jobs, args.docs)


def main():
    global NSIZE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--results", default=os.path.join(ROOT, "results"))
    ap.add_argument("--scale", default="quick", choices=["quick", "full"])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--only", default="", help="keep the configurations whose id contains TEXT "
                                              "(world/workload/tool/setup, e.g. py27/literal/cpython)")
    ap.add_argument("--docs", default=None,
                    help="the doc whose generated section is rewritten ('' for none; default: docs/seed.md "
                         "for --scale full, none for quick)")
    ap.add_argument("--report-only", action="store_true",
                    help="re-render seed.md, seed.png and the docs section from RESULTS/seed.json; no runs")
    args = ap.parse_args()
    if args.docs is None:
        args.docs = os.path.join(ROOT, "docs", "seed.md") if args.scale == "full" else ""
    args.build = os.path.abspath(args.build)
    if not os.path.exists(os.path.join(args.build, "refheap")):
        print("seed_story: no refheap in %s (build it first)" % args.build, file=sys.stderr)
        return 2
    if args.report_only:
        with open(os.path.join(args.results, result_stem(args.scale) + ".json")) as f:
            doc = json.load(f)
        NSIZE = doc["n"]
        emit(doc, args)
        print("seed_story: regenerated the reports from %s/%s.json" % (args.results, result_stem(args.scale)))
        return 0
    stale = stale_build(args.build)
    if stale:
        print("seed_story: WARNING: %s/refheap is older than %s (rebuild?)" % (args.build, ", ".join(stale[:5])),
              flush=True)
    NSIZE = 10**7 if args.scale == "quick" else 10**8
    jobs = plan(args.build, args.only)
    if not jobs:
        print("seed_story: nothing matches --only %r" % args.only, file=sys.stderr)
        return 2
    print("seed_story: N = %d, %d configurations x %d repetitions" % (NSIZE, len(jobs), args.reps), flush=True)
    measure(args, jobs, NSIZE)
    git = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h %s"], capture_output=True, text=True).stdout
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "-uno", "--", "reference", "harness/src"],
                           capture_output=True, text=True).stdout.strip()
    git = git.strip()[:80] + (" + uncommitted changes in reference/ or harness/src/" if dirty else "")
    doc = {"schema": "refheap-seed/1", "scale": args.scale, "n": NSIZE, "reps": args.reps,
           "generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "build": args.build,
           "refheap_git": git or "?", "build_is_stale": stale_build(args.build), "machine_line": machine_line(args.build),
           "machine": next((r["machine"] for j in jobs for r in j["runs"] if r.get("machine")), None),
           "workloads": {k: {"path": p, "spelled": s} for k, p, s in WORKLOADS},
           "setups": {k: {"label": lab, "refheap_allocator": a, "refheap_env": e, "real_env": real}
                      for k, lab, (a, e), real in setups(args.build)},
           "jobs": jobs}
    emit(doc, args)
    failed = [j["id"] for j in jobs if not j["median"].get("n")]
    print("seed_story: wrote %s/%s.{json,md,png}%s" % (args.results, result_stem(args.scale),
                                                      " and " + args.docs if args.docs else ""))
    if failed:
        print("seed_story: FAILED configurations: " + ", ".join(failed))
        return 1
    return 0


NSIZE = 10**7
if __name__ == "__main__":
    sys.exit(main())
