/// The rule pages embedded in the binary, by id.
public struct RuleCatalog: Sendable {
    public let documents: [RuleDocument]
    /// Pages that failed to parse, by file name; a test keeps this empty.
    public let problems: [String]

    public static let shared = RuleCatalog(embedded: embeddedRuleDocuments)

    init(embedded: [(fileName: String, text: String)]) {
        var documents: [RuleDocument] = []
        var problems: [String] = []
        for (fileName, text) in embedded {
            do {
                documents.append(try RuleDocument(markdown: text))
            } catch {
                problems.append("\(fileName): \(error)")
            }
        }
        self.documents = documents
        self.problems = problems
    }

    public func document(_ id: String) -> RuleDocument? { documents.first { $0.id == id } }

    /// Each rule's severity as its page states it, read straight from the `Severity:` lines.
    /// Every run needs these, while parsing all the pages took a third of the time it
    /// takes to check one small file; a test checks they agree with the parsed pages.
    public static let defaultSeverities: [String: Severity] = {
        var severities: [String: Severity] = [:]
        for (fileName, text) in embeddedRuleDocuments where fileName.hasSuffix(".md") {
            let id = String(fileName.dropLast(3))
            // The Severity: line is among the first few: the rest of the page is not split.
            for line in text.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: 8) {
                guard let value = RuleDocument.field("Severity:", in: Substring(line)) else { continue }
                severities[id] = Severity(rawValue: value)
                break
            }
        }
        return severities
    }()

    /// Rule ids in precedence order (the order rules run in).
    public static var ruleIDs: [String] { RuleRegistry.ids }
}
