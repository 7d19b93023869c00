/// `--format json`: one JSON array of diagnostics; `[]` when there are none. Columns count
/// Unicode scalars from 1; `endColumn` is one past the last character, as in SARIF. Written
/// straight into the output's bytes: a bulk run prints hundreds of thousands of these.
public struct JSONFormatter: ReportWriter {
    public init() {}

    var written = 0

    public mutating func begin(into output: OutputBuffer) { output.append("[") }

    public mutating func write(_ report: FileReport, into output: OutputBuffer) {
        // The file's name is quoted once for all of its findings.
        let file = JSONString.quoted(FileName.displayed(report.displayName))
        if let readError = report.readError {
            // An input that could not be read is in the array too, as Ruff's E902 is: a reader
            // of the report alone learns that the run did not check it.
            output.append(written == 0 ? "\n  " : ",\n  ")
            output.append("{\"file\": ")
            output.append(file)
            output.append(", \"rule\": \"\(ReadFailure.ruleID)\", \"severity\": \"error\", \"message\": ")
            output.append(jsonString: ReadFailure.message(readError))
            output.append(
                ", \"line\": 1, \"column\": 1, \"endLine\": 1, \"endColumn\": 1, \"offset\": 0, \"endOffset\": 0, "
                    + "\"pointer\": \"\", \"help\": null, \"fix\": null}")
            output.pieceEnded()
            written += 1
        }
        for located in LocatedDiagnostic.all(in: report) {
            output.append(written == 0 ? "\n  " : ",\n  ")
            object(located, file: file, into: output)
            output.pieceEnded()
            written += 1
        }
    }

    public mutating func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        output.append(written == 0 ? "]\n" : "\n]\n")
    }

    /// - Parameter file: the file's name, quoted.
    func object(_ located: LocatedDiagnostic, file: String, into output: OutputBuffer) {
        let diagnostic = located.diagnostic
        output.append("{\"file\": ")
        output.append(file)
        // Rule ids are lowercase letters, digits and hyphens: nothing to escape.
        output.append(", \"rule\": \"")
        output.append(diagnostic.ruleID)
        output.append("\", \"severity\": \"")
        output.append(diagnostic.severity.rawValue)
        output.append("\", \"message\": ")
        output.append(jsonString: diagnostic.message)
        output.append(", \"line\": ")
        output.append(decimal: located.start.line)
        output.append(", \"column\": ")
        output.append(decimal: located.start.column)
        output.append(", \"endLine\": ")
        output.append(decimal: located.end.line)
        output.append(", \"endColumn\": ")
        output.append(decimal: located.end.column)
        output.append(", ")
        offsets(diagnostic.range, of: located, into: output)
        output.append(", \"pointer\": ")
        output.append(jsonString: diagnostic.pointer)
        output.append(", \"help\": ")
        if let help = diagnostic.help { output.append(jsonString: help) } else { output.append("null") }
        output.append(", \"fix\": ")
        guard let fix = diagnostic.fix else { return output.append("null}") }
        output.append("{\"title\": ")
        output.append(jsonString: fix.title)
        output.append(", \"applicability\": \"")
        output.append(fix.applicability.rawValue)
        output.append("\", \"edits\": [")
        for (index, edit) in fix.edits.enumerated() {
            if index > 0 { output.append(", ") }
            output.append("{")
            offsets(edit.range, of: located, into: output)
            output.append(", \"replacement\": ")
            output.append(jsonString: edit.replacement)
            output.append("}")
        }
        output.append("]}}")
    }

    /// `"offset": N, "endOffset": M`, in the file's bytes.
    func offsets(_ range: Range<Int>, of located: LocatedDiagnostic, into output: OutputBuffer) {
        output.append("\"offset\": ")
        output.append(decimal: located.fileOffset(range.lowerBound))
        output.append(", \"endOffset\": ")
        output.append(decimal: located.fileOffset(range.upperBound))
    }
}
