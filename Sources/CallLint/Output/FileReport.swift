/// The outcome of checking one input, or one stretch of it (a block of an NDJSON stream, a
/// block of `--array` elements): its source and diagnostics, or why it could not be read.
/// Diagnostics' ranges are the source's offsets; the source's origin places them in the file.
public struct FileReport {
    public let displayName: String
    public let source: SourceText?
    public let diagnostics: [Diagnostic]
    /// Set when the input could not be read; such a report has no source and no diagnostics.
    public let readError: String?

    public init(displayName: String, source: SourceText?, diagnostics: [Diagnostic], readError: String? = nil) {
        self.displayName = displayName
        self.source = source
        self.diagnostics = diagnostics
        self.readError = readError
    }
}

/// A diagnostic with its file and its line/column positions resolved, as every output
/// format needs them. Lines, columns and offsets are the file's.
public struct LocatedDiagnostic {
    public let file: String
    public let diagnostic: Diagnostic
    public let start: SourceLocation
    public let end: SourceLocation
    let source: SourceText

    /// An offset of the diagnostic (its range, a fix edit) as an offset of the file.
    public func fileOffset(_ offset: Int) -> Int { source.fileOffset(offset) }

    public static func all(in report: FileReport) -> [LocatedDiagnostic] {
        guard let source = report.source else { return [] }
        return report.diagnostics.map {
            LocatedDiagnostic(
                file: report.displayName, diagnostic: $0, start: source.location(of: $0.range.lowerBound),
                end: source.location(of: $0.range.upperBound), source: source)
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
        // Counted first in a short list (a stretch of a bulk run has thousands of findings of a
        // few rules), then added to the dictionaries once per rule: hashing each finding's rule
        // id cost a third of the time spent printing it.
        var severityCounts = [Int](repeating: 0, count: Severity.allCases.count)
        var rules: [(id: String, count: RuleCount)] = []
        for diagnostic in diagnostics {
            severityCounts[diagnostic.severity.level] += 1
            let safe = diagnostic.fix?.applicability == .safe
            if safe { fixable += 1 }
            let place: Int
            if let known = rules.firstIndex(where: { $0.id == diagnostic.ruleID }) {
                place = known
            } else {
                rules.append((diagnostic.ruleID, RuleCount(severity: diagnostic.severity)))
                place = rules.count - 1
            }
            rules[place].count.count += 1
            if safe { rules[place].count.fixable += 1 }
        }
        for severity in Severity.allCases where severityCounts[severity.level] > 0 {
            bySeverity[severity, default: 0] += severityCounts[severity.level]
        }
        for (id, count) in rules {
            if var rule = byRule[id] {
                rule.count += count.count
                rule.fixable += count.fixable
                byRule[id] = rule
            } else {
                byRule[id] = count
            }
        }
    }

    public func count(_ severity: Severity) -> Int { bySeverity[severity] ?? 0 }

    /// Whether any finding is at or above `level`.
    public func hasFindings(atLeast level: Severity) -> Bool {
        bySeverity.contains { $0.key >= level && $0.value > 0 }
    }
}
