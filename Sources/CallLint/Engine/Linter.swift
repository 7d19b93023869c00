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
        lint(request: document.root)
    }

    /// Checks one request body: the document's root, or an element of a batch.
    public func lint(request root: JSONValue) -> [Diagnostic] {
        let context = RuleContext(view: CallRequestView(root: root), settings: settings)
        for rule in RuleRegistry.rules where settings.isEnabled(rule.id) {
            context.currentRule = rule.id
            rule.check(context)
        }
        return Self.resolve(context.findings, settings: settings)
    }

    /// Checks a JSON array of request bodies, each element on its own (`--array`). A root
    /// that is not an array is a `wrong-type`.
    public func lintBatch(_ source: SourceText) -> [Diagnostic] {
        let document: JSONDocument
        switch parser.parse(source) {
        case .failure(let error):
            guard settings.isEnabled(InvalidJSONRule.id) else { return [] }
            return [InvalidJSONRule.diagnostic(for: error, severity: settings.severity(of: InvalidJSONRule.id))]
        case .success(let parsed):
            document = parsed
        }
        let root = document.root
        guard root.kind == .array else {
            guard settings.isEnabled(WrongTypeRule.id) else { return [] }
            return [
                Diagnostic(
                    ruleID: WrongTypeRule.id, severity: settings.severity(of: WrongTypeRule.id),
                    message: "with --array the input must be a JSON array of request bodies, found \(root.kind.description)",
                    range: root.range.lowerBound..<root.range.lowerBound + 1, pointer: "",
                    help: "check a single request body without --array")
            ]
        }
        return root.children.flatMap { lint(request: $0) }
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
