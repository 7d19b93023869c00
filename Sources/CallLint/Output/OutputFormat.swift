/// The output formats `--format` accepts.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, gitlab

    public func makeWriter(options: OutputOptions) -> any ReportWriter {
        switch self {
        case .text: return TextFormatter(options: options)
        case .json: return JSONFormatter()
        case .sarif: return SARIFFormatter()
        case .github: return GitHubFormatter()
        case .junit: return JUnitFormatter()
        case .gitlab: return GitLabFormatter()
        }
    }
}

/// Options every formatter may use.
public struct OutputOptions: Sendable {
    public var color: Bool
    /// Text only: print the findings without source excerpts, help lines and summary.
    public var quiet: Bool

    public init(color: Bool = false, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }
}

/// An output format written as reports arrive, so that neither many files nor a long NDJSON
/// stream is held in memory for the sake of printing: `begin`, then `write` for each report
/// (whole files, or stretches of a stream, in order), then `finish`. Each appends its bytes.
public protocol ReportWriter {
    mutating func begin(into output: OutputBuffer)
    mutating func write(_ report: FileReport, into output: OutputBuffer)
    mutating func finish(_ totals: ReportTotals, into output: OutputBuffer)
    /// Why the report it wrote is not whole (a spool it could not write), or nil: then the run
    /// must not pass over it.
    var failure: String? { get }
}

extension ReportWriter {
    public var failure: String? { nil }

    /// The whole output for reports already at hand.
    public func format(_ reports: [FileReport]) -> String {
        var writer = self
        let output = OutputBuffer()
        writer.begin(into: output)
        for report in reports { writer.write(report, into: output) }
        writer.finish(ReportTotals(reports), into: output)
        return output.text
    }
}
