#!/bin/sh
# record.sh [PROGRAM.py...] — (re)record <id>.expected for the programs named (default: all of them):
# stdout of /usr/bin/python3 running the program with its SIZE line replaced by `SIZE = TEST_SIZE`, the same
# copy conformance/programs.cmake gives the tests.
set -eu
cd "$(dirname "$0")"
[ $# -gt 0 ] || set -- *.py
for py in "$@"; do
    id=$(basename "$py" .py)
    sed 's/^SIZE = .*/SIZE = TEST_SIZE/' "$id.py" | /usr/bin/python3 - >"$id.expected"
    echo "recorded $id.expected"
done
