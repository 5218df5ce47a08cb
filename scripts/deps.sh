#!/usr/bin/env bash
# Install the Debian packages refheap uses, if any is missing. As root: apt-get; otherwise print the
# exact command. `make test` and `make bench` call this first (via `make deps`).
set -euo pipefail
PKGS=(cmake make gcc g++ libbenchmark-dev hyperfine libmimalloc-dev libjemalloc-dev libjemalloc2 libzstd-dev
      libgoogle-perftools-dev libtcmalloc-minimal4 python3 python3-dev libpython3.11-dev
      python3-matplotlib procps clang libclang-rt-dev zstd)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#PKGS[@]} Debian packages present"
  exit 0
fi
cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  $cmd
else
  echo "deps: missing Debian packages: ${missing[*]}" >&2
  echo "deps: run as root:  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
