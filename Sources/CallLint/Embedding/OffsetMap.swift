/// Where each byte of a text taken out of a larger one came from: a request body found in a curl
/// command, unescaped from a JSON string, or translated from a Python dict. Findings on the body
/// are moved through it, so that the caret lands in what the user wrote.
///
/// The map is a list of segments in body order. A copied segment is the original's bytes as
/// they were, one for one; any other segment (an escape decoded, a quote changed, a quote added)
/// stands for its whole original range.
public struct OffsetMap: Sendable, Equatable {
    /// Stored in 32 bits (inputs are at most InputLimits.maximumBytes): a translated paste has
    /// a segment every few bytes, and at 64 bits the map alone took 30 times the paste.
    struct Segment: Sendable, Equatable {
        private let storedBody: Int32
        private let storedBodyLength: Int32
        private let storedOriginal: Int32
        private let storedOriginalLength: Int32
        /// The original's bytes, unchanged: offsets inside map one for one.
        let isCopy: Bool

        init(body: Int, bodyLength: Int, original: Int, originalLength: Int, isCopy: Bool) {
            storedBody = Int32(truncatingIfNeeded: body)
            storedBodyLength = Int32(truncatingIfNeeded: bodyLength)
            storedOriginal = Int32(truncatingIfNeeded: original)
            storedOriginalLength = Int32(truncatingIfNeeded: originalLength)
            self.isCopy = isCopy
        }

        /// Where the segment starts in the body, and how long it is there.
        var body: Int { Int(storedBody) }
        var bodyLength: Int { Int(storedBodyLength) }
        /// The original range it stands for.
        var original: Int { Int(storedOriginal) }
        var originalLength: Int { Int(storedOriginalLength) }

        var bodyEnd: Int { body + bodyLength }
        var originalEnd: Int { original + originalLength }
    }

    private(set) var segments: [Segment] = []
    /// Where the body's end falls in the original.
    private(set) var originalEnd = 0

    /// The identity on a text of `count` bytes.
    static func identity(count: Int) -> OffsetMap {
        var map = OffsetMap()
        map.append(body: 0, bodyLength: count, original: 0, originalLength: count, isCopy: true)
        return map
    }

    var bodyLength: Int { segments.last?.bodyEnd ?? 0 }

    /// Whether the body is its original, byte for byte, from the start.
    var isIdentity: Bool {
        segments.count <= 1 && (segments.first.map { $0.isCopy && $0.original == 0 } ?? true)
    }

    mutating func append(body: Int, bodyLength: Int, original: Int, originalLength: Int, isCopy: Bool) {
        if isCopy, let last = segments.last, last.isCopy, last.bodyEnd == body, last.originalEnd == original {
            segments[segments.count - 1] = Segment(
                body: last.body, bodyLength: last.bodyLength + bodyLength, original: last.original,
                originalLength: last.originalLength + originalLength, isCopy: true)
        } else if bodyLength > 0 || originalLength > 0 {
            segments.append(
                Segment(
                    body: body, bodyLength: bodyLength, original: original, originalLength: originalLength,
                    isCopy: isCopy))
        }
        originalEnd = original + originalLength
    }

    /// The segment that holds body offset `offset`: the first that ends after it, passing over
    /// segments that stand for removed text.
    func segmentIndex(holding offset: Int) -> Int? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].bodyEnd <= offset { low = middle + 1 } else { high = middle }
        }
        return low < segments.count ? low : nil
    }

    func segment(holding offset: Int) -> Segment? { segmentIndex(holding: offset).map { segments[$0] } }

    /// Where a body offset falls in the original.
    public func original(_ offset: Int) -> Int {
        guard offset < bodyLength, let index = segmentIndex(holding: offset) else {
            return offset >= bodyLength ? originalEnd : (segments.first?.original ?? 0)
        }
        let segment = segments[index]
        return segment.isCopy ? segment.original + (offset - segment.body) : segment.original
    }

    /// The original range a body range stands for: from its first byte's start to its last
    /// byte's end.
    public func original(_ range: Range<Int>) -> Range<Int> {
        let lower = original(range.lowerBound)
        guard !range.isEmpty, let index = segmentIndex(holding: range.upperBound - 1) else { return lower..<lower }
        let segment = segments[index]
        let upper = segment.isCopy ? segment.original + (range.upperBound - segment.body) : segment.originalEnd
        return lower..<max(lower, upper)
    }

    /// The original range of a body range that is copied unchanged, byte for byte, so that an
    /// edit there can be made in the original; nil when any of it was changed on the way.
    func verbatim(_ range: Range<Int>) -> Range<Int>? {
        if range.isEmpty {
            // An insertion: at or just after a copied byte.
            // The segment holding the position, or the one ending just before it.
            let candidates = [segmentIndex(holding: range.lowerBound), segmentIndex(holding: range.lowerBound - 1)]
            for case let index? in candidates {
                let segment = segments[index]
                if segment.isCopy, segment.body <= range.lowerBound, range.lowerBound <= segment.bodyEnd {
                    let position = segment.original + (range.lowerBound - segment.body)
                    return position..<position
                }
            }
            return nil
        }
        guard range.lowerBound >= 0, range.upperBound <= bodyLength,
            var index = segmentIndex(holding: range.lowerBound)
        else { return nil }
        let start = segments[index]
        guard start.isCopy else { return nil }
        let lower = start.original + (range.lowerBound - start.body)
        var expected = start.originalEnd
        while segments[index].bodyEnd < range.upperBound {
            index += 1
            guard index < segments.count, segments[index].isCopy, segments[index].original == expected else {
                return nil
            }
            expected = segments[index].originalEnd
        }
        return lower..<lower + range.count
    }
}
