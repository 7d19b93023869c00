/// `--format github`: GitHub Actions workflow commands, which annotate the pull request:
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::message`.
public struct GitHubFormatter: ReportWriter {
    public init() {}

    public func begin() -> String { "" }
    public func finish(_ totals: ReportTotals) -> String { "" }

    public func write(_ report: FileReport) -> String {
        LocatedDiagnostic.all(in: report).map { located in
            let diagnostic = located.diagnostic
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var message = diagnostic.message
            if let help = diagnostic.help { message += "\n" + help }
            let properties = [
                "file=" + Self.property(located.file),
                "line=\(located.start.line)",
                "col=\(located.start.column)",
                "endLine=\(located.end.line)",
                "endColumn=\(located.end.column)",
                "title=" + Self.property("call-lint " + diagnostic.ruleID),
            ]
            return "::\(command) \(properties.joined(separator: ","))::\(Self.data(message))\n"
        }.joined()
    }

    /// Escaping of the message part of a workflow command.
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Escaping of a property value: also `:` and `,`, which delimit properties.
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
