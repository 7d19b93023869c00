/// One replacement of a byte range of the original text.
public struct TextEdit: Equatable, Sendable {
    public let range: Range<Int>
    public let replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A change that resolves a diagnostic, as edits on the original bytes so that formatting and
/// key order survive. Only `safe` fixes are applied by `--fix`: they cannot change what the
/// request means. A `suggestion` needs a person's judgement (adding a `+` assumes the digits
/// start with a country code) and is only shown.
public struct Fix: Equatable, Sendable {
    public enum Applicability: String, Sendable {
        case safe, suggestion
    }

    public let title: String
    public let edits: [TextEdit]
    public let applicability: Applicability

    public init(title: String, edits: [TextEdit], applicability: Applicability) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
    }
}
