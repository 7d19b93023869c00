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

# A realistic repository: ordinary JSON beside the call payloads.
mkdir "$work/sample"
cd "$work/sample"
git init --quiet
mkdir -p payloads templates .vscode schemas data
printf '{"name": "app", "version": "1.0.0", "scripts": {"test": "jest"}}\n' > package.json
printf '{"compilerOptions": {"strict": true, "target": "es2022"}}\n' > tsconfig.json
printf '{"editor.tabSize": 2}\n' > .vscode/settings.json
printf '{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}\n' > schemas/call.schema.json
printf '[{"country": "GB", "phone": "020 7946 0958"}]\n' > data/contacts.json
printf '{\n  "phoneNumber": "+13175550123"\n}\n' > payloads/good.json
printf '{\n  "phoneNumber": "13175550123"\n}\n' > payloads/bad.json
printf '{"phoneNumber": "{{customer.phone}}", "callerId": "+13175550100"}\n' > templates/dial.call.json
git add -A

set +e
output=$("$work/venv/bin/pre-commit" try-repo "$root" call-lint --all-files --color never 2>&1)
status=$?
set -e
printf '%s\n' "$output"

fail() { echo "check-pre-commit: FAILED: $1" >&2; exit 1; }
[ "$status" -eq 1 ] || fail "expected the hook to fail (exit 1), got $status"
grep -q 'payloads/bad.json:2:18: error: phone number "13175550123" in `phoneNumber` has no leading `+`.*\[e164-missing-plus\]' <<<"$output" \
  || fail "the bad payload's diagnostic is missing"
for quiet in good.json package.json tsconfig.json settings.json call.schema.json contacts.json dial.call.json; do
  if grep -q "$quiet:" <<<"$output"; then fail "$quiet was reported"; fi
done
echo "check-pre-commit: ok (in a realistic repository the hook failed on payloads/bad.json only)"
