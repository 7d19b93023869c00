/// `empty-value`: `""` (or only spaces) where the model needs something to act on: a phone
/// number, an address, an id. Said as it is, not as "a number with no digits".
struct EmptyValueRule: Rule {
    static let id = "empty-value"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none
    static let isScreened = true

    static let roles: [FieldRole] = [.phoneNumber, .address, .identifier]

    func check(_ context: RuleContext) {
        for role in Self.roles {
            for member in context.view.fields(role) where !context.isPlain(member) {
                check(member.path, member.value, role: role, context)
            }
        }
        for member in context.view.fields(.identifierList) where member.value.kind == .array && !context.isPlain(member)
        {
            for (index, item) in member.value.children.enumerated() {
                check("\(member.path)[\(index)]", item, role: .identifier, context)
            }
        }
    }

    func check(_ name: String, _ value: JSONValue, role: FieldRole, _ context: RuleContext) {
        guard let cleaned = context.cleanedContent(of: value), cleaned.isEmpty else { return }
        let what: String
        switch role {
        case .phoneNumber: what = "a phone number, like \"+13175550123\""
        case .address: what = "an address, like \"+13175550123\" or \"sip:alice@example.com\""
        default: what = "an id, like \"3fa85f64-5717-4562-b3fc-2c963f66afa6\""
        }
        context.report("`\(name)` is empty", at: value.range, node: value, help: "write \(what), or remove the field")
    }
}
