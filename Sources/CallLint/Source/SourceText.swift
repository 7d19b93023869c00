/// The bytes of one input, and the lazily built table that turns byte offsets into lines and
/// columns. Nothing is decoded up front: the parser and the rules work on bytes, and only the
/// diagnostics that are printed ask for a line and column.
public final class SourceText {
    public let name: String
    public let bytes: [UInt8]
    private var lineStartTable: [Int]?

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// Offsets where each line begins; line N (1-based) starts at `lineStarts[N - 1]`.
    public var lineStarts: [Int] {
        if let table = lineStartTable { return table }
        var table = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") {
                table.append(index + 1)
            }
        }
        lineStartTable = table
        return table
    }

    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let starts = lineStarts
        // Binary search for the last line start <= offset.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let lineStart = starts[low]
        var column = 1
        var index = lineStart
        while index < clamped {
            // Continuation bytes (10xxxxxx) do not start a scalar.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: low + 1, column: column, offset: clamped)
    }

    /// The byte range of a line's text, without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        let starts = lineStarts
        guard line >= 1, line <= starts.count else { return bytes.count..<bytes.count }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    public var lineCount: Int { lineStarts.count }

    /// Text of a byte range; invalid UTF-8 shows as U+FFFD rather than failing.
    public func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
