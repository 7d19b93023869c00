import XCTest

@testable import CallLint

/// `--array` and NDJSON: many request bodies in one input, each checked on its own and
/// reported where it sits in the file.
final class BatchInputTests: XCTestCase {
    func batch(_ text: String) -> [Diagnostic] {
        Linter().check(text, as: .array)
    }

    func testEachElementIsCheckedOnItsOwnWithItsPointer() {
        let text =
            "[\n {\"phoneNumber\": \"+13175550123\"},\n {\"phoneNumber\": \"13175550123\"},\n {\"to\": \"x, ] [ \\\" "
            + "{\"}\n]\n"
        let diagnostics = batch(text)
        // `to` holding a string stands for phoneNumber: its value is checked as one.
        XCTAssertEqual(diagnostics.map(\.ruleID), ["e164-missing-plus", "unknown-key", "e164-format"])
        XCTAssertEqual(diagnostics.map(\.pointer), ["/1/phoneNumber", "/2/to", "/2/to"])
        let source = SourceText(name: "t", text: text)
        XCTAssertEqual(source.location(of: diagnostics[0].range.lowerBound).line, 3)
    }

    /// An element's pointers start with its index, the element itself included.
    func testPointersStartWithTheElementsIndex() {
        let diagnostics = batch(#"[{}, 5, {"participants": [{"address": 5}]}]"#)
        XCTAssertEqual(diagnostics.map(\.ruleID), ["missing-target", "wrong-type", "wrong-type"])
        XCTAssertEqual(diagnostics.map(\.pointer), ["/0", "/1", "/2/participants/0/address"])
    }

    func testSameFindingsAsCheckingEachElementAlone() {
        let elements = [
            #"{"phoneNumber": "+1 317 555 0123"}"#, #"{"participants": [{"to": {"phoneNumber": "+61212345678"}}]}"#,
            #"{"callUserId": "x", "callUserId": "y"}"#, #"[]"#, #"{"phoneNumber": {"phoneNumber": "+13175550123"}}"#,
        ]
        let together = batch("[" + elements.joined(separator: ",") + "]").map(\.ruleID)
        let alone = elements.flatMap { Linter().check(SourceText(name: "e", text: $0)).map(\.ruleID) }
        XCTAssertEqual(together, alone)
    }

    /// The scan that finds where elements end reads eight bytes at a time and jumps to a
    /// string's closing quote: quotes after runs of backslashes, and brackets and commas in
    /// strings, at every place in a word, give the findings of each element checked alone.
    func testElementEndsAreFoundWhereverStringsAndBracketsFallInAWord() {
        let strings = [#"a\\"#, #"b\"], [{"#, #"\\\"}, "#, #"\\\\"#, "x,]", #"\u005c"#]
        for padding in 0..<9 {
            let spaces = String(repeating: " ", count: padding)
            let elements = strings.map { #"{"to": "\#(spaces)\#($0)", "n": [1, {"b": []}], "phoneNumber": 5}"# }
            let together = batch("[" + spaces + elements.joined(separator: "," + spaces) + "]")
            let alone = elements.flatMap { Linter().check(SourceText(name: "e", text: $0)) }
            XCTAssertEqual(together.map(\.ruleID), alone.map(\.ruleID), "padding \(padding)")
            XCTAssertEqual(together.count, strings.count * 3, "padding \(padding)")
        }
    }

    func testLargeArraysCrossBlocks() {
        let count = ArrayDriver.blockSize * 2 + 7
        let body = (0..<count).map { $0 % 1000 == 999 ? #"{"phoneNumber": "1"}"# : #"{"phoneNumber": "+13175550123"}"# }
        let diagnostics = batch("[" + body.joined(separator: ",\n") + "]")
        XCTAssertEqual(diagnostics.count, count / 1000)
        XCTAssertEqual(diagnostics.map(\.pointer), (0..<count / 1000).map { "/\($0 * 1000 + 999)/phoneNumber" })
    }

    func testSyntaxErrorsInsideAndBetweenElements() {
        let cases: [(String, String)] = [
            ("[{\"phoneNumber\": \"+13175550123\"},]", "trailing comma"),
            ("[{\"phoneNumber\": \"+13175550123\"} {}]", "missing `,` between elements"),
            ("[{\"phoneNumber\": \"+13175550123\"}", "never closed"),
            ("[{\"phoneNumber\": \"+13175550123\"}] x", "after the end of the array"),
            ("[{\"phoneNumber\": \"+13175550123\",}]", "trailing comma before `}`"),
            ("[{\"a\": 1}, {\"b\": tru}]", "unquoted text"),
            ("[1 2]", "missing `,`"),
        ]
        for (text, phrase) in cases {
            let diagnostics = batch(text)
            XCTAssertEqual(diagnostics.last?.ruleID, "invalid-json", text)
            XCTAssertTrue(
                diagnostics.last?.message.contains(phrase) ?? false, "\(text): \(diagnostics.last?.message ?? "")")
        }
        XCTAssertEqual(batch(#"{"phoneNumber": "+13175550123"}"#).map(\.ruleID), ["wrong-type"])
        XCTAssertEqual(batch("[]"), [])
        XCTAssertEqual(batch("").map(\.ruleID), ["invalid-json"])
    }

    func testCommandLineArrayAndNDJSONReportFileLines() throws {
        let array = CommandHarness.run(
            ["--isolated", "--array", "--format", "json", "-"], stdin: "[\n{},\n{\"phoneNumber\": \"1\"}\n]")
        let items = try JSONSerialization.jsonObject(with: Data(array.output.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.map { $0["line"] as! Int }, [2, 3])
        let ndjson = CommandHarness.run(
            ["--isolated", "--ndjson", "--format", "json", "-"],
            stdin: "{\"phoneNumber\": \"+13175550123\"}\n\n{\"phoneNumber\": 1}\r\n{bad\n")
        let records = try JSONSerialization.jsonObject(with: Data(ndjson.output.utf8)) as! [[String: Any]]
        XCTAssertEqual(records.map { $0["rule"] as! String }, ["wrong-type", "invalid-json"])
        XCTAssertEqual(records.map { $0["line"] as! Int }, [3, 4])
        XCTAssertEqual(records[0]["offset"] as? Int, 49)
        XCTAssertEqual(ndjson.status, 1)
    }

    /// A stream read in blocks reports every body where it sits in the file, whatever block it
    /// arrived in: positions, and the lines that messages name.
    func testNDJSONBlocksReportTheFilesPositions() {
        var lines: [String] = []
        for index in 0..<40 {
            lines.append(index % 7 == 3 ? #"{"phoneNumber": "+13175550123""# : #"{"phoneNumber": "+13175550123"}"#)
        }
        let text = lines.joined(separator: "\n") + "\n"
        var stream = TrickleBytes(bytes: Array(text.utf8), step: 100)
        var located: [(line: Int, offset: Int, message: String)] = []
        let failure = InputMode.ndjson.driver.check(&stream, name: "t", linter: Linter(), workers: 2) { stretch in
            for diagnostic in stretch.diagnostics {
                let start = stretch.source.location(of: diagnostic.range.lowerBound)
                located.append((start.line, stretch.source.fileOffset(diagnostic.range.lowerBound), diagnostic.message))
            }
        }
        XCTAssertNil(failure)
        let broken = (0..<40).filter { $0 % 7 == 3 }
        XCTAssertEqual(located.map(\.line), broken.map { $0 + 1 })
        let lineLength = #"{"phoneNumber": "+13175550123"}"#.utf8.count + 1
        // Each broken line is one byte short; the error sits at its end.
        XCTAssertEqual(located.map(\.offset), broken.map { $0 * lineLength - ($0 / 7) + lineLength - 2 })
        XCTAssertEqual(
            located.map(\.message),
            broken.map { "unexpected end of input: the object opened at line \($0 + 1), column 1 is never closed" })
        // The same text in memory, one stretch, gives the same findings.
        XCTAssertEqual(Linter().check(text, as: .ndjson).map(\.message), located.map(\.message))
    }
}
