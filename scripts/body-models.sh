#!/usr/bin/env bash
# Regenerates Sources/CallLint/Model/BodyModelData.swift from ../shared/genesys/api-2026-07.json
# (the July 2026 swagger's facts: body models, fields, types, enums, required fields), laid out
# by swift format as the rest of the sources are.
# --check: regenerate into a temporary file and fail if the checked-in file differs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
facts="$root/../shared/genesys/api-2026-07.json"
target="$root/Sources/CallLint/Model/BodyModelData.swift"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/body-models/generate.py" "$facts" > "$work/raw.swift"
swift format --configuration "$root/.swift-format" "$work/raw.swift" > "$work/BodyModelData.swift"
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$work/BodyModelData.swift" "$target"; then
    diff -u "$target" "$work/BodyModelData.swift" | head -20
    echo "body-models: $target is not what $facts gives; run scripts/body-models.sh" >&2
    exit 1
  fi
  echo "body-models: BodyModelData.swift up to date with api-2026-07.json"
else
  cp "$work/BodyModelData.swift" "$target"
  echo "body-models: wrote $target"
fi
