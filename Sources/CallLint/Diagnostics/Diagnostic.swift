/// A finding as a value: what rule, how bad, where (byte range), why, and what to write.
/// Line and column are not stored; formatters ask the source for them.
public struct Diagnostic: Equatable, Sendable {
    public struct Related: Equatable, Sendable {
        public let range: Range<Int>
        public let message: String

        public init(range: Range<Int>, message: String) {
            self.range = range
            self.message = message
        }
    }

    /// What a diagnostic says and where, shared by its copies: a diagnostic is copied several
    /// times on its way to the output (into a stretch's list, beside its positions, into the
    /// totals), and copying one reference is one count where copying each string and list
    /// was seven, the counting that cost a bulk run most of its time.
    final class Content: Sendable {
        let ruleID: String
        let message: String
        let range: Range<Int>
        let pointer: String
        let help: String?
        let fix: Fix?
        let related: [Related]

        init(
            ruleID: String, message: String, range: Range<Int>, pointer: String, help: String?, fix: Fix?,
            related: [Related]
        ) {
            self.ruleID = ruleID
            self.message = message
            self.range = range
            self.pointer = pointer
            self.help = help
            self.fix = fix
            self.related = related
        }
    }

    let content: Content
    public var severity: Severity

    public var ruleID: String { content.ruleID }
    public var message: String { content.message }
    /// What the caret underlines.
    public var range: Range<Int> { content.range }
    /// RFC 6901 pointer of the value concerned ("" for the root).
    public var pointer: String { content.pointer }
    /// What to write instead, in words.
    public var help: String? { content.help }
    public var fix: Fix? { content.fix }
    public var related: [Related] { content.related }

    public init(
        ruleID: String, severity: Severity, message: String, range: Range<Int>, pointer: String,
        help: String? = nil, fix: Fix? = nil, related: [Related] = []
    ) {
        content = Content(
            ruleID: ruleID, message: message, range: range, pointer: pointer, help: help, fix: fix, related: related)
        self.severity = severity
    }

    /// The same finding with another pointer: a body's finding placed in the array it is in.
    func withPointer(_ pointer: String) -> Diagnostic {
        Diagnostic(
            ruleID: ruleID, severity: severity, message: message, range: range, pointer: pointer, help: help, fix: fix,
            related: related)
    }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity
            && (lhs.content === rhs.content
                || (lhs.ruleID == rhs.ruleID && lhs.message == rhs.message && lhs.range == rhs.range
                    && lhs.pointer == rhs.pointer && lhs.help == rhs.help && lhs.fix == rhs.fix
                    && lhs.related == rhs.related))
    }
}
