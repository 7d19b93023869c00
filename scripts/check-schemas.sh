#!/usr/bin/env bash
# Checks the JSON Schemas that `call-lint schema request|config` prints, in a throwaway
# virtualenv (PyPI check-jsonschema and jsonschema):
# 1. each passes its metaschema (draft 2020-12);
# 2. the request schema agrees with the linter on every body of Fixtures/ (run as the golden
#    tests run them) and of the rule pages' examples: a body without errors validates, one with
#    unknown-key, wrong-type or nested-phone-number does not (scripts/schemas/agreement.py);
# 3. the config schema takes README's and the rule pages' configurations and every
#    .call-lint.json of Fixtures/ and Tests/, and refuses wrong ones that call-lint refuses too.
# An editor validates with these schemas as the user types: one that refuses a good body, or
# takes a bad one, teaches the wrong thing. Usage: scripts/check-schemas.sh [PATH_TO_CALL_LINT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/check-setup.sh"
binary=$(call_lint_binary "${1:-}")
if [ ! -x "$binary" ]; then
  echo "check-schemas: no call-lint at $binary (build it, or name it: $0 PATH_TO_CALL_LINT)" >&2
  exit 2
fi
start=$SECONDS
scratch_virtualenv check-jsonschema jsonschema
# A copy: a build that replaces the binary during the run would mix two builds' verdicts (or fail
# with "text file busy"). Its libraries are found by absolute runpath, so the copy runs as is.
cp "$binary" "$work/call-lint"
binary="$work/call-lint"

"$binary" schema request > "$work/request.schema.json"
"$binary" schema config > "$work/config.schema.json"
for schema in request config; do
  "$work/venv/bin/check-jsonschema" --check-metaschema "$work/$schema.schema.json"
done

cd "$root"
# Both halves run before the verdict, so one failing run shows every problem.
status=0
"$work/venv/bin/python" scripts/schemas/agreement.py bodies "$binary" "$work/request.schema.json" \
  --summary "$work/summary" || status=1
"$work/venv/bin/python" scripts/schemas/agreement.py configs "$binary" "$work/config.schema.json" \
  --summary "$work/summary" || status=1
if [ "$status" -ne 0 ]; then
  echo "check-schemas: FAILED" >&2
  exit 1
fi
counts=$(paste -sd ';' "$work/summary" | sed 's/;/; /g')
echo "check-schemas: ok (2 schemas pass the metaschema; $counts; $((SECONDS - start)) s)"
