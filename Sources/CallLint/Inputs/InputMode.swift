/// How an input holds request bodies, decided once per input: a document is one body (or a
/// file of them), a paste is read as its format says (`auto`: as it turns out to be), NDJSON
/// holds one body per line, `--array` a JSON array of bodies. Each mode has one driver.
public enum InputMode: Sendable, Equatable {
    case document
    case paste(InputFormat)
    case ndjson, array

    /// The mode for an input's name: `--input-format` when given; `--ndjson` or an
    /// `.ndjson`/`.jsonl` name; `--array`; a `.json` name is a document as written; a code
    /// file (`.js`, `.ts`, `.py`, `.cs`, `.java`, `.go`) is read as its language; anything else
    /// (standard input, a `.txt`, `.sh`, `.md` file) is a paste, recognised.
    public static func of(
        name: String, forceNDJSON: Bool, array: Bool, format: InputFormat = .auto, isStandardInput: Bool = false
    ) -> InputMode {
        if format == .json { return .document }
        if format != .auto { return .paste(format) }
        if forceNDJSON || hasNDJSONExtension(name) { return .ndjson }
        if array { return .array }
        if isStandardInput { return .paste(.auto) }
        if hasSuffix(name, ".json") { return .document }
        if hasSuffix(name, ".md") || hasSuffix(name, ".markdown") { return .paste(.markdown) }
        // A program named on the command line (a folder walk takes payload files only).
        return .paste(InputFormat.code(fileName: name) ?? .auto)
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
        case .document: return DocumentDriver(format: .json)
        case .paste(let format): return DocumentDriver(format: format)
        case .ndjson: return NDJSONDriver()
        case .array: return ArrayDriver()
        }
    }
}
