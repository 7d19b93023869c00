#!/usr/bin/env bash
# Regenerates Sources/CallLint/PhoneNumbers/NumberingPlanData.swift and ShortNumberData.swift from
# libphonenumber's metadata (PyPI phonenumbers at the pinned version, in a throwaway virtualenv).
# --check: regenerate into temporary files and fail if a checked-in file differs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(cat "$root/scripts/numbering-plan/PHONENUMBERS_VERSION")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "phonenumbers==$version"
status=0
for pair in generate.py:NumberingPlanData.swift generate_short.py:ShortNumberData.swift; do
  script=${pair%%:*}
  name=${pair##*:}
  target="$root/Sources/CallLint/PhoneNumbers/$name"
  "$work/venv/bin/python" "$root/scripts/numbering-plan/$script" > "$work/$name"
  if [ "${1:-}" = "--check" ]; then
    if ! cmp -s "$work/$name" "$target"; then
      diff -u "$target" "$work/$name" | head -20
      echo "numbering-plan: $target is not what phonenumbers $version gives; run scripts/numbering-plan.sh" >&2
      status=1
    else
      echo "numbering-plan: $name up to date with phonenumbers $version"
    fi
  else
    cp "$work/$name" "$target"
    echo "numbering-plan: wrote $target from phonenumbers $version"
  fi
done
exit $status
