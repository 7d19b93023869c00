/// The output formats `--format` accepts.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit
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
