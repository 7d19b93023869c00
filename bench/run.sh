#!/usr/bin/env bash
# The benchmark: builds call-lint in release mode, writes the corpus (bench/generate_corpus.py,
# seeded), installs the peer check-jsonschema from PyPI into a throwaway virtualenv, and times
# call-lint, check-jsonschema (with bench/create-call-request.schema.json, the equivalent JSON
# Schema), `jq empty` (a raw parse, for reference) and, for the 10,000 files, bench/read_floor.c
# (reads the files and nothing else: the floor) side by side, then prints the ratios the
# targets are about. Run from anywhere: bench/run.sh. Environment: RUNS (default 5), SEED,
# CALL_LINT_BIN (a binary to measure instead of building one),
# BENCH_OUT (default bench/out, git-ignored). Needs python3, a C compiler and jq (apt-get install jq);
# uses hyperfine when installed (apt-get install hyperfine). To tell a change from the host's
# drift, compare two builds with runs interleaved: bench/compare.py BEFORE AFTER. Last, the
# language server's latency (bench/language_server.py).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$root/bench/out}
runs=${RUNS:-5}
seed=${SEED:-20261122}
mkdir -p "$out"

if [ -n "${CALL_LINT_BIN:-}" ]; then
  lint=$CALL_LINT_BIN  # another build to compare, such as the one before a change
else
  echo "== building call-lint (release)"
  (cd "$root" && swift build -c release --product call-lint 2>&1 | tail -1)
  lint="$(cd "$root" && swift build -c release --show-bin-path)/call-lint"
fi

if [ ! -f "$out/corpus-$seed/replay.ndjson" ]; then
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

# The floor for many files: reading them and nothing else (bench/read_floor.c, built here).
floor="$out/read_floor"
cc -O2 -pthread "$root/bench/read_floor.c" -o "$floor"
# The floor for one file: a Swift program that does nothing, linked as call-lint is.
bare="$out/bare_swift"
echo 'print("", terminator: "")' > "$out/bare_swift.swift"
swiftc -O "$out/bare_swift.swift" -o "$bare"

one="$corpus/small/payload-00000.json"
# A 1 MB source file of the shapes real code has (issue "Read the body where developers have it").
if [ ! -f "$corpus/source-1mb.js" ]; then
  python3 - "$corpus/source-1mb.js" "$corpus/source-1mb.py" <<'PY'
import sys
js, py = [], []
for i in range(2400):
    js.append(f"""// Places call {i} for the agent desktop, with a fallback queue.
export async function dial{i}(api, lead, options = {{}}) {{
  const headers = {{ Authorization: `Bearer ${{options.token}}`, 'Content-Type': 'application/json' }};
  const url = `${{options.base}}/api/v2/routing/queues/${{lead.queue}}`;
  const queue = await fetch(url, {{ headers }}).then((r) => r.json());
  if (!queue || queue.memberCount === 0) {{ console.warn('queue {i} is empty', {{ id: lead.queue }}); }}
  return {{ queue, lead: String(lead.phone || '').trim(), attempt: {i} }};
}}
""")
    py.append(f"""def dial_{i}(session, lead, token):
    # Places call {i}; the queue is looked up first.
    headers = {{"Authorization": f"Bearer {{token}}", "Content-Type": "application/json"}}
    queue = session.get(f"{{BASE}}/api/v2/routing/queues/{{lead['queue']}}", headers=headers).json()
    if not queue or queue.get("memberCount", 0) == 0:
        logging.warning("queue %s is empty", lead["queue"])
    return {{"queue": queue, "lead": str(lead.get("phone") or "").strip(), "attempt": {i}}}

""")
js.append("""const body = { phoneNumber: lead.phone, callerId: '+13175550100', callFromQueueId: queueId };
await conversationsApi.postConversationsCalls(body);
""")
py.append("""body = {"phoneNumber": lead["phone"], "callerId": "+13175550100", "callFromQueueId": queue_id}
requests.post(f"{BASE}/api/v2/conversations/calls", json=body, headers=headers)
""")
open(sys.argv[1], "w").write("".join(js))
open(sys.argv[2], "w").write("".join(py))
PY
fi
nproc=$(nproc)
python3 - "$out/cases.json" <<PY
import glob, json, sys
small = sorted(glob.glob("$corpus/small/*.json"))
lint, peer, runs = "$lint", "$peer", $runs
cases = [
  {"key": "one/call-lint", "group": "one small file (pre-commit)", "name": "call-lint", "command": [lint, "--isolated", "$one"], "runs": max(runs, 20)},
  {"group": "one small file (pre-commit)", "name": "check-jsonschema", "command": [peer, "--schemafile", "$schema", "$one"], "runs": runs},
  {"group": "one small file (pre-commit)", "name": "jq empty", "command": ["jq", "empty", "$one"], "runs": max(runs, 20)},
  {"key": "one/bare", "group": "one small file (pre-commit)", "name": "a Swift program that does nothing", "command": ["$bare"], "runs": max(runs, 20)},
  {"key": "source/js", "group": "1 MB source file", "name": "call-lint (JavaScript)", "command": [lint, "--isolated", "$corpus/source-1mb.js"], "runs": max(runs, 10)},
  {"key": "source/py", "group": "1 MB source file", "name": "call-lint (Python)", "command": [lint, "--isolated", "$corpus/source-1mb.py"], "runs": max(runs, 10)},
  {"key": "files/call-lint", "group": "10,000 files", "name": "call-lint ($nproc cores)", "command": [lint, "--isolated", "-q", "$corpus/small"], "runs": runs},
  {"key": "files/call-lint-1", "group": "10,000 files", "name": "call-lint --jobs 1", "command": [lint, "--isolated", "-q", "--jobs", "1", "$corpus/small"], "runs": runs},
  {"key": "files/peer", "group": "10,000 files", "name": "check-jsonschema", "command": [peer, "--schemafile", "$schema"] + small, "runs": 1},
  {"group": "10,000 files", "name": "jq empty", "command": ["jq", "empty"] + small, "runs": runs},
  {"key": "files/floor", "group": "10,000 files", "name": "read_floor (read only, $nproc threads)", "command": ["$floor", "$corpus/small", "$nproc"], "runs": max(runs, 10)},
  {"key": "big/plain", "group": "50 MB array", "name": "call-lint (one body: root is an array)", "command": [lint, "--isolated", "-q", "$corpus/big.json"], "runs": runs},
  {"key": "big/array", "group": "50 MB array", "name": "call-lint --array (every element)", "command": [lint, "--isolated", "-q", "--array", "$corpus/big.json"], "runs": runs},
  {"group": "50 MB array", "name": "call-lint --array --jobs 1", "command": [lint, "--isolated", "-q", "--array", "--jobs", "1", "$corpus/big.json"], "runs": runs},
  {"key": "big/peer", "group": "50 MB array", "name": "check-jsonschema (array schema)", "command": [peer, "--schemafile", "$out/array.schema.json", "$corpus/big.json"], "runs": 1},
  {"key": "big/jq", "group": "50 MB array", "name": "jq empty", "command": ["jq", "empty", "$corpus/big.json"], "runs": runs},
  {"key": "big/array-json", "group": "50 MB array", "name": "call-lint --array --format json", "command": [lint, "--isolated", "--array", "--format", "json", "$corpus/big.json"], "runs": runs},
  {"key": "ndjson/call-lint", "group": "NDJSON (same bodies)", "name": "call-lint", "command": [lint, "--isolated", "-q", "$corpus/big.ndjson"], "runs": runs},
  {"key": "ndjson/call-lint-json", "group": "NDJSON (same bodies)", "name": "call-lint --format json", "command": [lint, "--isolated", "--format", "json", "$corpus/big.ndjson"], "runs": runs},
  {"key": "ndjson/parse", "group": "NDJSON (same bodies)", "name": "call-lint --select invalid-json (parsing only)", "command": [lint, "--isolated", "--format", "json", "--select", "invalid-json", "$corpus/big.ndjson"], "runs": runs},
  {"key": "ndjson/jq", "group": "NDJSON (same bodies)", "name": "jq empty", "command": ["jq", "empty", "$corpus/big.ndjson"], "runs": runs},
  {"key": "half/call-lint-json", "group": "NDJSON, 120,000 bodies, half broken", "name": "call-lint --format json", "command": [lint, "--isolated", "--format", "json", "$corpus/half.ndjson"], "runs": runs},
  {"key": "half/call-lint-json-1", "group": "NDJSON, 120,000 bodies, half broken", "name": "call-lint --format json --jobs 1", "command": [lint, "--isolated", "--format", "json", "--jobs", "1", "$corpus/half.ndjson"], "runs": runs},
  {"key": "half/parse", "group": "NDJSON, 120,000 bodies, half broken", "name": "call-lint --select invalid-json (parsing only)", "command": [lint, "--isolated", "--format", "json", "--select", "invalid-json", "$corpus/half.ndjson"], "runs": runs},
  {"key": "half/jq", "group": "NDJSON, 120,000 bodies, half broken", "name": "jq empty", "command": ["jq", "empty", "$corpus/half.ndjson"], "runs": runs},
  {"key": "findings/call-lint-json", "group": "NDJSON, 120,000 bodies, each with findings", "name": "call-lint --format json", "command": [lint, "--isolated", "--format", "json", "$corpus/findings.ndjson"], "runs": runs},
  {"key": "findings/jq", "group": "NDJSON, 120,000 bodies, each with findings", "name": "jq empty", "command": ["jq", "empty", "$corpus/findings.ndjson"], "runs": runs},
  {"key": "replay/call-lint-1", "group": "NDJSON, 120,000 bodies as a CI replay (90% valid)", "name": "call-lint --format json --jobs 1", "command": [lint, "--isolated", "--format", "json", "--jobs", "1", "$corpus/replay.ndjson"], "runs": runs},
  {"key": "replay/jq", "group": "NDJSON, 120,000 bodies as a CI replay (90% valid)", "name": "jq empty", "command": ["jq", "empty", "$corpus/replay.ndjson"], "runs": runs},
]
json.dump(cases, open(sys.argv[1], "w"))
PY

echo "== measuring (RUNS=$runs)"
python3 "$root/bench/measure.py" "$out/cases.json"
python3 - "$out/results.json" "$corpus/big.json" "$corpus/big.ndjson" <<'PY'
import json, os, sys
rows = {row["key"]: row for row in json.load(open(sys.argv[1]))}
time = lambda key: rows[key]["median_s"]
size, ndjson_size = os.path.getsize(sys.argv[2]), os.path.getsize(sys.argv[3])
def verdict(ok): return "met" if ok else "NOT met"
print()
print("targets")
one = time("one/call-lint")
print(f"  one small file: {one * 1000:.1f} ms wall (target < 10 ms): {verdict(one < 0.010)}")
start = one / time("one/bare")
print(f"  one small file / a bare Swift program's start = {start:.2f}x (target <= 1.3x): {verdict(start <= 1.3)}")
ratio = time("files/peer") / time("files/call-lint")
print(f"  10,000 files: check-jsonschema / call-lint = {ratio:.1f}x (target >= 50x): {verdict(ratio >= 50)}")
ceiling = time("files/peer") / time("files/floor")
print(f"  10,000 files: check-jsonschema / read_floor = {ceiling:.1f}x: the most any tool that reads the files can reach here")
print(f"  10,000 files, all cores vs --jobs 1: {time('files/call-lint-1') / time('files/call-lint'):.2f}x")
plain, array = time("big/jq") / time("big/plain"), time("big/jq") / time("big/array")
print(f"  50 MB: jq empty / call-lint = {plain:.2f}x, the array checked as one body: {verdict(plain >= 1)}")
print(f"  50 MB: jq empty / call-lint --array = {array:.2f}x, every element checked: {verdict(array >= 1)}")
print(f"  50 MB: check-jsonschema / call-lint --array = {time('big/peer') / time('big/array'):.1f}x")
for key, label in (("big/plain", "one body"), ("big/array", "--array")):
    factor = rows[key]["peak_bytes"] / size
    print(f"  50 MB peak memory ({label}): {rows[key]['peak_bytes'] / 1e6:.0f} MB = {factor:.2f}x the file (target < 4x): {verdict(factor < 4)}")
cpu = lambda key: rows[key]["cpu_s"]
for key, jq, label in (("ndjson/call-lint-json", "ndjson/jq", "NDJSON, JSON output"),
                       ("half/call-lint-json", "half/jq", "NDJSON half broken, JSON output"),
                       ("big/array-json", "big/jq", "--array, JSON output")):
    ratio = cpu(key) / cpu(jq)
    print(f"  {label}: CPU {cpu(key):.2f} s vs jq empty {cpu(jq):.2f} s = {ratio:.2f}x (target <= 1x): {verdict(ratio <= 1)}")
# Where the CPU goes: parsing alone (a selection that checks no parsed body), and the rest
# (the clean-body screen, the rules, the report), each against jq empty's parse.
for key, jq, label, bound in (("findings/call-lint-json", "findings/jq", "NDJSON, every body with findings", 3),
                              ("replay/call-lint-1", "replay/jq", "NDJSON CI replay, one worker", 0.5)):
    ratio = cpu(key) / cpu(jq)
    print(f"  {label}: CPU {cpu(key):.2f} s vs jq empty {cpu(jq):.2f} s = {ratio:.2f}x (target <= {bound}x): "
          f"{verdict(ratio <= bound)}")
for key, parse, jq, label in (("ndjson/call-lint-json", "ndjson/parse", "ndjson/jq", "NDJSON"),
                              ("half/call-lint-json", "half/parse", "half/jq", "NDJSON half broken")):
    rest = cpu(key) - cpu(parse)
    print(f"  {label}: parsing {cpu(parse):.2f} s CPU ({cpu(parse) / cpu(jq):.2f}x jq empty), "
          f"checking and reporting {rest:.2f} s ({rest / cpu(jq):.2f}x jq empty)")
for key, label in (("source/js", "JavaScript"), ("source/py", "Python")):
    print(f"  1 MB {label} source file: {time(key) * 1000:.1f} ms wall (target < 50 ms): {verdict(time(key) < 0.050)}")
floor_ratio = time("files/call-lint") / time("files/floor")
print(f"  10,000 files: call-lint / read_floor = {floor_ratio:.2f}x wall (target <= 1.5x): {verdict(floor_ratio <= 1.5)}")
print(f"  NDJSON {ndjson_size / 1e6:.0f} MB peak memory: {rows['ndjson/call-lint']['peak_bytes'] / 1e6:.0f} MB (flat: bounded by the 4 MB read block)")
PY

echo "== the language server (bench/language_server.py): a change to its diagnostics, as an editor waits"
python3 "$root/bench/language_server.py" "$lint"
