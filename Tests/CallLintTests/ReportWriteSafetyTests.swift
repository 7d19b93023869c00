import Foundation
import XCTest

/// What call-lint promises about the files it writes and the status it exits with: a report
/// never replaces an input or another report, is put in place whole or not at all; output that
/// cannot be written is an exit status of 2, never a silent pass; closed standard descriptors
/// are not taken by the files it opens; file names are never read as options. Run on the built
/// binary, as a CI step runs it (`CALL_LINT_TEST_BINARY` runs them on another build).
final class ReportWriteSafetyTests: ScratchDirectoryTestCase {
    static let bad = #"{"phoneNumber": "+1317555012"}"# + "\n"
    static let good = #"{"phoneNumber": "+13175550123"}"# + "\n"
    static let fixable = #"{"phoneNumber": "+1 317 555 0123"}"# + "\n"

    func shell(_ script: String) throws -> CommandResult { try CommandHarness.runShell(script, in: scratch) }

    func testAReportThatWouldReplaceAnInputIsRefusedBeforeAnythingIsWritten() throws {
        let payload = try write("payloads/call.json", Self.bad)
        try FileManager.default.linkItem(
            at: payload, to: scratch.appendingPathComponent("payloads/hard-link.json"))
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent("link.json"), withDestinationURL: payload)
        for report in ["payloads/call.json", "./payloads/call.json", "payloads/hard-link.json", "link.json"] {
            for format in ["json", "sarif", "gitlab", "junit", "github", "text"] {
                let result = try CommandHarness.runProcess(
                    ["--isolated", "--output", "\(format)=\(report)", "payloads"], directory: scratch)
                XCTAssertEqual(result.status, 2, "\(format)=\(report): \(result.errors)")
                XCTAssertTrue(result.errors.contains("it is an input of this run"), result.errors)
                XCTAssertEqual(result.output, "", "nothing is checked or printed")
                XCTAssertEqual(try contents(of: payload), Self.bad, "\(format)=\(report) replaced the payload")
            }
        }
        // Named on the command line rather than found by the walk.
        let named = try CommandHarness.runProcess(
            ["--isolated", "--output", "json=payloads/call.json", "--fix", "payloads/call.json"], directory: scratch)
        XCTAssertEqual(named.status, 2, named.errors)
        XCTAssertEqual(try contents(of: payload), Self.bad)
    }

    func testTwoReportsOfOneRunMayNotBeOneFile() throws {
        try write("payloads/call.json", Self.bad)
        try write("out/report.json", "earlier\n")
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent("alias.json"),
            withDestinationURL: scratch.appendingPathComponent("out/report.json"))
        for pair in [
            ("out/report.json", "./out/report.json"), ("out/report.json", "alias.json"),
            ("fresh.json", "out/../fresh.json"),
        ] {
            let result = try CommandHarness.runProcess(
                ["--isolated", "--output", "json=\(pair.0)", "--output", "sarif=\(pair.1)", "payloads"],
                directory: scratch)
            XCTAssertEqual(result.status, 2, "\(pair): \(result.errors)")
            XCTAssertTrue(result.errors.contains("are one file"), result.errors)
        }
        XCTAssertEqual(try contents(of: scratch.appendingPathComponent("out/report.json")), "earlier\n")
    }

    /// The CI step that writes its report into the folder it checks passes its second run as
    /// its first: the earlier report is recognised, not checked, and replaced.
    func testAnEarlierReportInTheCheckedFolderIsReplacedNotChecked() throws {
        try write("payloads/call.json", Self.bad)
        try write("payloads/ok.json", Self.good)
        for format in ["json", "gitlab", "sarif", "junit", "github", "text"] {
            let report = "payloads/report-\(format).json"
            var runs: [CommandResult] = []
            for _ in 0..<3 {
                runs.append(
                    try CommandHarness.runProcess(
                        ["--isolated", "--format", "json", "--output", "\(format)=\(report)", "payloads"],
                        directory: scratch))
            }
            for run in runs {
                XCTAssertEqual(run.status, 1, "\(format): \(run.errors)")
                XCTAssertEqual(run.output, runs[0].output, "\(format): the report was checked as an input")
                XCTAssertFalse(run.output.contains("report-"), run.output)
            }
            let written = try contents(of: scratch.appendingPathComponent(report))
            XCTAssertTrue(written.contains("e164-length"), "\(format): \(written)")
            try FileManager.default.removeItem(at: scratch.appendingPathComponent(report))
        }
    }

    /// A report that cannot be written whole leaves the earlier one as it was, and the run
    /// says so with status 2. Files are limited to 8 KB here (ulimit), so the write fails.
    func testAReportThatCannotBeWrittenLeavesTheEarlierOneAndExitsTwo() throws {
        let lines = (0..<4000).map { _ in #"{"to": "1", "from": "2"}"# }.joined(separator: "\n") + "\n"
        try write("many.ndjson", lines)
        try write("report.xml", "earlier report\n")
        let result = try shell(
            "trap '' XFSZ; ulimit -f 8; exec \"$B\" --isolated -q --output junit=report.xml many.ndjson")
        XCTAssertEqual(result.status, 2, result.errors)
        XCTAssertTrue(result.errors.contains("cannot write report.xml"), result.errors)
        XCTAssertEqual(try contents(of: scratch.appendingPathComponent("report.xml")), "earlier report\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter {
            $0.hasPrefix(".call-lint-")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testStandardOutputThatCannotBeWrittenIsStatusTwoWithAMessage() throws {
        try write("bad.json", Self.bad)
        try write("good.json", Self.good)
        for (file, format) in [
            ("bad.json", "text"), ("good.json", "text"), ("good.json", "json"), ("bad.json", "sarif"),
        ] {
            let full = try shell("exec \"$B\" --isolated --format \(format) \(file) > /dev/full")
            XCTAssertEqual(full.status, 2, "\(file) \(format) into a full disk")
            XCTAssertTrue(full.errors.contains("cannot write standard output: No space left on device"), full.errors)
            let closed = try shell("exec \"$B\" --isolated --format \(format) \(file) >&-")
            XCTAssertEqual(closed.status, 2, "\(file) \(format) into a closed standard output")
            XCTAssertTrue(closed.errors.contains("standard output is closed"), closed.errors)
        }
    }

    /// `| head` cuts the output: the run may stop quietly, but not with status 0 when what it
    /// did not get to may hold findings.
    func testAClosedPipeNeverEndsInStatusZeroOverUncheckedInputs() throws {
        // Warnings (a key set twice to the same value) make output without failing the run; the
        // error is in the last file, which a run that stops at the closed pipe never reaches.
        let warning = #"{"phoneNumber": "+13175550123", "phoneNumber": "+13175550123"}"#
        for index in 0..<5000 { try write("p/\(String(format: "%04d", index)).json", warning) }
        try write("p/9999.json", Self.bad)
        let result = try shell("\"$B\" --isolated --jobs 1 p | head -c 1 > /dev/null; exit ${PIPESTATUS[0]}")
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.errors, "", "a closed pipe needs no message")
    }

    /// Started with standard output or error closed, the files it opens do not take their
    /// numbers: nothing meant for the terminal lands in a fixed payload or a report.
    func testClosedStandardDescriptorsAreNotTakenByFiles() throws {
        let payload = try write("payload.json", Self.fixable)
        let result = try shell("exec \"$B\" --isolated --fix --output sarif=report.sarif payload.json >&- 2>&-")
        XCTAssertEqual(result.status, 2, "standard output was closed")
        XCTAssertEqual(try contents(of: payload), #"{"phoneNumber": "+13175550123"}"# + "\n")
        let sarif = try JSONSerialization.jsonObject(
            with: Data(contentsOf: scratch.appendingPathComponent("report.sarif")))
        XCTAssertNotNil(sarif as? [String: Any], "the report is SARIF and nothing else")
        let input = try shell("exec \"$B\" --isolated - <&-")
        XCTAssertEqual(input.status, 2)
        XCTAssertTrue(input.errors.contains("cannot read <stdin>: standard input is closed\n"), input.errors)
    }

    /// pre-commit passes file names after the hook's arguments, without `--`.
    func testFileNamesAreNeverOptions() throws {
        try write("--output=json=victim.call.json", Self.bad)
        try write("--fix", Self.fixable)
        let victim = try write("victim.call.json", Self.good)
        for arguments in [
            ["--isolated", "--output=json=victim.call.json"], ["--isolated", "--fix", "victim.call.json"],
        ] {
            let result = try CommandHarness.runProcess(arguments, directory: scratch)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.errors)")
            XCTAssertTrue(result.errors.contains("is a file here but reads as an option; put -- before"), result.errors)
        }
        XCTAssertEqual(try contents(of: victim), Self.good)
        let separated = try CommandHarness.runProcess(
            ["--isolated", "--format", "json", "--", "--output=json=victim.call.json", "--fix"], directory: scratch)
        XCTAssertEqual(separated.status, 1, separated.errors)
        XCTAssertTrue(separated.output.contains(#""file": "--output=json=victim.call.json""#), separated.output)
        XCTAssertTrue(separated.output.contains(#""file": "--fix""#), separated.output)
        XCTAssertEqual(try contents(of: victim), Self.good)
    }

    /// SARIF, JSON and GitLab say which inputs could not be read, not only standard error.
    func testMachineFormatsRecordInputsThatCouldNotBeRead() throws {
        try write("bad.json", Self.bad)
        let sarif = try CommandHarness.runProcess(
            ["--isolated", "--format", "sarif", "bad.json", "missing.json"], directory: scratch)
        XCTAssertEqual(sarif.status, 2)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        let notes = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue("\(notes[0])".contains("missing.json"), "\(notes[0])")
        for format in ["json", "gitlab", "github"] {
            let result = try CommandHarness.runProcess(
                ["--isolated", "--format", format, "bad.json", "missing.json"], directory: scratch)
            if format != "github" {
                let items = try XCTUnwrap(
                    JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
                XCTAssertEqual(items.count, 2, result.output)
            }
            XCTAssertTrue(result.output.contains("io-error") && result.output.contains("missing.json"), result.output)
        }
        let clean = try CommandHarness.runProcess(["--isolated", "--format", "sarif", "bad.json"], directory: scratch)
        XCTAssertTrue(clean.output.contains(#""executionSuccessful": true"#), clean.output)
    }

    func testTheSummaryCountsOnlyFilesThatWereRead() throws {
        try write("good.json", Self.good)
        let none = try CommandHarness.runProcess(["--isolated", "missing.json"], directory: scratch)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.output.contains("No file checked: 1 file could not be read."), none.output)
        XCTAssertFalse(none.output.contains("no problems found"), none.output)
        let some = try CommandHarness.runProcess(["--isolated", "good.json", "missing.json"], directory: scratch)
        XCTAssertTrue(some.output.contains("Checked 1 file: no problems found; 1 could not be read."), some.output)
    }
}
