import Foundation
import XCTest

@testable import CallLint

final class FixTests: ScratchDirectoryTestCase {
    static let fixable = """
        {
          "caller_id": {"phoneNumber": " +12125550199\\u200b"},
          "participants": [
            {"addressType": "TEL", "address": "+13175550123"},
            {"address": "SIP:alice@example.com"},
            {"to": {"phoneNumber": "+61212345678"}}
          ],
          "attributes": {"keep": "this   spacing"}
        }

        """

    func testFixRepairsEverySafeFixKeepsFormattingAndIsIdempotent() throws {
        let file = scratch.appendingPathComponent("payload.json")
        try Self.fixable.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)

        let first = CommandHarness.run(["--isolated", "--fix", file.path])
        let fixed = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(
            fixed,
            """
            {
              "callerId": "+12125550199",
              "participants": [
                {"addressType": "TEL", "address": "+13175550123"},
                {"address": "sip:alice@example.com"},
                {"address": "+61212345678"}
              ],
              "attributes": {"keep": "this   spacing"}
            }

            """)
        XCTAssertTrue(first.errors.contains("Fixed"), first.errors)
        // What remains is what --fix may not decide: addressType must go, which a person does.
        let remaining = Set(Linter().check(SourceText(name: "f", text: fixed)).map(\.ruleID))
        XCTAssertEqual(remaining, ["address-type-case"])
        XCTAssertEqual(first.status, 1)

        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o640, "the file keeps its permissions")

        let second = CommandHarness.run(["--isolated", "--fix", file.path])
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), fixed, "a second --fix changes nothing")
        XCTAssertFalse(second.errors.contains("Fixed"), second.errors)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        XCTAssertEqual(leftovers, ["payload.json"], "no temporary files left behind")
    }

    func testDiffPrintsTheFixesAndWritesNothing() throws {
        let file = scratch.appendingPathComponent("payload.json")
        let original = "{\n  \"callerID\": \"+18005550100\",\n  \"phoneNumber\": \"+12125550199\"\n}\n"
        try original.write(to: file, atomically: true, encoding: .utf8)
        let result = CommandHarness.run(["--isolated", "--diff", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.output,
            """
            --- \(file.path)
            +++ \(file.path)
            @@ -1,4 +1,4 @@
             {
            -  "callerID": "+18005550100",
            +  "callerId": "+18005550100",
               "phoneNumber": "+12125550199"
             }

            """)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), original)
        let clean = scratch.appendingPathComponent("clean.json")
        try "{\"phoneNumber\": \"+12125550199\"}".write(to: clean, atomically: true, encoding: .utf8)
        XCTAssertEqual(CommandHarness.run(["--isolated", "--diff", clean.path]).status, 0)
    }

    func testFilesThatDoNotParseAreNeverTouched() throws {
        let file = scratch.appendingPathComponent("broken.json")
        let original = "{\"callerID\": \"+18005550100\",}"
        try original.write(to: file, atomically: true, encoding: .utf8)
        let before = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        let result = CommandHarness.run(["--isolated", "--fix", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), original)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date, before)
    }

    func testFixOnStandardInputPrintsTheFixedTextAndReportsOnStandardError() {
        let body = "{\"phoneNumber\": \"+13175550123\", \"callerID\": \"+13175550100\"}\n"
        let result = CommandHarness.run(["--isolated", "--fix", "-"], stdin: body)
        XCTAssertEqual(result.output, body.replacingOccurrences(of: "callerID", with: "callerId"))
        XCTAssertTrue(result.errors.contains("Fixed 1 problem in <stdin>"), result.errors)
        XCTAssertEqual(result.status, 0, result.errors)
        // The report on standard error is plain text, even when colour is asked for.
        let coloured = CommandHarness.run(["--isolated", "--color", "always", "--fix", "-"], stdin: body)
        XCTAssertFalse(coloured.errors.contains("\u{1B}") || coloured.errors.contains("001B"), coloured.errors)
        XCTAssertTrue(coloured.errors.contains("Fixed 1 problem"), coloured.errors)
        // Nothing to fix: the text is printed as it came.
        let clean = CommandHarness.run(["--isolated", "--fix", "-"], stdin: "{\"phoneNumber\": \"+13175550123\"}")
        XCTAssertEqual(clean.output, "{\"phoneNumber\": \"+13175550123\"}")
    }

    func testFixOnAPastedCurlCommandKeepsTheCommand() {
        let command =
            "curl -X POST https://api.mypurecloud.com/api/v2/conversations/calls \\\n"
            + "  -d '{\"phoneNumber\": \"+13175550123\", \"callerID\": \"+13175550100\"}'\n"
        let result = CommandHarness.run(["--isolated", "--fix"], stdin: command)
        XCTAssertEqual(result.output, command.replacingOccurrences(of: "callerID", with: "callerId"))
        XCTAssertEqual(result.status, 0, result.errors)
    }

    func testFixOnAPasteWhoseFixCannotBeWrittenThereIsPrintedAsJSON() {
        // The body is put together from two quoted pieces: no edit can be written into it.
        let command =
            "curl https://api.mypurecloud.com/api/v2/conversations/calls -d "
            + "'{\"phoneNumber\": \"+13175550123\", \"callerID\": '\"\\\"+13175550100\\\"\"'}'\n"
        let result = CommandHarness.run(["--isolated", "--fix"], stdin: command)
        XCTAssertEqual(result.output, "{\"phoneNumber\": \"+13175550123\", \"callerId\": \"+13175550100\"}\n")
        XCTAssertTrue(result.errors.contains("printed as JSON"), result.errors)
    }

    func testOverlappingFixesWaitForTheNextPass() {
        let edits = FixApplier.nonOverlappingEdits([
            Fix(title: "a", edits: [TextEdit(range: 0..<5, replacement: "x")], applicability: .safe),
            Fix(title: "b", edits: [TextEdit(range: 3..<8, replacement: "y")], applicability: .safe),
            Fix(title: "c", edits: [TextEdit(range: 8..<9, replacement: "z")], applicability: .safe),
        ])
        XCTAssertEqual(edits.fixes.map(\.title), ["a", "c"])
        XCTAssertEqual(FixApplier.apply(edits.edits, to: Array("0123456789".utf8)), Array("x567z9".utf8))
    }
}
