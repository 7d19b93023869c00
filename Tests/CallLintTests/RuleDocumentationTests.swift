import Foundation
import XCTest

@testable import CallLint

/// Every rule has a page in rules/, every page parses, and every example on it does what the
/// page says: a bad example raises its rule, a good example raises nothing at all.
final class RuleDocumentationTests: XCTestCase {
    func testEveryRuleHasExactlyOnePage() throws {
        let catalog = RuleCatalog.shared
        XCTAssertEqual(catalog.problems, [], "rule pages that do not parse")
        XCTAssertEqual(Set(catalog.documents.map(\.id)), Set(RuleRegistry.ids), "rules/ and the registry disagree")
        XCTAssertEqual(catalog.documents.count, RuleRegistry.ids.count, "a rule has two pages")
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.rules.path).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(Set(files), Set(RuleRegistry.ids.map { $0 + ".md" }), "each page is named after its rule")
    }

    func testEmbeddedPagesMatchTheFilesInRules() throws {
        for document in RuleCatalog.shared.documents {
            let onDisk = try String(contentsOf: TestPaths.rules.appendingPathComponent(document.id + ".md"), encoding: .utf8)
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

    func testBadExamplesRaiseTheirRuleAndGoodExamplesRaiseNothing() throws {
        var checked = 0
        for document in RuleCatalog.shared.documents {
            var settings = LintSettings()
            if let configuration = document.configuration {
                settings = try Configuration.parse(Array(configuration.utf8)).settings()
            }
            let linter = Linter(settings: settings)
            for (index, example) in document.examples.enumerated() {
                let diagnostics = linter.lint(SourceText(name: "\(document.id)#\(index)", text: example.code))
                let rules = diagnostics.map(\.ruleID)
                if example.isBad {
                    XCTAssertTrue(rules.contains(document.id), "\(document.id) bad example \(index) raised \(rules) instead:\n\(example.code)")
                } else {
                    XCTAssertEqual(rules, [], "\(document.id) good example \(index) is not clean:\n\(example.code)\n\(diagnostics.map(\.message))")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 2 * RuleRegistry.ids.count)
    }
}
