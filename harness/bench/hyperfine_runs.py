#!/usr/bin/python3
"""Whole-process time of each workload: `refheap run` (pymalloc, malloc) against Debian's CPython 3.11 on
the same scaled file, with hyperfine (--export-json results/hyperfine_<workload>.json). Process start-up
is included by design here; in-process phase times come from the per-statement JSON (workloads.json)."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import workload_bench  # noqa: E402

ROOT = workload_bench.ROOT


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--scale", default="quick")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    hf = shutil.which("hyperfine")
    if not hf:
        print("hyperfine: not installed (make deps installs it)")
        return 1
    tmp = tempfile.mkdtemp(prefix="rh-hf-")
    shim = os.path.join(ROOT, "harness", "oracle")
    refheap = os.path.join(args.build, "refheap")
    runs = "3" if args.scale == "quick" else "5"
    rc = 0
    for w, (path, nq, nf) in workload_bench.WORKLOADS.items():
        if args.only and args.only not in w:
            continue
        f = workload_bench.scaled_copy(path, nq if args.scale == "quick" else nf, tmp)
        cmds = ["%s run %s --allocator pymalloc" % (refheap, f),
                "%s run %s --allocator malloc" % (refheap, f),
                "PYTHONPATH=%s /usr/bin/python3 %s" % (shim, f)]
        names = ["refheap/pymalloc", "refheap/malloc", "cpython/pymalloc"]
        if os.path.exists(workload_bench.PYPY):
            cmds.append("PYTHONPATH=%s %s %s" % (shim, workload_bench.PYPY, f))
            names.append("pypy3/default")
        argv = [hf, "--runs", runs, "--warmup", "1", "--style", "basic", "--output", "null",
                "--export-json", os.path.join(args.results, "hyperfine_%s.json" % w)]
        for n, c in zip(names, cmds):
            argv += ["--command-name", n, c]
        print("  [hyperfine] %s" % w, flush=True)
        p = subprocess.run(argv, stdout=subprocess.DEVNULL)
        rc |= p.returncode
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if rc else 0


if __name__ == "__main__":
    sys.exit(main())
