import Foundation
import XCTest

@testable import CallLint
@testable import CallLintCommand

final class CommandLineTests: ScratchDirectoryTestCase {
    func testExitCodes() throws {
        let good = try write("good.json", #"{"phoneNumber": "+13175550123"}"#)
        let bad = try write("bad.json", #"{"phoneNumber": "+1317555012"}"#)
        let warning = try write("warning.json", #"{"phoneNumber": "+13175550123", "phoneNumber": "+13175550123"}"#)
        XCTAssertEqual(CommandHarness.run(["--isolated", good.path]).status, 0)
        XCTAssertEqual(CommandHarness.run(["--isolated", bad.path]).status, 1)
        XCTAssertEqual(CommandHarness.run(["--isolated", warning.path]).status, 0, "warnings do not fail by default")
        XCTAssertEqual(CommandHarness.run(["--isolated", "--fail-on", "warning", warning.path]).status, 1)
        XCTAssertEqual(
            CommandHarness.run(["--isolated", "--severity", "e164-length=warning", bad.path]).status, 0)
        XCTAssertEqual(CommandHarness.run(["--isolated", "--ignore", "e164-length", bad.path]).status, 0)
        XCTAssertEqual(CommandHarness.run(["--isolated", "--select", "unknown-key", bad.path]).status, 0)
        XCTAssertEqual(CommandHarness.run(["--bogus"]).status, 2)
        XCTAssertEqual(CommandHarness.run(["--select", "e164-formta", good.path]).status, 2)
        XCTAssertEqual(CommandHarness.run(["--format", "xml", good.path]).status, 2)
    }

    func testUsageErrorsSayWhatIsWrong() {
        let result = CommandHarness.run(["--fromat", "json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.errors.contains("unknown option --fromat (did you mean --format?)"), result.errors)
        let rule = CommandHarness.run(["--explain", "e164-missing-pluss"])
        XCTAssertTrue(rule.errors.contains("did you mean e164-missing-plus?"), rule.errors)
    }

    func testUnreadablePathsExitTwoAndOtherFilesAreStillChecked() throws {
        let bad = try write("a-bad.json", #"{"phoneNumber": "+1317555012"}"#)
        let missing = scratch.appendingPathComponent("missing.json")
        let result = CommandHarness.run(["--isolated", bad.path, missing.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.errors.contains("cannot read \(missing.path): No such file or directory"), result.errors)
        XCTAssertTrue(result.output.contains("e164-length"), "the readable file is still reported")
        XCTAssertTrue(result.output.contains("1 could not be read"), result.output)
    }

    func testDirectoriesAreSearchedAndOutputIsSorted() throws {
        _ = try write("b/two.json", #"{"phoneNumber": "2"}"#)
        _ = try write("a/one.json", #"{"phoneNumber": "1"}"#)
        _ = try write("a/notes.txt", "not json")
        _ = try write(".hidden/three.json", #"{"phoneNumber": "3"}"#)
        _ = try write("c/records.ndjson", "{\"phoneNumber\": \"+13175550123\"}\n{\"phoneNumber\": \"4\"}\n")
        let result = CommandHarness.run(["--isolated", "--format", "json", scratch.path])
        let items = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [[String: Any]]
        let files = items.map { ($0["file"] as! String).replacingOccurrences(of: scratch.path + "/", with: "") }
        XCTAssertEqual(files, ["a/one.json", "b/two.json", "c/records.ndjson"])
        XCTAssertEqual(items[2]["line"] as? Int, 2, "NDJSON diagnostics carry their line")
    }

    /// Output is written on its own thread while later files are checked; across several
    /// batches it must still come out whole, once per finding, in path order, with the right
    /// summary, and the same as with one worker.
    func testOutputStaysInOrderAcrossBatches() throws {
        let count = CallLintCommand.batchSize * 2 + 300
        var expected: [String] = []
        for index in 0..<count {
            let name = String(format: "f%05d.json", index)
            let broken = index % 3 == 0
            _ = try write(name, broken ? #"{"phoneNumber": "+1317555012"}"# : #"{"phoneNumber": "+13175550123"}"#)
            if broken { expected.append(name) }
        }
        let result = CommandHarness.run(["--isolated", "-q", scratch.path])
        let files = result.output.split(separator: "\n").map { line in
            String(line.prefix { $0 != ":" }).replacingOccurrences(of: scratch.path + "/", with: "")
        }
        XCTAssertEqual(files, expected)
        XCTAssertEqual(result.status, 1)
        let withSummary = CommandHarness.run(["--isolated", scratch.path, "--jobs", "1"])
        XCTAssertTrue(
            withSummary.output.hasSuffix("Found \(expected.count) errors in \(expected.count) of \(count) files.\n"),
            String(withSummary.output.suffix(200)))
        let elements: [String] = (0..<count).map {
            $0 % 3 == 0 ? #"{"phoneNumber": "1"}"# : #"{"phoneNumber": "+13175550123"}"#
        }
        let arrayText = "[" + elements.joined(separator: ",\n") + "]"
        let arrayFile = try write("all.json", arrayText)
        let lines = CommandHarness.run(["--isolated", "-q", "--array", arrayFile.path]).output.split(separator: "\n")
        XCTAssertEqual(lines.count, expected.count)
        let reportedLines: [Int] = lines.map { Int($0.split(separator: ":")[1])! }
        let brokenLines: [Int] = (0..<count).filter { $0 % 3 == 0 }.map { $0 + 1 }
        XCTAssertEqual(reportedLines, brokenLines)
    }

    func testStandardInput() {
        let result = CommandHarness.run([], stdin: #"{"phoneNumber": "+1317555012"}"#)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.hasPrefix("<stdin>:1:17: error:"), result.output)
        let named = CommandHarness.run(["--stdin-filename", "payload.json", "-"], stdin: "{}")
        XCTAssertTrue(named.output.hasPrefix("payload.json:1:1: error:"), named.output)
        XCTAssertTrue(named.output.contains("[missing-target]"))
        let empty = CommandHarness.run(["-"], stdin: "")
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.output.contains("empty input"), empty.output)
    }

    func testTextFormatShowsSourceCaretAndHelp() {
        let result = CommandHarness.run(["--isolated", "-"], stdin: "{\n  \"phoneNumber\": \"+1 317 555 0123\"\n}\n")
        let expected = """
            <stdin>:2:18: warning: phone number "+1 317 555 0123" in `phoneNumber` is not E.164 \
            (a `+` and digits only): it contains spaces [e164-format]
              |
            2 |   "phoneNumber": "+1 317 555 0123"
              |                  ^~~~~~~~~~~~~~~~~
              = help: write "+13175550123" (fixable with --fix)

            Found 1 warning in 1 of 1 file (1 fixable with --fix).

            """
        XCTAssertEqual(result.output, expected)
    }

    func testColourOnlyOnATerminalAndNeverWithNoColor() {
        let body = #"{"phoneNumber": "+1317555012"}"#
        XCTAssertTrue(CommandHarness.run(["--isolated"], stdin: body, terminal: true).output.contains("\u{1B}["))
        XCTAssertFalse(CommandHarness.run(["--isolated"], stdin: body, terminal: false).output.contains("\u{1B}["))
        XCTAssertFalse(
            CommandHarness.run(["--isolated"], stdin: body, terminal: true, environment: ["NO_COLOR": "1"]).output
                .contains("\u{1B}["))
        XCTAssertFalse(
            CommandHarness.run(["--isolated", "--color", "never"], stdin: body, terminal: true).output.contains(
                "\u{1B}["))
        XCTAssertTrue(CommandHarness.run(["--isolated", "--color", "always"], stdin: body).output.contains("\u{1B}["))
    }

    func testJSONFormatIsValidJSONWithTheRequiredFields() throws {
        let empty = CommandHarness.run(
            ["--isolated", "--format", "json", "-"], stdin: #"{"phoneNumber": "+13175550123"}"#)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(empty.output.utf8)) as? [Any])?.count, 0)
        XCTAssertEqual(empty.output, "[]\n")
        let result = CommandHarness.run(
            ["--isolated", "--format", "json", "-"], stdin: "{\"phoneNumber\": \"+1317555012\", \"x\\\"\": \"\\u0001\"}"
        )
        let items = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.count, 2)
        for key in ["file", "rule", "severity", "message", "line", "column", "endLine", "endColumn", "pointer"] {
            XCTAssertNotNil(items[0][key], key)
        }
        XCTAssertEqual(items[0]["endColumn"] as? Int, 30)
        XCTAssertEqual(items[1]["pointer"] as? String, "/x\"")
    }

    func testExplainAndListRules() {
        let explain = CommandHarness.run(["--explain", "nested-phone-number"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.output.hasPrefix("# nested-phone-number\n"))
        XCTAssertTrue(explain.output.contains("## Bad example"))
        let list = CommandHarness.run(["--list-rules"])
        XCTAssertEqual(list.output.split(separator: "\n").count, RuleRegistry.ids.count)
        XCTAssertTrue(list.output.contains("e164-missing-plus"))
        XCTAssertTrue(list.output.contains("warning"))
    }

    func testStatistics() {
        let result = CommandHarness.run(
            ["--isolated", "--statistics", "-"], stdin: #"{"to": "+1", "from": "+2", "callType": "x"}"#)
        XCTAssertTrue(result.output.contains("3  unknown-key        error"), result.output)
        XCTAssertTrue(result.output.contains("1  e164-country-code  error"), result.output)
    }

    /// The real binary, in a subprocess: stdin from a pipe, exit status, and stdout/stderr split.
    func testTheBuiltBinary() throws {
        let piped = try CommandHarness.runProcess(
            ["--color", "always"], stdin: Data(#"{"phoneNumber": "+1317555012"}"#.utf8), environment: ["NO_COLOR": "1"])
        XCTAssertEqual(piped.status, 1)
        XCTAssertTrue(piped.output.contains("\u{1B}["), "--color always overrides NO_COLOR")
        let plain = try CommandHarness.runProcess(
            ["-"], stdin: Data(#"{"phoneNumber": "+13175550123"}"#.utf8), environment: [:])
        XCTAssertEqual(plain.status, 0)
        XCTAssertFalse(plain.output.contains("\u{1B}["), "no colour into a pipe")
        let help = try CommandHarness.runProcess(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("Exit status:"))
        let missing = try CommandHarness.runProcess(["/nonexistent/file.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.errors.contains("/nonexistent/file.json"))
    }
}
