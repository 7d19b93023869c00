/// `address-type-case`: address types and URI schemes written in capitals (`"TEL"`, `"Sip"`,
/// `TEL:+1...`), which the API does not recognise.
struct AddressTypeCaseRule: Rule {
    static let id = "address-type-case"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.safe
    static let isScreened = true

    func check(_ context: RuleContext) {
        for destination in context.view.destinations {
            guard let declared = destination.member("addressType"), let text = context.content(of: declared)
            else { continue }
            let lower = text.lowercased()
            guard lower == "tel" || lower == "sip", text != lower else { continue }
            // Lowercasing would leave a key the model does not have: the fix removes it.
            context.report(
                "`addressType` \(JSONString.quoted(text)) is not lowercase, and Destination has no `addressType` at "
                    + "all",
                at: declared.range, node: declared, scope: declared.memberRange,
                help: "remove `addressType`: the API reads the kind of address from the address itself",
                fix: Fix(title: "remove `addressType`", edits: [Edits.remove(declared)], applicability: .suggestion))
        }
        for member in context.view.fields(.address) {
            let value = member.value
            guard let text = context.content(of: value),
                let scheme = context.addressForm(of: value)?.form.miscasedScheme,
                let range = text.firstRange(of: scheme + ":")
            else { continue }
            var corrected = text
            corrected.replaceSubrange(range, with: scheme.lowercased() + ":")
            // Not exclusive: what follows the scheme may have its own mistake.
            context.report(
                "URI scheme `\(scheme):` is not lowercase", at: value.range, node: value, exclusive: false,
                help: "write \(JSONString.quoted(corrected))",
                fix: Fix(
                    title: "lowercase the scheme", edits: [Edits.replace(value, with: JSONString.quoted(corrected))],
                    applicability: .safe))
        }
    }
}
