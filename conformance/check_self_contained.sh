#!/bin/sh
# check_self_contained.sh ROOT — fail if any file of the repository points at files a user's clone does not
# have: the project's former working notes outside the tree (a parent-directory "shared" folder, the CPython
# fact sheet, the style and measurement notes). Cite CPython's source or docs/ instead (docs/measurement.md,
# docs/profiles.md, ...).
#
# Files checked: `git ls-files` when ROOT is a git checkout, else every file under ROOT except build
# directories. The patterns are spelled with bracket expressions so this file does not match itself.
#   check_self_contained.sh --selftest   checks that each pattern is caught, on files made in a temp dir.
set -u

PATTERNS='\.\./shar[e]d/
cpython[-]facts
STYL[E][ ]§
MEASUREM[E]NT[.]md'

# scan DIR: print every offending line as file:line:text; exit status 1 if there is one.
scan() {
    dir=$1
    list=$(mktemp) || exit 2
    if [ -e "$dir/.git" ] && git -C "$dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        (cd "$dir" && git ls-files -z) >"$list"
    else
        (cd "$dir" && find . -type d \( -name .git -o -name 'build*' -o -name Testing \) -prune -o \
            -type f -print0) >"$list"
    fi
    pat=$(mktemp) || exit 2
    printf '%s\n' "$PATTERNS" >"$pat"
    # -s: a tracked file deleted in the work tree is not an error; -I: skip binary files. xargs may run grep
    # several times, so the verdict is whether anything was printed, not grep's status.
    hits=$(cd "$dir" && xargs -0 -r grep -sInH -f "$pat" <"$list")
    rm -f "$list" "$pat"
    if [ -n "$hits" ]; then
        printf '%s\n' "$hits"
        echo "check_self_contained: the lines above point outside the repository;" \
             "cite CPython's source (file, function) or a page of docs/ instead" >&2
        return 1
    fi
    return 0
}

if [ "${1:-}" = "--selftest" ]; then
    tmp=$(mktemp -d) || exit 2
    trap 'rm -rf "$tmp"' EXIT
    n=0
    # each sample holds one pattern, assembled here so that no file of the repository contains it
    for sample in "../sha""red/seed/x.txt" "cpython""-facts.md §7" "STY""LE §2" "MEASURE""MENT.md item 12"; do
        n=$((n + 1))
        rm -rf "$tmp/t"
        mkdir -p "$tmp/t"
        printf '/* clean line */\n/* see %s */\n' "$sample" >"$tmp/t/f$n.c"
        if scan "$tmp/t" >/dev/null 2>&1; then
            echo "selftest: '$sample' was not caught" >&2
            exit 1
        fi
    done
    rm -rf "$tmp/t"
    mkdir -p "$tmp/t/build"
    printf 'docs/measurement.md and ../docs are fine\n' >"$tmp/t/ok.md"
    printf '../sha''red/ inside a build directory is ignored\n' >"$tmp/t/build/gen.txt"
    if ! scan "$tmp/t"; then
        echo "selftest: a clean tree was reported" >&2
        exit 1
    fi
    echo "selftest: $n patterns caught, clean tree passed"
    exit 0
fi

root=${1:?usage: check_self_contained.sh ROOT | --selftest}
scan "$root" || exit 1
echo "check_self_contained: no file points outside the repository"
