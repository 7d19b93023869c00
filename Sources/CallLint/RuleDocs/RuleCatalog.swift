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
}
