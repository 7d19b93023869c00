/// Why reading or writing a file (or standard input) failed, in the system's words.
public struct IOFailure: Error, Sendable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
