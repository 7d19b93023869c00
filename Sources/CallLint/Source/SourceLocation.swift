/// A position a person can find in an editor: 1-based line, 1-based column counted in Unicode
/// scalars (what editors show), plus the byte offset it came from.
public struct SourceLocation: Equatable, Hashable, Sendable {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}
