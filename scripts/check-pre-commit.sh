#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml works as shipped: installs pre-commit from PyPI into a
# throwaway virtualenv, runs `pre-commit try-repo` against this repository in a sample repo
# holding one good and one bad payload, and checks that the bad one fails the hook with its
# diagnostic and the good one does not. Needs python3, git, swift and PyPI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit

mkdir "$work/sample"
cd "$work/sample"
git init --quiet
printf '{\n  "phoneNumber": "+13175550123"\n}\n' > good.json
printf '{\n  "phoneNumber": "13175550123"\n}\n' > bad.json
git add good.json bad.json

set +e
output=$("$work/venv/bin/pre-commit" try-repo "$root" call-lint --all-files --color never 2>&1)
status=$?
set -e
printf '%s\n' "$output"

fail() { echo "check-pre-commit: FAILED: $1" >&2; exit 1; }
[ "$status" -eq 1 ] || fail "expected the hook to fail (exit 1), got $status"
grep -q 'bad.json:2:18: error: phone number "13175550123" in `phoneNumber` has no leading `+`.*\[e164-missing-plus\]' <<<"$output" \
  || fail "the bad payload's diagnostic is missing"
if grep -q 'good.json:' <<<"$output"; then fail "the good payload was reported"; fi
echo "check-pre-commit: ok (hook failed on bad.json with e164-missing-plus, passed good.json)"
