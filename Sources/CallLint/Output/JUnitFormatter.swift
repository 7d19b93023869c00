/// `--format junit`: one test case per file, a failure per finding, for CI systems that
/// show JUnit reports. Unreadable files are errors.
public struct JUnitFormatter: ReportWriter {
    public init() {}

    /// JUnit states its counts before its cases, so cases are kept until the end; one case
    /// per file, even when a stream arrives in stretches.
    var files: [String] = []
    var failuresByFile: [String: [String]] = [:]
    var readErrors: [String: String] = [:]

    public func begin(into output: OutputBuffer) {}

    public mutating func write(_ report: FileReport, into output: OutputBuffer) {
        let name = report.displayName
        if failuresByFile[name] == nil {
            files.append(name)
            failuresByFile[name] = []
        }
        if let readError = report.readError { readErrors[name] = readError }
        for located in LocatedDiagnostic.all(in: report) {
            let diagnostic = located.diagnostic
            // The pieces from the input are made visible one by one; the one line break is ours.
            let text =
                "\(VisibleText.escaped(name)):\(located.start.line):\(located.start.column): "
                + "\(diagnostic.severity.rawValue): \(VisibleText.escaped(diagnostic.message))"
                + (diagnostic.help.map { "\nhelp: " + VisibleText.escaped($0) } ?? "")
            failuresByFile[name]!.append(
                "      <failure type=\(Self.attribute(diagnostic.ruleID)) "
                    + "message=\(Self.attribute(diagnostic.message))>\(Self.escape(text))</failure>\n"
            )
        }
    }

    public func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        var cases = ""
        var failures = 0
        for name in files {
            cases += "    <testcase classname=\"call-lint\" name=\(Self.attribute(name))"
            if let readError = readErrors[name] {
                cases += ">\n      <error message=\(Self.attribute("cannot read: " + readError))/>\n    </testcase>\n"
                continue
            }
            let items = failuresByFile[name] ?? []
            if items.isEmpty {
                cases += "/>\n"
                continue
            }
            failures += 1
            cases += ">\n" + items.joined() + "    </testcase>\n"
        }
        let counts = "tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"\(readErrors.count)\""
        output.append(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="call-lint" \(counts)>
              <testsuite name="call-lint" \(counts)>
            \(cases)  </testsuite>
            </testsuites>

            """)
    }

    /// Element text: what XML 1.0 allows, with everything from the input visible; the line
    /// break call-lint itself puts between a finding and its help stays (`keepingLineBreaks`).
    static func escape(_ text: String, keepingLineBreaks: Bool = true) -> String {
        let lines = keepingLineBreaks ? text.split(separator: "\n", omittingEmptySubsequences: false) : [Substring(text)]
        var output = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { output += "\n" }
            for scalar in VisibleText.escaped(String(line)).unicodeScalars {
                switch scalar {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "\"": output += "&quot;"
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// An attribute value, quoted: one line, every control character from the input visible.
    static func attribute(_ text: String) -> String {
        "\"" + escape(text, keepingLineBreaks: false) + "\""
    }
}
