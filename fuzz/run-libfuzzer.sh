#!/usr/bin/env bash
# Coverage-guided fuzzing of the parser, the rules, the fixes and the output formats with
# libFuzzer (swiftc -sanitize=fuzzer,address). Every input goes through RobustnessCheck.run,
# which checks ranges, output validity and fixes; a violation, crash, hang (-timeout) or leak
# (-detect_leaks) stops the run and leaves a crash-* file.
#   fuzz/run-libfuzzer.sh [SECONDS]   (default 300)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
work=${FUZZ_OUT:-$root/.build-fuzz}
mkdir -p "$work/corpus"

# The rule pages are embedded by a build plugin; make the same file by hand here.
(cd "$root" && swift build --product RuleDocumentEmbedder >/dev/null)
"$(cd "$root" && swift build --show-bin-path)/RuleDocumentEmbedder" "$work/EmbeddedRuleDocuments.swift" "$root"/rules/*.md

# Seeds: every fixture and every example on the rule pages.
cp "$root"/Fixtures/*/*.json "$work/corpus/" 2>/dev/null || true
python3 - "$root/rules" "$work/corpus" <<'PY'
import os, re, sys
for name in os.listdir(sys.argv[1]):
    text = open(os.path.join(sys.argv[1], name)).read()
    for index, block in enumerate(re.findall(r"```json\n(.*?)\n```", text, re.S)):
        open(os.path.join(sys.argv[2], f"rule-{name}-{index}.json"), "w").write(block)
PY

swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name CallLint \
  -D CALL_LINT_FUZZ $(find "$root/Sources/CallLint" -name '*.swift') "$work/EmbeddedRuleDocuments.swift" \
  "$root/Tests/CallLintTests/RobustnessCheck.swift" "$root/fuzz/FuzzTarget.swift" \
  -o "$work/call-lint-fuzz"
cd "$work"
# Memory kept for the process's life on purpose is named in fuzz/lsan.supp; any other leak fails.
LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0" ./call-lint-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -detect_leaks=1 \
  -print_final_stats=1 corpus
