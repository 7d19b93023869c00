/// Why reading or writing a file (or standard input) failed, in the system's words.
public struct IOFailure: Error, Sendable {
    public let message: String
    /// The errno behind it, or 0 when the failure is call-lint's own (a size limit, a refusal).
    public let code: Int32

    public init(message: String, code: Int32 = 0) {
        self.message = message
        self.code = code
    }
}
