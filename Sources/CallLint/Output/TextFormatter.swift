/// The human format: `file:line:col: severity: message [rule]`, the source line with a caret
/// under the span, what to write instead, and a summary line. Excerpts are rendered here,
/// apart from the checks, from the diagnostic's byte range.
public struct TextFormatter: ReportWriter {
    public let options: OutputOptions
    /// Longest excerpt shown, in characters; longer lines (minified JSON) are windowed.
    static let excerptWidth = 120

    public init(options: OutputOptions) {
        self.options = options
    }

    public func begin() -> String { "" }

    public func write(_ report: FileReport) -> String {
        guard let source = report.source else { return "" }
        return report.diagnostics.map { render($0, in: report, source: source) }.joined()
    }

    public func finish(_ totals: ReportTotals) -> String {
        options.quiet ? "" : summary(totals)
    }

    func paint(_ text: String, _ code: String) -> String {
        options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;34"
        }
    }

    func render(_ diagnostic: Diagnostic, in report: FileReport, source: SourceText) -> String {
        let file = report.displayName
        let start = report.location(of: diagnostic.range.lowerBound)
        var output = paint("\(file):\(start.line):\(start.column):", "1") + " "
            + paint("\(diagnostic.severity.rawValue):", severityColor(diagnostic.severity)) + " "
            + diagnostic.message + " " + paint("[\(diagnostic.ruleID)]", "2") + "\n"
        if options.quiet { return output }
        output += excerpt(
            diagnostic.range, start: source.location(of: diagnostic.range.lowerBound), shownLine: start.line, source: source,
            color: severityColor(diagnostic.severity))
        let gutter = String(repeating: " ", count: String(start.line).count + 1)
        if let help = diagnostic.help {
            output += gutter + paint("= help:", "1;36") + " " + help + fixNote(diagnostic) + "\n"
        }
        for related in diagnostic.related {
            let location = report.location(of: related.range.lowerBound)
            output += gutter + paint("= note:", "1") + " \(related.message) (\(file):\(location.line):\(location.column))\n"
        }
        return output
    }

    func fixNote(_ diagnostic: Diagnostic) -> String {
        guard let fix = diagnostic.fix else { return "" }
        return fix.applicability == .safe ? " (fixable with --fix)" : ""
    }

    /// The line the range starts on, with carets under the range (to the end of the line when
    /// the range goes on past it).
    func excerpt(_ range: Range<Int>, start: SourceLocation, shownLine: Int, source: SourceText, color: String) -> String {
        let lineBytes = source.lineRange(start.line)
        let lineText = Array(source.text(lineBytes).unicodeScalars)
        let endOffset = min(range.upperBound, lineBytes.upperBound)
        let endColumn = range.isEmpty ? start.column + 1 : max(start.column + 1, source.location(of: endOffset).column)
        var first = start.column - 1
        var last = min(endColumn - 1, lineText.count)
        // Window very long lines around the span.
        var window = 0..<lineText.count
        if lineText.count > Self.excerptWidth {
            let lower = max(0, min(first - 40, lineText.count - Self.excerptWidth))
            window = lower..<min(lineText.count, lower + Self.excerptWidth)
        }
        let prefix = window.lowerBound > 0 ? "…" : ""
        let suffix = window.upperBound < lineText.count ? "…" : ""
        let shown = lineText[window]
        first = max(first, window.lowerBound)
        last = min(max(last, first + 1), window.upperBound + 1)
        var marker = prefix.isEmpty ? "" : " "
        for index in window.lowerBound..<first {
            marker.unicodeScalars.append(lineText[index] == "\t" ? "\t" : " ")
        }
        let underline = "^" + String(repeating: "~", count: max(0, last - first - 1))
        let number = String(shownLine)
        let gutter = String(repeating: " ", count: number.count)
        var visible = ""
        visible.unicodeScalars.append(contentsOf: shown.map(Self.printable))
        return "\(gutter) |\n\(number) | \(prefix)\(visible)\(suffix)\n\(gutter) | \(marker)\(paint(underline, color))\n"
    }

    /// Control characters would garble a terminal; show them as their Unicode pictures.
    static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "\t" { return scalar }
        if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
        if scalar.value == 0x7F { return "\u{2421}" }
        return scalar
    }

    public func summary(_ totals: ReportTotals) -> String {
        let files = "\(totals.files) file\(totals.files == 1 ? "" : "s")"
        let findings = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = totals.count(severity)
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        var line: String
        if findings.isEmpty {
            line = "Checked \(files): no problems found"
        } else {
            line = "Found \(findings.joined(separator: ", ")) in \(totals.filesWithFindings) of \(files)"
            if totals.fixable > 0 { line += " (\(totals.fixable) fixable with --fix)" }
        }
        if totals.unreadable > 0 { line += "; \(totals.unreadable) could not be read" }
        return (findings.isEmpty ? "" : "\n") + paint(line + ".", "1") + "\n"
    }
}
