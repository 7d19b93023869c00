/// Path globs for per-path ignores: `*` matches within one path segment, `**` any number of
/// segments, `?` one character. A pattern without `/` matches the file name in any folder,
/// as in .gitignore.
public struct GlobPattern: Sendable, Equatable {
    public let pattern: String
    let wildcard: WildcardPattern?
    let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        anchored = trimmed.contains("/")
        wildcard = WildcardPattern(Array(trimmed.utf8)[...], syntax: .glob)
    }

    public static func == (a: GlobPattern, b: GlobPattern) -> Bool { a.pattern == b.pattern }

    /// `path` is relative to the configuration file's folder, with `/` separators.
    public func matches(_ path: String) -> Bool {
        guard let wildcard else { return false }
        let bytes = Array(path.utf8)
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        if !anchored {
            guard let last = parts.last, let only = wildcard.segments.first else { return false }
            guard case .tokens(let tokens) = only else { return true }
            return wildcard.matches(tokens, last)
        }
        return wildcard.matches(parts: parts)
    }
}
