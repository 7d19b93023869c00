#!/usr/bin/env python3
"""Times commands side by side and prints one table: median wall time over N runs (with
hyperfine when it is installed, else with this script's own loop), mean CPU time (user +
system, over all threads: what a CI runner pays for), peak memory of one run
(maximum resident set size, by GNU time, whose small process is what the command's exec
replaces; measured from Python, a forked child would count Python's own pages), and the
exit status.

Usage: measure.py CASES.json  (a list of {"group", "name", "command": [...], "runs"?})
Prints the table and writes the rows as JSON beside CASES.json (results.json).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def peak_memory_and_status(command):
    gnu_time = "/usr/bin/time"
    with open(os.devnull, "wb") as null, tempfile.NamedTemporaryFile("r") as report:
        if os.access(gnu_time, os.X_OK):
            status = subprocess.run([gnu_time, "-q", "-f", "%M %x", "-o", report.name] + command,
                                    stdout=null, stderr=null).returncode
            kilobytes, status = report.read().split()[-2:]
            return int(kilobytes) * 1024, int(status)
        process = subprocess.Popen(command, stdout=null, stderr=null)
        _, status, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def wall_times_own(command, runs):
    """Wall times and CPU times (user + system of the child) of up to `runs` runs."""
    times, cpu = [], []
    with open(os.devnull, "wb") as null:
        for _ in range(runs):
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=null, stderr=null)
            _, _, usage = os.wait4(process.pid, 0)
            times.append(time.perf_counter() - start)
            cpu.append(usage.ru_utime + usage.ru_stime)
            if times[0] > 20:  # a slow peer: one run says enough
                break
    return times, cpu


def wall_times_hyperfine(command, runs):
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        subprocess.run(
            ["hyperfine", "--style", "none", "--warmup", "1", "--runs", str(runs), "--ignore-failure",
             "-N", "--export-json", export.name, "--", " ".join(shlex_quote(part) for part in command)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        result = json.load(open(export.name))["results"][0]
        return result["times"], [result["user"] + result["system"]]


def shlex_quote(part):
    import shlex
    return shlex.quote(part)


def main():
    cases = json.load(open(sys.argv[1]))
    hyperfine = shutil.which("hyperfine")
    rows = []
    for case in cases:
        command = case["command"]
        runs = case.get("runs", 5)
        memory, status = peak_memory_and_status(command)
        # A command whose one run takes long is timed once, by our loop.
        probe, probe_cpu = wall_times_own(command, 1)
        if hyperfine and probe[0] < 5 and runs > 1 and len(" ".join(command)) < 100_000:
            times, cpu = wall_times_hyperfine(command, runs)
        elif probe[0] < 20 and runs > 1:
            more, more_cpu = wall_times_own(command, runs - 1)
            times, cpu = probe + more, probe_cpu + more_cpu
        else:
            times, cpu = probe, probe_cpu
        rows.append({"key": case.get("key", case["name"]), "group": case["group"], "name": case["name"],
                     "median_s": statistics.median(times), "cpu_s": statistics.mean(cpu),
                     "runs": len(times), "peak_bytes": memory, "exit": status})
    timer = "hyperfine" if hyperfine else "own loop (hyperfine not installed)"
    print(f"timing: {timer}; memory: peak RSS of one run")
    print(f"{'case':<44} {'median':>10} {'CPU':>10} {'runs':>5} {'peak RSS':>10} {'exit':>5}")
    group = None
    for row in rows:
        if row["group"] != group:
            group = row["group"]
            print(f"-- {group}")
        print(f"  {row['name']:<42} {format_time(row['median_s']):>10} {format_time(row['cpu_s']):>10} {row['runs']:>5} "
              f"{row['peak_bytes'] / 1e6:>8.1f}MB {row['exit']:>5}")
    json.dump(rows, open(os.path.join(os.path.dirname(sys.argv[1]), "results.json"), "w"), indent=2)


def format_time(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


if __name__ == "__main__":
    main()
