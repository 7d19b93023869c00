#!/usr/bin/env bash
# Hostile inputs that once took minutes or gigabytes (issue "Hardening"), each run once with
# its time and peak memory printed beside a generous bound: bench/pathological.py says which.
# Usage: bench/pathological.sh [BINARY] [--only NAME]; builds a release binary when none is given.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -gt 0 ] && [ -x "$1" ]; then
  binary=$1
  shift
else
  (cd "$root" && swift build -c release --product call-lint 2>&1 | tail -1)
  binary="$(cd "$root" && swift build -c release --show-bin-path)/call-lint"
fi
exec python3 "$root/bench/pathological.py" "$binary" "$@"
