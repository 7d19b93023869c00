/// Parses one input and runs the rules over it.
public struct Linter: Sendable {
    public let settings: LintSettings
    public let parser: JSONParser

    /// The rules that run, in precedence order, and the severity each reports at: worked out
    /// once per linter, not once per request body.
    let activeRules: [any Rule]
    let severities: [String: Severity]

    public init(settings: LintSettings = LintSettings(), parser: JSONParser = JSONParser()) {
        self.settings = settings
        self.parser = parser
        activeRules = RuleRegistry.rules.filter { settings.isEnabled($0.id) }
        severities = Dictionary(uniqueKeysWithValues: RuleRegistry.ids.map { ($0, settings.severity(of: $0)) })
    }

    public func lint(_ source: SourceText) -> [Diagnostic] {
        switch parser.parse(source) {
        case .failure(let error):
            return invalidJSON(error)
        case .success(let document):
            return lint(document)
        }
    }

    /// The `invalid-json` diagnostic for a syntax error, unless the rule is switched off.
    func invalidJSON(_ error: JSONSyntaxError) -> [Diagnostic] {
        guard let severity = severities[InvalidJSONRule.id], settings.isEnabled(InvalidJSONRule.id) else { return [] }
        return [InvalidJSONRule.diagnostic(for: error, severity: severity)]
    }

    public func lint(_ document: JSONDocument) -> [Diagnostic] {
        lint(request: document.root)
    }

    /// Checks one request body: the document's root, or an element of a batch.
    public func lint(request root: JSONValue) -> [Diagnostic] {
        let context = RuleContext(view: CallRequestView(root: root), settings: settings)
        for rule in activeRules {
            context.currentRule = rule.id
            rule.check(context)
        }
        return context.findings.isEmpty ? [] : Self.resolve(context.findings, severities: severities)
    }

    /// Checks a JSON array of request bodies, each element on its own (`--array`), here on
    /// one thread. A root that is not an array is a `wrong-type`.
    public func lintBatch(_ source: SourceText) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        ArrayBatchLinter(linter: self).lint(source, map: { count, body in (0..<count).map(body) }, emit: { diagnostics += $0 })
        return diagnostics
    }

    /// Drops findings that an earlier rule's exclusive finding already explains, then orders
    /// the rest by position.
    static func resolve(_ findings: [Finding], severities: [String: Severity]) -> [Diagnostic] {
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
                ruleID: finding.ruleID, severity: severities[finding.ruleID] ?? .error, message: finding.message,
                range: finding.range, pointer: finding.node.pointer, help: finding.help, fix: finding.fix, related: finding.related)
        }.sorted { lhs, rhs in
            if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
            return (precedence[lhs.ruleID] ?? Int.max) < (precedence[rhs.ruleID] ?? Int.max)
        }
    }
}
