/// `typographic-syntax`: non-breaking spaces, other typographic spaces and curly quotes where
/// JSON needs a plain space or a straight quote, as a body copied from a forum post, a word
/// processor or a chat has them. All of them are reported at once, with one safe fix, and the
/// body is checked as if they were plain: its real mistakes are reported in the same run.
///
/// Reported while a text is read (TemplateReading): Linter.check(text:in:).
struct TypographicSyntaxRule: RuleReportedElsewhere {
    static let id = "typographic-syntax"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe

    /// The one diagnostic for every typographic character of a text, or nil when there are
    /// none. Ranges are the input's; the fix is left out when one of them cannot be edited
    /// there (it was escaped in a JSON string).
    static func diagnostic(
        for found: [TemplateReading.TypographicCharacter], in text: MappedText, quoting: ReplacementQuoting,
        severity: Severity
    ) -> Diagnostic? {
        guard let first = found.first else { return nil }
        let spaces = found.filter { $0.kind == .space }.count
        let invisible = found.filter { $0.kind == .invisible }.count
        let quotes = found.filter { $0.kind == .quote }.count
        var parts: [String] = []
        if spaces > 0 { parts.append(Prose.count(spaces, "non-breaking or typographic space")) }
        if invisible > 0 { parts.append(Prose.count(invisible, "invisible character")) }
        if quotes > 0 { parts.append(Prose.count(quotes, "curly quote")) }
        let message =
            Prose.list(parts, conjunction: "and") + " where JSON needs "
            + (quotes > 0 && spaces + invisible > 0
                ? "plain spaces and straight quotes" : quotes > 0 ? "straight quotes (\")" : "plain spaces")
        let fix = text.inputEdits(
            found.map { TextEdit(range: $0.range, replacement: $0.replacement) }, quoting: quoting
        ).map { Fix(title: "replace them with plain spaces and straight quotes", edits: $0, applicability: .safe) }
        let related = found.dropFirst().prefix(100).map { character in
            Diagnostic.Related(
                range: text.map.original(character.range),
                message: character.kind == .quote ? "curly quote" : character.kind == .space ? "space" : "invisible")
        }
        return Diagnostic(
            ruleID: id, severity: severity, message: message, range: text.map.original(first.range), pointer: "",
            help: "this text was copied from a page or a chat that made it typographic; retype the spaces and quotes",
            fix: fix, related: related)
    }
}
