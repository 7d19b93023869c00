#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): runs call-lint once, printing annotations
# (--format github) and, when CALL_LINT_SARIF names a file, writing SARIF beside them, then
# exits with call-lint's status. Inputs come as environment variables, never spliced into
# the script: CALL_LINT_PATHS, CALL_LINT_SARIF, CALL_LINT_ARGS. PATHS and ARGS are split on
# any white space, newlines included (a YAML block `paths: |` gives one path a line), and are
# not glob-expanded: a path or an option's value cannot hold a space. The paths come after
# `--`, so a path that starts with `-` is a path, never an option.
set -uo pipefail
# read -d '' reads the whole value, not its first line; it answers 1 at the end of its input.
IFS=$' \t\r\n' read -r -d '' -a paths <<<"${CALL_LINT_PATHS:-}" || true
IFS=$' \t\r\n' read -r -d '' -a extra <<<"${CALL_LINT_ARGS:-}" || true
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi
outputs=()
if [ -n "${CALL_LINT_SARIF:-}" ]; then outputs=(--output "sarif=$CALL_LINT_SARIF"); fi
# ${a[@]+"${a[@]}"}: an empty array expands to nothing under set -u in every bash, 3.2 too.
exec "${CALL_LINT:-call-lint}" --format github ${outputs[@]+"${outputs[@]}"} ${extra[@]+"${extra[@]}"} \
  -- "${paths[@]}"
