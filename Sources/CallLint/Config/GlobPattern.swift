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

    static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            // ** matches zero or more whole segments.
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(head.unicodeScalars), Array(segment.unicodeScalars)) else {
            return false
        }
        return match(pattern.dropFirst(), path.dropFirst())
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
