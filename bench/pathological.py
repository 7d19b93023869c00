#!/usr/bin/env python3
"""Hostile inputs that once took minutes or gigabytes: each case is written to a scratch folder,
run once, and measured (wall time, peak memory of the process). A case fails when it exceeds
its bound, crashes (a signal), or exits with a status it should not. The bounds are generous:
they catch a return of quadratic time or unbounded memory, not a few per cent. A case that
hangs is killed at twice its time bound. Cases that need more than one command (a working
directory deleted or deeper than PATH_MAX, a tree compared with git, kills during --fix, two
--fix runs at once) are functions called from main(); they print the same rows.

Usage: pathological.py CALL_LINT_BINARY [--only NAME]   (bench/pathological.sh builds and runs it)
"""
import contextlib
import json
import os
import resource
import shutil
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
    if reported and reported[-1].isdigit():
        megabytes = int(reported[-1]) / 1024
    elif status is None:
        # Killed with GNU time, which then writes nothing: the peak read before the kill.
        megabytes = getattr(process, "peak_before_kill", 0) / 1024
    else:
        megabytes = usage.ru_maxrss / 1024
    return seconds, megabytes, code, bytes(output)


def wait_with_timeout(process, timeout):
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            return pid, status, usage
        if time.monotonic() > deadline:
            process.peak_before_kill = group_peak_kilobytes(process.pid)
            os.killpg(process.pid, signal.SIGKILL)
            _, _, usage = os.wait4(process.pid, 0)
            return process.pid, None, usage
        time.sleep(0.01)


def group_peak_kilobytes(group):
    """The largest peak resident size (VmHWM) of the processes of a process group, in KB."""
    peak = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            if int(fields[2]) != group:
                continue
            with open(f"/proc/{entry}/status") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except (OSError, IndexError, ValueError):
            continue
    return peak


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

    # Issue "Read the body where developers have it": code read for the body it sends. Their
    # bound is 3 s (they take well under one): a string test done per token once took 10.
    sent = "\nawait conversationsApi.postConversationsCalls(body);\n"
    js_sent = path("nested-sent.js", "const body = " + "{a: " * deep + "1" + "}" * deep + ";" + sent)
    many_objects = path("many-objects.js", "const rows = [\n" + "".join(
        f"  {{ id: {i}, phoneNumber: '+1317555{1000 + i % 9000}', note: `row ${{i}}` }},\n" for i in range(100_000))
        + "];\nconst body = { phoneNumber: rows[0].phoneNumber, callerID: '+13175550100' };" + sent)
    many_bindings = path("many-bindings.py", "".join(f"body = {{'phoneNumber': '+1317555{1000 + i % 9000}'}}\n"
                                                     f"body.update(x{i})\n" for i in range(100_000))
                         + "api.post_conversations_calls(body)\n")
    many_models = path("many-models.cs", "using PureCloudPlatform.Client.V2.Model;\n" + "".join(
        f"var body{i} = new CreateCallRequest {{ PhoneNumber = \"+1317555{1000 + i % 9000}\" }};\n"
        for i in range(20_000)))
    open_templates = path("open-templates.js", "const body = {a: " + "`${" * 300_000 + "\n")

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
        ("a JavaScript literal of 300,000 unclosed calls", lambda b: [b, "--isolated", code], None, 30, 800, {0, 1}),
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
        ("JavaScript objects nested 1,000,000 deep", lambda b: [b, "--isolated", js_objects], None, 3,
         pastes_bound(js_objects), {0, 1}),
        ("JavaScript arrays nested 1,000,000 deep", lambda b: [b, "--isolated", js_arrays], None, 3,
         pastes_bound(js_arrays), {0, 1}),
        ("JavaScript calls nested 1,000,000 deep", lambda b: [b, "--isolated", js_calls], None, 3,
         pastes_bound(js_calls), {0, 1}),
        ("Python dicts nested 1,000,000 deep", lambda b: [b, "--isolated", py_dicts], None, 3,
         pastes_bound(py_dicts), {0, 1}),
        ("Python lists nested 1,000,000 deep", lambda b: [b, "--isolated", py_lists], None, 3,
         pastes_bound(py_lists), {0, 1}),
        ("JavaScript nested 1,000,000 deep, sent", lambda b: [b, "--isolated", js_sent], None, 3,
         pastes_bound(js_sent), {1}),
        ("100,000 objects in one JavaScript file", lambda b: [b, "--isolated", many_objects], None, 3,
         pastes_bound(many_objects), {1}),
        ("100,000 bindings of one name in Python", lambda b: [b, "--isolated", many_bindings], None, 3,
         pastes_bound(many_bindings), {0, 1}),
        ("20,000 CreateCallRequests in C#", lambda b: [b, "--isolated", "-q", many_models], None, 3,
         pastes_bound(many_models), {0, 1}),
        ("300,000 unclosed template literals", lambda b: [b, "--isolated", open_templates], None, 3,
         pastes_bound(open_templates), {0, 1}),
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


@contextlib.contextmanager
def working_directory(descriptor):
    """This script's working directory set to an open folder while the commands inside start: a
    folder deeper than PATH_MAX has no path that chdir or Popen(cwd=) accept, a deleted one none."""
    back = os.open(".", os.O_RDONLY | os.O_DIRECTORY)
    os.fchdir(descriptor)
    try:
        yield
    finally:
        os.fchdir(back)
        os.close(back)


def bounded(name, command, seconds_bound, megabytes_bound, accepted, note="", **options):
    """Runs one command as the cases() rows are run; returns its row (see row())."""
    seconds, megabytes, code, _ = run(command, timeout=seconds_bound * 2, **options)
    ok = code in accepted and seconds <= seconds_bound and megabytes <= megabytes_bound
    if ok:
        verdict = "ok" + (f" ({note})" if note else "")
    else:
        verdict = (f"FAILED (bounds {seconds_bound:.3g} s, {megabytes_bound} MB, exit {sorted(accepted)}"
                   f"{'; ' + note if note else ''})")
    return name, seconds, megabytes, code, verdict


def working_directories(binary, folder):
    """The configuration search from a working directory that was deleted, and from one deeper
    than PATH_MAX (25 folders of 200-character names: getcwd has no answer in 4,096 bytes), on a
    payload named by its absolute path: each run ends within 5 s with exit 0, 1 or 2 (a clear
    message, or no configuration found); a search that loops forever is killed at 10 s."""
    payload = os.path.join(folder, "cwd-payload.json")
    with open(payload, "w") as handle:
        handle.write('{"phoneNumber": "+13175550123"}')
    rows = []
    gone = os.path.join(folder, "deleted-cwd")
    os.mkdir(gone)
    descriptor = os.open(gone, os.O_RDONLY | os.O_DIRECTORY)
    os.rmdir(gone)
    with working_directory(descriptor):
        rows.append(bounded("working directory deleted", [binary, "--format", "json", payload], 5, 300, {0, 1, 2}))
    os.close(descriptor)
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    for level in range(25):
        name = chr(ord("a") + level) * 200
        os.mkdir(name, dir_fd=descriptor)
        inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=descriptor)
        os.close(descriptor)
        descriptor = inner
    with working_directory(descriptor):
        rows.append(bounded("working directory deeper than PATH_MAX", [binary, "--format", "json", payload],
                            5, 300, {0, 1, 2}))
        rows.append(bounded("deeper than PATH_MAX, --isolated", [binary, "--isolated", "--format", "json", payload],
                            5, 300, {0, 1, 2}))
    os.close(descriptor)
    return rows


def gitignore_lines(count):
    """Varied, realistic .gitignore rules: file names, extensions, folders, anchored paths, `**`,
    character classes and a few `!` negations."""
    lines = ["# generated build output", ""]
    for k in range(count):
        kind = k % 10
        if kind < 3:
            lines.append(f"file_{k * 7 % 1000}.json")
        elif kind == 3:
            lines.append(f"*.ext{k}")
        elif kind == 4:
            lines.append(f"dir{k + 1000}/")
        elif kind == 5:
            lines.append(f"/top{k}/x.json")
        elif kind == 6:
            lines.append(f"**/gen{k}/**")
        elif kind == 7:
            lines.append(f"!keep{k}.json" if k % 50 == 7 else f"build-{k}/*.json")
        elif kind == 8:
            lines.append(f"file_{k % 10}[0-9]{k % 7}.json" if k % 40 == 8 else f"cache{k}/")
        else:
            lines.append(f"logs/**/trace{k}.json")
    return lines


def gitignore_cases(binary, folder):
    """A root .gitignore of 1,000 rules over 100,000 files (100 folders of 1,000): the walk takes
    at most five times what `git ls-files -o --exclude-standard` takes on the same tree (at least
    5 s, at most 15 s). And a .gitignore written with CR LF and a UTF-8 BOM: the files its rules
    name are not checked."""
    rows = []
    root = os.path.join(folder, "gitignore-tree")
    os.mkdir(root)
    body = b'{"phoneNumber": "+13175550123"}'
    for group in range(100):
        os.mkdir(os.path.join(root, f"dir{group}"))
        descriptor = os.open(os.path.join(root, f"dir{group}"), os.O_RDONLY | os.O_DIRECTORY)
        try:
            for item in range(1000):
                handle = os.open(f"file_{item}.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644, dir_fd=descriptor)
                os.write(handle, body)
                os.close(handle)
        finally:
            os.close(descriptor)
    with open(os.path.join(root, ".gitignore"), "w") as handle:
        handle.write("\n".join(gitignore_lines(1000)) + "\n")
    git_seconds = None
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", root], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds, _, code, _ = run(["git", "-C", root, "ls-files", "-o", "--exclude-standard", "-z"])
        git_seconds = seconds if code == 0 else None
    bound = 15 if git_seconds is None else min(15, max(5, 5 * git_seconds))
    note = f"git {git_seconds:.2f} s" if git_seconds is not None else "no git to compare"
    rows.append(bounded(".gitignore of 1,000 rules, 100,000 files", [binary, "--isolated", "-q", root],
                        bound, 800, {0}, note))
    shutil.rmtree(root)

    small = os.path.join(folder, "gitignore-crlf")
    os.mkdir(small)
    with open(os.path.join(small, ".gitignore"), "wb") as handle:
        handle.write(b"\xef\xbb\xbfignored.json\r\nalso-ignored.json\r\n")
    for name in ("ignored.json", "also-ignored.json", "kept.json"):
        with open(os.path.join(small, name), "w") as handle:
            handle.write('{"to": "+13175550123"}')
    seconds, megabytes, code, output = run([binary, "--isolated", "--format", "json", small], timeout=60,
                                           output_limit=1 << 20)
    try:
        reported = {os.path.basename(finding["file"]) for finding in json.loads(output)}
        problems = [f"{name} was checked" for name in ("ignored.json", "also-ignored.json") if name in reported]
        problems += [] if "kept.json" in reported else ["kept.json was not checked"]
    except (ValueError, KeyError, TypeError):
        problems = [f"the output is not the JSON report: {output[:80]!r}"]
    if code != 1:
        problems.append(f"exit {code}, not 1")
    rows.append((".gitignore with CR LF and a BOM", seconds, megabytes, code,
                 "ok" if not problems else "FAILED: " + "; ".join(problems)))
    return rows


def template_chains(binary, folder):
    """An #if/#elseif chain of 20 branches, in Velocity and in Handlebars ({{else if}}): the
    mistakes in branches 3, 10 and 15 and in the last (#else, an unknown key) are reported
    (--format json), or an info note says which branches were not checked. Branch 3, within
    what any reading checks, is the control."""
    rows = []
    syntaxes = (("Velocity", lambda n: "#if($input.n == 1)" if n == 1 else f"#elseif($input.n == {n})",
                 "#else", "#end"),
                ("Handlebars", lambda n: "{{#if a1}}" if n == 1 else f"{{{{else if a{n}}}}}", "{{else}}", "{{/if}}"))
    mistakes = {3: "+44 020 7946 0958", 10: "+1 317 555 0110", 15: "13175550123"}
    for syntax, branch_line, last, close in syntaxes:
        lines = ["{", '  "callerId": "+13175550100",']
        expected = {}
        for branch in range(1, 21):
            lines.append(branch_line(branch))
            lines.append(f'  "phoneNumber": "{mistakes.get(branch, f"+1317555{1000 + branch}")}"')
            if branch in mistakes:
                expected[f"branch {branch}"] = len(lines)
        lines += [last, '  "to": "+13175550199"']
        expected[last] = len(lines)
        lines += [close, "}"]
        template = os.path.join(folder, f"chain-of-20-{syntax.lower()}.txt")
        with open(template, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        seconds, megabytes, code, output = run([binary, "--isolated", "--format", "json", template], timeout=60,
                                               output_limit=1 << 22)
        problems = []
        try:
            findings = json.loads(output)
            found = {finding["line"] for finding in findings}
            noted = any(finding["severity"] == "info" and "branch" in finding["message"].lower()
                        for finding in findings)
            missing = [where for where, line in expected.items() if line not in found]
            if "branch 3" in missing:
                problems.append("the control, branch 3, is not reported")
            elif missing and not noted:
                problems.append(f"not reported: {', '.join(missing)}; no note says which branches were not checked")
        except (ValueError, KeyError, TypeError):
            problems.append(f"the output is not the JSON report: {output[:80]!r}")
        if code != 1:
            problems.append(f"exit {code}, not 1")
        rows.append((f"{syntax} chain of 20 branches: all checked", seconds, megabytes, code,
                     "ok" if not problems else "FAILED: " + "; ".join(problems)))
    return rows


def killed_fixes(binary, folder):
    """SIGKILL at many moments of a --fix of a 60 MB file (spread over one uninterrupted run's
    time, so that some land while the temporary file is written): afterwards the file is whole
    (the old text or the fixed one), and after an ordinary --fix in the same folder no
    .call-lint-* temporary file is left (a dead process's are removed, or none was ever named).
    Returns (runs, temporaries the kills left, problems)."""
    sub = os.path.join(folder, "killed")
    os.mkdir(sub)
    target = os.path.join(sub, "killed.json")
    original = '{"phoneNumber": "+1 317 555 0123", "callerIdName": "' + "x" * (60 << 20) + '"}'
    fixed = original.replace("+1 317 555 0123", "+13175550123", 1)

    def reset():
        with open(target, "w") as handle:
            handle.write(original)

    def temporaries():
        return [name for name in os.listdir(sub) if name.startswith(".call-lint-")]

    def text():
        with open(target) as handle:
            return handle.read()

    problems = []
    reset()
    start = time.perf_counter()
    subprocess.run([binary, "--isolated", "--fix", target], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120)
    duration = time.perf_counter() - start
    if text() != fixed:
        problems.append("an uninterrupted --fix did not fix the file")
    delays = [duration * (0.3 + 0.06 * step) for step in range(13)]
    for delay in delays:
        reset()
        process = subprocess.Popen([binary, "--isolated", "--fix", target], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
        if text() not in (original, fixed):
            problems.append(f"after {delay:.2f} s: the file is neither the old text nor the fixed one")
    left_by_kills = len(temporaries())
    reset()
    subprocess.run([binary, "--isolated", "--fix", target], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120)
    leftovers = temporaries()
    if leftovers:
        problems.append(f"after an ordinary --fix, {len(leftovers)} left ({', '.join(sorted(leftovers)[:2])}"
                        f"{', ...' if len(leftovers) > 2 else ''})")
    if text() != fixed:
        problems.append("the ordinary --fix after the kills did not fix the file")
    shutil.rmtree(sub)
    return len(delays), left_by_kills, problems


def concurrent_fixes(binary, folder, rounds=300):
    """Two --fix runs on one file at once, each with a fix of its own (--select unknown-key
    renames callerID, --select e164-format strips the separators), many times, the second
    started 0 to 4 ms after the first and each first in turn, so that their writes overlap in
    every way: no run says "Fixed" for a fix that is not in the file at the end (a lost update);
    a run may instead exit 2 saying it did not write. Returns (rounds, refusals, problems)."""
    sub = os.path.join(folder, "concurrent")
    os.mkdir(sub)
    target = os.path.join(sub, "shared.json")
    original = '{"phoneNumber": "+1 317 555 0123", "callerID": "+13175550100"}\n'
    fixes = {"unknown-key": ('"callerID"', '"callerId"'), "e164-format": ('"+1 317 555 0123"', '"+13175550123"')}
    wholes = {original.replace(*fixes["unknown-key"]), original.replace(*fixes["e164-format"]), original,
              original.replace(*fixes["unknown-key"]).replace(*fixes["e164-format"])}
    problems, refusals, lost = [], 0, 0
    for round_ in range(rounds):
        with open(target, "w") as handle:
            handle.write(original)
        processes = {}
        for rule in (list(fixes) if round_ % 2 else list(fixes)[::-1]):
            if processes:
                time.sleep(0.004 * (round_ % 7) / 6)
            processes[rule] = subprocess.Popen([binary, "--isolated", "--select", rule, "--fix", target],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        results = {rule: (process.communicate(timeout=60)[1].decode(errors="replace"), process.returncode)
                   for rule, process in processes.items()}
        with open(target) as handle:
            final = handle.read()
        if final not in wholes:
            problems.append(f"round {round_}: the file is not the text with some of the fixes")
        for rule, (report, code) in results.items():
            if code == 2:
                refusals += 1
            elif code not in (0, 1):
                problems.append(f"round {round_}: --select {rule} exited {code}")
            elif "Fixed" in report and fixes[rule][1] not in final:
                lost += 1
    if lost:
        problems.insert(0, f"{lost} runs said Fixed for a fix that is not in the file")
    shutil.rmtree(sub)
    return rounds, refusals, problems


def row(name, seconds, megabytes=None, code=None, verdict="ok"):
    """One line of the table; a case of several commands leaves peak and exit blank."""
    megabytes_text = f"{megabytes:>7.0f}MB" if megabytes is not None else f"{'':>9}"
    print(f"{name:<46} {seconds:>8.2f}s {megabytes_text} {'' if code is None else str(code):>5}  {verdict}", flush=True)


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
            row(name, seconds, megabytes, code, "ok" if ok else
                f"FAILED (bounds {seconds_bound} s, {megabytes_bound} MB, exit {sorted(accepted)})")
        if not only or only in "SIGTERM during --fix":
            start = time.perf_counter()
            runs, problems = interrupted_fixes(binary, folder)
            failures += bool(problems)
            row(f"SIGTERM during --fix ({runs} moments)", time.perf_counter() - start,
                verdict="ok" if not problems else "FAILED: " + "; ".join(problems[:3]))
        # Cases that need more than one command (issue "Hardening, second round"); each group
        # runs when --only names part of one of its rows.
        groups = [
            ("working directory deleted / working directory deeper than PATH_MAX / deeper than PATH_MAX, --isolated",
             working_directories),
            (".gitignore of 1,000 rules, 100,000 files / .gitignore with CR LF and a BOM", gitignore_cases),
            ("Velocity chain of 20 branches: all checked / Handlebars chain of 20 branches: all checked",
             template_chains),
        ]
        for label, group in groups:
            if only and only not in label:
                continue
            for name, seconds, megabytes, code, verdict in group(binary, folder):
                failures += verdict.startswith("FAILED")
                row(name, seconds, megabytes, code, verdict)
        # Repeated races: (row name, function, what its count and its tally are).
        races = [
            ("SIGKILL during --fix", killed_fixes, "moments", "temporaries left by the kills"),
            ("two --fix at once", concurrent_fixes, "rounds", "runs refused to write"),
        ]
        for name, race, counted, tallied in races:
            if only and only not in name:
                continue
            start = time.perf_counter()
            count, tally, problems = race(binary, folder)
            failures += bool(problems)
            row(f"{name} ({count} {counted})", time.perf_counter() - start,
                verdict=("ok" if not problems else "FAILED: " + "; ".join(problems[:3])) + f" ({tally} {tallied})")
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
