/// `--format junit`: one test case per file, a failure per finding, for CI systems that
/// show JUnit reports. Unreadable files are errors.
public struct JUnitFormatter {
    public init() {}

    public func format(_ reports: [FileReport]) -> String {
        var cases = ""
        var failures = 0
        var errors = 0
        for report in reports {
            cases += "    <testcase classname=\"call-lint\" name=\(Self.attribute(report.displayName))"
            if let readError = report.readError {
                errors += 1
                cases += ">\n      <error message=\(Self.attribute("cannot read: " + readError))/>\n    </testcase>\n"
                continue
            }
            guard let source = report.source, !report.diagnostics.isEmpty else {
                cases += "/>\n"
                continue
            }
            failures += 1
            cases += ">\n"
            for diagnostic in report.diagnostics {
                let location = source.location(of: diagnostic.range.lowerBound)
                let text = "\(report.displayName):\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
                    + (diagnostic.help.map { "\nhelp: " + $0 } ?? "")
                cases += "      <failure type=\(Self.attribute(diagnostic.ruleID)) message=\(Self.attribute(diagnostic.message))>\(Self.escape(text))</failure>\n"
            }
            cases += "    </testcase>\n"
        }
        let counts = "tests=\"\(reports.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="call-lint" \(counts)>
              <testsuite name="call-lint" \(counts)>
            \(cases)  </testsuite>
            </testsuites>

            """
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
