import Testing

@testable import CallLint

/// Every example on every rule page, one Swift Testing case per rule: bad examples raise
/// their rule, good examples raise nothing at all (the rule page's configuration applies).
@Suite("Rule page examples")
struct RuleExampleTests {
    static let documents = RuleCatalog.shared.documents

    @Test("examples behave as documented", arguments: documents.map(\.id))
    func examples(ruleID: String) throws {
        let document = try #require(RuleCatalog.shared.document(ruleID))
        var settings = LintSettings()
        if let configuration = document.configuration {
            settings = try Configuration.parse(Array(configuration.utf8)).settings()
        }
        let linter = Linter(settings: settings)
        #expect(document.examples.contains { $0.isBad }, "no bad example")
        #expect(document.examples.contains { !$0.isBad }, "no good example")
        for example in document.examples {
            // As a paste is read (the page's name has no .json): JSON examples are read as JSON.
            let diagnostics = linter.check(SourceText(name: ruleID, text: example.code), as: .paste(.auto))
            let rules = diagnostics.map(\.ruleID)
            if example.isBad {
                #expect(rules.contains(ruleID), "bad example raised \(rules):\n\(example.code)")
                if let marked = example.markedOffset {
                    let starts = diagnostics.filter { $0.ruleID == ruleID }.map(\.range.lowerBound)
                    #expect(
                        starts.contains(marked),
                        "the finding starts at \(starts), not at ↓ (\(marked)):\n\(example.code)")
                }
            } else {
                #expect(rules.isEmpty, "good example raised \(rules):\n\(example.code)")
            }
        }
    }

    @Test("every registered rule has a page, and every page a rule")
    func pagesMatchRegistry() {
        #expect(RuleCatalog.shared.problems.isEmpty)
        #expect(Set(Self.documents.map(\.id)) == Set(RuleRegistry.ids))
    }
}
