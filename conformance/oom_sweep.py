#!/usr/bin/env python3
"""oom_sweep.py — allocation failure at every allocation of a workload (ctest label oom, `make oom`).

    oom_sweep.py BIN CASE.py EXPECTED_STDOUT EXPECTED_EXIT [--full] [--dense N] [--runs N] [--max-n N]
                 [--sanitize]

First `BIN run CASE.py --fail-alloc 0` counts R, the object-allocator requests the program makes after
interpreter start-up (main.c, --fail-alloc). Then, for each chosen N, `BIN run CASE.py --fail-alloc N`
makes the Nth request return NULL, and the run must end in one of three ways:
  - a clean MemoryError: exit status 1 and the last line of the program's stderr is "MemoryError" (a
    traceback above it, or none when the failure hit the compilation of the module). stdout is not
    compared: finalizers still print after the exception, as in CPython;
  - the correct result: stdout equal to EXPECTED_STDOUT and the expected exit status (the failure fell
    where CPython also recovers: a cache or freelist that is only an optimisation, a collection that
    gives up, an exception the program itself catches);
  - an ignored MemoryError: it hit a __del__, a weakref or gc callback, where CPython reports it on
    stderr ("Exception ignored in: ...", or the bare exception when there is no object to name, as
    PyErr_WriteUnraisable(NULL) in gc.c invoke_gc_callback) and goes on; the program then goes on with the
    consequences (exit 0, or 1 with another exception), and stderr must show the MemoryError line;
  - caught: the program's own `except` clause caught the MemoryError (it is an Exception) and its stdout
    says so; it ends normally or with its own status;
  - degraded: the case's header says, on a line `# oom-degrades: <why>`, where CPython's own library
    catches a MemoryError and goes on with less (Lib/linecache.py getlines: `except MemoryError:
    clearcache(); return []`, so a traceback loses its source line); the run then ends with the expected
    status and a stdout that may differ;
  - recovered: no MemoryError is visible because the runtime dropped it where CPython drops it too (the
    collector's append to gc.garbage under DEBUG_SAVEALL, gc.c handle_legacy_finalizers, clears the
    error and stops), and the program fails later on what is missing: exit 1 with a Python traceback.
Each outcome is counted in the summary line, so a change in the mix shows.
Anything else fails the case: a signal (crash, abort: the RH_DEBUG checks, among them the GC invariant
checker gc_check.c that runs after every collection, so after the final collection of every run, abort
on a broken heap), another exit status, or a sanitizer report (with --sanitize, LeakSanitizer on: no leak
after the failure either).

Which N: the ctest slice (default) takes every N up to --dense (25), then --runs (15) points spaced
geometrically up to min(R, --max-n (100000)), and that last one. The geometric points are shifted by a
fraction of a step that a checksum of the case's name fixes, so the suite as a whole probes many depths
and each case always the same ones. Under --sanitize the slice is smaller, --dense 4 and --runs 4: a run
of the ASan build costs about ten times a Release one, the Release slice has swept the same programs
densely, and what the ASan slice adds is the leak and memory-error check on a sample of each program's
failure paths. --full (`make oom`) takes every N up to --dense (2000), then --runs (500; 100 with
--sanitize, where a run of the big cases takes seconds) evenly spaced points up to R, so every program of
the suite is swept densely where its start-up and first statements allocate and sampled with a fixed
stride beyond.
Exit: 0 pass, 1 fail (each failing N is printed with the command that reproduces it).
"""
import argparse
import math
import os
import re
import subprocess
import sys
import time
import zlib

SANITIZER = re.compile(rb"ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: UndefinedBehavior")
COUNT = re.compile(rb"^refheap: fail-alloc: (\d+) requests, (\d+) failed$", re.M)


def plan(total, full, dense, runs, max_n, phase=0.0):
    """The N to fail. phase (in [0, 1), from the case's name) shifts the geometric points of the slice so
    that the cases of the suite probe different depths of their programs rather than the same ones."""
    ns = list(range(1, min(total, dense) + 1))
    top = total if full else min(total, max_n)
    if top > dense and runs > 0:
        if full:
            step = (top - dense) / runs
            extra = {dense + max(1, round(step * (i + 1))) for i in range(runs)}
        else:
            ratio = (top / dense) ** (1.0 / runs)
            extra = {int(round(dense * ratio ** (i - phase))) for i in range(1, runs + 1)} | {top}
        ns += sorted(n for n in extra if dense < n <= top)
    return ns


def run(bin_, case, n, timeout):
    cmd = [os.path.abspath(bin_), "run", os.path.basename(case), "--fail-alloc", str(n)]
    try:
        p = subprocess.run(cmd, cwd=os.path.dirname(case) or ".", capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return cmd, None, b"", b"timeout"
    return cmd, p.returncode, p.stdout, p.stderr


EXC_LINE = re.compile(rb"^[A-Za-z_][A-Za-z_0-9.]*(Error|Exception|Exit|Interrupt|Warning)(: .*)?$")


def judge(rc, out, err, expected, want, degrades=False):
    """(outcome, None) when the run is acceptable, else (None, the reason)."""
    if rc is None:
        return None, "timed out"
    if SANITIZER.search(err):
        return None, "sanitizer report"
    if rc < 0:
        return None, "killed by signal %d" % -rc
    if not COUNT.search(err):
        return None, "no fail-alloc line on stderr"
    body = COUNT.sub(b"", err).rstrip(b"\n").split(b"\n")
    if rc == want and out == expected:
        return "correct", None
    if rc not in (1, want):
        return None, "exit status %d (want %d, or 1 with MemoryError)" % (rc, want)
    if rc == 1 and body[-1] == b"MemoryError":
        return "MemoryError", None
    if re.search(rb"^MemoryError$", err, re.M):
        return "ignored", None
    if rc == 1 and EXC_LINE.match(body[-1]) and b"Traceback (most recent call last):" in err:
        return "recovered", None
    if rc in (0, want) and re.search(rb"\bMemoryError\b", out):
        return "caught", None  # the program's own `except` caught the MemoryError and printed it
    if rc == want and degrades:
        return "degraded", None
    return None, "exit %d, output differs and neither a MemoryError nor a Python exception ends stderr" % rc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("case")
    ap.add_argument("expected")
    ap.add_argument("want", type=int)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--dense", type=int)
    ap.add_argument("--runs", type=int)
    ap.add_argument("--max-n", type=int, default=100000)
    ap.add_argument("--sanitize", action="store_true")
    ap.add_argument("--timeout", type=float, default=300)
    a = ap.parse_args()
    dense = a.dense if a.dense is not None else (2000 if a.full else 4 if a.sanitize else 25)
    runs = a.runs if a.runs is not None else (100 if a.full and a.sanitize else 500 if a.full
                                              else 4 if a.sanitize else 15)
    if a.sanitize:
        os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        if b"/proc/self/statm" in open(a.case, "rb").read():
            print("SKIP: RSS-measuring case under a sanitizer build")
            return 77
    expected = open(a.expected, "rb").read()
    degrades = re.search(rb"^# oom-degrades: ", open(a.case, "rb").read(), re.M) is not None
    cmd, rc, out, err = run(a.bin, a.case, 0, a.timeout)
    m = COUNT.search(err)
    if rc != a.want or out != expected or not m:
        print("FAIL: the run without injection does not pass (exit %s): %s" % (rc, " ".join(cmd)))
        sys.stdout.write(err.decode(errors="replace")[-2000:])
        return 1
    total = int(m.group(1))
    phase = zlib.crc32(os.path.basename(a.case).encode()) / 2.0 ** 32
    ns = plan(total, a.full, dense, runs, a.max_n, phase)
    t0 = time.time()
    bad = 0
    outcomes = {"MemoryError": 0, "correct": 0, "ignored": 0, "recovered": 0, "caught": 0, "degraded": 0}
    for n in ns:
        cmd, rc, out, err = run(a.bin, a.case, n, a.timeout)
        outcome, why = judge(rc, out, err, expected, a.want, degrades)
        if why:
            bad += 1
            print("FAIL N=%d: %s\n  repro: (cd %s && %s)" % (n, why, os.path.dirname(os.path.abspath(a.case)),
                                                          " ".join(cmd)))
            sys.stdout.write("  stderr tail: " + err.decode(errors="replace")[-1500:].replace("\n", "\n  ") + "\n")
            if bad >= 5:
                print("(stopping after 5 failures)")
                break
        else:
            outcomes[outcome] += 1
    print("%s: %d allocation requests; %d runs (N = 1..%d dense%s) in %.1f s: %d MemoryError, %d correct result, "
          "%d ignored MemoryError, %d recovered, %d caught by the program, %d degraded, %d failed" % (os.path.basename(a.case), total, len(ns), min(total, dense),
                         ", %d more up to %d" % (len(ns) - min(total, dense), ns[-1]) if len(ns) > dense else "",
                         time.time() - t0, outcomes["MemoryError"], outcomes["correct"], outcomes["ignored"],
                         outcomes["recovered"], outcomes["caught"], outcomes["degraded"], bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
