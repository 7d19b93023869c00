import Foundation
import XCTest

/// The code fixtures (Fixtures/code/LANGUAGE/) draw exactly the findings their tables list
/// (CodeFixtureExpectations), at the line and column of the mistake in the code: valid bodies
/// draw none, and code never draws JSON syntax advice.
final class CodeFixtureTests: XCTestCase {
    static var expectations: [String: [CodeFixtureExpectations.Finding]] {
        CodeFixtureExpectations.javascript.merging(CodeFixtureExpectations.typed) { first, _ in first }
    }

    func testEveryCodeFixtureIsListed() {
        let listed = Set(Self.expectations.keys)
        let fixtures = FixtureGoldenTests.fixtures.filter { $0.hasPrefix("code/") }
        XCTAssertGreaterThanOrEqual(fixtures.count, 40)
        for fixture in fixtures { XCTAssertTrue(listed.contains(fixture), "\(fixture) has no expectations") }
        for fixture in listed { XCTAssertTrue(fixtures.contains(fixture), "\(fixture) is listed but missing") }
    }

    func testCodeFixturesDrawTheirFindingsWhereTheMistakeIs() throws {
        for (fixture, expected) in Self.expectations.sorted(by: { $0.key < $1.key }) {
            let result = CommandHarness.run(["--isolated", "--format", "json", "Fixtures/" + fixture])
            let entries = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]], fixture)
            var found: [CodeFixtureExpectations.Finding] = []
            for entry in entries {
                let rule = entry["rule"] as? String ?? ""
                XCTAssertNotEqual(rule, "invalid-json", "\(fixture): \(entry["message"] ?? "")")
                XCTAssertNotEqual(rule, "typographic-syntax", fixture)
                if rule == "embedded-body" { continue }
                found.append(.init(rule, line: entry["line"] as? Int ?? 0, column: entry["column"] as? Int ?? 0))
            }
            XCTAssertEqual(
                found.sorted { "\($0)" < "\($1)" }, expected.sorted { "\($0)" < "\($1)" },
                "\(fixture)\n\(result.output)")
        }
    }
}
