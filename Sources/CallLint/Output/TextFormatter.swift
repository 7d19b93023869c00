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

    public func begin(into output: OutputBuffer) {}

    public func write(_ report: FileReport, into output: OutputBuffer) {
        guard let source = report.source else { return }
        // Everything from the input is printed visibly: no control character reaches the
        // terminal. The file's name is made so once for all its findings.
        let file = VisibleText.escaped(FileName.displayed(report.displayName))
        for diagnostic in report.diagnostics {
            render(diagnostic, file: file, source: source, into: output)
            output.pieceEnded()
        }
    }

    public func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        if !options.quiet { output.append(summary(totals)) }
    }

    func paint(_ text: String, _ code: StaticString) -> String {
        options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func severityColor(_ severity: Severity) -> StaticString {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;34"
        }
    }

    /// Writes what `write` writes, in the given SGR colour when colour is on.
    func painted(_ code: StaticString, into output: OutputBuffer, _ write: () -> Void) {
        if options.color {
            output.append("\u{1B}[" as StaticString)
            output.append(code)
            output.append("m" as StaticString)
        }
        write()
        if options.color { output.append("\u{1B}[0m" as StaticString) }
    }

    /// One finding: its line (`file:line:col: severity: message [rule]`, written straight into
    /// the output: a bulk run prints hundreds of thousands), then, unless quiet, the excerpt,
    /// the help and the notes.
    func render(_ diagnostic: Diagnostic, file: String, source: SourceText, into output: OutputBuffer) {
        let start = source.location(of: diagnostic.range.lowerBound)
        painted("1", into: output) {
            output.append(file)
            output.append(":" as StaticString)
            output.append(decimal: start.line)
            output.append(":" as StaticString)
            output.append(decimal: start.column)
            output.append(":" as StaticString)
        }
        output.append(" " as StaticString)
        painted(severityColor(diagnostic.severity), into: output) {
            output.append(diagnostic.severity.rawValue)
            output.append(":" as StaticString)
        }
        output.append(" " as StaticString)
        output.append(VisibleText.escaped(diagnostic.message))
        output.append(" " as StaticString)
        painted("2", into: output) {
            output.append("[" as StaticString)
            output.append(diagnostic.ruleID)
            output.append("]" as StaticString)
        }
        output.append("\n" as StaticString)
        if options.quiet { return }
        output.append(
            excerpt(
                diagnostic.range, start: start, shownLine: start.line, source: source,
                color: severityColor(diagnostic.severity)))
        let gutter = String(repeating: " ", count: String(start.line).count + 1)
        if let help = diagnostic.help {
            output.append(
                gutter + paint("= help:", "1;36") + " " + VisibleText.escaped(help) + fixNote(diagnostic) + "\n")
        }
        for related in diagnostic.related {
            let location = source.location(of: related.range.lowerBound)
            output.append(
                gutter + paint("= note:", "1")
                    + " \(VisibleText.escaped(related.message)) (\(file):\(location.line):\(location.column))\n")
        }
    }

    func fixNote(_ diagnostic: Diagnostic) -> String {
        guard let fix = diagnostic.fix else { return "" }
        return fix.applicability == .safe ? " (fixable with --fix)" : ""
    }

    /// The line the range starts on, with carets under the range (to the end of the line when
    /// the range goes on past it). Only a window of bytes around the range is decoded, so a
    /// megabyte-long line of minified JSON costs no more than a short one.
    func excerpt(
        _ range: Range<Int>, start: SourceLocation, shownLine: Int, source: SourceText, color: StaticString
    ) -> String {
        let bytes = source.bytes
        let windowBytes = 4 * Self.excerptWidth  // at most four bytes a character
        let lineStart = source.lineStart(start.line)
        let lineEnd = source.lineEnd(after: range.lowerBound, limit: range.lowerBound + windowBytes + 1)
        let line = lineStart..<(lineEnd ?? min(bytes.count, range.lowerBound + windowBytes + 1))
        func scalarStart(_ offset: Int) -> Int {
            var index = offset
            while index > line.lowerBound, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index -= 1 }
            return index
        }
        let lower = scalarStart(max(line.lowerBound, range.lowerBound - windowBytes))
        let upper = scalarStart(min(line.upperBound, range.lowerBound + windowBytes))
        var before = Array(
            String(decoding: bytes[lower..<max(lower, min(range.lowerBound, upper))], as: UTF8.self).unicodeScalars)
        var after = Array(
            String(decoding: bytes[min(max(lower, range.lowerBound), upper)..<upper], as: UTF8.self).unicodeScalars)
        var prefix = lower > line.lowerBound ? "…" : ""
        var suffix = upper < line.upperBound || lineEnd == nil ? "…" : ""
        // A line that fits is shown whole; a longer one keeps 40 characters before the span.
        if !(prefix.isEmpty && suffix.isEmpty && before.count + after.count <= Self.excerptWidth) {
            if before.count > 40 {
                before.removeFirst(before.count - 40)
                prefix = "…"
            }
            if before.count + after.count > Self.excerptWidth {
                after.removeLast(before.count + after.count - Self.excerptWidth)
                suffix = "…"
            }
        }
        let spanEnd = min(range.upperBound, line.upperBound)
        // Widths in terminal columns: a CJK character or an emoji takes two, a combining mark none.
        let spanScalars = String(decoding: bytes[min(range.lowerBound, spanEnd)..<spanEnd], as: UTF8.self)
            .unicodeScalars
        let spanLength = range.isEmpty ? 1 : max(1, Self.shownColumns(spanScalars))
        let underlineLength = min(spanLength, max(1, Self.shownColumns(after)))
        var marker = prefix.isEmpty ? "" : " "
        for scalar in before {
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                marker += " "
            } else {
                marker +=
                    scalar == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.columns(Self.shown(scalar)))
            }
        }
        let underline = "^" + String(repeating: "~", count: max(0, underlineLength - 1))
        let number = String(shownLine)
        let gutter = String(repeating: " ", count: number.count)
        var visible = ""
        for scalar in before + after {
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                visible.unicodeScalars.append(scalar)
            } else {
                visible.unicodeScalars.append(contentsOf: Self.shown(scalar))
            }
        }
        return
            "\(gutter) |\n\(number) | \(prefix)\(visible)\(suffix)\n\(gutter) | \(marker)\(paint(underline, color))\n"
    }

    /// The terminal columns characters take as they are shown.
    static func shownColumns(_ scalars: some Sequence<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { total, scalar in
            total + (scalar.value >= 0x20 && scalar.value < 0x7F ? 1 : DisplayWidth.columns(shown(scalar)))
        }
    }

    /// A character of an excerpt as it is shown: a control character as its Unicode picture,
    /// and every other character a terminal would act on rather than show (C1 controls, the
    /// bidirectional overrides and isolates of "Trojan Source", line separators) as the
    /// `\u{...}` escape messages use. The caret line counts the columns of what is shown.
    static func shown(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        if scalar == "\t" { return String(scalar).unicodeScalars }
        if scalar.value < 0x20 { return String(Unicode.Scalar(0x2400 + scalar.value)!).unicodeScalars }
        if scalar.value == 0x7F { return "\u{2421}".unicodeScalars }
        guard VisibleText.needsEscape(scalar) else { return String(scalar).unicodeScalars }
        return VisibleText.escaped(String(scalar)).unicodeScalars
    }

    public func summary(_ totals: ReportTotals) -> String {
        // The files read: one that could not be read was not checked.
        let checked = totals.files - totals.unreadable
        let files = "\(checked) file\(checked == 1 ? "" : "s")"
        let findings = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = totals.count(severity)
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        var line: String
        if findings.isEmpty, checked == 0, totals.unreadable > 0 {
            let unreadable = totals.unreadable
            line = "No file checked: \(unreadable) file\(unreadable == 1 ? "" : "s") could not be read"
        } else if findings.isEmpty {
            line = "Checked \(files): no problems found"
        } else {
            line = "Found \(findings.joined(separator: ", ")) in \(totals.filesWithFindings) of \(files)"
            if totals.fixable > 0 { line += " (\(totals.fixable) fixable with --fix)" }
        }
        if totals.unreadable > 0, checked > 0 { line += "; \(totals.unreadable) could not be read" }
        return (findings.isEmpty ? "" : "\n") + paint(line + ".", "1") + "\n"
    }
}
