import Foundation
import XCTest

@testable import CallLint
@testable import CallLintCommand

/// GitLab Code Quality, and one run writing several reports.
final class CIFormatTests: ScratchDirectoryTestCase {
    func issues(_ text: String) throws -> [[String: Any]] {
        let file = try write("payload.json", text)
        let result = CommandHarness.run(["--isolated", "--format", "gitlab", file.path])
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [[String: Any]]
    }

    func testGitLabIssuesHaveStableFingerprints() throws {
        let body = #"{"to": "+13175550123", "phoneNumber": "+1317555012"}"#
        let first = try issues(body)
        XCTAssertEqual(first.map { $0["check_name"] as? String }, ["unknown-key", "e164-length"])
        for issue in first {
            XCTAssertEqual(issue["severity"] as? String, "major")
            XCTAssertFalse((issue["description"] as? String ?? "").isEmpty)
            let location = issue["location"] as! [String: Any]
            XCTAssertTrue((location["path"] as! String).hasSuffix("payload.json"))
            XCTAssertEqual((location["lines"] as! [String: Any])["begin"] as? Int, 1)
        }
        // Lines added above move the findings, not their fingerprints.
        let moved = try issues("\n\n\n" + body.replacingOccurrences(of: ", ", with: ",\n  "))
        XCTAssertEqual(moved.map { $0["fingerprint"] as? String }, first.map { $0["fingerprint"] as? String })
        XCTAssertNotEqual((moved[1]["location"] as! [String: Any])["lines"] as? [String: Int], ["begin": 1, "end": 1])
        XCTAssertEqual(Set(first.compactMap { $0["fingerprint"] as? String }).count, 2)
        XCTAssertEqual(try issues(#"{"phoneNumber": "+13175550123"}"#).count, 0)
    }

    func testOneRunPrintsOneFormatAndWritesOthers() throws {
        let file = try write("payload.json", #"{"phoneNumber": "+1317555012"}"#)
        let sarif = scratch.appendingPathComponent("out.sarif")
        let json = scratch.appendingPathComponent("out.json")
        let result = CommandHarness.run([
            "--isolated", "--format", "github", "--output", "sarif=\(sarif.path)", "--output=json=\(json.path)",
            file.path,
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.hasPrefix("::error "))
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as! [String: Any]
        let results = ((log["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
        XCTAssertEqual(results.count, 1)
        let diagnostics = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as! [[String: Any]]
        XCTAssertEqual(diagnostics.map { $0["rule"] as? String }, ["e164-length"])
        let bad = CommandHarness.run(["--isolated", "--output", "xml=out", file.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.errors.contains("--output takes FORMAT=PATH"), bad.errors)
        // A report file that cannot be written stops the run before anything is printed.
        let unwritable = CommandHarness.run([
            "--isolated", "--format", "json", "--output", "sarif=\(scratch.path)/missing/out.sarif", file.path,
        ])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertEqual(unwritable.output, "")
    }
}
