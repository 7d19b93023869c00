/// The kinds of paste recognised in standard input and in files that are not .json: each
/// reader finds the request bodies in a text of its kind, or says it is not one.
enum PasteReaders {
    /// What a fence's content may be besides a body (`.python` reads a code literal of either
    /// language when not forced).
    static let insideFences: [InputFormat] = [.curl, .http, .python]

    /// The bodies the first of `formats` finds; python and javascript, unless forced, only in
    /// a text with something JSON does not have.
    static func bodies(in text: MappedText, formats: [InputFormat], forced: Bool = false) -> [EmbeddedBody]? {
        for format in formats {
            let found: [EmbeddedBody]?
            switch format {
            case .curl: found = CurlCommand.bodies(in: text)
            case .http: found = HTTPRequest.bodies(in: text)
            case .markdown: found = MarkdownFences.bodies(in: text)
            case .python: found = CodeLiteral.bodies(in: text, language: forced ? .python : nil)
            case .javascript: found = CodeLiteral.bodies(in: text, language: forced ? .javascript : nil)
            case .auto, .json: found = nil
            }
            if let found { return found }
        }
        return nil
    }
}
