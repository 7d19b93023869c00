#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): runs call-lint once, printing annotations
# (--format github) and, when CALL_LINT_SARIF names a file, writing SARIF beside them, then
# exits with call-lint's status. Inputs come as environment variables, never spliced into
# the script: CALL_LINT_PATHS (space-separated), CALL_LINT_SARIF, CALL_LINT_ARGS.
set -uo pipefail
read -r -a paths <<<"${CALL_LINT_PATHS:-.}"
read -r -a extra <<<"${CALL_LINT_ARGS:-}"
outputs=()
if [ -n "${CALL_LINT_SARIF:-}" ]; then outputs=(--output "sarif=$CALL_LINT_SARIF"); fi
"${CALL_LINT:-call-lint}" --format github "${outputs[@]}" "${extra[@]}" -- "${paths[@]}"
