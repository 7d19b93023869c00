/// Where a stretch of text begins in its file: the bytes and lines before it. A whole file
/// begins at `.start`; a block of an NDJSON stream further on.
public struct SourceOrigin: Equatable, Sendable {
    public let offset: Int
    public let linesBefore: Int

    public init(offset: Int, linesBefore: Int) {
        self.offset = offset
        self.linesBefore = linesBefore
    }

    public static let start = SourceOrigin(offset: 0, linesBefore: 0)
}
