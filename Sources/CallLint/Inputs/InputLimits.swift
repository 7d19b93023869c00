/// How much of an input is read as one text: a document, an `--array` file, a file being fixed,
/// or one NDJSON line. Past it the input is refused with a message rather than read on: a file
/// that keeps growing, `/dev/zero` on standard input, or a text whose offsets would not fit
/// the parser's 32 bits. (An NDJSON stream itself may be of any length: it is read a block at
/// a time.)
public enum InputLimits {
    public static let maximumBytes = 256 << 20

    public static func tooLarge(_ limit: Int) -> IOFailure {
        IOFailure(
            message: "larger than \(limit >> 20) MiB; call-lint reads inputs up to that size (split it, or use NDJSON)")
    }
}
