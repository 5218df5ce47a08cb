#!/usr/bin/python3
"""Differential tester: random programs (gen.py) on refheap and on the real interpreter of each profile.

    difftest.py [--profiles py27,py310,py311,py312,py313] [-n N] [--seed S] [--refheap PATH]
                [--found DIR] [--jobs J] [--no-shrink] [--verbose]

For each profile and each i < N, program (S, i) is generated for that profile, run as `PYTHON prog.py`
(PYTHONHASHSEED=0, no bytecode files) and as `refheap run prog.py --profile P`, each in a scratch
directory; stdout (addresses rewritten to 0x?) and the exit status must be equal. refheap's exit 2 with
"unsupported" on stderr is counted apart (the generator left the subset), as are programs the real
interpreter fails (the generator made an invalid program; still compared). A mismatch is shrunk
(delta debugging over blocks, then lines, keeping: the real interpreter's exit status, refheap not
rejecting the program, and a difference) and written to DIR/<profile>/<hash>.py with the two outputs
(.oracle, .refheap). Known difference classes are steered around by gen.py (KNOWN.md).

Exit status: 0 every program agreed; 1 a mismatch (or an error of the tool); 77 every requested
profile's interpreter is absent (ctest's SKIP_RETURN_CODE). Profiles whose interpreter is absent are
reported as skipped and are not counted as passed.
"""

import argparse
import ast
import concurrent.futures
import copy
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import gen  # noqa: E402

PROFILES = ["py27", "py310", "py311", "py312", "py313"]
ADDR = re.compile(rb"0x[0-9a-fA-F]{6,}")
TIMEOUT = 30


def interpreters():
    """profile -> interpreter path, from conformance/profiles/interpreters.tsv; when the listed path is
    absent, the same version under $PYENV_ROOT or ~/.pyenv (as conformance/profiles.cmake finds it)."""
    found = {}
    roots = [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv")]
    with open(os.path.join(ROOT, "conformance", "profiles", "interpreters.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            prof, path, version = line.rstrip("\n").split("\t")[:3]
            cands = [path] + [os.path.join(r, "versions", version, "bin", os.path.basename(path))
                              for r in roots if r]
            found[prof] = next((c for c in cands if os.access(c, os.X_OK)), None)
    return found


def load_known():
    """KNOWN.md's table rows `| class | profiles | ... |` -> gen.KNOWN {profile or 'all': {class}}."""
    known = {}
    path = os.path.join(HERE, "KNOWN.md")
    if not os.path.exists(path):
        return known
    with open(path) as f:
        for line in f:
            m = re.match(r"\|\s*`([a-z0-9_]+)`\s*\|\s*([a-z0-9_, ]+)\s*\|", line)
            if m:
                for p in m.group(2).replace(" ", "").split(","):
                    known.setdefault(p, set()).add(m.group(1))
    return known


class Runner(object):
    def __init__(self, refheap, python, profile, workdir):
        self.refheap = refheap
        self.python = python
        self.profile = profile
        self.workdir = workdir
        self.env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
        self.env.pop("PYTHONPATH", None)

    def _run(self, argv):
        try:
            p = subprocess.run(argv, cwd=self.workdir, env=self.env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=TIMEOUT)
            return p.returncode, ADDR.sub(b"0x?", p.stdout), p.stderr
        except subprocess.TimeoutExpired:
            return "timeout", b"", b""

    def run(self, source):
        """(oracle (rc, out, err), refheap (rc, out, err)) for one program text."""
        path = os.path.join(self.workdir, "prog.py")
        with open(path, "w") as f:
            f.write(source)
        o = self._run([self.python, "prog.py"])
        r = self._run([self.refheap, "run", "prog.py", "--profile", self.profile])
        return o, r


def unsupported(r):
    return r[0] == 2 and b"unsupported" in r[2]


def differs(o, r):
    return (o[0], o[1]) != (r[0], r[1])


FIXED = ("from __future__ import print_function", "import gc, sys, weakref", "gc.collect()",
         gen.WARMUP)


def shrink(runner, blocks, want_rc, want_err):
    """Delta debugging (ddmin) over blocks, then over the lines of what is left, then over the items
    of the displays in each line. The __future__ line,
    the imports and the first gc.collect() (which starts every gc.get_count() from zero) are kept. A
    candidate keeps the mismatch when the real interpreter exits as it did (and writes nothing to
    stderr if it wrote nothing), refheap does not reject it (exit 2) and the outputs still differ."""
    tests = [0]
    fixed, seen = [], set()
    for i, b in enumerate(blocks):
        if len(b) == 1 and b[0] in FIXED and b[0] not in seen:
            seen.add(b[0])
            fixed.append((i, 0, b[0]))
        elif b[0] == gen.WARM_CALLS:  # the first calls made before measuring (zombie frames) stay
            fixed.extend((i, j, line) for j, line in enumerate(b))
    body = [[(i, j, line) for j, line in enumerate(b)] for i, b in enumerate(blocks)
            if (i, 0, b[0]) not in fixed]

    def text(items):
        chosen = sorted(fixed + [x for it in items for x in (it if isinstance(it, list) else [it])])
        return "".join(line + "\n" for _, _, line in chosen)

    def still(items):
        tests[0] += 1
        o, r = runner.run(text(items))
        return (o[0] == want_rc and r[0] != 2 and differs(o, r)
                and (want_err or not o[2]))  # no new "Exception ignored" (a deliberate difference)

    def ddmin(items):
        n = 2
        while len(items) >= 2:
            chunk = max(1, len(items) // n)
            subsets = [items[i:i + chunk] for i in range(0, len(items), chunk)]
            reduced = False
            for i in range(len(subsets)):
                rest = [x for j, sub in enumerate(subsets) if j != i for x in sub]
                if still(rest):
                    items, n, reduced = rest, max(n - 1, 2), True
                    break
            if not reduced:
                if n >= len(items):
                    break
                n = min(len(items), n * 2)
        return items

    body = ddmin(body)
    # lines, but a gc.collect() / statement / print(gc.get_count()) block stays whole: without its
    # collect the count would measure earlier statements, and the mismatch drift to another class
    items = []
    for blk in body:
        if len(blk) > 2 and blk[0][2] == "gc.collect()" and blk[-1][2] == "print(gc.get_count())":
            items.append(blk)
        else:
            items.extend(blk)
    items = ddmin(items)
    # one more pass: drop single lines (1-minimality after the block pass)
    i = 0
    while i < len(items):
        cand = items[:i] + items[i + 1:]
        if still(cand):
            items = cand
        else:
            i += 1
    # then the items of displays inside each remaining line (a one-line statement only)
    for i in range(len(items)):
        if isinstance(items[i], list):
            continue
        changed = True
        while changed:
            changed = False
            for line in smaller_lines(items[i][2]):
                cand = items[:i] + [(items[i][0], items[i][1], line)] + items[i + 1:]
                if still(cand):
                    items, changed = cand, True
                    break
    return text(items), tests[0]


def smaller_lines(line):
    """The line with one item of one tuple, list or dict display removed, each way (ast; the
    result is re-printed by ast.unparse, so it is Python 3 syntax that 2.7 also reads here)."""
    indent = line[:len(line) - len(line.lstrip())]
    try:
        tree = ast.parse(line.strip())
    except SyntaxError:
        return
    count = sum(1 for _ in ast.walk(tree))
    for k in range(count):
        node = list(ast.walk(tree))[k]
        n = len(node.elts) if isinstance(node, (ast.Tuple, ast.List)) else (
            len(node.keys) if isinstance(node, ast.Dict) else 0)
        for j in range(n):
            t2 = copy.deepcopy(tree)
            n2 = list(ast.walk(t2))[k]
            if isinstance(n2, ast.Dict):
                del n2.keys[j], n2.values[j]
            else:
                del n2.elts[j]
            try:
                yield indent + ast.unparse(t2)
            except Exception:
                continue


def write_found(found_dir, profile, seed, source, o, r):
    d = os.path.join(found_dir, profile)
    if not os.path.isdir(d):
        os.makedirs(d)
    h = hashlib.sha1(source.encode()).hexdigest()[:10]
    base = os.path.join(d, "dt_%s" % h)
    with open(base + ".py", "w") as f:
        f.write("# difftest candidate: profile %s, generated from seed %s, shrunk (the program before: "
                "dt_%s.full.py)\n" % (profile, seed, h))
        f.write(source)
    for ext, res in ((".oracle", o), (".refheap", r)):
        with open(base + ext, "wb") as f:
            f.write(res[1])
            f.write(b"# exit status %s\n" % str(res[0]).encode())
    return base + ".py"


def first_difference(o, r):
    """The first differing line of two results (or their exit statuses), for the log."""
    a, b = o[1].decode(errors="replace").splitlines(), r[1].decode(errors="replace").splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<none>"
        y = b[i] if i < len(b) else "<none>"
        if x != y:
            return "line %d: %s" % (i + 1, x), "line %d: %s" % (i + 1, y)
    return "exit %s" % o[0], "exit %s" % r[0]


def program_seed(seed, i):
    return seed * 1000003 + i


def check_one(args, profile, python, i, workdir):
    s = program_seed(args.seed, i)
    blocks = gen.generate(s, profile)
    runner = Runner(args.refheap, python, profile, workdir)
    o, r = runner.run(gen.render(blocks))
    res = {"i": i, "seed": s}
    if unsupported(r):
        res["kind"] = "unsupported"
        res["msg"] = r[2].decode(errors="replace").strip().splitlines()[0]
        return res
    bad = o[0] != 0
    if not differs(o, r):
        res["kind"] = "oracle_error" if bad else "ok"
        if bad:
            res["msg"] = o[2].decode(errors="replace").strip().splitlines()[-1:]
        return res
    res["kind"] = "mismatch"
    res["full"] = gen.render(blocks)
    if args.no_shrink:
        res["file"] = write_found(args.found, profile, s, gen.render(blocks), o, r)
        return res
    small, ntests = shrink(runner, blocks, o[0], bool(o[2]))
    o2, r2 = runner.run(small)
    res["file"] = write_found(args.found, profile, s, small, o2, r2)
    with open(res["file"][:-3] + ".full.py", "w") as f:  # the program before shrinking
        f.write(res["full"])
    res["diff"] = first_difference(o2, r2)
    res["small"] = small
    res["ntests"] = ntests
    return res


def run_profile(args, profile, python):
    counts = {"ok": 0, "mismatch": 0, "unsupported": 0, "oracle_error": 0}
    workdirs = [tempfile.mkdtemp(prefix="difftest-") for _ in range(args.jobs)]
    found = []
    try:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            free = list(workdirs)
            pending = {}
            it = iter(range(args.n))
            done_all = False
            while pending or not done_all:
                while free and not done_all:
                    try:
                        i = next(it)
                    except StopIteration:
                        done_all = True
                        break
                    w = free.pop()
                    pending[ex.submit(check_one, args, profile, python, i, w)] = w
                if not pending:
                    break
                done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
                for fut in done:
                    free.append(pending.pop(fut))
                    res = fut.result()
                    counts[res["kind"]] += 1
                    if res["kind"] == "mismatch":
                        found.append(res)
                        print("  MISMATCH %s program %d (seed %d) -> %s" % (profile, res["i"], res["seed"],
                                                                          os.path.relpath(res["file"])))
                        if args.verbose and "small" in res:
                            sys.stdout.write("".join("    | " + l + "\n" for l in res["small"].splitlines()
                                                             if l not in FIXED))
                            sys.stdout.write("    oracle:  %s\n    refheap: %s\n" % res["diff"])
                    elif res["kind"] != "ok" and args.verbose:
                        print("  %s %s program %d (seed %d): %s" % (res["kind"].upper(), profile, res["i"],
                                                                  res["seed"], res.get("msg")))
                    sys.stdout.flush()
    finally:
        for w in workdirs:
            shutil.rmtree(w, ignore_errors=True)
    return counts, found


def check_known(args, interp):
    """Run every known/<class>.py on its profile (named in its first line): which known differences
    still differ. A class that now agrees can leave KNOWN.md (the generator then covers it again)."""
    kdir = os.path.join(HERE, "known")
    workdir = tempfile.mkdtemp(prefix="difftest-")
    try:
        for name in sorted(os.listdir(kdir)):
            if not name.endswith(".py"):
                continue
            with open(os.path.join(kdir, name)) as f:
                source = f.read()
            m = re.match(r"# difftest known class (\w+): profile (\w+)", source)
            if not m or not interp.get(m.group(2)):
                print("%-34s skipped (no header or no interpreter)" % name)
                continue
            o, r = Runner(args.refheap, interp[m.group(2)], m.group(2), workdir).run(source)
            state = "still differs" if differs(o, r) else "now agrees"
            print("%-34s %-5s %-13s %s" % (name, m.group(2), state,
                                           " | ".join(first_difference(o, r)) if differs(o, r) else ""))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profiles", default=",".join(PROFILES))
    ap.add_argument("-n", type=int, default=200, help="programs per profile")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--refheap", default=os.path.join(ROOT, "build", "refheap"))
    ap.add_argument("--found", default=os.path.join(HERE, "found"))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--no-shrink", action="store_true")
    ap.add_argument("--no-known", action="store_true", help="do not steer around KNOWN.md's classes")
    ap.add_argument("--show", type=int, metavar="I", help="print program I of --seed for the first profile")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--check-known", action="store_true", help="run known/*.py: which classes still differ")
    ap.add_argument("--python", metavar="PATH", help="the real interpreter to use (one profile only)")
    args = ap.parse_args()
    gen.KNOWN = {} if args.no_known else load_known()
    profiles = [p for p in args.profiles.split(",") if p]
    for p in profiles:
        if p not in PROFILES:
            ap.error("unknown profile %r" % p)
    if args.show is not None:
        sys.stdout.write(gen.render(gen.generate(program_seed(args.seed, args.show), profiles[0])))
        return 0
    if not os.access(args.refheap, os.X_OK):
        print("difftest: no refheap at %s (build it first)" % args.refheap)
        return 1
    interp = interpreters()
    if args.check_known:
        return check_known(args, interp)
    if args.python:
        if len(profiles) != 1:
            ap.error("--python needs exactly one profile")
        interp[profiles[0]] = args.python if os.access(args.python, os.X_OK) else None
    ran = 0
    total_bad = 0
    for p in profiles:
        python = interp.get(p)
        if not python:
            print("%s: SKIPPED (no interpreter; see conformance/profiles/interpreters.tsv)" % p)
            continue
        ran += 1
        counts, found = run_profile(args, p, python)
        total_bad += counts["mismatch"]
        print("%s: %d programs, seed %d: %d agree, %d mismatch, %d unsupported, %d oracle errors (%s)" % (
            p, args.n, args.seed, counts["ok"], counts["mismatch"], counts["unsupported"],
            counts["oracle_error"], python))
        sys.stdout.flush()
    if ran == 0:
        print("difftest: SKIP: no interpreter for %s" % ",".join(profiles))
        return 77
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
