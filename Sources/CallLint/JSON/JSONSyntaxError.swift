/// Why a text is not JSON, where, and (when the cause is plain) what to write instead.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// Byte range the error points at; empty at end of input.
    public let range: Range<Int>
    public let message: String
    public let help: String?

    public init(range: Range<Int>, message: String, help: String? = nil) {
        self.range = range
        self.message = message
        self.help = help
    }
}
