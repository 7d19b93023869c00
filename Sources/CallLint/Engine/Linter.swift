/// Checks request bodies: runs the active rules over one parsed body, or reports why a body
/// does not parse. The input drivers (Sources/CallLint/Inputs) find the bodies.
public final class Linter: Sendable {
    public let settings: LintSettings
    public let parser: JSONParser

    /// The checks of the rules that run, in precedence order: worked out once per linter, not
    /// once per request body (as are the severities below). A check is kept as a closure:
    /// copying one out of the array is one count, where copying a (precedence, rule) pair went
    /// through the existential's value witness, once per rule per body.
    let activeChecks: [(precedence: Int, check: @Sendable (RuleContext) -> Void)]
    /// Indexed by precedence, so a finding needs no string lookup.
    let severityByPrecedence: [Severity]
    /// Whether the user set the rule's severity (then a finding's own severity does not apply).
    let severityIsConfigured: [Bool]
    /// Whether a body the clean-body screen passes can skip the rules: only when every rule
    /// that runs declares that the screen rules its findings out.
    let screensCleanBodies: Bool
    /// Phone numbers read with the configured default region.
    let phoneNumberDiagnosis: PhoneNumberDiagnosis

    public init(settings: LintSettings = LintSettings(), parser: JSONParser = JSONParser()) {
        self.settings = settings
        self.parser = parser
        phoneNumberDiagnosis = PhoneNumberDiagnosis(
            defaultRegion: settings.defaultRegion.flatMap(NumberingPlan.shared.region(code:)))
        // Only the rules that can find something in a parsed body: not those reported
        // elsewhere, and not one whose required setting is not set (it runs only when selected,
        // and then checks nothing). With none left, a body is parsed and nothing more.
        let activeRules = RuleRegistry.rules.enumerated().filter { _, rule in
            settings.isEnabled(rule.id) && type(of: rule).checksParsedBodies
                && type(of: rule).requiredSetting.map { $0.isSet(settings) } ?? true
        }
        activeChecks = activeRules.map { precedence, rule in (precedence, { rule.check($0) }) }
        severityByPrecedence = RuleRegistry.ids.map { settings.severity(of: $0) }
        severityIsConfigured = RuleRegistry.ids.map { settings.severityOverrides[$0] != nil }
        screensCleanBodies = activeRules.allSatisfy { type(of: $0.element).isScreened }
    }

    /// The `invalid-json` diagnostic for a body that does not parse, unless the rule is off.
    public func check(syntaxError error: JSONSyntaxError, in source: SourceText) -> [Diagnostic] {
        guard settings.isEnabled(InvalidJSONRule.id), let severity = severity(of: InvalidJSONRule.id) else { return [] }
        return [InvalidJSONRule.diagnostic(for: error, in: source, severity: severity)]
    }

    /// The severity a rule reports at, under these settings.
    func severity(of id: String) -> Severity? {
        RuleRegistry.precedenceByID[id].map { severityByPrecedence[$0] }
    }

    /// Checks one request body: a document's root, a line of NDJSON, an element of an array.
    public func check(body root: JSONValue) -> [Diagnostic] {
        guard !activeChecks.isEmpty else { return [] }
        if screensCleanBodies, CleanBodyScreen.isClean(root) { return [] }
        return checkWithEveryRule(root)
    }

    /// Every active rule over one body, without the clean-body screen.
    /// - Parameter readingEveryValue: the rules read plain values too, instead of passing over
    ///   those FieldValueTest passes: how the tests hold that test (and the screen) to the rules.
    func checkWithEveryRule(_ root: JSONValue, readingEveryValue: Bool = false) -> [Diagnostic] {
        let context = RuleContext(
            view: CallRequestView(root: root), settings: settings, phoneNumberDiagnosis: phoneNumberDiagnosis,
            readsEveryValue: readingEveryValue)
        for (precedence, check) in activeChecks {
            context.currentPrecedence = precedence
            check(context)
        }
        return context.findings.isEmpty
            ? [] : Self.resolve(context.findings, severities: severityByPrecedence, configured: severityIsConfigured)
    }

    /// Orders a body's findings by position (the rule's precedence breaks ties) and makes them
    /// diagnostics. Findings an earlier rule already explains were never kept (RuleContext.report).
    static func resolve(_ findings: [Finding], severities: [Severity], configured: [Bool]) -> [Diagnostic] {
        // Positions, not findings, are sorted, and fields are read one by one: a finding read
        // whole is a copy of a dozen references.
        var kept = Array(findings.indices)
        if kept.count > 1 {
            kept.sort { lhs, rhs in
                let (lhsStart, rhsStart) = (findings[lhs].range.lowerBound, findings[rhs].range.lowerBound)
                return lhsStart != rhsStart ? lhsStart < rhsStart : findings[lhs].precedence < findings[rhs].precedence
            }
        }
        return kept.map { index in
            let precedence = findings[index].precedence
            return Diagnostic(
                ruleID: RuleRegistry.ids[precedence],
                severity: configured[precedence]
                    ? severities[precedence] : findings[index].severity ?? severities[precedence],
                message: findings[index].message, range: findings[index].range, pointer: findings[index].node.pointer,
                help: findings[index].help, fix: findings[index].fix, related: findings[index].related)
        }
    }
}
