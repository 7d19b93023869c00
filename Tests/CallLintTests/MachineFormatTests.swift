import Foundation
import XCTest

@testable import CallLint

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// SARIF, GitHub annotations and JUnit, as the CI systems that read them expect.
final class MachineFormatTests: XCTestCase {
    let body = "{\n  \"phoneNumber\": \"13175550123\",\n  \"callerID\": \"+1 317, 555:0100\"\n}\n"

    func testSARIFHasTheStructureOfSARIF210() throws {
        let result = CommandHarness.run(
            [
                "--isolated", "--default-region", "US", "--format", "sarif", "--stdin-filename",
                "dir name/payload.json", "-",
            ], stdin: body)
        XCTAssertEqual(result.status, 1)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "call-lint")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, RuleRegistry.ids)
        for rule in rules {
            XCTAssertFalse(((rule["shortDescription"] as? [String: Any])?["text"] as? String ?? "").isEmpty)
            XCTAssertTrue(((rule["help"] as? [String: Any])?["text"] as? String ?? "").contains("## What it does"))
            XCTAssertTrue(
                ["error", "warning", "note"].contains(
                    (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String ?? ""))
        }
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        // The missing `+`, the misspelled key, and the misspelled field's value.
        XCTAssertEqual(results.count, 3)
        for item in results {
            let ruleID = try XCTUnwrap(item["ruleId"] as? String)
            let index = try XCTUnwrap(item["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, ruleID, "ruleIndex points at its rule")
            // With the default region said, a national number is a warning (its number plan decides).
            XCTAssertEqual(item["level"] as? String, ruleID == "e164-missing-plus" ? "warning" : "error", ruleID)
            XCTAssertFalse(((item["message"] as? [String: Any])?["text"] as? String ?? "").isEmpty)
            let location = try XCTUnwrap(
                (item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual(
                (location["artifactLocation"] as? [String: Any])?["uri"] as? String, "dir%20name/payload.json")
            let region = try XCTUnwrap(location["region"] as? [String: Any])
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                XCTAssertGreaterThanOrEqual(region[key] as? Int ?? 0, 1, key)
            }
        }
        let first = try XCTUnwrap(
            (results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((first["region"] as? [String: Any])?["startLine"] as? Int, 2)
        XCTAssertEqual((first["region"] as? [String: Any])?["startColumn"] as? Int, 18)
        let clean = CommandHarness.run(
            ["--isolated", "--format", "sarif", "-"], stdin: "{\"phoneNumber\": \"+13175550123\"}")
        let cleanLog = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(clean.output.utf8)) as? [String: Any])
        XCTAssertEqual(((cleanLog["runs"] as? [[String: Any]])?[0]["results"] as? [Any])?.count, 0)
    }

    func testGitHubAnnotationsEscapeTheirDelimiters() {
        let result = CommandHarness.run(
            ["--isolated", "--default-region", "US", "--format", "github", "--stdin-filename", "a,b:c.json", "-"],
            stdin: body)
        let lines = result.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(
            lines[0].hasPrefix(
                "::warning file=a%2Cb%3Ac.json,line=2,col=18,endLine=2,endColumn=31,title=call-lint "
                    + "e164-missing-plus::phone number"
            ),
            lines[0])
        XCTAssertTrue(lines[0].contains("%0Awrite"), "help goes on a second annotation line")
        XCTAssertTrue(lines[1].contains("title=call-lint unknown-key::"), lines[1])
    }

    func testJUnitReportsOneCasePerFile() throws {
        let result = CommandHarness.run(["--isolated", "--format", "junit", "-"], stdin: "{\"to\": \"<&>\"}")
        XCTAssertTrue(
            result.output.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"call-lint\" tests=\"1\" "
                    + "failures=\"1\" errors=\"0\">"
            ), result.output)
        XCTAssertTrue(result.output.contains("<failure type=\"unknown-key\""))
        XCTAssertTrue(result.output.contains("&lt;&amp;&gt;"))
        let document = try XMLDocument(xmlString: result.output)
        XCTAssertEqual(try document.nodes(forXPath: "//testcase").count, 1)
        // The invented key, and its value checked as the phone number it stands for.
        XCTAssertEqual(try document.nodes(forXPath: "//failure").count, 2)
    }

    /// A clean stream is a passing test case, as a clean document is: every input checked is
    /// one case, whatever its mode.
    func testJUnitListsCleanStreamsAsPassingCases() {
        for mode in ["--ndjson", "--array"] {
            let body =
                mode == "--array" ? "[{\"phoneNumber\": \"+13175550123\"}]" : "{\"phoneNumber\": \"+13175550123\"}\n"
            let result = CommandHarness.run(["--isolated", mode, "--format", "junit", "-"], stdin: body)
            XCTAssertTrue(
                result.output.contains("<testsuites name=\"call-lint\" tests=\"1\" failures=\"0\" errors=\"0\">"),
                result.output)
            XCTAssertEqual(result.status, 0)
        }
    }
}
