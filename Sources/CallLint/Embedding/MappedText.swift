/// A text with where each of its bytes came from in the input: the input itself, or what a
/// reader took out of it (the body of a curl command, a fence's content, a dict as JSON).
/// Readers work on a mapped text and build another; the maps compose as they go, so a body
/// read out of a curl command inside a Markdown fence still maps to the pasted text.
public struct MappedText: Sendable {
    public let bytes: [UInt8]
    public let map: OffsetMap

    init(bytes: [UInt8], map: OffsetMap) {
        self.bytes = bytes
        self.map = map
    }

    /// No text at all.
    static let empty = MappedText(bytes: [], map: OffsetMap())

    /// The input itself.
    init(original bytes: [UInt8]) {
        self.init(bytes: bytes, map: .identity(count: bytes.count))
    }

    /// A stretch of this text, unchanged.
    func slice(_ range: Range<Int>) -> MappedText {
        var builder = MappedTextBuilder(base: self)
        builder.copy(range)
        return builder.text
    }
}

/// Builds a mapped text out of a base text: stretches copied as they are, and bytes written for
/// a stretch of the base (a decoded escape, a changed quote, an added one).
struct MappedTextBuilder {
    let base: MappedText
    fileprivate(set) var bytes: [UInt8] = []
    fileprivate var map = OffsetMap()

    init(base: MappedText) {
        self.base = base
    }

    var text: MappedText { MappedText(bytes: bytes, map: map) }

    /// Copies `range` of the base, keeping each byte's origin.
    mutating func copy(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        bytes += base.bytes[range]
        // The base's segments over the range, cut to it.
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard let segment = base.map.segment(holding: offset) else { break }
            let end = min(range.upperBound, segment.bodyEnd)
            let length = end - offset
            if segment.isCopy {
                map.append(
                    body: bytes.count - (range.upperBound - offset), bodyLength: length,
                    original: segment.original + (offset - segment.body), originalLength: length, isCopy: true)
            } else {
                map.append(
                    body: bytes.count - (range.upperBound - offset), bodyLength: length, original: segment.original,
                    originalLength: segment.originalLength, isCopy: false)
            }
            offset = end
        }
    }

    /// Writes `replacement` for `range` of the base (an empty range: an insertion there).
    mutating func write(_ replacement: some Collection<UInt8>, for range: Range<Int>) {
        let original = base.map.original(range)
        map.append(
            body: bytes.count, bodyLength: replacement.count, original: original.lowerBound,
            originalLength: original.count, isCopy: false)
        bytes += replacement
    }

    mutating func write(_ replacement: String, for range: Range<Int>) {
        write(Array(replacement.utf8), for: range)
    }
}

extension MappedTextBuilder {
    /// Appends a text built on the same base (a word of a command), keeping its origins.
    mutating func append(_ piece: MappedText) {
        bytes += piece.bytes
        map.append(contentsOf: piece.map, at: bytes.count - piece.bytes.count)
    }
}

extension OffsetMap {
    /// Appends another map's segments, moved to start at body offset `offset`.
    mutating func append(contentsOf other: OffsetMap, at offset: Int) {
        for segment in other.segments {
            append(
                body: segment.body + offset, bodyLength: segment.bodyLength, original: segment.original,
                originalLength: segment.originalLength, isCopy: segment.isCopy)
        }
    }
}

extension MappedText {
    /// The text from `offset` on, still mapped to the same input.
    func suffix(from offset: Int) -> MappedText {
        var map = OffsetMap()
        for segment in self.map.segments where segment.bodyEnd > offset {
            let cut = max(0, offset - segment.body)
            map.append(
                body: segment.body + cut - offset, bodyLength: segment.bodyLength - cut,
                original: segment.isCopy ? segment.original + cut : segment.original,
                originalLength: segment.isCopy ? segment.originalLength - cut : segment.originalLength,
                isCopy: segment.isCopy)
        }
        return MappedText(bytes: Array(bytes[min(offset, bytes.count)...]), map: map)
    }
}

extension MappedText {
    /// Edits on this text as edits on the input: each narrowed to the bytes it changes, which
    /// must have been copied unchanged from the input, and its replacement written as the input
    /// quotes text there. Nil when any edit cannot be made in the input.
    func inputEdits(_ edits: [TextEdit], quoting: ReplacementQuoting) -> [TextEdit]? {
        var moved: [TextEdit] = []
        for edit in edits {
            // Only what the edit changes need be copied unchanged (a key's escaped quotes
            // around a renamed key's letters are not).
            let narrowed = edit.narrowed(in: bytes)
            guard let range = map.verbatim(narrowed.range), let replacement = quoting.quote(narrowed.replacement)
            else { return nil }
            moved.append(TextEdit(range: range, replacement: replacement))
        }
        return moved.isEmpty ? nil : moved
    }
}

extension TextEdit {
    /// The edit without the bytes at its ends that it leaves as they are.
    func narrowed(in bytes: [UInt8]) -> TextEdit {
        guard range.upperBound <= bytes.count else { return self }
        let old = bytes[range]
        let new = Array(replacement.utf8)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[old.startIndex + prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.endIndex - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        // Whole characters only: a cut inside a UTF-8 sequence would not be text.
        while prefix > 0, prefix < new.count, new[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        while suffix > 0, new.count - suffix < new.count, new[new.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        return TextEdit(
            range: range.lowerBound + prefix..<range.upperBound - suffix,
            replacement: String(decoding: new[prefix..<new.count - suffix], as: UTF8.self))
    }
}
