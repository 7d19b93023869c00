/// What a rule sees (the document through the model, the settings) and where it reports.
final class RuleContext {
    let view: CallRequestView
    let settings: LintSettings
    private(set) var findings: [Finding] = []
    var currentRule = ""

    init(view: CallRequestView, settings: LintSettings) {
        self.view = view
        self.settings = settings
    }

    var document: JSONDocument { view.document }
    /// The request body being checked.
    var root: JSONValue { view.root }
    var source: SourceText { view.document.source }

    /// Reports a finding.
    /// - Parameters:
    ///   - range: what the caret underlines.
    ///   - node: the value concerned; gives the JSON Pointer.
    ///   - scope: the stretch of text this finding explains; defaults to `range`.
    ///   - exclusive: when true, findings of later (more general) rules inside `scope` are the
    ///     same mistake seen again, and are dropped: one mistake, one diagnostic.
    func report(
        _ message: String, at range: Range<Int>, node: JSONValue, scope: Range<Int>? = nil, exclusive: Bool = true,
        help: String? = nil, fix: Fix? = nil, related: [Diagnostic.Related] = []
    ) {
        findings.append(
            Finding(
                ruleID: currentRule, message: message, range: range, scope: scope ?? range, exclusive: exclusive,
                pointer: node.pointer, help: help, fix: fix, related: related))
    }

    /// A string value that is, or holds, a template placeholder.
    func isPlaceholder(_ value: JSONValue) -> Bool {
        guard value.kind == .string, let text = value.stringValue else { return false }
        return settings.placeholders.containsPlaceholder(text)
    }

    /// A JSON string literal for `text`, for replacement edits.
    func literal(_ text: String) -> String { JSONWriter.quote(text) }
}

struct Finding {
    let ruleID: String
    let message: String
    let range: Range<Int>
    let scope: Range<Int>
    let exclusive: Bool
    let pointer: String
    let help: String?
    let fix: Fix?
    let related: [Diagnostic.Related]
}
