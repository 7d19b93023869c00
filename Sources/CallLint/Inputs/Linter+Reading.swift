/// The one reading path from an input's text to the bodies it holds: a JSON document as
/// written, or a paste read as its format says (curl, HTTP, Markdown, code), or recognised.
/// Every driver's text reaches the rules through here and through `check(text:)`
/// (Engine/Linter+Texts.swift), which reads a body that is not JSON as written as a template.
extension Linter {
    /// Checks standard input or a file that is not .json: read as `format`, or, with `auto`,
    /// as what it turns out to be. JSON is tried first and a broken JSON text stays JSON: a
    /// paste is recognised by what JSON cannot start with (a curl command, a request line, a
    /// fence), and code by what surrounds a body in a program (declarations, imports, calls)
    /// or a literal's syntax that JSON does not have (single quotes, `None`, an unquoted key).
    public func check(paste source: SourceText, format: InputFormat, log: FixMappingLog? = nil) -> [Diagnostic] {
        // Parsed once: whether it is JSON decides how it is read, and JSON is then checked.
        let parsed = format == .auto || format == .json ? parser.parse(source) : nil
        switch reading(of: source, format: format, parsed: parsed) {
        case .document:
            return check(document: source, parsed: parsed ?? parser.parse(source))
        case .bodies(let bodies):
            return bodies.flatMap { check($0, in: source, log: log) }
        case .notFound:
            guard let severity = enabledSeverity(of: InvalidJSONRule.id) else { return [] }
            return [
                Diagnostic(
                    ruleID: InvalidJSONRule.id, severity: severity,
                    message: "--input-format \(format.rawValue): no \(format.noun) with a request body found",
                    range: 0..<0, pointer: "",
                    help: "check the input, or leave out --input-format to have it recognised")
            ]
        }
    }

    /// What a paste is read as.
    public enum PasteReading {
        /// A JSON document (a body, a template, a file of bodies), as written.
        case document
        case bodies([EmbeddedBody])
        /// Not of the forced format.
        case notFound
    }

    /// - Parameter parsed: the source parsed as JSON, when the caller has done so.
    public func reading(
        of source: SourceText, format: InputFormat, parsed: Result<JSONDocument, JSONSyntaxError>? = nil
    ) -> PasteReading {
        let text = MappedText(original: source.bytes)
        switch format {
        case .json:
            return .document
        case .auto:
            if case .success = parsed ?? parser.parse(source) { return .document }
            // Fences first: a post may quote a curl command and a body, each in its fence.
            if let bodies = PasteReaders.bodies(in: text, formats: [.markdown]) { return .bodies(bodies) }
            // A program whose docstring or comment shows a curl command is the program.
            if let language = CodeRecognition.clearLanguage(of: text.bytes) {
                return .bodies(CodeReader.bodies(in: text, language: language))
            }
            if let bodies = PasteReaders.bodies(in: text, formats: [.curl, .http]) { return .bodies(bodies) }
            // A template, or JSON with typographic quotes: not code.
            let readsAsTemplate = TemplateReading.read(text)?.renderings.contains { rendering in
                if case .success = parser.parse(self.source(of: rendering.text, in: source)) { return true }
                return false
            }
            if readsAsTemplate != true, let bodies = PasteReaders.bodies(in: text, formats: [.auto]) {
                return .bodies(bodies)
            }
            return .document
        case .markdown:
            // Without a fence: a curl command or request pasted as a paragraph, else prose, which
            // holds no body (a note, not JSON's syntax errors).
            return .bodies(
                PasteReaders.bodies(in: text, formats: [.markdown, .curl, .http])
                    ?? [.note("read Markdown; it has no code fence, so no request body to check", at: 0..<0)])
        case .curl, .http, .javascript, .typescript, .python, .csharp, .java, .go:
            return PasteReaders.bodies(in: text, formats: [format]).map { .bodies($0) } ?? .notFound
        }
    }
}
