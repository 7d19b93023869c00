#!/usr/bin/env bash
# The benchmark: builds call-lint in release mode, writes the corpus (bench/generate_corpus.py,
# seeded), installs the peer check-jsonschema from PyPI into a throwaway virtualenv, and times
# call-lint, check-jsonschema (with bench/create-call-request.schema.json, the equivalent JSON
# Schema) and `jq empty` (a raw parse, for reference) side by side, then prints the ratios the
# targets are about. Run from anywhere: bench/run.sh. Environment: RUNS (default 5), SEED,
# BENCH_OUT (default bench/out, git-ignored). Needs python3 and jq (apt-get install jq);
# uses hyperfine when installed (apt-get install hyperfine).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$root/bench/out}
runs=${RUNS:-5}
seed=${SEED:-20261122}
mkdir -p "$out"

echo "== building call-lint (release)"
(cd "$root" && swift build -c release --product call-lint 2>&1 | tail -1)
lint="$(cd "$root" && swift build -c release --show-bin-path)/call-lint"

if [ ! -f "$out/corpus-$seed/big.ndjson" ]; then
  echo "== writing the corpus (seed $seed)"
  python3 "$root/bench/generate_corpus.py" "$out/corpus-$seed" --seed "$seed"
fi
corpus="$out/corpus-$seed"

if [ ! -x "$out/venv/bin/check-jsonschema" ]; then
  echo "== installing check-jsonschema into a throwaway virtualenv"
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema
fi
peer="$out/venv/bin/check-jsonschema"
schema="$root/bench/create-call-request.schema.json"
python3 - "$schema" "$out/array.schema.json" <<'PY'
import json, sys
schema = json.load(open(sys.argv[1]))
definitions = schema["definitions"]
json.dump({"$schema": schema["$schema"], "definitions": definitions, "type": "array",
           "items": {"$ref": "#/definitions/request"}}, open(sys.argv[2], "w"))
PY

one="$corpus/small/payload-00000.json"
nproc=$(nproc)
python3 - "$out/cases.json" <<PY
import glob, json, sys
small = sorted(glob.glob("$corpus/small/*.json"))
lint, peer, runs = "$lint", "$peer", $runs
cases = [
  {"group": "one small file (pre-commit)", "name": "call-lint", "command": [lint, "--isolated", "$one"], "runs": max(runs, 20)},
  {"group": "one small file (pre-commit)", "name": "check-jsonschema", "command": [peer, "--schemafile", "$schema", "$one"], "runs": runs},
  {"group": "one small file (pre-commit)", "name": "jq empty", "command": ["jq", "empty", "$one"], "runs": max(runs, 20)},
  {"group": "10,000 files", "name": "call-lint ($nproc cores)", "command": [lint, "--isolated", "-q", "$corpus/small"], "runs": runs},
  {"group": "10,000 files", "name": "call-lint --jobs 1", "command": [lint, "--isolated", "-q", "--jobs", "1", "$corpus/small"], "runs": runs},
  {"group": "10,000 files", "name": "check-jsonschema", "command": [peer, "--schemafile", "$schema"] + small, "runs": 1},
  {"group": "10,000 files", "name": "jq empty", "command": ["jq", "empty"] + small, "runs": runs},
  {"group": "50 MB array", "name": "call-lint (one body: root is an array)", "command": [lint, "--isolated", "-q", "$corpus/big.json"], "runs": runs},
  {"group": "50 MB array", "name": "call-lint --array (every element)", "command": [lint, "--isolated", "-q", "--array", "$corpus/big.json"], "runs": runs},
  {"group": "50 MB array", "name": "call-lint --array --jobs 1", "command": [lint, "--isolated", "-q", "--array", "--jobs", "1", "$corpus/big.json"], "runs": runs},
  {"group": "50 MB array", "name": "check-jsonschema (array schema)", "command": [peer, "--schemafile", "$out/array.schema.json", "$corpus/big.json"], "runs": 1},
  {"group": "50 MB array", "name": "jq empty", "command": ["jq", "empty", "$corpus/big.json"], "runs": runs},
  {"group": "NDJSON (same bodies)", "name": "call-lint", "command": [lint, "--isolated", "-q", "$corpus/big.ndjson"], "runs": runs},
  {"group": "NDJSON (same bodies)", "name": "jq empty", "command": ["jq", "empty", "$corpus/big.ndjson"], "runs": runs},
]
json.dump(cases, open(sys.argv[1], "w"))
PY

echo "== measuring (RUNS=$runs)"
python3 "$root/bench/measure.py" "$out/cases.json"
python3 - "$out/results.json" "$corpus/big.json" <<'PY'
import json, os, sys
rows = {(r["group"], r["name"].split(" (")[0] if r["name"].startswith("call-lint (") else r["name"]): r for r in json.load(open(sys.argv[1]))}
def get(group, name):
    for (g, n), r in rows.items():
        if g == group and n.startswith(name):
            return r
size = os.path.getsize(sys.argv[2])
one = get("one small file (pre-commit)", "call-lint")["median_s"]
files = get("10,000 files", "call-lint")["median_s"]
files1 = get("10,000 files", "call-lint --jobs 1")["median_s"]
peer_files = get("10,000 files", "check-jsonschema")["median_s"]
big_plain = get("50 MB array", "call-lint (one")
big_array = get("50 MB array", "call-lint --array (every")
jq_big = get("50 MB array", "jq empty")["median_s"]
print()
print("targets")
print(f"  one small file: {one*1000:.1f} ms (target < 10 ms) -> {'met' if one < 0.010 else 'NOT met'}")
print(f"  10,000 files: check-jsonschema / call-lint = {peer_files/files:.0f}x (target >= 50x) -> {'met' if peer_files/files >= 50 else 'NOT met'}")
print(f"  10,000 files on all cores vs --jobs 1: {files1/files:.2f}x faster")
print(f"  50 MB: jq empty / call-lint = {jq_big/big_plain['median_s']:.2f}x (root checked as one body); "
      f"{jq_big/big_array['median_s']:.2f}x with --array (every element checked) (target >= 1x)")
print(f"  50 MB peak memory: {big_plain['peak_bytes']/size:.2f}x the file; {big_array['peak_bytes']/size:.2f}x with --array (target < 4x)")
PY
