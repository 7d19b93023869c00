#!/usr/bin/env python3
"""Compares two builds of call-lint on the bulk cases, runs interleaved: each round runs the
first build, the second and `jq empty` once each on a case, so a host that slows down for a
while slows all three alike. On a shared 2-core VM, CPU time for the same work drifts by up to
1.7x between minutes; bench/run.sh measures one command after another and cannot separate a
change from that drift. This prints median CPU time (user + system, all threads) and wall time.

Usage: bench/compare.py BEFORE AFTER [RUNS]   (binaries; RUNS defaults to 9)
Reads the corpus bench/run.sh writes (BENCH_OUT, SEED as there); run that once first.
"""
import os
import statistics
import subprocess
import sys
import time


def run(command):
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=null, stderr=null)
        _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    before, after = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.environ.get("BENCH_OUT", os.path.join(root, "bench", "out"))
    corpus = os.path.join(out, "corpus-" + os.environ.get("SEED", "20261122"))
    if not os.path.isfile(os.path.join(corpus, "replay.ndjson")):
        sys.exit(f"compare.py: no corpus at {corpus}: run bench/run.sh once first")
    cases = [
        ("NDJSON every body a finding", ["--format", "json", "findings.ndjson"], "findings.ndjson"),
        ("NDJSON CI replay, 1 worker", ["--format", "json", "--jobs", "1", "replay.ndjson"], "replay.ndjson"),
        ("NDJSON half broken, JSON", ["--format", "json", "half.ndjson"], "half.ndjson"),
        ("NDJSON 41 MB, JSON", ["--format", "json", "big.ndjson"], "big.ndjson"),
        ("--array 50 MB, JSON", ["--array", "--format", "json", "big.json"], "big.json"),
        ("10,000 files, -q", ["-q", "small"], None),
    ]
    print(f"{'case':28s} {'build':8s} {'CPU ms':>8s} {'wall ms':>8s} {'CPU / jq':>9s}")
    for label, arguments, jq_input in cases:
        arguments = [os.path.join(corpus, part) if part.endswith((".ndjson", ".json")) or part == "small"
                     else part for part in arguments]
        commands = {
            "before": [before, "--isolated"] + arguments,
            "after": [after, "--isolated"] + arguments,
        }
        if jq_input:
            commands["jq"] = ["jq", "empty", os.path.join(corpus, jq_input)]
        samples = {name: ([], []) for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                wall, cpu = run(command)
                samples[name][0].append(wall)
                samples[name][1].append(cpu)
        jq_cpu = statistics.median(samples["jq"][1]) if jq_input else None
        for name, (walls, cpus) in samples.items():
            cpu = statistics.median(cpus)
            ratio = f"{cpu / jq_cpu:8.2f}x" if jq_cpu else ""
            print(f"{label:28s} {name:8s} {cpu * 1000:8.1f} {statistics.median(walls) * 1000:8.1f} {ratio:>9s}")
            label = ""


if __name__ == "__main__":
    main()
