/// `--format json`: one JSON array of diagnostics; `[]` when there are none. Columns count
/// Unicode scalars from 1; `endColumn` is one past the last character, as in SARIF.
public struct JSONFormatter {
    public init() {}

    public func format(_ reports: [FileReport]) -> String {
        let items = LocatedDiagnostic.all(in: reports).map(object)
        guard !items.isEmpty else { return "[]\n" }
        return "[\n" + items.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
    }

    func object(_ located: LocatedDiagnostic) -> String {
        let diagnostic = located.diagnostic
        var fields: [(String, String)] = [
            ("file", JSONWriter.quote(located.file)),
            ("rule", JSONWriter.quote(diagnostic.ruleID)),
            ("severity", JSONWriter.quote(diagnostic.severity.rawValue)),
            ("message", JSONWriter.quote(diagnostic.message)),
            ("line", String(located.start.line)),
            ("column", String(located.start.column)),
            ("endLine", String(located.end.line)),
            ("endColumn", String(located.end.column)),
            ("offset", String(diagnostic.range.lowerBound)),
            ("endOffset", String(diagnostic.range.upperBound)),
            ("pointer", JSONWriter.quote(diagnostic.pointer)),
            ("help", diagnostic.help.map(JSONWriter.quote) ?? "null"),
        ]
        if let fix = diagnostic.fix {
            let edits = fix.edits.map {
                "{\"offset\": \($0.range.lowerBound), \"endOffset\": \($0.range.upperBound), \"replacement\": \(JSONWriter.quote($0.replacement))}"
            }
            fields.append((
                "fix",
                "{\"title\": \(JSONWriter.quote(fix.title)), \"applicability\": \(JSONWriter.quote(fix.applicability.rawValue)), \"edits\": [\(edits.joined(separator: ", "))]}"
            ))
        } else {
            fields.append(("fix", "null"))
        }
        return "{" + fields.map { "\(JSONWriter.quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
