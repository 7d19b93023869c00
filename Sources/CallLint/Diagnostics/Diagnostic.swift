/// A finding as a value: what rule, how bad, where (byte range), why, and what to write.
/// Line and column are not stored; formatters ask the source for them.
public struct Diagnostic: Equatable, Sendable {
    public struct Related: Equatable, Sendable {
        public let range: Range<Int>
        public let message: String
    }

    public let ruleID: String
    public var severity: Severity
    public let message: String
    /// What the caret underlines.
    public let range: Range<Int>
    /// RFC 6901 pointer of the value concerned ("" for the root).
    public let pointer: String
    /// What to write instead, in words.
    public let help: String?
    public let fix: Fix?
    public let related: [Related]

    public init(
        ruleID: String, severity: Severity, message: String, range: Range<Int>, pointer: String,
        help: String? = nil, fix: Fix? = nil, related: [Related] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.pointer = pointer
        self.help = help
        self.fix = fix
        self.related = related
    }
}
