/// `address-type-case`: address types and URI schemes written in capitals (`"TEL"`, `"Sip"`,
/// `TEL:+1...`), which the API does not recognise.
struct AddressTypeCaseRule: Rule {
    static let id = "address-type-case"

    func check(_ context: RuleContext) {
        for destination in context.view.destinations {
            guard let declared = destination.member("addressType"), declared.kind == .string,
                !context.isPlaceholder(declared), let text = declared.stringValue
            else { continue }
            let lower = text.lowercased()
            guard lower == "tel" || lower == "sip", text != lower else { continue }
            context.report(
                "`addressType` \(JSONWriter.quote(text)) is not lowercase", at: declared.range, node: declared,
                scope: declared.memberRange,
                help: "address types are lowercase: write \(JSONWriter.quote(lower)); better, remove `addressType`, which Destination does not have: the API reads the kind from the address",
                fix: Fix(title: "lowercase `addressType`", edits: [Edits.replace(declared, with: JSONWriter.quote(lower))], applicability: .safe))
        }
        for member in context.view.fields(.address) {
            let value = member.value
            guard value.kind == .string, !context.isPlaceholder(value), let text = value.stringValue,
                let scheme = AddressForm(InvisibleCharacters.cleaned(text)).miscasedScheme,
                let range = text.firstRange(of: scheme + ":")
            else { continue }
            var corrected = text
            corrected.replaceSubrange(range, with: scheme.lowercased() + ":")
            context.report(
                "URI scheme `\(scheme):` is not lowercase", at: value.range, node: value,
                help: "write \(JSONWriter.quote(corrected))",
                fix: Fix(title: "lowercase the scheme", edits: [Edits.replace(value, with: JSONWriter.quote(corrected))], applicability: .safe))
        }
    }
}
