/// A string value that should hold a phone number: `phoneNumber`, `callerId`, or a
/// participant `address` that is not a SIP address. `number` is the text without invisible
/// characters and without a `tel:` prefix; `scheme` is that prefix as written, if any.
struct PhoneNumberValue {
    let field: String
    let value: JSONValue
    let number: String
    let scheme: String?

    /// The value written with a corrected number, keeping a `tel:` prefix.
    func rewritten(_ corrected: String) -> String {
        (scheme.map { $0.lowercased() + ":" } ?? "") + corrected
    }
}

extension RuleContext {
    static func phoneNumberValues(in view: CallRequestView, context: RuleContext) -> [PhoneNumberValue] {
        var found: [PhoneNumberValue] = []
        for member in view.numberAndAddressFields {
            let value = member.value
            guard let cleaned = context.cleanedContent(of: value) else { continue }
            switch AddressForm(cleaned) {
            case .phone(let number):
                found.append(PhoneNumberValue(field: member.name, value: value, number: number, scheme: nil))
            case .tel(let scheme, let number):
                found.append(PhoneNumberValue(field: member.name, value: value, number: number, scheme: scheme))
            case .sip, .bareSIP:
                continue
            }
        }
        return found
    }
}
