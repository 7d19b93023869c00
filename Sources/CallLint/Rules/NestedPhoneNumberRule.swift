/// `nested-phone-number`: a phone number wrapped in an object,
/// `{"phoneNumber": {"phoneNumber": "+1..."}}`, where the model wants the string itself.
struct NestedPhoneNumberRule: Rule {
    static let id = "nested-phone-number"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe
    static let isScreened = true

    func check(_ context: RuleContext) {
        for member in context.view.numberAndAddressFields {
            let value = member.value
            guard value.kind == .object || value.kind == .array, let inner = EmbeddedAddress.find(in: value) else {
                continue
            }
            let path = innerPath(of: inner, below: value)
            // The number itself may need writing right too; with no certain way to, no fix.
            let moved = member.role.flatMap { context.movedValue(inner, to: $0, named: member.fieldName) }
            context.report(
                "`\(member.name)` is \(value.kind.description) holding the number in \(path); the API wants the "
                    + "number itself, as a string",
                at: value.range, node: value,
                help: "write \(JSONString.quoted(member.name)): \(moved?.text ?? inner.rawText)"
                    + (moved == nil ? ", with the number in E.164 (+ country code and digits)" : ""),
                fix: moved.map {
                    Fix(
                        title: "flatten to the number", edits: [Edits.replace(value, with: $0.text)],
                        applicability: $0.applicability)
                })
        }
    }

    func innerPath(of inner: JSONValue, below outer: JSONValue) -> String {
        var keys: [String] = []
        var current: JSONValue? = inner
        while let node = current, node.index != outer.index {
            keys.append(node.key ?? "[]")
            current = node.parent
        }
        return "`" + keys.reversed().joined(separator: ".") + "`"
    }
}
