#!/usr/bin/python3
"""CPython oracle runner: run a workload on a real interpreter and emit refheap's results schema.

    run_oracle.py WORKLOAD.py [--profile P | --python /usr/bin/python3] [--json FILE] [--report]
                  [--gc-pauses] [--release-tolerance-mb MB --release-deadline-s S]

--profile P runs the interpreter that conformance/profiles/interpreters.tsv names for refheap's version
profile P (py27 ... py313); --python PATH names one directly (default /usr/bin/python3). An absent
interpreter exits 77 (skipped).

The program runs unchanged in a child interpreter, with two additions made through Python's `ast` on a
copy: every top-level statement i is preceded by `__rh_oracle__.begin(i)` and followed by
`__rh_oracle__.end(i)` (original line numbers kept, so tracebacks are the program's), and the `refheap`
shim module (harness/oracle/refheap.py) is on the path so `refheap.mark()` works. The program's stdout
and stderr pass through untouched; measurements go to a JSON file (docs/results-schema.md, schema
"refheap-results/1", the one `refheap run --json` writes). Only small ints and dunder names are added to
the module, so refcounts, identity and globals() (apart from one dunder name) are the program's.
A leading docstring and `from __future__` imports stay first (they must); their rows are recorded, with
zero duration, right after the runtime is imported. The copy is ast.unparse text, so tracebacks' line
numbers are the copy's, not the program's.

The generated copy and the runtime below are also valid Python 2.7 (the py27 profile's oracle is CPython
2.7.18): no f-strings, no keyword-only syntax, u'' literals for text, an explicit utf-8 coding line. What
2.7 cannot measure is null in the JSON: `allocated_blocks` (no sys.getallocatedblocks), `gc_pauses`
(no gc.callbacks); its times come from time.time() (no monotonic clock in 2.7's time module).
"""
import argparse
import ast
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# one place maps refheap's version profiles to real interpreters (conformance/profiles/README.md)
INTERPRETERS = os.path.join(HERE, "..", "..", "conformance", "profiles", "interpreters.tsv")

RUNTIME = r"""# -*- coding: utf-8 -*-
"Measurement side of the oracle (loaded as __rh_oracle__ by the instrumented program)."
# Kept off the program's GC accounting: rows go into preallocated arrays (not GC objects), RSS is read
# with os.read into bytes (no file objects), json is imported only at exit. Transient GC allocations that
# remain (gc.get_count()'s tuple, first use only) can shift an automatic collection by one allocation.
import array, atexit, gc, os, resource, sys, time
_out = os.environ["RH_ORACLE_OUT"]
_page = os.sysconf("SC_PAGE_SIZE")
try:
    array.array("q")
    _I64 = "q"
except ValueError:  # Python 2.7: no "q"; "l" is 64-bit on LP64 Linux
    _I64 = "l"
# Python 2.7 has no monotonic clock in its time module: wall-clock nanoseconds there
_now_ns = getattr(time, "monotonic_ns", None) or (lambda: int(time.time() * 1e9))
_cols = [array.array(_I64) for _ in range(12)]  # stmt, start, wall, rss, drss, blocks, gc0-2, user, sys, minflt
_mark_labels = []
_mark_cols = [array.array(_I64) for _ in range(4)]  # statement index, t, rss, peak of the phase before
_pauses = array.array(_I64)  # generation, start, duration, collected, uncollectable
_release = array.array(_I64)  # row, outcome (1 released, 0 not), latency, rss
_t0 = _now_ns()
_cur = array.array(_I64, [0, 0, 0, 0, 0])  # rss, t, user, sys, minflt at the statement's start
_lines = %(lines)r
_sources = %(sources)s
_release_cfg = %(release)r

def _rss():
    fd = os.open("/proc/self/statm", os.O_RDONLY)
    b = os.read(fd, 200)
    os.close(fd)
    i = b.index(b" ")
    return int(b[i + 1:b.index(b" ", i + 1)]) * _page

def _status_kb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1

_rss0 = _rss()
# other interpreters (PyPy) and CPython 2.7 lack these functions; absent values become null
_have_blocks = hasattr(sys, "getallocatedblocks")
_blocks = getattr(sys, "getallocatedblocks", lambda: -1)
_get_count = getattr(gc, "get_count", lambda: (0, 0, 0))

def begin(i):
    _cur[0] = _rss()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    _cur[2] = int(ru.ru_utime * 1e9)
    _cur[3] = int(ru.ru_stime * 1e9)
    _cur[4] = ru.ru_minflt
    _cur[1] = _now_ns()

def end(i):
    t = _now_ns()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    r = _rss()
    c = _get_count()
    # one append per column: no temporaries that are GC objects
    _cols[0].append(i)
    _cols[1].append(_cur[1] - _t0)
    _cols[2].append(t - _cur[1])
    _cols[3].append(r)
    _cols[4].append(r - _cur[0])
    _cols[5].append(_blocks())
    _cols[6].append(c[0])
    _cols[7].append(c[1])
    _cols[8].append(c[2])
    _cols[9].append(int(ru.ru_utime * 1e9) - _cur[2])
    _cols[10].append(int(ru.ru_stime * 1e9) - _cur[3])
    _cols[11].append(ru.ru_minflt - _cur[4])
    if _release_cfg is not None and len(_mark_cols[2]) and (r < _cur[0] or _freeing_phase_starts()):
        _poll_release(len(_cols[0]) - 1, _cur[1])

def _freeing_phase_starts():
    # the last mark was made during this statement's predecessor and names a freeing phase
    # (same rule as refheap's report.c: del, drop, collect, free*, release*)
    if _mark_cols[0][-1] + 1 != len(_cols[0]) - 1:  # row _mark_cols[0][-1] is the mark statement
        return False
    lab = _mark_labels[-1]
    return lab in ("del", "drop", "collect") or lab.startswith("free") or lab.startswith("release")

def _poll_release(row, start_ns):
    # the statement freed memory: poll until RSS is within tolerance of the RSS at the first mark
    # (the level before the allocation), or the deadline passes
    base = _mark_cols[2][0]
    tol, deadline = _release_cfg
    limit = _now_ns() + int(deadline * 1e9)
    while True:
        r = _rss()
        now = _now_ns()
        if r <= base + tol:
            _release.extend((row, 1, now - start_ns, r))
            return
        if now > limit:
            _release.extend((row, 0, now - start_ns, r))
            return
        time.sleep(0.001)

def _hwm_bytes():
    fd = os.open("/proc/self/status", os.O_RDONLY)
    b = os.read(fd, 4096)
    os.close(fd)
    i = b.find(b"VmHWM:")
    return int(b[i + 6:b.index(b"kB", i)]) * 1024 if i >= 0 else -1

def _reset_hwm():
    # Linux >= 4.0: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS
    try:
        fd = os.open("/proc/self/clear_refs", os.O_WRONLY)
        os.write(fd, b"5")
        os.close(fd)
        return True
    except OSError:
        return False

def _mark(label):
    _mark_labels.append(label)
    _mark_cols[0].append(len(_cols[0]))
    _mark_cols[1].append(_now_ns() - _t0)
    _mark_cols[2].append(_rss())
    _mark_cols[3].append(_hwm_bytes())
    _reset_hwm()

_gc_t = array.array(_I64, [0])
def _gc_cb(phase, info):
    if phase == "start":
        _gc_t[0] = _now_ns()
    else:
        _pauses.extend((info["generation"], _gc_t[0] - _t0, _now_ns() - _gc_t[0],
                        info["collected"], info["uncollectable"]))

def _write():
    import json
    rows = []
    for k in range(len(_cols[0])):
        i = _cols[0][k]
        rows.append({"index": k, "line": _lines[i], "source": _sources[i], "start_ns": _cols[1][k],
                     "wall_ns": _cols[2][k], "rss_bytes": _cols[3][k], "drss_bytes": _cols[4][k],
                     "live_objects": None,
                     "allocated_blocks": _cols[5][k] if _have_blocks else None,
                     "gc_count": [_cols[6][k], _cols[7][k], _cols[8][k]],
                     "user_ns": _cols[9][k], "sys_ns": _cols[10][k], "minflt": _cols[11][k]})
    for j in range(0, len(_release), 4):
        row, ok, lat, r = _release[j:j + 4]
        rows[row]["release"] = ({"outcome": "released", "latency_ns": lat, "rss_bytes": r}
                                if ok else {"outcome": "not released within %%g s" %% _release_cfg[1],
                                            "rss_bytes": r})
    marks = [{"label": _mark_labels[k], "statement_index": _mark_cols[0][k], "t_ns": _mark_cols[1][k],
              "rss_bytes": _mark_cols[2][k],
              "peak_rss_before_bytes": _mark_cols[3][k]} for k in range(len(_mark_labels))]
    doc = {"schema": "refheap-results/1", "tool": "cpython", "version": sys.version.split()[0],
           "workload": os.environ.get("RH_ORACLE_WORKLOAD", ""),
           "allocator": os.environ.get("RH_ORACLE_ALLOCATOR", "pymalloc"),
           "profile": "py%%d%%d" %% sys.version_info[:2], "exit_status": None,
           "totals": {"wall_ns": _now_ns() - _t0, "statements": len(rows), "rss_start_bytes": _rss0,
                      "rss_end_bytes": _rss(),
                      # VmHWM is reset at every mark: the run's peak is the highest phase peak
                      "peak_rss_bytes": max([_status_kb("VmHWM") * 1024] + list(_mark_cols[3])),
                      "peak_rss_last_phase_bytes": _hwm_bytes(), "objects_live": None},
           "statements": rows, "marks": marks}
    if os.environ.get("RH_ORACLE_GC_PAUSES") and not hasattr(gc, "callbacks"):
        doc["gc_pauses"] = None
    elif os.environ.get("RH_ORACLE_GC_PAUSES"):
        doc["gc_pauses"] = [{"generation": _pauses[j], "start_ns": _pauses[j + 1], "duration_ns": _pauses[j + 2],
                             "collected": _pauses[j + 3], "uncollectable": _pauses[j + 4]}
                            for j in range(0, len(_pauses), 5)]
    with open(_out, "w") as f:
        json.dump(doc, f, indent=1)

atexit.register(_write)
if os.environ.get("RH_ORACLE_GC_PAUSES") and hasattr(gc, "callbacks"):
    gc.callbacks.append(_gc_cb)
try:
    import refheap as _shim
    _shim._hook = _mark
except ImportError:
    pass
"""


def _placed(text, lineno):
    """The statement `text`, parsed, with every node placed at `lineno` column 0."""
    stmt = ast.parse(text).body[0]
    for node in ast.walk(stmt):
        node.lineno = node.end_lineno = lineno
        node.col_offset = node.end_col_offset = 0
    return stmt


def _prelude_length(body):
    """How many leading statements must stay first: a docstring, then `from __future__` imports."""
    n = 0
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        n = 1
    while n < len(body) and isinstance(body[n], ast.ImportFrom) and body[n].module == "__future__":
        n += 1
    return n


def instrument(src, filename):
    tree = ast.parse(src, filename)
    lines, sources, body = [], [], []
    src_lines = src.splitlines()
    keep = _prelude_length(tree.body)
    for i, stmt in enumerate(tree.body):
        lines.append(stmt.lineno)
        sources.append(src_lines[stmt.lineno - 1].strip()[:120])
        pre = _placed("__rh_oracle__.begin(%d)" % i, stmt.lineno)
        post = _placed("__rh_oracle__.end(%d)" % i, stmt.lineno)
        # the prelude runs before the runtime exists: its rows are recorded empty right after the import
        body += [pre, post] if i < keep else [pre, stmt, post]
    tree.body = tree.body[:keep] + [_placed("import __rh_oracle__", 1)] + body
    return tree, lines, sources


def text_list(items):
    """A list literal of u'' strings, ASCII only: the same text in Python 2.7 and 3."""
    return "[" + ", ".join("u" + ascii(x) for x in items) + "]"


def interpreter_for(profile):
    """The interpreter path conformance/profiles/interpreters.tsv names for `profile`, or None."""
    with open(INTERPRETERS) as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and not row[0].startswith("#") and row[0] == profile:
                return row[1]
    return None


def machine():
    def read(path):
        try:
            with open(path) as f:
                return f.read()
        except OSError:
            return ""
    cpu = "unknown"
    for line in read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    thp = read("/sys/kernel/mm/transparent_hugepage/enabled").strip()
    if "[" in thp:
        thp = thp.split("[", 1)[1].split("]", 1)[0]
    u = platform.uname()
    return {"sysname": u.system, "release": u.release, "machine": u.machine, "cpu_model": cpu,
            "ncpu": os.cpu_count(), "page_size": os.sysconf("SC_PAGE_SIZE"), "thp": thp or "unknown"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("workload")
    ap.add_argument("--python", default=None, help="interpreter to run (default /usr/bin/python3)")
    ap.add_argument("--profile", default=None,
                    help="run the interpreter conformance/profiles/interpreters.tsv maps this profile to")
    ap.add_argument("--json")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--gc-pauses", action="store_true")
    ap.add_argument("--allocator", default=None,
                    help="label for the allocator in use (e.g. malloc, jemalloc); the caller sets "
                         "PYTHONMALLOC/LD_PRELOAD")
    ap.add_argument("--release-tolerance-mb", type=float, default=None)
    ap.add_argument("--release-deadline-s", type=float, default=5.0)
    args = ap.parse_args()
    if args.python is None and args.profile is not None:
        args.python = interpreter_for(args.profile)
        if args.python is None:
            print("run_oracle: no interpreter listed for profile %s in %s" % (args.profile, INTERPRETERS),
                  file=sys.stderr)
            return 2
    if args.python is None:
        args.python = "/usr/bin/python3"
    if not os.path.exists(args.python):
        print("run_oracle: interpreter %s not found" % args.python, file=sys.stderr)
        return 77
    with open(args.workload) as f:
        src = f.read()
    try:
        tree, lines, sources = instrument(src, args.workload)
    except SyntaxError as e:
        print("%s:%d:%d: syntax error: %s" % (args.workload, e.lineno or 0, e.offset or 0, e.msg), file=sys.stderr)
        return 2
    tmp = tempfile.mkdtemp(prefix="rh-oracle-")
    try:
        release = None
        if args.release_tolerance_mb is not None:
            release = (int(args.release_tolerance_mb * 1048576), args.release_deadline_s)
        with open(os.path.join(tmp, "__rh_oracle__.py"), "w") as f:
            f.write(RUNTIME % {"lines": lines, "sources": text_list(sources), "release": release})
        shutil.copy(os.path.join(HERE, "refheap.py"), os.path.join(tmp, "refheap.py"))
        prog = os.path.join(tmp, os.path.basename(args.workload))
        code = compile(tree, args.workload, "exec")  # validate here; the child compiles the same text
        del code
        with open(prog, "w") as f:
            f.write("# -*- coding: utf-8 -*-\n" + ast.unparse(tree) + "\n")
        out = os.path.join(tmp, "out.json")
        env = dict(os.environ)
        env["PYTHONPATH"] = tmp + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env["RH_ORACLE_OUT"] = out
        env["RH_ORACLE_WORKLOAD"] = args.workload
        env["RH_ORACLE_ALLOCATOR"] = args.allocator or ("malloc" if env.get("PYTHONMALLOC") == "malloc" else "pymalloc")
        if args.gc_pauses:
            env["RH_ORACLE_GC_PAUSES"] = "1"
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        p = subprocess.run([args.python, "-B", prog], env=env)
        doc = None
        try:
            with open(out) as f:
                doc = json.load(f)
        except (OSError, ValueError):
            print("run_oracle: the child wrote no measurements", file=sys.stderr)
        if doc is not None:
            doc["exit_status"] = p.returncode
            doc["machine"] = machine()
            doc["interpreter"] = args.python
            if args.report:
                sys.stdout.flush()
                print("%5s %12s %12s %12s %6s %4s %4s  %s" % ("line", "wall_us", "rss_kb", "drss_kb", "gc0",
                                                            "gc1", "gc2", "statement"), file=sys.stderr)
                for r in doc["statements"]:
                    g = r["gc_count"]
                    print("%5d %12.1f %12d %12d %6d %4d %4d  %s" % (
                        r["line"], r["wall_ns"] / 1000, r["rss_bytes"] // 1024, r["drss_bytes"] // 1024,
                        g[0], g[1], g[2], r["source"][:60]), file=sys.stderr)
                print("peak RSS (VmHWM): %d kB; interpreter %s" % (doc["totals"]["peak_rss_bytes"] // 1024,
                                                                 args.python), file=sys.stderr)
            if args.json:
                with open(args.json, "w") as f:
                    json.dump(doc, f, indent=1)
        return p.returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
