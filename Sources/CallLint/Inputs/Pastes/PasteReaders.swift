/// The kinds of paste recognised in standard input and in files that are not .json: each
/// reader finds the request bodies in a text of its kind, or says it is not one.
enum PasteReaders {
    /// The bodies the first of `formats` finds. A code format, forced, always answers (a note
    /// when the program sends no body); `auto` reads code only when the text is a program or
    /// a literal with something JSON does not have.
    static func bodies(in text: MappedText, formats: [InputFormat]) -> [EmbeddedBody]? {
        for format in formats {
            let found: [EmbeddedBody]?
            switch format {
            case .curl: found = CurlCommand.bodies(in: text)
            case .http: found = HTTPRequest.bodies(in: text)
            case .markdown: found = MarkdownFences.bodies(in: text)
            case .javascript, .typescript, .python, .csharp, .java, .go:
                found = format.language.map { CodeReader.bodies(in: text, language: $0) }
            case .auto: found = code(in: text)
            case .json: found = nil
            }
            if let found { return found }
        }
        return nil
    }

    /// The bodies of a text that turns out to be code: a program, or a lone literal written in
    /// a language's syntax (a printed Python dict, an object with bare keys).
    static func code(in text: MappedText) -> [EmbeddedBody]? {
        guard let language = CodeRecognition.language(of: text.bytes) ?? CodeRecognition.literalLanguage(of: text.bytes)
        else { return nil }
        return CodeReader.bodies(in: text, language: language)
    }
}
