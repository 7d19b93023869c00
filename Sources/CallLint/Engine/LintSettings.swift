/// What changes how a document is checked: which rules run, at what severity, which strings
/// are placeholders, which caller ids the organization has.
public struct LintSettings: Sendable {
    /// Rules that run; nil means every rule that needs no extra input.
    public var enabledRules: Set<String>?
    public var severityOverrides: [String: Severity]
    public var placeholders: PlaceholderMatcher
    /// The caller ids the organization has provisioned; enables `caller-id-not-allowed`.
    public var allowedCallerIds: [String]? {
        didSet { normalizedAllowedCallerIds = allowedCallerIds.map(Self.normalized) }
    }
    /// The same, compared by their digits: made once, not for every body.
    private(set) var normalizedAllowedCallerIds: Set<String>?
    /// The ISO 3166 code of the country national numbers belong to (`defaultRegion`); with it,
    /// a national number gets the one E.164 reading it has there.
    public var defaultRegion: String?

    public init(
        enabledRules: Set<String>? = nil, severityOverrides: [String: Severity] = [:],
        placeholders: PlaceholderMatcher = .standard, allowedCallerIds: [String]? = nil, defaultRegion: String? = nil
    ) {
        self.enabledRules = enabledRules
        self.severityOverrides = severityOverrides
        self.placeholders = placeholders
        self.allowedCallerIds = allowedCallerIds
        normalizedAllowedCallerIds = allowedCallerIds.map(Self.normalized)
        self.defaultRegion = defaultRegion
    }

    static func normalized(_ numbers: [String]) -> Set<String> {
        Set(numbers.map(CallerIdNotAllowedRule.normalize))
    }

    /// Whether a region code names a region of the numbering plans (`GB`, `us`).
    public static func isKnownRegion(_ code: String) -> Bool {
        NumberingPlan.shared.region(code: code) != nil
    }

    /// Whether a rule runs: the selected ones, else every rule whose required setting is set.
    public func isEnabled(_ rule: String) -> Bool {
        if let enabledRules { return enabledRules.contains(rule) }
        return RuleRegistry.type(of: rule)?.requiredSetting.map { $0.isSet(self) } ?? true
    }

    public func severity(of rule: String) -> Severity {
        severityOverrides[rule] ?? RuleRegistry.type(of: rule)?.defaultSeverity ?? .error
    }
}
