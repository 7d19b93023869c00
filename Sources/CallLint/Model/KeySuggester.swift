/// "Did you mean": finds the model field a mistyped key was meant to be.
public enum KeySuggester {
    public enum Match: Equatable, Sendable {
        /// Same letters, other case or separators (`phone_number`, `callerID`): certainly meant.
        case spelling(String)
        /// A near miss by edit distance: probably meant.
        case typo(String)

        public var field: String {
            switch self {
            case .spelling(let field), .typo(let field): return field
            }
        }
    }

    /// Names to suggest from, sorted and normalized once: the model's field lists are asked
    /// about for every unknown key of every body.
    public struct Candidates: Sendable {
        let names: [(field: String, normalized: [Unicode.Scalar])]

        public init(_ fields: some Sequence<String>) {
            names = fields.sorted().map { ($0, Array(KeySuggester.normalize($0).unicodeScalars)) }
        }
    }

    public static func suggest(_ key: String, among fields: some Sequence<String>) -> Match? {
        suggest(key, among: Candidates(fields))
    }

    public static func suggest(_ key: String, among candidates: Candidates) -> Match? {
        let normalizedKey = Array(normalize(key).unicodeScalars)
        let allowed = normalizedKey.count <= 4 ? 1 : normalizedKey.count <= 8 ? 2 : 3
        var best: (field: String, distance: Int)?
        for (field, normalized) in candidates.names {
            if normalized == normalizedKey { return .spelling(field) }
            // The distance is at least the difference in length: too far to be a typo.
            guard abs(normalized.count - normalizedKey.count) <= allowed else { continue }
            let distance = editDistance(normalizedKey, normalized)
            if best == nil || distance < best!.distance { best = (field, distance) }
        }
        guard let best, best.distance <= allowed else { return nil }
        return .typo(best.field)
    }

    /// Lowercase with `_`, `-` and spaces removed.
    static func normalize(_ key: String) -> String {
        String(key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Optimal string alignment distance (Damerau-Levenshtein without repeated edits).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
