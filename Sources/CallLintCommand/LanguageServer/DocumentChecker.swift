import CallLint

/// A finding placed in its document: the diagnostic with its range, its fix's edits and its
/// notes moved from its stretch's offsets into the document's.
struct DocumentFinding: Equatable {
    let diagnostic: Diagnostic

    var range: Range<Int> { diagnostic.range }
    var edits: [TextEdit] { diagnostic.fix?.edits ?? [] }
    var related: [Diagnostic.Related] { diagnostic.related }

    init(_ diagnostic: Diagnostic, in source: SourceText) {
        func placed(_ range: Range<Int>) -> Range<Int> {
            source.fileOffset(range.lowerBound)..<source.fileOffset(range.upperBound)
        }
        let fix = diagnostic.fix.map { fix in
            Fix(
                title: fix.title,
                edits: fix.edits.map { TextEdit(range: placed($0.range), replacement: $0.replacement) },
                applicability: fix.applicability)
        }
        self.diagnostic = Diagnostic(
            ruleID: diagnostic.ruleID, severity: diagnostic.severity, message: diagnostic.message,
            range: placed(diagnostic.range), pointer: diagnostic.pointer, help: diagnostic.help, fix: fix,
            related: diagnostic.related.map { Diagnostic.Related(range: placed($0.range), message: $0.message) })
    }

    /// The finding as JSON, as it comes back from the checking process (CheckWorker).
    var tree: JSONTree {
        func bounds(_ range: Range<Int>) -> JSONTree { [.int(range.lowerBound), .int(range.upperBound)] }
        var members: [(key: String, value: JSONTree)] = [
            ("rule", .string(diagnostic.ruleID)), ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)), ("pointer", .string(diagnostic.pointer)),
            ("range", bounds(range)),
            ("related", .array(related.map { [bounds($0.range), .string($0.message)] })),
        ]
        if let help = diagnostic.help { members.append(("help", .string(help))) }
        if let fix = diagnostic.fix {
            members.append(
                (
                    "fix",
                    [
                        "title": .string(fix.title), "applicability": .string(fix.applicability.rawValue),
                        "edits": .array(edits.map { [bounds($0.range), .string($0.replacement)] }),
                    ]
                ))
        }
        return .object(members)
    }

    init?(_ tree: JSONTree) {
        guard let rule = tree["rule"]?.string, let severity = tree["severity"]?.string.flatMap(Severity.init),
            let message = tree["message"]?.string, let pointer = tree["pointer"]?.string,
            let range = tree["range"].flatMap(Self.range)
        else { return nil }
        var related: [Diagnostic.Related] = []
        for note in tree["related"]?.elements ?? [] {
            guard let (place, text) = Self.placedText(note) else { return nil }
            related.append(Diagnostic.Related(range: place, message: text))
        }
        var fix: Fix?
        if let written = tree["fix"] {
            var edits: [TextEdit] = []
            for edit in written["edits"]?.elements ?? [] {
                guard let (place, text) = Self.placedText(edit) else { return nil }
                edits.append(TextEdit(range: place, replacement: text))
            }
            guard let title = written["title"]?.string,
                let applicability = written["applicability"]?.string.flatMap(Fix.Applicability.init)
            else { return nil }
            fix = Fix(title: title, edits: edits, applicability: applicability)
        }
        diagnostic = Diagnostic(
            ruleID: rule, severity: severity, message: message, range: range, pointer: pointer,
            help: tree["help"]?.string, fix: fix, related: related)
    }

    static func range(_ value: JSONTree) -> Range<Int>? {
        guard let bounds = value.elements, bounds.count == 2, let lower = bounds[0].integer,
            let upper = bounds[1].integer, lower <= upper
        else { return nil }
        return lower..<upper
    }

    /// `[[lower, upper], "text"]`: a note or an edit.
    static func placedText(_ value: JSONTree) -> (Range<Int>, String)? {
        guard let parts = value.elements, parts.count == 2, let place = range(parts[0]), let text = parts[1].string
        else { return nil }
        return (place, text)
    }
}

/// Checks open documents as the command line checks files: the same input modes (by the
/// file's name), the same configuration search, the same linter and the same fixing. What an
/// editor needs on top: a text with no call body in it draws nothing.
struct DocumentChecker {
    let checker: InputChecker

    init(configuration: Configuration, settings: LintSettings, console: Console) {
        checker = InputChecker(
            settings: settings, configuration: configuration, currentDirectory: console.currentDirectory,
            forceNDJSON: false, arrayMode: false, console: console)
    }

    func findings(name: String, bytes: [UInt8]) -> [DocumentFinding] {
        let input = InputCollector.Input.file(path: name, size: bytes.count)
        let mode = checker.mode(of: input)
        var findings: [DocumentFinding] = []
        var stream = InMemoryBytes(bytes)
        // Stretch by stretch (an NDJSON text has several): each finding is placed by its own.
        _ = mode.driver.check(&stream, name: name, linter: checker.linter(for: name), workers: 1) { stretch in
            findings += stretch.diagnostics.map { DocumentFinding($0, in: stretch.source) }
        }
        return Self.hasCallBody(findings, bytes: bytes, mode: mode) ? findings : []
    }

    /// Whether the findings are about a call body, rather than about a text that holds none:
    /// the `embedded-body` note that a program or a paste has no body is no finding, and a JSON
    /// text that names none of a call's fields (package.json, a tsconfig) is not a body at all.
    static func hasCallBody(_ findings: [DocumentFinding], bytes: [UInt8], mode: InputMode) -> Bool {
        guard findings.contains(where: { $0.diagnostic.ruleID != EmbeddedBodyRule.id }) else { return false }
        if case .paste(let format) = mode, format.isCode { return true }
        return CallBodyMention.mentionsCallField(bytes)
    }

    /// The text `--fix` would write: the safe fixes, pass after pass.
    func fixedText(name: String, bytes: [UInt8]) -> [UInt8] {
        let input = InputCollector.Input.file(path: name, size: bytes.count)
        return FixApplier.applySafeFixes(to: bytes) { checker.recheck($0, of: input).diagnostics }.bytes
    }
}
