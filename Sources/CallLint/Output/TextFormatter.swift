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
        // One string grown in place: a --array run prints a hundred thousand findings, and
        // building each line from interpolated pieces was most of the time spent on output.
        var text = ""
        for diagnostic in report.diagnostics {
            render(diagnostic, in: report, source: source, into: &text)
            if text.utf8.count >= OutputBuffer.flushSize {
                output.append(text)
                output.pieceEnded()
                text = ""
            }
        }
        output.append(text)
    }

    public func finish(_ totals: ReportTotals, into output: OutputBuffer) {
        if !options.quiet { output.append(summary(totals)) }
    }

    func paint(_ text: String, _ code: String) -> String {
        var output = ""
        appendPainted(code, to: &output) { $0 += text }
        return output
    }

    func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;34"
        }
    }

    /// Appends what `write` appends, in the given SGR colour when colour is on. Pieces are
    /// appended in place, with no string built for each.
    func appendPainted(_ code: String, to output: inout String, _ write: (inout String) -> Void) {
        if options.color {
            output += "\u{1B}["
            output += code
            output += "m"
        }
        write(&output)
        if options.color { output += "\u{1B}[0m" }
    }

    func render(_ diagnostic: Diagnostic, in report: FileReport, source: SourceText, into output: inout String) {
        // Everything from the input is printed visibly: no control character reaches the terminal.
        let file = VisibleText.escaped(report.displayName)
        let start = source.location(of: diagnostic.range.lowerBound)
        appendPainted("1", to: &output) { output in
            output += file
            output += ":"
            output += String(start.line)
            output += ":"
            output += String(start.column)
            output += ":"
        }
        output += " "
        appendPainted(severityColor(diagnostic.severity), to: &output) { output in
            output += diagnostic.severity.rawValue
            output += ":"
        }
        output += " "
        output += VisibleText.escaped(diagnostic.message)
        output += " "
        appendPainted("2", to: &output) { output in
            output += "["
            output += diagnostic.ruleID
            output += "]"
        }
        output += "\n"
        if options.quiet { return }
        output += excerpt(
            diagnostic.range, start: source.location(of: diagnostic.range.lowerBound), shownLine: start.line,
            source: source,
            color: severityColor(diagnostic.severity))
        let gutter = String(repeating: " ", count: String(start.line).count + 1)
        if let help = diagnostic.help {
            output += gutter + paint("= help:", "1;36") + " " + VisibleText.escaped(help) + fixNote(diagnostic) + "\n"
        }
        for related in diagnostic.related {
            let location = source.location(of: related.range.lowerBound)
            output +=
                gutter + paint("= note:", "1")
                + " \(VisibleText.escaped(related.message)) (\(file):\(location.line):\(location.column))\n"
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
        _ range: Range<Int>, start: SourceLocation, shownLine: Int, source: SourceText, color: String
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
        let spanLength = range.isEmpty ? 1 : max(1, DisplayWidth.columns(spanScalars))
        let underlineLength = min(spanLength, max(1, DisplayWidth.columns(after)))
        var marker = prefix.isEmpty ? "" : " "
        for scalar in before {
            marker +=
                scalar == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.columns(Self.printable(scalar)))
        }
        let underline = "^" + String(repeating: "~", count: max(0, underlineLength - 1))
        let number = String(shownLine)
        let gutter = String(repeating: " ", count: number.count)
        var visible = ""
        visible.unicodeScalars.append(contentsOf: (before + after).map(Self.printable))
        return
            "\(gutter) |\n\(number) | \(prefix)\(visible)\(suffix)\n\(gutter) | \(marker)\(paint(underline, color))\n"
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
