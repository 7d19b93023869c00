import Foundation
import XCTest

@testable import CallLint
@testable import CallLintCommand

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Nothing from the input reaches a terminal or a CI log raw, in any format; JUnit is
/// well-formed XML and SARIF's regions agree with their units.
final class OutputSafetyTests: ScratchDirectoryTestCase {
    /// A key that clears the screen and prints a fake all-clear, one that writes the clipboard
    /// (OSC 52), a Trojan-Source override, and XML's forbidden noncharacters.
    static let hostile =
        #"{"\u001b[2J\u001b[1;1HChecked 1 file: no problems found.\u001b[8m": 1, "#
        + #""\u001b]52;c;ZXZpbA==\u0007": 2, "a\u202Eb": 3, "x\uFFFEy\uFFFF": 4, "phoneNumber": "+13175550123"}"#

    func testTextGitHubAndJUnitShowEveryControlCharacterEscaped() throws {
        let file = try write("weird\nname\u{1B}[31m.json", Self.hostile)
        for format in ["text", "github", "junit"] {
            let result = CommandHarness.run(["--isolated", "--format", format, file.path])
            XCTAssertEqual(result.status, 1, format)
            for forbidden in ["\u{1B}", "\u{07}", "\u{202E}", "\u{FFFE}", "\u{FFFF}"] {
                XCTAssertFalse(
                    result.output.contains(forbidden), "\(format) printed \(forbidden.unicodeScalars.first!.value)")
            }
            XCTAssertTrue(result.output.contains("\\u{001B}"), "\(format): the escape is shown\n\(result.output)")
            if format == "github" {
                for line in result.output.split(separator: "\n") {
                    XCTAssertTrue(
                        line.hasPrefix("::error ") || line.hasPrefix("::warning "), "a line no command starts: \(line)")
                }
            }
        }
    }

    func testJUnitIsWellFormedXML() throws {
        let file = try write("payload.json", Self.hostile)
        let result = CommandHarness.run(["--isolated", "--format", "junit", file.path])
        let parser = XMLParser(data: Data(result.output.utf8))
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))\n\(result.output)")
    }

    func testSARIFRegionsUseByteOffsetsBesideCodePointColumns() throws {
        let file = try write("payload.json", #"{"é😀": 1, "phoneNumber": "+1317555012"}"#)
        let result = CommandHarness.run(["--isolated", "--format", "sarif", file.path])
        let sarif = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let run = (sarif["runs"] as! [[String: Any]])[0]
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let results = run["results"] as! [[String: Any]]
        let number = try XCTUnwrap(results.first { ($0["ruleId"] as? String) == "e164-length" })
        let region =
            ((number["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"]
            as! [String: Any]
        XCTAssertNil(region["charOffset"], "charOffset counts code points; call-lint's offsets are bytes")
        // é is two bytes and 😀 four, one code point each.
        XCTAssertEqual(region["byteOffset"] as? Int, 29)
        XCTAssertEqual(region["startColumn"] as? Int, 26)
    }

    /// Messages on standard error quote file names visibly too.
    func testErrorMessagesShowFileNamesEscaped() throws {
        let fifo = scratch.appendingPathComponent("pipe\u{1B}[2J.json").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let result = CommandHarness.run(["--isolated", fifo])
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(result.errors.contains("\u{1B}"), result.errors)
        XCTAssertTrue(result.errors.contains("pipe\\u{001B}[2J.json"), result.errors)
        XCTAssertEqual(visibleLines("a\u{1B}b\nc\n"), "a\\u{001B}b\nc\n")
    }
}

/// How the output reaches standard output when many files are checked: in few large writes
/// (a write per file with findings cost a system call each, a sixth of the system time on
/// 10,000 files), and still in order with what goes to standard error.
final class OutputWritingTests: ScratchDirectoryTestCase {
    func testManyFilesAreWrittenInFewWritesAndInOrderWithErrors() throws {
        for index in 0..<60 {
            try write(String(format: "f%02d.json", index), #"{"phoneNumber": "+1317555012"}"#)
        }
        // A dangling link among them: its error goes to standard error, between the findings of
        // the files sorted before it and after it.
        try FileManager.default.createSymbolicLink(
            atPath: scratch.appendingPathComponent("f30a.json").path, withDestinationPath: "missing.json")
        nonisolated(unsafe) var log: [(toOutput: Bool, text: String)] = []
        let console = Console(
            readStandardInput: { _ in .success([]) },
            writeOutput: { log.append((true, String(decoding: $0, as: UTF8.self))) },
            writeError: { log.append((false, $0)) },
            standardOutputIsTerminal: false, standardInputIsTerminal: false, environment: [:],
            currentDirectory: scratch.path)
        for format in ["text", "json", "github"] {
            log = []
            let status = CallLintCommand(console: console).run(["--isolated", "--format", format, scratch.path])
            XCTAssertEqual(status, 2, format)
            let writes = log.filter(\.toOutput).count
            XCTAssertLessThanOrEqual(writes, 5, "\(format): one write per file with findings")
            let combined = log.map(\.text).joined()
            guard let error = combined.range(of: "cannot read"), let before = combined.range(of: "f29.json"),
                let after = combined.range(of: "f31.json")
            else { return XCTFail("\(format): \(combined.prefix(500))") }
            XCTAssertLessThan(before.lowerBound, error.lowerBound, format)
            XCTAssertLessThan(error.lowerBound, after.lowerBound, format)
        }
    }
}
