/// What changes how a document is checked: which rules run, at what severity, which strings
/// are placeholders, which caller ids the organization has.
public struct LintSettings: Sendable {
    /// Rules that run; nil means every rule that needs no extra input.
    public var enabledRules: Set<String>?
    public var severityOverrides: [String: Severity]
    public var placeholders: PlaceholderMatcher
    /// The caller ids the organization has provisioned; enables `caller-id-not-allowed`.
    public var allowedCallerIds: [String]?

    public init(
        enabledRules: Set<String>? = nil, severityOverrides: [String: Severity] = [:],
        placeholders: PlaceholderMatcher = .standard, allowedCallerIds: [String]? = nil
    ) {
        self.enabledRules = enabledRules
        self.severityOverrides = severityOverrides
        self.placeholders = placeholders
        self.allowedCallerIds = allowedCallerIds
    }

    public func isEnabled(_ rule: String) -> Bool {
        if let enabledRules { return enabledRules.contains(rule) }
        return rule != CallerIdNotAllowedRule.id || allowedCallerIds != nil
    }

    public func severity(of rule: String) -> Severity {
        severityOverrides[rule] ?? RuleCatalog.defaultSeverities[rule] ?? .error
    }
}
