#!/usr/bin/env bash
# Builds the Python wheel that carries the call-lint binary, and the sdist that builds it from
# source: `python -m build` with hatchling (hatch_build.py runs the release build with the
# Swift runtime linked in), then the wheel's platform tag is set to the manylinux policy that
# `auditwheel show` finds the binary consistent with. Tools come from PyPI into a throwaway
# virtualenv. Usage: scripts/build-wheel.sh [OUTDIR]   (default dist/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(cd "$root" && mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check build hatchling auditwheel wheel

rm -f "$out"/call_lint-*.whl "$out"/call_lint-*.tar.gz
# Both from the tree: the wheel's binary is then the release build the tree already has, when
# it has one with the same flags (.ci/run builds it first); scripts/check-wheel.sh checks that
# the sdist holds every file that build used.
(cd "$root" && "$work/venv/bin/python" -m build --no-isolation --sdist --wheel --outdir "$work/built" .)
wheel=$(ls "$work"/built/call_lint-*.whl)
if [ "$(uname -s)" = Linux ]; then
  shown=$("$work/venv/bin/auditwheel" show "$wheel")
  echo "$shown"
  tag=$(grep -o 'manylinux_[0-9]*_[0-9]*_[a-z0-9_]*' <<<"$shown" | head -1)
  [ -n "$tag" ] || { echo "build-wheel: auditwheel found no manylinux tag" >&2; exit 1; }
  "$work/venv/bin/wheel" tags --platform-tag "$tag" --remove "$wheel" >/dev/null
fi
cp "$work"/built/call_lint-*.whl "$work"/built/call_lint-*.tar.gz "$out/"
ls -la "$out"/call_lint-*
