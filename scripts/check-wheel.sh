#!/usr/bin/env bash
# Proves the wheel and the pre-commit mirror work on a machine without Swift: builds the wheel
# (scripts/build-wheel.sh), installs it into a fresh virtualenv, and runs call-lint there with
# no Swift on PATH and no Swift library loaded (ldd); then pre-commit from PyPI runs the mirror
# (packaging/pre-commit-mirror, made into a git repository) on a realistic repository (NDJSON,
# JSON Lines, root files named like options beside a link out of the repository), pip
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
# The sdist builds what the wheel was built from: every tracked file the build reads is in it.
sdist=$(ls "$work"/dist/call_lint-*.tar.gz)
members=$(tar -tzf "$sdist" | sed 's|^[^/]*/||')
missing=$(cd "$root" && git ls-files Package.swift Sources Plugins rules pyproject.toml hatch_build.py \
  | grep -vxF -f <(printf '%s\n' "$members") || true)
[ -z "$missing" ] || fail "the sdist lacks files the build reads: $(head -5 <<<"$missing" | tr '\n' ' ')"
echo "check-wheel: $(basename "$sdist") holds the $(cd "$root" && git ls-files Package.swift Sources Plugins rules \
  pyproject.toml hatch_build.py | wc -l) files the build reads"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$wheel"
# A PATH with the virtualenv and the system, and no Swift toolchain on it.
nopath="$work/venv/bin:/usr/bin:/bin"
if env -i PATH="$nopath" sh -c 'command -v swift' >/dev/null; then fail "swift is still on the PATH used"; fi
binary=$(env -i PATH="$nopath" sh -c 'command -v call-lint')
if ldd "$binary" | grep -q swift; then fail "the binary loads a Swift library: $(ldd "$binary" | grep swift)"; fi
[ "$(env -i PATH="$nopath" call-lint --version)" = "call-lint $version" ] || fail "--version is not $version"
set +e
output=$(printf '{"phoneNumber": "+1317555012"}' | env -i PATH="$nopath" call-lint -q -)
status=$?
set -e
[ "$status" -eq 1 ] && grep -q 'e164-length' <<<"$output" || fail "the installed call-lint did not report a bad payload"
echo "check-wheel: installed call-lint $version runs without Swift (no libswift in ldd)"

# The pre-commit mirror, as a release would publish it.
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
cp -R "$root/packaging/pre-commit-mirror" "$work/mirror"
(cd "$work/mirror" && git init --quiet && git add -A && git -c user.name=ci -c user.email=ci@example.com commit --quiet -m mirror)
mkdir "$work/sample" && cd "$work/sample" && git init --quiet
mkdir -p payloads .vscode "$work/outside"
printf '{"name": "app", "version": "1.0.0"}\n' > package.json
printf '{"editor.tabSize": 2}\n' > .vscode/settings.json
printf '{\n  "phoneNumber": "+13175550123"\n}\n' > payloads/good.json
printf '{\n  "phoneNumber": "+1317555012"\n}\n' > payloads/bad.json
# NDJSON and JSON Lines (identify gives them no json tag: the hook must pass them all the same),
# and root files named like options (pre-commit passes names after the hook's args; taken as
# an option, the first would write a report through victim.call.json, a link out of the
# repository).
printf '{"phoneNumber": "+13175550123"}\n{"phoneNumber": "+1317555012"}\n' > payloads/batch.ndjson
printf '{"phoneNumber": "+13175550123"}\n{"phoneNumber": "+1317555012"}\n' > payloads/batch.jsonl
printf '{"phoneNumber": "+1317555012"}\n' > ./--output=json=victim.call.json
printf '{"phoneNumber": "+1317555012"}\n' > ./--fix.call.json
printf 'outside the repository: must stay as it is\n' > "$work/outside/victim.call.json"
cp "$work/outside/victim.call.json" "$work/outside.expected"
ln -s "$work/outside/victim.call.json" victim.call.json
git add -A
# run_mirror EXPECTED: runs the mirror's hook on every file and checks that it wrote nothing and
# reported errors exactly at EXPECTED (file:line:column, sorted, space-separated).
run_mirror() {
  local before output status found
  before=$(git status --porcelain)
  set +e
  output=$(env -i PATH="$nopath" HOME="$work" PRE_COMMIT_HOME="$work/cache" PIP_FIND_LINKS="$work/dist" \
    "$work/venv/bin/pre-commit" try-repo "$work/mirror" call-lint --all-files --color never 2>&1 </dev/null)
  status=$?
  set -e
  printf '%s\n' "$output"
  cmp -s "$work/outside/victim.call.json" "$work/outside.expected" && [ -L victim.call.json ] \
    || fail "a report was written through victim.call.json (a file name taken as --output)"
  [ "$(git status --porcelain)" = "$before" ] || fail "the mirror's hook changed the sample repository"
  if grep -q 'unknown option' <<<"$output"; then fail "a file name was taken as an option"; fi
  [ "$status" -eq 1 ] || fail "expected the mirror's hook to fail on payloads/bad.json, got $status"
  grep -q 'payloads/bad.json:2:18: error:.*\[e164-length\]' <<<"$output" \
    || fail "the bad payload's diagnostic is missing"
  found=$(sed -n 's/^\([^ ]*:[0-9]*:[0-9]*\): error: .*/\1/p' <<<"$output" | LC_ALL=C sort | tr '\n' ' ')
  [ "$found" = "$1 " ] || fail "expected errors at $1 (NDJSON, JSON Lines and option-named files included), got: $found"
  if grep -q 'package.json:\|settings.json:\|good.json:' <<<"$output"; then
    fail "a file that is not a bad payload was reported"
  fi
}
start=$(date +%s)
run_mirror "--fix.call.json:1:17 --output=json=victim.call.json:1:17 payloads/bad.json:2:18 payloads/batch.jsonl:2:17 \
payloads/batch.ndjson:2:17"
seconds=$(( $(date +%s) - start ))
# Again without --fix.call.json: beside it, a name taken as an option may stop call-lint (unknown
# option) before --output=json=victim.call.json writes its report; alone, it would write it.
git rm --cached --quiet -- --fix.call.json && rm -- ./--fix.call.json
run_mirror "--output=json=victim.call.json:1:17 payloads/bad.json:2:18 payloads/batch.jsonl:2:17 \
payloads/batch.ndjson:2:17"
echo "check-wheel: ok (pre-commit ran the mirror without Swift in $seconds s; NDJSON and JSON Lines checked," \
  "option-named files read as files)"
