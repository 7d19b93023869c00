/// `--format github`: GitHub Actions workflow commands, which annotate the pull request:
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::message`.
public struct GitHubFormatter: ReportWriter {
    public init() {}

    /// GitHub shows at most this many annotations of each level for a step.
    static let shownPerLevel = 10

    public func begin(into output: OutputBuffer) {}

    /// When GitHub will not show them all, a notice says how many there are.
    public func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        let errors = totals.count(.error)
        let warnings = totals.count(.warning)
        guard errors > Self.shownPerLevel || warnings > Self.shownPerLevel else { return }
        output.append(
            "::notice title=call-lint::\(errors) error\(errors == 1 ? "" : "s") and \(warnings) "
                + "warning\(warnings == 1 ? "" : "s"); GitHub shows at most \(Self.shownPerLevel) of each as "
                + "annotations: the step's log (and a SARIF report, with --output sarif=PATH) has them all\n")
    }

    public func write(_ report: FileReport, into output: OutputBuffer) {
        if let readError = report.readError {
            // The pull request shows that the file was not checked, not only the step's log.
            let properties = [
                "file=" + Self.property(VisibleText.escaped(FileName.displayed(report.displayName))),
                "title=" + Self.property("call-lint " + ReadFailure.ruleID),
            ]
            output.append(
                "::error \(properties.joined(separator: ","))::"
                    + Self.data(VisibleText.escaped(ReadFailure.message(readError))) + "\n")
        }
        for located in LocatedDiagnostic.all(in: report) {
            let diagnostic = located.diagnostic
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            // Visible first: a control character from the input must not act in the log.
            var message = VisibleText.escaped(diagnostic.message)
            if let help = diagnostic.help { message += "\n" + VisibleText.escaped(help) }
            let properties = [
                "file=" + Self.property(VisibleText.escaped(located.file)),
                "line=\(located.start.line)",
                "col=\(located.start.column)",
                "endLine=\(located.end.line)",
                "endColumn=\(located.end.column)",
                "title=" + Self.property("call-lint " + diagnostic.ruleID),
            ]
            output.append("::\(command) \(properties.joined(separator: ","))::\(Self.data(message))\n")
        }
    }

    /// Escaping of the message part of a workflow command.
    static func data(_ text: String) -> String {
        escape(text, commas: false)
    }

    /// Escaping of a property value: also `:` and `,`, which delimit properties.
    static func property(_ text: String) -> String {
        escape(text, commas: true)
    }

    /// Percent-escapes byte by byte: the generic `replacing` took four times as long as
    /// checking the findings.
    static func escape(_ text: String, commas: Bool) -> String {
        var needsEscape = false
        for byte in text.utf8
        where byte == UInt8(ascii: "%") || byte == 0x0D || byte == 0x0A
            || (commas && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",")))
        {
            needsEscape = true
            break
        }
        guard needsEscape else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "%"): escaped += Array("%25".utf8)
            case 0x0D: escaped += Array("%0D".utf8)
            case 0x0A: escaped += Array("%0A".utf8)
            case UInt8(ascii: ":") where commas: escaped += Array("%3A".utf8)
            case UInt8(ascii: ",") where commas: escaped += Array("%2C".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
