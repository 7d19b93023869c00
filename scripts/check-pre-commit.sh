#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml works as shipped: installs pre-commit from PyPI into a
# throwaway virtualenv, validates both manifests (this one and the mirror's: every hook's args
# end with `--`, its types pass NDJSON and JSON Lines files), and runs `pre-commit try-repo`
# against this repository in a sample repo holding ordinary JSON, good and bad payloads, NDJSON
# and JSON Lines payloads (identify does not tag them json: the hook must pass them all the
# same), and root files named like options (`--output=json=victim.call.json`,
# `--fix.call.json`; pre-commit passes names after the args, relative to the root) beside
# victim.call.json, a link to a file outside the repository. The hook must fail with exactly the
# bad payloads' diagnostics (the option-named files among them, checked as files), change no
# file, and leave the file outside as it was.
# Usage: scripts/check-pre-commit.sh [CALL_LINT_BINARY [HOOK ...]]
# With no HOOK: the call-lint hook (language: swift; pre-commit builds the package in its
# cache, a few minutes) and, given a binary, call-lint-system with that binary first on PATH,
# checked once more without --fix.call.json, so that a name taken as an option would write its
# report through the link (beside --fix.call.json, call-lint may stop at that unknown option
# first). HOOKs (call-lint, call-lint-system) name the hooks to check instead.
# Needs python3, git, swift (for the call-lint hook) and PyPI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=""
if [ $# -gt 0 ]; then binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift; fi
hooks=("$@")
if [ ${#hooks[@]} -eq 0 ]; then
  hooks=(call-lint)
  if [ -n "$binary" ]; then hooks+=(call-lint-system); fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
fail() { echo "check-pre-commit: FAILED: $1" >&2; exit 1; }

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit

# Both manifests, this repository's and the mirror's (scripts/check-wheel.sh runs the mirror):
# valid; every hook's args end with `--`; its types pass *.json, *.ndjson and *.jsonl files as
# identify tags them.
manifests=("$root/.pre-commit-hooks.yaml" "$root/packaging/pre-commit-mirror/.pre-commit-hooks.yaml")
"$work/venv/bin/pre-commit" validate-manifest "${manifests[@]}" || fail "pre-commit validate-manifest"
"$work/venv/bin/python" - "$work/tags" "${manifests[@]}" <<'PY' || fail "the hooks' args or types (above)"
import os, sys, yaml
from identify.identify import tags_from_path
os.mkdir(sys.argv[1])
problems = []
for manifest in sys.argv[2:]:
    for hook in yaml.safe_load(open(manifest)):
        where = f"{manifest}: {hook['id']}"
        if hook.get("args", [])[-1:] != ["--"]:
            problems.append(f"{where}: args {hook.get('args')} do not end with --")
        for name in ("a.json", "a.ndjson", "a.jsonl"):
            path = os.path.join(sys.argv[1], name)
            open(path, "w").write('{"phoneNumber": "+13175550123"}\n')
            tags = tags_from_path(path)
            types, types_or = set(hook.get("types", ["file"])), set(hook.get("types_or", []))
            passed = types <= tags and (not types_or or types_or & tags)
            if not passed or set(hook.get("exclude_types", [])) & tags:
                problems.append(f"{where}: types leave out {name} (identify tags it {sorted(tags)})")
print("\n".join(problems), file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# The file victim.call.json links to; a report written through the link would replace this.
mkdir "$work/outside"
printf 'outside the repository: must stay as it is\n' > "$work/outside/victim.call.json"
cp "$work/outside/victim.call.json" "$work/outside.expected"

# make_sample FOLDER [without-fix]: a realistic repository, ordinary JSON beside the payloads.
make_sample() {
  mkdir "$1"
  cd "$1"
  git init --quiet
  mkdir -p payloads templates .vscode schemas data logs
  printf '{"name": "app", "version": "1.0.0", "scripts": {"test": "jest"}}\n' > package.json
  printf '{"compilerOptions": {"strict": true, "target": "es2022"}}\n' > tsconfig.json
  printf '{"editor.tabSize": 2}\n' > .vscode/settings.json
  printf '{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}\n' > schemas/call.schema.json
  printf '[{"country": "GB", "phone": "020 7946 0958"}]\n' > data/contacts.json
  printf '{\n  "phoneNumber": "+13175550123"\n}\n' > payloads/good.json
  printf '{\n  "phoneNumber": "+1317555012"\n}\n' > payloads/bad.json
  printf '{"phoneNumber": "{{customer.phone}}", "callerId": "+13175550100"}\n' > templates/dial.call.json
  # One body a line; the bad one is line 2 of the NDJSON file, line 3 of the JSON Lines one.
  printf '{"phoneNumber": "+13175550123"}\n{"phoneNumber": "+1317555012"}\n{"phoneNumber": "+13175550124"}\n' \
    > payloads/batch.ndjson
  printf '{"phoneNumber": "+13175550123"}\n{"phoneNumber": "+13175550124"}\n{"phoneNumber": "+1317555012"}\n' \
    > payloads/batch.jsonl
  # NDJSON outside the payload folders: `files:` leaves it out, whatever `types` passes.
  printf '{"phoneNumber": "+1317555012"}\n' > logs/events.ndjson
  # Bad payloads named like options, at the root: taken as options, the first would write a
  # JSON report to victim.call.json, and through the link, over the file outside.
  printf '{"phoneNumber": "+1317555012"}\n' > ./--output=json=victim.call.json
  if [ "${2:-}" != without-fix ]; then printf '{"phoneNumber": "+1317555012"}\n' > ./--fix.call.json; fi
  ln -s "$work/outside/victim.call.json" victim.call.json
  git add -A
}

# run_hook HOOK SAMPLE [without-fix]: runs the hook on every file of a new sample repository
# and checks what it did.
run_hook() {
  local hook=$1 sample=$2 variant=${3:-} before output status found expected quiet
  make_sample "$sample" "$variant"
  before=$(git status --porcelain)
  set +e
  output=$("$work/venv/bin/pre-commit" try-repo "$root" "$hook" --all-files --color never 2>&1 </dev/null)
  status=$?
  set -e
  printf '%s\n' "$output"
  # First what the hook wrote: a name taken as --output=FORMAT=PATH writes a report.
  cmp -s "$work/outside/victim.call.json" "$work/outside.expected" \
    || fail "$hook: the file outside the repository that victim.call.json links to was overwritten"
  [ -L victim.call.json ] && [ "$(readlink victim.call.json)" = "$work/outside/victim.call.json" ] \
    || fail "$hook: victim.call.json is no longer the link it was (a report was written in its place)"
  [ "$(git status --porcelain)" = "$before" ] || fail "$hook: the hook changed the sample repository:
$(git status --porcelain)"
  [ "$status" -eq 1 ] || fail "$hook: expected the hook to fail (exit 1), got $status"
  if grep -qi -e 'unknown option' -e 'usage' <<<"$output"; then fail "$hook: a file name was taken as an option"; fi
  grep -q 'payloads/bad.json:2:18: error: phone number "+1317555012" in `phoneNumber` has 9 digits after the country code.*\[e164-length\]' \
    <<<"$output" \
    || fail "$hook: the bad payload's diagnostic is missing"
  # Exactly these findings: file:line:column and rule of every error reported.
  found=$(sed -n 's/^\([^ ]*:[0-9]*:[0-9]*\): error: .*\(\[[a-z0-9-]*\]\)$/\1 \2/p' <<<"$output" | LC_ALL=C sort)
  expected=$(printf '%s [e164-length]\n' --output=json=victim.call.json:1:17 payloads/bad.json:2:18 \
    payloads/batch.jsonl:3:17 payloads/batch.ndjson:2:17)
  if [ "$variant" != without-fix ]; then
    expected=$(printf '%s\n' "$expected" '--fix.call.json:1:17 [e164-length]')
  fi
  expected=$(LC_ALL=C sort <<<"$expected")
  [ "$found" = "$expected" ] || fail "$hook: expected exactly these errors:
$expected
got:
$found
(NDJSON/JSON Lines payloads left out? option-named files taken as options?)"
  for quiet in payloads/good.json package.json tsconfig.json .vscode/settings.json schemas/call.schema.json \
    data/contacts.json templates/dial.call.json logs/events.ndjson victim.call.json; do
    if cut -d: -f1 <<<"$output" | grep -q -x -F -e "$quiet"; then fail "$hook: $quiet was reported"; fi
  done
  echo "check-pre-commit: $hook ok${variant:+ ($variant)}"
}

for hook in "${hooks[@]}"; do
  case $hook in
    call-lint) run_hook call-lint "$work/sample" ;;
    call-lint-system)
      [ -n "$binary" ] || fail "call-lint-system needs the binary as the first argument"
      mkdir -p "$work/bin"
      ln -sf "$binary" "$work/bin/call-lint"
      PATH="$work/bin:$PATH" run_hook call-lint-system "$work/system"
      PATH="$work/bin:$PATH" run_hook call-lint-system "$work/system-without-fix" without-fix
      ;;
    *) fail "no such hook to check: $hook" ;;
  esac
done
echo "check-pre-commit: ok (${hooks[*]}: in a realistic repository the hook failed on exactly the bad payloads," \
  "NDJSON and JSON Lines included, read the option-named files as files, and wrote nothing)"
