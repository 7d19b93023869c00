/// `--format json`: one JSON array of diagnostics; `[]` when there are none. Columns count
/// Unicode scalars from 1; `endColumn` is one past the last character, as in SARIF.
public struct JSONFormatter: ReportWriter {
    public init() {}

    var written = 0

    public mutating func begin() -> String { "[" }

    public mutating func write(_ report: FileReport) -> String {
        var output = ""
        for located in LocatedDiagnostic.all(in: report) {
            output += (written == 0 ? "\n  " : ",\n  ") + object(located)
            written += 1
        }
        return output
    }

    public mutating func finish(_ totals: ReportTotals) -> String { written == 0 ? "]\n" : "\n]\n" }

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
            ("offset", String(located.fileOffset(diagnostic.range.lowerBound))),
            ("endOffset", String(located.fileOffset(diagnostic.range.upperBound))),
            ("pointer", JSONWriter.quote(diagnostic.pointer)),
            ("help", diagnostic.help.map(JSONWriter.quote) ?? "null"),
        ]
        if let fix = diagnostic.fix {
            let edits = fix.edits.map {
                "{\"offset\": \(located.fileOffset($0.range.lowerBound)), \"endOffset\": \(located.fileOffset($0.range.upperBound)), \"replacement\": \(JSONWriter.quote($0.replacement))}"
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
