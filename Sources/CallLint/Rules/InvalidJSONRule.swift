/// `invalid-json`: the body is not JSON. The parser finds it; this rule turns the syntax error
/// into a diagnostic. Nothing else runs on a body that does not parse.
struct InvalidJSONRule: Rule {
    static let id = "invalid-json"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none

    func check(_ context: RuleContext) {
        // Parse errors are reported before any rule runs; see Linter.lint(_:).
    }

    static func diagnostic(for error: JSONSyntaxError, severity: Severity) -> Diagnostic {
        Diagnostic(ruleID: id, severity: severity, message: error.message, range: error.range, pointer: "", help: error.help)
    }
}
