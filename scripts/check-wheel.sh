#!/usr/bin/env bash
# Proves the wheel and the pre-commit mirror work on a machine without Swift: builds the wheel
# (scripts/build-wheel.sh), installs it into a fresh virtualenv, and runs call-lint there with
# no Swift on PATH and no Swift library loaded (ldd); then pre-commit from PyPI runs the mirror
# (packaging/pre-commit-mirror, made into a git repository) on a realistic repository, pip
# finding the wheel through PIP_FIND_LINKS, Swift again off PATH. Needs python3, git, PyPI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-wheel: FAILED: $1" >&2; exit 1; }

"$root/scripts/build-wheel.sh" "$work/dist" >/dev/null
wheel=$(ls "$work"/dist/call_lint-*.whl)
version=$(sed -n 's/.*static let version = "call-lint \(.*\)"/\1/p' "$root/Sources/CallLintCommand/HelpText.swift")
echo "check-wheel: $(basename "$wheel"), $(du -h "$wheel" | cut -f1)"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$wheel"
# A PATH with the virtualenv and the system, and no Swift toolchain on it.
nopath="$work/venv/bin:/usr/bin:/bin"
if env -i PATH="$nopath" sh -c 'command -v swift' >/dev/null; then fail "swift is still on the PATH used"; fi
binary=$(env -i PATH="$nopath" sh -c 'command -v call-lint')
if ldd "$binary" | grep -q swift; then fail "the binary loads a Swift library: $(ldd "$binary" | grep swift)"; fi
[ "$(env -i PATH="$nopath" call-lint --version)" = "call-lint $version" ] || fail "--version is not $version"
set +e
output=$(printf '{"phoneNumber": "13175550123"}' | env -i PATH="$nopath" call-lint -q -)
status=$?
set -e
[ "$status" -eq 1 ] && grep -q 'e164-missing-plus' <<<"$output" || fail "the installed call-lint did not report a bad payload"
echo "check-wheel: installed call-lint $version runs without Swift (no libswift in ldd)"

# The pre-commit mirror, as a release would publish it.
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
cp -R "$root/packaging/pre-commit-mirror" "$work/mirror"
(cd "$work/mirror" && git init --quiet && git add -A && git -c user.name=ci -c user.email=ci@example.com commit --quiet -m mirror)
mkdir "$work/sample" && cd "$work/sample" && git init --quiet
mkdir -p payloads .vscode
printf '{"name": "app", "version": "1.0.0"}\n' > package.json
printf '{"editor.tabSize": 2}\n' > .vscode/settings.json
printf '{\n  "phoneNumber": "+13175550123"\n}\n' > payloads/good.json
printf '{\n  "phoneNumber": "13175550123"\n}\n' > payloads/bad.json
git add -A
set +e
start=$(date +%s)
output=$(env -i PATH="$nopath" HOME="$work" PRE_COMMIT_HOME="$work/cache" PIP_FIND_LINKS="$work/dist" \
  "$work/venv/bin/pre-commit" try-repo "$work/mirror" call-lint --all-files --color never 2>&1)
status=$?
set -e
printf '%s\n' "$output"
[ "$status" -eq 1 ] || fail "expected the mirror's hook to fail on payloads/bad.json, got $status"
grep -q 'payloads/bad.json:2:18: error:.*\[e164-missing-plus\]' <<<"$output" || fail "the bad payload's diagnostic is missing"
if grep -q 'package.json:\|settings.json:\|good.json:' <<<"$output"; then fail "a file that is not a bad payload was reported"; fi
echo "check-wheel: ok (pre-commit ran the mirror without Swift in $(( $(date +%s) - start )) s)"
