"""Checks that call-lint's JSON Schemas agree with call-lint itself (scripts/check-schemas.sh).

    agreement.py bodies CALL_LINT REQUEST_SCHEMA   the request schema against the linter's verdicts
    agreement.py configs CALL_LINT CONFIG_SCHEMA   the configuration schema on real and wrong files

Run from the repository root: fixtures are linted by relative path, as the golden tests do.
Needs jsonschema (the script's virtualenv has it).
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

# A body the linter faults with one of these has a key or a type the schema must refuse too;
# other errors (a bad number, two targets) are about values a schema does not read.
SCHEMA_RULES = {"unknown-key", "wrong-type", "nested-phone-number"}
BODY_SUFFIXES = (".json", ".ndjson", ".jsonl")
# The golden tests (Tests/CallLintTests/FixtureGoldenTests.swift) run every fixture with these
# options and nothing else: no configuration, no --default-region. The same options give the
# same verdicts as the golden files, whatever .call-lint.json lies around.
GOLDEN_OPTIONS = ["--isolated", "--color", "never", "--format", "json"]
# A folder of configurations, not of bodies (none yet; a fixture folder that says so is skipped).
CONFIG_FOLDER = re.compile(r"^(configs?|configurations?)$", re.IGNORECASE)


def lint(binary, arguments, stdin=None):
    """The findings of one run; exit 0 and 1 are verdicts, anything else breaks the check."""
    run = subprocess.run([binary, *arguments], input=stdin, capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(arguments)}: call-lint exited {run.returncode}: {run.stderr.decode()}")
    return json.loads(run.stdout)


def strict_json(text):
    """Python's json takes NaN and Infinity; JSON (and call-lint) does not."""

    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def is_placeholder(text):
    """The built-in placeholders of PlaceholderMatcher.hasBuiltInPlaceholder: $name, $!name,
    {{...}}, ${...}, $!{...}, and a whole <NAME>."""
    if re.search(r"\$!?[A-Za-z]", text) or re.search(r"\{\{.*\}\}", text, re.S):
        return True
    if re.search(r"\$!?\{.*\}", text, re.S):
        return True
    return re.fullmatch(r"<[A-Za-z0-9_. -]+>", text) is not None


def template_error(error):
    """An error a template's placeholder explains: the linter takes a placeholder for what the
    template fills in (a value of any type, a key it renders), a schema reads it as written."""
    if error.validator == "type" and isinstance(error.instance, str):
        return is_placeholder(error.instance)
    if error.validator == "additionalProperties":
        extra = unexpected_keys(error)
        return bool(extra) and all(is_placeholder(key) for key in extra)
    return False


def schema_problems(error):
    """Where in the body an error is, and what it says."""
    where = "/" + "/".join(map(str, error.absolute_path))
    return f"{where}: {error.message}"


def pointer_tokens(pointer):
    """A JSON pointer's tokens (RFC 6901), array indices as ints, as jsonschema's paths hold them."""
    if not pointer:
        return []
    tokens = [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]]
    return [int(token) if token.isdigit() else token for token in tokens]


def unexpected_keys(error):
    """The keys an additionalProperties error is about (jsonschema names them only in its message)."""
    known = error.schema.get("properties", {})
    return {key for key in error.instance if key not in known} if isinstance(error.instance, dict) else set()


def explained(pointer, problems):
    """Whether a schema error is at the linter's finding: the value there has the wrong type, or
    its key is one the object there may not have."""
    tokens = pointer_tokens(pointer)
    for error in problems:
        path = list(error.absolute_path)
        if path == tokens and error.validator != "additionalProperties":
            return True
        if tokens and path == tokens[:-1] and error.validator == "additionalProperties":
            if str(tokens[-1]) in unexpected_keys(error):
                return True
    return False


class Tally:
    def __init__(self, validator):
        self.validator = validator
        self.validated = 0
        self.rejected = 0
        self.templates = []
        self.unconstrained = 0
        self.skipped = {}
        self.disagreements = []
        self.by_source = {}

    def skip(self, reason):
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def judge(self, source, where, body, findings):
        """One body, with the linter's findings on it."""
        rules = sorted({finding["rule"] for finding in findings})
        errors = {finding["rule"] for finding in findings if finding["severity"] == "error"}
        problems = sorted(self.validator.iter_errors(body), key=lambda error: list(error.absolute_path))
        counts = self.by_source.setdefault(source, [0, 0])
        if errors & SCHEMA_RULES:
            # Refused, and for the linter's reasons: each key or value it faults is one the schema
            # faults, not merely something else in the same body.
            missed = [f"{finding['rule']} at {finding['pointer'] or '/'}" for finding in findings
                      if finding["rule"] in SCHEMA_RULES and not explained(finding["pointer"], problems)]
            if not problems:
                self.disagreements.append((where, rules, "the schema accepts it; the linter reports "
                                           + ", ".join(sorted(errors & SCHEMA_RULES))))
            elif missed:
                self.disagreements.append((where, rules, "the schema accepts " + ", ".join(missed) + " (it refuses "
                                           + "; ".join(map(schema_problems, problems)) + ")"))
            else:
                self.rejected += 1
                counts[1] += 1
        elif not errors:
            real = [error for error in problems if not template_error(error)]
            if real:
                self.disagreements.append((where, rules, "; ".join(map(schema_problems, real))))
            elif problems:
                self.templates.append((where, "; ".join(map(schema_problems, problems))))
            else:
                self.validated += 1
                counts[0] += 1
        else:
            # Errors the schema cannot see (an impossible number, two targets): no verdict to match.
            self.unconstrained += 1


class Input:
    """One file or example: how to lint it, and its bytes (None arguments: skipped unread)."""

    def __init__(self, source, where, arguments, stdin, data, by_line=False):
        self.source, self.where, self.arguments, self.stdin = source, where, arguments, stdin
        self.data, self.by_line = data, by_line


def fixture_inputs():
    """Every *.json, *.ndjson and *.jsonl fixture, as the golden test finds and runs them."""
    for folder, folders, files in os.walk("Fixtures"):
        folders.sort()
        for name in sorted(files):
            if not name.endswith(BODY_SUFFIXES) or name.startswith("."):
                continue
            path = os.path.join(folder, name)
            parts = os.path.relpath(path, "Fixtures").split(os.sep)[:-1]
            if any(CONFIG_FOLDER.match(part) for part in parts):
                yield Input("fixtures", path, None, None, None)
                continue
            with open(path, "rb") as file:
                data = file.read()
            yield Input("fixtures", path, [*GOLDEN_OPTIONS, path], None, data, by_line=not name.endswith(".json"))


def page_examples(path):
    """A rule page's examples and configuration, read as RuleDocument reads them."""
    examples, configuration, section, fence = [], None, "", None
    with open(path, encoding="utf-8") as file:
        for line in file.read().split("\n"):
            if fence is not None:
                if line.startswith("```"):
                    text = "\n".join(fence)
                    lowered = section.lower()
                    if lowered.startswith(("bad", "good")):
                        examples.append(text.replace("↓", "", 1))
                    elif lowered.startswith("configuration"):
                        configuration = text
                    fence = None
                else:
                    fence.append(line)
            elif line.startswith("```"):
                fence = []
            elif line.startswith("## "):
                section = line[3:]
    return examples, configuration


def rule_page_inputs(work):
    """The rule pages' good and bad examples, with the page's configuration, as RuleExampleTests
    checks them: read as a paste (standard input, named by the rule id, without .md, which would
    make it Markdown). The fixtures alone hold too few bodies with a wrong key or type."""
    for name in sorted(os.listdir("rules")):
        if not name.endswith(".md"):
            continue
        examples, configuration = page_examples(os.path.join("rules", name))
        options = ["--isolated"]
        if configuration is not None:
            config = os.path.join(work, name + ".call-lint.json")
            with open(config, "w", encoding="utf-8") as file:
                file.write(configuration)
            options = ["--config", config]
        rule = name[: -len(".md")]
        arguments = [*options, "--format", "json", "--stdin-filename", rule, "-"]
        for index, code in enumerate(examples, 1):
            yield Input("rule pages", f"rules/{name} example {index}", arguments, code.encode(), code.encode())


def judge_input(tally, item, findings):
    if item.arguments is None:
        tally.skip("configuration folder")
        return
    # A container (data action, Postman, HAR) or a paste holds its bodies inside other text: the
    # schema is for a bare body.
    if any(finding["rule"] == "embedded-body" for finding in findings):
        tally.skip("container or paste")
        return
    if item.by_line:
        lines = [(number, line) for number, line in enumerate(item.data.split(b"\n"), 1) if line.strip()]
    else:
        lines = [(None, item.data)]
    for number, text in lines:
        try:
            body = strict_json(text.decode("utf-8"))
        except ValueError:
            tally.skip("not JSON")
            continue
        if not isinstance(body, dict):
            tally.skip("not an object")
            continue
        mine = findings if number is None else [finding for finding in findings if finding["line"] == number]
        tally.judge(item.source, item.where if number is None else f"{item.where}:{number}", body, mine)


def bodies(binary, schema_path, minimums):
    with open(schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    validator = jsonschema.Draft202012Validator(schema)
    tally = Tally(validator)
    with tempfile.TemporaryDirectory() as work:
        inputs = [*fixture_inputs(), *rule_page_inputs(work)]

        def run(item):
            return [] if item.arguments is None else lint(binary, item.arguments, item.stdin)

        # One process per input, a tenth of a second each: run them side by side, judge in order.
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 4) as pool:
            for item, findings in zip(inputs, pool.map(run, inputs)):
                judge_input(tally, item, findings)
    for where, problem in tally.templates:
        print(f"template {where}: the linter takes its placeholders; the schema reads them as written: {problem}")
    for where, rules, problem in tally.disagreements:
        print(f"DISAGREEMENT {where}: linter [{', '.join(rules) or 'no findings'}]; schema: {problem}")
    for source, (validated, rejected) in tally.by_source.items():
        print(f"request schema, {source}: {validated} validated, {rejected} rejected as expected")
    skipped = sum(tally.skipped.values())
    reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(tally.skipped.items()))
    print(f"request schema: {tally.validated} bodies validated, {tally.rejected} rejected as expected, "
          f"{len(tally.templates)} templates a placeholder explains, {tally.unconstrained} with errors a schema "
          f"cannot see, {skipped} skipped ({reasons}), {len(tally.disagreements)} disagreements")
    failed = bool(tally.disagreements)
    for kind, count, minimum in (("validated", tally.validated, minimums[0]),
                                 ("rejected", tally.rejected, minimums[1])):
        if count < minimum:
            print(f"too few bodies {kind}: {count} < {minimum}; the check would pass on nothing")
            failed = True
    summary = f"{tally.validated} bodies validated, {tally.rejected} rejected as expected, {skipped} skipped"
    return (1 if failed else 0), summary


def markdown_json_blocks(path, heading):
    """The ```json blocks of the section under `heading` (a whole line, like '## Configuration')."""
    level = heading.split(" ")[0]
    blocks, inside, fence = [], False, None
    with open(path, encoding="utf-8") as file:
        for line in file.read().split("\n"):
            if fence is not None:
                if line.startswith("```"):
                    blocks.append("\n".join(fence))
                    fence = None
                else:
                    fence.append(line)
            elif line.strip() == heading:
                inside = True
            elif inside and re.match(r"#{1,%d} " % len(level), line):
                inside = False
            elif inside and line.strip() == "```json":
                fence = []
    return blocks


# Wrong configurations: each is an error call-lint reports (exit 2), and the schema must refuse it.
WRONG_CONFIGURATIONS = {
    "an unknown setting": {"disabled": ["duplicate-key"]},
    "an unknown rule id in disable": {"disable": ["unknown-keys"]},
    "a severity fatal": {"severity": {"unknown-key": "fatal"}},
    "an unknown rule id in severity": {"severity": {"no-such-rule": "warning"}},
    "an unknown rule id in ignore": {"ignore": {"*.draft.json": ["duplicate-keys"]}},
    "disable as a string": {"disable": "duplicate-key"},
    "a region of three letters": {"defaultRegion": "GBR"},
    "a caller id as a number": {"allowedCallerIds": [13175550100]},
    "a root that is an array": [{"disable": ["duplicate-key"]}],
}


def configs(binary, schema_path):
    with open(schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    validator = jsonschema.Draft202012Validator(schema)
    real = [("README.md", text) for text in markdown_json_blocks("README.md", "### Configuration")[:1]]
    for top in ("Fixtures", "Tests"):
        for folder, folders, files in os.walk(top):
            folders.sort()
            if ".call-lint.json" in files:
                path = os.path.join(folder, ".call-lint.json")
                with open(path, encoding="utf-8") as file:
                    real.append((path, file.read()))
    for name in sorted(os.listdir("rules")):
        if name.endswith(".md"):
            path = os.path.join("rules", name)
            real += [(path, text) for text in markdown_json_blocks(path, "## Configuration")]
    if not real or real[0][0] != "README.md":
        sys.exit("README.md: no ```json block under ### Configuration")
    failed = False
    with tempfile.TemporaryDirectory() as work:
        config, body = os.path.join(work, "call-lint.json"), os.path.join(work, "body.json")
        with open(body, "w", encoding="utf-8") as file:
            file.write('{"phoneNumber": "+13175550123"}')

        def linter_status(text):
            """call-lint's exit status with this configuration, on a body it finds nothing in: 2
            (and a message) is an invalid configuration."""
            with open(config, "w", encoding="utf-8") as file:
                file.write(text)
            run = subprocess.run([binary, "--config", config, body], capture_output=True)
            return run.returncode, run.stderr.decode().strip()

        for where, text in real:
            problems = list(validator.iter_errors(strict_json(text)))
            status, message = linter_status(text)
            for error in problems:
                failed = True
                print(f"DISAGREEMENT {where}: the schema refuses a real configuration: {schema_problems(error)}")
            if status == 2:
                failed = True
                print(f"{where}: call-lint refuses its own documented configuration: {message}")
        for what, value in WRONG_CONFIGURATIONS.items():
            text = json.dumps(value)
            status, message = linter_status(text)
            if status != 2 or "invalid configuration" not in message:
                failed = True
                print(f"{what} {text}: call-lint exits {status}, not 2 with an invalid configuration: {message}")
            if validator.is_valid(value):
                failed = True
                print(f"DISAGREEMENT {what} {text}: the schema accepts it; call-lint: {message}")
    print(f"config schema: {len(real)} real configurations validated, {len(WRONG_CONFIGURATIONS)} wrong ones "
          "rejected by both the schema and call-lint" if not failed else "config schema: FAILED")
    summary = f"{len(real)} configurations validated, {len(WRONG_CONFIGURATIONS)} wrong ones rejected"
    return (1 if failed else 0), summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("bodies", "configs"))
    parser.add_argument("binary")
    parser.add_argument("schema")
    # Fixtures and rule pages hold 64 good bodies and 14 with a wrong key or type, too few of the
    # latter for 20: floors that either source alone misses, yet a new or renamed fixture clears.
    parser.add_argument("--minimum-validated", type=int, default=20, help="good bodies the check needs")
    parser.add_argument("--minimum-rejected", type=int, default=10, help="bodies with a wrong key or type")
    parser.add_argument("--summary", help="append the counts to this file, for the caller's last line")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    if arguments.mode == "bodies":
        status, summary = bodies(
            binary, arguments.schema, (arguments.minimum_validated, arguments.minimum_rejected))
    else:
        status, summary = configs(binary, arguments.schema)
    if arguments.summary:
        with open(arguments.summary, "a", encoding="utf-8") as file:
            file.write(summary + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
