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

    static func hasNDJSONExtension(_ name: String) -> Bool {
        let bytes = name.utf8
        return [".ndjson", ".jsonl"].contains { suffix in
            bytes.count >= suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
    }

    public var driver: any InputDriver {
        switch self {
        case .document: return DocumentDriver()
        case .ndjson: return NDJSONDriver()
        case .array: return ArrayDriver()
        }
    }
}
