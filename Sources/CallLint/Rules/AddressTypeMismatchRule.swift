/// `address-type-mismatch`: an address of one kind where another kind is declared: a `sip:`
/// address under `addressType: "tel"`, a phone number under `"sip"`, a SIP address behind a
/// `tel:` prefix or in `callerId`, a bare number behind `sip:`. `phoneNumber` takes SIP and
/// flow addresses as a participant's `address` does.
struct AddressTypeMismatchRule: Rule {
    static let id = "address-type-mismatch"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion
    static let isScreened = true

    func check(_ context: RuleContext) {
        for destination in context.view.destinations {
            checkDeclaredType(destination, context)
        }
        for member in context.view.numberAndAddressFields {
            if member.numberField == .address {
                if !context.isPlain(member) { checkScheme(member.value, context) }
                continue
            }
            guard let (form, text) = context.addressForm(of: member.value), form.isSIP else { continue }
            context.report(
                "`\(member.name)` takes a phone number, but \(JSONString.quoted(text)) is a SIP address",
                at: member.value.range,
                node: member.value,
                help: "`callerId` is the phone number callees see; write an E.164 number such as \"+13175550100\"")
        }
    }

    /// `addressType` is not in the Destination model, but forum answers add it; when it
    /// contradicts the address, that contradiction is the mistake to report.
    func checkDeclaredType(_ destination: JSONValue, _ context: RuleContext) {
        guard let declared = destination.member("addressType"),
            let address = context.view.field("address", of: destination),
            let declaredText = context.cleanedContent(of: declared),
            let (form, addressText) = context.addressForm(of: address),
            let scope = Optional(declared.memberRange)
        else { return }
        let kind = declaredText.lowercased()
        let contradiction: String?
        switch (kind, form) {
        case ("tel", .sip), ("tel", .bareSIP):
            contradiction =
                "`addressType` says \(JSONString.quoted(declaredText)) but the address "
                + "\(JSONString.quoted(addressText)) is a SIP address"
        case ("sip", .phone), ("sip", .tel):
            contradiction =
                "`addressType` says \(JSONString.quoted(declaredText)) but the address "
                + "\(JSONString.quoted(addressText)) is a phone number"
        default:
            contradiction = nil
        }
        guard let contradiction else { return }
        context.report(
            contradiction, at: declared.range, node: declared, scope: scope,
            help:
                "remove `addressType`: Destination has no such field, and the API takes the kind of address from the "
                + "address itself",
            fix: Fix(title: "remove `addressType`", edits: [Edits.remove(declared)], applicability: .suggestion))
    }

    func checkScheme(_ value: JSONValue, _ context: RuleContext) {
        guard let (form, text) = context.addressForm(of: value) else { return }
        switch form {
        case .tel(let scheme, let number) where number.containsASCII("@"):
            // Only a SIP address with nothing else wrong is offered.
            let corrected = SIPAddressAnalysis(rest: number).problem == nil ? "sip:" + number : nil
            context.report(
                "a SIP address behind a `\(scheme):` prefix: \(JSONString.quoted(text))", at: value.range, node: value,
                help: corrected.map { "write \(JSONString.quoted($0))" } ?? "write it as a SIP URI, sip:user@host",
                fix: corrected.map {
                    Fix(
                        title: "use the sip: scheme", edits: [Edits.replace(value, with: JSONString.quoted($0))],
                        applicability: .suggestion)
                })
        case .sip(let scheme, let rest) where !rest.containsASCII("@") && EmbeddedAddress.looksLikeNumber(rest):
            // Only a number that needs no correction is named; anything else gets the general advice.
            let number = context.phoneNumberDiagnosis.problem(of: rest) == nil ? rest : nil
            context.report(
                "a phone number behind a `\(scheme):` prefix: \(JSONString.quoted(text)) has no host to send the "
                    + "call to",
                at: value.range,
                node: value,
                help: number.map {
                    "to dial the number, write \(JSONString.quoted($0)) or \(JSONString.quoted("tel:" + $0)); a SIP "
                        + "address is sip:user@host"
                }
                    ?? "to dial the number, write it in E.164 (+ country code and digits); a SIP address is "
                    + "sip:user@host"
            )
        default:
            break
        }
    }
}
