/// How a client counts characters in a line: the protocol's `positionEncoding`. UTF-16 is the
/// protocol's default; UTF-8 (bytes) is taken when the client offers it, since the linter's
/// offsets are bytes already.
enum PositionEncoding: String {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// A zero-based line and character, in the session's encoding.
struct DocumentPosition: Equatable {
    let line: Int
    let character: Int
}

/// The lines of a document's bytes, for turning byte offsets into protocol positions and back.
/// Lines end at LF, CRLF or a lone CR, as the protocol says. Built once per version of the
/// text (linear), then each conversion costs the length of one line.
struct DocumentLines {
    let bytes: [UInt8]
    /// The offset each line starts at.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 10 {
                starts.append(index + 1)
            } else if byte == 13 {
                if index + 1 < count, bytes[index + 1] == 10 { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.starts = starts
    }

    /// Where a line's text ends (before its line break).
    func contentEnd(ofLine line: Int) -> Int {
        guard line + 1 < starts.count else { return bytes.count }
        var end = starts[line + 1]
        if end > starts[line], bytes[end - 1] == 10 { end -= 1 }
        if end > starts[line], bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// The line that holds a byte offset.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func position(of offset: Int, in encoding: PositionEncoding) -> DocumentPosition {
        let offset = max(0, min(offset, bytes.count))
        let line = line(of: offset)
        let start = starts[line]
        // An offset inside a line break, or past the line's text, is the end of the line's text.
        var end = min(offset, contentEnd(ofLine: line))
        switch encoding {
        case .utf8:
            // An offset inside a character's bytes is taken past the character, as UTF-16 counts it.
            let lineEnd = contentEnd(ofLine: line)
            while end < lineEnd, end > start, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return DocumentPosition(line: line, character: end - start)
        case .utf16:
            var units = 0
            var index = start
            while index < end {
                let byte = bytes[index]
                let length = Self.sequenceLength(byte)
                // A scalar beyond the Basic Multilingual Plane takes two UTF-16 units; a byte
                // that starts no valid sequence is shown as one replacement character.
                units += length == 4 ? 2 : 1
                index += length
            }
            return DocumentPosition(line: line, character: units)
        }
    }

    /// The byte offset of a position; a line past the end is the end, a character past the
    /// line's end is the line's end (as the protocol asks).
    func offset(of position: DocumentPosition, in encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < starts.count else { return bytes.count }
        let start = starts[position.line]
        let end = contentEnd(ofLine: position.line)
        let wanted = max(0, position.character)
        switch encoding {
        case .utf8:
            var offset = min(start + wanted, end)
            // Never inside a scalar's bytes.
            while offset > start, offset < end, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        case .utf16:
            var units = 0
            var index = start
            while index < end, units < wanted {
                let length = Self.sequenceLength(bytes[index])
                units += length == 4 ? 2 : 1
                index += length
            }
            return min(index, end)
        }
    }

    /// The length of the UTF-8 sequence a byte starts (1 for a byte that starts none).
    static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }
}
