#!/bin/sh
# run_workload.sh — ctest driver for workload cases (registered by conformance/workloads.cmake).
#
#   run_workload.sh refheap BIN CASE.py EXPECTED_STDOUT EXPECTED_EXIT [sanitize]
#       runs `BIN run CASE.py` in CASE's directory; passes when stdout is byte-identical to
#       EXPECTED_STDOUT and the exit status is EXPECTED_EXIT. With "sanitize", cases that measure RSS
#       (they read /proc/self/statm) are skipped: ASan's allocator never returns memory to the OS.
#   run_workload.sh oracle PYTHON CASE.py EXPECTED_STDOUT EXPECTED_EXIT
#       the same with PYTHON CASE.py; skipped (exit 77) when PYTHON is absent.
#   run_workload.sh profile BIN CASE.py EXPECTED_STDOUT EXPECTED_EXIT PROFILE [sanitize]
#       like refheap, with `BIN run CASE.py --profile PROFILE`; stdout and EXPECTED_STDOUT are both
#       compared after addresses (0x followed by 6 or more hex digits) are rewritten to "0x?"
#       (conformance/profiles.cmake; expected files recorded by conformance/profiles/record.py).
#   run_workload.sh profile-oracle PYTHON CASE.py EXPECTED_STDOUT EXPECTED_EXIT
#       like oracle, with the same address normalisation; skipped (exit 77) when PYTHON is absent.
#   run_workload.sh error BIN CASE.py EXPECTED_STDERR EXPECTED_EXIT [PROFILE]
#       (run with --profile PROFILE when given) passes when the exit status matches and stderr's first line equals EXPECTED_STDERR's first line
#       (and, when EXPECTED_STDERR has a second line, stderr's last line equals it).
#   run_workload.sh stderr BIN CASE.py EXPECTED_STDERR EXPECTED_EXIT [sanitize]
#   run_workload.sh stderr-oracle PYTHON CASE.py EXPECTED_STDERR EXPECTED_EXIT
#       (conformance/tracebacks) the whole of stderr must equal EXPECTED_STDERR, after the case's directory
#       (as an absolute path, which CPython prints in `File "..."` lines) is removed from it; and stdout
#       the case's .expected file when there is one
#   RH_WL_ARGS (environment): arguments given to the program after its name, in every mode.
# Exit: 0 pass, 1 fail, 77 skipped.
set -u
mode=$1 bin=$2 case=$3 expected=$4 want=$5 flag=${6:-}
profile= shown=$4
if [ "$mode" = stderr ]; then flag=${6:-}; fi
if [ "$mode" = profile ] || [ "$mode" = error ]; then
    profile=${6:-} flag=${7:-}
fi
dir=$(dirname "$case")
base=$(basename "$case")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if { [ "$mode" = oracle ] || [ "$mode" = profile-oracle ] || [ "$mode" = stderr-oracle ]; } && [ ! -x "$bin" ]; then
    echo "SKIP: $bin not present"
    exit 77
fi
if [ "$flag" = sanitize ] && grep -q '/proc/self/statm' "$case"; then
    echo "SKIP: RSS-measuring case under a sanitizer build"
    exit 77
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"  # the asan label also proves: nothing leaks
# RH_WL_ARGS: the program's own arguments (sys.argv[1:]), word-split, for refheap and the oracle alike
# shellcheck disable=SC2086
if [ "$mode" = oracle ] || [ "$mode" = profile-oracle ] || [ "$mode" = stderr-oracle ]; then
    (cd "$dir" && "$bin" "$base" ${RH_WL_ARGS:-}) >"$tmp/out" 2>"$tmp/err"
elif [ "$mode" = profile ] || { [ "$mode" = error ] && [ -n "$profile" ]; }; then
    (cd "$dir" && "$bin" run "$base" --profile "$profile" ${RH_WL_ARGS:-}) >"$tmp/out" 2>"$tmp/err"
else
    (cd "$dir" && "$bin" run "$base" ${RH_WL_ARGS:-}) >"$tmp/out" 2>"$tmp/err"
fi
rc=$?
case "$mode" in
profile|profile-oracle)  # addresses differ from run to run: compare them as "0x?"
    sed -E 's/0x[0-9a-fA-F]{6,}/0x?/g' "$tmp/out" >"$tmp/out.n" && mv "$tmp/out.n" "$tmp/out"
    sed -E 's/0x[0-9a-fA-F]{6,}/0x?/g' "$expected" >"$tmp/expected"
    expected=$tmp/expected ;;
esac
status=0
if [ "$rc" != "$want" ]; then
    echo "FAIL: exit status $rc, expected $want"
    status=1
fi
if [ "$mode" = stderr ] || [ "$mode" = stderr-oracle ]; then
    absdir=$(cd "$dir" && pwd -P)
    sed "s|$absdir/||g" "$tmp/err" >"$tmp/err.n"
    if ! cmp -s "$tmp/err.n" "$expected"; then
        echo "FAIL: stderr differs from $shown"
        diff "$expected" "$tmp/err.n" | head -40
        status=1
    fi
    out_expected=${expected%.stderr}.expected
    if [ -f "$out_expected" ] && ! cmp -s "$tmp/out" "$out_expected"; then
        echo "FAIL: stdout differs from $out_expected"
        diff "$out_expected" "$tmp/out" | head -40
        status=1
    fi
elif [ "$mode" = error ]; then
    first=$(head -n 1 "$tmp/err")
    want_first=$(head -n 1 "$expected")
    if [ "$first" != "$want_first" ]; then
        echo "FAIL: stderr first line:"; echo "  got:      $first"; echo "  expected: $want_first"
        status=1
    fi
    if [ "$(wc -l <"$expected")" -ge 2 ]; then
        last=$(tail -n 1 "$tmp/err")
        want_last=$(sed -n 2p "$expected")
        if [ "$last" != "$want_last" ]; then
            echo "FAIL: stderr last line:"; echo "  got:      $last"; echo "  expected: $want_last"
            status=1
        fi
    fi
else
    if ! cmp -s "$tmp/out" "$expected"; then
        echo "FAIL: stdout differs from $shown"
        diff "$expected" "$tmp/out" | head -40
        status=1
    fi
fi
if [ "$status" != 0 ]; then
    echo "--- stderr (first 20 lines)"; head -n 20 "$tmp/err"
fi
exit $status
