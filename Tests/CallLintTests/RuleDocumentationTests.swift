import Foundation
import XCTest

@testable import CallLint

/// Every rule has a page in rules/, every page parses and is embedded as it is on disk. The
/// examples on the pages run in RuleExampleTests.
final class RuleDocumentationTests: XCTestCase {
    func testEveryRuleHasExactlyOnePage() throws {
        let catalog = RuleCatalog.shared
        XCTAssertEqual(catalog.problems, [], "rule pages that do not parse")
        XCTAssertEqual(Set(catalog.documents.map(\.id)), Set(RuleRegistry.ids), "rules/ and the registry disagree")
        XCTAssertEqual(catalog.documents.count, RuleRegistry.ids.count, "a rule has two pages")
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.rules.path).filter {
            $0.hasSuffix(".md")
        }
        XCTAssertEqual(Set(files), Set(RuleRegistry.ids.map { $0 + ".md" }), "each page is named after its rule")
    }

    /// A rule's type declares its severity and fixes; its page says the same in words.
    func testPagesStateWhatTheRulesDeclare() {
        for document in RuleCatalog.shared.documents {
            guard let rule = RuleRegistry.type(of: document.id) else {
                XCTFail("\(document.id): no rule")
                continue
            }
            XCTAssertEqual(document.severity, rule.defaultSeverity, "\(document.id): Severity: line")
            XCTAssertEqual(document.fixAvailability, rule.fixAvailability.rawValue, "\(document.id): Fix: line")
            if let setting = rule.requiredSetting {
                XCTAssertTrue(
                    document.text.contains("`\(setting.name)`"),
                    "\(document.id): the page does not name \(setting.name)")
            }
        }
    }

    func testEmbeddedPagesMatchTheFilesInRules() throws {
        for document in RuleCatalog.shared.documents {
            let onDisk = try String(
                contentsOf: TestPaths.rules.appendingPathComponent(document.id + ".md"), encoding: .utf8)
            XCTAssertEqual(document.text, onDisk, "\(document.id): the binary embeds a stale page")
        }
    }

    func testEveryPageHasBadAndGoodExamplesAndTheSections() {
        for document in RuleCatalog.shared.documents {
            XCTAssertTrue(document.examples.contains { $0.isBad }, "\(document.id) has no bad example")
            XCTAssertTrue(document.examples.contains { !$0.isBad }, "\(document.id) has no good example")
            XCTAssertTrue(document.text.contains("## What it does"), "\(document.id) lacks 'What it does'")
            XCTAssertTrue(document.text.contains("## Why"), "\(document.id) lacks a 'Why' section")
            XCTAssertFalse(document.summary.isEmpty)
        }
    }
}
