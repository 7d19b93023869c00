import Foundation
import XCTest

/// Fixtures/ holds payloads (many from the forum posts in ../shared/seeds) with their
/// expected text and JSON output beside them as `NAME.text.golden` and `NAME.json.golden`.
/// Set CALL_LINT_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then
/// read the diff.
final class FixtureGoldenTests: XCTestCase {
    static var fixtures: [String] {
        let enumerator = FileManager.default.enumerator(atPath: TestPaths.fixtures.path)!
        // Payloads, and pastes and captures of every kind (.sh, .http, .md, .txt, .py, .js, .har).
        return enumerator.compactMap { $0 as? String }.filter { path in
            !path.hasSuffix(".golden") && path.contains(".") && !path.hasPrefix(".")
        }.sorted()
    }

    func testEveryFixtureMatchesItsGoldenOutput() throws {
        let update = ProcessInfo.processInfo.environment["CALL_LINT_UPDATE_GOLDEN"] == "1"
        let fixtures = Self.fixtures
        XCTAssertGreaterThanOrEqual(fixtures.count, 30)
        for fixture in fixtures {
            let path = "Fixtures/" + fixture
            for (format, suffix) in [("text", ".text.golden"), ("json", ".json.golden")] {
                let result = CommandHarness.run(["--isolated", "--color", "never", "--format", format, path])
                let base = path.hasSuffix(".json") ? String(path.dropLast(".json".count)) : path
                let golden = TestPaths.packageRoot.appendingPathComponent(base + suffix)
                if update {
                    try result.output.write(to: golden, atomically: true, encoding: .utf8)
                    continue
                }
                guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
                    XCTFail("\(path): no golden file \(golden.lastPathComponent); run with CALL_LINT_UPDATE_GOLDEN=1")
                    continue
                }
                XCTAssertEqual(
                    result.output, expected, "\(path) --format \(format) differs from \(golden.lastPathComponent)")
                XCTAssertEqual(result.errors, "", path)
            }
        }
    }

    /// Bad fixtures fail with exit 1, good ones pass with 0, and every forum post has one.
    func testFixtureOutcomes() {
        for fixture in Self.fixtures {
            let result = CommandHarness.run(["--isolated", "Fixtures/" + fixture])
            let expectClean =
                fixture.hasPrefix("good/") || fixture.contains("/good-") || fixture.hasPrefix("templates/mustache")
            let warnsOnly = fixture.hasPrefix("warnings/") || fixture.contains("/warn-")
            XCTAssertEqual(result.status, expectClean || warnsOnly ? 0 : 1, "\(fixture):\n\(result.output)")
            if warnsOnly {
                XCTAssertTrue(
                    result.output.contains(": warning: ") && !result.output.contains(": error: "), result.output)
            }
        }
        for seed in ["seed000", "seed001", "seed002", "seed003", "seed004"] {
            XCTAssertTrue(Self.fixtures.contains { $0.hasPrefix("forum/\(seed)") }, "no forum fixture for \(seed)")
            XCTAssertTrue(Self.fixtures.contains { $0.hasPrefix("good/\(seed)") }, "no good counterpart for \(seed)")
        }
    }

    /// Each forum fixture raises the rules its mistake is about, and nothing it should not.
    func testForumFixturesRaiseTheExpectedRules() {
        let expected: [String: Set<String>] = [
            "forum/seed000-tutorial-payload.json": ["unknown-key"],
            "forum/seed000-uppercase-tel-without-plus.json": ["address-type-case", "e164-missing-plus"],
            "forum/seed000-validator-advice.json": [
                "e164-format", "id-format", "wrong-type", "address-type-mismatch", "sip-uri-format", "multiple-targets",
                "queue-field-without-queue",
            ],
            "forum/seed001-nested-phone-number.json": ["unknown-key"],
            "forum/seed001-nested-under-real-fields.json": ["nested-phone-number"],
            "forum/seed002-sdk-answer-to-from-type.json": ["unknown-key"],
            "forum/seed002-escaped-at-sign.json": ["sip-uri-format", "whitespace-in-address"],
            "forum/seed003-participants-to-from.json": ["participants-shape"],
            "forum/seed003-answer-type-external.json": ["participants-shape"],
            "forum/seed003-answer-split-legs.json": ["participants-shape"],
            "forum/seed004-calltype-providerid.json": ["unknown-key"],
            "warnings/seed004-without-plus.json": ["e164-missing-plus"],
        ]
        for (fixture, rules) in expected {
            let result = CommandHarness.run(["--isolated", "--format", "json", "Fixtures/" + fixture])
            let items = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [[String: Any]] ?? []
            XCTAssertEqual(Set(items.compactMap { $0["rule"] as? String }), rules, fixture)
        }
    }
}
