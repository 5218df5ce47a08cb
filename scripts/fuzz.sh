#!/usr/bin/env bash
# fuzz.sh — build the libFuzzer targets (REFHEAP_FUZZ=ON, clang, ASan+UBSan) and run each for
# FUZZ_SECONDS (default 60); exit 1 on any finding. `make fuzz` calls this.
#   FUZZ_SECONDS=N    time per target          FUZZ_TARGETS="compile run trace"   which targets
#   FUZZ_BUILD=DIR    build dir (build-fuzz)   FUZZ_JOBS=N   parallel fuzzing processes per target (1)
# Each target keeps a growing corpus in $FUZZ_BUILD/corpus/<target>/ and starts from the seed corpora:
# conformance/cases, conformance/errors, conformance/fuzz/<target> (past findings) and workloads/ for the
# source targets, the first 64 KiB of traces recorded from conformance/record and workloads/record for
# fuzz_trace (their record streams decompressed, and the raw files truncated).
# libFuzzer runs in fork mode with timeouts ignored: a program that loops without allocating is not a
# finding (fuzz_run caps allocation count and heap bytes itself, harness/fuzz/fuzz_cli.c). A crash, a
# sanitizer report, a leak or an out-of-memory (-rss_limit_mb) is: its input lands in
# $FUZZ_BUILD/findings/<target>/; copy it into conformance/fuzz/<target>/ (ctest label fuzz) once fixed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
B=${FUZZ_BUILD:-$root/build-fuzz}
S=${FUZZ_SECONDS:-60}
T=${FUZZ_TARGETS:-compile run trace}
J=${FUZZ_JOBS:-1}
command -v clang >/dev/null || "$root/scripts/deps.sh" || exit 1
cmake -S "$root" -B "$B" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DREFHEAP_FUZZ=ON -DREFHEAP_BENCH=OFF >/dev/null || exit 1
cmake --build "$B" -j "${JOBS:-2}" --target fuzzers 2>&1 | grep -E "error|Error" && exit 1

seeds_source=("$root/conformance/cases" "$root/conformance/errors" "$root/workloads")
trace_seeds=$B/seeds/trace
if [ ! -d "$trace_seeds" ]; then   # a few real traces (the recorder needs Debian's libpython3.11)
    mkdir -p "$trace_seeds"
    for py in "$root"/conformance/record/small_program.py "$root"/workloads/record/*.py; do
        timeout 120 "$B/refheap" record -q -o "$trace_seeds/$(basename "$py" .py).rht" "$py" >/dev/null 2>&1 || true
    done
    printf 'RHTRACE\n' >"$trace_seeds/header_only"
    for f in "$trace_seeds"/*.rht; do   # the record streams alone (fuzz_trace.c compresses them)
        tail -c +17 "$f" | zstd -dq 2>/dev/null | head -c 65536 >"${f%.rht}.records"
        head -c 65536 "$f" >"${f%.rht}.head"   # a truncated real file: the reader's end-of-data paths
        rm -f "$f"
    done
fi

status=0
for t in $T; do
    corpus=$B/corpus/$t findings=$B/findings/$t
    mkdir -p "$corpus" "$findings" "$root/conformance/fuzz/$t"
    seeds=("$root/conformance/fuzz/$t")
    opts=(-max_len=8192 -dict="$root/harness/fuzz/refheap.dict")
    if [ "$t" = trace ]; then seeds+=("$trace_seeds"); opts=(-max_len=65536); else seeds+=("${seeds_source[@]}"); fi
    log=$B/fuzz-$t.log
    echo "fuzz: $t for ${S}s (log $log)"
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$B/fuzz_$t" -fork="$J" -ignore_timeouts=1 -ignore_ooms=0 -ignore_crashes=0 -timeout=10 -rss_limit_mb=3072 \
        -max_total_time="$S" -close_fd_mask=3 -artifact_prefix="$findings/" "${opts[@]}" \
        "$corpus" "${seeds[@]}" >"$log" 2>&1
    rc=$?
    grep -E '^#[0-9]+' "$log" | tail -1 | sed "s/^/fuzz: $t: /"
    n=$(find "$findings" -type f -name 'timeout-*' | wc -l)
    [ "$n" -eq 0 ] || echo "fuzz: $t: $n timeout inputs so far (not findings) in $findings"
    found=$(find "$findings" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'oom-*' \) | wc -l)
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        echo "fuzz: $t: FINDING (exit $rc, $found inputs in $findings)"
        grep -E 'ERROR: |SUMMARY: |runtime error' "$log" | head -5
        status=1
    fi
done
exit $status
