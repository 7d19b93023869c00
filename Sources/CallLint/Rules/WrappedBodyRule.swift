/// `wrapped-body`: the request inside a wrapper, `{"body": {...}}` or `{"data": {...}}`, as
/// the code that builds it holds it. The API reads the wrapper as the request. The rules
/// check the wrapped request, so its own mistakes are still reported.
struct WrappedBodyRule: Rule {
    static let id = "wrapped-body"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion
    static let isScreened = true

    func check(_ context: RuleContext) {
        guard let wrapper = context.view.wrapper, let key = wrapper.key, let keyRange = wrapper.keyRange else { return }
        context.report(
            "the request is wrapped in \(JSONString.quoted(key)): the API reads the whole document as the request",
            at: keyRange, node: wrapper,
            help: "send the object inside \(JSONString.quoted(key)) as the body itself",
            fix: Fix(
                title: "unwrap the request", edits: [Edits.replace(context.root, with: wrapper.rawText)],
                applicability: .suggestion))
    }
}
