/// Reads the request bodies a program's source sends (CodeBodyFinder), each written as the JSON
/// it sends (CodeBodyWriter) and mapped back into the source. A program with no body draws one
/// note saying what was looked for, never a JSON syntax error: code is not JSON.
enum CodeReader {
    static func bodies(in text: MappedText, language: CodeLanguage) -> [EmbeddedBody] {
        let tokens = CodeTokens(text.bytes, lexicon: language.lexicon)
        let program = CodeProgram(tokens: tokens, language: language)
        let found = CodeBodyFinder(program: program).bodies()
        guard !found.isEmpty else {
            let note =
                "read \(language.displayName); found no request body for POST /api/v2/conversations/calls in it "
                + "(no SDK call such as postConversationsCalls, no request to the calls path, no object with a "
                + "call's fields); to check a body built elsewhere, pass the body itself as JSON"
            return [.note(note, at: text.map.original(0..<0))]
        }
        return found.map { body in
            var writer = CodeBodyWriter(program: program, base: text)
            switch body.source {
            case .object(let open, let extra): writer.writeObject(open: open, extra: extra, depth: 0)
            case .model(let build): writer.writeModel(build, depth: 0)
            case .value(let range): writer.writeValue(range, depth: 0)
            }
            let anchor = tokens[body.anchor].range
            let noteRange = text.map.original(anchor.lowerBound..<min(anchor.upperBound, anchor.lowerBound + 1))
            let spelling =
                writer.spellings.isEmpty
                ? nil : FieldSpelling(written: writer.spellings, style: style(of: body, language))
            return EmbeddedBody(
                text: writer.builder.text,
                note: "read \(language.displayName); checked \(body.description)",
                noteRange: noteRange, quoting: language == .python ? .python : .plain,
                templateValues: writer.templateValues, spelling: spelling, isCode: true)
        }
    }

    private static func style(of body: CodeBodyFinder.Found, _ language: CodeLanguage) -> FieldSpellingStyle {
        guard case .model = body.source else { return .camel }
        switch language {
        case .csharp, .go: return .pascal
        case .python: return .snake
        case .java, .javascript, .typescript: return .camel
        }
    }
}

/// How the code a body was read from writes the JSON names that findings quote: `PhoneNumber`
/// in C#, `phone_number` in Python's SDK. Messages name a field as the user wrote it.
struct FieldSpelling: Sendable {
    /// The names this body writes differently, by JSON name.
    let written: [String: String]
    /// How the language writes any other field a message suggests.
    let style: FieldSpellingStyle

    /// A message with each quoted field name (`"callerId"`, `` `callerId` ``) as the code writes it.
    func apply(to message: String) -> String {
        var result = ""
        var rest = Substring(message)
        while let quote = rest.firstIndex(where: { $0 == "\"" || $0 == "`" }) {
            result += rest[..<quote]
            let mark = rest[quote]
            let afterQuote = rest.index(after: quote)
            guard let close = rest[afterQuote...].firstIndex(of: mark) else {
                rest = rest[quote...]
                break
            }
            let name = String(rest[afterQuote..<close])
            result.append(mark)
            result += spelled(name)
            result.append(mark)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private func spelled(_ name: String) -> String {
        if let written = written[name] { return written }
        let isField = CallRequestModel.requestFields[name] != nil || CallRequestModel.destinationFields[name] != nil
        return isField ? style.written(name) : name
    }
}
