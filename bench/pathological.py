#!/usr/bin/env python3
"""Hostile inputs that once took minutes or gigabytes: each case is written to a scratch folder,
run once, and measured (wall time, peak memory of the process). A case fails when it exceeds
its bound, crashes (a signal), or exits with a status it should not. The bounds are generous:
they catch a return of quadratic time or unbounded memory, not a few per cent.

Usage: pathological.py CALL_LINT_BINARY [--only NAME]   (bench/pathological.sh builds and runs it)
"""
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time


def run(command, stdin=None, timeout=120, env=None, output_limit=4096):
    """Runs a command; returns (seconds, peak RSS in MB, exit status or -signal, stdout bytes,
    the first output_limit of them). Peak memory comes from GNU time, whose small process is what
    the command's exec replaces (a child forked from this script would count this script's pages
    too). The command runs in this script's working directory (see working_directory())."""
    report = tempfile.NamedTemporaryFile("r", suffix=".time")
    if os.access("/usr/bin/time", os.X_OK):
        command = ["/usr/bin/time", "-q", "-f", "%M", "-o", report.name] + command
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        # A session of its own: a timeout kills the command, not only GNU time around it.
        process = subprocess.Popen(command, stdin=stdin or subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=null, env=env, start_new_session=True)
        output = bytearray()

        def drain():
            while True:
                chunk = process.stdout.read(1 << 16)
                if not chunk:
                    return
                output.extend(chunk[: max(0, output_limit - len(output))])

        reader = threading.Thread(target=drain)
        reader.start()
        try:
            _, status, usage = os.wait4(process.pid, 0) if timeout is None else wait_with_timeout(process, timeout)
        finally:
            reader.join()
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status) if status is not None else "timeout"
    reported = report.read().split()
    megabytes = int(reported[-1]) / 1024 if reported and reported[-1].isdigit() else usage.ru_maxrss / 1024
    return seconds, megabytes, code, bytes(output)


def wait_with_timeout(process, timeout):
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            return pid, status, usage
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            _, _, usage = os.wait4(process.pid, 0)
            return process.pid, None, usage
        time.sleep(0.01)


def cases(folder):
    """(name, command builder, seconds bound, MB bound, accepted exit codes)."""
    def path(name, content, mode="w"):
        full = os.path.join(folder, name)
        with open(full, mode) as handle:
            handle.write(content)
        return full

    many_unknown = path("unknown-keys.json", "{" + ",".join(f'"k{i}": {i}' for i in range(300_000)) + "}")
    duplicates = path("duplicate-keys.json", "{" + ",".join('"phoneNumber": "+13175550123"' for _ in range(100_000)) + "}")
    fixes = path("many-fixes.json", '{"participants": [\n' + ",\n".join(f'  {{"address": "+1 317 555 {1000 + i % 9000}"}}'
                                                                     for i in range(8000)) + "\n]}\n")
    long_line = path("long-line.ndjson", '{"callerIdName": "' + "x" * (100 << 20) + '", "phoneNumber": "+13175550123"}\n')
    placeholder_config = path("placeholders.json", json.dumps({"placeholders": ["^(a+)+$", "(x|x)*y", "(a|aa)*b"]}))
    placeholder_body = path("placeholder-body.json", json.dumps({"phoneNumber": "a" * 5000 + "!", "callerIdName": "x" * 5000}))
    glob_config = path("globs.json", json.dumps({"ignore": {"/".join(["**"] * 10) + "/z/**/*.json": ["unknown-key"]}}))
    deep_folder = os.path.join(folder, *["d"] * 30)
    os.makedirs(deep_folder, exist_ok=True)
    with open(os.path.join(deep_folder, "payload.json"), "w") as handle:
        handle.write('{"phoneNumber": "+13175550123"}')
    junit_lines = path("junit.ndjson", '{"to": "1", "from": "2", "callType": "x"}\n' * 300_000)
    nested = path("nested.json", "[" * 1_000_000)
    sparse = os.path.join(folder, "sparse-2g.json")
    with open(sparse, "wb") as handle:
        handle.truncate(2 << 30)

    unclosed = path("unclosed-placeholders.txt", '{"phoneNumber": ' + "{{" * 2_000_000 + "\n")
    branches = path("nested-if.json", "{\n" + "#if($a)\n" * 200_000 + '"phoneNumber": "+13175550123"\n'
                    + "#else\n#end\n" * 200_000 + "}\n")
    code = path("open-calls.js", "const body = {" + ", ".join(f"k{i}: f(" for i in range(300_000)) + "\n")
    curl = path("curl.sh", "curl https://h/api/v2/conversations/calls -d '{" + '"to": "x", ' * 300_000 + '"a": 1}\'\n')

    # Issue "Hardening, second round".
    deep = 1_000_000
    js_objects = path("nested-objects.js", "const body = " + "{a: " * deep + "1" + "}" * deep + ";\n")
    js_arrays = path("nested-arrays.js", "const body = {a: " + "[" * deep + "x" + "]" * deep + "};\n")
    js_calls = path("nested-calls.js", "const body = {a: " + "f(" * deep + "1" + ")" * deep + "};\n")
    py_dicts = path("nested-dicts.py", "body = " + "{'a': " * deep + "None" + "}" * deep + "\n")
    py_lists = path("nested-lists.py", "body = {'a': " + "[" * deep + "None" + "]" * deep + "}\n")

    def pastes_bound(name):
        """Peak memory a small multiple of the paste: 20 times its size and a 100 MB baseline."""
        return round(20 * os.path.getsize(name) / (1 << 20) + 100)

    compact = {"separators": (",", ":")}
    # Each pattern is within the per-pattern bound (20,000 instructions); their sum has none.
    many_patterns = path("many-placeholders.json",
                         json.dumps({"placeholders": [f"x{{{19_990 + i % 9}}}" for i in range(5_900)]}, **compact))
    pattern_body = path("pattern-body.json", json.dumps({"phoneNumber": "+13175550123", "callerIdName": "Support",
                                                         "callerId": "+13175550100"}))
    list_tree = os.path.join(folder, "list-tree")
    for group in range(10):
        os.makedirs(os.path.join(list_tree, f"p{group}"))
        for item in range(100):
            with open(os.path.join(list_tree, f"p{group}", f"call_{item}.json"), "w") as handle:
                handle.write('{"phoneNumber": "+13175550123", "callerId": "+13175550100"}')
    excludes = path("exclude-list.json", json.dumps({"exclude": [f"e{k}" for k in range(100_000)]}, **compact))
    includes = path("include-list.json",
                    json.dumps({"include": [f"i{k}/**" for k in range(80_000)] + ["**/call_*.json"]}, **compact))
    ignores = path("ignore-map.json", json.dumps({"ignore": {f"g{k}/*": ["*"] for k in range(55_000)}}, **compact))
    caller_ids = path("caller-id-list.json", json.dumps({"allowedCallerIds": [f"+{k}" for k in range(100_000)]},
                                                        **compact))
    caller_bodies = path("caller-ids.ndjson", '{"phoneNumber": "+13175550123", "callerId": "+13175550100"}\n' * 1000)
    curly = path("curly-keys.json", "{" + ", ".join(f"\u201ck{i}\u201d: {i}" for i in range(64_000)) + "}")
    velocity_chain = path("velocity-chain.txt", "\n".join(
        ["{", '  "callerId": "+13175550100",']
        + [line for b in range(100_000) for line in (f"#if($input.n == {b})" if b == 0 else f"#elseif($input.n == {b})",
                                                    f'  "phoneNumber": "+1317555{1000 + b % 9000}"')]
        + ["#else", '  "phoneNumber": "+13175550199"', "#end", "}"]) + "\n")
    handlebars_chain = path("handlebars-chain.txt", "\n".join(
        ["{", '  "callerId": "+13175550100",']
        + [line for b in range(100_000) for line in ("{{#if a0}}" if b == 0 else f"{{{{else if a{b}}}}}",
                                                    f'  "phoneNumber": "+1317555{1000 + b % 9000}"')]
        + ["{{else}}", '  "phoneNumber": "+13175550199"', "{{/if}}", "}"]) + "\n")
    return [
        ("2,000,000 unclosed {{ on one line", lambda b: [b, "--isolated", unclosed], None, 30, 800, {1}),
        ("200,000 nested #if branches", lambda b: [b, "--isolated", branches], None, 60, 1500, {0, 1}),
        ("a JavaScript literal of 300,000 unclosed calls", lambda b: [b, "--isolated", code], None, 30, 800, {1}),
        ("a curl command with 300,000 unknown keys", lambda b: [b, "--isolated", curl], None, 60, 1500, {1}),
        ("300,000 distinct unknown keys", lambda b: [b, "--isolated", many_unknown], None, 60, 1500, {1}),
        ("100,000 duplicate keys on one line (text)", lambda b: [b, "--isolated", duplicates], None, 60, 1500, {0, 1}),
        ("--diff of a body with 8,000 fixes", lambda b: [b, "--isolated", "--diff", fixes], None, 60, 1500, {1}),
        ("NDJSON line of 100 MB", lambda b: [b, "--isolated", "-q", long_line], None, 60, 1200, {0}),
        ("placeholders ^(a+)+$ on 5,000 characters", lambda b: [b, "--config", placeholder_config, placeholder_body],
         None, 30, 500, {1}),
        ("ignore glob with ten **", lambda b: [b, "--config", glob_config, folder + "/d"], None, 30, 500, {0}),
        ("JUnit of 900,000 findings", lambda b: [b, "--isolated", "--format", "junit", junit_lines], None, 120, 1500, {1}),
        ("1,000,000 nested arrays", lambda b: [b, "--isolated", nested], None, 30, 500, {1}),
        ("--array on a 2 GiB file", lambda b: [b, "--isolated", "--array", sparse], None, 30, 500, {2}),
        ("standard input from /dev/zero", lambda b: [b, "--isolated", "-"], "/dev/zero", 60, 800, {2}),
        ("a file that keeps growing", lambda b: [b, "--isolated", "-"], "grow", 60, 800, {2}),
        ("JavaScript objects nested 1,000,000 deep", lambda b: [b, "--isolated", js_objects], None, 10,
         pastes_bound(js_objects), {1}),
        ("JavaScript arrays nested 1,000,000 deep", lambda b: [b, "--isolated", js_arrays], None, 10,
         pastes_bound(js_arrays), {1}),
        ("JavaScript calls nested 1,000,000 deep", lambda b: [b, "--isolated", js_calls], None, 10,
         pastes_bound(js_calls), {1}),
        ("Python dicts nested 1,000,000 deep", lambda b: [b, "--isolated", py_dicts], None, 10,
         pastes_bound(py_dicts), {1}),
        ("Python lists nested 1,000,000 deep", lambda b: [b, "--isolated", py_lists], None, 10,
         pastes_bound(py_lists), {1}),
        # A clear error (exit 2) or a quick run.
        ("71 KB of placeholders (5,900 x{19990})", lambda b: [b, "--config", many_patterns, pattern_body], None, 2,
         200, {0, 2}),
        ("exclude list of 100,000 globs, 1,000 files", lambda b: [b, "--config", excludes, list_tree], None, 5, 300,
         {0, 2}),
        ("include list of 80,000 globs, 1,000 files", lambda b: [b, "--config", includes, list_tree], None, 5, 300,
         {0, 2}),
        ("ignore map of 55,000 globs, 1,000 files", lambda b: [b, "--config", ignores, list_tree], None, 5, 300,
         {0, 2}),
        ("100,000 allowedCallerIds, 1,000 bodies", lambda b: [b, "-q", "--config", caller_ids, caller_bodies], None,
         5, 300, {1, 2}),
        ("64,000 keys in curly quotes", lambda b: [b, "--isolated", "-q", curly], None, 3, 300, {1}),
        ("#elseif chain of 100,000 branches", lambda b: [b, "--isolated", "-q", velocity_chain], None, 10, 1000,
         {0, 1}),
        ("{{else if}} chain of 100,000 branches", lambda b: [b, "--isolated", "-q", handlebars_chain], None, 10, 1000,
         {0, 1}),
    ]


def interrupted_fixes(binary, folder):
    """SIGTERM at many moments of a --fix of a 60 MB file: afterwards the file is whole (the
    old text or the fixed one) and no temporary file is left. Returns (runs, problems)."""
    target = os.path.join(folder, "interrupted.json")
    original = '{"phoneNumber": "+1 317 555 0123", "callerIdName": "' + "x" * (60 << 20) + '"}'
    fixed = original.replace("+1 317 555 0123", "+13175550123", 1)
    problems = []
    delays = [0.05 * step for step in range(1, 30)]
    for delay in delays:
        with open(target, "w") as handle:
            handle.write(original)
        process = subprocess.Popen([binary, "--isolated", "--fix", target], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        process.wait()
        leftovers = [name for name in os.listdir(folder) if name.startswith(".call-lint-")]
        with open(target) as handle:
            text = handle.read()
        if leftovers:
            problems.append(f"after {delay:.2f} s: left {leftovers}")
            for name in leftovers:
                os.unlink(os.path.join(folder, name))
        if text not in (original, fixed):
            problems.append(f"after {delay:.2f} s: the file is neither the old text nor the fixed one")
    os.unlink(target)
    return len(delays), problems


def main():
    binary = os.path.abspath(sys.argv[1])
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    failures = 0
    with tempfile.TemporaryDirectory(prefix="call-lint-pathological-") as folder:
        print(f"{'case':<46} {'time':>9} {'peak':>9} {'exit':>5}  verdict")
        for name, build, stdin, seconds_bound, megabytes_bound, accepted in cases(folder):
            if only and only not in name:
                continue
            stdin_handle = None
            if stdin == "/dev/zero":
                stdin_handle = open("/dev/zero", "rb")
            elif stdin == "grow":
                stdin_handle = growing_pipe()
            seconds, megabytes, code, _ = run(build(binary), stdin=stdin_handle, timeout=seconds_bound * 2)
            if stdin_handle:
                stdin_handle.close()
            ok = code in accepted and seconds <= seconds_bound and megabytes <= megabytes_bound
            failures += not ok
            print(f"{name:<46} {seconds:>8.2f}s {megabytes:>7.0f}MB {str(code):>5}  {'ok' if ok else 'FAILED'}"
                  f"{'' if ok else f' (bounds {seconds_bound} s, {megabytes_bound} MB, exit {sorted(accepted)})'}")
        if not only or only in "SIGTERM during --fix":
            start = time.perf_counter()
            runs, problems = interrupted_fixes(binary, folder)
            failures += bool(problems)
            print(f"{'SIGTERM during --fix (' + str(runs) + ' moments)':<46} {time.perf_counter() - start:>8.2f}s "
                  f"{'':>9} {'':>5}  {'ok' if not problems else 'FAILED: ' + '; '.join(problems[:3])}")
    sys.exit(1 if failures else 0)


def growing_pipe():
    """A pipe that a writer keeps filling, like a log file that grows while it is read."""
    read_end, write_end = os.pipe()

    def write():
        chunk = b"{" + b" " * (1 << 20)
        try:
            with os.fdopen(write_end, "wb") as writer:
                while True:
                    writer.write(chunk)
        except (BrokenPipeError, OSError):
            pass

    threading.Thread(target=write, daemon=True).start()
    return os.fdopen(read_end, "rb")


if __name__ == "__main__":
    main()
