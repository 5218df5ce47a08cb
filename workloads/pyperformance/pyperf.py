"""refheap's stand-in for the pyperf module, just enough for pyperformance's benchmark programs.

Written for refheap (not pyperf's code). pyperf.Runner calibrates, spawns worker processes and prints
statistics; here each benchmark function runs `loops` times in this process (pyperf's -l/--loops option,
default 1) and one deterministic line "<name> ran" is printed, so a program's stdout can be compared
byte for byte between refheap and CPython. A bench_func benchmark's result is printed too (its repr).
With --gc-counts (refheap's option, not pyperf's) a full collection runs before the benchmark, and
gc.get_count() right after it and what the next full collection finds are printed: the net count of GC
objects the benchmark allocated and the collections it triggered, which match CPython's only if every
container is allocated, freed and collected as CPython does. The argument parser keeps only the defaults
of the options a program declares (runner.argparser.add_argument), which parse_args returns as attributes.
"""
import gc
import sys
import time

perf_counter = time.perf_counter


def python_implementation():
    return "cpython"


def _gc_counts():
    return "--gc-counts" in getattr(sys, "argv", [])


def _loops():
    argv = getattr(sys, "argv", [])
    for i in range(len(argv)):
        a = argv[i]
        if a in ("-l", "--loops") and i + 1 < len(argv):
            return int(argv[i + 1])
        if a.startswith("--loops="):
            return int(a[len("--loops="):])
    return 1


class _Namespace:
    pass


class _ArgParser:
    def __init__(self):
        self._defaults = []

    def add_argument(self, *names, **kw):
        dest = kw.get("dest")
        if dest is None:
            name = names[-1]
            for n in names:
                if n.startswith("--"):
                    name = n
                    break
            dest = name.lstrip("-").replace("-", "_")
        default = kw.get("default")
        if kw.get("action") == "store_true" and default is None:
            default = False
        self._defaults.append((dest, default))

    def set_defaults(self, **kw):
        for k in kw:
            self._defaults.append((k, kw[k]))


class Runner:
    def __init__(self, *args, **kw):
        self.metadata = {}
        self.argparser = _ArgParser()
        self.args = None
        self.loops = _loops()
        self.gc_counts = _gc_counts()

    def parse_args(self, args=None):
        ns = _Namespace()
        for dest, default in self.argparser._defaults:
            setattr(ns, dest, default)
        self.args = ns
        return ns

    def _before(self):
        if self.gc_counts:
            gc.collect()

    def _after(self, name):
        if self.gc_counts:
            counts = gc.get_count()
            print(name, "gc counts", counts, "then collected", gc.collect())

    def bench_time_func(self, name, func, *args, **kw):
        self._before()
        func(self.loops, *args)
        self._after(name)
        print(name, "ran")

    def bench_func(self, name, func, *args, **kw):
        self._before()
        for _ in range(self.loops):
            result = func(*args)
        self._after(name)
        print(name, "ran")
        if result is not None:
            print(name, "returned", repr(result))

    def bench_async_func(self, name, func, *args, **kw):
        self._before()
        for _ in range(self.loops):
            coro = func(*args)
            try:
                while True:
                    coro.send(None)
            except StopIteration:
                pass
        self._after(name)
        print(name, "ran")

    def bench_command(self, name, command):
        print(name, "skipped")
