/// One rule's page from rules/<id>.md: id, severity, summary, and its examples. The page is
/// the single source of these: the binary embeds the pages at build time, `--explain` prints
/// them, and the tests run every example.
public struct RuleDocument: Sendable {
    public struct Example: Sendable {
        /// The example's JSON, without its `↓` marker.
        public let code: String
        public let isBad: Bool
        /// Where the `↓` marker stood (a byte offset into `code`): a bad example's finding of
        /// the rule must start there.
        public let markedOffset: Int?

        init(_ text: String, isBad: Bool) {
            if let marker = text.firstIndex(of: "↓") {
                markedOffset = text.utf8.distance(from: text.startIndex, to: marker)
                code = String(text[..<marker] + text[text.index(after: marker)...])
            } else {
                markedOffset = nil
                code = text
            }
            self.isBad = isBad
        }
    }

    public let id: String
    public let severity: Severity
    public let summary: String
    /// The first word of the page's `Fix:` line: none, suggestion or safe.
    public let fixAvailability: String
    public let text: String
    public let examples: [Example]
    /// JSON configuration the examples are checked with (a "## Configuration" block).
    public let configuration: String?

    public enum ParseError: Error, Equatable {
        case missingTitle, missingSeverity, missingSummary, missingFix
    }

    public init(markdown: String) throws {
        var id: String?
        var severity: Severity?
        var summary: String?
        var fixAvailability: String?
        var examples: [Example] = []
        var configuration: String?
        var section = ""
        var fence: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if var code = fence {
                if line.hasPrefix("```") {
                    let text = code.joined(separator: "\n")
                    let lowered = section.lowercased()
                    if lowered.hasPrefix("bad") {
                        examples.append(Example(text, isBad: true))
                    } else if lowered.hasPrefix("good") {
                        examples.append(Example(text, isBad: false))
                    } else if lowered.hasPrefix("configuration") {
                        configuration = text
                    }
                    fence = nil
                } else {
                    code.append(line)
                    fence = code
                }
                continue
            }
            if line.hasPrefix("```") {
                fence = []
            } else if line.hasPrefix("## ") {
                section = String(line.dropFirst(3))
            } else if line.hasPrefix("# "), id == nil {
                id = String(line.dropFirst(2)).trimmingSpaces
            } else if let value = Self.field("Severity:", in: line) {
                severity = Severity(rawValue: value)
            } else if let value = Self.field("Summary:", in: line) {
                summary = value
            } else if let value = Self.field("Fix:", in: line) {
                fixAvailability = String(value.prefix { $0.isLetter })
            }
        }
        guard let id else { throw ParseError.missingTitle }
        guard let severity else { throw ParseError.missingSeverity }
        guard let summary else { throw ParseError.missingSummary }
        guard let fixAvailability else { throw ParseError.missingFix }
        self.id = id
        self.severity = severity
        self.summary = summary
        self.fixAvailability = fixAvailability
        self.text = markdown
        self.examples = examples
        self.configuration = configuration
    }

    /// The value of a `Name: value` line, trimmed; nil when the line is not that field.
    static func field(_ name: String, in line: Substring) -> String? {
        guard line.utf8.starts(with: name.utf8) else { return nil }
        return String(line.dropFirst(name.count)).trimmingSpaces
    }
}

extension String {
    public var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
