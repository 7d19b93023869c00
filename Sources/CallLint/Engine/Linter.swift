/// Parses one input and runs the rules over it.
public struct Linter: Sendable {
    public let settings: LintSettings
    public let parser: JSONParser

    public init(settings: LintSettings = LintSettings(), parser: JSONParser = JSONParser()) {
        self.settings = settings
        self.parser = parser
    }

    public func lint(_ source: SourceText) -> [Diagnostic] {
        switch parser.parse(source) {
        case .failure(let error):
            guard settings.isEnabled(InvalidJSONRule.id) else { return [] }
            return [InvalidJSONRule.diagnostic(for: error, severity: settings.severity(of: InvalidJSONRule.id))]
        case .success(let document):
            return lint(document)
        }
    }

    public func lint(_ document: JSONDocument) -> [Diagnostic] {
        let context = RuleContext(view: CallRequestView(document: document), settings: settings)
        for rule in RuleRegistry.rules where settings.isEnabled(rule.id) {
            context.currentRule = rule.id
            rule.check(context)
        }
        return Self.resolve(context.findings, settings: settings)
    }

    /// Drops findings that an earlier rule's exclusive finding already explains, then orders
    /// the rest by position.
    static func resolve(_ findings: [Finding], settings: LintSettings) -> [Diagnostic] {
        let precedence = RuleRegistry.precedence
        let claims = findings.filter(\.exclusive)
        let kept = findings.filter { finding in
            let rank = precedence[finding.ruleID] ?? Int.max
            return !claims.contains { claim in
                (precedence[claim.ruleID] ?? Int.max) < rank
                    && claim.scope.lowerBound <= finding.scope.lowerBound && finding.scope.upperBound <= claim.scope.upperBound
            }
        }
        return kept.map { finding in
            Diagnostic(
                ruleID: finding.ruleID, severity: settings.severity(of: finding.ruleID), message: finding.message,
                range: finding.range, pointer: finding.pointer, help: finding.help, fix: finding.fix, related: finding.related)
        }.sorted { lhs, rhs in
            if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
            return (precedence[lhs.ruleID] ?? Int.max) < (precedence[rhs.ruleID] ?? Int.max)
        }
    }
}
