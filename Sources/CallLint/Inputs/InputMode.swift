/// How an input holds request bodies, decided once per input: a document is one body, NDJSON
/// one body per line, `--array` a JSON array of bodies. Each mode has one driver.
public enum InputMode: Sendable {
    case document, ndjson, array

    /// The mode for an input's name: `--ndjson` or an `.ndjson`/`.jsonl` name, else `--array`,
    /// else a document.
    public static func of(name: String, forceNDJSON: Bool, array: Bool) -> InputMode {
        if forceNDJSON || hasNDJSONExtension(name) { return .ndjson }
        return array ? .array : .document
    }

    public static func hasNDJSONExtension(_ name: String) -> Bool {
        hasSuffix(name, ".ndjson") || hasSuffix(name, ".jsonl")
    }

    /// A byte-wise suffix test (String.hasSuffix compares by Unicode equivalence).
    public static func hasSuffix(_ name: String, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let bytes = name.utf8
        guard bytes.count >= count else { return false }
        var index = bytes.index(bytes.endIndex, offsetBy: -count)
        for offset in 0..<count {
            guard bytes[index] == suffix.utf8Start[offset] else { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    public var driver: any InputDriver {
        switch self {
        case .document: return DocumentDriver()
        case .ndjson: return NDJSONDriver()
        case .array: return ArrayDriver()
        }
    }
}
