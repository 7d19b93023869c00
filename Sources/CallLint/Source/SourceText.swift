import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The bytes of one input, or of one stretch of it (a block of an NDJSON stream), and the
/// lazily built table that turns byte offsets into lines and columns. Nothing is decoded up
/// front: the parser and the rules work on bytes, and only the diagnostics that are printed ask
/// for a line and column.
///
/// Offsets into `bytes` are the stretch's own; `origin` says where the stretch begins in its
/// file, and every line, column and offset handed out (`location(of:)`, `fileOffset(_:)`) is
/// the file's. That is the one place positions are moved into the file's terms.
public final class SourceText: Sendable {
    public let name: String
    public let bytes: [UInt8]
    public let origin: SourceOrigin
    /// For a body taken out of a larger text (a curl command, a JSON string): that text, and
    /// where each byte came from. Positions the body's messages name are then the input's.
    public let embedding: Embedding?

    public struct Embedding: Sendable {
        public let input: SourceText
        public let map: OffsetMap
    }
    /// Line starts, found only as far into the text as positions have been asked for: one
    /// diagnostic near the top of a large file does not scan all of it. Guarded, because the
    /// elements of one large input are checked on several threads at once.
    private let lineTable = Mutex(LineTable())

    struct LineTable {
        var starts = [0]
        /// Bytes before this offset have been scanned for line breaks.
        var scanned = 0
        /// The last position worked out: diagnostics come in order, so the next column is
        /// counted on from here rather than from the start of a (possibly huge) line.
        var cursor = SourceLocation(line: 1, column: 1, offset: 0)
        /// Columns known at points along long lines, in order of offset: a position far into a
        /// megabyte-long line is counted from the nearest one before it, not from the line's
        /// start (100,000 notes pointing back into one line would count it 100,000 times).
        var anchors: [SourceLocation] = []
        /// Whether the text has a carriage return not followed by a line feed (old Mac line
        /// endings): then such a CR also ends a line. Worked out on the first scan.
        var loneCarriageReturns: Bool?
    }

    static let anchorSpacing = 4096

    public init(name: String, bytes: [UInt8], origin: SourceOrigin = .start, embedding: Embedding? = nil) {
        self.name = name
        self.bytes = bytes
        self.origin = origin
        self.embedding = embedding
    }

    /// An offset of this text as an offset of its file.
    public func fileOffset(_ offset: Int) -> Int { offset + origin.offset }

    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// Line starts up to (and including the line that holds) `offset`.
    func lineStarts(through offset: Int) -> [Int] {
        lineTable.withLock { table in
            scan(&table, through: offset)
            return table.starts
        }
    }

    private func scan(_ table: inout LineTable, through offset: Int) {
        let target = min(bytes.count, offset + 1)
        guard table.scanned < target else { return }
        bytes.withUnsafeBufferPointer { buffer in
            if table.loneCarriageReturns == nil { table.loneCarriageReturns = Self.hasLoneCarriageReturn(buffer) }
            var index = table.scanned
            if table.loneCarriageReturns == true {
                while index < target {
                    let byte = buffer[index]
                    if byte == UInt8(ascii: "\n") || Self.isLoneCarriageReturn(buffer, at: index) {
                        table.starts.append(index + 1)
                    }
                    index += 1
                }
                return
            }
            while index < target, let newline = Self.nextNewline(buffer, from: index, to: target) {
                table.starts.append(newline + 1)
                index = newline + 1
            }
        }
        table.scanned = target
    }

    /// Whether a carriage return not followed by a line feed is anywhere in the text: looked
    /// for from one CR to the next, which memchr finds many bytes per step.
    static func hasLoneCarriageReturn(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let found = next(UInt8(ascii: "\r"), in: buffer, from: index, to: buffer.count) {
            if isLoneCarriageReturn(buffer, at: found) { return true }
            index = found + 1
        }
        return false
    }

    /// A carriage return at `index` with no line feed after it.
    static func isLoneCarriageReturn(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        buffer[index] == UInt8(ascii: "\r") && (index + 1 == buffer.count || buffer[index + 1] != UInt8(ascii: "\n"))
    }

    static func isLineBreak(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    /// The offset of the first line break in `start..<end`. memchr reads many bytes per step;
    /// the line table of a 50 MB input is built on the output thread, in line with the run.
    static func nextNewline(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        next(UInt8(ascii: "\n"), in: buffer, from: start, to: end)
    }

    /// The offset of the first `target` byte in `start..<end`.
    static func next(_ target: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        #if canImport(Glibc)
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(target), end - start)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        #else
            return buffer[start..<end].firstIndex(of: target)
        #endif
    }

    /// Offsets where each line begins; line N (1-based) starts at `lineStarts[N - 1]`.
    public var lineStarts: [Int] { lineStarts(through: bytes.count) }

    public func location(of offset: Int) -> SourceLocation {
        if let embedding { return embedding.input.location(of: embedding.map.original(offset)) }
        let clamped = max(0, min(offset, bytes.count))
        return lineTable.withLock { table in
            scan(&table, through: clamped)
            let starts = table.starts
            // Diagnostics come in order, so the offset is nearly always on the last line
            // scanned; otherwise a binary search finds the last line start <= offset.
            var line = starts.count - 1
            if starts[line] > clamped {
                var low = 0
                var high = line
                while low < high {
                    let middle = (low + high + 1) / 2
                    if starts[middle] <= clamped { low = middle } else { high = middle - 1 }
                }
                line = low
            }
            let lineStart = starts[line]
            var column = 1
            var index = lineStart
            if table.cursor.line == line + 1, table.cursor.offset <= clamped, table.cursor.offset >= lineStart {
                column = table.cursor.column
                index = table.cursor.offset
            }
            if clamped - index > Self.anchorSpacing,
                let anchor = Self.lastAnchor(in: table.anchors, atOrBefore: clamped),
                anchor.line == line + 1, anchor.offset > index
            {
                column = anchor.column
                index = anchor.offset
            }
            bytes.withUnsafeBufferPointer { buffer in
                var nextAnchor = index + Self.anchorSpacing
                while index < clamped {
                    // A scalar starts at every byte but a continuation byte (10xxxxxx): counted
                    // eight bytes at a time in one word, up to the next anchor.
                    let stop = min(clamped, nextAnchor)
                    while index + 8 <= stop {
                        let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                        column += 8 - continuation.nonzeroBitCount
                        index += 8
                    }
                    while index < stop {
                        if buffer[index] & 0xC0 != 0x80 { column += 1 }
                        index += 1
                    }
                    if index == nextAnchor {
                        nextAnchor += Self.anchorSpacing
                        if index > (table.anchors.last?.offset ?? -1), index < clamped, buffer[index] & 0xC0 != 0x80 {
                            table.anchors.append(SourceLocation(line: line + 1, column: column, offset: index))
                        }
                    }
                }
            }
            let location = SourceLocation(line: line + 1, column: column, offset: clamped)
            table.cursor = location
            return SourceLocation(line: line + 1 + origin.linesBefore, column: column, offset: clamped + origin.offset)
        }
    }

    static func lastAnchor(in anchors: [SourceLocation], atOrBefore offset: Int) -> SourceLocation? {
        var low = 0
        var high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? anchors[low - 1] : nil
    }

    /// Where a line of the file (1-based) begins in this text; the position must have been
    /// located first.
    public func lineStart(_ fileLine: Int) -> Int {
        let line = fileLine - origin.linesBefore
        let starts = lineStarts(through: 0)
        return line >= 1 && line <= starts.count
            ? starts[line - 1] : lineStarts[max(0, min(line, lineStarts.count) - 1)]
    }

    /// Where the line holding `offset` ends (before its line break), looking no further than
    /// `limit`; nil when the line goes on past it.
    public func lineEnd(after offset: Int, limit: Int) -> Int? {
        var index = offset
        let stop = min(bytes.count, limit)
        while index < stop {
            if Self.isLineBreak(bytes[index]) { return index }
            index += 1
        }
        return index == bytes.count ? index : nil
    }

    /// The byte range of a line's text (a line of the file), without its line break.
    public func lineRange(_ fileLine: Int) -> Range<Int> {
        let line = fileLine - origin.linesBefore
        var starts = lineStarts(through: 0)
        if line > starts.count { starts = lineStarts }
        guard line >= 1, line <= starts.count else { return bytes.count..<bytes.count }
        let start = starts[line - 1]
        // The line ends at the next line break, which may lie past what has been scanned.
        var end = start
        while end < bytes.count, !Self.isLineBreak(bytes[end]) { end += 1 }
        return start..<max(start, end)
    }

    /// Text of a byte range; invalid UTF-8 shows as U+FFFD rather than failing.
    public func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
