/// Path globs for per-path ignores: `*` matches within one path segment, `**` any number of
/// segments, `?` one character. A pattern without `/` matches the file name in any folder,
/// as in .gitignore.
public struct GlobPattern: Sendable, Equatable {
    public let pattern: String
    let segments: [Substring]
    let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        anchored = trimmed.contains("/")
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// `path` is relative to the configuration file's folder, with `/` separators.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if !anchored {
            guard let last = parts.last, let only = segments.first else { return false }
            return Self.matchSegment(Array(only.unicodeScalars), Array(last.unicodeScalars))
        }
        return Self.match(segments[...], parts[...])
    }

    /// Whether the segments match, by a table of which pattern suffixes match which path
    /// suffixes: time is the product of the two lengths however many `**` there are (trying
    /// each way a `**` can stretch, one after another, took exponential time).
    static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        let pattern = Array(pattern)
        let path = Array(path)
        let width = path.count + 1
        // matches[i * width + j]: pattern[i...] matches path[j...].
        var matches = [Bool](repeating: false, count: (pattern.count + 1) * width)
        matches[pattern.count * width + path.count] = true
        for i in stride(from: pattern.count - 1, through: 0, by: -1) {
            let scalars = pattern[i] == "**" ? [] : Array(pattern[i].unicodeScalars)
            for j in stride(from: path.count, through: 0, by: -1) {
                if pattern[i] == "**" {
                    // Zero segments, or one more.
                    matches[i * width + j] =
                        matches[(i + 1) * width + j] || (j < path.count && matches[i * width + j + 1])
                } else if j < path.count {
                    matches[i * width + j] =
                        matches[(i + 1) * width + j + 1] && matchSegment(scalars, Array(path[j].unicodeScalars))
                }
            }
        }
        return matches[0]
    }

    /// Wildcard match of one segment, iterative with backtracking to the last `*`.
    static func matchSegment(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                starText = t
                p += 1
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
