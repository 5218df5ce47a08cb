#!/bin/sh
# record.sh [name ...] — write bm_<name>.expected from Debian's CPython 3.11 (/usr/bin/python3), run in this
# directory as ctest runs it (conformance/pyperformance.cmake): with --gc-counts where MANIFEST.tsv says 1.
set -eu
cd "$(dirname "$0")"
PY=${PY:-/usr/bin/python3}
tail -n +2 MANIFEST.tsv | while IFS="$(printf '\t')" read -r name gc note; do
    if [ $# -gt 0 ]; then
        case " $* " in *" $name "*) ;; *) continue ;; esac
    fi
    args=""
    [ "$gc" = 1 ] && args="--gc-counts"
    # shellcheck disable=SC2086
    "$PY" "bm_$name.py" $args >"bm_$name.expected"
    echo "bm_$name.expected"
done
