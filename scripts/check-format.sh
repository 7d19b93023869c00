#!/usr/bin/env bash
# The formatting check .ci/run makes: swift format (it ships with the toolchain) with the
# project's .swift-format finds nothing to change, and no line of Swift is longer than 120
# characters (swift format leaves a long string literal as it is). Generated data
# (NumberingPlanData.swift, written by scripts/numbering-plan.sh) is exempt from the length.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files 'Package.swift' 'Sources/*.swift' 'Tests/*.swift' 'Plugins/*.swift')
unformatted=""
for file in $files; do
  if ! swift format --configuration .swift-format "$file" | cmp -s - "$file"; then unformatted="$unformatted $file"; fi
done
if [ -n "$unformatted" ]; then
  echo "check-format: not as swift format writes them:$unformatted" >&2
  echo "check-format: run 'swift format -i --configuration .swift-format' on them" >&2
  exit 1
fi
# shellcheck disable=SC2086
python3 - $files <<'PY'
import sys
long = []
for path in sys.argv[1:]:
    if path.endswith("NumberingPlanData.swift"):
        continue
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if len(line.rstrip("\n")) > 120:
            long.append(f"{path}:{number}: {len(line.rstrip())} characters")
if long:
    print("\n".join(long))
    sys.exit(f"check-format: {len(long)} lines longer than 120 characters")
print(f"check-format: {len(sys.argv) - 1} files formatted, no line over 120 characters")
PY
