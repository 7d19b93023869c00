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
            let text =
                "\(name):\(located.start.line):\(located.start.column): \(diagnostic.severity.rawValue): "
                + "\(diagnostic.message)"
                + (diagnostic.help.map { "\nhelp: " + $0 } ?? "")
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

    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default:
                // XML 1.0 allows no control characters other than tab, LF and CR.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    static func attribute(_ text: String) -> String {
        "\"" + escape(text).replacing("\n", with: "&#10;") + "\""
    }
}
