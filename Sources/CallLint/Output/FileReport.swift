/// The outcome of checking one input, or one stretch of it: its source and diagnostics, or
/// why it could not be read. A stretch of a stream (one NDJSON record) carries where it
/// starts in its file, so positions are reported in the file's terms.
public struct FileReport {
    public let displayName: String
    public let source: SourceText?
    public let diagnostics: [Diagnostic]
    /// Set when the input could not be read; such a report has no source and no diagnostics.
    public let readError: String?
    /// Lines of the file before `source` begins.
    public let lineOffset: Int
    /// Bytes of the file before `source` begins.
    public let byteOffset: Int

    public init(
        displayName: String, source: SourceText?, diagnostics: [Diagnostic], readError: String? = nil, lineOffset: Int = 0,
        byteOffset: Int = 0
    ) {
        self.displayName = displayName
        self.source = source
        self.diagnostics = diagnostics
        self.readError = readError
        self.lineOffset = lineOffset
        self.byteOffset = byteOffset
    }

    /// A location in the file's terms.
    public func location(of offset: Int) -> SourceLocation {
        guard let source else { return SourceLocation(line: 1, column: 1, offset: offset + byteOffset) }
        let local = source.location(of: offset)
        return SourceLocation(line: local.line + lineOffset, column: local.column, offset: local.offset + byteOffset)
    }
}

/// A diagnostic with its file and its line/column positions resolved, as every output
/// format needs them. Offsets are the file's.
public struct LocatedDiagnostic {
    public let file: String
    public let diagnostic: Diagnostic
    public let start: SourceLocation
    public let end: SourceLocation
    /// Added to the diagnostic's own byte offsets to make them the file's.
    public let byteOffset: Int

    public static func all(in report: FileReport) -> [LocatedDiagnostic] {
        guard report.source != nil else { return [] }
        return report.diagnostics.map {
            LocatedDiagnostic(
                file: report.displayName, diagnostic: $0, start: report.location(of: $0.range.lowerBound),
                end: report.location(of: $0.range.upperBound), byteOffset: report.byteOffset)
        }
    }

    public static func all(in reports: [FileReport]) -> [LocatedDiagnostic] {
        reports.flatMap { all(in: $0) }
    }
}

/// Counts for summary lines, statistics and exit codes, gathered as reports go by.
public struct ReportTotals: Equatable {
    public struct RuleCount: Equatable {
        public var count = 0
        public var severity = Severity.error
        public var fixable = 0
    }

    public var files = 0
    public var filesWithFindings = 0
    public var unreadable = 0
    public var bySeverity: [Severity: Int] = [:]
    public var byRule: [String: RuleCount] = [:]
    public var fixable = 0

    public init() {}

    /// Totals of whole-file reports.
    public init(_ reports: [FileReport]) {
        for report in reports {
            addFile(hadFindings: !report.diagnostics.isEmpty, unreadable: report.readError != nil)
            addDiagnostics(report.diagnostics)
        }
    }

    public mutating func addFile(hadFindings: Bool, unreadable: Bool) {
        files += 1
        if hadFindings { filesWithFindings += 1 }
        if unreadable { self.unreadable += 1 }
    }

    public mutating func addDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            bySeverity[diagnostic.severity, default: 0] += 1
            let safe = diagnostic.fix?.applicability == .safe
            if safe { fixable += 1 }
            var rule = byRule[diagnostic.ruleID] ?? RuleCount(severity: diagnostic.severity)
            rule.count += 1
            if safe { rule.fixable += 1 }
            byRule[diagnostic.ruleID] = rule
        }
    }

    public func count(_ severity: Severity) -> Int { bySeverity[severity] ?? 0 }

    /// Whether any finding is at or above `level`.
    public func hasFindings(atLeast level: Severity) -> Bool {
        bySeverity.contains { $0.key >= level && $0.value > 0 }
    }
}
