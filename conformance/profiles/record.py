#!/usr/bin/python3
"""Record each version profile's expected output from that profile's real interpreter.

    /usr/bin/python3 conformance/profiles/record.py [--check] [--profile P ...] [--runs N] [-j N]

Owns conformance/profiles/<profile>/*.expected and conformance/profiles/<profile>/MANIFEST.tsv (it
rewrites them; it never touches DIFFERENCES.tsv, README.md or interpreters.tsv). For every scenario
conformance/cases/<group>/<id>.py and every seed workload workloads/seed/<id>.py it runs the profile's
interpreter (from interpreters.tsv) the way conformance/run_workload.sh does: cwd = the case's
directory, `PYTHON <id>.py`, PYTHONPATH=harness/oracle (the `refheap` shim module), no bytecode files.

Only differences from the common expectation are stored: <profile>/<id>.expected when the stdout
differs from cases/<group>/<id>.expected (workloads/seed/<id>.expected for seeds), and a MANIFEST.tsv
row (id, group, exit) when the exit status differs from cases/MANIFEST.tsv's (0 for seeds and for
cases it does not list). Addresses (0x followed by 6 or more hex digits) are written as "0x?" and
compared that way. Each run is repeated --runs times (default 2); output that changes between runs is
reported as unstable (the first run is recorded).

--check writes nothing: it prints what would change and exits 1 if anything would. A profile whose
interpreter is absent is skipped with a note (exit status unaffected).
"""
import argparse
import concurrent.futures
import csv
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CASES = os.path.join(ROOT, "conformance", "cases")
SEEDS = os.path.join(ROOT, "workloads", "seed")
SHIM = os.path.join(ROOT, "harness", "oracle")
ADDRESS = re.compile(rb"0x[0-9a-fA-F]{6,}")
TIMEOUT_S = 300


def normalise(data):
    """Output with run-dependent addresses rewritten to 0x?."""
    return ADDRESS.sub(b"0x?", data)


def read_tsv(path):
    """Rows of a tab-separated file, skipping the header row and # comments."""
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return rows[1:] if rows and rows[0][0] in ("id", "profile") else rows


def interpreters():
    """profile -> interpreter path, from interpreters.tsv (first row is data: it has a # header)."""
    with open(os.path.join(HERE, "interpreters.tsv"), newline="") as f:
        return {r[0]: r[1] for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")}


def workloads():
    """Every workload as (id, group, path, common expected path, common exit status)."""
    exits = {r[0]: int(r[2]) for r in read_tsv(os.path.join(CASES, "MANIFEST.tsv"))}
    out = []
    for py in sorted(glob.glob(os.path.join(CASES, "*", "*.py"))):
        wid = os.path.splitext(os.path.basename(py))[0]
        group = os.path.basename(os.path.dirname(py))
        out.append((wid, group, py, py[:-3] + ".expected", exits.get(wid, 0)))
    for py in sorted(glob.glob(os.path.join(SEEDS, "*.py"))):
        wid = os.path.splitext(os.path.basename(py))[0]
        out.append((wid, "seed", py, py[:-3] + ".expected", 0))
    return out


def run_once(python, path):
    """(normalised stdout, exit status) of `python <file>` in the file's directory."""
    env = dict(os.environ)
    env["PYTHONPATH"] = SHIM
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        p = subprocess.run([python, os.path.basename(path)], cwd=os.path.dirname(path), env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return b"", "timeout"
    return normalise(p.stdout), p.returncode


def run(python, path, runs):
    """The first run's (stdout, exit) and whether every later run agreed with it."""
    first = run_once(python, path)
    stable = all(run_once(python, path) == first for _ in range(runs - 1))
    return first, stable


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def record_profile(profile, python, items, runs, jobs):
    """The files this profile's directory should hold: {name: bytes}, plus notes about the runs."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda it: run(python, it[2], runs), items))
    files, manifest, notes = {}, [], []
    for (wid, group, _py, expected, want), ((out, code), stable) in zip(items, results):
        if not stable:
            notes.append("%s: %s: output or exit status differs between runs" % (profile, wid))
        if code == "timeout":
            notes.append("%s: %s: timed out after %d s" % (profile, wid, TIMEOUT_S))
            continue
        if out != normalise(read_bytes(expected) or b""):
            files[wid + ".expected"] = out
        if code != want:
            manifest.append("%s\t%s\t%d\n" % (wid, group, code))
    files["MANIFEST.tsv"] = ("id\tgroup\texit\n" + "".join(manifest)).encode()
    return files, notes


def sync(directory, files, check):
    """Make `directory` hold exactly `files` (among MANIFEST.tsv and *.expected); the changes made."""
    changes = []
    present = set(os.path.basename(p) for p in glob.glob(os.path.join(directory, "*.expected")))
    for name in sorted(present - set(files)):
        changes.append("remove %s" % os.path.join(directory, name))
        if not check:
            os.remove(os.path.join(directory, name))
    for name, data in sorted(files.items()):
        path = os.path.join(directory, name)
        if read_bytes(path) == data:
            continue
        changes.append("write %s" % path)
        if not check:
            with open(path, "wb") as f:
                f.write(data)
    return changes


def ensure_differences_file(directory, check):
    """Every profile directory has a DIFFERENCES.tsv (deliberate differences; edited by hand)."""
    path = os.path.join(directory, "DIFFERENCES.tsv")
    if os.path.exists(path):
        return []
    if not check:
        with open(path, "w") as f:
            f.write("id\treason\n")
    return ["write %s" % path]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="report what would change; write nothing")
    ap.add_argument("--profile", action="append", help="record only this profile (repeatable)")
    ap.add_argument("--runs", type=int, default=2, help="runs per workload (stability check)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    table = interpreters()
    profiles = args.profile or sorted(table)
    items = workloads()
    changes, notes = [], []
    for profile in profiles:
        if profile not in table:
            print("record: no interpreter listed for %s" % profile, file=sys.stderr)
            return 2
        python = table[profile]
        if not os.access(python, os.X_OK):
            notes.append("%s: %s not present, not recorded" % (profile, python))
            continue
        directory = os.path.join(HERE, profile)
        if not args.check:
            os.makedirs(directory, exist_ok=True)
        files, n = record_profile(profile, python, items, args.runs, args.jobs)
        notes += n
        changes += ensure_differences_file(directory, args.check) + sync(directory, files, args.check)
        differing = sorted(k[:-9] for k in files if k.endswith(".expected"))
        exits = files["MANIFEST.tsv"].count(b"\n") - 1
        print("%s: %d of %d workloads with their own stdout, %d with their own exit status" % (
            profile, len(differing), len(items), exits))
    for line in notes:
        print("note: " + line)
    for line in changes:
        print(("would " if args.check else "") + line)
    return 1 if args.check and changes else 0


if __name__ == "__main__":
    sys.exit(main())
