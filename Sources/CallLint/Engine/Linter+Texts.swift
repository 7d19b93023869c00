/// Checking a text that should be one request body: the document a driver read, or a body
/// found inside an input (EmbeddedBody). Strict JSON first; a text that is not JSON as written
/// is read again as a template (TemplateReading), so that placeholders, directive lines and
/// typographic quotes and spaces do not hide the body's real mistakes. Findings on a body
/// taken out of its input are moved into the input's offsets here, and only here.
extension Linter {
    /// Checks a whole document: a request body, or a file that holds request bodies (a data
    /// action, a Postman collection, a HAR capture).
    public func check(document source: SourceText) -> [Diagnostic] {
        check(document: source, parsed: parser.parse(source))
    }

    /// - Parameter parsed: the source parsed as JSON, done once by the caller.
    func check(document source: SourceText, parsed: Result<JSONDocument, JSONSyntaxError>) -> [Diagnostic] {
        // Most documents are bodies as written: no map built.
        if case .success(let document) = parsed,
            document.root.kind != .object || !BodyContainers.hasContainerKey(document.root)
        {
            return check(body: document.root)
        }
        return check(
            text: MappedText(original: source.bytes), in: source, quoting: .plain, lookForContainers: true,
            parsed: parsed)
    }

    /// Checks a body that is part of an input (an NDJSON line, an `--array` element) and does not
    /// parse as written: read as any body is, as a template or with typographic quotes, so that
    /// it draws the findings it would draw as a `.json` file of its own.
    func check(unparsed range: Range<Int>, in input: SourceText, error: JSONSyntaxError) -> [Diagnostic] {
        // Most broken bodies have nothing a template or a typographic reading changes: no `{{`,
        // `$`, `#`, `<`, no character beyond ASCII. They are reported as parsed, without a copy.
        let bytes = input.bytes
        let mayReadOtherwise = range.contains { index in
            let byte = bytes[index]
            return byte >= 0x80 || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "<")
                || (byte == UInt8(ascii: "{") && index + 1 < range.upperBound && bytes[index + 1] == byte)
        }
        guard mayReadOtherwise else { return check(syntaxError: error, in: input) }
        let text = MappedText(original: input.bytes).slice(range)
        guard TemplateReading.read(text) != nil else { return check(syntaxError: error, in: input) }
        return check(text: text, in: input, quoting: .plain)
    }

    /// Checks a body found in an input: the note that says what was read, then its findings.
    public func check(_ body: EmbeddedBody, in input: SourceText, log: FixMappingLog? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let note = body.note, let severity = enabledSeverity(of: EmbeddedBodyRule.id) {
            diagnostics.append(
                Diagnostic(
                    ruleID: EmbeddedBodyRule.id, severity: severity, message: note, range: body.noteRange, pointer: ""))
        }
        guard body.hasBody else { return diagnostics }
        return diagnostics
            + check(
                text: body.text, in: input, quoting: body.quoting, templateValues: body.templateValues,
                spelling: body.spelling, log: log)
    }

    func enabledSeverity(of id: String) -> Severity? {
        settings.isEnabled(id) ? severity(of: id) : nil
    }

    /// - Parameters:
    ///   - lookForContainers: whether a JSON text may be a file of bodies rather than a body
    ///     (true for a document; a body found in a container is a body).
    ///   - parsed: the text already parsed, when it is the input itself.
    func check(
        text: MappedText, in input: SourceText, quoting: ReplacementQuoting, templateValues: Set<Int> = [],
        spelling: FieldSpelling? = nil, lookForContainers: Bool = false, log: FixMappingLog? = nil,
        parsed: Result<JSONDocument, JSONSyntaxError>? = nil
    ) -> [Diagnostic] {
        let source = self.source(of: text, in: input)
        let syntaxError: JSONSyntaxError
        switch parsed ?? parser.parse(source) {
        case .success(let document):
            if lookForContainers, let bodies = BodyContainers.bodies(in: document, text: text) {
                return bodies.flatMap { check($0, in: input, log: log) }
            }
            document.templateValueStarts = templateValues
            return check(body: document.root).map {
                moved($0, in: text, quoting: quoting, spelling: spelling, log: log)
            }
        case .failure(let error):
            syntaxError = error
        }
        guard let reading = TemplateReading.read(text) else {
            return check(syntaxError: syntaxError, in: source).map {
                moved($0, in: text, quoting: quoting, spelling: spelling, log: log)
            }
        }
        var diagnostics: [Diagnostic] = []
        if let severity = enabledSeverity(of: TypographicSyntaxRule.id),
            let typographic = TypographicSyntaxRule.diagnostic(
                for: reading.typographic, in: text, quoting: quoting, severity: severity)
        {
            diagnostics.append(typographic)
        }
        // Each rendering's findings, once: most are the same in every rendering.
        var found: [Diagnostic] = []
        var seen = Set<FindingKey>()
        for rendering in reading.renderings {
            let renderedSource = self.source(of: rendering.text, in: input)
            let renderedDiagnostics: [Diagnostic]
            switch parser.parse(renderedSource) {
            case .success(let document):
                document.templateValueStarts = rendering.templateValues
                renderedDiagnostics = check(body: document.root)
            case .failure(let error):
                renderedDiagnostics = check(syntaxError: error, in: renderedSource)
            }
            for diagnostic in renderedDiagnostics {
                let moved = moved(diagnostic, in: rendering.text, quoting: quoting, spelling: spelling, log: log)
                // The same finding in two renderings differs at most in what it points to besides.
                let key = FindingKey(ruleID: moved.ruleID, range: moved.range, message: moved.message)
                if seen.insert(key).inserted { found.append(moved) }
            }
        }
        if let severity = enabledSeverity(of: EmbeddedBodyRule.id) {
            for block in reading.uncheckedBlocks {
                var line = block.range
                while line.count > 0, [0x0A, 0x0D].contains(text.bytes[line.upperBound - 1]) {
                    line = line.lowerBound..<(line.upperBound - 1)
                }
                let note =
                    "branches \(block.checked + 1) to \(block.branches) of this block were not checked: a template "
                    + "is rendered once per branch, at most \(block.checked) times for one this long"
                found.append(
                    Diagnostic(
                        ruleID: EmbeddedBodyRule.id, severity: severity, message: note, range: text.map.original(line),
                        pointer: ""))
            }
        }
        if reading.renderings.count > 1 || !reading.uncheckedBlocks.isEmpty {
            found.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return diagnostics + found
    }

    /// The source a text is parsed as: the input itself when the text is the input unchanged,
    /// else the text, whose positions the input's lines and columns name.
    func source(of text: MappedText, in input: SourceText) -> SourceText {
        if text.map.isIdentity, text.bytes.count == input.bytes.count { return input }
        return SourceText(name: input.name, bytes: text.bytes, embedding: .init(input: input, map: text.map))
    }

    /// A diagnostic on a text, moved into its input: ranges through the map, and a fix only
    /// when each of its edits falls on text copied unchanged from the input and its
    /// replacement can be written there.
    func moved(
        _ diagnostic: Diagnostic, in text: MappedText, quoting: ReplacementQuoting, spelling: FieldSpelling? = nil,
        log: FixMappingLog? = nil
    ) -> Diagnostic {
        let map = text.map
        if map.isIdentity, quoting == .plain, spelling == nil { return diagnostic }
        var fix: Fix?
        if let original = diagnostic.fix {
            if let edits = text.inputEdits(original.edits, quoting: quoting) {
                fix = Fix(title: original.title, edits: edits, applicability: original.applicability)
            } else if original.applicability == .safe {
                log?.unmappedSafeFixes += 1
            }
        }
        let spell = { (text: String) in spelling?.apply(to: text) ?? text }
        var range = map.original(diagnostic.range)
        if range.isEmpty, !diagnostic.range.isEmpty {
            // What the finding covers was written by the reading (a placeholder's quotes): the
            // caret goes on the character the reading put it before.
            let end = map.original(diagnostic.range.lowerBound..<text.bytes.count).upperBound
            range = range.lowerBound..<min(range.lowerBound + 1, max(end, range.lowerBound))
        }
        return Diagnostic(
            ruleID: diagnostic.ruleID, severity: diagnostic.severity, message: spell(diagnostic.message),
            range: range, pointer: diagnostic.pointer, help: diagnostic.help.map(spell),
            fix: fix,
            related: diagnostic.related.map { .init(range: map.original($0.range), message: spell($0.message)) })
    }
}

/// What makes two renderings' findings the same finding.
struct FindingKey: Hashable {
    let ruleID: String
    let range: Range<Int>
    let message: String
}

/// Counts the safe fixes of a body that could not be written back into its paste (their edits
/// fall on text the reading changed): then `--fix` on standard input prints the body as JSON.
public final class FixMappingLog {
    public var unmappedSafeFixes = 0
    public init() {}
}
