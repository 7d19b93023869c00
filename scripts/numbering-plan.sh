#!/usr/bin/env bash
# Regenerates Sources/CallLint/PhoneNumbers/NumberingPlanData.swift from libphonenumber's
# metadata (PyPI phonenumbers at the pinned version, in a throwaway virtualenv).
# --check: regenerate into a temporary file and fail if the checked-in file differs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(cat "$root/scripts/numbering-plan/PHONENUMBERS_VERSION")
target="$root/Sources/CallLint/PhoneNumbers/NumberingPlanData.swift"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "phonenumbers==$version"
"$work/venv/bin/python" "$root/scripts/numbering-plan/generate.py" > "$work/NumberingPlanData.swift"
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$work/NumberingPlanData.swift" "$target"; then
    diff -u "$target" "$work/NumberingPlanData.swift" | head -20
    echo "numbering-plan: $target is not what phonenumbers $version gives; run scripts/numbering-plan.sh" >&2
    exit 1
  fi
  echo "numbering-plan: up to date with phonenumbers $version"
else
  mkdir -p "$(dirname "$target")"
  cp "$work/NumberingPlanData.swift" "$target"
  echo "numbering-plan: wrote $target from phonenumbers $version"
fi
