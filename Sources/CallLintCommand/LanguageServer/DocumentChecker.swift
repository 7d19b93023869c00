import CallLint

/// A finding placed in its document: the diagnostic, with its range, its fix's edits and its
/// notes in the document's byte offsets (a diagnostic's own are its stretch's).
struct DocumentFinding {
    let diagnostic: Diagnostic
    let range: Range<Int>
    let edits: [TextEdit]
    let related: [Diagnostic.Related]

    init(_ diagnostic: Diagnostic, in source: SourceText) {
        self.diagnostic = diagnostic
        func placed(_ range: Range<Int>) -> Range<Int> {
            source.fileOffset(range.lowerBound)..<source.fileOffset(range.upperBound)
        }
        range = placed(diagnostic.range)
        edits = diagnostic.fix?.edits.map { TextEdit(range: placed($0.range), replacement: $0.replacement) } ?? []
        related = diagnostic.related.map { Diagnostic.Related(range: placed($0.range), message: $0.message) }
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
        var findings: [DocumentFinding] = []
        var stream = InMemoryBytes(bytes)
        let linter = checker.linter(for: name)
        _ = checker.mode(of: input).driver.check(&stream, name: name, linter: linter, workers: 1) { stretch in
            findings += stretch.diagnostics.map { DocumentFinding($0, in: stretch.source) }
        }
        return Self.hasCallBody(findings, bytes: bytes, mode: checker.mode(of: input)) ? findings : []
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
