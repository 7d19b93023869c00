/// `id-format`: an id field that is not a Genesys id (a UUID): a name, an email, a phone
/// number, an id without hyphens or wrapped in braces.
struct IdFormatRule: Rule {
    static let id = "id-format"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion
    static let isScreened = true

    func check(_ context: RuleContext) {
        for member in context.view.fields(.identifier) where !context.isPlain(member) {
            check(member.path, member.value, context)
        }
        for member in context.view.fields(.identifierList) where member.value.kind == .array && !context.isPlain(member)
        {
            for (index, item) in member.value.children.enumerated() {
                check("\(member.path)[\(index)]", item, context)
            }
        }
    }

    func check(_ name: String, _ value: JSONValue, _ context: RuleContext) {
        // An empty id is empty-value's to report.
        guard let text = context.content(of: value), !IdentifierSyntax.isUUID(text),
            !InvisibleCharacters.cleaned(text).isEmpty
        else { return }
        let diagnosis = IdentifierSyntax.diagnose(text)
        context.report(
            "`\(name)` \(JSONString.quoted(text)) \(diagnosis.problem)", at: value.range, node: value,
            help: diagnosis.corrected.map { "write \(JSONString.quoted($0))" }
                ?? "Genesys ids are UUIDs, like \"3fa85f64-5717-4562-b3fc-2c963f66afa6\"",
            fix: diagnosis.corrected.map {
                Fix(
                    title: "write the id", edits: [Edits.replace(value, with: JSONString.quoted($0))],
                    applicability: .suggestion)
            })
    }
}
