import CallLint

/// A document the client has open: its text as the client last sent it, and what the linter
/// found in it. The client's text is what is checked, saved or not.
struct OpenDocument {
    let uri: String
    /// The file's path, for `file:` URIs: it decides how the text is read (by its extension)
    /// and which configuration applies.
    let path: String?
    var version: Int?
    private(set) var lines: DocumentLines
    var findings: [DocumentFinding] = []

    var bytes: [UInt8] { lines.bytes }

    init(uri: String, version: Int?, text: [UInt8]) {
        self.uri = uri
        path = DocumentURI.path(of: uri)
        self.version = version
        lines = DocumentLines(text)
    }

    /// The client's language for the text (`json`, `python`): what an unsaved document is read as.
    var languageID: String?

    /// The name the text is read by: the path, or for a document with none (`untitled:Untitled-1`)
    /// the URI's last part, with the extension of the client's language when it has none.
    var name: String {
        if let path { return path }
        let last = uri.split(separator: "/").last.map(String.init) ?? uri
        let name = DocumentURI.percentDecoded(last) ?? last
        guard !name.contains("."), let languageID, let suffix = Self.extensions[languageID] else { return name }
        return name + suffix
    }

    static let extensions = [
        "json": ".json", "jsonc": ".json", "javascript": ".js", "typescript": ".ts", "python": ".py",
        "csharp": ".cs", "java": ".java", "go": ".go", "markdown": ".md", "shellscript": ".sh",
    ]

    /// Applies one entry of `contentChanges`: the whole text, or a range replaced.
    /// - Returns: false when the change is not one the protocol allows.
    mutating func apply(_ change: JSONTree, encoding: PositionEncoding) -> Bool {
        guard let text = change["text"]?.string else { return false }
        guard let range = change["range"] else {
            lines = DocumentLines(Array(text.utf8))
            return true
        }
        guard let start = DocumentPosition(range["start"]), let end = DocumentPosition(range["end"]) else {
            return false
        }
        var lower = lines.offset(of: start, in: encoding)
        var upper = lines.offset(of: end, in: encoding)
        if upper < lower { swap(&lower, &upper) }
        var bytes = lines.bytes
        bytes.replaceSubrange(lower..<upper, with: Array(text.utf8))
        lines = DocumentLines(bytes)
        return true
    }
}

extension DocumentPosition {
    init?(_ value: JSONTree?) {
        guard let line = value?["line"]?.integer, let character = value?["character"]?.integer else { return nil }
        self.init(line: line, character: character)
    }

    var value: JSONTree { ["line": .int(line), "character": .int(character)] }
}

/// `file:` URIs and paths.
enum DocumentURI {
    /// The path of a `file:` URI (`file:///a/b%20c.json`, `file://localhost/a`), or nil.
    static func path(of uri: String) -> String? {
        let lowered = uri.prefix(7).lowercased()
        guard lowered == "file://" else { return nil }
        var rest = Substring(uri.dropFirst(7))
        if rest.hasPrefix("localhost/") { rest = rest.dropFirst("localhost".count) }
        guard rest.hasPrefix("/") else { return nil }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        guard let path = percentDecoded(String(rest)), !path.utf8.contains(0) else { return nil }
        return path
    }

    /// A path as a `file:` URI: bytes outside the unreserved set and `/` are percent-encoded.
    static func uri(of path: String) -> String {
        var text = "file://"
        for byte in path.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return text
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    /// `%XX` escapes decoded; nil when an escape is broken. Bytes that are not UTF-8 keep
    /// their bytes, as the command line keeps a file name's (FileName).
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(JSONStringDecoder.hexDigit),
                let low = iterator.next().flatMap(JSONStringDecoder.hexDigit)
            else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return FileName.decode(bytes)
    }
}
