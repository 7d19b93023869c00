/// The outcome of checking one input: its source and diagnostics, or why it could not be read.
public struct FileReport {
    public let displayName: String
    public let source: SourceText?
    public let diagnostics: [Diagnostic]
    /// Set when the input could not be read; such a file has no source and no diagnostics.
    public let readError: String?

    public init(displayName: String, source: SourceText?, diagnostics: [Diagnostic], readError: String? = nil) {
        self.displayName = displayName
        self.source = source
        self.diagnostics = diagnostics
        self.readError = readError
    }
}

/// A diagnostic with its file and its line/column positions resolved, as every output
/// format needs them.
public struct LocatedDiagnostic {
    public let file: String
    public let diagnostic: Diagnostic
    public let start: SourceLocation
    public let end: SourceLocation

    public static func all(in reports: [FileReport]) -> [LocatedDiagnostic] {
        reports.flatMap { report -> [LocatedDiagnostic] in
            guard let source = report.source else { return [] }
            return report.diagnostics.map {
                LocatedDiagnostic(
                    file: report.displayName, diagnostic: $0, start: source.location(of: $0.range.lowerBound),
                    end: source.location(of: $0.range.upperBound))
            }
        }
    }
}

/// Counts for summary lines and exit codes.
public struct ReportTotals: Equatable {
    public var files = 0
    public var filesWithFindings = 0
    public var unreadable = 0
    public var bySeverity: [Severity: Int] = [:]
    public var fixable = 0

    public init(_ reports: [FileReport]) {
        files = reports.count
        for report in reports {
            if report.readError != nil { unreadable += 1 }
            if !report.diagnostics.isEmpty { filesWithFindings += 1 }
            for diagnostic in report.diagnostics {
                bySeverity[diagnostic.severity, default: 0] += 1
                if diagnostic.fix?.applicability == .safe { fixable += 1 }
            }
        }
    }

    public func count(_ severity: Severity) -> Int { bySeverity[severity] ?? 0 }
}
