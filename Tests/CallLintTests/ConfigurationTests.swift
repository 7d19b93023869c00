import Foundation
import XCTest

@testable import CallLint

final class ConfigurationTests: ScratchDirectoryTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("templates/legacy"), withIntermediateDirectories: true)
    }

    func testInvalidConfigurationIsAnErrorWithLineAndColumn() throws {
        let cases: [(String, String)] = [
            (
                "{\n  \"disable\": [\"unknown-keys\"]\n}",
                "2:15: unknown rule 'unknown-keys' (did you mean unknown-key?)"
            ),
            ("{\n  \"severty\": {}\n}", "2:3: unknown setting 'severty' (did you mean 'severity'?)"),
            ("{\"severity\": {\"unknown-key\": \"fatal\"}}", "1:30: a severity is"),
            ("{\"placeholders\": [\"(unclosed\"]}", "1:19: placeholder pattern \"(unclosed\": missing `)`"),
            ("{\"allowedCallerIds\": \"+13175550100\"}", "1:22: 'allowedCallerIds' must be an array of strings"),
            ("{\"disable\": [],}", "1:15: trailing comma"),
            ("[]", "1:1: the configuration must be a JSON object"),
            // A configuration's syntax errors speak of JSON, not of request bodies.
            ("", "1:1: empty input: no JSON value"),
            ("{\"disable\": [1 2]}", "1:16: missing `,` between elements of the array opened at line 1, column 13"),
        ]
        for (text, expected) in cases {
            try write(".call-lint.json", text)
            let result = CommandHarness.run(["-"], stdin: "{}", directory: scratch)
            XCTAssertEqual(result.status, 2, text)
            XCTAssertTrue(result.errors.contains(expected), "\(text): \(result.errors)")
            XCTAssertFalse(result.errors.contains("request body"), "\(text): \(result.errors)")
            XCTAssertEqual(result.output, "", "nothing is checked with a broken configuration")
        }
    }

    func testConfigurationIsFoundByWalkingUpAndApplied() throws {
        try write(
            ".call-lint.json",
            """
            {
              "disable": ["missing-target"],
              "severity": {"e164-missing-plus": "warning"},
              "ignore": {"templates/legacy/**": ["unknown-key"], "*.draft.json": ["*"]},
              "placeholders": ["^__[A-Z]+__$"],
              "allowedCallerIds": ["+13175550100"]
            }
            """)
        try write("templates/legacy/old.json", #"{"phoneNumber": "+13175550123", "to": "+1"}"#)
        try write("templates/new.json", #"{"phoneNumber": "+13175550123", "to": "+1"}"#)
        try write("templates/x.draft.json", #"{"to": "+1"}"#)
        try write("templates/caller.json", #"{"phoneNumber": "__TO__", "callerId": "+13175550199"}"#)
        try write("templates/warn.json", #"{"phoneNumber": "13175550123"}"#)
        try write("templates/none.json", #"{"callerId": "+13175550100"}"#)
        let directory = scratch.appendingPathComponent("templates")
        func rules(_ file: String) -> [String] {
            let result = CommandHarness.run(["--format", "json", file], directory: directory)
            let items = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [[String: Any]] ?? []
            return items.map { "\($0["rule"]!):\($0["severity"]!)" }
        }
        XCTAssertEqual(rules("legacy/old.json"), [])
        XCTAssertEqual(rules("new.json"), ["unknown-key:error"])
        XCTAssertEqual(rules("x.draft.json"), [])
        XCTAssertEqual(rules("caller.json"), ["caller-id-not-allowed:error"])
        XCTAssertEqual(rules("warn.json"), ["e164-missing-plus:warning"])
        XCTAssertEqual(rules("none.json"), [])
        XCTAssertEqual(CommandHarness.run(["warn.json"], directory: directory).status, 0, "a warning does not fail")
        // --isolated ignores the file; --config names one.
        XCTAssertEqual(CommandHarness.run(["--isolated", "none.json"], directory: directory).status, 1)
        try write("other.json", #"{"disable": ["unknown-key"]}"#)
        XCTAssertEqual(CommandHarness.run(["--config", "../other.json", "new.json"], directory: directory).status, 0)
    }

    func testGlobs() {
        XCTAssertTrue(GlobPattern("templates/**").matches("templates/a/b.json"))
        XCTAssertTrue(GlobPattern("templates/**/*.json").matches("templates/b.json"))
        XCTAssertFalse(GlobPattern("templates/*.json").matches("templates/a/b.json"))
        XCTAssertTrue(GlobPattern("*.draft.json").matches("deep/in/x.draft.json"))
        XCTAssertTrue(GlobPattern("a?c.json").matches("abc.json"))
        XCTAssertFalse(GlobPattern("a?c.json").matches("abbc.json"))
        XCTAssertTrue(GlobPattern("./src/*.json").matches("src/x.json"))
    }
}
