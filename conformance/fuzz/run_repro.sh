#!/bin/sh
# run_repro.sh — ctest driver for the fuzz regression inputs (conformance/fuzz.cmake, label fuzz).
#   run_repro.sh compile|run|trace BIN INPUT
#   run_repro.sh limit BIN INPUT WANT_EXIT WANT_LAST_STDERR_LINE OPTION...
# Runs INPUT through the normal binary as the fuzz target of that name did (harness/fuzz/fuzz_cli.c,
# harness/record/fuzz_trace.c): `run --dis`, `run` with the fuzzer's caps, or `replay`. Passes when the
# exit status is 0, 1 or 2 (ok, uncaught exception, bad input) or a program's own sys.exit status below 124 and stderr has no sanitizer report;
# a signal, another status or a timeout (60 s) fails. The limit mode checks a resource limit of
# `refheap run` (--max-rss, --timeout, --max-heap): the exact exit status, and the last line of stderr begins with WANT_LAST_STDERR_LINE.
set -u
mode=$1 bin=$2 input=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
if [ "$mode" = limit ]; then
    want=$4 line=$5
    shift 5
    timeout 60 "$bin" run "$input" "$@" >/dev/null 2>"$tmp/err"
    rc=$?
    last=$(tail -n 1 "$tmp/err")
    case $last in "$line"*) [ "$rc" = "$want" ] && exit 0 ;; esac
    echo "FAIL: exit $rc (want $want), last line of stderr: $last"
    echo "  want: $line"
    exit 1
fi
case $mode in
    compile) set -- run "$input" --dis ;;
    run) set -- run "$input" --max-heap 64 --fail-alloc 20000 --fail-alloc-sticky ;;
    trace) set -- replay "$input" ;;
    *) echo "run_repro.sh: unknown mode $mode"; exit 1 ;;
esac
timeout 60 "$bin" "$@" >/dev/null 2>"$tmp/err"
rc=$?
if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$tmp/err"; then
    echo "FAIL: sanitizer report"; cat "$tmp/err"; exit 1
fi
case $rc in
    0|1|2) exit 0 ;;
    124) echo "FAIL: timed out after 60 s"; exit 1 ;;
    [3-9]|[1-9][0-9]|1[01][0-9]|12[0-3]) exit 0 ;; # sys.exit(n): the program's own status (not a signal, 128+)
    *) echo "FAIL: exit status $rc"; tail -20 "$tmp/err"; exit 1 ;;
esac
