/// A check of the request model, declared whole in its type: its id (a public contract:
/// configuration files and `--select` name it), its default severity, what fixes it offers,
/// and the setting it needs, if any. Its page, rules/<id>.md, explains it; a test holds the
/// page's `Severity:` and `Fix:` lines to these declarations.
protocol Rule: Sendable {
    static var id: String { get }
    static var defaultSeverity: Severity { get }
    static var fixAvailability: FixAvailability { get }
    /// The setting without which the rule checks nothing, and is off unless selected.
    static var requiredSetting: RequiredSetting? { get }
    /// Whether `check` looks at a parsed body: false for a RuleReportedElsewhere, and a
    /// linter that runs no other rule then builds no view.
    static var checksParsedBodies: Bool { get }
    /// Whether the clean-body screen was reviewed against this rule: a body the screen passes
    /// draws nothing from it. Undeclared, a rule turns the screen off while it runs, so a new
    /// rule is never skipped on a body it would report.
    static var isScreened: Bool { get }
    func check(_ context: RuleContext)
}

extension Rule {
    static var requiredSetting: RequiredSetting? { nil }
    static var checksParsedBodies: Bool { true }
    static var isScreened: Bool { false }
    var id: String { Self.id }
}

/// A rule whose findings are made where its input is read (a syntax error, an input's
/// wrapping, typographic characters), not by looking at a parsed body: it has an id, a
/// severity and a page like any rule, and nothing to check.
protocol RuleReportedElsewhere: Rule {}

extension RuleReportedElsewhere {
    static var checksParsedBodies: Bool { false }
    /// Nothing to screen: its findings are made before a body is parsed.
    static var isScreened: Bool { true }
    func check(_ context: RuleContext) {}
}

/// What fixes a rule offers, as its page's `Fix:` line begins.
enum FixAvailability: String, Sendable {
    /// No fix: only the author knows what was meant.
    case none
    /// Fixes that `--fix` does not apply: they may change what the request means.
    case suggestion
    /// Some fixes `--fix` applies (those that keep the meaning); others may be suggestions.
    case safe
}

/// A setting a rule cannot work without (`allowedCallerIds` for `caller-id-not-allowed`).
struct RequiredSetting: Sendable {
    /// Its key in `.call-lint.json`.
    let name: String
    let isSet: @Sendable (LintSettings) -> Bool
}
