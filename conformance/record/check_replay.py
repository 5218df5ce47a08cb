#!/usr/bin/python3
"""ctest driver for refheap record/replay (conformance/record.cmake).

  check_replay.py REFHEAP record TRACE           record small_program.py into TRACE (exit 0, trace made)
  check_replay.py REFHEAP replay TRACE ALLOC [--profile P] [--set K=V] [--expect-match yes|no]
        replay on ALLOC with --json; every operation replayed, timeline and marks present; under an
        allocator with pymalloc statistics model_check.matches must equal --expect-match. Exit 77 (skip)
        when the allocator is not available in this build.
  check_replay.py REFHEAP bad-trace KIND TRACE    a damaged copy of TRACE must fail with exit 2 and a
        message naming the file and an offset (KIND: truncated, corrupt, version, older,
        junk, empty)
  check_replay.py REFHEAP other-python PYTHON PROFILE   record with --python PYTHON, replay under PROFILE:
        model_check.matches true
  check_replay.py REFHEAP script-status N         a recorded script exiting with N gives N
  check_replay.py REFHEAP script-fails KIND        a script that fails under Python (KIND: exception,
        syntax, missing, os_exit): the program's status and Python's message; os._exit() (no exit
        handlers) is reported as a truncated trace, and replay refuses it with exit 2 naming file and offset
  check_replay.py REFHEAP whatif TRACE ALLOC KEY=VALUE EFFECT   the setting takes effect: the replay with
        it against the replay without it (EFFECT: model:FIELD=N, more:FIELD, more:released, hugepages)
  check_replay.py REFHEAP shim-path               PYTHONPATH=$(refheap shim-path) makes the refheap shim
        importable by plain /usr/bin/python3 (and without it, the import fails)
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return p.returncode, p.stdout, p.stderr


def record(refheap, trace):
    rc, out, err = run([refheap, "record", "-q", "-o", trace, os.path.join(HERE, "small_program.py")])
    if rc != 0 or out != "done\n":
        fail("record exit %d, stdout %r, stderr %s" % (rc, out, err))
    if not os.path.exists(trace) or os.path.getsize(trace) < 100:
        fail("no trace written")


def replay(refheap, trace, alloc, rest):
    expect = None
    if "--expect-match" in rest:
        i = rest.index("--expect-match")
        expect = rest[i + 1] == "yes"
        rest = rest[:i] + rest[i + 2:]
    with tempfile.TemporaryDirectory() as d:
        js = os.path.join(d, "r.json")
        rc, out, err = run([refheap, "replay", trace, "--allocator", alloc, "--json", js] + rest)
        if rc == 2 and ("not active" in err or "not found" in err or "cannot" in err) and alloc != "pymalloc":
            print("skip: " + err.strip())
            sys.exit(SKIP)
        if rc != 0:
            fail("replay exit %d: %s" % (rc, err))
        doc = json.load(open(js))
    if doc["schema"] != "refheap-replay/1":
        fail("schema %r" % doc["schema"])
    k = doc["ops_by_kind"]
    if doc["ops"] <= 1000 or doc["ops"] != k["malloc"] + k["calloc"] + k["realloc"] + k["free"]:
        fail("ops %r" % doc["ops"])
    labels = [p.get("label") for p in doc["timeline"] if p["kind"] == "mark"]
    if labels != ["start", "built", "cycles collected", "freed"]:
        fail("marks %r" % labels)
    if not any(p["kind"] == "gc" and p["generation"] == 2 for p in doc["timeline"]):
        fail("no full collection in the timeline")
    for f in ("peak_rss_kb", "final_rss_kb", "real_peak_rss_kb", "real_final_rss_kb"):
        if not doc[f] > 0:
            fail("%s = %r" % (f, doc[f]))
    if doc["ns_per_op"] <= 0:
        fail("ns_per_op %r" % doc["ns_per_op"])
    mc = doc["model_check"]
    if expect is not None:
        if not mc.get("available"):
            fail("model_check unavailable: %r" % mc)
        if mc["matches"] != expect:
            fail("model_check.matches %r, expected %r; differences %r" % (mc["matches"], expect,
                                                                          mc["differences"][:10]))
        if not expect and not mc["differences"]:
            fail("no differences listed")
        if expect:
            # every arena of the replay placed at its recorded twin's offset from pool alignment
            # (docs/record-replay.md, "Arena placement"); without it the alignment losses differ
            if not (doc["arenas_recorded"] > 0 and doc["arenas_unplaced"] == 0
                    and doc["arenas_placed"] == doc["arenas_recorded"]):
                fail("arenas recorded %r, placed %r, unplaced %r" % (
                    doc["arenas_recorded"], doc["arenas_placed"], doc["arenas_unplaced"]))
    print("ok: %s %d ops, %.1f ns/op, peak %d KiB, model_check %r" % (
        alloc, doc["ops"], doc["ns_per_op"], doc["peak_rss_kb"], mc.get("matches")))


def bad_trace(refheap, kind, trace):
    data = open(trace, "rb").read()
    with tempfile.TemporaryDirectory() as d:
        bad = os.path.join(d, kind + ".trace")
        if kind == "truncated":
            data = data[: len(data) * 2 // 3]
        elif kind == "corrupt":
            b = bytearray(data)
            for i in range(len(b) // 2, len(b) // 2 + 64):
                b[i] ^= 0x5A
            data = bytes(b)
        elif kind == "version":
            data = data[:8] + bytes([9, 0, 0, 0]) + data[12:]
        elif kind == "older":  # a version-1 header over version-2 records: its ARENA_ALLOC is corrupt
            data = data[:8] + bytes([1, 0, 0, 0]) + data[12:]
        elif kind == "junk":
            data = b"#!/usr/bin/env python3\nprint('not a trace')\n"
        elif kind == "empty":
            data = b""
        open(bad, "wb").write(data)
        rc, out, err = run([refheap, "replay", bad, "--allocator", "pymalloc"])
        if rc != 2:
            fail("exit %d (want 2): %s" % (rc, err))
        first = err.strip().splitlines()[0] if err.strip() else ""
        if bad not in first or "offset" not in first:
            fail("message does not name the file and an offset: %r" % first)
        if "Sanitizer" in err or "runtime error" in err:
            fail("sanitizer report: " + err)
        print("ok: " + first)


def script_status(refheap, n):
    with tempfile.TemporaryDirectory() as d:
        py = os.path.join(d, "exits.py")
        open(py, "w").write("import sys\nx = [1] * 10\nsys.exit(%d)\n" % n)
        trace = os.path.join(d, "t.trace")
        rc, out, err = run([refheap, "record", "-q", "-o", trace, py])
        if rc != n:
            fail("record exit %d, want the program's %d: %s" % (rc, n, err))
        rc, out, err = run([refheap, "replay", trace, "--json", os.path.join(d, "r.json")])
        if rc != 0:
            fail("replay of a failing program's trace: exit %d: %s" % (rc, err))
        if json.load(open(os.path.join(d, "r.json")))["exit_status"] != n:
            fail("exit_status not recorded")
        print("ok: exit status %d passed through and recorded" % n)


SCRIPTS = {  # kind: (program text, its exit status, what Python says on stderr)
    "exception": ("x = [1] * 10\nraise ValueError('boom')\n", 1, "ValueError: boom"),
    "syntax": ("def f(:\n", 1, "SyntaxError"),
    "missing": (None, 2, "can't open file"),
    "os_exit": ("import os\nx = [str(i) for i in range(50000)]\nos._exit(3)\n", 3, ""),
}


def script_fails(refheap, kind):
    text, status, says = SCRIPTS[kind]
    with tempfile.TemporaryDirectory() as d:
        py = os.path.join(d, kind + ".py")
        if text is not None:
            open(py, "w").write(text)
        trace = os.path.join(d, "t.trace")
        rc, out, err = run([refheap, "record", "-o", trace, py])
        if rc != status or says not in err:
            fail("record exit %d (want %d), stderr %r (want %r in it)" % (rc, status, err, says))
        if "Sanitizer" in err or "runtime error" in err:
            fail("sanitizer report: " + err)
        rc2, _, err2 = run([refheap, "replay", trace, "--json", os.path.join(d, "r.json")])
        if kind == "os_exit":
            if "truncated" not in err or trace not in err:
                fail("record did not say the trace is truncated: %r" % err)
            first = err2.strip().splitlines()[0] if err2.strip() else ""
            if rc2 != 2 or trace not in first or "offset" not in first or "truncated" not in first:
                fail("replay of a truncated trace: exit %d, %r" % (rc2, first))
        else:
            if "is complete" not in err:
                fail("record did not say the trace is complete: %r" % err)
            if rc2 != 0 or json.load(open(os.path.join(d, "r.json")))["exit_status"] != status:
                fail("replay: exit %d, %s" % (rc2, err2))
        print("ok: %s: status %d; %s" % (kind, rc, err.strip().splitlines()[-1]))


def replay_json(refheap, trace, alloc, settings):
    with tempfile.TemporaryDirectory() as d:
        js = os.path.join(d, "r.json")
        cmd = [refheap, "replay", trace, "--allocator", alloc, "--json", js]
        for kv in settings:
            cmd += ["--set", kv]
        rc, out, err = run(cmd)
        if rc == 2 and ("not active" in err or "not found" in err or "cannot" in err) and alloc != "pymalloc":
            print("skip: " + err.strip())
            sys.exit(SKIP)
        if rc != 0:
            fail("%s: exit %d: %s" % (" ".join(cmd), rc, err))
        return json.load(open(js))


def figure(doc, effect):
    if effect == "released":  # release points where RSS fell within the deadline
        return sum(r["latency_ns"] is not None for r in doc["releases"])
    if effect == "hugepages":  # arenas asked of the kernel as huge pages (given or fallen back)
        return doc["hugepage_arenas"] + doc["hugepage_fallbacks"]
    v = doc
    for k in effect.split("."):
        v = v[k]
    return v


def whatif(refheap, trace, alloc, setting, effect):
    base = replay_json(refheap, trace, alloc, [])
    doc = replay_json(refheap, trace, alloc, [setting])
    if setting not in doc["settings"]:
        fail("settings %r do not name %s" % (doc["settings"], setting))
    if effect.startswith("model:"):  # model:FIELD=N: the model ran with that parameter
        field, want = effect[6:].split("=")
        got = doc["model_check"]["model"][field]
        if got != int(want) or base["model_check"]["model"][field] == int(want):
            fail("%s: model %s %r (without the setting %r), want %s" % (
                setting, field, got, base["model_check"]["model"][field], want))
        print("ok: %s: model %s %d" % (setting, field, got))
        return
    key = effect[5:] if effect.startswith("more:") else effect
    a, b = figure(base, key), figure(doc, key)
    if not b > a:
        fail("%s on %s: %s %r, without it %r (want more)" % (setting, alloc, key, b, a))
    print("ok: %s on %s: %s %r, without it %r" % (setting, alloc, key, b, a))


def shim_path(refheap):
    rc, out, err = run([refheap, "shim-path"])
    folder = out.strip()
    if rc != 0 or not os.path.isfile(os.path.join(folder, "refheap.py")):
        fail("refheap shim-path: exit %d, %r" % (rc, out))
    prog = os.path.join(HERE, "small_program.py")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with tempfile.TemporaryDirectory() as d:  # run from elsewhere: nothing found by accident
        rc, out, err = run(["/usr/bin/python3", prog], env=env, cwd=d)
        if rc == 0 or "No module named 'refheap'" not in err:
            fail("without the shim's folder the import did not fail: exit %d %r" % (rc, err))
        env["PYTHONPATH"] = folder
        rc, out, err = run(["/usr/bin/python3", prog], env=env, cwd=d)
        if rc != 0 or out != "done\n":
            fail("PYTHONPATH=$(refheap shim-path) python3 small_program.py: exit %d %r %r" % (rc, out, err))
    print("ok: PYTHONPATH=%s python3 small_program.py" % folder)


def other_python(refheap, python, profile):
    with tempfile.TemporaryDirectory() as d:
        trace = os.path.join(d, "t.trace")
        rc, out, err = run([refheap, "record", "-q", "--python", python, "-o", trace,
                            os.path.join(HERE, "small_program.py")])
        if rc != 0 or out != "done\n":
            fail("record --python %s: exit %d, %s" % (python, rc, err))
        replay(refheap, trace, "pymalloc", ["--profile", profile, "--expect-match", "yes"])


def main():
    refheap, mode = sys.argv[1], sys.argv[2]
    if mode == "record":
        record(refheap, sys.argv[3])
    elif mode == "replay":
        replay(refheap, sys.argv[3], sys.argv[4], sys.argv[5:])
    elif mode == "bad-trace":
        bad_trace(refheap, sys.argv[3], sys.argv[4])
    elif mode == "other-python":
        other_python(refheap, sys.argv[3], sys.argv[4])
    elif mode == "script-status":
        script_status(refheap, int(sys.argv[3]))
    elif mode == "script-fails":
        script_fails(refheap, sys.argv[3])
    elif mode == "whatif":
        whatif(refheap, *sys.argv[3:7])
    elif mode == "shim-path":
        shim_path(refheap)
    else:
        fail("unknown mode " + mode)


if __name__ == "__main__":
    main()
